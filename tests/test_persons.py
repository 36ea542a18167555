"""Specification of the person rule (missiongraph.extract.persons).

Each row: a Dutch fragment and the surnames (as they are written standing alone: 'Van Ojik') the rule must
report, in order. Near-misses (griffiers, officers, foreign politicians, cut-off names) report nothing.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missiongraph.extract import persons as P
from missiongraph.extract.ministries import anchored
from missiongraph.extract.persons import find_persons, parse_name
from missiongraph.extract.text import normalise


def persons(text: str) -> list[str]:
    """Surnames of the Dutch politicians named (ministers, state secretaries, MPs, or no role stated) in order of
    position, once each: what the gold counts."""
    found = sorted(find_persons(normalise(text)), key=lambda m: m.start)
    return list(dict.fromkeys(m.attrs["name"] for m in found
                              if m.attrs["role"] in P.POLITICAL_ROLES and not m.attrs.get("unnamed")))


FOUND = [
    # signature blocks: full names, initials and titles dropped, compound surnames kept
    ("De minister van Buitenlandse Zaken,  \n\n\nHanke Bruins Slot \n", ["Bruins Slot"]),
    ("De minister van Defensie, \n\n\ndrs. K.H. Ollongren \n", ["Ollongren"]),
    ("De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,  \n\n\nGeoffrey van Leeuwen \n",
     ["Van Leeuwen"]),
    ("De Minister van Veiligheid en Justitie,\nG.A. van der Steur\n", ["Van der Steur"]),
    ("De Minister van Defensie,\nA.Th.B. Bijleveld-Schouten\n", ["Bijleveld-Schouten"]),
    # post word + name (+ ministry)
    ("overleg gevoerd met Minister Hennis-Plasschaert van Defensie, Minister Koenders van Buitenlandse Zaken en "
     "Minister Opstelten van Veiligheid en Justitie over:", ["Hennis-Plasschaert", "Koenders", "Opstelten"]),
    ("met minister Verhagen van Buitenlandse Zaken en minister Van Middelkoop van Defensie over",
     ["Verhagen", "Van Middelkoop"]),
    ("op voorstel van de ministers Verhagen (Buitenlandse Zaken), Middelkoop (Defensie) en Hirsch Ballin "
     "(Binnenlandse Zaken en Koninkrijksrelaties) besloten.", ["Verhagen", "Middelkoop", "Hirsch Ballin"]),
    ("aldus minister Verhagen. Onze mensen", ["Verhagen"]),
    ("Minister Koenders:\nVoorzitter. Dank u wel.", ["Koenders"]),
    ("Staatssecretaris Knops:\nDank u.", ["Knops"]),
    ("Dit zegt Defensieminister Brekelmans vandaag.", ["Brekelmans"]),
    ("de minister van Buitenlandse Zaken Koenders en de minister van Defensie Hennis-Plasschaert schrijven",
     ["Koenders", "Hennis-Plasschaert"]),
    ("Kamerlid Van Ojik (GroenLinks) vroeg het.", ["Van Ojik"]),
    # honorifics and speaker lines
    ("met mevrouw Hennis-Plasschaert, Minister van Defensie, de heer Koenders, Minister van Buitenlandse Zaken, "
     "en mevrouw Ploumen, Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking, over:",
     ["Hennis-Plasschaert", "Koenders", "Ploumen"]),
    ("Het woord is aan de heer Van der Staaij.\n\nDe heer Van der Staaij (SGP):\n\nVoorzitter.", ["Van der Staaij"]),
    ("Mijnheer Van Ojik, de heer Voordewind vraagt of u het woord wilt voeren.", ["Van Ojik", "Voordewind"]),
    ("De heer Ten Broeke (VVD):\n\nVoorzitter.", ["Ten Broeke"]),
    ("Ik geef het woord aan de heer Van Ojik van GroenLinks.", ["Van Ojik"]),
    ("Ik geef het woord aan de heer Sjoerdsma van D66.", ["Sjoerdsma"]),
    ("Het woord is aan mevrouw Eijsink van de Partij van de Arbeid.", ["Eijsink"]),
    ("aldus minister Koenders van de Verenigde Naties.", ["Koenders"]),
    ("De staatssecretaris Visser en De Jonge zei iets.", ["Visser"]),
    # committee reports: chairs and member lists; griffiers are left out
    ("De voorzitter van de vaste commissie voor Defensie, Ten Broeke\n\n"
     "De griffier van de vaste commissie voor Defensie, Van Leiden\n\nVoorzitter: Ten Broeke\n\nGriffier: Van Leiden\n",
     ["Ten Broeke"]),
    ("De voorzitter van de vaste commissie voor Buitenlandse Zaken1,\n\nOrmel\n\nDe griffier van de vaste commissie "
     "voor Buitenlandse Zaken,\n\nVan der Kolk-Timmermans\n\nVoorzitter: Ormel Griffier: Van Toor\n", ["Ormel"]),
    ("De voorzitter van de vaste commissie voor Buitenlandse Zaken, Pia Dijkstra\n", ["Dijkstra"]),
    ("Aanwezig zijn acht leden der Kamer, te weten: Ten Broeke, Jasper van Dijk, Günal-Gezer, Hachchi, Knops, "
     "Van Ojik, De Roon en Vuijk,\n\nen Minister Hennis-Plasschaert van Defensie, die vergezeld zijn",
     ["Ten Broeke", "Van Dijk", "Günal-Gezer", "Hachchi", "Knops", "Van Ojik", "De Roon", "Vuijk",
      "Hennis-Plasschaert"]),
    ("Aanwezig zijn vier leden der Kamer, te weten: Ten Broeke, Jasper van\nDijk, Van der\n\nStaaij en Knops,\n",
     ["Ten Broeke", "Van Dijk", "Van der Staaij", "Knops"]),
    # motions and members
    ("Nr. 1210 MOTIE VAN HET LID JASPER VAN DIJK\n\nVoorgesteld 17 januari 2013", ["Van Dijk"]),
    ("MOTIE VAN DE LEDEN SJOERDSMA EN VAN DER STAAIJ\n", ["Sjoerdsma", "Van der Staaij"]),
    ("en gaat over tot de orde van de dag.\n\nJasper van Dijk", ["Van Dijk"]),
    ("en gaat over tot de orde van de dag.\n\nSjoerdsma\nVan der Staaij\n", ["Sjoerdsma", "Van der Staaij"]),
    ("in lijn met de motie Kerstens en Bosman en de motie Kerstens en Van Ojik (Kamerstuk II, 2019-2020)",
     ["Kerstens", "Bosman", "Van Ojik"]),
    ("de motie-Van der Staaij/Voordewind (29521, nr. 300)", ["Van der Staaij", "Voordewind"]),
    ("Door de leden Sjoerdsma en Knops wordt de volgende motie voorgesteld:", ["Sjoerdsma", "Knops"]),
    ("Vragen van het lid Sjoerdsma (D66) aan de Minister van Defensie", ["Sjoerdsma"]),
    ("het lid In 't Veld stelde een vraag", ["In 't Veld"]),
    # metadata lines (tkconv, openkamer)
    ("- Eerste ondertekenaar: G. Wilders, Tweede Kamerlid (PVV)\n"
     "- Mede ondertekenaar: R. de Roon, voorzitter van de vaste commissie voor Defensie (PVV)\n"
     "- Mede ondertekenaar: A. (Aukje) de Vries, voorzitter van de vaste commissie voor Defensie (VVD)\n"
     "- Mede ondertekenaar: T.J.E. van Toor, griffier\n"
     "- Indiener: H.P.M. Knapen, minister van Buitenlandse Zaken\n"
     "- Medeindiener: Th.J.A.M. de Bruijn, minister voor Buitenlandse Handel en Ontwikkelingssamenwerking\n",
     ["Wilders", "De Roon", "De Vries", "Knapen", "De Bruijn"]),
    ("Indiener(s): Hans van Baalen (VVD), Waalkens , Henk Jan Ormel (CDA)\n", ["Van Baalen", "Waalkens", "Ormel"]),
    # a digit glued before the context word (a page, line or footnote number in PDF text) leaves it a context
    ("Tweede Kamer, vergaderjaar 2013–2014, 29 521, nr. 231\n2De heer Van Bommel (SP):\n\nVoorzitter.", ["Van Bommel"]),
    ("het kabinet besloot.3minister Koenders zei het", ["Koenders"]),
    ("1Motie-Van der Staaij over de inzet in Mali", ["Van der Staaij"]),
    ("12Het lid Sjoerdsma (D66) vroeg", ["Sjoerdsma"]),
]

NOT_FOUND = [
    # griffiers
    "De griffier van de vaste commissie voor Defensie, Van Leiden\n\nGriffier: Van Leiden\n",
    "- Mede ondertekenaar: T.J.E. van Toor, griffier\n",
    # officers, civil servants
    "Daarnaast is de NLse generaal, Kees Matthijssen, benoemd als de Force Commander MINUSMA.",
    "het kabinet sprak met de heer Matthijssen, generaal-majoor, en de heer Van der Zwan, directeur IOB.",
    # foreign politicians
    "het aftreden van president Ibrahim Boubacar Keïta en het ontbinden van zijn regering",
    "de gruwelijke vatbommen van het Assadregime",
    "De Franse minister Le Drian en de Malinese minister Diop spraken elkaar.",
    # the chair itself, ministers without a name, committee names
    "De voorzitter:\n\nAan de orde is de tweede termijn.",
    "De voorzitter: Ik open dit algemeen overleg.",
    "Ik heet de minister van Buitenlandse Zaken, de minister van Defensie en de minister voor Buitenlandse Handel "
    "en Ontwikkelingssamenwerking van harte welkom.",
    "De minister voor Ontwikkelingssamenwerking zal evenmin deelnemen aan het debat.",
    "Minister Van Buitenlandse Zaken en de Minister Voor Defensie",
    "de leden der Kamer en de leden van de fractie van de VVD",
    # a name cut off at the very end of an excerpt
    "Aanwezig zijn negen leden der Kamer, te weten: Ploum",
    # party, place and country names
    "de heer Den Haag en minister Mali",
    # a context word at the end of a longer word (a letter before it) is no context
    "de schaduwminister Kamp zei het",
    "na de promotie Van Dijk zei hij",
    # a name does not start with a digit, not even after a context word
    "minister 2Kamp zei het",
    "het lid 1van Dijk zei het",
    "Kamerstuk 29 521, nr. 12Kamp",
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_found(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str) -> None:
    assert persons(text) == []


def test_cut_off_member_list() -> None:
    text = "Aanwezig zijn negen leden der Kamer, te weten: Bisschop, Ten Broeke, Van Helvert, Van Ojik, Ploum"
    assert persons(text) == ["Bisschop", "Ten Broeke", "Van Helvert", "Van Ojik"]
    assert persons(text + ",") == ["Bisschop", "Ten Broeke", "Van Helvert", "Van Ojik", "Ploum"]


def test_cut_off_after_en() -> None:
    text = "Aanwezig zijn tien leden der Kamer, te weten: Ten Broeke, Sjoerdsma, Van der Staaij en"
    assert persons(text) == ["Ten Broeke", "Sjoerdsma", "Van der Staaij"]


def test_value_attrs_and_roles() -> None:
    text = normalise("De minister van Defensie,\n\ndrs. K.H. Ollongren\n\nDe heer Van Ojik (GroenLinks):\n\n"
                     "Voorzitter. Ik dank minister Koenders van Buitenlandse Zaken.")
    found = {m.attrs["name"]: m for m in find_persons(text)}
    ollongren = found["Ollongren"]
    assert ollongren.value == "ollongren" and ollongren.role == "signatory"
    assert ollongren.attrs["role"] == "minister" and ollongren.attrs["ministry"] == "Defensie"
    assert ollongren.text == "drs. K.H. Ollongren"
    van_ojik = found["Van Ojik"]
    assert van_ojik.value == "van ojik" and van_ojik.role == ""
    assert van_ojik.attrs["role"] == "kamerlid" and van_ojik.attrs["party"] == "GroenLinks"
    koenders = found["Koenders"]
    assert koenders.attrs == {"name": "Koenders", "role": "minister", "context": "post",
                              "ministry": "Buitenlandse Zaken"}
    for m in find_persons(text):
        assert text[m.start:m.end] == m.text and m.kind == "person"


@pytest.mark.parametrize("written, surname", [
    ("Koenders", "Koenders"),
    ("Van der Staaij", "Van der Staaij"),
    ("Jasper van Dijk", "Van Dijk"),
    ("drs. K.H. Ollongren", "Ollongren"),
    ("Th.J.A.M. de Bruijn", "De Bruijn"),
    ("A. (Aukje) de Vries", "De Vries"),
    ("Hanke Bruins Slot", "Bruins Slot"),
    ("Hirsch Ballin", "Hirsch Ballin"),
    ("Pia Dijkstra", "Dijkstra"),
    ("Henk Jan Ormel", "Ormel"),
    ("Hennis-Plasschaert", "Hennis-Plasschaert"),
    ("Van der Kolk-Timmermans", "Van der Kolk-Timmermans"),
    ("In 't Veld", "In 't Veld"),
    ("Van Haersma Buma", "Van Haersma Buma"),
    ("Koenders1", "Koenders"),
    ("Rutte's", "Rutte"),
    ("Van Ojik.", "Van Ojik"),
])
def test_parse_name(written: str, surname: str) -> None:
    name = parse_name(written + " zei", 0)
    assert name is not None and name.display == surname


@pytest.mark.parametrize("written, surname", [
    ("JASPER VAN DIJK", "Van Dijk"), ("VAN DER STAAIJ", "Van der Staaij"), ("HENNIS-PLASSCHAERT", "Hennis-Plasschaert"),
    ("IJZERMAN", "IJzerman"),
])
def test_parse_name_in_capitals(written: str, surname: str) -> None:
    name = parse_name(written + "\n", 0, upper=True)
    assert name is not None and name.display == surname


@pytest.mark.parametrize("written", ["de leden", "van Defensie", "Buitenlandse Zaken", "Minister", "ik", "Mali",
                                     "(PvdA)", "VVD", "", "2Kamp", "1van Dijk", "12Kamp"])
def test_parse_name_rejects(written: str) -> None:
    assert parse_name(written + " zei", 0) is None


# ------------------------------------------------------------------------------------------------ speed
# Each context regex is tried only near the words its matches contain (``anchored``, see the ministry rule). These
# tests check that this finds exactly what trying the regexes everywhere finds, on texts made of the context words,
# their near-misses and the characters that bound words.

SCAN_TOKENS = [
    "minister", "Minister", "MINISTER", "ministers", "Defensieminister", "Oud-minister", "oud-staatssecretaris",
    "Minister-President", "staatssecretaris", "Staatssecretarissen", "premier", "Premier", "Tweede", "Kamerlid",
    "kamerleden", "De heer", "de", "De", "DE", "heer", "Mijnheer", "mevrouw", "Mevr.", "dhr.", "Mw.", "mw",
    "Voorzitter:", "voorzitter", "De voorzitter van de vaste commissie voor Defensie, ", "fungerend", "Waarnemend",
    "Aanwezig zijn", "Aanwezig is", " leden der Kamer, te weten: ", "lid", "Het lid", "het Kamerlid", "de leden",
    "VAN HET LID", "VAN DE LEDEN", "MOTIE", "Motie", "moties", "motie-", "amendement", "Amendementen",
    "Indiener(s): ", "Eerste ondertekenaar: ", "Mede ondertekenaar", "Mede-indiener:", "medeindieners:",
    "en gaat over tot de orde van de dag.", "En gaat over tot de orde van de dag", "Xen", "gaat", "GAAT",
    "van", "voor", "Defensie", "Buitenlandse Zaken", "Koenders", "Van Ojik", "Jasper van Dijk", "K.H. ", "drs. ",
    "Ollongren", "(VVD)", "(", ")", ",", ".", ":", " ", "  ", "\t", "\n", "\n\n", "-", "a", "1",
    "generaal", "Luitenant-generaal", "VN-gezant", "speciale vertegenwoordiger", "President", "griffier", "Griffier:",
    " van de VN in Mali, ", "directeur", "é",
    "ı", "ſ", "İ", "\u212a",
]
scan_text = st.lists(st.sampled_from(SCAN_TOKENS), max_size=40).map("".join)


def _spans(matches) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


def _check_contexts(text: str) -> None:
    for ctx in P._CONTEXTS:
        assert _spans(P._matches(ctx, text)) == _spans(ctx.regex.finditer(text)), ctx.name
    assert _spans(anchored(P._MOTION_END, text, P._MOTION_END_ANCHORS)) == _spans(P._MOTION_END.finditer(text))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scan_text)
def test_contexts_find_what_finditer_finds(text: str) -> None:
    _check_contexts(text)


@pytest.mark.parametrize("text", [
    # several spaces or tabs between the words of a context, anchors inside longer words, contexts at line starts
    "De  \theer Van Ojik", "Tweede\t\tKamerlid Koenders", "VAN  HET\tLID Van Dijk", "Eerste  ondertekenaar: Wilders",
    "De   fungerend\tvoorzitter van de vaste commissie voor Defensie, Ten Broeke", "Waarnemend  voorzitter: Ten Broeke",
    "  \tDe minister van Defensie,\n\ndrs. K.H. Ollongren\n", "DE MINISTER VAN DEFENSIE, drs. K.H. Ollongren",
    "Oud-minister Koenders en Defensieminister Brekelmans", "mijnheer Koenders, Mevr. Bijleveld, Mw. Hennis",
    "...Xen gaat over tot de orde van de dag.\nVan Dijk\n", "motie-Van Dijk en de Moties Kerstens",
    # characters for which lower-casing and case-insensitive matching differ: the regexes run everywhere
    "İ minister Koenders", "en gaat over tot de orde van de daſ.\n",
])
def test_contexts_on_edge_cases(text: str) -> None:
    _check_contexts(text)


# ------------------------------------------------------------------------------------------------ roles
ROLE_EXAMPLES = [(role, example) for role, entry in P.ROLE_WORDS.items() for example in entry["examples"]]


@pytest.mark.parametrize("role, example", ROLE_EXAMPLES, ids=lambda v: v if isinstance(v, str) else v["name"])
def test_role_words_examples(role: str, example: dict) -> None:
    """Every example in data/person_roles.yaml: the name is found with that role, and it is no Dutch politician."""
    found = [m for m in find_persons(normalise(example["text"])) if m.attrs["name"] == example["name"]]
    assert found and {m.attrs["role"] for m in found} == {role}
    assert example["name"] not in persons(example["text"])


@pytest.mark.parametrize("text, name, attrs", [
    ("De heer Van Ojik (GroenLinks):", "Van Ojik", {"gender": "m", "party": "GroenLinks", "role": "kamerlid"}),
    ("mevrouw Hennis-Plasschaert, Minister van Defensie,", "Hennis-Plasschaert",
     {"gender": "f", "role": "minister", "ministry": "Defensie"}),
    ("- Eerste ondertekenaar: G. Wilders, Tweede Kamerlid (PVV)\n", "Wilders",
     {"initials": "G.", "role": "kamerlid", "chamber": "Tweede Kamer"}),
    ("Eerste Kamerlid Knapen vroeg het.", "Knapen", {"role": "kamerlid", "chamber": "Eerste Kamer"}),
    ("De Minister van Defensie,\n\ndrs. K.H. Ollongren\n", "Ollongren",
     {"initials": "K.H.", "title": "drs.", "role": "minister", "ministry": "Defensie"}),
    ("MOTIE VAN HET LID JASPER VAN DIJK\n", "Van Dijk", {"given": "Jasper", "role": "kamerlid"}),
    ("premier Rutte zei", "Rutte", {"role": "minister-president"}),
    ("Defensiestaatssecretaris Tuinman zei", "Tuinman", {"role": "staatssecretaris", "ministry": "Defensie"}),
    ("de Belgische minister van Defensie Pieter De Crem zei", "De Crem", {"role": "foreign politician", "given": "Pieter"}),
])
def test_what_the_text_says_about_a_name(text: str, name: str, attrs: dict) -> None:
    found = [m for m in find_persons(normalise(text)) if m.attrs["name"] == name]
    assert found
    for k, v in attrs.items():
        assert found[0].attrs.get(k) == v, (k, found[0].attrs)
    assert "ministry" in attrs or "ministry" not in found[0].attrs


@pytest.mark.parametrize("text, role, ministry", [
    ("De Minister van Buitenlandse Zaken,\n\n\n", "minister", "Buitenlandse Zaken"),
    ("De Minister van Buitenlandse Zaken,\nDe Minister van Defensie,\n", "minister", "Buitenlandse Zaken"),
    ("De Staatssecretaris van Defensie,\n\n", "staatssecretaris", "Defensie"),
    ("De Minister-President,\n\n", "minister-president", "Algemene Zaken"),
    ("Nr. 1 BRIEF VAN DE MINISTER VAN DEFENSIE\n", "minister", "Defensie"),
    ("Brief van de minister van Buitenlandse Zaken\n", "minister", "Buitenlandse Zaken"),
])
def test_posts_without_a_name(text: str, role: str, ministry: str) -> None:
    found = [m for m in find_persons(normalise(text)) if m.attrs.get("unnamed")]
    assert found and found[0].value == "" and (found[0].attrs["role"], found[0].attrs["ministry"]) == (role, ministry)
    assert found[0].text in normalise(text)


@pytest.mark.parametrize("text", [
    "De Minister van Defensie,\n\ndrs. K.H. Ollongren\n",                   # named: not unnamed
    "De minister van Defensie,\nheeft besloten dat de missie doorgaat.",     # running text below
    "De Minister van Defensie, mevrouw Hennis, zei het.",                   # no line end after the comma
    "de brief van de minister van Defensie aan de Kamer\n",                # not a header line
])
def test_not_posts_without_a_name(text: str) -> None:
    assert [m for m in find_persons(normalise(text)) if m.attrs.get("unnamed")] == []
