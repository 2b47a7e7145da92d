"""Offsets: every entity slices the normalized text exactly and maps back to the raw input."""

import re
import unicodedata

import pytest

from service.pipeline.normalize import normalize
from service.pipeline.types import Span

pytestmark = pytest.mark.model

MESSY = (
    "  Angela\u00a0Merkel met  Emmanuel Macron in Par\u200bis.\r\n\r\n\r\n"
    "The Caf\u0065\u0301 de Flore  in  Paris hosted\tJoe Biden.\n"
)


def _folded(raw: str) -> str:
    visible = re.sub(r"[\u200b\u00ad\ufeff]", "", raw)
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", visible))


@pytest.mark.parametrize("which", ["sample", "messy"])
def test_entities_slice_text_and_source(client, sample_text, which):
    raw = sample_text if which == "sample" else MESSY
    body = client.post("/v1/enrich", json={"text": raw}).json
    assert body["entities"]
    for entity in body["entities"]:
        assert body["text"][entity["start"] : entity["end"]] == entity["text"]
        source = raw[entity["source"]["start"] : entity["source"]["end"]]
        assert _folded(source) == _folded(entity["text"])


def test_every_normalized_character_maps_to_the_raw_one():
    normalized = normalize(MESSY)
    for index, char in enumerate(normalized.text):
        span = normalized.offsets.char_source(index)
        raw = MESSY[span.start : span.end]
        assert char == unicodedata.normalize("NFC", raw)[0] or (char.isspace() and raw.isspace())


def test_source_spans_increase_with_the_text():
    normalized = normalize(MESSY)
    starts = [normalized.offsets.char_source(i).start for i in range(len(normalized.text))]
    assert starts == sorted(starts)


def test_a_span_maps_from_its_first_to_its_last_character():
    offsets = normalize(MESSY).offsets
    for start in range(offsets.length):
        for end in range(start + 1, offsets.length + 1):
            assert offsets.to_source(start, end) == Span(
                offsets.char_source(start).start, offsets.char_source(end - 1).end
            )
    point = offsets.char_source(3).start
    assert offsets.to_source(3, 3) == Span(point, point)
    assert offsets.to_source(offsets.length, offsets.length).start == offsets.raw_end
    for start, end in ((-1, 2), (0, offsets.length + 1)):
        with pytest.raises(IndexError):
            offsets.to_source(start, end)
