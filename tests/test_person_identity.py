"""Specification of person identity (missiongraph.extract.person_identity): who each name in a document is, in which
office on the document's date, and never two people as one.

Each row: a Dutch fragment, the document's date (None: undated), and the persons the resolver must report for it,
in order of first mention: (name as fully as known, role the text gives, how resolved, party, the posts the
document refers to as 'role ministry-or-chamber from..to'). 'ANY' leaves a column unchecked.
"""

from __future__ import annotations

import pytest

from missiongraph.extract import extract, summarise
from missiongraph.extract.person_identity import person_details, resolve_persons
from missiongraph.extract.persons import find_persons
from missiongraph.extract.text import normalise
from missiongraph.model import Mention

ANY = object()


def resolve(text: str, date: str | None = None) -> list[dict]:
    clean = normalise(text)
    found = list(find_persons(clean))
    if date:
        found.append(Mention("date", date, 0, 0, ""))
    return person_details(sorted(resolve_persons(clean, found), key=lambda m: m.start))


def post(p: dict) -> str:
    where = p.get("ministry") or p.get("chamber")
    term = f" {p['from']}..{p['to'] or ''}" if p.get("from") else ""
    return f"{p['role']} {where}{term}"


def summary(d: dict) -> tuple:
    return d["name"], ",".join(d["roles"]), d["resolved"], d["party"], [post(p) for p in d["posts"]]


def check(found: list[dict], expected: list[tuple]) -> None:
    assert len(found) == len(expected), [summary(d) for d in found]
    for d, want in zip(found, expected):
        got = summary(d)
        for g, w in zip(got, want):
            assert w is ANY or g == w, (got, want)


DEBATE_2014 = ("De heer Van Dijk (SP):\n\nVoorzitter. De minister zegt het.\n\n"
               "De heer Van Dijk (PvdA):\n\nVoorzitter. Ik ben het oneens met de heer Van Dijk.\n")

IDENTITIES = [
    # -------------------------------------------------------------------------------- two people, one surname
    # two Van Dijks of different parties in one debate: two persons; the bare 'de heer Van Dijk' cannot be told
    # apart and stays unresolved (one mention of this document), with both candidates
    (DEBATE_2014, "2014-06-01", [
        ("Jasper van Dijk", "kamerlid", "gazetteer", "SP", ["kamerlid Tweede Kamer 2006..2023"]),
        ("Otwin van Dijk", "kamerlid", "gazetteer", "PvdA", ["kamerlid Tweede Kamer 2012..2017"]),
        ("Van Dijk", "", "unresolved", "", [])]),
    # one Van Dijk with evidence: the bare mentions in the same document are that person
    ("De heer Jasper van Dijk (SP):\n\nVoorzitter.\n\nDe heer Van Dijk:\nDank u.\n", "2014-06-01", [
        ("Jasper van Dijk", "kamerlid", "gazetteer", "SP", ["kamerlid Tweede Kamer 2006..2023"])]),
    ("mevrouw Van Dijk (CDA) vroeg naar de inzet", "2023-06-01", [
        ("Inge van Dijk", "kamerlid", "gazetteer", "CDA", ["kamerlid Tweede Kamer 2021..2026"])]),
    # De Vries: the date, the post and the party tell three people apart
    ("- Mede ondertekenaar: A. (Aukje) de Vries, voorzitter van de vaste commissie voor Defensie (VVD)\n",
     "2021-11-11", [("Aukje de Vries", "kamerlid", "gazetteer", "VVD", ["kamerlid Tweede Kamer 2012..2022"])]),
    ("staatssecretaris De Vries van Defensie", "2009-03-01", [
        ("Jack de Vries", "staatssecretaris", "gazetteer", "CDA", ["staatssecretaris Defensie 2007-12-14..2010-05-14"])]),
    ("minister De Vries van Binnenlandse Zaken en Koninkrijksrelaties", "2001-06-01", [
        ("Klaas de Vries", "minister", "gazetteer", "PvdA",
         ["minister Binnenlandse Zaken en Koninkrijksrelaties 2000-03-24..2002-07-22"])]),
    # ------------------------------------------------------------------- the surname with and without its particle
    ("de ministers Verhagen (Buitenlandse Zaken), Middelkoop (Defensie) en Hirsch Ballin (Binnenlandse Zaken en "
     "Koninkrijksrelaties) besloten", "2010-03-08", [
        ("Maxime Verhagen", "minister", "gazetteer", "CDA", ["minister Buitenlandse Zaken 2007-02-22..2010-10-14"]),
        ("Eimert van Middelkoop", "minister", "gazetteer", "ChristenUnie", ["minister Defensie 2007-02-22..2010-10-14"]),
        ("Ernst Hirsch Ballin", "minister", "gazetteer", "CDA",
         ["minister Binnenlandse Zaken en Koninkrijksrelaties 2010-02-23..2010-10-14"])]),
    ("met minister Verhagen van Buitenlandse Zaken en minister Van Middelkoop van Defensie", "2009-06-08", [
        ("Maxime Verhagen", "minister", "gazetteer", "CDA", ["minister Buitenlandse Zaken 2007-02-22..2010-10-14"]),
        ("Eimert van Middelkoop", "minister", "gazetteer", "ChristenUnie", ["minister Defensie 2007-02-22..2010-10-14"])]),
    # ------------------------------------------------------------------------ ministers who changed posts
    ("Door de leden Sjoerdsma en Knops wordt de volgende motie voorgesteld:", "2016-02-01", [
        ("Sjoerd Sjoerdsma", "kamerlid", "gazetteer", "D66", ["kamerlid Tweede Kamer 2012..2026"]),
        ("Raymond Knops", "kamerlid", "gazetteer", "CDA", ["kamerlid Tweede Kamer 2005..2017"])]),
    ("Staatssecretaris Knops van Binnenlandse Zaken en Koninkrijksrelaties bezocht Curaçao.", "2019-05-01", [
        ("Raymond Knops", "staatssecretaris", "gazetteer", "CDA",
         ["staatssecretaris Binnenlandse Zaken en Koninkrijksrelaties 2017-10-26..2022-01-10"])]),
    ("staatssecretaris Bijleveld van Binnenlandse Zaken en Koninkrijksrelaties", "2008-06-01", [
        ("Ank Bijleveld", "staatssecretaris", "gazetteer", "CDA",
         ["staatssecretaris Binnenlandse Zaken en Koninkrijksrelaties 2007-02-22..2010-10-14"])]),
    ("De Minister van Defensie,\nA.Th.B. Bijleveld-Schouten\n", "2019-03-01", [
        ("Ank Bijleveld-Schouten", "minister", "gazetteer", "CDA", ["minister Defensie 2017-10-26..2021-09-17"])]),
    ("overleg met Minister Hennis-Plasschaert van Defensie", "2015-06-01", [
        ("Jeanine Hennis-Plasschaert", "minister", "gazetteer", "VVD", ["minister Defensie 2012-11-05..2017-10-04"])]),
    # the same person in another role, later: an official of the UN, told by her given name
    ("de speciale vertegenwoordiger van de VN voor Irak, Jeanine Hennis-Plasschaert, sprak de Raad toe", "2020-05-01",
     [("Jeanine Hennis-Plasschaert", "official", "gazetteer", "VVD", [])]),
    # without the given name an official is not matched on the surname: one mention of this document
    ("de speciale vertegenwoordiger van de VN in Mali, Koenders, sprak de Veiligheidsraad toe", "2014-01-15",
     [("Koenders", "official", "unresolved", "", [])]),
    ("Dit melden minister Veldkamp van Buitenlandse Zaken en minister Brekelmans van Defensie", "2025-04-25", [
        ("Caspar Veldkamp", "minister", "gazetteer", "NSC", ["minister Buitenlandse Zaken 2024-07-02..2025-08-22"]),
        ("Ruben Brekelmans", "minister", "gazetteer", "VVD", ["minister Defensie 2024-07-02..2026-02-23"])]),
    # ---------------------------------------------------------------- members of parliament who became ministers
    ("Mevrouw Bruins Slot (CDA):\n\nVoorzitter.", "2014-03-01", [
        ("Hanke Bruins Slot", "kamerlid", "gazetteer", "CDA", ["kamerlid Tweede Kamer 2010..2019"])]),
    ("minister Bruins Slot van Buitenlandse Zaken", "2023-10-01", [
        ("Hanke Bruins Slot", "minister", "gazetteer", "CDA", ["minister Buitenlandse Zaken 2023-09-05..2024-07-02"])]),
    ("Vragen van het lid Sjoerdsma (D66) aan de Minister van Defensie", "2016-04-01", [
        ("Sjoerd Sjoerdsma", "kamerlid", "gazetteer", "D66", ["kamerlid Tweede Kamer 2012..2026"])]),
    ("De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,\n\nS.W. Sjoerdsma\n", "2026-03-10", [
        ("Sjoerd Sjoerdsma", "minister", "gazetteer", "D66",
         ["minister Buitenlandse Handel en Ontwikkelingssamenwerking 2026-02-23.."])]),
    # ------------------------------------------------------------------ initials, given names, honorifics
    ("De minister van Defensie,\n\ndrs. K.H. Ollongren\n", "2023-03-01", [
        ("Kajsa Ollongren", "minister", "gazetteer", "D66", ["minister Defensie 2022-01-10..2024-07-02"])]),
    ("mevrouw Ollongren, Minister van Binnenlandse Zaken en Koninkrijksrelaties, over:", "2018-06-01", [
        ("Kajsa Ollongren", "minister", "gazetteer", "D66",
         ["minister Binnenlandse Zaken en Koninkrijksrelaties 2017-10-26..2022-01-10"])]),
    ("De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,\n\nSigrid A.M. Kaag\n", "2019-04-01", [
        ("Sigrid Kaag", "minister", "gazetteer", "D66",
         ["minister Buitenlandse Handel en Ontwikkelingssamenwerking 2017-10-26..2021-08-10"])]),
    ("- Indiener: H.P.M. Knapen, minister van Buitenlandse Zaken\n", "2021-11-11", [
        ("Ben Knapen", "minister", "gazetteer", "CDA", ["minister Buitenlandse Zaken 2021-09-24..2022-01-10"])]),
    ("Indiener(s): Hans van Baalen (VVD), Waalkens , Henk Jan Ormel (CDA)\n", "2009-06-08", [
        ("Hans van Baalen", "kamerlid", "gazetteer", "VVD", ["kamerlid Tweede Kamer 1999..2009"]),
        ("Harm Evert Waalkens", "", "gazetteer", "PvdA", ["kamerlid Tweede Kamer 1998..2010"]),
        ("Henk Jan Ormel", "kamerlid", "gazetteer", "CDA", ["kamerlid Tweede Kamer 2002..2012"])]),
    # a party switch over time: the seat of that year
    ("het lid Wilders (VVD) diende een motie in", "2002-06-01", [
        ("Geert Wilders", "kamerlid", "gazetteer", "VVD", ["kamerlid Tweede Kamer 1998..2004"])]),
    ("het lid Wilders (PVV) diende een motie in", "2010-06-01", [
        ("Geert Wilders", "kamerlid", "gazetteer", "PVV", ["kamerlid Tweede Kamer 2006..2026"])]),
    ("premier Rutte sprak met de Kamer", "2015-06-01", [
        ("Mark Rutte", "minister-president", "gazetteer", "VVD", ["minister-president Algemene Zaken 2010-10-14..2024-07-02"])]),
    # an ex-minister: the post held at another time
    ("oud-minister Voorhoeve van Defensie blikte terug op Srebrenica", "2015-07-11", [
        ("Joris Voorhoeve", "minister", "gazetteer", "VVD", ["minister Defensie 1994-08-22..1998-08-03"])]),
    # an ambassador who later became minister: his given name ties the two
    ("Volgens ambassadeur Geoffrey van Leeuwen is de situatie in Kabul verslechterd.", "2019-01-10", [
        ("Geoffrey van Leeuwen", "ambassador", "gazetteer", "VVD", [])]),
    # ---------------------------------------------------------------------------- contradictions keep apart
    ("De heer Ollongren zei het.", "2019-06-01", [("Ollongren", "", "unresolved", "", [])]),     # a man
    ("De Minister van Defensie,\n\nJ.J. Ollongren\n", "2023-03-01", [                         # other initials
        ("J.J. Ollongren", "minister", "text", "", ["minister Defensie"])]),
    ("De heer Van der Staaij (VVD):\n\nVoorzitter.", "2014-02-01", [                            # another party
        ("Van der Staaij", "kamerlid", "text", "VVD", ["kamerlid Tweede Kamer"])]),
    # a name the gazetteer does not know: the party keeps it apart from any other Günal-Gezer
    ("Mevrouw Günal-Gezer (PvdA):\n\nVoorzitter.", "2014-12-22", [
        ("Günal-Gezer", "kamerlid", "text", "PvdA", ["kamerlid Tweede Kamer"])]),
    ("Aanwezig zijn twee leden der Kamer, te weten: Vuijk en Knops,\n", "2014-12-22", [
        ("Vuijk", "kamerlid", "unresolved", "", []),
        ("Raymond Knops", "kamerlid", "gazetteer", "CDA", ["kamerlid Tweede Kamer 2005..2017"])]),
    # --------------------------------------------------------------- foreign politicians, officers, officials
    # a foreign minister with a Dutch-looking name is never a Dutch minister
    ("de Belgische minister van Defensie Pieter De Crem bezocht Kamp Holland", "2010-03-01", [
        ("Pieter De Crem", "foreign politician", "text", "", [])]),
    ("De Franse minister Le Drian en de Malinese minister Diop spraken elkaar.", "2015-01-01", [
        ("Le Drian", "foreign politician", "unresolved", "", []),
        ("Diop", "foreign politician", "unresolved", "", [])]),
    ("de Duitse minister van Defensie Von der Leyen bezocht Mali", "2016-01-01", [
        ("Von der Leyen", "foreign politician", "unresolved", "", [])]),
    ("Daarnaast is de NLse generaal, Kees Matthijssen, benoemd als de Force Commander MINUSMA.", "2022-09-23", [
        ("Kees Matthijssen", "commander", "text", "", [])]),
    ("- Mede ondertekenaar: T.J.E. van Toor, griffier\n", "2021-11-11", [
        ("T.J.E. van Toor", "official", "text", "", [])]),
    ("Voorzitter: Ten Broeke\nGriffier: Van Leiden\n", "2014-12-22", [
        ("Han ten Broeke", "kamerlid", "gazetteer", "VVD", ["kamerlid Tweede Kamer 2006..2018"]),
        ("Van Leiden", "official", "unresolved", "", [])]),
]


@pytest.mark.parametrize("text, date, expected", IDENTITIES, ids=lambda v: v[:40] if isinstance(v, str) else None)
def test_identity(text: str, date: str | None, expected: list[tuple]) -> None:
    check(resolve(text, date), expected)


def test_at_least_forty_mentions() -> None:
    assert sum(len(expected) for _, _, expected in IDENTITIES) >= 40


# ------------------------------------------------------------------------------- posts without a name
@pytest.mark.parametrize("date, holder, term", [
    ("2016-05-01", "Bert Koenders", "2014-10-17..2017-10-26"),
    ("2019-05-01", "Stef Blok", "2018-03-07..2021-05-25"),
    ("2018-02-20", "Sigrid Kaag", "2018-02-13..2018-03-07"),       # ad interim, after Zijlstra
    ("2021-09-20", "Tom de Bruijn", "2021-09-17..2021-09-24"),     # ad interim, after Kaag
    ("2003-06-01", "Jaap de Hoop Scheffer", "2002-07-22..2003-12-03"),
])
def test_unsigned_foreign_minister_is_whoever_held_the_post(date, holder, term):
    found = resolve("Hoogachtend,\n\nDe Minister van Buitenlandse Zaken,\n\n\n", date)
    assert [(d["name"], d["signatory"], d["named"], [post(p) for p in d["posts"]]) for d in found] == \
        [(holder, True, False, [f"minister Buitenlandse Zaken {term}"])]


@pytest.mark.parametrize("heading, date, holder", [
    ("De Minister van Defensie,", "2017-10-16", "Klaas Dijkhoff"),            # between Hennis and Bijleveld
    ("De Minister van Defensie,", "2021-09-20", "Ferd Grapperhaus"),          # ad interim
    # the department's names over time: either name finds the holder of that day
    ("De Minister van Veiligheid en Justitie,", "2016-05-01", "Ard van der Steur"),
    ("De Minister van Justitie en Veiligheid,", "2016-05-01", "Ard van der Steur"),
    ("De Minister van Justitie,", "2016-05-01", "Ard van der Steur"),
    ("De Minister voor Ontwikkelingssamenwerking,", "2016-05-01", "Lilianne Ploumen"),
    ("De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,", "2008-05-01", "Bert Koenders"),
    ("De Minister-President,", "2005-05-01", "Jan Peter Balkenende"),
    ("De Staatssecretaris van Defensie,", "2023-05-01", "Christophe van der Maat"),
])
def test_unsigned_post_resolves_through_the_department(heading, date, holder):
    assert [d["name"] for d in resolve(f"{heading}\n\n", date)] == [holder]


@pytest.mark.parametrize("text, date", [
    ("De Minister van Buitenlandse Zaken,\n\n", None),                          # no date: no one
    ("De Minister voor Ontwikkelingssamenwerking,\n\n", "2011-06-01"),         # no such minister then
    ("De Staatssecretaris van Defensie,\n\n", "2014-06-01"),                    # none in Rutte II
    ("De Minister van Justitie en Veiligheid,\nde minister van Defensie en anderen", "2019-05-01"),  # running text
])
def test_unsigned_post_without_a_holder(text, date):
    assert resolve(text, date) == []


def test_letter_header_names_the_senders():
    text = ("29 521 Nederlandse deelname aan vredesmissies\n\nNr. 309 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN, "
            "VAN DEFENSIE, VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSSAMENWERKING EN VAN VEILIGHEID EN JUSTITIE\n\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 18 december 2015\n\n")
    found = summarise(extract(text))
    senders = [(d["name"], d["sender"], d["named"]) for d in found["person_details"]]
    assert senders == [("Bert Koenders", True, False), ("Jeanine Hennis-Plasschaert", True, False),
                       ("Lilianne Ploumen", True, False), ("Ard van der Steur", True, False)]
    assert found["persons"] == []             # the gold counts named persons only


def test_undated_letter_takes_its_time_from_its_signatories():
    """Three named signatories give the days the letter can be from; the unnamed fourth post resolves in them."""
    text = ("De minister van Buitenlandse Zaken,\n\nHanke Bruins Slot\n\n"
            "De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,\n\nGeoffrey van Leeuwen\n\n"
            "De Minister van Justitie en Veiligheid,\n\n\n")
    found = {d["name"]: d for d in resolve(text)}
    assert [post(p) for p in found["Dilan Yeşilgöz-Zegerius"]["posts"]] == \
        ["minister Justitie en Veiligheid 2022-01-10..2024-07-02"]
    assert found["Hanke Bruins Slot"]["evidence"] == ["given name", "post in the letter's time"]


def test_keys_and_weak_evidence():
    found = {d["name"]: d for d in resolve("De heer Voordewind vroeg het. De heer Van Ojik (GroenLinks) ook.")}
    assert found["Joël Voordewind"]["key"] == "joel voordewind" and found["Joël Voordewind"]["weak"]
    assert not found["Bram van Ojik"]["weak"] and "party" in found["Bram van Ojik"]["evidence"]
    unresolved = resolve("De heer Vuijk vroeg het.")[0]
    assert unresolved["key"] == "vuijk#" and unresolved["resolved"] == "unresolved"


def test_persons_list_keeps_the_gold_convention():
    found = summarise(extract("Den Haag, 17 januari 2013\n\nMOTIE VAN HET LID JASPER VAN DIJK\n\n"
                              "Daarnaast is generaal Kees Matthijssen benoemd.\n"))
    assert found["persons"] == ["Jasper van Dijk"]           # strings, the name as fully as known; no officers
    assert [(d["name"], d["roles"]) for d in found["person_details"]] == [
        ("Jasper van Dijk", ["kamerlid"]), ("Kees Matthijssen", ["commander"])]


# The official metadata's signatories (OVERHEIDop.indiener of a fetched publication) resolved like the text's names:
# (letter text, official signatories, official date, expected SIGNED_BY keys, persons the text signs who become
# plain mentions).
LETTER = "Den Haag, 12 mei 2021\n\nHierbij informeer ik uw Kamer.\n\nDe Minister van Defensie,\n\n{signer}\n"
OFFICIAL_SIGNATORIES = [
    # the text's signatory is the one the metadata names: kept (initials against a given name: one person)
    (LETTER.format(signer="A.Th.B. Bijleveld-Schouten"), ["A.Th.B. Bijleveld-Schouten"], "2021-05-12",
     {"ank bijleveld"}, set()),
    # the metadata writes her shorter surname: still the same person from the gazetteer
    (LETTER.format(signer="A.Th.B. Bijleveld-Schouten"), ["A.Th.B. Bijleveld"], "2021-05-12",
     {"ank bijleveld"}, set()),
    # another person: the metadata wins, the text's signatory is a mention
    (LETTER.format(signer="A.Th.B. Bijleveld-Schouten"), ["K.H. Ollongren"], "2021-05-12",
     {"kajsa ollongren"}, {"ank bijleveld"}),
    # near miss: the unnamed post resolves on the date to the person the metadata names: one signatory
    (LETTER.format(signer=""), ["A.Th.B. Bijleveld-Schouten"], "2021-05-12", {"ank bijleveld"}, set()),
    # a name the gazetteer does not know keeps the text's identity when the surname is the same
    (LETTER.format(signer="J. Jansen"), ["J. Jansen"], "2021-05-12", {"j. jansen"}, set()),
]


@pytest.mark.parametrize("text, signatories, date, signed, demoted", OFFICIAL_SIGNATORIES)
def test_official_signatories_resolve_like_the_text(text, signatories, date, signed, demoted):
    from missiongraph.graph import to_graph
    from missiongraph.model import SourceDocument

    doc = SourceDocument("kst-1", text, "kst-1.xml", "0" * 64,
                         meta={"official": {"signatories": signatories, "date": date}})
    graph = to_graph(doc, extract(text))
    rels = [(r.type, r.start.key, r.end.key) for r in graph.relationships]
    assert {e for t, _, e in rels if t == "SIGNED_BY"} == signed
    assert demoted <= {e for t, _, e in rels if t == "MENTIONS"}
    for key in signed:          # each with the post held on the official date
        assert [t for t, s, _ in rels if t == "HOLDS_POST" and s == key], key
