"""The model on each MATRIX_BACKEND, raw nlp.pipe, in one run, alternating; and whether they agree.

    .venv/bin/python bench/matrix_backend.py [--rounds N] [--check-only]

Loads the model twice, one copy per backend (service/pipeline/backend.py: numpy's BLAS or the
BLIS thinc ships, one BLAS thread either way), and measures words per CPU-second of each on the
side-by-side corpus, a full request's components and `ner` alone, in minibatches of 8 and one
document per call; medians of the rounds and the ratio numpy ÷ blis. Then it runs both copies
over every text in the repository (examples, fixtures, the labelled pages in data/boilerplate,
normalized) and counts the texts whose entities or parse differ between them.
"""

import argparse
import gzip
import json
import statistics

import spacy
from corpus import REPO, load_corpus
from measure import raw_each, raw_pipe
from side_by_side import FULL_REQUEST, MODEL, with_fixtures

from service.config import MATRIX_BACKENDS as BACKENDS
from service.pipeline.backend import use_backend
from service.pipeline.normalize import normalize

RUNS = {  # name: (components, minibatch size; 1 is one document per call)
    "full request's components, minibatches of 8": (FULL_REQUEST, 8),
    "full request's components, one document per call": (FULL_REQUEST, 1),
    "`ner` alone, minibatches of 8": (["ner"], 8),
    "`ner` alone, one document per call": (["ner"], 1),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--check-only", action="store_true", help="only compare the outputs")
    args = parser.parse_args()
    models = {}
    for backend in BACKENDS:
        models[backend] = spacy.load(MODEL)
        use_backend(models[backend], backend)
    if not args.check_only:
        speeds(models, args.rounds)
    agreement(models)


def speeds(models: dict, rounds: int) -> None:
    """Words per CPU-second of each backend, alternating within every round."""
    corpus = with_fixtures(load_corpus())
    measured = {(run, backend): [] for run in RUNS for backend in BACKENDS}
    for _ in range(rounds):
        for run, (enable, size) in RUNS.items():
            for backend in BACKENDS:
                nlp = models[backend]
                measure = (raw_pipe(nlp, corpus, 1, size, enable=enable) if size > 1
                           else raw_each(nlp, corpus, enable=enable))
                measured[run, backend].append(measure.per_cpu())
    words = sum(a.words for a in corpus)
    print(f"{len(corpus)} articles, {words:,} words, {rounds} rounds, medians of words per "
          "CPU-second\n\n| components | blis | numpy | numpy ÷ blis (median of the rounds) |\n"
          "|---|---:|---:|---:|")
    for run in RUNS:
        blis, numpy = measured[run, "blis"], measured[run, "numpy"]
        ratio = statistics.median(n / b for n, b in zip(numpy, blis, strict=True))
        print(f"| {run} | {statistics.median(blis):,.0f} | {statistics.median(numpy):,.0f} "
              f"| {ratio:.3f} |")


def agreement(models: dict) -> None:
    """Texts whose entities, or whose parse, differ between the backends."""
    texts = [normalize(text).text for text in repository_texts()]
    texts = [text for text in texts if text]
    differ = {"entities": 0, "parse": 0, "entities of `ner` alone": 0}
    words = sum(len(text.split()) for text in texts)
    blis, numpy = models["blis"], models["numpy"]
    for enable in (FULL_REQUEST, ["ner"]):
        with (blis.select_pipes(enable=enable), numpy.select_pipes(enable=enable),
              blis.memory_zone(), numpy.memory_zone()):
            pairs = zip(blis.pipe(texts, batch_size=8), numpy.pipe(texts, batch_size=8),
                        strict=True)
            for one, other in pairs:
                if enable == FULL_REQUEST:
                    differ["entities"] += _entities(one) != _entities(other)
                    differ["parse"] += _parse(one) != _parse(other)
                else:
                    differ["entities of `ner` alone"] += _entities(one) != _entities(other)
    print(f"\n{len(texts)} texts, {words:,} words; texts that differ: "
          + ", ".join(f"{what} {count}" for what, count in differ.items()))


def repository_texts() -> list[str]:
    """Every article-length text the repository holds."""
    texts = [a.text for a in with_fixtures(load_corpus())]
    for path in sorted((REPO / "data" / "boilerplate").glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as lines:
            texts += [json.loads(line)["input_text"] for line in lines if line.strip()]
    return texts


def _entities(doc) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def _parse(doc) -> list[tuple[str, int]]:
    return [(t.dep_, t.head.i) for t in doc]


if __name__ == "__main__":
    main()
