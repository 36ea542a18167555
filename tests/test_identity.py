"""Document identity cannot collide (missiongraph.identity): files with the same name in other folders or with
another extension are distinct documents, in one load and across loads, on both stores; the same file loaded
again replaces its own document; the same bytes under a new path are the same document with one more source;
--replace takes a name over on purpose; forget removes exactly one document."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from missiongraph.cli import main
from missiongraph.identity import SOURCE_SEPARATOR, Stored, plan, suffixed
from missiongraph.pipeline import load
from missiongraph.stores.embedded import EmbeddedStore

from .conftest import open_neo4j, wipe
from .test_readers import make_pdf


def letter(number: int) -> str:
    """A small Kamerbrief citing Kamerstuk 29 521, nr. NUMBER: each file of a scenario cites its own number."""
    return (f"Den Haag, 3 maart 2020\n\nGeachte voorzitter,\n\nIn deze brief ga ik in op Kamerstuk 29 521, "
            f"nr. {number}, over de missie.\n\nDe Minister van Defensie,\nA. Jansen\n")


def cited(store) -> dict[str, tuple[str, set[str]]]:
    """Per source path: (document id, the Kamerstukken that document cites)."""
    out: dict[str, tuple[str, set[str]]] = {}
    rows = store.run("MATCH (d:Document) OPTIONAL MATCH (d)-[:CITES]->(k:Kamerstuk) "
                     "RETURN d.id, d.source, collect(k.id)").rows
    for doc_id, source, kamerstukken in rows:
        for path in source.split(SOURCE_SEPARATOR):
            assert path not in out, f"{path} is the source of two documents"
            out[path] = (doc_id, set(kamerstukken))
    return out


def check_distinct(store, files: dict[Path, int]) -> dict[Path, str]:
    """Every file's facts are present, under a document of its own; returns each file's document id."""
    by_source = cited(store)
    ids = {}
    for path, number in files.items():
        doc_id, kamerstukken = by_source[str(path)]
        assert kamerstukken == {f"29521-{number}"}, (path, kamerstukken)
        ids[path] = doc_id
    assert len(set(ids.values())) == len(files), ids
    assert store.counts()["nodes"]["Document"] == len(files)
    return ids


def scenario_files(tmp_path: Path, name: str) -> list[tuple[Path, bytes]]:
    if name == "other folder":
        return [(tmp_path / "a" / "brief.txt", letter(401).encode()), (tmp_path / "b" / "brief.txt", letter(402).encode())]
    if name == "other extension":
        return [(tmp_path / "brief.txt", letter(401).encode()),
                (tmp_path / "brief.pdf", make_pdf([letter(402).splitlines()]))]
    return [(tmp_path / d / "b" / "brief.txt", letter(n).encode()) for d, n in (("x", 401), ("y", 402), ("z", 403))]


SCENARIOS = ["other folder", "other extension", "three folders"]


def write(files):
    for path, raw in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    return {path: 401 + i for i, (path, _) in enumerate(files)}


def run_scenario(store, tmp_path, name, together: bool):
    files = scenario_files(tmp_path, name)
    numbers = write(files)
    reports = [load([p for p, _ in files], store)] if together else [load([p], store) for p, _ in files]
    assert all(r.ok for r in reports)
    assert sum(len(r.loaded) for r in reports) == len(files)
    warnings = [w for r in reports for w in r.warnings]
    assert len(warnings) == len(files) - 1           # every later file is told whose name it would have taken
    for file, message in warnings:
        assert "brief" in message and str(files[0][0]) in message and file != str(files[0][0])
    ids = check_distinct(store, numbers)
    assert ids[files[0][0]] == "brief"
    # loading everything again changes nothing, and reloading one file replaces only its own document
    again = load([p for p, _ in files], store)
    assert len(again.unchanged) == len(files) and not again.loaded and not again.warnings
    last, _ = files[-1]
    if last.suffix == ".txt":
        last.write_text(letter(499), "utf-8")
        numbers[last] = 499
        report = load([last], store)
        assert report.loaded == [ids[last]] and not report.warnings
        assert check_distinct(store, numbers) == ids
    # forget removes exactly one
    assert store.forget(ids[files[0][0]])
    remaining = cited(store)
    assert str(files[0][0]) not in remaining
    assert {doc for doc, _ in remaining.values()} == {ids[p] for p, _ in files[1:]}
    return ids


@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize("together", [True, False], ids=["one run", "across runs"])
def test_same_name_scenarios_embedded(tmp_path, name, together):
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        run_scenario(store, tmp_path / "docs", name, together)


@pytest.mark.neo4j
@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize("together", [True, False], ids=["one run", "across runs"])
def test_same_name_scenarios_neo4j(neo4j_clean, tmp_path, name, together):
    store = open_neo4j(neo4j_clean)
    try:
        embedded_ids = None
        with EmbeddedStore(tmp_path / "graph.lbug") as embedded:
            embedded_ids = run_scenario(embedded, tmp_path / "docs", name, together)
        wipe(store)
        for path in (tmp_path / "docs").rglob("brief.*"):
            path.unlink()
        assert run_scenario(store, tmp_path / "docs", name, together) == embedded_ids   # same ids on both stores
    finally:
        wipe(store)
        store.close()


def test_the_same_bytes_under_a_new_path_add_a_source_not_a_document(tmp_path):
    first, moved = tmp_path / "in" / "brief.txt", tmp_path / "archive" / "kopie van brief.txt"
    write([(first, letter(401).encode()), (moved, letter(401).encode())])
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        assert load([first], store).loaded == ["brief"]
        report = load([moved], store)
        assert report.unchanged == ["brief"] and not report.loaded
        assert report.duplicates == [(str(moved), "brief")]
        assert cited(store) == {str(first): ("brief", {"29521-401"}), str(moved): ("brief", {"29521-401"})}
        # both paths are now the document's: loading them again does nothing
        again = load([tmp_path], store)
        assert again.unchanged == ["brief"] and not again.loaded and not again.warnings


def test_replace_takes_the_name_over_on_purpose(tmp_path):
    a, b = tmp_path / "a" / "brief.txt", tmp_path / "b" / "brief.txt"
    write([(a, letter(401).encode()), (b, letter(402).encode())])
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        load([a], store)
        report = load([b], store, replace=True)
        assert report.loaded == ["brief"]
        assert report.warnings == [(str(b), f"replaces the document 'brief' loaded from {a} (--replace)")]
        assert cited(store) == {str(b): ("brief", {"29521-402"})}
        assert store.counts()["nodes"]["Kamerstuk"] == 1   # a's facts are gone with it


def test_an_official_publication_keeps_its_official_id(tmp_path):
    """``missiongraph fetch`` saves publications as kst-DOSSIER-NR.xml: the file name is the official id."""
    path = tmp_path / "kst-29521-451.xml"
    path.write_text('<?xml version="1.0"?><kamerstuk><dossiernummer>29521</dossiernummer><ondernummer>451'
                    '</ondernummer><titel>Brief</titel><al>Zie Kamerstuk 29 521, nr. 401.</al></kamerstuk>', "utf-8")
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        assert load([path], store).loaded == ["kst-29521-451"]
        assert store.run("MATCH (d:Document)-[:PUBLISHED_AS]->(k) RETURN d.id, k.id").rows == \
            [["kst-29521-451", "29521-451"]]


def test_the_cli_warns_naming_both_files(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    a, b = tmp_path / "a" / "brief.txt", tmp_path / "b" / "brief.txt"
    write([(a, letter(401).encode()), (b, letter(402).encode())])
    store = str(tmp_path / "graph.lbug")
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(a), "--store", store, "-q"]).exit_code == 0
    result = runner.invoke(main, ["load", str(b), "--store", store, "-q"])
    assert result.exit_code == 0
    doc_id = suffixed("brief", b, set())
    assert (f"warning: {b}: another file already is the document 'brief' ({a}): loaded as '{doc_id}' "
            f"(load with --replace to replace 'brief' instead)") in result.output
    assert "1 loaded, 0 unchanged, 0 failed, 0 skipped (not a document type), 1 warning" in result.output
    assert runner.invoke(main, ["forget", doc_id, "--store", store]).exit_code == 0
    with EmbeddedStore(store, read_only=True) as graph:
        assert [d["id"] for d in graph.nodes("Document")] == ["brief"]


def test_the_cli_and_the_api_replace_on_purpose_and_warn_on_standard_error(tmp_path, monkeypatch):
    """``load --replace`` goes through the Python API as the other options do; the warning is a line on standard
    error (also with -q), the summary on standard output."""
    import missiongraph as mg

    monkeypatch.delenv("NEO4J_URI", raising=False)
    a, b, c = (tmp_path / folder / "brief.txt" for folder in "abc")
    write([(a, letter(401).encode()), (b, letter(402).encode()), (c, letter(403).encode())])
    store = tmp_path / "graph.lbug"
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(a), "--store", str(store), "-q"]).exit_code == 0
    result = runner.invoke(main, ["load", str(b), "--store", str(store), "-q", "--replace"])
    assert result.exit_code == 0
    assert result.stderr == f"warning: {b}: replaces the document 'brief' loaded from {a} (--replace)\n"
    assert result.stdout.startswith("1 loaded, 0 unchanged, 0 failed, 0 skipped (not a document type), 1 warning")
    report = mg.open(store).load(c, replace=True)
    assert report.loaded == ["brief"] and report.warnings == [
        (str(c), f"replaces the document 'brief' loaded from {b} (--replace)")]
    with EmbeddedStore(store, read_only=True) as graph:
        assert cited(graph) == {str(c): ("brief", {"29521-403"})}


# --- the rule itself, without a store ---------------------------------------------------------------------------------

def test_the_rule_on_paper(tmp_path):
    p = lambda name: tmp_path / name  # noqa: E731
    stored = [Stored("brief", "h1", str(p("a/brief.txt"))), Stored("nota", "h2", f"{p('nota.txt')}; {p('c/nota.txt')}")]
    groups = [("h1", [p("a/brief.txt")]),                 # rule 1: unchanged
              ("h3", [p("b/brief.txt")]),                 # rule 3: a new file with a taken name
              ("h2", [p("nota.txt"), p("d/nota.txt")]),   # rule 1 + rule 2: a new copy of a stored document
              ("h4", [p("c/nota.txt")]),                  # the nota's second file now differs: a new document
              ("h5", [p("e/new.txt")]),                   # rule 3: a free name
              ("h5", [p("f/new.txt")])]                   # (never: same bytes are grouped) a second group, same hash
    result = plan(groups, stored)
    got = {d.doc_id: (d.action, [str(x.relative_to(tmp_path)) for x in d.paths]) for d in result.documents}
    assert got == {
        "brief": ("unchanged", ["a/brief.txt"]),
        suffixed("brief", p("b/brief.txt"), set()): ("read", ["b/brief.txt"]),
        "nota": ("add-source", ["nota.txt", "d/nota.txt"]),
        suffixed("nota", p("c/nota.txt"), set()): ("read", ["c/nota.txt"]),
        "new": ("read", ["e/new.txt", "f/new.txt"]),
    }
    # c/nota.txt is now another document's file: the nota keeps its other file and gains the copy
    assert [d.source for d in result.documents if d.doc_id == "nota"] == [f"{p('nota.txt')}; {p('d/nota.txt')}"]
    assert len(result.warnings) == 2
