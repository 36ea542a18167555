"""Dump what extraction outputs for every document of the oracle corpora, to compare trees byte for byte.

    .venv/bin/python bench/oracle_dump.py /tmp/oracle-before.json     # on the untouched tree
    .venv/bin/python bench/oracle_dump.py /tmp/oracle-after.json && cmp /tmp/oracle-before.json /tmp/oracle-after.json

For each document: ``summarise(extract(text))``, the graph rows of ``document_graph(read_document(path))`` (the
document node, nodes and relationships with every property, sorted), and, as a stricter check, every mention
(``as_json``, in extract's order). A document whose graph does not validate records the error instead.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from missiongraph.extract import extract, summarise
from missiongraph.pipeline import document_graph
from missiongraph.read import read_document

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [Path("/tmp/synth300/docs"), Path("/tmp/real1k/docs"),
           *(Path("/work/shared/corpus") / c / "docs" for c in ("responses", "dev", "seeds")),
           *sorted((ROOT / "tests" / "handwritten").glob("*/docs"))]
SUFFIXES = (".txt", ".md", ".html", ".xml", ".pdf", ".docx")


def documents() -> list[Path]:
    """Every document file of the oracle corpora, in a stable order."""
    out = []
    for folder in CORPORA:
        out += sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                      and not p.name.endswith(".metadata.xml") and p.name.lower() != "readme.md")
    return out


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)


def graph_rows(graph) -> dict:
    """The graph as sorted rows of plain values."""
    d = graph.document
    nodes = sorted(_json([n.label, n.key, n.props]) for n in graph.nodes)
    rels = sorted(_json([r.type, r.start.label, r.start.key, r.end.label, r.end.key, r.provenance.doc,
                         r.provenance.start, r.provenance.end, r.provenance.text, r.provenance.sentence,
                         r.provenance.page, r.props, r.count]) for r in graph.relationships)
    return {"document": _json([d.label, d.key, d.props]), "nodes": nodes, "relationships": rels}


def dump(path: Path) -> dict:
    """Everything the oracle compares for one document."""
    doc = read_document(path)
    mentions = extract(doc.text)
    out = {"summary": _json(summarise(mentions)), "mentions": [_json(m.as_json()) for m in mentions]}
    try:
        out["graph"] = graph_rows(document_graph(read_document(path)))
    except Exception as exc:     # noqa: BLE001 - recorded, so a change in it shows
        out["graph_error"] = f"{type(exc).__name__}: {exc}"
    return out


def main(argv: list[str]) -> int:
    target = Path(argv[1])
    result = {str(p): dump(p) for p in documents()}
    target.write_text(json.dumps(result, indent=0, ensure_ascii=False, sort_keys=True))
    print(f"{len(result)} documents -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
