"""The hand-written dumps equal marshmallow's schemas, byte for byte."""

import itertools

import orjson
import pytest
from marshmallow import fields
from support.examples import EXAMPLE_ARTICLES

from service.api import schemas
from service.api.schemas import EnrichmentSchema, EntityList, EntitySchema
from service.pipeline.types import (
    SECTIONS,
    Article,
    Enrichment,
    Entity,
    Group,
    Keyphrase,
    ModelInfo,
    Notice,
    Options,
    Quote,
    Removed,
    Section,
    Span,
    Speaker,
)

CASES = [
    Entity("Kyiv", "GPE", 3, 7, Span(10, 14), group, value, kb_id)
    for group, value, kb_id in itertools.product((None, 0, 4), (None, "2022-01-10"),
                                                 (None, "Q1899"))
]


class MarshmallowEnrichment(EnrichmentSchema):
    """The response schema with every list dumped by marshmallow's nested schemas."""

    entities = fields.List(fields.Nested(EntitySchema))
    groups = fields.List(fields.Nested(schemas.GroupSchema))
    quotes = fields.List(fields.Nested(schemas.QuoteSchema))
    sentences = fields.List(fields.Nested(schemas.SpanSchema))
    removed = fields.List(fields.Nested(schemas.RemovedSchema))
    keyphrases = fields.List(fields.Nested(schemas.KeyphraseSchema))
    sections = fields.List(fields.Nested(schemas.SectionSchema))
    warnings = fields.List(fields.Nested(schemas.NoticeSchema))


def same_bytes(enrichment: Enrichment) -> bool:
    fast = orjson.dumps(EnrichmentSchema().dump(enrichment))
    return fast == orjson.dumps(MarshmallowEnrichment().dump(enrichment))


def test_entity_list_dumps_what_entity_schema_dumps():
    fast = EntityList()._serialize(CASES, "entities", None)
    assert orjson.dumps(fast) == orjson.dumps(EntitySchema(many=True).dump(CASES))


def test_absent_entities_stay_absent():
    assert EntityList()._serialize(None, "entities", None) is None
    assert isinstance(EnrichmentSchema().fields["entities"], EntityList)


def test_every_list_dumps_what_its_schema_dumps():
    model = ModelInfo("en_test", "1.0", ("ner",), ("GPE",))
    enrichment = Enrichment(
        "a", "text", model, sections=[Section("title", 0, 4)],
        warnings=[Notice("long_document", "Long.")], entities=CASES,
        groups=[Group(0, "Kyiv", "GPE", 2, Span(3, 7), 0.5), Group(1, "X", "ORG", 1, Span(0, 1),
                                                                     0, "Q1")],
        quotes=[Quote("“Hi”", 0, 4, None), Quote("“Yo”", 5, 9, Speaker("he", 10, 12, None)),
                Quote("“No”", 5, 9, Speaker("Ann", 10, 13, 2))],
        sentences=[Span(0, 4), Span(5, 9)],
        removed=[Removed("promo", "Subscribe", Span(0, 9)),
                 Removed("navigation", "Home", Span(9, 13), 0.912), Removed("x", "y", None, 1)],
        keyphrases=[Keyphrase("grain deal", 1, 0, 10), Keyphrase("ports", 0.25, 11, 16)],
    )
    assert same_bytes(enrichment)
    assert same_bytes(Enrichment("b", "", model))  # every section left out


@pytest.mark.model
def test_whole_answers_on_the_examples_are_the_same_bytes(model_app):
    pipeline = model_app.extensions["pipeline"].pipeline
    paths = EXAMPLE_ARTICLES[:8]
    options = Options(frozenset(SECTIONS) - {"places"})
    articles = [Article(p.name, p.read_text(encoding="utf-8"), options) for p in paths]
    results = pipeline.run(articles)
    assert all(r.sentences and r.groups and r.removed is not None for r in results)
    assert all(same_bytes(result) for result in results)
