"""Specification of the ministry rule (missiongraph.extract.ministries) and its gazetteer (data/ministries.yaml).

Each row: a Dutch fragment and the set of canonical ministries (as the gold writes them) the rule must report.
"""

from __future__ import annotations

import pytest

from missiongraph.extract.ministries import find_ministries, ministry_at
from missiongraph.extract.text import normalise
from missiongraph.gazetteer import load

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
