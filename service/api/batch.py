"""Request bodies to Articles to the model, for both endpoints: one article is a batch of one."""

from dataclasses import replace

from flask import abort, current_app, g
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, UnprocessableEntity

from ..app.errors import document_problem
from ..pipeline.budget import TooMuchWork
from ..pipeline.enrich import language
from ..pipeline.types import Article, Enrichment, Options
from .schemas import ID_PATTERN, article_schema, enrichment_schema, too_long


def enrich_articles(articles: list[Article], *, strict: bool = True) -> list[dict]:
    """The one path to the model for both endpoints: a single article is a batch of one; 413 if
    the request would take the model past MAX_REQUEST_TOKENS (checked before the model runs).
    A refused article raises its 422 when `strict`, else its problem takes its slot."""
    try:
        enrichments = current_app.extensions["pipeline"].run(articles)
    except TooMuchWork as err:
        abort(413, str(err))
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
    if problem := too_long(article, current_app.config["MAX_TEXT_CHARS"]):
        abort(413, problem)
    return article


def load_document(document, defaults: Options | None) -> Article | dict:
    """A batch document as an Article, or the problem object that takes its slot."""
    try:
        article = load_article(document)
    except (ValidationError, HTTPException) as error:
        given = document.get("id") if isinstance(document, dict) else None
        known = isinstance(given, str) and ID_PATTERN.fullmatch(given)
        problem = document_problem(error)
        g.setdefault("rejected_documents", []).append(problem["status"])  # for the metrics
        return {**problem, **({"id": given} if known else {})}
    if defaults is None:
        return article
    given = {name: getattr(article.options, name) for name in document.get("options", {})}
    return replace(article, options=replace(defaults, **given))


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
