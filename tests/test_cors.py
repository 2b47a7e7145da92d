"""CORS: off by default; allowed origins get the headers, on errors and preflights too."""

import pytest

ORIGIN = "https://newsroom.example"
PREFLIGHT = {"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
             "Access-Control-Request-Headers": "content-type, authorization"}


@pytest.fixture(scope="module")
def cors_client(make_app):
    return make_app(CORS_ALLOWED_ORIGINS=[ORIGIN]).test_client()


def test_off_by_default(client):
    response = client.post("/v1/enrich", json={"text": "Berlin"}, headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_allowed_origin_is_echoed(cors_client):
    response = cors_client.post("/v1/enrich", json={"text": "Berlin"}, headers={"Origin": ORIGIN})
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "Origin" in response.headers["Vary"]
    assert "X-Request-ID" in response.headers["Access-Control-Expose-Headers"]


def test_other_origins_get_no_headers(cors_client):
    response = cors_client.get("/v1/info", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_errors_carry_the_headers_so_browsers_can_read_them(cors_client):
    response = cors_client.post("/v1/enrich", json={}, headers={"Origin": ORIGIN})
    assert response.status_code == 422
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN


def test_preflight_is_204_with_methods_and_headers(cors_client):
    response = cors_client.open("/v1/enrich", method="OPTIONS", headers=PREFLIGHT)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Methods"] == "OPTIONS, POST"
    assert "Authorization" in response.headers["Access-Control-Allow-Headers"]
    assert response.data == b""
