"""Worker RSS over 10,000 documents of never-seen random words, through a running server."""

import argparse
import os
import random
import sys

import orjson
from corpus import REPO
from load import post_all
from procs import tree

sys.path.insert(0, str(REPO / "tests"))
from support.randomwords import random_article  # noqa: E402
from support.server import running_server  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--warm-up", type=int, default=200, help="documents before the start")
    parser.add_argument("--every", type=int, default=500, help="documents between samples")
    parser.add_argument("--words", type=int, default=200, help="words per document")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    rng = random.Random(2026)

    def send(server, count: int) -> None:
        bodies = [orjson.dumps({"text": random_article(rng, args.words)}) for _ in range(count)]
        if post_all(server.url, "/v1/enrich", bodies, 2 * args.workers).failures:
            raise RuntimeError("requests failed")

    with running_server(workers=args.workers, env={"MAX_REQUESTS": "0"}) as server:
        send(server, args.warm_up)
        samples = [rss(server.process.pid)]
        for done in range(0, args.documents, args.every):
            send(server, min(args.every, args.documents - done))
            samples.append(rss(server.process.pid))
            print(f"{done + args.every:>6} documents: " + "  ".join(
                f"{pid}: {mb:.1f} MB" for pid, mb in samples[-1].items()), file=sys.stderr)
    report(args, samples)


def rss(pid: int) -> dict[int, float]:
    return {process.pid: process.memory_info().rss / 2**20 for process in tree(pid)[1:]}


def report(args, samples: list[dict[int, float]]) -> None:
    print(f"\n{args.documents:,} documents of {args.words} random words, after {args.warm_up} "
          f"to warm up; RSS sampled every {args.every}\n")
    print("| worker | RSS start MB | RSS end MB | RSS max MB | end ÷ start | max ÷ start |")
    print("|---|---:|---:|---:|---:|---:|")
    for pid, start in samples[0].items():
        series = [sample[pid] for sample in samples]
        print(f"| {pid} | {start:.1f} | {series[-1]:.1f} | {max(series):.1f} | "
              f"{series[-1] / start:.3f} | {max(series) / start:.3f} |")


if __name__ == "__main__":
    main()
