"""Batch, memory and shutdown over real HTTP: gunicorn, one worker, the production model."""

import random
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest
from support.contract import check_requests
from support.randomwords import random_article
from support.server import running_server

pytestmark = [pytest.mark.e2e, pytest.mark.model]

DOCUMENTS = 300  # never-seen random words; bench/memory_flat.py runs the full 10,000
RSS_GROWTH_BOUND = 0.10  # loose: without memory zones 300 such documents add ~32 MB (~10%)


@pytest.fixture(scope="module")
def server():
    with running_server(workers=1) as server:
        yield server


def worker_rss(server) -> int:
    (worker,) = psutil.Process(server.process.pid).children()
    return worker.memory_info().rss


def test_batch_over_http_keeps_order_and_slot_problems(server, sample_text):
    documents = [{"id": "a", "text": sample_text}, {"id": "b", "text": ""},
                 {"id": "c", "text": "Paris is in France."}]
    response = server.post("/v1/enrich/batch", json={"documents": documents})
    check_requests(response)
    assert response.status_code == 200
    assert [(r["id"], r.get("status")) for r in response.json()["results"]] == [
        ("a", None), ("b", 422), ("c", None)]


def test_worker_memory_stays_flat_over_random_words(server):
    rng = random.Random(5)

    def send(count: int) -> None:
        for _ in range(count // 30):
            documents = [{"text": random_article(rng)} for _ in range(30)]
            assert server.post("/v1/enrich/batch", json={"documents": documents}).ok

    send(60)  # warm-up: first-use allocations are not growth
    before = worker_rss(server)
    send(DOCUMENTS)
    assert worker_rss(server) <= before * (1 + RSS_GROWTH_BOUND)


def test_sigterm_lets_an_in_flight_request_finish(sample_text):
    long_text = (sample_text * 8)[:30_000]  # about a second of model time: in flight for sure
    with running_server(workers=1) as server:
        with ThreadPoolExecutor(1) as pool:
            answer = pool.submit(server.post, "/v1/enrich", data=long_text.encode(),
                                 headers={"Content-Type": "text/plain; charset=utf-8"})
            wait_until_busy(server)
            server.process.send_signal(signal.SIGTERM)
            assert answer.result().status_code == 200
        assert server.process.wait(60) == 0


def wait_until_busy(server) -> None:
    """Return once the worker is running the request (its CPU time starts climbing)."""
    (worker,) = psutil.Process(server.process.pid).children()
    start = sum(worker.cpu_times()[:2])
    deadline = time.monotonic() + 30  # a bound on the wait, not a timing assertion
    while sum(worker.cpu_times()[:2]) - start < 0.2 and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_worker_over_the_memory_limit_is_recycled():
    with running_server(workers=1, env={"MAX_WORKER_RSS_MB": "1"}) as server:
        (before,) = psutil.Process(server.process.pid).children()
        assert server.post("/v1/enrich", json={"text": "Paris is in France."}).ok
        before.wait(60)
        assert not before.is_running()
