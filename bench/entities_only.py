"""Entities-only requests against full ones, and what the code around the model costs.

    .venv/bin/python bench/entities_only.py [ROUNDS]

Posts every article of tests/fixtures/enrich (and the shared sample) through the Flask test
client, one article per request, alternating full and entities-only rounds. Time is this
process's CPU time (the machine is shared: wall time measures the neighbours), so throughput
is requests per CPU-second. Prints both modes, their ratio, and the share of everything
around the model (normalization, enrichment, schema, JSON, Flask) in the model's own time.
A full request runs tok2vec, parser and ner (no tagger: nothing needs it, and the parse and
entities are identical without it); `--all-components` also times raw nlp.pipe with every
component, the pipeline a wrapper that cannot choose would run.
"""

import sys
import time
from pathlib import Path

import orjson

from service import create_app

ROOT = Path(__file__).resolve().parent.parent
MODES = {"full": {}, "entities": {"include": ["entities"]}}


def articles() -> list[str]:
    """The fixture articles and the canonical sample."""
    paths = sorted(ROOT.glob("tests/fixtures/enrich/*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    sample = ROOT.parent / "shared" / "samples" / "npr-nato-russia-talks.txt"
    return texts + ([sample.read_text(encoding="utf-8")] if sample.exists() else [])


def run_round(client, pipeline, texts, options) -> dict[str, float]:
    """Post every text once; wall time and the time of each stage."""
    spent = {"wall": 0.0, "nlp": 0.0, "around": 0.0}
    for text in texts:
        started = time.perf_counter()
        body = orjson.dumps({"text": text, "options": options})
        response = client.post("/v1/enrich", data=body, content_type="application/json")
        wall = time.perf_counter() - started
        assert response.status_code == 200, response.data
        timings = pipeline.timings_seen
        spent["wall"] += wall
        spent["nlp"] += timings["nlp"]
        spent["around"] += wall - timings["nlp"]
    return spent


def main() -> None:
    """Alternate rounds of both modes and print throughput, ratio and overhead."""
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    rounds = int(numbers[0]) if numbers else 3
    app = create_app({"TESTING": True})
    pipeline = app.extensions["pipeline"]
    run = pipeline.run

    def run_and_keep_timings(batch):
        results = run(batch)
        pipeline.timings_seen = results[0].timings
        return results

    pipeline.run = run_and_keep_timings
    client = app.test_client()
    texts = articles()
    for options in MODES.values():  # warm-up: first calls allocate model buffers
        run_round(client, pipeline, texts[:2], options)
    totals = {mode: {"wall": 0.0, "nlp": 0.0, "around": 0.0} for mode in MODES}
    for _ in range(rounds):
        for mode, options in MODES.items():
            for key, value in run_round(client, pipeline, texts, options).items():
                totals[mode][key] += value
    count = rounds * len(texts)
    for mode, spent in totals.items():
        print(f"{mode:>8}: {count / spent['wall']:6.2f} requests per CPU-second, model "
              f"{spent['nlp']:.2f} s, everything else {spent['around']:.2f} s "
              f"({spent['around'] / spent['nlp']:.1%} of the model time)")
    ratio = totals["full"]["wall"] / totals["entities"]["wall"]
    print(f"entities-only throughput / full throughput: {ratio:.2f}x "
          f"({count} requests each, {len(texts)} articles x {rounds} rounds)")
    if "--all-components" in sys.argv:
        nlp = pipeline.nlp
        started = time.process_time()
        for _ in range(rounds):
            for text in texts:
                nlp(text)
        every = time.process_time() - started
        print(f"raw nlp() with every component: {count / every:.2f} documents per CPU-second; "
              f"entities-only requests are {every / totals['entities']['wall']:.2f}x that")


if __name__ == "__main__":
    main()
