"""The newsroom's gazetteer (GAZETTEER_FILE): its names found as entities, with its own ids.

A JSON-lines file, one pattern a line: `{"label": "ORG", "pattern": "Acme Corp", "id": "Q1"}`;
`pattern` is a phrase (matched exactly, case included) or a list of spaCy token patterns
(`[{"LOWER": "acme"}, {"LOWER": "corp"}]`). The patterns go into an `entity_ruler` placed before
`ner`: spaCy's recognizer keeps entities already set, so a gazetteer match wins over the model
where they overlap, and the model labels everything else.
"""

import orjson
from spacy.errors import MatchPatternError
from spacy.language import Language
from spacy.matcher import Matcher

NAME = "gazetteer"  # the pipe's name, so nlp.py can run it exactly when `ner` runs
FIELDS = {"label", "pattern", "id"}


class GazetteerError(ValueError):
    """A pattern file the service cannot use; the message names the file and the line."""


def add_gazetteer(nlp: Language, path: str) -> int:
    """Load the patterns of `path` into an entity ruler before `ner`; the number of patterns."""
    patterns = read_patterns(path, Matcher(nlp.vocab, validate=True))
    ruler = nlp.add_pipe("entity_ruler", name=NAME, before="ner" if nlp.has_pipe("ner") else None)
    # add_patterns runs every earlier component over each phrase; only the tokenizer is needed
    # (ORTH matching), and the parser and tagger make 20,000 patterns ~5x slower to load.
    with nlp.select_pipes(enable=[NAME]):
        ruler.add_patterns(patterns)
    return len(patterns)


def read_patterns(path: str, matcher: Matcher) -> list[dict]:
    """Every pattern of the file, checked line by line; GazetteerError on the first bad one."""
    try:
        with open(path, "rb") as lines:
            found = [_pattern(path, number, line, matcher) for number, line in enumerate(lines, 1)]
    except OSError as err:
        raise GazetteerError(f"GAZETTEER_FILE {path}: cannot read it: {err.strerror}") from err
    return [pattern for pattern in found if pattern]


def _pattern(path: str, number: int, line: bytes, matcher: Matcher) -> dict | None:
    if not line.strip():
        return None
    try:
        pattern = orjson.loads(line)
        why = _problem(pattern, matcher)
    except orjson.JSONDecodeError as err:
        why = f"not JSON ({err})"
    if why:
        raise GazetteerError(f"GAZETTEER_FILE {path}, line {number}: {why}")
    return pattern


def _problem(pattern, matcher: Matcher) -> str | None:
    """Why a decoded line is not a usable pattern, or None."""
    if not isinstance(pattern, dict):
        return "not a JSON object"
    if pattern.keys() != FIELDS:
        return f"needs exactly the fields label, pattern and id, has {sorted(pattern)}"
    if not all(isinstance(pattern[f], str) and pattern[f].strip() for f in ("label", "id")):
        return "label and id must be non-empty strings"
    phrase = pattern["pattern"]
    if isinstance(phrase, str):
        return None if phrase.strip() else "pattern is empty"
    if not isinstance(phrase, list) or not phrase:
        return "pattern must be a phrase or a non-empty list of token patterns"
    try:
        matcher.add("check", [phrase])
    except (MatchPatternError, ValueError, TypeError) as err:
        return f"invalid token pattern: {str(err).splitlines()[0]}"
    finally:
        if "check" in matcher:
            matcher.remove("check")
    return None
