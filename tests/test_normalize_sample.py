"""The canonical sample (examples/npr-nato-russia-talks.txt) read as an article."""

import pytest

from service.pipeline.normalize import normalize

TITLE = "NATO, Russia in high-level talks on Ukraine amid fears of Russian invasion"
CAPTION = "Military vehicles and tanks from Poland, Italy, Canada and the United States roll in"


@pytest.fixture(scope="module")
def normalized(sample_text):
    return normalize(sample_text)


@pytest.fixture(scope="module")
def enriched(model_app, sample_text):
    response = model_app.test_client().post(
        "/v1/enrich", data=sample_text.encode(), content_type="text/plain"
    )
    assert response.status_code == 200
    return response.json


def test_title_and_publisher_come_from_the_headline(normalized):
    assert (normalized.title, normalized.publisher) == (TITLE, "NPR")
    assert normalized.text.startswith(TITLE + "\n\n")


def test_dateline_is_located_in_the_text(normalized):
    dateline = normalized.dateline
    assert (dateline.location, dateline.agency) == ("BRUSSELS", "AP")
    assert normalized.text[dateline.start : dateline.end] == "BRUSSELS"


def test_caption_is_kept_once_and_labelled(normalized):
    assert normalized.text.count(CAPTION) == 1
    captions = [s for s in normalized.sections if s.kind == "caption"]
    assert len(captions) == 1
    assert normalized.text[captions[0].start : captions[0].end].startswith(CAPTION)


@pytest.mark.parametrize(
    "line", ["Roman Koksarov", "hide caption", "toggle legend", "Leave a Comment", ": NPR"]
)
def test_furniture_is_not_in_the_text(normalized, line):
    assert line not in normalized.text


def test_every_removal_is_reported_with_its_raw_text(normalized, sample_text):
    kinds = sorted({r.kind for r in normalized.removed})
    assert kinds == [
        "caption_control",
        "comment_prompt",
        "duplicate",
        "photo_credit",
        "publisher_suffix",
    ]
    for removed in normalized.removed:
        assert sample_text[removed.source.start : removed.source.end] == removed.text


@pytest.mark.model
def test_no_entity_crosses_a_paragraph_break(enriched):
    assert enriched["entities"]
    assert not [e["text"] for e in enriched["entities"] if "\n" in e["text"]]


@pytest.mark.model
def test_caption_entities_are_counted_once(enriched):
    assert [e["text"] for e in enriched["entities"]].count("Kadaga") == 1


@pytest.mark.model
def test_metadata_is_in_the_response(enriched):
    assert (enriched["title"], enriched["publisher"]) == (TITLE, "NPR")
    assert enriched["dateline"]["location"] == "BRUSSELS"
    assert {s["kind"] for s in enriched["sections"]} == {"title", "caption", "dateline"}
