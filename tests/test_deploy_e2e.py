"""The image's command with the image's and the ConfigMap's environment, run on this machine:
it serves, drains on SIGTERM without failing a request, and outlives a killed worker."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from support.drain import CLIENTS, Load, drain_under_load
from support.manifests import configmap_env, dockerfile_command, dockerfile_env
from support.server import running_server

pytestmark = [pytest.mark.e2e, pytest.mark.model]
TEXT = {"Content-Type": "text/plain; charset=utf-8"}


@pytest.fixture()
def container_env(tmp_path) -> dict[str, str]:
    """As in the pod, but with running_server's loopback address and free port, and a metrics
    directory of the test's own."""
    metrics = tmp_path / "prometheus"
    metrics.mkdir()
    env = {**dockerfile_env(), **configmap_env(), "PROMETHEUS_MULTIPROC_DIR": str(metrics)}
    return {key: value for key, value in env.items() if key not in ("HOST", "PORT")}


def container_command() -> list[str]:
    """The Dockerfile's CMD, its program taken from this virtualenv as the image's PATH does."""
    program, *args = dockerfile_command()
    return [str(Path(sys.executable).parent / program), *args]


def test_container_command_serves_the_sample(container_env, sample_text):
    with running_server(env=container_env, command=container_command()) as server:
        response = server.post("/v1/enrich", data=sample_text.encode(), headers=TEXT)
        assert response.status_code == 200
        assert len(response.json()["entities"]) >= 20


def test_sigterm_drains_under_load_without_failing_a_request(container_env, sample_text):
    drain_seconds = int(container_env["DRAIN_SECONDS"])
    graceful_timeout = int(container_env["GRACEFUL_TIMEOUT"])
    with running_server(env=container_env, command=container_command()) as server:
        result = drain_under_load(
            server.url,
            sample_text,
            lambda: server.process.send_signal(signal.SIGTERM),
            lambda timeout: _wait(server.process, timeout),
            drain_seconds=drain_seconds,
            graceful_timeout=graceful_timeout,
        )
    assert result.problems(drain_seconds=drain_seconds, graceful_timeout=graceful_timeout) == []


def test_a_killed_worker_is_replaced_while_the_others_serve(container_env, sample_text):
    with running_server(env=container_env, command=container_command()) as server:
        master = psutil.Process(server.process.pid)
        load = Load(server.url, sample_text.encode())
        with load.running():
            time.sleep(1)
            victim = master.children()[0]
            victim.kill()
            replaced = _wait_for_workers(master, 2, without=victim.pid)
            failed_by_then, served_by_then = len(load.failures), len(load.ok)
            time.sleep(2)
        assert replaced
        # A gthread worker dies with every request it holds: the one on its model thread and
        # those queued behind it (docs/operations.md, Overload); until it is replaced the
        # survivor sheds what it cannot take in time as 503 + Retry-After. A client whose answer
        # was half written when the worker died sees the chunked body cut short. Nothing else
        # fails.
        assert failed_by_then <= CLIENTS, load.failures
        killed = {"ConnectionError", "ChunkedEncodingError", "503"}
        assert set(load.failures) <= killed, load.failures
        assert len(load.failures) == failed_by_then
        assert len(load.ok) > served_by_then
        assert server.get("/readyz").status_code == 200


def _wait(process: subprocess.Popen, timeout: float) -> int | None:
    try:
        return process.wait(timeout)
    except subprocess.TimeoutExpired:
        return None


def _wait_for_workers(master: psutil.Process, count: int, *, without: int) -> bool:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pids = [child.pid for child in master.children() if child.status() != psutil.STATUS_ZOMBIE]
        if len(pids) == count and without not in pids:
            return True
        time.sleep(0.1)
    return False
