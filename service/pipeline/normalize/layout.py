"""Where the metadata sits in an article: bylines, the headline, the dateline."""

import re
from dataclasses import dataclass

from .bylines import is_role_line, parse_bare_byline, read_byline
from .dateline import agency, match_dateline
from .headline import is_headline, split_headline
from .pieces import Paragraph
from .region import STOPWORDS

_WORD = re.compile(r"\w+")
_TITLE_WITHIN = 3  # the headline is among the first few kept paragraphs, or there is none
_DATELINE_WITHIN = 3  # so is the dateline, among those of the body
_BARE_BYLINE_WITHIN = 6  # a bare name is a byline only among the first kept paragraphs
_LEDE_WITHIN = 3  # kept paragraphs under a bare name where a headline's words recur
_TOLD_WORDS = 2  # one may be a place ("Name in Rome") or a common surname ("White House")


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
    after_byline, above_body, under_prose, signed, bylined = False, True, False, False, False
    kept = [p for p in paragraphs if not p.kind]
    for index, paragraph in enumerate(kept):
        above_body = above_body and index < _BARE_BYLINE_WITHIN
        role = after_byline and is_role_line(paragraph.text)  # "By A" then "BBC News"
        names, dated = (None, False) if role else read_byline(paragraph.text)
        if names and under_prose and dated:
            # A post signed and dated at its end ("Posted by A at 10:56 PM"), unless a "By"
            # line named its authors: then, as every later one, a reader's comment.
            names, signed = [] if signed or bylined else names, True
        bylined = bylined or bool(names)
        if names is None and above_body and not role and not _opens_article(kept, index):
            names = parse_bare_byline(paragraph.text)
            if names and _told_in_lede(paragraph.text, kept, index):
                names = None  # "Shuttle Launch Scrubbed" over "NASA has scrubbed the launch …"
        prose = _is_prose(paragraph.text)
        above_body, under_prose = above_body and not prose, under_prose or prose
        if role or names is not None:
            paragraph.kind = "byline"
            authors += [name for name in names or () if name not in authors]
        after_byline = paragraph.kind == "byline"
    return authors


def _opens_article(kept: list[Paragraph], index: int) -> bool:
    """The text's first line, right above its lede or its byline, is the headline, though a
    short one is shaped like a name ("Shuttle Launch Scrubbed", "Remembering Dusty Cohl")."""
    return index == 0 and any(_is_prose(p.text) for p in kept[1:3])


def _told_in_lede(text: str, kept: list[Paragraph], index: int) -> bool:
    """Whether two words of a line shaped like a name recur in the prose just below it: a
    headline telling the story, not its writer (whose name a lede seldom holds twice over)."""
    lede = [p.text for p in kept[index + 1 : index + 1 + _LEDE_WITHIN] if _is_prose(p.text)]
    found = {w for text in lede for w in _WORD.findall(text.casefold())}
    words = {w for w in _WORD.findall(text.casefold()) if len(w) > 2 and w not in STOPWORDS}
    return len(words & found) >= _TOLD_WORDS


def _is_prose(text: str) -> bool:
    """A sentence of the body: a long paragraph, or a shorter one ending like a sentence (wire
    copy's paragraphs are short, and the table lines under them are not bylines)."""
    ends = text[-1] in '.!?"”’:'  # or introduces a table: "Results on Saturday:"
    return (len(text) > 100 or text.count(" ") >= 5) and ends


def mark_publisher_lines(paragraphs: list[Paragraph], publisher: str | None) -> None:
    """A line that is only the publisher's name, once the headline named it, credits a photo."""
    for paragraph in paragraphs:
        if publisher and paragraph.text == publisher and not (paragraph.kind or paragraph.section):
            paragraph.kind = "photo_credit"


def mark_title(paragraphs: list[Paragraph]) -> tuple[str | None, str | None]:
    """The headline among the first kept paragraphs, its publisher suffix cut off."""
    kept = [p for p in paragraphs if not p.kind][: _TITLE_WITHIN + 1]
    for paragraph in kept[:_TITLE_WITHIN]:
        end, publisher = split_headline(paragraph.text)
        if paragraph is kept[-1] or not (publisher or is_headline(paragraph.text)):
            if paragraph.text[-1:] in '.!?"”' or len(paragraph.text) > 200:
                return None, None  # prose came first: this article has no headline line
            continue
        publisher = make_title(paragraph)
        return paragraph.text, publisher
    return None, None


def make_title(paragraph: Paragraph) -> str | None:
    """Label the paragraph the title, its publisher suffix cut off; the publisher it named."""
    end, publisher = split_headline(paragraph.text)
    if end < len(paragraph.text):
        paragraph.cut(end, len(paragraph.text), "publisher_suffix")
    paragraph.section = "title"
    return publisher


def mark_dateline(paragraphs: list[Paragraph]) -> DatelineAt | None:
    """A dateline opening one of the first paragraphs of body text."""
    body = [i for i, p in enumerate(paragraphs) if not (p.kind or p.section)][:_DATELINE_WITHIN]
    for index in body:
        paragraph = paragraphs[index]
        match = match_dateline(paragraph.text)
        if match is None:
            continue
        end = match.end("dash") if match["dash"] else match.end()
        return DatelineAt(index, end, match.span("location"), agency(match))
    return None
