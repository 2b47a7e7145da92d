"""`?pretty=1` on any JSON answer (problems included): indented, newline-terminated, for curl."""

import orjson
from flask import Flask, request

JSON_TYPES = frozenset({"application/json", "application/problem+json"})
FALSE = frozenset({"0", "false", "no", "off"})


def wants_pretty() -> bool:
    """True for `?pretty`, `?pretty=1`, `?pretty=true`; false when absent or `0`/`false`."""
    value = request.args.get("pretty")
    return value is not None and value.lower() not in FALSE


def _indent(response):
    if response.mimetype in JSON_TYPES and not response.is_streamed and wants_pretty():
        # Re-encoding costs a parse, but only for a person asking for it; keys keep their order.
        body = orjson.loads(response.get_data())
        response.set_data(orjson.dumps(body, option=orjson.OPT_INDENT_2) + b"\n")
    return response


def init_app(app: Flask) -> None:
    """Indent JSON answers for callers who ask with `?pretty`."""
    app.after_request(_indent)
