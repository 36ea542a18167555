"""What the CLI draws on a terminal, with rich: a progress bar (counts, rate, time left) and summary tables.
Small on purpose, so that every command can use the same two functions.

The progress bar goes to standard error and only when it is a terminal (a pipe or a log file gets the plain
lines the command prints anyway); tables go to standard output, or standard error with ``err=True``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TaskProgressColumn,
                           TextColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text


def console(err: bool = False) -> Console:
    """A console on standard output (or error), made when needed so that it writes where ``sys.stdout`` is now."""
    return Console(stderr=err, highlight=False, soft_wrap=False)


def progress_bar(*, quiet: bool = False) -> Progress:
    """A progress bar with counts, a rate and the time left: ``with progress_bar() as bar:
    task = bar.add_task("fetching", total=n); bar.advance(task)``. Disabled off a terminal or when ``quiet``."""
    out = console(err=True)
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                    _Rate(), TextColumn("eta"), TimeRemainingColumn(),
                    console=out, disable=quiet or not out.is_terminal, transient=False)


class _Rate(ProgressColumn):
    """Items a second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "–/s", style="progress.data.speed")


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]], *, title: str | None = None,
                err: bool = False) -> None:
    """Rows as a table with a header (numbers right-aligned)."""
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False, box=None, header_style="bold")
    for i, name in enumerate(columns):
        numeric = bool(rows) and all(isinstance(row[i], int) for row in rows)
        table.add_column(name, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else f"{v:,}" if isinstance(v, int) else str(v) for v in row))
    console(err=err).print(table)
