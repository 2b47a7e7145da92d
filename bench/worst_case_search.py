"""Worst-case search: the slowest and the most memory-hungry request the limits allow.

    python bench/worst_case_search.py            # ~10-15 min on a busy 2-core machine
    python bench/worst_case_search.py --quick    # ~2-4 min

Every unit of bench/worst_inputs.py (1-3 characters: letters, digits, punctuation, straight and
curly quotes, emoji, combining marks, CJK, RTL, spaces) repeated to MAX_TEXT_CHARS, and realistic
shapes of that size, go through the whole app (Flask test client: schema, limits, normalize,
model, enrich, JSON) in a worker process whose RSS this process samples every 10 ms. The
worst singles and the shapes are then sent as full batches (MAX_BATCH_CHARS of documents), and
the worst of everything is run again, each in a fresh worker, for its peak RSS from a clean start.
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from worst_inputs import repeat, shapes, units  # noqa: E402

from service.config import from_environ  # noqa: E402

CASE_TIMEOUT = 120  # seconds; a case past it is reported as such and its worker replaced


def text_of(case: dict, chars: int) -> str:
    """The document a case describes, `chars` characters long."""
    return repeat(case["unit"], chars) if "unit" in case else shapes(chars)[case["shape"]]


def work(case: dict) -> dict:
    """In the worker: one request through the app; status and seconds."""
    limits = from_environ()
    size, total = limits["MAX_TEXT_CHARS"], limits["MAX_BATCH_CHARS"]
    if case["kind"] == "single":
        path, body = "/v1/enrich", {"text": text_of(case, size)}
    else:
        sizes = [size] * (total // size) + ([total % size] if total % size else [])
        path = "/v1/enrich/batch"
        body = {"documents": [{"id": str(n), "text": text_of(case, s)}
                              for n, s in enumerate(sizes)]}
    started = time.perf_counter()
    response = APP.test_client().post(path, json=body)
    return {"status": response.status_code, "seconds": time.perf_counter() - started}


def serve_cases() -> None:
    """Worker mode: one JSON case per stdin line, one JSON result per stdout line."""
    global APP
    from service import create_app

    answers = os.fdopen(os.dup(1), "w")  # the app logs to stdout: answers get their own fd
    os.dup2(2, 1)
    APP = create_app({"TESTING": True})
    print("ready", file=answers, flush=True)
    for line in sys.stdin:
        print(json.dumps(work(json.loads(line))), file=answers, flush=True)


class Worker:
    """A worker process and a sampler of its RSS."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--worker"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.lines.get(timeout=300) == "ready"
        self.ps = psutil.Process(self.process.pid)
        self.idle_rss_mib = round(self.ps.memory_info().rss / 2**20)  # model loaded, no request

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def run(self, case: dict) -> dict:
        """The case's status, seconds and sampled peak RSS (MiB); None status on a timeout."""
        self.process.stdin.write(json.dumps(case) + "\n")
        self.process.stdin.flush()
        peak, deadline = 0, time.monotonic() + CASE_TIMEOUT
        while time.monotonic() < deadline:
            peak = max(peak, self.ps.memory_info().rss)
            try:
                result = json.loads(self.lines.get(timeout=0.01))
                return {**case, **result, "peak_rss_mib": round(peak / 2**20),
                        "idle_rss_mib": self.idle_rss_mib}
            except queue.Empty:
                continue
        self.close()
        return {**case, "status": None, "seconds": CASE_TIMEOUT, "peak_rss_mib": peak >> 20,
                "idle_rss_mib": self.idle_rss_mib}

    def close(self) -> None:
        """Stop the worker process."""
        self.process.kill()
        self.process.wait()


def search(cases: list[dict], *, fresh: bool = False) -> list[dict]:
    """Run cases in one worker (replaced after a timeout), or each in a fresh one."""
    results, worker = [], None
    for case in cases:
        if worker is None or fresh or worker.process.poll() is not None:
            worker = Worker()
        results.append(worker.run(case))
        print(json.dumps(results[-1], ensure_ascii=True), flush=True)
        if fresh:
            worker.close()
    if worker is not None and worker.process.poll() is None:
        worker.close()
    return results


def name(case: dict) -> str:
    """How the report names a case's input."""
    what = f"unit {case['unit']!r} repeated" if "unit" in case else case["shape"]
    return f"{case['kind']}: {what}"


def main() -> None:
    """Search, confirm the worst in fresh workers, print a markdown report and write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--top", type=int, default=0, help="worst singles also sent as batches")
    parser.add_argument("--out", default="worst_case_search.json")
    args = parser.parse_args()
    if args.worker:
        return serve_cases()
    started = time.monotonic()
    top = args.top or (3 if args.quick else 8)
    chars = from_environ()["MAX_TEXT_CHARS"]
    singles = [{"kind": "single", "unit": u} for u in units(quick=args.quick)]
    singles += [{"kind": "single", "shape": s} for s in shapes(chars)]
    screened = search(singles)
    worst = sorted(screened, key=lambda r: -r["seconds"])[:top]
    batches = [{**{k: v for k, v in r.items() if k in ("unit", "shape")}, "kind": "batch"}
               for r in worst if "unit" in r]
    batches += [{"kind": "batch", "shape": s} for s in shapes(chars)]
    screened += search(batches)
    candidates = {json.dumps({k: r.get(k) for k in ("kind", "unit", "shape")}): r
                  for r in sorted(screened, key=lambda r: -r["seconds"])[:top]
                  + sorted(screened, key=lambda r: -r["peak_rss_mib"])[:top]}
    confirmed = search([{k: v for k, v in json.loads(c).items() if v} for c in candidates],
                       fresh=True)
    report(screened, confirmed, time.monotonic() - started)
    Path(args.out).write_text(json.dumps({"screened": screened, "confirmed": confirmed}))


def report(screened: list[dict], confirmed: list[dict], seconds: float) -> None:
    """Markdown: the worst time and the worst peak RSS, with the input behind each."""
    statuses: dict = {}
    for result in screened:
        statuses[result["status"]] = statuses.get(result["status"], 0) + 1
    print(f"\n{len(screened)} cases in {seconds / 60:.1f} min; statuses {statuses}\n")
    print("| input (fresh worker) | status | seconds | peak RSS MiB | idle RSS MiB |")
    print("|---|---:|---:|---:|---:|")
    for result in sorted(confirmed, key=lambda r: -r["seconds"]):
        print(f"| {name(result)} | {result['status']} | {result['seconds']:.1f} |"
              f" {result['peak_rss_mib']} | {result['idle_rss_mib']} |")
    slowest = max(screened + confirmed, key=lambda r: r["seconds"])
    biggest = max(confirmed, key=lambda r: r["peak_rss_mib"])
    print(f"\nworst time: {slowest['seconds']:.1f} s ({name(slowest)}, {slowest['status']})")
    print(f"worst peak RSS (fresh worker): {biggest['peak_rss_mib']} MiB, idle"
          f" {biggest['idle_rss_mib']} MiB ({name(biggest)})")


if __name__ == "__main__":
    main()
