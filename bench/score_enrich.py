"""Print precision and recall of quote attribution and entity grouping on the hand-built gold.

    .venv/bin/python bench/score_enrich.py [FIXTURE_DIR] [--verbose]

The scoring (and what counts as right) is tests/support/gold.py, which the tests share.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.gold import FIXTURES, score  # noqa: E402

from service.config import from_environ  # noqa: E402
from service.pipeline import Pipeline  # noqa: E402


def main() -> None:
    """Score every fixture and print the totals."""
    arguments = [a for a in sys.argv[1:] if not a.startswith("-")]
    fixtures = Path(arguments[0]) if arguments else FIXTURES
    pipeline = Pipeline.from_config(from_environ())
    t = score(pipeline, fixtures, verbose="--verbose" in sys.argv)
    print(f"articles: {t['articles']}")
    print(
        f"quote attribution: precision {t['attribution_precision']:.3f} "
        f"({t['correct']}/{t['attributed']}), recall {t['attribution_recall']:.3f} "
        f"({t['correct']}/{t['gold']})"
    )
    print(
        f"quote detection: precision {t['detection_precision']:.3f} "
        f"({t['found']}/{t['reported']}), recall {t['detection_recall']:.3f}; "
        f"scare quotes reported: {t['scare']}"
    )
    print(
        f"grouping (mention pairs): precision {t['grouping_precision']:.3f} "
        f"({t['both']}/{t['predicted_pairs']}), recall {t['grouping_recall']:.3f} "
        f"({t['both']}/{t['gold_pairs']})"
    )


if __name__ == "__main__":
    main()
