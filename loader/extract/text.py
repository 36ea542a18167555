"""Text helpers shared by the rules: normalisation that keeps offsets, sentences, whitespace folding."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# One-for-one character replacements: offsets in the normalised text equal offsets in the original.
_ONE_FOR_ONE = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00ad": " ",   # soft hyphen
    "\ufeff": " ",
    "\r": "\n",
})

_PAIRS = tuple((chr(special), plain) for special, plain in _ONE_FOR_ONE.items())   # (character, replacement)


@lru_cache(maxsize=4)
def normalise(text: str) -> str:
    """Same length as ``text``: non-breaking spaces to spaces, dashes to '-', CR to LF.

    Texts have none or few of these characters, so each is looked for (``in``: a memchr, and no work at all when
    the character is beyond the text's widest one) and replaced only when present; no replacement makes another
    special character, so the order does not matter. (``translate`` with a mapping is a dictionary lookup per
    character: 1.2 ms for 10 KB; a regex of the 16 characters tests a class at every character, 0.05 ms; this,
    0.005 ms.) A text without them is returned as it is. Cached: extraction and the graph converter (which looks
    up the sentences extraction saw) normalise the same text."""
    for special, plain in _PAIRS:
        if special in text:
            text = text.replace(special, plain)
    return text


def fold(text: str) -> str:
    """Collapse runs of white space to one space and strip.

    ``str.split`` splits on exactly the characters ``\\s`` matches in a ``str`` pattern (and ``strip`` strips
    them), so this is ``re.sub(r"\\s+", " ", text).strip()``, four times faster."""
    return " ".join(text.split())


# A sentence ends at . ! ? followed by white space and an upper-case letter, digit, quote or bullet, unless the
# word before is an abbreviation common in these texts. A blank line ends a sentence only when the line before it
# ends with punctuation or is short (a heading): PDF extractions put blank lines inside sentences.
_ABBREV_WORDS = ("nr", "nrs", "blz", "art", "jl", "d.d", "t.a.v", "i.h.k.v", "n.a.v", "cf", "bijv", "o.a", "m.b.t",
                 "drs", "dr", "mr", "ir", "prof", "ing", "mevr", "dhr", "e.a", "resp", "incl", "excl", "vs", "ca",
                 "St", "p", "pag", "sub", "t.b.v", "z.s.m")


def _abbreviation(text: str) -> bool:
    """Whether ``text`` ends with an abbreviation and its full stop ('nr.', 'o.a.', 'K.')."""
    return _abbreviation_at(text, len(text) - 1)


def _by_last_letter() -> dict[str, tuple[str, ...]]:
    """The abbreviations (and the single capitals) by their last letter: a full stop after an 'r' can only close
    'nr', 'dr', 'mr', 'ir', 'mevr' or 'dhr'."""
    by_last: dict[str, list[str]] = {}
    for word in [*_ABBREV_WORDS, *(chr(c) for c in range(ord("A"), ord("Z") + 1))]:
        by_last.setdefault(word[-1], []).append(word)
    return {last: tuple(words) for last, words in by_last.items()}


_ABBREV_BY_LAST = _by_last_letter()


def _abbreviation_at(text: str, stop: int) -> bool:
    """Whether the character at ``stop`` is a full stop that closes an abbreviation ('nr.', 'o.a.', 'K.'): one of
    ``_ABBREV_WORDS`` or a single capital, right before it, that starts a word (at the start of the text or after a
    character that is not a word character, as ``\\b`` has it). Looked up by the letter before the stop, without
    a slice or a regex: it is asked for every sentence end (tests/test_speed_text.py checks it against the regex
    ``\\b(?:nr|nrs|...|[A-Z])\\.$``)."""
    if stop <= 0 or text[stop] != ".":
        return False
    for word in _ABBREV_BY_LAST.get(text[stop - 1], ()):
        i = stop - len(word)
        if i >= 0 and text.startswith(word, i) and (i == 0 or not _word_char(text[i - 1])):
            return True
    return False


def _word_char(char: str) -> bool:
    """``\\w`` of a ``str`` pattern: a letter, digit or numeric character, or '_'."""
    return char.isalnum() or char == "_"


# The punctuation is part of the match (a pattern that starts with a literal character is scanned for quickly; one
# that starts with a lookbehind is tried at every position): the sentence starts at m.end(). The first
# alternative never matches empty (an empty match there would hide a longer match of the second).
_QUOTES = "[\"'\u201d\u2019)]"
_NEXT = "(?=[A-Z0-9\u201c\"'\u2018(\u2022\\-])"
_AFTER_PUNCT = (rf"(?:(?:{_QUOTES}+[ \t]*(?:\n[ \t]*)?|[ \t]+(?:\n[ \t]*)?|\n[ \t]*){_NEXT}"
                rf"|{_QUOTES}*\s+{_NEXT})")
_PUNCT_END = re.compile(r"[.!?]" + _AFTER_PUNCT)
# _PUNCT_END once per punctuation mark: a pattern that starts with one literal character is scanned for at memchr
# speed, one that starts with a class is tested at every character (three scans cost half of one). Together they
# find the matches _PUNCT_END.finditer finds: a match holds no punctuation after its first character, so no match
# hides another.
_PUNCT_ENDS = tuple(re.compile(re.escape(mark) + _AFTER_PUNCT) for mark in ".!?")   # the full stop first


def _not_after_abbreviation() -> str:
    """Negative look-behinds, one per length, that refuse a full stop closing an abbreviation or a single capital
    that starts a word (``_abbreviation_at`` as a pattern: a look-behind holds alternatives of one width only)."""
    by_width: dict[int, list[str]] = {}
    for word in [*_ABBREV_WORDS, *(chr(c) for c in range(ord("A"), ord("Z") + 1))]:
        by_width.setdefault(len(word), []).append(re.escape(word))
    return "".join(rf"(?<!\b(?:{'|'.join(words)})\.)" for _, words in sorted(by_width.items()))


# The full stops that end a sentence, abbreviations refused inside the pattern: one scan, no Python per match.
# (A refused stop's match would hold only quotes and white space after it, so refusing it hides no other match.)
_FULL_STOP_END = re.compile(r"\." + _not_after_abbreviation() + _AFTER_PUNCT)
_BLANK = re.compile(r"\n[ \t]*\n\s*")   # a blank line; the spaces and tabs before it belong to it too
_BULLET = re.compile(r"\n(?=[ \t]*(?:[-\u2022*][ \t]|#|\d+(?:\.\d+)*\.[ \t]|\d+\.\d+[ \t]))")
_SHORT_LINE = 60


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the text just before ``end`` closes a sentence (punctuation that is not an abbreviation)."""
    line = text[max(0, end - 40):end].rstrip()
    if not line or line[-1] not in ".!?:;":
        return False
    return not _abbreviation(line)


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of the sentences of ``text`` (the first is 0)."""
    starts = {0, *[m.end() for m in _FULL_STOP_END.finditer(text)]}
    for mark, punct_end in zip("!?", _PUNCT_ENDS[1:]):
        if mark in text:              # (a memchr: most texts have few or no exclamation or question marks)
            starts.update([m.end() for m in punct_end.finditer(text)])
    for m in _BLANK.finditer(text):
        if m.end() in starts:
            continue                  # most paragraphs end with a full stop: that start is known already
        start = m.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        line_start = text.rfind("\n", 0, start) + 1
        line = text[line_start:start].strip()
        if not line or len(line) < _SHORT_LINE or _ends_sentence(text, start):
            starts.add(m.end())
    starts.update([m.end() for m in _BULLET.finditer(text)])
    starts.discard(len(text))          # every start is at most len(text): one there starts no sentence
    return sorted(starts) or [0]


class Sentences:
    """Look up the sentence around a span."""

    def __init__(self, text: str):
        self.text = text
        self.starts = sentence_bounds(text)

    def span_of(self, start: int, end: int) -> tuple[int, int]:
        starts = self.starts
        j = bisect_right(starts, end - 1 if end > start else start)
        return starts[bisect_right(starts, start) - 1], starts[j] if j < len(starts) else len(self.text)



@lru_cache(maxsize=4)
def sentences_of(text: str) -> Sentences:
    """The (cached) sentences of a text: several rules look at the same document."""
    return Sentences(text)
