"""Entities-only requests against full ones, and what the code around the model costs.

    .venv/bin/python bench/entities_only.py [ROUNDS]

Posts every article of tests/fixtures/enrich (and the shared sample) through the Flask test
client, one article per request. For each article in turn it sends a full request, an
entities-only request and runs raw `nlp(text)` with every component (what a wrapper that
cannot choose components runs), so all three see the same machine load. Time is this process's
CPU time: the machine is shared, and wall time would measure the neighbours. The model stage
is timed the same way, so "around the model" (normalization, enrichment, schema, JSON, Flask)
is CPU time too; it includes Flask and the test client. The last lines time normalization,
enrichment and JSON alone against the model, which is what the 5% budget covers.
"""

import sys
import time
from pathlib import Path

import orjson

import service.pipeline
from service import create_app
from service.api.schemas import EnrichmentSchema
from service.pipeline.enrich import enrich
from service.pipeline.nlp import analyze, components_for
from service.pipeline.normalize import normalize
from service.pipeline.types import Article, Options

ROOT = Path(__file__).resolve().parent.parent
MODES = {"full": {}, "entities": {"include": ["entities"]}}


def articles() -> list[str]:
    """The fixture articles and the canonical sample."""
    paths = sorted(ROOT.glob("tests/fixtures/enrich/*.txt"))  # the sample is among them
    return [path.read_text(encoding="utf-8") for path in paths]


class ModelClock:
    """Wraps the pipeline's model stage and adds up the CPU time spent in it."""

    def __init__(self) -> None:
        self.spent = 0.0
        self._analyze = service.pipeline.analyze
        service.pipeline.analyze = self

    def __call__(self, *args, **kwargs):
        started = time.process_time()
        try:
            return self._analyze(*args, **kwargs)
        finally:
            self.spent += time.process_time() - started


def cpu_per_article(work, count: int, repeat: int) -> float:
    """CPU milliseconds per article of `work()`, which handles `count` articles, after a warm-up."""
    work()
    started = time.process_time()
    for _ in range(repeat):
        work()
    return (time.process_time() - started) / repeat / count * 1000


def stage_shares(pipeline, texts: list[str]) -> None:
    """Normalization, enrichment and JSON, each timed alone, against the model stage."""
    for mode, options in MODES.items():
        chosen = Options(include=frozenset(options["include"])) if options else Options()
        costs = _stage_costs(pipeline, texts, chosen)
        around = costs["normalize"] + costs["enrich"] + costs["json"]
        print(
            f"{mode:>8}: model {costs['model']:.1f} ms/article; normalize "
            f"{costs['normalize']:.2f}, enrich {costs['enrich']:.2f}, JSON {costs['json']:.2f} "
            f"= {around / costs['model']:.1%} of the model"
        )


def _stage_costs(pipeline, texts: list[str], options: Options) -> dict[str, float]:
    schema = EnrichmentSchema()
    norms = [normalize(text) for text in texts]
    items = [Article("a", text, options) for text in texts]
    components = components_for(options.include)
    def model(n):
        return analyze(pipeline.nlp, [n.text], [[p.start for p in n.paragraphs[1:]]], components)

    found = [model(n)[0] for n in norms]
    triples = list(zip(items, norms, found, strict=True))
    results = [enrich(*triple, pipeline.model) for triple in triples]
    count = len(texts)
    return {
        "model": cpu_per_article(
            lambda: [model(n) for n in norms], count, 1
        ),
        "normalize": cpu_per_article(lambda: [normalize(t) for t in texts], count, 20),
        "enrich": cpu_per_article(
            lambda: [enrich(*triple, pipeline.model) for triple in triples], count, 20
        ),
        "json": cpu_per_article(lambda: [orjson.dumps(schema.dump(r)) for r in results], count, 20),
    }


def main() -> None:
    """Interleave both modes and raw nlp per article; print throughput, ratios and overhead."""
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    app = create_app({"TESTING": True})
    nlp = app.extensions["pipeline"].pipeline.nlp
    client = app.test_client()
    clock = ModelClock()
    texts = articles()
    spent = {mode: {"total": 0.0, "model": 0.0} for mode in [*MODES, "raw"]}
    for index in range(rounds * len(texts) + 2):  # the first two warm the model's buffers up
        text = texts[index % len(texts)]
        for mode, options in MODES.items():
            body = orjson.dumps({"text": text, "options": options})
            clock.spent, started = 0.0, time.process_time()
            response = client.post("/v1/enrich", data=body, content_type="application/json")
            if index >= 2:
                spent[mode]["total"] += time.process_time() - started
                spent[mode]["model"] += clock.spent
            assert response.status_code == 200, response.data
        started = time.process_time()
        nlp(text)
        if index >= 2:
            spent["raw"]["total"] += time.process_time() - started
    count = rounds * len(texts)
    for mode in MODES:
        total, model = spent[mode]["total"], spent[mode]["model"]
        print(
            f"{mode:>8}: {count / total:6.2f} requests per CPU-second; around the model "
            f"{(total - model) / model:.1%} of the model's CPU time"
        )
    raw = spent["raw"]["total"]
    print(f"     raw: {count / raw:6.2f} documents per CPU-second (nlp() with every component)")
    entities = spent["entities"]["total"]
    print(
        f"entities-only / full request: {spent['full']['total'] / entities:.2f}x; "
        f"entities-only / raw every-component nlp(): {raw / entities:.2f}x; "
        f"full request / raw: {raw / spent['full']['total']:.2f}x "
        f"({count} of each: {len(texts)} articles x {rounds} rounds)"
    )
    print("normalization + enrichment + JSON (schema dump and orjson), CPU per article:")
    stage_shares(app.extensions["pipeline"].pipeline, texts)


if __name__ == "__main__":
    main()
