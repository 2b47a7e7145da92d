"""Photo captions: kept once, in place, and labelled; their labels and credits removed."""

import re

from .pieces import Paragraph
from .rules import CAPTION_LABELS, CREDIT_SUFFIXES

MAX_CAPTION_CHARS = 400
_LABEL = re.compile("|".join(f"(?:{rule.pattern})" for rule in CAPTION_LABELS))
_SUFFIXES = [(re.compile(f"(?:{rule.pattern})$"), rule.kind) for rule in CREDIT_SUFFIXES]
_FURNITURE = frozenset({"photo_credit", "caption_control", "duplicate"})


def trim_captions(paragraphs: list[Paragraph]) -> None:
    """Cut caption labels and trailing credits; what they leave is a caption."""
    for paragraph in paragraphs:
        if paragraph.kind or paragraph.section or len(paragraph.text) > MAX_CAPTION_CHARS:
            continue
        label = _LABEL.match(paragraph.text)
        if label and label.end() < len(paragraph.text):
            paragraph.cut(0, label.end(), "caption_control")
            paragraph.section = "caption"
        for pattern, kind in _SUFFIXES:
            credit = pattern.search(paragraph.text)
            if credit and credit.start() > 0:
                paragraph.cut(credit.start(), len(paragraph.text), kind)
                paragraph.section = "caption"
                break


def label_captions(paragraphs: list[Paragraph]) -> None:
    """A kept paragraph just before credits or caption widgets is the caption they belong to,
    unless the paragraph after them is already a caption (BBC puts the credit first)."""
    kept = [i for i, paragraph in enumerate(paragraphs) if not paragraph.kind]
    for before, after in zip([-1, *kept], [*kept, len(paragraphs)], strict=True):
        between = paragraphs[before + 1 : after]
        if before < 0 or not any(p.kind in _FURNITURE - {"duplicate"} for p in between):
            continue
        candidate = paragraphs[before]
        next_is_caption = after < len(paragraphs) and paragraphs[after].section == "caption"
        if not (candidate.section or next_is_caption) and len(candidate.text) <= MAX_CAPTION_CHARS:
            candidate.section = "caption"
