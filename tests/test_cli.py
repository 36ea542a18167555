"""The command line, driven with click's CliRunner; each test checks the resulting state, not just output."""

from __future__ import annotations

import json
import re

import pytest

from missiongraph.stores.embedded import EmbeddedStore

from .conftest import DEV, SEED_BRIEF, SEED_NOTA, SEEDS



def counts(path):
    with EmbeddedStore(path, read_only=True) as store:
        return store.counts()


def test_load_sample_then_again_changes_nothing(run, tmp_path):
    first = run("load", "--sample", "-q")
    assert first.exit_code == 0, first.output
    assert "19 loaded, 0 unchanged, 0 failed" in first.output
    before = counts(tmp_path / "graph.lbug")
    second = run("load", "--sample", "-q")
    assert "0 loaded, 19 unchanged" in second.output
    forced = run("load", "--sample", "-q", "--force")
    assert "19 loaded" in forced.output
    assert counts(tmp_path / "graph.lbug") == before


def test_store_option_overrides_the_environment(run, tmp_path):
    other = tmp_path / "other.lbug"
    assert run("load", SEEDS / "docs", "--store", other).exit_code == 0
    assert counts(other)["nodes"]["Document"] == 2
    assert not (tmp_path / "graph.lbug").exists()


def test_bad_files_are_reported_and_the_rest_loads(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(SEED_NOTA.read_text("utf-8"), "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (folder / "windows.txt").write_bytes("Den Haag, 3 maart 2020\n\nZie Kamerstuk 29 521, nr. 401 – ‘citaat’.".encode("cp1252"))
    result = run("load", folder)
    assert result.exit_code == 1
    assert "2 loaded, 0 unchanged, 2 failed" in result.output
    assert "empty.txt: empty file" in result.output
    assert "binary.txt: binary data, not text" in result.output
    with EmbeddedStore(tmp_path / "graph.lbug", read_only=True) as store:
        assert store.run("MATCH (d:Document {id: 'windows'})-[:CITES]->(k) RETURN k.id").rows == [["29521-401"]]
        assert store.run("MATCH (d:Document {id: 'windows'}) RETURN d.date").rows == [["2020-03-03"]]


def test_extract_json_lines_has_the_gold_keys(run):
    result = run("extract", SEED_BRIEF, SEED_NOTA, "--json")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 2
    for record in records:
        for key in ("source", "self", "kamerstukken", "resolutions", "missions", "ministries", "persons", "date",
                    "title", "kind", "reference", "recommendations", "findings", "commitments", "mentions"):
            assert key in record
        for m in record["mentions"]:
            assert {"kind", "value", "start", "end", "text"} <= set(m)
    assert records[1]["reference"] == "Min-BuZa.2022.240"
    # persons stay strings (the name as fully as known); roles, party and posts are in person_details
    assert records[0]["persons"] == ["Hanke Bruins Slot", "Kajsa Ollongren", "Geoffrey van Leeuwen"]
    details = {d["name"]: d for d in records[0]["person_details"]}
    assert details["Kajsa Ollongren"]["roles"] == ["minister"] and details["Kajsa Ollongren"]["party"] == "D66"
    assert details["Kajsa Ollongren"]["posts"][0]["ministry"] == "Defensie"


def test_query_list_and_formats(run):
    run("load", SEEDS / "docs", "-q")
    listed = run("query", "--list")
    assert "unresolved-references" in listed.output and "citing-documents" in listed.output
    table = run("query", "unresolved-references")
    assert table.exit_code == 0 and "29521-451" in table.output
    rows = json.loads(run("query", "unresolved-references", "--format", "json").output)
    assert {"kamerstuk": "29521-451", "cited_by": 1,
            "url": "https://zoek.officielebekendmakingen.nl/kst-29521-451.html"} in rows
    csv_out = run("query", "citing-documents", "-p", "kamerstuk=27925-AB", "--format", "csv").output
    assert csv_out.splitlines()[0] == "document,date,kind,title,sentence"
    assert len(csv_out.splitlines()) >= 3


@pytest.mark.parametrize("args, message", [
    (["query", "no-such-query"], "unknown query 'no-such-query'; saved queries: missions-overview, "),
    (["query", "citing-documents", "-p", "colour=red"], "has no parameter 'colour'; its parameters: kamerstuk"),
    (["query", "most-cited-kamerstukken", "-p", "limit=many"], "must be a whole number"),
])
def test_bad_query_or_parameter_is_one_line_listing_the_choices(run, args, message):
    run("load", SEEDS / "docs", "-q")
    result = run(*args)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0]


def test_ad_hoc_cypher_is_read_only_unless_write(run, tmp_path):
    run("load", SEEDS / "docs", "-q")
    refused = run("query", "--cypher", "MATCH (d:Document) DETACH DELETE d")
    assert refused.exit_code == 2 and "--write" in refused.output
    assert counts(tmp_path / "graph.lbug")["nodes"]["Document"] == 2
    allowed = run("query", "--cypher", "MATCH (d:Document {id: $id}) DETACH DELETE d", "-p",
                  "id=003_cf3b274d7ecd5e93", "--write")
    assert allowed.exit_code == 0
    assert counts(tmp_path / "graph.lbug")["nodes"]["Document"] == 1


def test_forget_removes_a_document_and_its_orphans(run, tmp_path):
    run("load", SEEDS / "docs", "-q")
    assert run("forget", "003_cf3b274d7ecd5e93").exit_code == 0
    with EmbeddedStore(tmp_path / "graph.lbug", read_only=True) as store:
        assert store.run("MATCH (k:Kamerstuk {id: '27925-697'}) RETURN k").rows == []  # only the nota cited it
        assert store.run("MATCH (k:Kamerstuk {id: '27925-AB'}) RETURN k.id").rows == [["27925-AB"]]  # brief too
        assert store.run("MATCH (r)-[x]->() WHERE x.doc = '003_cf3b274d7ecd5e93' RETURN count(x)").rows == [[0]]
    missing = run("forget", "003_cf3b274d7ecd5e93")
    assert missing.exit_code == 1 and "no document" in missing.output


def test_stats_and_viz_write_a_file(run, tmp_path):
    run("load", SEEDS / "docs", DEV / "docs", "-q")
    stats = run("stats")
    assert re.search(r"^Document +19$", stats.output, re.MULTILINE), stats.output
    out = tmp_path / "seeds.html"
    result = run("viz", "--query", "what-connects", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.exists() and "wrote" in result.output
    html = out.read_text("utf-8")
    assert "27925-AB" in html and "<script src=\"http" not in html


def test_viz_around_an_unknown_node_names_close_matches(run):
    run("load", SEEDS / "docs", "-q")
    result = run("viz", "--around", "MINUSMAA", "-o", "x.html")
    assert result.exit_code == 2
    assert "no node matches 'MINUSMAA'" in result.output


def test_every_command_has_help_with_an_example(run):
    for command in ("load", "extract", "query", "viz", "stats", "eval", "forget", "push", "people"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example" in result.output, command


# Every command starts by importing the command line; the libraries only some commands need are imported by those
# (networkx: 0.2 s, of a start of about 0.5 s).
NOT_AT_START = ["networkx", "pyarrow", "neo4j", "pyvis", "ladybug", "pandas", "lxml", "docx", "pypdfium2", "jinja2"]


def test_the_command_line_starts_without_the_libraries_only_some_commands_need():
    import subprocess
    import sys

    code = f"import sys, missiongraph.cli; print([m for m in {NOT_AT_START!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
