"""Title and publisher from a headline line, bylines (authors), and the dateline."""

import re

from .rules import CAP

PUBLISHERS = frozenset(
    p.casefold()
    for p in (
        "NPR",
        "BBC",
        "BBC News",
        "Reuters",
        "CNN",
        "CNN Politics",
        "CNN International",
        "AP News",
        "The Associated Press",
        "Associated Press",
        "The Guardian",
        "The New York Times",
        "The Washington Post",
        "Al Jazeera",
        "Fox News",
        "NBC News",
        "CBS News",
        "ABC News",
        "Sky News",
        "The Independent",
        "The Telegraph",
        "Financial Times",
        "Bloomberg",
        "Politico",
        "Axios",
        "The Hill",
        "DW",
        "France 24",
        "Euronews",
        "Los Angeles Times",
        "USA Today",
        "The Wall Street Journal",
        "WSJ",
        "HuffPost",
        "Vox",
        "PBS NewsHour",
        "The Atlantic",
    )
)
_SEPARATORS = (" | ", " - ", " – ", " — ", ": ")
_TITLE_CASE = re.compile(
    r"(?:The )?[A-Z0-9][\w.&'’-]*(?: (?:[A-Z0-9&][\w.&'’-]*|of|the|and|on|news)){0,4}"
)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_SECTION = re.compile(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,3}")
_WORD = r"(?:[A-Z][\w'’.-]*|de|da|di|van|von|der|den|al|bin|le|la|del|du|dos)"
_NAME = re.compile(rf"{CAP}(?: {_WORD}){{1,4}}")
_ROLE = re.compile(
    r"(?i:(?:the )?(?:associated press|ap|reuters|afp|cnn|bbc|npr|bloomberg)(?: [a-z]+){0,2}"
    r"|(?:[a-z]+ ){0,3}staff(?: writer| reporter)?"
    r"|(?:[a-z]+ ){0,3}(?:correspondent|reporter|editor|writer|columnist|contributor|producer))"
    r"(?:, [A-Z][\w ]{1,30}| @\w{1,30})?"
)
_BYLINE = re.compile(
    r"(?:By|BY|Written by|Posted by|Story by|Words by|Analysis by|Opinion by|Commentary by)"
    r" (?P<names>.{2,200})"
)
# Guardian/Sky style, only above the body: "Angela Giuffrida in Rome", "Peter Walker Political
# correspondent", "Sonia Sodha": a name alone on its line.
_BARE_BYLINE = re.compile(
    rf"(?P<names>{CAP} {CAP}(?: {CAP})??)(?: in [A-Z][\w ]{{1,30}}"
    r"| (?:[A-Z][a-z]+ ){0,3}(?i:correspondent|editor|reporter|writer|columnist))?"
)
_CREDITS = re.compile(
    r"(?i:(?:additional )?(?:reporting|writing|editing|compiled|research) by) (?P<names>.+)"
)
_NAMES_END = re.compile(r" (?:on|at|Updated|Published|\||·|•|–|—|-) ")
_NAME_SPLIT = re.compile(r", and |, | and | & ")
_PLACE = re.compile(r" in [A-Z][\w ]{1,30}$")


def parse_byline(text: str) -> list[str] | None:
    """Authors of a byline ("By A and B, CNN"; "Reporting by A in Kyiv; Editing by B"), or None."""
    if (match := _BYLINE.fullmatch(text)) is not None:
        return _names(_NAMES_END.split(match["names"], 1)[0])
    clauses = [_CREDITS.fullmatch(clause.strip()) for clause in text.split(";")]
    if not all(clauses):
        return None
    authors = [
        _names(c["names"]) for c in clauses if c[0].lower().startswith(("reporting", "writing"))
    ]
    return None if None in authors else [name for names in authors for name in names]


def _names(text: str) -> list[str] | None:
    """Person names of a list, roles dropped; None if any part is neither (it is prose)."""
    names = []
    for part in _NAME_SPLIT.split(text.strip().rstrip(".")):
        part = _PLACE.sub("", part)
        bare = _BARE_BYLINE.fullmatch(part)
        if bare and bare["names"] != part:  # "Mark Jensen Staff Writer"
            part = bare["names"]
        elif _ROLE.fullmatch(part) or part.casefold() in PUBLISHERS:
            continue
        if not _NAME.fullmatch(part):
            return None
        names.append(part.title() if part.isupper() else part)
    return names


def parse_bare_byline(text: str) -> list[str] | None:
    """The author of a byline that is only a name (with a place or a role), or None."""
    match = _BARE_BYLINE.fullmatch(text)
    if match is None or len(text) > 60 or match["names"].casefold() in PUBLISHERS:
        return None
    return [match["names"]]


def is_role_line(text: str) -> bool:
    """A line naming only the outlet or the author's role ("BBC News", "Europe correspondent")."""
    return len(text) <= 60 and (text.casefold() in PUBLISHERS or bool(_ROLE.fullmatch(text)))


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
    if sep == ": " and not (known or _ACRONYM.fullmatch(name)):
        return len(text), None
    if not (known or _TITLE_CASE.fullmatch(name)):
        return len(text), None
    section = text.rfind(" | ", 0, start)  # "Headline | World news | The Guardian"
    if sep == " | " and section > 0 and _SECTION.fullmatch(text[section + 3 : start]):
        start = section
    return len(text[:start].rstrip()), name


def is_headline(text: str) -> bool:
    """Short, capitalised, not ending like a sentence."""
    words = len(text.split())
    return 2 <= words <= 30 and text[0].isupper() and text[-1] not in ".,;:"


_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2}"
_DASH = r"(?:--|[–—-])"
_AGENCY = r"\((?P<agency>[A-Z][\w.&' -]{0,30})\)"
_PLACE_TAIL = r"(?:, [A-Z][a-z.]+(?: [A-Z][a-z.]+){0,2})?"
DATELINES = [
    re.compile(
        rf"(?P<location>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){{0,3}}{_PLACE_TAIL})"
        rf"(?:, {_MONTHS})?(?: {_AGENCY})? ?(?P<dash>{_DASH})(?= )"
    ),
    re.compile(
        rf"(?P<location>[A-Z][a-z.'’-]+(?: [A-Z][a-z.'’-]+){{0,2}}{_PLACE_TAIL})"
        rf" {_AGENCY}(?: ?(?P<dash>{_DASH})(?= ))?"
    ),
]
_NOT_PLACES = frozenset(
    {"NATO", "EU", "UN", "US", "UK", "AP", "THE", "BREAKING", "UPDATE", "WATCH"}
)


def match_dateline(text: str) -> re.Match | None:
    """`BRUSSELS (AP) –`, `LONDON (Reuters) -`, `WASHINGTON —`, `Kyiv, Ukraine (CNN) —`."""
    for pattern in DATELINES:
        match = pattern.match(text)
        if match and (match["agency"] or match["location"] not in _NOT_PLACES):
            return match
    return None
