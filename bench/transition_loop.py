"""Where `ner` and `parser` spend their time: the layers, or the transition loop after them.

    .venv/bin/python bench/transition_loop.py [--rounds N]

Both components run their layers in thinc (Python calling BLAS) and then choose one action per
step in spaCy's compiled transition loop. The script times the component's whole prediction
and its layers alone; the loop, with its small set-up, is the difference. One document per
call and minibatches of 8, on the side-by-side corpus with the service's MATRIX_BACKEND: CPU ms
per document, medians of the rounds.

It also says whether this interpreter's spaCy build traces its compiled functions. spaCy's
setup.py compiles with Cython's `profile` directive on Python < 3.12, and a function compiled
with that hook, running without the GIL, takes the GIL and drops it again on every call. The
loop calls such small functions a few hundred times per step. Run the script under each
interpreter (a venv with the same spaCy and model) to compare them: docs/performance.md.
"""

import argparse
import statistics
import sys
import time
from functools import partial

import spacy
from corpus import load_corpus
from side_by_side import MODEL, with_fixtures

from service.config import from_environ
from service.pipeline.backend import use_backend

COMPONENTS = {"ner": [], "parser": ["tok2vec"]}  # each, and the components it listens to


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    corpus = with_fixtures(load_corpus())
    nlp = spacy.load(MODEL)
    use_backend(nlp, from_environ()["MATRIX_BACKEND"])
    tokens = sum(len(nlp.make_doc(article.text)) for article in corpus)
    print(f"Python {sys.version.split()[0]}, spaCy {spacy.__version__}, "
          f"{len(corpus)} articles, {tokens / len(corpus):.0f} tokens each on average")
    print(f"spaCy's compiled functions report to a profiler: {'yes' if traced(nlp) else 'no'}\n")
    print("| component | documents per call | whole, ms/doc | layers | transition loop "
          "| loop µs per token |\n|---|---:|---:|---:|---:|---:|")
    for name, listened in COMPONENTS.items():
        component = nlp.get_pipe(name)
        docs = [nlp.make_doc(article.text) for article in corpus]
        for other in listened:
            docs = list(nlp.get_pipe(other).pipe(docs))
        for size in (1, 8):
            batches = [docs[start : start + size] for start in range(0, len(docs), size)]
            whole, layers = [], []
            for _ in range(args.rounds):  # alternating, so the machine's drift hits both alike
                whole.append(cpu_per_doc(component.greedy_parse, batches, len(docs)))
                layers.append(cpu_per_doc(partial(layers_only, component), batches, len(docs)))
            whole_ms, layers_ms = statistics.median(whole), statistics.median(layers)
            loop_ms = whole_ms - layers_ms
            print(f"| `{name}` | {size} | {whole_ms:.2f} | {layers_ms:.2f} | {loop_ms:.2f} "
                  f"| {loop_ms * 1000 * len(docs) / tokens:.1f} |")


def layers_only(component, batch) -> None:
    """The component's thinc layers over the batch, without choosing any action."""
    step_model = component.model.predict(batch)
    step_model.clear_memory()


def cpu_per_doc(run, batches, documents: int) -> float:
    """CPU ms per document of `run` over every batch."""
    started = time.process_time()
    for batch in batches:
        run(batch)
    return (time.process_time() - started) * 1000 / documents


def traced(nlp) -> bool:
    """Whether a call into spaCy's compiled tokenizer shows up as a profiled call of its own."""
    seen = []

    def profiler(frame, event, _arg):
        if event == "call" and frame.f_code.co_filename.endswith(".pyx"):
            seen.append(frame.f_code.co_filename)

    sys.setprofile(profiler)
    try:
        nlp.tokenizer("Traced or not.")
    finally:
        sys.setprofile(None)
    return bool(seen)


if __name__ == "__main__":
    main()
