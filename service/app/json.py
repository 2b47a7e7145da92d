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
        # marshmallow keys list-item errors by index: non-str keys must not turn a 422 into a 500
        body = orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS)
        return self._app.response_class(body, mimetype="application/json")
