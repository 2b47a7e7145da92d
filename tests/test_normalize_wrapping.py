"""Hard-wrapped text cleans as the same article: no line that wrapping cut off is removed."""

import textwrap

import pytest
from support.examples import EXAMPLE_ARTICLES

from service.pipeline.normalize import MODES, normalize


def wrapped(text: str, width: int) -> str:
    """Each paragraph hard-wrapped at `width` columns, as a terminal feed or an e-mail is."""
    return "\n\n".join(
        textwrap.fill(paragraph, width, break_long_words=False, break_on_hyphens=False)
        for paragraph in text.split("\n\n")
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", range(50, 92, 4))
def test_every_example_wrapped_at_any_width_keeps_the_same_words(mode, width):
    changed = []
    for path in EXAMPLE_ARTICLES:
        text = path.read_text(encoding="utf-8")
        want = normalize(text, cleaning=mode).text.split()
        if normalize(wrapped(text, width), cleaning=mode).text.split() != want:
            changed.append(path.name)
    assert changed == []


@pytest.mark.parametrize(
    ("raw", "tail"),
    [
        # A date or a score that a wrap or a scraper's line break left alone on its line.
        ("If no challenge is filed, Ruto is scheduled to be sworn in on\nAugust 30.",
         "sworn in on August 30."),
        ("The court will rule on the appeal, the registrar said, no later than\n5 May 2024.",
         "no later than 5 May 2024."),
    ],
)
def test_a_date_finishing_an_open_sentence_is_the_articles(raw, tail):
    normalized = normalize(raw)
    assert normalized.text.endswith(tail)
    assert normalized.removed == []


@pytest.mark.parametrize("raw", ["Sponsored by\nAcme Inc.", "Share on\nFacebook"])
def test_a_short_open_line_is_still_furniture(raw):
    """Furniture ends on "by" and "on" too: a line that short is not a sentence left open."""
    assert normalize(raw).text == ""


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        # Wrapping software breaks at a hyphen already there; only a typesetter adds one.
        ("The record was a 20-\nyear-old mark", "a 20-year-old mark"),
        ("They won the three-\ngame series", "the three-game series"),
        ("in a preaching-from-the-\npulpit tone", "a preaching-from-the-pulpit tone"),
        ("His triple-\ndouble was one of two triple-doubles", "His triple-double was"),
        ("The well-\nknown author and a well-known critic", "The well-known author"),
        ("They oppose both pro-\nand anti-war groups", "both pro- and anti-war groups"),
        # Hyphenation inside a word is undone.
        ("The inter-\nnational community", "The international community"),
    ],
)
def test_a_word_split_at_a_line_end_joins_with_its_hyphen_only_if_it_had_one(raw, joined):
    assert joined in normalize(raw, cleaning="rules").text


ROWS = [
    "Email this story | Print | Share on Facebook",
    "Home | News | Sport | Business | Weather | Contact us",
    "del.icio.us | Digg it | Reddit | Newsvine | Fark",
]


@pytest.mark.parametrize("rows", [1, 2, 3])
def test_a_page_of_long_furniture_lines_is_not_hard_wrapped_prose(rows):
    """Share rows and menus end near one column, open-ended, as wrapped prose does; counted
    as wrapping, they joined a short sentence to the footer above it, and it went with it."""
    sentence = "Police said the road would reopen."
    footer = "© 2008 The Daily Record and its partners. All rights reserved."
    lines = [*ROWS[:rows], footer, sentence, *ROWS]
    assert sentence in normalize("\n".join(lines)).text
