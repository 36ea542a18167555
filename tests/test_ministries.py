"""Specification of the ministry rule (missiongraph.extract.ministries) and its gazetteer (data/ministries.yaml).

Each row: a Dutch fragment and the set of canonical ministries (as the gold writes them) the rule must report.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missiongraph.extract import ministries as M
from missiongraph.extract.ministries import find_ministries, ministry_at
from missiongraph.extract.text import normalise
from missiongraph.gazetteer import load
from missiongraph.scan import matches_at, word_starts

BZ, DEF, BHOS = "Buitenlandse Zaken", "Defensie", "Buitenlandse Handel en Ontwikkelingssamenwerking"
JV, VJ, OS = "Justitie en Veiligheid", "Veiligheid en Justitie", "Ontwikkelingssamenwerking"
BZK = "Binnenlandse Zaken en Koninkrijksrelaties"


def ministries(text: str) -> set[str]:
    return {m.value for m in find_ministries(normalise(text))}


COUNTED = [
    # minister / ministry / state secretary / department + van|voor + name
    ("de minister van Defensie", {DEF}),
    ("De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,", {BHOS}),
    ("de onafhankelijke evaluatiedienst van het ministerie van Buitenlandse Zaken", {BZ}),
    ("de staatssecretaris van Defensie", {DEF}),
    ("het departement van Justitie en Veiligheid", {JV}),
    ("mede namens de Minister\nvan Defensie, de brief", {DEF}),
    ("overleg gevoerd met mevrouw Bijleveld, Minister van Defensie, en de heer Zijlstra", {DEF}),
    # a person's name between post and ministry
    ("Minister Opstelten van Veiligheid en Justitie", {VJ}),
    ("minister Verhagen van Buitenlandse Zaken en minister Van Middelkoop van Defensie", {BZ, DEF}),
    ("minister Veldkamp van Buitenlandse Zaken", {BZ}),
    # lists, also the upper-case letter header
    ("Nr. 309 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN, VAN DEFENSIE, VOOR BUITENLANDSE HANDEL EN "
     "ONTWIKKELINGSSAMENWERKING EN VAN VEILIGHEID EN JUSTITIE", {BZ, DEF, BHOS, VJ}),
    ("Nr. 403 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VOOR BUITENLANDSE HANDEL EN "
     "ONTWIKKELINGSSAMENWERKING", {BZ, BHOS}),
    ("Vragen aan de Ministers van Buitenlandse Zaken en van Defensie", {BZ, DEF}),
    ("de ministeries van Defensie en BZ", {DEF, BZ}),
    # in parentheses after a name
    ("op voorstel van de ministers Verhagen (Buitenlandse Zaken), Middelkoop (Defensie) en Hirsch Ballin "
     "(Binnenlandse Zaken en Koninkrijksrelaties)", {BZ, DEF, BZK}),
    # abbreviations, with and without 'Min'
    ("gedeeld met betrokken departementen (DEF, J&V en BZ)", {DEF, JV, BZ}),
    ("Voor BZ/BHOS belangrijke bevindingen", {BZ, BHOS}),
    ("ondertekend door M en R, minDEF en MinJenV", {DEF, JV}),
    ("MinDef en BuZa", {DEF, BZ}),
    ("V&J en VenJ", {VJ}),
    # one-word compounds
    ("Dat zegt Defensieminister Brekelmans", {DEF}),
    # the department itself acting, at the start of a sentence or clause
    ("opvolgende eenheden. Defensie werkt aan een nieuw systeem", {DEF}),
    ("Bevinding 6: Defensie zal bezien of", {DEF}),
    ("BZ en Defensie werken samen.", {BZ, DEF}),
    # historic names kept as written
    ("de Minister van Veiligheid en Justitie", {VJ}),
    ("De minister voor Ontwikkelingssamenwerking zal evenmin deelnemen", {OS}),
    ("de minister van Binnenlandse Zaken en Koninkrijksrelaties", {BZK}),
    # footnote numbers glued to the name
    ("de Minister van Defensie2 en de minister van Buitenlandse Zaken1", {DEF, BZ}),
    # English
    ("the Minister of Foreign Affairs and the Ministry of Defence", {BZ, DEF}),
]

NOT_COUNTED = [
    # committees
    "De vaste commissie voor Defensie, de algemene commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking",
    "de vaste commissie voor Buitenlandse Zaken1, de vaste commissie voor Defensie2 en de vaste commissie voor "
    "Europese Zaken3",
    "Ik open dit algemeen overleg van de vaste Kamercommissie voor Defensie.",
    "Volgcommissie: vaste commissie voor Defensie",
    # EU Council formations and dossier titles
    "Tijdens het algemeen overleg over de Raad Buitenlandse Zaken op 11 februari",
    "21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken",
    # foreign ministers
    "De Franse minister van Defensie sprak met de Malinese minister van Buitenlandse Zaken.",
    "De EU-ministers van Buitenlandse Zaken kwamen bijeen.",
    "de minister van Defensie van Mali",
    "de ministers van Defensie van de NAVO-bondgenoten",
    # the bare name that is not an acting department, and lower-case words
    "De begroting Defensie is verhoogd.",
    "de defensie-uitgaven en de buitenlandse zaken van het land",
    "de ministerraad heeft besloten",
    "De vaste commissies voor Buitenlandse Zaken en Defensie hebben overleg gevoerd.",
    # bodies that are not ministries
    "RDINEV, MR, SMO, OVV en IOB",
    # two-letter look-alikes inside longer words
    "BZKX, ABZ, DEFENSIEF",
]


@pytest.mark.parametrize("text, expected", COUNTED)
def test_counted(text: str, expected: set[str]) -> None:
    assert ministries(text) == expected


@pytest.mark.parametrize("text", NOT_COUNTED)
def test_not_counted(text: str) -> None:
    assert ministries(text) == set()


def test_ontwikkelingssamenwerking_is_bhos_when_bhos_is_named() -> None:
    text = ("Ik heet de minister van Buitenlandse Zaken en de minister voor Buitenlandse Handel en "
            "Ontwikkelingssamenwerking welkom. Dat ben ik eens met de minister voor Ontwikkelingssamenwerking.")
    found = list(find_ministries(text))
    assert {m.value for m in found} == {BZ, BHOS}
    short = [m for m in found if m.text == "Ontwikkelingssamenwerking"]
    assert short and short[0].attrs["as_written"] == OS


def test_committee_name_does_not_turn_os_into_bhos() -> None:
    text = ("de algemene commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking. "
            "De minister voor Ontwikkelingssamenwerking laat zich vertegenwoordigen.")
    assert ministries(text) == {OS}


@pytest.mark.parametrize("text, issuers", [
    ("Nr. 630 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN, VAN DEFENSIE", {BZ, DEF}),
    ("Hoogachtend,\n\nDe minister van Buitenlandse Zaken,  \n\n\nHanke Bruins Slot \n", {BZ}),
    ("De Minister van Defensie,\nJ.A. Hennis-Plasschaert", {DEF}),
    ("De minister van Defensie, drs. K.H. Ollongren", {DEF}),
    ("Nr. 12 Brief van de minister van Defensie\n", {DEF}),
    ("de brief van de Minister van Buitenlandse Zaken d.d. 13 oktober 2014", set()),
    ("De minister van Defensie heeft besloten.", set()),
])
def test_issuer_role(text: str, issuers: set[str]) -> None:
    assert {m.value for m in find_ministries(text) if m.role == "issuer"} == issuers


def test_spans() -> None:
    text = normalise("Nr. 1 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE; ook BZ/BHOS en MinDef.")
    found = sorted(find_ministries(text), key=lambda m: m.start)
    assert [m.text for m in found] == ["BUITENLANDSE ZAKEN", "DEFENSIE", "BZ", "BHOS", "MinDef"]
    for m in found:
        assert text[m.start:m.end] == m.text and m.kind == "ministry"


# ------------------------------------------------------------------------------------------------ gazetteer
ENTRIES = load("ministries")


def test_gazetteer_covers_the_gold_names() -> None:
    ids = {e["id"] for e in ENTRIES}
    assert {BZ, DEF, BHOS, JV, VJ, OS, BZK, "Financiën", "Algemene Zaken", "Economische Zaken",
            "Economische Zaken en Klimaat", "Europese Zaken"} <= ids


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_gazetteer_entry(entry: dict) -> None:
    assert ministry_at(entry["id"], 0) == (entry["id"], len(entry["id"]))
    for name in [entry["id"], *entry["names"]]:
        # every name is found after 'minister van' as this ministry, also in capitals
        assert ministries(f"de minister van {name} zegt") == {entry["id"]}
        assert ministries(f"BRIEF VAN DE MINISTER VAN {name.upper()}") == {entry["id"]}
    for abbreviation in entry["abbreviations"]:
        assert ministries(f"gedeeld met {abbreviation}.") == {entry["id"]}, abbreviation
    assert entry.get("post") in ("ministry", "minister")


# ------------------------------------------------------------------------------------------------ speed
# The rule regexes are tried only near the words every match contains (``anchored``), or where the word an
# abbreviation or standalone name starts with occurs (``_start_words``); cheap tests run before some regexes. These
# tests check that this finds exactly what trying the regexes everywhere finds, on texts made of the words the
# regexes look for, their near-misses, the characters that bound words, and the characters that match an ASCII
# letter case-insensitively without being one (dotted capital I, dotless i, long s, Kelvin sign: ``scan.lowered``
# makes them that letter).

SCAN_TOKENS = [
    "minister", "Minister", "MINISTER", "MiNiStEr", "ministers", "ministerie", "Ministeries", "ministry", "Ministry",
    "ministries", "staatssecretaris", "Staatssecretarissen", "departement", "bewindspersoon", "bewindslieden",
    "Defensieminister", "defensieministerie", "buitenlandministers", "defensiestaatssecretaris", "oud-minister",
    " of ", " for ", " the ", "of", "van", "voor", "Van", "VAN", "de", "De", "DE", "het", "en", "uit", "the",
    "Defensie", "defensie", "DEFENSIE", "Buitenlandse Zaken", "Buitenlandse", "buitenlandse", "Zaken", "Financiën",
    "Foreign Affairs", "Defence", "Justitie en Veiligheid", "Veiligheid & Justitie",
    "BZ", "BuZa", "BUZA", "BZK", "BZKX", "DEF", "Def", "def", "MinDef", "MINDEF", "minDEF", "Min", "MIN", "min", "Min-",
    "min-", "J & V", "j & v", "J&V", "JenV", "V&J", "EZ", "AZ", "BHOS", "BH&OS", "&", "/", "ABZ",
    "heeft", "werkt", "zal", "Bevinding 6: ", "commissie", "Raad", "(", ")", "( ", "Verhagen", "Middelkoop",
    "Franse", "EU-", "EU", "NAVO", "andere", "Nederlandse", "BRIEF VAN DE ", "Brief van de ", "Nr. 3 ", "Mali",
    "drs. ", "K.H. ", "Ollongren", ",", ".", ":", " ", "  ", "\t", "\n", "\n\n", "-", "a", "x", "1", "ı", "ſ", "İ",
    "\u212a",
]
scan_text = st.lists(st.sampled_from(SCAN_TOKENS), max_size=40).map("".join)


def _spans(matches) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


def _check_anchored(text: str) -> None:
    data = M._ministries()
    for regex, anchors in [(M._TRIGGER, M._TRIGGER_ANCHORS), (M._EN_TRIGGER, (M.POSTS,)),
                           (M._PAREN, (M._PAREN_ANCHORS,)), (data.compounds, data.compound_anchors)]:
        assert _spans(M.anchored(regex, text, *anchors)) == _spans(regex.finditer(text)), regex.pattern[:40]
    for regex, words in ((data.abbr, data.abbr_words), (data.prefixed, data.prefixed_words),
                         (data.standalone, data.standalone_words)):
        starts = word_starts(text, words)
        assert _spans(matches_at(regex, text, starts)) == _spans(regex.finditer(text)), regex.pattern[:40]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scan_text)
def test_anchored_regexes_find_what_finditer_finds(text: str) -> None:
    _check_anchored(text)


def _is_header_everywhere(text: str, trigger_start: int) -> bool:
    """_is_header without its cheap tests (the reference)."""
    if M._HEADER.search(text[max(0, trigger_start - 40):trigger_start]):
        return True
    line_start = text.rfind("\n", 0, trigger_start) + 1
    return trigger_start - line_start <= 40 and bool(M._HEADER_LINE.fullmatch(text, line_start, trigger_start))


def _is_signature_everywhere(text: str, trigger_start: int, end: int) -> bool:
    """_is_signature without its cheap test (the reference)."""
    line_start = text.rfind("\n", 0, trigger_start) + 1
    same = M._SIGNATURE_SAME_LINE.match(text, line_start)
    if same and same.end() >= end:
        return True
    m = M._SIGNATURE_LINE.match(text, line_start)
    if not m or m.end() < end:
        return False
    first = text[m.end():m.end() + 300].lstrip().split("\n", 1)[0].strip()
    return 0 < len(first) <= 60 and bool(M._SIGNATURE_NAME.match(first))


def _check_cheap_tests(text: str) -> None:
    for pos in range(len(text) + 1):
        assert M.foreign_before(text, pos) == bool(M.FOREIGN_BEFORE.search(text[max(0, pos - 40):pos])), pos
        assert M._is_header(text, pos) == _is_header_everywhere(text, pos), pos
        for end in (pos, min(len(text), pos + 12)):
            assert M._is_signature(text, pos, end) == _is_signature_everywhere(text, pos, end), pos


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scan_text)
def test_cheap_tests_agree_with_the_regexes(text: str) -> None:
    _check_cheap_tests(text)


@pytest.mark.parametrize("text, expected", [
    ("de Franse minister", True), ("de Franse \nminister", True), ("de Franse\tminister", True),
    ("EU-ministers", True), ("NAVO -minister", True), ("de Nederlandse minister", False), ("de minister", False),
    ("de Franse-minister", False), ("andere minister", True), ("de Franse  \n\nminister", False),
])
def test_foreign_before(text: str, expected: bool) -> None:
    pos = text.index("minister")
    assert M.foreign_before(text, pos) is expected
    assert bool(M.FOREIGN_BEFORE.search(text[max(0, pos - 40):pos])) is expected


@pytest.mark.parametrize("text", [
    # anchors in other cases, inside longer words, several words before the anchor, at line starts
    "DE MINISTER VAN DEFENSIE", "de ministerraad, de Minister-President en de Defensieminister Brekelmans",
    "Dat zegt DEFENSIEMINISTER Brekelmans", "the Ministry of Defence and the Minister for Foreign Affairs",
    "ministers Verhagen (Buitenlandse Zaken), Middelkoop   (Defensie)", "Middelkoop(Defensie)",
    "MinDef, minDEF, Min-BZ, MIN-DEF, minJ & V, J\n&\nV en j & v", "(DEF, J&V en BZ). Defensie werkt; BZKX",
    # characters for which lower-casing and case-insensitive matching differ: the regexes run everywhere
    "de mınister van Defensie", "de miniſter van Defensie", "İ de minister van Defensie",
])
def test_anchored_regexes_on_edge_cases(text: str) -> None:
    _check_anchored(text)


@pytest.mark.parametrize("text", [
    "DE MINISTER VAN DEFENSIE,\nJ.A. Hennis-Plasschaert\n", "  de minister van Defensie, drs. K.H. Ollongren",
    "\tDe Staatssecretaris van Defensie,\n\n\nVan der Maat\n", "De\tminister,\nJansen", "Dde minister,\nJansen",
    "Hoogachtend,\nDe minister van Buitenlandse Zaken,\n", "BRIEF VAN DE \nMINISTER", "BRIEVEN VAN HET\tMINISTERIE",
    "Nr. 12 Brief van de minister", "De Franse \nminister", "EU- ministers",
])
def test_cheap_tests_on_edge_cases(text: str) -> None:
    _check_cheap_tests(text)
