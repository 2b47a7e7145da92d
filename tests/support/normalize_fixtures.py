"""Scraped-article fixtures for normalization, written in a small markup.

`article` is the page as a scraper hands it over, with every span normalization must remove
written `{kind|text}`. The raw input is the article with the braces dropped; the expected
text is the article with the marked spans dropped, one paragraph per remaining line (lines a
scraper wrapped are joined when the fixture says `wrapped: true`), unless `text` gives it.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DIRECTORY = Path(__file__).resolve().parents[1] / "fixtures" / "normalize"
_MARK = re.compile(r"\{([a-z_]+)\|([^{}]*)\}")
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+")


@dataclass(frozen=True)
class Fixture:
    name: str
    raw: str
    text: str
    removed: list[tuple[str, int, int]]  # kind, raw start, raw end of every marked span
    meta: dict = field(default_factory=dict)

    @property
    def sentences(self) -> list[str]:
        """Every sentence of the expected text: each must survive normalization."""
        return [s for p in self.text.split("\n\n") for s in _SENTENCE_END.split(p) if s]


def load(path: Path) -> Fixture:
    """One fixture file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    article = data.pop("article")
    raw_parts, removed, position, offset = [], [], 0, 0
    for mark in _MARK.finditer(article):
        raw_parts.append(article[position : mark.start()])
        offset += mark.start() - position
        removed.append((mark[1], offset, offset + len(mark[2])))
        raw_parts.append(mark[2])
        offset += len(mark[2])
        position = mark.end()
    raw = "".join(raw_parts) + article[position:]
    text = data.pop("text", None) or _expected_text(_MARK.sub("", article), data.get("wrapped"))
    return Fixture(path.stem, raw, text.strip(), removed, data)


def _expected_text(article: str, wrapped: bool) -> str:
    if wrapped:
        blocks = re.split(r"\n\s*\n", article)
        lines = [" ".join(block.split()) for block in blocks]
    else:
        lines = [" ".join(line.split()) for line in article.splitlines()]
    return "\n\n".join(line for line in lines if line)


def load_all() -> list[Fixture]:
    """Every fixture, by file name."""
    return [load(path) for path in sorted(DIRECTORY.glob("*.yaml"))]
