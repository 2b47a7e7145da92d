"""Lines made only of the words of page furniture: tools, menus, section names, timestamps.

Every site words its share buttons and menus a little differently, but from the same small
vocabulary ("Email | Print | Share", "Home > Sport > Football", "Text size: Larger Smaller",
"Posted 3 days ago | 12 comments"). A short line whose every word is in that vocabulary (or is
a function word, a number or a date word) is furniture on any site, so no per-site rule is
needed. The vocabulary was written from general knowledge of web pages, not fitted to data;
the last line of tool words (hosted … buy) and "last" were added after reading what leaked on
one half of the L3S sites, each a generic tool word, and checked on the other half.
"""

import re

from .region import STOPWORDS

MAX_FURNITURE_WORDS = 15  # a longer line is at least a sentence about something
# Words of two letters or more: a stray letter (mojibake's "Â", a bullet "o") says nothing.
_TOKEN = re.compile(r"[^\W\d_]{2,}")
# Words of page tools, menus and section names.
_TOOL_WORDS = frozenset(
    """email mail print printer printable friendly friend friends version share shares
    sharing send
    comment comments commenting discuss discussion reply replies rate rating ratings
    recommend recommends save saved bookmark bookmarks digg delicious icio stumbleupon stumble
    reddit facebook twitter linkedin whatsapp pinterest instagram youtube tumblr flipboard
    rss feed feeds subscribe subscribers subscription newsletter newsletters alerts alert
    sign login logout log register registration account profile password search go submit
    home homepage menu skip navigation nav top back next previous prev page pages single
    view views viewed larger smaller large small normal image images photo photos picture
    pictures gallery galleries video videos audio podcast podcasts slideshow slide slides
    text size font resize increase decrease reset reprint reprints permissions licensing
    copyright contact contacts about help faq faqs terms conditions privacy policy cookie
    cookies settings preferences advertise advertisement advertisements advertising ad ads
    advert sponsored sitemap site map archive archives latest news headlines stories story
    article articles related popular most read emailed commented shared trending today
    breaking sections section topics topic tags tag categories category editor editors
    letters say add write click here link links permalink embed tweet like likes follow
    close open show hide expand collapse toggle continue reading full listen watch play
    download app apps mobile edition editions weather traffic jobs careers classifieds
    obituaries horoscopes games puzzles crossword sudoku deals shop store contests events
    calendar blogs blog blogger bloggers forum forums community opinion opinions sport sports
    business entertainment lifestyle travel tech technology science health politics world
    national local international money finance markets autos motoring property arts culture
    books music movies film tv television celebrity celebrities fashion education
    environment multimedia interactive graphics columnists columns column editorials
    features magazine quiz polls poll vote votes widgets tools toolbar toolbox options info
    information feedback corrections staff media kit press investors services products
    signup logon tip tips report issue error typo translate print_article rss2 hosted
    continues reader readers recent message messages respond post posts closed
    coverage index zoom scroll webmaster keyword keywords clip clips enter return
    buy""".split()
)
# A wire credit on a line of its own: an agency's name and the words around it.
AGENCIES = frozenset(
    """associated press reuters afp ap aap pti ians upi dpa ani xinhua kyodo bloomberg efe
    ansa cp agence presse canwest nzpa""".split()
)
_CREDIT_WORDS = frozenset(
    """the by from and canadian france staff writer writers reporter reporters correspondent
    correspondents wire wires service services agencies news agency trust india indo asian
    australian united international association newswire of""".split()
)
# Words of timestamps: a line of only these (and numbers) is a date, furniture only when stamped.
_DATE_WORDS = frozenset(
    """posted published updated modified filed last ago am pm gmt utc bst et est edt cst cdt pst pdt
    ist cet hrs min mins minute minutes hour hours day days week weeks month months year
    years yesterday monday tuesday wednesday thursday friday saturday sunday mon tue tues
    wed thu thur thurs fri sat sun january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    st nd rd th today""".split()
)
TOOLS = _TOOL_WORDS | _DATE_WORDS  # every furniture word
# Narrower than boilerplate._STAMP on purpose: an event's "When: 8 p.m., Saturday" is all date
# words and a.m./p.m. there, and the article's (L3S: the wider pattern took it, gaining nothing).
_STAMP = re.compile(r"(?i)\b(?:updated|published|posted|modified|ago|gmt|utc)\b|\d:\d\d")


def furniture_tokens(text: str) -> list[str]:
    """The words of `text` that furniture is judged on, lower-cased."""
    if text.isascii():  # lower-casing ASCII moves no word boundary: one pass, no list of words
        return _TOKEN.findall(text.lower())
    return list(map(str.lower, _TOKEN.findall(text)))


def furniture_kind(text: str, tokens: list[str] | None = None) -> str | None:
    """The kind of a line of only symbols, of only a wire credit, or of only furniture words
    (tools, menus, sections, timestamps) with function words and numbers; else None. A date
    alone counts only with a clock time or an "updated"-like word: wire copy's "January 18,
    2008" is a line of the article. `tokens` are its furniture_tokens, when the caller has them."""
    if not any(c.isalnum() for c in text):
        return "separator"  # "*", "--", "|": no word and no number to lose
    words = furniture_tokens(text) if tokens is None else tokens
    if not words or len(words) > MAX_FURNITURE_WORDS:
        return None
    if any(w in AGENCIES for w in words) and all(
        w in AGENCIES or w in _CREDIT_WORDS or w in _DATE_WORDS for w in words
    ):
        return "byline"  # "THE ASSOCIATED PRESS", "Reuters staff", "AP - Jan 8, 4:33 PM ET"
    if not all(w in TOOLS or w in STOPWORDS for w in words):
        return None
    if any(w not in _DATE_WORDS and w not in STOPWORDS for w in words):
        return "navigation"
    return "timestamp" if _STAMP.search(text) else None


def tool_share(text: str, tokens: list[str] | None = None) -> float:
    """The share of a line's words, function words aside, that are furniture words.
    `tokens` are its furniture_tokens, when the caller has them."""
    tokens = furniture_tokens(text) if tokens is None else tokens
    words = [w for w in tokens if w not in STOPWORDS]
    return sum(map(TOOLS.__contains__, words)) / len(words) if words else 0.0
