"""Plain values that flow between the pipeline stages and out to the schemas."""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Removed:
    """A span of the raw input that normalization left out of the text, and why."""

    kind: str
    text: str
    source: Span


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


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    source: Span


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the model says about one text, copied out of spaCy's objects."""

    mentions: list[Mention]
    sentences: list[Span]
    words: int


@dataclass(frozen=True, slots=True)
class Stats:
    characters: int
    words: int
    sentences: int
    paragraphs: int


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    version: str
    components: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Enrichment:
    id: str
    text: str
    entities: list[Entity]
    sentences: list[Span]
    removed: list[Removed]
    stats: Stats
    model: ModelInfo
    title: str | None = None
    publisher: str | None = None
    dateline: Dateline | None = None
    authors: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict, compare=False)
