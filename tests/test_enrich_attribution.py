"""One test per attribution rule, with the production model: text in, speaker out."""

import re

import pytest

from service.pipeline.enrich import speech
from service.pipeline.types import Tokens

pytestmark = pytest.mark.model


def speakers(client, text):
    body = client.post(
        "/v1/enrich", json={"text": text, "options": {"include": ["quotes", "groups"]}}
    ).json
    names = {g["id"]: g["name"] for g in body["groups"]}
    return [
        None if q["speaker"] is None else names.get(q["speaker"]["group"], q["speaker"]["text"])
        for q in body["quotes"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will not back down from this fight," Maria Lopez said on Monday.', "Maria Lopez"),
        (
            "“We will not back down from this fight,” said Maria Lopez, the union leader.",
            "Maria Lopez",
        ),
        ("Maria Lopez said: “We will not back down from this fight.”", "Maria Lopez"),
        ("Union leader Maria Lopez told reporters: “We will not back down.”", "Maria Lopez"),
        ("“We will not back down,” Maria Lopez added.", "Maria Lopez"),
        ("“Will you back down now?” asked Maria Lopez.", "Maria Lopez"),
        ("“We will not back down,” Maria Lopez wrote on Facebook.", "Maria Lopez"),
        ("According to Maria Lopez, “the union will not back down.”", "Maria Lopez"),
        ("Maria Lopez says the union is “not going to back down.”", "Maria Lopez"),
    ],
    ids=[
        "said-after",
        "said-inverted",
        "colon",
        "title-told",
        "added",
        "asked",
        "wrote",
        "according-to",
        "partial-says",
    ],
)
def test_speech_verbs_in_either_order(client, text, expected):
    assert speakers(client, text) == [expected]


def test_a_pronoun_is_the_person_last_named_as_subject(client):
    text = (
        "Maria Lopez leads the union. Talks with John Carter broke down on Friday.\n\n"
        "Lopez was furious. “We will not back down from this,” she said."
    )
    assert speakers(client, text) == ["Maria Lopez"]


def test_a_second_quote_in_the_paragraph_keeps_the_speaker(client):
    text = "“We will not back down,” Maria Lopez said. “Not now and not ever, believe me.”"
    assert speakers(client, text) == ["Maria Lopez", "Maria Lopez"]


def test_a_paragraph_of_quote_continues_the_previous_speaker(client):
    text = (
        "“We will not back down from this,” said Maria Lopez.\n\n"
        "“The members have spoken and they are united.”"
    )
    assert speakers(client, text) == ["Maria Lopez", "Maria Lopez"]


def test_a_quote_across_paragraphs_is_one_quote(client):
    text = (
        "Maria Lopez said: “We will not back down from this fight.\n\n"
        "“The members have spoken and they are united.”"
    )
    assert speakers(client, text) == ["Maria Lopez"]


def test_the_company_is_the_organisation_last_named(client):
    text = (
        "Acme Corporation reported a loss on Tuesday. “We expect a better year ahead,” "
        "the company said in a statement."
    )
    assert speakers(client, text) == ["Acme Corporation"]


def test_an_unattributable_quote_has_no_speaker(client):
    assert speakers(client, "The sign read “Closed until further notice, sorry.”") == [None]


def test_a_short_quote_needs_a_speech_verb(client):
    text = "“We’ll see,” Chuck Schumer said. Critics call it a “dead end” and worse."
    assert speakers(client, text) == ["Chuck Schumer"]


def test_a_pronoun_skips_a_person_the_text_shows_as_the_other_gender(client):
    text = (
        "Anna Schmidt says she will run again. Peter Braun said his party would fight her.\n\n"
        "“We will win this time, whatever it takes,” she said."
    )
    assert speakers(client, text) == ["Anna Schmidt"]


def test_without_gender_evidence_the_nearest_subject_wins(client):
    text = (
        "Anna Schmidt will run again. Peter Braun will fight.\n\n"
        "“We will win this time, whatever it takes,” she said."
    )
    assert speakers(client, text) == ["Peter Braun"]


MARKS = {"straight": '""', "curly": "“”", "single": "‘’", "guillemets": "«»", "low-high": "„“",
         "straight single": "''"}
SPEAKER_FORMS = {"surname": "Merkel", "full name": "Angela Merkel", "pronoun": "she",
                 "description": "the chancellor"}
LEAD = "Angela Merkel, the German chancellor, spoke in Berlin on Monday."
SPOKEN = "We will not give up on the people of this country"


def _forms(opening: str, closing: str, speaker: str) -> dict[str, str]:
    quote, subject = f"{opening}{SPOKEN},{closing}", speaker[0].upper() + speaker[1:]
    return {
        "said after": f"{LEAD} {quote} {speaker} said.",
        "speaker first": f"{LEAD} {subject} said: {opening}{SPOKEN}.{closing}",
        "split by the verb": f"{LEAD} {quote} {speaker} said, {opening}and we never will.{closing}",
        "told": f"{LEAD} {quote} {speaker} told reporters.",
        "next paragraph": f"{LEAD}\n\n{quote} {speaker} said.",
    }


@pytest.mark.parametrize("marks", MARKS.values(), ids=MARKS.keys())
@pytest.mark.parametrize("speaker", SPEAKER_FORMS.values(), ids=SPEAKER_FORMS.keys())
def test_every_mark_speaker_and_order_is_attributed_to_the_person(client, marks, speaker):
    """A generated family: 6 kinds of marks x 4 ways to name the speaker x 5 orders."""
    wrong = {}
    for form, text in _forms(*marks, speaker).items():
        found = speakers(client, text)
        quotes = 2 if form == "split by the verb" else 1
        if found != ["Angela Merkel"] * quotes:
            wrong[form] = found
    assert wrong == {}


@pytest.mark.parametrize("text", [
    "The Governor said: “We will rebuild.”",
    "İSTANBUL — Governor İlhan said so.",
    "ΟΔΥΣΣΕΑΣ ΣΑΣ.ΣΟΦΙΑ said so.",
    "ſome STRASSE ﬁles",
])
def test_tokens_lower_cased_as_each_alone(text):
    # speech._lower_tokens lower-cases the text once when that slices the same; here with
    # characters that lower-case to two, and capital sigmas that look at their neighbours.
    found = list(re.finditer(r"\w+|[^\w\s]", text))  # "ΣΑΣ", ".", "ΣΟΦΙΑ": a sigma ends a token
    starts, ends = [m.start() for m in found], [m.end() for m in found]
    tokens = Tokens(tuple(starts), tuple(ends), ("dep",) * len(starts),
                    tuple(range(len(starts))), (0,) * len(starts))
    plain = [text[start:end].lower() for start, end in zip(starts, ends, strict=True)]
    assert speech._lower_tokens(text, tokens) == plain
