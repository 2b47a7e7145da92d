"""The pages for people: /docs lists the whole spec, / and its assets come from this server."""

import re

import pytest
from support.contract import _RAW

from service.web.reference import code_spans

LINKS = re.compile(r'(?:src|href)="([^"]*)"')


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_page_uses_only_assets_of_this_server(client, path):
    page = client.get(path)
    assert page.status_code == 200
    assert page.mimetype == "text/html"
    for link in LINKS.findall(page.text):
        assert link.startswith(("/", "#", "data:")), link
        if link.startswith("/static/"):
            assert client.get(link).status_code == 200


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_pages_forbid_scripts_from_anywhere_else(client, path):
    policy = client.get(path).headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy


@pytest.mark.parametrize(("path", "operation"), [
    (path, op) for path, item in _RAW["paths"].items() for op in item.values()
])
def test_docs_show_every_operation(client, path, operation):
    page = client.get("/docs").text
    assert f'id="op-{operation["operationId"]}"' in page
    assert f"<code>{path}</code>" in page


@pytest.mark.parametrize("name", sorted(_RAW["components"]["schemas"]))
def test_docs_show_every_schema(client, name):
    assert f'id="schema-{name}"' in client.get("/docs").text


def test_spec_prose_is_escaped_and_backticks_become_code():
    assert code_spans("a `<b>` <script>") == "a <code>&lt;b&gt;</code> &lt;script&gt;"


def test_missing_asset_is_a_problem(client):
    response = client.get("/static/nothing-here.js")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_demo_posts_to_the_json_api(client):
    assert 'data-endpoint="/v1/enrich"' in client.get("/").text


HOSTILE = "<script>alert(1)</script> Angela Merkel visited Paris."


def test_a_browser_gets_the_enrichment_as_a_highlighted_page(client):
    page = client.post("/v1/enrich", data=HOSTILE, content_type="text/plain",
                       headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.mimetype == "text/html"
    assert '<mark class="ent" data-label="PERSON" title="PERSON">Angela Merkel' in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "<script>alert" not in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]


@pytest.mark.parametrize("accept", [None, "*/*", "application/json", "text/html;q=0.5, */*"])
def test_other_callers_get_json(client, accept):
    headers = {"Accept": accept} if accept else {}
    response = client.post("/v1/enrich", json={"text": HOSTILE}, headers=headers)
    assert response.mimetype == "application/json"
    assert response.headers["Vary"] == "Accept"


def test_an_error_stays_problem_json_for_a_browser(client):
    response = client.post("/v1/enrich", json={"text": " "}, headers={"Accept": "text/html"})
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"


@pytest.mark.model
def test_the_demo_example_comes_out_right(client):
    """The first click a newcomer makes: publisher found, each dateline place an entity."""
    example = client.get("/static/example.txt")
    answer = client.post("/v1/enrich", json={"text": example.get_data(as_text=True)}).get_json()
    assert answer["publisher"] == "Portland Press Herald"
    assert answer["dateline"]["location"] == "PORTLAND, Maine"
    places = {e["text"] for e in answer["entities"] if e["label"] == "GPE"}
    assert {"PORTLAND", "Maine"} <= places
    assert {q["speaker"]["text"] for q in answer["quotes"]} == {"Alvarez", "Brennan"}
