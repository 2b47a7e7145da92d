"""Slow clients: do stalled connections delay a normal request or the readiness probe?

    python bench/slow_clients.py [--stalled 8] [--seconds 10] [--threads 32]

Half the stalled clients stop mid-headers, half mid-body, and each trickles one byte every
2 s (under CLIENT_TIMEOUT, so the timeout alone cannot free them) for --seconds. Meanwhile
a normal article and /readyz are requested once a second. Reported against the same requests
made before the stall.
"""

import argparse
import json
import socket
import threading
import time

import requests
from live import percentiles, running_server, sample_article

HEADERS_START = b"POST /v1/enrich HTTP/1.1\r\nHost: enrich\r\nContent-Type: text/plain\r\n"
BODY_START = HEADERS_START + b"Content-Length: 100000\r\n\r\nBerlin "


def stall(port: int, start: bytes, until: float) -> None:
    """Send the start of a request, then one byte every 2 s until `until`."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(start)
            while time.monotonic() < until:
                time.sleep(2)
                sock.sendall(b"X")  # one more byte of a header name, or of the body
    except OSError:
        pass  # the server closed it: that is its right


def probe(url: str, body: bytes, seconds: float) -> tuple[list[float], list[float], list[int]]:
    """A normal article and /readyz once a second: latencies and any non-200 statuses."""
    article, ready, bad = [], [], []
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        started = time.perf_counter()
        response = requests.post(url + "/v1/enrich", data=body, timeout=30,
                                 headers={"Content-Type": "text/plain; charset=utf-8"})
        article.append(time.perf_counter() - started)
        started = time.perf_counter()
        status = requests.get(url + "/readyz", timeout=30).status_code
        ready.append(time.perf_counter() - started)
        bad += [code for code in (response.status_code, status) if code != 200]
        time.sleep(max(0.0, 1 - article[-1] - ready[-1]))
    return article, ready, bad


def main() -> None:
    """Measure before and during the stall; print a JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stalled", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=32)
    args = parser.parse_args()
    body = sample_article()
    with running_server(workers=args.workers, env={"THREADS": str(args.threads)}) as server:
        port = int(server.url.rsplit(":", 1)[1])
        before = probe(server.url, body, 5)
        until = time.monotonic() + args.seconds
        stallers = [threading.Thread(target=stall, args=(port, start, until))
                    for start in [HEADERS_START, BODY_START] * (args.stalled // 2)]
        for thread in stallers:
            thread.start()
        time.sleep(0.5)
        during = probe(server.url, body, args.seconds - 1)
        for thread in stallers:
            thread.join()
    print(json.dumps({
        "workers": args.workers, "threads": args.threads, "stalled": len(stallers),
        "article_ms": {"before": percentiles(before[0]), "during": percentiles(during[0])},
        "readyz_ms": {"before": percentiles(before[1]), "during": percentiles(during[1])},
        "non_200": before[2] + during[2],
    }, indent=1))


if __name__ == "__main__":
    main()
