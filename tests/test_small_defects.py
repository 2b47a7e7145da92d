"""Issue 17's small defects: a stalled client is an INFO line; bad UTF-8 in JSON says where."""


import pytest
from gunicorn.config import Config

from service.observability import logs

pytestmark = pytest.mark.model


def _log_inside(error: Exception) -> None:
    logger = logs.GunicornLogger(Config())
    try:
        raise error
    except OSError:
        logger.exception("Socket error processing request.")  # as gthread's handle() does


def test_a_client_stalled_past_the_socket_timeout_is_one_info_line(log_lines):
    _log_inside(BlockingIOError(11, "Resource temporarily unavailable"))
    [line] = [line for line in log_lines() if line["logger"] == "gunicorn.error"]
    assert line["level"] == "INFO"
    assert "exception" not in line
    assert "stalled" in line["message"]


def test_other_socket_errors_keep_their_traceback(log_lines):
    _log_inside(OSError(5, "Input/output error"))
    [line] = [line for line in log_lines() if line["logger"] == "gunicorn.error"]
    assert line["level"] == "ERROR"
    assert "Traceback" in line["exception"]


def test_invalid_utf8_in_a_json_body_is_400_with_the_byte_offset(client):
    body = b'{"text": "Berlin \xff\xfe is here"}'
    response = client.post("/v1/enrich", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json["detail"] == (
        "The body is not valid UTF-8: byte 0xff at byte offset 17 (invalid start byte)."
    )


def test_malformed_json_that_is_utf8_still_says_malformed_json(client):
    response = client.post("/v1/enrich", data=b'{"text": ', content_type="application/json")
    assert response.status_code == 400
    assert response.json["detail"].startswith("Malformed JSON")
