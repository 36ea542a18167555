"""Specification of the reference rules: Kamerstukken, Tweede Kamer ids, UN Security Council resolutions.

Each table row is a Dutch input as it occurs in real documents (PDF damage included) and what must come out.
"""

from __future__ import annotations

import pytest

from missiongraph.extract import extract, summarise
from missiongraph.extract.references import kamerstukken, own_number, resolutions, tk_ids
from missiongraph.extract.text import normalise


def cited(text: str) -> list[str]:
    """Kamerstuk values cited (not the document's own number), in order, duplicates removed."""
    text = normalise(text)
    return list(dict.fromkeys(m.value for m in kamerstukken(text) if m.role != "self"))


def own(text: str) -> str | None:
    return summarise(extract(text))["self"]


def res(text: str) -> list[str]:
    return list(dict.fromkeys(m.value for m in resolutions(normalise(text))))


# ---------------------------------------------------------------------------------------------------------
# Kamerstuk citations
# ---------------------------------------------------------------------------------------------------------

CITATIONS = [
    # lists where a three-digit number is followed by a four-digit one (not a year)
    ("Kamerstukken II 2016/17, 28 676, nr. 999 en 1002", ["28676-1002", "28676-999"]),
    ("Kamerstuk 28 676, nrs. 999, 1002 en 1003", ["28676-1002", "28676-1003", "28676-999"]),
    ("Kamerstuk 29 521, nrs. 12, 2014", ["29521-12"]),                          # 2014 is a year here
    # the standard forms
    ("(Kamerstuk 29 521, nr. 451)", ["29521-451"]),
    ("zie ook Kamerstuk 29521, nr. 451.", ["29521-451"]),
    ("kamerstuk 29 521, nr. 451", ["29521-451"]),
    ("Kamerstukken II 2019/20, 29 521, nr. 451", ["29521-451"]),
    ("Kamerstukken II 2013/14, 29 521, nr. 219, blz. 3", ["29521-219"]),
    ("Kamerstuk II, 2019-2020, 27 925 nr. 697 en 699", ["27925-697", "27925-699"]),
    ("Kamerstuk II, 2019–2020, 27 925 nr. 697 en 699", ["27925-697", "27925-699"]),   # en dash
    ("Kamerstukken II 2013/14, 29 521, nrs. 219 en 220", ["29521-219", "29521-220"]),
    ("(Kamerstuk 29 521, nrs. 12–14)", ["29521-12", "29521-13", "29521-14"]),
    ("(Kamerstuk 29 521, nrs. 12 t/m 14)", ["29521-12", "29521-13", "29521-14"]),
    ("Kamerstukken 29 521, nrs. 1, 2 en 3", ["29521-1", "29521-2", "29521-3"]),
    ("Kamerstuk 29 521, nr. 451 en nr. 452", ["29521-451", "29521-452"]),
    ("Kamerstuk 29 521 nr. 449 bevestigt", ["29521-449"]),                        # no comma
    ("Kamerstuknummer 29 521, nr. 90", ["29521-90"]),
    ("TK 2013-2014, 29 521, nr. 219", ["29521-219"]),
    # letter numbers
    ("(Kamerstuk 27925, AB van 20 mei 2020)", ["27925-AB"]),
    ("(Kamerstuk 27925, nr. AB)", ["27925-AB"]),
    ("Toetsingskader 2014 (Kamerstuk 29 521, nr. D), lopen", ["29521-D"]),
    ("Kamerstukken I 2014/15, 29 521, I", ["29521-I"]),
    ("Kamerstukken I 2014/15, 34 000 V, A", ["34000-V-A"]),
    # sub-dossiers
    ("(zie ook Kamerstuk 35 570 V, nr. 9)", ["35570-V-9"]),
    ("Kamerstukken II 2019/20, 35 300-V, nr. 12", ["35300-V-12"]),
    ("(Kamerstuk 21 501-32, nr. 1703)", ["21501-32-1703"]),
    ("een motie ingediend (Kamerstuk 21501-32-1740).", ["21501-32-1740"]),
    ("21501-32-1740", ["21501-32-1740"]),
    ("(Kamerstuk 21 501-02, nr. 1210)", ["21501-02-1210"]),
    ("kst-35570-V-9", ["35570-V-9"]),
    # without the word Kamerstuk
    ("operatie Althea (29 521, nr. 101).", ["29521-101"]),
    ("de brief van 7 juli 2014 (29 521, nr. 251)", ["29521-251"]),
    ("29 521, nr. 101", ["29521-101"]),
    # dash forms
    ("zie Kamerstuk 29521-274", ["29521-274"]),
    ("(kenmerk 29521–227 van 6 februari 2014)", ["29521-227"]),
    ("(kenmerk 29521-227)", ["29521-227"]),
    ("(29521-227)", ["29521-227"]),
    ("zie kst-29521-451", ["29521-451"]),
    ("https://zoek.officielebekendmakingen.nl/kst-29521-451.html", ["29521-451"]),
    ("kst-21501-02-1210", ["21501-02-1210"]),
    # Handelingen: a motion gets its number
    ("Zij krijgt nr. 427 (29521).", ["29521-427"]),
    ("Zij krijgt nr. 427 (29 521).", ["29521-427"]),
    ("Zij krijgt nr. 314, was nr. 305 (29521).", ["29521-314"]),
    ("Zij krijgt nr. 12 (21501-02).", ["21501-02-12"]),
    # one document filed in two dossiers: the number belongs to the first
    ("(Kamerstukken 33 694 en 29 521, nr. 11)", ["33694-11"]),
    ("(Kamerstukken II 2012/13, 29 521 en 32 623, nr. 1)", ["29521-1"]),
    # two references in one breath
    ("(Kamerstuk 29 521, nr. 451 en 27 925, nr. 941)", ["29521-451", "27925-941"]),
    ("(Kamerstuk 27 925, nr. 612) (Kamerstuk 27 925, nr. 617)", ["27925-612", "27925-617"]),
    # typos stay as written
    ("(Kamerstuk 29 251, nr. 311)", ["29251-311"]),
    # broken across lines, by a page or footnote number
    ("RSM Afghanistan (Kamerstuk 27 925, nr. \n\n941); Kamerbrief", ["27925-941"]),
    ("(Kamerstuk 27 925,\nnr. 941)", ["27925-941"]),
    ("(Kamerstuk 27 925, nr.\n2\n941)", ["27925-941"]),
    ("(Kamerstuk 27 925, nr. \n\n3 Zie de brief van 1 mei.\n\n941)", ["27925-941"]),
    ("(Kamerstuk 27 925,\n\n3 Zie de brief van 1 mei.\nnr. 941)", ["27925-941"]),
    # a running page head inside parentheses is a citation (older citation style)
    ("(Tweede Kamer, vergaderjaar 2005–2006, 27 925, nr. 193)", ["27925-193"]),
    # at the very start of the text; keywords in any case where the rule ignores case
    ("29 521, nr. 451 is de brief", ["29521-451"]),
    ("kst-29521-451 is de brief", ["29521-451"]),
    ("KAMERSTUK 27925, AB", ["27925-AB"]),
    ("Zij krijgt nr. 427 (29 521 II).", ["29521-II-427"]),
    ("Zij krijgt nr. 12 (21501-02) en (29 521, nr. 3)", ["21501-02-12", "29521-3"]),
]


@pytest.mark.parametrize("text,expected", CITATIONS)
def test_kamerstuk_citations(text, expected):
    assert cited(text) == expected


NOT_KAMERSTUKKEN = [
    "In 2014 besloot het kabinet; in 2019 en 2022 opnieuw.",              # years
    "De kosten bedragen € 29 521 per jaar.",                               # amount
    "De kosten bedragen 12 500 euro, nr. 3 op de lijst",                   # amount before "nr."? still not
    "In overeenstemming met artikel 100 van de Grondwet",                  # article number
    "artikel 100-brief van 24 september 2014",
    "zie blz. 12 en p. 13-14",                                             # page numbers
    "Telefoon 070 348 6486",                                               # phone number
    "Telefoon 070-3486486",
    "ISSN 0921 - 7371 ’s-Gravenhage 2014",                                 # ISSN
    "ISSN 0921 - 7371",
    "op 18 december 2015 en 2021-11-11",                                   # dates
    "Onderdeel van zaak 2021Z18124:",                                      # TK zaak id
    "Nummer: 2021D41047, datum: 2021-11-11",                               # TK document id
    "https://zoek.officielebekendmakingen.nl/h-tk-20132014-36-13.html",    # Handelingen id
    "Handelingen II 2013/14, nr. 36, item 13",                             # Handelingen reference
    "Tweede Kamer der Staten-Generaal2013-2014nr. 36, item 13",
    "Kamerstukken 29 521 en 32 623",                                       # dossiers without a number
    "Kamerstuk 29 521",
    "27 925 Bestrijding internationaal terrorisme",                        # dossier title line
    "tussen 10000-2000 militairen",                                        # range of numbers
    "Het vervoerde in 300 vluchten 700.000 kilo vracht, zo'n 1.500 mensen",
    "Nr. 403 BRIEF VAN DE MINISTERS",                                      # number without dossier
    "zie nr. 12 van de lijst",
    "Stcrt. 2014, 12345",
    "xkst-29521-451",                                                      # glued to a word
    "bedragen € 29 521, nr. 3",                                            # excluded context, any case
    "ARTIKEL 29 521, nr. 3",
    "Zie Pag. 29 521, nr. 3",
    "Handelingen II 29 521, nr. 3",
]


@pytest.mark.parametrize("text", NOT_KAMERSTUKKEN)
def test_not_kamerstukken(text):
    assert cited(text) == []


def test_mention_spans_are_surface_text():
    text = normalise("Zie Kamerstuk 27 925, nr. \n\n941 en (29 521, nr. 101) en kst-29521-451.")
    for m in kamerstukken(text):
        assert text[m.start:m.end] == m.text
        assert m.kind == "kamerstuk"


# ---------------------------------------------------------------------------------------------------------
# The document's own number
# ---------------------------------------------------------------------------------------------------------

SELF = [
    # Kamerstuk header (officielebekendmakingen)
    ("29 521 Nederlandse deelname aan vredesmissies\n\nNr. 309 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN\n\n"
     "Den Haag, 18 december 2015\n\nverzoek (Kamerstuk 29 521, nr. 227 van 6 februari 2014)", "29521-309"),
    ("29 521\nNederlandse deelname aan vredesmissies\n\nnr. 109\nVERSLAG VAN EEN ALGEMEEN OVERLEG", "29521-109"),
    ("21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken\n\nNr. 1210 MOTIE VAN HET LID JASPER VAN DIJK",
     "21501-02-1210"),
    ("29 521 Nederlandse deelname aan vredesmissies\n34 952 Investeren in Perspectief\n"
     "Nr. 403 BRIEF VAN DE MINISTERS", "29521-403"),                      # two dossiers: the first
    ("29 521 Nederlandse deelname aan vredesmissies Nr. 309 BRIEF VAN DE MINISTERS", "29521-309"),   # one line
    ("36 200 V Vaststelling van de begrotingsstaten\n\nNr. 12 BRIEF VAN DE MINISTER", "36200-V-12"),
    # Eerste Kamer: letter number on its own line, footer kst id
    ("Eerste Kamer der Staten-Generaal\n1\nVergaderjaar 2014–2015\n29 521\nNederlandse deelname aan "
     "vredesmissies\nI\nBRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN", "29521-I"),
    ("29 521 Nederlandse deelname aan vredesmissies\n\nI BRIEF VAN DE MINISTERS", "29521-I"),
    ("De aanwezigheid van de VN-missie.\nkst-29521-I ISSN 0921 - 7371 ’s-Gravenhage 2014\nDe eerste", "29521-I"),
    ("tekst\nkst-29521-309 ISSN 0921 - 7371 ’s-Gravenhage 2015", "29521-309"),
    # scraped pages
    ("Kamerstuk 29521-274\n\nVerslag van een algemeen overleg", "29521-274"),
    ("Kamerstuk 29521, nr. 309 | Overheid.nl > Officiële bekendmakingen\n", "29521-309"),
    ("Kamerstuk\n\nDatum publicatieOrganisatieVergaderjaarDossier- en ondernummer\n"
     "Tweede Kamer der Staten-Generaal2017-201827925 nr. 630\n\n", "27925-630"),
    ("Kamerstuk\n\nDatum publicatieOrganisatieVergaderjaarDossier- en ondernummer\n"
     "Tweede Kamer der Staten-Generaal2012-201321501-02 nr. 1210\n", "21501-02-1210"),
    ("Gepubliceerd: 8 juni 2009\nBron: https://zoek.officielebekendmakingen.nl/kst-29521-109.html\nID: 29521-109",
     "29521-109"),
    ("Nummer: 2021D41047, datum: 2021-11-11\nofficiële HTML versie (kst-29521-433).\n"
     "Onderdeel van kamerstukdossier 29521 -433 Nederlandse deelname aan vredesmissies.", "29521-433"),
    # running page head of a PDF, also as the first line
    ("tekst van de brief\nTweede Kamer, vergaderjaar 2015–2016, 29 521, nr. 309 2\nmeer tekst", "29521-309"),
    ("Tweede Kamer, vergaderjaar 2015–2016, 29 521, nr. 309 2\nmeer tekst", "29521-309"),
    # a header line after another line, indented; metadata labels glued to a word are none
    ("Titel\n 29 521 Nederlandse deelname\n\nNr. 309 BRIEF VAN DE MINISTER", "29521-309"),
    ("tekst ID: 29521-109", "29521-109"),
    ("xID: 29521-109", None),
    ("xkst-29521-I ISSN 0921 - 7371", None),
    # no own number
    ("Handeling\n\nTweede Kamer der Staten-Generaal2013-2014nr. 36, item 13\n\n13 Nederlandse bijdrage", None),
    ("In deze brief ontvangt u de beleidsreactie (Kamerstuk 29 521, nr. 451).", None),
    ("Nederland draagt opnieuw met militairen bij aan vredesmissie in Bosnië", None),
]


@pytest.mark.parametrize("text,expected", SELF)
def test_own_number(text, expected):
    assert own(text) == expected
    assert own_number(normalise(text)) == expected


def test_own_number_is_not_a_citation():
    text = ("29 521 Nederlandse deelname aan vredesmissies\n\nNr. 339 VERSLAG VAN EEN ALGEMEEN OVERLEG\n\n"
            "over de brief (Kamerstuk 29 521, nr. 309) en kst-29521-339 ISSN 0921 - 7371")
    summary = summarise(extract(text))
    assert summary["self"] == "29521-339"
    assert summary["kamerstukken"] == ["29521-309"]
    roles = {m.value: m.role for m in kamerstukken(normalise(text))}
    assert roles == {"29521-339": "self", "29521-309": ""}


def test_self_mention_exists_even_without_citation_form():
    text = normalise("29 521 Nederlandse deelname aan vredesmissies\n\nNr. 309 BRIEF VAN DE MINISTER")
    ms = kamerstukken(text)
    assert [(m.value, m.role) for m in ms] == [("29521-309", "self")]
    assert text[ms[0].start:ms[0].end] == ms[0].text


# ---------------------------------------------------------------------------------------------------------
# Tweede Kamer zaak and document ids
# ---------------------------------------------------------------------------------------------------------

TK_IDS = [
    ("Onderdeel van zaak 2021Z18124:", [("2021Z18124", "zaak")]),
    ("Nummer: 2021D41047, datum: 2021-11-11", [("2021D41047", "document")]),
    ("https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?did=2020D10801&id=2020D10801",
     [("2020D10801", "document"), ("2020D10801", "document")]),
    ("2021X18124 en 21Z18124 en 2021Z181245", []),
    ("2021D41047 is het nummer", [("2021D41047", "document")]),            # at the very start
    ("zaak 2021Z18124 en document 2021D41047", [("2021Z18124", "zaak"), ("2021D41047", "document")]),
    ("x2021D41047 en 12021D41047 en 2021d41047", []),                      # glued, or lower case
]


@pytest.mark.parametrize("text,expected", TK_IDS)
def test_tk_ids(text, expected):
    assert [(m.value, m.attrs["type"]) for m in tk_ids(normalise(text))] == expected


# ---------------------------------------------------------------------------------------------------------
# UN Security Council resolutions
# ---------------------------------------------------------------------------------------------------------

RESOLUTIONS = [
    ("besluit tot beëindiging van MINUSMA (VNVR Resolutie 2690)", ["2690"]),
    ("bekrachtigd met VN-resolutie 2364, is er meer aandacht", ["2364"]),
    ("als gevolg van VNVR-resolutie 2164. In deze brief", ["2164"]),
    ("Met unanieme aanvaarding van VN-resolutie 2100 heeft", ["2100"]),
    ("resolutie 2100 (2013) van de Veiligheidsraad", ["2100"]),
    ("onder UNSCR 1701 opereert UNIFIL", ["1701"]),
    ("UNSCR's 1325 en 1820", ["1325", "1820"]),
    ("S/RES/2690 (2023)", ["2690"]),
    ("Veiligheidsraadresolutie 2100", ["2100"]),
    ("VN-Veiligheidsraadresolutie 2100", ["2100"]),
    ("VN Veiligheidsraad resolutie 2085", ["2085"]),
    ("de resoluties 2100 en 2164", ["2100", "2164"]),
    ("resoluties 2100 (2013), 2164 (2014) en 2227 (2015)", ["2100", "2164", "2227"]),
    ("Resolutie 1325 over vrouwen, vrede en veiligheid", ["1325"]),
    ("Security Council resolution 2371", ["2371"]),
    ("De Veiligheidsraad nam resolutie 1973 aan", ["1973"]),                # year-like, Council named
    ("VN-resolutie nr. 2100", ["2100"]),
    ("RESOLUTIE 2100 van de Veiligheidsraad", ["2100"]),
    ("VNVR-RESOLUTIE 2364", ["2364"]),
    ("UNSCR 1701 is leidend", ["1701"]),
    ("Resolutions 2100 and 2164", ["2100", "2164"]),
]


@pytest.mark.parametrize("text,expected", RESOLUTIONS)
def test_resolutions(text, expected):
    assert res(text) == expected


def test_resolution_year_attribute():
    found = resolutions(normalise("resolutie 2100 (2013) en S/RES/2690 (2023) en VN-resolutie 2364"))
    assert sorted((m.value, m.attrs.get("year")) for m in found) == [("2100", 2013), ("2364", None),
                                                                      ("2690", 2023)]


NOT_RESOLUTIONS = [
    "de motie 2100 van het lid Van Dijk",                                   # a motion
    "een resolutie van het Europees Parlement uit 2019",                    # another body, no number
    "EP-resolutie 2019/2819(RSP)",                                          # EU Parliament
    "EU-resolutie 2164",
    "AVVN-resolutie 68/262 over Oekraïne",                                  # General Assembly
    "resolutie 68/262 van de Algemene Vergadering",
    "Algemene Vergadering resolutie 2758",
    "Kamerresolutie 2100",
    "de resolutie 2014 werd besproken",                                     # a year
    "resolutie in 2014",
    "resolutie 12",                                                         # too small without a prefix
    "ReSoLuTie 2100",                                                       # only these three spellings
]


@pytest.mark.parametrize("text", NOT_RESOLUTIONS)
def test_not_resolutions(text):
    assert res(text) == []
