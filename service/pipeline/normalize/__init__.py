"""Raw scraped text -> Normalized(text, paragraphs, offset map, removed spans, metadata); pure.

One module per concern: unicode and repair (characters), lines (paragraphs), rules and
boilerplate (furniture), bylines, headline, dateline and layout (metadata), captions, assemble.
"""

from collections import Counter
from dataclasses import dataclass, field

from ..offsets import OffsetMap
from ..types import Dateline, Notice, Removed, Section, Span
from .assemble import assemble
from .boilerplate import apply_rules, drop_duplicates, is_furniture
from .captions import label_captions, trim_captions
from .classifier import KINDS, MODES, classify
from .layout import mark_bylines, mark_dateline, mark_publisher_lines, mark_title
from .lines import join_lines
from .pieces import Paragraph
from .rules import CAPTION_LABELS, CREDIT_SUFFIXES, RULES
from .unicode import scan

MAX_RUN_CHARS = 64  # spaCy's tokenizer is quadratic in a run of symbols without spaces
MAX_COMBINING_MARKS = 32  # NFC and the tokenizer are slow on runs of combining marks
# Every Removed.kind: the rules' own, and those the layout, caption and unicode steps name.
REMOVED_KINDS = frozenset(
    {rule.kind for rule in (*RULES, *CAPTION_LABELS, *CREDIT_SUFFIXES)}
    | {"related_links", "duplicate", "byline", "photo_credit", "publisher_suffix"}
    | {"caption_control", "long_run", "combining_marks"}
    | KINDS
)


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    offsets: OffsetMap
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    dateline: Dateline | None = None
    authors: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # title/caption/dateline parts of text
    warnings: list[Notice] = field(default_factory=list)
    # Where each paragraph lies in `text`: later stages use these, never re-scan for blank lines.
    paragraphs: list[Span] = field(default_factory=list)


def normalize(
    raw: str,
    *,
    cleaning: str = "standard",
    max_run_chars: int = MAX_RUN_CHARS,
    max_combining_marks: int = MAX_COMBINING_MARKS,
) -> Normalized:
    """The article a reader sees, what was removed and why, and a map of every character back.

    `cleaning` is one of MODES: "rules" only, "standard" (rules, then the learned classifier at
    a body-safe threshold) or "aggressive" (also what lies outside the article region).
    """
    if cleaning not in MODES:
        raise ValueError(f"cleaning must be one of {MODES}, not {cleaning!r}")
    lines, cut = scan(raw, max_run=max_run_chars, max_marks=max_combining_marks)
    paragraphs, authors, title, publisher = _apply_rules(lines)
    if cleaning != "rules":
        named = classify(paragraphs, aggressive=cleaning == "aggressive")
        title = next((p.text for p in paragraphs if p.section == "title"), None)
        publisher = named or publisher
    drop_duplicates(paragraphs)  # after the model: a teaser copy it removed leaves the body's
    label_captions(paragraphs)
    dateline_at = mark_dateline(paragraphs)
    text, offsets, spans, sections, dateline, removed = assemble(raw, paragraphs, dateline_at)
    removed = sorted(cut + removed, key=lambda r: (r.source.start, r.source.end))
    limits = {"long_run": max_run_chars, "combining_marks": max_combining_marks}
    return Normalized(
        text,
        offsets,
        removed,
        title,
        publisher,
        dateline,
        authors,
        sections,
        _warnings(cut, limits),
        spans,
    )


def ruled_paragraphs(raw: str) -> list[Paragraph]:
    """The paragraphs of `raw` as the classifier sees them: after every rule (for training)."""
    lines, _ = scan(raw, max_run=MAX_RUN_CHARS, max_marks=MAX_COMBINING_MARKS)
    return _apply_rules(lines)[0]


def _apply_rules(lines):
    """Paragraphs with every rule's verdict, the authors, the title and the publisher."""
    paragraphs = join_lines(lines, keep_apart=is_furniture)
    apply_rules(paragraphs)
    authors = mark_bylines(paragraphs)
    title, publisher = mark_title(paragraphs)
    mark_publisher_lines(paragraphs, publisher)
    trim_captions(paragraphs)
    return paragraphs, authors, title, publisher


_WARNINGS = {
    "long_run": "{count} run(s) of symbols without a space were cut to MAX_RUN_CHARS ({limit}).",
    "combining_marks": "{count} run(s) of combining marks were cut to MAX_COMBINING_MARKS"
    " ({limit}).",
}


def _warnings(cut: list[Removed], limits: dict[str, int]) -> list[Notice]:
    """One notice per kind of bounded run, with how many there were."""
    counts = Counter(removed.kind for removed in cut)
    return [
        Notice(kind, _WARNINGS[kind].format(count=count, limit=limits[kind]))
        for kind, count in sorted(counts.items())
    ]
