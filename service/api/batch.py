"""Request bodies to Articles to the model, for both endpoints: one article is a batch of one."""

from flask import abort, current_app
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, UnprocessableEntity

from ..errors import document_problem
from ..pipeline.enrich import language
from ..pipeline.types import Article, Enrichment
from .schemas import ID_PATTERN, ArticleSchema, EnrichmentSchema

article_schema = ArticleSchema()
enrichment_schema = EnrichmentSchema()


def enrich_articles(articles: list[Article], *, strict: bool = True) -> list[dict]:
    """The one path to the model for both endpoints: a single article is a batch of one.
    A refused article raises its 422 when `strict`, else its problem takes its slot."""
    enrichments = current_app.extensions["pipeline"].run(articles)
    return [_answer(a, e, strict=strict) for a, e in zip(articles, enrichments, strict=True)]


def _answer(article: Article, enrichment: Enrichment, *, strict: bool) -> dict:
    refused = language.refusal(enrichment.warnings)
    if not (refused and article.options.unsupported_language == "reject"):
        return enrichment_schema.dump(enrichment)
    error = UnprocessableEntity(refused)
    if strict:
        raise error
    return {**document_problem(error), "id": article.id}


def load_article(body) -> Article:
    """An Article from a request body or batch document; 422 or 413 if it is not acceptable."""
    article = article_schema.load(body)
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(article.text) > limit:
        abort(413, f"Text has {len(article.text)} characters; the limit is {limit}.")
    return article


def load_document(document, defaults: dict | None) -> Article | dict:
    """A batch document as an Article, or the problem object that takes its slot."""
    if defaults and isinstance(document, dict) and isinstance(document.get("options", {}), dict):
        document = {**document, "options": {**defaults, **document.get("options", {})}}
    try:
        return load_article(document)
    except (ValidationError, HTTPException) as error:
        given = document.get("id") if isinstance(document, dict) else None
        known = isinstance(given, str) and ID_PATTERN.fullmatch(given)
        return {**document_problem(error), **({"id": given} if known else {})}


def check_batch_limits(documents: list) -> None:
    """413 for too many documents or too much text in all, before any document is loaded."""
    config = current_app.config
    if len(documents) > config["MAX_BATCH_DOCUMENTS"]:
        abort(413, f"{len(documents)} documents; the limit is {config['MAX_BATCH_DOCUMENTS']}.")
    total = sum(len(d["text"]) for d in documents if isinstance(d, dict) and _has_text(d))
    if total > config["MAX_BATCH_CHARS"]:
        abort(413, f"{total} characters in all; the limit is {config['MAX_BATCH_CHARS']}.")


def _has_text(document: dict) -> bool:
    return isinstance(document.get("text"), str)
