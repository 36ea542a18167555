"""Hostile input never changes a query or the graph: document text, file and folder names and CLI parameters full
of quotes, backslashes, ``}`` ``)`` ``//``, ``$x`` and Cypher keywords are stored verbatim as data, on both stores;
ad-hoc Cypher that writes is refused without ``--write``, however it is spelled.

(A file name cannot contain ``/`` on POSIX, so the hostile file name ends its Cypher comment with ``\\``; ``//`` is
in the folder name, the title, the sentences and the parameters.)
"""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from missiongraph.cli import main
from missiongraph.pipeline import document_graph, load
from missiongraph.read import read_document
from missiongraph.stores.base import StoreError, writes
from missiongraph.stores.embedded import EmbeddedStore

from .conftest import SEED_NOTA, open_neo4j, wipe

HOSTILE = '"}) MATCH (n) DETACH DELETE n //'
TEXT = """# nota

Betreft HOSTILE $x \\ ') RETURN 1; MATCH (m) SET m.id = 'pwned' //

Den Haag, 3 maart 2020

De minister van Defensie, de heer O'BrienHOSTILE zegde toe. Minister Jansen"}) ook.
Zie Kamerstuk 29 521, nr. 401 en VN-missie MINUSMA. '}) MERGE (x:Mission {id: 'EVIL'}) // ${x} \\' \\\\
""".replace("HOSTILE", HOSTILE)
SECOND = """Den Haag, 4 april 2021

Betreft: `Mission` {id: $id} /* DROP TABLE Document */ CALL { MATCH (n) DELETE n } \\u0027 OR 1=1 --

Zie Kamerstuk 27 925, nr. 500 ("}) RETURN n //).
"""
NAMES = {"x'}) DETACH DELETE n \\ $x.txt": TEXT, 'a"b`c{d}(e)$id;MATCH.md': SECOND}


def node_rows_from(graphs, schema):
    from missiongraph.stores.base import node_rows as rows

    return rows(graphs, schema)


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inj") / "map'}) DETACH DELETE n " / "$x \\ DELETE"
    folder.mkdir(parents=True)
    for name, text in NAMES.items():
        (folder / name).write_text(text, "utf-8")
    shutil.copy(SEED_NOTA, folder / SEED_NOTA.name)
    return folder


def expected(folder, schema):
    """Nodes and relationships as extracted, independent of any store."""
    graphs = [document_graph(read_document(p, doc_id=p.stem)) for p in sorted(folder.iterdir())]
    nodes = {label: sorted(rows, key=lambda r: r[schema.label(label).key])
             for label, rows in node_rows_from(graphs, schema).items()}
    rels = []
    for g in graphs:
        for rel in g.relationships:
            rels.append({"type": rel.type, "start": f"{rel.start.label}:{rel.start.key}",
                         "end": f"{rel.end.label}:{rel.end.key}", **schema.rel_row(rel)})
    return graphs, nodes, rels


def canonical(rows):
    return sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)


def check_stored_verbatim(store, folder):
    graphs, nodes, rels = expected(folder, store.schema)
    for label in store.schema.labels:
        assert store.nodes(label) == nodes.get(label, []), label
    stored = [r for t in store.schema.relationships for r in store.relationships(t)]
    assert canonical(stored) == canonical(rels)
    ids = {row[0] for row in store.run("MATCH (d:Document) RETURN d.id").rows}
    assert ids == {"x'}) DETACH DELETE n \\ $x", 'a"b`c{d}(e)$id;MATCH', SEED_NOTA.stem}
    titles = [row[0] for row in store.run("MATCH (d:Document) RETURN d.title").rows]
    assert any(HOSTILE in t and "SET m.id = 'pwned' //" in t for t in titles), titles
    sources = [row[0] for row in store.run("MATCH (d:Document) RETURN d.source").rows]
    assert all("map'}) DETACH DELETE n /$x \\ DELETE/" in s for s in sources), sources
    sentences = [row[0] for row in store.run("MATCH ()-[r:MENTIONS]->(:Person) RETURN r.sentence").rows]
    assert any("O'Brien" + HOSTILE in s for s in sentences), sentences
    assert store.run("MATCH (m:Mission {id: 'EVIL'}) RETURN count(m)").rows == [[0]]
    assert store.run("MATCH (n) WHERE n.id = 'pwned' RETURN count(n)").rows == [[0]]
    return graphs


CYPHER_PARAMS = ["1' OR 1=1 //", '1" OR 1=1 //', "x'}) MATCH (n) DETACH DELETE n //", "$kamerstuk", "\\'; DROP",
                 "29521-401' RETURN 1 UNION MATCH (n) DETACH DELETE n //"]

REFUSED = [
    "match (n) detach delete n",
    "MATCH (n)\nDETACH\nDELETE n",
    "MATCH (n) CALL { WITH n DETACH DELETE n } RETURN count(*)",
    "MATCH (n) call {with n delete n} return 1",
    "MATCH (n:Mission) SET n.name = 'x'",
    "MATCH (n:Mission) WITH n /* comment */ REMOVE n.name",
    "UNWIND [1] AS i CREATE (:Mission {id: 'RETURN'})",
    "MERGE (m:Mission {id: 'y'}) RETURN m",
    "MATCH (n) RETURN n; MATCH (n) DETACH DELETE n",
    "RETURN 'a' // comment\nDETACH DELETE n",
    "RETURN \"it's\" AS x, 'say \\\"hi' AS y DELETE n",
    "MATCH (n) FOREACH (x IN [1] | SET n.id = 'z')",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "DROP TABLE Mission",
    "CALL db.clearQueryCaches()",
    "CALL\n  dbms.security.createUser('x', 'yyyyyyyy')",
    "CALL `db`.`createLabel`('X')",
    "CALL `apoc`.create.node(['X'], {})",
    "STOP DATABASE neo4j",
    "GRANT ROLE admin TO neo4j",
]
ALLOWED = [
    "RETURN 'DELETE' AS x",
    "RETURN \"MATCH (n) DETACH DELETE n\" AS x",
    "RETURN 'it\\'s a SET' AS x",
    "// DELETE everything\nMATCH (n:Mission) RETURN count(n)",
    "/* CREATE (x) */ MATCH (n:Mission) RETURN count(n) AS settings",
    "MATCH (d:Document) WHERE d.title CONTAINS 'DETACH DELETE' RETURN d.id AS `delete`",
    "MATCH (d:Document) RETURN d.id ORDER BY d.id",
]
# Read-only procedures (Neo4j's; LadybugDB has none of these names), checked as text only.
ALLOWED_PROCEDURES = ["CALL db.labels()", "CALL db.schema.visualization()", "CALL dbms.components()"]


def test_the_read_only_check_on_tricky_spellings():
    for cypher in REFUSED:
        assert writes(cypher), cypher
    for cypher in ALLOWED + ALLOWED_PROCEDURES:
        assert not writes(cypher), cypher


def test_hostile_names_and_text_are_stored_verbatim_in_the_embedded_store(tmp_path, hostile_folder):
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        report = load([hostile_folder], store)
        assert report.ok and len(report.loaded) == 3, report.failed
        check_stored_verbatim(store, hostile_folder)
        before = store.counts()
        assert len(load([hostile_folder], store).unchanged) == 3
        for param in CYPHER_PARAMS:
            assert store.run("MATCH (d:Document {id: $id}) RETURN d.id", {"id": param}).rows == []
        for cypher in REFUSED:
            with pytest.raises(StoreError, match="--write"):
                store.run(cypher)
        for cypher in ALLOWED:
            store.run(cypher)
        assert store.counts() == before
        assert store.forget("x'}) DETACH DELETE n \\ $x")
        assert store.counts()["nodes"]["Document"] == 2


def test_hostile_cli_parameters_change_nothing(tmp_path, monkeypatch, hostile_folder):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    path = str(tmp_path / "graph.lbug")
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(hostile_folder), "--store", path, "-q"]).exit_code == 0
    with EmbeddedStore(path, read_only=True) as store:
        before = store.counts()
    for param in CYPHER_PARAMS:
        result = runner.invoke(main, ["query", "citing-documents", "-p", f"kamerstuk={param}", "--store", path,
                                      "--format", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output) == []
    for cypher in REFUSED:
        result = runner.invoke(main, ["query", "--cypher", cypher, "--store", path])
        assert result.exit_code == 2 and "--write" in result.output, (cypher, result.output)
    for cypher in ALLOWED:
        assert runner.invoke(main, ["query", "--cypher", cypher, "--store", path]).exit_code == 0, cypher
    odd = runner.invoke(main, ["query", "--cypher", "MATCH (d:Document {id: $id}) RETURN d.title", "-p",
                               "id=x'}) DETACH DELETE n \\ $x", "--store", path, "--format", "json"])
    assert HOSTILE in json.loads(odd.output)[0]["d.title"]
    missing = runner.invoke(main, ["forget", "x') MATCH (n) DETACH DELETE n //", "--store", path])
    assert missing.exit_code == 1
    with EmbeddedStore(path, read_only=True) as store:
        assert store.counts() == before


@pytest.mark.neo4j
def test_hostile_input_on_neo4j(neo4j_clean, hostile_folder, tmp_path):
    store = open_neo4j(neo4j_clean)
    try:
        report = load([hostile_folder], store)
        assert report.ok and len(report.loaded) == 3, report.failed
        check_stored_verbatim(store, hostile_folder)
        before = store.counts()
        for param in CYPHER_PARAMS:
            assert store.run("MATCH (d:Document {id: $id}) RETURN d.id", {"id": param}).rows == []
            assert store.run(open_query("citing-documents"), {"kamerstuk": param}).rows == []
        for cypher in REFUSED:
            if cypher.startswith(("DROP TABLE", "LOAD CSV")):
                continue  # LadybugDB-only or needing file access; the check is above
            with pytest.raises(StoreError, match="--write"):
                store.run(cypher)
        for cypher in ALLOWED:
            store.run(cypher)
        # a write procedure in backticks is caught by the text check; Neo4j's read-only transaction is the second
        # line of defence
        with pytest.raises(StoreError, match="--write"):
            store.run("CALL `db`.`createLabel`('Injected')")
        assert store.counts() == before
        assert "Injected" not in {r[0] for r in store.run("MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l").rows}
    finally:
        wipe(store)
        store.close()


def open_query(name: str) -> str:
    from missiongraph.saved import get

    return get(name).cypher
