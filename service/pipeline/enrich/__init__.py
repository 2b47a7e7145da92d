"""Plain values from the model -> the response: groups, quotes, dates, stats, warnings, offsets."""

from bisect import bisect_right
from dataclasses import replace

from ..normalize import Normalized
from ..types import Analysis, Article, Enrichment, Entity, Mention, ModelInfo, Span
from . import dates
from .attribution import attribute
from .checks import check, count
from .encoding import encode
from .fingerprint import body, simhash
from .groups import group_mentions
from .keyphrases import extract_keyphrases
from .places import link, unavailable
from .quotes import find_quotes
from .salience import summarize
from .speech import Parse

# The sections that read the groups (names, salience, gazetteer ids); entities need only the
# group numbers, so an answer without these skips summarizing them.
GROUPED = frozenset({"groups", "quotes", "places"})


def enrich(article: Article, norm: Normalized, analysis: Analysis, model: ModelInfo, *,
           max_keyphrases: int = 10) -> Enrichment:
    """Everything the article's options ask for, with offsets in the requested encoding."""
    options = article.options
    include = options.include
    mentions = with_dateline(within_paragraphs(analysis.mentions, norm.paragraphs), norm)
    numbers = group_mentions(mentions)
    groups = _groups(mentions, numbers, norm) if include & GROUPED else []
    warnings = [*norm.warnings, *check(analysis, norm.text)]
    quotes = None
    if "quotes" in include:
        quotes, notices = _quotes(norm, analysis, mentions, numbers, groups)
        warnings.extend(notices)
    if "places" in include:
        warnings.extend(unavailable())
    wanted = options.labels
    result = Enrichment(
        id=article.id,
        text=norm.text,
        model=model,
        title=norm.title,
        publisher=norm.publisher,
        dateline=norm.dateline,
        authors=norm.authors,
        sections=norm.sections,
        warnings=warnings,
        entities=_entities(mentions, numbers, norm, options) if "entities" in include else None,
        groups=[g for g in groups if wanted is None or g.label in wanted]
        if "groups" in include
        else None,
        quotes=quotes,
        sentences=analysis.sentences if "sentences" in include else None,
        removed=norm.removed if "removed" in include else None,
        stats=count(analysis, norm.text, norm.paragraphs) if "stats" in include else None,
        fingerprint=simhash(body(norm.text, norm.sections)) if "fingerprint" in include else None,
        places=link(groups, norm.dateline) if "places" in include else None,
        keyphrases=_keyphrases(norm.text, analysis, mentions, max_keyphrases)
        if "keyphrases" in include
        else None,
    )
    return encode(result, article.text, options.offsets)


def _groups(mentions: list[Mention], numbers: list[int], norm: Normalized) -> list:
    summary = summarize(mentions, numbers, norm.text, norm.sections, norm.paragraphs)
    return with_ids(summary, mentions, numbers)


def _quotes(norm: Normalized, analysis: Analysis, mentions, numbers, groups) -> tuple[list, list]:
    text = norm.text
    spans, notices = find_quotes(text, norm.paragraphs)
    labels = {g.id: g.label for g in groups}
    quoted = [(span.opening, span.closing) for span in spans]
    parse = analysis.tokens and Parse(text, analysis.tokens, mentions, numbers, labels, quoted)
    return attribute(text, spans, parse, norm.paragraphs), notices


def _keyphrases(text: str, analysis: Analysis, mentions, limit: int) -> list:
    if analysis.tokens is None:  # a custom model without a parser
        return []
    return extract_keyphrases(text, analysis.tokens, mentions, limit=limit)


def with_ids(groups: list, mentions: list[Mention], numbers: list) -> list:
    """Each group with the gazetteer id of its first mention that has one."""
    ids: dict[int, str] = {}
    for mention, number in zip(mentions, numbers, strict=True):
        if mention.kb_id and number is not None:
            ids.setdefault(number, mention.kb_id)
    return [replace(g, kb_id=ids[g.id]) if g.id in ids else g for g in groups] if ids else groups


def within_paragraphs(mentions: list[Mention], paragraphs: list[Span]) -> list[Mention]:
    """Mentions without surrounding space, cut at the end of their paragraph: the model sometimes
    runs one into the next (`the Sahel\n\nAcross the Sahel`); an entity never spans two."""
    starts = [p.start for p in paragraphs]
    trimmed = []
    for m in mentions:
        start = m.start + len(m.text) - len(m.text.lstrip())
        paragraph = paragraphs[max(bisect_right(starts, start) - 1, 0)] if paragraphs else None
        end = min(m.end, paragraph.end) if paragraph and start < paragraph.end else m.end
        text = m.text[start - m.start : end - m.start].rstrip()
        if text:
            trimmed.append(Mention(text, m.label, start, start + len(text), m.kb_id))
    return trimmed


def with_dateline(mentions: list[Mention], norm: Normalized) -> list[Mention]:
    """The mentions with each place of the dateline as a GPE (`PORTLAND, Maine` is two):
    relabelled when the model found it under another label (`BRUSSELS` as ORG), added when it
    did not find it at all, left alone when the model's mention only overlaps it."""
    line = norm.dateline
    if line is None:
        return mentions
    for start, end in _places(norm.text, line.start, line.end):
        mentions = _with_place(mentions, Mention(norm.text[start:end], "GPE", start, end))
    return mentions


def _places(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The comma-separated parts of a dateline location, as spans of `text`."""
    spans, at = [], start
    for part in text[start:end].split(","):
        lead = len(part) - len(part.lstrip())
        if part.strip():
            spans.append((at + lead, at + lead + len(part.strip())))
        at += len(part) + 1
    return spans


def _with_place(mentions: list[Mention], place: Mention) -> list[Mention]:
    overlapping = [m for m in mentions if m.start < place.end and place.start < m.end]
    if not overlapping:
        return sorted([*mentions, place], key=lambda m: m.start)
    # Relabelled, not replaced: a gazetteer id stays with the mention.
    same = (place.start, place.end)
    return [replace(m, label=place.label) if (m.start, m.end) == same else m for m in mentions]


def _entities(mentions, numbers, norm: Normalized, options) -> list[Entity]:
    to_source = norm.offsets.to_source
    published = options.published
    return [
        Entity(
            m.text,
            m.label,
            m.start,
            m.end,
            to_source(m.start, m.end),
            group,
            dates.resolve(m.text, published) if published and m.label == "DATE" else None,
            m.kb_id,
        )
        for m, group in zip(mentions, numbers, strict=True)
        if options.labels is None or m.label in options.labels
    ]
