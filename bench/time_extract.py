"""Time the extraction step per document (read + extract + to_graph + validate, as a load does it in its workers),
without a profiler: CPU milliseconds per document, the best of several rounds.

    .venv/bin/python bench/time_extract.py CORPUS [--docs 1000] [--rounds 3]

CORPUS is a folder made by bench/synth.py (its docs/ is used) or any folder of .txt files. To compare two versions of
the code in one run, alternate them (the baseline from another checkout, put first on the path):

    for i in 1 2 3; do
      PYTHONPATH=/tmp/base-pkg .venv/bin/python bench/time_extract.py /tmp/synth --rounds 1
      .venv/bin/python bench/time_extract.py /tmp/synth --rounds 1
    done

where /tmp/base-pkg/missiongraph is a link to the baseline's loader/ folder.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

import missiongraph
from missiongraph.pipeline import document_graph
from missiongraph.read import read_document


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    folder = args.corpus / "docs" if (args.corpus / "docs").is_dir() else args.corpus
    paths = sorted(folder.glob("*.txt"))[:args.docs]
    for p in paths[:5]:                     # warm up: gazetteers and compiled patterns load once
        document_graph(read_document(p, doc_id=p.stem))
    best = float("inf")
    for _ in range(args.rounds):
        gc.collect()
        t0 = time.process_time()
        for p in paths:
            document_graph(read_document(p, doc_id=p.stem))
        best = min(best, time.process_time() - t0)
    size = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{Path(missiongraph.__file__).parent}: {len(paths)} documents ({size:.1f} MB), best of {args.rounds}: "
          f"{best:.2f} s CPU, {1000 * best / len(paths):.2f} ms/document")


if __name__ == "__main__":
    main()
