"""The model gate: one run at a time per process, a bounded queue, 503 with Retry-After past it."""

import threading

import pytest

from service.admission import SHED, GatedPipeline, Overloaded


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
    """One thread in the model, `waiting` more queued behind it."""
    threads = [threading.Thread(target=gate.run, args=([i],)) for i in range(1 + waiting)]
    threads[0].start()
    pipeline.entered.acquire(timeout=5)
    for thread in threads[1:]:
        thread.start()
    return threads


def shed(reason: str) -> float:
    return SHED.labels(reason)._value.get()


def test_past_the_queue_a_request_is_refused_at_once():
    pipeline = SlowPipeline()
    gate = GatedPipeline(pipeline, max_waiting=1, wait_timeout=10, retry_after=2)
    threads = busy(gate, pipeline, waiting=1)
    before = shed("queue_full")
    while gate._slots._value:  # the waiting thread has taken its slot
        threading.Event().wait(0.01)
    with pytest.raises(Overloaded) as raised:
        gate.run(["late"])
    assert raised.value.code == 503
    assert dict(raised.value.get_headers())["Retry-After"] == "2"
    assert shed("queue_full") == before + 1
    pipeline.release.set()
    for thread in threads:
        thread.join(5)


def test_a_wait_longer_than_the_timeout_is_refused():
    pipeline = SlowPipeline()
    gate = GatedPipeline(pipeline, max_waiting=5, wait_timeout=0.05, retry_after=1)
    threads = busy(gate, pipeline, waiting=0)
    with pytest.raises(Overloaded):
        gate.run(["late"])
    pipeline.release.set()
    threads[0].join(5)


def test_a_free_model_runs_and_passes_attributes_through():
    pipeline = SlowPipeline()
    pipeline.release.set()
    gate = GatedPipeline(pipeline, max_waiting=0, wait_timeout=1, retry_after=1)
    assert gate.run(["a"]) == ["a"]
    assert gate.model == "a model"
