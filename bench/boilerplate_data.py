"""Labelled scraped pages (data/boilerplate/*.jsonl[.gz]): loading, splitting, line scoring.

A page is {"id", "url", "input_text", "lines": [{"text", "label": "body"|"boilerplate"}]}, its
lines the non-blank lines of input_text in order. Shared by scripts/train_boilerplate.py,
bench/score_boilerplate.py and the tests.
"""

import bisect
import gzip
import json
import re
import zlib
from pathlib import Path
from urllib.parse import urlparse

DATA = Path(__file__).resolve().parents[1] / "data" / "boilerplate"
READABILITY = DATA / "readability-pages.jsonl.gz"
EXTRA = DATA / "extra-pages.jsonl"
_WORD = re.compile(r"\w+")
CROP_MARGIN = 3  # lines of furniture kept either side of the article when cropping


def load(path: Path | str) -> list[dict]:
    """Every page of a JSONL file, gzipped or not, each line given its raw start offset."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        pages = [json.loads(line) for line in handle if line.strip()]
    for page in pages:
        position = 0
        for line in page["lines"]:
            line["start"] = page["input_text"].index(line["text"], position)
            position = line["start"] + len(line["text"])
    return pages


def site(page: dict) -> str:
    """The site a page comes from: its host, or its id when it has no URL."""
    host = urlparse(page.get("url") or "").netloc.removeprefix("www.")
    return host or page["id"]


def is_held_out(page: dict) -> bool:
    """The validation split, by site (never by line): about a quarter of the sites."""
    return zlib.crc32(site(page).encode()) % 4 == 0


def half(page: dict) -> str:
    """"dev" or "test": a fixed split of a validation file by site, half the sites each."""
    return "dev" if zlib.crc32(site(page).encode()) % 2 == 0 else "test"


def body_only(page: dict) -> dict:
    """The article alone, its body lines a paragraph each: clean copy, where every removal is
    a false one."""
    lines, start = [], 0
    for line in page["lines"]:
        if line["label"] == "body":
            lines.append({**line, "start": start})
            start += len(line["text"]) + 2
    return {**page, "input_text": "\n\n".join(line["text"] for line in lines), "lines": lines}


def crop(page: dict) -> dict:
    """The page as a scraper that found the article hands it over: the body's span of lines,
    CROP_MARGIN lines of furniture either side."""
    lines = page["lines"]
    body = [i for i, line in enumerate(lines) if line["label"] == "body"]
    if not body:
        return page
    first, last = max(body[0] - CROP_MARGIN, 0), min(body[-1] + CROP_MARGIN, len(lines) - 1)
    start = lines[first]["start"]
    end = lines[last]["start"] + len(lines[last]["text"])
    kept = [{**line, "start": line["start"] - start} for line in lines[first : last + 1]]
    return {**page, "input_text": page["input_text"][start:end], "lines": kept}


def coverage(page: dict, spans: list[tuple[int, int]]) -> list[tuple[float, int, int]]:
    """Per line: (share of its characters removed, its words, how many of them were removed)."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    out = []
    for line in page["lines"]:
        begin, end = line["start"], line["start"] + len(line["text"])
        first = max(bisect.bisect_right(starts, begin) - 1, 0)
        near = spans[first : bisect.bisect_left(starts, end)]
        covered = sum(max(0, min(e, end) - max(s, begin)) for s, e in near)
        words = [m.start() + begin for m in _WORD.finditer(line["text"])]
        lost = sum(any(s <= w < e for s, e in near) for w in words)
        out.append((covered / max(end - begin, 1), len(words), lost))
    return out


def paragraph_labels(page: dict, paragraphs) -> list[bool | None]:
    """Per paragraph: True when most of its words are on boilerplate lines (None: no words)."""
    starts = [line["start"] for line in page["lines"]]
    labels = []
    for paragraph in paragraphs:
        span = paragraph.source
        lo, hi = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
        lines = page["lines"][lo:hi]
        words = [(len(_WORD.findall(line["text"])), line["label"]) for line in lines]
        total = sum(n for n, _ in words)
        noise = sum(n for n, label in words if label == "boilerplate")
        labels.append(None if not total else noise * 2 > total)
    return labels
