"""Admission to the model: past a bound of requests in the whole server, 503 at once."""

import contextvars
import multiprocessing
import os
import threading
import time

from prometheus_client import Counter
from werkzeug.exceptions import ServiceUnavailable

from . import occupancy
from .model_thread import ModelThread

SHED = Counter(
    "enrich_requests_shed_total",
    "Requests answered 503 because every worker was busy and too many were already waiting.",
    ["reason"],
)


class Overloaded(ServiceUnavailable):
    """503 with Retry-After, raised before the model runs."""

    def __init__(self, description: str, retry_after: int) -> None:
        super().__init__(description, retry_after=retry_after)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class ServerCount:
    """Requests admitted in all workers together, in shared memory made before the fork.

    Each worker counts in its own entry, claimed on first use; the total skips entries of dead
    processes, so a worker killed mid-request leaves no phantom load behind.
    """

    def __init__(self, entries: int) -> None:
        self._pids = multiprocessing.Array("i", entries)
        self._counts = multiprocessing.Array("i", entries, lock=False)
        self._claim = threading.Lock()
        self._owner = self._index = -1

    def enter(self, limit: int) -> bool:
        """Count one more request unless `limit` are already in; whether it was counted."""
        index = self._entry()
        with self._pids.get_lock():
            entries = zip(self._pids[:], self._counts[:], strict=True)  # one read, not one per item
            if sum(n for pid, n in entries if pid and _alive(pid)) >= limit:
                return False
            self._counts[index] += 1
        return True

    def leave(self) -> None:
        """One request fewer for this worker."""
        with self._pids.get_lock():
            self._counts[self._index] -= 1

    def _entry(self) -> int:
        pid = os.getpid()
        with self._claim:
            if self._owner != pid:  # first request in this (forked) process
                with self._pids.get_lock():
                    self._index = next(
                        i
                        for i, owner in enumerate(self._pids)
                        if owner in (0, pid) or not _alive(owner)
                    )
                    self._pids[self._index], self._counts[self._index] = pid, 0
                self._owner = pid
        return self._index


class GatedPipeline:
    """The pipeline behind an admission gate, run on one model thread per process.

    gthread workers serve requests on several threads, but the model is CPU-bound and its memory
    zones must not interleave: each process runs it on one thread of its own, which also keeps
    its large allocations in one malloc arena. Reading bodies, validating and writing answers
    overlap on the request threads, so a slow client never holds the model. Single-document
    requests waiting together share one pass of the model (model_thread.py). The server admits
    `workers x (1 + max_waiting)` requests at once: the rest, and any that wait longer than
    `wait_timeout` for their worker's model, get 503 with Retry-After.
    """

    def __init__(
        self,
        pipeline,
        *,
        workers: int,
        max_waiting: int,
        wait_timeout: float,
        retry_after: int,
        coalesce_tokens: int = 0,
        gather: float = 0.0,
        gather_requests: int = 2,
    ) -> None:
        self.pipeline = pipeline
        self._admitted = ServerCount(4 * workers + 8)
        self._limit = workers * (1 + max_waiting)
        self._wait_timeout = wait_timeout
        self._retry_after = retry_after
        self._model_lock = threading.Lock()
        self._model_pid = -1
        self._model_thread: ModelThread | None = None
        self._coalesce_tokens = coalesce_tokens  # waiting requests share a pass up to this
        self._gather = (gather, gather_requests)  # how long a pass is held open, for how many

    @property
    def model(self):
        """The wrapped pipeline's model description."""
        return self.pipeline.model

    @property
    def gazetteer_patterns(self) -> int:
        """How many GAZETTEER_FILE patterns the wrapped pipeline's model loaded."""
        return self.pipeline.gazetteer_patterns

    @property
    def observers(self) -> list:
        """The wrapped pipeline's observers: told of every run, on the model thread."""
        return self.pipeline.observers

    def run(self, articles):
        """Run the pipeline once the model is free; 503 if too many wait or the wait is too long."""
        if not self._admitted.enter(self._limit):
            self._shed("queue_full", "Every worker is busy and the queue is full.")
        try:
            return self._run_on_model_thread(articles)
        finally:
            self._admitted.leave()

    def _run_on_model_thread(self, articles):
        context = contextvars.copy_context()  # the request's Flask context (g, request id)
        occupancy.enter()  # the worker takes no new connection while this waits or runs
        try:
            job = self._model().submit(articles, context)
            waited = time.monotonic()
            if not job.started.wait(self._wait_timeout) and job.future.cancel():
                waited = time.monotonic() - waited
                self._shed("wait_timeout", f"The model stayed busy for {waited:.1f} s.")
            return job.future.result()
        finally:
            occupancy.leave()

    def _model(self) -> ModelThread:
        with self._model_lock:
            if self._model_pid != os.getpid():  # threads do not survive the fork: one per worker
                self._model_thread = ModelThread(
                    self.pipeline, self._coalesce_tokens, *self._gather
                )
                self._model_pid = os.getpid()
        return self._model_thread

    def _shed(self, reason: str, detail: str):
        SHED.labels(reason).inc()
        raise Overloaded(f"{detail} Retry after {self._retry_after} s.", self._retry_after)
