"""Where the time goes at saturation: is one worker idle while the other has requests queued?

Sends the corpus to the real server at concurrency 2 × workers, then rebuilds from the access log
(pid, end time, duration of every request) how many requests each worker held at every moment.
Reports the share of the run each worker was idle, and the share during which a worker was idle
while another held two or more (one running, one or more waiting for its model thread): the
time a better placement of connections would have saved. Then, from /metrics, how many
requests each model pass answered (enrich_model_pass_requests: 2 when requests shared a pass).
"""

import argparse
import json
import re
import sys
import urllib.request
from datetime import datetime

from corpus import REPO, load_corpus
from load import post_all
from measure import single_bodies

sys.path.insert(0, str(REPO / "tests"))
from support.server import running_server  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--accept-delay-ms", default="200", help="0: gthread's own accept loop")
    parser.add_argument("--gather-ms", default="5", help="0: no pass is held open")
    args = parser.parse_args()
    corpus = load_corpus()
    bodies = single_bodies(corpus, args.passes)
    env = {"MAX_REQUESTS": "0", "LOG_LEVEL": "info", "MAX_QUEUED": "8",
           "ACCEPT_DELAY_MS": args.accept_delay_ms, "GATHER_MS": args.gather_ms}
    with running_server(workers=args.workers, env=env) as server:
        post_all(server.url, "/v1/enrich", bodies[:8], args.concurrency)  # warm up
        offset = len(server.log_text())
        result = post_all(server.url, "/v1/enrich", bodies, args.concurrency)
        lines = server.log_text()[offset:].splitlines()
        with urllib.request.urlopen(server.url + "/metrics") as answer:
            page = answer.read().decode()
    intervals = requests_by_worker(lines)
    print(f"{len(bodies)} requests at concurrency {args.concurrency}, {result.wall:.1f} s; "
          f"requests per worker: {sorted(len(v) for v in intervals.values())}")
    for name, share in balance(intervals).items():
        print(f"{name}: {share:.3f}")
    found = re.findall(r'^enrich_model_pass_requests_bucket\{le="([^"]+)"\} (\S+)$', page, re.M)
    print("model passes answering at most N requests (warm-up included): "
          + ", ".join(f"N={bound}: {float(count):.0f}" for bound, count in found))


def requests_by_worker(lines: list[str]) -> dict[int, list[tuple[float, float]]]:
    """(start, end) in seconds of every /v1/enrich request, by worker pid."""
    intervals: dict[int, list[tuple[float, float]]] = {}
    for line in lines:
        if not line.startswith("{"):
            continue
        record = json.loads(line)
        if record.get("path") != "/v1/enrich" or "duration_ms" not in record:
            continue
        end = datetime.fromisoformat(record["timestamp"]).timestamp()
        intervals.setdefault(record["pid"], []).append((end - record["duration_ms"] / 1000, end))
    return intervals


def balance(intervals: dict[int, list[tuple[float, float]]]) -> dict[str, float]:
    """Shares of the run: any worker idle; a worker idle while another holds >= 2 requests."""
    events = sorted((t, pid, step) for pid, spans in intervals.items()
                    for start, end in spans for t, step in ((start, 1), (end, -1)))
    held = dict.fromkeys(intervals, 0)
    idle = misplaced = 0.0
    states: dict[str, float] = {}
    for (time, pid, step), (following, *_) in zip(events, events[1:], strict=False):
        held[pid] += step
        span = following - time
        state = "requests held by each worker " + str(sorted(held.values()))
        states[state] = states.get(state, 0.0) + span
        if min(held.values()) == 0:
            idle += span
            if max(held.values()) >= 2:
                misplaced += span
    total = events[-1][0] - events[0][0]
    return {"share of the run with a worker idle": idle / total,
            "share with a worker idle while another held >= 2": misplaced / total,
            **{state: span / total for state, span in sorted(states.items())}}


if __name__ == "__main__":
    main()
