"""`?pretty` indents JSON answers and problems for a person reading them in a terminal."""

import json

import pytest


@pytest.mark.parametrize("query", ["?pretty=1", "?pretty", "?pretty=true"])
def test_pretty_indents_and_ends_with_a_newline(client, query):
    response = client.get("/v1/info" + query)
    assert response.data.endswith(b"}\n")
    assert b'\n  "service": {\n' in response.data


@pytest.mark.parametrize("query", ["", "?pretty=0", "?pretty=false"])
def test_without_pretty_json_is_compact(client, query):
    assert b"\n" not in client.get("/v1/info" + query).data


def test_problems_are_pretty_too(client):
    response = client.post("/v1/enrich?pretty=1", json={"text": " "})
    assert response.status_code == 422
    assert response.data.endswith(b"}\n")
    assert json.loads(response.data)["errors"]["text"]


def test_pretty_is_not_taken_for_an_article_field(client):
    response = client.post("/v1/enrich?pretty=1&id=a1", data="Berlin is big.",
                           content_type="text/plain")
    assert response.status_code == 200
    assert response.json["id"] == "a1"


def test_batch_answers_are_pretty_too(client):
    response = client.post("/v1/enrich/batch?pretty", json={"documents": [{"text": "Berlin."}]})
    assert response.status_code == 200
    assert response.data.startswith(b'{\n  "results": [') and response.data.endswith(b"}\n")
