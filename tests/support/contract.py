"""Check any response against openapi.yaml: the operation's declared response, or a problem."""

import json
from pathlib import Path

import yaml
from openapi_core import Config, OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_schema_validator import OAS31Validator

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
# openapi-core knows application/json only: teach it the other media types the service sends.
DESERIALIZERS = {"application/yaml": yaml.safe_load, "application/problem+json": json.loads}
SPEC = OpenAPI.from_file_path(
    str(SPEC_PATH), config=Config(extra_media_type_deserializers=DESERIALIZERS)
)
_RAW = yaml.safe_load(SPEC_PATH.read_text())
PROBLEM = OAS31Validator(
    {**_RAW["components"]["schemas"]["Problem"], "components": _RAW["components"]}
)


class _SentRequest(WerkzeugOpenAPIRequest):
    """The request behind a test-client response; its body stream is spent and not needed."""

    @property
    def body(self) -> bytes:
        return b""


def check_flask(response) -> None:
    """Validate a Flask test-client response against the spec."""
    _check(_SentRequest(response.request), WerkzeugOpenAPIResponse(response), response)


def check_requests(response) -> None:
    """Validate a `requests` response against the spec."""
    _check(RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response), response)


def _check(openapi_request, openapi_response, response) -> None:
    try:
        SPEC.validate_response(openapi_request, openapi_response)
    except (PathNotFound, OperationNotFound):
        if response.request.method == "OPTIONS" and response.status_code == 204:
            return  # OPTIONS and CORS preflights: headers only
        # No operation to check against (404, 405 on an unknown method, 401 before routing with
        # authentication on): it must be a problem.
        assert response.status_code in (401, 404, 405), response.status_code
        assert response.headers["Content-Type"] == "application/problem+json"
        PROBLEM.validate(response.json() if callable(response.json) else response.json)
