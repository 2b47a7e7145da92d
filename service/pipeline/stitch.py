"""One Analysis from the analyses of a text's chunks, every offset and index made whole-text."""

from dataclasses import replace
from itertools import chain

from .chunks import Chunk
from .types import Analysis, Mention, Span, Tokens


def stitch(parts: list[tuple[Chunk, Analysis]]) -> Analysis:
    """The analyses of consecutive chunks of one text as the analysis of the whole text."""
    if len(parts) == 1 and parts[0][0].token_start == 0:
        return parts[0][1]
    mentions: list[Mention] = []
    sentences: list[Span] = []
    tokens: list[Tokens] = []
    for chunk, analysis in parts:
        shift = chunk.char_start
        mentions += [replace(m, start=m.start + shift, end=m.end + shift)
                     for m in analysis.mentions]
        if analysis.tokens is not None:
            tokens.append(_shifted(analysis.tokens, chunk, len(sentences)))
        sentences += [Span(s.start + shift, s.end + shift) for s in analysis.sentences]
    return Analysis(
        mentions,
        sentences,
        sum(analysis.words for _, analysis in parts),
        sum(analysis.stopwords for _, analysis in parts),
        _joined(tokens) if tokens else None,
    )


def _shifted(tokens: Tokens, chunk: Chunk, sentences_before: int) -> Tokens:
    shift, first = chunk.char_start, chunk.token_start
    return Tokens(
        starts=tuple(start + shift for start in tokens.starts),
        ends=tuple(end + shift for end in tokens.ends),
        deps=tokens.deps,
        heads=tuple(head + first for head in tokens.heads),
        sents=tuple(sent + sentences_before for sent in tokens.sents),
    )


def _joined(parts: list[Tokens]) -> Tokens:
    def column(name: str) -> tuple:
        return tuple(chain.from_iterable(getattr(part, name) for part in parts))

    return Tokens(*(column(name) for name in ("starts", "ends", "deps", "heads", "sents")))
