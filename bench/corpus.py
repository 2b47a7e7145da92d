"""The bench corpus: the shared samples plus the articles in bench/corpus/, as raw text."""

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    words: int  # whitespace-separated words of the raw text: the unit of every words/s figure


def samples_dir() -> Path:
    """`../shared/samples` next to the checkout (worktrees sit one level deeper)."""
    for parent in REPO.parents:
        if (parent / "shared" / "samples").is_dir():
            return parent / "shared" / "samples"
    raise FileNotFoundError("no shared/samples directory next to the checkout")


def load_corpus() -> list[Article]:
    """Every article, sorted by name, so every run sends the same texts in the same order."""
    paths = sorted(samples_dir().glob("*.txt")) + sorted((HERE / "corpus").glob("*.txt"))
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in paths]
    return [Article(name, text, len(text.split())) for name, text in texts]
