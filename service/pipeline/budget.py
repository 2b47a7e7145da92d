"""The work budget of a request: its tokens estimated before the model runs, 413 above.

The estimate is one linear regex, at least about spaCy's own count for every shape the worst-case
search tried (bench/worst_case_search.py), so the model's time, proportional to tokens once
chunks.py bounds the rest, is bounded too.
"""

import re
from functools import lru_cache

from .chunks import MAX_UNSPACED_CHARS


class TooMuchWork(ValueError):
    """The texts of one request would take the model past its work bound."""

    def __init__(self, tokens: int, limit: int) -> None:
        super().__init__(
            f"The text comes to about {tokens} tokens (words, punctuation marks, line breaks)"
            f" for the model; the limit per request is MAX_REQUEST_TOKENS ({limit})."
        )
        self.tokens, self.limit = tokens, limit


@lru_cache(maxsize=4)
def _units(max_run: int) -> re.Pattern:
    # Words (cut as tokenize() cuts them), punctuation marks, and the whitespace spaCy makes
    # tokens of: anything but a single space between two tokens.
    return re.compile(rf"\w{{1,{max_run}}}|[^\w\s]|\s\s+|[^\S ]")


def estimate_tokens(text: str, max_run: int = MAX_UNSPACED_CHARS) -> int:
    """Words, punctuation marks and whitespace tokens in `text`: at least about spaCy's token
    count for every shape measured (bench/worst_case_search.py), in linear time, no model."""
    return len(_units(max_run).findall(text))  # no groups: one string per match
