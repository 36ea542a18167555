"""Scanning helpers: find where a pattern can match with ``str.find`` before running the pattern.

A regular expression that starts with a case-insensitive word, ``\\b`` or a look-behind has no literal start, so
``re`` tries it at every position of the text (about 0.1-0.2 ms per pattern per 10 KB). The rules and the
gazetteer matchers instead look up a word every match must contain, on a lower-case ASCII copy of the text with
the same offsets (``lowered``), and try the pattern only where a match can start (``matches_at``). The output is
the same as a full scan, as long as the positions tried include every position where a match can start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

# The only characters besides A-Z that ``re.IGNORECASE`` matches to an ASCII letter: made that letter first.
_ODD_CASE = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


@lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """Lower-case ASCII copy of ``text`` with the same offsets, other characters as "?": an ASCII word that an
    ``re.IGNORECASE`` pattern matches in ``text`` occurs in lower case at the same position. (Cached: several rules
    test the same text; going through ASCII is four times faster than ``str.lower`` on a non-Latin-1 text.)"""
    for odd, plain in _ODD_CASE:
        if odd in text:
            text = text.replace(odd, plain)
    return text.encode("ascii", "replace").decode("ascii").lower()


def occurrences(haystack: str, words: Iterable[str]) -> list[int]:
    """Sorted start positions of every occurrence of any of ``words`` in ``haystack``."""
    found: set[int] = set()
    for word in words:
        i = haystack.find(word)
        while i >= 0:
            found.add(i)
            i = haystack.find(word, i + 1)
    return sorted(found)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, given sorted ``starts`` that include every position where a match
    of ``pattern`` can start (``pattern`` never matches the empty string): a match is tried only there."""
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m:
            yield m
            end = m.end()


# Runs of ASCII letters or of digits in ``lowered`` text: the words a gazetteer alias can start with.
_RUN = re.compile(r"[a-z]+|[0-9]+")
# ``lowered`` text with everything but the letters (digits) made a space: its ``split()`` is the letter (digit) runs.
_LETTERS_ONLY = {c: " " for c in range(128) if not 97 <= c <= 122}
_DIGITS_ONLY = {c: " " for c in range(128) if not 48 <= c <= 57}


class _Runs:
    """The letter and digit runs of one text, for finding whole runs quickly.

    ``letters`` (``digits``) is ``lowered(text)`` with every character but the ASCII letters (digits) made a space
    and a space added before and after: a run ``w`` starts at ``i`` in the text exactly where ``" w "`` starts at
    ``i`` in one of them. (``str.translate`` of an ASCII text looks each character up once in a small table: C
    speed.) Where each run occurs is remembered: several gazetteers search for the same words."""

    def __init__(self, text: str):
        low = lowered(text)
        self.letters = " " + low.translate(_LETTERS_ONLY) + " "
        self.digits = " " + low.translate(_DIGITS_ONLY) + " "
        self._at: dict[str, list[int]] = {}

    def positions(self, run: str) -> list[int]:
        """Where the letter or digit run ``run`` occurs in the text as a whole run, in increasing order."""
        found = self._at.get(run)
        if found is None:
            found = self._at[run] = []
            runs = self.digits if run[0].isdigit() else self.letters     # a run is all letters or all digits
            needle = " " + run + " "
            i = runs.find(needle)
            while i >= 0:
                found.append(i)     # the space before the run is at i in ``runs``: the run is at i in the text
                i = runs.find(needle, i + 1)
        return found


@lru_cache(maxsize=4)
def _runs(text: str) -> _Runs:
    """The runs of ``text`` (cached: every gazetteer asks)."""
    return _Runs(text)


def run_positions(text: str, run: str) -> list[int]:
    """Where the letter or digit run ``run`` occurs in ``text`` as a whole run (see ``_Runs.positions``)."""
    return _runs(text).positions(run)


def has_run(text: str, run: str, start: int, end: int) -> bool:
    """Whether the letter run ``run`` occurs as a whole run in ``text[start:end]`` (one ``str.find``)."""
    return _runs(text).letters.find(" " + run + " ", start, end + 2) >= 0   # the letters are shifted by one


@lru_cache(maxsize=4)
def words(text: str) -> frozenset[str]:
    """The distinct letter runs and digit runs of ``lowered(text)`` (cached: every gazetteer asks); the set
    ``_RUN.findall`` gives, 2.5 times faster."""
    runs = _runs(text)
    return frozenset(runs.letters.split()).union(runs.digits.split())


def leading_word(phrase: str) -> str | None:
    """The letter or digit run ``lowered(phrase)`` starts with, or None when it starts with another character."""
    m = _RUN.match(lowered(phrase))
    return m.group() if m else None


def word_starts(text: str, wanted: frozenset[str]) -> list[int]:
    """Sorted positions in ``text`` where one of the ``wanted`` runs occurs as a whole run (no letter, for a
    digit run no digit, right before or after it): a set intersection first, so only the words the text contains
    are searched for, and then only whole runs are found ('op' in 'op verzoek', not in 'opdracht' or 'Europa')."""
    runs = _runs(text)
    found: list[int] = []
    for word in wanted & words(text):
        found.extend(runs.positions(word))
    found.sort()                            # two runs never start at one position
    return found


def line_starts(text: str, positions: Iterable[int]) -> list[int]:
    """The distinct starts of the lines that hold ``positions`` (sorted), in order. Each stretch of text is searched
    once, so many positions on one long line cost no more than one."""
    out: list[int] = []
    start = searched = 0
    for pos in positions:
        newline = text.rfind("\n", searched, pos)
        if newline >= 0:
            start = newline + 1
        searched = max(searched, pos)
        if not out or out[-1] != start:
            out.append(start)
    return out
