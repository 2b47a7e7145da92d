"""Print the results as markdown: measurements, ratios against the targets, worker memory."""

import statistics

ROWS = [
    ("raw", "raw `nlp.pipe`, a full request's components, 1 process"),
    ("raw_each", "raw, one article per `nlp.pipe` call"),
    ("c1", "service, single documents, concurrency 1"),
    ("saturated", "service, single documents, concurrency 2 × workers"),
    ("batch", "service, batch endpoint, concurrency 2 × workers"),
    ("raw_ner", "raw `nlp.pipe`, `ner` alone, 1 process"),
    ("ner", "service, entities only, concurrency 2 × workers"),
]
# name, value per round, target, higher is better
RATIOS = [
    ("CPU efficiency, single documents", lambda r, n: r["saturated"].per_cpu() / r["raw"].per_cpu(),
     0.95, True),
    ("CPU efficiency, single documents at c=1", lambda r, n: r["c1"].per_cpu() / r["raw"].per_cpu(),
     0.95, True),
    ("CPU efficiency, single documents vs raw one-article calls",
     lambda r, n: r["saturated"].per_cpu() / r["raw_each"].per_cpu(), None, True),
    ("CPU efficiency, batch", lambda r, n: r["batch"].per_cpu() / r["raw"].per_cpu(), 0.98, True),
    ("throughput at saturation ÷ (cores × raw)",
     lambda r, n: r["saturated"].rate() / (n * r["raw"].rate()), 0.90, True),
    ("batch throughput ÷ (cores × raw)", lambda r, n: r["batch"].rate() / (n * r["raw"].rate()),
     0.90, True),
    ("p50 latency at c=1 ÷ raw per-article p50", lambda r, n: r["c1"].ms(50) / r["raw_each"].ms(50),
     1.05, False),
    ("entities only ÷ full pipeline (service)",
     lambda r, n: r["ner"].rate() / r["saturated"].rate(), 2.0, True),
    ("`ner` alone ÷ a full request's components (raw)",
     lambda r, n: r["raw_ner"].rate() / r["raw"].rate(), None, True),
    ("CPU efficiency, entities only vs raw `ner`",
     lambda r, n: r["ner"].per_cpu() / r["raw_ner"].per_cpu(), 0.95, True),
]


def report(args, corpus, results: dict) -> None:
    """Everything on stdout; medians over the rounds."""
    rounds = results["rounds"]
    words = [a.words for a in corpus]
    print(f"\ncorpus: {len(corpus)} articles, {sum(words):,} words, words per article: "
          f"min {min(words)}, median {statistics.median(words):.0f}, max {max(words)}")
    print(f"workers {args.workers}, rounds {len(rounds)}, NLP_BATCH_SIZE {args.batch_size}, "
          f"{args.batch_documents} documents per batch request\n")
    print("| measurement | articles/s | words/s | words/CPU-s | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for key, label in ROWS:
        cells = [_median(rounds, lambda r, k=key: r[k].articles_rate())]
        cells += [_median(rounds, lambda r, k=key, f=f: f(r[k]))
                  for f in (lambda m: m.rate(), lambda m: m.per_cpu())]
        cells += [_median(rounds, lambda r, k=key, p=p: r[k].ms(p)) for p in (50, 95, 99)]
        print(f"| {label} | " + " | ".join(_fmt(c) for c in cells) + " |")
    print("\n| ratio | median | per round | target | |")
    print("|---|---:|---|---:|---|")
    for name, ratio, target, higher in RATIOS:
        values = [ratio(r, args.workers) for r in rounds]
        value = statistics.median(values)
        verdict = "" if target is None else (
            "met" if (value >= target if higher else value <= target) else "MISSED")
        bound = "" if target is None else ("≥ " if higher else "≤ ") + f"{target:.2f}"
        per_round = " ".join(f"{v:.3f}" for v in values)
        print(f"| {name} | {value:.3f} | {per_round} | {bound} | {verdict} |")
    _memory(results["memory"])


def _memory(memory: dict) -> None:
    print("\n| workers' memory (MB) | RSS | USS | PSS |")
    print("|---|---|---|---|")
    for label, rows in memory.items():
        cells = [" / ".join(f"{row[k]:.0f}" for row in rows) for k in ("rss", "uss", "pss")]
        print(f"| {label} | " + " | ".join(cells) + " |")
    uss = {label: statistics.mean(row["uss"] for row in rows) for label, rows in memory.items()}
    share = uss["with preload, warm"] / uss["without preload, warm"]
    verdict = "met" if share <= 0.5 else "MISSED"
    print(f"\nUSS per worker with preload ÷ without: {share:.2f} (target ≤ 0.50: {verdict})")


def _median(rounds, value) -> float:
    return statistics.median(value(r) for r in rounds)


def _fmt(value: float) -> str:
    if value != value:  # NaN: no latencies for in-process batch runs
        return "–"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"
