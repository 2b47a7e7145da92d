"""The spaCy stage: texts in, plain values out; no spaCy object outlives its memory zone."""

from spacy.language import Language

from .types import Analysis, Mention, Span


def analyze(nlp: Language, texts: list[str]) -> list[Analysis]:
    """Entities, sentences and a word count for each text, in order."""
    results = []
    with nlp.memory_zone():  # spaCy objects die with the zone: copy plain values out first
        for doc in nlp.pipe(texts):
            mentions = [
                Mention(ent.text, ent.label_, ent.start_char, ent.end_char) for ent in doc.ents
            ]
            sentences = (  # none when the components that set boundaries are off
                [Span(sent.start_char, sent.end_char) for sent in doc.sents]
                if doc.has_annotation("SENT_START")
                else []
            )
            words = sum(1 for token in doc if not (token.is_punct or token.is_space))
            results.append(Analysis(mentions, sentences, words))
    return results
