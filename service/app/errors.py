"""One function renders every failure as RFC 9457 problem+json."""

import logging
import uuid

from flask import Flask, g, jsonify
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"


def problem(status: int, title: str, detail: str, **extra):
    """A problem+json response; `extra` adds members such as `errors`."""
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "request_id": g.setdefault("request_id", uuid.uuid4().hex),
        **extra,
    }
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_JSON
    return response


def _http_error(error: HTTPException):
    if isinstance(error, InternalServerError):
        # Flask has logged the original exception with its traceback; the caller sees no internals.
        detail = "The server failed to process the request."
        response = problem(500, "Internal Server Error", detail)
    else:
        response = problem(error.code or 500, error.name, error.description or error.name)
    for name, value in error.get_headers():
        if name != "Content-Type":  # keep Allow, Retry-After, WWW-Authenticate, ...
            response.headers[name] = value
    return response


def _validation_error(error: ValidationError):
    messages = error.normalized_messages()
    fields = ", ".join(sorted(messages))
    return problem(422, "Unprocessable Content", f"Invalid fields: {fields}.", errors=messages)


def document_problem(error: HTTPException | ValidationError) -> dict:
    """The problem object in a batch slot: one document failed, the batch did not."""
    if isinstance(error, HTTPException):
        status, title, extra = error.code or 500, error.name, {}
        detail = error.description or error.name
    else:
        status, title = 422, "Unprocessable Content"
        messages = error.messages
        messages = messages if isinstance(messages, dict) else {"_schema": messages}
        detail, extra = f"Invalid fields: {', '.join(sorted(messages))}.", {"errors": messages}
    return {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}


def init_app(app: Flask) -> None:
    """Route HTTP errors (including the 500 made from any unhandled exception) and validation."""
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(ValidationError, _validation_error)
