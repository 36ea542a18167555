"""Specification of the structure rules (findings, recommendations, stances, commitments, evaluations) and of the
cheap tests they make before a pattern is tried: each table holds the forms a test must let through (any case,
odd spacing, at the very start of the text) and near misses that must give nothing.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongraph.extract import extract, summarise
from missiongraph.extract.structure import (commitments, findings_and_recommendations, labelled_items, line_starts,
                                            lowered, matches_at, occurrences)
from missiongraph.extract.text import normalise

# ---------------------------------------------------------------------------------------------------------
# The helpers behind the cheap tests
# ---------------------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAbBkK \n\u0130\u0131\u017f\u212a\u00e9\u20ac\u201c"), max_size=40))
def test_lowered_keeps_offsets_and_every_case_insensitive_ascii_match(text):
    low = lowered(text)
    assert len(low) == len(text) and low.isascii()
    for word in ("ab", "ks", "ik", "bak"):
        for m in re.finditer(word, text, re.IGNORECASE):
            assert low[m.start():m.end()] == word


def test_lowered_examples():
    assert lowered("Aanbeveling İ ı ſ K é € “x”") == "aanbeveling i i s k ? ? ?x?"


def test_occurrences_and_line_starts():
    text = "ab\ncd ab\n\nab ab"
    assert occurrences(text, ("ab", "b\nc")) == [0, 1, 6, 10, 13]
    assert line_starts(text, [0, 1, 6, 10, 13]) == [0, 3, 10]
    assert line_starts("no break", [3, 5]) == [0]
    assert line_starts(text, []) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab- \n"), max_size=30),
       st.sampled_from([r"\bab\b", r"(?m)^a+b?$", r"a-?b", r"(?<!b)ab|ba\b"]))
def test_matches_at_every_start_is_finditer(text, pattern):
    rx = re.compile(pattern)
    expected = [m.span() for m in rx.finditer(text)]
    assert [m.span() for m in matches_at(rx, text, range(len(text) + 1))] == expected
    # only the positions where a match starts are needed
    assert [m.span() for m in matches_at(rx, text, [s for s, _ in expected])] == expected


# ---------------------------------------------------------------------------------------------------------
# Findings, recommendations and the stances on them
# ---------------------------------------------------------------------------------------------------------

def items(text: str) -> list[tuple[str, str, str | None, str]]:
    return [(m.kind, m.value, m.attrs.get("stance"), m.attrs.get("text", ""))
            for m in findings_and_recommendations(normalise(text))]


ITEMS = [
    # numbered items under a section heading: any case, double-spaced PDF text
    ("Conclusies\n\n1. De missie sloot aan.\n\n2. De inzet was effectief.\n",
     [("finding", "1", None, "De missie sloot aan."), ("finding", "2", None, "De inzet was effectief.")]),
    ("Inleiding\n\nCONCLUSIES EN AANBEVELINGEN\n\n1. De missie sloot aan.\n\n1.1. Pas het format aan.\n",
     [("finding", "1", None, "De missie sloot aan."), ("recommendation", "1.1", None, "Pas het format aan.")]),
    ("Tekst\n\n\n\nHoofdconclusies\n\n\n\n1. De missie sloot aan.\n\n\n\n2. De inzet was effectief.\n\n\n\n",
     [("finding", "1", None, "De missie sloot aan."), ("finding", "2", None, "De inzet was effectief.")]),
    # labelled items, also at the very start of the text
    ("Hoofdbevinding 1: \"De missie was relevant.\"\nBevinding 2 - De steun was beperkt.\n",
     [("finding", "1", None, "De missie was relevant."), ("finding", "2", None, "De steun was beperkt.")]),
    ("- Aanbeveling 2.1: Pas het format aan.\n", [("recommendation", "2.1", None, "Pas het format aan.")]),
    # stances on numbered targets, any case of the noun, white space before the numbers
    ("Het kabinet onderschrijft aanbevelingen 2.2 en 3.1 volledig, en de aanbeveling \t2.1 ten dele.",
     [("recommendation", "2.1", "partial", ""), ("recommendation", "2.2", "full", ""),
      ("recommendation", "3.1", "full", "")]),
    ("Het kabinet deelt BEVINDINGEN 1 en 2 deels en 3 t/m 4 volledig.",
     [("finding", "1", "partial", ""), ("finding", "2", "partial", ""), ("finding", "3", "full", ""),
      ("finding", "4", "full", "")]),
    ("Het kabinet deelt conclusie\u017f 3 volledig.", [("finding", "3", "full", "")]),  # "ſ" is an "s" to re
    # anaphoric stances: the item stated just before
    ("Bevinding 4: De inzet was kort.\nHet kabinet onderschrijft deze \tbevinding gedeeltelijk.",
     [("finding", "4", "partial", "De inzet was kort.")]),
    ("Hoofdbevinding 4: De inzet was kort.\nHet kabinet onderschrijft bovenstaande hoofdbevinding niet.",
     [("finding", "4", "rejected", "De inzet was kort.")]),
    ("Conclusie 4: De inzet was kort.\nWij delen deze laatste conclusie volledig.",
     [("finding", "4", "full", "De inzet was kort.")]),
    # near misses
    ("De aanbevelingen zijn besproken.\n1. De missie sloot aan.\n", []),            # no section heading
    ("Zie de conclusies en aanbevelingen hieronder.\n1. De missie sloot aan.\n", []),  # heading words in a sentence
    ("Het kabinet onderschrijft de aanbevelingen op hoofdlijnen.", []),               # no numbers
    ("Volgens bevinding 3 is de inzet effectief.", []),                               # no stance of the cabinet
    ("Bevinding 4: De inzet was kort.\nHet kabinet onderschrijft deze bevindingen gedeeltelijk.",
     [("finding", "4", None, "De inzet was kort.")]),                                 # plural: no anaphor
]


@pytest.mark.parametrize("text,expected", ITEMS)
def test_findings_and_recommendations(text, expected):
    assert items(text) == expected


def test_labels_inside_a_commitment_list_are_not_findings():
    text = normalise("Het kabinet doet de volgende toezeggingen:\n- Bevinding 1: het kabinet zal rapporteren.\n\n"
                     "De rest van de brief.\n\nBevinding 2: De steun was beperkt.\n")
    assert [(m.kind, m.value) for m in labelled_items(text)] == [("finding", "2")]


# ---------------------------------------------------------------------------------------------------------
# Commitments
# ---------------------------------------------------------------------------------------------------------

COMMITMENTS = [
    ("In het debat zegde het kabinet toe de Kamer te informeren.",
     [("1", "In het debat zegde het kabinet toe de Kamer te informeren.", None)]),
    ("ZEGDE DE MINISTER TOE", [("1", "ZEGDE DE MINISTER TOE", None)]),
    ("Daarop zegde de minister nogmaals toe dat dit gebeurt.",
     [("1", "Daarop zegde de minister nogmaals toe dat dit gebeurt.", None)]),
    ("Het kabinet doet de volgende toezeggingen:\n- Bevinding 1: het kabinet zal rapporteren.\n"
     "- Aanbeveling 2.1: het format wordt aangepast.\nDe rest.",
     [("1", "het kabinet zal rapporteren.", "1"), ("2", "het format wordt aangepast.", None)]),
    # near misses: "zeg" inside a word, a list announced differently
    ("Er zijn toezeggingen gedaan en het kabinet heeft dit toegezegd.", []),
    ("Het kabinet doet de toezeggingen:\n- Bevinding 1: het kabinet zal rapporteren.\n", []),
]


@pytest.mark.parametrize("text,expected", COMMITMENTS)
def test_commitments(text, expected):
    found = commitments(normalise(text))
    assert [(m.value, m.attrs["text"], m.attrs.get("finding")) for m in found] == expected


# ---------------------------------------------------------------------------------------------------------
# Evaluations (a linker: needs the mission mentions, so through the whole extractor)
# ---------------------------------------------------------------------------------------------------------

EVALUATIONS = [
    ("De IOB-eindevaluatie van MINUSMA tussen 2014 en 2019 is verschenen.", ["iob-minusma-2014-2019"]),
    ("De mid-term evaluatie van UNIFIL 2015-2018 volgt.", ["evaluatie-unifil-2015-2018"]),
    ("De tussentijdse evaluatie van UNIFIL (2015-2018) volgt.", ["evaluatie-unifil-2015-2018"]),
    ("De onafhankelijke evaluatie van MINUSMA 2014-2019.", ["evaluatie-minusma-2014-2019"]),
    ("De Beleidsevaluatie MINUSMA 2014-2019.", ["iob-minusma-2014-2019"]),
    ("DE EVALUATIE VAN MINUSMA 2014-2019", ["evaluatie-minusma-2014-2019"]),
    ("Evaluatie van MINUSMA 2014-2019", ["evaluatie-minusma-2014-2019"]),          # at the very start
    ("De evaluaties van MINUSMA 2014-2019", []),                                    # plural
    ("De herevaluatie van MINUSMA 2014-2019", []),                                  # inside a word
]


@pytest.mark.parametrize("text,expected", EVALUATIONS)
def test_evaluations(text, expected):
    assert summarise(extract(text))["evaluations"] == expected


@pytest.mark.parametrize("text,expected", [
    # the quoted title right after the word names the report, also for its later mentions
    ('De IOB-evaluatie: "Bijdrage aan MINUSMA 2014-2019" verscheen. Later: de IOB-evaluatie van MINUSMA 2014-2019.',
     ["Bijdrage aan MINUSMA 2014-2019", "Bijdrage aan MINUSMA 2014-2019"]),
    # a quotation further on is not the title
    ('De IOB-evaluatie van MINUSMA 2014-2019 met de titel "Bijdrage aan MINUSMA" verscheen.', [None]),
])
def test_evaluation_report_title(text, expected):
    assert [m.attrs["report_title"] for m in extract(text) if m.kind == "evaluation"] == expected
