"""Finding quotations in text: marks, paragraphs, scare quotes; no model needed."""

import pytest
from support.text import paragraphs

from service.pipeline.enrich.quotes import find_quotes

UNCLOSED = "He said “this is never closed here.\n\nNext paragraph."
SHORT = "“We’ll see,” Schumer said."


def quoted(text):
    spans, _ = find_quotes(text, paragraphs(text))
    return [text[q.start : q.end] for q in spans if not q.short]


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready to talk," Smith said.',
        "“We are ready to talk,” Smith said.",
        "Smith said: “We are ready to talk,”",
        "Smith said: „We are ready to talk,“",
        "'We are ready to talk,' Smith said.",
        "‘We are ready to talk,’ Smith said.",
    ],
)
def test_straight_curly_and_single_marks(text):
    assert quoted(text) == ["We are ready to talk,"]


def test_a_paragraph_that_opens_a_quote_continues_into_the_next():
    text = "“First part of it.\n\n“Second part of it.” Smith said."
    assert quoted(text) == ["First part of it.\n\n“Second part of it."]


def test_an_unclosed_quote_ends_with_its_paragraph_and_warns():
    spans, notices = find_quotes(UNCLOSED, paragraphs(UNCLOSED))
    assert [s.closed for s in spans] == [False]
    assert [n.code for n in notices] == ["unclosed_quote"]


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “peace plan” was rejected.",
        "NATO’s ‘Namejs 2021’ military exercises.",
        "Her book “The Anxious Generation” sold well.",
        "It’s the players’ union and the fans’ club that don’t agree.",
    ],
)
def test_scare_quotes_titles_and_apostrophes_are_not_quotations(text):
    assert quoted(text) == []


def test_a_short_utterance_is_kept_for_the_parser_to_confirm():
    spans, _ = find_quotes(SHORT, paragraphs(SHORT))
    assert [(s.short, s.start, s.end) for s in spans] == [(True, 1, 11)]


def test_a_stray_opening_mark_inside_a_quote_closes_it():
    text = "is “to show the West that we are serious “on the military organization."
    assert quoted(text) == ["to show the West that we are serious", "on the military organization."]


def test_quotes_in_two_paragraphs_are_separate():
    text = "“One two three,” he said.\n\n“Four five six,” she said."
    assert quoted(text) == ["One two three,", "Four five six,"]


def test_a_low_opening_mark_is_closed_by_the_high_one():
    # „German style“: the “ that closes must not open a second quotation of what follows.
    text = "„We will not give up“, Merkel said, and „the country stands together“ as one."
    assert quoted(text) == ["We will not give up", "the country stands together"]
