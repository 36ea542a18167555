"""A busy embedded store: another process holds it (a load writing, or a query reading while a load wants to
write). The command says which process holds it, with its command line, and ``--wait SECONDS`` waits for it;
readers read side by side while nothing writes. Real processes, real LadybugDB locks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from missiongraph.stores.base import StoreError
from missiongraph.stores.busy import StoreBusy, command_of, open_embedded

from .conftest import SEEDS

# A stand-in for a long command: a script named ``missiongraph`` that opens the store (for writing unless told
# "read"), says "ready", and holds it until its standard input closes (or until SECONDS have passed).
HOLDER = textwrap.dedent("""\
    import sys, time
    from missiongraph.stores.busy import open_embedded
    store = open_embedded(sys.argv[3], read_only=sys.argv[1] == "read")
    print("ready", flush=True)
    if sys.argv[2] == "stdin":
        sys.stdin.read()
    else:
        time.sleep(float(sys.argv[2]))
    store.close()
""")


@pytest.fixture
def store_path(tmp_path):
    """A store with the two founding documents."""
    path = tmp_path / "graph.lbug"
    with open_embedded(path) as store:
        from missiongraph.pipeline import load

        assert load([SEEDS / "docs"], store).ok
    return path


@pytest.fixture
def hold(tmp_path):
    """``hold(mode, path, seconds="stdin")`` starts a holder process (``missiongraph write|read ...``) and returns
    it once it holds the store; every holder is ended at the end of the test."""
    script = tmp_path / "bin" / "missiongraph"
    script.parent.mkdir()
    script.write_text(f"#!{sys.executable}\n" + HOLDER, "utf-8")
    script.chmod(0o755)
    started = []

    def start(mode: str, path: Path, seconds: str = "stdin") -> subprocess.Popen:
        proc = subprocess.Popen([str(script), mode, seconds, str(path)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        started.append(proc)
        assert proc.stdout.readline().strip() == "ready"
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.stdin.close()
            proc.wait(timeout=60)


def cli(*args, env_store: Path) -> subprocess.CompletedProcess:
    """The installed command in a subprocess, on the store ``env_store``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["MISSIONGRAPH_STORE"] = str(env_store)
    exe = Path(sys.executable).with_name("missiongraph")
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, env=env, timeout=120)


def test_a_query_while_a_load_writes_says_which_command_holds_the_store(store_path, hold):
    holder = hold("write", store_path)
    result = cli("query", "missions-overview", env_store=store_path)
    assert result.returncode == 3
    line = result.stderr.strip()
    assert line == (f"Error: the graph at {store_path} is busy: pid {holder.pid} (missiongraph write stdin "
                    f"{store_path}) is writing to it; run the command again when it is done, or add --wait SECONDS "
                    f"to wait for it"), line


def test_wait_reads_once_the_writer_is_done(store_path, hold):
    holder = hold("write", store_path, "2")
    started = time.monotonic()
    result = cli("query", "missions-overview", "--format", "json", "--wait", "60", env_store=store_path)
    assert result.returncode == 0, result.stderr
    assert holder.poll() is not None or time.monotonic() - started >= 1.5   # it did wait for the writer
    assert f"waiting up to 60 s: the graph at {store_path} is busy: pid {holder.pid}" in result.stderr
    assert {"mission": "MINUSMA", "organisation": "UN", "documents": 2, "resolutions": 1, "evaluations": 2,
            "recommendations": 9} in json.loads(result.stdout)


def test_wait_gives_up_after_the_seconds_given(store_path, hold):
    hold("write", store_path)
    started = time.monotonic()
    result = cli("stats", "--wait", "1.5", env_store=store_path)
    assert result.returncode == 3
    assert 1.5 <= time.monotonic() - started < 30
    assert "is busy" in result.stderr and "(waited 1.5 s)" in result.stderr


def test_readers_read_side_by_side_and_a_writer_waits_for_them(store_path, hold):
    reader = hold("read", store_path)
    other = cli("query", "1", "--format", "jsonl", env_store=store_path)   # a second reader: no conflict
    assert other.returncode == 0, other.stderr
    assert len(other.stdout.splitlines()) == 5
    load = cli("load", SEEDS / "docs", "--force", env_store=store_path)   # a writer: refused while it reads
    assert load.returncode == 3
    assert f"pid {reader.pid} (missiongraph read stdin {store_path}) is reading it" in load.stderr
    reader.stdin.close()
    reader.wait(timeout=60)
    again = cli("load", SEEDS / "docs", "--force", env_store=store_path)
    assert again.returncode == 0, again.stderr
    assert "2 loaded" in again.stdout


def test_a_second_writer_is_refused_with_the_first_ones_pid(store_path, hold):
    holder = hold("write", store_path)
    with pytest.raises(StoreBusy) as refused:
        open_embedded(store_path)
    assert refused.value.holder.pid == holder.pid and refused.value.holder.writing
    with pytest.raises(StoreBusy):
        open_embedded(store_path, read_only=True)


def test_one_process_does_not_open_a_store_twice_while_it_writes(store_path):
    with open_embedded(store_path):
        with pytest.raises(StoreError, match="this process already has the graph .* open for writing"):
            open_embedded(store_path, read_only=True)
    with open_embedded(store_path, read_only=True), open_embedded(store_path, read_only=True):   # readers share
        with pytest.raises(StoreError, match="open for reading: close it before writing"):
            open_embedded(store_path)
    with open_embedded(store_path):   # every lock was let go
        pass


def test_the_command_of_a_process_is_shown_without_the_interpreter():
    assert command_of(os.getpid()).startswith(Path(sys.executable).name)
    assert command_of(2**22 + 12345) is None   # no such process
