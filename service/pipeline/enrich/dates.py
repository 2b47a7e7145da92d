"""DATE entities that name a point in time -> ISO 8601, resolved against the publication time."""

import re
from datetime import datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from ..lexicon import MONTH

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Durations ("a week", "more than two years") name no point in time: a date needs an anchor.
_ANCHOR = re.compile(
    rf"\b(?:{MONTH}|{'|'.join(_WEEKDAYS)}|today|yesterday|tomorrow|tonight"
    r"|ago|last|this|next|(?:1[6-9]|20)\d\d)\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\d{4}s\b|\d{4}\s*[-–]\s*\d{2,4}|\bend\b|\bbeginning\b|\bstart\b", re.IGNORECASE
)  # decades, ranges, "the end of the month"
_LEADING = re.compile(
    r"^(?:(?:on|in|at|by|since|until|from|during|the|early|mid|late|earlier"
    r"|later)[\s-]+)+",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    rf"^({'|'.join(_WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?$", re.IGNORECASE
)
_RELATIVE = re.compile(r"^(last|next|this)\s+(.+)$", re.IGNORECASE)
_PREFER = {"last": "past", "next": "future", "this": "current_period"}
_FORMATS = {"year": "%Y", "month": "%Y-%m", "week": "%G-W%V", "day": "%Y-%m-%d"}


def resolve(text: str, published: datetime) -> str | None:
    """ISO 8601 for a DATE mention, at the precision it names; None for durations and the vague.

    A bare weekday is the one nearest the publication day (three days either way), which is
    how news uses them; everything else is resolved by dateparser against the publication time.
    """
    cleaned = _LEADING.sub("", " ".join(text.split())).rstrip(".,")
    if not _ANCHOR.search(cleaned) or _VAGUE.search(cleaned):
        return None
    weekday = _WEEKDAY.match(cleaned)
    if weekday:
        delta = (_WEEKDAYS.index(weekday.group(1).lower()) - published.weekday()) % 7
        return (published + timedelta(days=delta - 7 * (delta > 3))).strftime("%Y-%m-%d")
    return _parse(cleaned.lower(), published)


@lru_cache(maxsize=4096)
def _parse(text: str, published: datetime) -> str | None:
    found = _dateparser(published, "past").get_date_data(text)
    relative = _RELATIVE.match(text)
    if found.date_obj is None and relative:
        found = _dateparser(published, _PREFER[relative.group(1)]).get_date_data(relative.group(2))
    if found.date_obj is None or found.period not in _FORMATS:
        return None
    return found.date_obj.strftime(_FORMATS[found.period])


def _dateparser(published: datetime, prefer: str) -> DateDataParser:
    settings = {"RELATIVE_BASE": published, "PREFER_DATES_FROM": prefer}
    return DateDataParser(languages=["en"], settings=settings)


def warm_up() -> None:
    """Load dateparser's language data now (~0.3 s), before workers fork, not on a request."""
    _parse.__wrapped__("wednesday", datetime(2000, 1, 1))
