"""Datelines in the forms wires, papers and press releases print them, and lines that are not."""

import pytest

from service.pipeline.normalize import normalize

HEADLINE = "Talks to resume next week"
LEDE = "Officials said on Monday that the talks would resume next week after a short pause."


@pytest.mark.parametrize(
    ("opening", "location", "agency"),
    [
        ("BRUSSELS (AP) — ", "BRUSSELS", "AP"),
        ("BRUSSELS, Jan 5 (Reuters) - ", "BRUSSELS", "Reuters"),
        ("KYIV, Ukraine (AP) — ", "KYIV, Ukraine", "AP"),
        ("NEW YORK, N.Y. (AP) — ", "NEW YORK, N.Y.", "AP"),
        ("WINSTON-SALEM, N.C. (AP) — ", "WINSTON-SALEM, N.C.", "AP"),
        ("JACKSONVILLE, N.C. -- ", "JACKSONVILLE, N.C.", None),
        ("SÃO PAULO (AP) — ", "SÃO PAULO", "AP"),
        ("BRUSSELS (dpa) - ", "BRUSSELS", "dpa"),
        ("London (dpa) - ", "London", "dpa"),
        ("Brussels, 5 January (ANSA) - ", "Brussels", "ANSA"),
        ("New Delhi, Jan 13 (IANS): ", "New Delhi", "IANS"),
        ("LAS VEGAS, Jan. 8, 2008 /PRNewswire/ -- ", "LAS VEGAS", "PRNewswire"),
        ("SAN FRANCISCO—", "SAN FRANCISCO", None),
        ("EDMONTON, Alberta—", "EDMONTON, Alberta", None),
    ],
)
def test_a_dateline_names_its_place_and_agency(opening, location, agency):
    normalized = normalize(f"{HEADLINE}\n\n{opening}{LEDE}")
    dateline = normalized.dateline
    assert (dateline.location, dateline.agency) == (location, agency)
    assert normalized.text[dateline.start : dateline.end] == location
    assert normalized.text.endswith(LEDE)


@pytest.mark.parametrize(
    "opening",
    ["Name (required) ", "Copyright (c) Press Association ", "Pervez Musharraf (file photo) ",
     "Monday, January 14, 2008 (Mumbai): ", "Meanwhile — "],
)
def test_lines_shaped_like_a_dateline_are_not_one(opening):
    assert normalize(f"{HEADLINE}\n\n{opening}{LEDE}").dateline is None
