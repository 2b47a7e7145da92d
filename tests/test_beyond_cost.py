"""The sections beyond entities run only when asked: an entities-only caller pays nothing."""

import importlib

import pytest

from service.pipeline.enrich import language

# The package, not the function of the same name that service.pipeline re-exports.
enrich_stage = importlib.import_module("service.pipeline.enrich")

pytestmark = pytest.mark.model
STAGES = [(language, "identify"), (enrich_stage, "simhash"), (enrich_stage, "link"),
          (enrich_stage, "extract_keyphrases")]


def refuse(*args, **kwargs):
    raise AssertionError("a section beyond entities ran unasked")


@pytest.mark.parametrize("include", [["entities"], ["entities", "groups", "quotes", "stats"]])
def test_no_stage_beyond_entities_runs_unasked(client, monkeypatch, sample_text, include):
    for module, name in STAGES:
        monkeypatch.setattr(module, name, refuse)
    answer = client.post("/v1/enrich", json={"text": sample_text, "options": {"include": include}})
    assert answer.status_code == 200 and answer.json["entities"]


@pytest.mark.parametrize(("section", "stage"), [("language", 0), ("fingerprint", 1),
                                                ("places", 2), ("keyphrases", 3)])
def test_each_stage_runs_when_asked(client, monkeypatch, sample_text, section, stage):
    module, name = STAGES[stage]
    monkeypatch.setattr(module, name, refuse)
    with pytest.raises(AssertionError, match="unasked"):
        client.post("/v1/enrich", json={"text": sample_text, "options": {"include": [section]}})
