"""Evaluation: how the scores are counted, and the thresholds the extractor must meet on the real corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import missiongraph
from missiongraph.eval import FieldScore, compare, evaluate, format_errors, format_table

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
    ("missions", ["minusma"], ["MINUSMA"], (0, 1, 1)),                                # case matters elsewhere
    ("self", "29521-309", "29521-309", (1, 0, 0)),
    ("self", "29521-309", "29521-310", (0, 1, 1)),
    ("self", None, "29521-309", (0, 0, 1)),
    ("self", "29521-309", None, (0, 1, 0)),
    ("date", None, None, (0, 0, 0)),                                                  # nothing to count
]


@pytest.mark.parametrize("fld,found,gold,expected", COUNTS)
def test_counts(fld, found, gold, expected):
    result = compare({fld: found}, {fld: gold}, fields=[fld])
    s = result.scores[fld]
    assert (s.tp, s.fp, s.fn) == expected


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


def _corpus(root: Path, docs: dict[str, tuple[str, dict]]) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "gold").mkdir()
    for stem, (text, gold) in docs.items():
        (root / "docs" / f"{stem}.txt").write_text(text, encoding="utf-8")
        if gold is not None:
            (root / "gold" / f"{stem}.json").write_text(json.dumps(gold), encoding="utf-8")
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


def test_evaluate_rejects_a_folder_without_gold(tmp_path):
    (tmp_path / "docs").mkdir()
    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path)


# ---------------------------------------------------------------------------------------------------------
# The real corpus (seeds + dev)
# ---------------------------------------------------------------------------------------------------------

THRESHOLDS = {"kamerstukken": 0.98, "resolutions": 0.98, "self": 0.95, "date": 0.95}


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
                       for d in corpus_report.documents if d.misses[fld] or d.false_hits[fld])
    assert score.f1 >= minimum, f"{fld} F1 {score.f1:.3f} < {minimum}\n{detail}"
