"""An entity the model runs across a paragraph break is trimmed at the break."""

from service.pipeline.enrich import within_paragraphs
from service.pipeline.types import Mention


def test_mention_is_trimmed_at_a_paragraph_break():
    mentions = within_paragraphs([Mention("NPR\n\nMilitary", "ORG", 9, 22)])
    assert mentions == [Mention("NPR", "ORG", 9, 12)]


def test_mentions_within_a_paragraph_are_untouched():
    mentions = [Mention("NPR", "ORG", 9, 12), Mention("Vladimir Putin", "PERSON", 20, 34)]
    assert within_paragraphs(mentions) == mentions
