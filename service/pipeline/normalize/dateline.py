"""The dateline opening a story: `BRUSSELS (AP) –`, `LONDON (Reuters) -`, `WASHINGTON —`."""

import re

from ..lexicon import MONTH_STEMS

_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # Latin-1 letters too: SÃO PAULO, Zürich
_MONTH = rf"(?:{'|'.join(MONTH_STEMS)})[a-z]{{0,6}}\.?"
_MONTHS = rf"(?:{_MONTH} \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} {_MONTH}(?: \d{{4}})?)"
_DASH = r"(?:--|[–—-])"
# (AP), (dpa), and a press release's /PRNewswire/; lowercase only for the wires that write so,
# since "Name (required)" or "Copyright (c)" is not a dateline.
_AGENCY_NAME = r"(?:[A-Z][\w.&' -]{0,30}|dpa|dapd|epd|kna|efe)"
_AGENCY = rf"(?:\((?P<agency>{_AGENCY_NAME})\)|/(?P<wire>{_AGENCY_NAME})/)"
# ", Ukraine", ", N.Y.", ", D.C.", ", Calif.", ", New Mexico"
_TAIL_WORD = rf"[{_UPPER}][{_LOWER}]*\.?"
_PLACE_TAIL = rf"(?:, {_TAIL_WORD}(?:[{_UPPER}]\.)*(?: {_TAIL_WORD}){{0,2}})?"
# A space after the dash, or none after an em dash (the Journal's "WASHINGTON—The ...")
_AFTER_DASH = rf"(?:(?= )|(?<=—)(?=[{_UPPER}\"“]))"
_CAPS_WORD = rf"[{_UPPER}][{_UPPER}.'’-]+"
_WORD = rf"[{_UPPER}][{_LOWER}.'’-]+"
DATELINES = [
    re.compile(
        rf"(?P<location>{_CAPS_WORD}(?:[ /]{_CAPS_WORD}){{0,3}}{_PLACE_TAIL})"
        rf"(?:, {_MONTHS})?(?:(?: {_AGENCY})? ?(?P<dash>{_DASH}){_AFTER_DASH}|(?P<colon>:)(?= ))"
    ),
    re.compile(
        rf"(?P<location>{_WORD}(?: {_WORD}){{0,2}}{_PLACE_TAIL})"
        rf"(?:, {_MONTHS})? {_AGENCY}(?: ?(?P<dash>{_DASH})(?= )|(?P<colon>:)(?= ))?"
    ),
]
_WEEKDAYS = frozenset("MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY".split())
_NOT_PLACES = frozenset(
    "NATO EU UN US UK AP THE BREAKING UPDATE UPDATED WATCH LISTEN READ EXCLUSIVE CORRECTION NOTE"
    " ANALYSIS OPINION LIVE VIDEO PHOTOS WARNING".split()
)


def match_dateline(text: str) -> re.Match | None:
    """`BRUSSELS (AP) –`, `LONDON (Reuters) -`, `WASHINGTON —`, `Kyiv, Ukraine (CNN) —`."""
    for pattern in DATELINES:
        match = pattern.match(text)
        if match and match["location"].split(",")[0].upper() in _WEEKDAYS:
            continue  # "Monday, January 14, 2008 (Mumbai):" is a page's date line
        if match and (agency(match) or match["location"] not in _NOT_PLACES):
            return match
    return None


def agency(match: re.Match) -> str | None:
    """The agency a dateline names, in parentheses or between slashes."""
    return match["agency"] or match["wire"]
