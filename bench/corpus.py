"""The bench corpus: the articles in examples/, as raw text."""

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    words: int  # whitespace-separated words of the raw text: the unit of every words/s figure


EXAMPLES = REPO / "examples"
SAMPLE = EXAMPLES / "npr-nato-russia-talks.txt"


def load_corpus() -> list[Article]:
    """Every article, sorted by name, so every run sends the same texts in the same order."""
    paths = sorted(EXAMPLES.glob("*.txt"))
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in paths]
    return [Article(name, text, len(text.split())) for name, text in texts]
