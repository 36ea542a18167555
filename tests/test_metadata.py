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
    ("Met deze brief informeer ik u over de verlenging van de bijdrage aan UNIFIL.",
     "De verlenging van de bijdrage aan UNIFIL"),
]
# The subject field of a memo form or a letterhead: label and subject on one line or on two, bold or not, in
# capitals or not; the subject runs until a blank line or the next field, over at most three lines.
MEMO = "**Nota**\n\n**Aan**  \nMinister\n\n**Datum**  \n11 april 2013\n\n"
SUBJECT_TITLES = [
    (MEMO + "**Onderwerp**  \nKabinetsreactie op de evaluatie van KFOR\n\nBeslispunten\n",
     "Kabinetsreactie op de evaluatie van KFOR"),                     # the memo form (markdown from PDF or DOCX)
    (MEMO + "**Onderwerp**\n\nKabinetsreactie op de evaluatie van KFOR\n\nBeslispunten\n",
     "Kabinetsreactie op de evaluatie van KFOR"),                     # one blank line between label and subject
    ("**Onderwerp**  \nKabinetsreactie op de IOB-evaluatie  \nvan de Nederlandse bijdrage aan MINUSMA\n**Datum**  "
     "\n3 mei 2022", "Kabinetsreactie op de IOB-evaluatie van de Nederlandse bijdrage aan MINUSMA"),   # two lines
    ("**Onderwerp:** Inzet in Mali\n**Datum:** 3 mei 2022", "Inzet in Mali"),
    ("**Onderwerp**: Inzet in Mali\n", "Inzet in Mali"),
    ("Datum: 3 mei 2022\nOnderwerp: Verlenging van de bijdrage aan EUFOR Althea\nKenmerk: BS2022-1",
     "Verlenging van de bijdrage aan EUFOR Althea"),                   # ended by the next field, no blank line
    ("Onderwerp  Verlenging van de bijdrage aan EUFOR Althea\n", "Verlenging van de bijdrage aan EUFOR Althea"),
    ("Onderwerp\tVerlenging van de bijdrage aan EUFOR Althea\n", "Verlenging van de bijdrage aan EUFOR Althea"),
    ("> Retouradres Postbus 20061 2500 EB Den Haag\n\nAan de Voorzitter van de\nTweede Kamer der Staten-Generaal\n"
     "\nDatum 24 januari 2020\nBetreft Nederlandse bijdrage aan EMASoH\n\nOns kenmerk DVB/CV-2020.12\n",
     "Nederlandse bijdrage aan EMASoH"),                               # a Kamerbrief's letterhead: one space
    ("Datum 24 januari 2020\nBetreft Kabinetsreactie op de IOB-evaluatie\nvan de bijdrage aan MINUSMA\n"
     "Ons kenmerk DVB/CV-2020.12\n", "Kabinetsreactie op de IOB-evaluatie van de bijdrage aan MINUSMA"),
    ("Betreft: Inzet in Mali\nGeachte voorzitter,\nHierbij informeer ik u.", "Inzet in Mali"),   # the salutation
    ("ONDERWERP\nVERLENGING VAN DE BIJDRAGE AAN DE MISSIE\n", "Verlenging van de bijdrage aan de missie"),
    ("ONDERWERP: BRIEF AAN DE TWEEDE KAMER OVER DE MISSIE\nDATUM: 3 MEI 2022\n",
     "Brief aan de Tweede Kamer over de missie"),                    # capitals: sentence case, names kept
    ("BETREFT: Brief aan de Tweede Kamer over UNIFIL\n", "Brief aan de Tweede Kamer over UNIFIL"),
    ("**Onderwerp**\nEen\nsubject\nover\nvijf regels\n", "Een subject over"),   # three lines at most
    (MEMO + "**Onderwerp**\n" + "Inzet in Mali " * 30 + "\n", ("Inzet in Mali " * 30)[:300].rstrip()),   # capped
    # better forms win: the memo's own '# nota' title, the Kamerstuk publication header
    ("**Onderwerp**\nKabinetsreactie MINUSMA\n\n# nota\n\nKabinetsreactie op IOB-eindevaluatie MINUSMA\n",
     "Kabinetsreactie op IOB-eindevaluatie MINUSMA"),
    ("29 521 Nederlandse deelname aan vredesmissies\n\nNr. 423 BRIEF VAN DE MINISTER VAN DEFENSIE\n\n"
     "Betreft Verlenging UNIFIL\n", "Nederlandse deelname aan vredesmissies: Brief van de minister van Defensie"),
    # ... and the subject field wins over the letter's opening sentence, which only paraphrases it
    ("Betreft Verlenging van de bijdrage aan UNIFIL\n\nMet deze brief informeer ik u over het besluit van het "
     "kabinet om de bijdrage te verlengen.", "Verlenging van de bijdrage aan UNIFIL"),
    # near misses: the word in prose, a longer word, an empty field, a field past the head of the document
    ("Het onderwerp van deze brief is de inzet in Mali.\n", "Het onderwerp van deze brief is de inzet in Mali."),
    ("Onderwerp van deze brief is de inzet in Mali.\n", "Onderwerp van deze brief is de inzet in Mali."),
    ("Betreft het besluit over Mali, zie de bijlage.\n", "Betreft het besluit over Mali, zie de bijlage."),
    ("Kamerstuk 29521-109\n\nOnderwerpen: internationaal militaire missies\n",
     "Onderwerpen: internationaal militaire missies"),                # the subject tags of a scraped page
    ("**Nota**\n\n**Onderwerp**\n\n**Datum**  \n11 april 2013\n", "11 april 2013"),    # empty: not '**Datum**'
    ("**Onderwerp**  \n**Datum**  \n11 april 2013\n", "11 april 2013"),
    ("Inzet in de Sahel\n\nOnderwerp:\nDatum 3 mei 2022\n", "Inzet in de Sahel"),
    ("Inzet in de Sahel\n\nOnderwerp:\n\n\nDe inzet in Mali loopt af.\n", "Inzet in de Sahel"),   # 2 blank lines
    ("Onderwerp: 2022\n\nDe inzet in Mali loopt af.\n", "De inzet in Mali loopt af."),  # no letter: no subject
    # the head: a field at 900 characters counts, one at 1,800 (on the next page, in an annex) does not
    ("De inzet in Mali loopt af.\n" + "Tekst over de missie.\n" * 40
     + "Bijlage: nota\n**Onderwerp**  \nVerlenging UNIFIL\n", "Verlenging UNIFIL"),
    ("De inzet in Mali loopt af.\n" + "Tekst over de missie.\n" * 80
     + "Bijlage: nota\n**Onderwerp**  \nVerlenging UNIFIL\n", "De inzet in Mali loopt af."),
]


@pytest.mark.parametrize("text,expected", TITLES + SUBJECT_TITLES)
def test_title(text, expected):
    assert [m.value for m in title(normalise(text))] == [expected]


def test_subject_title_points_at_the_subject():
    text = "**Nota**\n\n**Onderwerp**  \nKabinetsreactie op de evaluatie  \nvan KFOR  \n\nBeslispunten\n"
    [m] = title(text)
    assert text[m.start:m.end] == m.text == "Kabinetsreactie op de evaluatie  \nvan KFOR"
