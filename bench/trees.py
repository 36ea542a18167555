"""Run the benchmarks against another commit in the same run: its tree in a temporary git worktree, imported as
``missiongraph`` from a folder put first on ``PYTHONPATH`` (``bench_extract.py --baseline``,
``bench_load.py --baseline``)."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_dir(tree: Path) -> Path:
    """A folder with ``missiongraph`` -> ``tree/loader``: importing it runs that tree's code."""
    holder = Path(tempfile.mkdtemp(prefix="mg-pkg-"))
    (holder / "missiongraph").symlink_to(tree / "loader")
    return holder


@contextmanager
def baseline_tree(ref: str) -> Iterator[tuple[str, Path]]:
    """``ref`` checked out (detached) into a temporary worktree: yields (short commit, tree); removed after."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", ref], check=True,
                            capture_output=True, text=True).stdout.strip()
    worktree = Path(tempfile.mkdtemp(prefix="mg-baseline-")) / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), commit], check=True,
                   capture_output=True)
    try:
        yield commit, worktree
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=False,
                       capture_output=True)
