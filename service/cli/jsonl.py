"""Read a JSON-lines file by shard, resume from what an earlier run wrote, append in input order."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import orjson


@dataclass(frozen=True, slots=True)
class Shard:
    """Line n (counting from 0) belongs to shard n % count: a fixed split any rerun repeats."""

    index: int = 0
    count: int = 1

    @classmethod
    def parse(cls, text: str) -> "Shard":
        """`i/N` with 0 <= i < N, as Kubernetes' JOB_COMPLETION_INDEX counts."""
        index, _, count = text.partition("/")
        shard = cls(int(index), int(count))
        if not 0 <= shard.index < shard.count:
            raise ValueError(f"shard {text!r}: need 0 <= i < N in i/N")
        return shard

    def owns(self, line: int) -> bool:
        """Whether the 1-based input `line` is this shard's."""
        return (line - 1) % self.count == self.index


def records(source: Path, shard: Shard) -> Iterator[tuple[int, bytes]]:
    """This shard's non-blank lines of `source` with their 1-based line numbers."""
    with source.open("rb") as lines:
        for line, raw in enumerate(lines, start=1):
            if shard.owns(line) and raw.strip():
                yield line, raw


def count_lines(source: Path, shard: Shard) -> int:
    """How many lines the shard holds, for the progress bar: one fast pass over the bytes."""
    total = 0
    with source.open("rb") as data:
        while block := data.read(1 << 20):
            total += block.count(b"\n")
    if source.stat().st_size and not _ends_with_newline(source):
        total += 1
    return len(range(shard.index, total, shard.count))


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last may be shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def done_ids(out: Path) -> frozenset[str]:
    """Ids already in `out`; a last line cut off by an interrupted run is dropped first."""
    if not out.exists():
        return frozenset()
    if out.stat().st_size and not _ends_with_newline(out):
        _drop_partial_last_line(out)
    with out.open("rb") as lines:
        return frozenset(orjson.loads(raw)["id"] for raw in lines if raw.strip())


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as data:
        data.seek(-1, 2)
        return data.read(1) == b"\n"


def _drop_partial_last_line(path: Path) -> None:
    with path.open("r+b") as data:
        position = data.seek(0, 2)
        while position > 0:
            step = min(position, 1 << 16)
            data.seek(position - step)
            block = data.read(step)
            newline = block.rfind(b"\n")
            if newline >= 0:
                data.truncate(position - step + newline + 1)
                return
            position -= step
        data.truncate(0)
