"""Title and publisher from a headline line: "Headline: NPR", "Headline | World | The Guardian"."""

import re

from .rules import PUBLISHERS

_SEPARATORS = (" | ", " - ", " – ", " — ", ": ")
_TITLE_CASE = re.compile(
    r"(?:The )?[A-Z0-9][\w.&'’-]*(?: (?:[A-Z0-9&][\w.&'’-]*|of|the|and|on|news)){0,4}"
)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_SECTION = re.compile(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,3}")
_TRAIL = re.compile(r" [>»›] ")


def split_headline(text: str) -> tuple[int, str | None]:
    """Where a publisher suffix starts in a headline, and the publisher; (len, None) if none."""
    start, sep = max((text.rfind(sep), sep) for sep in _SEPARATORS)
    if start <= 0:
        return len(text), None
    name = text[start + len(sep) :].strip()
    if _DATE.fullmatch(name):  # "Headline – DW – 10/04/2022"
        end, publisher = split_headline(text[:start])
        return (end, publisher) if publisher else (len(text), None)
    known = name.casefold() in PUBLISHERS
    if not known and _is_wire_headline(text[:start], name):
        return len(text), None
    if sep == ": " and not (known or _ACRONYM.fullmatch(name)):
        return len(text), None
    if not (known or _TITLE_CASE.fullmatch(name)):
        return len(text), None
    section = text.rfind(" | ", 0, start)  # "Headline | World news | The Guardian"
    if sep == " | " and section > 0 and _SECTION.fullmatch(text[section + 3 : start]):
        start = section
    return len(text[:start].rstrip()), name


def _is_wire_headline(head: str, name: str) -> bool:
    """Wire copy's "SOCCER - ROMANIA BEAT LITHUANIA": a topic label, then a shouted headline."""
    topic = head.strip()
    return topic.isupper() and (" " not in topic or (name.isupper() and topic.count(" ") < 3))


def is_headline(text: str) -> bool:
    """Short, capitalised, not ending like a sentence, and no breadcrumb trail ("Home > World")."""
    words = len(text.split())
    return (
        2 <= words <= 30 and text[0].isupper() and text[-1] not in ".,;:"
        and _TRAIL.search(text) is None
    )
