"""enrich: raw news-article text in, clean text and structured facts out."""

from flask import Flask

from . import api, config, web
from .app import auth, cors, errors, pretty
from .app.json import OrjsonProvider
from .observability import logs
from .pipeline import Pipeline


def create_app(overrides: dict | None = None) -> Flask:
    """Build the app: config -> pipeline -> errors -> logs (request ids) -> metrics -> blueprint."""
    # prometheus_client fixes its multiprocess mode when first imported, so it is imported here,
    # after `enrich serve` has set PROMETHEUS_MULTIPROC_DIR, and never with the package.
    from .observability import metrics
    from .server import admission, draining

    app = Flask(__name__, static_folder=None)
    app.json = OrjsonProvider(app)
    app.config.from_mapping(config.from_environ(), **(overrides or {}))
    app.extensions["pipeline"] = admission.GatedPipeline(
        Pipeline.from_config(app.config),
        workers=app.config["WORKERS"],
        max_waiting=app.config["MAX_QUEUED"],
        wait_timeout=app.config["QUEUE_TIMEOUT_MS"] / 1000,
        retry_after=app.config["RETRY_AFTER"],
        coalesce_tokens=_coalesce_tokens(app.config),
        gather=app.config["GATHER_MS"] / 1000,
        gather_requests=app.config["GATHER_REQUESTS"],
    )
    app.extensions["draining"] = draining.is_draining  # /readyz asks; api/ never imports server/
    errors.init_app(app)
    pretty.init_app(app)
    logs.init_app(app)
    metrics.init_app(app)
    auth.init_app(app)
    cors.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)
    return app


def _coalesce_tokens(config) -> int:
    """COALESCE_TOKENS, within one model minibatch and one request's bound."""
    batch = config["NLP_BATCH_TOKENS"]
    return min(config["COALESCE_TOKENS"], batch, config["MAX_REQUEST_TOKENS"] or batch)
