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
repeat repeated retort retorted scoff scoffed yell yelled according
""".split())
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound", "amod", "attr", "appos",
                      "poss", "npadvmod", "nmod"})
_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = frozenset({"conj", "advcl", "xcomp", "ccomp"})
_RELATIVE = frozenset({"who", "that", "which"})
_NOUN_PHRASE = frozenset({"det", "amod", "compound", "poss", "case", "nummod", "nmod"})
PERSON_PRONOUNS = frozenset({"he", "she"})
PRONOUNS = PERSON_PRONOUNS | {"they", "it", "we", "i", "you"}
PRONOUN_REACH = 40  # mentions scanned backwards for a pronoun's person: bounded work per quote


class Parse:
    """Token data of one text with the lookups attribution needs, built once per text."""

    def __init__(self, text: str, tokens: Tokens, mentions: list[Mention],
                 numbers: list[int], person_groups: set[int]) -> None:
        self.text, self.tokens, self.mentions = text, tokens, mentions
        self.numbers, self.person_groups = numbers, person_groups
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
        return word in SPEECH_VERBS and self.tokens.deps[index] not in _NOMINAL

    def subject(self, verb: int, *, outside: list[bool]) -> int | None:
        """The token that does the speaking: the verb's subject, looked for up a few heads."""
        for _ in range(4):
            if self.lower[verb] == "according":
                return self._child(verb + 1, ("pobj",), outside)
            found = self._child(verb, _SUBJECTS, outside)
            if found is not None:
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
        """The speaker a subject token names: its entity, its apposition, a pronoun's person."""
        mention = self._mention_at(token)
        if mention is None:
            appos = self._child(token, ("appos",), self.everywhere)
            mention = None if appos is None else self._mention_at(appos)
        if mention is not None:
            m = self.mentions[mention]
            return Speaker(m.text, m.start, m.end, self.numbers[mention])
        start, end = self._noun_phrase(token)
        group = self._person_before(start) if self.lower[token] in PERSON_PRONOUNS else None
        return Speaker(self.text[start:end], start, end, group)

    def _mention_at(self, token: int) -> int | None:
        offset = self.tokens.starts[token]
        index = bisect_right(self.mention_starts, offset) - 1
        if index >= 0 and self.mentions[index].end > offset:
            return index
        return None

    def _noun_phrase(self, token: int) -> tuple[int, int]:
        first = token
        while first > 0 and self.tokens.deps[first - 1] in _NOUN_PHRASE and (
                self.tokens.sents[first - 1] == self.tokens.sents[token]):
            first -= 1
        return self.tokens.starts[first], self.tokens.ends[token]

    def _person_before(self, offset: int) -> int | None:
        index = bisect_right(self.mention_starts, offset) - 1
        for candidate in range(index, max(index - PRONOUN_REACH, -1), -1):
            if self.numbers[candidate] in self.person_groups and not self._quoted(
                    self.mentions[candidate].start):
                return self.numbers[candidate]
        return None

    def _quoted(self, offset: int) -> bool:
        """A person named inside a quotation is rarely who `he` is outside it."""
        index = bisect_right(self.quoted, (offset, len(self.text))) - 1
        return index >= 0 and self.quoted[index][1] > offset
