"""HTTP and pipeline metrics, updated per request and per pipeline run; the Server-Timing header."""

import collections
import time

from flask import Flask, g, has_request_context, request
from prometheus_client import Counter, Gauge, Histogram

from ..pipeline.normalize import REMOVED_KINDS
from . import exposition
from .logs import route_label

REQUESTS = Counter(
    "enrich_http_requests_total",
    "HTTP requests answered, by method, URL rule and status code.",
    ["method", "route", "code"],
)
REQUEST_SECONDS = Histogram(
    "enrich_http_request_duration_seconds",
    "Time to build a response, by URL rule.",
    ["route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
# livesum: the sum over live workers; a killed worker's gauge goes with it (child_exit).
IN_PROGRESS = Gauge(
    "enrich_http_requests_in_progress",
    "Requests being handled, scrapes excluded.",
    multiprocess_mode="livesum",
)
DOCUMENT_CHARS = Histogram(
    "enrich_document_size_characters",
    "Length of each enriched document, in code points.",
    buckets=(100, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000, 250_000),
)
STAGE_SECONDS = Histogram(
    "enrich_pipeline_stage_duration_seconds",
    "Time per pipeline run in each stage.",
    ["stage"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
ENTITIES = Counter("enrich_entities_total", "Entities found, by label.", ["label"])
REMOVED = Counter("enrich_removed_spans_total", "Spans normalization removed, by kind.", ["kind"])
REJECTED = Counter("enrich_documents_rejected_total",
                   "Enrich requests, and documents in a batch, refused, by reason.", ["reason"])
REJECT_REASONS = {400: "malformed", 413: "too_large", 415: "unsupported_media_type",
                  422: "invalid", 503: "not_ready"}
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def init_app(app: Flask) -> None:
    """Count every request, observe every pipeline run, and serve /metrics."""
    app.before_request(_start)
    app.after_request(_finish)
    app.teardown_request(_leave)
    app.extensions["pipeline"].observers.append(_observe_run)
    app.add_url_rule("/metrics", "metrics", exposition.metrics)
    # Series known in advance start at 0, so rate() and ratios see their first increase.
    for reason in {*REJECT_REASONS.values(), "other"}:
        REJECTED.labels(reason)
    for label in app.extensions["pipeline"].model.labels:
        ENTITIES.labels(label)
    for kind in REMOVED_KINDS:
        REMOVED.labels(kind)


def count_server_answer(status: int) -> None:
    """Count an answer gunicorn gave before the app ran: a request it could not parse."""
    REQUESTS.labels("other", "unmatched", str(status)).inc()


def _start() -> None:
    g.metrics_started = time.perf_counter()
    if request.endpoint != "metrics":  # a scrape would always see itself in progress
        IN_PROGRESS.inc()
        g.metrics_in_progress = True


def _leave(_error) -> None:
    if g.pop("metrics_in_progress", False):
        IN_PROGRESS.dec()


def _observe_run(articles, results, run_timings) -> None:
    if not has_request_context():  # a warm-up run at start is no request
        return
    timings = g.setdefault("metrics_timings", {})
    for stage, seconds in run_timings.items():
        STAGE_SECONDS.labels(stage).observe(seconds)
        timings[stage] = timings.get(stage, 0.0) + seconds
    g.metrics_run_finished = time.perf_counter()
    for article in articles:
        DOCUMENT_CHARS.observe(len(article.text))
    _count_findings(results)


def _count_findings(results) -> None:
    # One write per label, not per entity: each is a locked write to a shared file. A section
    # the caller did not include is None.
    labels = collections.Counter(e.label for result in results for e in result.entities or ())
    kinds = collections.Counter(span.kind for result in results for span in result.removed or ())
    for label, count in labels.items():
        ENTITIES.labels(label).inc(count)
    for kind, count in kinds.items():
        REMOVED.labels(kind).inc(count)


def _finish(response):
    now = time.perf_counter()
    route, status = route_label(), response.status_code
    method = request.method if request.method in METHODS else "other"
    elapsed = now - g.get("metrics_started", now)
    REQUESTS.labels(method, route, str(status)).inc()
    REQUEST_SECONDS.labels(route).observe(elapsed)
    if route.startswith("/v1/enrich") and (400 <= status < 500 or status == 503):
        REJECTED.labels(REJECT_REASONS.get(status, "other")).inc()
    for slot_status in g.get("rejected_documents", ()):  # problems in a batch answered 200
        REJECTED.labels(REJECT_REASONS.get(slot_status, "other")).inc()
    stages = {**_stage_seconds(now), "total": elapsed}
    response.headers["Server-Timing"] = ", ".join(
        f"{stage};dur={seconds * 1000:.2f}" for stage, seconds in stages.items()
    )
    return response


def _stage_seconds(now: float) -> dict[str, float]:
    """This request's stages; serialize (schema dump and JSON) runs from the last run to now."""
    timings = g.get("metrics_timings", {})
    if "metrics_run_finished" in g:
        timings["serialize"] = now - g.metrics_run_finished
        STAGE_SECONDS.labels("serialize").observe(timings["serialize"])
    return timings
