"""Kept paragraphs -> the normalized text, its offset map, sections and removed spans."""

from ..offsets import OffsetMap
from ..types import Dateline, Removed, Section, Span
from .layout import DatelineAt
from .pieces import Paragraph


def assemble(
    raw: str, paragraphs: list[Paragraph], dateline: DatelineAt | None
) -> tuple[str, OffsetMap, list[Span], list[Section], Dateline | None, list[Removed]]:
    """Paragraphs joined by blank lines, their spans; every character mapped back to `raw`."""
    parts: list[str] = []
    spans: list[Span] = []
    offsets = OffsetMap()
    sections: list[Section] = []
    located = None
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind:
            continue
        start = _append(paragraph, parts, offsets)
        spans.append(Span(start, offsets.length))
        if paragraph.section:
            sections.append(Section(paragraph.section, start, offsets.length))
        if dateline and dateline.paragraph == index:
            sections.append(Section("dateline", start, start + dateline.end))
            located = _located(dateline, paragraph.text, start)
    return "".join(parts), offsets, spans, sections, located, _removed(raw, paragraphs)


def _append(paragraph: Paragraph, parts: list[str], offsets: OffsetMap) -> int:
    """Add a paragraph to the text and the map; where it starts in the text."""
    if parts:  # the break stands for everything between the two paragraphs
        offsets.add(2, offsets.raw_end, paragraph.pieces[0].raw_start, copied=False)
        parts.append("\n\n")
    start = offsets.length
    for piece in paragraph.pieces:
        offsets.add(len(piece.text), piece.raw_start, piece.raw_end, copied=piece.copied)
    parts.append(paragraph.text)
    return start


def _located(dateline: DatelineAt, text: str, start: int) -> Dateline:
    begin, end = dateline.location
    return Dateline(text[begin:end], dateline.agency, start + begin, start + end)


def _removed(raw: str, paragraphs: list[Paragraph]) -> list[Removed]:
    """Every cut, whole paragraphs and trimmed ends, with its raw text and offsets."""
    spans = [
        cut
        for p in paragraphs
        for cut in [(*trim, None) for trim in p.trimmed]
        + ([(p.kind, p.source, p.score)] if p.kind else [])
    ]
    return [Removed(kind, raw[span.start : span.end], span, score) for kind, span, score in spans]
