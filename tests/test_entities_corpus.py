"""The entity rules on the real corpus (seeds + dev, with gold) and the organisation/country gazetteer rules.

Scores are micro-averaged over all documents: true positives, false hits and misses summed per field. Persons
are compared as ``missiongraph eval`` compares them: the gold's surnames against the names found (case-insensitive;
'Jasper van Dijk' matches 'Van Dijk'). Misses and false hits per document are printed, so ``pytest -s`` shows what
to look at.
"""

from __future__ import annotations

import json
import time
from importlib.resources import files

import pytest

from missiongraph.eval import compare
from missiongraph.extract import extract, summarise
from missiongraph.extract.entities import RULES, find_countries, find_organisations
from missiongraph.extract.text import normalise

SAMPLE = files("missiongraph").joinpath("sample")
THRESHOLDS = {"missions": 0.95, "ministries": 0.95, "persons": 0.95}


def _documents() -> list[tuple[str, str, dict]]:
    docs = []
    for split in ("seeds", "dev"):
        folder = SAMPLE.joinpath(split)
        for doc in sorted(folder.joinpath("docs").iterdir(), key=lambda p: p.name):
            if not doc.name.endswith(".txt"):
                continue
            gold = json.loads(folder.joinpath("gold", doc.name[:-4] + ".json").read_text(encoding="utf-8"))
            docs.append((f"{split}/{doc.name[:-4]}", doc.read_text(encoding="utf-8"), gold))
    return docs


DOCUMENTS = _documents()


@pytest.fixture(scope="module")
def predictions() -> dict[str, dict]:
    return {name: summarise(extract(text)) for name, text, _ in DOCUMENTS}


def _score(field: str, predictions: dict[str, dict]) -> tuple[float, float, float, list[str]]:
    tp = fp = fn = 0
    report = []
    for name, _, gold in DOCUMENTS:
        result = compare(predictions[name], gold, [field])
        score, missed, false = result.scores[field], result.misses[field], result.false_hits[field]
        tp, fp, fn = tp + score.tp, fp + score.fp, fn + score.fn
        if missed or false:
            report.append(f"{name} {field}: missed {sorted(missed)}, false {sorted(false)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, report


def test_corpus_is_there() -> None:
    assert len(DOCUMENTS) == 19


@pytest.mark.parametrize("field", sorted(THRESHOLDS))
def test_micro_f1(field: str, predictions: dict[str, dict]) -> None:
    precision, recall, f1, report = _score(field, predictions)
    print(f"\n{field}: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    for line in report:
        print("  " + line)
    assert f1 >= THRESHOLDS[field], "\n".join(report)


@pytest.mark.parametrize("name, text", [(n, t) for n, t, _ in DOCUMENTS])
def test_mentions_are_well_formed(name: str, text: str) -> None:
    clean = normalise(text)
    for rule in RULES:
        for m in rule(clean):
            assert 0 <= m.start < m.end <= len(clean), (name, m)
            assert clean[m.start:m.end] == m.text, (name, m)
            assert m.kind in {"mission", "ministry", "person", "organisation", "country"}
            if m.kind == "person" and m.attrs.get("unnamed"):      # a post that signs or sends, without a name
                assert m.value == "" and m.attrs["ministry"] and m.attrs["role"] in ("minister", "staatssecretaris",
                                                                                    "minister-president")
            elif m.kind == "person":
                assert m.value == m.attrs["name"].lower() and m.attrs["name"][:1].isupper()


# --------------------------------------------------------------------------------------- organisations, countries
@pytest.mark.parametrize("text, expected", [
    ("de onafhankelijke evaluatiedienst IOB", {"IOB"}),
    ("de directie Internationaal Onderzoek en Beleidsevaluatie (IOB)", {"IOB"}),
    ("De Economische Gemeenschap van West-Afrikaanse Staten (ECOWAS)", {"ECOWAS"}),
    ("financiële bijdrage aan UNODC ter bestrijding van corruptie", {"UNODC"}),
    ("samenwerkingsverbanden als de EU, NAVO en VN", {"EU", "NAVO", "VN"}),
    ("de Onderzoeksraad voor Veiligheid (OVV)", {"OVV"}),
    ("richtten de staatshoofden de G5-Sahel op", {"G5-Sahel"}),
    ("de Russische Wagner Group", {"Wagner Group"}),
    ("bekrachtigd door de VN-Veiligheidsraad met VNVR-resolutie 2164", {"VN-Veiligheidsraad"}),
    ("de Verenigde Naties en de United Nations", {"VN"}),
    # near-misses: lower-case words, words that contain an acronym
    ("de eu-regels, een navo-vriend, Europees, NAVOSTAAT", set()),
    ("de G5-Sahellanden", set()),
])
def test_organisations(text: str, expected: set[str]) -> None:
    assert {m.value for m in find_organisations(normalise(text))} == expected


def _with_examples() -> list[dict]:
    from missiongraph.gazetteer import load
    return [e for e in load("organisations") if e.get("example")]


@pytest.mark.parametrize("entry", _with_examples(), ids=lambda e: e["id"])
def test_each_organisations_example_names_it(entry: dict) -> None:
    """organisations.yaml: every entry's example sentence is found as that organisation."""
    assert entry["id"] in {m.value for m in find_organisations(normalise(entry["example"]))}, entry["example"]


def test_the_report_writing_bodies_all_have_an_example() -> None:
    from missiongraph.extract.responses.lexicon import AUTHOR_TYPES
    from missiongraph.gazetteer import load
    assert [e["id"] for e in load("organisations") if e.get("type") in AUTHOR_TYPES and not e.get("example")] == []


@pytest.mark.parametrize("text, expected", [
    ("de stabiliteit in Mali", {"Mali"}),
    ("het broedplaats Mali1 en Irak2", {"Mali", "Irak"}),
    ("in Bosnië en Herzegovina en Bosnië-Herzegovina", {"Bosnië en Herzegovina"}),
    ("Zuid-Soedan en Zuid-Sudan, en Soedan", {"Zuid-Soedan", "Soedan"}),
    ("the Netherlands, Iraq, Syria and South Sudan", {"Nederland", "Irak", "Syrië", "Zuid-Soedan"}),
    ("de strijd boven Oost-Syrië", {"Syrië"}),
    ("Burkina\nFaso", {"Burkina Faso"}),
    # adjectives and look-alikes are not countries
    ("de Malinese, Afghaanse en Iraakse autoriteiten", set()),
    ("Malibu en Irakees", set()),
])
def test_countries(text: str, expected: set[str]) -> None:
    assert {m.value for m in find_countries(normalise(text))} == expected


# --------------------------------------------------------------------------------------------------- speed
@pytest.mark.parametrize("text", [
    " " * 40_000, "\n" * 40_000, "VN-" * 15_000, "A" * 40_000, "minister van " * 3_000, "de heer Van der " * 3_000,
    "Aanwezig zijn leden der Kamer, te weten: " + "Van der Staaij, " * 3_000, "EUTM Mali " * 4_000,
    "MOTIE VAN HET LID " + "VAN DER " * 5_000, "Verhagen (" * 10_000, "K." * 20_000,
], ids=lambda t: repr(t[:20]))
def test_rules_stay_fast(text: str) -> None:
    for rule in RULES:
        list(rule(text))                        # warm up (gazetteers, compiled patterns)
    start = time.perf_counter()
    for rule in RULES:
        list(rule(text))
    assert time.perf_counter() - start < 5.0    # generous: linear rules take well under a second here
