"""Kept paragraphs -> the normalized text, its offset map, sections and removed spans."""

from ..offsets import OffsetMap
from ..types import Dateline, Removed, Section
from .layout import DatelineAt
from .pieces import Paragraph


def assemble(
    raw: str, paragraphs: list[Paragraph], dateline: DatelineAt | None
) -> tuple[str, OffsetMap, list[Section], Dateline | None, list[Removed]]:
    """Paragraphs joined by blank lines; every character mapped back to `raw`."""
    parts: list[str] = []
    offsets = OffsetMap()
    sections: list[Section] = []
    removed: list[Removed] = []
    located = None
    for index, paragraph in enumerate(paragraphs):
        removed += [Removed(kind, raw[s.start : s.end], s) for kind, s in paragraph.trimmed]
        if paragraph.kind:
            source = paragraph.source
            removed.append(Removed(paragraph.kind, raw[source.start : source.end], source))
            continue
        if parts:  # the break stands for everything between the two paragraphs
            offsets.add(2, offsets.raw_end, paragraph.pieces[0].raw_start, copied=False)
            parts.append("\n\n")
        start = offsets.length
        for piece in paragraph.pieces:
            offsets.add(len(piece.text), piece.raw_start, piece.raw_end, copied=piece.copied)
        parts.append(paragraph.text)
        if paragraph.section:
            sections.append(Section(paragraph.section, start, offsets.length))
        if dateline and dateline.paragraph == index:
            sections.append(Section("dateline", start, start + dateline.end))
            begin, end = dateline.location
            located = Dateline(
                paragraph.text[begin:end], dateline.agency, start + begin, start + end
            )
    return "".join(parts), offsets, sections, located, removed
