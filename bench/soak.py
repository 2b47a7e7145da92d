"""Soak: mixed good and bad traffic against a real server; errors, latency and memory over time.

    python bench/soak.py [--seconds 180] [--clients 4] [--workers 2]

Good requests are articles of never-seen words (so the string store would grow if memory
zones leaked); bad ones cycle through hostile bodies that must get a 4xx. Clients behave:
after a 503 they wait its Retry-After. Worker recycling is off (MAX_REQUESTS=0) so that any
growth shows. Every 15 s each worker's RSS and USS is sampled. Errors are 5xx answers other
than a shed 503, timeouts, dropped connections, and any answer of the wrong class.
"""

import argparse
import json
import random
import threading
import time

import requests
from live import percentiles, running_server
from procs import worker_memory

JSON = {"Content-Type": "application/json"}
PLAIN = {"Content-Type": "text/plain; charset=utf-8"}
BAD = [  # (body, headers): every one must be answered with a 4xx
    (b'{"text": ', JSON), (b'{"text": 5}', JSON), (b"[" * 5000, JSON), (b"\xff\xfe", PLAIN),
    (b"x", {"Content-Type": "text/html"}), (b"a" * 100_001, PLAIN), (b"   \n\n", PLAIN),
    (b'{"text": "\\ud800"}', JSON), (b'{"text": "x", "extra": 1}', JSON), (b"", PLAIN),
]


def never_seen_article(rng: random.Random) -> bytes:
    """Paragraphs of made-up capitalised words, 500 to 20,000 characters."""
    words = []
    for _ in range(rng.randint(80, 3_000)):
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
        words.append(word.capitalize() if rng.random() < 0.3 else word)
    return (" ".join(words) + ".").encode()


def client(url: str, seed: int, until: float, log: list) -> None:
    """Requests back to back until `until`: 70% good, 30% bad."""
    rng = random.Random(seed)
    session = requests.Session()
    while time.monotonic() < until:
        good = rng.random() < 0.7
        body, headers = (never_seen_article(rng), PLAIN) if good else rng.choice(BAD)
        started = time.perf_counter()
        retry = ""
        try:
            response = session.post(url + "/v1/enrich", data=body, headers=headers, timeout=60)
            status, retry = response.status_code, response.headers.get("Retry-After", "")
        except requests.RequestException:
            status = 0
        log.append((good, status, time.perf_counter() - started))
        if status == 503 and retry.isdigit():
            time.sleep(int(retry))


def memory(pid: int) -> dict[str, list[float]]:
    """RSS and USS in MB of each worker of the server `pid`."""
    return {str(row["pid"]): [round(row["rss"]), round(row["uss"])] for row in worker_memory(pid)}


def main() -> None:
    """Run the soak, print a JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    log: list = []
    samples = []
    with running_server(workers=args.workers, env={"MAX_REQUESTS": "0"}) as server:
        started = time.monotonic()
        until = started + args.seconds
        threads = [threading.Thread(target=client, args=(server.url, n, until, log))
                   for n in range(args.clients)]
        for thread in threads:
            thread.start()
        while time.monotonic() < until:
            samples.append({"t": round(time.monotonic() - started), "requests": len(log),
                            "workers_mb_rss_uss": memory(server.process.pid)})
            time.sleep(min(15, max(0.0, until - time.monotonic())))
        for thread in threads:
            thread.join()
        samples.append({"t": round(time.monotonic() - started), "requests": len(log),
                        "workers_mb_rss_uss": memory(server.process.pid)})
    statuses: dict[str, int] = {}
    for good, status, _ in log:
        key = f"{'good' if good else 'bad'} {status}"
        statuses[key] = statuses.get(key, 0) + 1
    errors = sum(1 for good, status, _ in log if status == 0 or (status >= 500 and status != 503)
                 or (not good and not 400 <= status < 500) or (good and status not in (200, 503)))
    print(json.dumps({
        "seconds": args.seconds, "clients": args.clients, "workers": args.workers,
        "requests": len(log), "errors": errors, "statuses": statuses,
        "good_ms": percentiles([s for good, status, s in log if good and status == 200]),
        "bad_ms": percentiles([s for good, status, s in log if not good]),
        "memory": samples,
    }, indent=1))


if __name__ == "__main__":
    main()
