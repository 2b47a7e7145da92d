"""The language guard: is the body English, which the model speaks? One idea, two costs.

With `language` included, py3langid reads the body before the model runs, so a foreign
article never reaches the English-only stages. Without it, the model runs as it always did and
py3langid is asked only when the model's own counts look foreign (few English stop words, much
non-ASCII): an English article pays nothing, a foreign one is still never returned as English.
"""

from dataclasses import replace

from ..types import Analysis, Enrichment, LanguageGuess, Notice, Options

# Sections that only make sense in the model's language: blanked, not run, on foreign text.
ENGLISH_ONLY = frozenset({"entities", "groups", "quotes", "keyphrases", "places"})
MIN_STOPWORD_SHARE = 0.2  # English prose has ~40-50% function words; other languages far fewer
MAX_NON_ASCII_SHARE = 0.3  # English news has ~1% (quotes, dashes, names); CJK, Cyrillic ~100%
# A guess that wins less than half the probability is a spread, not a finding: no letters, a
# few words, gibberish. Such texts run; a real language split into dialects (zh 0.66) still wins.
MIN_TOP_SHARE = 0.5

_identifier = None


def warm_up() -> None:
    """Load py3langid's model (~2 s) once per process, before gunicorn forks."""
    global _identifier
    if _identifier is None:
        _identifier = _load_identifier()


def _load_identifier():
    """py3langid's identifier, its model decompressed in memory: py3langid's own loader writes
    the 68 MB model to a temporary file, more than a pod's memory-backed /tmp (64Mi) holds."""
    import io
    import lzma

    import numpy
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array  # the loader's own conversion, not re-implemented

    with lzma.open(MODEL_DIR / MODEL_FILE) as packed, numpy.load(
        io.BytesIO(packed.read()), allow_pickle=False
    ) as data:
        return LanguageIdentifier(
            numpy.asarray(data["ptc"]), numpy.asarray(data["pc"]), data["classes"].tolist(),
            _to_array(data["nextmove"]), data["out_feat"].tolist(),
            norm_probs=True, tk_row=_to_array(data["nextmove_row"]),
        )


def identify(text: str, *, sample_chars: int) -> LanguageGuess:
    """The language of the first `sample_chars` of `text` and its probability."""
    if not any(char.isalpha() for char in text[:sample_chars]):
        return LanguageGuess("und", 0.0, 0.0)  # ISO 639-2's "undetermined": nothing to read
    warm_up()
    ranked = _identifier.rank(text[:sample_chars])
    english = next(probability for code, probability in ranked if code == "en")
    return LanguageGuess(ranked[0][0], round(float(ranked[0][1]), 4), float(english))


def is_foreign(guess: LanguageGuess | None, *, min_confidence: float) -> bool:
    """Confidently not English: the probability that the text is English is at most
    1 - min_confidence, and another language has at least MIN_TOP_SHARE. Short or mixed texts
    spread the probability and still run."""
    if guess is None or guess.code == "en" or guess.confidence < MIN_TOP_SHARE:
        return False
    return guess.english <= 1 - min_confidence


def looks_foreign(analysis: Analysis, text: str) -> bool:
    """The model's own counts say the text may not be English (worth asking py3langid)."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))  # counted in C, not per character
    if non_ascii > MAX_NON_ASCII_SHARE * len(text.replace(" ", "")):
        return True
    return analysis.words >= 20 and analysis.stopwords < MIN_STOPWORD_SHARE * analysis.words


def notice(guess: LanguageGuess) -> Notice:
    """The `unsupported_language` warning for a foreign text."""
    return Notice(
        "unsupported_language",
        f"The text reads as language {guess.code!r} (probability {guess.confidence:.2f}); the "
        "model is English, so entities, groups, quotes, key phrases and places were not run.",
    )


def refusal(warnings: list[Notice]) -> str | None:
    """The 422 detail for a caller who asked `unsupported_language: reject`, if it applies."""
    found = [w.message for w in warnings if w.code == "unsupported_language"]
    return found[0].split(";")[0] + "; this service's model is English only." if found else None


def guarded(options: Options, guess: LanguageGuess | None, *, min_confidence: float) -> Options:
    """The options the model should run with: no English-only section for a foreign text."""
    if not is_foreign(guess, min_confidence=min_confidence):
        return options
    return replace(options, include=options.include - ENGLISH_ONLY)


def settle(result: Enrichment, include: frozenset[str], guess: LanguageGuess | None,
           *, min_confidence: float) -> Enrichment:
    """The answer with its `language` (when asked) and, for a foreign text, the English-only
    sections asked for as empty lists plus the warning that says why."""
    language = guess if "language" in include else None
    if not is_foreign(guess, min_confidence=min_confidence):
        return replace(result, language=language)
    blank = {section: [] for section in ENGLISH_ONLY & include}
    return replace(result, language=language, warnings=[*result.warnings, notice(guess)], **blank)
