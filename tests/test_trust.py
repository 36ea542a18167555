"""Nothing is skipped unsaid: a folder that cannot be listed fails like a file that cannot be read, deep markup is
read whole or refused saying why, names are printed escaped, and a load killed with SIGKILL leaves no process
behind."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from missiongraph.cli import main
from missiongraph.pipeline import load, printable
from missiongraph.readers.base import ReadError
from missiongraph.readers.markup import MAX_DEPTH, read_html, read_xml
from missiongraph.stores.embedded import EmbeddedStore

from .conftest import DEV, SEED_NOTA

LETTER = SEED_NOTA.read_text("utf-8")


# --- folders that cannot be listed ---------------------------------------------------------------------------------

def unprivileged() -> list[str]:
    """The command prefix that runs a process without the right to read folders it has no permission for: none
    for an ordinary user; for root, setpriv without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: a folder's permissions cannot be tested")
    drop = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}"]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    return subprocess.run([*unprivileged(), sys.executable, "-m", "missiongraph.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_folder_that_cannot_be_listed_fails_like_a_file(tmp_path):
    docs = tmp_path / "docs"
    locked, deeper = docs / "locked", docs / "a" / "b" / "also locked"
    for folder in (locked, deeper):
        folder.mkdir(parents=True)
        (folder / "hidden.txt").write_text(LETTER, "utf-8")
    (docs / "open.txt").write_text(LETTER, "utf-8")
    (docs / "unreadable.txt").write_text(LETTER, "utf-8")
    for path in (locked, deeper, docs / "unreadable.txt"):
        path.chmod(0)
    try:
        result = cli("load", str(docs), "--store", str(tmp_path / "graph.lbug"), cwd=tmp_path)
        # given on the command line, a folder that cannot be read is a usage error, as such a file is
        top = cli("load", str(locked), "--store", str(tmp_path / "graph.lbug"), cwd=tmp_path)
    finally:
        for path in (locked, deeper, docs / "unreadable.txt"):
            path.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert f"failed: {locked}: cannot list the folder: permission denied" in result.stderr
    assert f"failed: {deeper}: cannot list the folder: permission denied" in result.stderr
    assert f"failed: {docs / 'unreadable.txt'}: permission denied" in result.stderr
    assert "1 loaded, 0 unchanged, 3 failed" in result.stdout
    table = result.stderr.split("failed file")[1]   # one row a file, its whole path, then the reason
    for path in (locked, deeper):
        assert re.search(rf"^{re.escape(str(path))} +cannot list the folder: permission denied$", table, re.M), table
    assert top.returncode == 2 and "is not readable" in top.stderr


def test_find_files_reports_an_unlisted_folder_to_its_caller(tmp_path):
    from missiongraph.pipeline import find_files

    errors: list[tuple[str, str]] = []
    assert list(find_files([tmp_path / "gone"], on_error=lambda *e: errors.append(e))) == [tmp_path / "gone"]
    missing = tmp_path / "missing-dir"
    (tmp_path / "link").symlink_to(missing, target_is_directory=True)
    assert list(find_files([tmp_path], on_error=lambda *e: errors.append(e))) == [tmp_path / "link"]
    assert errors == []   # a broken link is a file that fails later, with its own reason


# --- deep markup ---------------------------------------------------------------------------------------------------

def nested_html(depth: int) -> bytes:
    return ("<html><body><p>Begin, Kamerstuk 29 521, nr. 401.</p>" + "<div>" * depth +
            "Diep: Kamerstuk 29 521, nr. 402." + "</div>" * depth + "<p>After: Kamerstuk 29 521, nr. 403.</p>"
            "</body></html>").encode()


def nested_xml(depth: int) -> bytes:
    return ('<?xml version="1.0"?><stuk><al>Begin</al>' + "<a>" * depth + "Diep" + "</a>" * depth +
            "<al>After</al></stuk>").encode()


@pytest.mark.parametrize("depth", [300, 2000])   # 300: past libxml2's default limit; 2,000: past Python's stack
def test_deep_markup_is_read_completely(depth):
    html = read_html(nested_html(depth)).text
    assert "Begin" in html and "Diep: Kamerstuk 29 521, nr. 402." in html and "After" in html
    assert read_xml(nested_xml(depth)).text.split() == ["Begin", "Diep", "After"]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 10, 100_000])
def test_markup_deeper_than_the_parser_reads_is_refused_saying_so(depth):
    for reader, raw in ((read_html, nested_html(depth)), (read_xml, nested_xml(depth))):
        with pytest.raises(ReadError, match=f"markup nested deeper than {MAX_DEPTH:,} elements"):
            reader(raw)


def test_a_deep_file_is_loaded_whole_or_reported(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "deep.html").write_bytes(nested_html(300))
    (folder / "deeper.html").write_bytes(nested_html(100_000))
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        report = load([folder], store)
        assert report.loaded == ["deep"]
        assert report.failed == [(str(folder / "deeper.html"), f"markup nested deeper than {MAX_DEPTH:,} elements, "
                                  "more than the parser reads (Excessive depth in document: 2048)")]
        cited = {row[0] for row in store.run("MATCH (:Document {id: 'deep'})-[:CITES]->(k) RETURN k.id").rows}
        assert cited == {"29521-401", "29521-402", "29521-403"}


# --- names printed escaped ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, shown", [
    ("brief\nfailed: everything.txt", "brief\\nfailed: everything.txt"),
    ("a\rb.txt", "a\\rb.txt"),
    ("kleur\x1b[31mrood.txt", "kleur\\x1b[31mrood.txt"),
    ("rechts\u202etxt.exe.txt", "rechts\\u202etxt.exe.txt"),
    ("tab\there.txt", "tab\\there.txt"),
    ("Curaçao ☃ nota.txt", "Curaçao ☃ nota.txt"),
])
def test_printable_names(name, shown):
    assert printable(name) == shown


def test_crafted_file_names_cannot_print_fake_lines(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "ok\n0 loaded, 0 failed -> nothing.txt").write_text(LETTER, "utf-8")
    (folder / "leeg\nfailed: everything.txt").write_text("", "utf-8")
    result = CliRunner().invoke(main, ["load", str(folder), "--store", str(tmp_path / "graph.lbug")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert not any(line.startswith(("failed: everything", "0 loaded")) for line in lines), lines
    assert f"loaded: {folder}/ok\\n0 loaded, 0 failed -> nothing.txt" in lines
    assert f"failed: {folder}/leeg\\nfailed: everything.txt: empty file" in lines
    assert sum(line.startswith("1 loaded, 0 unchanged, 1 failed") for line in lines) == 1


# --- a killed load leaves nothing behind ---------------------------------------------------------------------------

def session_members(sid: int) -> list[int]:
    """Live processes (not zombies) of the session ``sid``."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            out.append(int(entry))
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_sigkill_of_a_load_leaves_no_worker_or_helper_alive(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = sorted((DEV / "docs").glob("*.txt"))
    for i in range(800):
        (corpus / f"doc{i:04d}.txt").write_text(f"{sources[i % len(sources)].read_text('utf-8')}\n\nKopie {i}.\n")
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    proc = subprocess.Popen([sys.executable, "-m", "missiongraph.cli", "load", str(corpus), "--workers", "2",
                             "--store", str(tmp_path / "graph.lbug"), "-q"], start_new_session=True, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        # the load, the resource tracker, the fork server and two workers
        while len(session_members(proc.pid)) < 5 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        helpers = [pid for pid in session_members(proc.pid) if pid != proc.pid]
        assert len(helpers) >= 3 and proc.poll() is None, "the load ended before its workers could be seen"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 15
        while session_members(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session_members(proc.pid) == [], "processes outlived the killed load"
    finally:
        for pid in session_members(proc.pid):   # only what this test started
            os.kill(pid, signal.SIGKILL)
