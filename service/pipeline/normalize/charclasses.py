"""Regex character-class bodies built from the Unicode database once, at import (~0.2 s)."""

import re
import unicodedata

# Invisible characters that carry no text: zero-width space, word joiner, BOM, soft hyphen,
# bidi embeddings/overrides/isolates, C0/C1 controls, and lone surrogates (only reachable
# from in-process callers: the HTTP layer rejects them). ZWJ/ZWNJ stay: emoji and scripts need them.
INVISIBLE = (
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff"
)


def _class(codes: list[int]) -> str:
    """A character-class body (`a-cx-z`) matching exactly `codes`, given in ascending order."""
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges)


def _scan() -> tuple[list[int], list[int], list[int]]:
    """(combining marks, starters NFC merges into the previous character, NFC singletons)."""
    marks, seconds, singletons = [], set(), []
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if unicodedata.combining(char):
            marks.append(code)
            continue
        parts = unicodedata.decomposition(char).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(int(parts[1], 16))
        if unicodedata.normalize("NFC", char) != char:
            singletons.append(code)
    seconds.update(range(0x1161, 0x11C3))  # Hangul vowels and trailing consonants
    composers = [code for code in seconds if not unicodedata.combining(chr(code))]
    return marks, sorted(set(marks) | set(composers)), singletons


_MARKS, _COMBINERS, _SINGLETONS = _scan()
# Non-zero canonical combining class, BMP only: one class a regex tests in constant time per
# character (astral ranges are tested one by one). Astral marks are symbols, bounded as runs.
MARKS = _class([code for code in _MARKS if code < 0x10000])
COMBINERS = _class(_COMBINERS)  # anything NFC may merge into the character before it
SINGLETONS = _class(_SINGLETONS)  # characters NFC replaces on their own (Å sign, Ω sign, ...)
