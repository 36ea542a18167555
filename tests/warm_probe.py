"""Run in a fresh process by tests/test_warm.py (it must not import ``missiongraph.warm`` itself)."""

from __future__ import annotations

import sys
import time
from pathlib import Path


def first_document_seconds(path: str) -> float:
    """CPU seconds this process has used when it has extracted its first document (a forked worker's clock starts
    at its fork: what it spent starting, plus the document)."""
    from missiongraph.extract import extract
    from missiongraph.read import read_document

    extract(read_document(Path(path)).text)
    return time.process_time()


if __name__ == "__main__":
    if sys.argv[1] == "cold":        # this process, tables built on first use (less what importing them took)
        start = time.process_time()
        from missiongraph import extract, read  # noqa: F401

        print(first_document_seconds(sys.argv[2]) - start)
    else:                            # a worker of a load's pool
        from missiongraph.pipeline import worker_pool

        with worker_pool(1) as pool:
            print(pool.submit(first_document_seconds, sys.argv[2]).result())
