"""An exact map from every offset of the normalized text back to the raw input."""

from bisect import bisect_right
from collections.abc import Iterator

from .types import Span


class OffsetMap:
    """Piecewise map built while normalizing: copied runs map one to one, replacements to a range.

    Storing runs instead of one entry per character keeps building it proportional to the
    number of edits, not the length of the text.
    """

    __slots__ = ("_norm_starts", "_raw_starts", "_raw_ends", "_copied", "length")

    def __init__(self) -> None:
        self._norm_starts: list[int] = []
        self._raw_starts: list[int] = []
        self._raw_ends: list[int] = []
        self._copied: list[bool] = []
        self.length = 0

    def add(self, length: int, raw_start: int, raw_end: int, *, copied: bool) -> None:
        """Record `length` normalized characters made from raw[raw_start:raw_end]."""
        if length <= 0:
            return
        if copied and self._copied and self._copied[-1] and self._raw_ends[-1] == raw_start:
            self._raw_ends[-1] = raw_end  # one run for a copied stretch, however it was built
            self.length += length
            return
        self._norm_starts.append(self.length)
        self._raw_starts.append(raw_start)
        self._raw_ends.append(raw_end)
        self._copied.append(copied)
        self.length += length

    def runs(self) -> Iterator[tuple[int, int, int, int, bool]]:
        """(start, end, raw start, raw end, copied) of every run, in order."""
        ends = [*self._norm_starts[1:], self.length][: len(self._norm_starts)]
        yield from zip(
            self._norm_starts, ends, self._raw_starts, self._raw_ends, self._copied, strict=True
        )

    def char_source(self, offset: int) -> Span:
        """The raw span behind the normalized character at `offset`."""
        return Span(*self._source(offset))

    def to_source(self, start: int, end: int) -> Span:
        """The raw span behind normalized [start, end): from its first to its last character."""
        if end <= start:
            point = self._source(start)[0] if start < self.length else self.raw_end
            return Span(point, point)
        return Span(self._source(start)[0], self._source(end - 1)[1])

    def _source(self, offset: int) -> tuple[int, int]:
        # A tuple, not a Span: to_source asks twice for every entity of every answer.
        if not 0 <= offset < self.length:
            raise IndexError(offset)
        run = bisect_right(self._norm_starts, offset) - 1
        if self._copied[run]:
            raw = self._raw_starts[run] + offset - self._norm_starts[run]
            return raw, raw + 1
        return self._raw_starts[run], self._raw_ends[run]

    @property
    def raw_end(self) -> int:
        """Where in the raw input the last mapped character ends."""
        return self._raw_ends[-1] if self._raw_ends else 0
