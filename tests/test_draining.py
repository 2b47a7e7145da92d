"""The draining flag: shared by forked processes, and what /readyz answers while it is up."""

import subprocess
import sys

from service import config

FORKED_CHILD_SETS_THE_FLAG = """
import os
from service.server import draining
pid = os.fork()
if pid == 0:
    draining.start_draining()
    os._exit(0)
os.waitpid(pid, 0)
print(draining.is_draining())
"""


def test_a_forked_process_raising_the_flag_is_seen_by_its_parent():
    result = subprocess.run(
        [sys.executable, "-c", FORKED_CHILD_SETS_THE_FLAG],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "True"


def test_readyz_answers_503_while_draining(app, client, monkeypatch):
    monkeypatch.setitem(app.extensions, "draining", lambda: True)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json["detail"] == "The server is shutting down."


def test_the_api_keeps_serving_while_draining(app, client, monkeypatch):
    monkeypatch.setitem(app.extensions, "draining", lambda: True)
    response = client.post("/v1/enrich", json={"text": "Angela Merkel visited Paris."})
    assert response.status_code == 200


def test_drain_is_off_unless_configured():
    assert config.from_environ({})["DRAIN_SECONDS"] == 0
    assert config.from_environ({"DRAIN_SECONDS": "5"})["DRAIN_SECONDS"] == 5
