"""enrich: raw news-article text in, clean text and structured facts out."""

import logging
import uuid

from flask import Flask, g, request

from . import api, config, errors, pretty, web
from .orjson_provider import OrjsonProvider
from .pipeline import Pipeline

# Caller ids are echoed and logged: accept only short, plain ones.
_SAFE_REQUEST_ID = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")


def create_app(overrides: dict | None = None) -> Flask:
    """Build the app: config -> pipeline -> errors -> request ids -> blueprint."""
    app = Flask(__name__, static_folder=None)
    app.json = OrjsonProvider(app)
    app.config.from_mapping(config.from_environ(), **(overrides or {}))
    logging.basicConfig(level=app.config["LOG_LEVEL"].upper())
    app.extensions["pipeline"] = Pipeline.load(app.config["SPACY_MODEL"])
    errors.init_app(app)
    pretty.init_app(app)
    app.before_request(_assign_request_id)
    app.after_request(_echo_request_id)
    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)
    return app


def _assign_request_id() -> None:
    given = request.headers.get("X-Request-ID", "")
    sane = 0 < len(given) <= 128 and _SAFE_REQUEST_ID.issuperset(given)
    g.request_id = given if sane else uuid.uuid4().hex


def _echo_request_id(response):
    response.headers["X-Request-ID"] = g.get("request_id") or ""
    return response
