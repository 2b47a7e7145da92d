"""Same-story fingerprints: a 64-bit SimHash (Charikar 2002) of the normalized body.

Written here rather than taken from the `simhash` package: its last release is from 2022, and
the algorithm is a dozen lines over numpy. Features are overlapping three-word shingles of the
lower-cased words, so the title (a section of its own, left out) and boilerplate that
normalization removed cannot move it, and an edited date moves only the few shingles around it.
"""

import hashlib
import re

import numpy

BITS = 64
SHINGLE_WORDS = 3
# Two bodies whose fingerprints differ in at most this many bits are the same story
# (bench/fingerprint_dedupe.py: precision and recall on re-published copies, docs/api.md).
SAME_STORY_DISTANCE = 12
_WORD = re.compile(r"\w+")
_SKIPPED_SECTIONS = {"title"}


def body(text: str, sections) -> str:
    """The text without its title section(s): a different headline is the same story."""
    spans = sorted((s.start, s.end) for s in sections if s.kind in _SKIPPED_SECTIONS)
    parts, at = [], 0
    for start, end in spans:
        parts.append(text[at:start])
        at = max(at, end)
    parts.append(text[at:])
    return " ".join(parts)


def simhash(text: str) -> str:
    """The 64-bit SimHash of `text`'s word shingles, as 16 hex digits."""
    words = _WORD.findall(text.lower())
    count = max(len(words) - SHINGLE_WORDS + 1, 1)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(count)} - {""}
    if not shingles:
        return "0" * (BITS // 4)
    digests = b"".join(hashlib.blake2b(s.encode(), digest_size=8).digest() for s in shingles)
    bits = numpy.unpackbits(numpy.frombuffer(digests, dtype=numpy.uint8)).reshape(-1, BITS)
    majority = bits.sum(axis=0) * 2 > len(shingles)
    return numpy.packbits(majority).tobytes().hex()


def distance(first: str, second: str) -> int:
    """Hamming distance between two fingerprints (hex)."""
    return (int(first, 16) ^ int(second, 16)).bit_count()


def same_story(first: str, second: str) -> bool:
    """Whether two fingerprints are within SAME_STORY_DISTANCE bits."""
    return distance(first, second) <= SAME_STORY_DISTANCE
