"""Every response body the service gives for the corpus, to compare two commits byte for byte.

    .venv/bin/python scripts/dump_responses.py OUT.jsonl     # on two commits, then `cmp` the files

Posts examples/, tests/fixtures/enrich/ and the readability pages (whole and cropped,
bench/boilerplate_data.py) through the Flask test client, once with the default sections (the
full answer), once entities only and once with every section, and writes one line per request:
the request's name, its status and the exact body (a problem's random request id left out).
A change that must not alter outputs (issue 18: speed) leaves the file identical.
"""

import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench import boilerplate_data as data  # noqa: E402
from service import create_app  # noqa: E402
from service.pipeline.types import SECTIONS  # noqa: E402

OPTIONS = {"full": {}, "entities": {"include": ["entities"]}, "every": {"include": list(SECTIONS)}}


def texts() -> list[tuple[str, str]]:
    """(name, raw text) of every article and page."""
    paths = sorted(ROOT.glob("examples/*.txt")) + sorted(ROOT.glob("tests/fixtures/enrich/*.txt"))
    found = [(path.relative_to(ROOT).as_posix(), path.read_text()) for path in paths]
    for page in data.load(data.READABILITY):
        found.append((f"readability/{page['id']}", page["input_text"]))
        found.append((f"readability/{page['id']}/cropped", data.crop(page)["input_text"]))
    return found


def main() -> None:
    """Write one JSON line per request to argv[1]."""
    client = create_app({"TESTING": True}).test_client()
    with open(sys.argv[1], "wb") as out:
        for name, text in texts():
            for mode, options in OPTIONS.items():
                body = {"id": "same", "text": text, **({"options": options} if options else {})}
                response = client.post("/v1/enrich", json=body)
                line = {"name": name, "mode": mode, "status": response.status_code}
                out.write(orjson.dumps(line) + b" " + _without_request_id(response) + b"\n")


def _without_request_id(response) -> bytes:
    """The body; a problem's request id, new on every run, left out."""
    if response.status_code == 200:
        return response.get_data()
    problem = response.get_json()
    problem.pop("request_id", None)
    return orjson.dumps(problem)


if __name__ == "__main__":
    main()
