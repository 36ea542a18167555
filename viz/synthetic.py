"""Synthetic graphs in the stores' export shape, for tests, benchmarks and demos of the visualisation.

Node ids are ``"{label}:{key}"`` with attributes ``label``, ``key`` and ``props``; edges carry ``type`` and
``props`` (provenance as the store exports it: doc, span_start, span_end, text, sentence, page, occurrences;
``stance`` on ENDORSES). Relationship types
and their endpoints follow the schema; popular targets (missions, ministries, countries) get many edges, as in the
real corpus.
"""

from __future__ import annotations

import random

import networkx as nx

from missiongraph.schema import Schema, load_schema

# Share of the nodes per label, roughly as in a loaded corpus.
LABEL_SHARES = {
    "Document": 0.14, "Kamerstuk": 0.26, "Dossier": 0.01, "Mission": 0.02, "Resolution": 0.05,
    "Report": 0.01, "Finding": 0.06, "Recommendation": 0.06, "Commitment": 0.04, "Ministry": 0.005,
    "Person": 0.04, "Organisation": 0.05, "Country": 0.055,
}
# Relative frequency of the relationship types.
REL_WEIGHTS = {
    "CITES": 30, "PUBLISHED_AS": 3, "IN_DOSSIER": 8, "MENTIONS": 35, "SIGNED_BY": 4, "ISSUED_BY": 4,
    "HOLDS_POST": 1, "MANDATES": 2, "RESPONDS_TO": 1, "EVALUATES": 1, "HAS_FINDING": 2, "HAS_RECOMMENDATION": 2,
    "ENDORSES": 4, "COMMITS": 2, "ADDRESSES": 1,
}
SHARED_SENTENCE = 0.5  # share of edges whose sentence already gave another edge of the same document
_WORDS = ("de het een missie kabinet Kamer bijdrage MINUSMA resolutie Veiligheidsraad minister evaluatie "
          "aanbeveling Defensie Buitenlandse Zaken inzet militairen Mali Afghanistan verlenging mandaat brief "
          "beleidsreactie IOB bevindingen stabiliteit vredesoperatie artikel 100 toezegging onderzoek").split()


def _sentence(rnd: random.Random) -> str:
    words = [rnd.choice(_WORDS) for _ in range(rnd.randint(8, 35))]
    return " ".join(words).capitalize() + "."


def _props(label: str, key: str, i: int, rnd: random.Random) -> dict:
    if label == "Document":
        return {"id": key, "title": f"Kamerbrief over {_sentence(rnd)[:-1].lower()}", "kind": "brief",
                "date": f"20{10 + i % 14:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}", "chars": rnd.randint(2000, 90000)}
    if label == "Kamerstuk":
        dossier, number = key.split("-", 1)
        return {"id": key, "dossier": dossier, "number": number,
                "url": f"https://zoek.officielebekendmakingen.nl/kst-{key}.html"}
    if label == "Resolution":
        return {"id": key, "caption": f"UNSCR {key}", "year": 1990 + i % 34,
                "url": f"https://undocs.org/S/RES/{key}"}
    if label in ("Finding", "Recommendation", "Commitment"):
        return {"id": key, "caption": f"{label} {i}", "text": _sentence(rnd)}
    if label == "Report":
        return {"id": key, "title": f"Evaluatie {i}: {_sentence(rnd)}", "evaluator": "IOB"}
    if label == "Person":
        return {"id": key, "name": key.title()}
    return {"id": key}


def _key(label: str, i: int) -> str:
    if label == "Kamerstuk":
        return f"{29521 + i % 40}-{i}"
    if label == "Resolution":
        return str(1000 + i)
    return f"{label.lower()}-{i}"


def synthetic_graph(nodes: int = 5000, edges: int = 15000, *, seed: int = 0,
                    schema: Schema | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph with exactly ``nodes`` nodes and ``edges`` edges (``nodes`` >= number of labels)."""
    schema = schema or load_schema()
    rnd = random.Random(seed)
    labels = [name for name in LABEL_SHARES if name in schema.labels]
    if nodes < len(labels):
        raise ValueError(f"need at least {len(labels)} nodes, one per label")
    counts = {label: 1 for label in labels}
    total_share = sum(LABEL_SHARES[label] for label in labels)
    for label in labels:
        counts[label] = max(1, int(nodes * LABEL_SHARES[label] / total_share))
    counts["Kamerstuk"] += nodes - sum(counts.values())

    graph = nx.MultiDiGraph()
    by_label: dict[str, list[str]] = {}
    for label in labels:
        ids = []
        for i in range(counts[label]):
            key = _key(label, i)
            node_id = f"{label}:{key}"
            graph.add_node(node_id, label=label, key=key, props=_props(label, key, i, rnd))
            ids.append(node_id)
        by_label[label] = ids
    # Zipf-like popularity: the first nodes of a label are picked far more often.
    weights = {label: [1.0 / (rank + 1) ** 0.8 for rank in range(len(ids))] for label, ids in by_label.items()}

    types = [t for t in REL_WEIGHTS if t in schema.relationships]
    type_weights = [REL_WEIGHTS[t] for t in types]
    documents = by_label["Document"]
    sentences: dict[str, list[str]] = {}

    def pick(label: str) -> str:
        if label == "Document":
            return rnd.choice(by_label[label])  # documents cite evenly
        return rnd.choices(by_label[label], weights[label])[0]

    def add_edge(rel: str, u: str, v: str) -> None:
        doc = graph.nodes[u]["key"] if graph.nodes[u]["label"] == "Document" else \
            graph.nodes[rnd.choice(documents)]["key"]
        # A sentence often names several things: half the edges reuse a sentence of the same document.
        pool = sentences.setdefault(doc, [])
        if pool and rnd.random() < SHARED_SENTENCE:
            sentence = rnd.choice(pool)
        else:
            sentence = _sentence(rnd)
            pool.append(sentence)
        start = rnd.randint(0, 50000)
        props = {"doc": doc, "span_start": start, "span_end": start + 12, "text": graph.nodes[v]["key"],
                 "sentence": sentence, "page": rnd.choice([0, 0, rnd.randint(1, 60)]),
                 "occurrences": rnd.choice([1, 1, 1, 2, 3])}
        if rel == "ENDORSES":
            props["stance"] = rnd.choice(["full", "full", "partial", "rejected"])
        graph.add_edge(u, v, type=rel, props=props)

    # Every node but the documents is there because something points at it (as in a loaded store): first one
    # edge into each, then random edges with popular targets.
    into: dict[str, list[tuple[str, str]]] = {}
    for rel in types:
        for start_label, end_label in schema.relationships[rel].endpoints:
            if start_label in by_label and end_label in by_label:
                into.setdefault(end_label, []).append((rel, start_label))
    targets = [v for label, ids in by_label.items() if label in into for v in ids]
    rnd.shuffle(targets)
    for v in targets[:edges]:
        rel, start_label = rnd.choice(into[graph.nodes[v]["label"]])
        add_edge(rel, pick(start_label), v)
    for _ in range(edges - min(edges, len(targets))):
        rel = rnd.choices(types, type_weights)[0]
        start_label, end_label = rnd.choice(schema.relationships[rel].endpoints)
        add_edge(rel, pick(start_label), pick(end_label))
    return graph
