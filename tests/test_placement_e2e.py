"""Connections go to the worker whose model is free; probes answer while every model is busy."""

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from support.hostile import article, send
from support.server import running_server

pytestmark = [pytest.mark.e2e, pytest.mark.model]

PLAIN = {"Content-Type": "text/plain; charset=utf-8"}
LONG = article(100_000).encode()  # seconds of model work
SHORT = article(300).encode()


def in_progress(url: str) -> float:
    """Requests the server is handling now, from /metrics (scrapes are not counted)."""
    text = send(url, "GET", "/metrics").body.decode()
    found = re.search(r"^enrich_http_requests_in_progress(?:\{[^}]*\})? (\S+)$", text, re.M)
    return float(found.group(1)) if found else 0.0


def wait_for_in_progress(url: str, count: int) -> None:
    deadline = time.monotonic() + 30
    while in_progress(url) < count:
        assert time.monotonic() < deadline, "the long requests never started"
        time.sleep(0.05)
    time.sleep(0.3)  # past reading and validation, into the model


def access_lines(log: str) -> list[tuple[int, int]]:
    """(pid, duration ms) of every /v1/enrich access line, in the order they were logged."""
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    return [(line["pid"], line["duration_ms"]) for line in lines
            if line.get("path") == "/v1/enrich" and "duration_ms" in line]


def test_requests_go_to_the_worker_whose_model_is_free():
    # A long delay: a busy worker never takes a connection while the other is idle.
    with running_server(workers=2, env={"ACCEPT_DELAY_MS": "60000"}) as server:
        with ThreadPoolExecutor(1) as pool:
            long = pool.submit(send, server.url, "POST", "/v1/enrich", LONG, PLAIN)
            wait_for_in_progress(server.url, 1)
            shorts = [send(server.url, "POST", "/v1/enrich", SHORT, PLAIN) for _ in range(8)]
            running = not long.done()
            assert long.result().status == 200
        lines = access_lines(server.log_text())
    assert running, "the long request ended before the short ones: nothing was measured"
    assert [answer.status for answer in shorts] == [200] * 8
    long_pid = max(lines, key=lambda line: line[1])[0]
    short_pids = [pid for pid, _ in lines if pid != long_pid]
    # Without the hold, the busy worker's accept loop takes about half of them.
    assert len(short_pids) == 8, lines


def test_probes_answer_while_every_model_is_busy():
    # Two long requests per worker: the model stays busy after the first answer is written, so
    # a probe that waited for a model to be idle would come back after a long request.
    with running_server(workers=2, env={"MAX_QUEUED": "2"}) as server:
        with ThreadPoolExecutor(4) as pool:
            longs = [pool.submit(send, server.url, "POST", "/v1/enrich", LONG, PLAIN)
                     for _ in range(4)]
            wait_for_in_progress(server.url, 4)
            probes = [send(server.url, "GET", path) for path in ("/readyz", "/livez") * 3]
            busy = not any(future.done() for future in longs)
            assert [future.result().status for future in longs] == [200] * 4
    assert busy, "a long request ended before the probes"
    assert [probe.status for probe in probes] == [200] * 6
