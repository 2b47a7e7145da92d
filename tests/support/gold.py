"""Precision and recall of quote attribution and entity grouping on the hand-built gold.

tests/test_enrich_gold.py holds them to targets; bench/score_enrich.py prints them.

Each `tests/fixtures/enrich/NAME.txt` has `NAME.json`: `groups` (lists of surface forms that
name one thing), `quotes` (`text`: how the quotation starts; `speaker`: a name or a list of
acceptable names) and optionally `not_quotes` (scare quotes that must not be reported).
A speaker is right when its group's name (or, without a group, its text) equals a gold name,
ignoring case and a leading article. Attribution precision counts every quote reported with a
speaker, including quotes that are not in the gold; recall counts every gold quote.
Grouping is scored over pairs of entity mentions whose text is a gold surface form.
"""

import json
from itertools import combinations
from pathlib import Path

from service.pipeline import Pipeline
from service.pipeline.types import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "enrich"
ARTICLES = ("the ", "a ", "an ")


def plain(name: str) -> str:
    """A name compared without case, a leading article or a possessive ending."""
    name = " ".join(name.split()).casefold()
    for article in ARTICLES:
        name = name.removeprefix(article)
    return name.removesuffix("’s").removesuffix("'s")


def score_quotes(result, gold: dict, verbose: bool) -> dict[str, int]:
    """Counts for one article: reported, attributed, correct, gold, found, scare quotes kept."""
    names = {g.id: g.name for g in result.groups}
    unmatched = list(result.quotes)
    counts = dict.fromkeys(("reported", "attributed", "correct", "gold", "found", "scare"), 0)
    counts["reported"] = len(result.quotes)
    counts["attributed"] = sum(q.speaker is not None for q in result.quotes)
    for expected in gold["quotes"]:
        counts["gold"] += 1
        quote = next(
            (q for q in unmatched if plain(q.text).startswith(plain(expected["text"]))), None
        )
        if quote is None:
            if verbose:
                print(f"  missed quote: {expected['text']!r}")
            continue
        unmatched.remove(quote)
        counts["found"] += 1
        wanted = expected["speaker"]
        wanted = {plain(w) for w in ([wanted] if isinstance(wanted, str) else wanted)}
        speaker = quote.speaker
        got = None if speaker is None else names.get(speaker.group, speaker.text)
        if got is not None and plain(got) in wanted:
            counts["correct"] += 1
        elif verbose:
            print(f"  wrong speaker for {expected['text']!r}: {got!r}, want {sorted(wanted)}")
    for scare in gold.get("not_quotes", ()):
        counts["scare"] += any(plain(q.text).startswith(plain(scare)) for q in result.quotes)
    if verbose:
        for quote in unmatched:
            print(f"  extra quote: {quote.text[:50]!r} -> {quote.speaker}")
    return counts


def score_groups(result, gold: dict) -> dict[str, int]:
    """Pairs of gold-named mentions: together in the output, together in the gold, both."""
    cluster_of = {
        plain(form): index for index, forms in enumerate(gold["groups"]) for form in forms
    }
    named = [
        (cluster_of[plain(e.text)], e.group) for e in result.entities if plain(e.text) in cluster_of
    ]
    counts = {"predicted_pairs": 0, "gold_pairs": 0, "both": 0}
    for (gold_a, ours_a), (gold_b, ours_b) in combinations(named, 2):
        counts["predicted_pairs"] += ours_a == ours_b
        counts["gold_pairs"] += gold_a == gold_b
        counts["both"] += ours_a == ours_b and gold_a == gold_b
    return counts


def score(pipeline: Pipeline, fixtures: Path, *, verbose: bool = False) -> dict[str, float]:
    """Totals over every fixture in `fixtures`, plus the precision and recall figures."""
    totals: dict[str, float] = {"articles": 0}
    for path in sorted(fixtures.glob("*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        if verbose:
            print(path.stem)
        result = pipeline.run([Article(path.stem, path.read_text(encoding="utf-8"))])[0]
        totals["articles"] += 1
        for name, value in {
            **score_quotes(result, gold, verbose),
            **score_groups(result, gold),
        }.items():
            totals[name] = totals.get(name, 0) + value
    t = totals
    t["attribution_precision"] = t["correct"] / max(t["attributed"], 1)
    t["attribution_recall"] = t["correct"] / max(t["gold"], 1)
    t["detection_precision"] = t["found"] / max(t["reported"], 1)
    t["detection_recall"] = t["found"] / max(t["gold"], 1)
    t["grouping_precision"] = t["both"] / max(t["predicted_pairs"], 1)
    t["grouping_recall"] = t["both"] / max(t["gold_pairs"], 1)
    return totals
