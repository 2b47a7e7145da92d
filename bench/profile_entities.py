"""cProfile of `include: [entities]` requests end to end, in one thread: what is not the model.

    .venv/bin/python bench/profile_entities.py [ROUNDS] [--top N]

Posts every fixture article through the Flask test client with the pipeline called directly
(not on the model thread, which cProfile would not see), and prints the model's share (spaCy's
`nlp.pipe`, under service.pipeline.nlp.analyze) against everything else in the request, then
the functions with the most own time outside the model.
"""

import argparse
import cProfile
import pstats

import orjson
from entities_only import articles

from service import create_app

MODEL = "analyze"  # service/pipeline/nlp.py: the model stage, spaCy included


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rounds", type=int, nargs="?", default=3)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    app = create_app({"TESTING": True})
    app.extensions["pipeline"] = app.extensions["pipeline"].pipeline  # on this thread
    client = app.test_client()
    bodies = [orjson.dumps({"text": t, "options": {"include": ["entities"]}}) for t in articles()]
    for body in bodies[:3]:  # warm up
        client.post("/v1/enrich", data=body, content_type="application/json")
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.rounds):
        for body in bodies:
            client.post("/v1/enrich", data=body, content_type="application/json")
    profile.disable()
    stats = pstats.Stats(profile)
    total = stats.total_tt
    model = next(v[3] for k, v in stats.stats.items() if k[2] == MODEL and "nlp.py" in k[0])
    print(f"{args.rounds * len(bodies)} entities-only requests: {total:.2f} s profiled, model "
          f"(nlp.analyze) {model:.2f} s, the rest {total - model:.2f} s = "
          f"{(total - model) / model:.1%} of the model's time")
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
