import pytest
from flask.testing import FlaskClient
from support.contract import check_flask

from service import create_app

EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[1] / "examples"


class ContractClient(FlaskClient):
    """A test client that checks every response it receives against openapi.yaml."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        check_flask(response)
        return response


@pytest.fixture(scope="session")
def app():
    """The app with the production model: loaded once for the whole run."""
    app = create_app({"TESTING": True})
    app.test_client_class = ContractClient
    return app


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return (EXAMPLES / "npr-nato-russia-talks.txt").read_text(encoding="utf-8")
