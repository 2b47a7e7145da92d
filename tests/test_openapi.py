"""openapi.yaml is a valid OpenAPI 3.1 document that lists exactly what the app serves."""

import re

import pytest
from openapi_core.validation.response.exceptions import InvalidData
from openapi_spec_validator import validate
from support.contract import _RAW, check_flask
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response


def test_spec_is_valid_openapi_31():
    validate(_RAW)
    assert _RAW["openapi"].startswith("3.1")


def test_spec_lists_exactly_the_app_routes(app):
    served = {
        (re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, item in _RAW["paths"].items() for method in item}
    assert served == documented


def test_served_spec_is_the_repository_file(client):
    response = client.get("/openapi.yaml")
    assert response.data.decode() == open("openapi.yaml", encoding="utf-8").read()


def test_contract_check_rejects_a_response_the_spec_does_not_allow(app):
    request = EnvironBuilder(path="/v1/info", method="GET").get_request()
    response = Response('{"service": {}}', mimetype="application/json")
    response.request = request
    with pytest.raises(InvalidData):
        check_flask(response)


def test_spec_and_code_agree_on_blank_text():
    from service.api.schemas import BLANK

    assert _RAW["components"]["schemas"]["Text"]["pattern"] == f"[^{BLANK}]"
