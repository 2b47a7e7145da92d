"""A small HTTP load generator: pre-encoded bodies, N threads, one connection per request."""

import http.client
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Result:
    wall: float  # seconds from the first request sent to the last answer read
    latencies: list[float]
    failures: int


def post_all(url: str, path: str, bodies: list[bytes], concurrency: int) -> Result:
    """POST every body once, `concurrency` at a time; sync workers close after each answer."""
    host, port = urlsplit(url).hostname, urlsplit(url).port
    latencies: list[float] = []
    failures = []
    next_index = iter(range(len(bodies)))
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                index = next(next_index, None)
            if index is None:
                return
            started = time.perf_counter()
            status = _post(host, port, path, bodies[index])
            latencies.append(time.perf_counter() - started)
            if status != 200:
                failures.append(status)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Result(time.perf_counter() - started, latencies, len(failures))


def _post(host: str, port: int, path: str, body: bytes) -> int:
    connection = http.client.HTTPConnection(host, port, timeout=120)
    try:
        connection.request("POST", path, body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()
