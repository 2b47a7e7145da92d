"""Requests in a loop across SIGTERM, with long requests in flight: every outcome counted.

A connection the kernel accepted and the server then reset is a lost request; a refused
connection is not (the caller knows nothing was sent and retries elsewhere).
"""

import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import requests

TEXT = {"Content-Type": "text/plain; charset=utf-8"}
SHORT = b"Angela Merkel visited Paris on Tuesday."
LONG = b"a " * 25_000  # a few seconds of model time: a worker is busy when the drain ends
CLIENTS = 3
DEADLINE = 90  # seconds a run may take at most, whatever happens


@dataclass
class Outcomes:
    answered: int = 0
    refused: int = 0
    lost: list[str] = field(default_factory=list)  # reset, aborted, timed out, 5xx
    long: list[int | str] = field(default_factory=list)  # statuses of the long requests


def _post(url: str, body, timeout: float = 60) -> int | str:
    """The status, "refused", or what went wrong."""
    try:
        response = requests.post(url + "/v1/enrich", data=body, headers=TEXT, timeout=timeout)
        return response.status_code
    except requests.ConnectionError as err:
        return "refused" if "refused" in str(err).lower() else f"lost: {err}"
    except requests.RequestException as err:
        return f"lost: {type(err).__name__}"


def _slow_body(until: float) -> Iterator[bytes]:
    """The short text, its last byte sent at `until`: a request in flight when workers stop."""
    yield SHORT
    time.sleep(max(0.0, until - time.monotonic()))
    yield b"\n"


def loop_across_sigterm(url: str, process, drain_seconds: int) -> Outcomes:
    """Clients loop from before SIGTERM until the server has exited; one long model request and
    one slowly uploaded request are in flight when the drain ends."""
    outcomes, done = Outcomes(), threading.Event()
    lock = threading.Lock()

    def client() -> None:
        while not done.is_set():
            status = _post(url, SHORT)
            with lock:
                if status == 200:
                    outcomes.answered += 1
                elif status == "refused":
                    outcomes.refused += 1
                    time.sleep(0.01)
                else:
                    outcomes.lost.append(str(status))

    def long_request(body) -> None:
        status = _post(url, body, timeout=DEADLINE)
        with lock:
            outcomes.long.append(status)

    started = time.monotonic()
    drain_end = started + 0.5 + drain_seconds
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    threads += [threading.Thread(target=long_request, args=(body,))
                for body in (LONG, _slow_body(drain_end + 1.5))]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(DEADLINE)
    finally:
        done.set()
        for thread in threads:
            thread.join(DEADLINE)
    return outcomes
