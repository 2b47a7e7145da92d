"""Same-story fingerprints: precision and recall of SAME_STORY_DISTANCE on re-published copies.

    .venv/bin/python bench/fingerprint_dedupe.py

Every article of examples/ and tests/fixtures/enrich/ is re-published five ways (ending trimmed,
header and footer added, dates edited, a different headline, all of these at once); a pair is
positive when it is an article and its copy, negative when it is two different articles: every
such pair, which includes the stories on the same topic (two port strikes, two airline mergers,
two wildfires, two NHS strikes, two central-bank decisions, two chip stories, two floods).
"""

import re
import sys
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from service.pipeline.enrich.fingerprint import (  # noqa: E402
    SAME_STORY_DISTANCE,
    body,
    distance,
    simhash,
)
from service.pipeline.normalize import normalize  # noqa: E402

CORPUS = sorted([*HERE.parent.glob("examples/*.txt"),
                 *HERE.parent.glob("tests/fixtures/enrich/*.txt")])
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def trimmed(raw: str) -> str:
    """The last fifth of the paragraphs cut, as a syndicated copy that stops early."""
    paragraphs = raw.strip().split("\n\n")
    return "\n\n".join(paragraphs[: max(2, len(paragraphs) - max(1, len(paragraphs) // 5))])


def framed(raw: str) -> str:
    """A site's header and footer around the story."""
    header = "Skip to main content\n\nWorld | Business | Sport\n\nAdvertisement\n\n"
    footer = ("\n\nThis story was originally published by a partner news agency and is "
              "republished with permission.\n\nShare this article\n\n© 2024 Daily Courier. "
              "All rights reserved.\n\nLeave a Comment")
    return header + raw + footer


def redated(raw: str) -> str:
    """Every weekday moved one day on and every number of four digits one year."""
    moved = re.sub("|".join(WEEKDAYS),
                   lambda m: WEEKDAYS[(WEEKDAYS.index(m.group()) + 1) % 7], raw)
    return re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(int(m.group()) + 1), moved)


def retitled(raw: str) -> str:
    """Another headline: the first line replaced."""
    first, _, rest = raw.partition("\n")
    return "Breaking: what we know so far about " + first.lower() + "\n" + rest


def everything(raw: str) -> str:
    return framed(retitled(redated(trimmed(raw))))


COPIES = (trimmed, framed, redated, retitled, everything)


def fingerprint(raw: str) -> str:
    """The fingerprint the service returns: SimHash of the normalized body."""
    norm = normalize(raw)
    return simhash(body(norm.text, norm.sections))


def main() -> None:
    originals = {path.stem: path.read_text(encoding="utf-8") for path in CORPUS}
    prints = {name: fingerprint(raw) for name, raw in originals.items()}
    positives = [distance(prints[name], fingerprint(copy(raw)))
                 for name, raw in originals.items() for copy in COPIES]
    negatives = [distance(prints[a], prints[b]) for a, b in combinations(sorted(prints), 2)]
    print(f"{len(originals)} articles, {len(positives)} copies, {len(negatives)} different pairs")
    print(f"copies: max distance {max(positives)}; different stories: min {min(negatives)}")
    for threshold in sorted({4, 8, 12, 16, 20, SAME_STORY_DISTANCE}):
        hits = sum(d <= threshold for d in positives)
        false = sum(d <= threshold for d in negatives)
        precision = hits / (hits + false) if hits + false else 1.0
        mark = "  <- SAME_STORY_DISTANCE" if threshold == SAME_STORY_DISTANCE else ""
        print(f"distance <= {threshold:2d}: precision {precision:.3f} ({hits}/{hits + false}), "
              f"recall {hits / len(positives):.3f} ({hits}/{len(positives)}){mark}")
    for copy in COPIES:
        worst = max(distance(prints[n], fingerprint(copy(r))) for n, r in originals.items())
        print(f"  {copy.__name__:10s} max distance {worst}")


if __name__ == "__main__":
    main()
