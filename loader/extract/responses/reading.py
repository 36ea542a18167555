"""A sentence as the response rules read it: its words (lower case, with offsets), its segments and which words
stand inside quotation marks.

Segments: a sentence is cut at semicolons and before contrast words ("maar", "echter"); a stance phrasing applies to
the items of its own segment. Sentences are those of ``text.sentences_of``, cut further at a heading line (short, no
closing punctuation, before a line that starts with a capital) and at a full stop with a footnote number glued to
it ("strafrechtketen.1 In de brief …") or before an accented capital ("Één van de …"), which the general splitter
keeps together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import sentences_of
from .lexicon import stance_lexicon

# A word: letters and digits, with inner hyphens, apostrophes and full stops between digits ("OVV-rapport",
# "thema’s", "2.1").
WORD = re.compile(r"[^\W_]+(?:(?:[-'’]|(?<=\d)\.(?=\d))[^\W_]+)*")
_HEADING_BREAK = re.compile(r"(?m)^[^\n.!?;:,]{1,70}(?<![,;(\-])\n(?=[ \t]*[A-Z0-9\u00c0-\u00dd\"“‘'(•])")
_FOOTNOTE_STOP = re.compile(r"[.!?][»”\"')]?\d{1,2}\s+(?=[A-Z])")
_ACCENTED_START = re.compile(r"[a-z][.!?]\s+(?=[\u00c0-\u00dd])")       # "… Kamer. Één van de conclusies"
_OPENING, _CLOSING = "“„«", "”»"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text`` as the response rules read them."""
    starts = set(sentences_of(text).starts)
    starts.update(m.end() for m in _HEADING_BREAK.finditer(text))
    starts.update(m.end() for m in _FOOTNOTE_STOP.finditer(text))
    starts.update(m.end() for m in _ACCENTED_START.finditer(text))
    bounds = sorted(s for s in starts if s < len(text)) + [len(text)]
    return list(zip(bounds, bounds[1:]))


@dataclass
class Sentence:
    text: str                                          # the whole document's text
    start: int
    end: int
    low: list[str] = field(default_factory=list)       # the words, lower case
    starts: list[int] = field(default_factory=list)    # their offsets in ``text``
    ends: list[int] = field(default_factory=list)
    seg: list[int] = field(default_factory=list)       # segment number of each word
    quoted: list[bool] = field(default_factory=list)   # the word stands inside quotation marks
    comma: list[bool] = field(default_factory=list)    # a comma, colon, bracket or dash follows the word

    @classmethod
    def read(cls, text: str, start: int, end: int) -> Sentence:
        s = cls(text, start, end)
        contrasts = stance_lexicon().contrasts
        n, prev_end, open_quote = 0, start, False
        matches = list(WORD.finditer(text, start, end))
        for i, m in enumerate(matches):
            w = m.group().lower()
            between = text[prev_end:m.start()]
            if ";" in between or (w in contrasts and i > 0):
                n += 1
            for ch in between:
                if ch == '"':
                    open_quote = not open_quote
                elif ch in _OPENING:
                    open_quote = True
                elif ch in _CLOSING:
                    open_quote = False
            nxt = matches[i + 1].start() if i + 1 < len(matches) else end
            after = text[m.end():nxt]
            s.low.append(w)
            s.starts.append(m.start())
            s.ends.append(m.end())
            s.seg.append(n)
            s.quoted.append(open_quote)
            s.comma.append(any(c in after for c in ",:()-"))
            prev_end = m.end()
        return s

    def __len__(self) -> int:
        return len(self.low)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets in the text of words ``first`` to ``last`` (inclusive)."""
        return self.starts[first], self.ends[last]

    def capital(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()

    def segment(self, i: int) -> tuple[int, int]:
        """[lo, hi) word indexes of the segment of word ``i``."""
        lo = hi = i
        while lo > 0 and self.seg[lo - 1] == self.seg[i]:
            lo -= 1
        while hi < len(self.low) and self.seg[hi] == self.seg[i]:
            hi += 1
        return lo, hi

    def clause(self, i: int) -> tuple[int, int]:
        """[lo, hi) word indexes of the clause of word ``i``: its segment, cut at commas."""
        lo = hi = i
        while lo > 0 and self.seg[lo - 1] == self.seg[i] and not self.comma[lo - 1]:
            lo -= 1
        while hi + 1 < len(self.low) and self.seg[hi + 1] == self.seg[i] and not self.comma[hi]:
            hi += 1
        return lo, hi + 1
