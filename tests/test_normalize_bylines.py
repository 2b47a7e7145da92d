"""Bylines in the forms papers and wires print them: the line goes, its authors are named."""

import pytest

from service.pipeline.normalize import bylines, normalize

HEADLINE = "Malaria vaccine cuts child deaths in large African trial"
BODY = (
    "A malaria vaccine developed at Oxford reduced deaths among young children by 13 percent in"
    " a large trial in four African countries, researchers reported on Thursday."
)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By John Smith", ["John Smith"]),
        ("BY JOHN SMITH", ["John Smith"]),
        ("By John Smith, Associated Press", ["John Smith"]),
        ("By JOHN SMITH, Associated Press Writer", ["John Smith"]),
        ("BY JOHN SMITH The Associated Press", ["John Smith"]),
        ("By John Smith, Jane Doe and Li Wei", ["John Smith", "Jane Doe", "Li Wei"]),
        ("By John Smith and Jane Doe, CNN", ["John Smith", "Jane Doe"]),
        ("John Smith | Reuters", ["John Smith"]),
        ("By Mark Jensen Staff Writer", ["Mark Jensen"]),
        ("John Smith, Health Correspondent", ["John Smith"]),
        ("Author: John Smith", ["John Smith"]),
        ("By John Smith @jsmith", ["John Smith"]),
        ("By John Smith Jr.", ["John Smith Jr."]),
        ("By María José García", ["María José García"]),
        ("By John Smith on March 4, 2024", ["John Smith"]),
        # dated, and in the other forms of 2008-era pages (shapes of L3S lines, names invented)
        ("Written By JOHN SMITH", ["John Smith"]),
        ("By John Smith January 18, 2008 | 12:11:21 PM", ["John Smith"]),
        ("by John Smith, 30 December 2007", ["John Smith"]),
        ("January 9th, 2008 by John Smith", ["John Smith"]),
        ("16th Jan 2008, 09:28am by John Smith.", ["John Smith"]),
        ("By JOHN SMITH, Associated Press Writer Sat Dec 29, 10:10 AM ET", ["John Smith"]),
        ("By JOHN SMITH, Associated Press Writer 1 hour, 24 minutes ago", ["John Smith"]),
        ("By JOHN SMITH, For The Associated Press", ["John Smith"]),
        ("By John Smith and Jane Doe Monday, January 14th 2008, 11:33 GMT", ["John Smith", "Jane Doe"]),  # noqa: E501
        ("By John A. Smith - Fri, 12/28/2007 - 6:41am.", ["John A. Smith"]),
        ("By: John Smith, THE CANADIAN PRESS", ["John Smith"]),
        ("By: John Smith Last Updated: 1/14/08 11:15 AM ET", ["John Smith"]),
        ("Contributed by John Smith Friday, 28 December 2007", ["John Smith"]),
        ("By John Smith (AP)", ["John Smith"]),
        ("By JOHN SMITH AND JANE DOE", ["John Smith", "Jane Doe"]),
    ],
)
def test_a_byline_names_its_authors_and_goes(byline, authors):
    normalized = normalize(f"{HEADLINE}\n\n{byline}\n\n{BODY}")
    assert normalized.authors == authors
    assert [r.kind for r in normalized.removed] == ["byline"]
    assert normalized.text == f"{HEADLINE}\n\n{BODY}"


# Short title-case headlines from clean L3S articles: each was once taken for a bare byline.
NAME_SHAPED_HEADLINES = [
    "Shuttle Launch Scrubbed",
    "Remembering Dusty Cohl",
    "Hanuman Returns",
    "Djokovic D-Joking Around",
    "Timberlake Appearing in Super Bowl Ad",
    "Om Shanti Om",
]


@pytest.mark.parametrize("headline", NAME_SHAPED_HEADLINES)
def test_a_headline_shaped_like_a_name_over_the_lede_is_the_title(headline):
    normalized = normalize(f"{headline}\n\n{BODY}")
    assert normalized.text == f"{headline}\n\n{BODY}"
    assert normalized.authors == [] and normalized.title == headline


@pytest.mark.parametrize("headline", NAME_SHAPED_HEADLINES)
def test_under_a_headline_a_bare_name_is_still_a_byline(headline):
    normalized = normalize(f"{headline}\n\nJane Doe\n\n{BODY}")
    assert normalized.authors == ["Jane Doe"] and normalized.title == headline


@pytest.mark.parametrize(
    ("line", "lede"),
    [
        ("Shuttle Launch Scrubbed", "NASA has scrubbed the launch of the shuttle Atlantis again."),
        ("Remembering Dusty Cohl", "Dusty Cohl started his adult life as a development lawyer."),
        ("Andy Murray", "Andy Murray lost in the first round on Tuesday in Doha."),  # a kicker
    ],
)
def test_under_a_menu_a_name_shaped_line_the_lede_tells_again_is_no_byline(line, lede):
    """Under furniture the first-line rule does not apply; the lede repeating the line's words
    says it is the story's headline, not its writer."""
    body = f"{lede} Officials said more details would follow later in the week, she added."
    normalized = normalize(f"Home\n\nSport\n\n{line}\n\n{body}\n\n{BODY}", cleaning="rules")
    assert line in normalized.text and normalized.authors == []


@pytest.mark.parametrize(
    ("byline", "author"),
    [("Angela Giuffrida in Rome", "Angela Giuffrida"), ("Jeff White", "Jeff White")],
)
def test_a_byline_whose_one_word_recurs_in_the_lede_is_still_a_byline(byline, author):
    lede = "The White House said on Monday that talks in Rome would resume, officials said."
    normalized = normalize(f"{HEADLINE}\n\n{byline}\n\n{lede}\n\n{BODY}")
    assert normalized.authors == [author] and byline not in normalized.text


@pytest.mark.parametrize(
    "line",
    [
        "By Christmas Eve.",
        "Associated Press Writer",
        "By Tuesday Night, 40 people had been evacuated.",  # a date after a name-shaped phrase
        "By May 5, the team had left.",
        "By 2010 the plan was dead.",
        "Reviewed by the committee last year",  # a credit's lead-in, but no names follow
        "1999 by Will Smith",  # a number before "by" is no date: a song and its singer
    ],
)
def test_prose_and_an_outlet_alone_name_no_author(line):
    normalized = normalize(f"{HEADLINE}\n\n{line}\n\n{BODY}")
    assert normalized.authors == []
    assert line in normalized.text or line.endswith("Writer")


@pytest.mark.parametrize(
    "credit", ["Medically reviewed by Jane Doe, MD, FACC", "— Fact checked by John Smith"]
)
def test_a_reviewers_credit_goes_and_names_no_author(credit):
    normalized = normalize(f"{HEADLINE}\n\nBy Ann Lee\n\n{credit}\n\n{BODY}")
    assert normalized.authors == ["Ann Lee"] and credit not in normalized.text


COMMENTS = [
    "Great piece, thanks for writing it.",
    "Posted by: Ann Reader | January 14, 2008 06:24 PM",
    "I disagree with most of this, frankly.",
    "Posted by: Bob Reader | January 14, 2008 08:53 PM",
]


def test_a_readers_dated_signatures_under_the_article_name_no_author():
    normalized = normalize("\n\n".join([HEADLINE, "By Jane Doe", BODY, *COMMENTS]))
    assert normalized.authors == ["Jane Doe"]
    assert "Posted by" not in normalized.text and "Great piece" in normalized.text


def test_a_post_signed_at_its_end_names_its_author_and_not_its_commenters():
    signature = "Posted by Jane Doe at 4:15 PM"
    normalized = normalize("\n\n".join([HEADLINE, BODY, signature, *COMMENTS]))
    assert normalized.authors == ["Jane Doe"] and "Posted by" not in normalized.text


def test_a_credit_line_of_any_length_costs_work_in_proportion(monkeypatch):
    """Looking for an outlet after a name looks at a few words, never every split of the line."""
    looked_at = []
    judge = bylines._is_outlet_or_role
    monkeypatch.setattr(
        bylines, "_is_outlet_or_role", lambda text: looked_at.append(len(text)) or judge(text)
    )
    line = "Reporting by " + " ".join(["John"] * 2_000)
    assert bylines.parse_byline(line) is None
    assert sum(looked_at) <= 2 * len(line)
