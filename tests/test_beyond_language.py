"""The language guard: foreign articles get a warning and no English findings (docs/api.md)."""

from pathlib import Path

import pytest

FOREIGN = sorted((Path(__file__).parent / "fixtures" / "language").glob("*.txt"))
BRIEF = (  # 20 words: too short for much statistics, and plainly English
    "Firefighters contained a blaze at a warehouse in Leeds on Sunday, police said, "
    "and nobody was hurt in the fire."
)
ENGLISH_ONLY = ["entities", "groups", "quotes", "keyphrases", "places"]


@pytest.mark.model
@pytest.mark.parametrize("path", FOREIGN, ids=lambda path: path.stem)
@pytest.mark.parametrize("include", [["language", *ENGLISH_ONLY], ENGLISH_ONLY])
def test_a_foreign_article_is_warned_and_gets_no_english_findings(client, path, include):
    text = path.read_text(encoding="utf-8")
    body = client.post("/v1/enrich", json={"text": text, "options": {"include": include}}).json
    assert "unsupported_language" in {w["code"] for w in body["warnings"]}
    assert all(body[section] == [] for section in ENGLISH_ONLY)


@pytest.mark.model
@pytest.mark.parametrize("path", FOREIGN, ids=lambda path: path.stem)
def test_a_foreign_article_reports_its_language(client, path):
    text = path.read_text(encoding="utf-8")
    body = client.post("/v1/enrich", json={"text": text, "options": {"include": ["language"]}}).json
    assert body["language"]["code"] == path.stem[:2] and body["language"]["confidence"] > 0.9


@pytest.mark.model
def test_a_short_english_brief_still_runs(client):
    options = {"include": ["language", "entities"]}
    body = client.post("/v1/enrich", json={"text": BRIEF, "options": options}).json
    assert len(BRIEF.split()) == 20 and body["language"]["code"] == "en"
    assert "Leeds" in {e["text"] for e in body["entities"]} and body["warnings"] == []


@pytest.mark.model
def test_english_with_a_foreign_quotation_still_runs(client, sample_text):
    text = sample_text + "\n\n„Wir sind bereit zu verhandeln“, sagte ein Sprecher in Berlin."
    options = {"include": ["language", "entities"]}
    body = client.post("/v1/enrich", json={"text": text, "options": options}).json
    assert body["language"]["code"] == "en" and body["entities"]


@pytest.mark.model
def test_a_caller_may_insist_on_a_422(client):
    text = FOREIGN[0].read_text(encoding="utf-8")
    options = {"unsupported_language": "reject"}
    response = client.post("/v1/enrich", json={"text": text, "options": options})
    assert response.status_code == 422 and "'de'" in response.json["detail"]


@pytest.mark.model
def test_a_rejected_document_fails_in_its_batch_slot_only(client, sample_text):
    documents = [{"text": FOREIGN[0].read_text(encoding="utf-8")}, {"text": sample_text}]
    batch = {"documents": documents, "options": {"unsupported_language": "reject"}}
    results = client.post("/v1/enrich/batch", json=batch).json["results"]
    assert results[0]["status"] == 422 and results[1]["entities"]


def test_the_language_is_not_reported_unless_asked(client):
    assert "language" not in client.post("/v1/enrich", json={"text": BRIEF}).json


def test_the_identifier_loads_without_a_temporary_file(monkeypatch):
    """A pod's /tmp is a 64Mi tmpfs: py3langid's own loader needs 68 MB there and fails."""
    import tempfile

    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from service.pipeline.enrich import language

    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    loaded = language._load_identifier()
    for text in ["The council voted on Tuesday.", "Der Rat stimmte am Dienstag ab.",
                 "El consejo votó el martes."]:
        assert loaded.rank(text)[:3] == stock.rank(text)[:3]
