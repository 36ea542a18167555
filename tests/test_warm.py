"""Workers start warm (``missiongraph.warm``): the fork server a parallel load starts its workers from extracts one
short document that gives every rule and linker something to find, so each rule builds its tables there, once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from missiongraph.extract import LINKERS, RULES, extract
from missiongraph.extract.text import normalise
from missiongraph.warm import WARM_UP_TEXT

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent

# Every kind of mention a rule or linker reports: the warm-up document must hold one of each.
KINDS = {"kamerstuk", "tk-id", "resolution", "date", "mission", "ministry", "person", "organisation", "country",
         "reference", "kind", "title", "report", "finding", "recommendation", "commitment", "mandate"}


def test_the_warm_up_document_gives_every_kind_of_mention():
    assert {m.kind for m in extract(WARM_UP_TEXT)} == KINDS


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.__module__.rsplit('.', 1)[-1]}.{r.__name__}")
def test_every_rule_finds_something_in_the_warm_up_document(rule):
    assert list(rule(normalise(WARM_UP_TEXT))), f"{rule.__name__} finds nothing: its tables would be built late"


@pytest.mark.parametrize("linker", LINKERS, ids=lambda r: r.__name__)
def test_every_linker_links_something_in_the_warm_up_document(linker):
    text = normalise(WARM_UP_TEXT)
    found = [m for rule in RULES for m in rule(text)]
    assert list(linker(text, found))


def _first_document(how: str) -> float:
    """CPU seconds a fresh process needs to extract its first document: "cold": the process itself (importing the
    code not counted); "pool": a load's worker, from its fork to the end of the document, starting included."""
    out = subprocess.run([sys.executable, "-m", "tests.warm_probe", how, str(sorted((SEEDS / "docs").glob("*.txt"))[0])],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return float(out.stdout.strip())


def test_a_load_worker_extracts_its_first_document_without_building_tables():
    """Cold, the first document pays for building the tables (~0.3-0.6 s CPU); a load's worker, forked from the
    warm fork server, starts and extracts it for a fraction of that (~0.02-0.05 s), where building the tables in
    each worker (its initializer) would cost each the cold figure."""
    cold, warm = _first_document("cold"), _first_document("pool")
    assert warm < cold / 3, (warm, cold)
