"""Specification of the document-date rule: the document's own date, never a date merely mentioned."""

from __future__ import annotations

import pytest

from missiongraph.extract.dates import document_date
from missiongraph.extract.text import normalise


def date_of(text: str) -> str | None:
    found = document_date(normalise(text))
    assert len(found) <= 1
    return found[0].value if found else None


def how_of(text: str) -> str | None:
    found = document_date(normalise(text))
    return found[0].attrs["how"] if found else None


DATES = [
    # letters
    ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 18 december 2015\n\nMet deze brief",
     "2015-12-18", "den-haag"),
    ("Staten-Generaal Den Haag, 13 oktober 2014 Met deze brief informeert", "2014-10-13", "den-haag"),
    ("’s-Gravenhage, 1 mei 2019", "2019-05-01", "den-haag"),
    ("Den Haag,\n3 maart 2020", "2020-03-03", "den-haag"),
    ("Den Haag, 18 dec. 2015", "2015-12-18", "den-haag"),
    ("Den Haag, 18 December 2015", "2015-12-18", "den-haag"),
    # reports and motions
    ("Nr. 274 VERSLAG VAN EEN ALGEMEEN OVERLEG\n\nVastgesteld 22 december 2014\n\nDe vaste commissie heeft op "
     "11 november 2014 overleg gevoerd", "2014-12-22", "vastgesteld"),
    ("Nr. 1210 MOTIE VAN HET LID JASPER VAN DIJK\n\nVoorgesteld 17 januari 2013\n\nDe Kamer,", "2013-01-17",
     "voorgesteld"),
    ("Vastgesteld: 8 juni 2009", "2009-06-08", "vastgesteld"),
    # memo (nota) forms: label and value on separate lines, Markdown bold
    ("**TER BESLISSING**\n\n**Datum**  \n23 september 2022\n\n**Onze Referentie**", "2022-09-23", "datum-field"),
    ("**Datum**\n\n23 september 2022", "2022-09-23", "datum-field"),
    ("Datum\n23 september 2022\nBetreft Kabinetsreactie", "2022-09-23", "datum-field"),
    ("Datum 14 juni 2019\nBetreft Samenhang", "2019-06-14", "datum-field"),
    # scraped page metadata
    ("Nummer: 2021D41047, datum: 2021-11-11, bijgewerkt: 2024-02-19 10:56, versie: 4", "2021-11-11",
     "datum-field"),
    (" date 2025-04-25 Nederland draagt opnieuw bij", "2025-04-25", "date-field"),
    ("Nieuwsbericht | 25-04-2025 | 14:30", "2025-04-25", "news-header"),
    # publication date only as a fallback
    ("Gepubliceerd: 8 juni 2009\nIndiener(s): Hans van Baalen", "2009-06-08", "gepubliceerd"),
    ("Gepubliceerd: 8 juni 2009\nID: 29521-109\n\nVastgesteld 9 juni 2009", "2009-06-09", "vastgesteld"),
    # month abbreviations
    ("Den Haag, 3 mrt 2020", "2020-03-03", "den-haag"),
    ("Den Haag, 3 okt. 2020", "2020-10-03", "den-haag"),
    ("Den Haag, 3 sept. 2020", "2020-09-03", "den-haag"),
    ("Den Haag, 30 jun 2020", "2020-06-30", "den-haag"),
]


@pytest.mark.parametrize("text,expected,how", DATES)
def test_document_date(text, expected, how):
    assert date_of(text) == expected
    assert how_of(text) == how


PRIORITY = [
    # explicit date fields before the signing line
    ("Nummer: 2021D41047, datum: 2021-11-11\n\nVastgesteld 12 november 2021", "2021-11-11"),
    # the nota form: the deadline and receipt fields are not the date
    ("**Datum**  \n23 september 2022\n\n**Uiterlijk bij**  \nRDINEV 13 september 2022\n\n"
     "**Plandatum/Deadline Kamer**  \n30 september 2022\n\n**Binnengekomen op**  \n30 juni 2022", "2022-09-23"),
    ("**Plandatum/Deadline Kamer**  \n30 september 2022\n\n**Datum**  \n23 september 2022", "2022-09-23"),
    # the earliest signing line wins
    ("Den Haag, 18 december 2015\n...\nDen Haag, 1 januari 2016", "2015-12-18"),
    # ... whichever of the equal positions it is
    ("Vastgesteld 1 mei 2020\n\nDen Haag, 2 mei 2020", "2020-05-01"),
    ("Den Haag, 2 mei 2020\n\nVastgesteld 1 mei 2020", "2020-05-02"),
    ("Nieuws | 3 mei 2020\nDen Haag, 2 mei 2020", "2020-05-03"),
    ("’s-Gravenhage, 1 mei 2020\nDen Haag, 2 mei 2020", "2020-05-01"),
    # a field whose label comes after its start (indent, bold) before a later field
    ("tekst\n    **Datum**  \n1 mei 2020\nNummer: 2021D41047, datum: 2021-11-11", "2020-05-01"),
]


@pytest.mark.parametrize("text,expected", PRIORITY)
def test_priority(text, expected):
    assert date_of(text) == expected


NO_DATE = [
    # dates in running text are not the document's date
    "de beleidsreactie op de IOB-evaluatie op 30 september 2022 ontvangen (Kamerstuk 29 521, nr. 451).",
    "Op 18 augustus 2020 vond een staatsgreep plaats in Mali",
    "De inzet vond plaats van november 2021 t/m mei 2022.",
    "hebben op 11 november 2014 overleg gevoerd",
    "De brief van de Minister van Buitenlandse Zaken d.d. 13 oktober 2014",
    "Eind juni heeft IOB de eindevaluatie vastgesteld.",
    # month only, or year only
    " date 2025-04 Nederland draagt opnieuw met militairen bij",
    "Datum\nseptember 2022",
    "Den Haag, december 2015",
    "’s-Gravenhage 2014",
    # impossible dates
    "Den Haag, 31 februari 2015",
    "datum: 2021-13-40",
    # table headers without a value
    "Datum publicatieOrganisatieVergaderjaarVergadernummerDatum vergadering\nTweede Kamer der Staten-Generaal",
    "- 2021-10-27 13:00: Artikel 100-bijdrage aan VN-missie MINUSMA in Mali (Commissiedebat)",
    "Plandatum 30 september 2022",
]


@pytest.mark.parametrize("text", NO_DATE)
def test_no_document_date(text):
    assert date_of(text) is None


def test_span_is_surface_text():
    text = normalise("**Datum**  \n23 september 2022")
    (m,) = document_date(text)
    assert text[m.start:m.end] == m.text
    assert m.kind == "date"
