"""The learned boilerplate classifier: logistic regression over features.py, in pure Python.

The model is fitted offline (scripts/train_boilerplate.py) and shipped as boilerplate_model.json
in this package; it is read once per process. A paragraph no rule removed is removed when its
probability of being boilerplate reaches the model's body-safe threshold; in aggressive mode a
lower threshold applies outside the article region (region.py).
"""

import json
import math
import re
from functools import cache
from importlib.resources import files

from .features import NAMES, paragraph_features
from .pieces import Paragraph

MODES = ("rules", "standard", "aggressive")
MODEL_FILE = "boilerplate_model.json"
MODEL_VERSION = 1
_HEADLINE_WITHIN = 4  # the headline is among the few lines (byline, date) above the region
_SENTENCE_END = frozenset('.!?"”’')
_PROMO = re.compile(
    r"(?i)\b(?:subscri\w+|sign (?:up|in)|log in|newsletter|cookies?|privacy|download|app"
    r"|advert\w*|sponsored|offer|free trial|premium|learn more)\b"
)


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


def scores(paragraphs: list[Paragraph]) -> tuple[list[float], tuple[int, int]]:
    """P(boilerplate) of every paragraph, and the article region [start, end)."""
    model = load_model()
    rows, region = paragraph_features(
        [p.text for p in paragraphs], [p.kind is not None for p in paragraphs]
    )
    return [probability(model, row) for row in rows], region


def classify(paragraphs: list[Paragraph], *, aggressive: bool = False) -> None:
    """Remove the paragraphs no rule removed that the model calls boilerplate, with a kind."""
    if not paragraphs:
        return
    model = load_model()
    found, (start, end) = scores(paragraphs)
    if start == end:
        return  # no prose at all: not a page the model knows, so it decides nothing
    headline, listing = _headline(paragraphs, start), False
    for index, (paragraph, score) in enumerate(zip(paragraphs, found, strict=True)):
        if paragraph.kind or paragraph.section or index == headline:
            continue  # a rule's verdict is more precise; titles and captions stay
        # Wire copy's "Results on Saturday:" introduces table lines, which are the article.
        introduces = paragraph.text[-1] == ":" and (listing or start <= index <= end)
        listed, listing = listing, introduces or (listing and len(paragraph.text) < 100)
        if listed:
            continue
        outside = not start <= index < end
        if not (aggressive and outside) and _is_sentence_or_score(paragraph.text):
            continue  # prose, a score or a count: never the model's to remove from an article
        limit = model["outside_threshold"] if aggressive and outside else model["threshold"]
        if score >= limit:
            paragraph.kind = _kind(paragraph.text, index, start, end)
            paragraph.score = round(score, 3)


def _headline(paragraphs: list[Paragraph], start: int) -> int | None:
    """The line just above the article region that looks like its headline, which stays."""
    for index in range(start - 1, max(start - _HEADLINE_WITHIN, 0) - 1, -1):
        paragraph = paragraphs[index]
        if not paragraph.kind and 4 <= paragraph.text.count(" ") + 1 <= 30:
            return index if paragraph.text[-1] not in ".:|" else None
    return None


def _is_sentence_or_score(text: str) -> bool:
    """Ends like a sentence and has a few words (prose, as far as shape can tell), or has no
    letters at all (a score or an attendance in wire copy's results)."""
    sentence = text[-1] in _SENTENCE_END and text.count(" ") >= 2
    return sentence or not any(c.isalpha() for c in text)


def _kind(text: str, index: int, start: int, end: int) -> str:
    """What the removed paragraph most likely is: a prompt, a menu, a list of other stories."""
    if _PROMO.search(text):
        return "promo"
    if len(text.split()) <= 12 and text[-1] not in ".!?":
        return "navigation" if index < start else "related" if index >= end else "boilerplate"
    return "boilerplate"
