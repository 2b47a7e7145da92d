"""The hand-written entity dump equals marshmallow's EntitySchema, byte for byte."""

import itertools

import orjson

from service.api.schemas import EnrichmentSchema, EntityList, EntitySchema
from service.pipeline.types import Entity, Span

CASES = [
    Entity("Kyiv", "GPE", 3, 7, Span(10, 14), group, value, kb_id)
    for group, value, kb_id in itertools.product((None, 0, 4), (None, "2022-01-10"),
                                                 (None, "Q1899"))
]


def test_entity_list_dumps_what_entity_schema_dumps():
    fast = EntityList()._serialize(CASES, "entities", None)
    assert orjson.dumps(fast) == orjson.dumps(EntitySchema(many=True).dump(CASES))


def test_absent_entities_stay_absent():
    assert EntityList()._serialize(None, "entities", None) is None
    assert isinstance(EnrichmentSchema().fields["entities"], EntityList)
