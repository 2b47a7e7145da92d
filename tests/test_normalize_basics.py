"""The Unicode and whitespace layer of normalization."""

import pytest

from service.pipeline.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("  lead and trail  ", "lead and trail"),
        ("a\u00a0\u2009 b\tc", "a b c"),
        ("one\nline wrapped", "one line wrapped"),
        ("para one\n\n\n\npara two", "para one\n\npara two"),
        ("para one\r\n \r\npara two", "para one\n\npara two"),
        ("zero\u200bwidth soft\u00adhyphen \ufeffBOM", "zerowidth softhyphen BOM"),
        ("Cafe\u0301", "Caf\u00e9"),
        ("nul\x00 and\x07 bell", "nul and bell"),
        ("kin \U0001f468\u200d\U0001f467", "kin \U0001f468\u200d\U0001f467"),
    ],
)
def test_text_is_cleaned(raw, text):
    assert normalize(raw).text == text


def test_combining_mark_storm_is_capped_and_reported():
    normalized = normalize("x" + "\u0301" * 5000 + " end")
    assert len(normalized.text) < 100
    assert normalized.text.endswith(" end")
    assert [r.kind for r in normalized.removed] == ["combining_marks"]
