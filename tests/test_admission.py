"""The admission gate: one model run per process, a server-wide bound, 503 + Retry-After past it."""

import subprocess
import sys
import threading
import time

import pytest

from service.server.admission import SHED, GatedPipeline, Overloaded, ServerCount


class SlowPipeline:
    """Blocks in run() until released, so tests can hold the model busy."""

    model = "a model"

    def __init__(self) -> None:
        self.entered = threading.Semaphore(0)
        self.release = threading.Event()

    def run(self, articles):
        self.entered.release()
        self.release.wait(10)
        return articles


def busy(gate: GatedPipeline, pipeline: SlowPipeline, waiting: int) -> list[threading.Thread]:
    """One thread in the model and `waiting` more admitted behind it."""
    threads = [threading.Thread(target=gate.run, args=([i],)) for i in range(1 + waiting)]
    threads[0].start()
    pipeline.entered.acquire(timeout=5)
    for thread in threads[1:]:
        thread.start()
    deadline = time.monotonic() + 5
    while sum(gate._admitted._counts) < 1 + waiting and time.monotonic() < deadline:
        time.sleep(0.01)
    return threads


def shed(reason: str) -> float:
    return SHED.labels(reason)._value.get()


def test_past_the_bound_a_request_is_refused_at_once():
    pipeline = SlowPipeline()
    gate = GatedPipeline(pipeline, workers=1, max_waiting=1, wait_timeout=10, retry_after=2)
    threads = busy(gate, pipeline, waiting=1)
    before = shed("queue_full")
    with pytest.raises(Overloaded) as raised:
        gate.run(["late"])
    assert raised.value.code == 503
    assert dict(raised.value.get_headers())["Retry-After"] == "2"
    assert shed("queue_full") == before + 1
    pipeline.release.set()
    for thread in threads:
        thread.join(5)
    assert sum(gate._admitted._counts) == 0


def test_a_wait_longer_than_the_timeout_is_refused():
    pipeline = SlowPipeline()
    gate = GatedPipeline(pipeline, workers=1, max_waiting=5, wait_timeout=0.05, retry_after=1)
    threads = busy(gate, pipeline, waiting=0)
    with pytest.raises(Overloaded):
        gate.run(["late"])
    pipeline.release.set()
    threads[0].join(5)


def test_a_free_model_runs_and_passes_attributes_through():
    pipeline = SlowPipeline()
    pipeline.release.set()
    gate = GatedPipeline(pipeline, workers=1, max_waiting=0, wait_timeout=1, retry_after=1)
    assert gate.run(["a"]) == ["a"]
    assert gate.model == "a model"


def test_a_dead_workers_count_is_not_load():
    count = ServerCount(4)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    count._pids[1], count._counts[1] = dead.pid, 5  # entry 0 stays free for this process
    assert count.enter(limit=1)
    assert not count.enter(limit=1)
