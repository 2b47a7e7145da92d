"""Boilerplate rules as data: (pattern, kind, why). A pattern must match a whole paragraph.

Patterns are anchored (fullmatch) and only tried on paragraphs of at most MAX_RULE_CHARS, with
bounded repeats, so a rule costs a bounded amount of work per paragraph: linear overall.
To support a new publisher, add a row; the engine in boilerplate.py does not change.
When unsure, leave a line out of this table: a leaked line is noise, a removed sentence is loss.
"""

from typing import NamedTuple

from ..lexicon import MONTH, NAME_PARTICLES


class Rule(NamedTuple):
    pattern: str
    kind: str
    why: str
    starts_block: bool = False  # a header whose following link-like lines go with it


# Outlets whose name may end a headline ("… | Reuters") or stand alone under a byline.
PUBLISHERS = frozenset(
    name.casefold()
    for name in (
        "NPR",
        "BBC",
        "BBC News",
        "Reuters",
        "CNN",
        "CNN Politics",
        "CNN International",
        "AP News",
        "The Associated Press",
        "Associated Press",
        "The Guardian",
        "The New York Times",
        "The Washington Post",
        "Al Jazeera",
        "Fox News",
        "NBC News",
        "CBS News",
        "ABC News",
        "Sky News",
        "The Independent",
        "The Telegraph",
        "Financial Times",
        "Bloomberg",
        "Politico",
        "Axios",
        "The Hill",
        "DW",
        "France 24",
        "Euronews",
        "Los Angeles Times",
        "USA Today",
        "The Wall Street Journal",
        "WSJ",
        "HuffPost",
        "Vox",
        "PBS NewsHour",
        "The Atlantic",
        "CBC",
        "CBC News",
        "The Conversation",
        "The Straits Times",
        "Al-Monitor",
        "New York Post",
        # wire services, whose name follows a byline ("By A, The Canadian Press")
        "The Canadian Press",
        "Canadian Press",
        "Press Association",
        "Australian Associated Press",
        "AAP",
        "Agence France-Presse",
        "AFP",
        "United Press International",
        "UPI",
        "Press Trust of India",
        "PTI",
        "IANS",
        "Xinhua",
        "Kyodo News",
        "Yonhap",
        "PR Newswire",
        "Business Wire",
        "CanWest News Service",
    )
)
NETWORKS = (
    r"facebook|twitter|email|e-mail|mail|linkedin|whatsapp|reddit|pinterest|flipboard"
    r"|messenger|telegram|sms|threads|bluesky|instagram|tiktok|youtube|mastodon"
    # and the bookmarking sites of 2008-era pages (atomic groups: longer forms first)
    r"|digg (?:it|this(?: story)?)|digg|del\.icio\.us|delicious|newsvine|stumbleupon|technorati"
    r"|fark|mixx|myspace|yahoo ?my ?web|slashdot|now ?public|tailrank|gnn"
)
SOCIAL = rf"{NETWORKS}|x"  # "on X" names the network; a lone "X" line could be anything
SOCIAL_WIDGET = (
    rf"share with|share|tweet|print|copy link|copy|link|(?:show )?more sharing options|more"
    rf"|comments?|follow|social sharing|(?:post|submit|add)(?: this (?:story|article))? to"
    rf"|what's this\??|other sites|{NETWORKS}"
)
_ROW_ONLY = r"x|google|yahoo|aim|seed|stumble!?|propeller"  # words, unless beside other buttons
DAY = r"mon(?:day)?|tue(?:sday|s)?|wed(?:nesday)?|thu(?:rsday|rs)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"  # noqa: E501
# One token of a date/time line; atomic, and never followed by a letter, so it cannot backtrack.
DATE_TOKEN = (
    rf"(?>first published|last (?:updated|modified)|updated|published|posted|modified|issued"
    rf"|{MONTH}|{DAY}"
    r"|today|yesterday|just now|\d{1,3} (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago"
    r"|\d{1,2}(?:st|nd|rd|th)|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}(?:t[\d:]{5,8}z?)?"
    r"|\d{1,6}(?:[:.]\d{2}){0,2}(?:am|pm|a\.m\.|p\.m\.)?|a\.m\.|p\.m\.|am|pm|on|at|[ecmp][sd]?t"
    r"|(?:gmt|utc)(?:[+-]\d{1,2})?|bst|cet|cest|ist|aest|aedt|awst|wst|acst|acdt|nzst|nzdt|sast"
    r"|hkt|sgt|jst|kst|uk)"
    r"(?!\w)[ ,.:·•|/–—-]{0,4}"
)
AGENCY = (
    r"AP|AFP|Reuters|Getty Images|Getty|EPA|EPA-EFE|Shutterstock|Bloomberg|Xinhua|Alamy|PA Media"
    r"|PA Wire|PA Images|PA|Anadolu Agency|Anadolu|TASS|Sputnik|NurPhoto|SOPA Images|LightRocket"
    r"|Pool|NPR|Redux|Sipa USA|Sipa|ZUMA Press|ZUMA Wire|Zuma|Corbis|iStockphoto|iStock|UPI|dpa"
    r"|Kyodo|Yonhap|Imago|Associated Press|The New York Times|The Washington Post|The Guardian"
    r"|BBC|CNN|Handout|handout|Sky News|Bloomberg News|Planet Labs|Maxar Technologies|Maxar"
)
CAP = r"[A-Z][\w'’.-]*"
PARTICLE = "|".join(NAME_PARTICLES)
NAME = rf"{CAP}(?: (?:{CAP}|{PARTICLE})){{0,4}}"
NAME2 = rf"{CAP}(?: (?:{CAP}|{PARTICLE})){{1,4}}"
CREDIT = rf"(?:{NAME} ?/ ?)?(?:{AGENCY})(?: ?/ ?(?:{AGENCY}))*(?: via (?:{AGENCY}))?(?:, [Ff]ile)?"

# A label before a page's stamp: "Created: 1/10/2008 4:09 PM", "Article Launched: 01/09/2008".
_STAMP_LABEL = (
    r"created|release|released|launched|article launched|print date|last update|date|dated"
    r"|filed|story date|published date|publication date"
)
# Who owns a copyright named without a year: "Copyright World Entertainment News Network",
# "(c) Indo-Asian News Service"; not "Copyright Office Rejects AI Art", a headline.
_OWNER = (
    r"(?:[A-Z][\w.&'’-]*,? ){0,5}(?:News|Network|Limited|Ltd|Inc|Group|Media|Press|Service"
    r"|Agency|Corporation|Corp|Company|Publishing|Newspapers)\.?"
)
# "Go to Google News", "Back to Enterprise Storage Forum", "Go to Complete List »": a place on
# the site, never "Back to School" or "Go to the gym more often", which may be a headline.
_GO_TO = (
    r"(?:go|back) to (?:the )?(?:(?:[\w'’&.-]+ ){0,4}(?:news|home ?page|home|section|desk|blog"
    r"|list|index|story|article|database|permalink|menu|mainmenu|top|headlines|forum|front page"
    r"|login|online version)|previous|next|permalink|mainmenu)(?: ?(?:»|\^\^|\.\.\.|…))?"
)
_READING_TIME = r"\d{1,3}[- ]min(?:ute)?s?[- ](?:read|listen)"
_SECTION = r"(?!by )[\w&'’][\w&'’ ]{0,29}"  # a section's name, not a byline ("By Name")

RULES = [
    Rule(
        r"(?i:hide caption|show caption|toggle caption|toggle legend|caption"
        r"|(?:image|media|video|photo) caption,?|enlarge(?: this)?(?: image| photo)?"
        r"|click to enlarge|tap to enlarge|expand image|images?|photos?|videos?|expand|close"
        r"|view (?:image in )?full ?screen|(?:open|view) gallery|gallery|slideshow"
        r"|(?:image|photo|slide) \d{1,3} (?:of|/) \d{1,3}|\d{1,3} ?(?:/|of) ?\d{1,3}"
        r"|swipe for next (?:photo|image)|play(?: video)?|watch(?: video)?|replay|pause|mute"
        r"|unmute|please use (?:chrome|a different) browser.{0,80})",
        "caption_control",
        "photo and video widget labels, never prose",
    ),
    Rule(CREDIT, "photo_credit", "Name / AP, Name/AFP via Getty Images, Getty Images"),
    Rule(
        rf"{NAME} ?\| ?(?:{AGENCY})(?: ?\| ?(?:{AGENCY}))+|(?:Image|Photo) copyright .{{1,80}}",
        "photo_credit",
        "'Name | Agency | Getty', BBC's 'Image copyright Name'",
    ),
    Rule(
        rf"{NAME2} ?/ ?{NAME}(?: ?/ ?{NAME})?(?: via {NAME})?(?:, [Ff]ile)?"
        rf"|{NAME2} ?/ ?(?:Courtesy|Handout|Provided by)\b.{{0,60}}|{NAME2} for {NAME}"
        rf"|(?!By ){NAME2}(?:, (?:{AGENCY}|[Ff]ile)(?:, [Ff]ile)?| \((?:{AGENCY}|AAP|PTI|IANS)\)"
        rf"| © {NAME})",
        "photo_credit",
        "Name Surname/Outlet, Name for Outlet, 'Name, Reuters', 'Name (AAP)', 'Name © Agency': a"
        " two-word name and an outlet; prose has verbs",
    ),
    Rule(
        r"\(?(?:(?:AP|AFP|EPA|Reuters|UPI) )?(?i:photo(?:graph)?|picture|image|illustration"
        r"|photo illustration|video)(?: ?/ ?| by |: ?).{1,150}",
        "photo_credit",
        "AP Photo/Name, Photograph: Name/Reuters, (Photo by Name/Agency)",
    ),
    Rule(
        r"(?i:(?:image|photo|picture|video) (?:source|credit)s?),?:? .{1,150}"
        r"|Credit(?:\.\.\.|…|:) ?.{1,150}"
        r"|(?i:courtesy(?: of)?|handout(?: photo)?):? [^.]{1,80}",
        "photo_credit",
        "BBC 'Image source, Getty Images', NYT 'Credit...Name/The New York Times'",
    ),
    Rule(
        r"(?i:(?:\d[\d,]{0,7} )?comments?(?: \([\d,]{1,9}\))?|leave a (?:comment|reply)"
        r"|(?:view|show|see|read|hide|load|open) (?:all )?(?:the )?(?:\d[\d,]{0,7} )?comments?"
        r"|join the (?:conversation|discussion|debate)|add (?:a|your) comment|post a comment"
        r"|comment on this (?:story|article)|be the first to comment|comments are (?:now )?closed"
        r"|commenting (?:is|has been) (?:closed|disabled)(?: for this article)?"
        r"|your email address will not be published\b.{0,100}"
        r"|(?:this|the) (?:article|story|post) has no comments(?: yet)?"
        r"|there are no comments(?: yet)?(?: posted)?(?: (?:for|on) this (?:article|story|post))?"
        r"|no comments (?:yet|have (?:so far )?been (?:submitted|posted))"
        r"|be the first to (?:post a )?comment\b.{0,60}|tell us what you think\b.{0,40}"
        r"|commenting is (?:turned off|closed|disabled)(?: for [^.]{1,60})?"
        r"|post your comments?|please leave your comments? below"
        r"|have your say(?: (?:on|about) (?:this|the) (?:story|article)(?:\. comments\b.{0,200})?"
        r"| read comments| on the latest news\b.{0,60}|…)?"
        r"|there are no comments yet\. be the first to comment"
        r"|do you have (?:a )?comments? (?:on|about) this (?:article|story)\?"
        r"|.{0,40}\bcomments? (?:entries )?(?:are|is) limited to\b.{0,60}"
        r"|(?:login|log in|sign in) or register to (?:comment|post)\b.{0,30}"
        r"|comments \(no comments(?: posted)?\.?\)"
        r"|this (?:article|story) does not have any comments\b.{0,40}|user comments\b.{0,60}"
        r"|your views on this (?:story|article)\?.{0,80}"
        r"|[•·» -]{0,3}discuss this (?:story|article)\b.{0,80}"
        r"|what do you think\? (?:post|leave|tell|send|share|e-?mail|comment|have your say)\b"
        r".{0,60}"
        r"|thanks for your comments\b.{0,60})[.!:]?",
        "comment_prompt",
        "comment widgets",
    ),
    Rule(
        r"(?i:share(?: (?:this|the|full))?(?: (?:article|story|page|post|video|link|selection))?"
        rf"(?: (?:on|via|to) (?:{SOCIAL}))?|click to share on (?:{SOCIAL}).{{0,40}}"
        r"|link copied|like this (?:story|article)\? .{1,120})[.:!]?",
        "share_prompt",
        "share buttons",
    ),
    Rule(
        rf"(?i:(?>{SOCIAL_WIDGET}|{_ROW_ONLY})(?:\W{{1,3}}(?>{SOCIAL_WIDGET}|{_ROW_ONLY})){{1,14}}[!.]?"
        rf"|{SOCIAL_WIDGET})",
        "share_prompt",
        "a row of social buttons: Facebook Twitter Email",
    ),
    Rule(
        r"(?i:follow (?:us|me|him|her|them|@\w{1,30}|\w{1,30}(?: \w{1,30}){0,3}) on "
        rf"(?:{SOCIAL})(?:(?:,| and| or|, and) (?:{SOCIAL})){{0,5}})[.!]?"
        r"|(?i:follow (?:AP|NPR|our|the)\b[\w’' ]{0,40} coverage .{1,200})",
        "share_prompt",
        "follow prompts name a social platform or the outlet's coverage",
    ),
    Rule(
        r"(?i:(?:sign up|subscribe|register|join)(?: now| today| here| free)?(?: for| to)?"
        r"\b.{0,150}?"
        r"\b(?:newsletters?|inbox|e-?mails?|alerts|briefing|digest)\b.{0,300}"
        r"|get (?:our|the|this|breaking|a)\b.{0,80}?"
        r"\b(?:newsletter|in your inbox|news alerts)\b.{0,200}"
        r"|newsletters?(?: sign[- ]?up)?|subscribe(?: now| today| here)?|after newsletter promotion"
        r"|privacy notice: .{1,600}|thank you for (?:subscribing|signing up)\b.{0,150}"
        r"|(?:enter )?your e-?mail(?: address)?(?: here)?"
        r"|(?:want|like) (?:more|the latest)\b.{0,100}\? (?:sign up|subscribe)\b.{0,200}"
        r"|thanks for reading!? .{0,40}\b(?:subscribe|sign up)\b.{0,200}"
        r"|by (?:signing up|submitting|registering|subscribing)\b.{0,120}?\byou (?:agree|accept"
        r"|consent)\b.{0,200}|get\b.{0,80}?\b(?:straight |right )?to your inbox\b.{0,40})[.!]?",
        "newsletter_prompt",
        "newsletter and subscription prompts name a newsletter or inbox",
    ),
    Rule(
        r"(?i:support (?:our|independent|quality) journalism.{0,300}|donate(?: now| today)?"
        r"|make a (?:one-time |monthly )?(?:donation|contribution)\b.{0,200}"
        r"|become a (?:member|supporter|subscriber)\b.{0,150}"
        r"|.{0,120}\bsupport\b.{0,80}\bjournalism\b.{0,120}\b(?:gift|donat\w*|contribut\w*)\b.{0,100}"
        r"|support (?:us|the \w+|our work)\b.{0,150}?\b(?:contribution|donation|donate)\b"
        r".{0,200})[.!]?",
        "donation_prompt",
        "appeals for money",
    ),
    Rule(
        r"(?i:(?:- ?)?advertisements?(?: ?-)?|advertising|ads?|sponsored(?: content| post| links?)?"
        r"|paid (?:content|post|partner content)|promoted(?: content| stories)?"
        r"|story continues below(?: advertisement)?"
        r"|article continues (?:below|after (?:this )?advertisement)"
        r"|continue reading (?:the main story|below)|skip advertisement"
        r"|scroll to continue(?: with content)?"
        r"|content continues below|ad feedback|report this ad|advertise with us)[.:]?",
        "advertisement",
        "ad slots and their labels",
    ),
    Rule(
        r"(?i:related(?: (?:articles?|stories|coverage|content|topics|links|reading|news|posts"
        r"|quotes|videos?|internet links))?"
        r"|read more(?: about (?:this|these) (?:story|stories|topics?))?"
        r"|read (?:next|also)|also read|see also|more (?:stories|news|coverage|videos)"
        r"|more (?:stories )?(?:from|on|about) [^.!?]{1,60}"
        r"|most (?:read|popular|viewed|shared|watched)(?: (?:from|on) [^.!?]{1,40})?"
        r"|(?:top|trending|latest|popular|recommended|featured)"
        r" (?:stories|news|articles|now|videos)"
        r"|trending|recommended(?: for you| reading)?|you (?:may|might) (?:also )?(?:like|enjoy"
        r"|be interested in)|(?:what|more) to read next|editors'? picks"
        r"|explore more on these topics"
        r"|more on this (?:story|topic)|in this (?:series|story)|further reading|around the web"
        r"|from our partners|filed under|tags|topics|more to read|people who read this also read"
        r"|other stories from this category(?: that may interest you)?)(?::|\.{3}|…)?",
        "related_links",
        "a header of a list of links",
        True,
    ),
    Rule(  # not a list's header: what follows may be the article's own headline
        r"(?i:more [\w&'’ -]{1,30} (?:news|stories|headlines|articles)(?:\.{2,3}|…|!)"
        r"|more [\w&'’-]{1,20} (?:news|stories|headlines|articles))",
        "related_links",
        "a link to more of a section's stories: 'More sport news...', 'More Business Stories';"
        " a headline ('More Americans avoid news') has more words and no ellipsis",
    ),
    Rule(
        r"(?i:related|read more|more|read|also read|read also|see also|watch|listen|recommended"
        r"|further reading|related coverage|related stories|more coverage|icymi|in case you missed"
        r" it|(?:previous|next) (?:story|article|post|entry)) ?: .{1,200}"
        r"|[^\d\n]{3,150} \(\d{1,2}:\d\d\)"
        r"|(?:Read more|Related) ?[»›→>] ?.{0,200}|Related (?:article|video|content):? .{1,200}",
        "related_links",
        "RELATED: Headline of another story",
    ),
    Rule(
        r"©(?! ?Provided by ).{1,300}|\((?i:c)\) ?\d{4}.{0,300}"
        r"|(?i:copyright)(?: ©| \(c\))? ?\d{4}.{0,300}"
        r"|(?i:copyright) (?:[A-Z][\w&.,-]* ){1,6}\d{4}.{0,200}"
        r"|.{0,300}(?i:all rights reserved)\b.{0,200}"
        r"|(?i:all (?:content|material)s?(?: is| are)?,? (?:©|copyright)).{0,300}"
        rf"|(?:\((?i:c)\) ?|(?i:copyright),? )(?:(?i:copyright)\b.{{0,120}}|{_OWNER})"
        r"|.{0,80}(?i:this material may not be (?:published|reproduced))\b.{0,200}",
        "copyright",
        "copyright footers carry a © sign, a year or 'All rights reserved'",
    ),
    # Not the copyright rule's: MSN prints "© Provided by Outlet" over a caption, which
    # scrapers often glue to the lede, so only the credit alone on its line goes.
    Rule(
        r"© ?Provided by [A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,5}", "photo_credit", "MSN's credit"
    ),
    Rule(
        r"Our Standards: The Thomson Reuters Trust Principles\.?"
        r"|The Associated Press receives (?:financial )?support from .{1,300}"
        r"|A version of this article appears in print on .{1,300}"
        r"|(?i:the views expressed (?:in this (?:article|commentary|piece) )?"
        r"are (?:the author's|his|her"
        r"|their) own)\b.{0,200}"
        r"|(?i:disclaimer) ?: .{1,600}"
        r"|The full article contains \d+ words and appears in .{1,200}"
        r"|(?i:comments (?:that|which) (?:include|contain) (?:profanity|personal attacks|abuse))"
        r"\b.{0,400}|(?i:(?:some )?comments (?:posted|submitted) (?:here )?may be)\b.{0,400}"
        r"|.{0,80}(?i:is pleased to let readers post comments)\b.{0,400}"
        r"|(?i:the following are comments from (?:the )?readers)\b.{0,300}"
        r"|(?i:this (?:article|story) appeared on page) .{1,150}"
        r"|(?i:(?:market data|quotes?|prices?) (?:are |is )?)?(?i:delayed (?:at least |by )?\d{1,2}"
        r" ?min(?:ute)?s?)(?: ?[.|] ?.{0,100})?",
        "footer",
        "an outlet's standing footer under every story (disclaimers, comment policies)",
    ),
    Rule(
        rf"(?i:(?:{_STAMP_LABEL}) ?: ?)?(?i:(?:{DATE_TOKEN}){{2,25}})"
        r"(?:[A-Z][a-z]{2,20}|[A-Z]{3,20}(?: [A-Z]{3,20}){0,2}|\([A-Z][\w ]{1,30}\))?"
        rf"|(?i:(?:{_STAMP_LABEL}) ?: ?|(?=\d{{1,2}}/))(?i:(?:{DATE_TOKEN}){{1,25}})"
        rf"|(?=[(\[][^)\]]{{0,60}}\d)(?:\((?i:(?:{DATE_TOKEN}){{1,25}})\)"
        rf"|\[(?i:(?:{DATE_TOKEN}){{1,25}})\])"
        r"|\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?(?:Z|[+-]\d\d:?\d\d)?",
        "timestamp",
        "a line made only of date and time words, perhaps with its section (Axios), its place or"
        " a label ('Created:'); a numeric date (10/01/2008), or one in brackets; an ISO date and"
        " time (2024-03-04T10:42:00Z): a machine's stamp, never a line of wire copy",
    ),
    Rule(
        r"(?i:(?:we|this (?:web)?site|our (?:web)?site"
        r"|we and our (?:\d{1,4} )?(?:partners|vendors))"
        r" (?:use|uses|store|may use|and our partners use)\b.{0,80}?\bcookies\b.{0,600}"
        r"|by (?:using|continuing to (?:use|browse)|clicking)\b.{0,100}?\b(?:you (?:agree|accept"
        r"|consent)|cookies)\b.{0,400}|(?:accept|reject|allow)(?: all)?(?: cookies)?"
        r"|(?:manage|customi[sz]e|cookie) (?:settings|preferences|choices|consent|options)"
        r"|cookie (?:policy|notice)|got it|i agree|i accept|agree and (?:close|continue)"
        r"|your privacy choices|do not sell(?: or share)? my personal information"
        r"|we value your privacy|your privacy is important to us\b.{0,300}|privacy settings)[.!]?",
        "cookie_banner",
        "consent banners",
    ),
    Rule(
        r"(?i:listen(?: to (?:this|the) (?:article|story))?(?: ?[·•|-] ?\d{1,2}:\d{2}(?: min)?)?"
        r"|\d{1,3}[- ]min(?:ute)?s?(?:[- ](?:read|listen))?|reading time:? \d{1,3} min(?:ute)?s?"
        r"|print(?: this (?:article|page))?|(?:adjust |change )?(?:text|font) size:?"
        r"|save(?: article| for later| story)?"
        r"|bookmark|(?:gift|give) (?:this )?article|read in app|open in app|playlist"
        r"|read less|show (?:more|less)|\d{1,3}(?:\.\d)?[km]|what(?:'s| is| are) (?:this|these)\?"
        r"|page \d{1,3} of \d{1,3}|font scale:?(?: ?a){0,4}|how would you rate\b.{0,80}"
        r"|was this (?:article|page|story) (?:helpful|useful)\?|pinned(?: post)?|key events?"
        r"|load more(?: updates| posts| comments| stories)?"
        r"|show \d{1,4} (?:earlier|more|new|previous) (?:updates|posts|comments|replies))[.]?",
        "widget",
        "page widgets",
    ),
    Rule(  # a section name or two beside the reading time: "Science Desk | 4 min read"
        rf"(?i:(?:{_SECTION} ?[|·•] ?){{1,3}}{_READING_TIME}"
        rf"|{_READING_TIME}(?: ?[|·•] ?{_SECTION}){{1,3}})",
        "widget",
        "a reading time with section names",
    ),
    Rule(
        r"(?i:skip to (?:main )?(?:content|navigation)|menu|search|sign in|log in|back to top"
        r"|site index|search (?:the web|this site|our site|the site|archives?)\b.{0,30}"
        r"|visit our (?:sister|partner) sites?\b.{0,200}"
        r"|view all (?:articles|stories|posts) (?:by|from|in) .{1,60}"
        rf"|{_GO_TO}(?: {_GO_TO}){{0,3}}"
        r"|go to (?:the )?homepage|home"
        r"|(?:terms (?:of (?:use|service)|and conditions)|privacy policy"
        r"|contact us|about us|accessibility|careers|sitemap)(?:[ |·•,]{1,3}(?:terms (?:of (?:use"
        r"|service)|and conditions)|privacy policy|cookie policy|contact us|about us|accessibility"
        r"|careers|sitemap|advertise)){0,10})",
        "navigation",
        "site navigation and footer links",
    ),
    Rule(r"[-_=*~•·#]{3,64}|(?:\* ?){3,10}", "separator", "rules drawn with punctuation"),
    Rule(
        r"(?:https?://)?(?:www\.)?[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}\.(?:com|net|org|info|biz|co\.uk"
        r"|uk|ca|au|nz|za|ie|in|us|tv|io|eu)(?:/\S{0,200})?",
        "web_address",
        "a web address alone on its line: an advert's or a site's link (kept in a list a line"
        " introduced: AP's 'On the Net:')",
    ),
    Rule(
        r"(?i:filed under|listed under|(?:news |article |related )?tags|topics|categor(?:y|ies)"
        r"|go deeper|dig deeper|keep reading|more in) ?: .{1,200}"
        r"|(?i:tags|topics|filed under) [^.!?]{1,200}|Part of [^.!?]{1,100}",
        "related_links",
        "tag lines and further-reading links (Politico, Axios)",
    ),
    Rule(
        r"(?i:corrections and clarifications|submit a news tip|report (?:an )?error|report a typo)"
        r"(?:\W{1,3}(?i:corrections and clarifications|submit a news tip|report (?:an )?error"
        r"|report a typo)){0,5}",
        "footer",
        "the corrections/tips/error links under every story",
    ),
    Rule(
        r"(?i:disclosure statement|.{1,80} (?:does|do) not work for, consult, own shares in or"
        r" receive funding from .{1,300}|republish (?:our|this) articles?\b.{0,200})",
        "footer",
        "The Conversation's disclosure and republishing notes",
    ),
    Rule(
        rf"(?i:join (?:\w+'s |our |the )?(?:{NETWORKS}) (?:channel|group|community)\b.{{0,150}})",
        "share_prompt",
        "invitations to an outlet's messaging channel",
    ),
    Rule(
        r"(?i:join (?:the|our) .{1,40} community\b.{0,100}\b(?:access|subscribe|newsletter"
        r"|membership|premium)\b.{0,100})",
        "newsletter_prompt",
        "membership prompts",
    ),
    Rule(r"Authors?", "byline", "The Conversation's label above its author list"),
    Rule(
        r"(?i:(?:click|tap) here to (?:get|download|install) .{1,60}\bapp)",
        "share_prompt",
        "app promotion: 'CLICK HERE TO GET THE FOX NEWS APP'",
    ),
    Rule(
        r"(?i:skip (?:next|this|to next) section\b.{0,40}|skip to (?:the )?next paragraph"
        r"|e-?edition|today's paper)",
        "navigation",
        "page furniture of DW and local papers",
    ),
    Rule(
        r"(?i:(?:sign up|subscribe)\b.{0,80}?\b(?:to get|for more|for free|for unlimited access)\b"
        r".{0,150}|this (?:article|story|content) is (?:only )?(?:available|reserved) (?:to|for)"
        r" (?:subscribers|members)\b.{0,200}"
        r"|(?:to read this (?:article|story) in full,? )?you (?:must|need to) be (?:a )?"
        r"(?:registered|logged in|signed in|subscriber)\b.{0,200}"
        r"|(?:already a member|not a member(?: yet)?)\?.{0,60}"
        r"|get (?:[\w'.]+ ){0,4}(?:news|headlines)\b"
        r"(?=.{0,60}\b(?:e-?mails?|inbox|alerts?|rss|feeds?|mobile|daily|delivered|to go"
        r"|sign[- ]?up|via)\b).{0,60}|get (?:[\w'.]+ ){0,2}(?:news|headlines)(?: feeds?)?"
        r"|(?:free|daily|weekly) newsletters?|(?:get |special |morning )?home delivery(?: offers?)?"
        r"|(?:want more\? )?get home delivery\b.{0,20}"
        r"|.{0,60}\bhome delivery\b.{0,30}\b(?:subscri\w*|save|deals?|offers?)\b.{0,40})",
        "newsletter_prompt",
        "subscription and paywall prompts",
    ),
    Rule(
        r"(?i:(?:[^.!?]{1,120}\? )?(?:click|tap) (?:here|for)\b.{1,250}|get the latest\b.{0,100})",
        "promo",
        "a line that asks the reader to click ('Click here for more football headlines!'), perhaps"
        " after a question to the reader ('Not a member yet? Click here to sign up.')",
    ),
    Rule(
        r"(?i:join (?:our|the) comment(?:ing|s)? (?:forum|section)\b.{0,40}"
        r"|join (?:[\w-]+ ){0,2}conversations?\b.{0,200}|start (?:a|the) conversation)",
        "comment_prompt",
        "invitations to comment",
    ),
    Rule(
        r"[a-z]{2,4}(?:/[a-z]{2,4}){0,3} \((?:AP|AFP|dpa|Reuters|epd|KNA|EFE|Reuters|DW)"
        r"(?:, (?:AP|AFP|dpa|Reuters|epd|KNA|EFE|DW)){0,4}\)",
        "byline",
        "DW's editor initials and sources: 'ab/sms (dpa, Reuters)'",
    ),
    Rule(
        rf"(?i:brought to you by) (?:{AGENCY}|NZPA|AAP|REUTERS)\.?"
        r"|(?i:editor): [A-Z][a-z]+(?: [A-Z][a-z]+){0,3}",
        "byline",
        "the wire a story came from ('Brought to you by AAP'), Xinhua's 'Editor: Name'",
    ),
    Rule(
        r"Source: [A-Z].{0,60}\bagenc(?:y|ies)",
        "byline",
        "Al Jazeera 'Source: Al Jazeera and news agencies'",
    ),
]

# Cut from the start of a paragraph; what remains is a caption.
CAPTION_LABELS = [
    Rule(
        r"(?i:(?:image|media|video|photo) caption)[,:]? |Caption: ",
        "caption_control",
        "BBC 'Image caption, Text'",
    ),
]
# Cut from the end of a paragraph; what remains is a caption.
CREDIT_SUFFIXES = [
    Rule(
        r" ?\((?:(?:AP|AFP|EPA|Reuters|UPI) )?Photo ?/ ?[^()]{1,100}\)",
        "photo_credit",
        "AP caption ending (AP Photo/Name, File)",
    ),
    Rule(
        r" ?\((?:Photo|Image|Picture)(?: [Cc]redit)?(?: by|:) [^()]{1,100}\)",
        "photo_credit",
        "(Photo by Name/Agency), (Image credit: Agency)",
    ),
    Rule(
        rf"(?<=[a-z.!?”\"]) ?\({NAME2}(?: ?/ ?{NAME}){{1,3}}(?: via {NAME})?\)",
        "photo_credit",
        "a caption ending '(Name/Agency/Getty Images)'",
    ),
    Rule(
        r"(?<=[a-z]) ?(?:Photograph|Photo|Image): (?=[^/]{1,80}/).{1,100}",
        "photo_credit",
        "DW caption glued to 'Image: Name/dpa/picture alliance'",
    ),
    Rule(
        r" (?:Photograph|Photo|Photo illustration|Illustration|Composite|Image|Picture|Pic"
        r"|PHOTOGRAPH|PHOTO|IMAGE|PICTURE)(?:s|S)?: .{1,100}",
        "photo_credit",
        "Guardian caption ending 'Photograph: Name/Agency'",
    ),
    Rule(r" ?Credit(?:\.\.\.|…|: ?).{1,100}", "photo_credit", "NYT caption ending 'Credit...Name'"),
    # No digits: "[M1 SP / MP / MP3]" after a sentence cites games or sources, not a photographer.
    Rule(
        r" ?\[(?:File: ?)?[^\[\]\d]{1,100}/[^\[\]\d]{1,60}\]",
        "photo_credit",
        "[File: Name/Reuters]",
    ),
    Rule(
        rf"(?<=[.!?”\"]) {CREDIT}",
        "photo_credit",
        "a caption ending in 'Name/AFP via Getty Images'",
    ),
    Rule(
        rf"(?<=[.!?”\"]) (?:{NAME} ?)?\| ?(?:{NAME} ?\| ?)?(?:{AGENCY})(?: ?\| ?(?:{AGENCY}))*",
        "photo_credit",
        "a caption ending in '| Getty Images' or 'Name | Agency | Getty'",
    ),
    Rule(
        rf"(?<=[.!?”\"]) ?© ?{NAME}(?: ?/ ?{NAME})?", "photo_credit", "a caption ending in '© Name'"
    ),
    Rule(
        r"(?<=[.!?”\"]) ?\((?:Photo )?Courtesy(?: of)? [^()]{1,80}\)",
        "photo_credit",
        "a caption ending in '(Courtesy of …)'",
    ),
]
