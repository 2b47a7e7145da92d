"""Pages for people: the API reference at /docs and the demo at /; every asset served from here."""

from flask import Blueprint, render_template

from . import reference
from .highlight import html_view

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static")
bp.add_app_template_filter(reference.code_spans, "code_spans")

# The demo renders untrusted article text: only this origin's own script and styles may run,
# so even a rendering bug cannot execute a pasted <script> or send the text elsewhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@bp.get("/")
def demo():
    """Paste an article and see what the service finds in it."""
    return render_template("demo.html")


@bp.get("/docs")
def docs():
    """The API reference, rendered from openapi.yaml."""
    return render_template("docs.html", api=reference.page())


@bp.after_app_request
def _finish(response):
    response = html_view(response)  # POST /v1/enrich with Accept: text/html
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
    return response
