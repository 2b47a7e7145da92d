"""An /v1/enrich answer as a page: `Accept: text/html` gets the highlighted view, for a browser."""

import orjson
from flask import render_template, request


def wants_html() -> bool:
    """Whether the caller prefers HTML to JSON (a browser; curl's */* still gets JSON)."""
    accept = request.accept_mimetypes
    return accept.quality("text/html") > accept.quality("application/json")


def html_view(response):
    """Swap a successful JSON answer of `POST /v1/enrich` for the page that shows it."""
    if request.endpoint == "api.enrich":
        response.vary.add("Accept")
        if response.status_code == 200 and wants_html():
            result = orjson.loads(response.get_data())
            response.set_data(
                render_template("enrichment.html", result=result, pieces=pieces(result))
            )
            response.mimetype = "text/html"
    return response


def pieces(result: dict) -> list[dict]:
    """The text cut at every entity, quote and section boundary, each piece with what covers it."""
    text, entities = result["text"], result.get("entities", [])
    quotes, sections = result.get("quotes") or [], result.get("sections") or []
    spans = (*entities, *quotes, *sections)
    cuts = {0, len(text)} | {span[key] for span in spans for key in ("start", "end")}
    points = sorted(p for p in cuts if 0 <= p <= len(text))
    return [
        {
            "text": text[a:b],
            "entity": _covering(entities, a, b),
            "quote": _covering(quotes, a, b) is not None,
            "section": (_covering(sections, a, b) or {}).get("kind"),
            "ends_entity": any(e["end"] == b for e in entities),
        }
        for a, b in zip(points, points[1:], strict=False)
    ]


def _covering(spans: list[dict], start: int, end: int) -> dict | None:
    return next((s for s in spans if s["start"] <= start and end <= s["end"]), None)
