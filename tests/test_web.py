"""The pages for people: /docs lists the whole spec, / and its assets come from this server."""

import re

import pytest
from contract import _RAW

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


@pytest.mark.parametrize("path", ["/", "/docs", "/static/demo.js"])
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
