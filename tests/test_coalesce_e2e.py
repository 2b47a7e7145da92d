"""The real server: requests that shared a model pass are each counted in /metrics."""

import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from support.hostile import article, send
from support.server import running_server
from test_placement_e2e import LONG, PLAIN, wait_for_in_progress

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def metric(text: str, name: str) -> float:
    """The sum of every series of `name` in a /metrics page."""
    return sum(float(v) for v in re.findall(rf"^{name}(?:\{{[^}}]*\}})? (\S+)$", text, re.M))


def test_requests_that_waited_together_are_counted_one_by_one():
    # One worker that takes every connection: the short requests wait behind the long one and
    # the model thread takes them together.
    env = {"ACCEPT_DELAY_MS": "0", "MAX_QUEUED": "8"}
    shorts = [article(400 + 50 * i, seed=i).encode() for i in range(6)]
    with running_server(workers=1, env=env) as server, ThreadPoolExecutor(7) as pool:
        long = pool.submit(send, server.url, "POST", "/v1/enrich", LONG, PLAIN)
        wait_for_in_progress(server.url, 1)
        answers = [
            long,
            *(pool.submit(send, server.url, "POST", "/v1/enrich", body, PLAIN) for body in shorts),
        ]
        answers = [future.result() for future in answers]
        page = send(server.url, "GET", "/metrics").body.decode()
    assert [answer.status for answer in answers] == [200] * 7
    assert metric(page, "enrich_document_size_characters_count") == 7
    assert metric(page, 'enrich_pipeline_stage_duration_seconds_count\\{stage="nlp"\\}') == 7
    found = sum(len(answer.json["entities"]) for answer in answers)
    assert metric(page, "enrich_entities_total") == found
    assert metric(page, "enrich_requests_shed_total") == 0


def pass_sizes(page: str) -> dict[float, float]:
    """enrich_model_pass_requests: passes of at most each bucket's size, summed over workers."""
    found = re.findall(r'^enrich_model_pass_requests_bucket\{le="([^"]+)"\} (\S+)$', page, re.M)
    return {float(bound): float(count) for bound, count in found}


def test_an_idle_worker_takes_two_queued_requests_into_one_pass():
    # The model busy with a long request: the short ones queue in the kernel. The worker, once
    # idle, takes two at once and holds its pass open for the one it is still reading; twice
    # (1 pass of the long one, 2 of two), or, if the loop is woken again before the first of
    # them reaches the model, takes the rest too and they share what they wait for. With
    # GATHER_REQUESTS=1 it takes one at a time and each pass mostly runs alone (5 of 1). One
    # worker: with two, both may wake for the same queue and take one each, which is right
    # but not what this test counts. A hold longer than the default: this checks the
    # mechanism, not a busy machine's timing.
    env = {"ACCEPT_DELAY_MS": "60000", "MAX_QUEUED": "4", "GATHER_MS": "100"}
    shorts = [article(400 + 50 * i, seed=i).encode() for i in range(4)]
    with running_server(workers=1, env=env) as server, ThreadPoolExecutor(5) as pool:
        long = pool.submit(send, server.url, "POST", "/v1/enrich", LONG, PLAIN)
        time.sleep(1.0)  # into the model (/metrics would wait for it: the worker holds)
        answers = [
            pool.submit(send, server.url, "POST", "/v1/enrich", body, PLAIN) for body in shorts
        ]
        busy = not long.done()
        answers = [future.result() for future in [long, *answers]]
        page = send(server.url, "GET", "/metrics").body.decode()
    assert busy, "the long request ended before the short ones were sent"
    assert [answer.status for answer in answers] == [200] * 5
    sizes = pass_sizes(page)
    assert metric(page, "enrich_model_pass_requests_sum") == 5  # every request, once
    shared_passes = sizes[float("inf")] - sizes[1.0]
    assert shared_passes >= 1 and sizes[float("inf")] <= 3, sizes  # the 4 in at most 2 passes
