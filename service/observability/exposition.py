"""GET /metrics for the whole gunicorn server, merged from every worker's files."""

import platform

from flask import Flask, Response, current_app
from prometheus_client import REGISTRY, CollectorRegistry, Counter, generate_latest, multiprocess
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from prometheus_client.metrics_core import GaugeMetricFamily
from werkzeug.exceptions import HTTPException

from ..about import VERSION

# Counted by the gunicorn master: recycling, crashes, timeouts and OOM kills alike.
WORKER_EXITS = Counter("enrich_worker_exits_total", "gunicorn worker processes that exited.")


def metrics():
    """Prometheus text format; in multiprocess mode, merged from every worker's files."""
    registry = CollectorRegistry()  # fresh per scrape: the files change between scrapes
    if current_app.config["PROMETHEUS_MULTIPROC_DIR"]:
        multiprocess.MultiProcessCollector(registry, current_app.config["PROMETHEUS_MULTIPROC_DIR"])
    else:
        registry.register(REGISTRY)
    registry.register(_StateCollector(current_app))
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_PLAIN_0_0_4)


def worker_exited(path: str, pid: int) -> None:
    """Count the exit; drop its live gauges, keep its counter files so totals never go back."""
    WORKER_EXITS.inc()
    multiprocess.mark_process_dead(pid, path)


class _StateCollector:
    """What every process knows alike, read when scraped rather than kept in files."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def collect(self):
        model = self.app.extensions["pipeline"].model
        yield _gauge(
            "enrich_model_info",
            "The spaCy model in use; always 1.",
            {"name": model.name, "version": model.version},
        )
        yield _gauge(
            "enrich_build_info",
            "Service and Python versions; always 1.",
            {"version": VERSION, "python": platform.python_version()},
        )
        yield _gauge("enrich_ready", "1 when /readyz answers 200, else 0.", {}, _ready(self.app))
        yield _gauge(
            "enrich_workers",
            "gunicorn worker processes configured.",
            {},
            self.app.config["WORKERS"],
        )


def _gauge(name: str, documentation: str, labels: dict, value: float = 1) -> GaugeMetricFamily:
    family = GaugeMetricFamily(name, documentation, labels=list(labels))
    family.add_metric(list(labels.values()), value)
    return family


def _ready(app: Flask) -> bool:
    """Ask the /readyz view itself, so the gauge and the probe cannot disagree."""
    try:
        app.view_functions["api.readyz"]()
    except HTTPException:
        return False
    return True
