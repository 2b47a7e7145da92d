"""The parse read out of spaCy as arrays equals reading it token by token."""

import pytest

from service.pipeline.nlp import extract_tokens
from service.pipeline.types import Tokens

pytestmark = pytest.mark.model


def token_by_token(doc) -> Tokens:
    """The plain reading of every token: what extract_tokens must return."""
    sent_of = {token.i: number for number, sent in enumerate(doc.sents) for token in sent}
    return Tokens(
        starts=tuple(token.idx for token in doc),
        ends=tuple(token.idx + len(token) for token in doc),
        deps=tuple(token.dep_ for token in doc),
        heads=tuple(token.head.i for token in doc),
        sents=tuple(sent_of[token.i] for token in doc),
    )


@pytest.mark.parametrize("text", ["", "Hi.", "Ça va? Olaf Scholz met Emmanuel Macron in Paris.\n\n"
                                  "“We agreed,” he said. 🙂 Then   they left."])
def test_extract_tokens_reads_what_the_tokens_say(model_app, text):
    nlp = model_app.extensions["pipeline"].pipeline.nlp
    with nlp.memory_zone():
        doc = nlp(text)
        assert extract_tokens(doc) == token_by_token(doc)


def test_extract_tokens_on_a_whole_article(model_app, sample_text):
    nlp = model_app.extensions["pipeline"].pipeline.nlp
    with nlp.memory_zone():
        doc = nlp(sample_text)
        tokens = extract_tokens(doc)
        assert tokens == token_by_token(doc)
        assert len(set(tokens.deps)) > 10 and len(set(tokens.sents)) > 10
