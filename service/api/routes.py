"""Thin views for every path in openapi.yaml; the logic lives in schemas and the pipeline."""

from importlib import metadata
from importlib.resources import files

import orjson
from flask import Blueprint, Response, abort, current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .. import draining
from ..pipeline.enrich import places
from ..pipeline.types import DEFAULT_SECTIONS, SECTIONS, Article
from .batch import (
    article_schema,
    check_batch_limits,
    enrich_articles,
    load_article,
    load_document,
)
from .schemas import BatchSchema

bp = Blueprint("api", __name__)
batch_schema = BatchSchema()
OPENAPI_YAML = files("service").joinpath("openapi.yaml").read_bytes()
SERVICE_VERSION = metadata.version("enrich-service")
# text/plain callers give `options` as query parameters; lists comma-separated or repeated.
OPTION_PARAMETERS = ("include", "labels", "offsets", "published", "unsupported_language")
LIST_PARAMETERS = {"include", "labels"}


@bp.post("/v1/enrich")
def enrich():
    """Enrich one article, sent as JSON or as a text/plain body."""
    return enrich_articles([load_article(read_article())])[0]


@bp.post("/v1/enrich/batch")
def enrich_batch():
    """Enrich several articles in one model pass; a bad document fails in its slot only."""
    config = current_app.config
    request.max_content_length = config["MAX_BATCH_BODY_BYTES"]
    if request.mimetype != "application/json":
        abort(415, "Send the batch as application/json.")
    batch = batch_schema.load(read_json())
    check_batch_limits(batch["documents"])
    slots = [load_document(document, batch.get("options")) for document in batch["documents"]]
    articles = [slot for slot in slots if isinstance(slot, Article)]
    enriched = iter(enrich_articles(articles, strict=False))
    return {"results": [next(enriched) if isinstance(slot, Article) else slot for slot in slots]}


@bp.get("/v1/info")
def info():
    """Model, service version, sections and the limits in force."""
    pipeline = current_app.extensions["pipeline"]
    model = pipeline.model
    config = current_app.config
    return {
        "service": {"name": "enrich", "version": SERVICE_VERSION},
        "model": {
            "name": model.name,
            "version": model.version,
            "components": list(model.components),
            "labels": list(model.labels),
        },
        "limits": {
            "max_text_chars": config["MAX_TEXT_CHARS"],
            "max_body_bytes": config["MAX_CONTENT_LENGTH"],
            "max_run_chars": config["MAX_RUN_CHARS"],
            "max_combining_marks": config["MAX_COMBINING_MARKS"],
            "max_batch_documents": config["MAX_BATCH_DOCUMENTS"],
            "max_batch_chars": config["MAX_BATCH_CHARS"],
            "max_batch_body_bytes": config["MAX_BATCH_BODY_BYTES"],
            "language_sample_chars": config["LANGUAGE_SAMPLE_CHARS"],
            "max_keyphrases": config["MAX_KEYPHRASES"],
        },
        "sections": {
            "available": list(SECTIONS),
            "default": list(DEFAULT_SECTIONS),
            "gazetteer_patterns": pipeline.gazetteer_patterns,
            "places": places.available(),
        },
    }


@bp.get("/livez")
def livez():
    """The process answers."""
    return {"status": "ok"}


@bp.get("/readyz")
def readyz():
    """The model is loaded and the server is not shutting down."""
    if "pipeline" not in current_app.extensions:
        abort(503, "The model is not loaded yet.")
    if draining.is_draining():
        abort(503, "The server is shutting down.")
    return {"status": "ready"}


@bp.get("/openapi.yaml")
def openapi():
    """The API contract this server implements."""
    return Response(OPENAPI_YAML, mimetype="application/yaml")


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


JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number",
              bool: "a boolean", type(None): "null"}
READ_SIZE = 64 * 1024


def read_json() -> dict:
    """The request body as a JSON object; 400 if it is not JSON, 422 if not an object."""
    try:
        body = orjson.loads(_read_body())
    except orjson.JSONDecodeError as err:
        abort(400, f"Malformed JSON: {err}.")
    if not isinstance(body, dict):
        abort(422, f"The body must be a JSON object, not {JSON_KINDS[type(body)]}.")
    return body


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
