"""Evaluation: how the scores are counted, and the thresholds the extractor must meet on the real corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import missiongraph
from missiongraph.eval import FieldScore, compare, evaluate, format_errors, format_table

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = Path(missiongraph.__file__).parent / "sample"
CORPORA = [SAMPLE / "seeds", SAMPLE / "dev"]


# ---------------------------------------------------------------------------------------------------------
# Counting
# ---------------------------------------------------------------------------------------------------------

COUNTS = [
    # field, found, gold, (tp, fp, fn)
    ("kamerstukken", ["29521-451", "29521-426"], ["29521-451", "27925-AB"], (1, 1, 1)),
    ("kamerstukken", ["29521-451", "29521-451"], ["29521-451"], (1, 0, 0)),          # duplicates count once
    ("kamerstukken", [], [], (0, 0, 0)),
    ("persons", ["van ojik", "Bruins Slot"], ["Van Ojik", "bruins slot"], (2, 0, 0)),  # case-insensitive
    # the gold writes surnames, the extractor names as fully as known: the name ends in the surname's words
    ("persons", ["Jasper van Dijk", "K.H. Ollongren"], ["Van Dijk", "Ollongren"], (2, 0, 0)),
    ("persons", ["Eimert van Middelkoop"], ["Middelkoop"], (1, 0, 0)),                # the text dropped the particle
    ("persons", ["Jasper van Dijk", "Otwin van Dijk"], ["Van Dijk"], (1, 0, 0)),       # two of one surname
    ("persons", ["Jasper van Dijk"], ["Dijkstra"], (0, 1, 1)),                        # near-misses: not a suffix
    ("persons", ["Pia Dijkstra"], ["Van Dijk"], (0, 1, 1)),
    ("persons", ["Bert Koenders"], ["Koenders1"], (0, 1, 1)),
    ("missions", ["minusma"], ["MINUSMA"], (0, 1, 1)),                                # case matters elsewhere
    ("self", "29521-309", "29521-309", (1, 0, 0)),
    ("self", "29521-309", "29521-310", (0, 1, 1)),
    ("self", None, "29521-309", (0, 0, 1)),
    ("self", "29521-309", None, (0, 1, 0)),
    ("date", None, None, (0, 0, 0)),                                                  # nothing to count
    ("kind", "brief", "brief", (1, 0, 0)),                                            # stated: as a scalar
    ("kind", "motie", "brief", (0, 1, 1)),
    ("kind", None, "nieuws", (0, 0, 1)),
    ("kind", "nota", None, (0, 1, 0)),                                                # stated as null
    ("reference", "Min-BuZa.2022.240", "Min-BuZa.2022.240", (1, 0, 0)),
    ("reference", "Min-BuZa.2022.241", "Min-BuZa.2022.240", (0, 1, 1)),
]


def test_persons_written_surnames_count():
    """A surname the document writes for a person ('Bijleveld-Schouten' for Ank Bijleveld) matches that person."""
    found = {"persons": ["Ank Bijleveld"],
             "person_details": [{"name": "Ank Bijleveld", "written": ["Bijleveld-Schouten"]}]}
    result = compare(found, {"persons": ["Bijleveld-Schouten"]}, ["persons"])
    assert (result.scores["persons"].tp, result.scores["persons"].fp, result.scores["persons"].fn) == (1, 0, 0)


@pytest.mark.parametrize("fld,found,gold,expected", COUNTS)
def test_counts(fld, found, gold, expected):
    result = compare({fld: found}, {fld: gold}, fields=[fld])
    s = result.scores[fld]
    assert (s.tp, s.fp, s.fn) == expected


@pytest.mark.parametrize("fld", ["kind", "reference"])
def test_a_field_the_gold_does_not_state_is_not_scored(fld):
    result = compare({fld: "nota", "self": "29521-309"}, {"self": None}, fields=[fld, "self"])
    assert fld not in result.scores and fld not in result.misses and fld not in result.false_hits
    assert result.false_hits == {"self": ["29521-309"]}     # self and date: null in the gold means "not stated"


def test_scores():
    assert FieldScore(tp=8, fp=2, fn=0).precision == pytest.approx(0.8)
    assert FieldScore(tp=8, fp=0, fn=2).recall == pytest.approx(0.8)
    assert FieldScore(tp=8, fp=2, fn=2).f1 == pytest.approx(0.8)
    assert FieldScore().f1 == 1.0                     # nothing found, nothing to find
    assert FieldScore(fp=1).f1 == 0.0
    assert FieldScore(fn=1).f1 == 0.0


def test_misses_and_false_hits_are_listed():
    result = compare({"kamerstukken": ["29521-426"], "date": "2015-12-18"},
                     {"kamerstukken": ["29521-451"], "date": "2015-12-19"}, fields=["kamerstukken", "date"])
    assert result.misses == {"kamerstukken": ["29521-451"], "date": ["2015-12-19"]}
    assert result.false_hits == {"kamerstukken": ["29521-426"], "date": ["2015-12-18"]}
    assert not result.ok


def _corpus(root: Path, docs: dict[str, tuple[str, dict]], manifest: list[dict] | None = None) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "gold").mkdir()
    for stem, (text, gold) in docs.items():
        (root / "docs" / f"{stem}.txt").write_text(text, encoding="utf-8")
        if gold is not None:
            (root / "gold" / f"{stem}.json").write_text(json.dumps(gold), encoding="utf-8")
    if manifest is not None:
        (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


def test_evaluate_several_folders_micro_average(tmp_path):
    a = _corpus(tmp_path / "a", {
        "1": ("Den Haag, 18 december 2015\n(Kamerstuk 29 521, nr. 227)",
              {"self": None, "kamerstukken": ["29521-227"], "date": "2015-12-18"}),
        "2": ("geen gold", None),
    })
    b = _corpus(tmp_path / "b", {
        "1": ("(Kamerstuk 29 521, nr. 251) en VN-resolutie 2364",
              {"self": None, "kamerstukken": ["29521-251", "29521-999"], "resolutions": ["2364"], "date": None}),
    })
    report = evaluate(a, b)
    assert [d.doc for d in report.documents] == ["a/1", "b/1"]
    assert report.skipped == ["a/2: no gold"]
    k = report.fields["kamerstukken"]
    assert (k.tp, k.fp, k.fn) == (2, 0, 1)
    assert report.fields["date"].f1 == 1.0
    assert report.fields["resolutions"].f1 == 1.0
    # a list of folders works as well
    assert evaluate([a, b]).fields["kamerstukken"].tp == 2

    table = format_table(report)
    assert "kamerstukken" in table and "0.667" in table      # recall 2/3
    errors = format_errors(report)
    assert "b/1" in errors and "- 29521-999" in errors
    assert "a/1" not in errors
    data = report.as_json()
    assert json.loads(json.dumps(data))["fields"]["kamerstukken"]["fn"] == 1


# kind and reference: scored only where the gold JSON (or, for kind, the folder's manifest.json) states them.
BRIEF = "29 521 Nederlandse deelname aan vredesmissies\nNr. 451 BRIEF VAN DE MINISTER VAN DEFENSIE\n"
MOTIE = "29 521 Nederlandse deelname aan vredesmissies\nNr. 101 MOTIE VAN HET LID VAN DIJK\n"
NOTA = "# Nota\n\n**Onze referentie**\nMin-BuZa.2022.240\n\nBeslispunten: geen.\n"
PLAIN = "Nederland draagt bij aan de VN-missie in Mali.\n"
NOT_SCORED = None

STATED = [
    # case, text, gold JSON, manifest entries (None: no manifest.json), field, expected (tp, fp, fn) or NOT_SCORED
    ("kind from the manifest", BRIEF, {}, [{"file": "001.txt", "kind": "brief"}], "kind", (1, 0, 0)),
    ("kind from the gold JSON", MOTIE, {"kind": "motie"}, None, "kind", (1, 0, 0)),
    ("both: the gold JSON wins", MOTIE, {"kind": "motie"}, [{"file": "001.txt", "kind": "brief"}], "kind",
     (1, 0, 0)),
    ("both: the gold JSON wins, wrong", MOTIE, {"kind": "brief"}, [{"file": "001.txt", "kind": "motie"}], "kind",
     (0, 1, 1)),
    ("neither: a found kind is not counted", MOTIE, {}, None, "kind", NOT_SCORED),
    ("neither, nothing found", PLAIN, {}, None, "kind", NOT_SCORED),
    ("manifest entry without kind", MOTIE, {}, [{"file": "001.txt", "title": "Motie Van Dijk"}], "kind",
     NOT_SCORED),
    ("manifest names another file", MOTIE, {}, [{"file": "002.txt", "kind": "motie"}], "kind", NOT_SCORED),
    ("wrong kind in the manifest", MOTIE, {}, [{"file": "001.txt", "kind": "brief"}], "kind", (0, 1, 1)),
    ("stated kind, none found", PLAIN, {}, [{"file": "001.txt", "kind": "nieuws"}], "kind", (0, 0, 1)),
    ("reference from the gold JSON", NOTA, {"reference": "Min-BuZa.2022.240"}, None, "reference", (1, 0, 0)),
    ("wrong reference", NOTA, {"reference": "Min-BuZa.2022.241"}, None, "reference", (0, 1, 1)),
    ("no reference in the gold: not counted", NOTA, {}, None, "reference", NOT_SCORED),
    ("reference stated as null", NOTA, {"reference": None}, None, "reference", (0, 1, 0)),
    ("stated reference, none found", PLAIN, {"reference": "Min-BuZa.2022.240"}, None, "reference", (0, 0, 1)),
    ("the manifest gives no reference", NOTA, {}, [{"file": "001.txt", "kind": "nota", "reference":
                                                    "Min-BuZa.2022.240"}], "reference", NOT_SCORED),
]


@pytest.mark.parametrize("case,text,gold,manifest,fld,expected", STATED, ids=[row[0] for row in STATED])
def test_kind_and_reference_scored_only_where_stated(tmp_path, case, text, gold, manifest, fld, expected):
    corpus = _corpus(tmp_path / "c", {"001": (text, {"self": None, "date": None, **gold})}, manifest)
    report = evaluate(corpus)
    [doc] = report.documents
    s = report.fields[fld]
    if expected is NOT_SCORED:
        assert fld not in doc.scores
        assert (s.tp, s.fp, s.fn) == (0, 0, 0) and report.documents_scored_on(fld) == 0
    else:
        assert (s.tp, s.fp, s.fn) == expected
        assert report.documents_scored_on(fld) == 1
    # the old fields are scored as before, whatever the manifest says
    assert set(doc.scores) >= {"kamerstukken", "resolutions", "missions", "ministries", "persons", "self", "date"}


def test_kind_and_reference_in_the_table_errors_and_json(tmp_path):
    corpus = _corpus(tmp_path / "c", {
        "001": (MOTIE, {"self": "29521-101", "persons": ["Van Dijk"], "date": None}),  # kind from the manifest
        "002": (NOTA, {"self": None, "ministries": ["Buitenlandse Zaken"], "date": None, "kind": "nota",
                       "reference": "Min-BuZa.2022.241"}),
        "003": (BRIEF, {"self": "29521-451", "ministries": ["Defensie"], "date": None}),  # no kind stated
    }, manifest=[{"file": "001.txt", "kind": "brief"}])
    report = evaluate(corpus)
    table = format_table(report)
    kind_line = next(line for line in table.splitlines() if line.startswith("kind "))
    assert kind_line.split()[1:5] == ["2", "1", "1", "1"]                              # gold, tp, fp, fn
    assert "kind in 2 of 3, reference in 1 of 3 documents" in table
    errors = format_errors(report).splitlines()
    assert [line.split()[0] for line in errors if not line.startswith(" ")] == ["c/001", "c/002"]  # not c/003
    assert [line for line in errors if line.startswith(" ")] == [
        "  kind          - brief", "  kind          + motie",
        "  reference     - Min-BuZa.2022.241", "  reference     + Min-BuZa.2022.240"]
    data = json.loads(json.dumps(report.as_json()))
    assert data["fields"]["kind"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert data["documents_scored_per_field"]["kind"] == 2
    assert data["documents_scored_per_field"]["reference"] == 1
    docs = {d["doc"]: d for d in data["documents"]}
    assert docs["c/001"]["misses"] == {"kind": ["brief"]} and docs["c/001"]["false_hits"] == {"kind": ["motie"]}
    assert "kind" not in docs["c/003"]["scores"] and "date" in docs["c/003"]["scores"]


def test_a_synthetic_corpus_has_no_kind_to_score(tmp_path):
    # bench/synth.py writes the seven standard gold keys and no manifest: kind and reference have nothing to count
    out = tmp_path / "synth"
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), str(out), "--docs", "12", "--size-kb", "2"],
                   check=True, capture_output=True)
    report = evaluate(out)
    assert len(report.documents) == 12
    for fld in ("kind", "reference"):
        s = report.fields[fld]
        assert (s.tp, s.fp, s.fn, s.f1) == (0, 0, 0, 1.0)
        assert report.documents_scored_on(fld) == 0
    assert "kind in 0 of 12, reference in 0 of 12 documents" in format_table(report)


def test_evaluate_rejects_a_folder_without_gold(tmp_path):
    (tmp_path / "docs").mkdir()
    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path)


# ---------------------------------------------------------------------------------------------------------
# The real corpus (seeds + dev)
# ---------------------------------------------------------------------------------------------------------

THRESHOLDS = {"kamerstukken": 0.98, "resolutions": 0.98, "self": 0.95, "date": 0.95, "kind": 0.95,
              "reference": 0.95}


@pytest.fixture(scope="module")
def corpus_report():
    return evaluate(CORPORA)


def test_corpus_is_present(corpus_report):
    assert len(corpus_report.documents) >= 19
    assert not corpus_report.skipped


@pytest.mark.parametrize("fld,minimum", sorted(THRESHOLDS.items()))
def test_corpus_f1(corpus_report, fld, minimum):
    score = corpus_report.fields[fld]
    detail = "\n".join(f"{d.doc}: missed {d.misses[fld]}, false {d.false_hits[fld]}"
                       for d in corpus_report.documents if d.misses.get(fld) or d.false_hits.get(fld))
    assert score.f1 >= minimum, f"{fld} F1 {score.f1:.3f} < {minimum}\n{detail}"


def _stated_in_sample(fld: str) -> int:
    """Documents of seeds + dev whose gold JSON states ``fld``, or (kind) whose folder's manifest does."""
    n = 0
    for corpus in CORPORA:
        manifest = corpus / "manifest.json"
        entries = json.loads(manifest.read_text("utf-8")) if manifest.exists() else []
        listed = {e["file"] for e in entries if fld in e}
        for gold in (corpus / "gold").glob("*.json"):
            stated_by_manifest = fld == "kind" and f"{gold.stem}.txt" in listed
            n += fld in json.loads(gold.read_text("utf-8")) or stated_by_manifest
    return n


def test_corpus_scores_kind_and_reference_where_stated(corpus_report):
    assert _stated_in_sample("kind") == 18 and _stated_in_sample("reference") == 1   # 17 dev (manifest) + nota seed
    for fld in ("kind", "reference"):
        assert corpus_report.documents_scored_on(fld) == _stated_in_sample(fld)
        assert corpus_report.fields[fld].gold == _stated_in_sample(fld)
    table = format_table(corpus_report)
    assert any(line.startswith("kind ") for line in table.splitlines())
    assert "kind in 18 of 19, reference in 1 of 19 documents" in table


# ---------------------------------------------------------------------------------------------------------
# The responses corpus (tests/responses: a copy of shared/corpus/responses) and the responses scoring
# ---------------------------------------------------------------------------------------------------------

RESPONSES = Path(__file__).resolve().parent / "responses"


@pytest.fixture(scope="module")
def responses_report():
    return evaluate(RESPONSES)


def test_the_responses_corpus_meets_the_issue_thresholds(responses_report):
    r = responses_report.responses
    errors = format_errors(responses_report)
    assert r.documents == 24
    assert r.items["items"].f1 >= 0.90, errors
    assert r.stance_accuracy >= 0.95, errors
    assert r.commitments.f1 >= 0.85, errors
    assert r.author_rate >= 0.90, errors


def test_responses_are_scored_as_the_shared_scorer_matches(tmp_path):
    """Numbered items by number, others by their quote in the found text (or 60% of its words); stances on the
    matched items into the confusion matrix; commitments by quote; the author by the body it names."""
    from missiongraph.eval_responses import ResponsesScore, author_found, score
    gold = {"recommendations": [{"number": "2.1", "stance": "partial", "quote": ""},
                                {"number": None, "stance": "full", "quote": "de Kamer jaarlijks te informeren"}],
            "findings": [{"number": None, "stance": None, "quote": "de kosten stijgen sterk"}],
            "commitments": [{"quote": "Ik zal de Kamer informeren"}],
            "responds_to": {"title": None, "author": "Raad voor de leefomgeving en infrastructuur (Rli)"}}
    found = {"recommendations": [{"number": "2.1.", "stance": "full", "text": "x"},
                                 {"number": None, "stance": "full", "text": "om de Kamer jaarlijks te informeren."}],
             "findings": [{"number": None, "stance": None, "text": "iets anders"}],
             "commitments": [{"text": "Ik zal de Kamer informeren over de voortgang."}, {"text": "Hierbij meld ik"}],
             "responds_to": {"author": "Rli", "title": None}}
    r = ResponsesScore()
    score(r, "doc", found, gold)
    assert (r.items["recommendations"].tp, r.items["findings"].fp, r.items["findings"].fn) == (2, 1, 1)
    assert r.confusion["partial"]["full"] == 1 and r.confusion["full"]["full"] == 1 and r.stance_accuracy == 0.5
    assert (r.commitments.tp, r.commitments.fp, r.commitments.fn) == (1, 1, 0)
    assert r.authors_found == 1
    assert "recommendation #2.1: stance gold partial, found full" in r.errors["doc"]
    assert any(e.startswith("finding missed") for e in r.errors["doc"])
    assert author_found("Deloitte en Berenschot", "Deloitte; Berenschot")
    assert author_found("Onderzoeksraad voor Veiligheid", "OVV")
    assert author_found("Commissie van onderzoek besluitvorming Irak (commissie Davids)", "commissie Davids")
    assert not author_found("Onderwijsraad", "Inspectie van het Onderwijs")
    assert author_found("Inspectie Gezondheidszorg en Jeugd", "IGJ")        # a name with "en" in it is one body
    assert author_found("Inspectie Ontwikkelingssamenwerking en Beleidsevaluatie", "IOB")   # its former name
    assert not author_found("Inspectie Justitie en Veiligheid", "IGJ")


def test_the_responses_table_and_errors(responses_report):
    table = format_table(responses_report)
    for line in ("items ", "commitments ", "stance accuracy on matched items", "report author found"):
        assert line in table
    assert "responses/r" in format_errors(responses_report)
