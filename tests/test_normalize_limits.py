"""Inputs that make the model slow are bounded before it, reported, and configurable."""

import pytest

from service.config import from_environ
from service.pipeline.normalize import MAX_RUN_CHARS, normalize


@pytest.mark.parametrize("unit", ["=", '"', "_", "\U0001f600", "&amp;", "â€™", "=\u200b"])
def test_symbol_runs_are_cut_to_the_limit(unit):
    normalized = normalize(f"start {unit * 5000} end")
    assert len(normalized.text) <= len("start  end") + MAX_RUN_CHARS * 2
    assert normalized.text.startswith("start ") and normalized.text.endswith(" end")
    assert [r.kind for r in normalized.removed] == ["long_run"]
    assert [w.code for w in normalized.warnings] == ["long_run"]


def test_the_limit_is_a_keyword_argument():
    normalized = normalize("wait" + "!" * 30, max_run_chars=10)
    assert normalized.text == "wait" + "!" * 10
    assert normalized.removed[0].text == "!" * 20


def test_runs_up_to_the_limit_are_left_alone():
    assert normalize("a " + "-" * MAX_RUN_CHARS + " b").removed == []


def test_limits_come_from_the_environment():
    settings = from_environ({"MAX_RUN_CHARS": "100", "MAX_COMBINING_MARKS": "8"})
    assert (settings["MAX_RUN_CHARS"], settings["MAX_COMBINING_MARKS"]) == (100, 8)


def test_the_info_endpoint_reports_the_limits(client):
    limits = client.get("/v1/info").json["limits"]
    assert limits["max_run_chars"] == MAX_RUN_CHARS


def test_the_response_carries_the_warning(client):
    text = "Officials in Brussels met on Monday. Look " + "=" * 5000 + " here."
    body = client.post("/v1/enrich", json={"text": text}).json
    assert "long_run" in [w["code"] for w in body["warnings"]]
    assert [r["kind"] for r in body["removed"]] == ["long_run"]
