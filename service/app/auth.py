"""Optional bearer-token authentication; the tokens live in a file a Kubernetes Secret mounts."""

import hmac
import logging
import os
import threading

from flask import Flask, current_app, request
from werkzeug.exceptions import Unauthorized

log = logging.getLogger(__name__)
PROBES = frozenset({"/livez", "/readyz"})  # the kubelet sends no token


class TokenFile:
    """Tokens one per line (`#` comments, blank lines ignored), re-read whenever the file changes.

    Several lines are several valid tokens: add the new one, roll the callers, drop the old one.
    A Secret update swaps the file (new inode and mtime), which the next request notices.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._stamp: tuple | None = None
        self._tokens: tuple[bytes, ...] = ()
        self._lock = threading.Lock()
        self.tokens()  # an unreadable file stops the server at start, not at the first request

    def tokens(self) -> tuple[bytes, ...]:
        """The tokens in force; the last good set if the file is briefly unreadable."""
        try:
            stat = os.stat(self.path)
            stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
            if stamp != self._stamp:
                with self._lock, open(self.path, encoding="utf-8") as file:
                    lines = (line.strip() for line in file)
                    self._tokens = tuple(t.encode() for t in lines if t and t[0] != "#")
                    self._stamp = stamp
        except OSError:
            if self._stamp is None:
                raise
            log.warning("AUTH_TOKENS_FILE unreadable; keeping the tokens read before")
        return self._tokens


def matches(token: bytes, tokens: tuple[bytes, ...]) -> bool:
    """Constant-time against every token: timing tells neither which one nor how close."""
    found = False
    for candidate in tokens:
        found |= hmac.compare_digest(token, candidate)
    return found


def _challenge(detail: str, error: str = "") -> Unauthorized:
    # Written out, not built with WWWAuthenticate: RFC 6750 quotes every value, werkzeug does not.
    challenge = 'Bearer realm="enrich"' + (f', error="{error}"' if error else "")
    return Unauthorized(detail, www_authenticate=(challenge,))


def _open(path: str, open_paths: list[str]) -> bool:
    """An exact entry, or one ending in `*` that the path starts with (`/static/*`)."""
    return any(
        path == entry or (entry.endswith("*") and path.startswith(entry[:-1]))
        for entry in open_paths
    )


def _authenticate() -> None:
    config = current_app.config
    if (
        request.method == "OPTIONS"
        or request.path in PROBES
        or _open(request.path, config["AUTH_OPEN_PATHS"])
    ):
        return
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _challenge("Send 'Authorization: Bearer <token>'.")
    if not matches(token.strip().encode(), current_app.extensions["auth_tokens"].tokens()):
        raise _challenge("The token is not valid.", error="invalid_token")


def init_app(app: Flask) -> None:
    """Require a bearer token on every path but probes and AUTH_OPEN_PATHS, if a file is set."""
    if app.config["AUTH_TOKENS_FILE"]:
        app.extensions["auth_tokens"] = TokenFile(app.config["AUTH_TOKENS_FILE"])
        app.before_request(_authenticate)
