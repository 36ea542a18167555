"""Specification of the mission rule (missiongraph.extract.missions) and its gazetteer (data/missions.yaml).

Each row: a Dutch (or English) fragment as it occurs in government texts, and the set of canonical missions the
rule must report for it. Near-misses report nothing or only the right mission.
"""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
import yaml

from missiongraph.extract.missions import find_missions
from missiongraph.extract.text import normalise
from missiongraph.gazetteer import key, load


def missions(text: str) -> set[str]:
    """The missions named (not only described) in ``text``: what the gold counts."""
    return {m.value for m in find_missions(normalise(text)) if m.attrs.get("via") != "description"}


def described(text: str) -> set[str]:
    """The missions ``text`` describes without naming them."""
    return {m.value for m in find_missions(normalise(text)) if m.attrs.get("via") == "description"}


NAMED = [
    # the acronym, in any capitalisation that texts use, glued to a hyphen, a suffix or a footnote number
    ("de VN-missie MINUSMA in Mali", {"MINUSMA"}),
    ("Nederland ondersteunde de VN-missie Minusma tot mei 2022", {"MINUSMA"}),
    ("tijdens de MINUSMA-mandaat onderhandelingen", {"MINUSMA"}),
    ("de inzet in MINUSMA2 en de Minusma-missie", {"MINUSMA"}),
    # full names, across PDF line breaks and blank lines
    ("de VN-missie UN Multidimensional Integrated Stabilisation \n\nMission (MINUSMA) in Mali", {"MINUSMA"}),
    ("de United Nations Multidimensional Integrated Stabilization Mission in Mali", {"MINUSMA"}),
    ("de VN Multidimensionale Geïntegreerde Stabilisatie Missie in Mali", {"MINUSMA"}),
    ("de bijdrage aan de VN-missie in Mali tussen 2014 en 2019", {"MINUSMA"}),
    # UNMIS and UNMISS never match each other
    ("de vredesmissie van de Verenigde Naties in Sudan (UNMIS)", {"UNMIS"}),
    ("de VN-missie in Zuid-Soedan (UNMISS)", {"UNMISS"}),
    ("het UNMISS-mandaat", {"UNMISS"}),
    ("de VN-missie in Soedan", {"UNMIS"}),
    ("Unmiss en Unmis", {"UNMISS", "UNMIS"}),
    # EU
    ("de Europese troepenmacht EUFOR Althea", {"EUFOR Althea"}),
    ("operatie Althea (29 521, nr. 101)", {"EUFOR Althea"}),
    ("de EUFOR-operatie Althea in Bosnië-Herzegovina", {"EUFOR Althea"}),
    ("de bijdrage aan EUFOR in Bosnië en Herzegovina", {"EUFOR Althea"}),
    ("De Europese trainingsmissie (EUTM) in Mali telt 6 militairen", {"EUTM Mali"}),
    ("Missies EUTM en Takuba\n\nDe Europese trainingsmissie (EUTM) in Mali", {"EUTM Mali", "Takuba"}),
    ("de militaire EU-trainingsmissie in Mali", {"EUTM Mali"}),
    ("EUTM Mali en EUCAP Sahel Mali", {"EUTM Mali", "EUCAP Sahel Mali"}),
    ("De EUTM-missie in Somalië traint Somalische militairen", {"EUTM Somalia"}),
    ("EUNAVFOR Atalanta en operatie Atalanta", {"EUNAVFOR Atalanta"}),
    ("EUNAVFOR MED operatie Sophia", {"EUNAVFOR MED Sophia"}),
    ("EUNAVFOR MED Irini", {"EUNAVFOR MED Irini"}),
    ("EULEX in Kosovo en EUPOL Afghanistan", {"EULEX Kosovo", "EUPOL Afghanistan"}),
    # NATO
    ("de NAVO-missie Resolute Support te intensiveren", {"RSM"}),
    ("eindevaluatie Nederlandse bijdrage RSM Afghanistan", {"RSM"}),
    ("de Resolute Support-missie", {"RSM"}),
    ("ISAF en Task Force Uruzgan (TFU)", {"ISAF", "TFU"}),
    ("NATO Mission Iraq (NMI)", {"NMI"}),
    ("de NAVO-missie in Irak", {"NMI"}),
    ("KFOR, SFOR en IFOR", {"KFOR", "SFOR", "IFOR"}),
    ("operatie Ocean Shield", {"Ocean Shield"}),
    ("enhanced Forward Presence (eFP) in Litouwen", {"eFP"}),
    ("de eFP-battlegroup", {"eFP"}),
    # coalitions and multinational operations
    ("de internationale strijd tegen ISIS", {"Counter-Daesh"}),
    ("de Nederlandse bijdrage aan de internationale strijd tegen IS (Kamerstuk 27 925, nr. 612)", {"Counter-Daesh"}),
    ("de anti-ISIS-coalitie", {"Counter-Daesh"}),
    ("de anti-ISIS coalitie", {"Counter-Daesh"}),
    ("de Global Coalition against Daesh", {"Counter-Daesh"}),
    ("Operation Inherent Resolve (OIR)", {"OIR"}),
    ("Operation Enduring Freedom", {"OEF"}),
    ("SFIR in Al Muthanna", {"SFIR"}),
    ("het door Noorwegen gecoördineerde Multinational Rotational Concept (MRC)", {"MRC"}),
    ("Deense troepen, onderdeel van de Frans geleide Taakgroep Takuba", {"Takuba"}),
    ("de multinationale taakgroep Takuba", {"Takuba"}),
    ("EMASoH in de Straat van Hormuz", {"EMASoH"}),
    ("Operation Prosperity Guardian", {"Prosperity Guardian"}),
    # UN, older missions
    ("UNIFIL, UNDOF, UNTSO en UNPROFOR", {"UNIFIL", "UNDOF", "UNTSO", "UNPROFOR"}),
]

NOT_MISSIONS = [
    # a country alone is never a mission
    "de situatie in Mali, Irak, Afghanistan en Soedan",
    "de Malinese transitieautoriteiten",
    # described, not named
    "de bredere veiligheidsinzet in Irak",
    "de nieuwe NAVO-capaciteitsopbouwmissie in Irak",
    "de Franse militaire activiteiten in Mali",
    "de Eu-geleide troepenmacht in Bosnië-Herzegovina",
    "het rotatiemechanisme voor schaarse capaciteiten",
    # organisations and armed groups are not missions
    "ECOWAS en de G5-Sahel",
    "Islamitische Staat in de Grotere Sahara en de Wagner Group",
    "UNODC en UNPOL",
    # words that only look like mission names
    "de EUTM zonder land erbij",
    "Sophia en Irini zijn voornamen; een serval is een kat",
    "de strijd tegen terrorisme",
    "UNMISSING",
    "minusmaatregel",
]


# The ways letters write and describe missions: (text, named, described). Near-misses name and describe nothing,
# or only what they really name.
SPELLINGS = [
    # one operation, many spellings
    ("de bijdrage aan EUFOR Althea", {"EUFOR Althea"}, set()),
    ("de bijdrage aan EUFOR-Althea", {"EUFOR Althea"}, set()),
    ("de bijdrage aan EUFOR/Althea", {"EUFOR Althea"}, set()),
    ("de verlenging van operatie Althea", {"EUFOR Althea"}, set()),
    ("de primaire doelstelling van operatie EUFOR Althea", {"EUFOR Althea"}, set()),
    ("de EU-operatie Althea in Bosnië", {"EUFOR Althea"}, set()),
    ("Nederland levert militairen aan Althea in Bosnië", {"EUFOR Althea"}, set()),
    ("het mandaat van de Resolute Support Mission", {"RSM"}, set()),
    ("de Resolute Support-missie en de RS-missie", {"RSM"}, set()),
    ("de Nederlandse bijdrage aan RSM", {"RSM"}, set()),
    ("Task Force Uruzgan (TF-U) in Tarin Kowt", {"TFU"}, set()),
    ("het fregat in operatie Atalanta", {"EUNAVFOR Atalanta"}, set()),
    ("de EUNAVFOR-operatie Atalanta voor de kust van Somalië", {"EUNAVFOR Atalanta"}, set()),
    ("de Atalanta-operatie van de EU", {"EUNAVFOR Atalanta"}, set()),
    ("Nederland draagt met 2 stafofficieren bij aan Takuba.", {"Takuba"}, set()),
    # descriptions: the mission the letters mean, reported as described
    ("de missie in Uruzgan", set(), {"TFU"}),
    ("de Uruzgan-missie was omstreden", set(), {"TFU"}),
    ("na afloop van de Uruzganmissie", set(), {"TFU"}),
    ("de anti-piraterijmissie bij Somalië", set(), {"EUNAVFOR Atalanta"}),
    ("de antipiraterijmissie voor de kust van Somalië", set(), {"EUNAVFOR Atalanta"}),
    ("een anti-piraterijmissie in de Golf van Aden", set(), {"EUNAVFOR Atalanta"}),
    ("de Nederlandse bijdrage aan de missie in Mali", set(), {"MINUSMA"}),
    ("de inlichtingenmissie in Mali", set(), {"MINUSMA"}),
    ("de Eu-geleide troepenmacht in Bosnië-Herzegovina", set(), {"EUFOR Althea"}),
    ("Nederland draagt opnieuw bij aan vredesmissie in Bosnië en Herzegovina", set(), {"EUFOR Althea"}),
    ("de nieuwe NAVO-capaciteitsopbouwmissie in Irak", set(), {"NMI"}),
    ("de NAVO-missie in Kosovo", set(), {"KFOR"}),
    ("de NAVO-battlegroup in Litouwen", set(), {"eFP"}),
    ("een maritieme missie in de Straat van Hormuz", set(), {"EMASoH"}),
    ("de luchtcampagne tegen ISIS", set(), {"Counter-Daesh"}),
    # the strijd tegen ISIS is a literal rendering: named
    ("de bijdrage aan de strijd tegen ISIS", {"Counter-Daesh"}, set()),
    # named and described in one text: named
    ("De missie in Uruzgan: Task Force Uruzgan", {"TFU"}, {"TFU"}),
    # near-misses: ordinary words, first names, other organisations' names, other places
    ("Het accountantskantoor RSM controleerde de jaarrekening.", set(), set()),
    ("De MRC financiert medisch onderzoek in Londen.", set(), set()),
    ("Atalanta won gisteren van Ajax.", set(), set()),
    ("Mevrouw Althea Jansen woont in Utrecht.", set(), set()),
    ("Een takuba is het zwaard van de Toearegs.", set(), set()),
    ("EFP-aanvallen op konvooien", set(), set()),
    ("het NMI in Delft ijkt meetinstrumenten", set(), set()),
    ("de missie van de stichting in Mali-Ville", set(), set()),
    ("de missie in Uruguay", set(), set()),
    ("de piraterij in de Straat van Malakka", set(), set()),
    ("de Franse militaire activiteiten in Mali", set(), set()),
]


@pytest.mark.parametrize("text, named, desc", SPELLINGS)
def test_spellings_and_descriptions(text: str, named: set[str], desc: set[str]) -> None:
    assert missions(text) == named
    assert described(text) == desc


WORDS = yaml.safe_load(files("missiongraph").joinpath("data/mission_words.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", WORDS["examples"], ids=lambda e: e["text"][:40])
def test_mission_words_examples(example: dict) -> None:
    assert missions(example["text"]) == set(example["missions"])


def test_described_only_missions_in_the_summary() -> None:
    from missiongraph.extract import extract, summarise
    found = summarise(extract("De missie in Uruzgan was zwaar. Nu draagt Nederland bij aan MINUSMA en de missie in "
                              "Mali."))
    assert found["missions"] == ["MINUSMA"]
    assert found["missions_described"] == ["TFU"]     # Mali's description is MINUSMA, named already


@pytest.mark.parametrize("text, expected", NAMED)
def test_named_missions(text: str, expected: set[str]) -> None:
    assert missions(text) == expected


@pytest.mark.parametrize("text", NOT_MISSIONS)
def test_not_missions(text: str) -> None:
    assert missions(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("UNMIS", "UNMIS"), ("UNMISS", "UNMISS"), ("UNMIS-mandaat", "UNMIS"), ("UNMISS1", "UNMISS"),
])
def test_unmis_unmiss_disambiguation(text: str, expected: str) -> None:
    found = list(find_missions(text))
    assert [m.value for m in found] == [expected]
    assert found[0].text in (expected, expected.upper())


def test_spans_and_attrs() -> None:
    text = normalise("Eerder MINUSMA, nu de NAVO-missie Resolute Support.")
    found = list(find_missions(text))
    assert [(m.value, m.text) for m in found] == [("MINUSMA", "MINUSMA"), ("RSM", "NAVO-missie Resolute Support")]
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.kind == "mission"
    assert found[0].attrs["organisation"] == "UN"
    assert found[0].attrs["name"].startswith("United Nations Multidimensional")
    assert found[1].attrs["organisation"] == "NATO"


def test_bare_word_takes_nearest_area() -> None:
    text = "EUTM in Mali. " + "x " * 50 + "Voorts EUTM in Somalië."
    assert [m.value for m in find_missions(text)] == ["EUTM Mali", "EUTM Somalia"]


def test_bare_word_too_far_from_area() -> None:
    assert missions("EUTM " + "x " * 150 + "Mali") == set()


# ------------------------------------------------------------------------------------------------ gazetteer
ENTRIES = load("missions")
ORGANISATIONS = {"UN", "EU", "NATO", "coalition", "multinational", "AU", "national"}


def test_gazetteer_ids_unique_and_complete() -> None:
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) == len(set(ids))
    required = {"MINUSMA", "UNMISS", "UNMIS", "UNIFIL", "EUFOR Althea", "RSM", "ISAF", "OEF", "Counter-Daesh", "OIR",
                "NMI", "SFIR", "EUNAVFOR Atalanta", "Ocean Shield", "EUNAVFOR MED Sophia", "EUTM Mali", "EUTM Somalia",
                "EUCAP Sahel Mali", "Takuba", "KFOR", "eFP", "EMASoH", "MRC"}
    assert required <= set(ids)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_gazetteer_entry(entry: dict) -> None:
    assert entry.get("name"), "every mission has a full name"
    assert entry.get("organisation") in ORGANISATIONS
    assert entry.get("area")
    aliases = [entry["id"]] if entry.get("match_id", True) else []
    aliases += [a for a in [entry.get("name"), entry.get("name_nl"), *entry["aliases"]] if a]
    ambiguous = {key(a) for a in entry["ambiguous"]}
    assert ambiguous <= {key(a) for a in aliases}, "an ambiguous name is one of the mission's names"
    for alias in aliases:
        # every alias, written as in the gazetteer, is found as this mission and nothing else; an ambiguous one
        # only with a mission word near it
        if key(alias) in ambiguous:
            assert missions(f"zie {alias}.") == set(), alias
            assert missions(f"zie de missie {alias}.") == {entry["id"]}, alias
        else:
            assert missions(f"zie {alias}.") == {entry["id"]}, alias
    for phrase in entry["descriptions"]:
        assert described(f"zie {phrase}.") == {entry["id"]} and missions(f"zie {phrase}.") == set(), phrase
    for ctx in entry.get("context") or []:
        assert ctx["alias"] and ctx["near"]


def test_aliases_do_not_clash() -> None:
    owner: dict[str, str] = {}
    for e in ENTRIES:
        for alias in [e["id"], e.get("name") or "", e.get("name_nl") or "", *e["aliases"], *e["descriptions"]]:
            if alias:
                assert owner.setdefault(key(alias), e["id"]) == e["id"], alias


def test_pattern_has_no_nested_quantifiers() -> None:
    from missiongraph.extract.missions import _missions
    pattern = _missions().matcher.regex.pattern
    assert not re.search(r"\)[*+]\)?[*+]", pattern)
