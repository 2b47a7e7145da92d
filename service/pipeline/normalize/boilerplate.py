"""The rule engine: paragraphs matched against the tables in rules.py, link lists, repeats."""

import re

from .bylines import parse_byline
from .headline import split_headline
from .pieces import Paragraph
from .rules import RULES, Rule

MAX_RULE_CHARS = 800  # longer paragraphs are prose: no rule is even tried on them
MAX_LINK_ITEMS = 15
_HEADER_ITEMS = 2  # a headline and its deck
_HEADLINE_WORDS = 4  # fewer is a topic in a trending bar, not a headline
_BYLINE_KINDS = frozenset({None, "byline", "related_links"})
_LIST_ITEM_CHARS = 100  # a longer line is prose: the list it was in has ended
_LIST_INTRO_WORDS = 3  # "Results on Saturday:" introduces a list; "Search site:" is a field
_MIN_DUPLICATE_CHARS = 20  # a repeated short line ("Yes.") may be prose said twice
_LINK_END = frozenset(".!\"”’':;,")
# What makes a date/number line page furniture rather than a line of the article's own text.
_STAMP = re.compile(
    r"(?i)\b(?:updated|published|posted|modified|issued|ago|[ap]\.?m\.?|gmt|utc|[ecmp][sd]t)\b"
    r"|\d:\d\d|\d/\d|\d{4}-\d\d(?!\d)"
)
# Years alone ("1999-2003", "2004-2007 Motherwell"): a career table's rows, never a stamp.
_YEARS = re.compile(r"(?:19|20)\d\d(?: ?[-–—/] ?(?:19|20)?\d\d)?(?: [A-Z][a-z]{2,20})?")
_NUMERIC_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")  # a list's date; with a time, a stamp
# Opening hours in an events list ("10:00 am – 3:00 pm"): a page stamps one time, not a span.
_TIME = r"\d{1,2}(?::\d\d)?(?: ?[ap]\.?m\.?)?"
_HOURS = re.compile(rf"(?i){_TIME} ?(?:[-–—]|to) ?{_TIME}")
# All rules in one alternation: one fullmatch per paragraph, the group name says which rule.
_ANY_RULE = re.compile("|".join(f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(RULES)))


def rule_for(text: str) -> Rule | None:
    """The first rule that matches the whole of `text`, if any."""
    if len(text) > MAX_RULE_CHARS:
        return None
    match = _ANY_RULE.fullmatch(text)
    return RULES[int(match.lastgroup[1:])] if match else None


def is_furniture(text: str) -> bool:
    """A line some rule removes: never joined to its neighbours."""
    return rule_for(text) is not None


def apply_rules(paragraphs: list[Paragraph]) -> None:
    """Mark every paragraph a rule matches, and the link lines under a link-list header."""
    rules = [rule_for(paragraph.text) for paragraph in paragraphs]
    last_prose = max(
        (i for i, p in enumerate(paragraphs) if not (rules[i] or _is_link_item(p.text, True))),
        default=-1,
    )
    items_left, listing = 0, False
    for index, (paragraph, rule) in enumerate(zip(paragraphs, rules, strict=True)):
        previous = paragraphs[index - 1] if index else None
        if rule is not None and not (
            (rule.kind == "timestamp" and _is_text(paragraph.text, previous, listing))
            or (rule.kind == "web_address" and (listing or _introduced(previous)))
        ):
            paragraph.kind = rule.kind
            items_left = MAX_LINK_ITEMS if rule.starts_block else 0
        elif items_left and _is_link_item(paragraph.text, index > last_prose):
            paragraph.kind = "related_links"
            items_left -= 1
        else:
            items_left = 0
        listing = _lists(paragraph, listing)
    _give_back_headline(paragraphs, rules)


def _give_back_headline(paragraphs: list[Paragraph], rules: list[Rule | None]) -> None:
    """A link list that ran on into the article's header ("TRENDING:", a few topics, then the
    headline and its deck over "By Name"): the items right above a byline are the headline
    and deck. (A date line is no sign: teaser lists date their items.)"""
    for index in range(1, len(paragraphs)):
        below = paragraphs[index]
        listed = paragraphs[index - 1].kind == "related_links"
        if not listed or below.kind not in _BYLINE_KINDS or parse_byline(below.text) is None:
            continue
        if below.kind == "related_links":
            below.kind = None  # the byline the list ran into: mark_bylines names its author
        for above in range(index - 1, max(index - 1 - _HEADER_ITEMS, -1), -1):
            item = paragraphs[above]
            topic = item.text.count(" ") < _HEADLINE_WORDS - 1  # "NHL Forum", "Road closures"
            if item.kind != "related_links" or topic or rules[above]:
                break  # the list's own topics and header ("Tags: …") stay removed
            item.kind = None


def _lists(paragraph: Paragraph, listing: bool) -> bool:
    """Whether the lines after `paragraph` are items of a list it introduced ("… at one of
    the following clinics:", "on Saturday:") or continues: their dates are an events list's
    or a results table's, not the page's stamps. A line of prose, or one a rule removed,
    ends the list."""
    if paragraph.kind:
        return False
    if paragraph.text[-1] == ":":  # "Search site:", "Username:" label a field, not a list
        return paragraph.text.count(" ") >= _LIST_INTRO_WORDS - 1
    return listing and len(paragraph.text) <= _LIST_ITEM_CHARS


def _is_text(text: str, previous: Paragraph | None, listing: bool) -> bool:
    """A date, score or count line of wire copy's own text, not a page's timestamp: "on
    Saturday:" introducing a table, a score or attendance (no letters), opening hours, years
    alone, or a date in a list a line introduced (`listing`, _lists) or under a score; never
    one with a single clock time or an "Updated" word, nor a numeric date outside a list."""
    if text[-1] == ":" or _HOURS.fullmatch(text) or _YEARS.fullmatch(text):
        return True
    if text[-1] in ".!" and not any(c.isdigit() for c in text):
        return True  # "Updated on Monday." is a sentence; a page's stamp carries a number
    # Under "on Saturday:" or a score line, a date is a line of the results it lists.
    introduced = _introduced(previous) or (
        previous is not None and not previous.kind and _bare(previous.text)
    )
    if _STAMP.search(text):
        return bool(_NUMERIC_DATE.fullmatch(text)) and (listing or introduced)  # "01/15/2008"
    return listing or introduced or _bare(text)


def _introduced(previous: Paragraph | None) -> bool:
    """Whether the line before is a kept one that introduces what follows ("On the Net:")."""
    return previous is not None and not previous.kind and previous.text[-1] == ":"


def _bare(text: str) -> bool:
    """No letters at all: a score ("2-1") or a count ("12,000")."""
    return not any(c.isalpha() for c in text)


def _is_link_item(text: str, trailing: bool) -> bool:
    """A headline-like line: short, not ending like a sentence. A question counts only in a
    list that ends the page: in the middle of an article it may be the writer's own question."""
    if text[-1] in _LINK_END or (text[-1] == "?" and not trailing):
        return False
    # The page's own headline ("… - Bloomberg") ends a list printed above it.
    return len(text) <= 160 and len(text.split()) <= 20 and split_headline(text)[1] is None


def drop_duplicates(paragraphs: list[Paragraph]) -> None:
    """Every repeat of a kept paragraph (a caption printed twice, a pull quote) is removed."""
    seen: set[str] = set()
    for paragraph in paragraphs:
        if paragraph.kind or len(paragraph.text) < _MIN_DUPLICATE_CHARS:
            continue
        if paragraph.text in seen:
            paragraph.kind = "duplicate"
        seen.add(paragraph.text)
