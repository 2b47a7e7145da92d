"""Loading a 20,000-pattern gazetteer, and what it adds to an entities-only request.

    .venv/bin/python bench/gazetteer_load.py [PATTERNS]

Writes PATTERNS phrase patterns (two or three capitalised words drawn from examples/, like the
names of a newsroom's tag list) to a temporary JSON-lines file and loads it twice into fresh
copies of the model: as the service does (service/pipeline/gazetteer.py: the other components
off while the patterns are tokenized) and with spaCy's default (every component before the
ruler runs over every pattern). Then `ner` over examples/ with and without the ruler. CPU time.
"""

import random
import sys
import tempfile
import time
from pathlib import Path

import orjson
import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.config import from_environ  # noqa: E402
from service.pipeline.gazetteer import NAME, add_gazetteer  # noqa: E402
from service.pipeline.nlp import analyze  # noqa: E402


def patterns(count: int) -> list[dict]:
    words = sorted({w.strip(".,“”\"'()") for p in ROOT.glob("examples/*.txt")
                    for w in p.read_text(encoding="utf-8").split() if w[:1].isupper()})
    pick = random.Random(15)
    return [{"label": "ORG", "pattern": " ".join(pick.sample(words, pick.choice((2, 3)))),
             "id": f"tag-{n}"} for n in range(count)]


def cpu(work) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def main(count: int) -> None:
    model = from_environ()["SPACY_MODEL"]
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl") as file:
        file.write(b"\n".join(orjson.dumps(p) for p in patterns(count)))
        file.flush()
        service_nlp = spacy.load(model)
        fast = cpu(lambda: add_gazetteer(service_nlp, file.name))
    default_nlp = spacy.load(model)
    ruler = default_nlp.add_pipe("entity_ruler", name=NAME, before="ner")
    slow = cpu(lambda: ruler.add_patterns(patterns(count)))
    print(f"{count} patterns: {fast:.2f} s CPU with the other components off, "
          f"{slow:.2f} s with spaCy's default ({slow / fast:.1f}x)")
    plain = spacy.load(model)
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("examples/*.txt"))]
    ner = frozenset({"ner"})
    without = sum(cpu(lambda t=t: analyze(plain, [t], ner)) for t in texts * 3)
    with_ruler = sum(cpu(lambda t=t: analyze(service_nlp, [t], ner)) for t in texts * 3)
    print(f"entities-only model stage over examples/ x 3: {with_ruler / without:.2f}x "
          f"with the gazetteer ({with_ruler:.2f} s against {without:.2f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
