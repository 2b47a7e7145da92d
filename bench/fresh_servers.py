"""Two or more service settings (or trees) compared over several runs, each with fresh servers.

    cd /tmp/elsewhere && PYTHONPATH="$NEW" "$NEW/.venv/bin/python" "$NEW/bench/fresh_servers.py" \
        --variant PYTHONPATH=/tmp/base --variant PYTHONPATH=/tmp/base --variant PYTHONPATH="$NEW"

On this shared machine a server started once can run several percent faster or slower than
its twin for as long as it lives, so rounds against the same two servers repeat that one
draw. Here every run starts its servers afresh (in alternating order), measures each at one
concurrency for `--rounds` alternating rounds, and keeps each variant's median ratio to the
first; the report is the median over runs, with every run's ratio. Naming the first variant
twice gives an A/A twin: how far two servers of the same code drift apart. Variants are
environment settings, comma-separated; PYTHONPATH=TREE runs another checkout (run from a
directory outside every tree: `python -m` puts the working directory first).
"""

import argparse
import contextlib
import statistics
import sys

from corpus import REPO, load_corpus
from measure import served, single_bodies
from side_by_side import with_fixtures

sys.path.insert(0, str(REPO / "tests"))
from support.server import running_server  # noqa: E402

ENV = {"MAX_REQUESTS": "0", "LOG_LEVEL": "warning", "MAX_QUEUED": "8"}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--variant", action="append", required=True, metavar="NAME=VALUE,...")
    parser.add_argument("--include", choices=["entities", "full"], default="entities")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--runs", type=int, default=8, help="fresh servers each run")
    parser.add_argument("--rounds", type=int, default=4, help="alternating rounds per run")
    parser.add_argument("--passes", type=int, default=6, help="corpus passes per measurement")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    variants = [dict(kv.split("=", 1) for kv in v.split(",") if kv) for v in args.variant]
    corpus = with_fixtures(load_corpus())
    options = {"include": ["entities"]} if args.include == "entities" else None
    bodies = single_bodies(corpus, 1, options)
    runs = []
    for run in range(args.runs):
        rounds = one_run(variants, bodies, corpus, args, reverse=run % 2 == 1)
        ratios = [(statistics.median(r[i][0] / r[0][0] for r in rounds),
                   statistics.median(r[i][1] / r[0][1] for r in rounds))
                  for i in range(len(variants))]
        runs.append(ratios)
        print(f"run {run}: " + "  ".join(f"{w:.3f} words/s, {c:.3f} per CPU-s"
                                         for w, c in ratios[1:]), file=sys.stderr)
    print(f"{args.include}, c={args.concurrency}: {args.runs} runs of fresh servers, "
          f"{args.rounds} rounds each, the corpus {args.passes} times a measurement\n")
    print("| variant ÷ the first | words/s, median of runs | words per CPU-s | each run's "
          "words/s |\n|---|---:|---:|---|")
    for i in range(1, len(variants)):
        each = " ".join(f"{run[i][0]:.3f}" for run in runs)
        print(f"| {args.variant[i]} | {statistics.median(run[i][0] for run in runs):.3f} | "
              f"{statistics.median(run[i][1] for run in runs):.3f} | {each} |")


def one_run(variants, bodies, corpus, args, *, reverse: bool) -> list[list[tuple]]:
    """Fresh servers; per round, each variant's (words/s, words per CPU-s), order alternating."""
    order = list(range(len(variants)))[:: -1 if reverse else 1]
    with contextlib.ExitStack() as stack:
        started = {i: stack.enter_context(running_server(workers=2, env={**ENV, **variants[i]}))
                   for i in order}
        for server in started.values():  # warm up
            served(server, "/v1/enrich", bodies, corpus, 1, args.concurrency)
        rounds = []
        for number in range(args.rounds):
            row = [(0.0, 0.0)] * len(variants)
            for i in order[:: -1 if number % 2 else 1]:
                measure = served(started[i], "/v1/enrich", bodies * args.passes, corpus,
                                 args.passes, args.concurrency)
                row[i] = (measure.rate(), measure.per_cpu())
            rounds.append(row)
    return rounds


if __name__ == "__main__":
    main()
