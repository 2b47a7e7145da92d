"""Pieces of normalized text, each tied to the raw span it came from, and paragraphs of them."""

from dataclasses import dataclass, field
from typing import NamedTuple

from ..types import Span


class Piece(NamedTuple):
    """Normalized `text` made from raw[raw_start:raw_end]; `copied` when it is that slice as-is."""

    text: str
    raw_start: int
    raw_end: int
    copied: bool


@dataclass(slots=True)
class Paragraph:
    """A line or a run of wrapped lines; `kind` names why it is removed, `section` what it is."""

    pieces: list[Piece]
    text: str = ""
    kind: str | None = None
    section: str | None = None
    score: float | None = None  # the classifier's boilerplate probability, when it removed it
    trimmed: list[tuple[str, Span]] = field(default_factory=list)  # (kind, raw span) cut away

    def __post_init__(self) -> None:
        self.text = "".join(piece.text for piece in self.pieces)

    @property
    def source(self) -> Span:
        return Span(self.pieces[0].raw_start, self.pieces[-1].raw_end)

    def cut(self, start: int, end: int, kind: str) -> None:
        """Remove text[start:end] (at the start or the end of the paragraph) as `kind`."""
        before, rest = split_pieces(self.pieces, start)
        middle, after = split_pieces(rest, end - start)
        if middle:
            self.trimmed.append((kind, Span(middle[0].raw_start, middle[-1].raw_end)))
        self.pieces = before + after
        self.__post_init__()


def split_pieces(pieces: list[Piece], at: int) -> tuple[list[Piece], list[Piece]]:
    """Pieces before and after normalized offset `at`; a copied piece is split exactly."""
    offset = 0
    for index, piece in enumerate(pieces):
        size = len(piece.text)
        if offset + size > at:
            head, tail = _split_piece(piece, at - offset)
            return pieces[:index] + _some(head), _some(tail) + pieces[index + 1 :]
        offset += size
    return list(pieces), []


def _some(piece: Piece | None) -> list[Piece]:
    return [piece] if piece else []


def _split_piece(piece: Piece, at: int) -> tuple[Piece | None, Piece | None]:
    """The piece's first `at` characters and the rest (None where empty)."""
    if at <= 0:
        return None, piece
    if at >= len(piece.text):
        return piece, None
    text, start, end, copied = piece
    if copied:
        return Piece(text[:at], start, start + at, True), Piece(text[at:], start + at, end, True)
    # A replacement cannot be split inside its raw span: the tail maps to the span's end.
    return Piece(text[:at], start, end, False), Piece(text[at:], end, end, False)


def drop_ranges(
    pieces: list[Piece], ranges: list[tuple[int, int]]
) -> tuple[list[Piece], list[Span]]:
    """`pieces` without the normalized `ranges` (sorted, disjoint), and the raw span of each.

    One pass over both lists, so cutting many runs out of a long word stays linear.
    """
    kept: list[Piece] = []
    spans: dict[int, Span] = {}
    offset, index = 0, 0
    for whole in pieces:
        piece: Piece | None = whole
        while piece is not None:
            if index == len(ranges) or ranges[index][0] >= offset + len(piece.text):
                kept.append(piece)
                offset, piece = offset + len(piece.text), None
                continue
            begin, end = ranges[index]
            head, piece = _split_piece(piece, begin - offset)
            if head is not None:
                kept.append(head)
                offset += len(head.text)
            middle, piece = _split_piece(piece, end - offset)
            offset += len(middle.text)
            start = spans[index].start if index in spans else middle.raw_start
            spans[index] = Span(start, middle.raw_end)
            index += offset >= end
    return kept, list(spans.values())
