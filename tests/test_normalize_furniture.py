"""Cleaning that carries across sites: furniture vocabulary lines and the article's headline."""

import pytest
from support.examples import EXAMPLE_ARTICLES

from service.pipeline.normalize import normalize
from service.pipeline.normalize.furniture import MAX_FURNITURE_WORDS, furniture_kind
from service.pipeline.normalize.region import DECK_WITHIN, headline_above

PROSE = [
    "Rescue teams searched the flooded valley on Monday after the river burst its banks overnight.",
    "The mayor said that more than two hundred homes had been evacuated and that roads were shut.",
    "Forecasters expect more rain over the weekend, and the army has been asked to stand by.",
    "Residents who stayed behind said the water rose faster than anyone could remember.",
    "Officials said the damage would not be known until the water had gone down next week.",
    "Volunteers handed out food and blankets at the school, which opened as a shelter.",
    "It was the third time in ten years that the river had flooded the lower part of the town.",
]
HEADLINE = "Flooded valley evacuated as river bursts its banks"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Email | Print | Share", "navigation"),
        ("E-mail this to a friend Printable version", "navigation"),
        ("Text size: Larger Smaller", "navigation"),
        ("Most Read Stories", "navigation"),
        ("Business", "navigation"),
        ("Posted 3 days ago | 12 comments", "navigation"),
        ("Updated 12:03 GMT, January 18, 2008", "timestamp"),
        ("Last updated", "timestamp"),
        ("Story continues below", "navigation"),
        ("Hosted by", "navigation"),
        ("Reader comments (5) | Respond", "navigation"),
        ("Zoom | Scroll", "navigation"),
        ("THE ASSOCIATED PRESS", "byline"),
        ("Press Trust of India", "byline"),
        ("CanWest News Service", "byline"),
        ("By Reuters staff", "byline"),
        ("Associated Press - January 8, 2008 4:33 PM ET", "byline"),
        ("*", "separator"),
        ("| » |", "separator"),
    ],
)
def test_furniture_lines_are_named_by_their_words_alone(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "January 18, 2008",  # wire copy's date line: part of the article
        "2-1",  # a score
        "Attendance: 18,512",
        "Extras b4, w4 8",  # a cricket scorecard's line
        "Last week",  # a date with no stamp
        "Home > Sport > Football",  # "football" names a subject, not a tool
        "Rescue teams searched the valley",
        "News of the flood reached the capital",
        " ".join(["share"] * (MAX_FURNITURE_WORDS + 1)),
    ],
)
def test_lines_about_something_are_not_furniture(line):
    assert furniture_kind(line) is None


def test_the_headline_is_the_line_above_that_shares_the_lede_words():
    texts = ["Home", "News", HEADLINE, "Email | Print", "By Jane Doe", *PROSE]
    headline, deck = headline_above(texts, 5, [False] * len(texts))
    assert headline == 2 and deck == {2}


@pytest.mark.parametrize("section", ["Ask Mint", "Weather"])
def test_a_headline_behind_its_sections_name_and_a_pipe_is_the_headline(section):
    piped = f"{section} | {HEADLINE}"
    texts = ["Home", "News", piped, "Email | Print", "By Jane Doe", *PROSE]
    assert headline_above(texts, 5, [False] * len(texts))[0] == 2


@pytest.mark.parametrize(
    "bar", ["Email | Print | Share this flooded valley story", "River | Valley"]
)
def test_a_tool_bar_with_pipes_is_no_headline(bar):
    texts = ["Home", bar, "By Jane Doe", *PROSE]
    assert headline_above(texts, 3, [False] * len(texts))[0] is None


def test_the_page_title_line_names_the_headline_even_without_shared_words():
    title = "Valley residents flee - The Daily Courier"
    texts = [title, "Home", "Valley residents flee", "Email | Print", *PROSE]
    headline, _ = headline_above(texts, 4, [False] * len(texts))
    assert headline == 2


def test_no_headline_when_no_line_above_shares_a_word():
    texts = ["Home", "Weather forecast for Tuesday", *PROSE]
    assert headline_above(texts, 2, [False] * len(texts)) == (None, set())


def test_a_page_loses_its_tools_but_keeps_its_headline_and_prose():
    page = "\n".join(
        [
            "Home",
            "News",
            "Sport",
            HEADLINE,
            "Printer friendly version | Text size",
            *PROSE,
            "*",
            "Most Read",
        ]
    )
    result = normalize(page, cleaning="standard")
    assert HEADLINE in result.text and all(p in result.text for p in PROSE)
    removed = {r.text: r.kind for r in result.removed}
    assert (
        removed["Printer friendly version | Text size"] == "navigation"
        and removed["*"] == "separator"
    )
    assert normalize(page, cleaning="rules").text.count("Printer friendly version") == 1


def test_the_headline_found_above_the_article_is_the_title_not_the_first_menu_line():
    crumb = "Home > Weather > Regional stories"
    page = "\n".join([crumb, "Special report", f"{HEADLINE} - Reuters", *PROSE])
    assert normalize(page, cleaning="rules").title != crumb  # a trail is never a headline
    result = normalize(page, cleaning="standard")
    assert (result.title, result.publisher) == (HEADLINE, "Reuters")
    assert crumb not in result.text and HEADLINE in result.text
    assert [s.kind for s in result.sections if s.kind == "title"] == ["title"]


def test_a_short_story_loses_its_furniture_lines_though_the_model_stays_out():
    page = "\n".join([HEADLINE, "Text size: Larger Smaller", PROSE[0], "Most Read Stories"])
    result = normalize(page, cleaning="standard")
    assert result.text == f"{HEADLINE}\n\n{PROSE[0]}"
    assert [r.kind for r in result.removed] == ["navigation", "navigation"]


def test_a_sentence_of_furniture_words_in_an_article_stays():
    line = "Most of them are here."  # every word is a function word or a tool word
    result = normalize("\n".join([*PROSE[:2], line, *PROSE[2:]]), cleaning="aggressive")
    assert line in result.text


def test_a_link_list_that_runs_into_the_headline_gives_it_back():
    related = ["More news:", "Council approves budget", "School reopens after fire"]
    page = "\n".join([*related, HEADLINE, *PROSE])
    assert HEADLINE not in normalize(page, cleaning="rules").text  # the list rule takes it
    result = normalize(page, cleaning="standard")
    assert HEADLINE in result.text and all(p in result.text for p in PROSE)


DECK = "Hundreds of homes were evacuated overnight as the water rose faster than expected"


@pytest.mark.parametrize("mode", ["rules", "standard", "aggressive"])
@pytest.mark.parametrize("deck", [[], [DECK]])
@pytest.mark.parametrize("byline", ["By Jane Doe", "By Jane Doe | jdoe@example.com | The Sentinel"])
def test_a_link_list_run_into_the_header_gives_back_headline_and_deck_over_the_byline(
    mode, deck, byline
):
    """A trending bar's topics, then the page's own headline and deck, then "By …": the
    list rule takes every short line after "TRENDING:", and the byline says where it ends."""
    trending = ["TRENDING:", "Bus line", "School playoffs", "Road closures"]
    result = normalize("\n".join([*trending, HEADLINE, *deck, byline, *PROSE]), cleaning=mode)
    assert result.text.startswith("\n\n".join([HEADLINE, *deck, PROSE[0]]))
    assert result.authors == ["Jane Doe"] and result.title == HEADLINE
    assert {r.text for r in result.removed if r.kind == "related_links"} >= set(trending[1:])


def test_the_headline_is_the_highest_line_sharing_the_lede_and_its_deck_stays():
    deck = "Rescue teams searched the flooded valley after the river burst its banks"
    texts = ["Home", "Valley floods as river rises", deck, "Email | Print", *PROSE]
    headline, kept = headline_above(texts, 4, [False] * len(texts))
    assert headline == 1 and kept == {1, 2}  # the deck shares more, the headline is above it


def test_zones_of_a_page_around_its_headline_and_region():
    from service.pipeline.normalize.classifier import HEADER, _zone

    region, tail = (20, 30), {33}
    assert _zone(3, 2, region, tail) == "header" and _zone(2 + HEADER, 2, region, tail) == "header"
    assert _zone(3 + HEADER, 2, region, tail) == "between" and _zone(1, 2, region, tail) == "above"
    assert _zone(25, 2, region, tail) == "inside" and _zone(31, 2, region, tail) == "outside"
    assert _zone(33, 2, region, tail) == "tail" and _zone(5, None, region, tail) == "outside"


LATER = "Read more of our coverage of the floods."


def test_past_the_first_removed_line_under_the_article_what_is_not_prose_goes():
    # The model gives these two headlines 0.3-0.5: under any threshold but the tail's.
    footer = [
        "© 2008 The Valley Herald",
        "Mayor faces river questions",
        "School reopens after fire",
    ]
    page = "\n".join([HEADLINE, *PROSE, "Weather outlook", *footer, LATER])
    result = normalize(page, cleaning="standard")
    assert all(p in result.text for p in PROSE) and "Weather outlook" in result.text
    assert not any(line in result.text for line in footer)
    assert LATER in result.text  # prose stays in `standard`
    assert LATER not in normalize(page, cleaning="aggressive").text


def test_prose_after_a_removed_line_means_the_article_went_on():
    later = "Engineers will inspect the bridges over the river before the roads reopen to traffic."
    ads = ["Advertisement", "Story continues below", "Advertisement"]  # apart from the region
    page = "\n".join([HEADLINE, *PROSE, *ads, later, "Roads reopen after the flood"])
    result = normalize(page, cleaning="standard")
    assert result.text.count("Advertisement") == 0
    assert "Roads reopen after the flood" in result.text and later in result.text


def test_a_one_word_label_with_a_colon_does_not_introduce_a_table():
    tools = ["Font:", "*", "Larger"]  # a text-size widget, not "Results on Saturday:"
    result = normalize("\n".join([*PROSE[:4], *tools, *PROSE[4:]]), cleaning="standard")
    assert [r.text for r in result.removed if r.text in tools] == tools


def test_a_subhead_shares_the_articles_words_and_another_storys_headline_does_not():
    from service.pipeline.normalize.region import shared_with_region

    texts = [*PROSE[:3], "Valley residents return home", "Council approves budget", *PROSE[3:]]
    shares = shared_with_region(texts, 0, len(texts))
    assert shares[3] >= 0.5 and shares[4] == 0


def test_with_no_headline_found_a_menu_the_rules_took_for_the_title_is_judged():
    page = "\n".join(["Sport News Article", *PROSE])  # headline-shaped, all furniture words
    assert normalize(page, cleaning="rules").title == "Sport News Article"
    result = normalize(page, cleaning="standard")
    assert result.title is None and "Sport News Article" not in result.text
    assert [r.kind for r in result.removed] == ["navigation"]


def test_a_title_of_furniture_words_that_the_lede_repeats_stays_the_title():
    lede = "The local weather office said the river would rise again before the weekend."
    page = "\n".join(["Local Weather", lede, *PROSE])
    result = normalize(page, cleaning="standard")
    assert result.title == "Local Weather" and result.removed == []


def test_a_removed_label_with_a_colon_introduces_no_table():
    page = "\n".join([HEADLINE, *PROSE, "Bookmark this story with:", "Digg", "Delicious"])
    result = normalize(page, cleaning="standard")
    assert result.text == "\n\n".join([HEADLINE, *PROSE])
    assert [r.text for r in result.removed] == ["Bookmark this story with:", "Digg", "Delicious"]


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("Click here to sign up for our newsletter.", True),
        ("Subscribe to FT.com or view and edit your subscription details.", True),
        ("He said he would sign up for the army next year.", False),  # mentions, not asks
    ],
)
def test_a_prompt_shaped_like_a_sentence_goes_when_the_model_leans_to_boilerplate(line, removed):
    result = normalize("\n".join([HEADLINE, *PROSE, line, "Email | Print"]), cleaning="standard")
    assert (line not in result.text) is removed
    kinds = ["promo", "share_prompt"] if removed else ["share_prompt"]
    assert [r.kind for r in result.removed] == kinds


def test_aggressive_takes_short_sentences_below_the_article_but_not_long_prose():
    box = (
        "FACT: In an emergency most of the people asked said that they would turn to their"
        " family for money before they went to a bank or to the state"
    )  # 30 words, a fifth of them function words: a fact box, not furniture
    footer = ["© 2008 The Valley Herald", "Mayor faces river questions"]
    teasers = ["School reopens after fire", "Bridge works delayed", "Council tax frozen"]
    # enough lines apart that the box does not pull the article region down to it
    lines = [HEADLINE, *PROSE, "Weather outlook", *footer, LATER, *teasers, box, "Terms of Use"]
    page = "\n".join(lines)
    text = normalize(page, cleaning="aggressive").text
    assert LATER not in text and box in text


@pytest.mark.parametrize(
    "notice",
    [
        "Disclaimer: Letters, articles and cartoons from contributors do not necessarily reflect"
        " the editorial views of the paper.",
        "The full article contains 339 words and appears in Press Association newspaper.",
        "Comments that include profanity or personal attacks will be removed from the site.",
    ],
)
def test_standing_notices_under_a_story_are_its_footer(notice):
    result = normalize("\n".join([HEADLINE, *PROSE, notice]), cleaning="rules")
    assert notice not in result.text and [r.kind for r in result.removed] == ["footer"]


def test_a_sentence_about_a_disclaimer_stays():
    line = "The disclaimer on the label said nothing about the river."
    assert line in normalize("\n".join([HEADLINE, *PROSE, line]), cleaning="standard").text


def test_a_breadcrumb_ending_in_the_headline_is_not_the_headline():
    crumb = f"Home > News > {HEADLINE}"
    texts = ["Weather", crumb, HEADLINE, "Email | Print", *PROSE]
    assert headline_above(texts, 4, [False] * len(texts))[0] == 2


def test_a_line_sharing_the_lede_far_above_the_headline_is_a_menu_not_the_headline():
    menu = "Valley River Weather Traffic"  # shares half its words with the lede
    tools = ["Subscribe", "Sign in", "Search", "Video", "Photos", "Opinion", "Sport"]
    texts = [menu, *tools, HEADLINE, *PROSE]
    start = len(texts) - len(PROSE)
    assert DECK_WITHIN < len(tools) + 1
    assert headline_above(texts, start, [False] * len(texts))[0] == len(tools) + 1


def test_the_deck_right_under_the_headline_stays_though_it_shares_little_with_the_lede():
    deck = "Mayor asks for calm while engineers inspect bridges and dams downstream"
    texts = ["Home", HEADLINE, deck, "Email | Print", *PROSE]
    assert headline_above(texts, 4, [False] * len(texts)) == (1, {1, 2})
    result = normalize("\n".join(texts), cleaning="standard")
    assert deck in result.text and HEADLINE == result.title


def test_a_line_under_the_headline_sharing_nothing_is_no_deck():
    texts = ["Home", HEADLINE, "Weather Traffic Jobs Cars", "Email | Print", *PROSE]
    assert headline_above(texts, 4, [False] * len(texts)) == (1, {1})


@pytest.mark.parametrize("hours", ["10:00 am – 3:00 pm", "3:30 – 8:00 pm", "9 a.m. to 5 p.m."])
def test_opening_hours_in_an_events_list_are_not_a_timestamp(hours):
    page = "\n".join([*PROSE, "St. Mary's Catholic School", hours, "66 Main Street South"])
    assert hours in normalize(page, cleaning="rules").text


EVENTS = [
    ("Tuesday, January 15, 2008", "St. Mary's Catholic School", "3:30 – 8:00 pm"),
    ("Saturday, January 19, 2008", "Chinguacousy Wellness Centre", "10:00 am – 3:00 pm"),
    ("Monday, January 21", "Bramalea Baptist Church", "2:00 – 8:00 pm"),
    ("Jan. 23, 2008", "Sheridan College – Main Gym", "11:00 am – 3:00 pm"),
]


@pytest.mark.parametrize("count", range(1, len(EVENTS) + 1))
def test_every_date_of_an_events_list_a_sentence_introduced_stays(count):
    intro = "Residents can donate blood in 2008 at one of the following clinic locations:"
    events = [line for event in EVENTS[:count] for line in event]
    page = "\n\n".join([*PROSE[:3], intro, *events, *PROSE[3:]])
    assert normalize(page, cleaning="rules").removed == []


@pytest.mark.parametrize(
    "stamp",
    [
        "10/01/2008",
        "18/01/08",
        "(14/01/2008)",
        "[January 05, 2008]",
        "Created: 1/10/2008 4:09:14 PM",
        "Article Launched: 01/09/2008 09:37:25 PM PST",
        "Sun, 13 Jan 2008 10:15a.m.",
        "9th January 2008, 16:23 WST",
        "posted 8:58 am Tue January 15, 2008 - SEATTLE",
        "Saturday, December 29, 2007 (New Delhi)",
    ],
)
def test_a_pages_stamp_in_the_shapes_sites_print_goes(stamp):
    page = "\n\n".join([HEADLINE, stamp, *PROSE])
    normalized = normalize(page, cleaning="rules")
    assert [(r.kind, r.text) for r in normalized.removed] == [("timestamp", stamp)]


@pytest.mark.parametrize(
    "row",
    [
        "del.icio.us Digg Reddit YahooMyWeb Google Facebook What's this?",
        "Post this story to: del.icio.us | Digg | Newsvine | NowPublic | Reddit | Fark",
        "Digg it | Facebook | Newsvine | Propeller | Reddit | Stumble! | Print | Email",
        "share with: Facebook | Digg | other sites",
        "Submit to: Digg Slashdot Del.icio.us Reddit",
    ],
)
def test_a_row_of_bookmarking_buttons_goes(row):
    normalized = normalize("\n\n".join([HEADLINE, *PROSE[:3], row, *PROSE[3:]]), cleaning="rules")
    assert [(r.kind, r.text) for r in normalized.removed] == [("share_prompt", row)]


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        ("Click here for more football headlines!", "promo"),
        ("Click here to learn how to get more value from your CRM system.", "promo"),
        ("Click for the Rolling Stones Gallery", "promo"),
        ("Not a member yet? Click Here to sign up.", "newsletter_prompt"),
        ("To read this article in full you must be registered with the site.", "newsletter_prompt"),
    ],
)
def test_a_line_asking_the_reader_to_click_or_register_goes(prompt, kind):
    page = "\n\n".join([HEADLINE, *PROSE[:3], prompt, *PROSE[3:]])
    assert [(r.kind, r.text) for r in normalize(page, cleaning="rules").removed] == [(kind, prompt)]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("What is this?", "widget"),
        ("Adjust font size:", "widget"),
        ("Page 1 of 1", "widget"),
        ("More sport news...", "related_links"),
        ("More Business Stories", "related_links"),
        ("Category : US (World)", "related_links"),
        ("Get the latest news, photos and more for your teams.", "promo"),
        ("Search the web for more...", "navigation"),
        ("Skip to next paragraph", "navigation"),
        ("Courtesy: State University Athletics", "photo_credit"),
        ("Go to Google News", "navigation"),
        ("Back to Enterprise Storage Forum", "navigation"),
        ("Go to earlier story Go to the News Index Go to next story", "navigation"),
        ("Copyright World Entertainment News Network", "copyright"),
        ("(c) Indo-Asian News Service", "copyright"),
        ("All content © Copyright 2004 - 2008, WorldNow, Montana's News Station", "copyright"),
        ("Brought to you by AAP", "byline"),
        ("Tell us what you think...", "comment_prompt"),
        ("Be the first to comment this article", "comment_prompt"),
        ("Some comments posted here may be reviewed before they are displayed.", "footer"),
        ("Who Is the Candidate? (7:23)", "related_links"),
        ("Previous story: Didgeridoo you want to see some concerts?", "related_links"),
        ("News Tags: Technology, Patent, Starbucks", "related_links"),
        ("ALREADY A MEMBER? LOGIN NOW.", "newsletter_prompt"),
        ("Comment entries are limited to 100 words.", "comment_prompt"),
        ("Login or Register to comment.", "comment_prompt"),
        ("How would you rate the quality of this article?", "widget"),
        ("Font Scale: A A A", "widget"),
        ("Like this story? Spread the news by clicking below:", "share_prompt"),
        ("Listed Under: Amy Winehouse | Comments (19): Post Comment", "related_links"),
        ("Editor: Lin Li", "byline"),
        ("FREE Newsletter", "newsletter_prompt"),
        ("Get Malaysia Sun headlines emailed to you daily.", "newsletter_prompt"),
        ("GET OUR NEWS BY E-MAIL", "newsletter_prompt"),
        ("www.immunoshield.com", "web_address"),
        ("http://www.example.co.uk/news/story?id=42", "web_address"),
        ("Home delivery", "newsletter_prompt"),
        ("Have your say on this story. Comments are not edited.", "comment_prompt"),
        ("There are no comments yet. Be the first to comment.", "comment_prompt"),
        ("What do you think? Have your say below.", "comment_prompt"),
        ("Published Date: 17 March 2008", "timestamp"),
        ("Show 12 earlier updates", "widget"),
        ("Load more", "widget"),
        ("Key event", "widget"),
        ("Was this article helpful?", "widget"),
        ("Enlarge Photo", "caption_control"),
        ("By signing up you agree to our Terms of Use and Privacy Policy.", "newsletter_prompt"),
        ("Get the best discoveries delivered straight to your inbox.", "newsletter_prompt"),
        ("Your privacy is important to us", "cookie_banner"),
        ("Market data delayed at least 15 minutes", "footer"),
        ("Delayed 15 mins | Quote data provided by Market Data Inc", "footer"),
        ("Related Quotes", "related_links"),
        ("Great home delivery subscription deals here!", "newsletter_prompt"),
        ("Want more? Get home delivery now.", "newsletter_prompt"),
        ("You may also like...", "related_links"),
        ("People who read this also read:", "related_links"),
        ("Visit our sister sites: experts.covers.com", "navigation"),
        ("View all articles by Canadian Blood Services", "navigation"),
        ("User Comments [ +Comment on the story ]", "comment_prompt"),
        ("• Discuss this story on the Ontario Hockey League message board...", "comment_prompt"),
        ("What Do You Think? Post Your Comment:", "comment_prompt"),
        ("This article appeared on page D - 7 of the San Francisco Chronicle", "footer"),
        (
            "The Mercury News is pleased to let readers post comments about an article at the end"
            " of the article.",
            "footer",
        ),
        (
            "Distributed by Internet Broadcasting. This material may not be published, broadcast,"
            " rewritten or redistributed.",
            "copyright",
        ),
    ],
)
def test_small_furniture_of_2008_era_pages_goes(line, kind):
    page = "\n\n".join([HEADLINE, *PROSE[:3], line, *PROSE[3:]])
    assert [(r.kind, r.text) for r in normalize(page, cleaning="rules").removed] == [(kind, line)]


@pytest.mark.parametrize(
    "headline",
    [
        "More Americans avoid the news",
        "More rain for towns",
        "Back to School",
        "Go to the gym more often",
        "Copyright Office Rejects AI Art",
        "He ran the mile in 3:58 (3:58)",
        "Get ready for big news from Apple",
        "Amazon now offers home delivery",
        "Home delivery now available in Leeds",
        "What do you think?",
        "Delayed 15 minutes after a bomb threat, the match went ahead.",
        "Have your say on the plan at the council website by Friday.",
    ],
)
def test_a_headline_shaped_like_furniture_stays(headline):
    page = "\n\n".join([headline, *PROSE])
    assert normalize(page, cleaning="rules").removed == []


@pytest.mark.parametrize(
    "line",
    [
        "This article has no comments.",
        "There are no comments posted for this article.",
        "No comments have so far been submitted.",
        "Be the first to post a comment on this story",
        "Commenting is turned off for Beyond the Beyond.",
        "Please leave your comments below:",
        "Do you have comments on this story?",
        "Thanks for your comments - this feedback is now closed",
    ],
)
def test_a_line_about_the_state_of_the_comments_goes(line):
    page = "\n\n".join([HEADLINE, *PROSE, line])
    assert [(r.kind, r.text) for r in normalize(page, cleaning="rules").removed] == [
        ("comment_prompt", line)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Click on the Start menu, then choose Settings and open the Privacy tab.",  # a how-to
        "The full ruling is available online. Click here to read it.",
    ],
)
def test_prose_that_mentions_clicking_stays(line):
    page = "\n\n".join([HEADLINE, *PROSE[:3], line, *PROSE[3:]])
    assert normalize(page, cleaning="rules").removed == []


@pytest.mark.parametrize("word", ["Google", "Yahoo", "Propeller"])
def test_a_company_alone_on_its_line_is_no_button(word):
    page = "\n\n".join([HEADLINE, *PROSE[:3], word, *PROSE[3:]])
    assert normalize(page, cleaning="rules").removed == []


def test_web_addresses_a_line_introduced_stay():
    links = ["http://www.pepsistuff.com", "www.example.org"]
    page = "\n\n".join([HEADLINE, *PROSE, "On the Net:", *links])
    assert normalize(page, cleaning="rules").removed == []


def test_numeric_dates_a_sentence_introduced_stay():
    intro = "The health unit will run free clinics on the following dates:"
    dates = ["01/15/2008", "01/22/2008", "01/29/2008"]
    page = "\n\n".join([*PROSE[:3], intro, *dates, *PROSE[3:]])
    assert normalize(page, cleaning="rules").removed == []


def test_a_field_label_introduces_no_list_of_dates():
    page = "\n\n".join(["Search site:", "advanced search", "December 30, 2007", *PROSE])
    removed = normalize(page, cleaning="rules").removed
    assert [r.text for r in removed if r.kind == "timestamp"] == ["December 30, 2007"]


def test_a_single_clock_time_under_the_article_is_still_a_timestamp():
    result = normalize("\n".join([*PROSE, "10:00 am"]), cleaning="rules")
    assert [r.kind for r in result.removed] == ["timestamp"]


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("CLICK HERE to Capture The World in HD", True),
        ("Click here for more football headlines", True),
        ('"We will send our newsletter to every household," the mayor said.', False),
    ],
)
def test_a_prompt_inside_the_article_goes_sentence_or_not(line, removed):
    page = "\n".join([HEADLINE, *PROSE[:4], line, *PROSE[4:]])
    result = normalize(page, cleaning="standard")
    assert (line not in result.text) is removed
    assert [r.kind for r in result.removed] == (["promo"] if removed else [])


def test_aggressive_takes_another_storys_teaser_sentence_above_the_headline():
    teaser = "Watch the moment a crane fell onto the harbour road."
    menu = ["Home", "News", "Sport", "Business", "Weather", "Most Read"]
    page = "\n".join([*menu, teaser, "Opinion", "Video", HEADLINE, "Email | Print", *PROSE])
    assert teaser in normalize(page, cleaning="standard").text
    aggressive = normalize(page, cleaning="aggressive")
    assert teaser not in aggressive.text and all(p in aggressive.text for p in PROSE)
    assert aggressive.title == HEADLINE


@pytest.mark.parametrize("years", ["1999-2003", "2004-2007 Motherwell", "1990 – 1994"])
def test_a_career_tables_years_are_not_a_timestamp(years):
    # A row of years in a player's career table is the article's, not the page's stamp.
    text = f"{PROSE_FOR_YEARS}\n\n{years}\n\n{PROSE_FOR_YEARS}"
    assert all(r.kind != "timestamp" for r in normalize(text, cleaning="rules").removed)


def test_a_stamped_iso_date_is_still_a_timestamp():
    text = f"{PROSE_FOR_YEARS}\n\nUpdated 2008-01-14 10:15\n\n{PROSE_FOR_YEARS}"
    removed = normalize(text, cleaning="rules").removed
    assert [r.text for r in removed if r.kind == "timestamp"] == ["Updated 2008-01-14 10:15"]


PROSE_FOR_YEARS = (
    "The striker joined the club in the summer after four seasons in Scotland, where he scored"
    " more than sixty goals and won the league twice."
)


@pytest.mark.parametrize(
    "line", ["Science Desk | 4 min read", "Health · 6 min read", "News & Politics | 12-minute read",
             "5 min read • World • Europe"],
)
def test_a_reading_time_beside_section_names_is_a_widget(line):
    text = f"{HEADLINE}\n\n{line}\n\n{PROSE_FOR_YEARS}"
    assert [(r.kind, r.text) for r in normalize(text, cleaning="rules").removed] == [
        ("widget", line)
    ]


def test_a_byline_beside_a_reading_time_still_names_its_author():
    normalized = normalize(f"By Jane Doe | 4 min read\n\n{PROSE_FOR_YEARS}", cleaning="rules")
    assert normalized.authors == ["Jane Doe"]
    assert [r.kind for r in normalized.removed] == ["byline"]




@pytest.mark.parametrize(
    "above",
    [["Home > World > Europe"], ["World", "Business", "Sport", "Science"]],
    ids=["breadcrumb", "menu longer than the rules look through"],
)
@pytest.mark.parametrize("mode", ["standard", "aggressive"])
def test_every_examples_title_survives_a_menu_above_it(above, mode):
    changed = []
    for path in EXAMPLE_ARTICLES:
        text = path.read_text(encoding="utf-8")
        title = normalize(text, cleaning=mode).title
        if normalize("\n\n".join([*above, text]), cleaning=mode).title != title:
            changed.append(path.name)
    assert changed == []


STAMPS = [
    "Updated 10:42 AM ET, Mon March 4, 2024", "Published 2 hours ago", "Mar 4, 2024, 10:42 AM",
    "2024-03-04T10:42:00Z", "2024-03-04 10:42:00+01:00", "Last updated: 4 March 2024",
    "Posted: Mon 4 Mar 2024 10.42 GMT", "Updated on March 4, 2024 at 10:42 a.m. EST",
    "4 March 2024 • 10:42am", "First published on Mon 4 Mar 2024 10.42 GMT", "5 min ago",
    "Yesterday at 10:42", "March 4, 2024 / 10:42 AM / Updated 2 hours ago",
    "Mon, 04 Mar 2024 10:42:00 +0000", "10:42 AM EST March 4, 2024",
    "PUBLISHED: 10:42 EST, 4 March 2024 | UPDATED: 11:00 EST, 4 March 2024",
]


@pytest.mark.parametrize("stamp", STAMPS)
def test_a_pages_date_and_time_line_is_a_timestamp(stamp):
    removed = normalize(f"{HEADLINE}\n\n{stamp}\n\n{PROSE[0]}\n\n{PROSE[1]}").removed
    assert [(r.kind, r.text) for r in removed] == [("timestamp", stamp)]


@pytest.mark.parametrize(
    ("line", "kind"),
    [("ICYMI: Flood defences fail again in the valley", "related_links"),
     ("In case you missed it: Flood defences fail again", "related_links"),
     # Readability's labels keep a bracketed inline link as the article's (washingtonpost.com).
     ("[Read: Flood defences fail again in the valley]", None)],
)
def test_a_pointer_to_another_story_inside_the_article(line, kind):
    text = f"{HEADLINE}\n\n{PROSE[0]}\n\n{line}\n\n{PROSE[1]}"
    assert [r.kind for r in normalize(text, cleaning="rules").removed] == ([kind] if kind else [])
