"""Plain values from the model -> what the response reports; no spaCy objects here."""

from .normalize import Normalized
from .types import Analysis, Entity, Stats


def locate_entities(analysis: Analysis, normalized: Normalized) -> list[Entity]:
    """Entities with offsets into both the normalized text and the raw input."""
    to_source = normalized.offsets.to_source
    return [
        Entity(m.text, m.label, m.start, m.end, to_source(m.start, m.end))
        for m in analysis.mentions
    ]


def count(analysis: Analysis, text: str) -> Stats:
    """Simple statistics of the normalized text."""
    paragraphs = text.count("\n\n") + 1 if text else 0
    return Stats(len(text), analysis.words, len(analysis.sentences), paragraphs)
