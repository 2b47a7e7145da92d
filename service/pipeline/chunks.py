"""Bounded model work: texts as Docs tokenized in bounded pieces, cut into chunks of at most a
set number of tokens and grouped into minibatches of at most a set number of tokens.

spaCy's tokenizer is quadratic in a run without spaces ("'s" * 5,000 takes seconds), and the
parser's and recognizer's memory grows with the tokens of a Doc (100k one-letter words: ~1 GB).
Bounding the run, the Doc and the minibatch makes both time and memory proportional to size,
whatever the document's shape (bench/worst_case_search.py). The text is never changed, so every
offset stays exact.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

MAX_UNSPACED_CHARS = 200  # longest run without a space tokenized whole: URLs up to this stay one
MAX_CHUNK_TOKENS = 2_000  # tokens per Doc the model sees: a news article (~1,200 at most) is one
NLP_BATCH_TOKENS = 6_000  # tokens per model minibatch: with the chunk, bounds peak memory


@dataclass(frozen=True, slots=True)
class Bounds:
    """The model's work bounds (service/config.py documents each)."""

    unspaced_chars: int = MAX_UNSPACED_CHARS
    chunk_tokens: int = MAX_CHUNK_TOKENS
    batch_tokens: int = NLP_BATCH_TOKENS
    request_tokens: int = 0  # estimated tokens per run() (budget.py): 0 for no bound


DEFAULT_BOUNDS = Bounds()


@dataclass(frozen=True, slots=True)
class Chunk:
    """Part of text number `index`: its Doc and where it starts in the whole text's tokens."""

    index: int
    char_start: int
    token_start: int
    doc: Doc


def tokenize(nlp: Language, text: str, max_run: int) -> Doc:
    """nlp.make_doc(text), with every run of more than `max_run` non-spaces cut into pieces of
    `max_run` that are tokenized apart; the Doc's text is `text` exactly."""
    cuts = [
        cut
        for match in re.finditer(rf"\S{{{max_run + 1},}}", text)
        for cut in range(match.start() + max_run, match.end(), max_run)
    ]
    if not cuts:
        return nlp.make_doc(text)
    bounds = [0, *cuts, len(text)]
    pieces = [nlp.make_doc(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return Doc.from_docs(pieces, ensure_whitespace=False)


def paragraph_starts(doc: Doc) -> list[int]:
    """Indexes of the tokens that begin a paragraph (after a whitespace token with a newline)."""
    spaces = numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist()
    return [index + 1 for index in spaces if "\n" in doc[index].text]


def cut(length: int, starts: list[int], limit: int) -> list[tuple[int, int]]:
    """Token ranges of at most `limit` tokens, each ending at a paragraph start when one is near
    enough; a paragraph longer than `limit` is cut every `limit` tokens."""
    ranges, begin, last = [], 0, 0  # last: the furthest paragraph start that still fits
    for stop in [*starts, length]:
        if stop - begin > limit:
            if last > begin:
                ranges.append((begin, last))
                begin = last
            while stop - begin > limit:
                ranges.append((begin, begin + limit))
                begin += limit
        last = stop
    if length > begin:
        ranges.append((begin, length))
    return ranges


def chunks(docs: Iterable[Doc], limit: int) -> Iterator[Chunk]:
    """Every Doc as chunks of at most `limit` tokens; a Doc that fits is its own chunk."""
    for index, doc in enumerate(docs):
        if len(doc) <= limit:
            yield Chunk(index, 0, 0, doc)
            continue
        head = doc._get_array_attrs()
        array = doc.to_array(head)  # once, not once per chunk as Span.as_doc would
        for begin, end in cut(len(doc), paragraph_starts(doc), limit):
            piece = doc[begin:end].as_doc(array_head=head, array=array)
            yield Chunk(index, doc[begin].idx, begin, piece)


def minibatches(items: Iterable[Chunk], *, tokens: int, size: int) -> Iterator[list[Chunk]]:
    """Consecutive chunks, at most `size` of them and `tokens` tokens in each group (one chunk
    over `tokens` goes alone)."""
    group: list[Chunk] = []
    total = 0
    for item in items:
        if group and (total + len(item.doc) > tokens or len(group) >= size):
            yield group
            group, total = [], 0
        group.append(item)
        total += len(item.doc)
    if group:
        yield group
