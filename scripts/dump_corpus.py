"""Dump the pipeline's entities, sentences, quotes and offsets for the corpus, one JSON file.

    python scripts/dump_corpus.py OUT.json      # run on two commits, then diff the files

Compares a change that must not alter normal articles (issue 17: chunking, run splitting).
"""

import json
import sys
from pathlib import Path

from service.config import from_environ
from service.pipeline import Pipeline
from service.pipeline.types import Article, Options

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[Path]:
    """The sample articles and the enrichment fixtures."""
    return sorted(ROOT.glob("examples/*.txt")) + sorted(ROOT.glob("tests/fixtures/enrich/*.txt"))


def main() -> None:
    """Write {file: {text, entities, sentences, quotes, removed}} to argv[1]."""
    pipeline = Pipeline.from_config(from_environ())
    out = {}
    for path in corpus():
        article = Article(path.name, path.read_text(), Options())
        result = pipeline.run([article])[0]
        out[path.relative_to(ROOT).as_posix()] = {
            "text": result.text,
            "entities": [repr(e) for e in result.entities],
            "sentences": [repr(s) for s in result.sentences],
            "quotes": [repr(q) for q in result.quotes],
            "groups": [repr(g) for g in result.groups],
            "removed": [repr(r) for r in result.removed],
            "stats": repr(result.stats),
        }
    Path(sys.argv[1]).write_text(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
