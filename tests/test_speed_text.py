"""The fast paths of the per-document work give what the plain definitions give.

Each helper below replaced a slower form (a regex, a slice, a big read buffer) for speed; these tests compare the
two on generated inputs: normalisation, white space folding, the abbreviation test at sentence ends, the sentence
bounds, the letter and digit runs of a text, and reading a file that grows while it is read.
"""

from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from missiongraph.extract import text as T
from missiongraph.read import _read_at_most
from missiongraph.scan import _RUN, find_exact, find_lowered, lowered, occurrences, present_runs, word_starts

# The definitions the fast paths replaced.
_WS = re.compile(r"\s+")
_ABBREV = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in T._ABBREV_WORDS) + r"|[A-Z])\.$")

_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200b\u2028\u202f\u3000\ufeff"
_PIECES = ["nr", "nrs", "o.a", "t.a.v", "i.h.k.v", "St", "p", "K", "Kamerstuk", "vs", "blz", "ca", ".", ". ", ".\n",
           "!", "?", "\"", "\u201d", ")", " ", "\t", "\n\n", "_", "1", "é", "É", "x", "De", "A", "-", "(", "\u2022 "]

texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet="abnrsptoKSAé. \n1_", max_size=5)),
                 max_size=14).map("".join)


_SPECIAL = re.compile("[" + "".join(re.escape(chr(c)) for c in T._ONE_FOR_ONE) + "]")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="".join(map(chr, T._ONE_FOR_ONE)) + "ab \n-é\u2015\U0001f600", max_size=20))
def test_normalise_is_the_regex_replacement(text):
    expected = _SPECIAL.sub(lambda m: T._ONE_FOR_ONE[ord(m.group())], text)
    assert T.normalise(text) == expected and len(expected) == len(text)
    assert T.normalise("plain text, nothing to replace") == "plain text, nothing to replace"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SPACES + "ab.", max_size=20))
def test_fold_is_the_regex_fold(text):
    assert T.fold(text) == _WS.sub(" ", text).strip()


@settings(max_examples=400, deadline=None)
@given(texts)
def test_abbreviation_at_is_the_regex_on_the_text_before(text):
    for stop in range(len(text)):
        piece = text[max(0, stop - 11):stop + 1]
        expected = piece.endswith(".") and len(piece) >= 2 and _ABBREV.search(piece) is not None
        assert T._abbreviation_at(text, stop) == expected, (text, stop)
    assert T._abbreviation(text) == (text.endswith(".") and _ABBREV.search(text) is not None)


def test_abbreviation_table():
    assert T._abbreviation("zie nr.") and T._abbreviation("o.a.") and T._abbreviation("de heer K.")
    assert not T._abbreviation("Xnr.") and not T._abbreviation("verlengd.") and not T._abbreviation("nr!")
    assert T._abbreviation("3 o.a.") and not T._abbreviation("") and not T._abbreviation(".")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sentence_ends_per_mark_are_the_one_pattern_matches(text):
    one = [m.span() for m in T._PUNCT_END.finditer(text)]
    split = sorted(m.span() for pattern in T._PUNCT_ENDS for m in pattern.finditer(text))
    assert split == one


def _sentence_bounds(text: str) -> list[int]:
    """``text.sentence_bounds`` as it was written before it was made fast: one pattern, the regex, slices."""
    def abbreviation(piece: str) -> bool:
        return piece.endswith(".") and len(piece) >= 2 and _ABBREV.search(piece) is not None

    starts = {0}
    for m in T._PUNCT_END.finditer(text):
        if not abbreviation(text[max(0, m.start() - 11):m.start() + 1]):
            starts.add(m.end())
    for m in T._BLANK.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        line = text[text.rfind("\n", 0, start) + 1:start].strip()
        before = text[max(0, start - 40):start].rstrip()
        ends = bool(before) and before[-1] in ".!?:;" and not abbreviation(before)
        if not line or len(line) < T._SHORT_LINE or ends:
            starts.add(m.end())
    for m in T._BULLET.finditer(text):
        starts.add(m.end())
    return sorted(s for s in starts if s < len(text)) or [0]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(texts, st.sampled_from(["\n\n", "  \n \n", "\n- ", "\n1. ", "x" * 70, "Zie p.\n\n"])),
                max_size=6).map("".join))
def test_sentence_bounds_are_the_plain_definition(text):
    assert T.sentence_bounds(text) == _sentence_bounds(text)


_RUNS_WANTED = ["a", "ab", "z", "01", "9", "k", "s", "i", "ba", "aab", "zz"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abzAZ019 -.\u0130\u212a\u017fé?", max_size=30),
       st.frozensets(st.sampled_from(_RUNS_WANTED), min_size=1))
def test_whole_runs(text, wanted):
    """The runs found in the text's one pass (the automaton learns the words asked for as the texts come: some
    are found by it, the others by ``str.find``) are those a regex finds."""
    low = lowered(text)
    runs = [m for m in _RUN.finditer(low) if m.group() in wanted]
    assert sorted(present_runs(text, wanted)) == sorted({m.group() for m in runs})
    assert word_starts(text, wanted) == [m.start() for m in runs]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abzAZ019 -.:\u0130\u212a\u017fé?", max_size=30),
       st.lists(st.sampled_from(["a", "aa", "ab", "b:", "z 0", "aba", "é", "0", "i"]), max_size=4))
def test_find_lowered_is_str_find(text, words):
    """Every occurrence, overlapping ones too ("aa" twice in "aaa"), as ``str.find`` finds them."""
    assert find_lowered(text, words) == occurrences(lowered(text), words)


def test_word_starts_skips_runs_inside_longer_words():
    text = "Op verzoek, opdracht: OP 5op op5 Europa op"
    assert word_starts(text, frozenset({"op"})) == [0, text.index("OP"), text.index("5op") + 1, text.index("op5"),
                                                    text.rindex("op")]


class _Growing(io.RawIOBase):
    """A file of ``size`` bytes that ``stat`` said was ``stated`` bytes (it grew or shrank in between)."""

    def __init__(self, size: int):
        self.data = io.BytesIO(bytes(range(256)) * (size // 256) + bytes(size % 256))

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        return self.data.readinto(buffer)


def test_read_at_most_reads_what_one_big_read_reads():
    for size in (0, 1, 99, 100, 101, 5000):
        for stated in (0, 50, 100, 6000):
            for limit in (1, 100, 101, 10_000):
                expected = io.BufferedReader(_Growing(size)).read(limit)
                got = _read_at_most(io.BufferedReader(_Growing(size)), stated, limit)
                assert got == expected, (size, stated, limit)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="KkAaMm, \u212a", max_size=30))
def test_find_exact_is_str_find(text):
    assert find_exact(text, "Kam, ") == occurrences(text, ("Kam, ",))
