"""The gazetteer scanners find exactly what a full regex scan finds (``gazetteer.Scanner``, ``missiongraph.scan``).

A scanner tries its alternation only where an alias's first word occurs; these tests build texts from the
aliases themselves, cut, re-cased, glued to letters, digits, accents and punctuation, and compare with
``regex.finditer`` over the whole text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongraph.extract import lookup, missions
from missiongraph.gazetteer import Scanner, load
from missiongraph.scan import leading_word, lowered, present_runs, word_starts

MATCHERS = {
    "missions": lambda: missions._missions().matcher,
    "organisations": lambda: lookup._organisations()[0],
    "countries": lambda: lookup._countries(),
}


def _aliases(name: str) -> list[str]:
    entries = load(name)
    out = []
    for e in entries:
        out += [e["id"], e.get("name") or "", e.get("name_nl") or "", *e["aliases"]]
    return [a for a in out if a and a.strip()]


GLUE = ["", " ", "-", "\n", "(", ")", "'", "\u201c", "\u00ab", "1", "x", "é", "É", ".", ",", "/", "_", "\u0130",
        "\u212a", "ſ", "  ", "\t"]


def texts(aliases: list[str]):
    piece = st.one_of(
        st.sampled_from(aliases),
        st.sampled_from(aliases).map(str.upper),
        st.sampled_from(aliases).map(str.lower),
        st.sampled_from(aliases).map(str.title),
        st.sampled_from(aliases).flatmap(lambda a: st.integers(0, len(a)).map(lambda i: a[:i])),
        st.sampled_from(GLUE),
        st.text(alphabet="abcdeimnorstuEIMNU-éÉ ", max_size=6),
    )
    return st.lists(piece, max_size=12).map("".join)


@pytest.mark.parametrize("name", sorted(MATCHERS))
def test_scanner_equals_full_scan_on_generated_texts(name):
    matcher = MATCHERS[name]()

    @settings(max_examples=400, deadline=None)
    @given(texts(_aliases(name)))
    def check(text):
        full = [(m.span(), m.group()) for m in matcher.regex.finditer(text)]
        fast = [(m.span(), m.group()) for m in matcher.matches(text)]
        assert fast == full

    check()


@pytest.mark.parametrize("text, expected", [
    ("In Mali en Irak1 en de NAVO", ["Mali", "Irak"]),           # a digit may follow a name (footnotes)
    ("«Mali» en “Irak”", ["Mali", "Irak"]),                        # quotes glued to a name
    ("Malinese troepen in Somalië", ["Somalië"]),                 # not inside a longer word
    ("ZUID-SOEDAN en Zuid Soedan", ["ZUID-SOEDAN", "Zuid Soedan"]),
    ("Côte d'Ivoire", ["Côte d'Ivoire"]),                          # an accented letter in the first word
])
def test_countries_table(text, expected):
    assert [m.group() for m in lookup._countries().matches(text)] == expected
    assert [m.group() for m in lookup._countries().regex.finditer(text)] == expected


@pytest.mark.parametrize("phrase, word", [
    ("Mali", "mali"), ("G5-Sahel", "g"), ("d'Ivoire", "d"), ("Côte", "c"), ("1 GNC", "1"), ("'s-Gravenhage", None),
    ("\u00c9ire", None),
])
def test_leading_word(phrase, word):
    assert leading_word(phrase) == word


def test_an_alias_that_starts_with_no_letter_is_still_found():
    scanner = Scanner(["'s-Gravenhage", "Éire"])
    text = "Naar 's-Gravenhage en naar ÉIRE, niet naar x's-Gravenhage."
    assert [m.group() for m in scanner.finditer(text)] == [m.group() for m in scanner.regex.finditer(text)] \
        == ["'s-Gravenhage", "ÉIRE"]


def test_lowered_keeps_offsets_and_words_are_runs():
    text = "İstanbul, Kelvin \u212a, ſoldaat: MALI-missie 2021"
    assert len(lowered(text)) == len(text)
    assert sorted(present_runs(text, frozenset({"istanbul", "mali", "missie", "2021", "k", "soldaat", "ist"}))) == \
        ["2021", "istanbul", "k", "mali", "missie", "soldaat"]
    assert word_starts(text, frozenset({"mali", "nowhere"})) == [text.index("MALI")]


def test_words_are_learnt_as_they_are_asked_for():
    """A word no rule asked for before is found with ``str.find`` in the text that asks, and by the one pass of
    the automaton in the texts after; whole runs only for runs, every (overlapping) occurrence for strings."""
    from missiongraph.scan import _VOCABULARY, find_lowered, run_positions

    first = "Zqxv-overleg: zqxvzqxv en ZQXV."
    runs, strings, _ = _VOCABULARY.state
    assert "zqxv" not in runs and "zqxvzq" not in strings
    assert find_lowered(first, ("zqxvzq",)) == [14]
    assert run_positions(first, "zqxv") == [0, 26]
    runs, strings, _ = _VOCABULARY.state
    assert "zqxv" in runs and "zqxvzq" in strings
    assert find_lowered(first, ("v-over", "zqxv.")) == [3, 26]        # not letters only: where its longest run is
    assert "v-over" not in _VOCABULARY.state[1]
    second = "zqxvzqxvzq, Zqxv"
    assert find_lowered(second, ("zqxvzq",)) == [0, 4]
    assert run_positions(second, "zqxv") == [12]
    assert word_starts(second, frozenset({"zqxv", "nowhere"})) == [12]
