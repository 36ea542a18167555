"""A changed document replaces its own facts, and ``forget`` removes them, leaving exactly the graph a fresh load
of what remains would give.

Document ``brief`` first cites Kamerstuk 29521-401 (also cited by ``other``) and 27925-812 (cited by nobody else)
and names MINUSMA; its second version cites 29521-402 instead and names UNIFIL. After re-loading: no relationship
of the old text is left (relationships, sentences, spans), 29521-401 survives because ``other`` still cites it,
27925-812 and MINUSMA are gone, and the whole graph equals a fresh load of ``other`` + the new ``brief``.
(tests/test_cli.py checks ``forget`` on the seeds; here it is checked against a fresh load, on both stores.)
"""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from missiongraph.cli import main
from missiongraph.pipeline import load
from missiongraph.stores.embedded import EmbeddedStore

from .conftest import open_neo4j, wipe
from .test_neo4j_store import checksum, snapshot

OLD = """Den Haag, 3 maart 2020

Betreft: voortgang van de missie MINUSMA

Geachte Voorzitter,

In Kamerstuk 29 521, nr. 401 staat de oude afspraak over de inzet.
Eerder schreef het kabinet in Kamerstuk 27 925, nr. 812 over de evaluatie van de oude missie.
De minister van Defensie zegde dat toe.
"""

NEW = """Den Haag, 3 maart 2020

Betreft: voortgang van de missie UNIFIL

Geachte Voorzitter,

In Kamerstuk 29 521, nr. 402 staat de nieuwe afspraak over de inzet in Libanon.
De minister van Defensie zegde dat toe.
"""

OTHER = """Den Haag, 1 februari 2020

Betreft: afspraken

Geachte Voorzitter,

Zie Kamerstuk 29 521, nr. 401 voor de afspraak.
De minister van Buitenlandse Zaken schreef dit.
"""

OLD_ONLY_SENTENCES = ("oude afspraak", "27 925, nr. 812", "MINUSMA")


def write_corpus(folder, brief: str | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "other.txt").write_text(OTHER, "utf-8")
    if brief is None:
        (folder / "brief.txt").unlink(missing_ok=True)
    else:
        (folder / "brief.txt").write_text(brief, "utf-8")


def fresh_snapshot(tmp_path, folder, name: str) -> dict:
    """The graph of a clean load of ``folder`` into a new embedded store (same paths, so same ``source``)."""
    with EmbeddedStore(tmp_path / f"{name}.lbug") as store:
        assert load([folder], store).ok
        return snapshot(store)


def node_ids(store, label: str) -> set[str]:
    return {row[0] for row in store.run(f"MATCH (n:{label}) RETURN n.id").rows}


def check_replaced(store, text: str) -> None:
    """Every relationship of ``brief`` comes from its current text; the old facts are gone."""
    rels = store.run("MATCH ()-[r]->() WHERE r.doc = 'brief' RETURN r.text, r.sentence, r.span_start, r.span_end").rows
    assert rels, "the new version contributed nothing"
    for surface, sentence, start, end in rels:
        assert text[start:end] == surface, (surface, start, end)           # spans index into the new text
        assert " ".join(sentence.split()) in " ".join(text.split()), sentence  # sentences are from the new text
        for old in OLD_ONLY_SENTENCES:
            assert old not in sentence and old not in surface, sentence
    cited = {r[0] for r in store.run("MATCH (:Document {id: 'brief'})-[:CITES]->(k:Kamerstuk) RETURN k.id").rows}
    assert "29521-402" in cited and "29521-401" not in cited and "27925-812" not in cited
    kamerstukken = node_ids(store, "Kamerstuk")
    assert "29521-401" in kamerstukken          # 'other' still cites it
    assert "27925-812" not in kamerstukken      # only the old text named it
    assert "MINUSMA" not in node_ids(store, "Mission") and "UNIFIL" in node_ids(store, "Mission")
    assert store.run("MATCH (d:Document {id: 'brief'}) RETURN d.chars").rows == [[len(text)]]


def test_a_changed_document_replaces_its_own_facts(tmp_path):
    folder = tmp_path / "docs"
    write_corpus(folder, OLD)
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        assert load([folder], store).ok
        assert {"29521-401", "27925-812"} <= node_ids(store, "Kamerstuk")
        assert "MINUSMA" in node_ids(store, "Mission")
        write_corpus(folder, NEW)
        report = load([folder], store)
        assert report.loaded == ["brief"] and report.unchanged == ["other"]
        check_replaced(store, NEW)
        updated = snapshot(store)
    assert checksum(updated) == checksum(fresh_snapshot(tmp_path, folder, "fresh"))


def test_changing_back_and_forth_ends_where_a_fresh_load_ends(tmp_path):
    folder = tmp_path / "docs"
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        for text in (OLD, NEW, OLD, NEW):
            write_corpus(folder, text)
            assert load([folder], store, batch_size=1).ok
        check_replaced(store, NEW)
        assert checksum(snapshot(store)) == checksum(fresh_snapshot(tmp_path, folder, "fresh"))


def test_forget_on_the_command_line_leaves_what_a_load_without_the_document_gives(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    folder = tmp_path / "docs"
    write_corpus(folder, OLD)
    path = tmp_path / "graph.lbug"
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(folder), "--store", str(path), "-q"]).exit_code == 0
    result = runner.invoke(main, ["forget", "brief", "--store", str(path)])
    assert result.exit_code == 0 and "forgot brief" in result.output
    with EmbeddedStore(path, read_only=True) as store:
        after = snapshot(store)
        assert store.run("MATCH ()-[r]->() WHERE r.doc = 'brief' RETURN count(r)").rows == [[0]]
        assert "29521-401" in node_ids(store, "Kamerstuk") and "27925-812" not in node_ids(store, "Kamerstuk")
    only_other = tmp_path / "only_other"
    write_corpus(only_other, None)
    expected = fresh_snapshot(tmp_path, only_other, "fresh")
    # 'source' is the path the document was loaded from: make the two loads comparable
    for node in expected["nodes"]["Document"]:
        node["source"] = node["source"].replace(str(only_other), str(folder))
    assert checksum(after) == checksum(expected)
    # forgotten, then loaded again: it is back, as new
    again = runner.invoke(main, ["load", str(folder), "--store", str(path), "-q"])
    assert "1 loaded, 1 unchanged" in again.output


@pytest.mark.neo4j
def test_a_changed_document_and_forget_on_neo4j(neo4j_clean, tmp_path):
    folder = tmp_path / "docs"
    write_corpus(folder, OLD)
    store = open_neo4j(neo4j_clean)
    try:
        assert load([folder], store).ok
        write_corpus(folder, NEW)
        report = load([folder], store)
        assert report.loaded == ["brief"] and report.unchanged == ["other"]
        check_replaced(store, NEW)
        assert checksum(snapshot(store)) == checksum(fresh_snapshot(tmp_path, folder, "fresh"))

        assert store.forget("brief")
        assert store.run("MATCH ()-[r]->() WHERE r.doc = 'brief' RETURN count(r)").rows == [[0]]
        write_corpus(folder, None)
        assert checksum(snapshot(store)) == checksum(fresh_snapshot(tmp_path, folder, "fresh_other"))
    finally:
        wipe(store)
        store.close()
    shutil.rmtree(folder)
