"""Benchmark of loading (issue #8, "Scale and speed"): throughput, peak memory and query times.

    .venv/bin/python bench/bench_load.py --docs 1000                       # generates a corpus (bench/synth.py)
    .venv/bin/python bench/bench_load.py --corpus /tmp/c10k                # reuse one made by bench/synth.py
    .venv/bin/python bench/bench_load.py --docs 1000 --steps extract,embedded,reload
    NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=... .venv/bin/python bench/bench_load.py --docs 1000 \\
        --steps neo4j --neo4j-wipe                                         # WIPES that Neo4j database
    .venv/bin/python bench/bench_load.py --corpus /tmp/c10k --steps write,copy,embedded --baseline main
                                                                           # each step on main's code too, same run

Steps (each in its own Python process, so that peak RSS is per step and one step's caches do not help the next):

- ``extract``   read + extract + to_graph + validate every document, no store (the CPU-bound floor of a load);
- ``embedded``  ``missiongraph.pipeline.load`` into a fresh embedded (LadybugDB) store;
- ``reload``    the same load again on the unchanged corpus (every document should be skipped by its sha256);
- ``update``    load again after 1% of the documents changed (a paragraph appended to every 100th document);
- ``queries``   every saved query (``missiongraph.saved.saved_queries()``, default parameters) on the loaded
                embedded graph, each timed (median of --query-runs runs, after one warm-up run);
- ``write``     the embedded store's writing alone: the documents are extracted first (not timed; cached in the
                work folder as pickled graphs), then ``EmbeddedStore.write_batches`` writes them into a fresh store
                as a load does (the writing process's share of a load);
- ``copy``      LadybugDB's own floor: the same graphs staged in ONE transaction into a fresh store, then only the
                COPYs of the staged CSV files and the commit's checkpoint are timed (the engine's best case: one
                checkpoint, into an empty store; no Python row building). Needs the page cache to hold the whole
                corpus (1 GB holds 10k synthetic documents; ``MISSIONGRAPH_BUFFER_POOL_MB``);
- ``neo4j-write`` only with NEO4J_URI/NEO4J_PASSWORD and --neo4j-wipe: the extracted graphs written by
                ``Neo4jStore.write_documents`` in the load's batches into the emptied database (the server's and
                the driver's share of a Neo4j load, without extraction competing for the cores);
- ``neo4j``     only when NEO4J_URI and NEO4J_PASSWORD are set: load into Neo4j, the saved queries on it, and the
                batched write (``write_plan``: UNWIND batches, one transaction) against a naive baseline written
                here (one ``MERGE`` statement per node and per relationship, auto-commit, in one session) on the
                same first --rowwise-docs documents, in the same run; reports the ratio.

Each step reports docs/s and MB/s over the step's own work time (imports and process start excluded), the whole
process's wall time, and the process's peak RSS (``os.wait4`` on the step's process: ``ru_maxrss`` of that
child alone). The machine is shared and noisy: the ``baseline`` row (a bare interpreter importing missiongraph,
same run) shows the fixed cost every step pays; compare ratios between steps rather than absolute numbers.

Results are also written as JSON (``--json``, default bench/results/load-<N>.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

from trees import baseline_tree, package_dir

HERE = Path(__file__).resolve().parent
STEPS = ["extract", "embedded", "reload", "update", "queries", "write", "copy", "neo4j-write", "neo4j"]
CHANGE_EVERY = 100   # 1% of the documents change in the update step
BASELINE_STEPS = ("extract", "embedded", "write", "copy", "neo4j-write")   # steps --baseline runs on both trees


# ------------------------------------------------------------------------------------------------ step bodies
# Each runs inside its own process and returns a dict (docs, bytes, seconds, plus step-specific details).

def _docs(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.suffix == ".txt")


def step_baseline(corpus: Path, work: Path, args) -> dict:
    t0 = time.perf_counter()
    import missiongraph.pipeline  # noqa: F401  (what every step imports)
    import missiongraph.stores.embedded  # noqa: F401
    return {"docs": 0, "bytes": 0, "seconds": time.perf_counter() - t0}


def step_extract(corpus: Path, work: Path, args) -> dict:
    """Read + extract + convert every document with the load's worker processes, no store."""
    from missiongraph.pipeline import Task, build_all, default_workers

    paths = _docs(corpus)
    workers = args.workers or default_workers()
    tasks = [Task(p.stem, p, str(p), 1 << 30) for p in paths]
    t0 = time.perf_counter()
    nodes = rels = 0
    for _, graph, reason in build_all(tasks, workers):
        if graph is None:
            raise SystemExit(f"extraction failed: {reason}")
        nodes += len(graph.nodes) + 1
        rels += len(graph.relationships)
    return {"docs": len(paths), "bytes": sum(p.stat().st_size for p in paths), "seconds": time.perf_counter() - t0,
            "nodes": nodes, "relationships": rels, "workers": workers}


def _graphs(corpus: Path, work: Path, args) -> list:
    """The corpus's document graphs, extracted with the load's workers once per work folder (not timed)."""
    import pickle

    from missiongraph.pipeline import Task, build_all, default_workers

    cache = work / "graphs.pickle"
    if not cache.exists():
        tasks = [Task(p.stem, p, str(p), 1 << 30) for p in _docs(corpus)]
        graphs = []
        for _, graph, reason in build_all(tasks, args.workers or default_workers()):
            if graph is None:
                raise SystemExit(f"extraction failed: {reason}")
            graphs.append(graph)
        cache.write_bytes(pickle.dumps(graphs, protocol=pickle.HIGHEST_PROTOCOL))
        return graphs
    return pickle.loads(cache.read_bytes())


def _written(graphs: list, seconds: float, **more) -> dict:
    return {"docs": len(graphs), "bytes": sum(Path(g.document.props["source"]).stat().st_size for g in graphs),
            "seconds": seconds, "relationships": sum(len(g.relationships) for g in graphs), **more}


def step_write(corpus: Path, work: Path, args) -> dict:
    """The embedded store's writing alone, as a load does it (batches into growing transactions)."""
    graphs = _graphs(corpus, work, args)
    store = _embedded(work, fresh=True)
    size = args.batch_size or store.batch_size
    batches = [graphs[i:i + size] for i in range(0, len(graphs), size)]
    del graphs[:]   # the batches hold them; write_batches releases each once staged
    try:
        t0 = time.perf_counter()
        commits = sum(1 for _ in store.write_batches(iter(batches)))
        dt = time.perf_counter() - t0
    finally:
        store.close()
    return _written([g for b in batches for g in b], dt, commits=commits)


def step_copy(corpus: Path, work: Path, args) -> dict:
    """LadybugDB's floor: COPY of the staged CSV files plus the commit's checkpoint, one transaction, empty store."""
    graphs = _graphs(corpus, work, args)
    store = _embedded(work, fresh=True)
    size = args.batch_size or store.batch_size
    try:
        with store.transaction() as tx:
            for i in range(0, len(graphs), size):
                tx.add(graphs[i:i + size])
            t0 = time.perf_counter()   # finish (the COPYs) and the commit follow when the block ends
        dt = time.perf_counter() - t0
    finally:
        store.close()
    return _written(graphs, dt, commits=1)


def step_neo4j_write(corpus: Path, work: Path, args) -> dict:
    """Neo4j's writing alone: the load's batches through ``write_documents`` into the emptied database."""
    from missiongraph.stores.neo4j import Neo4jStore

    graphs = _graphs(corpus, work, args)
    store = Neo4jStore()
    try:
        _wipe(store)
        size = args.batch_size or store.batch_size
        t0 = time.perf_counter()
        c0 = time.process_time()
        for i in range(0, len(graphs), size):
            store.write_documents(graphs[i:i + size])
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        _wipe(store)
    finally:
        store.close()
    return _written(graphs, dt, client_cpu_s=round(cpu, 1))


def _load(corpus: Path, store, **kw) -> dict:
    from missiongraph.pipeline import load

    t0 = time.perf_counter()
    report = load([corpus], store, **kw)
    dt = time.perf_counter() - t0
    nbytes = sum(p.stat().st_size for p in _docs(corpus))
    if report.failed:
        raise SystemExit(f"load failed for {len(report.failed)} files, first: {report.failed[0]}")
    return {"docs": len(report.loaded) + len(report.unchanged), "bytes": nbytes, "seconds": dt,
            "loaded": len(report.loaded), "unchanged": len(report.unchanged)}


def _embedded(work: Path, fresh: bool = False, **kw):
    from missiongraph.stores.embedded import EmbeddedStore

    if fresh:
        for p in work.glob("graph.lbug*"):
            shutil.rmtree(p) if p.is_dir() else p.unlink()
    return EmbeddedStore(work / "graph.lbug", **kw)


def step_embedded(corpus: Path, work: Path, args) -> dict:
    store = _embedded(work, fresh=True)
    try:
        out = _load(corpus, store, batch_size=args.batch_size or None, workers=args.workers)
        counts = store.counts()
    finally:
        store.close()
    out["nodes"] = sum(counts["nodes"].values())
    out["relationships"] = sum(counts["relationships"].values())
    out["store_mb"] = round(sum(f.stat().st_size for f in work.glob("graph.lbug*") if f.is_file()) / 1e6, 1)
    return out


def step_reload(corpus: Path, work: Path, args) -> dict:
    store = _embedded(work)
    try:
        return _load(corpus, store, batch_size=args.batch_size or None, workers=args.workers)
    finally:
        store.close()


def prepare_update(corpus: Path, work: Path) -> Path:
    """A copy of the corpus (hard links) in which every CHANGE_EVERY-th document has a paragraph appended."""
    out = work / "updated"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    for i, path in enumerate(_docs(corpus)):
        target = out / path.name
        if i % CHANGE_EVERY == 0:
            target.write_bytes(path.read_bytes() + (
                "\n\nNaschrift: het kabinet verwijst ook naar Kamerstuk 29 521, nr. 999 en naar VNVR-resolutie 2719 "
                "over de bijdrage aan MINUSMA.\n").encode("utf-8"))
        else:
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
    return out


def step_update(corpus: Path, work: Path, args) -> dict:
    store = _embedded(work)
    try:
        return _load(work / "updated", store, batch_size=args.batch_size or None, workers=args.workers)
    finally:
        store.close()


def _time_queries(store, runs: int) -> dict:
    from missiongraph.saved import saved_queries

    out = {}
    for name, q in saved_queries().items():
        try:
            result = store.run(q.cypher, dict(q.params))     # warm-up, and the row count
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                store.run(q.cypher, dict(q.params))
                times.append(time.perf_counter() - t0)
            out[name] = {"seconds": statistics.median(times), "max": max(times), "rows": len(result.rows)}
            print(f"    {name}: {out[name]['seconds']:.3f} s", file=sys.stderr, flush=True)
        except Exception as exc:  # a failing query is a result too
            out[name] = {"error": " ".join(str(exc).split())[:200]}
    return out


def step_queries(corpus: Path, work: Path, args) -> dict:
    store = _embedded(work, read_only=True)
    try:
        t0 = time.perf_counter()
        queries = _time_queries(store, args.query_runs)
        return {"docs": 0, "bytes": 0, "seconds": time.perf_counter() - t0, "queries": queries}
    finally:
        store.close()


def _wipe(store) -> None:
    """Empty the database: relationships first, in batches (a DETACH DELETE of a mission node with 100k
    relationships in one transaction exceeds the server's transaction memory), then the nodes."""
    with store.driver.session(database=store.database) as s:
        s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS").consume()
        s.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS").consume()


def rowwise_write(store, graphs) -> int:
    """The naive baseline: one MERGE statement per node and per relationship, auto-commit, one session."""
    from missiongraph.stores.base import node_rows, rel_rows

    schema = store.schema
    n = 0
    with store.driver.session(database=store.database) as s:
        for label, rows in node_rows(graphs, schema).items():
            key = schema.label(label).key
            for row in rows:
                props = {k: v for k, v in row.items() if k != key and v is not None}
                s.run(f"MERGE (n:{label} {{{key}: $key}}) SET n += $props", key=row[key], props=props).consume()
                n += 1
        for (rel_type, start, end), rows in rel_rows(graphs, schema).items():
            skey, ekey = schema.label(start).key, schema.label(end).key
            for row in rows:
                props = {k: v for k, v in row.items() if k not in ("src", "dst") and v is not None}
                s.run(f"MATCH (a:{start} {{{skey}: $src}}) MATCH (b:{end} {{{ekey}: $dst}}) "
                      f"MERGE (a)-[r:{rel_type} {{doc: $doc, span_start: $span_start}}]->(b) SET r += $props",
                      src=row["src"], dst=row["dst"], doc=row.get("doc"), span_start=row.get("span_start"),
                      props=props).consume()
                n += 1
    return n


def _time_neo4j_queries(store, runs: int, timeout: float) -> dict:
    """Saved queries on Neo4j, each with a server-side transaction timeout (a runaway query is reported, not waited for)."""
    import neo4j

    from missiongraph.saved import saved_queries

    out = {}
    with store.driver.session(database=store.database, default_access_mode=neo4j.READ_ACCESS) as s:
        for name, q in saved_queries().items():
            query = neo4j.Query(q.cypher, timeout=timeout)
            try:
                times, rows = [], 0
                for i in range(runs + 1):                        # the first run is the warm-up
                    t0 = time.perf_counter()
                    rows = len(list(s.run(query, dict(q.params))))
                    if i:
                        times.append(time.perf_counter() - t0)
                out[name] = {"seconds": statistics.median(times), "max": max(times), "rows": rows}
                print(f"    {name}: {out[name]['seconds']:.3f} s", file=sys.stderr, flush=True)
            except Exception as exc:
                out[name] = {"error": f"> {timeout:.0f} s (timed out)" if "imeout" in str(exc) or "erminated" in str(exc)
                             else " ".join(str(exc).split())[:200]}
    return out


def step_neo4j(corpus: Path, work: Path, args) -> dict:
    from missiongraph.stores.neo4j import Neo4jStore
    from missiongraph.pipeline import document_graph
    from missiongraph.read import read_document

    store = Neo4jStore()
    partial = work / "neo4j.result.json"   # written after each phase, so a timeout still leaves numbers
    try:
        with store.driver.session(database=store.database) as s:
            existing = s.run("MATCH (n) RETURN count(n) AS c").single()["c"]
        if existing and not args.neo4j_wipe:
            raise SystemExit(f"the Neo4j database {store.database} at {store.uri} has {existing} nodes; "
                             f"pass --neo4j-wipe to let the benchmark delete them")
        # Batched vs one MERGE per row, same documents, same run (first, on an empty database).
        paths = _docs(corpus)[:args.rowwise_docs]
        graphs = [document_graph(read_document(p, doc_id=p.stem)) for p in paths]
        step = args.batch_size or store.batch_size
        # Warm-up: a fresh server plans and compiles each statement on first use (a cold first batched write took
        # 4.4 s where a warm one takes 2.0); both ways run once on a few documents before the timed runs.
        for write in (lambda gs: store.write_documents(gs), lambda gs: rowwise_write(store, gs)):
            _wipe(store)
            write(graphs[:10])
        _wipe(store)
        t0 = time.perf_counter()
        for i in range(0, len(graphs), step):
            store.write_documents(graphs[i:i + step])
        batched = time.perf_counter() - t0
        _wipe(store)
        t0 = time.perf_counter()
        statements = rowwise_write(store, graphs)
        rowwise = time.perf_counter() - t0
        comparison = {"docs": len(graphs), "rowwise_statements": statements, "batched_seconds": batched,
                      "rowwise_seconds": rowwise, "ratio": rowwise / batched if batched else None}
        print(f"    batched {batched:.2f} s, per-row {rowwise:.2f} s", file=sys.stderr, flush=True)
        _wipe(store)
        out = _load(corpus, store, batch_size=args.batch_size or None, workers=args.workers)
        out["batched_vs_rowwise"] = comparison
        partial.write_text(json.dumps(out))
        out["queries"] = _time_neo4j_queries(store, args.query_runs, args.query_timeout)
        return out
    finally:
        store.close()


BODIES = {"baseline": step_baseline, "extract": step_extract, "embedded": step_embedded, "reload": step_reload,
          "update": step_update, "queries": step_queries, "write": step_write, "copy": step_copy,
          "neo4j-write": step_neo4j_write, "neo4j": step_neo4j}


# ------------------------------------------------------------------------------------------------ the driver

def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return out


def _pss_kb(pid: int) -> int:
    """Proportional set size (shared pages split between the processes sharing them), else RSS, in KiB."""
    for path, field in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(path) as fh:
                for line in fh:
                    if line.startswith(field):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


class TreeMemory(threading.Thread):
    """Samples the memory of a process and all its descendants (worker processes, the forkserver) every
    ``interval`` seconds and keeps the largest total: what the machine needs for the whole load."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kb, self.peak_procs = pid, interval, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            pids, todo = [], [self.pid]
            while todo:
                p = todo.pop()
                pids.append(p)
                todo += _children(p)
            total = sum(_pss_kb(p) for p in pids)
            if total > self.peak_kb:
                self.peak_kb, self.peak_procs = total, len(pids)


def run_step(name: str, corpus: Path, work: Path, args, tree: Path | None = None) -> dict:
    """Run one step in a child process; wall time, that child's own peak RSS (os.wait4) and the peak memory of
    the child with all its worker processes (sampled PSS). With ``tree`` (a baseline commit's worktree) the step
    runs that tree's ``missiongraph``."""
    result_file = work / f"{name}.result.json"
    result_file.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_step", name, "--_work", str(work),
           "--corpus", str(corpus), "--batch-size", str(args.batch_size), "--query-runs", str(args.query_runs),
           "--rowwise-docs", str(args.rowwise_docs),
           "--query-timeout", str(args.query_timeout)] + (["--neo4j-wipe"] if args.neo4j_wipe else []) \
        + (["--workers", str(args.workers)] if args.workers else [])
    env = dict(os.environ, PYTHONPATH=str(package_dir(tree)), PYTHONDONTWRITEBYTECODE="1") if tree else None
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env)
    sampler = TreeMemory(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    sampler.done.set()
    sampler.join()
    tree = {"tree_mb": max(sampler.peak_kb, usage.ru_maxrss) / 1024, "tree_procs": sampler.peak_procs}
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if not result_file.exists():
        return {"step": name, "error": f"exit code {proc.returncode}", "wall": wall,
                "peak_rss_mb": usage.ru_maxrss / 1024, **tree}
    out = json.loads(result_file.read_text())
    if proc.returncode != 0:   # a partial result (the neo4j step writes one after its load)
        out["incomplete"] = f"exit code {proc.returncode}"
    out.update(step=name, wall=wall, peak_rss_mb=usage.ru_maxrss / 1024, **tree)  # Linux: ru_maxrss in KiB
    return out


def fmt_table(results: list[dict]) -> str:
    head = (f"{'step':<11} {'docs':>7} {'docs/s':>9} {'MB/s':>7} {'work s':>8} {'wall s':>8} {'peak RSS MB':>12} "
            f"{'all procs MB':>13}  notes")
    lines = [head, "-" * len(head)]
    for r in results:
        r = {**r, "step": r["step"] + "*"} if r.get("baseline") else r
        if "error" in r:
            lines.append(f"{r['step']:<11} {'':>7} {'':>9} {'':>7} {'':>8} {r['wall']:>8.2f} "
                         f"{r['peak_rss_mb']:>12.0f} {r.get('tree_mb', 0):>13.0f}  ERROR {r['error']}")
            continue
        dt = r["seconds"]
        rate = f"{r['docs'] / dt:,.0f}" if r["docs"] and dt else "-"
        mbs = f"{r['bytes'] / 1e6 / dt:.2f}" if r["bytes"] and dt else "-"
        notes = []
        for key in ("workers", "loaded", "unchanged", "nodes", "relationships", "store_mb", "commits", "client_cpu_s",
                    "incomplete"):
            if key in r:
                notes.append(f"{key}={r[key]}")
        if "queries" in r:
            ok = [q["seconds"] for q in r["queries"].values() if "seconds" in q]
            notes.append(f"{len(ok)} queries, slowest {max(ok):.3f} s" if ok else "no queries")
        lines.append(f"{r['step']:<11} {r['docs']:>7} {rate:>9} {mbs:>7} {dt:>8.2f} {r['wall']:>8.2f} "
                     f"{r['peak_rss_mb']:>12.0f} {r.get('tree_mb', 0):>13.0f}  {' '.join(notes)}")
    return "\n".join(lines)


def fmt_ratios(results: list[dict], baseline: str) -> str:
    """This tree against the baseline, step by step: rate, peak RSS and store size as ratios (this / baseline)."""
    lines = [f"\nthis tree / baseline {baseline} (same run; rate above 1: faster):"]
    base = {r["step"]: r for r in results if r.get("baseline")}
    for r in results:
        b = base.get(r["step"])
        if r.get("baseline") or b is None or "error" in r or "error" in b or not r["docs"]:
            continue
        line = (f"  {r['step']:<11} {r['docs'] / r['seconds']:>8,.0f} vs {b['docs'] / b['seconds']:>8,.0f} docs/s "
                f"= {b['seconds'] / r['seconds']:.2f}x; peak RSS {r['peak_rss_mb']:.0f} vs {b['peak_rss_mb']:.0f} MB")
        if "store_mb" in r and "store_mb" in b:
            line += f"; store {r['store_mb']} vs {b['store_mb']} MB"
        lines.append(line)
    return "\n".join(lines)


def fmt_queries(results: list[dict]) -> str:
    lines = []
    for r in results:
        if "queries" not in r:
            continue
        store = "neo4j" if r["step"] == "neo4j" else "embedded"
        lines.append(f"\nsaved queries on {store} (median seconds, default parameters):")
        lines.append(f"  {'query':<32} {'seconds':>9} {'max':>9} {'rows':>6}")
        for name, q in r["queries"].items():
            if "error" in q:
                lines.append(f"  {name:<32} ERROR {q['error']}")
            else:
                lines.append(f"  {name:<32} {q['seconds']:>9.4f} {q['max']:>9.4f} {q['rows']:>6}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="documents to generate when --corpus is not given")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size-kb", type=float, default=10)
    ap.add_argument("--corpus", type=Path, help="a corpus made by bench/synth.py (its docs/ folder is loaded)")
    ap.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated, from {','.join(STEPS)}")
    ap.add_argument("--batch-size", type=int, default=0, help="documents per transaction (default 0: the store's "
                                                              "default, as a load uses)")
    ap.add_argument("--workers", type=int, help="worker processes for loads and the extract step (default: the "
                                                "load's default, one per core)")
    ap.add_argument("--query-runs", type=int, default=3)
    ap.add_argument("--query-timeout", type=float, default=120, help="seconds before a Neo4j query is cancelled")
    ap.add_argument("--rowwise-docs", type=int, default=100, help="documents in the batched-vs-per-row comparison")
    ap.add_argument("--neo4j-wipe", action="store_true", help="let the neo4j step delete what is in the database")
    ap.add_argument("--baseline", help="a git ref: also run the steps " + ",".join(BASELINE_STEPS) + " with that "
                    "commit's code (a temporary worktree), each right after this tree's; rows marked * and a table "
                    "of ratios")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (store, generated corpus)")
    ap.add_argument("--json", type=Path, help="where to write the results (default bench/results/load-N.json)")
    ap.add_argument("--_step", help=argparse.SUPPRESS)
    ap.add_argument("--_work", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args._step:  # inside a step's process
        corpus = args.corpus
        result = BODIES[args._step](corpus, args._work, args)
        (args._work / f"{args._step}.result.json").write_text(json.dumps(result))
        return

    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = sorted(set(steps) - set(STEPS))
    if unknown:
        ap.error(f"unknown step {unknown[0]!r}; steps: {', '.join(STEPS)}")
    for name in ("neo4j", "neo4j-write"):
        if name in steps and not (os.environ.get("NEO4J_URI") and os.environ.get("NEO4J_PASSWORD")):
            print(f"{name} step skipped: set NEO4J_URI and NEO4J_PASSWORD to run it", file=sys.stderr)
            steps.remove(name)
    if "neo4j-write" in steps and not args.neo4j_wipe:
        print("neo4j-write step skipped: it empties the database, pass --neo4j-wipe", file=sys.stderr)
        steps.remove("neo4j-write")

    work = Path(tempfile.mkdtemp(prefix="mg-bench-"))
    try:
        if args.corpus:
            root = args.corpus
        else:
            sys.path.insert(0, str(HERE))
            import synth

            root = work / "corpus"
            t0 = time.perf_counter()
            synth.generate(root, args.docs, args.seed, args.size_kb)
            print(f"generated {args.docs} documents in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        corpus = root / "docs" if (root / "docs").is_dir() else root
        n = len(_docs(corpus))
        if "update" in steps:
            prepare_update(corpus, work)
        print(f"corpus {corpus}: {n} documents, {sum(p.stat().st_size for p in _docs(corpus)) / 1e6:.1f} MB; "
              f"steps {', '.join(steps)}", file=sys.stderr)
        results = [run_step("baseline", corpus, work, args)]
        with ExitStack() as stack:
            old = None
            if args.baseline:
                commit, tree = stack.enter_context(baseline_tree(args.baseline))
                old = work / "baseline"
                old.mkdir()
            for name in steps:
                print(f"... {name}", file=sys.stderr, flush=True)
                results.append(run_step(name, corpus, work, args))
                if old is not None and name in BASELINE_STEPS:   # the same step on the baseline, right after
                    print(f"... {name} on {args.baseline} ({commit})", file=sys.stderr, flush=True)
                    results.append({**run_step(name, corpus, old, args, tree), "baseline": True})
        machine = (f"{platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
                   f"{platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}")
        print(f"\n{n} documents ({corpus}); {machine}")
        print(fmt_table(results))
        print(fmt_queries(results))
        if args.baseline:
            print(fmt_ratios(results, f"{args.baseline} ({commit})"))
        by = {r["step"]: r for r in results if not r.get("baseline")}
        if "embedded" in by and "reload" in by and "seconds" in by.get("reload", {}):
            e, r = by["embedded"], by["reload"]
            print(f"\nre-load of the unchanged corpus: {e['seconds'] / r['seconds']:.1f}x faster than the first load "
                  f"(work time); {e['wall'] / r['wall']:.1f}x by process wall time")
        if "neo4j" in by and "batched_vs_rowwise" in by["neo4j"]:
            c = by["neo4j"]["batched_vs_rowwise"]
            print(f"neo4j batched vs one MERGE per row ({c['docs']} docs, {c['rowwise_statements']} statements): "
                  f"{c['batched_seconds']:.2f} s vs {c['rowwise_seconds']:.2f} s = {c['ratio']:.1f}x")
        out = args.json or HERE / "results" / f"load-{n}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"machine": machine, "corpus": str(corpus), "docs": n, "results": results},
                                  indent=1))
        print(f"\nresults: {out}", file=sys.stderr)
    finally:
        if args.keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
