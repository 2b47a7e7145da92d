"""Lines -> paragraphs: a blank or single line break separates paragraphs, except where a
scraper hard-wrapped a paragraph into lines, which are joined again (and hyphenation undone)."""

import re
from collections.abc import Callable
from functools import cache

from .pieces import Paragraph, Piece, split_pieces

MAX_WRAP_WIDTH = 100  # a document whose lines are longer than this was not hard-wrapped
_MIN_WRAP_WIDTH = 40
_WRAP_SLACK = 15  # a wrapped line falls short of the column by at most about one long word
_SENTENCE_END = frozenset(".!?:;\"”’')")
_HYPHENATED = re.compile(r"\w+-\w+")
_MAX_WORD = 100  # of a word joined across hyphenated lines, what the compound check looks at
_SUSPENDED_BY = frozenset({"and", "or", "nor", "to"})
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty"
    " hundred thousand million billion first second third fourth fifth half multi".split()
)
_BYLINE = re.compile(r"by [A-Z]")  # "Headline\nby Name": a lowercase byline is not a continuation
# Words a line of text cannot end on: a line ending on one was cut mid-sentence, so the next
# line is the rest of it even when it looks like furniture ("sworn in on\nAugust 30.").
_OPEN_ENDINGS = frozenset(
    "a an the of to in on at by for from with into onto upon about over under after before "
    "since until between through during against and or nor but than".split()
)
_MIN_OPEN_WORDS = 5  # a shorter open line is furniture ("Sponsored by", "Go to"), not a sentence


def join_lines(lines: list[list[Piece]], *, keep_apart: Callable[[str], bool]) -> list[Paragraph]:
    """Paragraphs of `lines`; lines `keep_apart` says are furniture are never joined."""
    texts = ["".join(piece.text for piece in line) for line in lines]
    furniture = cache(keep_apart)  # the wrap check and the joins may ask of the same line
    width = _wrap_width(texts, furniture)
    compounds: set[str] | None = None
    paragraphs: list[list[Piece]] = []  # built as lists, made Paragraphs once: linear time
    word = ""  # the last word of the paragraph being built: what a hyphenated join looks at
    last = ""  # the previous line, if the paragraph it ended may continue
    for line, text in zip(lines, texts, strict=True):
        if not line:
            last = ""
            continue
        if last and _continues_past_furniture(last, text, width, furniture):
            if compounds is None:
                compounds = _compounds("\n".join(texts))
            word = _join(paragraphs[-1], word, line, text, compounds)
        else:
            paragraphs.append(list(line))
            word = text.rsplit(" ", 1)[-1]
        last = text
    return [Paragraph(pieces) for pieces in paragraphs]


def _wrap_width(texts: list[str], furniture: Callable[[str], bool]) -> int:
    """The column a scraper wrapped at, or 0 when lines were not hard-wrapped: then most
    lines end near that column, many of them in mid-sentence, and few are longer or furniture:
    a page of share rows and footers is not wrapped prose, and joining a short sentence to the
    footer above it would remove the sentence with the footer."""
    lines = [text for text in texts if len(text) >= _MIN_WRAP_WIDTH]
    wrapped = [text for text in lines if len(text) <= MAX_WRAP_WIDTH]
    if _too_few(wrapped, len(lines)):
        return 0  # most texts: the lengths decide, and no rule is tried
    wrapped = [text for text in wrapped if not furniture(text)]
    if _too_few(wrapped, len(lines)):
        return 0
    width = max(len(text) for text in wrapped)
    full = sum(len(text) >= width - _WRAP_SLACK for text in wrapped)
    open_ended = sum(text[-1] not in _SENTENCE_END for text in wrapped)
    return width if full * 2 >= len(wrapped) and open_ended * 10 >= len(wrapped) * 3 else 0


def _too_few(wrapped: list[str], lines: int) -> bool:
    """Too few lines that may be wrapped prose among the `lines` long enough to be."""
    return len(wrapped) < 4 or lines - len(wrapped) > len(wrapped) // 10


def _runs_on(last: str, text: str) -> bool:
    """Does `text` carry on the sentence `last` left open, starting in lower case?"""
    return text[0].islower() and last[-1] not in _SENTENCE_END and not _BYLINE.match(text)


def _wraps(last: str, text: str, width: int) -> bool:
    """Would the next line's first word have taken `last` past the column it was wrapped at?"""
    first_word = len(text.split(" ", 1)[0])
    return len(last) >= width // 2 and len(last) + 1 + first_word > width


def _continues_past_furniture(
    last: str, text: str, width: int, keep_apart: Callable[[str], bool]
) -> bool:
    """Does `text` continue `last`? In hard-wrapped text the column decides, even for a line
    a rule would remove on its own ("… Agency for International" wrapped off the sentence it
    is part of). Elsewhere a line a rule removes continues nothing and is continued only when
    it finishes a sentence the prose line above left open ("sworn in on\nAugust 30.")."""
    if width and _wraps(last, text, width):
        return True
    if _runs_on(last, text):
        return not (keep_apart(last) or keep_apart(text))
    open_ended = last.rsplit(" ", 1)[-1] in _OPEN_ENDINGS and last.count(" ") + 1 >= _MIN_OPEN_WORDS
    return text[-1] in ".!?" and open_ended and not keep_apart(last)


def _join(pieces: list[Piece], word: str, line: list[Piece], text: str, compounds: set[str]) -> str:
    """Append `line` to a paragraph's `pieces`, in place; the paragraph's new last word."""
    first, last = text.split(" ", 1)[0], text.rsplit(" ", 1)[-1]
    hyphenated = len(word) > 1 and word[-1] == "-" and word[-2].isalnum()
    # "pro- and anti-war", "two- or three-game": a hyphen left hanging, then a space
    if hyphenated and text[0].islower() and first not in _SUSPENDED_BY:
        if not _is_compound(word, first, compounds):  # "inter-\nnational", not "well-known"
            pieces[-1:] = split_pieces(pieces[-1:], len(pieces[-1].text) - 1)[0]
            word = word[:-1]
        pieces += line
        return last if " " in text else (word + text)[-_MAX_WORD:]
    pieces += [Piece(" ", pieces[-1].raw_end, line[0].raw_start, False), *line]
    return last


def _compounds(text: str) -> set[str]:
    """The text's hyphenated words ("well-known"), and each one's first part with its hyphen
    ("well-"): a writer who wrote "triple-doubles" wrapped "triple-\ndouble" at its hyphen."""
    words = {word.lower() for word in _HYPHENATED.findall(text)}
    return words | {word.split("-", 1)[0] + "-" for word in words}


def _is_compound(word: str, first: str, compounds: set[str]) -> bool:
    """Whether "word-" at a line's end and `first` on the next are one hyphenated word: it, or
    a word starting as it does, is written so elsewhere in the text, or its first part is a
    number ("20-\nyear-old", "three-\ngame") or already hyphenated ("from-the-\npulpit"),
    which no typesetter splits."""
    head = word[:-1].lower()
    if f"{head}-{first.lower()}" in compounds or f"{head}-" in compounds:
        return True
    return "-" in head or any(c.isdigit() for c in head) or head in _NUMBER_WORDS
