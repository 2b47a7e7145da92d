"""HTTP and pipeline metrics through the test client (one process, the default registry)."""

import subprocess
import sys

import pytest
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from service.pipeline.normalize import REMOVED_KINDS

LISTED = [  # every metric the runbook documents, by family name as the parser reports it
    "enrich_http_requests", "enrich_http_request_duration_seconds",
    "enrich_http_requests_in_progress", "enrich_document_size_characters",
    "enrich_pipeline_stage_duration_seconds", "enrich_entities", "enrich_removed_spans",
    "enrich_documents_rejected", "enrich_model_info", "enrich_build_info", "enrich_ready",
    "enrich_workers", "enrich_worker_exits",
]


def value(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def scrape(client) -> dict:
    response = client.get("/metrics")
    assert response.status_code == 200
    return {family.name: family for family in text_string_to_metric_families(response.text)}


def enrich(client, text="Angela Merkel visited Berlin.", **kwargs):
    return client.post("/v1/enrich", json={"text": text}, **kwargs)


def test_a_request_is_counted_by_method_route_and_code(client):
    labels = {"method": "POST", "route": "/v1/enrich", "code": "200"}
    before = value("enrich_http_requests_total", **labels)
    enrich(client)
    assert value("enrich_http_requests_total", **labels) == before + 1


def test_unknown_paths_share_one_unmatched_series(client):
    before = value("enrich_http_requests_total", method="GET", route="unmatched", code="404")
    for path in ("/a", "/b/c", "/v1/enrich/x"):
        client.get(path)
    after = value("enrich_http_requests_total", method="GET", route="unmatched", code="404")
    assert after == before + 3
    assert not [s for f in REGISTRY.collect() for s in f.samples if "/b/c" in str(s.labels)]


def test_unknown_methods_share_one_label_value(client):
    before = value("enrich_http_requests_total", method="other", route="unmatched", code="405")
    client.open("/v1/enrich", method="BREW")
    assert value("enrich_http_requests_total", method="other", route="unmatched",
                 code="405") == before + 1


def test_a_run_observes_documents_entities_and_every_stage(client):
    stages = ("normalize", "nlp", "enrich", "serialize")
    before = [value("enrich_pipeline_stage_duration_seconds_count", stage=s) for s in stages]
    documents = value("enrich_document_size_characters_count")
    characters = value("enrich_document_size_characters_sum")
    gpe = value("enrich_entities_total", label="GPE")
    enrich(client)
    after = [value("enrich_pipeline_stage_duration_seconds_count", stage=s) for s in stages]
    assert after == [count + 1 for count in before]
    assert value("enrich_document_size_characters_count") == documents + 1
    assert value("enrich_document_size_characters_sum") == characters + 29
    assert value("enrich_entities_total", label="GPE") == gpe + 1


def test_removed_spans_are_counted_by_kind(client):
    before = value("enrich_removed_spans_total", kind="combining_marks")
    enrich(client, "Zalgo a" + "\u0301" * 60 + " text.")
    assert value("enrich_removed_spans_total", kind="combining_marks") == before + 1


@pytest.mark.parametrize(("body", "content_type", "reason"), [
    (b'{"text": ', "application/json", "malformed"),
    (b"x" * 100_001, "text/plain", "too_large"),
    (b"<p>x</p>", "text/html", "unsupported_media_type"),
    (b'{"text": " "}', "application/json", "invalid"),
])
def test_rejected_documents_are_counted_by_reason(client, body, content_type, reason):
    before = value("enrich_documents_rejected_total", reason=reason)
    client.post("/v1/enrich", data=body, content_type=content_type)
    assert value("enrich_documents_rejected_total", reason=reason) == before + 1


def test_in_progress_is_back_to_zero_and_a_scrape_does_not_count_itself(client):
    enrich(client)
    assert scrape(client)["enrich_http_requests_in_progress"].samples[0].value == 0


def test_server_timing_names_every_stage_of_an_enrichment(client):
    header = enrich(client).headers["Server-Timing"]
    names = [part.split(";")[0] for part in header.split(", ")]
    assert names == ["normalize", "nlp", "enrich", "serialize", "total"]
    assert all(float(part.split("dur=")[1]) >= 0 for part in header.split(", "))


def test_server_timing_of_other_routes_is_the_total(client):
    assert client.get("/livez").headers["Server-Timing"].startswith("total;dur=")


def test_metrics_text_parses_and_lists_every_metric(client):
    enrich(client)
    families = scrape(client)
    assert set(LISTED) <= set(families)
    assert all(family.documentation for family in families.values())


def test_metrics_is_prometheus_text_format_0_0_4(client):
    content_type = client.get("/metrics").headers["Content-Type"]
    assert content_type == "text/plain; version=0.0.4; charset=utf-8"


def test_state_gauges_describe_the_model_and_readiness(client, app):
    families = scrape(client)
    model = families["enrich_model_info"].samples[0]
    assert model.labels == {"name": app.extensions["pipeline"].model.name,
                            "version": app.extensions["pipeline"].model.version}
    assert families["enrich_ready"].samples[0].value == 1
    assert families["enrich_build_info"].samples[0].labels["version"]


def test_importing_the_package_leaves_prometheus_client_to_the_app():
    """`enrich serve` sets PROMETHEUS_MULTIPROC_DIR after the package is imported: in time
    only if prometheus_client, which reads it once, is not imported with the package."""
    code = "import sys, service.__main__; assert 'prometheus_client' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_removal_kind_starts_at_zero(client):
    families = scrape(client)
    kinds = {s.labels["kind"] for s in families["enrich_removed_spans"].samples
             if s.name == "enrich_removed_spans_total"}
    assert kinds >= REMOVED_KINDS


def test_problems_in_a_batch_are_counted_as_rejected(client):
    before = value("enrich_documents_rejected_total", reason="invalid")
    body = {"documents": [{"text": "Berlin."}, {"text": " "}, {"id": "x"}]}
    assert client.post("/v1/enrich/batch", json=body).status_code == 200
    assert value("enrich_documents_rejected_total", reason="invalid") == before + 2
