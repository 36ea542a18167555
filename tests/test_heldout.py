"""The held-out set (tests/heldout): hand-written documents the rules were not written from. The same F1
thresholds as on the real corpus, and the cabinet's stances on numbered recommendations and findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from missiongraph.eval import evaluate
from missiongraph.extract import extract, summarise

HELDOUT = Path(__file__).resolve().parent / "heldout"
THRESHOLDS = {"kamerstukken": 0.98, "resolutions": 0.98, "missions": 0.95, "ministries": 0.95, "self": 0.95,
              "date": 0.95, "persons": 0.90}
STANCE = {"full": "full", "partial": "partial", "none": "rejected"}


@pytest.fixture(scope="module")
def report():
    return evaluate(HELDOUT)


@pytest.mark.parametrize("field, threshold", THRESHOLDS.items())
def test_f1_on_the_heldout_set(report, field, threshold):
    assert report.fields[field].f1 >= threshold, report.fields[field]


def structured_golds():
    for path in sorted((HELDOUT / "gold").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        for key in ("recommendations", "findings"):
            if key in gold:
                yield pytest.param(path.stem, key, gold[key], id=f"{path.stem}-{key}")


@pytest.mark.parametrize("doc, key, expected", list(structured_golds()))
def test_stances_on_the_heldout_set(doc, key, expected):
    found = summarise(extract((HELDOUT / "docs" / f"{doc}.txt").read_text("utf-8")))
    got = {item["number"]: item["stance"] for item in found[key]}
    assert {n: got.get(n) for n in expected} == {n: STANCE[s] for n, s in expected.items()}
