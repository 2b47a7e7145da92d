"""The learned boilerplate classifier: logistic regression over features.py, in pure Python.

The model is fitted offline (scripts/train_boilerplate.py) and shipped as boilerplate_model.json
in this package; it is read once per process. A paragraph no rule removed is removed when it is
made of furniture words (furniture.py), or when its probability of being boilerplate reaches
the threshold of where it lies: inside the article region, under or above its headline
(region.py), in the page's tail, or elsewhere outside it (_zone). The headline it finds is the
title; with none found, the rules' title is judged as surely as a line inside the article.
Prose shapes are guarded everywhere but, in `aggressive`, below, above the headline or away
from the article (long prose stays even there), and short prompts ("click here", "our
newsletter") go at `prompt_threshold` wherever they are, sentences or not.
"""

import json
import math
import re
from functools import cache
from importlib.resources import files
from itertools import islice

from .dateline import match_dateline
from .features import NAMES, ArticleFeatures
from .furniture import furniture_kind, furniture_tokens
from .headline import is_headline
from .layout import make_title
from .pieces import Paragraph
from .region import (
    DECK_SHARE,
    LEDE,
    MIN_BODY_STOPWORDS,
    headline_above,
    is_body_like,
    lede_share,
    stopword_share,
)

MODES = ("rules", "standard", "aggressive")
MIN_REGION_WORDS = 100
PROSE_WORDS = 20  # this many words, a fifth of them function words: prose, never the model's
HEADER = 6  # lines under the headline that may be its byline, dates, tools; then it is text
# The model's threshold in each zone (_zone), and the zones where `aggressive` also removes
# sentence-shaped lines (at the outside threshold): not the region, and not the lines between
# headline and region, where a lede the region missed would be; above the headline, sentences
# are other stories' teasers.
_THRESHOLDS = {
    "inside": "threshold",
    "header": "header_threshold",
    "between": "between_threshold",
    "above": "above_threshold",
    "tail": "tail_threshold",
    "outside": "outside_threshold",
}
_UNGUARDED = frozenset({"outside", "tail", "above"})
KINDS = frozenset(
    {"promo", "navigation", "related", "boilerplate", "timestamp", "byline", "separator"}
)
# Rule verdicts the headline overrides: a list of links that ran on into it.
_RULES_HEADLINES_SURVIVE = frozenset({"related_links"})
MODEL_FILE = "boilerplate_model.json"
MODEL_VERSION = 3
_DATELINE_CHARS = 60
_SENTENCE_END = frozenset('.!?"”’')
_PROMO = re.compile(
    r"(?i)\b(?:subscri\w+|sign (?:up|in)|log in|newsletter|cookies?|privacy|download|app"
    r"|advert\w*|sponsored|offer|free trial|premium|learn more|click here)\b"
)
# What only a page says to its reader: "click here", "our newsletter", "your subscription".
# A sentence that merely opens like a prompt ("Sign up for ...", "Join ...") can be the
# article's (tests/test_normalize_properties.py), so the verbs alone are not enough.
_PROMPT = re.compile(
    r"(?i)\bclick here\b|\b(?:our|your|free|daily|weekly) (?:e-?)?newsletters?\b"
    r"|\b(?:your|our) (?:subscription|account|free trial)\b"
)
PROMPT_WORDS = 15


@cache
def load_model() -> dict:
    """The shipped model, checked against the features this code computes."""
    model = json.loads(files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    if model["version"] != MODEL_VERSION or tuple(model["features"]) != NAMES:
        raise RuntimeError(f"{MODEL_FILE} does not match this code's features; retrain it.")
    return prepared(model)


def prepared(model: dict) -> dict:
    """The model with standardising folded into its weights: one multiply-add per feature."""
    parts = zip(model["mean"], model["scale"], model["coef"], strict=True)
    model["weights"] = [coef / scale for _, scale, coef in parts]
    model["bias"] = model["intercept"] - sum(
        mean * weight for mean, weight in zip(model["mean"], model["weights"], strict=True)
    )
    return model


def probability(model: dict, row: list[float]) -> float:
    """P(boilerplate) of one feature row."""
    z = model["bias"] + sum(
        value * weight for value, weight in zip(row, model["weights"], strict=True)
    )
    return 1 / (1 + math.exp(-max(min(z, 30.0), -30.0)))


def classify(paragraphs: list[Paragraph], *, aggressive: bool = False) -> str | None:
    """Remove the paragraphs no rule removed that the model calls boilerplate, with a kind.
    The headline it finds becomes the title; it returns the publisher that headline names."""
    if not paragraphs:
        return None
    model = load_model()
    texts = [p.text for p in paragraphs]
    tokens = [furniture_tokens(text) for text in texts]
    article = ArticleFeatures(texts, [p.kind is not None for p in paragraphs], tokens)
    start, end = article.region
    furniture = [furniture_kind(*pair) for pair in zip(texts, tokens, strict=True)]
    if sum(len(text.split()) for text in texts[start:end]) < MIN_REGION_WORDS:
        # Less than an article's worth of prose (wire results, tables, a list of figures):
        # not a page the model knows, so only the furniture words decide.
        for paragraph, kind in zip(paragraphs, furniture, strict=True):
            if kind and not (paragraph.kind or paragraph.section or _is_text(paragraph.text)):
                paragraph.kind = kind
        return None
    headline, headlines = _headlines(paragraphs, texts, start, furniture)
    publisher = _retitle(paragraphs, headline)
    tail = _tail(paragraphs, furniture, end)
    listing = False
    for index, paragraph in enumerate(paragraphs):
        # With no headline found, the rules' title (the first headline-shaped line) is judged
        # too when it shares little with the lede: on unseen pages it is mostly a menu.
        judged_title = (
            headline is None
            and paragraph.section == "title"
            and lede_share(texts, start, index) < DECK_SHARE
        )
        if paragraph.kind or (paragraph.section and not judged_title) or index in headlines:
            continue  # a rule's verdict is more precise; titles and captions stay
        # Wire copy's "Results on Saturday:" introduces table lines, which are the article
        # (a lone "Font:" introduces nothing).
        introduces = paragraph.text[-1] == ":" and " " in paragraph.text
        introduces = introduces and (listing or start <= index <= end)
        listed, listing = listing, introduces or (listing and len(paragraph.text) < 100)
        if listed:
            continue
        sentence = _is_text(paragraph.text)
        if not sentence and furniture[index]:  # "Most of them are here." is words of both
            paragraph.kind, paragraph.section = furniture[index], None
            listing = False  # a removed "Bookmark this story with:" introduces no table
            continue
        zone = _zone(index, headline, (start, end), tail)
        # A short line asking the reader to act ("Click here to sign up.", "FREE Newsletter")
        # is a prompt, sentence or not, once the model leans to boilerplate at all. Prose
        # that is no prompt is never scored.
        score = probability(model, article.row(index)) if _is_prompt(paragraph.text) else None
        prompt = score is not None and score >= model["prompt_threshold"]
        # `aggressive` lifts the sentence guard away from the article, not the long-prose one:
        # what reads like 20 words of prose there is a fact box or a sidebar more often than
        # furniture.
        unguarded = aggressive and zone in _UNGUARDED and not _is_long_prose(paragraph.text)
        if sentence and not prompt and not unguarded:
            continue  # prose, a score or a count: never the model's to remove from an article
        if score is None:
            score = probability(model, article.row(index))
        # Prose that `aggressive` lets the model judge goes only at the outside threshold.
        # A title the rules chose goes only as surely as a line inside the article.
        threshold = 0.0 if prompt else model[_THRESHOLDS["outside" if sentence else zone]]
        if score >= (max(threshold, model["threshold"]) if judged_title else threshold):
            paragraph.kind = _kind(paragraph.text, index, start, end)
            paragraph.score = round(score, 3)
            paragraph.section, listing = None, False
    if headline is None and not any(p.section == "title" for p in paragraphs):
        return _title_opening_region(paragraphs, start)
    return publisher


def _title_opening_region(paragraphs: list[Paragraph], start: int) -> str | None:
    """With no headline above the region and no title, the region's first line is the title
    when it is shaped like a headline and shares the lede's words (a menu of more lines than
    the rules look through stood above it); the publisher it names."""
    first = paragraphs[start]
    if first.kind or first.section or not is_headline(first.text) or first.text[-1] in "!?\"”":
        return None
    # The lede is the next kept paragraphs: credits and caption labels are not its words.
    lede = islice((p.text for p in paragraphs[start + 1 :] if not p.kind), LEDE)
    if lede_share([first.text, *lede], 1, 0) < DECK_SHARE:
        return None
    return make_title(first)


def _retitle(paragraphs: list[Paragraph], headline: int | None) -> str | None:
    """Make the headline found above the region the title: the rules' first headline-shaped
    line is, on most pages, a menu or a breadcrumb, and it goes to the model like any line."""
    if headline is None or paragraphs[headline].section:
        return None
    for paragraph in paragraphs:
        if paragraph.section == "title":
            paragraph.section = None
    return make_title(paragraphs[headline])


def _headlines(paragraphs: list[Paragraph], texts: list[str], start: int, furniture: list):
    """The headline above the region (None if none) and every line that stays with it."""
    skip = [
        (p.kind is not None and p.kind not in _RULES_HEADLINES_SURVIVE)
        or kind is not None  # furniture: "2 days ago" shares the lede's "2"
        for p, kind in zip(paragraphs, furniture, strict=True)
    ]
    headline, deck = headline_above(texts, start, skip)
    if headline is not None and paragraphs[headline].kind in _RULES_HEADLINES_SURVIVE:
        paragraphs[headline].kind = None  # a list rule ran on into the headline: it stays
    kept = {i for i in deck if not paragraphs[i].kind}
    return headline, kept if headline is None else kept | {headline}


def _tail(paragraphs: list[Paragraph], furniture: list, end: int) -> set[int]:
    """The page's tail: under the region, the paragraphs after a line that a rule or the
    furniture words removed ("Related stories", "© 2008"), until prose comes again (the
    article went on past a table, or readers' comments begin)."""
    tail, ended = set(), False
    for index in range(end, len(paragraphs)):
        if ended:
            tail.add(index)
        if paragraphs[index].kind or furniture[index]:
            ended = True
        elif is_body_like(paragraphs[index].text):
            ended = False
    return tail


def _zone(index: int, headline: int | None, region: tuple[int, int], tail: set[int]) -> str:
    """Where a paragraph lies: in the article region; under its headline (bylines, tools, the
    deck), further down but above the region, or above the headline; in the page's tail
    (_tail); or elsewhere outside the region."""
    start, end = region
    if start <= index < end:
        return "inside"
    if index in tail:
        return "tail"
    if headline is not None and index < start:
        if index < headline:
            return "above"
        return "header" if index <= headline + HEADER else "between"
    return "outside"


def _is_text(text: str) -> bool:
    """Prose, or a dateline on a line of its own: what the furniture words never take."""
    return _is_prose(text) or _is_dateline(text)


def _is_prose(text: str) -> bool:
    """A sentence or a score by its shape, or a long run of prose whatever its last character
    (scrapers drop closing punctuation and quotes): text no model threshold may take."""
    return _is_sentence_or_score(text) or _is_long_prose(text)


def _is_long_prose(text: str) -> bool:
    """PROSE_WORDS words or more, a fifth of them function words."""
    words = text.split()
    return len(words) >= PROSE_WORDS and stopword_share(words) >= MIN_BODY_STOPWORDS


def _is_prompt(text: str) -> bool:
    """A short line with words only a page says to its reader (_PROMPT)."""
    return len(text.split()) <= PROMPT_WORDS and _PROMPT.search(text) is not None


def _is_dateline(text: str) -> bool:
    """A dateline on a line of its own ("RENO, Nev. --"), split from the lede it opens."""
    return len(text) <= _DATELINE_CHARS and match_dateline(f"{text} The") is not None


def _is_sentence_or_score(text: str) -> bool:
    """Ends like a sentence and has a few words (prose, as far as shape can tell), or has no
    letters but a number (a score or an attendance in wire copy's results)."""
    sentence = text[-1] in _SENTENCE_END and text.count(" ") >= 2
    return sentence or (any(c.isdigit() for c in text) and not any(c.isalpha() for c in text))


def _kind(text: str, index: int, start: int, end: int) -> str:
    """What the removed paragraph most likely is: a prompt, a menu, a list of other stories."""
    if _PROMO.search(text):
        return "promo"
    if len(text.split()) <= 12 and text[-1] not in ".!?":
        return "navigation" if index < start else "related" if index >= end else "boilerplate"
    return "boilerplate"
