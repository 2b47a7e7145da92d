"""The service's whole answers to every text of the repository, to compare two environments.

    .venv/bin/python bench/answers.py --out A.jsonl            # with one interpreter or setting
    other/venv/bin/python bench/answers.py --out B.jsonl       # with another
    .venv/bin/python bench/answers.py --compare A.jsonl B.jsonl

Each text (bench/matrix_backend.py's: the corpus, the fixtures, every labelled page) is posted
through the Flask test client with the production model twice, for the full answer and for
entities only; a line holds the status and the answer without its request ids. `--compare`
counts the answers that differ and names the fields of the first few.
"""

import argparse
import json
import sys

import orjson
from matrix_backend import repository_texts

from service import create_app

OPTIONS = ({}, {"include": ["entities"]})


def write_answers(path: str) -> None:
    """One JSON line per text and option set, in a fixed order."""
    client = create_app({"TESTING": True}).test_client()
    texts = repository_texts()
    with open(path, "wb") as out:
        for index, text in enumerate(texts):
            for options in OPTIONS:
                response = client.post("/v1/enrich", json={"text": text, "options": options})
                answer = response.get_json()
                if isinstance(answer, dict):  # made per request
                    answer.pop("id", None)
                    answer.pop("request_id", None)
                line = {"text": index, "options": options, "status": response.status_code,
                        "answer": answer}
                out.write(orjson.dumps(line, option=orjson.OPT_SORT_KEYS) + b"\n")
    print(f"{len(texts)} texts, {len(texts) * len(OPTIONS)} answers, {sys.version.split()[0]}")


def compare(one: str, other: str) -> int:
    """How many answers differ; the fields that differ in the first five."""
    with open(one, encoding="utf-8") as a, open(other, encoding="utf-8") as b:
        pairs = [(json.loads(x), json.loads(y)) for x, y in zip(a, b, strict=True)]
    differ = [(x, y) for x, y in pairs if x != y]
    entities = sum(len((x["answer"] or {}).get("entities") or []) for x, _ in pairs)
    print(f"{len(pairs)} answers ({entities:,} entities in the first file): {len(differ)} differ")
    for x, y in differ[:5]:
        fields = sorted(k for k in {*x["answer"], *y["answer"]}
                        if x["answer"].get(k) != y["answer"].get(k))
        print(f"  text {x['text']}, options {x['options']}: {', '.join(fields)}")
    return len(differ)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", help="write the answers here")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"), help="two --out files")
    args = parser.parse_args()
    if args.out:
        write_answers(args.out)
    if args.compare:
        sys.exit(1 if compare(*args.compare) else 0)


if __name__ == "__main__":
    main()
