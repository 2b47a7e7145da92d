"""JSON log lines on stdout, gunicorn's included, and the X-Request-ID that ties them together."""

import logging
import sys
import uuid
from datetime import UTC, datetime

import orjson
from flask import Flask, current_app, g, has_request_context, request
from gunicorn import glogging

# Caller ids are echoed and logged: accept only short, plain ones.
SAFE_REQUEST_ID = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")
MAX_REQUEST_ID = 128
# Record attributes (set with `extra=`) that a line carries; no other attribute is emitted.
FIELDS = (
    "request_id",
    "method",
    "path",
    "route",
    "status",
    "duration_ms",
    "document_chars",
    "text_preview",
    "remote_addr",
)
ENVIRON_KEY = "enrich.log"  # what the app tells gunicorn's access line about a request
HANDLER_NAME = "enrich-json"


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, pid, request fields, traceback."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        if has_request_context() and "request_id" in g:
            line["request_id"] = g.request_id
        line.update((name, getattr(record, name)) for name in FIELDS if hasattr(record, name))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(line, default=str).decode()


def configure(level: str) -> None:
    """Every record at `level` or above, from any logger, as one JSON line on stdout."""
    handler = logging.StreamHandler(sys.stdout)
    handler.set_name(HANDLER_NAME)
    handler.setFormatter(JsonFormatter())
    handler.setLevel(level.upper())
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())


class GunicornLogger(glogging.Logger):
    """gunicorn's error and access logs through the same JSON handler (`logger_class`)."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        configure(cfg.loglevel)
        for log in (self.error_log, self.access_log):
            for handler in list(log.handlers):
                log.removeHandler(handler)
            log.propagate = True

    def exception(self, msg, *args, **kwargs) -> None:
        """As gunicorn's, but a client that stalled past CLIENT_TIMEOUT (the read on its socket
        fails with EAGAIN, service/serverside.py) is one INFO line, not an ERROR with a trace."""
        if isinstance(sys.exc_info()[1], BlockingIOError | TimeoutError):
            self.info("Client stalled past CLIENT_TIMEOUT mid-request: connection closed")
            return
        super().exception(msg, *args, **kwargs)

    def access(self, resp, req, environ, request_time) -> None:
        """One line per request the app answered, with what the app told about it."""
        if not self.access_log_enabled:
            return
        method, path = environ.get("REQUEST_METHOD"), environ.get("PATH_INFO")
        status = int(str(resp.status).split(None, 1)[0])
        fields = {
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round(request_time.total_seconds() * 1000, 2),
            "remote_addr": environ.get("REMOTE_ADDR"),
            "request_id": None,
            **environ.get(ENVIRON_KEY, {}),
        }
        self.access_log.info("%s %s %s", method, path, status, extra=fields)


def route_label() -> str:
    """The URL rule that matched, never the raw path (random paths add no metric series)."""
    return request.url_rule.rule if request.url_rule else "unmatched"


def init_app(app: Flask) -> None:
    """Log as JSON, assign request ids first, and hand the access line what it cannot see."""
    configure(app.config["LOG_LEVEL"])
    app.before_request(_assign_request_id)
    app.after_request(_describe_request)
    app.extensions["pipeline"].observers.append(_remember_documents)


def new_request_id() -> str:
    """A fresh request id: the one place ids are minted, for Flask's answers and gunicorn's."""
    return uuid.uuid4().hex


def request_id() -> str:
    """This request's id: the caller's if sane, else one minted now and kept for the request."""
    if "request_id" not in g:
        given = request.headers.get("X-Request-ID", "")
        sane = 0 < len(given) <= MAX_REQUEST_ID and SAFE_REQUEST_ID.issuperset(given)
        g.request_id = given if sane else new_request_id()
    return g.request_id


def _assign_request_id() -> None:
    request_id()  # first, so every log line of the request carries it


def _remember_documents(articles, _results, _timings) -> None:
    if has_request_context():
        g.log_documents = g.get("log_documents", []) + articles


def _describe_request(response):
    response.headers["X-Request-ID"] = request_id()
    fields = {"request_id": g.request_id, "route": route_label()}
    if "log_documents" in g:
        fields["document_chars"] = sum(len(article.text) for article in g.log_documents)
        if preview := current_app.config["LOG_TEXT_PREVIEW_CHARS"]:
            fields["text_preview"] = [article.text[:preview] for article in g.log_documents]
    request.environ[ENVIRON_KEY] = fields
    return response
