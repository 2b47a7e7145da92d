"""Photo captions: kept once, in place, and labelled; their labels and credits removed."""

import re
from re import _constants, _parser  # the stdlib's regex parser (3.11-3.13 name it so)

from .pieces import Paragraph
from .rules import CAPTION_LABELS, CREDIT_SUFFIXES

MAX_CAPTION_CHARS = 400
_LABEL = re.compile("|".join(f"(?:{rule.pattern})" for rule in CAPTION_LABELS))
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT)


def required_characters(pattern: str) -> frozenset[str]:
    """Characters every match of `pattern` holds: its literals outside alternatives, optional
    repeats, lookarounds and case-insensitive parts. A text lacking one cannot match."""
    parsed = _parser.parse(pattern)
    return frozenset() if parsed.state.flags & re.IGNORECASE else frozenset(_required(parsed))


def _required(items) -> set[str]:
    found: set[str] = set()
    for op, value in items:
        if op is _constants.LITERAL:
            found.add(chr(value))
        elif op is _constants.SUBPATTERN and not value[1] & re.IGNORECASE:
            found |= _required(value[3])
        elif op in _REPEATS and value[0] >= 1:
            found |= _required(value[2])
    return found


# Each credit pattern with the characters it needs: most captions hold none of "(", "[",
# "Credit", so most searches (~0.2 ms an article) are never started.
_SUFFIXES = [
    (re.compile(f"(?:{rule.pattern})$"), rule.kind, required_characters(rule.pattern))
    for rule in CREDIT_SUFFIXES
]
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
        text = paragraph.text
        for pattern, kind, needed in _SUFFIXES:
            credit = all(map(text.__contains__, needed)) and pattern.search(text)
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
