"""The dateline opening a story: `BRUSSELS (AP) –`, `LONDON (Reuters) -`, `WASHINGTON —`."""

import re

from ..lexicon import MONTH_STEMS

_MONTHS = rf"(?:{'|'.join(MONTH_STEMS)})[a-z]{{0,6}}\.? \d{{1,2}}"
_DASH = r"(?:--|[–—-])"
_AGENCY = r"\((?P<agency>[A-Z][\w.&' -]{0,30})\)"
_PLACE_TAIL = r"(?:, [A-Z][a-z.]+(?: [A-Z][a-z.]+){0,2})?"
DATELINES = [
    re.compile(
        rf"(?P<location>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){{0,3}}{_PLACE_TAIL})"
        rf"(?:, {_MONTHS})?(?:(?: {_AGENCY})? ?(?P<dash>{_DASH})|(?P<colon>:))(?= )"
    ),
    re.compile(
        rf"(?P<location>[A-Z][a-z.'’-]+(?: [A-Z][a-z.'’-]+){{0,2}}{_PLACE_TAIL})"
        rf" {_AGENCY}(?: ?(?P<dash>{_DASH})(?= ))?"
    ),
]
_NOT_PLACES = frozenset(
    "NATO EU UN US UK AP THE BREAKING UPDATE UPDATED WATCH LISTEN READ EXCLUSIVE CORRECTION NOTE"
    " ANALYSIS OPINION LIVE VIDEO PHOTOS WARNING".split()
)


def match_dateline(text: str) -> re.Match | None:
    """`BRUSSELS (AP) –`, `LONDON (Reuters) -`, `WASHINGTON —`, `Kyiv, Ukraine (CNN) —`."""
    for pattern in DATELINES:
        match = pattern.match(text)
        if match and (match["agency"] or match["location"] not in _NOT_PLACES):
            return match
    return None
