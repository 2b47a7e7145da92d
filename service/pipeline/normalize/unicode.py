"""Raw text -> lines of pieces: whitespace folded, words repaired, model-slow runs bounded."""

import re
import unicodedata
from functools import lru_cache

from ftfy.badness import is_bad

from ..types import Removed, Span
from .charclasses import INVISIBLE, MARKS
from .pieces import Piece, drop_ranges
from .repair import repair

# One shared, never-changed list for every blank line: 100,000 blank lines must not make
# 100,000 objects for the garbage collector to walk.
_BLANK: list[Piece] = []
# Words keep their invisible characters until repaired: mojibake needs its C1 controls.
_TOKENS = re.compile(r"(?P<space>\s+)|\S+")


@lru_cache(maxsize=8)
def _patterns(max_run: int, max_marks: int) -> tuple[re.Pattern, ...]:
    """(what the fast path cannot copy, long symbol runs, mark storms); ASCII lines are
    asked by _ascii_trouble instead of the first."""
    run = rf"[^\w\s]{{{max_run + 1},}}"  # one class, the engine's fastest loop; see _symbols
    storm = f"[{MARKS}]{{{max_marks + 1},}}"
    trouble = re.compile(rf"[^\S ]| {{2}}|&|[{INVISIBLE}]|{run}|{storm}")
    return trouble, re.compile(run), re.compile(storm)


def scan(raw: str, *, max_run: int, max_marks: int) -> tuple[list[list[Piece]], list[Removed]]:
    """Every line of `raw` (blank ones as []) as pieces; what was cut goes to the removed list."""
    lines: list[list[Piece]] = []
    removed: list[Removed] = []
    patterns = _patterns(max_run, max_marks)
    offset = 0
    for line in raw.splitlines(keepends=True):
        content = line.rstrip("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lines.append(_scan_line(content, offset, patterns, (max_run, max_marks), removed))
        offset += len(line)
    return lines, removed


def _scan_line(line, start, patterns, limits, removed) -> list[Piece]:
    if line.isascii():
        clean = not _ascii_trouble(line, patterns[1], limits[0])
    else:
        clean = patterns[0].search(_symbols(line)) is None and _is_clean(line)
    if clean:
        stripped = line.strip()
        if not stripped:
            return _BLANK
        lead = len(line) - len(line.lstrip())
        return [Piece(stripped, start + lead, start + lead + len(stripped), True)]
    pieces: list[Piece] = []
    for match in _TOKENS.finditer(line):
        begin, end = start + match.start(), start + match.end()
        if match.lastgroup == "space":
            pieces.append(Piece(" ", begin, end, match.group() == " "))
        else:
            pieces += _word_pieces(match.group(), begin, patterns, limits, removed)
    return _fold_spaces(pieces)


def _ascii_trouble(line: str, run: re.Pattern, max_run: int) -> bool:
    """Whether an ASCII line needs the slow path: what the ASCII `trouble` pattern finds,
    asked of str's own tests, which run in C over the whole line: a control character (what
    isprintable() refuses in ASCII), two spaces, an entity's "&", or a symbol run longer than
    `max_run`, which needs that many symbols in all ("_" counts, see _symbols)."""
    if not line.isprintable() or "  " in line or "&" in line:
        return True
    encoded = line.encode("ascii")
    symbols = len(encoded) - len(encoded.translate(None, _SYMBOL_BYTES))
    return symbols > max_run and run.search(_symbols(line)) is not None


_SYMBOL_BYTES = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c).isspace()))


def _symbols(text: str) -> str:
    """`text` with "_" as "=": the tokenizer is as slow on runs of "_" as on other symbols, but
    regex counts "_" as a word character. Same length, so offsets hold."""
    return text.replace("_", "=") if "_" in text else text


def _is_clean(line: str) -> bool:
    return unicodedata.is_normalized("NFC", line) and not is_bad(line)


def _word_pieces(word, start, patterns, limits, removed) -> list[Piece]:
    """A word with combining-mark storms cut, entities decoded, mojibake repaired, then its
    symbol runs cut: after repair, since `&amp;&amp;` or `â€™â€™` only become runs then."""
    _, run, storm = patterns
    max_run, max_marks = limits
    spans = _cut(word, start, storm, max_marks, removed)
    pieces = [piece for begin, end in spans for piece in repair(word, begin, end, start)]
    text = "".join(piece.text for piece in pieces)
    runs = [(match.start() + max_run, match.end()) for match in run.finditer(_symbols(text))]
    if not runs:
        return pieces
    pieces, spans = drop_ranges(pieces, runs)
    removed += [Removed("long_run", word[s.start - start : s.end - start], s) for s in spans]
    return pieces


def _cut(word, start, storm, keep, removed) -> list[tuple[int, int]]:
    """Spans of `word` left when every mark storm is shortened to its first `keep` marks."""
    kept, begin = [], 0
    for match in () if word.isascii() else storm.finditer(word):
        cut = match.start() + keep
        kept.append((begin, cut))
        span = Span(start + cut, start + match.end())
        removed.append(Removed("combining_marks", word[cut : match.end()], span))
        begin = match.end()
    kept.append((begin, len(word)))
    return [(begin, end) for begin, end in kept if end > begin]


def _fold_spaces(pieces: list[Piece]) -> list[Piece]:
    """Runs of space pieces as one space; none at the start or the end of the line."""
    folded: list[Piece] = []
    for piece in pieces:
        if piece.text == " " and (not folded or folded[-1].text == " "):
            if folded:
                last = folded[-1]
                folded[-1] = Piece(" ", last.raw_start, piece.raw_end, False)
            continue
        folded.append(piece)
    if folded and folded[-1].text == " ":
        folded.pop()
    return folded or _BLANK
