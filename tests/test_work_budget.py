"""MAX_REQUEST_TOKENS: a request whose estimated model work is over the bound is a 413, before
the model runs; what normalization cuts away does not count."""

import pytest

pytestmark = pytest.mark.model


def test_a_text_over_the_work_bound_is_413_naming_the_bound(client):
    response = client.post("/v1/enrich", json={"text": "a:" * 50_000})
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"
    assert "MAX_REQUEST_TOKENS (30000)" in response.json["detail"]


def test_a_batch_over_the_work_bound_is_413_as_a_whole(client):
    documents = [{"id": str(n), "text": "a " * 25_000} for n in range(2)]
    response = client.post("/v1/enrich/batch", json={"documents": documents})
    assert response.status_code == 413
    assert "MAX_REQUEST_TOKENS" in response.json["detail"]


def test_a_run_normalization_cuts_does_not_count(client):
    response = client.post("/v1/enrich", json={"text": "Berlin " + "=" * 99_000})
    assert response.status_code == 200
