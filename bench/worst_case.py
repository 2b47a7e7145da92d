"""The worst documents the limits allow: how long each takes, against the worker timeout.

    python bench/worst_case.py [--chars 100000]

Each document is exactly MAX_TEXT_CHARS long and sent once to a fresh 2-worker server.
`--no-runs` leaves out the long runs of one symbol: until normalization bounds them before
the model, spaCy's tokenizer is quadratic on them (8,000 '=' take ~30 s; 100,000, an hour).
"""

import argparse
import json
import time

import requests
from live import running_server, sample_article


def documents(chars: int) -> dict[str, tuple[bytes, str]]:
    """Name -> (body, content type) of documents at the character limit."""
    paragraphs = [p for p in sample_article().decode().split("\n\n") if p.strip()]
    numbered = (f"{n}. {paragraphs[n % len(paragraphs)]}" for n in range(chars))  # no duplicates
    prose = "\n\n".join(next(numbered) for _ in range(chars // 100))[:chars]
    escaped = "".join(f"\\u{ord(c):04x}" for c in prose)
    return {
        "news prose (sample paragraphs, numbered)": (prose.encode(), "text/plain; charset=utf-8"),
        "prose, every character a JSON \\u escape": (
            b'{"text": "' + escaped.encode() + b'"}', "application/json"),
        "one word, no spaces": (b"x" * chars, "text/plain; charset=utf-8"),
        "one-letter words": (b"a " * (chars // 2), "text/plain; charset=utf-8"),
        "newlines between words": (b"Berlin\n" * (chars // 7), "text/plain; charset=utf-8"),
        "run of '='": (b"=" * chars, "text/plain; charset=utf-8"),
        "run of '.'": (b"." * chars, "text/plain; charset=utf-8"),
        "emoji without spaces": (("\U0001F600" * chars).encode(), "text/plain; charset=utf-8"),
    }


def main() -> None:
    """Time each document; print a JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--no-runs", action="store_true")
    args = parser.parse_args()
    report = {}
    with running_server(workers=2) as server:
        for name, (body, content_type) in documents(args.chars).items():
            if args.no_runs and ("run of" in name or "emoji" in name):
                continue
            started = time.perf_counter()
            response = requests.post(server.url + "/v1/enrich", data=body, timeout=600,
                                     headers={"Content-Type": content_type})
            report[name] = {"status": response.status_code,
                            "seconds": round(time.perf_counter() - started, 2)}
            print(name, report[name], flush=True)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
