"""Export the graph to files other tools read: ``missiongraph export OUT --format FORMAT``.

Formats:

- ``neo4j-admin``: CSV data files and header files for ``neo4j-admin database import full``, Neo4j's offline bulk
  importer, for corpora too large to load online. One header + data file per label and per relationship type and
  endpoint pair, typed from the schema, plus ``import.sh`` with the exact command. The import gives the same graph
  as an online load (``missiongraph load --neo4j``): same labels, keys, properties and value types; a null
  property is absent, as a ``SET r.p = null`` leaves it online. Streamed: at most one page of rows is in memory.
  The command gets ``--multiline-fields=true`` only when some value contains a line break (it slows the importer).
- ``node-link``: node-link JSON (networkx ``node_link_graph`` reads it; D3 and other JavaScript tools too).
  Streamed like ``neo4j-admin``.
- ``graphml`` (yEd, Cytoscape, networkx) and ``gexf`` (Gephi): written by networkx from an in-memory graph, so
  they are for graphs that fit in memory (a few hundred thousand relationships, not the millions of a
  100,000-document corpus).

The store is read in pages (``page_size`` nodes per query, keyset pagination on the label's key), never whole:
a 100,000-document graph has millions of relationships. Relationships are read per page of their start nodes
(``WHERE a.key >= $first AND a.key <= $last``), an index range seek on Neo4j and a filtered scan of one label's
keys on LadybugDB. Export a graph nobody is writing to: each page is its own read.

Node ids are ``Label:key`` in the node-link, GraphML and GEXF files; the label is the attribute ``labels``, the
relationship type the attribute ``label`` (the names Neo4j's APOC GraphML export uses), so Gephi can colour and
filter by them. Null properties are left out.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from ..schema import LabelSpec, RelSpec, Schema
from ..stores.base import GraphStore

FORMATS = ("neo4j-admin", "graphml", "gexf", "node-link")
PAGE_SIZE = 1000

# neo4j-admin header types for the schema's property types (Neo4j stores Python ints as 64-bit longs online).
NEO4J_ADMIN_TYPES = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean"}

# Options of `neo4j-admin database import full` pinned so that a changed default cannot silently change the
# imported values. Fields are quoted RFC 4180 style (" doubled) with the default delimiter (,) and quote ("); there
# are no array properties, so --array-delimiter does not matter. --multiline-fields=true is added only when a
# value contains a line break: neo4j-admin warns it "can severely degrade the performance" of large imports.
MULTILINE_OPTION = "--multiline-fields=true"
NEO4J_ADMIN_OPTIONS = (
    "--ignore-empty-strings=false",   # "" is an empty string; an empty unquoted field is a missing property
    "--trim-strings=false",           # keep leading/trailing whitespace, as an online load does
    "--legacy-style-quoting=false",   # a backslash is a plain character, \" is not a quote
    "--input-encoding=UTF-8",
    "--id-type=string",
    "--bad-tolerance=0",              # stop at the first bad line instead of importing a partial graph
    "--strict=true",                  # check every relationship's endpoints exist
)

# Characters XML 1.0 cannot carry at all (GraphML and GEXF are XML): replaced by U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class ExportError(Exception):
    """The export could not be written (bad output folder, unknown format); the message is one line."""


class NothingToExport(ExportError):
    """The graph is empty."""


@dataclass
class ExportReport:
    format: str
    out: Path
    files: list[Path] = field(default_factory=list)
    rows: dict[Path, int] = field(default_factory=dict)   # data rows per file (neo4j-admin)
    nodes: dict[str, int] = field(default_factory=dict)   # per label
    relationships: dict[str, int] = field(default_factory=dict)  # per type
    command: list[str] = field(default_factory=list)   # neo4j-admin: the import command, run inside ``out``


# --------------------------------------------------------------------------------------------------------------
# The output folder.
# --------------------------------------------------------------------------------------------------------------

def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    return fmt


def check_out(out: Path) -> None:
    """OUT must be a new or empty folder we can write in (checked before the store is read)."""
    if out.exists():
        if not out.is_dir():
            raise ExportError(f"{out} is a file; give a new or empty folder")
        if any(out.iterdir()):
            raise ExportError(f"{out} is not empty; give a new or empty folder")
        existing = out
    else:
        existing = out.absolute().parent
        while not existing.exists():
            existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write {out}: {existing} is not a writable folder")


def _make_out(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {out}: {exc.strerror or exc}") from None


# --------------------------------------------------------------------------------------------------------------
# Reading the store in pages.
# --------------------------------------------------------------------------------------------------------------

def node_pages(store: GraphStore, label: str, page_size: int = PAGE_SIZE) -> Iterator[list[dict[str, Any]]]:
    """The nodes of ``label`` in key order, ``page_size`` at a time, as dicts of every schema property (missing
    ones None). Keyset pagination (``WHERE n.key > $after ... LIMIT``): each page costs the same, unlike SKIP."""
    spec = store.schema.label(label)
    cols = list(spec.properties)
    ret = ", ".join(f"n.{p}" for p in cols)
    first = f"MATCH (n:{label}) RETURN {ret} ORDER BY n.{spec.key} LIMIT $limit"
    after = f"MATCH (n:{label}) WHERE n.{spec.key} > $after RETURN {ret} ORDER BY n.{spec.key} LIMIT $limit"
    last = None
    while True:
        if last is None:
            rows = store.run(first, {"limit": page_size}).rows
        else:
            rows = store.run(after, {"after": last, "limit": page_size}).rows
        if not rows:
            return
        page = [dict(zip(cols, row)) for row in rows]
        yield page
        if len(rows) < page_size:
            return
        last = page[-1][spec.key]


def recording_ranges(pages: Iterator[list[dict[str, Any]]], key: str,
                     ranges: list[tuple[Any, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Pass ``pages`` of :func:`node_pages` through, appending the (first, last) key of each to ``ranges``:
    consecutive ranges that cover every key once, to read relationships one page of start nodes at a time."""
    for page in pages:
        ranges.append((page[0][key], page[-1][key]))
        yield page


def rel_count(store: GraphStore, rel_type: str, start: str, end: str) -> int:
    return store.run(f"MATCH (:{start})-[r:{rel_type}]->(:{end}) RETURN count(r)").rows[0][0]


def rel_pages(store: GraphStore, rel_type: str, start: str, end: str,
              ranges: list[tuple[Any, Any]]) -> Iterator[list[dict[str, Any]]]:
    """The ``rel_type`` relationships from ``start`` to ``end`` nodes, one page of start nodes (``ranges``, see
    :func:`recording_ranges`) at a time: dicts with ``start`` and ``end`` (the endpoint keys) and every schema
    property of the type (missing ones None), ordered as ``GraphStore.relationships`` orders them."""
    spec = store.schema.rel(rel_type)
    skey, ekey = store.schema.label(start).key, store.schema.label(end).key
    cols = list(spec.properties)
    ret = ", ".join(f"r.{p}" for p in cols)
    cypher = (f"MATCH (a:{start})-[r:{rel_type}]->(b:{end}) WHERE a.{skey} >= $first AND a.{skey} <= $last "
              f"RETURN a.{skey}, b.{ekey}, {ret} ORDER BY a.{skey}, b.{ekey}, r.doc, r.span_start")
    for first, last in ranges:
        rows = store.run(cypher, {"first": first, "last": last}).rows
        if rows:
            yield [{"start": row[0], "end": row[1], **dict(zip(cols, row[2:]))} for row in rows]


def _endpoint_pairs(schema: Schema) -> list[tuple[str, str, str]]:
    return [(name, a, b) for name, spec in schema.relationships.items() for a, b in spec.endpoints]


# --------------------------------------------------------------------------------------------------------------
# neo4j-admin CSV.
# --------------------------------------------------------------------------------------------------------------

def csv_field(value: Any) -> str:
    """One CSV field for neo4j-admin: None -> empty (the property is left out); a string always in quotes with
    quotes doubled, so "" stays an empty string and commas, newlines, backslashes and any unicode round-trip;
    booleans as true/false; numbers as Python writes them (shortest round-trip form for floats)."""
    if type(value) is str:  # the common case first: this runs once per field of millions of rows
        return '"' + value.replace('"', '""') + '"'
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return '"' + str(value).replace('"', '""') + '"'


def csv_line(values: list[Any]) -> str:
    return ",".join(csv_field(v) for v in values) + "\n"


def _admin_type(owner: str, prop: str, typ: str) -> str:
    try:
        return NEO4J_ADMIN_TYPES[typ]
    except KeyError:
        raise ExportError(f"{owner}.{prop}: no neo4j-admin type for schema type {typ}") from None


def node_header(spec: LabelSpec) -> list[str]:
    """``key:ID(Label)`` (the key column, stored as the key property, in the label's own ID space, e.g.
    ``id:ID(Document)``), then every other property typed from the schema."""
    if spec.properties[spec.key] != "STRING":
        raise ExportError(f"{spec.name}: neo4j-admin stores ID columns as strings, but the key {spec.key!r} is "
                          f"{spec.properties[spec.key]}")
    return [f"{spec.key}:ID({spec.name})"] + [f"{p}:{_admin_type(spec.name, p, t)}"
                                               for p, t in spec.properties.items() if p != spec.key]


def rel_header(spec: RelSpec, start: str, end: str) -> list[str]:
    """``:START_ID(Start)``, ``:END_ID(End)`` (the endpoints' ID spaces), then the type's properties."""
    return [f":START_ID({start})", f":END_ID({end})"] + [f"{p}:{_admin_type(spec.name, p, t)}"
                                                          for p, t in spec.properties.items()]


def neo4j_admin_command(nodes: list[tuple[str, str, str]], relationships: list[tuple[str, str, str]], *,
                        multiline: bool, database: str = "neo4j") -> list[str]:
    """The import command for (label or type, header file, data file) triples, file names relative to the folder
    it runs in (written ``./NAME``: the neo4j-admin of the calendar versions refuses a bare file name, "Unable to
    find the parent of the path"); ``multiline``: some value contains a line break."""
    cmd = ["neo4j-admin", "database", "import", "full"]
    cmd += [f"--nodes={label}=./{header},./{data}" for label, header, data in nodes]
    cmd += [f"--relationships={rel_type}=./{header},./{data}" for rel_type, header, data in relationships]
    return cmd + ([MULTILINE_OPTION] if multiline else []) + list(NEO4J_ADMIN_OPTIONS) + [database]


def import_script(command: list[str]) -> str:
    """``import.sh``: the command, run from the script's own folder (so the folder can be copied to the server),
    with ``$NEO4J_ADMIN`` (default ``neo4j-admin``), ``$NEO4J_DATABASE`` (default ``neo4j``) and extra options."""
    args = command[1:-1]
    lines = [
        "#!/bin/sh",
        "# Bulk-import this folder into Neo4j (written by `missiongraph export --format neo4j-admin`).",
        "# Stop the server first; the database must not exist or be empty (or pass --overwrite-destination=true).",
        "# NEO4J_ADMIN: the neo4j-admin launcher (default: neo4j-admin on PATH); NEO4J_DATABASE (default: neo4j).",
        "# Extra arguments go to neo4j-admin. Afterwards start the server: the first missiongraph command against",
        "# it creates the constraints and indexes.",
        "set -e",
        'cd "$(dirname "$0")"',
        'exec "${NEO4J_ADMIN:-neo4j-admin}" ' + " ".join(shlex.quote(a) for a in args[:3]) + " \\",
    ]
    lines += [f"  {shlex.quote(a)} \\" for a in args[3:]]
    lines.append(f'  "$@" "${{NEO4J_DATABASE:-{command[-1]}}}"')
    return "\n".join(lines) + "\n"


def _write_rows(path: Path, pages: Iterator[list[dict[str, Any]]], columns: list[str]) -> tuple[int, bool]:
    """Write the rows as CSV lines; return how many and whether any value contains a line break."""
    n, multiline = 0, False
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for page in pages:
            text = "".join(csv_line([row[c] for c in columns]) for row in page)
            multiline = multiline or "\r" in text or text.count("\n") > len(page)
            fh.write(text)
            n += len(page)
    return n, multiline


def export_neo4j_admin(store: GraphStore, out: Path, page_size: int = PAGE_SIZE) -> ExportReport:
    """Write the neo4j-admin files into ``out`` (an existing, empty folder), streaming page by page."""
    schema = store.schema
    report = ExportReport("neo4j-admin", out)
    node_args, rel_args = [], []
    multiline = False
    ranges: dict[str, list[tuple[Any, Any]]] = {}

    def add(path: Path, rows: int | None = None) -> None:
        report.files.append(path)
        if rows is not None:
            report.rows[path] = rows

    for label, spec in schema.labels.items():
        ranges[label] = []
        header, data = out / f"nodes-{label}.header.csv", out / f"nodes-{label}.csv"
        rows, broken = _write_rows(data, recording_ranges(node_pages(store, label, page_size), spec.key,
                                                          ranges[label]),
                                   [spec.key] + [p for p in spec.properties if p != spec.key])
        multiline = multiline or broken
        if not rows:
            data.unlink()
            continue
        header.write_text(",".join(node_header(spec)) + "\n", encoding="utf-8")
        add(header)
        add(data, rows)
        report.nodes[label] = rows
        node_args.append((label, header.name, data.name))
    for rel_type, start, end in _endpoint_pairs(schema):
        if not ranges[start] or not rel_count(store, rel_type, start, end):
            continue
        spec = schema.rel(rel_type)
        stem = f"rels-{rel_type}-{start}-{end}"
        header, data = out / f"{stem}.header.csv", out / f"{stem}.csv"
        header.write_text(",".join(rel_header(spec, start, end)) + "\n", encoding="utf-8")
        rows, broken = _write_rows(data, rel_pages(store, rel_type, start, end, ranges[start]),
                                   ["start", "end", *spec.properties])
        multiline = multiline or broken
        add(header)
        add(data, rows)
        report.relationships[rel_type] = report.relationships.get(rel_type, 0) + rows
        rel_args.append((rel_type, header.name, data.name))
    report.command = neo4j_admin_command(node_args, rel_args, multiline=multiline)
    script = out / "import.sh"
    script.write_text(import_script(report.command), encoding="utf-8")
    script.chmod(0o755)
    add(script)
    return report


# --------------------------------------------------------------------------------------------------------------
# node-link JSON (streamed), GraphML and GEXF (networkx, in memory).
# --------------------------------------------------------------------------------------------------------------

def node_id(label: str, key: Any) -> str:
    return f"{label}:{key}"


def _present(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None}


def stream_graph(store: GraphStore, page_size: int = PAGE_SIZE
                 ) -> tuple[Iterator[tuple[str, str, dict[str, Any]]], Iterator[tuple[str, str, str, dict[str, Any]]]]:
    """Two iterators over the whole graph, page by page: nodes as (node id, label, properties without nulls) and
    relationships as (start id, end id, type, properties without nulls). Exhaust the first before starting the
    second: reading the nodes records the key ranges the relationships are read by."""
    schema = store.schema
    ranges: dict[str, list[tuple[Any, Any]]] = {}

    def nodes() -> Iterator[tuple[str, str, dict[str, Any]]]:
        for label, spec in schema.labels.items():
            ranges[label] = []
            for page in recording_ranges(node_pages(store, label, page_size), spec.key, ranges[label]):
                for props in page:
                    yield node_id(label, props[spec.key]), label, _present(props)

    def relationships() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        for rel_type, start, end in _endpoint_pairs(schema):
            if not ranges[start] or not rel_count(store, rel_type, start, end):
                continue
            for page in rel_pages(store, rel_type, start, end, ranges[start]):
                for row in page:
                    props = _present({k: v for k, v in row.items() if k not in ("start", "end")})
                    yield node_id(start, row["start"]), node_id(end, row["end"]), rel_type, props

    return nodes(), relationships()


def export_node_link(store: GraphStore, out: Path, page_size: int = PAGE_SIZE) -> ExportReport:
    """``graph.json``: ``{"directed": true, "multigraph": true, "graph": {...}, "nodes": [{"id", "labels",
    "properties"}], "edges": [{"source", "target", "key", "label", "properties"}]}``, one node or edge per line.
    Properties are nested, so a property named ``id`` cannot clash with the node id."""
    report = ExportReport("node-link", out)
    path = out / "graph.json"
    nodes, relationships = stream_graph(store, page_size)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"directed": true, "multigraph": true, "graph": {"name": "missiongraph"},\n"nodes": [')
        sep = "\n"
        for nid, label, props in nodes:
            fh.write(sep + json.dumps({"id": nid, "labels": label, "properties": props}, ensure_ascii=False))
            sep = ",\n"
            report.nodes[label] = report.nodes.get(label, 0) + 1
        fh.write('\n],\n"edges": [')
        sep = "\n"
        for key, (source, target, rel_type, props) in enumerate(relationships):
            fh.write(sep + json.dumps({"source": source, "target": target, "key": key, "label": rel_type,
                                       "properties": props}, ensure_ascii=False))
            sep = ",\n"
            report.relationships[rel_type] = report.relationships.get(rel_type, 0) + 1
        fh.write("\n]}\n")
    report.files.append(path)
    return report


def xml_safe(value: Any) -> Any:
    """Strings with the characters XML 1.0 cannot represent (control characters other than tab, newline and
    carriage return) replaced by U+FFFD; other values unchanged."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def flat_graph(store: GraphStore, page_size: int = PAGE_SIZE) -> nx.MultiDiGraph:
    """The whole graph in memory with flat, XML-safe attributes: node id ``Label:key``, attribute ``labels`` and
    every non-null property; edge attribute ``label`` (the type) and every non-null property."""
    graph = nx.MultiDiGraph(name="missiongraph")
    nodes, relationships = stream_graph(store, page_size)
    for nid, label, props in nodes:
        graph.add_node(nid, labels=label, **{k: xml_safe(v) for k, v in props.items()})
    for source, target, rel_type, props in relationships:
        graph.add_edge(source, target, label=rel_type, **{k: xml_safe(v) for k, v in props.items()})
    return graph


def gexf_graph(graph: nx.MultiDiGraph, schema: Schema) -> nx.MultiDiGraph:
    """The flat graph as GEXF wants it: the node's GEXF label is its caption (what Gephi shows), and the key
    property is left out (networkx would take a node attribute ``id`` as the GEXF node id; the key is in the id)."""
    out = nx.MultiDiGraph(name=graph.graph.get("name", ""))
    for nid, attrs in graph.nodes(data=True):
        spec = schema.label(attrs["labels"])
        caption = attrs.get(spec.caption, attrs.get(spec.key, nid))
        out.add_node(nid, **{k: v for k, v in attrs.items() if k != spec.key}, label=str(caption))
    out.add_edges_from(graph.edges(keys=True, data=True))
    return out


def _count(graph: nx.MultiDiGraph, report: ExportReport) -> None:
    for _, attrs in graph.nodes(data=True):
        report.nodes[attrs["labels"]] = report.nodes.get(attrs["labels"], 0) + 1
    for _, _, attrs in graph.edges(data=True):
        report.relationships[attrs["label"]] = report.relationships.get(attrs["label"], 0) + 1


def export_graphml(store: GraphStore, out: Path, page_size: int = PAGE_SIZE) -> ExportReport:
    report = ExportReport("graphml", out)
    graph = flat_graph(store, page_size)
    path = out / "graph.graphml"
    nx.write_graphml(graph, path)
    _count(graph, report)
    report.files.append(path)
    return report


def export_gexf(store: GraphStore, out: Path, page_size: int = PAGE_SIZE) -> ExportReport:
    report = ExportReport("gexf", out)
    graph = flat_graph(store, page_size)
    path = out / "graph.gexf"
    nx.write_gexf(gexf_graph(graph, store.schema), path)
    _count(graph, report)
    report.files.append(path)
    return report


_WRITERS = {"neo4j-admin": export_neo4j_admin, "graphml": export_graphml, "gexf": export_gexf,
            "node-link": export_node_link}


def export(store: GraphStore, out: Path, fmt: str, *, page_size: int = PAGE_SIZE) -> ExportReport:
    """Write the graph of ``store`` into the folder ``out`` (new or empty) in format ``fmt``.

    Raises :class:`ExportError` for an unknown format or an unusable folder, :class:`NothingToExport` when the
    graph has no nodes, ``StoreError`` when the store cannot be read.
    """
    check_format(fmt)
    check_out(out)
    if not any(store.run(f"MATCH (n:{label}) RETURN count(n)").rows[0][0] for label in store.schema.labels):
        raise NothingToExport(f"the {store.name} store has no nodes: nothing to export (load documents first)")
    _make_out(out)
    try:
        return _WRITERS[fmt](store, out, page_size)
    except OSError as exc:
        raise ExportError(f"writing {exc.filename or out} failed: {exc.strerror or exc}") from None
