"""Memory of a real `enrich serve` (model loaded, preloaded, N workers): what k8s/ is sized from.

    .venv/bin/python scripts/measure-memory.py [WORKERS]

Prints USS/PSS/RSS of the master and each worker after a warm-up with the sample article, then
each worker's peak RSS growth while it enriches a text of MAX_TEXT_CHARS characters.
"""

import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.server import running_server  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "npr-nato-russia-talks.txt"
MB = 1e6


def report(label: str, process: psutil.Process) -> None:
    info = process.memory_full_info()
    print(
        f"{label:<14} USS {info.uss / MB:6.0f} MB  PSS {info.pss / MB:6.0f} MB  "
        f"RSS {info.rss / MB:6.0f} MB"
    )


def long_text(chars: int) -> str:
    """Distinct paragraphs (normalization would drop repeated ones) up to `chars` characters."""
    paragraphs = SAMPLE.read_text(encoding="utf-8").split("\n\n")
    text, i = "", 0
    while len(text) < chars - 1000:
        text += f"Part {i}. {paragraphs[i % len(paragraphs)]}\n\n"
        i += 1
    return text


def peak_rss(processes: list[psutil.Process], done: threading.Event) -> dict[int, float]:
    peaks = {p.pid: p.memory_info().rss for p in processes}
    while not done.is_set():
        for p in processes:
            peaks[p.pid] = max(peaks[p.pid], p.memory_info().rss)
        time.sleep(0.02)
    return peaks


def main(workers: int) -> None:
    with running_server(workers=workers) as server:
        master = psutil.Process(server.process.pid)
        for _ in range(20 * workers):
            server.post(
                "/v1/enrich",
                data=SAMPLE.read_bytes(),
                headers={"Content-Type": "text/plain; charset=utf-8"},
            )
        children = master.children()
        report("master", master)
        for child in children:
            report(f"worker {child.pid}", child)
        before = {c.pid: c.memory_info().rss for c in children}
        done = threading.Event()
        result = {}
        watcher = threading.Thread(target=lambda: result.update(peak_rss(children, done)))
        watcher.start()
        limit = server.get("/v1/info").json()["limits"]["max_text_chars"]
        start = time.monotonic()
        response = server.post("/v1/enrich", json={"text": long_text(limit)})
        seconds = time.monotonic() - start
        done.set()
        watcher.join()
        growth = max(result[pid] - before[pid] for pid in before)
        print(
            f"{limit}-character text: {response.status_code} in {seconds:.1f} s, "
            f"worker peak RSS +{growth / MB:.0f} MB"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
