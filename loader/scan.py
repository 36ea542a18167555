"""Scanning helpers: find where a pattern can match with ``str.find`` before running the pattern.

A regular expression that starts with a case-insensitive word, ``\\b`` or a look-behind has no literal start, so
``re`` tries it at every position of the text (about 0.1-0.2 ms per pattern per 10 KB). The rules and the
gazetteer matchers instead look up a word every match must contain, on a lower-case ASCII copy of the text with
the same offsets (``lowered``), and try the pattern only where a match can start (``matches_at``). The output is
the same as a full scan, as long as the positions tried include every position where a match can start.

Where the words are is found for all rules at once: one Aho-Corasick automaton (``ahocorasick_rs``, a DFA in Rust,
which hands back all the hits of a pass as one list: twice as fast as pyahocorasick's node walk and iterator) holds
every word the rules have asked for, and one pass of it over a text finds all their occurrences (``_Index``,
cached per text), instead of one ``str.find`` scan of the whole text per word and rule (a scan for an absent word
reads the whole text: 150 of them cost about 1 ms per 10 KB). The words are learnt as they are asked for: a word
the automaton does not hold yet is found with ``str.find`` for that text and added for the next texts (so the
vocabulary settles after the first document; it is bounded by ``_MAX_WORDS``). It holds letter runs, found as
whole runs (``run_positions``, ``word_starts``), and letter-only strings found anywhere in ``lowered`` text
(``find_lowered``), all in one pass over the text's letter runs; a string with letters and other characters
("kamer, vergaderjaar", "dhr.") is found where its longest letter run is, and one without letters ("(") with
``str.find``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from functools import cached_property, lru_cache

import ahocorasick_rs

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
    """Sorted start positions of every occurrence of any of ``words`` in ``haystack`` (``str.find``; for
    ``lowered`` text, ``find_lowered`` finds them in the text's one pass)."""
    found: set[int] = set()
    for word in words:
        found.update(_find_all(haystack, word))
    return sorted(found)


def _find_all(haystack: str, needle: str) -> list[int]:
    """Every position where ``needle`` occurs in ``haystack`` (overlapping occurrences included)."""
    found = []
    i = haystack.find(needle)
    while i >= 0:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


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
# ``lowered`` text with every digit made "0" and everything else a space: where numbers of a shape are.
_SHAPES = {c: "0" if 48 <= c <= 57 else " " for c in range(128)}


class _Vocabulary:
    """Words asked for (see the module docstring), and one automaton that finds them all in ``_Runs.letters``: a
    letter run ``w`` wanted whole is searched as ``" w "``, a letter-only string wanted anywhere as itself (in
    ``letters`` as in ``lowered`` text, one place to the right). ``state`` is (the runs, the strings, their
    version), replaced as a whole when words are learnt, so an index knows exactly which words its pass looked
    for."""

    def __init__(self) -> None:
        self.state: tuple[frozenset[str], frozenset[str], int] = (frozenset(), frozenset(), 0)
        self._sets: dict[frozenset[str], int] = {}  # sets of runs learnt whole: the version that holds them
        self._built: tuple[tuple[frozenset[str], frozenset[str], int], ahocorasick_rs.BytesAhoCorasick | None,
                           list[str], int] | None = None

    def learn(self, runs: Iterable[str] = (), parts: Iterable[str] = ()) -> None:
        held_runs, held_parts, version = self.state
        new_runs = {w for w in runs if w and w not in held_runs}
        new_parts = {w for w in parts if w and w not in held_parts and _LETTER_RUN.fullmatch(w)}
        if (new_runs or new_parts) and len(held_runs) + len(held_parts) + len(new_runs) + len(new_parts) <= _MAX_WORDS:
            self.state = (held_runs.union(new_runs), held_parts.union(new_parts), version + 1)

    def learn_set(self, runs: frozenset[str]) -> int | None:
        """The first version that holds all of ``runs`` (learning them), or None when they do not fit."""
        version = self._sets.get(runs)
        if version is None:
            self.learn(runs)
            held, _, now = self.state
            if runs <= held:
                if len(self._sets) > _MAX_SETS:       # the rules ask for a few fixed sets; anything else is forgotten
                    self._sets.clear()
                version = self._sets[runs] = now
        return version

    def index(self, letters: str) -> tuple[tuple[frozenset[str], frozenset[str], int], dict[str, list[int]],
                                           dict[str, list[int]]]:
        """(the state looked for, where each run occurs, where each string occurs), positions in the text in
        increasing order: one pass of the automaton over ``letters``."""
        state, built = self.state, self._built
        if built is None or built[0] is not state:
            words = [*state[0], *state[1]]          # the runs first: a hit's pattern number tells which it is
            patterns = [(" " + w + " ").encode() for w in state[0]] + [w.encode() for w in state[1]]
            automaton = ahocorasick_rs.BytesAhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.DFA) \
                if patterns else None
            built = self._built = (state, automaton, words, len(state[0]))
        runs: dict[str, list[int]] = {}
        parts: dict[str, list[int]] = {}
        _, automaton, words, n_runs = built
        if automaton is not None:
            found: defaultdict[int, list[int]] = defaultdict(list)
            for number, start, _end in automaton.find_matches_as_indexes(letters.encode("ascii"), overlapping=True):
                found[number].append(start)
            for number, starts in found.items():
                if number < n_runs:
                    runs[words[number]] = starts            # " w " starts where w does in the text
                else:
                    parts[words[number]] = [p - 1 for p in starts]      # letters are shifted by one
        return state, runs, parts


@lru_cache(maxsize=1024)
def _letter_piece(part: str) -> tuple[str, int] | None:
    """For a string with letters and other characters, its longest run of letters and where it starts in it (the
    string is found where that run is); None for a string of letters only or without letters."""
    if _LETTER_RUN.fullmatch(part):
        return None
    runs = list(_LETTER_RUN.finditer(part))
    if not runs:
        return None
    longest = max(runs, key=lambda m: len(m.group()))
    return longest.group(), longest.start()


_MAX_WORDS, _MAX_SETS = 50_000, 1_000
_LETTER_RUN = re.compile(r"[a-z]+")
_VOCABULARY = _Vocabulary()


class _Index:
    """Where the words of the vocabulary occur in one text: one pass of the automaton; a word learnt after that
    pass, or a string with other characters than letters, is found with ``str.find`` (and remembered)."""

    def __init__(self, letters: str, low: str):
        self.letters, self.low = letters, low
        (self.runs_held, self.parts_held, self.version), self.runs, self.parts = _VOCABULARY.index(letters)

    def run_positions(self, run: str) -> list[int]:
        found = self.runs.get(run)
        if found is None:
            if run in self.runs_held:
                return []
            found = self.runs[run] = _find_all(self.letters, " " + run + " ")
            _VOCABULARY.learn(runs=(run,))
        return found

    def part_positions(self, part: str) -> list[int]:
        found = self.parts.get(part)
        if found is None:
            if part in self.parts_held:
                return []
            piece = _letter_piece(part)
            if piece is None:           # all letters (learnt for the next texts), or none at all
                found = _find_all(self.low, part)
                _VOCABULARY.learn(parts=(part,))
            else:                       # 'dhr.', 'kamer, vergaderjaar': where its longest letter run is, checked
                run, offset = piece
                low = self.low
                found = [p - offset for p in self.part_positions(run) if p >= offset and low.startswith(part, p - offset)]
            self.parts[part] = found
        return found

    def present(self, runs: frozenset[str], ordered: bool = True) -> Iterable[str]:
        """Those of the letter ``runs`` that occur as whole runs, in the order of their first occurrence in the
        text when they were all looked for in its pass (``ordered``: else as a set, in C, when that is cheaper)."""
        version = _VOCABULARY.learn_set(runs)
        if version is not None and version <= self.version:
            return [w for w in self.runs if w in runs] if ordered else runs.intersection(self.runs)
        return [w for w in runs if self.run_positions(w)]


class _Runs:
    """The letter and digit runs of one text, for finding whole runs quickly.

    ``letters`` (``digits``) is ``lowered(text)`` with every character but the ASCII letters (digits) made a space
    and a space added before and after: a run ``w`` starts at ``i`` in the text exactly where ``" w "`` starts at
    ``i`` in one of them. (``str.translate`` of an ASCII text looks each character up once in a small table: C
    speed.) Letter runs and strings are looked up in the text's ``_Index``; digit runs with ``str.find`` (few
    are asked for), remembered."""

    def __init__(self, text: str):
        self.low = low = lowered(text)
        self.letters = " " + low.translate(_LETTERS_ONLY) + " "
        self.index = _Index(self.letters, low)
        self._digit_runs: dict[str, list[int]] = {}

    @cached_property
    def digits(self) -> str:
        """(made when a digit run is first asked for: few texts are asked for one)"""
        return " " + self.low.translate(_DIGITS_ONLY) + " "

    @cached_property
    def shapes(self) -> str:
        """``lowered`` text with every digit made "0" and every other character a space, a space added before and
        after (made when a number shape is first asked for)."""
        return " " + self.low.translate(_SHAPES) + " "

    def positions(self, run: str) -> list[int]:
        """Where the letter or digit run ``run`` occurs in the text as a whole run, in increasing order."""
        if not run[0].isdigit():                 # a run is all letters or all digits
            return self.index.run_positions(run)
        found = self._digit_runs.get(run)
        if found is None:
            found = self._digit_runs[run] = _find_all(self.digits, " " + run + " ")
        return found

    def present(self, wanted: frozenset[str], ordered: bool = True) -> list[str]:
        """Those of the ``wanted`` runs that occur in the text as whole runs (see ``_Index.present``)."""
        letter_runs, digit_runs = _by_kind(wanted)
        found = self.index.present(letter_runs, ordered)
        return [*found, *(run for run in digit_runs if self.positions(run))] if digit_runs else found


@lru_cache(maxsize=256)
def _by_kind(runs: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(the letter runs, the digit runs) of ``runs``."""
    return frozenset(r for r in runs if not r[0].isdigit()), tuple(sorted(r for r in runs if r[0].isdigit()))


@lru_cache(maxsize=4)
def _runs(text: str) -> _Runs:
    """The runs of ``text`` (cached: every gazetteer asks)."""
    return _Runs(text)


def run_positions(text: str, run: str) -> list[int]:
    """Where the letter or digit run ``run`` occurs in ``text`` as a whole run (see ``_Runs.positions``)."""
    return _runs(text).positions(run)


def letter_runs(text: str) -> str:
    """``text``'s letters as ``has_run`` searches them: a run ``w`` occurs whole at ``i`` where ``" w "`` starts at
    ``i`` (found at ``start`` to ``end + 2`` for ``text[start:end]``)."""
    return _runs(text).letters


def has_run(text: str, run: str, start: int, end: int) -> bool:
    """Whether the letter run ``run`` occurs as a whole run in ``text[start:end]`` (one ``str.find``)."""
    return _runs(text).letters.find(" " + run + " ", start, end + 2) >= 0   # the letters are shifted by one


def leading_word(phrase: str) -> str | None:
    """The letter or digit run ``lowered(phrase)`` starts with, or None when it starts with another character."""
    m = _RUN.match(lowered(phrase))
    return m.group() if m else None


def present_runs(text: str, wanted: frozenset[str]) -> list[str]:
    """Those of the ``wanted`` letter or digit runs that occur in ``text`` as whole runs, in no particular order."""
    return _runs(text).present(wanted)


def word_starts(text: str, wanted: frozenset[str]) -> list[int]:
    """Sorted positions in ``text`` where one of the ``wanted`` runs occurs as a whole run (no letter, for a
    digit run no digit, right before or after it): 'op' in 'op verzoek', not in 'opdracht' or 'Europa'."""
    runs = _runs(text)
    found: list[int] = []
    for word in runs.present(wanted, ordered=False):
        found.extend(runs.positions(word))
    found.sort()                            # two runs never start at one position
    return found


def number_starts(text: str, shapes: Iterable[str]) -> list[int]:
    """Sorted positions in ``text`` where a number of one of ``shapes`` starts, with no digit right before or after
    it. A shape writes each digit as "0" and any other character as a space: "00 000" is two digits, a character
    other than a digit, three digits. (ASCII digits: one ``str.find`` per shape and number, where a regular
    expression that starts with a digit is tried at every position of the text.)"""
    return occurrences(_runs(text).shapes, [" " + shape + " " for shape in shapes])   # shapes are shifted by one


def find_lowered(text: str, words: Collection[str]) -> list[int]:
    """Sorted start positions of every occurrence of any of ``words`` in ``lowered(text)`` (what
    ``occurrences(lowered(text), words)`` gives, from the text's one pass of the automaton)."""
    index = _runs(text).index
    if len(words) == 1:                     # (many callers ask for one word: its positions are sorted already)
        (word,) = words
        return list(index.part_positions(word))
    found: set[int] = set()
    for word in words:
        found.update(index.part_positions(word))
    return sorted(found)


def find_exact(text: str, word: str) -> list[int]:
    """Sorted start positions of every occurrence of the ASCII ``word`` in ``text`` (case as given), from the
    text's one pass (``find_lowered``)."""
    return [p for p in find_lowered(text, (word.lower(),)) if text.startswith(word, p)]


def line_end(text: str, pos: int) -> int:
    """The end of the line that ``pos`` is on (its line break, or the end of the text)."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


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
