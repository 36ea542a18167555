"""The response lexicon as data: every row of stances.yaml, items.yaml and commitments.yaml has an example, and the
extractor finds in it what the row says. docs/stances.md is generated from the same files."""

from __future__ import annotations

from pathlib import Path

import pytest

from missiongraph.extract import extract, summarise
from missiongraph.extract.responses.lexicon import STANCES, parse_phrase, read
from missiongraph.extract.responses.lexicondocs import generate

ROOT = Path(__file__).resolve().parent.parent
# The examples are sentences of a response: a context sentence names the report (as the documents do).
CONTEXT = "Dit is de kabinetsreactie op het rapport. "


def found(example: str) -> dict:
    return summarise(extract(CONTEXT + example))


def _items(d: dict) -> list[dict]:
    return [*d["recommendations"], *d["findings"]]


def _rows(name: str, section: str) -> list[dict]:
    return read(name)[section]


def _id(row: dict) -> str:
    return row.get("phrase") or row.get("singular")


@pytest.mark.parametrize("row", _rows("stances", "stances"), ids=_id)
def test_each_stance_phrasing_gives_its_stance(row):
    assert row["stance"] in STANCES
    stances = [i["stance"] for i in _items(found(row["example"]))]
    assert row["stance"] in stances, (row["example"], stances)


@pytest.mark.parametrize("row", _rows("stances", "scope"), ids=_id)
def test_each_scope_word_makes_a_stance_partial(row):
    assert "partial" in [i["stance"] for i in _items(found(row["example"]))], row["example"]


@pytest.mark.parametrize("row", _rows("stances", "complete"), ids=_id)
def test_each_complete_word_keeps_a_stance_full(row):
    assert "full" in [i["stance"] for i in _items(found(row["example"]))], row["example"]


@pytest.mark.parametrize("row", _rows("stances", "appraisals"), ids=_id)
def test_each_appraisal_lists_a_group_without_stance(row):
    assert any(i["collective"] and i["stance"] is None for i in _items(found(row["example"]))), row["example"]


@pytest.mark.parametrize("row", _rows("items", "nouns"), ids=_id)
def test_each_item_noun_names_an_item_of_its_kind(row):
    d = found(row["example"])
    assert d["recommendations" if row["kind"] == "recommendation" else "findings"], row["example"]


@pytest.mark.parametrize("row", _rows("items", "report_verbs"), ids=_id)
def test_each_report_verb_states_an_item_of_its_kind(row):
    d = found(row["example"])
    assert d["recommendations" if row["kind"] == "recommendation" else "findings"], row["example"]


@pytest.mark.parametrize("row", _rows("items", "response_labels"), ids=lambda row: row["label"])
def test_each_response_label_ends_the_numbered_item_above_it(row):
    from missiongraph.extract.responses.layout import numbered_items

    first = next(numbered_items(row["example"]))
    text = first.attrs["text"]
    assert (first.kind, first.value) == ("recommendation", "1") and row["label"].lower() not in text.lower(), text


@pytest.mark.parametrize("row", _rows("commitments", "markers"), ids=_id)
def test_each_commitment_marker_makes_a_commitment(row):
    assert len(found(row["example"])["commitments"]) == 1, row["example"]


@pytest.mark.parametrize("row", _rows("commitments", "exclusions"), ids=_id)
def test_each_exclusion_cancels_the_commitment(row):
    assert found(row["not"])["commitments"] == [], row["not"]


def test_every_phrase_is_well_formed_and_in_its_own_example():
    """Each row's example holds the row's phrase or one of its forms (words in order, gaps allowed)."""
    def holds(example: str, phrase: str) -> bool:
        words = [w.strip(".,;:!?\"'“”‘’()").lower() for w in example.split()]
        want = [w for w in parse_phrase(phrase) if w]
        i = 0
        for w in words:
            if i < len(want) and w == want[i]:
                i += 1
        return i == len(want)
    for name, section, text_key in (("stances", "stances", "example"), ("stances", "scope", "example"),
                                    ("stances", "complete", "example"), ("items", "report_verbs", "example"),
                                    ("commitments", "markers", "example")):
        for row in read(name)[section]:
            forms = [row["phrase"], *row.get("forms", [])]
            assert any(holds(row[text_key], f) for f in forms), (name, row["phrase"], row[text_key])


def test_at_least_sixty_phrasings_are_documented():
    s = read("stances")
    assert sum(len(s[k]) for k in ("stances", "scope", "complete", "appraisals")) >= 60


def test_docs_stances_md_is_up_to_date():
    assert (ROOT / "docs" / "stances.md").read_text("utf-8") == generate(), \
        "docs/stances.md is stale: run  python -m missiongraph.extract.responses.lexicondocs > docs/stances.md"
