"""Entity mentions -> groups of mentions of one real-world thing, each with a canonical name."""

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import TITLES
from ..types import Mention

NUMERIC = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# Different spellings of one place or body that no rule can derive from the text.
ALIASES = {
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "fed": "federal reserve",
}
# An article names the same few things again and again, and the news names them across
# articles: display() and key_of() are asked ~60 times a request, mostly for names seen before.
NAMES_CACHED = 4096
# Titles the model sometimes includes in a person's span: not part of the name.
_TITLE = re.compile(rf"^(?:(?:{'|'.join(TITLES)})\.?\s+)+", re.IGNORECASE)
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s?)$")
_ACRONYM = re.compile(r"[A-Z]{2,7}")
# Capitalised words that stand before a surname without being a first name.
_NOT_NAMES = frozenset(
    """says said told asks asked adds added writes wrote coach boss manager
captain striker winger star veteran defender midfielder goalkeeper""".split()
)
_COMPANY = frozenset(
    """inc corp corporation co company ltd llc plc group holdings therapeutics
pharmaceuticals technologies systems labs resources capital partners industries international
""".split()
)
_MINOR = frozenset({"of", "and", "the", "for", "in", "on", "at", "de", "&"})


@lru_cache(maxsize=NAMES_CACHED)
def display(text: str, label: str = "") -> str:
    """A mention as a name: no leading article or person's title, no possessive ending."""
    name = _POSSESSIVE.sub("", _ARTICLE.sub("", " ".join(text.split())))
    return _TITLE.sub("", name) or name if label == "PERSON" else name


def complete_name(name: str, text: str) -> str:
    """`Arteta` -> `Mikel Arteta` when the text writes the full name where the model missed it
    (a capitalised word before the surname that is no title, function word or verb)."""
    start = text.find(" " + name)
    for _ in range(20):  # bounded: a surname is written in full near its first use
        if start < 0:
            return name
        before = text[max(start - 40, 0) : start].split()
        first = before[-1] if before else ""
        end = start + 1 + len(name)
        whole = end == len(text) or not text[end].isalnum()
        if whole and first.istitle() and first.isalpha() and _plausible_first(first):
            return f"{first} {name}"
        start = text.find(" " + name, start + 1)
    return name


def _plausible_first(word: str) -> bool:
    lower = word.lower()
    return lower not in STOP_WORDS and lower not in _NOT_NAMES and not _TITLE.match(word + " ")


@lru_cache(maxsize=NAMES_CACHED)
def key_of(text: str, label: str = "") -> str:
    """What two mentions of the same thing share: case, dots, titles and aliases folded away."""
    key = display(text, label).casefold().replace(".", "")
    return ALIASES.get(key, key)


def group_mentions(mentions: list[Mention]) -> list[int]:
    """The group number of every mention; groups are numbered by their first mention."""
    keys = [(m.label if m.label in NUMERIC else "NAMED", key_of(m.text, m.label)) for m in mentions]
    keys = _anchor_short_organisations(_anchor_partial_names(keys, mentions), mentions)
    first_of: dict[tuple[str, str], int] = {}
    for index, key in enumerate(keys):
        first_of.setdefault(key, index)
    parent = {key: key for key in first_of}
    _join_acronyms([k for k in first_of if k[0] == "NAMED" and k[1]], mentions, first_of, parent)
    numbers: dict[tuple[str, str], int] = {}
    return [numbers.setdefault(_find(parent, key), len(numbers)) for key in keys]


def _anchor_short_organisations(keys: list, mentions: list[Mention]) -> list:
    """`Rovers` joins `Bristol Rovers` and `Commission` the `European Commission`: one word that
    ends exactly one organisation's name in the document. `Northern Ridge` joins `Northern
    Ridge Resources`: a name without its company designator (but `Apple` not `Apple Music`),
    whatever label the model gave the shorter one."""
    ends: dict[str, set] = {}
    stems: dict[str, set] = {}
    for key, mention in zip(keys, mentions, strict=True):
        words = key[1].split()
        if mention.label == "ORG" and len(words) > 1:
            ends.setdefault(words[-1], set()).add(key)
            for cut in range(len(words) - 1, 0, -1):
                if words[cut] not in _COMPANY:
                    break
                stems.setdefault(" ".join(words[:cut]), set()).add(key)
    anchored = []
    for key, mention in zip(keys, mentions, strict=True):
        fits = stems.get(key[1], set()) if key[0] == "NAMED" else set()
        if not fits and mention.label in ("ORG", "NORP"):
            fits = ends.get(key[1], set())
        anchored.append(next(iter(fits)) if len(fits) == 1 else key)
    return anchored


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


def _anchor_partial_names(keys: list, mentions: list[Mention]) -> list:
    """`Putin` takes the key of `Vladimir Putin`: a shorter name that ends a person's full name
    (or, labelled PERSON and alone, starts it) belongs to the nearest such person named before
    it, else the first one named after it; so `Mr. Adams` and `Ms. Adams` find their own Adams.
    The model often labels a lone surname GPE or ORG: the shorter mention may have any name label.
    Full names are indexed by word, with the offsets of their mentions, so each shorter mention
    costs a bisect per full name that fits, not a scan of every mention.
    """
    people: dict[str, dict[tuple, list[int]]] = {}
    for key, mention in zip(keys, mentions, strict=True):
        words = key[1].split()
        if mention.label == "PERSON" and len(words) > 1:
            for index in (words[-1], "first:" + words[0]):
                people.setdefault(index, {}).setdefault(key, []).append(mention.start)
    anchored = []
    for key, mention in zip(keys, mentions, strict=True):
        words = key[1].split()
        fits = (
            {}
            if key[0] != "NAMED" or not words
            else {
                person: starts
                for person, starts in people.get(words[-1], {}).items()
                if _ends_with(person[1].split(), words)
            }
        )
        if not fits and len(words) == 1 and mention.label == "PERSON":
            fits = people.get("first:" + words[0], {})
        anchored.append(nearest_before(fits, mention.start) if fits else key)
    return anchored


def nearest_before(candidates: dict, offset: int):
    """The candidate last mentioned before `offset`, else the one mentioned first after it.

    `candidates` maps each candidate to the sorted offsets of its mentions.
    """
    best, best_start = None, -1
    for candidate, starts in candidates.items():
        index = bisect_left(starts, offset)
        if index and starts[index - 1] > best_start:
            best, best_start = candidate, starts[index - 1]
    if best is not None:
        return best
    return min(candidates, key=lambda candidate: candidates[candidate][0])


def _ends_with(longer: list[str], shorter: list[str]) -> bool:
    return len(longer) > len(shorter) and longer[-len(shorter) :] == shorter
