"""``forget`` removes one document and leaves exactly the graph a load of the other documents gives, on both
stores, while checking only the nodes the document touched for orphans (no scan of every label).

Three letters share some entities. ``mandaat`` names things through relationships of several types: Kamerstuk
35570-V-9 (CITES, and IN_DOSSIER to dossier 35570), resolution 2584 (MENTIONS, and MANDATES to MINUSMA), the IOB
evaluation it answers (RESPONDS_TO, EVALUATES MINUSMA, AUTHORED_BY IOB), recommendation 2.1 (ENDORSES, and HAS_RECOMMENDATION from conclusion 2),
and two nodes that no relationship at its Document node reaches at all: dossier 35570 and conclusion 2.
``ander`` shares Kamerstuk 29521-420, MINUSMA, Buitenlandse Zaken and minister Blok with it; ``defensie`` shares
dossier 29521 and the VN-Veiligheidsraad.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from missiongraph.pipeline import load
from missiongraph.schema import load_schema
from missiongraph.stores.base import entity_pairs, forget_candidates, forget_plan
from missiongraph.stores.embedded import EmbeddedStore

from .conftest import open_neo4j, wipe
from .test_neo4j_store import snapshot

DOCS = {
    "mandaat": """Den Haag, 12 mei 2021

Betreft: verlenging van de bijdrage aan MINUSMA

Geachte Voorzitter,

De VN-Veiligheidsraad heeft met resolutie 2584 (2021) het mandaat van MINUSMA verlengd.
In Kamerstuk 29 521, nr. 420 schreef ik u over de inzet. Ook Kamerstuk 35 570 V, nr. 9 is van belang.
In reactie op de IOB-evaluatie van MINUSMA 2014-2019 onderschrijft het kabinet aanbeveling 2.1.

De Minister van Buitenlandse Zaken,

S.A. Blok
""",
    "ander": """Den Haag, 2 februari 2021

Betreft: stand van zaken MINUSMA

Geachte Voorzitter,

Zie Kamerstuk 29 521, nr. 420 voor de inzet in Mali.

De Minister van Buitenlandse Zaken,

S.A. Blok
""",
    "defensie": """Den Haag, 5 maart 2021

Betreft: Resolute Support

Geachte Voorzitter,

Zie Kamerstuk 29 521, nr. 421 over Afghanistan. De VN-Veiligheidsraad heeft met resolutie 2543 (2020) het mandaat van UNAMA verlengd.

De Minister van Defensie,

A.Th.B. Bijleveld-Schouten
""",
}

# Forgetting a document: the nodes that go (only it named them) and near misses that stay (another one names them).
FORGET = [
    ("mandaat",
     {"Kamerstuk:35570-V-9", "Dossier:35570", "Resolution:2584", "Report:iob-minusma-2014-2019",
      "Recommendation:iob-minusma-2014-2019/aanbeveling-2.1", "Finding:iob-minusma-2014-2019/conclusie-2",
      "Organisation:IOB"},
     {"Kamerstuk:29521-420", "Dossier:29521", "Mission:MINUSMA", "Ministry:Buitenlandse Zaken", "Person:stef blok",
      "Organisation:VN-Veiligheidsraad"}),
    ("ander",
     {"Country:Mali"},
     {"Kamerstuk:29521-420", "Dossier:29521", "Mission:MINUSMA", "Ministry:Buitenlandse Zaken", "Person:stef blok"}),
    ("defensie",
     {"Kamerstuk:29521-421", "Resolution:2543", "Mission:UNAMA", "Mission:RSM", "Country:Afghanistan",
      "Ministry:Defensie", "Person:ank bijleveld"},
     {"Dossier:29521", "Organisation:VN-Veiligheidsraad"}),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("forget")
    paths = {}
    for name, text in DOCS.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, "utf-8")
    return paths


@pytest.fixture(scope="module")
def without(corpus, tmp_path_factory) -> dict[str, dict]:
    """Per document, the graph of a fresh load of the other two (same file paths, so the same ``source``)."""
    out = {}
    for name in DOCS:
        with EmbeddedStore(tmp_path_factory.mktemp("fresh") / "graph.lbug") as store:
            assert load([path for other, path in corpus.items() if other != name], store).ok
            out[name] = snapshot(store)
    return out


def node_ids(snap: dict) -> set[str]:
    return {f"{label}:{node['id']}" for label, nodes in snap["nodes"].items() for node in nodes}


def doc_rels(snap: dict, doc: str) -> list[dict]:
    return [rel for rels in snap["relationships"].values() for rel in rels if rel["doc"] == doc]


@pytest.mark.parametrize("doc, gone, kept", FORGET, ids=[row[0] for row in FORGET])
def test_forget_leaves_the_graph_of_a_load_without_the_document(corpus, without, tmp_path, doc, gone, kept):
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        assert load(list(corpus.values()), store).ok
        before = node_ids(snapshot(store))
        assert gone | kept <= before
        assert store.forget(doc)
        after = snapshot(store)
    assert not gone & node_ids(after)
    assert kept <= node_ids(after)
    assert not doc_rels(after, doc)
    assert node_ids(after) == before - gone - {f"Document:{doc}"}
    assert after == without[doc]


def test_forget_twice_and_an_unknown_document_change_nothing(corpus, without, tmp_path):
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        assert load(list(corpus.values()), store).ok
        assert store.forget("ander")
        assert not store.forget("ander")
        for missing in ("Ander", "ander.txt", "", "mandaat'})--(n) DETACH DELETE n //"):
            assert not store.forget(missing)
        assert snapshot(store) == without["ander"]


@pytest.mark.neo4j
def test_forget_on_neo4j_leaves_the_graph_of_a_load_without_the_document(corpus, without, neo4j_clean):
    store = open_neo4j(neo4j_clean)
    try:
        for doc, gone, kept in FORGET:
            wipe(store)
            assert load(list(corpus.values()), store).ok
            assert store.forget(doc)
            after = snapshot(store)
            assert not gone & node_ids(after) and kept <= node_ids(after), doc
            assert after == without[doc], doc
    finally:
        wipe(store)
        store.close()


# --- the plan: what forgetting reads and writes ------------------------------------------------------------------

SCHEMA = load_schema()

CANDIDATES = [
    # (neighbours of the Document node, endpoints of its relationships between entities, candidates per label)
    ([], [], {}),
    ([{"_label": "Kamerstuk", "id": "29521-420", "dossier": "29521"}, {"_label": "Kamerstuk", "id": "29521-420"},
      {"_label": "Mission", "id": "MINUSMA"}],
     [],
     {"Kamerstuk": ["29521-420"], "Mission": ["MINUSMA"]}),
    ([{"_label": "Person", "id": "blok"}],
     [("Kamerstuk", "Dossier", [["35570-V-9", "35570"], ["29521-420", "29521"]]),
      ("Person", "Ministry", [["blok", "Buitenlandse Zaken"]]),
      ("Finding", "Recommendation", [["mandaat/conclusie-2", "mandaat/aanbeveling-2.1"]]),
      ("Commitment", "Finding", [])],
     {"Person": ["blok"], "Kamerstuk": ["29521-420", "35570-V-9"], "Dossier": ["29521", "35570"],
      "Ministry": ["Buitenlandse Zaken"], "Finding": ["mandaat/conclusie-2"],
      "Recommendation": ["mandaat/aanbeveling-2.1"]}),
    # another Document next to it is never a candidate: Documents are not orphans
    ([{"_label": "Document", "id": "ander"}, {"_label": "Country", "id": "Mali"}], [], {"Country": ["Mali"]}),
]


@pytest.mark.parametrize("neighbours, endpoints, expected", CANDIDATES)
def test_forget_candidates(neighbours, endpoints, expected):
    assert forget_candidates(neighbours, endpoints, SCHEMA) == expected


def test_entity_pairs_are_the_endpoint_pairs_without_a_document():
    pairs = entity_pairs(SCHEMA)
    assert ("IN_DOSSIER", "Kamerstuk", "Dossier") in pairs and ("RESPONDS_TO", "Kamerstuk", "Report") in pairs
    assert ("RESPONDS_TO", "Document", "Report") not in pairs and ("CITES", "Document", "Kamerstuk") not in pairs
    assert all("Document" not in (start, end) for _, start, end in pairs)
    assert len(pairs) == sum(1 for spec in SCHEMA.relationships.values()
                             for start, end in spec.endpoints if "Document" not in (start, end))


def test_forget_plan_checks_only_the_candidates_for_orphans():
    candidates = {"Kamerstuk": [f"29521-{n}" for n in range(5001)], "Mission": ["MINUSMA"]}
    plan = forget_plan("mandaat", candidates, SCHEMA)
    label_scans = [c for c, _ in plan if re.match(r"MATCH \(n:\w+\) WHERE NOT EXISTS", c)]
    assert label_scans == []
    orphan_checks = [(c, p) for c, p in plan if "NOT EXISTS" in c]
    assert [c.split("(n:")[1].split()[0] for c, _ in orphan_checks] == ["Kamerstuk", "Kamerstuk", "Mission"]
    assert [len(p["keys"]) for _, p in orphan_checks] == [5000, 1, 1]     # in chunks, never an empty list
    deletes = [i for i, (c, _) in enumerate(plan) if "DETACH DELETE d" in c]
    assert len(deletes) == 1 and plan[deletes[0]][1] == {"id": "mandaat"}
    rel_deletes = [i for i, (c, p) in enumerate(plan) if p == {"docs": ["mandaat"]}]
    assert len(rel_deletes) == len(entity_pairs(SCHEMA))
    assert max(rel_deletes) < deletes[0] < plan.index(orphan_checks[0])   # orphans are checked last
    assert all("mandaat" not in c for c, _ in plan)                       # the id is a parameter, never text
