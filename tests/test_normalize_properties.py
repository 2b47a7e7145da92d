"""Properties of normalization for arbitrary input (hypothesis)."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.pipeline.normalize import normalize

# Characters that exercise every branch: spaces and breaks, invisible and control characters,
# combining marks, mojibake, entity fragments, symbols, emoji, Hangul jamo, NFC singletons.
TRICKY = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u00a0",
        "\u200b",
        "\u00ad",
        "\ufeff",
        "\x00",
        "\x9d",
        "\u0301",
        "\u0308" * 40,
        "e\u0301",
        "\u212b",
        "\u1100\u1161",
        "â€™",
        "Ã©",
        "&amp;",
        "&#8217;",
        "&nbsp;",
        "&",
        ";",
        "#",
        "=" * 70,
        "😀",
        "-",
        "—",
        "/",
        "Â",
        "a",
        "Z",
        "7",
        ".",
        "By ",
        "Share",
        "Advertisement",
        "Getty Images",
        "hide caption",
        ": NPR",
        "BRUSSELS (AP) – ",
    ]
)
RAW = st.one_of(st.text(max_size=300), st.lists(TRICKY, max_size=60).map("".join))


@settings(max_examples=300, deadline=None)
@given(RAW)
def test_offset_map_is_exact_and_monotonic(raw):
    normalized = normalize(raw)
    text, runs = normalized.text, list(normalized.offsets.runs())
    assert normalized.offsets.length == len(text) == (runs[-1][1] if runs else 0)
    previous_end = 0
    for start, end, raw_start, raw_end, copied in runs:
        assert previous_end <= raw_start <= raw_end <= len(raw)  # in order, never overlapping
        if copied:
            assert text[start:end] == raw[raw_start:raw_end]
        previous_end = raw_end


@settings(max_examples=300, deadline=None)
@given(RAW)
def test_character_sources_never_go_backwards(raw):
    normalized = normalize(raw)
    spans = [normalized.offsets.char_source(i) for i in range(len(normalized.text))]
    assert [s.start for s in spans] == sorted(s.start for s in spans)


@settings(max_examples=300, deadline=None)
@given(RAW)
def test_every_removal_is_the_raw_text_it_names(raw):
    for removed in normalize(raw).removed:
        assert raw[removed.source.start : removed.source.end] == removed.text


@settings(max_examples=300, deadline=None)
@given(RAW)
def test_sections_and_dateline_index_the_text(raw):
    normalized = normalize(raw)
    for section in normalized.sections:
        assert 0 <= section.start < section.end <= len(normalized.text)
    if normalized.dateline:
        dateline = normalized.dateline
        assert normalized.text[dateline.start : dateline.end] == dateline.location


# Body sentences open with the words boilerplate rules look for, then carry on as prose.
OPENERS = [
    "By",
    "Share",
    "Follow",
    "Sign up for",
    "Subscribe to",
    "Related to",
    "Read",
    "More",
    "Photo",
    "Image",
    "Updated",
    "Comments from",
    "Advertisement for",
    "Copyright",
    "Watch",
    "Listen",
    "Source",
    "Credit",
    "Reporting",
    "Support",
    "We",
    "Accept",
    "Most",
    "Leave",
    "Join",
    "Posted",
    "Getty",
    "Caption",
    "Video",
    "Print",
    "Save",
    "Home",
    "Menu",
]
WORDS = [
    "the",
    "officials",
    "said",
    "on",
    "in",
    "talks",
    "of",
    "a",
    "minister",
    "city",
    "week",
    "council",
    "vote",
    "plan",
    "river",
    "water",
    "prices",
    "rose",
    "sharply",
    "Monday",
    "Kyiv",
    "Brussels",
    "Putin",
    "NATO",
    "after",
    "before",
    "their",
    "new",
    "old",
    "report",
]
SENTENCE = st.builds(
    lambda opener, words, end: f"{opener} {' '.join(words)}{end}",
    st.sampled_from(OPENERS),
    st.lists(st.sampled_from(WORDS), min_size=3, max_size=15),
    st.sampled_from([".", "!", ".”"]),
)
FURNITURE = st.sampled_from(
    [
        "Advertisement",
        "hide caption",
        "toggle legend",
        "Roman Koksarov / AP",
        "Leave a Comment",
        "Share this article",
        "Facebook Twitter Email",
        "Sign up for our newsletter",
        "Most read",
        "Related Topics",
        "© 2023 The Associated Press. All rights reserved.",
        "Updated 3:45 PM EST",
        "We use cookies to improve your experience.",
        "Accept all",
        "By Jane Doe, CNN",
        "Image source, Getty Images",
        "Read more: Another story",
        "Story continues below",
        "del.icio.us | Digg it | Reddit | Newsvine",
        "10/01/2008",
        "By John Smith January 18, 2008 | 12:11 PM",
        "Created: 1/10/2008 4:09 PM",
    ]
)
PAGE = st.lists(
    st.one_of(SENTENCE.map(lambda s: (True, s)), FURNITURE.map(lambda s: (False, s))),
    min_size=1,
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(PAGE, st.sampled_from(["\n", "\n\n", "\n \n\n"]))
@example([(True, "By the the the."), (True, "More on the the!")], "\n")  # a link-list header rule
@example([(True, "Updated on on on.")], "\n")  # date words only, but a sentence with no number
@example(  # a page of long share rows looked hard-wrapped, and the sentence joined the footer
    [
        (False, "del.icio.us | Digg it | Reddit | Newsvine"),
        (False, "© 2023 The Associated Press. All rights reserved."),
        (True, "By the the the."),
        (False, "del.icio.us | Digg it | Reddit | Newsvine"),
        (False, "del.icio.us | Digg it | Reddit | Newsvine"),
    ],
    "\n",
)
def test_every_body_sentence_survives_among_boilerplate(lines, gap):
    text = normalize(gap.join(line for _, line in lines)).text
    for is_body, line in lines:
        if is_body:
            assert line in text
