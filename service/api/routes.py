"""Thin views for every path in openapi.yaml; the logic lives in schemas and the pipeline."""

from flask import Blueprint, Response, abort, current_app, request

from ..about import OPENAPI_YAML, VERSION
from ..pipeline.enrich import places
from ..pipeline.types import DEFAULT_SECTIONS, SECTIONS, Article
from .batch import check_batch_limits, enrich_articles, load_article, load_document
from .reading import read_article, read_json
from .schemas import BatchSchema

bp = Blueprint("api", __name__)
batch_schema = BatchSchema()


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
        "service": {"name": "enrich", "version": VERSION},
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
            "max_request_tokens": config["MAX_REQUEST_TOKENS"],
            "max_unspaced_chars": config["MAX_UNSPACED_CHARS"],
            "max_chunk_tokens": config["MAX_CHUNK_TOKENS"],
            "nlp_batch_tokens": config["NLP_BATCH_TOKENS"],
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
    if current_app.extensions["draining"]():
        abort(503, "The server is shutting down.")
    return {"status": "ready"}


@bp.get("/openapi.yaml")
def openapi():
    """The API contract this server implements."""
    return Response(OPENAPI_YAML, mimetype="application/yaml")
