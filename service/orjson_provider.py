"""Flask's JSON provider on orjson: responses are the hot path, and orjson is ~10x the stdlib."""

import orjson
from flask.json.provider import JSONProvider


class OrjsonProvider(JSONProvider):
    """Serialize with orjson; `sort_keys` and indent are not needed by any response."""

    def dumps(self, obj, **kwargs) -> str:
        return orjson.dumps(obj).decode()

    def loads(self, s, **kwargs):
        return orjson.loads(s)

    def response(self, *args, **kwargs):
        obj = self._prepare_response_obj(args, kwargs)
        return self._app.response_class(orjson.dumps(obj), mimetype="application/json")
