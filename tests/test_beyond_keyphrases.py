"""Key phrases: ranked noun phrases of the article, none only an entity already reported."""

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def phrases(model_app, sample_text):
    options = {"include": ["entities", "keyphrases"]}
    return model_app.test_client().post(
        "/v1/enrich", json={"text": sample_text, "options": options}).json


def test_phrases_are_ranked_best_first(phrases):
    scores = [k["score"] for k in phrases["keyphrases"]]
    assert len(scores) == 10 and scores[0] == 1.0 and scores == sorted(scores, reverse=True)


def test_each_phrase_is_the_text_at_its_offsets(phrases):
    text = phrases["text"]
    assert all(text[k["start"] : k["end"]] == k["text"] for k in phrases["keyphrases"])


def test_the_articles_subject_is_among_them(phrases):
    assert "Russian invasion" in {k["text"] for k in phrases["keyphrases"]}


def test_no_phrase_is_about_a_reported_entity(phrases):
    people = [e for e in phrases["entities"] if e["label"] == "PERSON"]
    for phrase in phrases["keyphrases"]:
        assert not any(e["start"] < phrase["end"] <= e["end"] for e in people), phrase


def test_no_phrase_repeats_a_better_ones_words(phrases):
    words = [set(k["text"].lower().split()) for k in phrases["keyphrases"]]
    assert not any(later <= earlier for i, earlier in enumerate(words) for later in words[i + 1 :])


def test_offsets_follow_the_requested_encoding(client):
    text = "Émigré 🎉 writers said the new housing policy failed. The housing policy was costly."
    options = {"include": ["keyphrases"], "offsets": "utf16"}
    answer = client.post("/v1/enrich", json={"text": text, "options": options}).json
    units = answer["text"].encode("utf-16-le")
    for phrase in answer["keyphrases"]:
        assert units[2 * phrase["start"] : 2 * phrase["end"]].decode("utf-16-le") == phrase["text"]
