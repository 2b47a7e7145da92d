"""One function builds every RFC 9457 problem+json body: Flask answers, batch slots, gunicorn."""

import logging

from flask import Flask, jsonify
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, InternalServerError

from ..observability.logs import request_id

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"


def problem_body(status: int, title: str, detail: str, **extra) -> dict:
    """The problem object; `extra` adds members such as `request_id` and `errors`."""
    return {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}


def problem(status: int, title: str, detail: str, **extra):
    """A problem+json response carrying this request's id."""
    response = jsonify(problem_body(status, title, detail, request_id=request_id(), **extra))
    response.status_code = status
    response.mimetype = PROBLEM_JSON
    return response


def describe(error: HTTPException | ValidationError) -> tuple[int, str, str, dict]:
    """Status, title, detail and extra members for an HTTP or validation error."""
    if isinstance(error, InternalServerError):
        # Flask has logged the original exception with its traceback; the caller sees no internals.
        return 500, "Internal Server Error", "The server failed to process the request.", {}
    if isinstance(error, HTTPException):
        return error.code or 500, error.name, error.description or error.name, {}
    messages = error.normalized_messages()
    detail = f"Invalid fields: {', '.join(sorted(messages))}."
    return 422, "Unprocessable Content", detail, {"errors": messages}


def _http_error(error: HTTPException):
    status, title, detail, extra = describe(error)
    response = problem(status, title, detail, **extra)
    for name, value in error.get_headers():
        if name != "Content-Type":  # keep Allow, Retry-After, WWW-Authenticate, ...
            response.headers[name] = value
    return response


def _validation_error(error: ValidationError):
    status, title, detail, extra = describe(error)
    return problem(status, title, detail, **extra)


def document_problem(error: HTTPException | ValidationError) -> dict:
    """The problem object in a batch slot: one document failed, the batch did not."""
    status, title, detail, extra = describe(error)
    return problem_body(status, title, detail, **extra)


def init_app(app: Flask) -> None:
    """Route HTTP errors (including the 500 made from any unhandled exception) and validation."""
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(ValidationError, _validation_error)
