"""The inputs bench/worst_case_search.py tries: units of 1-3 characters from a broad alphabet,
repeated to a limit, and realistic shapes of the same size."""

import random
import string
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

ALPHABET = {
    "lower": string.ascii_lowercase,
    "upper": string.ascii_uppercase,
    "digit": string.digits,
    "punct": string.punctuation,
    "quote": "\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a\u201e\u201a\u2032\u2033",
    "emoji": "\U0001f600\U0001f44d\U0001f3fd\U0001f1fa\u2764\u200d",
    "mark": "\u0301\u0308\u0327\u20dd\u0e31\u064b",
    "cjk": "\u4e2d\u65e5\u3042\u30a2\ud55c",
    "rtl": "\u05d0\u05e9\u0628\u0639\u0645",
    "space": " \n\t\u00a0",
}
# Units reported to stall or bloat the model (issue 17), tried whatever the sample draws.
KNOWN = ["'s", "\u2019s", "'S", "s'", "a:", "a ", "a.", "1,", "A. ", "a\n", "=", "x", ".a"]


def units(*, quick: bool, seed: int = 17) -> list[str]:
    """Every 1-character unit (quick: 3 per class), two 2-character units per ordered pair of
    classes (quick: one per 4 pairs), 3-character units of 150 random class triples (quick 15)."""
    rng = random.Random(seed)
    classes = list(ALPHABET.values())
    singles = [c for chars in classes for c in (chars[:3] if quick else chars)]
    pairs = [rng.choice(a) + rng.choice(b) for a in classes for b in classes for _ in range(2)]
    pairs = pairs[::8] if quick else pairs
    triples = [
        "".join(rng.choice(rng.choice(classes)) for _ in range(3))
        for _ in range(15 if quick else 150)
    ]
    seen: dict[str, None] = dict.fromkeys(KNOWN + singles + pairs + triples)
    return list(seen)


def repeat(unit: str, chars: int) -> str:
    """`unit` repeated to exactly `chars` characters."""
    return (unit * (chars // len(unit) + 1))[:chars]


def _prose(chars: int) -> str:
    paragraphs = [
        p for path in sorted(EXAMPLES.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()
    ]
    numbered = (f"{n}. {paragraphs[n % len(paragraphs)]}" for n in range(10**6))  # no duplicates
    text = ""
    while len(text) < chars:
        text += next(numbered) + "\n\n"
    return text[:chars]


def shapes(chars: int) -> dict[str, str]:
    """Realistic shapes at `chars` characters, by name."""
    rng = random.Random(17)
    prose = _prose(chars)
    letters = string.ascii_uppercase
    names = " ".join(f"Mr. {rng.choice(letters)}{n:x}ski said." for n in range(chars // 15))
    return {
        "prose (numbered example paragraphs)": prose,
        "all-caps prose": prose.upper(),
        "one-letter words": repeat("a ", chars),
        "numbers table": "".join(
            f"| {n} | {n * 1.5:.1f} | {n * 37:,} | -{n % 97 / 10:.1f}% |\n" for n in range(chars)
        )[:chars],
        "long URLs (180 chars)": repeat("https://example.com/" + "a1/" * 53 + " ", chars),
        "long URLs (5,000 chars)": repeat("https://example.com/" + "b2/" * 1660 + " ", chars),
        "newline between words": repeat("Berlin\n", chars),
        "distinct names, one per sentence": names[:chars],
        "quotes with speakers": repeat('"Yes," said Angela Merkel. ', chars),
        **{f"page of {kind}": _page([kind], chars) for kind in PAGE_LINES},
        "page of every kind of line": _page(list(PAGE_LINES), chars),
    }


_WORDS = ("the of and to in a is that for on with as was he said by at from it an be this have "
          "are not but his they which or were had been has Berlin Merkel government minister "
          "police city council Monday report people year").split()
_NAMES = ["John Smith", "Maria Lopez", "Ahmed Khan", "Li Wei", "Anna Berg"]


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(25, 80))).capitalize() + "."


def _headline(rng: random.Random) -> str:
    return " ".join(word.capitalize() for word in rng.sample(_WORDS, rng.randint(5, 11)))


# Line kinds of a scraped page, each a function of a seeded generator: the shapes the cleaning
# stage judges line by line (menus, link-list headers, captions, bylines, stamps, prompts).
PAGE_LINES = {
    "body paragraphs": _sentence,
    "menu items": lambda rng: rng.choice(["Home", "World", "Sports", "Log in", "Subscribe",
                                          "Weather"]) + f" {rng.randint(1, 999)}",
    "headlines": _headline,
    "all-caps headlines": lambda rng: _headline(rng).upper(),
    "link-list headers": lambda rng: rng.choice(["MORE NEWS", "ALSO READ", "TRENDING:",
                                                 "Related Stories", "More tennis news..."]),
    "captions with credits": lambda rng: _sentence(rng)[:90] + rng.choice(
        [" (Photo by John Smith/Getty Images)", " Credit: AFP", " (Image credit: Reuters)"]),
    "bylines with dates": lambda rng: f"By {rng.choice(_NAMES)} | March {rng.randint(1, 28)},"
                                      f" 2020 {rng.randint(1, 12)}:{rng.randint(10, 59)} AM ET",
    "ISO timestamps": lambda rng: f"2020-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T10:00:00Z",
    "prompts": lambda rng: rng.choice(["Click here to subscribe", "Share this article",
                                       "Advertisement", "Sign up for our newsletter"]),
    "the same line": lambda rng: "Share on Facebook",
    "quotes with speakers": lambda rng: f'"{_sentence(rng)[:-1]}," {rng.choice(_NAMES)} said.',
}


def _page(kinds: list[str], chars: int) -> str:
    """A page of `chars` characters whose lines are drawn from `kinds`, one per line."""
    rng, lines, size = random.Random(17), [], 0
    while size < chars:
        lines.append(PAGE_LINES[rng.choice(kinds)](rng))
        size += len(lines[-1]) + 1
    return "\n".join(lines)[:chars]
