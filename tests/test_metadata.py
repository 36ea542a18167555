"""Specification of the document metadata rules (kind, reference, title) and of the cheap tests they make before a
pattern is tried: the forms a test must let through and near misses that must give nothing.
"""

from __future__ import annotations

import pytest

from missiongraph.extract.metadata import kind, reference, title
from missiongraph.extract.text import normalise

KINDS = [
    # internal memos: a header line of its own, decorated by the conversion from PDF or DOCX, or naming its addressee
    ("# nota\nOnderwerp", "nota"),
    ("**Nota**\n\n**Aan**  \nMinister\n\n**Datum**  \n11 april 2013", "nota"),
    ("NOTA\n\nAan: de minister", "nota"),
    ("Aan\nVan\n\n## **Nota**\n\nInzet in Mali", "nota"),
    ("__Nota__  \nDatum 3 mei 2022", "nota"),
    ("Nota aan de minister\n\nDatum 3 mei 2022", "nota"),
    ("**NOTA AAN DE MINISTER VAN BUITENLANDSE ZAKEN**\n", "nota"),
    ("Nota voor de staatssecretaris van Defensie\n", "nota"),
    ("Nota aan DGPZ\n", "nota"),
    ("Nota aan de ministerraad\n", "nota"),
    ("# Beslisnota\n\nOnderwerp", "nota"),
    ("Informatienota\n", "nota"),
    ("**Nota**\n\n**Onderwerp**  \nKabinetsreactie op de evaluatie van KFOR", "nota"),   # a memo about a response
    ("**TER BESLISSING**\n\nDatum", "nota"),
    ("**ter informatie** aan de minister", "nota"),
    ("Nr. 128 MOTIE VAN HET LID PIETER OMTZIGT", "motie"),
    ("Nr. 12 GEWIJZIGDE MOTIE VAN DE LEDEN X EN Y", "motie"),
    ("Nr. 5 AMENDEMENT VAN HET LID X", "amendement"),
    ("Nr. 2234 VERSLAG VAN EEN COMMISSIEDEBAT", "verslag"),
    ("Verslag van een schriftelijk overleg", "verslag"),
    ("Handelingen\nTweede Kamer", "verslag"),
    ("Tekst\nAan de orde is de motie", "verslag"),
    ("LIJST VAN VRAGEN EN ANTWOORDEN", "verslag"),
    ("In deze beleidsreactie", "beleidsreactie"),
    ("KABINETSREACTIE op de evaluatie", "beleidsreactie"),
    ("Nr. 423 BRIEF VAN DE MINISTER VAN DEFENSIE", "brief"),
    ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "brief"),
    ("bij de behandeling van de wet.\nDen Haag, 1 mei 2020", "brief"),   # "handeling" is no Handelingen line
    ("aldus minister Brekelmans.", "nieuws"),
    ("De ministerraad heeft vandaag besloten", "nieuws"),
    ("meldt minister Ollongren", "nieuws"),
    # near misses
    ("Deze motie is ingediend bij de behandeling van Kamerstuk 21 501-28, nr. 2048.", None),
    ("Dit is volgens Den Haag, 9 oktober 2022", None),                    # not at the start of a line
    ("Mededelingen van de nota van wijziging", None),
    # the word nota, but no memo header: Kamerstukken, a policy paper, a diplomatic note, other words, a list item
    ("Nr. 7 NOTA VAN WIJZIGING\n\nOntvangen 5 november 2020", None),
    ("Nr. 8 NOTA NAAR AANLEIDING VAN HET VERSLAG\n\nOntvangen 3 mei 2021", None),
    ("Nota naar aanleiding van het verslag\n", None),
    ("Nota Ruimte\n", None),
    ("Nota verbale\n", None),
    ("Notabene: de termijn loopt af.", None),
    ("Nota bene\n", None),
    ("Nota's\n", None),
    ("Nota-overleg\n", None),
    ("Nota aan de Kamer\n", None),
    ("Nr. 2 VERSLAG VAN EEN NOTAOVERLEG\n\nVastgesteld 1 mei 2020", "verslag"),
    ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nHierbij zend ik u de nota over Mali.\nNota's "
     "volgen.", "brief"),
    ("Den Haag, 1 juni 2022\n\n1. Nota aan de minister d.d. 3 mei 2022\n", "brief"),        # an inventory item
    ("Over de missie in Mali", None),
]


@pytest.mark.parametrize("text,expected", KINDS)
def test_kind(text, expected):
    found = list(kind(normalise(text)))
    assert (found[0].value if found else None) == expected


def test_kind_is_read_in_the_head_only():
    assert list(kind(normalise("x" * 1500 + "\nNr. 5 MOTIE VAN HET LID X"))) == []


REFERENCES = [
    ("Onze referentie\nBZ-2021/123", "BZ-2021/123"),
    ("**Ons kenmerk** DVB/CV-123/21", "DVB/CV-123/21"),
    ("ONZE REFERENTIE: MinBuza.2021.1234", "MinBuza.2021.1234"),
    ("Onze ref. DJZ/123", "DJZ/123"),
    ("Datum 1 mei 2020\nKenmerk: BS2021012345", "BS2021012345"),
    # near misses
    ("Kenmerk: 29521-227", None),                                       # a Kamerstuk, not a reference
    ("Tekst met kenmerk ABC-123 erin", None),                           # not a field
]


@pytest.mark.parametrize("text,expected", REFERENCES)
def test_reference(text, expected):
    found = list(reference(normalise(text)))
    assert (found[0].value if found else None) == expected


TITLES = [
    ("# Nota\nInzet in Mali\n\nTekst", "Inzet in Mali"),
    ("Nota\nInzet in de Sahel en Mali", "Inzet in de Sahel en Mali"),   # no "#": not the nota form
    ("29 521 Nederlandse deelname aan vredesmissies\n\nNr. 423 BRIEF VAN DE MINISTER VAN DEFENSIE\n",
     "Nederlandse deelname aan vredesmissies: Brief van de minister van Defensie"),
]


@pytest.mark.parametrize("text,expected", TITLES)
def test_title(text, expected):
    assert [m.value for m in title(normalise(text))] == [expected]
