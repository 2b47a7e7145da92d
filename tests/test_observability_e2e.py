"""Metrics, request ids and logs of the real server: gunicorn, 2 workers, multiprocess metrics."""

import json
import os
import signal
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from support.contract import check_requests
from support.hostile import send_raw
from support.server import running_server, stop
from test_metrics import LISTED

from service.pipeline.normalize import REMOVED_KINDS

pytestmark = [pytest.mark.e2e, pytest.mark.model]
ENRICHED = ("enrich_http_requests_total", (("code", "200"), ("method", "POST"),
                                           ("route", "/v1/enrich")))
UNMATCHED = ("enrich_http_requests_total", (("code", "404"), ("method", "GET"),
                                            ("route", "unmatched")))
IN_PROGRESS = ("enrich_http_requests_in_progress", ())


@pytest.fixture(scope="module")
def server():
    """Started as in production without the variable set: `enrich serve` picks a directory."""
    with running_server(workers=2, env={"PROMETHEUS_MULTIPROC_DIR": None}) as server:
        server.get("/metrics")  # the scrape's own series exist from here on
        yield server


@pytest.fixture(scope="module")
def metrics_dir(server):
    return directory_of(server)


def directory_of(server) -> Path:
    """Where the server keeps its metric files, as it says when it starts."""
    [line] = [line for line in log_lines(server)
              if line["message"].startswith("Metrics directory: ")]
    return Path(line["message"].removeprefix("Metrics directory: "))


def scrape(server, request_id: str = "scrape") -> dict:
    response = server.get("/metrics", headers={"X-Request-ID": request_id})
    check_requests(response)
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(response.text)
            for sample in family.samples}


def log_lines(server) -> list[dict]:
    return [json.loads(line) for line in server.log_text().splitlines() if line.startswith("{")]


def wait_for_line(server, request_id: str) -> dict:
    """gunicorn writes the access line just after the response: give it a moment."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = [line for line in log_lines(server) if line.get("request_id") == request_id]
        if found:
            return found[-1]
        time.sleep(0.05)
    raise AssertionError(f"no log line for request {request_id}")


def workers(server) -> set[int]:
    return {child.pid for child in psutil.Process(server.process.pid).children()}


def post(server, text: str, request_id: str, timeout: float = 60) -> requests.Response:
    return requests.post(server.url + "/v1/enrich", data=text.encode(), timeout=timeout,
                         headers={"Content-Type": "text/plain; charset=utf-8",
                                  "X-Request-ID": request_id})


def test_requests_spread_over_both_workers_are_counted_exactly(server, sample_text):
    before, count = scrape(server).get(ENRICHED, 0), 12
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda i: post(server, sample_text, f"spread-{i}"), range(count)))
    assert [answer.status_code for answer in answers] == [200] * count
    pids = {wait_for_line(server, f"spread-{i}")["pid"] for i in range(count)}
    assert pids == workers(server)
    assert scrape(server)[ENRICHED] == before + count


def test_a_killed_worker_takes_no_count_with_it(server, metrics_dir, sample_text):
    slow = threading.Thread(target=_swallow, args=(post, server, sample_text * 20, "victim"))
    slow.start()
    deadline = time.monotonic() + 30
    while scrape(server).get(IN_PROGRESS) != 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    before = scrape(server, "scrape-while-busy")  # answered by the idle worker, of course
    idle_pid = wait_for_line(server, "scrape-while-busy")["pid"]
    assert before[IN_PROGRESS] == 1  # the victim dies mid-request
    [victim] = workers(server) - {idle_pid}
    os.kill(victim, signal.SIGKILL)
    slow.join(60)
    deadline = time.monotonic() + 60
    while len(workers(server) - {victim}) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    after = scrape(server)
    assert len(workers(server) - {victim}) == 2
    assert not list(metrics_dir.glob(f"gauge_live*_{victim}.db"))
    assert after[IN_PROGRESS] == 0
    assert after[("enrich_worker_exits_total", ())] == before[("enrich_worker_exits_total", ())] + 1
    counters = [key for key in before if key[0].endswith(("_total", "_count", "_sum", "_bucket"))]
    assert counters and all(after[key] >= before[key] for key in counters)


def _swallow(call, *args):
    try:
        call(*args)
    except requests.RequestException:
        pass  # the worker serving it was killed: that is the point


def test_a_thousand_random_paths_add_no_series(server):
    server.get("/not-here")
    before = scrape(server)
    with requests.Session() as session:
        for _ in range(1000):
            response = session.get(f"{server.url}/{uuid.uuid4().hex}/x", timeout=10)
            assert response.status_code == 404
    after = scrape(server)
    assert set(after) == set(before)
    assert after[UNMATCHED] == before[UNMATCHED] + 1000


def test_request_id_round_trips_into_the_access_log(server):
    request_id = f"e2e-{uuid.uuid4().hex}"
    response = post(server, "Angela Merkel visited Berlin.", request_id)
    assert response.headers["X-Request-ID"] == request_id
    assert response.headers["Server-Timing"].startswith("normalize;dur=")
    line = wait_for_line(server, request_id)
    assert line["logger"] == "gunicorn.access" and line["level"] == "INFO"
    assert (line["route"], line["status"], line["document_chars"]) == ("/v1/enrich", 200, 29)
    assert line["pid"] in workers(server) and line["duration_ms"] > 0
    assert "Merkel" not in server.log_text()


def test_a_generated_request_id_is_in_the_problem_and_the_log(server):
    response = server.post("/v1/enrich", data=b"{", headers={"Content-Type": "application/json"})
    request_id = response.json()["request_id"]
    assert response.headers["X-Request-ID"] == request_id
    assert wait_for_line(server, request_id)["status"] == 400


def test_every_line_the_server_writes_is_a_json_object(server):
    lines = server.log_text().splitlines()
    assert lines and all(isinstance(json.loads(line), dict) for line in lines)


def test_metrics_text_parses_and_lists_every_metric(server):
    post(server, "Zalgo a" + "\u0301" * 60 + " text in Paris.", "zalgo")
    server.post("/v1/enrich", data=b"<p>", headers={"Content-Type": "text/html"})
    names = {name.removesuffix("_total") for name, _ in scrape(server)}
    families = {name.rsplit("_", 1)[0] for name in names} | names
    assert set(LISTED) <= families
    assert scrape(server)[("enrich_workers", ())] == 2


def test_the_default_directory_is_temporary_and_removed_at_exit():
    with running_server(workers=1, env={"PROMETHEUS_MULTIPROC_DIR": None}) as server:
        path = directory_of(server)
        assert path.parent == Path(tempfile.gettempdir()) and list(path.glob("*.db"))
        assert stop(server) == 0
    assert not path.exists()


def test_a_given_directory_is_emptied_of_earlier_files_only(tmp_path):
    (tmp_path / "counter_1.db").write_bytes(b"an earlier run's file, unreadable: must go")
    (tmp_path / "notes.txt").write_text("not a metrics file: must stay")
    with running_server(workers=1, env={"PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}) as server:
        assert server.get("/metrics").status_code == 200
        assert not (tmp_path / "counter_1.db").exists()
        assert stop(server) == 0
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(("data", "status"), [
    (b"\x00\x01\x02\x03 / HTTP/1.1\r\n\r\n", 400),
    (b"GET /v1/info?" + b"a" * 65_536 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (b"GET /livez HTTP/1.1\r\n" + b"".join(b"X-F%d: v\r\n" % i for i in range(101)) + b"\r\n",
     431),
])
def test_answers_gunicorn_gives_itself_are_counted(server, data, status):
    key = ("enrich_http_requests_total",
           (("code", str(status)), ("method", "other"), ("route", "unmatched")))
    before = scrape(server).get(key, 0)
    assert send_raw(server.url, data).status == status
    assert scrape(server)[key] == before + 1


def test_a_problem_in_a_batch_slot_is_counted_as_rejected(server):
    key = ("enrich_documents_rejected_total", (("reason", "invalid"),))
    before = scrape(server)[key]
    body = {"documents": [{"text": "Berlin."}, {"text": " "}]}
    assert server.post("/v1/enrich/batch", json=body).status_code == 200
    assert scrape(server)[key] == before + 1


def test_every_removal_kind_starts_at_zero(server):
    kinds = {dict(labels)["kind"] for name, labels in scrape(server)
             if name == "enrich_removed_spans_total"}
    assert kinds == REMOVED_KINDS
