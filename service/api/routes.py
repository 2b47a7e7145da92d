"""Thin views for every path in openapi.yaml; the logic lives in schemas and the pipeline."""

from importlib import metadata
from importlib.resources import files

import orjson
from flask import Blueprint, Response, abort, current_app, request
from marshmallow import ValidationError

from .. import draining
from .schemas import ArticleSchema, EnrichmentSchema

bp = Blueprint("api", __name__)
article_schema = ArticleSchema()
enrichment_schema = EnrichmentSchema()
OPENAPI_YAML = files("service").joinpath("openapi.yaml").read_bytes()
SERVICE_VERSION = metadata.version("enrich-service")
# text/plain callers give `options` as query parameters; lists comma-separated or repeated.
OPTION_PARAMETERS = ("include", "labels", "offsets", "published")
LIST_PARAMETERS = {"include", "labels"}


@bp.post("/v1/enrich")
def enrich():
    """Enrich one article, sent as JSON or as a text/plain body."""
    article = article_schema.load(read_article())
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(article.text) > limit:
        abort(413, f"Text has {len(article.text)} characters; the limit is {limit}.")
    enrichment = current_app.extensions["pipeline"].run([article])[0]
    return enrichment_schema.dump(enrichment)


@bp.get("/v1/info")
def info():
    """Model, service version and the limits in force."""
    model = current_app.extensions["pipeline"].model
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
        try:
            body = orjson.loads(_read_body())
        except orjson.JSONDecodeError as err:
            abort(400, f"Malformed JSON: {err}.")
        if not isinstance(body, dict):
            raise ValidationError("The body must be a JSON object.", field_name="_schema")
        return body
    if request.mimetype == "text/plain":
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            abort(415, f"Charset {charset!r} is not supported; send UTF-8.")
        try:
            text = _read_body().decode("utf-8")
        except UnicodeDecodeError as err:
            abort(400, f"The body is not valid UTF-8 (byte {err.start}).")
        query = {name: values[-1] for name, values in request.args.lists()}
        query.pop("pretty", None)  # output formatting, not an article field
        if "text" in query:
            raise ValidationError("Send the text as the body, not as a query parameter.", "text")
        options = {name: query.pop(name) for name in OPTION_PARAMETERS if name in query}
        for name in LIST_PARAMETERS & options.keys():
            given = request.args.getlist(name)
            options[name] = [value for item in given for value in item.split(",") if value]
        return {**query, "text": text, **({"options": options} if options else {})}
    abort(415, "Send application/json or text/plain; charset=utf-8.")


def _read_body() -> bytes:
    try:
        return request.get_data()
    except OSError as err:  # gunicorn raises OSError subclasses for a broken chunked body
        abort(400, f"The request body could not be read: {err.__class__.__name__}.")
