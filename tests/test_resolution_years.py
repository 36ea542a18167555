"""Resolution years: the year the text gives ("resolutie 2100 (2013)"), else the one loader/data/resolutions.yaml
knows for the number (listed, or between two listed resolutions of one year), else none."""

from __future__ import annotations

import pytest
import yaml

from missiongraph.extract.references import resolutions
from missiongraph.extract.resolution_years import table, year_of
from missiongraph.extract.text import normalise
from missiongraph.model import SourceDocument
from missiongraph.pipeline import document_graph

from .conftest import ROOT

ENTRIES = yaml.safe_load((ROOT / "loader" / "data" / "resolutions.yaml").read_text("utf-8"))


def resolution_nodes(text: str) -> dict[str, dict]:
    doc = SourceDocument(id="d", text=text, source="d.txt", sha256="0" * 64)
    return {n.key: n.props for n in document_graph(doc).nodes if n.label == "Resolution"}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: str(e["number"]))
def test_each_entry_example_names_the_resolution_and_gives_its_year(entry):
    found = resolutions(normalise(entry["example"]))
    assert str(entry["number"]) in [m.value for m in found], entry["example"]
    node = resolution_nodes(entry["example"] + ".")[str(entry["number"])]
    assert node["year"] == entry["year"]
    assert node["url"] == f"https://undocs.org/S/RES/{entry['number']}({entry['year']})"


def test_numbers_rise_and_years_never_go_down():
    rows = table()
    assert len(rows) == len(ENTRIES) and rows == tuple(sorted(rows))
    assert all(y1 <= y2 for (_, y1), (_, y2) in zip(rows, rows[1:]))


@pytest.mark.parametrize("number, year", [
    (2100, 2013), ("2100", 2013), (2690, 2023),       # listed
    (2165, 2014), (2177, 2014),                        # between 2164 and 2178, both 2014
    (1770, 2007), (1777, 2007),                        # between 1769 and 1778, both 2007
    (1800, None),                                      # between 1778 (2007) and 1816 (2008): either year
    (2101, None), (2163, None),                        # between 2100 (2013) and 2164 (2014): either year
    (1, None), (49, None), (9999, None),               # outside the table
    ("2100a", None), ("", None), (None, None),
])
def test_year_of(number, year):
    assert year_of(number) == year


@pytest.mark.parametrize("text, years", [
    ("VNVR-resolutie 2100 werd verlengd", {"2100": 2013}),                          # the table
    ("resolutie 2100 (2013) van de VN-Veiligheidsraad", {"2100": 2013}),             # the text
    ("VNVR-resolutie 2374 (2017) over Mali", {"2374": 2017}),                        # the text, not listed
    ("VNVR-resolutie 2101 over iets anders", {"2101": None}),                        # neither: no year
    ("VNVR-resoluties 2164 en 2690", {"2164": 2014, "2690": 2023}),
    ("S/RES/2690 (2023)", {"2690": 2023}),
])
def test_resolution_nodes_carry_their_year(text, years):
    nodes = resolution_nodes(text)
    assert {k: v.get("year") for k, v in nodes.items()} == years


def test_a_mandate_gives_the_resolution_its_year():
    nodes = resolution_nodes("Met resolutie 2690 heeft de VN-Veiligheidsraad het mandaat van MINUSMA beëindigd.")
    assert nodes["2690"]["year"] == 2023
