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
from missiongraph.extract.responses.document import responses
from missiongraph.extract.responses.layout import commitment_lists, labelled_items
from missiongraph.scan import line_starts, lowered, matches_at, occurrences
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
    """The numbered items the responses rule finds, as (kind, number, stance, text), by kind and number; and the
    collective ones as (kind, "alle", stance, "")."""
    found = [m for m in responses(normalise(text)) if m.kind in ("finding", "recommendation")
             and (m.attrs.get("number") or m.attrs.get("collective"))]
    return sorted([(m.kind, m.value, m.attrs.get("stance"), "" if m.attrs.get("collective") else
                    m.attrs.get("text", "")) for m in found],
                  key=lambda i: (i[0], [int(x) if x.isdigit() else 999 for x in i[1].split(".")]))


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
    # the recommendations as a whole: one collective item
    ("Het kabinet onderschrijft de aanbevelingen op hoofdlijnen.", [("recommendation", "alle", "partial", "")]),
    ("Volgens bevinding 3 is de inzet effectief.", []),                               # no stance of the cabinet
    # a plural anaphor after one item: the findings as a whole
    ("Bevinding 4: De inzet was kort.\nHet kabinet onderschrijft deze bevindingen gedeeltelijk.",
     [("finding", "4", None, "De inzet was kort."), ("finding", "alle", "partial", "")]),
]


@pytest.mark.parametrize("text,expected", ITEMS)
def test_findings_and_recommendations(text, expected):
    assert items(text) == expected


def test_labels_inside_a_commitment_list_are_not_findings():
    text = normalise("Het kabinet doet de volgende toezeggingen:\n- Bevinding 1: het kabinet zal rapporteren.\n\n"
                     "De rest van de brief.\n\nBevinding 2: De steun was beperkt.\n")
    assert [(m.kind, m.value) for m in labelled_items(text)] == [("finding", "2")]


_PROMISES = "Het kabinet doet de volgende toezeggingen:\n- Bevinding 1: het kabinet zal rapporteren.\n"
# The nota form (seeds/003, held-out 008): the announcement is itself a bullet, its items are nested under it.
_NOTA_PROMISES = ("- Het kabinet doet de volgende toezeggingen in de kabinetsreactie:\n"
                  "  - Bevinding 1: Defensie zal rapporteren.\n  - Bevinding 2: BZ zal bezien.\n")

# text -> the labelled items (kind, number), the commitments (number, text)
AFTER_COMMITMENTS = [
    # a label on the line right after the list is no longer in the list
    (_PROMISES + "Bevinding 3: De steun was beperkt.\n",
     [("finding", "3")], [("1", "het kabinet zal rapporteren.")]),
    (_PROMISES + "\nBevinding 3: De steun was beperkt.\n",                      # a blank line between
     [("finding", "3")], [("1", "het kabinet zal rapporteren.")]),
    (_PROMISES + "\n\n\nBevinding 3: De steun was beperkt.",                    # blank lines, no final newline
     [("finding", "3")], [("1", "het kabinet zal rapporteren.")]),
    (_PROMISES + "Aanbeveling 2.1: Pas het format aan.\n",                       # a recommendation
     [("recommendation", "2.1")], [("1", "het kabinet zal rapporteren.")]),
    (_PROMISES + "Hoofdconclusie 4 - De inzet was kort.\n",                      # other label forms
     [("finding", "4")], [("1", "het kabinet zal rapporteren.")]),
    # the nota form: a bullet less indented than the items ends the list, a finding labelled there counts
    (_NOTA_PROMISES + "- Bevinding 5: De afschrikkende werking is niet aantoonbaar.\n",
     [("finding", "5")], [("1", "Defensie zal rapporteren."), ("2", "BZ zal bezien.")]),
    (_NOTA_PROMISES + "- Belangrijke bevindingen zijn:\n  - Bevinding 10: De steun was beperkt.\n",
     [("finding", "10")], [("1", "Defensie zal rapporteren."), ("2", "BZ zal bezien.")]),
    (_NOTA_PROMISES + "\n**Datum**\n\n23 september 2022\n",                     # seeds/003: the list ends there
     [], [("1", "Defensie zal rapporteren."), ("2", "BZ zal bezien.")]),
    # near misses: a bullet as indented as the items is an item, also after a blank line
    (_PROMISES + "- Bevinding 3: het kabinet zal bezien.\n", [],
     [("1", "het kabinet zal rapporteren."), ("2", "het kabinet zal bezien.")]),
    (_PROMISES + "\n- Bevinding 3: het kabinet zal bezien.\n", [],
     [("1", "het kabinet zal rapporteren."), ("2", "het kabinet zal bezien.")]),
    (_NOTA_PROMISES + "  - Bevinding 3: J&V zal bezien.\n", [],
     [("1", "Defensie zal rapporteren."), ("2", "BZ zal bezien."), ("3", "J&V zal bezien.")]),
    # near misses: a label in running prose is no label, not after a list either
    (_PROMISES + "Zoals gezegd luidt Bevinding 3: de steun was beperkt.\n", [],
     [("1", "het kabinet zal rapporteren.")]),
    (_PROMISES + "Volgens bevinding 3 is de inzet effectief.\n", [], [("1", "het kabinet zal rapporteren.")]),
    # near miss: an unbulleted line right after the announcement is the list's first item (a commitment on
    # finding 1, not the finding), although the commitment rule reads only bullets
    ("Het kabinet doet de volgende toezeggingen:\nBevinding 1: Defensie zal rapporteren.\n", [], []),
]


@pytest.mark.parametrize("text,expected_items,expected_commitments", AFTER_COMMITMENTS)
def test_labels_after_a_commitment_list(text, expected_items, expected_commitments):
    clean = normalise(text)
    assert [(m.kind, m.value) for m in labelled_items(clean)] == expected_items
    assert [(m.value, m.attrs["text"]) for m in commitment_lists(clean)] == expected_commitments


# ---------------------------------------------------------------------------------------------------------
# Commitments
# ---------------------------------------------------------------------------------------------------------

COMMITMENTS = [
    ("In het debat zegde het kabinet toe de Kamer te informeren.",
     [("1", "In het debat zegde het kabinet toe de Kamer te informeren.", None)]),
    ("ZEGDE DE MINISTER TOE", [("1", "ZEGDE DE MINISTER TOE", None)]),
    ("Daarop zegde de minister nogmaals toe dat dit gebeurt.",
     [("1", "Daarop zegde de minister nogmaals toe dat dit gebeurt.", None)]),
    # one commitment per sentence, however many promises it holds
    ("Het kabinet zegde toe: zegde ik toe te rapporteren en zegde de minister toe te bezien.",
     [("1", "Het kabinet zegde toe: zegde ik toe te rapporteren en zegde de minister toe te bezien.", None)]),
    # a list: each item one commitment, tied to the finding its label names; no sentence commitment on top
    ("Het kabinet doet de volgende toezeggingen:\n- Bevinding 1: het kabinet zal rapporteren.\n"
     "- Aanbeveling 2.1: het format wordt aangepast.\nDe rest.",
     [("1", "het kabinet zal rapporteren.", "1"), ("2", "het format wordt aangepast.", None)]),
    # near misses: "zeg" inside a word, a promise without content, a noun
    ("Er zijn toezeggingen gedaan en het kabinet heeft dit toegezegd.", []),
    ("De zegsman van het kabinet zei toe te komen.", []),
    # a list announced differently is no list, but its bullet is a sentence with a promise
    ("Het kabinet doet de toezeggingen:\n- Bevinding 1: het kabinet zal rapporteren.\n",
     [("1", "- Bevinding 1: het kabinet zal rapporteren.", None)]),
]


def _commitments(text: str) -> list:
    return [m for m in extract(text) if m.kind == "commitment"]


@pytest.mark.parametrize("text,expected", COMMITMENTS)
def test_commitments(text, expected):
    found = _commitments(text)
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
