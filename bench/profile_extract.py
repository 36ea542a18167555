"""Profile the extraction step (read + extract + to_graph + validate) with cProfile.

    .venv/bin/python bench/profile_extract.py CORPUS [--docs 300] [--top 25] [-o bench/results/profile-extract.txt]

CORPUS is a folder made by bench/synth.py (its docs/ is used) or any folder of .txt files. Prints and saves the
top functions by cumulative time, then the top by own (total) time, which is where the time is really spent.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path

from missiongraph.pipeline import document_graph
from missiongraph.read import read_document


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("-o", "--output", type=Path, default=Path(__file__).resolve().parent / "results" / "profile-extract.txt")
    args = ap.parse_args()
    folder = args.corpus / "docs" if (args.corpus / "docs").is_dir() else args.corpus
    paths = sorted(folder.glob("*.txt"))[:args.docs]

    def work() -> None:
        for p in paths:
            document_graph(read_document(p, doc_id=p.stem))

    work_first = paths[:5]
    for p in work_first:  # warm up: gazetteers and compiled patterns load once
        document_graph(read_document(p, doc_id=p.stem))
    t0 = time.perf_counter()
    prof = cProfile.Profile()
    prof.runcall(work)
    dt = time.perf_counter() - t0
    out = io.StringIO()
    out.write(f"cProfile of read + extract + to_graph + validate on {len(paths)} documents of {folder} "
              f"({sum(p.stat().st_size for p in paths) / 1e6:.1f} MB), {dt:.1f} s under the profiler\n\n")
    out.write(f"== top {args.top} by cumulative time\n")
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(args.top)
    out.write(f"== top {args.top} by own time\n")
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.top)
    text = out.getvalue().replace(str(Path.cwd()) + "/", "")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
