"""Parallel, streaming loads (``load --workers N``) give exactly the graph of a one-process load.

The corpus is the bundled sample copied under many names (each copy with a line of its own, so none is a
duplicate of another), big enough that worker processes are used (``pipeline.PARALLEL_MIN``), with bad files
and a duplicate mixed in: failures, duplicates and unchanged documents are reported the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from missiongraph import pipeline
from missiongraph.cli import main
from missiongraph.pipeline import Task, build, build_all, load
from missiongraph.stores.embedded import EmbeddedStore

from .conftest import DEV, SEEDS
from .test_neo4j_store import checksum, snapshot

N_DOCS = pipeline.PARALLEL_MIN + 16


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("parallel") / "docs"
    folder.mkdir()
    sources = sorted((SEEDS / "docs").glob("*.txt")) + sorted((DEV / "docs").glob("*.txt"))
    for i in range(N_DOCS):
        text = sources[i % len(sources)].read_text("utf-8")
        (folder / f"doc{i:03d}.txt").write_text(f"{text}\n\nKopie {i}.\n", "utf-8")
    (folder / "doc010-copy.txt").write_bytes((folder / "doc010.txt").read_bytes())   # a duplicate
    (folder / "empty.txt").write_text("", "utf-8")                                    # bad: empty
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)                         # bad: binary
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")                       # bad: broken PDF
    return folder


def _load(corpus: Path, store_path: Path, workers: int, **kw):
    with EmbeddedStore(store_path) as store:
        report = load([corpus], store, workers=workers, **kw)
        return report, checksum(snapshot(store)), store.counts()


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    return _load(corpus, tmp_path_factory.mktemp("serial") / "g.lbug", workers=1)


def test_two_workers_give_the_graph_of_one_process(corpus, serial, tmp_path):
    report, digest, counts = _load(corpus, tmp_path / "g.lbug", workers=2)
    ref_report, ref_digest, ref_counts = serial
    assert len(report.loaded) == N_DOCS
    assert report.loaded == ref_report.loaded                  # same order: batches are deterministic
    assert sorted(report.failed) == sorted(ref_report.failed)
    assert {Path(f).name for f, _ in report.failed} == {"empty.txt", "binary.txt", "broken.pdf"}
    # same bytes under two names: loaded once, under the first name in file order ('-' sorts before '.')
    assert report.duplicates == ref_report.duplicates == [(str(corpus / "doc010.txt"), "doc010-copy")]
    assert counts == ref_counts
    assert digest == ref_digest


@pytest.mark.parametrize("workers, batch_size", [(2, 7), (3, 50)])
def test_batch_sizes_and_worker_counts_do_not_change_the_graph(corpus, serial, tmp_path, workers, batch_size):
    _, digest, _ = _load(corpus, tmp_path / "g.lbug", workers=workers, batch_size=batch_size)
    assert digest == serial[1]


def test_unchanged_documents_are_skipped_without_being_read(corpus, tmp_path, monkeypatch):
    store_path = tmp_path / "g.lbug"
    _load(corpus, store_path, workers=2)
    read: list[str] = []
    real = pipeline.read_document
    monkeypatch.setattr(pipeline, "read_document", lambda path, **kw: read.append(Path(path).name) or real(path, **kw))
    report, _, _ = _load(corpus, store_path, workers=1)
    assert len(report.unchanged) == N_DOCS and not report.loaded
    failed = sorted(Path(f).name for f, _ in report.failed)
    assert failed == ["binary.txt", "broken.pdf", "empty.txt"]
    assert sorted(read) == failed          # only the files that never loaded are read again


def test_results_come_in_task_order_and_failures_are_outcomes(corpus):
    paths = sorted(corpus.glob("*"))
    tasks = [Task(p.stem, p, str(p), 10_000_000) for p in paths]
    outcomes = list(build_all(tasks, workers=2, window=32))
    assert [t.doc_id for t, _, _ in outcomes] == [t.doc_id for t in tasks]
    for task, graph, reason in outcomes:
        if task.path.name in ("empty.txt", "binary.txt", "broken.pdf"):
            assert graph is None and reason
        else:
            assert reason is None and graph.doc_id == task.doc_id
    # the same outcome in one process
    one = build(tasks[5])
    assert one[1].relationships == outcomes[5][1].relationships


@pytest.mark.parametrize("value, ok", [("2", True), ("0", False), ("-1", False), ("two", False)])
def test_cli_workers_option(corpus, tmp_path, value, ok):
    result = CliRunner().invoke(main, ["load", str(corpus), "--workers", value, "-q",
                                       "--store", str(tmp_path / "g.lbug")])
    if ok:
        assert result.exit_code == 1, result.output       # 1: the three bad files
        assert f"{N_DOCS} loaded" in result.output
    else:
        assert result.exit_code == 2
        assert "--workers" in result.output


def test_a_script_without_a_main_guard_still_loads_everything(corpus, tmp_path):
    """multiprocessing re-imports an unguarded ``__main__`` in each worker, which breaks the pool: the load
    says so on one line and extracts the rest in its own process."""
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(
        "from pathlib import Path\n"
        "from missiongraph.stores.embedded import EmbeddedStore\n"
        "from missiongraph.pipeline import load\n"
        f"with EmbeddedStore(Path({str(tmp_path / 'g.lbug')!r})) as store:\n"
        f"    report = load([Path({str(corpus)!r})], store, workers=2)\n"
        "print('loaded', len(report.loaded), 'failed', len(report.failed))\n", "utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600,
                            cwd=tmp_path)
    assert f"loaded {N_DOCS} failed 3" in result.stdout, result.stderr[-2000:]
    assert "worker processes failed; extracting the remaining" in result.stderr
