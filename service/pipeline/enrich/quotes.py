"""Direct quotations in normalized text: straight, curly and single marks, across paragraphs."""

import re
from dataclasses import dataclass, replace

from ..types import Notice, Span

_DOUBLE = re.compile(r"[“”\"„«»]")
_SINGLE = re.compile(r"[‘’']")
_OPENERS = "“„«"
_CLOSERS = "”»"
_BEFORE_OPENING = " \n([{—–-/"
_MINOR = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"})
MIN_WORDS = 3  # one or two words in quotes are scare quotes or names, not quotations


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation found in the text, before attribution."""

    start: int  # the quoted words, without the marks
    end: int
    opening: int  # offset of the opening mark
    closing: int  # offset just past the closing mark, or the paragraph end if unclosed
    closed: bool
    short: bool = False  # `"We'll see," he said`: speech only if a speech verb claims it


def find_quotes(text: str, paragraphs: list[Span]) -> tuple[list[QuoteSpan], list[Notice]]:
    """Quotations in `text`, and a warning for each one left unclosed at a paragraph's end.

    A paragraph that ends inside a quotation continues it when the next paragraph opens with
    a quotation mark (the newspaper convention); otherwise the quotation ends with the paragraph.
    A paragraph without double quotes is searched for single ones ('…', as British papers use).
    """
    found: list[QuoteSpan] = []
    notices: list[Notice] = []
    opening: int | None = None
    spans = paragraphs
    for index, (start, end) in enumerate((p.start, p.end) for p in spans):
        marks = [m.start() for m in _DOUBLE.finditer(text, start, end)]
        if not marks and opening is None:
            found.extend(_single_quotes(text, start, end))
            continue
        if opening is not None and marks and marks[0] == start:
            marks = marks[1:]  # the mark that continues the previous paragraph's quotation
        for pos in marks:
            kind = _kind(text, pos, start, end, opening)
            if opening is None:
                opening = None if kind == "close" else pos
            elif kind != "open" or pos > opening + 1:
                found.append(_span(text, opening, pos, closed=True))
                opening = pos if kind == "open" else None
        following = spans[index + 1].start if index + 1 < len(spans) else None
        if opening is not None and not (following is not None and _opens(text, following)):
            found.append(_span(text, opening, end, closed=False))
            notices.append(Notice("unclosed_quote", _unclosed(text, opening)))
            opening = None
    kept = [q for q in found if is_quotation(text[q.start : q.end])]
    kept += [replace(q, short=True) for q in found if is_short_speech(text[q.start : q.end])]
    return sorted(kept, key=lambda q: q.start), notices


def _kind(text: str, pos: int, start: int, end: int, opening: int | None) -> str:
    char = text[pos]
    if char == "“" and opening is not None and text[opening] == "„":
        return "close"  # „German style“: the low mark opens, the high one closes
    if char in _OPENERS:
        return "open"
    if char in _CLOSERS:
        return "close"
    after = text[pos + 1] if pos + 1 < end else " "
    if (pos == start or text[pos - 1] in _BEFORE_OPENING) and not after.isspace():
        return "open"
    return "close"


def _opens(text: str, pos: int) -> bool:
    return pos < len(text) and (text[pos] in _OPENERS or text[pos] == '"')


def _span(text: str, opening: int, closing: int, *, closed: bool) -> QuoteSpan:
    start, end = opening + 1, closing
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, opening, closing + closed, closed)


def _single_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    found, opening = [], None
    for match in _SINGLE.finditer(text, start, end):
        pos = match.start()
        before = text[pos - 1] if pos > start else " "
        after = text[pos + 1] if pos + 1 < end else " "
        if opening is None and before in _BEFORE_OPENING and after.isalnum():
            opening = pos
        elif opening is not None and not before.isspace() and not after.isalnum():
            found.append(_span(text, opening, pos, closed=True))
            opening = None
    return found


def is_quotation(words: str) -> bool:
    """Enough words to be speech, and not a title in quotes (“The Lord of the Rings”)."""
    split = words.split()
    if len(split) < MIN_WORDS:
        return False
    titled = all(not w[0].islower() or w in _MINOR for w in split)
    return not (titled and words[-1] not in ".,!?…")


def is_short_speech(words: str) -> bool:
    """One or two words ending inside the marks as an utterance does: `"We'll see,"`, `"No!"`."""
    return 0 < len(words.split()) < MIN_WORDS and words[-1] in ",!?"


def _unclosed(text: str, opening: int) -> str:
    head = " ".join(text[opening + 1 : opening + 60].split()[:6])
    return f"The quotation opening “{head} …” is not closed; it is taken to end with its paragraph."
