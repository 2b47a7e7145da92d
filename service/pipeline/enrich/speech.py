"""The parse of one text as attribution reads it: speech verbs, their subjects, entities."""

from bisect import bisect_right

from ..types import Mention, Tokens

SPEECH_VERBS = frozenset(
    """
say says said saying tell tells told telling add adds added adding ask asks asked asking
write writes wrote written writing explain explains explained explaining note notes noted
state states stated declare declares declared insist insists insisted argue argues argued
claim claims claimed warn warns warned warning recall recalls recalled reply replies replied
respond responds responded acknowledge acknowledges acknowledged admit admits admitted
announce announces announced comment comments commented concede concedes conceded conclude
concluded confirm confirms confirmed contend contends contended continue continued emphasize
emphasized emphasised observe observed predict predicted quip quipped remark remarked report
reported stress stressed suggest suggested testify testified tweet tweeted tweets post posted
urge urged vow vowed whisper whispered shout shouted cry cried answer answered caution
cautioned complain complained mutter muttered promise promised recount recounted reiterate
reiterated joke joked laugh laughed sigh sighed wonder wondered agree agreed maintain maintained
assert asserted allege alleged boast boasted counter countered plead pleaded pledge pledged
repeat repeated retort retorted scoff scoffed yell yelled call calls called describe describes
described accuse accuses accused according
""".split()
)
_NOMINAL = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "compound",
        "amod",
        "attr",
        "appos",
        "poss",
        "npadvmod",
        "nmod",
    }
)
_PAST = frozenset({"said", "told", "wrote", "says", "tells", "writes"})
SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = frozenset({"conj", "advcl", "xcomp", "ccomp"})
_RELATIVE = frozenset({"who", "that", "which"})


CHILD_WINDOW = 50  # tokens either side of a head searched for its subject or apposition


class Parse:
    """Token data of one text with the lookups attribution needs, built once per text."""

    def __init__(
        self,
        text: str,
        tokens: Tokens,
        mentions: list[Mention],
        numbers: list[int],
        labels: dict[int, str],
        quoted: list[tuple[int, int]],
    ) -> None:
        self.text, self.tokens, self.mentions, self.numbers = text, tokens, mentions, numbers
        self.person_groups = {group for group, label in labels.items() if label == "PERSON"}
        self.org_groups = {group for group, label in labels.items() if label == "ORG"}
        self.mention_starts = [m.start for m in mentions]
        self.lower = _lower_tokens(text, tokens)
        self.everywhere = [True] * len(self.lower)
        sents = tokens.sents
        self.sentence_starts = [i for i in range(len(sents)) if i == 0 or sents[i - 1] != sents[i]]
        self.quoted = quoted  # (opening, closing) of each quotation, in order
        self.genders: dict[int, str] | None = None  # filled on the first he/she to resolve

    def token_at(self, offset: int) -> int:
        """The token that covers `offset`, or the last one before it."""
        return max(bisect_right(self.tokens.starts, offset) - 1, 0)

    def is_speech_verb(self, index: int) -> bool:
        """A speech verb used as a verb (not `the said agreement`), or `according (to)`."""
        word = self.lower[index]
        if word == "according":
            return index + 1 < len(self.lower) and self.lower[index + 1] == "to"
        return word in SPEECH_VERBS and (
            self._verb_form(index) or self.tokens.deps[index] not in _NOMINAL
        )

    def _verb_form(self, index: int) -> bool:
        """`said`, `wrote`, `added` are never nouns: trust the form over a mislabelled arc."""
        word = self.lower[index]
        return word in SPEECH_VERBS and (word.endswith("ed") or word in _PAST)

    def subject(self, verb: int, *, outside: list[bool]) -> int | None:
        """The token that does the speaking: the verb's subject, looked for up a few heads."""
        for _ in range(4):
            if self.lower[verb] == "according":
                return self.child(verb + 1, ("pobj",), outside)
            found = self.child(verb, SUBJECTS, outside)
            if found is not None and not self._verb_form(found):
                if self.lower[found] in _RELATIVE and self.tokens.deps[verb] == "relcl":
                    return self.tokens.heads[verb]
                return found
            if self.tokens.deps[verb] not in _CLIMB or self.tokens.heads[verb] == verb:
                return None
            verb = self.tokens.heads[verb]
        return None

    def child(self, head: int, deps: tuple[str, ...], outside: list[bool]) -> int | None:
        """The first dependent of `head` with one of `deps`, in its sentence and outside quotes.

        Looked for within CHILD_WINDOW tokens: subjects and appositions sit next to their head,
        and a sentence of thousands of tokens must not make every lookup scan all of it.
        """
        low, high = self.sentence_span(head)
        tokens = self.tokens
        for index in range(max(low, head - CHILD_WINDOW), min(high, head + CHILD_WINDOW + 1)):
            if tokens.heads[index] == head and tokens.deps[index] in deps and outside[index]:
                return index
        return None

    def sentence_span(self, token: int) -> tuple[int, int]:
        """First token of the token's sentence and the first one after it."""
        number = self.tokens.sents[token]
        following = number + 1
        high = (
            self.sentence_starts[following]
            if following < len(self.sentence_starts)
            else len(self.lower)
        )
        return self.sentence_starts[number], high

    def mention_at(self, token: int) -> int | None:
        """The index of the entity mention covering a token, if any."""
        offset = self.tokens.starts[token]
        index = bisect_right(self.mention_starts, offset) - 1
        if index >= 0 and self.mentions[index].end > offset:
            return index
        return None

    def quoted_at(self, offset: int) -> bool:
        """A name inside a quotation is rarely who `he` or `the company` is outside it."""
        index = bisect_right(self.quoted, (offset, len(self.text))) - 1
        return index >= 0 and self.quoted[index][1] > offset


def _lower_tokens(text: str, tokens: Tokens) -> list[str]:
    """Each token lower-cased. The text is lower-cased once and sliced when that is the same:
    every character lower-cases to one, and no capital sigma (the one rule that looks at its
    neighbours)."""
    lowered = text.lower()
    spans = zip(tokens.starts, tokens.ends, strict=True)
    if len(lowered) == len(text) and "Σ" not in text:
        return [lowered[start:end] for start, end in spans]
    return [text[start:end].lower() for start, end in spans]
