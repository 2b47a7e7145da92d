"""Offsets in code points, UTF-16 code units and UTF-8 bytes; a JS client slices with utf16."""

import pytest

from service.pipeline.enrich.encoding import Encoder

# Emoji (astral: two UTF-16 units), CJK (three UTF-8 bytes), a combining acute that NFC
# composes (so the raw input and the text differ in length), and a ZWJ emoji sequence.
RAW = (
    "👩‍👩‍👧 Cafe\u0301 owner Angela Merkel met 北京 officials in Berlin on Monday. 😀\n\n"
    "“We are very happy with the visit,” Merkel told reporters in Paris."
)
UNITS = {"utf16": "utf-16-le", "utf8": "utf-8"}
WIDTH = {"utf16": 2, "utf8": 1}


@pytest.mark.parametrize(
    ("encoding", "offset", "expected"),
    [("utf16", 2, 3), ("utf8", 2, 5), ("codepoint", 2, 2), ("utf16", 1, 1), ("utf8", 3, 6)],
)
def test_encoder_counts_units_before_an_offset(encoding, offset, expected):
    assert Encoder("a😀b", encoding)(offset) == expected


def test_ascii_text_maps_to_itself():
    assert Encoder("plain text", "utf8")(7) == 7


def slice_units(text, start, end, encoding):
    width = WIDTH[encoding]
    return text.encode(UNITS[encoding])[start * width : end * width].decode(UNITS[encoding])


@pytest.fixture(scope="module")
def responses(model_app):
    client = model_app.test_client()
    return {
        name: client.post("/v1/enrich", json={"text": RAW, "options": {"offsets": name}}).json
        for name in ("codepoint", "utf16", "utf8")
    }


@pytest.mark.model
@pytest.mark.parametrize("encoding", ["utf16", "utf8"])
def test_entity_offsets_slice_the_text_in_that_encoding(responses, encoding):
    body = responses[encoding]
    assert {e["text"] for e in body["entities"]} >= {"Angela Merkel", "Berlin"}
    for entity in body["entities"]:
        assert slice_units(body["text"], entity["start"], entity["end"], encoding) == entity["text"]


@pytest.mark.model
@pytest.mark.parametrize("encoding", ["utf16", "utf8"])
def test_source_offsets_slice_the_raw_input_in_that_encoding(responses, encoding):
    plain = responses["codepoint"]["entities"]
    for entity, ours in zip(plain, responses[encoding]["entities"], strict=True):
        expected = RAW[entity["source"]["start"] : entity["source"]["end"]]
        source = ours["source"]
        assert slice_units(RAW, source["start"], source["end"], encoding) == expected


@pytest.mark.model
@pytest.mark.parametrize("encoding", ["utf16", "utf8"])
def test_every_other_offset_is_converted_too(responses, encoding):
    plain, ours = responses["codepoint"], responses[encoding]
    text = plain["text"]

    def same(a, b):
        assert text[a["start"] : a["end"]] == slice_units(text, b["start"], b["end"], encoding)

    for a, b in zip(plain["sentences"], ours["sentences"], strict=True):
        same(a, b)
    for a, b in zip(plain["groups"], ours["groups"], strict=True):
        same(a["first"], b["first"])
    assert plain["quotes"] and plain["quotes"][0]["speaker"]
    for a, b in zip(plain["quotes"], ours["quotes"], strict=True):
        same(a, b)
        same(a["speaker"], b["speaker"])


def test_sections_and_dateline_are_converted():
    from service.pipeline.enrich.encoding import encode
    from service.pipeline.types import Dateline, Enrichment, ModelInfo, Section

    text = "😀 Title\n\nBRUSSELS (AP) – NATO met."
    result = Enrichment(
        "a",
        text,
        ModelInfo("m", "1", (), ()),
        sections=[Section("title", 2, 7)],
        dateline=Dateline("BRUSSELS", "AP", 9, 17),
    )
    encoded = encode(result, text, "utf16")
    assert encoded.sections == [Section("title", 3, 8)]
    assert (encoded.dateline.start, encoded.dateline.end) == (10, 18)
