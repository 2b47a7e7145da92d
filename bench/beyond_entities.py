"""What each section beyond entities costs, against the model's time on the same articles.

    .venv/bin/python bench/beyond_entities.py [ROUNDS]

For every article of examples/ (21), in this process and interleaved round by round so all see
the same machine load: the model with `ner` alone (what an entities-only request runs) and with
`tok2vec`, `parser` and `ner` (what quotes and key phrases need), then each stage alone on the
same article: the language guard (py3langid on the first LANGUAGE_SAMPLE_CHARS), the fingerprint,
places (linking the groups) and key phrases (from the parse). CPU time of this process: the
machine is shared, so only ratios within the run mean anything. Also the one-off start-up cost
of the py3langid model and of the GeoNames index.
"""

import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.config import from_environ  # noqa: E402
from service.pipeline.enrich import language, places  # noqa: E402
from service.pipeline.enrich.fingerprint import body, simhash  # noqa: E402
from service.pipeline.enrich.groups import group_mentions  # noqa: E402
from service.pipeline.enrich.keyphrases import extract_keyphrases  # noqa: E402
from service.pipeline.enrich.salience import summarize  # noqa: E402
from service.pipeline.nlp import analyze  # noqa: E402
from service.pipeline.normalize import normalize  # noqa: E402


def timed(work) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def startup() -> None:
    rss = psutil.Process().memory_info().rss
    seconds = timed(language.warm_up)
    grown = psutil.Process().memory_info().rss
    print(f"start-up: py3langid model {seconds:.2f} s CPU, +{(grown - rss) / 2**20:.0f} MB RSS")
    seconds = timed(places.warm_up)
    print(f"start-up: GeoNames index {seconds:.2f} s CPU, "
          f"+{(psutil.Process().memory_info().rss - grown) / 2**20:.0f} MB RSS")


def guard_on_english(sample: int, min_confidence: float) -> None:
    """How often the guard would skip an English text: whole articles, and their first lines
    alone (headlines: the short texts the guard must let through)."""
    paths = sorted([*ROOT.glob("examples/*.txt"), *ROOT.glob("tests/fixtures/enrich/*.txt")])
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for kind, items in (("articles", texts), ("first lines", [t.split("\n", 1)[0] for t in texts])):
        foreign = [t[:40] for t in items if language.is_foreign(
            language.identify(t, sample_chars=sample), min_confidence=min_confidence)]
        print(f"English {kind} the guard would skip: {len(foreign)}/{len(items)} {foreign}")


def main(rounds: int) -> None:
    import spacy

    startup()
    nlp = spacy.load(from_environ()["SPACY_MODEL"])
    sample = from_environ()["LANGUAGE_SAMPLE_CHARS"]
    guard_on_english(sample, from_environ()["LANGUAGE_MIN_CONFIDENCE"])
    texts = [normalize(p.read_text(encoding="utf-8")) for p in sorted(ROOT.glob("examples/*.txt"))]
    spent = dict.fromkeys(["ner", "parse", "language", "fingerprint", "places", "keyphrases"], 0.0)
    for _ in range(rounds):
        for norm in texts:
            spent["ner"] += timed(lambda n=norm: analyze(nlp, [n.text], frozenset({"ner"})))
            full = frozenset({"tok2vec", "parser", "ner"})
            started = time.process_time()
            analysis = analyze(nlp, [norm.text], full)[0]
            spent["parse"] += time.process_time() - started
            groups = summarize(analysis.mentions, group_mentions(analysis.mentions), norm.text,
                               norm.sections)
            spent["language"] += timed(
                lambda n=norm: language.identify(n.text, sample_chars=sample))
            spent["fingerprint"] += timed(lambda n=norm: simhash(body(n.text, n.sections)))
            spent["places"] += timed(lambda n=norm, g=groups: places.link(g, n.dateline))
            spent["keyphrases"] += timed(lambda n=norm, a=analysis: extract_keyphrases(
                n.text, a.tokens, a.mentions, limit=10))
    count = rounds * len(texts)
    print(f"{len(texts)} articles x {rounds} rounds; CPU ms per article")
    for stage, seconds in spent.items():
        ratio = f"{seconds / spent['ner']:6.1%} of ner alone, {seconds / spent['parse']:6.1%} of " \
                "tok2vec+parser+ner"
        print(f"  {stage:12s} {seconds / count * 1000:7.2f}  {ratio}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
