import pytest
from contract import check_flask
from flask.testing import FlaskClient

from service import create_app

_HERE = __import__("pathlib").Path(__file__).resolve()
# ../shared beside the clone (CI, /work/main); a worktree under /work/wt/ finds it one level up.
SAMPLES = next((p / "shared" / "samples" for p in _HERE.parents[2:4] if (p / "shared").is_dir()),
               _HERE.parents[2] / "shared" / "samples")


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
    return (SAMPLES / "npr-nato-russia-talks.txt").read_text(encoding="utf-8")
