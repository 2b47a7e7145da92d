"""The real server: requests that shared a model pass are each counted in /metrics."""

import re
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
        answers = [long, *(pool.submit(send, server.url, "POST", "/v1/enrich", body, PLAIN)
                           for body in shorts)]
        answers = [future.result() for future in answers]
        page = send(server.url, "GET", "/metrics").body.decode()
    assert [answer.status for answer in answers] == [200] * 7
    assert metric(page, "enrich_document_size_characters_count") == 7
    assert metric(page, 'enrich_pipeline_stage_duration_seconds_count\\{stage="nlp"\\}') == 7
    found = sum(len(answer.json["entities"]) for answer in answers)
    assert metric(page, "enrich_entities_total") == found
    assert metric(page, "enrich_requests_shed_total") == 0
