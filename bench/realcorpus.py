"""A corpus of real short documents for load benchmarks: the shared corpora's documents repeated, each copy with a
distinct line, so that every file is a document of its own (the same bytes twice would be one document with two
sources).

    .venv/bin/python bench/realcorpus.py OUT_DIR [--docs 1000] [--from ../shared/corpus]
    .venv/bin/python bench/bench_load.py --corpus OUT_DIR --steps extract,embedded --baseline main

Writes ``OUT_DIR/docs/NNNNN_NAME.txt``: document ``i`` is the ``i mod n``-th of the n documents found under
``--from`` (every ``docs/`` folder below it, sorted by path), with the line ``Kopie i voor de meting.`` after its
text. Issue 21's target for this corpus: 1,000 documents at 1,000 or more documents per second end to end.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FROM = HERE.parent.parent / "shared" / "corpus"


def sources(root: Path) -> list[Path]:
    """The documents under every ``docs/`` folder below ``root``, sorted by path."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.parent.name == "docs")


def write_corpus(out: Path, docs: int, root: Path) -> int:
    found = sources(root)
    if not found:
        raise SystemExit(f"realcorpus: no documents under {root} (expected docs/ folders)")
    folder = out / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(docs):
        src = found[i % len(found)]
        text = src.read_text(encoding="utf-8").rstrip("\n") + f"\n\nKopie {i} voor de meting.\n"
        target = folder / f"{i:05d}_{src.stem}{src.suffix}"
        target.write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--from", dest="root", type=Path, default=DEFAULT_FROM,
                    help="folder whose docs/ subfolders hold the documents (default: ../shared/corpus)")
    args = ap.parse_args()
    size = write_corpus(args.out, args.docs, args.root)
    print(f"wrote {args.docs} documents ({size / 1e6:.1f} MB, from {len(sources(args.root))} real ones) to "
          f"{args.out / 'docs'}", file=sys.stderr)


if __name__ == "__main__":
    main()
