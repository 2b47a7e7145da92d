"""Reading a request: JSON or text/plain plus query, checked as far as the bytes go."""

import orjson
from flask import abort, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from .schemas import article_schema

# text/plain callers give `options` as query parameters; lists comma-separated or repeated.
OPTION_PARAMETERS = ("include", "labels", "offsets", "published")
LIST_PARAMETERS = {"include", "labels"}


def read_article() -> dict:
    """The request as the dict ArticleSchema loads: a JSON object, or text/plain plus query."""
    if request.mimetype == "application/json":
        return {**_query(), **read_json()}
    if request.mimetype == "text/plain":
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            abort(415, f"Charset {charset!r} is not supported; send UTF-8.")
        try:
            text = _read_body().decode("utf-8")
        except UnicodeDecodeError as err:
            abort(400, f"The body is not valid UTF-8 (byte {err.start}).")
        return {**_query(), "text": text}
    abort(415, "Send application/json or text/plain; charset=utf-8.")


def _query() -> dict:
    """The query as article fields, validated on their own so a JSON body cannot mask a bad one."""
    query = {name: values[-1] for name, values in request.args.lists()}
    query.pop("pretty", None)  # output formatting, not an article field
    if "text" in query:
        raise ValidationError("Send the text as the body, not as a query parameter.", "text")
    options = {name: query.pop(name) for name in OPTION_PARAMETERS if name in query}
    for name in LIST_PARAMETERS & options.keys():
        given = request.args.getlist(name)
        options[name] = [value for item in given for value in item.split(",") if value]
    fields = {**query, **({"options": options} if options else {})}
    errors = article_schema.validate(fields, partial=True)
    if errors:
        raise ValidationError(errors)
    return fields


def read_json() -> dict:
    """The request body as a JSON object; 400 if it is not JSON, 422 if not an object."""
    try:
        body = orjson.loads(_read_body())
    except orjson.JSONDecodeError as err:
        abort(400, f"Malformed JSON: {err}.")
    if not isinstance(body, dict):
        raise ValidationError("The body must be a JSON object.", field_name="_schema")
    return body


def _read_body() -> bytes:
    try:
        body = request.get_data()
    except HTTPException:
        raise  # werkzeug's own answers: 413 over MAX_CONTENT_LENGTH, 400 for a short body
    # The server's body reader raises its own types for a broken body (gunicorn: OSError for a
    # stalled or lost client, ParseException subclasses for bad chunking): all are the caller's.
    except Exception as err:
        abort(400, f"The request body could not be read: {err.__class__.__name__}.")
    # gunicorn marks its input terminated, so werkzeug does not check the length: a client that
    # closes early would have a truncated text enriched as if it were the whole.
    if request.content_length is not None and len(body) != request.content_length:
        abort(400, f"The body ended after {len(body)} of {request.content_length} bytes.")
    return body
