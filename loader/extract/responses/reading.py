"""A sentence as the response rules read it: its words (lower case, with offsets), its segments and clauses, and
which words stand inside quotation marks.

Segments: a sentence is cut at semicolons and before contrast words ("maar", "echter"); a stance phrasing applies to
the items of its own segment. Clauses: a segment cut at commas (and colons, brackets, dashes). Sentences are those of
``text.sentences_of``, cut further at a heading line (short, no closing punctuation, before a line that starts with
a capital), after the text's headline, at a full stop with a footnote number glued to it ("strafrechtketen.1 In de brief …") and before an
accented capital ("Één van de …"), which the general splitter keeps together.

A sentence is read in one ``findall`` over its casefolded text (words and punctuation marks in order); each word's
offsets are looked up only when a rule asks (``starts``/``ends``), a clause's bounds by bisection in the positions
of its commas. Everything a rule asks of a sentence more than once is computed once, so that the rules stay linear
in the length of one enormous sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..text import sentences_of
from .lexicon import stance_lexicon

# A word: letters and digits, with inner hyphens, apostrophes and full stops between digits ("OVV-rapport",
# "thema’s", "2.1").
WORD = re.compile(r"[^\W_]+(?:(?:[-'’]|(?<=\d)\.(?=\d))[^\W_]+)*")
_HEADING_BREAK = re.compile(r"(?m)^[^\n.!?;:,]{1,70}(?<![,;(\-])\n(?=[ \t]*[A-Z0-9\u00c0-\u00dd\"“‘'(•])")
# A headline: the text's first line of words (after a " date YYYY-MM" line), with a blank line after it and a capital
# after that ("Kabinet wil …, maar geen verdeelsleutel\n\nHet kabinet gaat …"). Only there: elsewhere a blank line may
# stand inside a sentence (a PDF's text, a document whose every line is a paragraph).
_HEADLINE = re.compile(r"\A\s*(?:date \d{4}-\d\d\s*\n\s*)?[^\n]{1,150}(?<=[^\s.!?:;])\n[ \t]*\n\s*(?=[A-Z\u00c0-\u00dd\"“‘'])")
_FOOTNOTE_STOP = re.compile(r"[.!?][»”\"')]?\d{1,2}\s+(?=[A-Z])")
# "… Kamer. Één van de conclusies": a stop after a lower-case letter (tested apart: a pattern that starts with the
# stop is tried only at stops, one that starts with [a-z] at nearly every character), before an accented capital
_ACCENTED_START = re.compile(r"[.!?]\s+(?=[\u00c0-\u00dd])")
_DIGIT_AFTER_STOP = re.compile(r"[.!?][»”\"')]?\d")
_OPENING, _CLOSING = "“„«", "”»"
_BREAKS = ",:()-"
_PUNCT = re.compile(r"[,:()\-;\"“”„«»]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text`` as ``text.sentences_of`` has them (cut further by ``split``)."""
    bounds = [*sentences_of(text).starts, len(text)]
    return list(zip(bounds, bounds[1:]))


def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence ``text[start:end]`` cut where the general splitter keeps sentences together: after a heading
    line, after the text's headline, at a full stop with a footnote number glued to it, before an accented capital."""
    piece = text[start:end]
    patterns = []                       # only those that may cut the sentence
    if "\n" in piece:
        patterns += (_HEADING_BREAK, _HEADLINE) if start == 0 else (_HEADING_BREAK,)
    if _DIGIT_AFTER_STOP.search(piece):
        patterns.append(_FOOTNOTE_STOP)
    accented = not piece.isascii()
    if not patterns and not accented:
        return [(start, end)]
    cuts = {m.end() for pattern in patterns for m in pattern.finditer(text, start, end)}
    if accented:
        cuts.update(m.end() for m in _ACCENTED_START.finditer(text, start, end)
                    if m.start() > start and "a" <= text[m.start() - 1] <= "z")
    bounds = [start, *sorted(c for c in cuts if start < c < end), end]
    return list(zip(bounds, bounds[1:]))


# A word or a punctuation mark that ``Sentence.read`` marks: a sentence is read in one ``findall``.
_TOKEN = re.compile(f"{WORD.pattern}|{_PUNCT.pattern}")
# The same for an ASCII text (most sentences): there ``[^\W_]`` of a casefolded text is ``[a-z0-9]`` and ``\d`` is
# ``[0-9]``, and a class of ASCII ranges is tested faster than a Unicode category (a third less for the findall).
_TOKEN_ASCII = re.compile(r"[a-z0-9]+(?:(?:[-']|(?<=[0-9])\.(?=[0-9]))[a-z0-9]+)*|[,:()\-;\"]")
_TITLE_QUOTE = re.compile("[\"“„«‘']")        # the opening marks of items.QUOTES
_MARKS = frozenset(",:()-;\"“”„«»")             # what _PUNCT matches
# The only character whose casefold is one character that ``WORD`` reads otherwise (a combining mark that folds to a
# letter): a sentence that holds it is read word by word in the text itself.
_FOLDS_TO_WORD = "\u0345"


class Sentence:
    """A sentence's words and what stands between them (see the module docstring). ``starts``/``ends`` (the words'
    offsets in the text) are worked out on first use: a sentence read only for its commitment mostly needs none."""

    __slots__ = ("text", "start", "end", "low", "seg", "quoted", "comma", "seg_bounds", "where", "breaks", "_folded",
                 "_starts", "_ends", "_may_quote")

    def __init__(self, text: str, start: int, end: int):
        self.text = text                               # the whole document's text
        self.start = start
        self.end = end
        self.low: list[str] = []                       # the words, lower case
        self.seg: list[int] = []                       # segment number of each word
        self.quoted: list[bool] = []                   # the word stands inside quotation marks
        self.comma: list[bool] = []                    # a comma, colon, bracket or dash follows the word
        self.breaks: list[int] = []                    # the words a comma follows, in order
        self.seg_bounds: list[tuple[int, int]] = []    # [lo, hi) of each segment
        self.where: dict[str, list[int]] = {}          # each word's positions (for PhraseIndex.find)
        self._folded: str | None = None                # the casefolded sentence, when it has the text's offsets
        self._starts: list[int] | None = None
        self._may_quote: bool | None = None
        self._ends: list[int] | None = None

    @classmethod
    def read(cls, text: str, start: int, end: int) -> Sentence:
        s = cls(text, start, end)
        piece = text[start:end]
        # casefold: "ſ" is an "s". Folding is per character, so when no character of the sentence folds to more
        # than one, its folded copy has the same offsets, and (but for _FOLDS_TO_WORD) the same words and marks in
        # the same places: it is read in one findall, words and marks in order.
        folded = piece.casefold()
        if len(folded) == len(piece) and _FOLDS_TO_WORD not in piece:
            tokens = (_TOKEN_ASCII if folded.isascii() else _TOKEN).findall(folded)
            if not tokens:
                return s
            marks: list[tuple[int, str]] = []           # (index of the word before, mark)
            if _PUNCT.search(piece) is None:
                low = tokens
            else:
                low = [tok for tok in tokens if tok not in _MARKS]
                # the j-th mark, token k, follows word k - j - 1
                marks = [(k - j - 1, tokens[k]) for j, k in enumerate([k for k, tok in enumerate(tokens)
                                                                        if tok in _MARKS])]
                if "-" in piece:                        # a dash inside a word ("OVV-rapport") follows it too
                    marks.extend((i, "-") for i, w in enumerate(low) if "-" in w)
            if not low:
                return s
            s._folded = folded
        else:
            s._offsets()                               # word by word in the text itself
            if not s._starts:
                return s
            low = [text[a:b].casefold() for a, b in zip(s._starts, s._ends)]
            marks = []
            for m in _PUNCT.finditer(text, start, end):
                marks.append((bisect_right(s._starts, m.start()) - 1, m.group()))    # the word before it
        s.low = low
        count = len(low)
        s.where = where = {}
        for i, w in enumerate(low):
            if w in where:
                where[w].append(i)
            else:
                where[w] = [i]
        # what stands between the words: breaks (a comma after word i), semicolons, quotation marks
        s.comma = comma = [False] * count
        new_segment = False
        semicolons: set[int] = set()
        quote_events: list[tuple[int, str]] = []
        for i, ch in marks:
            if ch in _BREAKS:
                if i >= 0 and not comma[i]:
                    comma[i] = True
                    s.breaks.append(i)
            elif ch == ";":
                if i + 1 < count:
                    semicolons.add(i + 1)
                    new_segment = True
            else:
                quote_events.append((i + 1, ch))
        s.breaks.sort()
        contrasts = stance_lexicon().contrasts
        s.seg = seg = [0] * count
        n = 0
        if new_segment or not contrasts.isdisjoint(where):
            for i in range(1, count):     # "niet alleen …, maar ook …" is one segment
                if i in semicolons or (low[i] in contrasts and low[i + 1:i + 2] != ["ook"]):
                    n += 1
                seg[i] = n
        s.quoted = quoted = [False] * count
        if quote_events:
            open_quote, k = False, 0
            for i in range(count):
                while k < len(quote_events) and quote_events[k][0] <= i:
                    ch = quote_events[k][1]
                    open_quote = (not open_quote) if ch == '"' else ch in _OPENING
                    k += 1
                quoted[i] = open_quote
        if n == 0:
            s.seg_bounds = [(0, count)]
        else:
            lo = 0
            for i in range(1, count + 1):
                if i == count or seg[i] != seg[i - 1]:
                    s.seg_bounds.append((lo, i))
                    lo = i
        return s

    def _offsets(self) -> None:
        """Set the words' offsets: found in the folded sentence when it was read in one ``findall``, else read word by
        word in the text."""
        folded = self._folded
        if folded is None:
            spans = [m.span() for m in WORD.finditer(self.text, self.start, self.end)]
            self._starts = [a for a, _ in spans]
            self._ends = [b for _, b in spans]
            return
        # Each word is the next occurrence of its text in the folded sentence: nothing between two words is a
        # character a word starts with.
        starts, ends = [], []
        pos, find, base = 0, folded.find, self.start
        for w in self.low:
            pos = find(w, pos)
            starts.append(base + pos)
            pos += len(w)
            ends.append(base + pos)
        self._starts, self._ends = starts, ends

    @property
    def may_quote(self) -> bool:
        """Whether a quotation mark that opens a title ("…", “…”, „…”, «…», ‘…’, '…') stands in the sentence."""
        if self._may_quote is None:
            self._may_quote = _TITLE_QUOTE.search(self.text, self.start, self.end) is not None
        return self._may_quote

    @property
    def starts(self) -> list[int]:
        """The words' offsets in ``text``."""
        if self._starts is None:
            self._offsets()
        return self._starts

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            self._offsets()
        return self._ends

    def next_comma(self, i: int) -> int:
        """The first j >= i with a comma after word j (else the word count)."""
        breaks = self.breaks
        k = bisect_left(breaks, i)
        return breaks[k] if k < len(breaks) else len(self.low)

    def __len__(self) -> int:
        return len(self.low)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets in the text of words ``first`` to ``last`` (inclusive)."""
        return self.starts[first], self.ends[last]

    def capital(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()

    def segment(self, i: int) -> tuple[int, int]:
        """[lo, hi) word indexes of the segment of word ``i``."""
        return self.seg_bounds[self.seg[i]]

    def clause(self, i: int) -> tuple[int, int]:
        """[lo, hi) word indexes of the clause of word ``i``: its segment, cut at commas."""
        lo, hi = self.seg_bounds[self.seg[i]]
        breaks = self.breaks
        k = bisect_left(breaks, i)
        if k:
            lo = max(lo, breaks[k - 1] + 1)
        return lo, min(hi, breaks[k] + 1) if k < len(breaks) else hi


class Positions:
    """Sorted word indexes (of hits, of words of a kind) with the questions the rules ask of them in O(log n)."""

    def __init__(self, positions: list[int]):
        self.at = positions

    def any_in(self, lo: int, hi: int) -> bool:
        """Whether a position lies in [lo, hi)."""
        i = bisect_left(self.at, lo)
        return i < len(self.at) and self.at[i] < hi
