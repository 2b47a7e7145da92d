"""Helpers for the hostile-input suite: raw sends, timing against a normal request, checks."""

import functools
import random
import re
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests
import spacy

from support.contract import PROBLEM

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "npr-nato-russia-talks.txt"

FACTOR = 4  # a hostile request may cost this many normal requests of its size ...
SLACK = 1.0  # ... plus this many seconds for a loaded 2-core CI machine


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float
    json: dict = field(default_factory=dict)


def article(chars: int, seed: int = 0) -> str:
    """Plausible prose of exactly `chars` characters, no repeated paragraphs."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", SAMPLE.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    sentences = []
    total = 0
    while total < chars:
        sentence = " ".join(rng.choice(words) for _ in range(12)) + "."
        sentences.append(sentence + ("\n\n" if len(sentences) % 5 == 4 else " "))
        total += len(sentences[-1])
    text = "".join(sentences)[:chars]
    return text[:-1] + "x" if text[-1].isspace() else text


def send(url: str, method: str, path: str, body: bytes = b"", headers=None, timeout=120) -> Answer:
    """One request with `requests`; the answer and its wall time."""
    started = time.perf_counter()
    response = requests.request(method, url + path, data=body, headers=headers or {},
                                timeout=timeout)
    seconds = time.perf_counter() - started
    return _answer(response.status_code, dict(response.headers), response.content, seconds)


def send_raw(url: str, data: bytes, timeout: float = 30) -> Answer:
    """Bytes written as they are to a fresh connection; the first answer read back."""
    host, port = url.removeprefix("http://").split(":")
    started = time.perf_counter()
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        try:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)  # nothing more is coming: a short body is just short
        except OSError:
            # The server may answer (413) and close before it has read all we send: its answer
            # is still in our receive queue, ahead of the reset, so read on.
            pass
        received = b""
        while b"\r\n\r\n" not in received or len(received) < _expected_length(received):
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            received += chunk
    seconds = time.perf_counter() - started
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return _answer(int(lines[0].split()[1]), headers, body, seconds)


def _expected_length(received: bytes) -> int:
    head, _, _ = received.partition(b"\r\n\r\n")
    found = re.search(rb"(?i)content-length: *(\d+)", head)
    return len(head) + 4 + int(found.group(1)) if found else 1 << 30


def _answer(status: int, headers: dict, body: bytes, seconds: float) -> Answer:
    headers = {name.lower(): value for name, value in headers.items()}
    parsed = {}
    if headers.get("content-type", "").endswith("json") and body:
        parsed = requests.models.complexjson.loads(body)
    return Answer(status, headers, body, seconds, parsed)


def assert_problem(answer: Answer, status: int) -> None:
    """The status, as RFC 9457 problem+json whose request_id is the echoed header."""
    assert answer.status == status, (answer.status, answer.body[:300])
    assert answer.headers["content-type"] == "application/problem+json"
    PROBLEM.validate(answer.json)
    assert answer.json["status"] == status
    assert answer.json["request_id"] == answer.headers["x-request-id"]


@functools.cache
def normal_seconds(url: str, chars: int) -> float:
    """Wall time of a normal article of `chars` characters, measured once a run (best of two)."""
    body = article(chars, seed=chars).encode()
    times = []
    for _ in range(2):
        answer = send(url, "POST", "/v1/enrich", body, {"Content-Type": "text/plain"})
        assert answer.status == 200, answer.body[:300]
        times.append(answer.seconds)
    return min(times)


def bound(url: str, chars: int, text: str | None = None) -> float:
    """The longest a hostile request of `chars` characters may take: FACTOR normal ones + SLACK.

    The normal time for `chars` is interpolated between normal articles of 1,000, 10,000 and
    100,000 characters measured in this run, and scaled by `text`'s token density when it has
    more tokens a character than prose (token_density).
    """
    sizes = (1_000, 10_000, 100_000)
    upper = next((size for size in sizes if chars <= size), sizes[-1])
    lower = sizes[max(sizes.index(upper) - 1, 0)]
    low, high = normal_seconds(url, lower), normal_seconds(url, upper)
    share = min(max((chars - lower) / (upper - lower), 0.0), 1.0) if upper > lower else 1.0
    density = token_density(text) if text else 1.0
    return FACTOR * (low + (high - low) * share) * density + SLACK


def token_density(text: str) -> float:
    """How many times a normal article's tokens a character `text` has, at least 1.

    The model's work is per token, so "s'S’" repeated (a token every two characters, 2.8 times
    prose) rightly costs a few normal articles of its length: a bound by characters alone held
    only through SLACK, and failed on a machine half as fast."""
    return max(_tokens_per_char(text) / _prose_tokens_per_char(), 1.0)


@functools.cache
def _prose_tokens_per_char() -> float:
    return _tokens_per_char(article(10_000, seed=10_000))


def _tokens_per_char(text: str) -> float:
    return len(_tokenizer()(text)) / max(len(text), 1)


@functools.cache
def _tokenizer():
    return spacy.blank("en").tokenizer  # English's tokenizer rules, as the model's, no weights
