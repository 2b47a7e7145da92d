"""Grouping rules and the salience formula, on plain Mention values."""

import pytest
from support.text import paragraphs

from service.pipeline.enrich.groups import display, group_mentions, key_of
from service.pipeline.enrich.salience import lead_paragraph, summarize
from service.pipeline.types import Mention, Section, Span


def mentions(*pairs):
    """Mentions ten characters apart, in order."""
    return [
        Mention(text, label, 10 * i, 10 * i + len(text)) for i, (text, label) in enumerate(pairs)
    ]


def together(found, a, b):
    return found[a] == found[b]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Vladimir Putin", "PERSON"), ("Putin", "PERSON")),
        (("Wendy Sherman", "PERSON"), ("Sherman", "PERSON")),
        (("Maksim Samorukov", "PERSON"), ("Samorukov", "GPE")),  # the model mislabels surnames
        (("US", "GPE"), ("the United States", "GPE")),
        (("U.S.", "GPE"), ("United States", "GPE")),
        (("NATO", "ORG"), ("NATO’s", "ORG")),
        (("NATO", "ORG"), ("the NATO", "ORG")),
        (("North Atlantic Treaty Organization", "ORG"), ("NATO", "ORG")),
        (("Organization for Security and Co-operation in Europe", "ORG"), ("OSCE", "ORG")),
        (("Councillor Derek Bastiman", "PERSON"), ("Derek Bastiman", "PERSON")),
        (("Rosa Delgado", "PERSON"), ("Rosa", "PERSON")),
        (("Bristol Rovers", "ORG"), ("Rovers", "ORG")),
        (("The European Commission", "ORG"), ("Commission", "ORG")),
        (("Helix Therapeutics", "ORG"), ("Helix", "NORP")),
        (("the Federal Reserve", "ORG"), ("Fed", "ORG")),
    ],
)
def test_mentions_of_one_thing_share_a_group(first, second):
    assert together(group_mentions(mentions(first, second)), 0, 1)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("NATO", "ORG"), ("NATO Headquarters", "ORG")),
        (("Russia", "GPE"), ("Russian", "NORP")),
        (("2014", "DATE"), ("2014", "CARDINAL")),
        (("Wednesday", "DATE"), ("Wednesday Addams", "PERSON")),
        (("Apple", "ORG"), ("Apple Music", "ORG")),
    ],
)
def test_different_things_stay_apart(first, second):
    assert not together(group_mentions(mentions(first, second)), 0, 1)


def test_a_word_ending_two_organisations_joins_neither():
    found = group_mentions(
        mentions(
            ("European Commission", "ORG"),
            ("Federal Trade Commission", "ORG"),
            ("Commission", "ORG"),
        )
    )
    assert len(set(found)) == 3


def test_a_surname_joins_the_nearest_person_named_before_it():
    found = group_mentions(
        mentions(
            ("Eric Adams", "PERSON"),
            ("Mr. Adams", "PERSON"),
            ("Adrienne Adams", "PERSON"),
            ("Ms. Adams", "PERSON"),
        )
    )
    assert together(found, 0, 1) and together(found, 2, 3) and not together(found, 0, 2)


def test_groups_are_numbered_by_first_mention():
    assert group_mentions(mentions(("Berlin", "GPE"), ("Paris", "GPE"), ("Berlin", "GPE"))) == [
        0,
        1,
        0,
    ]


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("the European Union", "ORG", "European Union"),
        ("Putin’s", "PERSON", "Putin"),
        ("Sen. Susan Collins", "PERSON", "Susan Collins"),
        ("General Motors", "ORG", "General Motors"),
    ],
)
def test_display_names_drop_articles_possessives_and_titles(text, label, name):
    assert display(text, label) == name


def test_keys_fold_case_and_dots():
    assert key_of("BRUSSELS") == key_of("Brussels") and key_of("U.K.") == key_of("Britain")


def test_salience_sums_to_one_and_ignores_numbers():
    found = mentions(("NATO", "ORG"), ("Russia", "GPE"), ("NATO", "ORG"), ("2014", "DATE"))
    groups = summarize(found, group_mentions(found), "x" * 100, [], paragraphs("x" * 100))
    assert sum(g.salience for g in groups) == pytest.approx(1, abs=1e-3)
    assert [g.name for g in groups if g.salience == 0] == ["2014"]
    assert max(groups, key=lambda g: g.salience).name == "NATO"


def test_salience_rewards_the_title():
    text = "Paris talks\n\n" + "x " * 50 + "Berlin. Paris."
    found = [
        Mention("Paris", "GPE", 0, 5),
        Mention("Berlin", "GPE", 113, 119),
        Mention("Paris", "GPE", 121, 126),
    ]
    with_title = summarize(found, group_mentions(found), text, [Section("title", 0, 11)],
                           paragraphs(text))
    without = summarize(found, group_mentions(found), text, [], paragraphs(text))
    assert with_title[0].salience > without[0].salience


def test_the_lead_is_the_first_paragraph_after_title_and_captions():
    text = "Title\n\nA caption\n\nFirst body paragraph.\n\nSecond."
    sections = [Section("title", 0, 5), Section("caption", 7, 16)]
    assert lead_paragraph(paragraphs(text), sections) == Span(18, 39)


def test_the_name_is_the_most_complete_mention():
    found = mentions(("Putin", "PERSON"), ("Vladimir Putin", "PERSON"))
    groups = summarize(found, group_mentions(found), "x" * 40, [], paragraphs("x" * 40))
    assert [(g.name, g.mentions, g.first) for g in groups] == [("Vladimir Putin", 2, Span(0, 5))]


def test_the_dateline_location_becomes_a_place_when_the_model_missed_it():
    from service.pipeline.enrich import with_dateline
    from service.pipeline.normalize import normalize
    from service.pipeline.types import Dateline

    base = normalize("BRUSSELS (AP) – NATO met.")
    norm = type(base)(base.text, base.offsets, dateline=Dateline("BRUSSELS", "AP", 0, 8))
    found = with_dateline([Mention("NATO", "ORG", 16, 20)], norm)
    assert [(m.text, m.label) for m in found] == [("BRUSSELS", "GPE"), ("NATO", "ORG")]
    assert with_dateline(found, norm) == found
    relabelled = with_dateline([Mention("BRUSSELS", "ORG", 0, 8)], norm)
    assert [(m.text, m.label) for m in relabelled] == [("BRUSSELS", "GPE")]


def test_each_place_of_a_city_state_dateline_is_a_place():
    from service.pipeline.enrich import with_dateline
    from service.pipeline.normalize import normalize
    from service.pipeline.types import Dateline

    base = normalize("SAN JUAN, Puerto Rico (AP) – A storm hit.")
    norm = type(base)(base.text, base.offsets,
                      dateline=Dateline("SAN JUAN, Puerto Rico", "AP", 0, 21))
    found = with_dateline([Mention("Puerto Rico", "GPE", 10, 21)], norm)
    assert [(m.text, m.label, m.start) for m in found] == [
        ("SAN JUAN", "GPE", 0), ("Puerto Rico", "GPE", 10)]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Arteta", "Mikel Arteta insisted on Saturday. Arteta said", "Mikel Arteta"),
        ("Biden", "The Biden administration said", "Biden"),
        ("Arteta", "Coach Arteta said", "Arteta"),
        ("Arteta", "Says Arteta, calmly", "Arteta"),
        ("Art", "Mikel Arteta said", "Art"),
    ],
)
def test_a_lone_surname_is_completed_from_the_text(name, text, expected):
    from service.pipeline.enrich.groups import complete_name

    assert complete_name(name, text) == expected


def test_a_company_name_without_its_designator_joins_whatever_its_label():
    found = group_mentions(mentions(("Northern Ridge Resources", "ORG"), ("Northern Ridge", "GPE")))
    assert together(found, 0, 1)


def test_a_place_ending_an_organisation_name_stays_a_place():
    found = group_mentions(mentions(("Council of Europe", "ORG"), ("Europe", "LOC")))
    assert not together(found, 0, 1)
