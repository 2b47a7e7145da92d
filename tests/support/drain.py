"""SIGTERM under load: no failed request, /readyz 503 during the drain, exit within the grace.

tests/test_deploy_e2e.py drains `enrich serve` on this machine; scripts/image-check.sh drains
the container:  PYTHONPATH=tests python -m support.drain container NAME URL SAMPLE
"""

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

CLIENTS = 4  # concurrent clients: a bounded load for 2 cores
TEXT = {"Content-Type": "text/plain; charset=utf-8"}


@dataclass
class Load:
    """Clients posting one article in a loop until stopped; every outcome recorded."""

    url: str
    body: bytes
    ok: list[float] = field(default_factory=list)  # start times of answered requests
    failures: list[str] = field(default_factory=list)
    stopped: threading.Event = field(default_factory=threading.Event)
    last_start: float = float("inf")  # no request starts after this time

    def _client(self) -> None:
        while not self.stopped.is_set() and time.monotonic() < self.last_start:
            started = time.monotonic()
            try:
                response = requests.post(
                    self.url + "/v1/enrich", data=self.body, headers=TEXT, timeout=60
                )
            except requests.RequestException as err:
                self.failures.append(type(err).__name__)
                continue
            if response.status_code == 200:
                self.ok.append(started)
            else:
                self.failures.append(str(response.status_code))

    @contextmanager
    def running(self) -> Iterator["Load"]:
        """Clients run inside the block; leaving it lets each finish its request."""
        clients = [threading.Thread(target=self._client) for _ in range(CLIENTS)]
        for client in clients:
            client.start()
        try:
            yield self
        finally:
            self.stopped.set()
            for client in clients:
                client.join()


@dataclass
class Drain:
    failures: list[str]
    served_after_sigterm: int
    readyz: list[int | str]  # /readyz answers after SIGTERM, until the listener closed
    slow_request: int | str  # a request still uploading when the drain ended
    slow_request_outlived_drain: bool
    exit_code: int | None
    seconds_to_exit: float

    def problems(self, *, drain_seconds: int, graceful_timeout: int) -> list[str]:
        """Everything that would drop a request or outstay the grace period."""
        after_ready = self.readyz[self.readyz.index(503) :] if 503 in self.readyz else []
        if after_ready[-1:] == ["refused"]:  # the listener closed at the end of the drain
            after_ready.pop()
        checks = {
            f"failed requests: {self.failures}": not self.failures,
            "nothing served after SIGTERM": self.served_after_sigterm > 0,
            f"/readyz not 503 throughout the drain: {self.readyz}": bool(after_ready)
            and set(after_ready) == {503},
            f"request in flight answered {self.slow_request}": self.slow_request == 200,
            "slow request ended before the drain did": self.slow_request_outlived_drain,
            f"exit code {self.exit_code}": self.exit_code == 0,
            f"exit after {self.seconds_to_exit:.1f} s": self.seconds_to_exit
            < drain_seconds + graceful_timeout,
        }
        return [message for message, ok in checks.items() if not ok]


def drain_under_load(
    url: str,
    sample: str,
    terminate: Callable[[], None],
    wait_exit: Callable[[float], int | None],
    *,
    drain_seconds: int,
    graceful_timeout: int,
) -> Drain:
    """Load, then SIGTERM; the clients keep sending for half the drain (a balancer that notices
    late), then one request uploads its body slowly until a second after the drain, so it is in
    flight when gunicorn stops listening."""
    load = Load(url, sample.encode())
    with load.running():
        time.sleep(1)
        signalled = time.monotonic()
        terminate()
        load.last_start = signalled + drain_seconds / 2
        readyz = _watch_readyz(url, until=load.last_start)
    slow: dict = {}
    sender = threading.Thread(
        target=lambda: slow.update(_post_slowly(url, sample, signalled + drain_seconds + 1))
    )
    sender.start()
    readyz += _watch_readyz(url, until=signalled + drain_seconds + graceful_timeout)
    exit_code = wait_exit(drain_seconds + graceful_timeout + 10)
    seconds = time.monotonic() - signalled
    sender.join()
    return Drain(
        load.failures,
        sum(start > signalled for start in load.ok),
        readyz,
        slow["status"],
        slow["ended"] > signalled + drain_seconds,
        exit_code,
        seconds,
    )


def _watch_readyz(url: str, *, until: float) -> list[int | str]:
    answers: list[int | str] = []
    while time.monotonic() < until:
        try:
            answers.append(requests.get(url + "/readyz", timeout=5).status_code)
        except requests.ConnectionError:
            answers.append("refused")
            break
        time.sleep(0.2)
    return answers


def _post_slowly(url: str, sample: str, until: float) -> dict:
    """The sample as a chunked body whose last chunk is sent at `until`."""

    def body() -> Iterator[bytes]:
        yield sample.encode()
        time.sleep(max(0.0, until - time.monotonic()))
        yield b"\n"

    try:
        status: int | str = requests.post(
            url + "/v1/enrich", data=body(), headers=TEXT, timeout=120
        ).status_code
    except requests.RequestException as err:
        status = type(err).__name__
    return {"status": status, "ended": time.monotonic()}


def check_container(name: str, url: str, sample_path: str) -> list[str]:
    """scripts/image-check.sh: readiness, the sample, /metrics, then the drain; the problems."""
    from support.manifests import configmap_env

    started = time.monotonic()
    if not _wait_ready(url, name):
        return ["not ready within 180 s"]
    print(f"ready in {time.monotonic() - started:.1f} s")
    sample = Path(sample_path).read_text(encoding="utf-8")
    response = requests.post(url + "/v1/enrich", data=sample.encode(), headers=TEXT, timeout=60)
    entities = response.json().get("entities", []) if response.ok else []
    print(f"sample: {response.status_code}, {len(entities)} entities")
    metrics = requests.get(url + "/metrics", timeout=30)
    counted = "enrich_http_requests_total{" in metrics.text
    print(f"/metrics: {metrics.status_code}, request counter {'present' if counted else 'missing'}")
    pages = {path: requests.get(url + path, timeout=30).status_code
             for path in ("/", "/docs", "/static/demo.js")}  # templates and assets in the image
    print(f"pages: {pages}")
    env = configmap_env()
    drain_seconds, graceful_timeout = int(env["DRAIN_SECONDS"]), int(env["GRACEFUL_TIMEOUT"])
    result = drain_under_load(
        url,
        sample,
        lambda: subprocess.run(
            ["podman", "kill", "--signal", "TERM", name], check=True, capture_output=True
        ),
        lambda timeout: _podman_wait(name, timeout),
        drain_seconds=drain_seconds,
        graceful_timeout=graceful_timeout,
    )
    print(f"drain: {result}")
    problems = result.problems(drain_seconds=drain_seconds, graceful_timeout=graceful_timeout)
    if response.status_code != 200 or len(entities) < 20:
        problems.append(f"sample answered {response.status_code} with {len(entities)} entities")
    if metrics.status_code != 200 or not counted:
        problems.append(f"/metrics answered {metrics.status_code} without the request counter")
    if set(pages.values()) != {200}:
        problems.append(f"pages answered {pages}")
    return problems


def _wait_ready(url: str, name: str) -> bool:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/readyz", timeout=2).status_code == 200:
                return True
        except requests.ConnectionError:
            pass
        running = subprocess.run(
            ["podman", "inspect", "--format", "{{.State.Running}}", name],
            capture_output=True,
            text=True,
        ).stdout.strip()
        if running != "true":
            return False
        time.sleep(0.5)
    return False


def _podman_wait(name: str, timeout: float) -> int | None:
    try:
        done = subprocess.run(
            ["podman", "wait", name], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    return int(done.stdout.strip()) if done.stdout.strip().isdigit() else None


if __name__ == "__main__" and sys.argv[1:2] == ["container"]:
    found = check_container(*sys.argv[2:5])
    print("\n".join(f"PROBLEM: {problem}" for problem in found) or "container: ok")
    sys.exit(1 if found else 0)
