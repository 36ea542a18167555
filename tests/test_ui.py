"""What a researcher sees on the command line: progress bars on a terminal (a real pseudo-terminal), plain lines
elsewhere, result tables in every --format, and saved queries found by any name a user would try."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from missiongraph import ui
from missiongraph.saved import QueryError, closest, get, saved_queries

from .conftest import DEV, SEEDS

ESC = "\x1b["   # a terminal control sequence: colour, cursor movement


def missiongraph(*args, store: Path, terminal: bool, **extra_env: str) -> tuple[int, str]:
    """Run the installed command on ``store``, its output on a pseudo-terminal (``terminal``) or a pipe; returns
    the exit code and everything it wrote (standard output and error together)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "FORCE_COLOR", "NO_COLOR", "TTY_"))}
    env.update(MISSIONGRAPH_STORE=str(store), COLUMNS="160", LINES="40", TERM="xterm-256color", **extra_env)
    argv = [str(Path(sys.executable).with_name("missiongraph")), *map(str, args)]
    if not terminal:
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                              timeout=300)
        return done.returncode, done.stdout
    leader, follower = pty.openpty()
    proc = subprocess.Popen(argv, stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:   # EIO: the command closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return proc.wait(timeout=300), out.decode("utf-8", "replace")


def last_frame(output: str) -> str:
    """What the terminal shows at the end, without colour: the lines after the last cursor-up sequence (several
    bars are redrawn from the top), each as its last carriage return left it (one bar is redrawn in place)."""
    frame = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output.split(f"{ESC}1A{ESC}2K")[-1])
    return "\n".join(line.rstrip("\r").rsplit("\r", 1)[-1] for line in frame.split("\n"))


def test_load_on_a_terminal_draws_progress_bars(tmp_path):
    code, out = missiongraph("load", SEEDS / "docs", DEV / "docs", store=tmp_path / "g.lbug", terminal=True)
    assert code == 0, out
    assert ESC in out
    frame = last_frame(out)
    for bar in ("checking", "reading", "written"):   # done of total, rate, time taken, current file
        assert re.search(rf"^{bar} +━+ 19/19 +[\d,.]+ (files|documents)/s +took \d:\d\d:\d\d +\S+\.txt", frame,
                         re.MULTILINE), frame
    assert "19 loaded, 0 unchanged, 0 failed" in frame
    assert "loaded: " not in out   # one line per document only with --verbose


def test_load_on_a_terminal_says_failures_above_the_bars_and_verbose_says_each_document(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text((SEEDS / "docs" / "003_cf3b274d7ecd5e93.txt").read_text("utf-8"), "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    code, out = missiongraph("load", folder, "--verbose", store=tmp_path / "g.lbug", terminal=True)
    assert code == 1
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out)
    assert f"failed: {folder / 'empty.txt'}: empty file" in plain
    assert f"loaded: {folder / 'good.txt'}" in plain
    assert re.search(r"^written +━+ 1/1 ", last_frame(out), re.MULTILINE)   # the failed file is not waited for
    assert re.search(rf"{re.escape(str(folder / 'empty.txt'))} +empty file", plain)   # the table of bad files


def test_load_quiet_on_a_terminal_draws_no_bars(tmp_path):
    code, out = missiongraph("load", SEEDS / "docs", "-q", store=tmp_path / "g.lbug", terminal=True)
    assert code == 0
    assert "━" not in out and "loaded: " not in out
    assert "2 loaded, 0 unchanged, 0 failed" in out


def test_load_off_a_terminal_prints_plain_lines(tmp_path):
    code, out = missiongraph("load", SEEDS / "docs", store=tmp_path / "g.lbug", terminal=False)
    assert code == 0
    assert ESC not in out and "━" not in out
    lines = out.splitlines()
    assert sorted(lines[:2]) == [f"loaded: {SEEDS / 'docs' / name}"
                                 for name in ("000_9490c8c295b3259a.txt", "003_cf3b274d7ecd5e93.txt")]
    assert lines[2].startswith("2 loaded, 0 unchanged, 0 failed")
    code, again = missiongraph("load", SEEDS / "docs", store=tmp_path / "g.lbug", terminal=False)
    assert again.splitlines()[0] == f"unchanged: {SEEDS / 'docs' / '000_9490c8c295b3259a.txt'}"


def test_a_query_table_on_a_terminal_is_drawn_by_rich(tmp_path):
    missiongraph("load", SEEDS / "docs", "-q", store=tmp_path / "g.lbug", terminal=False)
    code, out = missiongraph("query", "1", store=tmp_path / "g.lbug", terminal=True)
    assert code == 0
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out).replace("\r", "")
    assert re.search(r"^ *mission +organisation +documents +resolutions", plain, re.MULTILINE)
    assert re.search(r"^ *MINUSMA +UN +2 +1 +2 +9", plain, re.MULTILINE)
    assert "(5 rows)" in plain


@pytest.mark.neo4j
def test_push_on_a_terminal_draws_a_progress_bar(sample_path, neo4j_clean):
    code, out = missiongraph("push", "--store", sample_path, store=sample_path, terminal=True,
                             NEO4J_URI=neo4j_clean.uri, NEO4J_PASSWORD=neo4j_clean.password,
                             NEO4J_USERNAME=neo4j_clean.user, NEO4J_DATABASE=neo4j_clean.database)
    assert code == 0, out
    assert re.search(r"^pushed +━+ 19/19 +[\d,.]+ documents/s +took ", last_frame(out), re.MULTILINE), out
    assert f"pushed 19 documents to {neo4j_clean.uri}" in last_frame(out)


# --- every --format --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_path(tmp_path_factory, sample_docs):
    """A closed embedded store with the sample corpus (the commands open it themselves)."""
    from missiongraph.pipeline import load
    from missiongraph.stores.busy import open_embedded

    path = tmp_path_factory.mktemp("ui") / "graph.lbug"
    with open_embedded(path) as store:
        assert len(load(sample_docs, store).loaded) == 19
    return path


@pytest.fixture(scope="module")
def run_on_sample(sample_path):
    """``run(*args)`` -> click Result of a read-only command on ``sample_path``."""
    from click.testing import CliRunner

    from missiongraph.cli import main

    def run(*args):
        return CliRunner().invoke(main, [*map(str, args), "--store", str(sample_path)], catch_exceptions=False,
                                  env={"NEO4J_URI": None})
    return run


QUERIES = [("citing-documents", ["-p", "kamerstuk=27925-AB"]), ("missions-overview", []),
           ("recommendations-stance", ["-p", "limit=5"])]


@pytest.mark.parametrize("name, params", QUERIES)
def test_every_format_gives_the_same_rows(run_on_sample, name, params):
    rows = json.loads(run_on_sample("query", name, *params, "--format", "json").output)
    assert rows and isinstance(rows, list)
    columns = list(rows[0])
    jsonl = [json.loads(line) for line in run_on_sample("query", name, *params, "--format", "jsonl").output.splitlines()]
    assert jsonl == rows
    table = list(csv.reader(io.StringIO(run_on_sample("query", name, *params, "--format", "csv").output)))
    assert table[0] == columns
    assert table[1:] == [[ui.render(["v"], [[v]], "csv").splitlines()[1] if isinstance(v, (list, dict))
                          else "" if v is None else str(v) for v in row.values()] for row in rows]
    text = run_on_sample("query", name, *params, "--format", "table").output
    lines = text.splitlines()
    assert lines[0].split() == [w for c in columns for w in c.split()]
    assert set(lines[1]) == {"─"}
    assert lines[-1] == f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
    assert len(lines) == len(rows) + 3


def test_a_long_cell_is_cut_in_a_table_and_whole_in_the_other_formats():
    long = "Kabinetsreactie op de IOB-eindevaluatie van de Nederlandse bijdrage aan MINUSMA 2014-2019 [concept]"
    text = ui.render(["title", "n"], [[long, 3]], "table")
    assert "Kabinetsreactie op de IOB-eindevaluatie van de Nederlandse …   3" in text   # 60 characters
    assert "[concept]" not in text and long not in text
    assert long in ui.render(["title", "n"], [[long, 3]], "csv")
    assert json.loads(ui.render(["title", "n"], [[long, 3]], "jsonl")) == {"title": long, "n": 3}
    assert ui.render(["title", "n"], [["[bold]not markup[/bold]", 3]], "table").splitlines()[2].startswith(
        "[bold]not markup[/bold]")


@pytest.mark.parametrize("fmt", ui.FORMATS)
def test_stats_in_every_format(run_on_sample, fmt):
    out = run_on_sample("stats", "--format", fmt).output
    if fmt == "table":
        assert re.search(r"^Document +19$", out, re.MULTILINE) and re.search(r"^CITES +\d+$", out, re.MULTILINE)
        return
    if fmt == "json":
        rows = json.loads(out)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    else:
        rows = [dict(r, count=int(r["count"])) for r in csv.DictReader(io.StringIO(out))]
    assert {"kind": "node", "name": "Document", "count": 19} in rows
    assert any(r["kind"] == "relationship" and r["name"] == "CITES" and r["count"] > 0 for r in rows)


@pytest.mark.parametrize("fmt", ui.FORMATS)
def test_query_list_in_every_format(run_on_sample, fmt):
    out = run_on_sample("query", "--list", "--format", fmt).output
    assert "citing-documents" in out and "04-citing-documents.cypher" in out if fmt != "table" else "04" in out


# --- saved queries by any name -----------------------------------------------------------------------------------

@pytest.mark.parametrize("given, name", [
    ("missions-overview", "missions-overview"),
    ("01-missions-overview", "missions-overview"),             # the file name a user sees in queries/
    ("01-missions-overview.cypher", "missions-overview"),
    ("queries/01-missions-overview.cypher", "missions-overview"),
    ("1", "missions-overview"),                                # its number
    ("01", "missions-overview"),
    ("Missions Overview", "missions-overview"),                # case and spaces
    ("missions_overview", "missions-overview"),
    ("4", "citing-documents"),
    ("14-what-connects", "what-connects"),
])
def test_a_saved_query_by_any_name(given, name):
    assert get(given).name == name


@pytest.mark.parametrize("given, suggested", [
    ("mision-overview", ["missions-overview"]),      # a typo
    ("missions", ["missions-overview"]),             # a part
    ("citing", ["citing-documents"]),
    ("comitments", ["commitments"]),
    ("timeline", ["mission-timeline"]),
    ("most-cited", ["most-cited-kamerstukken"]),
])
def test_an_unknown_name_suggests_the_closest(given, suggested):
    assert closest(given)[:len(suggested)] == suggested
    with pytest.raises(QueryError, match=rf"unknown query '{given}'; did you mean {suggested[0]}"):
        get(given)


@pytest.mark.parametrize("given", ["99", "xyz", "0"])   # near-misses that resemble nothing: every name is listed
def test_a_name_like_none_lists_them_all(given):
    with pytest.raises(QueryError) as refused:
        get(given)
    assert str(refused.value) == f"unknown query '{given}'; saved queries: " + ", ".join(saved_queries())


def test_the_cli_takes_every_form_and_answers_a_typo_on_one_line(run_on_sample):
    by_name = run_on_sample("query", "missions-overview", "--format", "json").output
    for form in ("01-missions-overview", "1", "01-missions-overview.cypher"):
        assert run_on_sample("query", form, "--format", "json").output == by_name
    typo = run_on_sample("query", "mision-overview")
    assert typo.exit_code == 2
    assert typo.output.strip() == ("Error: unknown query 'mision-overview'; did you mean missions-overview? "
                                   f"(missiongraph query --list shows all {len(saved_queries())})")
