"""He or she: which people the text itself shows as one or the other, for pronoun agreement."""

from collections.abc import Callable

from ..lexicon import HONORIFIC_GENDER
from .speech import SUBJECTS, Parse

_GENDER = {"he": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}
CLIMB = 4  # clauses walked up from a pronoun to the subject it agrees with


def pronoun_gender(word: str) -> str | None:
    """`m` for he, `f` for she, None for any other word."""
    return _GENDER.get(word) if word in ("he", "she") else None


def infer_genders(parse: Parse, person_of: Callable[[int], int | None]) -> dict[int, str]:
    """Gender by person group, where the text shows it: an honorific before the name
    (`Mr. Adams`); `X says she …` (a he/she subject of a clause under X's verb); `X left her
    home` (a his/her possessive or a reflexive in X's clause). Object pronouns say nothing:
    `him`/`her` rarely mean the subject. A person shown both ways is left out."""
    found: dict[int, str] = {}
    tokens = parse.tokens
    for index, word in enumerate(parse.lower):
        gender = HONORIFIC_GENDER.get(word)
        if gender and index + 1 < len(parse.lower):
            _note(found, person_of(index + 1), gender)
        gender = _GENDER.get(word)
        if gender is None or parse.quoted_at(tokens.starts[index]):
            continue
        dep = tokens.deps[index]
        if dep in SUBJECTS and word in ("he", "she"):
            _note(found, _subject_above(parse, tokens.heads[index], person_of), gender)
        elif dep == "poss" or word.endswith("self"):
            _note(found, _subject_above(parse, index, person_of), gender)
    return {group: gender for group, gender in found.items() if gender != "?"}


def _subject_above(parse: Parse, token: int, person_of) -> int | None:
    for _ in range(CLIMB):
        head = parse.tokens.heads[token]
        if head == token:
            return None
        subject = parse.child(head, SUBJECTS, parse.everywhere)
        group = None if subject is None or subject == token else person_of(subject)
        if group is not None:
            return group
        token = head
    return None


def _note(found: dict[int, str], group: int | None, gender: str) -> None:
    if group is not None:
        found[group] = gender if found.get(group, gender) == gender else "?"
