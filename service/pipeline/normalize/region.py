"""The article region of a page: the densest run of body-like paragraphs (boilerpipe, CETD).

A paragraph is body-like when it reads like prose: enough words, many of them function words
(jusText's stopword density). The region is the run of paragraphs with the largest sum of
scores (body-like paragraphs count their words, others a penalty), found in one pass (Kadane),
so short body lines between prose paragraphs stay inside it.
"""

import re
from collections import Counter
from itertools import chain

# Function words of the languages the pages come in (mostly English); jusText's signal.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my no nor not now of off on once only or other our ours out
    over own same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours said says would could may might must
    le la les un une des du de et est en que qui dans pour pas sur au aux ce il elle ne se son
    der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es
    el los las y del por con para una es se lo como más pero sus al
    o os as um uma do da dos das em no na não com para é ao
    a se na je v že to za s o do""".split()
)
_WORD = re.compile(r"\w+")
MIN_BODY_WORDS = 10
MIN_BODY_STOPWORDS = 0.2
_OTHER_PENALTY = 6.0  # a non-body paragraph inside the region costs about one short sentence


def stopword_share(words: list[str]) -> float:
    """The share of `words` that are function words."""
    # map() over the set's own lookup: the same count, without a Python frame per word
    return sum(map(STOPWORDS.__contains__, map(str.lower, words))) / max(len(words), 1)


def is_body_like(text: str, words: list[str] | None = None, stopwords: float | None = None) -> bool:
    """Prose: at least MIN_BODY_WORDS words, a fifth of them function words. `words` and
    `stopwords` (its _WORD matches and their stopword_share), when the caller has them."""
    words = _WORD.findall(text) if words is None else words
    if len(words) < MIN_BODY_WORDS:
        return False
    return (stopword_share(words) if stopwords is None else stopwords) >= MIN_BODY_STOPWORDS


def article_region(
    texts: list[str], body_like: list[bool] | None = None, words: list[list[str]] | None = None
) -> tuple[int, int]:
    """[start, end) of the densest run of body-like paragraphs; (0, 0) when there is none.
    `body_like` and `words` (is_body_like and the _WORD matches of each text) save recounting."""
    words = [_WORD.findall(text) for text in texts] if words is None else words
    if body_like is None:
        body_like = [is_body_like(text, own) for text, own in zip(texts, words, strict=True)]
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    for index, own in enumerate(words):
        value = min(len(own), 100) if body_like[index] else -_OTHER_PENALTY
        if running <= 0:
            running, start = 0.0, index
        running += value
        if running > best:
            best, best_span = running, (start, index + 1)
    return best_span


def shared_with_region(
    texts: list[str], start: int, end: int, words: list[list[str]] | None = None
) -> list[float]:
    """Per paragraph, the share of its content words found elsewhere in the region [start, end):
    a subhead or a caption shares the article's words, another story's headline or a promo
    does not. `words` are the texts' _WORD matches, when the caller has them."""
    found_words = [_WORD.findall(text) for text in texts] if words is None else words
    words = [_content_words(own) for own in found_words]
    counts = Counter(chain.from_iterable(words[start:end]))
    shares = []
    for index, paragraph in enumerate(words):
        if start <= index < end:  # found elsewhere: more often in the region than in itself
            own = Counter(paragraph)
            found = sum(counts[word] > own[word] for word in paragraph)
        else:
            found = sum(map(counts.__contains__, paragraph))
        shares.append(found / len(paragraph) if paragraph else 0.0)
    return shares


def _content_words(words: list[str]) -> list[str]:
    return [w for w in map(str.lower, words) if w not in STOPWORDS and not w.isdigit()]


HEADLINE_WITHIN = 25  # paragraphs above the region searched for its headline (menus, tools between)
DECK_SHARE = 0.3  # a line above the region sharing this much of its words with the lede stays
_TOPMOST = 0.5  # the headline is the highest line sharing half as much as the best one,
DECK_WITHIN = 6  # and no further above it than this
LEDE = 5  # the region's first paragraphs, whose words a headline shares
_PIPED_WORDS = 6  # after a section's name and a pipe, a headline; fewer is a tool bar's items
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_NOT_HEADLINE = re.compile(  # a byline, a date line, a tool bar, a link: never the headline
    r"(?i)^(?:by|posted|published|updated|filed|tags?|photo|image|source|more|related|see)\b"
    r"|[|»«•©]| > |\d{1,2}:\d\d|https?:|www\.|\.com\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"
    rf"|\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d\d\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? (?:19|20)\d\d\b"
)


def headline_above(texts: list[str], start: int, skip: list[bool]) -> tuple[int | None, set[int]]:
    """The article's headline above the region, and the lines that stay with it (its deck).

    Among the HEADLINE_WITHIN headline-shaped lines above the region (not those `skip` marks),
    each scores the share of its words found in the lede, plus one when the page's first line
    (its <title>, in a whole-page dump) repeats it; a breadcrumb is never a candidate. The
    headline is the highest line scoring at least _TOPMOST of the best (a deck under a headline
    often shares more) and at most DECK_WITHIN lines above it. Every line scoring DECK_SHARE
    stays too, and so does the line right under the headline when it shares any word.
    """
    scores = _headline_scores(texts, start, skip)
    if not scores or max(scores.values()) <= 0:
        return None, set()
    best = max(scores.values())
    # A deck lies just under its headline; a line sharing the lede's words further up is a
    # menu or another story's headline.
    lowest_best = max(i for i, score in scores.items() if score == best)
    headline = min(
        i
        for i, score in scores.items()
        if score >= _TOPMOST * best and i >= lowest_best - DECK_WITHIN
    )
    kept = {i for i, score in scores.items() if score >= DECK_SHARE or score == best}
    if scores.get(headline + 1, 0.0) > 0:
        kept.add(headline + 1)  # the deck right under the headline, sharing any of the lede
    return headline, kept


def lede_share(texts: list[str], start: int, index: int) -> float:
    """The share of paragraph `index`'s content words found in the lede of the region that
    begins at `start`: a headline's are, a menu's or a section name's are not."""
    return _lede_share(_headline_words(_WORD.findall(texts[index])), _lede(texts, start))


def _lede(texts: list[str], start: int) -> set[str]:
    lede = " ".join(texts[start : start + LEDE])
    if lede.isascii():  # lower-casing ASCII moves no word boundary: one pass
        return set(_WORD.findall(lede.lower()))
    return set(map(str.lower, _WORD.findall(lede)))


def _headline_words(words: list[str]) -> list[str]:
    return [w for w in map(str.lower, words) if w not in STOPWORDS]


def _lede_share(words: list[str], lede: set[str]) -> float:
    return sum(w in lede for w in words) / len(words) if words else 0.0


def _headline_part(text: str) -> str:
    """A headline behind its column's or section's name ("Ask Mint | US data, Indian cement
    and auto numbers to rule Sensex this week"): the part after a single pipe, when it has
    the words of a headline; else the line as it is."""
    name, bar, rest = text.partition(" | ")
    if bar and "|" not in rest and len(name.split()) <= 3 and len(rest.split()) >= _PIPED_WORDS:
        return rest
    return text


def _headline_scores(texts: list[str], start: int, skip: list[bool]) -> dict[int, float]:
    lede = _lede(texts, start)
    title, scores = texts[0].casefold(), {}
    for index in range(max(start - HEADLINE_WITHIN, 0), start):
        text = _headline_part(texts[index])
        found = _WORD.findall(text)
        words = _headline_words(found)
        if skip[index] or not 3 <= len(found) <= 40 or not words:
            continue
        if text[-1] in ":;," or _NOT_HEADLINE.search(text):
            continue
        scores[index] = _lede_share(words, lede)
        if index and texts[index].casefold() in title:
            scores[index] += 1  # the page's <title> line repeats the headline, with the site
    return scores
