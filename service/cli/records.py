"""Records -> output lines through the API's own schemas and pipeline: one code path, not two."""

from dataclasses import dataclass

import orjson
from marshmallow import ValidationError

from ..api.schemas import article_schema, enrichment_schema, too_long
from ..pipeline import Pipeline
from ..pipeline.types import Article


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one record: an output line, a skip (its id is done already), or an error."""

    line: int
    output: bytes | None = None
    words: int = 0
    error: str | None = None


class Annotator:
    """Turns records into the exact JSON `POST /v1/enrich` answers, one line each."""

    def __init__(self, pipeline: Pipeline, *, max_chars: int, done: frozenset[str] = frozenset()):
        self.pipeline = pipeline
        self.max_chars = max_chars
        self.done = done

    def __call__(self, chunk: list[tuple[int, bytes]]) -> list[Outcome]:
        """Annotate JSON-lines records given as (line number, raw line)."""
        return self.annotate([(line, _parse(raw)) for line, raw in chunk])

    def annotate(self, records: list[tuple[int, dict | str]]) -> list[Outcome]:
        """Annotate (line number, request body or the reason it is unreadable) pairs in order."""
        outcomes: dict[int, Outcome] = {}
        todo: list[tuple[int, Article]] = []
        for line, body in records:
            article = self._load(body)
            if isinstance(article, str):
                outcomes[line] = Outcome(line, error=article)
            elif article.id in self.done:
                outcomes[line] = Outcome(line)
            else:
                todo.append((line, article))
        outcomes.update((o.line, o) for o in self._run(todo))
        return [outcomes[line] for line, _ in records]

    def _load(self, body: dict | str) -> Article | str:
        if isinstance(body, str):
            return body
        try:
            article = article_schema.load(body)
        except ValidationError as err:
            return f"invalid record: {err.messages}"
        return too_long(article, self.max_chars) or article

    def _run(self, todo: list[tuple[int, Article]]) -> list[Outcome]:
        if not todo:
            return []
        try:
            enrichments = self.pipeline.run([article for _, article in todo])
            return [_outcome(line, e) for (line, _), e in zip(todo, enrichments, strict=True)]
        except Exception as err:  # noqa: BLE001 - one bad document must not sink its whole chunk
            if len(todo) == 1:
                # The exception's class only: its message may quote the article.
                return [Outcome(todo[0][0], error=f"the pipeline failed: {type(err).__name__}")]
            return [outcome for item in todo for outcome in self._run([item])]


def _outcome(line: int, enrichment) -> Outcome:
    words = enrichment.stats.words if enrichment.stats else 0
    return Outcome(line, orjson.dumps(enrichment_schema.dump(enrichment)), words)


def _parse(raw: bytes) -> dict | str:
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        return f"malformed JSON: {err}"
    if not isinstance(body, dict):
        return "not a JSON object"
    return body if "id" in body else "no id: every record needs one, so that a rerun can skip it"
