"""CORS for browser callers from CORS_ALLOWED_ORIGINS (off when empty), and OPTIONS as 204."""

from flask import Flask, current_app, request

ALLOWED_HEADERS = "Authorization, Content-Type, X-Request-ID"
EXPOSED_HEADERS = "X-Request-ID, Retry-After, Server-Timing"


def _add_headers(response):
    if request.method == "OPTIONS" and response.status_code == 200:
        response.status_code = 204  # Flask's automatic answer: an Allow header and no body
        del response.headers["Content-Type"]
    origin = request.headers.get("Origin")
    allowed = current_app.config["CORS_ALLOWED_ORIGINS"]
    if not origin or not (origin in allowed or "*" in allowed):
        return response
    response.headers["Access-Control-Allow-Origin"] = origin
    response.vary.add("Origin")
    response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        response.headers["Access-Control-Allow-Methods"] = ", ".join(sorted(response.allow))
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = "600"
    return response


def init_app(app: Flask) -> None:
    """Answer OPTIONS with 204 and add CORS headers for allowed origins (errors included)."""
    app.after_request(_add_headers)
