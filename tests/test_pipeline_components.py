"""Which model components run for which sections, and batches with mixed options."""

import pytest

from service.pipeline import Pipeline
from service.pipeline.nlp import components_for
from service.pipeline.types import SECTIONS, Article, Options


@pytest.mark.parametrize(
    ("include", "components"),
    [
        ({"entities"}, {"ner"}),
        ({"entities", "groups"}, {"ner"}),
        ({"quotes"}, {"tok2vec", "parser", "ner"}),
        ({"sentences"}, {"tok2vec", "parser"}),
        ({"stats"}, {"tok2vec", "parser"}),
        ({"removed"}, set()),
        ({"language", "fingerprint"}, set()),
        ({"places"}, {"ner"}),
        ({"keyphrases"}, {"tok2vec", "parser", "ner"}),
        (set(SECTIONS), {"tok2vec", "parser", "ner"}),
    ],
)
def test_sections_choose_components(include, components):
    assert components_for(include) == components


@pytest.mark.model
def test_a_mixed_batch_gives_each_article_what_it_asked_for(app):
    text = "“We will not back down from this fight,” Maria Lopez said in Paris."
    quick = Article("a", text, Options(include=frozenset({"entities"})))
    full = Article("b", text)
    first, second = app.extensions["pipeline"].run([quick, full])
    assert (first.id, second.id) == ("a", "b")
    assert first.quotes is None and first.sentences is None and first.entities
    assert second.quotes and second.quotes[0].speaker.text == "Maria Lopez"
    assert [e.text for e in first.entities] == [e.text for e in second.entities]


def test_timings_come_beside_the_results_and_reach_the_observers(model_path):
    pipeline = Pipeline.load(model_path)
    seen = []
    pipeline.observers.append(lambda articles, results, timings: seen.append(timings))
    results, timings = pipeline.run_timed([Article("a", "Angela Merkel visited Berlin.")])
    assert set(timings) == {"normalize", "nlp", "enrich"}
    assert seen == [timings]
    assert not hasattr(results[0], "timings")
