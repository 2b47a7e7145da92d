"""POST /v1/enrich/batch through the test client: order, per-slot problems, limits, spec."""

import pytest

from service.api import batch
from service.config import from_environ
from service.pipeline.types import Options

GOOD = {"id": "good", "text": "Angela Merkel met Joe Biden in Berlin."}
BAD_DOCUMENTS = [  # (document, status in its slot)
    ({"id": "b"}, 422),
    ({"id": "b", "text": " \n "}, 422),
    ({"id": "b", "text": 5}, 422),
    ({"id": "b", "text": "x", "colour": "red"}, 422),
    ({"id": "b", "text": "x" * 100_001}, 413),
    ("just a string", 422),
]


@pytest.fixture()
def no_model(app, monkeypatch):
    """Fail the test if anything reaches the model."""

    def refuse(articles):
        raise AssertionError("the model ran")

    monkeypatch.setattr(app.extensions["pipeline"], "run", refuse)


def test_results_come_in_input_order(client):
    texts = ["Paris is in France.", "Tokyo is in Japan.", "Lima is in Peru."]
    documents = [{"id": f"d{i}", "text": text} for i, text in enumerate(texts)]
    response = client.post("/v1/enrich/batch", json={"documents": documents})
    assert response.status_code == 200
    results = response.json["results"]
    assert [r["id"] for r in results] == ["d0", "d1", "d2"]
    assert [r["entities"][0]["text"] for r in results] == ["Paris", "Tokyo", "Lima"]


@pytest.mark.parametrize(("document", "status"), BAD_DOCUMENTS)
def test_a_bad_document_fails_in_its_slot_only(client, document, status):
    response = client.post("/v1/enrich/batch", json={"documents": [GOOD, document, GOOD]})
    assert response.status_code == 200
    first, problem, last = response.json["results"]
    assert problem["status"] == status
    assert problem.get("id") == ("b" if isinstance(document, dict) else None)
    assert first["entities"] == last["entities"] != []


def test_batch_result_equals_the_single_endpoint(client, sample_text):
    single = client.post("/v1/enrich", json={"id": "s", "text": sample_text}).json
    documents = [{"id": "s", "text": sample_text}]
    batched = client.post("/v1/enrich/batch", json={"documents": documents}).json
    assert batched["results"] == [single]


def test_the_batch_is_one_pipeline_run(app, client, monkeypatch):
    calls = []
    run = app.extensions["pipeline"].run
    monkeypatch.setattr(app.extensions["pipeline"], "run", lambda a: calls.append(a) or run(a))
    client.post("/v1/enrich/batch", json={"documents": [GOOD, {"text": " "}, GOOD]})
    assert [len(articles) for articles in calls] == [2]


@pytest.mark.parametrize(
    ("setting", "body"),
    [
        ("MAX_BATCH_DOCUMENTS", {"documents": [GOOD] * 3}),
        ("MAX_BATCH_CHARS", {"documents": [{"text": "x" * 40}, {"text": "y" * 40}]}),
    ],
)
def test_over_a_batch_limit_is_413_before_the_model(app, client, no_model, monkeypatch,
                                                    setting, body):
    monkeypatch.setitem(app.config, setting, 2 if setting == "MAX_BATCH_DOCUMENTS" else 79)
    response = client.post("/v1/enrich/batch", json=body)
    assert response.status_code == 413
    assert response.headers["Content-Type"] == "application/problem+json"


def test_a_body_over_the_batch_byte_limit_is_413(app, client, no_model, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_BATCH_BODY_BYTES", 1000)
    response = client.post("/v1/enrich/batch", json={"documents": [{"text": "x" * 1000}]})
    assert response.status_code == 413


def test_the_batch_body_limit_replaces_the_single_one(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 100)
    response = client.post("/v1/enrich/batch", json={"documents": [GOOD, GOOD, GOOD]})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"documents": [', "application/json", 400),
        (b'{"documents": []}', "application/json", 422),
        (b'{"documents": {"text": "x"}}', "application/json", 422),
        (b'{"docs": [{"text": "x"}]}', "application/json", 422),
        (b"[]", "application/json", 422),
        (b"x", "text/plain", 415),
    ],
)
def test_a_bad_batch_is_a_problem(client, no_model, body, content_type, status):
    response = client.post("/v1/enrich/batch", data=body, content_type=content_type)
    assert response.status_code == status


def test_batch_options_are_defaults_under_each_documents_own(app):
    defaults = Options(include=frozenset({"entities"}), offsets="utf16")
    with app.app_context():
        own = batch.load_document({"text": "x", "options": {"offsets": "utf8"}}, defaults)
        inherited = batch.load_document({"text": "y"}, defaults)
    assert own.options == Options(include=frozenset({"entities"}), offsets="utf8")
    assert inherited.options == defaults


def test_info_reports_the_batch_limits(client):
    limits = client.get("/v1/info").json["limits"]
    assert limits["max_batch_documents"] == 64
    assert limits["max_batch_chars"] == limits["max_text_chars"] * 5 // 4


def test_batch_limits_follow_the_text_limit():
    settings = from_environ({"MAX_TEXT_CHARS": "1000"})
    assert settings["MAX_BATCH_CHARS"] == 1250
    assert settings["MAX_BATCH_BODY_BYTES"] == 12 * 1250 + 1024 * 64
