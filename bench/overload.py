"""Overload: a burst of arrivals at 4x what the workers can serve; who is served, who is shed.

    python bench/overload.py [--workers 2] [--factor 4] [--seconds 10]

Capacity is measured first (sequential requests: workers / median latency). Then requests
arrive at factor x capacity, each on its own connection, for --seconds. Accepted requests
should keep roughly their normal latency, shed ones (503 + Retry-After) come back within a
second, and none time out.
"""

import argparse
import json
import time
from concurrent.futures import ThreadPoolExecutor

import requests
from live import percentiles, running_server, sample_article

PLAIN = {"Content-Type": "text/plain; charset=utf-8"}


def post(url: str, body: bytes) -> tuple[int, float, str]:
    started = time.perf_counter()
    try:
        response = requests.post(url + "/v1/enrich", data=body, headers=PLAIN, timeout=30)
        status, retry = response.status_code, response.headers.get("Retry-After", "")
    except requests.RequestException as err:
        status, retry = 0, type(err).__name__
    return status, time.perf_counter() - started, retry


def burst(url: str, body: bytes, rate: float, seconds: float) -> list[tuple[int, float, str]]:
    """Open-loop arrivals at `rate` per second: a slow answer does not slow the arrivals."""
    futures = []
    with ThreadPoolExecutor(max_workers=256) as pool:
        started = time.perf_counter()
        for n in range(int(rate * seconds)):
            time.sleep(max(0.0, started + n / rate - time.perf_counter()))
            futures.append(pool.submit(post, url, body))
    return [future.result() for future in futures]


def main() -> None:
    """Measure capacity, burst at factor x capacity, print a JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--factor", type=float, default=4)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    body = sample_article()
    with running_server(workers=args.workers) as server:
        alone = [post(server.url, body)[1] for _ in range(12)][2:]
        normal = percentiles(alone)
        capacity = args.workers / (normal["p50"] / 1000)
        results = burst(server.url, body, args.factor * capacity, args.seconds)
    by_status: dict[int, list[float]] = {}
    for status, seconds, _ in results:
        by_status.setdefault(status, []).append(seconds)
    print(json.dumps({
        "workers": args.workers, "normal_ms": normal, "capacity_per_s": round(capacity, 1),
        "arrival_per_s": round(args.factor * capacity, 1), "sent": len(results),
        "answers": {str(status): percentiles(times) for status, times in sorted(by_status.items())},
        "retry_after": sorted({retry for status, _, retry in results if status == 503}),
    }, indent=1))


if __name__ == "__main__":
    main()
