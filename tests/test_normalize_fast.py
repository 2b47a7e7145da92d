"""Faster forms of normalization's patterns and counts find exactly what the plain ones do."""

import re
import sys
from collections import Counter
from pathlib import Path

from support.examples import EXAMPLE_ARTICLES

from service.pipeline.normalize import (
    bylines,
    captions,
    classifier,
    features,
    furniture,
    normalize,
    region,
    ruled_paragraphs,
    unicode,
)
from service.pipeline.normalize.region import STOPWORDS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import boilerplate_data as data  # noqa: E402

# features._PROMO as it read before its first-letter lookahead.
PLAIN_PROMO = re.compile(
    r"(?i)\b(?:subscri\w+|sign (?:up|in)|log in|newsletter|cookies?|privacy|download|app"
    r"|advert\w*|sponsored|follow us|share|learn more|read more|click|watch|listen)\b"
)
ODD = ["SUBSCRIBE", "ſubscribe now", "Sign In", "LOG IN", "Follow us", "READ MORE »", "apps",
       "App", "Advertisement", "Cookie policy", "Privacy", "download", "Newsletter", "Share",
       "Learn more", "Click", "WATCH", "Listen", "sponsored", "clicks", "unsubscribe", "ﬁle"]


def paragraphs() -> list[str]:
    lines = [line for path in EXAMPLE_ARTICLES
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
    for path in EXAMPLE_ARTICLES:
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


def test_character_counts_are_strs_own_tests():
    # Every BMP character alone, then every example line and a few mixed-script ones.
    tests = (str.isalpha, str.isalnum, str.isspace, str.isdigit)
    for code in range(0x10000):
        char = chr(code)
        assert features.char_counts(char) == [int(test(char)) for test in tests], hex(code)
    mixed = ["Café ¹²³ Ⅻ ٣ — “quoted” x\u2028y\x1c", "ÆØÅ abc 123\t\u00a0\u3000end", "\ud800ok"]
    for text in paragraphs() + mixed:
        assert features.char_counts(text) == [sum(map(test, text)) for test in tests]


def test_furniture_judged_on_given_tokens_as_on_the_text():
    for text in paragraphs():
        tokens = furniture.furniture_tokens(text)
        assert furniture.furniture_kind(text, tokens) == furniture.furniture_kind(text)
        assert furniture.tool_share(text, tokens) == furniture.tool_share(text)


def test_required_characters_are_those_every_match_holds():
    assert captions.required_characters(r"a?b+c*(?:de|f)") == frozenset("b")
    assert captions.required_characters(r"(?i:ab)c(?<=x)") == frozenset("c")
    assert captions.required_characters(r"(?i)abc") == frozenset()
    assert captions.required_characters(r" ?\((?:x|y)\)") == frozenset("()")
    # No text a credit pattern matches lacks one of its characters: search every example line
    # and every suffix of it, so that each pattern is tried where it can match.
    texts = [
        *paragraphs(),
        "A man waves (AP Photo/Jane Doe)",
        "The river. Credit...Kim Lee",
        "A flood [File: Ann Bo/Reuters]",
        "Rescuers at work. John Smith/AFP via Getty Images",
    ]
    found = 0
    for pattern, _, needed in captions._SUFFIXES:
        for text in texts:
            if pattern.search(text):
                found += 1
                assert needed <= set(text), (pattern.pattern, text)
    assert found >= 4


def plain_context(rows):
    """features.in_context as it read before it was vectorised: by name, row by row."""
    vectors = []
    for index, row in enumerate(rows):
        empty = dict.fromkeys(features.CONTEXT, 0.0)
        prev = rows[index - 1] if index else empty
        after = rows[index + 1] if index + 1 < len(rows) else empty
        near = rows[max(index - 2, 0) : index] + rows[index + 1 : index + 3]
        values = [row[name] for name in features.OWN]
        values += [prev[name] for name in features.CONTEXT]
        values += [after[name] for name in features.CONTEXT]
        values += [sum(r[name] for r in near) / max(len(near), 1) for name in features.CONTEXT]
        vectors.append(values)
    return vectors


def plain_shared(texts, start, end):
    """region.shared_with_region as it read before outside paragraphs skipped their Counter."""
    words = [region._content_words(features._WORD.findall(text)) for text in texts]
    counts = Counter(word for paragraph in words[start:end] for word in paragraph)
    shares = []
    for index, paragraph in enumerate(words):
        own = Counter(paragraph) if start <= index < end else Counter()
        found = sum(counts[word] > own[word] for word in paragraph)
        shares.append(found / len(paragraph) if paragraph else 0.0)
    return shares


def test_context_and_shared_words_are_the_plain_ones():
    for path in EXAMPLE_ARTICLES:
        texts = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for count in (1, 2, 3, len(texts)):
            rows = [features.own_features(text, False) for text in texts[:count]]
            for row in rows:
                row.update(
                    in_article_words=0.5,
                    position=0.1,
                    in_region=1.0,
                    region_distance=0.0,
                    repeated=0.0,
                )
            context = [[row[name] for name in features.CONTEXT] for row in rows]
            vectors = [
                features.in_context(index, [row[name] for name in features.OWN], context)
                for index, row in enumerate(rows)
            ]
            assert vectors == plain_context(rows)
        for start, end in ((0, len(texts)), (2, 5), (0, 0)):
            assert region.shared_with_region(texts, start, end) == plain_shared(texts, start, end)


# Lines whose lower-casing is not one ASCII letter for another: a dotted capital I lower-cases to
# two characters, a capital sigma by its neighbours, and "ſ" and ligatures are letters too.
UNEVEN = ["İSTANBUL Governor İlhan", "ΟΔΥΣΣΕΑΣ ΣΑΣ Σ.", "ſome ﬁles FOR Straße", "Ǆemal Ǉubljana"]


def test_ascii_fast_paths_find_what_the_plain_forms_find():
    lines = paragraphs() + UNEVEN
    for text in lines:
        assert furniture.furniture_tokens(text) == [
            w.lower() for w in furniture._TOKEN.findall(text)
        ]
        words = features._WORD.findall(text)
        row = features.own_features(text, False)
        count = max(len(words), 1)
        assert row["capitalised"] == sum(w[0].isupper() for w in words) / count
        assert row["all_caps"] == sum(w.isupper() and len(w) > 1 for w in words) / count
        assert bylines._ends_sentence(text) == bool(bylines._SENTENCE_END.search(text))
    for start in range(len(lines)):
        plain = {w.lower() for text in lines[start : start + region.LEDE]
                 for w in features._WORD.findall(text)}
        assert region._lede(lines, start) == plain
    assert bylines._ends_sentence("By John Smith Jr.") is False
    assert bylines._ends_sentence("It rained.") is True


def test_length_classes_are_shared_and_one_hot():
    for words in range(40):
        row = features.own_features(" ".join(["word"] * words) or "-", False)
        classes = [row[name] for name, _ in features._BUCKETS]
        assert sum(classes) == (1.0 if 1 <= words <= 25 else 0.0)


def plain_ascii_trouble(max_run: int) -> re.Pattern:
    """unicode._scan_line's pattern for ASCII lines before str's own tests replaced it."""
    run = rf"[^\w\s]{{{max_run + 1},}}"
    return re.compile(rf"[^\S ]| {{2}}|&|[\x00-\x08\x0e-\x1b\x7f]|{run}")


def test_ascii_trouble_is_what_the_plain_pattern_finds():
    # Every ASCII character alone and in pairs, then lines near the symbol-run limits,
    # built from characters on either side of each test (controls, spaces, "_", symbols).
    edges = "\x00\x08\t\n\x0b\x0c\r\x0e\x1b\x1c\x1f \x7f_&=-.aZ09"
    singles = [chr(code) for code in range(128)]
    common = singles + [a + b for a in singles for b in edges]
    common += [line for path in EXAMPLE_ARTICLES
               for line in path.read_text(encoding="utf-8").splitlines() if line.isascii()]
    for max_run in (1, 3, 64):
        lines = list(common)
        for width in range(max_run - 1, max_run + 3):
            for symbol in "_=-.!":
                lines += [symbol * width, f"a {symbol * width} b", "x" + symbol * width]
                lines += [f"{symbol * (width // 2)}_{symbol * (width // 2)}"]
        plain = plain_ascii_trouble(max_run)
        run = re.compile(rf"[^\w\s]{{{max_run + 1},}}")
        for line in lines:
            expected = plain.search(unicode._symbols(line)) is not None
            assert unicode._ascii_trouble(line, run, max_run) is expected, (max_run, repr(line))


def test_prose_that_is_no_prompt_is_never_scored(monkeypatch):
    # Whole pages of the readability set: menus, teasers and prose around each article.
    asked, row = [], features.ArticleFeatures.row

    def counted(self, index):
        asked.append(self.texts[index])
        return row(self, index)

    monkeypatch.setattr(features.ArticleFeatures, "row", counted)
    paragraphs = 0
    for page in data.load(data.READABILITY)[:40]:
        normalize(page["input_text"])
        paragraphs += len(ruled_paragraphs(page["input_text"]))
    assert len(asked) > 40, "the pages have lines the model judges"
    assert len(asked) < paragraphs * 0.6  # 49% here: the rest is prose, or a rule took it
    for text in asked:
        assert not classifier._is_text(text) or classifier._is_prompt(text), text
