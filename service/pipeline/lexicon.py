"""Word lists more than one stage uses: months, name particles, titles and honorifics."""

# Month names and their abbreviations, as a regex alternation for case-insensitive patterns.
MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# What a capitalised month starts with (`Jan.`, `January`, `Sept`): for case-sensitive patterns.
MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Lower-case words inside a personal name: `Ursula von der Leyen`, `Mohammed bin Salman`.
NAME_PARTICLES = ("de", "da", "di", "van", "von", "der", "den", "al", "bin", "le", "la", "del",
                  "du", "dos")
# Honorifics that tell a person's gender (`Mrs Smith ... she`), with and without the dot.
HONORIFIC_GENDER = {
    "mr": "m", "mr.": "m", "sir": "m",
    "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f", "dame": "f",
}
# Titles the model sometimes includes in a person's span, though not part of the name.
TITLES = (
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "fr", "sen", "senator", "rep", "gov", "governor", "gen", "general", "col", "capt",
    "lt", "sgt", "president", "vice president", "prime minister", "mayor", "councillor",
    "councilman", "councilwoman", "judge", "justice", "minister", "secretary", "chancellor",
    "chief", "king", "queen", "prince", "princess", "pope", "bishop", "coach", "officer",
    "detective", "inspector",
)
