"""Reading a request: JSON or text/plain plus query, checked as far as the bytes go."""

import orjson
from flask import abort, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .schemas import article_schema

# text/plain callers give `options` as query parameters; lists comma-separated or repeated.
OPTION_PARAMETERS = (
    "include", "labels", "offsets", "published", "cleaning", "unsupported_language")
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
    if not query:
        return {}  # most requests: nothing to validate, and the schema's pass costs ~40 µs
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


JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number",
              bool: "a boolean", type(None): "null"}
READ_SIZE = 64 * 1024


def read_json() -> dict:
    """The request body as a JSON object; 400 if it is not JSON, 422 if not an object."""
    raw = _read_body()
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        _check_utf8(raw)  # orjson reports bad UTF-8 as "surrogates not allowed" at line 1
        abort(400, f"Malformed JSON: {err}.")
    if not isinstance(body, dict):
        abort(422, f"The body must be a JSON object, not {JSON_KINDS[type(body)]}.")
    return body


def _check_utf8(raw: bytes) -> None:
    """400 saying where, if `raw` is not UTF-8."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        abort(400, f"The body is not valid UTF-8: byte 0x{raw[err.start]:02x} at byte offset"
                   f" {err.start} ({err.reason}).")


def _read_body() -> bytes:
    limit = request.max_content_length
    try:
        # A chunked body has no length to refuse up front: read it to one byte past the limit.
        sized = request.content_length is not None or limit is None
        body = request.get_data() if sized else _read_unsized(limit)
    except RequestEntityTooLarge:
        abort(413, f"The body is over the limit of {limit:,} bytes.")
    except HTTPException:
        raise  # werkzeug's own answers: 400 for a short body
    # The server's body reader raises its own types for a broken body (gunicorn: OSError for a
    # stalled or lost client, ParseException subclasses for bad chunking): all are the caller's.
    except Exception as err:
        abort(400, f"The request body could not be read: {err.__class__.__name__}.")
    # gunicorn marks its input terminated, so werkzeug does not check the length: a client that
    # closes early would have a truncated text enriched as if it were the whole.
    if request.content_length is not None and len(body) != request.content_length:
        abort(400, f"The body ended after {len(body)} of {request.content_length} bytes.")
    return body


def _read_unsized(limit: int) -> bytes:
    """A body without Content-Length, refused as soon as it passes `limit` bytes (werkzeug's
    own stream would cut it there silently and hand on a truncated body)."""
    stream, parts, size = request.environ["wsgi.input"], [], 0
    while chunk := stream.read(min(READ_SIZE, limit + 1 - size)):
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise RequestEntityTooLarge()
    return b"".join(parts)
