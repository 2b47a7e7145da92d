"""Groups with canonical names and salience, from mentions and their group numbers."""

from ..types import Group, Mention, Section, Span
from .groups import NUMERIC, complete_name, display

TITLE_WEIGHT = 1.0
LEAD_WEIGHT = 0.5
POSITION_DECAY = 0.5


def summarize(
    mentions: list[Mention],
    numbers: list[int],
    text: str,
    sections: list[Section],
    paragraphs: list[Span],
) -> list[Group]:
    """One Group per group number, with the salience formula below.

    For every group g of named things (numbers, dates and amounts get 0):
      weight(g) = n(g) * (1 - 0.5 * p(g)) * (1 + 1.0 * title(g) + 0.5 * lead(g))
    n: mentions; p: offset of the first mention / length of the text (0 at the top, 1 at the end);
    title: 1 if a mention lies in the title section; lead: 1 if one lies in the first body
    paragraph. salience(g) = weight(g) / sum of all weights, so saliences sum to 1.
    """
    members: list[list[Mention]] = [[] for _ in range(max(numbers, default=-1) + 1)]
    for mention, number in zip(mentions, numbers, strict=True):
        members[number].append(mention)
    title = [s for s in sections if s.kind == "title"]
    lead = lead_paragraph(paragraphs, sections)
    weights = [_weight(ms, len(text), title, lead) for ms in members]
    total = sum(weights) or 1.0
    return [
        _group(number, ms, weight / total, text)
        for number, (ms, weight) in enumerate(zip(members, weights, strict=True))
    ]


def _weight(members: list[Mention], length: int, title: list[Section], lead: Span) -> float:
    if members[0].label in NUMERIC:
        return 0.0
    position = members[0].start / max(length, 1)
    in_title = any(s.start <= m.start < s.end for m in members for s in title)
    in_lead = any(lead.start <= m.start < lead.end for m in members)
    return (
        len(members)
        * (1 - POSITION_DECAY * position)
        * (1 + TITLE_WEIGHT * in_title + LEAD_WEIGHT * in_lead)
    )


def _group(number: int, members: list[Mention], salience: float, text: str) -> Group:
    names = [display(m.text, m.label) for m in members]
    best = max(range(len(members)), key=lambda i: (len(names[i].split()), len(names[i])))
    name = members[best].text if members[best].label in NUMERIC else names[best]
    if members[best].label == "PERSON" and " " not in name:
        name = complete_name(name, text)
    first = members[0]
    return Group(
        number,
        name,
        members[best].label,
        len(members),
        Span(first.start, first.end),
        round(salience, 4),
    )


def lead_paragraph(paragraphs: list[Span], sections: list[Section]) -> Span:
    """The first paragraph that is not the title or a caption."""
    skipped = [s for s in sections if s.kind in ("title", "caption")]
    for p in paragraphs:
        if not any(s.start < p.end and p.start < s.end for s in skipped):
            return p
    return Span(0, 0)
