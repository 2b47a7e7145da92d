"""Features of a paragraph that carry across sites (jusText/boilerpipe style), and its context.

Every feature is computed in one pass over the paragraphs (the article region in one more),
so feature extraction is linear in the input size. What a paragraph's neighbours and the region
need is computed for every paragraph; the rest of a row only when the row is asked for
(ArticleFeatures): the classifier never asks for prose's, most of an article.
"""

import re
from functools import cache
from itertools import compress
from operator import itemgetter

from .furniture import furniture_tokens, tool_share
from .region import article_region, is_body_like, shared_with_region, stopword_share

_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"[.!?][\"”’')]?\s+(?=[\"“‘(]?[A-Z0-9])")
_SEPARATOR = re.compile(r" [|·•»›/] |\s[|]\s?| - ")
_END = frozenset('.!?"”’)')
# str's own character tests, over ASCII as byte tables: bytes.translate counts a class in C,
# a tenth of the time of map(str.isalpha, text); other characters are tested one by one.
_TESTS = (str.isalpha, str.isalnum, str.isspace, str.isdigit)
_ASCII_TABLES = tuple(bytes(code for code in range(128) if test(chr(code))) for test in _TESTS)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# The lookahead names the words' first letters: the same matches, but the alternation is
# tried only where one could start (half the time; tests/test_normalize_fast.py).
_PROMO = re.compile(
    r"(?i)\b(?=[acdflnprsw])(?:subscri\w+|sign (?:up|in)|log in|newsletter|cookies?|privacy"
    r"|download|app|advert\w*|sponsored|follow us|share|learn more|read more|click|watch|listen)\b"
)
OWN = (
    "log_words", "stopwords", "capitalised", "all_caps", "digits", "symbols", "separators",
    "ends_sentence", "ends_colon", "sentences", "position", "in_region", "region_distance",
    "repeated", "rule", "promo_words", "body_like", "starts_lower",
    "words_1", "words_2_3", "words_4_6", "words_7_12", "words_13_25", "no_letters", "tools",
    "in_article_words",
)  # fmt: skip
_BUCKETS = (("words_1", 1), ("words_2_3", 3), ("words_4_6", 6), ("words_7_12", 12),
            ("words_13_25", 25))  # fmt: skip
CONTEXT = ("log_words", "stopwords", "ends_sentence", "rule", "body_like", "capitalised", "tools")
NAMES = (
    OWN
    + tuple(f"prev_{name}" for name in CONTEXT)
    + tuple(f"next_{name}" for name in CONTEXT)
    + tuple(f"near_{name}" for name in CONTEXT)
)


def context_features(
    text: str, rule: bool, words: list[str] | None = None, tokens: list[str] | None = None
) -> dict[str, float]:
    """The CONTEXT features of a paragraph: what its neighbours' rows say of it.
    `words` and `tokens` are its _WORD matches and furniture_tokens, when the caller has them."""
    words = _WORD.findall(text) if words is None else words
    stopwords = stopword_share(words)
    return {
        "log_words": min(len(words), 200) ** 0.5 / 4,
        "stopwords": stopwords,
        "ends_sentence": float(ends_sentence(text)),
        "rule": float(rule),
        "body_like": float(is_body_like(text, words, stopwords)),
        # map() over str's own tests: the same counts, without a Python frame per word
        "capitalised": sum(map(str.isupper, map(itemgetter(0), words))) / max(len(words), 1),
        "tools": tool_share(text, tokens),
    }


def own_features(
    text: str,
    rule: bool,
    words: list[str] | None = None,
    tokens: list[str] | None = None,
    context: dict[str, float] | None = None,
) -> dict[str, float]:
    """What a paragraph alone says: length, function words, case, digits, punctuation.
    `words`, `tokens` and `context` are its _WORD matches, furniture_tokens and
    context_features, when the caller has them."""
    words = _WORD.findall(text) if words is None else words
    context = context_features(text, rule, words, tokens) if context is None else context
    count = max(len(words), 1)
    letters, alphanumeric, spaces, digits = char_counts(text)
    letters = letters or 1
    symbols = len(text) - alphanumeric - spaces  # no character is both alphanumeric and a space
    return {
        **context,
        "all_caps": sum(len(w) > 1 for w in compress(words, map(str.isupper, words))) / count,
        "digits": digits / (letters + 1),
        "symbols": symbols / len(text),
        "separators": min(len(_SEPARATOR.findall(text)), 5) / 5,
        "ends_colon": float(text[-1] == ":"),
        "sentences": min(len(_SENTENCE.findall(text)), 5) / 5,
        "promo_words": float(len(words) < 60 and _PROMO.search(text) is not None),
        "starts_lower": float(text[0].islower()),
        "no_letters": float(letters == 1 and not text[0].isalpha()),
        **_length_class(min(len(words), _BUCKETS[-1][1] + 1)),
    }


def ends_sentence(text: str) -> bool:
    """Ends like a sentence, or a sentence and then a bracketed citation ("… Federation.
    [M1 SP / MP3]"), which only a writer adds."""
    cut = text.rfind(" [") if text[-1] == "]" else -1
    return text[cut - 1 if cut > 0 else -1] in _END


def char_counts(text: str) -> list[int]:
    """How many characters of `text` pass str.isalpha, str.isalnum, str.isspace, str.isdigit."""
    ascii = text.encode("ascii", "ignore")
    rest = "" if len(ascii) == len(text) else "".join(_NON_ASCII.findall(text))
    return [
        len(ascii) - len(ascii.translate(None, table)) + sum(map(test, rest))
        for test, table in zip(_TESTS, _ASCII_TABLES, strict=True)
    ]


@cache
def _length_class(words: int) -> dict[str, float]:
    """jusText's length classes: one-hot, since length matters far from linearly. Shared
    between paragraphs: never change it."""
    low = 0
    classes = {}
    for name, high in _BUCKETS:
        classes[name] = float(low < words <= high)
        low = high
    return classes


def paragraph_features(
    texts: list[str], rules: list[bool], tokens: list[list[str]] | None = None
) -> tuple[list[list[float]], tuple[int, int]]:
    """One feature vector per paragraph (NAMES order, neighbours' included), and the region.
    `tokens` are each text's furniture_tokens, when the caller has them."""
    article = ArticleFeatures(texts, rules, tokens)
    return [article.row(index) for index in range(len(texts))], article.region


class ArticleFeatures:
    """A page's paragraphs: their article region at once, each one's feature vector only when
    asked for (the classifier asks only for lines that are not prose, most of an article)."""

    def __init__(
        self, texts: list[str], rules: list[bool], tokens: list[list[str]] | None = None
    ) -> None:
        """`tokens` are each text's furniture_tokens, when the caller has them."""
        # Each paragraph's words, found once for every feature and the region that need them.
        self.texts, self.rules = texts, rules
        self.words = [_WORD.findall(text) for text in texts]
        self.tokens = [furniture_tokens(text) for text in texts] if tokens is None else tokens
        parts = zip(texts, rules, self.words, self.tokens, strict=True)
        self.context = [context_features(*part) for part in parts]
        body_like = [context["body_like"] for context in self.context]
        self.region = article_region(texts, body_like, self.words)
        self._context_rows = [[context[name] for name in CONTEXT] for context in self.context]
        self._counts: dict[str, int] | None = None
        self._in_article: list[float] | None = None

    def row(self, index: int) -> list[float]:
        """The feature vector of paragraph `index`, in NAMES order."""
        if self._counts is None:
            self._counts = {}
            for text in self.texts:
                self._counts[text] = self._counts.get(text, 0) + 1
            self._in_article = shared_with_region(self.texts, *self.region, self.words)
        text, (start, end) = self.texts[index], self.region
        own = own_features(
            text, self.rules[index], self.words[index], self.tokens[index], self.context[index]
        )
        own["in_article_words"] = self._in_article[index]
        own["position"] = index / max(len(self.texts) - 1, 1)
        own["in_region"] = float(start <= index < end)
        gap = start - index if index < start else index - end + 1 if index >= end else 0
        own["region_distance"] = min(gap, 50) / 50
        own["repeated"] = float(self._counts[text] > 1)
        return in_context(index, [own[name] for name in OWN], self._context_rows)


_EMPTY = [0.0] * len(CONTEXT)


def in_context(index: int, values: list[float], context: list[list[float]]) -> list[float]:
    """A row's own `values`, then its neighbours' `context` values and the mean of the two on
    either side."""
    near = context[max(index - 2, 0) : index] + context[index + 1 : index + 3]
    values = values + (context[index - 1] if index else _EMPTY)
    values += context[index + 1] if index + 1 < len(context) else _EMPTY
    values += [sum(column) / len(near) for column in zip(*near, strict=True)] if near else _EMPTY
    return values
