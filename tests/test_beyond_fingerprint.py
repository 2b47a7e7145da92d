"""Same-story fingerprints: copies are near, other stories far, and `--dedupe` marks copies."""

import json
from pathlib import Path

import pytest

from service.__main__ import main
from service.pipeline.enrich.fingerprint import SAME_STORY_DISTANCE, body, distance, simhash
from service.pipeline.normalize import normalize

REPO = Path(__file__).resolve().parents[1]
ARTICLE = (REPO / "examples" / "npr-nato-russia-talks.txt").read_text(encoding="utf-8")
SAME_TOPIC = (REPO / "examples" / "01-port-strike-rotterdam.txt").read_text(encoding="utf-8")
OTHER_PORT_STRIKE = (REPO / "tests/fixtures/enrich/aljazeera-port-strike.txt").read_text("utf-8")
FRAME = ("Skip to main content\n\nAdvertisement\n\n{}\n\nThis story was republished with "
         "permission.\n\nShare this article\n\n© 2024 Daily Courier. All rights reserved.")


def fingerprint(raw: str) -> str:
    norm = normalize(raw)
    return simhash(body(norm.text, norm.sections))


def test_a_copy_with_added_boilerplate_is_the_same_story():
    assert distance(fingerprint(ARTICLE), fingerprint(FRAME.format(ARTICLE))) <= SAME_STORY_DISTANCE


def test_a_copy_under_another_headline_is_the_same_story():
    retitled = "Talks in Brussels: what to expect\n" + ARTICLE.partition("\n")[2]
    assert distance(fingerprint(ARTICLE), fingerprint(retitled)) <= SAME_STORY_DISTANCE


@pytest.mark.parametrize("other", [SAME_TOPIC, OTHER_PORT_STRIKE])
def test_another_story_is_not(other):
    assert distance(fingerprint(ARTICLE), fingerprint(other)) > SAME_STORY_DISTANCE


def test_two_port_strikes_are_two_stories():
    assert distance(fingerprint(SAME_TOPIC), fingerprint(OTHER_PORT_STRIKE)) > SAME_STORY_DISTANCE


def test_the_api_returns_the_fingerprint_of_the_body(client):
    options = {"include": ["fingerprint"]}
    answer = client.post("/v1/enrich", json={"text": ARTICLE, "options": options}).json
    assert answer["fingerprint"] == fingerprint(ARTICLE)


@pytest.mark.model
def test_dedupe_marks_the_later_copy_only(tmp_path, capsys):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"]
    for path, text in zip(paths, [ARTICLE, SAME_TOPIC, FRAME.format(ARTICLE)], strict=True):
        path.write_text(text, encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["annotate", "--dedupe", *map(str, paths)])
    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert stopped.value.code == 0
    assert [a.get("duplicate_of") for a in answers] == [None, None, str(paths[0])]
