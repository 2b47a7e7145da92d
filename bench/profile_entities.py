"""cProfile of requests end to end, in one thread: what is not the model.

    .venv/bin/python bench/profile_entities.py [ROUNDS] [--top N] [--include full|entities]

Posts every fixture article through the Flask test client with the pipeline called directly
(not on the model thread, which cProfile would not see), and prints the model's share (spaCy's
`nlp.pipe`, under service.pipeline.nlp.analyze) against everything else in the request, then
the stages around it (normalize, enrich, the response dump) and the functions with the most
cumulative time. `--include entities` (the default) sends `include: [entities]`; `full` sends
no options, so the default sections (the full answer).
"""

import argparse
import cProfile
import pstats

import orjson
from entities_only import articles

from service import create_app

MODEL = "analyze"  # service/pipeline/nlp.py: the model stage, spaCy included
# The stages around the model, by (file ending, function name), as cProfile names them.
STAGES = {
    "normalize": ("normalize/__init__.py", "normalize"),
    "enrich": ("enrich/__init__.py", "enrich"),
    "response dump": ("api/batch.py", "_answer"),
    "request read + load": ("api/batch.py", "load_article"),
    "JSON body read": ("api/reading.py", "read_article"),
}
OPTIONS = {"entities": {"options": {"include": ["entities"]}}, "full": {}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rounds", type=int, nargs="?", default=3)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--include", choices=sorted(OPTIONS), default="entities")
    args = parser.parse_args()
    app = create_app({"TESTING": True})
    app.extensions["pipeline"] = app.extensions["pipeline"].pipeline  # on this thread
    client = app.test_client()
    bodies = [orjson.dumps({"text": t, **OPTIONS[args.include]}) for t in articles()]
    for body in bodies[:3]:  # warm up
        client.post("/v1/enrich", data=body, content_type="application/json")
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.rounds):
        for body in bodies:
            client.post("/v1/enrich", data=body, content_type="application/json")
    profile.disable()
    report(pstats.Stats(profile), args.rounds * len(bodies), args.include, args.top)


def report(stats: pstats.Stats, requests: int, include: str, top: int) -> None:
    """The model against the rest, the stages around it, then the top functions."""
    total = stats.total_tt
    model = cumulative(stats, ("nlp.py", MODEL))
    print(f"{requests} {include} requests: {total:.2f} s profiled, model (nlp.analyze) "
          f"{model:.2f} s, the rest {total - model:.2f} s = {(total - model) / model:.1%} of "
          f"the model's time")
    for name, where in STAGES.items():
        seconds = cumulative(stats, where)
        print(f"  {name:<20} {seconds:6.3f} s  {seconds / model:6.1%} of the model")
    stats.sort_stats("cumulative").print_stats(top)


def cumulative(stats: pstats.Stats, where: tuple[str, str]) -> float:
    """Cumulative seconds of the function `where` names (0 if it never ran)."""
    ending, name = where
    return sum(v[3] for k, v in stats.stats.items() if k[2] == name and k[0].endswith(ending))


if __name__ == "__main__":
    main()
