"""Request and response bodies: Article/Enrichment in and out, through marshmallow."""

import re
import uuid

from marshmallow import Schema, ValidationError, fields, post_load, validate

from ..pipeline.types import Article

# Ids are echoed in responses and logs: printable, bounded, no control characters.
ID_PATTERN = re.compile(r"[^\x00-\x1f\x7f-\x9f]{1,256}\Z")


def _not_blank(text: str) -> None:
    if not text.strip():
        raise ValidationError("Text must contain something other than whitespace.")


class ArticleSchema(Schema):
    text = fields.String(required=True, validate=_not_blank)
    article_id = fields.String(
        data_key="id",
        validate=validate.Regexp(ID_PATTERN, error="Id must be 1-256 printable characters."),
    )

    @post_load
    def _to_article(self, data, **_):
        return Article(id=data.get("article_id") or uuid.uuid4().hex, text=data["text"])


class SpanSchema(Schema):
    start = fields.Integer()
    end = fields.Integer()


class EntitySchema(Schema):
    text = fields.String()
    label = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    source = fields.Nested(SpanSchema)


class RemovedSchema(Schema):
    kind = fields.String()
    text = fields.String()
    source = fields.Nested(SpanSchema)


class StatsSchema(Schema):
    characters = fields.Integer()
    words = fields.Integer()
    sentences = fields.Integer()
    paragraphs = fields.Integer()


class ModelSchema(Schema):
    name = fields.String()
    version = fields.String()


class EnrichmentSchema(Schema):
    article_id = fields.String(data_key="id", attribute="id")
    text = fields.String()
    entities = fields.List(fields.Nested(EntitySchema))
    sentences = fields.List(fields.Nested(SpanSchema))
    removed = fields.List(fields.Nested(RemovedSchema))
    stats = fields.Nested(StatsSchema)
    model = fields.Nested(ModelSchema)


class InfoSchema(Schema):
    service = fields.Dict(keys=fields.String())
    model = fields.Dict(keys=fields.String())
    limits = fields.Dict(keys=fields.String(), values=fields.Integer())
