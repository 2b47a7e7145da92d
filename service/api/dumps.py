"""Hand-written dumps of the response's lists, the same bytes as their marshmallow schemas.

A full answer holds hundreds of small objects (sentences, groups, quotes, removed spans), and
dumping them field by field through marshmallow cost about 2% of the model's time
(bench/profile_entities.py --include full). Each function here returns what its schema in
schemas.py dumps, key order included; tests/test_schema_fast.py compares the two, and
scripts/dump_responses.py the whole responses on the corpus. Floats go through float() as
marshmallow's Float does, so a whole number still prints as 1.0.
"""

from marshmallow import fields


class Listed(fields.Field):
    """A list dumped item by item with `dump`, or None when the section was not asked for."""

    def __init__(self, dump, **kwargs) -> None:
        super().__init__(**kwargs)
        self.dump = dump

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return [self.dump(item) for item in value]


def span(value) -> dict | None:
    """SpanSchema."""
    return None if value is None else {"start": value.start, "end": value.end}


def group(value) -> dict:
    """GroupSchema: `kb_id` only when the group is linked."""
    data = {"id": value.id, "name": value.name, "label": value.label,
            "mentions": value.mentions, "first": span(value.first),
            "salience": _float(value.salience)}
    if value.kb_id is not None:
        data["kb_id"] = value.kb_id
    return data


def quote(value) -> dict:
    """QuoteSchema, its speaker as SpeakerSchema or None."""
    speaker = value.speaker
    return {"text": value.text, "start": value.start, "end": value.end,
            "speaker": None if speaker is None else {
                "text": speaker.text, "start": speaker.start, "end": speaker.end,
                "group": speaker.group}}


def removed(value) -> dict:
    """RemovedSchema: `score` only for the classifier's removals."""
    data = {"kind": value.kind, "text": value.text, "source": span(value.source)}
    if value.score is not None:
        data["score"] = _float(value.score)
    return data


def keyphrase(value) -> dict:
    """KeyphraseSchema."""
    return {"text": value.text, "score": _float(value.score), "start": value.start,
            "end": value.end}


def section(value) -> dict:
    """SectionSchema."""
    return {"kind": value.kind, "start": value.start, "end": value.end}


def notice(value) -> dict:
    """NoticeSchema."""
    return {"code": value.code, "message": value.message}


def _float(value) -> float | None:
    return None if value is None else float(value)
