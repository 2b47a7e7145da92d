"""The service at concurrency 1 against the same pipeline called in-process, per request.

    .venv/bin/python bench/overhead_c1.py [PASSES]

Starts the service with one worker, sends the corpus one request at a time (full answer, then
entities only), and measures the server's CPU per request and the p50 latency; then calls the
same Pipeline in this process on the same articles, and raw `nlp.pipe` one document at a time
with the same components. What the server adds (HTTP, gunicorn, Flask, the hand-off to the
model thread) is the difference between the first two. Run on an otherwise idle machine.
"""

import statistics
import sys
import time

import orjson
from corpus import REPO, load_corpus
from measure import raw_each, served, single_bodies

sys.path.insert(0, str(REPO / "tests"))
from support.server import running_server  # noqa: E402

from service.config import from_environ  # noqa: E402
from service.pipeline import Pipeline  # noqa: E402
from service.pipeline.nlp import components_for  # noqa: E402
from service.pipeline.types import DEFAULT_SECTIONS, Article, Options  # noqa: E402

MODES = {"full": DEFAULT_SECTIONS, "entities": ("entities",)}


def in_process(pipeline, corpus, include) -> tuple[float, list[float]]:
    """CPU seconds in all, and each article's wall time, of Pipeline.run one article at a time."""
    options, latencies = Options(frozenset(include)), []
    cpu = time.process_time()
    for article in corpus:
        started = time.perf_counter()
        pipeline.run([Article(article.name, article.text, options)])
        latencies.append(time.perf_counter() - started)
    return time.process_time() - cpu, latencies


def raw(nlp, corpus, include) -> tuple[float, list[float]]:
    """The same for raw nlp.pipe with the components the sections need."""
    enable = [*components_for(include), *(["gazetteer"] if nlp.has_pipe("gazetteer") else [])]
    measured = raw_each(nlp, corpus, [name for name in nlp.pipe_names if name in enable])
    return measured.cpu, measured.latencies


def main() -> None:
    passes = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    corpus = load_corpus()
    pipeline = Pipeline.from_config(from_environ())
    rows = {}
    with running_server(workers=1) as server:
        for mode, include in MODES.items():
            bodies = single_bodies(corpus, passes, {"include": list(include)})
            served(server, "/v1/enrich", bodies[: len(corpus)], corpus, 1, 1)  # warm up
            measure = served(server, "/v1/enrich", bodies, corpus, passes, 1)
            rows[mode, "service"] = (measure.cpu / len(bodies), measure.latencies)
    for mode, include in MODES.items():
        for name, run, target in (
            ("in-process", in_process, pipeline),
            ("raw nlp.pipe", raw, pipeline.nlp),
        ):
            run(target, corpus[:3], include)  # warm up
            runs = [run(target, corpus, include) for _ in range(passes)]
            rows[mode, name] = (
                sum(cpu for cpu, _ in runs) / len(corpus) / passes,
                [x for _, latencies in runs for x in latencies],
            )
    print("| mode | what | CPU ms per request | p50 ms | ÷ raw CPU | ÷ raw p50 |")
    print("|---|---|---:|---:|---:|---:|")
    for (mode, name), (cpu, latencies) in rows.items():
        raw_cpu, raw_latencies = rows[mode, "raw nlp.pipe"]
        p50, raw_p50 = statistics.median(latencies), statistics.median(raw_latencies)
        print(
            f"| {mode} | {name} | {cpu * 1000:.1f} | {p50 * 1000:.1f} | {cpu / raw_cpu:.3f} "
            f"| {p50 / raw_p50:.3f} |"
        )
    print(orjson.dumps({"passes": passes, "articles": len(corpus)}).decode())


if __name__ == "__main__":
    main()
