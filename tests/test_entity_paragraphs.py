"""An entity the model runs across a paragraph break is trimmed at the break."""

from service.pipeline.enrich import locate_entities
from service.pipeline.normalize import normalize
from service.pipeline.types import Analysis, Mention


def test_mention_is_trimmed_at_a_paragraph_break():
    normalized = normalize("Talks at NPR\n\nMilitary vehicles rolled in.")
    mention = Mention("NPR\n\nMilitary", "ORG", 9, 22)
    entities = locate_entities(Analysis([mention], [], 0), normalized)
    assert [(e.text, e.start, e.end) for e in entities] == [("NPR", 9, 12)]
    assert entities[0].source.end == 12


def test_mentions_within_a_paragraph_are_untouched():
    normalized = normalize("Talks at NPR today.")
    entities = locate_entities(Analysis([Mention("NPR", "ORG", 9, 12)], [], 0), normalized)
    assert [(e.text, e.start, e.end) for e in entities] == [("NPR", 9, 12)]
