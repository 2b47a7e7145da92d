"""Property-based fuzzing from openapi.yaml: schemathesis drives the app through WSGI.

Every response must be a documented status with a documented content type and a body that
matches its schema, and no input may produce a 5xx. Bounded: a fixed number of examples per
operation, no deadline per example (the model's speed is not what is tested here).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from service import create_app

pytestmark = pytest.mark.model

# schemathesis's fixture-based loader does not work with this pytest; build the app here.
schema = schemathesis.openapi.from_wsgi("/openapi.yaml", create_app({"TESTING": True}))


@schema.parametrize()
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_contract(case):
    case.call_and_validate()
