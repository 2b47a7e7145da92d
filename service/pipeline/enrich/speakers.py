"""Who a subject token names: its entity, an apposition, a surname, a pronoun's person,
`the company`'s organisation or `the judge`'s titled person; bounded look-backs only."""

from bisect import bisect_right

from ..types import Mention, Speaker
from .genders import infer_genders, pronoun_gender
from .speech import SUBJECTS, Parse

_NOUN_PHRASE = frozenset({"det", "amod", "compound", "poss", "case", "nummod", "nmod"})
PERSON_PRONOUNS = frozenset({"he", "she"})
PRONOUNS = PERSON_PRONOUNS | {"they", "it", "we", "i", "you", "who", "that", "which"}
# `the company said`: the organisation last named; `the judge said`: the person last named so.
ORG_NOUNS = frozenset(
    """company firm group agency ministry department bank government union
university court council commission organization organisation authority party club team
network board office committee association institute""".split()
)
TITLE_NOUNS = frozenset(
    """judge mayor governor senator president minister secretary chancellor
ambassador director chairman chairwoman chair coach manager commissioner prosecutor sheriff
spokesman spokeswoman spokesperson ceo founder leader captain""".split()
)
# `the England winger told Sky Sports`: a role, not a title, naming the person last in view.
EPITHET_NOUNS = frozenset(
    """winger striker midfielder defender goalkeeper forward player veteran
star actor actress singer rapper lawmaker politician candidate executive billionaire teenager
mother father son daughter wife husband woman man victim suspect defendant witness resident
official officer scientist researcher economist analyst author""".split()
)
REACH = 40  # mentions scanned backwards to resolve a reference: bounded work per quote
SUBJECT_REACH = 300  # tokens scanned backwards for the subject a pronoun refers to
TITLE_WINDOW = 60  # characters around a person's name searched for a title


def speaker(parse: Parse, token: int) -> Speaker:
    """The speaker a subject token names: its entity, its apposition, or what it refers to."""
    mention = _named_mention(parse, token)
    if mention is not None:
        m = parse.mentions[mention]
        return Speaker(m.text, m.start, m.end, parse.numbers[mention])
    start, end = _noun_phrase(parse, token)
    return Speaker(parse.text[start:end], start, end, _refer(parse, token, start))


def _named_mention(parse: Parse, token: int) -> int | None:
    """The entity at a token, or in its apposition (`the secretary, Steve Barclay, said`)."""
    mention = parse.mention_at(token)
    if mention is None:
        appos = parse.child(token, ("appos",), parse.everywhere)
        mention = None if appos is None else parse.mention_at(appos)
    return mention


def _refer(parse: Parse, token: int, start: int) -> int | None:
    word = parse.lower[token]
    if word in PERSON_PRONOUNS:
        return _subject_before(parse, start, pronoun_gender(word))
    if parse.text[parse.tokens.starts[token]].isupper():
        return _person_named(parse, word, start)
    if start == parse.tokens.starts[token] or parse.lower[parse.token_at(start)] != "the":
        return None
    if word in ORG_NOUNS:
        return _last(parse, start, lambda m, group: group in parse.org_groups)
    if word in EPITHET_NOUNS:
        return _subject_before(parse, start)
    if word in TITLE_NOUNS:
        return _last(
            parse, start, lambda m, group: group in parse.person_groups and _titled(parse, m, word)
        )
    return None


def _titled(parse: Parse, mention: Mention, title: str) -> bool:
    """`Mayor Eric Adams` or `Eric Adams, the mayor of …`."""
    before = parse.text[max(mention.start - TITLE_WINDOW, 0) : mention.start].lower().split()
    after = parse.text[mention.end : mention.end + TITLE_WINDOW].lower()
    appositive = after.startswith(", the ") or after.startswith(", a ")
    return title in before[-3:] or (appositive and title in after.split(",")[1].split())


def _subject_before(parse: Parse, offset: int, gender: str | None = None) -> int | None:
    """The person who is the nearest preceding subject: `Peskov said … He said …`; for he or
    she, not one the text shows as the other gender."""
    if gender is not None and parse.genders is None:
        parse.genders = infer_genders(parse, lambda token: _person_at(parse, token))
    clash = {g for g, known in (parse.genders or {}).items() if gender and known != gender}
    index = parse.token_at(offset) - 1
    for candidate in range(index, max(index - SUBJECT_REACH, -1), -1):
        if parse.tokens.deps[candidate] not in SUBJECTS or parse.lower[candidate] in PRONOUNS:
            continue
        start = parse.tokens.starts[candidate]
        if parse.quoted_at(start):
            continue
        mention = _named_mention(parse, candidate)
        group = (
            parse.numbers[mention]
            if mention is not None
            else _person_named(parse, parse.lower[candidate], start, gender)
        )
        if group in parse.person_groups and group not in clash:
            return group
    return _last(parse, offset, lambda m, group: group in parse.person_groups - clash)


def _person_at(parse: Parse, token: int) -> int | None:
    """The person group an entity at a token (or in its apposition) names; a bare surname is
    no evidence here, as two people may share it."""
    mention = _named_mention(parse, token)
    group = None if mention is None else parse.numbers[mention]
    return group if group in parse.person_groups else None


def _person_named(parse: Parse, word: str, offset: int, gender: str | None = None) -> int | None:
    """A capitalised word the model missed as an entity, as a person's surname or first name:
    the nearest such person before it, else (a headline naming someone first) after it. For a
    he or she, a person of that surname the text shows as that gender comes first."""

    def named(mention: Mention, group: int) -> bool:
        words = mention.text.lower().split()
        return group in parse.person_groups and word in (words[0], words[-1])

    if gender is not None:
        known = parse.genders or {}
        found = _last(parse, offset, lambda m, g: named(m, g) and known.get(g) == gender)
        if found is not None:
            return found
    return _last(parse, offset, named) or _next(parse, offset, named)


def _next(parse: Parse, offset: int, fits) -> int | None:
    index = bisect_right(parse.mention_starts, offset)
    for candidate in range(index, min(index + REACH, len(parse.mentions))):
        mention = parse.mentions[candidate]
        if fits(mention, parse.numbers[candidate]) and not parse.quoted_at(mention.start):
            return parse.numbers[candidate]
    return None


def _last(parse: Parse, offset: int, fits) -> int | None:
    index = bisect_right(parse.mention_starts, offset) - 1
    for candidate in range(index, max(index - REACH, -1), -1):
        mention = parse.mentions[candidate]
        if fits(mention, parse.numbers[candidate]) and not parse.quoted_at(mention.start):
            return parse.numbers[candidate]
    return None


def _noun_phrase(parse: Parse, token: int) -> tuple[int, int]:
    """`a spokesperson for Lufthansa`: modifiers before the noun, one of/for/at phrase after."""
    tokens, last = parse.tokens, token
    first = token
    while (
        first > 0
        and tokens.deps[first - 1] in _NOUN_PHRASE
        and (tokens.sents[first - 1] == tokens.sents[token])
    ):
        first -= 1
    if (
        last + 2 < len(parse.lower)
        and parse.lower[last + 1] in ("for", "of", "at")
        and (tokens.heads[last + 1] == token)
    ):
        last += 2
        while (
            last + 1 < len(parse.lower)
            and tokens.heads[last] == last + 1
            and (tokens.deps[last] in _NOUN_PHRASE)
        ):
            last += 1
    return tokens.starts[first], tokens.ends[last]
