"""The demo page in real headless Chromium (Debian's), driven by playwright, against gunicorn."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from support.server import running_server

pytestmark = [pytest.mark.e2e, pytest.mark.model]

CHROMIUM = "/usr/bin/chromium"  # Debian's package: playwright must not download a browser
# Without the background-networking flags Chromium keeps dialling out of a closed network.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync",
         "--disable-component-update", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
HOSTILE = ('<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
           " Angela Merkel visited Paris.")


@pytest.fixture(scope="module")
def server():
    with running_server(workers=2) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.goto(server.url + "/")
    yield page
    page.close()


def enrich(page, text: str) -> None:
    page.fill("#article", text)
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])", timeout=60_000)


def test_sample_article_shows_highlighted_entities(page, sample_text):
    enrich(page, sample_text)
    marks = page.locator("#text mark.ent")
    assert marks.count() >= 20
    labels = set(page.eval_on_selector_all("#text mark.ent", "ms => ms.map(m => m.dataset.label)"))
    assert {"ORG", "GPE", "PERSON"} <= labels
    assert page.locator('#text mark.ent[data-label="ORG"]', has_text="NATO").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "demo.png"), full_page=True)
    page.locator("#legend").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "demo-text.png"))
    assert page.console_errors == []


def test_the_sample_shows_its_language_places_and_key_phrases(page, sample_text):
    enrich(page, sample_text)
    assert page.get_attribute("#language", "data-code") == "en"
    places = page.eval_on_selector_all("#places li", "ls => ls.map(l => l.textContent)")
    brussels = [p for p in places if p.startswith("Brussels")]
    assert brussels and "50.8505, 4.3488" in brussels[0] and "GeoNames 2800866" in brussels[0]
    assert any(p.startswith("Moscow") and "GeoNames 524901" in p for p in places)
    assert page.locator("#keyphrases .chip").count() == 10
    page.locator("#places-section").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "demo-beyond.png"))
    assert page.console_errors == []


def test_the_example_button_fills_in_an_article_that_comes_out_right(page):
    page.click("#example")
    # A locator assertion, not wait_for_function: a string predicate is eval, which the page's
    # CSP (script-src 'self') refuses whenever playwright has to poll for it.
    expect(page.locator("#article")).to_have_value(re.compile(r"[\s\S]{100}"), timeout=30_000)
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])", timeout=60_000)
    assert "Publisher: Portland Press Herald" in page.text_content("#meta")
    places = page.locator('#text mark.ent[data-label="GPE"]', has_text=re.compile("^PORTLAND"))
    assert places.count() == 1
    assert page.console_errors == []


def test_groups_show_the_top_ten_then_all_on_request(page):
    groups = [{"id": n, "name": f"Person {n}", "label": "PERSON", "mentions": 1,
               "salience": round(0.05 - n / 1000, 3)} for n in range(12)]
    groups += [{"id": 12, "name": "Tuesday", "label": "DATE", "mentions": 1, "salience": 0.0}]
    answer = {**FULL_ANSWER, "groups": groups, "entities": []}
    page.route("**/v1/enrich", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(answer)))
    enrich(page, "anything")
    visible = "#groups tbody tr:not([hidden]) td:first-child"
    names = page.eval_on_selector_all(visible, "cells => cells.map(c => c.textContent)")
    assert names == [f"Person {n}" for n in range(10)]
    page.click("#all-groups")
    assert page.locator(visible).count() == 13
    assert page.locator("#all-groups").is_hidden()


def test_highlighted_text_is_the_normalized_text(page, server, sample_text):
    enrich(page, sample_text)
    shown = page.eval_on_selector(
        "#text", "t => { const c = t.cloneNode(true); c.querySelectorAll('.label')"
                 ".forEach(l => l.remove()); return c.textContent; }")
    api = server.post("/v1/enrich", json={"text": sample_text}).json()
    assert shown == api["text"]


def test_pasted_markup_renders_as_text_and_never_runs(page):
    enrich(page, HOSTILE)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#text img, #text script").count() == 0
    assert "<script>window.pwned = 1</script>" in page.text_content("#text")
    assert page.locator("#text mark.ent", has_text="Angela Merkel").count() == 1
    assert page.console_errors == []


def test_a_problem_is_shown_to_the_person(page):
    page.fill("#article", "   ")
    page.click("#submit")
    page.wait_for_selector("#status.error")
    assert "422" in page.text_content("#status")


def test_docs_page_renders_without_errors(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(server.url + "/docs")
    assert page.locator("section.operation").count() >= 5
    page.screenshot(path=str(ARTIFACTS / "docs.png"))
    assert errors == []


FULL_ANSWER = {  # every section the API may answer with, untrusted text in each
    "id": "x", "title": "<b>Title</b>", "publisher": "NPR",
    "dateline": {"location": "BRUSSELS", "agency": "AP", "start": 0, "end": 8},
    "authors": ["Lorne Cook"],
    "text": "BRUSSELS (AP) \u2014 \u201cNo,\u201d said Kalle Laanet of Estonia. \U0001F600 Putin.",
    "sections": [{"kind": "dateline", "start": 0, "end": 16}],
    "entities": [
        {"text": "BRUSSELS", "label": "GPE", "start": 0, "end": 8, "group": 2},
        {"text": "Kalle Laanet", "label": "PERSON", "start": 27, "end": 39, "group": 0},
        {"text": "Estonia", "label": "GPE", "start": 43, "end": 50, "group": 1},
        {"text": "Putin", "label": "PERSON", "start": 54, "end": 59, "group": 3},
    ],
    "groups": [
        {"id": 0, "name": "Kalle Laanet", "label": "PERSON", "mentions": 1, "salience": 0.2},
        {"id": 1, "name": "Estonia", "label": "GPE", "mentions": 1, "salience": 0.1},
        {"id": 2, "name": "Brussels", "label": "GPE", "mentions": 1, "salience": 0.05},
        {"id": 3, "name": "<img src=x onerror=window.pwned=3>", "label": "PERSON",
         "mentions": 1, "salience": 0.65},
    ],
    "quotes": [{"text": "No,", "start": 18, "end": 21,
                "speaker": {"text": "Kalle Laanet", "group": 0}},
               {"text": "<script>window.pwned = 4</script>", "start": 0, "end": 0,
                "speaker": None}],
    "removed": [{"kind": "caption_control", "text": "hide caption",
                 "source": {"start": 10, "end": 22}}],
    "warnings": [{"code": "w", "message": "Quote left unclosed."}],
    "sentences": [], "stats": {"characters": 59, "words": 10, "sentences": 2},
    "model": {"name": "m", "version": "1"},
    "language": {"code": "<i>en</i>", "confidence": 0.98765},
    "fingerprint": "00ff00ff00ff00ff",
    "keyphrases": [{"text": "<script>window.pwned = 5</script>", "score": 1.0, "start": 0,
                    "end": 0}, {"text": "security guarantees", "score": 0.5, "start": 0, "end": 0}],
    "places": [{"group": 2, "name": "<b>Brussels</b>", "geonameid": 2800866, "country": "BE",
                "latitude": 50.85045, "longitude": 4.34878},
               {"group": 1, "name": "Estonia", "geonameid": 453733, "country": "EE",
                "latitude": None, "longitude": None}],
}


def test_every_section_of_a_full_answer_is_shown_as_text(page):
    page.route("**/v1/enrich", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(FULL_ANSWER)))
    enrich(page, "anything")
    names = page.eval_on_selector_all("#groups tbody tr td:first-child",
                                      "cells => cells.map(c => c.textContent)")
    assert names == ["<img src=x onerror=window.pwned=3>", "Kalle Laanet", "Estonia", "Brussels"]
    marks = page.eval_on_selector_all("#text mark.ent", "ms => ms.map(m => m.firstChild.data)")
    assert marks == ["BRUSSELS", "Kalle Laanet", "Estonia", "Putin"]  # code points, past the emoji
    assert page.text_content("#quotes li:first-child .speaker") == "\u2014 Kalle Laanet"
    assert "unattributed" in page.text_content("#quotes li:last-child")
    assert page.locator('#text [data-section="dateline"]').count() >= 1
    assert page.text_content("#meta h2") == "<b>Title</b>"
    assert "Quote left unclosed." in page.text_content("#meta")
    assert page.text_content("#removed tbody").startswith("caption_controlhide caption")
    assert page.text_content("#language") == "language: <i>en</i> (0.99)"
    assert "fingerprint 00ff00ff00ff00ff" in page.text_content("#meta")
    chips = page.eval_on_selector_all("#keyphrases .chip", "cs => cs.map(c => c.textContent)")
    assert chips == ["<script>window.pwned = 5</script>", "security guarantees"]
    places = page.eval_on_selector_all("#places li", "ls => ls.map(l => l.textContent)")
    assert places[0] == "<b>Brussels</b> (“Brussels”) · BE · 50.8505, 4.3488 · GeoNames 2800866"
    assert places[1] == "Estonia · EE · GeoNames 453733"
    page.click("#groups tbody tr:nth-child(2)")
    assert page.locator("#text mark.ent.focus").all_text_contents() == ["Kalle LaanetPERSON"]
    assert page.evaluate("window.pwned") is None
    assert page.console_errors == []
