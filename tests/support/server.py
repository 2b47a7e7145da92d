"""Start the real `python -m service serve` (gunicorn, several workers) on a free loopback port."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

READY_TIMEOUT = 90  # seconds: the model loads before fork, several workers start on 2 cores


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(self.url + path, timeout=60, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return requests.post(self.url + path, timeout=60, **kwargs)

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(
    *,
    workers: int = 2,
    env: dict[str, str | None] | None = None,
    command: list[str] | None = None,
):
    """A server ready on /readyz; stopped with SIGTERM (then SIGKILL) when the block ends.

    A variable given as None in `env` is removed from the server's environment."""
    port = free_port()
    environment = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WORKERS": str(workers),
        **(env or {}),
    }
    environment = {name: value for name, value in environment.items() if value is not None}
    with tempfile.NamedTemporaryFile("wb", suffix=".log", delete=False) as log:
        process = subprocess.Popen(
            command or [sys.executable, "-m", "service", "serve"],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, Path(log.name))
    try:
        wait_ready(server)
        yield server
    finally:
        stop(server)


def wait_ready(server: Server) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{server.log_text()[-3000:]}")
        try:
            if requests.get(server.url + "/readyz", timeout=2).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):  # a busy machine answers late
            pass
        time.sleep(0.2)
    raise TimeoutError(f"server not ready in {READY_TIMEOUT} s:\n{server.log_text()[-3000:]}")


def stop(server: Server, timeout: float = 40) -> int:
    """SIGTERM, wait for a graceful exit, SIGKILL as a last resort; the exit code."""
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
    return server.process.returncode
