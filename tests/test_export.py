"""`missiongraph export`: every format holds exactly the store's nodes and relationships, awkward strings
round-trip, the neo4j-admin files bulk-import into a real Neo4j (the session's version: 5.26 or 2026.09) as the same graph an online load makes, and
the command line fails on one line."""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from missiongraph.model import DocumentGraph, Node, NodeRef, Provenance, Relationship
from missiongraph.outputs.export import csv_field, export
from missiongraph.pipeline import load
from missiongraph.saved import saved_queries
from missiongraph.stores import neo4j_server as local_server
from missiongraph.stores.embedded import EmbeddedStore
from missiongraph.stores.neo4j import Neo4jStore

from .conftest import DEV, SEEDS, open_neo4j

# Strings a CSV or XML writer gets wrong when it is careless.
AWKWARD = [
    'a quote " in the middle and one at the end "',
    "comma, semicolon; pipe | and a tab\there",
    "two\nlines",
    "a windows\r\nline end and a lone \r carriage return",
    "a backslash at the end \\",
    'a backslash before a quote \\" and two \\\\',
    "  leading and trailing spaces  ",
    "unicode: één, Curaçao, 漢字, 🎉 and a \u2028 line separator",
    "<xml> & 'entities' &amp; ]]>",
]


def awkward_graph() -> DocumentGraph:
    """One document whose properties, node keys and provenance are the awkward strings (and an empty string)."""
    doc = Node("Document", "awkward-strings", {
        "caption": AWKWARD[0], "title": AWKWARD[2], "kind": "nota", "date": "2024-01-31", "reference": "",
        "kamerstuk": AWKWARD[4], "source": AWKWARD[7], "sha256": "0" * 64, "chars": 1234})
    orgs = [Node("Organisation", f"Org {i}: {text}", {"name": text}) for i, text in enumerate(AWKWARD)]
    rels = [Relationship("MENTIONS", doc.ref, NodeRef("Organisation", org.key),
                         Provenance("awkward-strings", 10 * i, 10 * i + 5, text, AWKWARD[-1 - i], 0), count=i + 1)
            for i, (org, text) in enumerate(zip(orgs, AWKWARD))]
    return DocumentGraph(document=doc, nodes=orgs, relationships=rels)


def expected_nodes(store) -> dict[str, tuple[str, dict]]:
    """Node id ``Label:key`` -> (label, non-null properties), read from the store."""
    out = {}
    for label, spec in store.schema.labels.items():
        for props in store.nodes(label):
            out[f"{label}:{props[spec.key]}"] = (label, {k: v for k, v in props.items() if v is not None})
    return out


def expected_edges(store) -> Counter:
    """Multiset of (start id, end id, type, non-null properties as sorted items)."""
    out = Counter()
    for rel_type in store.schema.relationships:
        for rel in store.relationships(rel_type):
            props = {k: v for k, v in rel.items() if k not in ("type", "start", "end") and v is not None}
            out[(rel["start"], rel["end"], rel_type, tuple(sorted(props.items())))] += 1
    return out


def edges_of(graph: nx.MultiDiGraph, skip: tuple[str, ...] = ("id",)) -> Counter:
    """The same multiset from a graph read back from a file (the edge type in attribute ``label``)."""
    out = Counter()
    for a, b, data in graph.edges(data=True):
        props = {k: v for k, v in data.items() if k not in ("label", *skip)}
        out[(a, b, data["label"], tuple(sorted(props.items())))] += 1
    return out


@pytest.fixture(scope="module")
def awkward_store(tmp_path_factory):
    """The seed documents plus the awkward-strings document, in an embedded store."""
    store = EmbeddedStore(tmp_path_factory.mktemp("awkward") / "graph.lbug")
    assert load([SEEDS / "docs"], store).ok
    store.write_documents([awkward_graph()])
    yield store
    store.close()


# --------------------------------------------------------------------------------------------------------------
# neo4j-admin CSV, read back without Neo4j.
# --------------------------------------------------------------------------------------------------------------

def read_admin_csv(folder: Path, stem: str) -> tuple[list[str], list[list[str]]]:
    header = (folder / f"{stem}.header.csv").read_text("utf-8").rstrip("\n").split(",")
    with open(folder / f"{stem}.csv", encoding="utf-8", newline="") as fh:
        return header, list(csv.reader(fh))


def typed(header: list[str], row: list[str]) -> dict:
    """A data row as the importer reads it: name from the header, long -> int, boolean -> bool, empty -> missing."""
    out = {}
    for field, value in zip(header, row, strict=True):
        name, _, typ = field.partition(":")
        if value != "":
            out[name or typ.split("(")[0]] = int(value) if typ == "long" else (value == "true") \
                if typ == "boolean" else value
    return out


def test_csv_fields_keep_null_apart_from_the_empty_string():
    assert csv_field(None) == ""
    assert csv_field("") == '""'
    assert csv_field('say "hi", then\nleave \\') == '"say ""hi"", then\nleave \\"'
    assert csv_field(42) == "42" and csv_field(True) == "true" and csv_field(0.1) == "0.1"


def test_neo4j_admin_files_hold_every_node_and_relationship_typed_from_the_schema(loaded_store, tmp_path):
    report = export(loaded_store, tmp_path / "out", "neo4j-admin")
    out = tmp_path / "out"
    counts = loaded_store.counts()
    assert report.nodes == {k: v for k, v in counts["nodes"].items() if v}
    assert report.relationships == {k: v for k, v in counts["relationships"].items() if v}

    header, rows = read_admin_csv(out, "nodes-Document")
    assert header[0] == "id:ID(Document)" and "chars:long" in header and "date:string" in header
    for label, spec in loaded_store.schema.labels.items():
        header, rows = read_admin_csv(out, f"nodes-{label}")
        want = [{k: v for k, v in props.items() if v is not None} for props in loaded_store.nodes(label)]
        assert [typed(header, row) for row in rows] == want, label

    header, _ = read_admin_csv(out, "rels-CITES-Document-Kamerstuk")
    assert header[:2] == [":START_ID(Document)", ":END_ID(Kamerstuk)"]
    assert {"doc:string", "span_start:long", "occurrences:long"} <= set(header)
    for rel_type, spec in loaded_store.schema.relationships.items():
        got = Counter()
        for start, end in spec.endpoints:
            if not (out / f"rels-{rel_type}-{start}-{end}.csv").exists():
                continue
            header, rows = read_admin_csv(out, f"rels-{rel_type}-{start}-{end}")
            for row in rows:
                props = typed(header, row)
                ends = (f"{start}:{props.pop('START_ID')}", f"{end}:{props.pop('END_ID')}")
                got[(*ends, rel_type, tuple(sorted(props.items())))] += 1
        want = Counter({k: v for k, v in expected_edges(loaded_store).items() if k[2] == rel_type})
        assert got == want, rel_type


def test_neo4j_admin_command_names_every_file_and_import_sh_runs_it_from_its_folder(loaded_store, tmp_path):
    report = export(loaded_store, tmp_path / "out", "neo4j-admin")
    cmd = report.command
    assert cmd[:4] == ["neo4j-admin", "database", "import", "full"] and cmd[-1] == "neo4j"
    assert "--nodes=Document=./nodes-Document.header.csv,./nodes-Document.csv" in cmd
    mentions = "rels-MENTIONS-Document-Mission"
    assert f"--relationships=MENTIONS=./{mentions}.header.csv,./{mentions}.csv" in cmd
    named = {name.removeprefix("./") for arg in cmd if arg.startswith(("--nodes=", "--relationships=")) for name in
             arg.split("=", 2)[2].split(",")}
    written = {p.name for p in (tmp_path / "out").glob("*.csv")}
    assert named == written
    assert "--multiline-fields=true" not in cmd  # no value of the sample has a line break
    script = (tmp_path / "out" / "import.sh").read_text("utf-8")
    assert 'cd "$(dirname "$0")"' in script and "${NEO4J_ADMIN:-neo4j-admin}" in script
    assert all(arg in script for arg in cmd[4:-1])


def test_pages_of_any_size_give_the_same_files(loaded_store, tmp_path):
    export(loaded_store, tmp_path / "big", "neo4j-admin", page_size=1000)
    export(loaded_store, tmp_path / "small", "neo4j-admin", page_size=3)
    big = {p.name: p.read_bytes() for p in (tmp_path / "big").iterdir()}
    small = {p.name: p.read_bytes() for p in (tmp_path / "small").iterdir()}
    assert big == small


def test_awkward_strings_survive_the_neo4j_admin_csv(awkward_store, tmp_path):
    report = export(awkward_store, tmp_path / "out", "neo4j-admin", page_size=4)
    assert "--multiline-fields=true" in report.command
    header, rows = read_admin_csv(tmp_path / "out", "nodes-Organisation")
    orgs = {typed(header, row)["id"]: typed(header, row)["name"] for row in rows}
    for i, text in enumerate(AWKWARD):
        assert orgs[f"Org {i}: {text}"] == text
    header, rows = read_admin_csv(tmp_path / "out", "nodes-Document")
    doc = next(dict(zip(header, row)) for row in rows if row[0] == "awkward-strings")
    assert doc["title:string"] == AWKWARD[2] and doc["source:string"] == AWKWARD[7]
    raw = (tmp_path / "out" / "nodes-Document.csv").read_text("utf-8")
    assert ',"",' in raw  # the empty reference: a quoted empty string, not a missing value


# --------------------------------------------------------------------------------------------------------------
# GraphML, GEXF, node-link JSON.
# --------------------------------------------------------------------------------------------------------------

def test_graphml_reads_back_as_the_store(loaded_store, tmp_path):
    report = export(loaded_store, tmp_path / "out", "graphml")
    graph = nx.read_graphml(report.files[0], force_multigraph=True)
    want = expected_nodes(loaded_store)
    assert set(graph.nodes) == set(want)
    for node_id, (label, props) in want.items():
        assert graph.nodes[node_id] == {"labels": label, **props}
    assert edges_of(graph) == expected_edges(loaded_store)


def test_gexf_reads_back_as_the_store_with_captions_as_gephi_labels(loaded_store, tmp_path):
    report = export(loaded_store, tmp_path / "out", "gexf")
    graph = nx.read_gexf(report.files[0])
    want = expected_nodes(loaded_store)
    assert set(graph.nodes) == set(want)
    for node_id, (label, props) in want.items():
        spec = loaded_store.schema.label(label)
        attrs = dict(graph.nodes[node_id])
        assert attrs.pop("label") == str(props.get(spec.caption, props[spec.key]))
        assert attrs == {"labels": label, **{k: v for k, v in props.items() if k != spec.key}}
    assert graph.nodes["Mission:MINUSMA"]["label"] == "MINUSMA"
    assert edges_of(graph) == expected_edges(loaded_store)


def test_node_link_json_reads_back_as_the_store(loaded_store, tmp_path):
    report = export(loaded_store, tmp_path / "out", "node-link")
    data = json.loads(report.files[0].read_text("utf-8"))
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.is_directed() and graph.is_multigraph()
    want = expected_nodes(loaded_store)
    assert {n: (a["labels"], a["properties"]) for n, a in graph.nodes(data=True)} == want
    got = Counter((a, b, d["label"], tuple(sorted(d["properties"].items()))) for a, b, d in graph.edges(data=True))
    assert got == expected_edges(loaded_store)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "node-link"])
def test_awkward_strings_round_trip_through_every_file_format(awkward_store, tmp_path, fmt):
    report = export(awkward_store, tmp_path / "out", fmt)
    path = report.files[0]
    if fmt == "node-link":
        graph = nx.node_link_graph(json.loads(path.read_text("utf-8")), edges="edges")
        node = {n: a["properties"] for n, a in graph.nodes(data=True)}
        edges = [d["properties"] for _, _, d in graph.edges(data=True)]
    else:
        graph = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
        node = dict(graph.nodes(data=True))
        edges = [d for _, _, d in graph.edges(data=True)]
    for i, text in enumerate(AWKWARD):
        assert node[f"Organisation:Org {i}: {text}"]["name"] == text
    doc = node["Document:awkward-strings"]
    assert doc["title"] == AWKWARD[2] and doc["reference"] == "" and doc["chars"] == 1234
    sentences = {e["sentence"] for e in edges if e.get("doc") == "awkward-strings"}
    assert sentences == set(AWKWARD)


def test_xml_formats_replace_characters_xml_cannot_hold(empty_store, tmp_path):
    graph = awkward_graph()
    graph.document.props["title"] = "bell\x07 and nul\x00"
    empty_store.write_documents([graph])
    report = export(empty_store, tmp_path / "out", "graphml")
    assert nx.read_graphml(report.files[0]).nodes["Document:awkward-strings"]["title"] == "bell\ufffd and nul\ufffd"
    report = export(empty_store, tmp_path / "json", "node-link")  # JSON holds them as they are
    nodes = json.loads(report.files[0].read_text("utf-8"))["nodes"]
    doc = next(n for n in nodes if n["id"] == "Document:awkward-strings")
    assert doc["properties"]["title"] == "bell\x07 and nul\x00"


# --------------------------------------------------------------------------------------------------------------
# The command line.
# --------------------------------------------------------------------------------------------------------------


def test_cli_writes_the_files_and_prints_counts_and_the_import_command(run, tmp_path):
    assert run("load", SEEDS / "docs", "-q").exit_code == 0
    result = run("export", "bulk", "--format", "neo4j-admin")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "bulk" / "nodes-Document.csv").read_text("utf-8").count("\n") == 2
    assert "nodes-Document.csv" in result.output and "Document 2" in result.output
    assert f"cd {tmp_path / 'bulk'} && neo4j-admin database import full --nodes=Document=" in result.output
    for fmt, name in [("graphml", "graph.graphml"), ("gexf", "graph.gexf"), ("node-link", "graph.json")]:
        result = run("export", fmt, "--format", fmt)
        assert result.exit_code == 0 and (tmp_path / fmt / name).is_file(), result.output
        assert "neo4j-admin" not in result.output


@pytest.mark.parametrize("setup, args, code, message", [
    ("", ["export", "out", "--format", "csv"], 2,
     "unknown format 'csv'; formats: neo4j-admin, graphml, gexf, node-link"),
    ("full", ["export", "full", "--format", "gexf"], 2, "full is not empty; give a new or empty folder"),
    ("file", ["export", "file.txt", "--format", "gexf"], 2, "file.txt is a file"),
    ("file", ["export", "file.txt/sub", "--format", "gexf"], 2, "is not a writable folder"),
    ("", ["export", "out", "--format", "gexf", "--store", "missing.lbug"], 3, "no graph at missing.lbug"),
    ("empty", ["export", "out", "--format", "graphml", "--store", "empty.lbug"], 1, "has no nodes: nothing to export"),
])
def test_cli_errors_are_one_line_with_an_exit_code(run, tmp_path, setup, args, code, message):
    assert run("load", SEEDS / "docs", "-q").exit_code == 0
    if setup == "full":
        (tmp_path / "full").mkdir()
        (tmp_path / "full" / "keep.txt").write_text("mine", "utf-8")
    elif setup == "file":
        (tmp_path / "file.txt").write_text("mine", "utf-8")
    elif setup == "empty":
        EmbeddedStore(tmp_path / "empty.lbug").close()
    result = run(*args)
    assert result.exit_code == code
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.output
    assert not (tmp_path / "out").exists()
    if setup == "full":
        assert [p.name for p in (tmp_path / "full").iterdir()] == ["keep.txt"]


def test_cli_help_has_an_example(run):
    result = run("export", "--help")
    assert result.exit_code == 0 and "Example" in result.output and "fit in" in result.output


# --------------------------------------------------------------------------------------------------------------
# The real bulk import: neo4j-admin of the session's Neo4j (5.26, or 2026.09 in the second run of scripts/test)
# into a second, separate server of the same version.
# --------------------------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def import_home(tmp_path: Path, shared: Path | None) -> tuple[Path, int, int]:
    """A second local Neo4j home with its own data, conf and ports; its jars are the shared server's (a link),
    so nothing is downloaded when that server is local."""
    home = tmp_path / "neo4j-import"
    home.mkdir()
    if shared is not None and (shared / "lib").is_dir():
        (home / "lib").symlink_to(shared / "lib")
    bolt, http = free_port(), free_port()
    local_server.assemble(home, bolt_port=bolt, http_port=http)
    return home, bolt, http


def test_the_admin_launcher_needs_an_assembled_home(tmp_path):
    with pytest.raises(local_server.Neo4jLocalError, match="No assembled Neo4j in"):
        local_server.admin_launcher(tmp_path / "nothing-here")
    assert not (tmp_path / "nothing-here" / "bin").exists()


def graph_of(store) -> tuple[dict, dict]:
    nodes = {label: store.nodes(label) for label in store.schema.labels}
    rels = {t: sorted(store.relationships(t), key=lambda r: json.dumps(r, sort_keys=True))
            for t in store.schema.relationships}
    return nodes, rels


def unordered(value):
    """Lists of plain values sorted: ``collect()`` gathers in storage order, which differs between two databases
    holding the same graph (co-citation's ``items``)."""
    if isinstance(value, list):
        items = [unordered(v) for v in value]
        return sorted(items, key=json.dumps) if all(isinstance(v, (str, int, float)) for v in items) else items
    if isinstance(value, dict):
        return {k: unordered(v) for k, v in value.items()}
    return value


def query_rows(store) -> dict[str, list[str]]:
    """Every saved query's rows with its default parameters, as a sorted list (ties may come in any order)."""
    out = {}
    for q in saved_queries().values():
        rows = store.run(q.cypher, q.params).rows
        out[q.name] = sorted(json.dumps([unordered(v) for v in row], sort_keys=True) for row in rows)
    return out


@pytest.mark.neo4j
def test_neo4j_admin_import_gives_the_graph_an_online_load_gives(neo4j_clean, tmp_path, monkeypatch):
    sample = [SEEDS / "docs", DEV / "docs"]
    # The same data twice: into the embedded store (exported, then bulk-imported) and online into Neo4j.
    embedded = EmbeddedStore(tmp_path / "graph.lbug")
    assert load(sample, embedded).ok
    embedded.write_documents([awkward_graph()])
    report = export(embedded, tmp_path / "bulk", "neo4j-admin")
    embedded.close()
    online = open_neo4j(neo4j_clean)
    try:
        assert load(sample, online).ok
        online.write_documents([awkward_graph()])
        export(online, tmp_path / "from-neo4j", "neo4j-admin")  # the same files when read from Neo4j
        for path in report.files:
            assert (tmp_path / "from-neo4j" / path.name).read_bytes() == path.read_bytes(), path.name

        monkeypatch.setenv("MISSIONGRAPH_NEO4J_HEAP", "512m")
        monkeypatch.setenv("MISSIONGRAPH_NEO4J_PAGECACHE", "64m")
        home, bolt, http = import_home(tmp_path, neo4j_clean.home)
        env = {**os.environ, "NEO4J_ADMIN": str(local_server.admin_launcher(home))}
        done = subprocess.run([str(tmp_path / "bulk" / "import.sh")], env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        assert "IMPORT DONE" in done.stdout
        password = "export-test-password"
        try:
            info = local_server.start(home, password, bolt_port=bolt, http_port=http, timeout=180)
            imported = Neo4jStore(info.uri, info.user, password)
            try:
                assert imported.counts() == online.counts()
                assert graph_of(imported) == graph_of(online)
                assert query_rows(imported) == query_rows(online)
            finally:
                imported.close()
        finally:
            local_server.stop(home)
    finally:
        online.close()
