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
            return pieces[:index] + head, tail + pieces[index + 1 :]
        offset += size
    return list(pieces), []


def _split_piece(piece: Piece, at: int) -> tuple[list[Piece], list[Piece]]:
    if at <= 0:
        return [], [piece]
    text, start, end, copied = piece
    if copied:
        return [Piece(text[:at], start, start + at, True)], [
            Piece(text[at:], start + at, end, True)
        ]
    # A replacement cannot be split inside its raw span: the tail maps to the span's end.
    return [Piece(text[:at], start, end, False)], [Piece(text[at:], end, end, False)]
