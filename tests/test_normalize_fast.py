"""Faster forms of normalization's patterns and counts find exactly what the plain ones do."""

import re
from pathlib import Path

from service.pipeline.normalize import features, furniture, region
from service.pipeline.normalize.region import STOPWORDS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# features._PROMO as it read before its first-letter lookahead.
PLAIN_PROMO = re.compile(
    r"(?i)\b(?:subscri\w+|sign (?:up|in)|log in|newsletter|cookies?|privacy|download|app"
    r"|advert\w*|sponsored|follow us|share|learn more|read more|click|watch|listen)\b"
)
ODD = ["SUBSCRIBE", "ſubscribe now", "Sign In", "LOG IN", "Follow us", "READ MORE »", "apps",
       "App", "Advertisement", "Cookie policy", "Privacy", "download", "Newsletter", "Share",
       "Learn more", "Click", "WATCH", "Listen", "sponsored", "clicks", "unsubscribe", "ﬁle"]


def paragraphs() -> list[str]:
    lines = [line for path in sorted(EXAMPLES.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line.strip()] + ODD


def test_promo_pattern_finds_what_the_plain_one_finds():
    texts = paragraphs()
    found = [PLAIN_PROMO.search(text) for text in texts]
    fast = [features._PROMO.search(text) for text in texts]
    assert [m and m.span() for m in fast] == [m and m.span() for m in found]
    assert sum(m is not None for m in found) >= len(ODD) - 3  # the words do occur


def test_counts_match_the_plain_generators():
    for text in paragraphs():
        words = features._WORD.findall(text)
        plain = sum(word.lower() in STOPWORDS for word in words) / max(len(words), 1)
        assert region.stopword_share(words) == plain
        tokens = [w for w in (w.lower() for w in furniture._TOKEN.findall(text))
                  if w not in STOPWORDS]
        share = sum(w in furniture.TOOLS for w in tokens) / len(tokens) if tokens else 0.0
        assert furniture.tool_share(text) == share


def test_region_from_shared_words_is_the_region_from_texts():
    # paragraph_features hands article_region and shared_with_region the words it found once;
    # every example, and every example cut at each tenth of its paragraphs, gives the same.
    for path in sorted(EXAMPLES.glob("*.txt")):
        whole = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for cut in range(0, len(whole), max(len(whole) // 10, 1)):
            texts = whole[cut:]
            words = [features._WORD.findall(text) for text in texts]
            body_like = [region.is_body_like(text) for text in texts]
            span = region.article_region(texts)
            assert region.article_region(texts, body_like, words) == span
            assert region.shared_with_region(texts, *span, words) == region.shared_with_region(
                texts, *span
            )
