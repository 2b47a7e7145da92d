"""enrich: raw news-article text in, clean text and structured facts out."""

from flask import Flask

from . import api, auth, config, cors, errors, logs, pretty, web
from .orjson_provider import OrjsonProvider
from .pipeline import Pipeline, pipeline_settings


def create_app(overrides: dict | None = None) -> Flask:
    """Build the app: config -> pipeline -> errors -> logs (request ids) -> metrics -> blueprint."""
    # prometheus_client fixes its multiprocess mode when first imported, so it is imported here,
    # after `enrich serve` has set PROMETHEUS_MULTIPROC_DIR, and never with the package.
    from . import admission, metrics

    app = Flask(__name__, static_folder=None)
    app.json = OrjsonProvider(app)
    app.config.from_mapping(config.from_environ(), **(overrides or {}))
    app.extensions["pipeline"] = admission.GatedPipeline(
        Pipeline.load(
            app.config["SPACY_MODEL"],
            max_run_chars=app.config["MAX_RUN_CHARS"],
            max_combining_marks=app.config["MAX_COMBINING_MARKS"],
            batch_size=app.config["NLP_BATCH_SIZE"],
            **pipeline_settings(app.config),
        ),
        workers=app.config["WORKERS"],
        max_waiting=app.config["MAX_QUEUED"],
        wait_timeout=app.config["QUEUE_TIMEOUT_MS"] / 1000,
        retry_after=app.config["RETRY_AFTER"],
    )
    errors.init_app(app)
    pretty.init_app(app)
    logs.init_app(app)
    metrics.init_app(app)
    auth.init_app(app)
    cors.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)
    return app
