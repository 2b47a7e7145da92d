"""Where the metadata sits in an article: bylines, the headline, the dateline."""

from dataclasses import dataclass

from .metadata import is_headline, is_role_line, match_dateline, parse_byline, split_headline
from .pieces import Paragraph

_TITLE_WITHIN = 3  # the headline is among the first few kept paragraphs, or there is none


@dataclass(frozen=True, slots=True)
class DatelineAt:
    """A dateline at the start of `paragraph`: its own length and its location's span."""

    paragraph: int
    end: int
    location: tuple[int, int]
    agency: str | None


def mark_bylines(paragraphs: list[Paragraph]) -> list[str]:
    """Remove byline lines (and an outlet/role line right after one); their authors."""
    authors: list[str] = []
    after_byline = False
    for paragraph in paragraphs:
        if paragraph.kind:
            continue
        names = parse_byline(paragraph.text)
        if names is not None or (after_byline and is_role_line(paragraph.text)):
            paragraph.kind = "byline"
            authors += [name for name in names or () if name not in authors]
        after_byline = paragraph.kind == "byline"
    return authors


def mark_title(paragraphs: list[Paragraph]) -> tuple[str | None, str | None]:
    """The headline among the first kept paragraphs, its publisher suffix cut off."""
    kept = [p for p in paragraphs if not p.kind][: _TITLE_WITHIN + 1]
    for paragraph in kept[:_TITLE_WITHIN]:
        end, publisher = split_headline(paragraph.text)
        if paragraph is kept[-1] or not (publisher or is_headline(paragraph.text)):
            if paragraph.text[-1:] in '.!?"”' or len(paragraph.text) > 200:
                return None, None  # prose came first: this article has no headline line
            continue
        if end < len(paragraph.text):
            paragraph.cut(end, len(paragraph.text), "publisher_suffix")
        paragraph.section = "title"
        return paragraph.text, publisher
    return None, None


def mark_dateline(paragraphs: list[Paragraph]) -> DatelineAt | None:
    """A dateline opening the first paragraph of body text."""
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind or paragraph.section:
            continue
        match = match_dateline(paragraph.text)
        if match is None:
            return None
        end = match.end("dash") if match["dash"] else match.end()
        return DatelineAt(index, end, match.span("location"), match["agency"])
    return None
