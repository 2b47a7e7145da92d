"""Offsets in code points -> UTF-16 code units or UTF-8 bytes, applied once on the way out."""

import re
from bisect import bisect_left
from dataclasses import replace

from ..types import Enrichment, Span

ENCODINGS = ("codepoint", "utf16", "utf8")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 code units each
_NON_ASCII = re.compile("[^\x00-\x7f]")


class Encoder:
    """Maps a code-point offset of one text to its offset in `encoding`.

    Only characters wider than one unit are recorded, so ASCII text costs nothing and the
    rest one regex scan plus a bisect per offset.
    """

    def __init__(self, text: str, encoding: str) -> None:
        self._positions: list[int] = []
        self._extra = [0]
        if encoding == "codepoint" or text.isascii():
            return
        pattern = _ASTRAL if encoding == "utf16" else _NON_ASCII
        for match in pattern.finditer(text):
            self._positions.append(match.start())
            self._extra.append(self._extra[-1] + _width(match.group(), encoding) - 1)

    def __call__(self, offset: int) -> int:
        return offset + self._extra[bisect_left(self._positions, offset)]

    def span(self, span: Span) -> Span:
        """The same span in this encoding."""
        return Span(self(span.start), self(span.end))


def _width(char: str, encoding: str) -> int:
    return 2 if encoding == "utf16" else len(char.encode("utf-8"))


def encode(result: Enrichment, raw: str, encoding: str) -> Enrichment:
    """Every offset of `result` in `encoding`: source offsets against `raw`, others against text."""
    if encoding == "codepoint":
        return result
    at, source = Encoder(result.text, encoding), Encoder(raw, encoding)
    return replace(
        result,
        entities=_each(
            result.entities,
            lambda e: replace(e, start=at(e.start), end=at(e.end), source=source.span(e.source)),
        ),
        groups=_each(result.groups, lambda g: replace(g, first=at.span(g.first))),
        quotes=_each(
            result.quotes,
            lambda q: replace(
                q,
                start=at(q.start),
                end=at(q.end),
                speaker=q.speaker
                and replace(q.speaker, start=at(q.speaker.start), end=at(q.speaker.end)),
            ),
        ),
        sentences=_each(result.sentences, at.span),
        keyphrases=_each(result.keyphrases, lambda k: replace(k, start=at(k.start), end=at(k.end))),
        removed=_each(result.removed, lambda r: replace(r, source=source.span(r.source))),
        sections=[replace(s, start=at(s.start), end=at(s.end)) for s in result.sections],
        dateline=result.dateline
        and replace(result.dateline, start=at(result.dateline.start), end=at(result.dateline.end)),
    )


def _each(items, convert):
    return None if items is None else [convert(item) for item in items]
