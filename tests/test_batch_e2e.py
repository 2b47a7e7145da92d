"""The batch endpoint and memory over real HTTP: gunicorn, one worker, the production model."""

import random

import psutil
import pytest
from contract import check_requests
from server import running_server

from bench.randomwords import random_article

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
