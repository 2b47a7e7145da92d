"""Bylines and their authors: "By A and B, CNN", "Reporting by A in Kyiv", "Name in Place"."""

import re

from ..lexicon import MONTH, NAME_PARTICLES
from .rules import CAP, DATE_TOKEN, DAY, PUBLISHERS

_WORD = rf"(?:[A-Z][\w'’.-]*|{'|'.join(NAME_PARTICLES)})"
_NAME = re.compile(rf"{CAP}(?: {_WORD}){{1,4}}")
_ROLE = re.compile(
    r"(?i:(?:the )?(?:associated press|ap|reuters|afp|cnn|bbc|npr|bloomberg)"
    r"(?: [a-z]+){0,2}"
    r"|(?:[a-z]+ ){0,3}staff(?: writer| reporter)?"
    r"|(?:[a-z]+ ){0,3}(?:correspondent|reporter|editor|writer|columnist|contributor|producer))"
    r"(?:, [A-Z][\w ]{1,30}| @\w{1,30})?"
)
_BYLINE = re.compile(
    r"(?:By|BY|by|(?i:(?:written|posted|story|words|analysis|opinion|commentary|contributed) by)"
    r"|(?i:by|posted by|written by):|Authors?:) (?P<names>.{2,200})"
)
# A date or time before "by" ("January 9th, 2008 by Ed Kent", "16th Jan 2008, 09:28am by …"),
# with a month, a day, a clock or a numeric date in it: "1999 by Will Smith" is a song.
_DATE_FIRST = re.compile(rf"(?i:(?:{DATE_TOKEN}){{1,12}})(?=by )")
_A_DATE = re.compile(rf"(?i)\b(?:{MONTH}|{DAY})\b|\d:\d\d|\d/\d")
# Guardian/Sky style, only above the body: "Angela Giuffrida in Rome", "Peter Walker Political
# correspondent", "Sonia Sodha": a name alone on its line.
_BARE_BYLINE = re.compile(
    rf"(?P<names>{CAP} {CAP}(?: {CAP})??)(?: in [A-Z][\w ]{{1,30}}"
    r"|,? (?:[A-Z][a-z]+ ){0,3}(?i:correspondent|editor|reporter|writer|columnist))?"
)
_CREDITS = re.compile(
    r"(?:[—–-] )?(?i:(?:additional )?(?:reporting|writing|editing|compiled|research"
    r"|(?:medically |expert )?reviewed|fact[- ]checked) by) (?P<names>.+)"
)
# Where the names end: a word or mark that starts the stamp, a date, a day with a date, a role
# in brackets ("By Bruce Sterling January 18, 2008 | 12:11 PM", "by Chris Stanton, 30 December
# 2007", "By A, Associated Press Writer Sat Dec 29", "by Name (Columnist) 0 comments").
_NAMES_END = re.compile(
    r" (?:on|at|(?:Last )?Updated:?|Published|\||·|•|–|—|-) "
    rf"|,? (?=(?i:{MONTH})\.? \d|\d|(?i:{DAY})\.?,? (?:(?i:{MONTH})\b|\d)|\()"
)
_NAME_SPLIT = re.compile(r", and |, | and | And | AND | & | with ")
_NOT_NAMES = frozenset(
    "News World Politics Business Sport Sports Opinion Live Video Health Science Tech Culture"
    " Travel Markets Economy Weather Entertainment Lifestyle Local National International"
    " Latest Updates Home Edition Today War Crisis Election Elections Analysis Explainer"
    " Podcast Newsletter Briefing Coverage Special Report Investigation".split()
)
_SENTENCE_END = re.compile(r"(?:[^A-Z]\.|[!?\"”])$(?<! [JS]r\.)")  # "… Smith Jr." ends a name
_MAX_NAME_WORDS, _MAX_OUTLET_WORDS = 5, 6  # "Maria de la Cruz Lopez", "The Associated Press Writer"
_HANDLE = re.compile(r" @\w{1,30}$")  # "By John Smith @jsmith"
_CREDENTIAL = re.compile(r"[A-Z]{2,5}®?|Ph\.?D\.?")  # after a name: "Hollis Grange, MD, FACC"
_PROSE = re.compile(r"\b[a-z]+ [a-z]+ [a-z]+\b")  # three lower-case words in a row
_SEGMENTS = re.compile(r" [·|•] ")
_PLACE = re.compile(r" in [A-Z][\w ]{1,30}$")


def parse_byline(text: str) -> list[str] | None:
    """Authors of a byline ("By A and B, CNN"; "Reporting by A in Kyiv; Editing by B"), or None."""
    return read_byline(text)[0]


def read_byline(text: str) -> tuple[list[str] | None, bool]:
    """parse_byline's authors, and whether the byline carries a date or time: under an
    article, a dated signature ("Posted by: Name | January 14, 2008 06:24 PM") is a reader's."""
    text, names, dated = _split_stamp(text)
    if names is not None:
        if not dated and _ends_sentence(text):
            return None, False  # "By Christmas Eve." is prose; a byline ends in a name or a stamp
        return _names(names), dated
    if _ends_sentence(text):
        return None, False  # a credit line ("Reporting by A; Editing by B") ends in a name too
    clauses = [_CREDITS.fullmatch(clause.strip()) for clause in text.split(";")]
    if not all(clauses):
        return None, False
    # Every clause names people ("Reviewed by the committee last year" is prose); only the
    # reporters and writers are the authors, not the editors or reviewers.
    named = [(c[0].lstrip("—–- ").lower(), _names(c["names"])) for c in clauses]
    if any(names is None for _, names in named):
        return None, False
    authors = [name for lead, names in named if lead.startswith(("reporting", "writing"))
               for name in names]
    return authors, False


def _ends_sentence(text: str) -> bool:
    # Searched from three characters before the end (the lookbehind still sees before them):
    # every paragraph is read as a byline, and a search from the start walks the whole text.
    return _SENTENCE_END.search(text, max(len(text) - 3, 0)) is not None


def _split_stamp(text: str) -> tuple[str, str | None, bool]:
    """The byline without a date before its "by", its names part (None when it is no "By"
    line), and whether a date or time came before or after the names."""
    dated = _DATE_FIRST.match(text)
    if dated and any(c.isdigit() for c in dated[0]) and _A_DATE.search(dated[0]):
        text = text[dated.end() :].removesuffix(".")  # the stamp's, not a sentence's full stop
    else:
        dated = None
    if (match := _BYLINE.fullmatch(text)) is None:
        return text, None, False
    names, *stamp = _NAMES_END.split(match["names"], 1)
    return text, names, dated is not None or bool(stamp and _is_stamp(stamp[0]))


def _is_stamp(text: str) -> bool:
    """What follows a byline's names is its date and time ("Fri, 12/28/2007 - 6:41am."), not
    the rest of a sentence ("By Tuesday Night, 40 people had been evacuated.")."""
    return any(c.isdigit() for c in text) and _PROSE.search(text) is None


def _names(text: str) -> list[str] | None:
    """Person names of a list, roles dropped; None if any part is neither (it is prose)."""
    names = []
    text = text.strip()
    for part in _NAME_SPLIT.split(text if text.endswith((" Jr.", " Sr.")) else text.rstrip(".")):
        part = _HANDLE.sub("", _PLACE.sub("", part))
        if part[:4].casefold() == "for " and _is_outlet_or_role(part[4:]):
            continue  # "By A, For The Associated Press"
        name = _without_outlet(part)  # "Mark Jensen Staff Writer", "JO SMITH The Associated Press"
        if name == part and _is_outlet_or_role(part) or _CREDENTIAL.fullmatch(part):
            continue  # "Associated Press Writer", "CNN"; "MD", "FACC", "CFP®"
        part = name
        if not _NAME.fullmatch(part):
            return None
        names.append(part.title() if part.isupper() else part)
    return names


def _is_outlet_or_role(text: str) -> bool:
    return text.casefold() in PUBLISHERS or bool(_ROLE.fullmatch(text))


def _without_outlet(part: str) -> str:
    """A name with the outlet or role that follows it without a comma dropped."""
    words = part.split(" ")
    if len(words) > _MAX_NAME_WORDS + _MAX_OUTLET_WORDS:
        return part  # no name and outlet are this long: prose, judged as it is
    for cut in range(2, len(words)):
        name, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if _NAME.fullmatch(name) and not _is_outlet_or_role(name) and _is_outlet_or_role(rest):
            return name
    return part


def parse_bare_byline(text: str) -> list[str] | None:
    """The author of a byline that is only a name (with a place or a role), or None; the name
    may be followed by the outlet and dates: "Emily Chung · CBC News · Posted: Jun 06, 2023"."""
    if text.startswith(("By ", "BY ", "by ")):
        return None  # a "By" line parse_byline refused is prose: "By Christmas Eve."
    text, *rest = _SEGMENTS.split(text)
    if not all(part.casefold() in PUBLISHERS or any(c.isdigit() for c in part) for part in rest):
        return None
    match = _BARE_BYLINE.fullmatch(text)
    if match is None or len(text) > 60 or match["names"].casefold() in PUBLISHERS:
        return None
    if match["names"] == text and _NOT_NAMES.intersection(text.split()):
        return None  # "India News", "World Politics": a section label, not a person
    return [match["names"]]


def is_role_line(text: str) -> bool:
    """A line naming only the outlet or the author's role ("BBC News", "Europe correspondent")."""
    return len(text) <= 60 and _is_outlet_or_role(text)
