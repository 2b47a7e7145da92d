"""Score normalization on the fixture set: boilerplate leak rate and body loss.

    .venv/bin/python bench/score_normalize.py [-v]

A marked span leaks when no removed span covers it; it is misfiled when it is removed under
another kind. Body loss counts the sentences of the expected text missing from the output.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.normalize_fixtures import load_all  # noqa: E402

from service.pipeline.normalize import normalize  # noqa: E402


def score(fixture, normalized) -> tuple[list, list, list]:
    """(leaked spans, misfiled spans, lost sentences) of one fixture."""
    removed = [(r.kind, r.source.start, r.source.end) for r in normalized.removed]
    leaked, misfiled = [], []
    for kind, start, end in fixture.removed:
        covering = [k for k, s, e in removed if s <= start and end <= e]
        if not covering:
            leaked.append(fixture.raw[start:end])
        elif kind not in covering:
            misfiled.append((kind, covering[0], fixture.raw[start:end]))
    lost = [s for s in fixture.sentences if s not in normalized.text]
    return leaked, misfiled, lost


def main() -> None:
    verbose = "-v" in sys.argv
    fixtures = load_all()
    totals = {"spans": 0, "leaked": 0, "misfiled": 0, "sentences": 0, "lost": 0, "exact": 0}
    started = time.process_time()
    for fixture in fixtures:
        normalized = normalize(fixture.raw)
        leaked, misfiled, lost = score(fixture, normalized)
        totals["spans"] += len(fixture.removed)
        totals["leaked"] += len(leaked)
        totals["misfiled"] += len(misfiled)
        totals["sentences"] += len(fixture.sentences)
        totals["lost"] += len(lost)
        totals["exact"] += normalized.text == fixture.text
        if verbose and (leaked or misfiled or lost):
            print(fixture.name, {"leaked": leaked, "misfiled": misfiled, "lost": lost})
    elapsed = time.process_time() - started
    layouts = len({fixture.name.split("-")[0] for fixture in fixtures})
    print(f"fixtures: {len(fixtures)} in {layouts} publishers' layouts")
    print(
        f"boilerplate spans: {totals['spans']}, leaked: {totals['leaked']} "
        f"({totals['leaked'] / totals['spans']:.1%}), removed under another kind: "
        f"{totals['misfiled']}"
    )
    print(
        f"body sentences: {totals['sentences']}, lost: {totals['lost']} "
        f"({totals['lost'] / totals['sentences']:.1%})"
    )
    print(f"exact expected text: {totals['exact']}/{len(fixtures)}")
    print(f"normalize: {elapsed / len(fixtures) * 1000:.2f} ms CPU per fixture")


if __name__ == "__main__":
    main()
