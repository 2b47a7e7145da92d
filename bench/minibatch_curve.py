"""The model's words per CPU-second by nlp.pipe minibatch size, in one run, alternating.

    .venv/bin/python bench/minibatch_curve.py [--rounds N] [--sizes 1,2,3,4,8]

On the side-by-side corpus (bench/side_by_side.py): a full request's components and `ner`
alone, each size once per round, medians; each size is given as a ratio to the largest. It is
why a held-open pass waits for two requests (GATHER_REQUESTS, service/server/model_thread.py).
"""

import argparse
import statistics

import spacy
from corpus import load_corpus
from measure import raw_pipe
from side_by_side import FULL_REQUEST, MODEL, with_fixtures

from service.config import from_environ
from service.pipeline.backend import use_backend


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="1,2,3,4,8")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    corpus = with_fixtures(load_corpus())
    nlp = spacy.load(MODEL)
    use_backend(nlp, from_environ()["MATRIX_BACKEND"])  # the service's model
    print(
        f"{len(corpus)} articles, {sum(a.words for a in corpus):,} words, "
        f"{args.rounds} rounds, medians of words per CPU-second"
    )
    print("| components | " + " | ".join(f"minibatch {size}" for size in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for enable, name in ((FULL_REQUEST, "full request's"), (["ner"], "`ner` alone")):
        measured = {size: [] for size in sizes}
        for _ in range(args.rounds):
            for size in sizes:
                measured[size].append(raw_pipe(nlp, corpus, 1, size, enable=enable).per_cpu())
        rates = {size: statistics.median(values) for size, values in measured.items()}
        top = rates[max(sizes)]
        print(
            f"| {name} | "
            + " | ".join(f"{rates[s]:,.0f} ({rates[s] / top:.3f})" for s in sizes)
            + " |"
        )


if __name__ == "__main__":
    main()
