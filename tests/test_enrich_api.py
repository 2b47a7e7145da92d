"""Enrichment through the API with the production model: the sample, options, warnings."""

import pytest

pytestmark = pytest.mark.model
# In every response, whatever `include` says: cheap, and from normalization or the request.
ALWAYS = {
    "id",
    "text",
    "model",
    "warnings",
    "title",
    "publisher",
    "dateline",
    "authors",
    "sections",
}


@pytest.fixture(scope="module")
def sample(model_app, sample_text):
    body = {"text": sample_text, "options": {"published": "2022-01-12"}}
    return model_app.test_client().post("/v1/enrich", json=body).json


def group_of(body, name):
    return next(g for g in body["groups"] if g["name"] == name)


def speaker_name(body, quote_start):
    quote = next(q for q in body["quotes"] if q["text"].startswith(quote_start))
    groups = {g["id"]: g["name"] for g in body["groups"]}
    return groups[quote["speaker"]["group"]]


def test_nato_is_a_frequent_and_top_salience_group(sample):
    nato = group_of(sample, "NATO")
    ranked = sorted(sample["groups"], key=lambda g: -g["salience"])
    assert nato["mentions"] >= 8 and nato in ranked[:2]


def test_putin_joins_vladimir_putin(sample):
    putin = group_of(sample, "Vladimir Putin")
    texts = {e["text"] for e in sample["entities"] if e["group"] == putin["id"]}
    assert texts == {"Vladimir Putin", "Putin"}


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        ("These are totally unacceptable proposals,", "Kalle Laanet"),
        ("It has become clear", "Julianne Smith"),
        ("I can’t imagine", "Julianne Smith"),
        ("Russia is ready to tolerate", "Maksim Samorukov"),
        ("to show the West", "Maksim Samorukov"),
    ],
)
def test_sample_quotes_have_their_speakers(sample, start, speaker):
    assert speaker_name(sample, start) == speaker


def test_salience_sums_to_one(sample):
    assert sum(g["salience"] for g in sample["groups"]) == pytest.approx(1, abs=1e-2)


def test_dates_resolve_against_publication(sample):
    values = {e["text"]: e.get("value") for e in sample["entities"] if e["label"] == "DATE"}
    assert values["Wednesday"] == "2022-01-12" and values["July 2019"] == "2019-07"
    assert values["a week"] is None


def test_without_published_no_date_has_a_value(client):
    body = client.post("/v1/enrich", json={"text": "They met on Wednesday in Paris."}).json
    assert all("value" not in e for e in body["entities"])


def test_stats_count_words_sentences_and_reading_time(sample):
    stats = sample["stats"]
    assert stats["words"] > 600 and stats["sentences"] > 20
    assert stats["reading_time_seconds"] == round(stats["words"] * 60 / 238)


def test_an_unclosed_quote_is_a_warning(sample):
    assert "unclosed_quote" in {w["code"] for w in sample["warnings"]}


def test_entities_alone_omit_other_sections_and_match_the_full_run(client, sample_text, sample):
    body = client.post(
        "/v1/enrich", json={"text": sample_text, "options": {"include": ["entities"]}}
    ).json
    assert set(body) == ALWAYS | {"entities"}
    assert body["entities"] == [
        {k: v for k, v in e.items() if k != "value"} for e in sample["entities"]
    ]


def test_text_plain_takes_options_as_query_parameters(client):
    response = client.post(
        "/v1/enrich?include=entities,groups&include=stats&labels=PERSON",
        data=b"Angela Merkel met Emmanuel Macron in Paris.",
        content_type="text/plain",
    )
    body = response.json
    assert set(body) == ALWAYS | {"entities", "groups", "stats"}
    assert {e["label"] for e in body["entities"]} == {"PERSON"}
    assert {g["label"] for g in body["groups"]} == {"PERSON"}


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"bogus": 1}, "bogus"),
        ({"include": ["everything"]}, "include"),
        ({"offsets": "utf32"}, "offsets"),
        ({"published": "last week"}, "published"),
        ({"labels": "PERSON"}, "labels"),
    ],
)
def test_bad_options_are_named_in_a_422(client, options, field):
    response = client.post("/v1/enrich", json={"text": "Paris.", "options": options})
    assert response.status_code == 422
    assert field in response.json["errors"]["options"]


def test_bad_query_option_is_a_422(client):
    response = client.post("/v1/enrich?offsets=utf32", data=b"Paris.", content_type="text/plain")
    assert response.status_code == 422 and "offsets" in response.json["errors"]["options"]


def test_nothing_included_answers_without_running_the_model(client):
    body = client.post("/v1/enrich", json={"text": "Paris.", "options": {"include": []}}).json
    assert set(body) == ALWAYS


def test_text_that_is_not_english_is_a_warning(client):
    text = (
        "Die Bundesregierung hat am Mittwoch beschlossen, dass die Förderung für "
        "Elektroautos früher endet als geplant. Verbraucherschützer kritisierten "
        "den Schritt scharf und forderten Klarheit für Käufer."
    )
    body = client.post("/v1/enrich", json={"text": text}).json
    assert "unsupported_language" in {w["code"] for w in body["warnings"]}


def test_english_text_is_not_flagged(sample):
    assert "unsupported_language" not in {w["code"] for w in sample["warnings"]}


def test_text_in_another_script_is_a_warning(client):
    text = "北京时间周三，中国国家统计局公布了最新的经济数据，显示第三季度国内生产总值同比增长。"
    body = client.post("/v1/enrich", json={"text": text}).json
    assert "unsupported_language" in {w["code"] for w in body["warnings"]}


@pytest.mark.parametrize(
    "text", ["By Joe Biden", "Advertisement", "hide caption\n\nLeave a Comment"]
)
def test_a_text_cleaned_to_nothing_says_so(client, text):
    answer = client.post("/v1/enrich", json={"text": text}).get_json()
    assert answer["text"] == "" and answer["removed"]
    assert [w["code"] for w in answer["warnings"]] == ["empty_after_cleaning"]
