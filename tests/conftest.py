import io
import json
import logging

import pytest
import spacy
from flask.testing import FlaskClient
from support.contract import check_flask

from service import create_app
from service.observability import logs

EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[1] / "examples"
# What the tiny model knows: enough entities for plumbing tests to see some.
PATTERNS = [
    *({"label": "GPE", "pattern": place} for place in ("Berlin", "Paris", "Tokyo", "Lima")),
    {"label": "PERSON", "pattern": "Angela Merkel"},
    {"label": "PERSON", "pattern": "Emmanuel Macron"},
    {"label": "ORG", "pattern": "NATO"},
]


def pytest_collection_modifyitems(items):
    """A test that loads the production model must say so: `-m "not model"` has to mean it."""
    unmarked = [item.nodeid for item in items
                if "model_app" in getattr(item, "fixturenames", ())
                and not item.get_closest_marker("model")]
    if unmarked:
        raise pytest.UsageError(f"mark these `model`, they load the production model: {unmarked}")


class ContractClient(FlaskClient):
    """A test client that checks every response it receives against openapi.yaml."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        check_flask(response)
        return response


@pytest.fixture(scope="session")
def model_path(tmp_path_factory) -> str:
    """A tiny rule-based model, saved like a real one: it still goes through spacy.load."""
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    path = tmp_path_factory.mktemp("model")
    nlp.to_disk(path)
    return str(path)


@pytest.fixture(scope="session")
def make_app(model_path):
    """create_app with the tiny model (unless SPACY_MODEL is given) and the contract client."""

    def make(**overrides):
        app = create_app({"TESTING": True, "SPACY_MODEL": model_path, **overrides})
        app.test_client_class = ContractClient
        return app

    return make


@pytest.fixture(scope="session")
def tiny_app(make_app):
    return make_app()


@pytest.fixture(scope="session")
def model_app():
    """The app with the production model: loaded once for the whole run."""
    app = create_app({"TESTING": True})
    app.test_client_class = ContractClient
    return app


@pytest.fixture()
def app(request):
    """The production-model app for tests marked `model`; the tiny one for plumbing tests."""
    return request.getfixturevalue("model_app" if request.node.get_closest_marker("model")
                                   else "tiny_app")


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return (EXAMPLES / "npr-nato-russia-talks.txt").read_text(encoding="utf-8")


@pytest.fixture()
def log_lines():
    """Records of every logger, formatted as the service formats them, one parsed dict each."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter())
    logging.getLogger().addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logging.getLogger().removeHandler(handler)
