"""`enrich annotate --jsonl` against raw `nlp.pipe` with the same number of processes.

    .venv/bin/python bench/cli_throughput.py [--articles 1000] [--processes 2] [--rounds 2]

Builds a JSON-lines corpus of realistic-length articles from examples/, then alternates,
each in a fresh process: raw `nlp.pipe(texts, n_process=N)` over the same texts with the model
components a full response needs (the ones the CLI runs); `enrich annotate --jsonl --processes N`;
and raw single-process `nlp.pipe`, whose rate x N is the machine's ideal. Throughput counts from
the first text to the last (model loading excluded on both sides); CPU seconds are the whole
process tree's, loading included. The ratio to report is annotate / raw with the same processes,
within each round (neighbours in time share the machine's load), and its median over rounds.
"""

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SUMMARY = re.compile(r"annotated (\d+) articles \((\d+) words\) in ([\d.]+) s")


def build_corpus(path: Path, count: int) -> int:
    """`count` articles of 8-20 distinct sample body paragraphs each (seeded); words per article.

    Distinct, and body only: normalization drops repeated paragraphs and page furniture, and
    the raw side would then be timed on text the CLI never sends to the model.
    """
    paragraphs = sorted({p.strip() for f in EXAMPLES.glob("*.txt")
                         for p in f.read_text(encoding="utf-8").split("\n\n")
                         if len(p.split()) > 12})
    rng = random.Random(9)
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = "\n\n".join(rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(8, 20))))
            words += len(text.split())
            out.write(json.dumps({"id": f"bench-{n:05d}", "text": text}) + "\n")
    return words // count


def raw(source: Path, processes: int) -> None:
    """In a child process: raw nlp.pipe over the texts; prints seconds and articles."""
    import spacy

    from service import config
    from service.pipeline.backend import use_backend
    from service.pipeline.nlp import NEEDS, SKIPPABLE, components_for

    settings = config.from_environ()
    nlp = spacy.load(settings["SPACY_MODEL"])
    use_backend(nlp, settings["MATRIX_BACKEND"])  # the CLI's own model: like for like
    needed = components_for(NEEDS)  # every section: a full response, as the CLI writes it
    disable = [name for name in nlp.pipe_names if name in SKIPPABLE and name not in needed]
    texts = [json.loads(line)["text"] for line in source.open(encoding="utf-8")]
    started = time.perf_counter()
    docs = nlp.pipe(texts, n_process=processes, batch_size=16, disable=disable)
    count = sum(1 for _ in docs)
    print(json.dumps({"seconds": time.perf_counter() - started, "articles": count}))


def measure(command: list[str]) -> tuple[float, int, float, str]:
    """(seconds from first to last text, articles, CPU seconds of the process tree, stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if match := SUMMARY.search(done.stderr):
        return float(match[3]), int(match[1]), cpu, done.stderr
    result = json.loads(done.stdout)
    return result["seconds"], result["articles"], cpu, done.stderr


def run_round(source: Path, processes: int, work: Path) -> dict[str, tuple[float, float]]:
    """One alternation; articles/s and articles per CPU-second of each contender."""
    out = work / "out.jsonl"
    out.unlink(missing_ok=True)
    contenders = {
        f"raw nlp.pipe n_process={processes}":
            [sys.executable, __file__, "--raw", str(processes), str(source)],
        f"enrich annotate --processes {processes}":
            [sys.executable, "-m", "service", "annotate", "--jsonl", str(source),
             "--out", str(out), "--processes", str(processes)],
    }
    if processes > 1:
        contenders["raw nlp.pipe n_process=1"] = [sys.executable, __file__, "--raw", "1",
                                                  str(source)]
    results = {}
    for name, command in contenders.items():
        seconds, articles, cpu, _ = measure(command)
        results[name] = (articles / seconds, articles / cpu)
        print(f"  {name:38} {articles / seconds:7.2f} articles/s  {articles / cpu:6.2f} per CPU-s",
              flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--raw", type=int, help=argparse.SUPPRESS)
    parser.add_argument("source", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raw:
        return raw(args.source, args.raw)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        words = build_corpus(source, args.articles)
        print(f"{args.articles} articles, {words} words each on average; "
              f"{args.processes} processes; {args.rounds} rounds", flush=True)
        rounds = []
        for number in range(1, args.rounds + 1):
            print(f"round {number}", flush=True)
            rounds.append(run_round(source, args.processes, Path(tmp)))
    report(rounds, args.processes)


def report(rounds: list[dict], processes: int) -> None:
    """Ratios within each round, then their medians."""
    raw_n, cli, *ideal = rounds[0]
    pairs = [(f"annotate / raw n_process={processes}", raw_n, 1)]
    pairs += [(f"annotate / ({processes} x raw single process)", name, processes) for name in ideal]
    for label, other, times in pairs:
        speed = [r[cli][0] / (times * r[other][0]) for r in rounds]
        per_cpu = [r[cli][1] / r[other][1] for r in rounds]
        print(f"{label}: throughput {_rounds(speed)}; per CPU-second {_rounds(per_cpu)}")


def _rounds(ratios: list[float]) -> str:
    listed = ", ".join(f"{r:.3f}" for r in ratios)
    return f"median {statistics.median(ratios):.3f} (rounds: {listed})"


if __name__ == "__main__":
    main()
