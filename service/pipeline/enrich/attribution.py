"""Quotations -> Quote values with their speakers, from the parse; bounded work per quotation."""

from bisect import bisect_left, bisect_right
from itertools import islice

from ..types import Quote, Span, Speaker
from .quotes import QuoteSpan
from .speakers import speaker
from .speech import Parse

COLON_REACH = 30  # tokens before a colon searched for the clause's subject (`As Hughes put it:`)
LOOKBACK = 20  # earlier quotations and verbs looked at for a speaker carried over
VERB_WINDOW = 60  # tokens either side of a quotation searched for its speech verb
ANCESTOR_STEPS = 60  # a dependency path is never longer than its sentence; this bounds a bad parse


def attribute(
    text: str, spans: list[QuoteSpan], parse: Parse | None, paragraphs: list[Span]
) -> list[Quote]:
    """Each quotation with its speaker, tried in order:

    1. a speech verb outside quotation marks in the quotation's sentences (one that governs the
       quotation first, else the nearest) and its subject: `"…," Smith said`, `Smith said: "…"`;
    2. a colon right before the quotation: the subject of the sentence that ends with it;
    3. the speaker of an earlier quotation in the same paragraph (`"…," she said. "…"`), else
       a person who is subject of the sentence just before it (`Rahman shrugged. "…"`);
    4. for a quotation that opens its paragraph, the last speaker of the paragraph before.
    Otherwise `speaker` is None. One or two words in quotes are kept only when rule 1 finds
    their speaker: `"We'll see," Schumer said` is speech, `the so-called "curse,"` is not.
    """
    if parse is None:
        return [Quote(text[q.start : q.end], q.start, q.end, None) for q in spans if not q.short]
    finder = _Finder(text, spans, parse, paragraphs)
    quotes: list[Quote] = []
    for span in spans:
        found = finder.by_verb(span)
        if span.short and found is None:
            continue
        found = found or finder.by_colon(span) or finder.by_context(span, quotes)
        quotes.append(Quote(text[span.start : span.end], span.start, span.end, found))
    return quotes


class _Finder:
    def __init__(
        self, text: str, spans: list[QuoteSpan], parse: Parse, paragraphs: list[Span]
    ) -> None:
        self.text, self.parse, self.tokens = text, parse, parse.tokens
        count = len(self.tokens.starts)
        self.outside = [True] * count
        for span in spans:
            first = parse.token_at(span.opening)
            last = bisect_left(self.tokens.starts, span.closing)
            self.outside[first:last] = [False] * (last - first)
        self.verbs = [i for i in range(count) if self.outside[i] and parse.is_speech_verb(i)]
        self.sentence_starts = parse.sentence_starts
        self.paragraph_starts = [p.start for p in paragraphs]

    def by_verb(self, span: QuoteSpan) -> Speaker | None:
        """Rule 1: the subject of a speech verb in the quotation's sentences."""
        first, last = self.parse.token_at(span.opening), self.parse.token_at(span.closing - 1)
        low, high = self._sentence_range(first, last)
        candidates = self.verbs[bisect_left(self.verbs, low) : bisect_left(self.verbs, high)]
        governing = self._ancestors(min(first + 1, last))
        candidates.sort(key=lambda v: (v not in governing, min(abs(v - first), abs(v - last))))
        return self._first_speaker(candidates)

    def by_colon(self, span: QuoteSpan) -> Speaker | None:
        """Rule 2: the subject of the clause that ends in a colon right before the quotation."""
        before = self.text[: span.opening].rstrip()
        if not before.endswith(":"):
            return None
        colon = self.parse.token_at(len(before) - 1)
        low, _ = self._sentence_range(colon, colon)
        verbs = self.verbs[bisect_left(self.verbs, low) : bisect_left(self.verbs, colon)]
        others = range(colon - 1, max(low, colon - COLON_REACH) - 1, -1)
        found = self._first_speaker(verbs[::-1] + list(others))
        if found is None and colon > 0:  # a headline's `Arteta: 'We deserved more'`
            named = speaker(self.parse, colon - 1)
            found = named if named.group in self.parse.person_groups else None
        return found

    def by_context(self, span: QuoteSpan, earlier: list) -> Speaker | None:
        """Rules 3 and 4: earlier speakers in this paragraph, or in the one before."""
        paragraph = bisect_right(self.paragraph_starts, span.opening) - 1
        start = self.paragraph_starts[paragraph]
        for quote in islice(reversed(earlier), LOOKBACK):
            if quote.start < start:
                break
            if quote.speaker is not None:
                return quote.speaker
        if span.opening != start:
            return self._person_before(span, start)
        if paragraph == 0:
            return None
        previous = self.paragraph_starts[paragraph - 1]
        low, high = self.parse.token_at(previous), self.parse.token_at(start)
        verbs = self.verbs[bisect_left(self.verbs, low) : bisect_left(self.verbs, high)]
        found = self._first_speaker(verbs[: -LOOKBACK - 1 : -1])
        for quote in islice(reversed(earlier), LOOKBACK if found is None else 0):
            if quote.start < previous:
                break
            if quote.speaker is not None:
                return quote.speaker
        return found

    def _person_before(self, span: QuoteSpan, paragraph_start: int) -> Speaker | None:
        """`Rahman shrugged. "Honestly? Not really."`: the person subject of the sentence before."""
        sentence = self.tokens.sents[self.parse.token_at(span.opening)]
        if sentence == 0 or self.sentence_starts[sentence - 1] < self.parse.token_at(
            paragraph_start
        ):
            return None
        low, high = self.sentence_starts[sentence - 1], self.sentence_starts[sentence]
        window = range(max(low, high - VERB_WINDOW), high)
        roots = [token for token in window if self.tokens.heads[token] == token]
        subject = self.parse.subject(roots[0], outside=self.outside) if roots else None
        if subject is None:
            return None
        named = speaker(self.parse, subject)
        return named if named.group in self.parse.person_groups else None

    def _sentence_range(self, first: int, last: int) -> tuple[int, int]:
        """The sentences from `first` to `last`, cut to VERB_WINDOW tokens either side."""
        low = self.parse.sentence_span(first)[0]
        high = self.parse.sentence_span(last)[1]
        return max(low, first - VERB_WINDOW), min(high, last + VERB_WINDOW)

    def _ancestors(self, token: int) -> set[int]:
        found = set()
        for _ in range(ANCESTOR_STEPS):
            head = self.tokens.heads[token]
            if head == token:
                break
            found.add(head)
            token = head
        return found

    def _first_speaker(self, verbs: list[int]) -> Speaker | None:
        for verb in verbs:
            subject = self.parse.subject(verb, outside=self.outside)
            if subject is not None:
                return speaker(self.parse, subject)
        return None
