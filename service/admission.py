"""Admission to the model: one request runs it per worker, a few wait, the rest get 503 at once."""

import threading
import time

from prometheus_client import Counter
from werkzeug.exceptions import ServiceUnavailable

SHED = Counter(
    "enrich_requests_shed_total",
    "Requests answered 503 because the model was busy and too many were already waiting.",
    ["reason"],
)


class Overloaded(ServiceUnavailable):
    """503 with Retry-After, raised before the model runs."""

    def __init__(self, description: str, retry_after: int) -> None:
        super().__init__(description, retry_after=retry_after)


class GatedPipeline:
    """The pipeline behind a per-process gate.

    gthread workers run requests on several threads, but the model is CPU-bound and its
    memory zones are not safe to interleave: one thread runs it at a time. Reading bodies,
    validating and writing answers still overlap, so a slow client never holds the model.
    """

    def __init__(
        self, pipeline, *, max_waiting: int, wait_timeout: float, retry_after: int
    ) -> None:
        self.pipeline = pipeline
        self._model = threading.Lock()
        self._slots = threading.BoundedSemaphore(1 + max_waiting)
        self._wait_timeout = wait_timeout
        self._retry_after = retry_after

    def __getattr__(self, name: str):
        return getattr(self.pipeline, name)

    def run(self, articles):
        """Run the pipeline once the model is free; 503 if too many wait or the wait is too long."""
        if not self._slots.acquire(blocking=False):
            self._shed("queue_full", "Every worker is busy and the queue is full.")
        try:
            started = time.monotonic()
            if not self._model.acquire(timeout=self._wait_timeout):
                waited = time.monotonic() - started
                self._shed("wait_timeout", f"The model stayed busy for {waited:.1f} s.")
            try:
                return self.pipeline.run(articles)
            finally:
                self._model.release()
        finally:
            self._slots.release()

    def _shed(self, reason: str, detail: str):
        SHED.labels(reason).inc()
        raise Overloaded(f"{detail} Retry after {self._retry_after} s.", self._retry_after)
