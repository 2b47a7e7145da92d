"""The real server: gunicorn with 2 workers over HTTP, every answer checked against the spec."""

import pytest
from support.contract import check_requests
from support.server import running_server, stop

pytestmark = [pytest.mark.e2e, pytest.mark.model]

BAD_INPUT = [  # (body, content type, expected status)
    (b'{"text": ', "application/json", 400),
    (b'{"text": 5}', "application/json", 422),
    (b'{"id": "a"}', "application/json", 422),
    (b'{"text": "x", "colour": "red"}', "application/json", 422),
    (b'{"text": " \\n\\t "}', "application/json", 422),
    (b"   ", "text/plain", 422),
    (b"caf\xe9", "text/plain; charset=utf-8", 400),
    (b"x", "text/plain; charset=latin-1", 415),
    (b"<p>x</p>", "text/html", 415),
    (b'{"text": "a\\u0000b\\u001fc\\u202eabc"}', "application/json", 200),
    (b'{"text": "\\ud800"}', "application/json", 400),
    (b"x" * 100_001, "text/plain", 413),
]


@pytest.fixture(scope="module")
def server():
    with running_server(workers=2) as server:
        yield server


def test_sample_article_gives_exact_entities(server, sample_text):
    response = server.post(
        "/v1/enrich",
        data=sample_text.encode(),
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    check_requests(response)
    assert response.status_code == 200
    body = response.json()
    assert len(body["entities"]) >= 20
    assert all(body["text"][e["start"] : e["end"]] == e["text"] for e in body["entities"])


@pytest.mark.parametrize("path", ["/v1/info", "/livez", "/readyz", "/openapi.yaml"])
def test_get_endpoints_answer(server, path):
    response = server.get(path)
    check_requests(response)
    assert response.status_code == 200


@pytest.mark.parametrize(("body", "content_type", "status"), BAD_INPUT)
def test_bad_input_gets_its_status_as_problem_json(server, body, content_type, status):
    response = server.post("/v1/enrich", data=body, headers={"Content-Type": content_type})
    check_requests(response)
    assert response.status_code == status
    if status >= 400:
        assert response.headers["Content-Type"] == "application/problem+json"
        assert response.json()["request_id"] == response.headers["X-Request-ID"]


@pytest.mark.parametrize(
    ("method", "path", "status"), [("GET", "/nowhere", 404), ("PUT", "/v1/enrich", 405)]
)
def test_unknown_path_and_method_are_problems(server, method, path, status):
    response = (
        server.post(path)
        if method == "POST"
        else __import__("requests").request(method, server.url + path, timeout=10)
    )
    check_requests(response)
    assert response.status_code == status


def test_sigterm_stops_the_server_cleanly():
    with running_server(workers=2) as server:
        assert server.get("/readyz").status_code == 200
        assert stop(server) == 0
