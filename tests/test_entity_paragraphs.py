"""An entity the model runs across a paragraph break is trimmed at the break, and of spaces."""

from support.text import paragraphs

from service.pipeline.enrich import within_paragraphs
from service.pipeline.types import Mention

TEXT = "Reported NPR\n\nMilitary leaders met Vladimir Putin."


def test_mention_is_trimmed_at_a_paragraph_break():
    mentions = within_paragraphs([Mention("NPR\n\nMilitary", "ORG", 9, 22)], paragraphs(TEXT))
    assert mentions == [Mention("NPR", "ORG", 9, 12)]


def test_leading_space_is_trimmed_and_a_blank_mention_dropped():
    found = [Mention("\n\nMilitary", "ORG", 12, 22), Mention("\n\n", "ORG", 12, 14)]
    assert within_paragraphs(found, paragraphs(TEXT)) == [Mention("Military", "ORG", 14, 22)]


def test_mentions_within_a_paragraph_are_untouched():
    mentions = [Mention("NPR", "ORG", 9, 12), Mention("Vladimir Putin", "PERSON", 35, 49)]
    assert within_paragraphs(mentions, paragraphs(TEXT)) == mentions
