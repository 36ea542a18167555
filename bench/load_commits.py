"""Load a corpus into a fresh embedded store and print each commit: seconds since the start, documents committed,
RSS now and peak RSS of this process (issue #8: where a large load spends its time and memory).

    .venv/bin/python bench/load_commits.py CORPUS_DOCS_FOLDER OUT_FOLDER

OUT_FOLDER is emptied first; the store is OUT_FOLDER/graph.lbug. Documents are reported "loaded" in a burst when
their transaction commits, so a pause of more than half a second between two of them marks a commit.
"""

from __future__ import annotations

import resource
import shutil
import sys
import time
from pathlib import Path

from missiongraph.pipeline import load
from missiongraph.stores.embedded import EmbeddedStore


def rss_mb() -> int:
    return int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) // 1024


def peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    start = time.perf_counter()
    loaded, last = 0, start

    def progress(status: str, message: str) -> None:
        nonlocal loaded, last
        if status != "loaded":
            return
        now = time.perf_counter()
        if now - last > 0.5 and loaded:
            print(f"{now - start:8.1f} s  {loaded:7d} committed  RSS {rss_mb()} MB  peak {peak_mb()} MB", flush=True)
        loaded += 1
        last = now

    with EmbeddedStore(out / "graph.lbug") as store:
        report = load([corpus], store, progress=progress)
    print(f"{time.perf_counter() - start:8.1f} s  {len(report.loaded):7d} loaded, {len(report.failed)} failed  "
          f"peak {peak_mb()} MB", flush=True)


if __name__ == "__main__":
    main()
