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


@lru_cache(maxsize=4)
def words(text: str) -> frozenset[str]:
    """The distinct letter runs and digit runs of ``lowered(text)`` (cached: every gazetteer asks)."""
    return frozenset(_RUN.findall(lowered(text)))


def leading_word(phrase: str) -> str | None:
    """The letter or digit run ``lowered(phrase)`` starts with, or None when it starts with another character."""
    m = _RUN.match(lowered(phrase))
    return m.group() if m else None


def word_starts(text: str, wanted: frozenset[str]) -> list[int]:
    """Sorted positions in ``text`` where one of the ``wanted`` runs occurs (a superset of the positions where
    such a run starts a word): a set intersection first, so only the words the text contains are searched for."""
    low = lowered(text)
    found: set[int] = set()
    for word in wanted & words(text):
        i = low.find(word)
        while i >= 0:
            found.add(i)
            i = low.find(word, i + 1)
    return sorted(found)
