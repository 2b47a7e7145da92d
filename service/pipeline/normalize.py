"""Raw scraped text -> Normalized(text, offset map, removed spans); pure Python, no model."""

import re
import unicodedata
from dataclasses import dataclass, field

from .offsets import OffsetMap
from .types import Dateline, Notice, Removed, Section, Span

# Invisible characters that carry no text: zero-width space, word joiner, BOM, soft hyphen,
# bidi embeddings/overrides/isolates, C0/C1 controls, and lone surrogates (only reachable
# from in-process callers: the HTTP layer rejects them). ZWJ/ZWNJ stay: emoji and scripts need them.
_INVISIBLE = (
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff"
)
# One linear scan splits the input into runs of whitespace, invisible characters and the rest;
# each alternative is a single character class, so nothing can backtrack.
_RUNS = re.compile(rf"(?P<space>\s+)|(?P<invisible>[{_INVISIBLE}]+)|[^\s{_INVISIBLE}]+")
MAX_COMBINING_MARKS = 32  # NFC and the tokenizer are slow on runs of combining marks: cut them


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    offsets: OffsetMap
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    dateline: Dateline | None = None
    authors: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # title/caption/dateline parts of text
    warnings: list[Notice] = field(default_factory=list)


def normalize(raw: str) -> Normalized:
    """Article text a model can read, with an exact map of every character back to `raw`."""
    pieces: list[str] = []
    offsets = OffsetMap()
    removed: list[Removed] = []
    pending_space = ""  # whitespace is emitted only once text follows, so none leads or trails
    for match in _RUNS.finditer(raw):
        start, end = match.span()
        if match.lastgroup == "space":
            gap = "\n\n" if match.group().count("\n") >= 2 else " "
            pending_space = max(pending_space, gap, key=len)
            space_span = (start, end)
        elif match.lastgroup == "invisible":
            continue
        else:
            if pending_space and pieces:
                pieces.append(pending_space)
                offsets.add(len(pending_space), *space_span, copied=False)
            pending_space = ""
            _append_nfc(match.group(), start, pieces, offsets, removed)
    return Normalized("".join(pieces), offsets, removed)


def _append_nfc(
    word: str, start: int, pieces: list[str], offsets: OffsetMap, removed: list[Removed]
) -> None:
    if _MARK_STORM.search(word) is None and unicodedata.is_normalized("NFC", word):
        pieces.append(word)
        offsets.add(len(word), start, start + len(word), copied=True)
        return
    for cluster_start, cluster_end in _clusters(word):
        cluster = word[cluster_start:cluster_end]
        if cluster_end - cluster_start > MAX_COMBINING_MARKS + 1:
            kept = cluster_start + MAX_COMBINING_MARKS + 1
            removed.append(
                Removed(
                    "combining_marks",
                    word[kept:cluster_end],
                    Span(start + kept, start + cluster_end),
                )
            )
            cluster = word[cluster_start:kept]
        composed = unicodedata.normalize("NFC", cluster)
        pieces.append(composed)
        offsets.add(
            len(composed),
            start + cluster_start,
            start + cluster_start + len(cluster),
            copied=composed == cluster,
        )


def _clusters(word: str):
    """Spans of a starter and the characters NFC may combine with it."""
    cluster_start = 0
    for index in range(1, len(word)):
        char = word[index]
        if not unicodedata.combining(char) and char not in _COMPOSERS:
            yield cluster_start, index
            cluster_start = index
    yield cluster_start, len(word)


def _composing_characters() -> frozenset[str]:
    """Characters of combining class 0 that NFC still merges into the one before (Hangul, ...)."""
    seconds = set()
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    seconds.update(chr(code) for code in range(0x1161, 0x11C3))  # Hangul vowels and trailers
    return frozenset(c for c in seconds if not unicodedata.combining(c))


def _combining_ranges() -> str:
    """A regex class body of every character with a non-zero canonical combining class."""
    marks = [
        code
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and unicodedata.combining(chr(code))
    ]
    ranges = []
    first = previous = marks[0]
    for code in marks[1:]:
        if code != previous + 1:
            ranges.append((first, previous))
            first = code
        previous = code
    ranges.append((first, previous))
    return "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges)


# Both built once at import (~0.2 s, in the master before fork).
_COMPOSERS = _composing_characters()
_MARK_STORM = re.compile(f"[{_combining_ranges()}]{{{MAX_COMBINING_MARKS + 1}}}")
