"""Requests waiting for one model thread share a pass; each keeps its answer, error and metrics."""

import contextvars
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest

from service.pipeline.chunks import Bounds
from service.pipeline.types import Article, Options
from service.server import occupancy
from service.server.model_thread import ModelThread

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "enrich").glob("*.txt"))
WHO = contextvars.ContextVar("who")


class Counting:
    """A pipeline that records each pass (articles per call) and passes everything else on."""

    def __init__(self, pipeline) -> None:
        self.pipeline, self.passes = pipeline, []

    def __getattr__(self, name):
        return getattr(self.pipeline, name)

    def run(self, articles):
        self.passes.append([a.id for a in articles])
        return self.pipeline.run(articles)

    def run_timed(self, articles, **kwargs):
        self.passes.append([a.id for a in articles])
        return self.pipeline.run_timed(articles, **kwargs)


class Echo:
    """No model: each article's text upper-cased; an article whose text is "bad" raises."""

    bounds = Bounds()

    def __init__(self) -> None:
        self.observers = []

    def run(self, articles):
        return self.run_timed(articles)[0]

    def run_timed(self, articles, *, observe=True):
        if any(a.text == "bad" for a in articles):
            raise ValueError("bad article")
        results = [a.text.upper() for a in articles]
        for observer in self.observers if observe else ():
            observer(articles, results, {"nlp": 0.0})
        return results, {"nlp": 0.0}


def submit_together(thread: ModelThread, batches: list[list[Article]]) -> list:
    """Queue every job before the model thread may take any, each in its own context."""
    jobs = []
    with thread._ready:  # the model thread waits on this: it sees all the jobs at once
        for articles in batches:
            context = contextvars.copy_context()
            context.run(WHO.set, articles[0].id)
            jobs.append(thread.submit(articles, context))
    return jobs


def results(jobs) -> list:
    return [job.future.result(timeout=60) for job in jobs]


@pytest.mark.model
def test_waiting_requests_share_one_pass_and_get_what_each_would_alone(model_app):
    pipeline = Counting(model_app.extensions["pipeline"].pipeline)
    articles = [
        Article(path.stem, path.read_text(encoding="utf-8"), Options()) for path in FIXTURES[:8]
    ]
    alone = [pipeline.pipeline.run([article]) for article in articles]
    jobs = submit_together(ModelThread(pipeline, 1_000_000), [[a] for a in articles])
    assert results(jobs) == alone
    assert pipeline.passes == [[a.id for a in articles]]


def test_a_bad_article_fails_its_own_request_only():
    pipeline = Counting(Echo())
    articles = [Article(name, text) for name, text in (("a", "one"), ("b", "bad"), ("c", "two"))]
    jobs = submit_together(ModelThread(pipeline, 6000), [[a] for a in articles])
    assert jobs[0].future.result(5) == ["ONE"] and jobs[2].future.result(5) == ["TWO"]
    with pytest.raises(ValueError, match="bad article"):
        jobs[1].future.result(5)
    assert pipeline.passes == [["a", "b", "c"], ["a"], ["b"], ["c"]]  # together, then alone


def test_observers_hear_of_each_request_in_its_own_context():
    pipeline = Echo()
    heard = []
    pipeline.observers.append(lambda articles, found, _: heard.append((WHO.get(), found)))
    articles = [Article(name, name) for name in "xyz"]
    results(submit_together(ModelThread(pipeline, 6000), [[a] for a in articles]))
    assert heard == [("x", ["X"]), ("y", ["Y"]), ("z", ["Z"])]


def test_other_sections_batches_and_the_budget_run_apart_in_order():
    pipeline = Counting(Echo())
    entities = Options(include=frozenset({"entities"}))
    batches = [
        [Article("a", "one")],
        [Article("b", "two", entities)],
        [Article("c", "three")],
        [Article("d", "x"), Article("e", "y")],
        [Article("f", "long " * 20)],
    ]
    jobs = submit_together(ModelThread(pipeline, 10), batches)
    assert results(jobs) == [["ONE"], ["TWO"], ["THREE"], ["X", "Y"], ["LONG " * 20]]
    assert pipeline.passes == [["a", "c"], ["b"], ["d", "e"], ["f"]]


def test_a_request_given_up_on_is_not_run():
    pipeline = Counting(Echo())
    thread = ModelThread(pipeline, 6000)
    with thread._ready:
        jobs = [thread.submit([Article(n, n)], contextvars.copy_context()) for n in "pq"]
        assert jobs[0].future.cancel()  # what the gate does after QUEUE_TIMEOUT_MS
    assert results(jobs[1:]) == [["Q"]]
    assert pipeline.passes == [["q"]]
    assert not jobs[0].started.is_set()


def test_no_budget_means_every_request_alone():
    pipeline = Counting(Echo())
    results(submit_together(ModelThread(pipeline, 0), [[Article(n, n)] for n in "st"]))
    assert pipeline.passes == [["s"], ["t"]]


def test_a_pipeline_without_bounds_is_never_asked_for_them():
    thread = ModelThread(SimpleNamespace(run=lambda articles: [a.id for a in articles]), 0)
    assert results(submit_together(thread, [[Article("a", "")], [Article("b", "")]])) == [
        ["a"],
        ["b"],
    ]


def test_a_job_runs_with_thincs_backend_already_set():
    # A context without thinc's ops (a new request thread's) looks them up on every model
    # pass (~0.3 ms of registry entry points and failed imports); submit gives it the process's.
    from thinc.backends import context_ops

    fresh = contextvars.Context()
    assert fresh.run(context_ops.get) is None
    thread = ModelThread(SimpleNamespace(run=lambda articles: [context_ops.get()]), 0)
    [ops] = thread.submit([Article("a", "")], fresh).future.result(timeout=60)
    assert ops is not None and type(ops).__name__ == "NumpyOps"


def submit_later(thread: ModelThread, article: Article, delay: float, key: int | None = None):
    """Submit from another thread after `delay` s, as the request thread of connection `key`."""

    def send():
        time.sleep(delay)
        if key is not None:
            occupancy.reading(key)
        return thread.submit([article], contextvars.copy_context())

    return ThreadPoolExecutor(1).submit(send)


def test_a_pass_is_held_open_for_a_request_whose_connection_was_taken():
    pipeline = Counting(Echo())
    thread = ModelThread(pipeline, 6000, gather=30.0)
    occupancy.arrived(1001)  # the accept loop took a second connection; its request is read
    first = thread.submit([Article("a", "one")], contextvars.copy_context())
    second = submit_later(thread, Article("b", "two"), 0.02, key=1001).result(5)
    assert results([first, second]) == [["ONE"], ["TWO"]]
    assert pipeline.passes == [["a", "b"]]
    assert occupancy.arriving(60) == 0  # the second request settled when it reached the model


def test_nothing_arriving_and_no_shared_pass_before_means_no_wait():
    # Concurrency 1: a gather of a minute would show as a timeout here.
    pipeline = Counting(Echo())
    thread = ModelThread(pipeline, 6000, gather=60.0)
    assert thread.submit([Article("a", "one")], contextvars.copy_context()).future.result(5) == [
        "ONE"
    ]
    assert pipeline.passes == [["a"]]


def test_after_a_shared_pass_the_next_is_held_for_a_partner_and_then_not():
    pipeline = Counting(Echo())
    thread = ModelThread(pipeline, 6000, gather=0.5)
    results(submit_together(thread, [[Article("a", "one")], [Article("b", "two")]]))
    third = thread.submit([Article("c", "three")], contextvars.copy_context())
    fourth = submit_later(thread, Article("d", "four"), 0.1).result(5)
    results([third, fourth])
    lone = thread.submit([Article("e", "five")], contextvars.copy_context())
    results([lone])  # held up to 0.5 s: no partner comes
    late = thread.submit([Article("f", "six")], contextvars.copy_context())
    seventh = submit_later(thread, Article("g", "seven"), 0.1).result(5)
    results([late, seventh])  # the pass before ran alone: "f" is not held for "g"
    assert pipeline.passes == [["a", "b"], ["c", "d"], ["e"], ["f"], ["g"]]


def test_a_held_pass_asks_the_accept_loop_for_what_it_still_wants():
    pipeline = Counting(Echo())
    thread = ModelThread(pipeline, 6000, gather=30.0, group=3)
    opened = threading.Event()
    occupancy.arrived(1002)
    occupancy.enter()  # the first request's, as the gate counts it
    try:
        occupancy.when_open(opened.set)
        first = thread.submit([Article("a", "one")], contextvars.copy_context())
        assert opened.wait(5), "a held pass never let the accept loop take more"
        assert occupancy.room() == 1  # three requests: one here, one arriving, one more wanted
        occupancy.took(1)  # what the accept loop does with the connection it takes
        occupancy.arrived(1003)
        second = submit_later(thread, Article("b", "two"), 0.0, key=1002).result(5)
        third = submit_later(thread, Article("c", "three"), 0.02, key=1003).result(5)
        results([first, second, third])
    finally:
        occupancy.leave()
    assert pipeline.passes == [["a", "b", "c"]]
    assert occupancy.room() == 0


def test_a_connection_stuck_in_reading_stops_counting():
    occupancy.arrived(1005)
    time.sleep(occupancy.READING + 0.05)  # a slow client: no pass and no accept waits for it
    assert occupancy.arriving() == 0
    occupancy.reading(1005)
    occupancy.settled()
