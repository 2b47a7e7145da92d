"""Request ids, JSON log lines, and what the access line is told about a request."""

import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from werkzeug.test import EnvironBuilder

from service import config
from service.observability import logs


@pytest.mark.parametrize("given", ["abc-123", "a" * 128, "trace.id:7_x"])
def test_a_sane_request_id_is_echoed(client, given):
    assert client.get("/livez", headers={"X-Request-ID": given}).headers["X-Request-ID"] == given


@pytest.mark.parametrize("given", ["", "a" * 129, "two words", "<script>", "ümlaut", "a\tb"])
def test_an_odd_request_id_is_replaced_by_a_generated_one(client, given):
    echoed = client.get("/livez", headers={"X-Request-ID": given}).headers["X-Request-ID"]
    assert echoed != given
    assert len(echoed) == 32 and int(echoed, 16) >= 0


def test_a_problem_body_carries_the_request_id(client):
    response = client.get("/nowhere", headers={"X-Request-ID": "lost-1"})
    assert response.json["request_id"] == "lost-1" == response.headers["X-Request-ID"]


def test_an_unhandled_exception_is_one_json_line_with_traceback(app, client, log_lines,
                                                                  monkeypatch):
    def explode(articles):
        raise RuntimeError("boom")

    monkeypatch.setattr(app.extensions["pipeline"], "run", explode)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)  # as in production
    response = client.post("/v1/enrich", json={"text": "x"}, headers={"X-Request-ID": "err-1"})
    assert response.status_code == 500
    [line] = [line for line in log_lines() if line["level"] == "ERROR"]
    assert line["request_id"] == "err-1"
    assert "RuntimeError: boom" in line["exception"] and "Traceback" in line["exception"]
    assert "boom" not in response.get_data(as_text=True)


def told_access_line(app, **request) -> dict:
    """What the app leaves in the WSGI environ for gunicorn's access line."""
    environ = EnvironBuilder(**request).get_environ()
    b"".join(app(environ, lambda status, headers: None))
    return environ[logs.ENVIRON_KEY]


def test_the_access_line_is_told_route_id_and_size_but_not_the_text(app):
    fields = told_access_line(app, path="/v1/enrich", method="POST", headers={
        "X-Request-ID": "size-1"}, json={"text": "Secret words in Berlin."})
    assert fields == {"request_id": "size-1", "route": "/v1/enrich", "document_chars": 23}


def test_a_text_preview_is_logged_only_when_configured(app, monkeypatch):
    monkeypatch.setitem(app.config, "LOG_TEXT_PREVIEW_CHARS", 6)
    fields = told_access_line(app, path="/v1/enrich", method="POST",
                              json={"text": "Secret words in Berlin."})
    assert fields["text_preview"] == ["Secret"]


def test_gunicorn_access_line_is_json_with_the_request_fields(log_lines):
    config = Config()
    config.set("accesslog", "-")
    logger = logs.GunicornLogger(config)
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/v1/enrich", "REMOTE_ADDR": "10.0.0.1",
               logs.ENVIRON_KEY: {"request_id": "acc-1", "route": "/v1/enrich"}}
    logger.access(SimpleNamespace(status="201 Created"), None, environ, timedelta(seconds=1.5))
    [line] = [line for line in log_lines() if line["logger"] == "gunicorn.access"]
    assert line["message"] == "POST /v1/enrich 201"
    assert line | {"timestamp": None, "pid": None} == {
        "timestamp": None, "level": "INFO", "logger": "gunicorn.access", "pid": None,
        "message": "POST /v1/enrich 201", "request_id": "acc-1", "method": "POST",
        "path": "/v1/enrich", "route": "/v1/enrich", "status": 201, "duration_ms": 1500.0,
        "remote_addr": "10.0.0.1"}


def test_log_level_comes_from_the_setting():
    logs.configure("warning")
    try:
        [handler] = [h for h in logging.getLogger().handlers if h.get_name() == logs.HANDLER_NAME]
        assert handler.level == logging.WARNING
    finally:
        logs.configure("info")


def test_an_unknown_log_level_is_refused_at_start():
    with pytest.raises(ValueError, match="LOG_LEVEL"):
        config.from_environ({"LOG_LEVEL": "verbose"})
