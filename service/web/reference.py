"""openapi.yaml -> plain values the /docs template lays out; built once, on the first request."""

from functools import cache

import yaml
from markupsafe import Markup, escape

from ..about import OPENAPI_YAML

METHODS = ("get", "post", "put", "patch", "delete")


def code_spans(text: str | None) -> Markup:
    """Escape spec prose and show its `backtick` spans as <code>."""
    pieces = str(escape(text or "")).split("`")
    return Markup("".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(pieces)))


@cache
def page() -> dict:
    """Everything the reference shows: operations in spec order, then the schemas."""
    spec = yaml.safe_load(OPENAPI_YAML)
    operations = [
        _operation(spec, path, method, item[method])
        for path, item in spec["paths"].items()
        for method in METHODS
        if method in item
    ]
    schemas = [_schema(name, schema) for name, schema in spec["components"]["schemas"].items()]
    return {"info": spec["info"], "operations": operations, "schemas": schemas}


def _operation(spec: dict, path: str, method: str, op: dict) -> dict:
    parameters = [_resolve(spec, p) for p in op.get("parameters", [])]
    body = op.get("requestBody", {}).get("content", {})
    responses = {code: _resolve(spec, r) for code, r in op.get("responses", {}).items()}
    return {
        "method": method.upper(),
        "path": path,
        "id": op.get("operationId", f"{method}{path}"),
        "summary": op.get("summary", ""),
        "description": op.get("description", ""),
        "parameters": [{**p, "type": type_parts(p.get("schema", {}))} for p in parameters],
        "bodies": [(media, type_parts(c.get("schema", {}))) for media, c in body.items()],
        "responses": [
            {
                "status": code,
                "description": r.get("description", ""),
                "media": [(m, type_parts(c.get("schema", {}))) for m, c in _content(r)],
            }
            for code, r in responses.items()
        ],
    }


def _schema(name: str, schema: dict) -> dict:
    required = set(schema.get("required", []))
    properties = [
        {
            "name": prop,
            "required": prop in required,
            "type": type_parts(sub),
            "description": sub.get("description", ""),
        }
        for prop, sub in schema.get("properties", {}).items()
    ]
    return {
        "name": name,
        "description": schema.get("description", ""),
        "type": type_parts(schema),
        "properties": properties,
    }


def type_parts(schema: dict) -> list[tuple[str, str | None]]:
    """A schema as readable pieces: (text, None) or (schema name, that name) for a link."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return [(name, name)]
    for combinator in ("allOf", "oneOf", "anyOf"):
        if combinator in schema:
            joined: list = []
            for index, sub in enumerate(schema[combinator]):
                joined += ([(" or ", None)] if index else []) + type_parts(sub)
            return joined
    kind = schema.get("type", "any")
    if kind == "array":
        return [("array of ", None), *type_parts(schema.get("items", {}))]
    text = " or ".join(kind) if isinstance(kind, list) else kind
    if "enum" in schema:
        text += " (" + ", ".join(map(str, schema["enum"])) + ")"
    return [(text, None)]


def _content(node: dict) -> list:
    return list(node.get("content", {}).items())


def _resolve(spec: dict, node: dict) -> dict:
    while "$ref" in node:
        section, kind, name = node["$ref"].lstrip("#/").split("/")
        node = spec[section][kind][name]
    return node
