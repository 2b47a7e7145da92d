"""Request and response bodies: Article/Enrichment in and out, through marshmallow."""

import re
import uuid
from datetime import datetime

from marshmallow import Schema, ValidationError, fields, post_dump, post_load, validate

from ..pipeline.enrich.encoding import ENCODINGS
from ..pipeline.normalize.classifier import MODES
from ..pipeline.types import DEFAULT_SECTIONS, SECTIONS, Article, Options
from . import dumps
from .dumps import Listed

# Ids are echoed in responses and logs: printable, bounded, no control characters.
ID_PATTERN = re.compile(r"[^\x00-\x1f\x7f-\x9f]{1,256}\Z")  # Regexp only anchors the start


# Whitespace by either Python's or JavaScript's (so JSON Schema's) definition; openapi.yaml's
# Text pattern is this class, so the spec and the code agree on what "blank" means.
BLANK = r"\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
NOT_BLANK = re.compile(f"[^{BLANK}]")


def _not_blank(text: str) -> None:
    if not NOT_BLANK.search(text):
        raise ValidationError("Text must contain something other than whitespace.")


class PublishedField(fields.Field):
    """An ISO 8601 date or datetime; kept as the publisher's wall-clock time."""

    def _deserialize(self, value, attr, data, **kwargs) -> datetime:
        try:
            return datetime.fromisoformat(value).replace(tzinfo=None)
        except (TypeError, ValueError) as err:
            raise ValidationError("Not an ISO 8601 date or datetime.") from err


class OptionsSchema(Schema):
    include = fields.List(fields.String(validate=validate.OneOf(SECTIONS)))
    labels = fields.List(fields.String(validate=validate.Length(1, 64)))
    offsets = fields.String(validate=validate.OneOf(ENCODINGS))
    published = PublishedField()
    cleaning = fields.String(validate=validate.OneOf(MODES))
    unsupported_language = fields.String(validate=validate.OneOf(("skip", "reject")))

    @post_load
    def _to_options(self, data, **_):
        include = data.get("include", DEFAULT_SECTIONS)
        labels = data.get("labels")
        return Options(
            frozenset(include),
            None if labels is None else frozenset(labels),
            data.get("offsets", "codepoint"),
            data.get("published"),
            data.get("cleaning"),
            data.get("unsupported_language", "skip"),
        )


class ArticleSchema(Schema):
    text = fields.String(required=True, validate=_not_blank)
    article_id = fields.String(
        data_key="id",
        validate=validate.Regexp(ID_PATTERN, error="Id must be 1-256 printable characters."),
    )
    options = fields.Nested(OptionsSchema)

    @post_load
    def _to_article(self, data, **_):
        article_id = data.get("article_id") or uuid.uuid4().hex
        return Article(article_id, data["text"], data.get("options", Options()))


class BatchSchema(Schema):
    # Documents stay raw here: each is loaded by ArticleSchema on its own, so one bad
    # document fails in its slot instead of failing the batch.
    documents = fields.List(
        fields.Raw(allow_none=True), required=True, validate=validate.Length(min=1)
    )
    # Loaded once here, so bad batch options fail the batch; each document's own options win.
    options = fields.Nested(OptionsSchema)


class SpanSchema(Schema):
    start = fields.Integer()
    end = fields.Integer()


class EntitySchema(Schema):
    text = fields.String()
    label = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    source = fields.Nested(SpanSchema)
    group = fields.Integer()
    value = fields.String()
    kb_id = fields.String()

    @post_dump
    def _omit_unresolved(self, data, **_):
        for name in ("value", "kb_id"):
            if data[name] is None:
                del data[name]
        return data


class EntityList(fields.Field):
    """Entities as EntitySchema(many=True) dumps them, without marshmallow's per-field calls.

    The list is the largest part of an entities-only answer, and dumping it field by field
    cost about a tenth of the model's time (bench/profile_entities.py); the output is the
    same, key order included (tests/test_schema_fast.py compares the two on the corpus).
    """

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return [_entity(entity) for entity in value]


def _entity(entity) -> dict:
    source = entity.source
    data = {"text": entity.text, "label": entity.label, "start": entity.start,
            "end": entity.end,
            "source": None if source is None else {"start": source.start, "end": source.end},
            "group": entity.group}
    if entity.value is not None:
        data["value"] = entity.value
    if entity.kb_id is not None:
        data["kb_id"] = entity.kb_id
    return data


class GroupSchema(Schema):
    group_id = fields.Integer(data_key="id", attribute="id")
    name = fields.String()
    label = fields.String()
    mentions = fields.Integer()
    first = fields.Nested(SpanSchema)
    salience = fields.Float()
    kb_id = fields.String()

    @post_dump
    def _omit_unlinked(self, data, **_):
        if data["kb_id"] is None:
            del data["kb_id"]
        return data


class SpeakerSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    group = fields.Integer()


class QuoteSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    speaker = fields.Nested(SpeakerSchema, allow_none=True)


class DatelineSchema(Schema):
    location = fields.String()
    agency = fields.String(allow_none=True)
    start = fields.Integer()
    end = fields.Integer()


class SectionSchema(Schema):
    kind = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class NoticeSchema(Schema):
    code = fields.String()
    message = fields.String()


class RemovedSchema(Schema):
    kind = fields.String()
    text = fields.String()
    source = fields.Nested(SpanSchema)
    score = fields.Float()

    @post_dump
    def _omit_rule_score(self, data, **_):
        if data.get("score") is None:  # a rule's removal: no probability to report
            data.pop("score", None)
        return data


class StatsSchema(Schema):
    characters = fields.Integer()
    words = fields.Integer()
    sentences = fields.Integer()
    paragraphs = fields.Integer()
    reading_time_seconds = fields.Integer()


class LanguageSchema(Schema):
    code = fields.String()
    confidence = fields.Float()


class KeyphraseSchema(Schema):
    text = fields.String()
    score = fields.Float()
    start = fields.Integer()
    end = fields.Integer()


class PlaceSchema(Schema):
    group = fields.Integer()
    name = fields.String()
    geonameid = fields.Integer()
    country = fields.String()
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)


class ModelSchema(Schema):
    name = fields.String()
    version = fields.String()


class EnrichmentSchema(Schema):
    article_id = fields.String(data_key="id", attribute="id")
    text = fields.String()
    entities = EntityList()
    groups = Listed(dumps.group)
    quotes = Listed(dumps.quote)
    sentences = Listed(dumps.span)
    removed = Listed(dumps.removed)
    stats = fields.Nested(StatsSchema)
    language = fields.Nested(LanguageSchema)
    fingerprint = fields.String()
    keyphrases = Listed(dumps.keyphrase)
    places = fields.List(fields.Nested(PlaceSchema))
    model = fields.Nested(ModelSchema)
    title = fields.String(allow_none=True)
    publisher = fields.String(allow_none=True)
    dateline = fields.Nested(DatelineSchema, allow_none=True)
    authors = fields.List(fields.String())
    sections = Listed(dumps.section)
    warnings = Listed(dumps.notice)

    @post_dump
    def _omit_unrequested(self, data, **_):
        for section in SECTIONS:
            if data.get(section) is None:
                data.pop(section, None)
        return data


# Built once, shared by the views and the CLI.
article_schema = ArticleSchema()
enrichment_schema = EnrichmentSchema()


def too_long(article: Article, limit: int) -> str | None:
    """Why the article's text is over `limit` characters, or None if it is not."""
    if len(article.text) > limit:
        return f"Text has {len(article.text)} characters; the limit is {limit}."
    return None
