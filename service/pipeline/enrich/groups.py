"""Entity mentions -> groups of mentions of one real-world thing, each with a canonical name."""

import re

from ..types import Mention

NUMERIC = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# Different spellings of one place or body that no rule can derive from the text.
ALIASES = {
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "uk": "united kingdom",
    "britain": "united kingdom", "great britain": "united kingdom", "un": "united nations",
    "eu": "european union",
}
_HONORIFIC = re.compile(r"^(?:(?:mr|mrs|ms|dr|sen|rep|gov|gen|president|prime minister)\.?\s+)+")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s?)$")
_ACRONYM = re.compile(r"[A-Z]{2,7}")
_MINOR = frozenset({"of", "and", "the", "for", "in", "on", "at", "de", "&"})


def display(text: str) -> str:
    """A mention as a name: no leading article, no possessive ending, single spaces."""
    return _POSSESSIVE.sub("", _ARTICLE.sub("", " ".join(text.split())))


def key_of(text: str) -> str:
    """What two mentions of the same thing share: case, dots, titles and aliases folded away."""
    key = _HONORIFIC.sub("", display(text).casefold().replace(".", ""))
    return ALIASES.get(key, key)


def group_mentions(mentions: list[Mention]) -> list[int]:
    """The group number of every mention; groups are numbered by their first mention."""
    keys = [(m.label if m.label in NUMERIC else "NAMED", key_of(m.text)) for m in mentions]
    first_of: dict[tuple[str, str], int] = {}
    for index, key in enumerate(keys):
        first_of.setdefault(key, index)
    parent = {key: key for key in first_of}
    named = [key for key in first_of if key[0] == "NAMED" and key[1]]
    _join_acronyms(named, mentions, first_of, parent)
    _join_partial_names(named, mentions, first_of, parent)
    roots = [_find(parent, key) for key in keys]
    numbers: dict[tuple[str, str], int] = {}
    return [numbers.setdefault(root, len(numbers)) for root in roots]


def _find(parent: dict, key):
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _join_acronyms(named, mentions, first_of, parent) -> None:
    """`NATO` joins `North Atlantic Treaty Organization` when both occur."""
    expansions = {}
    for key in named:
        words = display(mentions[first_of[key]].text).split()
        if len(words) >= 2:
            initials = "".join(w[0] for w in words if w.casefold() not in _MINOR).upper()
            expansions.setdefault(initials, key)
    for key in named:
        text = display(mentions[first_of[key]].text).replace(".", "")
        if _ACRONYM.fullmatch(text) and text in expansions:
            parent[_find(parent, key)] = _find(parent, expansions[text])


def _join_partial_names(named, mentions, first_of, parent) -> None:
    """`Putin` joins `Vladimir Putin`: a shorter name that ends (or, alone, starts) a person's name.

    The model often labels a lone surname GPE or ORG, so the shorter mention may have any name
    label. Among several people who fit, the one first named nearest before it wins.
    """
    by_word: dict[str, list] = {}
    for key in named:
        words = key[1].split()
        if mentions[first_of[key]].label == "PERSON" and len(words) > 1:
            by_word.setdefault(words[-1], []).append(key)
            by_word.setdefault("first:" + words[0], []).append(key)
    for key in named:
        words = key[1].split()
        fits = [p for p in by_word.get(words[-1], ()) if _ends_with(p[1].split(), words)]
        if not fits and len(words) == 1 and mentions[first_of[key]].label == "PERSON":
            fits = by_word.get("first:" + words[0], [])
        start = mentions[first_of[key]].start
        if fits:
            best = min(fits, key=lambda p: (mentions[first_of[p]].start > start,
                                            abs(start - mentions[first_of[p]].start)))
            parent[_find(parent, key)] = _find(parent, best)


def _ends_with(longer: list[str], shorter: list[str]) -> bool:
    return len(longer) > len(shorter) and longer[-len(shorter):] == shorter
