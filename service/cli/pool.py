"""Chunks of records through N forked processes that share the model loaded before the fork."""

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator

_work: Callable | None = None  # the annotator, inherited by every forked worker


def _run(chunk):
    return _work(chunk)


def run_chunks(work: Callable, chunks: Iterable, *, processes: int) -> Iterator:
    """`work(chunk)` for each chunk, results in input order, at most 2 chunks per process queued."""
    if processes <= 1:
        yield from map(work, chunks)
        return
    global _work
    _work = work
    gc.freeze()  # the model's objects stay untouched in the children, so their pages stay shared
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        # Pool.imap would read the whole input ahead; a bounded window keeps memory flat.
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_run, (chunk,)))
            if len(pending) >= 2 * processes:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
