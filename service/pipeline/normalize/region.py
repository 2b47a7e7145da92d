"""The article region of a page: the densest run of body-like paragraphs (boilerpipe, CETD).

A paragraph is body-like when it reads like prose: enough words, many of them function words
(jusText's stopword density). The region is the run of paragraphs with the largest sum of
scores (body-like paragraphs count their words, others a penalty), found in one pass (Kadane),
so short body lines between prose paragraphs stay inside it.
"""

import re

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
    return sum(word.lower() in STOPWORDS for word in words) / max(len(words), 1)


def is_body_like(text: str, words: list[str] | None = None) -> bool:
    """Prose: at least MIN_BODY_WORDS words, a fifth of them function words."""
    words = _WORD.findall(text) if words is None else words
    return len(words) >= MIN_BODY_WORDS and stopword_share(words) >= MIN_BODY_STOPWORDS


def article_region(texts: list[str]) -> tuple[int, int]:
    """[start, end) of the densest run of body-like paragraphs; (0, 0) when there is none."""
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    for index, text in enumerate(texts):
        words = _WORD.findall(text)
        value = min(len(words), 100) if is_body_like(text, words) else -_OTHER_PENALTY
        if running <= 0:
            running, start = 0.0, index
        running += value
        if running > best:
            best, best_span = running, (start, index + 1)
    return best_span
