"""Who speaks in a sentence: speech verbs and their subjects in the dependency parse."""

from bisect import bisect_right

from ..types import Mention, Speaker, Tokens

SPEECH_VERBS = frozenset("""
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
""".split())
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound", "amod", "attr", "appos",
                      "poss", "npadvmod", "nmod"})
_PAST = frozenset({"said", "told", "wrote", "says", "tells", "writes"})
_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = frozenset({"conj", "advcl", "xcomp", "ccomp"})
_RELATIVE = frozenset({"who", "that", "which"})
_NOUN_PHRASE = frozenset({"det", "amod", "compound", "poss", "case", "nummod", "nmod"})
PERSON_PRONOUNS = frozenset({"he", "she"})
PRONOUNS = PERSON_PRONOUNS | {"they", "it", "we", "i", "you", "who", "that", "which"}
# `the company said`: the organisation last named; `the judge said`: the person last named so.
ORG_NOUNS = frozenset("""company firm group agency ministry department bank government union
university court council commission organization organisation authority party club team
network board office committee association institute""".split())
TITLE_NOUNS = frozenset("""judge mayor governor senator president minister secretary chancellor
ambassador director chairman chairwoman chair coach manager commissioner prosecutor sheriff
spokesman spokeswoman spokesperson ceo founder leader captain""".split())
REACH = 40  # mentions scanned backwards to resolve a reference: bounded work per quote
SUBJECT_REACH = 300  # tokens scanned backwards for the subject a pronoun refers to
TITLE_WINDOW = 60  # characters around a person's name searched for a title


class Parse:
    """Token data of one text with the lookups attribution needs, built once per text."""

    def __init__(self, text: str, tokens: Tokens, mentions: list[Mention], numbers: list[int],
                 labels: dict[int, str]) -> None:
        self.text, self.tokens, self.mentions, self.numbers = text, tokens, mentions, numbers
        self.person_groups = {group for group, label in labels.items() if label == "PERSON"}
        self.org_groups = {group for group, label in labels.items() if label == "ORG"}
        self.mention_starts = [m.start for m in mentions]
        self.lower = [text[s:e].lower() for s, e in zip(tokens.starts, tokens.ends, strict=True)]
        self.everywhere = [True] * len(self.lower)
        self.quoted: list[tuple[int, int]] = []  # (opening, closing) of each quotation, in order

    def token_at(self, offset: int) -> int:
        """The token that covers `offset`, or the last one before it."""
        return max(bisect_right(self.tokens.starts, offset) - 1, 0)

    def is_speech_verb(self, index: int) -> bool:
        """A speech verb used as a verb (not `the said agreement`), or `according (to)`."""
        word = self.lower[index]
        if word == "according":
            return index + 1 < len(self.lower) and self.lower[index + 1] == "to"
        return word in SPEECH_VERBS and (
            self._verb_form(index) or self.tokens.deps[index] not in _NOMINAL)

    def _verb_form(self, index: int) -> bool:
        """`said`, `wrote`, `added` are never nouns: trust the form over a mislabelled arc."""
        word = self.lower[index]
        return word in SPEECH_VERBS and (word.endswith("ed") or word in _PAST)

    def subject(self, verb: int, *, outside: list[bool]) -> int | None:
        """The token that does the speaking: the verb's subject, looked for up a few heads."""
        for _ in range(4):
            if self.lower[verb] == "according":
                return self._child(verb + 1, ("pobj",), outside)
            found = self._child(verb, _SUBJECTS, outside)
            if found is not None and not self._verb_form(found):
                if self.lower[found] in _RELATIVE and self.tokens.deps[verb] == "relcl":
                    return self.tokens.heads[verb]
                return found
            if self.tokens.deps[verb] not in _CLIMB or self.tokens.heads[verb] == verb:
                return None
            verb = self.tokens.heads[verb]
        return None

    def _child(self, head: int, deps: tuple[str, ...], outside: list[bool]) -> int | None:
        tokens = self.tokens
        sent = tokens.sents[head]
        index = head
        while index > 0 and tokens.sents[index - 1] == sent:
            index -= 1
        while index < len(tokens.heads) and tokens.sents[index] == sent:
            if tokens.heads[index] == head and tokens.deps[index] in deps and outside[index]:
                return index
            index += 1
        return None

    def speaker(self, token: int) -> Speaker:
        """The speaker a subject token names: its entity, its apposition, or what it refers to."""
        mention = self._named_mention(token)
        if mention is not None:
            m = self.mentions[mention]
            return Speaker(m.text, m.start, m.end, self.numbers[mention])
        start, end = self._noun_phrase(token)
        return Speaker(self.text[start:end], start, end, self._refer(token, start))

    def _named_mention(self, token: int) -> int | None:
        """The entity at a token, or in its apposition (`the secretary, Steve Barclay, said`)."""
        mention = self._mention_at(token)
        if mention is None:
            appos = self._child(token, ("appos",), self.everywhere)
            mention = None if appos is None else self._mention_at(appos)
        return mention

    def _refer(self, token: int, start: int) -> int | None:
        word = self.lower[token]
        if word in PERSON_PRONOUNS:
            return self._subject_before(start)
        if self.text[self.tokens.starts[token]].isupper():
            return self._person_named(word, start)
        if start == self.tokens.starts[token] or self.lower[self.token_at(start)] != "the":
            return None
        if word in ORG_NOUNS:
            return self._last(start, lambda m, group: group in self.org_groups)
        if word in TITLE_NOUNS:
            return self._last(start, lambda m, group: group in self.person_groups
                              and self._titled(m, word))
        return None

    def _titled(self, mention: Mention, title: str) -> bool:
        """`Mayor Eric Adams` or `Eric Adams, the mayor of …`."""
        before = self.text[max(mention.start - TITLE_WINDOW, 0) : mention.start].lower().split()
        after = self.text[mention.end : mention.end + TITLE_WINDOW].lower()
        appositive = after.startswith(", the ") or after.startswith(", a ")
        return title in before[-3:] or (appositive and title in after.split(",")[1].split())

    def _subject_before(self, offset: int) -> int | None:
        """The person who is the nearest preceding subject: `Peskov said … He said …`."""
        index = self.token_at(offset) - 1
        for candidate in range(index, max(index - SUBJECT_REACH, -1), -1):
            if self.tokens.deps[candidate] not in _SUBJECTS or self.lower[candidate] in PRONOUNS:
                continue
            start = self.tokens.starts[candidate]
            if self._quoted(start):
                continue
            mention = self._named_mention(candidate)
            group = self.numbers[mention] if mention is not None else self._person_named(
                self.lower[candidate], start)
            if group in self.person_groups:
                return group
        return self._last(offset, lambda m, group: group in self.person_groups)

    def _person_named(self, word: str, offset: int) -> int | None:
        """A capitalised word the model missed as an entity, as a surname or first name."""
        def named(mention: Mention, group: int) -> bool:
            words = mention.text.lower().split()
            return group in self.person_groups and len(words) > 1 and word in (words[0], words[-1])
        return self._last(offset, named)

    def _last(self, offset: int, fits) -> int | None:
        index = bisect_right(self.mention_starts, offset) - 1
        for candidate in range(index, max(index - REACH, -1), -1):
            mention = self.mentions[candidate]
            if fits(mention, self.numbers[candidate]) and not self._quoted(mention.start):
                return self.numbers[candidate]
        return None

    def _mention_at(self, token: int) -> int | None:
        offset = self.tokens.starts[token]
        index = bisect_right(self.mention_starts, offset) - 1
        if index >= 0 and self.mentions[index].end > offset:
            return index
        return None

    def _noun_phrase(self, token: int) -> tuple[int, int]:
        """`a spokesperson for Lufthansa`: modifiers before the noun, one of/for/at phrase after."""
        tokens, last = self.tokens, token
        first = token
        while first > 0 and tokens.deps[first - 1] in _NOUN_PHRASE and (
                tokens.sents[first - 1] == tokens.sents[token]):
            first -= 1
        if last + 2 < len(self.lower) and self.lower[last + 1] in ("for", "of", "at") and (
                tokens.heads[last + 1] == token):
            last += 2
            while last + 1 < len(self.lower) and tokens.heads[last] == last + 1 and (
                    tokens.deps[last] in _NOUN_PHRASE):
                last += 1
        return tokens.starts[first], tokens.ends[last]

    def _quoted(self, offset: int) -> bool:
        """A name inside a quotation is rarely who `he` or `the company` is outside it."""
        index = bisect_right(self.quoted, (offset, len(self.text))) - 1
        return index >= 0 and self.quoted[index][1] > offset
