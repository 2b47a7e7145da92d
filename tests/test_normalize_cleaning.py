"""The learned boilerplate classifier: features, the shipped model, the three cleaning modes."""

import sys
import tomllib
from pathlib import Path

import pytest

from service.pipeline.normalize import normalize
from service.pipeline.normalize.classifier import MODEL_FILE, load_model
from service.pipeline.normalize.features import NAMES, own_features, paragraph_features
from service.pipeline.normalize.region import article_region

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench import boilerplate_data as data  # noqa: E402
from bench.score_boilerplate import score_page  # noqa: E402

PROSE = "The council said on Monday that the new homes would be built on land next to the river."
EXTRA = {page["id"]: page for page in data.load(data.EXTRA)}
DOCUMENTED_BOUND = 0.002  # docs/cleaning.md: the model adds at most 0.2% body-word loss


def test_features_tell_prose_from_a_menu_item():
    prose, menu = own_features(PROSE, False), own_features("Business", False)
    assert prose["stopwords"] > 0.3 and menu["stopwords"] == 0
    assert prose["ends_sentence"] == 1 and menu["ends_sentence"] == 0
    assert prose["body_like"] == 1 and menu["body_like"] == 0
    assert menu["words_1"] == 1 and prose["words_13_25"] == 1


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The Empire reached the borders of the Federation. [M1 SP / MP / MP3]", True),
        ("He said so (in 2007).", True),
        ("[Kansas City Business Journal]", False),
        ("Comments [+]", False),
        ("Read more", False),
    ],
)
def test_a_citation_in_brackets_after_a_sentence_still_ends_it(text, ends):
    assert own_features(text, False)["ends_sentence"] == float(ends)


def test_the_region_is_the_prose_run_with_short_lines_inside_it():
    texts = ["Home", "News", "Sport", PROSE, "Photo: Agency", PROSE, PROSE, "Most read", "Jobs"]
    assert article_region(texts) == (3, 7)


def test_every_paragraph_gets_every_feature_and_its_context():
    texts = ["Home", PROSE, "Share"]
    rows, region = paragraph_features(texts, [False, False, True])
    assert len(rows) == 3 and all(len(row) == len(NAMES) for row in rows)
    assert rows[0][NAMES.index("next_body_like")] == 1 and region == (1, 2)


def test_the_model_is_package_data_loaded_once():
    assert load_model() is load_model()
    assert tuple(load_model()["features"]) == NAMES
    assert 0.5 <= load_model()["outside_threshold"] <= load_model()["threshold"] < 1
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert (
        f"pipeline/normalize/{MODEL_FILE}"
        in config["tool"]["setuptools"]["package-data"]["service"]
    )


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="cleaning"):
        normalize(PROSE, cleaning="everything")


def test_standard_removes_more_than_rules_and_aggressive_more_still():
    page = EXTRA["extra/consent-harbour"]
    counts = {mode: score_page(page, mode)[0] for mode in ("rules", "standard", "aggressive")}
    removed = [counts[mode]["noise_removed"] for mode in ("rules", "standard", "aggressive")]
    assert removed[0] < removed[1] <= removed[2]
    assert all(counts[mode]["body_lost"] == 0 for mode in counts)


def test_model_removals_carry_a_kind_and_a_score():
    result = normalize(EXTRA["extra/consent-harbour"]["input_text"], cleaning="standard")
    scored = [r for r in result.removed if r.score is not None]
    assert scored and all(0.5 <= r.score <= 1 for r in scored)
    assert {r.kind for r in scored} <= {"navigation", "related", "promo", "boilerplate"}
    rules = normalize(EXTRA["extra/consent-harbour"]["input_text"], cleaning="rules")
    assert all(r.score is None for r in rules.removed)


@pytest.mark.parametrize("name", ["extra/wire-results", "extra/wire-markets"])
def test_wire_copy_loses_nothing_by_default(name):
    # aggressive is for whole-page dumps: it may take a score line outside the region
    assert normalize(EXTRA[name]["input_text"]).removed == []


def test_held_out_readability_body_loss_stays_within_the_documented_bound():
    pages = [page for page in data.load(data.READABILITY) if data.is_held_out(page)]
    lost = words = noise = 0
    for page in pages:
        for view in (page, data.crop(page)):
            model, _ = score_page(view, "standard")
            rules, _ = score_page(view, "rules")
            lost += model["body_lost"] - rules["body_lost"]
            words += rules["body_words"]
            noise += model["noise_removed"] - rules["noise_removed"]
    assert lost <= DOCUMENTED_BOUND * words
    assert noise > 0.2 * sum(line["label"] == "boilerplate" for p in pages for line in p["lines"])


def test_the_cleaning_setting_is_read_and_checked():
    from service.config import from_environ

    assert from_environ({})["CLEANING"] == "standard"
    assert from_environ({"CLEANING": " Aggressive "})["CLEANING"] == "aggressive"
    with pytest.raises(ValueError, match="CLEANING"):
        from_environ({"CLEANING": "everything"})
