"""What a person sees on the command line: progress bars on a terminal, plain lines elsewhere, and result tables
in four formats. Drawn by rich (https://rich.readthedocs.io); every command that shows progress or a table uses
these helpers.

* ``Bars``: progress bars (done of total, rate, ETA, the current item) when standard output is a terminal; off a
  terminal no bar is drawn and the lines a command prints through ``Bars.line`` are plain lines, as before.
* ``print_rows`` / ``render``: columns and rows as a table (``table``), ``csv``, ``json`` (a list of objects) or
  ``jsonl`` (one object a line).
* ``LoadView``: what ``missiongraph load`` (and ``Graph.load(progress=True)``) shows while loading.

A cell's text is never read as rich markup (a title with ``[brackets]`` prints as it is).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "csv", "json", "jsonl")
CELL_WIDTH = 60   # a table cell longer than this is cut with an ellipsis (csv/json/jsonl carry the whole value)


def console(*, err: bool = False) -> Console:
    """A console on the current standard output (or error): rich decides whether it is a terminal, and leaves out
    colour when it is not (or when NO_COLOR is set). Made per call, so it follows a replaced ``sys.stdout``."""
    return Console(file=sys.stderr if err else sys.stdout, highlight=False, soft_wrap=False)


def is_terminal() -> bool:
    """Whether standard output is a terminal (rich's test: a tty, or FORCE_COLOR / TTY_COMPATIBLE=1)."""
    return console().is_terminal


# --- tables ------------------------------------------------------------------------------------------------------

def cell(value: Any) -> str:
    """A value as table text: nodes and relationships by their id, lists joined with commas, null as nothing."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("id", value))
    if isinstance(value, list):
        return ", ".join(cell(v) for v in value)
    return str(value)


def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, title: str | None = None,
          count: bool = True, width: int = CELL_WIDTH, wrap: bool = False) -> Table:
    """A rich Table of ``rows``; numbers are right-aligned, cells longer than ``width`` characters cut with an
    ellipsis (or, with ``wrap``, wrapped to fit), and the caption says how many rows there are (unless ``count``
    is false)."""
    numeric = [bool(rows) and all(isinstance(row[i], (int, float)) and not isinstance(row[i], bool)
                                  for row in rows if row[i] is not None) for i in range(len(columns))]
    out = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title_justify="left",
                caption=f"({len(rows)} row{'s' if len(rows) != 1 else ''})" if count else None,
                caption_justify="left")
    for name, is_number in zip(columns, numeric):
        out.add_column(Text(name), justify="right" if is_number else "left", max_width=None if wrap else width,
                       no_wrap=not wrap, overflow="fold" if wrap else "ellipsis")
    for row in rows:
        out.add_row(*(Text(cell(v)) for v in row))
    return out


def render(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, *, title: str | None = None,
           count: bool = True, width: int = CELL_WIDTH, wrap: bool = False) -> str:
    """``rows`` as text in ``fmt``: an aligned table (plain text, no colour), CSV with a header line, JSON (a list of
    objects) or JSON Lines (one object a line). Lists and maps are JSON inside a CSV field."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=1)
    if fmt == "jsonl":
        return "\n".join(json.dumps(dict(zip(columns, row)), ensure_ascii=False) for row in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_csv_value(v) for v in row] for row in rows])
        return buf.getvalue().rstrip("\n")
    if fmt == "table":
        # Off a terminal nothing is wrapped: a table is as wide as its cells (cut at ``width``; whole with
        # ``wrap``, which wraps only on a terminal), so that each row stays one line for grep and friends.
        plain = Console(file=io.StringIO(), width=_table_width(columns, rows, None if wrap else width),
                        color_system=None, highlight=False)
        with plain.capture() as captured:
            plain.print(table(columns, rows, title=title, count=count, width=width, wrap=wrap))
        return "\n".join(line.rstrip() for line in captured.get().rstrip("\n").splitlines())
    raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")


def _table_width(columns: Sequence[str], rows: Sequence[Sequence[Any]], width: int | None) -> int:
    """Wide enough for every column at its widest (cut at ``width``, unless None), so a table written to a file
    or a pipe is never wrapped to 80 columns."""
    widths = [len(c) for c in columns]
    for row in rows:
        for i, v in enumerate(row):
            longest = max((len(line) for line in cell(v).splitlines()), default=0) + 2
            widths[i] = max(widths[i], longest if width is None else min(longest, width))
    return max(sum(widths) + 2 * len(widths) + 2, 40)


def print_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "table", *,
               title: str | None = None, count: bool = True, wrap: bool = False, err: bool = False) -> None:
    """Print ``rows`` in ``fmt``: on a terminal a table is drawn by rich at the terminal's width, elsewhere it is
    ``render``'s plain text (never wrapped)."""
    out = console(err=err)
    if fmt == "table" and out.is_terminal:
        out.print(table(columns, rows, title=title, count=count, wrap=wrap))
    else:
        text = render(columns, rows, fmt, title=title, count=count, wrap=wrap)
        if text or fmt != "jsonl":
            (sys.stderr if err else sys.stdout).write(text + "\n")


# --- progress ------------------------------------------------------------------------------------------------------

def _rate(task: Task) -> float | None:
    """Items a second since the task started: steady where the store commits documents in large steps."""
    elapsed = task.finished_time if task.finished else task.elapsed
    return task.completed / elapsed if elapsed and task.completed else None


class RateColumn(ProgressColumn):
    """Items a second since the start, in the task's unit ("140 documents/s")."""

    def render(self, task: Task) -> Text:
        rate, unit = _rate(task), task.fields.get("unit", "")
        if rate is None:
            return Text(f"- {unit}/s", style="progress.data.speed")
        return Text(f"{rate:,.0f} {unit}/s" if rate >= 10 else f"{rate:.1f} {unit}/s", style="progress.data.speed")


class EtaColumn(ProgressColumn):
    """The time left at the rate so far ("eta 0:01:05"); the time taken once done ("took 0:02:10")."""

    def render(self, task: Task) -> Text:
        if task.finished:
            return Text(f"took {_clock(task.finished_time or 0)}", style="progress.elapsed")
        rate = _rate(task)
        if rate is None or task.total is None:
            return Text("eta -:--:--", style="progress.remaining")
        return Text(f"eta {_clock((task.total - task.completed) / rate)}", style="progress.remaining")


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Bars:
    """Progress bars while a block runs, on standard output when it is a terminal; off a terminal (or with
    ``enabled=False``) nothing is drawn. ``line`` prints a line above the bars (or plainly, off a terminal), so a
    command says the same things either way.

    >>> with Bars() as bars:                                   # doctest: +SKIP
    ...     task = bars.add("fetching", total=len(urls), unit="documents")
    ...     for url in urls:
    ...         bars.advance(task, current=url)
    """

    def __init__(self, *, enabled: bool | None = None):
        self.out = console()
        self.enabled = self.out.is_terminal if enabled is None else enabled
        self.progress: Progress | None = None
        if self.enabled:
            self.progress = Progress(
                TextColumn("{task.description:<9}"), BarColumn(bar_width=30), MofNCompleteColumn(), RateColumn(),
                EtaColumn(), TextColumn("{task.fields[current]}", style="dim"),
                console=self.out, redirect_stderr=False, transient=False, refresh_per_second=8)

    def __enter__(self) -> Bars:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.progress:
            self.progress.stop()

    def add(self, description: str, total: int | None = None, *, unit: str = "documents") -> int:
        """A new bar; ``total`` None draws a pulsing bar until ``set_total``. Returns its id (-1 when not drawn)."""
        if not self.progress:
            return -1
        return self.progress.add_task(description, total=total, unit=unit, current="")

    def set_total(self, task: int, total: int) -> None:
        if self.progress and task >= 0:
            self.progress.update(task, total=total)

    def advance(self, task: int, n: int = 1, *, current: str | None = None) -> None:
        """``n`` more done; ``current`` names the item being worked on (a file, a URL), cut to fit."""
        if self.progress and task >= 0:
            fields = {} if current is None else {"current": _short(current)}
            self.progress.update(task, advance=n, **fields)

    def line(self, text: str, *, err: bool = False) -> None:
        """Print ``text`` as its own line: above the bars while they are drawn, else plainly (to standard error
        with ``err``, so that ``2>file`` still separates failures)."""
        if self.progress and (not err or sys.stderr.isatty()):
            self.progress.console.print(Text(text), soft_wrap=True)
        else:
            print(text, file=sys.stderr if err else sys.stdout, flush=True)


def _short(text: str, width: int = 40) -> str:
    """The end of a long path or URL, which names the item best: ``…/minusma/brief-2019.pdf``."""
    return text if len(text) <= width else "…" + text[-(width - 1):]


class LoadView:
    """What a load shows: on a terminal a bar for checking files (unchanged ones are skipped without being read),
    then bars for documents read and documents written (committed); off a terminal one line per document
    ("loaded: PATH", "unchanged: PATH", "duplicate: ..."), as before. Failures and warnings are always printed,
    to standard error. ``quiet``: failures and warnings only, no bars; ``verbose``: on a terminal, also the line per
    document above the bars. Pass ``view.event`` and ``view.total`` to ``missiongraph.pipeline.load`` as
    ``progress`` and ``totals``; the pipeline's messages name files escaped (``missiongraph.pipeline.printable``),
    so a crafted file name prints no fake line here either."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False, bars: bool | None = None):
        self.quiet = quiet
        self.bars = Bars(enabled=False if quiet else bars)
        self.verbose = verbose or not self.bars.enabled
        self.tasks: dict[str, int] = {}
        self.to_write = 0

    def __enter__(self) -> LoadView:
        self.bars.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.bars.__exit__(*exc)

    def total(self, kind: str, n: int) -> None:
        """``files`` found (to check), or ``documents`` to read (new or changed)."""
        if kind == "files":
            self.tasks["checking"] = self.bars.add("checking", n, unit="files")
        elif kind == "documents" and n:
            self.to_write = n
            self.tasks["reading"] = self.bars.add("reading", n)
            self.tasks["written"] = self.bars.add("written", n)

    def event(self, status: str, message: str) -> None:
        task = {"checking": "checking", "unchanged": None, "extracted": "reading", "failed": "reading",
                "loaded": "written"}.get(status)
        if task in self.tasks:
            self.bars.advance(self.tasks[task], current=message.split(": ", 1)[0])
        if status == "failed":
            if "written" in self.tasks:   # a document that failed is never written
                self.to_write = max(self.to_write - 1, 0)
                self.bars.set_total(self.tasks["written"], self.to_write)
            self.bars.line(f"failed: {message}", err=True)
        elif status == "warning":
            self.bars.line(f"warning: {message}", err=True)
        elif status in ("loaded", "unchanged", "duplicate") and self.verbose and not self.quiet:
            self.bars.line(f"{status}: {message}")
