"""A read-only query stays read-only, on both stores: the guard (missiongraph.cypher) refuses every bypass attempt
of the red-team table below, and a fuzzer that mixes their pieces never gets a write, a file read or written, or
native code run past it. The embedded store is the one that can touch files (LOAD FROM, COPY TO, LOAD
EXTENSION): the guard is its only wall (docs/security.md). Neo4j runs read-only queries in READ transactions too.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missiongraph.cli import main
from missiongraph.cypher import NotReadOnly, check_read_only, scan, split_code
from missiongraph.pipeline import load
from missiongraph.saved import saved_queries, to_ladybug
from missiongraph.stores.base import StoreError
from missiongraph.stores.embedded import EmbeddedStore

from .conftest import SEEDS, open_neo4j, wipe

OUT = "/tmp/missiongraph-readonly-test"   # where a COPY TO that got through would write
PASSWD = '"/etc/passwd" (file_format="csv", header=false, delim=":")'
SPECIALS = ["/", "//", "/*", "'", '"', "\\", ";", "$", "{", "}", "(", ")", "\n", "\r", "\t", " ", "\u00a0",
            "\u2028", "é", "\x1c", "*/", "--", "#", "``"]

# Each row: a way to get a write, a file access or a second statement past a read-only check.
BYPASSES = [
    # the issue's reproductions: a backtick name that looks like a comment
    f"RETURN 1 AS `//`; LOAD FROM {PASSWD} RETURN *",
    f"RETURN 1 AS `//` COPY (MATCH (d:Document) RETURN d.id) TO '{OUT}/a.csv'",
    "LOAD EXTENSION '/tmp/evil.lbug_extension'",
    "INSTALL httpfs",
    f"LOAD FROM {PASSWD} RETURN *",
    f"LOAD WITH HEADERS (a STRING) FROM {PASSWD} RETURN *",
    f"COPY (MATCH (d:Document) RETURN d.id) TO '{OUT}/b.csv'",
    f"EXPORT DATABASE '{OUT}/dump'",
    f"IMPORT DATABASE '{OUT}/dump'",
    f"ATTACH '{OUT}/other.lbug' AS other (dbtype lbug)",
    "CALL threads=1",
    "CALL current_setting('threads') RETURN *",
    "CALL show_official_extensions() RETURN *",
    "MATCH (n) RETURN n; MATCH (n) DETACH DELETE n",
    "RETURN 1 AS x;",
    "RETURN 1 AS x\n;\nMATCH (n) DETACH DELETE n",
    # strings, escapes and comments that end where a naive check thinks they do not
    "RETURN 1 AS `/*` DETACH DELETE n // `*/`",
    "RETURN '`' AS x DETACH DELETE n // `'",
    'RETURN "\\"" AS x DETACH DELETE n //"',
    "RETURN 'a\\'' AS x DETACH DELETE n //'",
    "RETURN 'a\\\\' AS x DETACH DELETE n // '",
    "RETURN 'a'' AS x, ' DETACH DELETE n //'",
    "RETURN 'x\\u0027 AS y DETACH DELETE n //' AS x",
    "MATCH (n) // comment \\u000a DETACH DELETE n",
    "MATCH (n) RETURN n /* \\u002a/ DETACH DELETE n /* */",
    "RETURN 1 AS `a\\u0060 DETACH DELETE n RETURN `",
    "MATCH (n) RETURN n /* a /* b */ DETACH DELETE n */",
    "RETURN 1 // x\rDETACH DELETE n",
    "RETURN '\\q' AS x DETACH DELETE n",
    "RETURN 'open DETACH DELETE n",
    "RETURN 1 AS `open DETACH DELETE n",
    "MATCH (n) RETURN n /* open DETACH DELETE n",
    # white space and letters that are not ASCII
    "MATCH (n)\u00a0DETACH\u00a0DELETE n",
    "MATCH (n)\x1cDETACH DELETE n",
    "MATCH (n)\x0bDETACH DELETE n",
    "ＣＲＥＡＴＥ (:Mission {id: 'x'})",
    "MATCH (n) RETURN 1\u200bDELETE n",
    "MATCH (n) DE\u00adLETE n",
    "MATCH (n) RETURN n \u202e DELETE n",
    "RETURN 1 AS x\x00; DROP TABLE Mission",
    # spellings of writing clauses
    "match (n) detach delete n",
    "MATCH (n) DETACH/**/DELETE n",
    "MATCH (n) DETACH\tDELETE n",
    "MATCH (n:Mission) SET n.name = 'x'",
    "MERGE (m:Mission {id: 'y'}) RETURN m",
    "UNWIND [1] AS i CREATE (:Mission {id: 'RETURN'})",
    "MATCH (n) FOREACH (x IN [1] | SET n.id = 'z')",
    "MATCH (n:Mission) WITH n REMOVE n.name",
    "RETURN 1 AS x UNION MATCH (n) DETACH DELETE n RETURN 1 AS x",
    "MATCH (n) WITH n AS `x` DELETE n",
    "RETURN 1 AS ```//` DETACH DELETE n",
    "RETURN $x DELETE n",
    "RETURN 1DELETE n",
    "RETURN 1.DELETE",
    "RETURN 0xDETACH DELETE n",
    # calls, subqueries, procedures and functions
    "MATCH (n) CALL { WITH n DETACH DELETE n } RETURN count(*)",
    "CALL { MATCH (n) RETURN n } RETURN 1",
    "CALL `db`.`createLabel`('X')",
    "CALL db.createLabel('X')",
    "OPTIONAL CALL db.createLabel('x')",
    "CALL apoc.create.node(['X'], {})",
    "CALL db.labels() YIELD label CREATE (:X)",
    "RETURN apoc.util.sleep(1000)",
    "RETURN `apoc`.`util`.sleep(1000)",
    "RETURN nextval('seq')",
    "CALL show_tables() RETURN *; DROP TABLE Mission",
    # commands of either database
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "USE system SHOW USERS",
    "SHOW SETTINGS",
    "EXPLAIN MATCH (n) DELETE n",
    "PROFILE MATCH (n) RETURN n",
    "CYPHER runtime=slotted MATCH (n) DELETE n",
    "BEGIN TRANSACTION",
    "CHECKPOINT",
    "DROP TABLE Mission",
    "ALTER TABLE Mission ADD x STRING",
    "CREATE MACRO m(x) AS x",
    "COMMENT ON TABLE Mission IS 'x'",
    "STOP DATABASE neo4j",
    "GRANT ROLE admin TO neo4j",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
]
# Every special character inside a backtick name, followed by a writing clause.
BYPASSES += [f"RETURN 1 AS `{ch.replace('`', '``')}` DETACH DELETE n" for ch in SPECIALS]

# Tricky but read-only: accepted, and running them changes nothing.
ACCEPTED = [
    "RETURN 'DELETE' AS x",
    "RETURN 'a;b' AS x",
    "RETURN 1 AS `DELETE`",
    "RETURN 1 AS `a``b`",
    "RETURN 'it\\'s a SET' AS x",
    "RETURN 'a\\\\' AS x",
    "RETURN 'Curaçao ☃ \u00a0 \u2028' AS x",
    "MATCH (d:Document) WHERE d.title CONTAINS '// /* `' RETURN count(d) AS n",
    "/* DETACH DELETE n */ MATCH (n:Mission) RETURN count(n) AS n",
    "RETURN 1 AS x // \u2028 DETACH DELETE n",
    "RETURN 1 AS x // \x85 DETACH DELETE n",
    "MATCH (d:Document)\r\nRETURN d.id ORDER BY d.id SKIP 0 LIMIT 1",
    "RETURN 'a'' DETACH DELETE n //' AS x",   # LadybugDB: one string (a doubled quote); Neo4j: a syntax error
]


def test_the_bypass_table_has_forty_rows_and_every_one_is_refused_with_one_line():
    assert len(BYPASSES) >= 40
    for cypher in BYPASSES:
        with pytest.raises(NotReadOnly) as refused:
            check_read_only(cypher)
        assert "\n" not in str(refused.value), cypher


def test_every_saved_query_passes_the_guard_as_written_and_as_ladybugdb_reads_it():
    for query in saved_queries().values():
        check_read_only(query.cypher)
        check_read_only(to_ladybug(query.cypher))


def test_the_scanner_gives_the_text_back_and_tells_code_from_verbatim():
    for cypher in BYPASSES + ACCEPTED:
        assert "".join(t.text for t in scan(cypher)) == cypher
        assert "".join(piece for piece, _ in split_code(cypher)) == cypher
    assert split_code("RETURN 1 AS `//`; LOAD") == [("RETURN 1 AS ", True), ("`//`", False), ("; LOAD", True)]
    assert split_code("RETURN '`' // x'\nRETURN") == [("RETURN ", True), ("'`'", False), (" ", True),
                                                         ("// x'", False), ("\nRETURN", True)]


@pytest.fixture(scope="module")
def evil_extension(tmp_path_factory):
    """A shared library whose constructor writes a marker file: what LOAD EXTENSION would run."""
    if not shutil.which("gcc"):
        pytest.skip("gcc is needed to build the test library")
    folder = tmp_path_factory.mktemp("evil")
    source = folder / "evil.c"
    marker = folder / "MARKER"
    source.write_text('#include <stdio.h>\n__attribute__((constructor)) static void evil(void) '
                      f'{{ FILE *f = fopen("{marker}", "w"); if (f) {{ fputs("ran", f); fclose(f); }} }}\n')
    library = folder / "evil.lbug_extension"
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    return library, marker


def seeded(tmp_path_factory, name: str) -> Path:
    """A new embedded store with the two seed documents."""
    path = tmp_path_factory.mktemp(name) / "graph.lbug"
    with EmbeddedStore(path) as store:
        assert load([SEEDS / "docs"], store).ok
    return path


@pytest.fixture(scope="module")
def seeds_path(tmp_path_factory):
    return seeded(tmp_path_factory, "ro")


def _state(store):
    return store.counts(), store.nodes("Document")


def test_the_issue_attacks_work_without_the_guard_and_are_refused_with_it(seeds_path, evil_extension, tmp_path):
    library, marker = evil_extension
    out = tmp_path / "copied.csv"
    with EmbeddedStore(seeds_path, read_only=True) as store:
        # proof that they are real: with the guard off (--write) a read-only database still does them
        passwd = store.run(f"LOAD FROM {PASSWD} RETURN *", write=True).rows
        assert any(row[0] == "root" for row in passwd)
        store.run(f"COPY (MATCH (d:Document) RETURN d.id) TO '{out}'", write=True)
        assert out.exists()
        out.unlink()
        with pytest.raises(StoreError):
            store.run(f"LOAD EXTENSION '{library}'", write=True)
        assert marker.read_text() == "ran"
        marker.unlink()
        # the same through the guard
        for cypher in (f"RETURN 1 AS `//`; LOAD FROM {PASSWD} RETURN *",
                       f"RETURN 1 AS `//` COPY (MATCH (d:Document) RETURN d.id) TO '{out}'",
                       f"RETURN 1 AS `//` LOAD EXTENSION '{library}'", f"LOAD EXTENSION '{library}'"):
            with pytest.raises(StoreError, match="--write"):
                store.run(cypher)
        assert not out.exists() and not marker.exists()


def check_the_table(store) -> None:
    """Every bypass is refused by ``store``, every tricky read runs (or the database itself refuses it), and the
    graph is the same afterwards."""
    before = _state(store)
    for cypher in BYPASSES:
        with pytest.raises(StoreError, match="--write"):
            store.run(cypher, {"x": 1})
    for cypher in ACCEPTED:
        try:
            store.run(cypher)
        except StoreError as exc:
            assert "--write" not in str(exc), cypher   # only the database may refuse these
    assert _state(store) == before


def test_every_bypass_is_refused_by_the_embedded_store_and_changes_nothing(seeds_path):
    shutil.rmtree(OUT, ignore_errors=True)
    with EmbeddedStore(seeds_path) as store:   # writable: a write that got through would land
        check_the_table(store)
    assert not Path(OUT).exists()


def test_the_cli_refuses_the_issue_reproduction_in_one_line(seeds_path):
    runner = CliRunner()
    result = runner.invoke(main, ["query", "--cypher", f"RETURN 1 AS `//`; LOAD FROM {PASSWD} RETURN *",
                                  "--store", str(seeds_path)], env={"NEO4J_URI": ""})
    assert result.exit_code == 2
    assert "root" not in result.output and "--write" in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output


def test_a_saved_query_and_the_html_view_go_through_the_same_guard(seeds_path, tmp_path):
    from missiongraph.outputs.visualise import visualise
    from missiongraph.saved import parse

    bad = parse("// name: sneaky\nMATCH (d:Document) RETURN d.id AS `//` DETACH DELETE d\n")
    with EmbeddedStore(seeds_path) as store:
        before = _state(store)
        with pytest.raises(StoreError, match="--write"):
            visualise(store, tmp_path / "x.html", query=bad, params={})
        assert _state(store) == before


# --- the fuzzer: pieces of the table mixed -----------------------------------------------------------------------

READS = ["MATCH (n:Mission) RETURN n.id", "RETURN 1 AS x", "MATCH (d:Document) RETURN count(d) AS n",
         "RETURN 'a' AS x", "MATCH (d:Document) WHERE d.id <> 'x' RETURN d.id"]
GLUE = ["", " ", "\n", ";", "\r", "\u00a0", "\x1c", "//", "/*", "*/", "'", '"', "`", "\\", "\\'", '\\"', "\\\\",
        "\\u0027", "\\u000a", "\\u0060", "''", "``", "AS `//`", "AS `/*`", "/* x */", "// x\n", "$x", "1.",
        "\u2028", "é"]
WRITES = ["DETACH DELETE n", "MATCH (m:Mission) DETACH DELETE m", "CREATE (:Mission {id: 'FUZZ'})",
          "MERGE (:Mission {id: 'FUZZ'})", "MATCH (m:Mission) SET m.name = 'FUZZ'",
          f"COPY (MATCH (d:Document) RETURN d.id) TO '{OUT}/fuzz.csv'", f"LOAD FROM {PASSWD} RETURN *",
          "CALL db.createLabel('FUZZ')", "DROP TABLE Commitment", "CALL threads=1"]
pieces = st.lists(st.sampled_from(READS + GLUE + WRITES), min_size=1, max_size=8).map(" ".join)
glued = st.lists(st.sampled_from(READS + GLUE + WRITES), min_size=1, max_size=8).map("".join)


def _try(store, cypher):
    try:
        store.run(cypher, {"x": 1})
    except StoreError:
        pass


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    with EmbeddedStore(seeded(tmp_path_factory, "fuzz")) as store:
        yield store


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(cypher=st.one_of(pieces, glued))
def test_fuzz_nothing_the_guard_accepts_writes_or_touches_files_on_the_embedded_store(fuzz_store, cypher):
    before = _state(fuzz_store)
    _try(fuzz_store, cypher)
    assert _state(fuzz_store) == before, cypher
    assert not Path(OUT).exists(), cypher
    rows = fuzz_store.run("MATCH (m:Mission) WHERE m.id = 'FUZZ' OR m.name = 'FUZZ' RETURN count(m)").rows
    assert rows == [[0]], cypher


@settings(max_examples=400, deadline=None)
@given(cypher=st.one_of(pieces, glued, st.text(max_size=60)))
def test_fuzz_the_guard_only_ever_refuses_with_one_line(cypher):
    try:
        check_read_only(cypher)
    except NotReadOnly as exc:
        assert "\n" not in str(exc)


# --- Neo4j -----------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def neo4j_seeds(neo4j_server):
    store = open_neo4j(neo4j_server)
    wipe(store)
    assert load([SEEDS / "docs"], store).ok
    yield store
    wipe(store)
    store.close()


@pytest.mark.neo4j
def test_every_bypass_is_refused_by_neo4j_and_changes_nothing(neo4j_seeds):
    check_the_table(neo4j_seeds)


@pytest.mark.neo4j
def test_neo4j_read_transactions_are_a_second_wall(neo4j_seeds, monkeypatch):
    """With the guard switched off, a write in a read-only query still fails: it runs in a READ transaction."""
    import missiongraph.stores.neo4j as neo4j_store

    monkeypatch.setattr(neo4j_store, "check_read_only", lambda cypher: None)
    with pytest.raises(StoreError):
        neo4j_seeds.run("CREATE (:Mission {id: 'SECOND-WALL'})")
    with pytest.raises(StoreError):
        neo4j_seeds.run("MATCH (d:Document) DETACH DELETE d")
    monkeypatch.undo()
    assert neo4j_seeds.run("MATCH (m:Mission {id: 'SECOND-WALL'}) RETURN count(m)").rows == [[0]]
    assert neo4j_seeds.counts()["nodes"]["Document"] == 2


@pytest.mark.neo4j
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(cypher=st.one_of(pieces, glued))
def test_fuzz_nothing_the_guard_accepts_writes_on_neo4j(neo4j_seeds, cypher):
    before = neo4j_seeds.counts()
    _try(neo4j_seeds, cypher)
    assert neo4j_seeds.counts() == before, cypher
    rows = neo4j_seeds.run("MATCH (m:Mission) WHERE m.id = 'FUZZ' OR m.name = 'FUZZ' RETURN count(m)").rows
    assert rows == [[0]], cypher


def test_refusals_name_what_and_where():
    with pytest.raises(NotReadOnly, match=r"DELETE is not a read clause.*\(line 2, column 3\)"):
        check_read_only("MATCH (n)\n  DELETE n")
    with pytest.raises(NotReadOnly, match=r"';' \(one statement only\)"):
        check_read_only("RETURN 1;")
    with pytest.raises(NotReadOnly, match="the function apoc.util.sleep is not on the read-only list"):
        check_read_only("RETURN apoc.util.sleep(1)")


# The Cypher version may come first, as Neo4j (2025.06+) and its Browser allow; nothing else after CYPHER.
CYPHER_PREFIXES = [
    ("CYPHER 5 MATCH (n:Mission) RETURN count(n) AS n", True),
    ("CYPHER 25\nMATCH (n:Mission) RETURN count(n) AS n", True),
    ("// a comment first\nCYPHER 25 RETURN 1 AS x", True),
    ("CYPHER 25 MATCH (n) DETACH DELETE n", False),
    ("CYPHER 4 RETURN 1 AS x", False),                    # no such version
    ("CYPHER runtime=slotted RETURN 1 AS x", False),      # query options are settings, not reading
    ("CYPHER 25 runtime=parallel RETURN 1 AS x", False),
    ("CYPHER 25 CYPHER 5 RETURN 1 AS x", False),
    ("RETURN 1 AS x UNION CYPHER 5 RETURN 1 AS x", False),
    ("MATCH (n) RETURN n.`CYPHER` AS x", True),            # as a name it is quoted, as every refused word
]


@pytest.mark.parametrize("cypher, accepted", CYPHER_PREFIXES)
def test_a_cypher_version_may_come_first_and_nothing_else(cypher, accepted):
    if accepted:
        check_read_only(cypher)
    else:
        with pytest.raises(NotReadOnly):
            check_read_only(cypher)
