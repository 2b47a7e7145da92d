"""Captions keep their words and lose their credits, in the formats sites print them."""

import pytest

from service.pipeline.normalize import normalize

HEADLINE = "Wildfire forces thousands to flee in northern Canada"
BEFORE = (
    "Thousands of residents streamed out of Yellowknife on Thursday after officials ordered the"
    " evacuation of the territorial capital as a wildfire burned nearby."
)
AFTER = (
    "The order gave the city's roughly 20,000 residents until noon on Friday to leave, officials"
    " said at a news conference in the city."
)
CAPTION = "Smoke rises over the highway south of the city on Thursday."
CREDITS = [
    " (Photo by Jane Doe/Getty Images)", " Photo: Jane Doe/AP", " Jane Doe/Reuters",
    " Credit: Jane Doe", " (Image credit: Reuters)", " Picture: Jane Doe",
    " Photograph: Jane Doe/The Guardian", " | Getty Images", " Jane Doe | Reuters | Getty",
    " (AP Photo/Jane Doe)", " (Jane Doe/The Canadian Press via AP)", " [Jane Doe/Reuters]",
    " © Jane Doe", " PHOTO: JANE DOE/AFP", " Jane Doe / AFP via Getty Images",
    " (Courtesy of the City of Yellowknife)", "\nImage copyright Reuters",
    "\nJane Doe, Reuters", "\nJane Doe, file", "\nJane Doe (AAP)", "\nJane Doe © Action Images",
]


@pytest.mark.parametrize("credit", CREDITS)
def test_a_caption_keeps_its_words_and_loses_its_credit(credit):
    normalized = normalize(f"{HEADLINE}\n\n{BEFORE}\n\n{CAPTION}{credit}\n\n{AFTER}")
    assert normalized.text == f"{HEADLINE}\n\n{BEFORE}\n\n{CAPTION}\n\n{AFTER}"
    assert [r.kind for r in normalized.removed] == ["photo_credit"]


@pytest.mark.parametrize(
    "ending",
    [" The deal was agreed in Geneva. Reuters reported it first.",
     " He described the image: a man standing alone in the rain.",
     " The painting is on loan (courtesy of the museum).",
     " [M1 SP / MP / MP3]"],  # kotaku.com: the games a paragraph retells, not a photographer
)
def test_prose_that_ends_like_a_credit_stays(ending):
    text = f"{HEADLINE}\n\n{BEFORE}{ending}\n\n{AFTER}"
    assert normalize(text).text == text


def test_an_msn_credit_goes_alone_and_stays_when_the_lede_is_glued_to_it():
    """MSN prints "© Provided by Outlet" over its captions; scrapers often run the lede on
    from it (readability's businessinsider.com page), and then none of it is a footer."""
    credit = "© Provided by Business Insider Inc"
    alone = normalize(f"{HEADLINE}\n\n{credit}\n\n{BEFORE}\n\n{AFTER}")
    assert alone.text == f"{HEADLINE}\n\n{BEFORE}\n\n{AFTER}"
    assert [r.kind for r in alone.removed] == ["photo_credit"]
    glued = f"{HEADLINE}\n\n{credit} Nintendo/Apple {BEFORE}\n\n{AFTER}"
    assert normalize(glued).text == glued
