"""The ``missiongraph`` command: a thin shell over the library. Each command parses arguments, calls one
library function and prints.

Exit codes: 0 success; 1 some input files failed to load (the rest loaded) or a check failed; 2 usage error
(bad option, unknown query or parameter, a query refused as not read-only); 3 the store or server could not be
used.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import click

from . import __version__, ui
from .api import Graph
from .stores.base import GraphStore, RefusedQuery, StoreError

EXIT_FAILED_FILES = 1
EXIT_STORE = 3


def sample_dirs() -> list[Path]:
    """The bundled sample corpus: the two founding documents and the development set."""
    root = Path(str(resources.files("missiongraph").joinpath("sample")))
    return [root / "seeds" / "docs", root / "dev" / "docs"]


def _wait_seconds() -> float:
    """--wait SECONDS of the running command (0 when it has none)."""
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get("missiongraph.wait", 0.0) if ctx else 0.0


def _say_waiting(busy: Exception) -> None:
    click.echo(f"waiting up to {_wait_seconds():g} s: {str(busy).split('; run the command')[0]}", err=True)


def graph_at(store: str | None, neo4j: str | None) -> Graph:
    """The graph the options name (the Python API's ``Graph``): Neo4j when a URI is given (option or NEO4J_URI),
    else the embedded store at --store (or $MISSIONGRAPH_STORE, or ./.missiongraph/graph.lbug). A busy embedded
    store is waited for up to --wait seconds."""
    return Graph(neo4j or os.environ.get("NEO4J_URI") or store, wait=_wait_seconds(), on_wait=_say_waiting)


@contextmanager
def graph_for(store: str | None, neo4j: str | None, *,
              usage_errors: tuple[type[Exception], ...] = ()) -> Iterator[Graph]:
    """``graph_at``'s graph for one command, closed after it. One of ``usage_errors`` (a query refused, a report not
    found) exits with code 2, a store or server that cannot be used with 3, each with its one line."""
    graph = graph_at(store, neo4j)
    try:
        yield graph
    except usage_errors as exc:
        raise _Error(str(exc), 2) from None
    except StoreError as exc:
        raise _Error(str(exc), EXIT_STORE) from None
    finally:
        graph.close()


def open_store(store: str | None, neo4j: str | None, *, read_only: bool = False) -> GraphStore:
    """The Neo4j store when a URI is given (option or NEO4J_URI), else the embedded store (waiting up to --wait
    seconds while another process holds it)."""
    try:
        if neo4j or os.environ.get("NEO4J_URI"):
            from .stores.neo4j import Neo4jStore

            return Neo4jStore(neo4j)
        from .stores.busy import open_embedded

        return open_embedded(store, read_only=read_only, wait=_wait_seconds(), on_wait=_say_waiting)
    except StoreError as exc:  # the store or server could not be used: exit code 3, as documented
        raise _Error(str(exc), EXIT_STORE) from None


def _remember_wait(ctx: click.Context, _param, value: float | None) -> None:
    ctx.meta["missiongraph.wait"] = value or 0.0


def store_options(f):
    f = click.option("--wait", type=click.FloatRange(min=0), default=None, metavar="SECONDS", expose_value=False,
                     callback=_remember_wait,
                     help="While another process holds the embedded store (a load writing, or a query reading "
                          "while this command writes), wait up to SECONDS for it instead of stopping.")(f)
    f = click.option("--neo4j", "neo4j", metavar="URI", default=None,
                     help="Use the Neo4j server at URI (bolt://127.0.0.1:7687; neo4j://HOST for a cluster, "
                          "neo4j+s://ID.databases.neo4j.io for Aura) instead of the embedded store. "
                          "Also NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.")(f)
    f = click.option("--store", metavar="PATH", default=None,
                     help="Embedded store location (default: $MISSIONGRAPH_STORE or ./.missiongraph/graph.lbug).")(f)
    return f


class _Error(click.ClickException):
    """Print 'Error: …' on one line, exit with a given code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.exit_code = code


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="missiongraph")
def main() -> None:
    """missiongraph: see how Dutch government documents about international missions hang together.

    \b
    Load documents into a graph, query it, visualise it:
      missiongraph load ./documents
      missiongraph query most-cited-kamerstukken
      missiongraph viz --around MINUSMA --depth 2 -o minusma.html
      missiongraph report iob-minusma-2014-2019 -o minusma-report.html
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--sample", is_flag=True, help="Load the bundled sample corpus (2 founding documents + 17 dev documents).")
@click.option("--force", is_flag=True, help="Re-extract documents even when their content has not changed.")
@click.option("--max-size", default=50, show_default=True, metavar="MB", help="Refuse files larger than this.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, metavar="N",
              help="Documents written at a time (default: 1000 for the embedded store, 200 for Neo4j). Neo4j "
                   "commits each batch; the embedded store groups batches into transactions that grow with the "
                   "store.")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes that read and extract documents (default: one per core; 1 = no worker processes).")
@click.option("--replace", is_flag=True,
              help="A new file whose name another file's document already has replaces that document (default: "
                   "it becomes a new document with a suffix, and a warning names both files).")
@click.option("-q", "--quiet", is_flag=True, help="Print only failures, warnings and the summary (no progress bars).")
@click.option("-v", "--verbose", is_flag=True,
              help="On a terminal, also print a line per document above the progress bars (off a terminal there "
                   "is always one).")
@store_options
def load(paths, sample, force, max_size, batch_size, workers, replace, quiet, verbose, store, neo4j):
    """Load documents (files or folders, searched recursively) into the graph.

    Formats (chosen by content): .txt, .md, .pdf (text layer; page numbers in provenance), .docx, .html, .xml.
    The same content under two names is loaded once, with both paths as its source.

    Loading is an upsert: a file loaded again replaces its own document's facts; unchanged documents are skipped
    without being read. A document's id is its file name without extension; a different file with a name already
    taken becomes a new document with a suffix (brief-3f2a9c1e) and a warning naming both, unless --replace. Documents are extracted in parallel (--workers) and written in batches as they come,
    so memory stays bounded however large the corpus.
    A file that cannot be read is reported on one line and the rest of the load goes on; the exit code is then 1.

    On a terminal, progress bars show the files checked, the documents read and written of the total, the rate,
    the time left and the current file; elsewhere (a pipe, a log file) one plain line per document.

    \b
    Example:
      missiongraph load ~/stukken/minusma
      missiongraph load --sample --store /tmp/demo.lbug
    """
    from .pipeline import printable

    targets = list(paths) + (sample_dirs() if sample else [])
    if not targets:
        raise click.UsageError("give one or more files or folders to load, or --sample")
    view = ui.LoadView(quiet=quiet, verbose=verbose)
    with graph_for(store, neo4j) as graph, view:
        report = graph.load(targets, force=force, batch_size=batch_size, max_bytes=max_size * 1024 * 1024,
                            workers=workers, replace=replace, progress=view.event, totals=view.total)
    extra = "".join(f", {len(items)} {word}{'s' if len(items) != 1 else ''}"
                    for items, word in ((report.duplicates, "duplicate"), (report.warnings, "warning")) if items)
    kind = "Neo4j" if graph.neo4j_uri else "embedded"
    click.echo(f"{len(report.loaded)} loaded, {len(report.unchanged)} unchanged, {len(report.failed)} failed, "
               f"{len(report.skipped)} skipped (not a document type){extra} -> {kind} store "
               f"{printable(graph.location)}")
    if report.failed:
        click.echo(err=True)
        ui.print_rows(["failed file", "reason"], [(printable(path), printable(reason)) for path, reason in report.failed],
                      title="Files not loaded", count=False, wrap=True, err=True)
        sys.exit(EXIT_FAILED_FILES)


@main.command()
@click.argument("ids", nargs=-1)
@click.option("--dossier", metavar="N", help="Every Kamerstuk of dossier N (29521, or 21501-28 for a sub-dossier).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, metavar="DATE",
              help="With --dossier: papers dated on or after DATE (the paper's own date).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, metavar="DATE",
              help="With --dossier: papers dated on or before DATE.")
@click.option("--unresolved", is_flag=True,
              help="The Kamerstukken the graph cites but does not hold (query unresolved-references).")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="With --unresolved: also what the fetched documents cite, N levels deep (breadth first).")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="M", help="Fetch at most M publications.")
@click.option("--into", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="FOLDER",
              help="The corpus folder to fetch into (default: 'corpus' next to the embedded store, "
                   "./.missiongraph/corpus).")
@click.option("--no-load", is_flag=True, help="Only download; do not load into the graph.")
@click.option("--dry-run", is_flag=True, help="List what would be fetched; download nothing.")
@click.option("--with-attachments", is_flag=True,
              help="With --dossier: also fetch the attachments (Bijlagen, PDF only), loaded as PDF documents.")
@click.option("--rate", type=click.FloatRange(min=0.01, max=20), default=2.0, show_default=True, metavar="R",
              help="At most R requests a second.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, metavar="S",
              help="Seconds to wait for a connection or the next part of an answer.")
@click.option("--retries", type=click.IntRange(min=0, max=10), default=4, show_default=True, metavar="N",
              help="Ask again up to N times after a 429, a 5xx, a timeout or a broken connection (backoff 1-30 s).")
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the summary.")
@store_options
def fetch(ids, dossier, since, until, unresolved, depth, limit, into, no_load, dry_run, with_attachments, rate,
          timeout, retries, quiet, store, neo4j):
    """Fetch official publications (Kamerstukken as XML with their metadata) into a corpus folder and load them.

    \b
    What to fetch (one of):
      IDS...           named Kamerstukken: kst-29521-451, 29521-451, "29 521, nr. 451", 35570-V-9
      --dossier N      every Kamerstuk of a dossier, by the paper's date (--since, --until)
      --unresolved     what the graph cites but does not hold (--depth, --limit)

    Sources: the SRU search service of repository.overheid.nl ($MISSIONGRAPH_SRU_URL) and the publications on
    zoek.officielebekendmakingen.nl ($MISSIONGRAPH_PUBLICATIONS_URL; $MISSIONGRAPH_REPOSITORY_URL for the file
    host the search names). At most --rate requests a second, retries with backoff on 429 and 5xx (honouring
    Retry-After), an HTTP cache in the folder. Files are named by their official id (kst-29521-451.xml, with
    kst-29521-451.metadata.xml beside it) and written under a temporary name until complete: an interrupted
    fetch resumes where it stopped, and a second run fetches nothing it has. Exit codes as for load: 0 all
    fetched and loaded, 1 some failed (the rest are fetched and loaded), 3 the source or the store could not be
    used. More in docs/fetch.md.

    \b
    Example:
      missiongraph fetch kst-29521-451 "29 521, nr. 452"
      missiongraph fetch --dossier 29521 --since 2019-01-01 --until 2019-12-31
      missiongraph fetch --unresolved --depth 2 --limit 50
    """
    import logging

    from . import fetch as grow
    from .pipeline import printable
    from .sources.http import Politeness, SourceError, Unreachable

    chosen = [bool(ids), bool(dossier), unresolved]
    if sum(chosen) != 1:
        raise click.UsageError("say what to fetch: Kamerstuk ids, --dossier N or --unresolved (one of them)")
    if (since or until) and not dossier:
        raise click.UsageError("--since and --until go with --dossier")
    if depth > 1 and not unresolved:
        raise click.UsageError("--depth goes with --unresolved")
    if with_attachments and not dossier:
        raise click.UsageError("--with-attachments goes with --dossier (attachments are found through their dossier)")
    if dossier:
        from .sources.sru import dossier_query

        try:
            dossier_query(dossier.strip())
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    logging.getLogger("stamina").setLevel(logging.ERROR)   # retries are reported by the lines below

    # The store is opened only when asked something (--unresolved) and to load, each time waiting up to --wait
    # seconds while another process holds it: a long download never keeps it from a load or a query elsewhere.
    graph = graph_at(store, neo4j) if unresolved or not (no_load or dry_run) else None
    folder = into or grow.default_folder(store, neo4j=bool(neo4j or os.environ.get("NEO4J_URI")))
    bars = ui.Bars(enabled=False if quiet else None)
    task = -1

    class Events(grow.Events):
        def start(self, total, label):
            nonlocal task
            task = bars.add(label, total, unit="publications")

        def outcome(self, o):
            bars.advance(task, current=printable(o.target.publication))
            line = f"{o.status}: {printable(o.target.publication)}" + (f": {printable(o.reason)}" if o.reason else "")
            if o.status in ("not found", "failed"):
                bars.line(line, err=True)
            elif not quiet:
                bars.line(line)

        def note(self, line):
            bars.line(printable(line), err=True)

    politeness = Politeness(rate=rate, timeout=timeout, attempts=retries + 1)
    try:
        with bars:
            report = grow.run(folder=folder, names=ids, dossier=dossier and dossier.strip(),
                              since=since and since.date(), until=until and until.date(),
                              unresolved_from=graph if unresolved else None, depth=depth, limit=limit,
                              with_attachments=with_attachments, dry_run=dry_run, politeness=politeness,
                              events=Events())
        if graph is not None and not (no_load or dry_run):
            view = ui.LoadView(quiet=quiet)
            with view:   # what was fetched, and what the folder held already, loaded as missiongraph load does
                grow.load_fetched(report, graph, progress=view.event, totals=view.total)
    except (Unreachable, SourceError) as exc:
        raise _Error(f"the search service could not be used: {printable(exc)}", EXIT_STORE) from None
    except StoreError as exc:
        raise _Error(str(exc), EXIT_STORE) from None
    finally:
        if graph is not None:
            graph.close()

    for text, reason in report.bad:
        click.echo(f"failed: {printable(repr(text))}: {printable(reason)}", err=True)
    if dry_run:
        rows = [[printable(t.publication), t.kamerstuk or "(attachment)", grow.target_state(folder, t)]
                for t in report.planned]
        click.echo(f"would fetch into {printable(folder)}:")
        if rows:
            ui.print_rows(["publication", "kamerstuk", "state"], rows, count=False)
        click.echo(f"{len(report.planned)} to consider, {len(report.skipped)} skipped; nothing downloaded")
        sys.exit(EXIT_FAILED_FILES if report.bad else 0)
    rows = [["fetched", len(report.fetched)], ["unchanged (in the folder)", len(report.unchanged)],
            ["not found", len(report.not_found)], ["failed", len(report.failed) + len(report.bad)],
            ["skipped", len(report.skipped)]]
    if not no_load:
        rows += [["loaded", len(report.loaded)], ["load: unchanged", len(report.load_unchanged)],
                 ["load: failed", len(report.load_failed)]]
    click.echo(f"\nfetch into {printable(folder)} ({report.requests} request{'s' if report.requests != 1 else ''}):")
    ui.print_rows(["", "publications"], rows, count=False)
    problems = [(i, "not found", r) for i, r in report.not_found] + [(i, "failed", r) for i, r in report.failed] + \
        [(i, "bad id", r) for i, r in report.bad] + [(p, "load failed", r) for p, r in report.load_failed]
    if problems:
        click.echo(err=True)
        ui.print_rows(["id or file", "", "reason"], [[printable(v) for v in row] for row in problems],
                      title="Not fetched or not loaded", count=False, wrap=True, err=True)
    if report.unreachable and not (report.fetched or report.unchanged):
        sys.exit(EXIT_STORE)
    if not report.ok:
        sys.exit(EXIT_FAILED_FILES)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document (JSON Lines). This is the default.")
def extract(paths, as_json):
    """Extract facts from documents and print them, without touching any store.

    Output: one JSON object per document with the gold-schema keys (source, self, kamerstukken, resolutions,
    missions, ministries, persons, date) plus title, kind, reference, findings, recommendations, commitments and
    mentions with character spans.

    \b
    Example:
      missiongraph extract brief.txt --json | jq .kamerstukken
    """
    from .pipeline import SUPPORTED, extract_record, find_files, printable
    from .read import read_document
    from .readers.base import ReadError

    failed = 0

    def unlisted(folder: str, reason: str) -> None:
        nonlocal failed
        click.echo(f"failed: {printable(folder)}: {reason}", err=True)
        failed += 1

    for path in find_files(paths, on_error=unlisted):
        if path.suffix.lower() not in SUPPORTED:
            continue
        try:
            record = extract_record(read_document(path))
        except ReadError as exc:
            click.echo(f"failed: {printable(path)}: {exc}", err=True)
            failed += 1
            continue
        click.echo(json.dumps(record, ensure_ascii=False))
    if failed:
        sys.exit(EXIT_FAILED_FILES)


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.UsageError(f"parameter {pair!r} must look like key=value")
        key, value = pair.split("=", 1)
        out[key.strip()] = value
    return out


@main.command()
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the saved queries with their parameters.")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--cypher", metavar="TEXT", help="Run this Cypher instead of a saved query (read-only unless --write).")
@click.option("--write", is_flag=True, help="Allow --cypher to change the graph.")
@click.option("--format", "fmt", type=click.Choice(ui.FORMATS), default="table", show_default=True,
              help="table (aligned text), csv, json (a list of objects) or jsonl (one object a line).")
@store_options
def query(name, list_, params, cypher, write, fmt, store, neo4j):
    """Run a saved query (queries/*.cypher) or ad-hoc Cypher.

    NAME is a saved query's name, its file name (01-missions-overview) or its number (1); an unknown name is
    answered with the closest ones. Reads while no other process writes to the embedded store (--wait).

    \b
    Example:
      missiongraph query --list
      missiongraph query citing-documents -p kamerstuk=29521-451
      missiongraph query 01-missions-overview --format jsonl
      missiongraph query unresolved-references --format csv > to-fetch.csv
      missiongraph query --cypher "MATCH (m:Mission) RETURN m.id"
    """
    from .saved import QueryError, get, saved_queries

    if list_:
        queries = saved_queries().values()
        if fmt != "table":
            ui.print_rows(["file", "name", "description", "params"],
                          [[q.filename, q.name, q.description, q.params] for q in queries], fmt)
            return
        rows = [[q.filename.split("-", 1)[0], q.name, q.description
                 + "".join(f"\n-p {k}={json.dumps(v, ensure_ascii=False)}" for k, v in q.params.items())]
                for q in queries]
        ui.print_rows(["nr", "name", "what it answers, and its parameters with their defaults"], rows,
                      count=False, wrap=True)
        return
    if not name and not cypher:
        raise click.UsageError("give a query name (see --list) or --cypher")
    with graph_for(store, neo4j, usage_errors=(QueryError, RefusedQuery)) as graph:
        if cypher:
            rows = graph.cypher(cypher, _parse_params(params), write=write)
        else:
            saved = get(name)
            rows = graph.cypher(saved.cypher, saved.bind(_parse_params(params)))
    ui.print_rows(rows.columns, rows.values(), fmt)


@main.command()
@click.option("--name", default="", metavar="TEXT", help="Only persons whose name contains TEXT (any case).")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True,
              help="At most this many persons, the most named first.")
@click.option("--flagged", is_flag=True, help="Only persons with a flag to check.")
@click.option("--format", "fmt", type=click.Choice(ui.FORMATS), default="table", show_default=True,
              help="table, or csv, json, jsonl with the posts and flags as lists.")
@store_options
def people(name, limit, flagged, fmt, store, neo4j):
    """List the persons in the graph with their roles, party, posts (with terms) and documents, and flag the
    identities to check: unresolved (a surname alone in one document), weak (documents that name a person by the
    surname alone, nothing else to go on) and split? (a person the text names differently, or an unresolved
    surname, with the same surname as another).

    The saved queries people and person-documents show the same without flags, and one person's documents with the
    words that name the person there and what the identity rests on.

    \b
    Example:
      missiongraph people --flagged
      missiongraph people --name "van dijk" --format json
      missiongraph query person-documents -p person="jasper van dijk"
    """
    with graph_for(store, neo4j) as graph:
        rows = graph.people(name, limit=limit, flagged=flagged)
    ui.print_rows(rows.columns, rows.values(), fmt)


@main.command()
@click.option("--format", "fmt", type=click.Choice(ui.FORMATS), default="table", show_default=True,
              help="table: two tables; csv, json, jsonl: one row per label or type (kind, name, count).")
@store_options
def stats(fmt, store, neo4j):
    """Count nodes per label and relationships per type.

    \b
    Example:
      missiongraph stats --store /tmp/demo.lbug
      missiongraph stats --format csv > counts.csv
    """
    with graph_for(store, neo4j) as graph:
        counts = graph.stats()
    if fmt != "table":
        rows = [["node", k, v] for k, v in counts["nodes"].items()]
        rows += [["relationship", k, v] for k, v in counts["relationships"].items()]
        ui.print_rows(["kind", "name", "count"], rows, fmt)
        return
    ui.print_rows(["label", "nodes"], [[k, v] for k, v in counts["nodes"].items()], count=False)
    click.echo()
    ui.print_rows(["relationship", "count"], [[k, v] for k, v in counts["relationships"].items()], count=False)


@main.command()
@click.argument("document")
@store_options
def forget(document, store, neo4j):
    """Remove one document (by id: its file name without extension, or the id a load gave it) and every fact it
    contributed.

    \b
    Example:
      missiongraph forget 003_cf3b274d7ecd5e93
    """
    with open_store(store, neo4j) as graph:
        if not graph.forget(document):
            raise _Error(f"no document with id {document!r} in the {graph.name} store", 1)
    click.echo(f"forgot {document}")


@main.command(name="eval")
@click.argument("corpus_dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--errors", is_flag=True, help="Also list the misses and false hits per document.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate(corpus_dirs, errors, as_json):
    """Score extraction against gold annotations (folders with docs/ and gold/).

    \b
    Example:
      missiongraph eval ../shared/corpus/seeds ../shared/corpus/dev --errors
    """
    from . import eval as ev

    report = ev.evaluate(list(corpus_dirs))
    if as_json:
        click.echo(json.dumps(ev.report_json(report), ensure_ascii=False, indent=1))
        return
    click.echo(ev.format_table(report))
    if errors:
        click.echo()
        click.echo(ev.format_errors(report))


@main.command()
@click.option("--query", "query_name", metavar="NAME", help="Visualise the result of a saved query.")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of the saved query.")
@click.option("--around", metavar="NODE", help="Visualise the neighbourhood of a node (id or name, e.g. MINUSMA).")
@click.option("--depth", default=2, show_default=True, help="Steps around --around.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Draw at most this many nodes (default 5,000: larger pictures are slow to open and unreadable).")
@click.option("--max-edges", type=click.IntRange(min=1), default=None, metavar="N",
              help="Above this many relationships (default 15,000) draw one edge per node pair and type.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("missiongraph.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--open", "open_", is_flag=True, help="Open the file in a browser.")
@store_options
def viz(query_name, params, around, depth, max_nodes, max_edges, output, open_, store, neo4j):
    """Write an interactive network visualisation: one self-contained HTML file that opens offline.

    Only the part drawn is read from the store. --around draws the nodes within --depth steps of a node; when
    there are more than --max-nodes, the nearest are kept, the most connected first within the last level, and
    the summary says so ("5,000 of 23,417 nodes within depth 2, ..."). --query draws the nodes the query's rows
    name, the first --max-nodes of them. Without --query or --around, the whole graph, refused when it has more
    than --max-nodes nodes. When the nodes drawn have more than --max-edges relationships among them (the same
    link stated by many documents), one edge per node pair and type is drawn, saying in how many documents.

    \b
    Example:
      missiongraph viz --around MINUSMA --depth 2 -o minusma.html --open
      missiongraph viz --around "Buitenlandse Zaken" --depth 1 --max-nodes 2000
      missiongraph viz --query what-connects -o seeds.html
    """
    from .saved import QueryError

    with graph_for(store, neo4j, usage_errors=(QueryError, RefusedQuery, ValueError)) as graph:
        drawn = graph.viz(output, query=query_name, params=_parse_params(params), around=around, depth=depth,
                          max_nodes=max_nodes, max_edges=max_edges)
    click.echo(str(drawn))
    if open_:
        click.launch(str(drawn.path))


@main.command()
@click.argument("report_word", metavar="REPORT")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=None,
              help="The file to write (default: ID.html or ID.csv in the current folder); - prints it instead.")
@click.option("--format", "fmt", type=click.Choice(["html", "csv"]), default="html", show_default=True,
              help="html: one self-contained page; csv: one row per stance taken on an item and per commitment.")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
              help="Steps around the report in its network view.")
@click.option("--no-network", is_flag=True, help="Do not write the network view next to the page.")
@click.option("--open", "open_", is_flag=True, help="Open the page in a browser.")
@store_options
def report(report_word, output, fmt, depth, no_network, open_, store, neo4j):
    """Write one report's page: what the government did with each of its recommendations and findings.

    REPORT is a report's id (iob-minusma-2014-2019), else a word of its title, else its author, as the saved query
    report; an unknown one is answered with the closest ids. The page lists every recommendation and finding
    (number, text), the stance each responding document takes on it (colour-coded, with the quote and a link to
    the official publication where the graph has one), the commitments with who makes them and when, and links
    the report's network view, written next to it as NAME-network.html (missiongraph viz --around Report:ID).
    One self-contained HTML file that opens offline.

    \b
    Example:
      missiongraph report iob-minusma-2014-2019 -o minusma-report.html --open
      missiongraph report "missie in een missie" --format csv -o minusma.csv
      missiongraph report IOB --format csv -o - | head
    """
    from .outputs.report import UnknownReport, report_text

    with graph_for(store, neo4j, usage_errors=(UnknownReport,)) as graph:
        if output is not None and str(output) == "-":
            click.echo(report_text(graph.report_page(report_word), fmt, depth=depth), nl=False)
            return
        written = graph.report(report_word, output, format=fmt, network=not no_network, depth=depth)
    click.echo(str(written))
    if written.page.also:
        click.echo(f"note: {report_word!r} also names {', '.join(written.page.also)}; give an id for one of them",
                   err=True)
    if open_:
        click.launch(str(written.path))


@main.command()
@click.option("--store", metavar="PATH", default=None, help="The embedded store to copy from.")
@click.option("--neo4j", "neo4j", metavar="URI", default=None, help="The Neo4j server to copy to (or NEO4J_URI).")
def push(store, neo4j):
    """Copy the embedded graph into Neo4j, 1,000 documents at a time (documents' facts replace what Neo4j has for
    those documents; memory stays bounded). On a terminal a progress bar shows the documents pushed.

    \b
    Example:
      NEO4J_PASSWORD=... missiongraph push --neo4j bolt://127.0.0.1:7687
    """
    from .stores.busy import open_embedded
    from .stores.neo4j import Neo4jStore
    from .stores.transfer import push as push_graph

    try:
        with open_embedded(store, read_only=True) as source, Neo4jStore(neo4j) as target:
            total = source.run("MATCH (d:Document) RETURN count(d)").rows[0][0]
            with ui.Bars() as bars:
                task = bars.add("pushed", total)
                n = push_graph(source, target, progress=lambda ids: bars.advance(task, len(ids), current=ids[-1]))
    except StoreError as exc:
        raise _Error(str(exc), EXIT_STORE) from None
    click.echo(f"pushed {n} documents to {target.uri}")


@main.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--format", "fmt", required=True, metavar="FORMAT",
              help="neo4j-admin (CSV for Neo4j's offline bulk importer), graphml, gexf (Gephi) or node-link (JSON).")
@store_options
def export(out, fmt, store, neo4j):
    """Write the graph into the folder OUT (new or empty) for other tools.

    \b
    neo4j-admin  CSV + header files per label and relationship type for `neo4j-admin database import full`,
                 and OUT/import.sh that runs it: for corpora too large to load online. Streamed.
    node-link    OUT/graph.json (networkx node_link_graph, D3). Streamed.
    graphml      OUT/graph.graphml (yEd, Cytoscape, networkx). Built in memory: for graphs that fit in it.
    gexf         OUT/graph.gexf (Gephi; colour by the node attribute 'labels'). Built in memory too.

    Nodes are 'Label:key'; null properties are left out. More in docs/export.md.

    \b
    Example:
      missiongraph export /tmp/bulk --format neo4j-admin && NEO4J_ADMIN=/path/to/neo4j-admin /tmp/bulk/import.sh
      missiongraph export /tmp/gephi --format gexf --store /tmp/demo.lbug
    """
    import shlex

    from .outputs.export import ExportError, NothingToExport, check_format, check_out, export as export_graph

    try:
        check_format(fmt)
        check_out(out)
        with open_store(store, neo4j, read_only=True) as graph:
            report = export_graph(graph, out, fmt)
    except NothingToExport as exc:
        raise _Error(str(exc), EXIT_FAILED_FILES) from None
    except ExportError as exc:
        raise _Error(str(exc), 2) from None
    except StoreError as exc:
        raise _Error(str(exc), EXIT_STORE) from None
    headers = [path for path in report.files if path.name.endswith(".header.csv")]
    shown = [path for path in report.files if path not in headers]
    width = max(len(path.name) for path in shown)
    for path in shown:
        rows = f"{report.rows[path]:>12,} rows" if path in report.rows else ""
        click.echo(f"  {path.name:{width}} {path.stat().st_size:>14,} bytes {rows}".rstrip())
    if headers:
        click.echo(f"  (and {len(headers)} header files: NAME.header.csv for each NAME.csv)")
    n_nodes, n_rels = sum(report.nodes.values()), sum(report.relationships.values())
    click.echo(f"wrote {len(report.files)} file{'s' if len(report.files) != 1 else ''} ({report.format}) to {out}: "
               f"{n_nodes:,} nodes, {n_rels:,} relationships")
    click.echo("  nodes: " + ", ".join(f"{k} {v:,}" for k, v in report.nodes.items()))
    click.echo("  relationships: " + ", ".join(f"{k} {v:,}" for k, v in report.relationships.items()))
    if report.command:
        click.echo("import with Neo4j stopped, into a database that does not exist or is empty "
                   "(or add --overwrite-destination=true):")
        click.echo(f"  cd {shlex.quote(str(out.absolute()))} && {shlex.join(report.command)}")
        click.echo(f"or: NEO4J_ADMIN=/path/to/neo4j-admin {out / 'import.sh'}")


@main.group()
def neo4j():
    """Run a local Neo4j Community server, assembled from Maven Central (needs Maven and Java: 17+ for the 5.26
    LTS, the default; 21+ for the calendar versions such as 2026.09.0).

    \b
    Example:
      export NEO4J_PASSWORD=choose-a-password
      missiongraph neo4j start && missiongraph load --sample --neo4j bolt://127.0.0.1:7687
      missiongraph neo4j start --version 2026.09.0 --home .missiongraph/neo4j-2026 --bolt-port 7688 --http-port 7475
    """


def _home_option(f):
    return click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help="Server folder (default: $MISSIONGRAPH_NEO4J_HOME or ./.missiongraph/neo4j); one "
                             "folder per server, so several versions can live side by side.")(f)


@neo4j.command()
@_home_option
@click.option("--version", "version", metavar="VERSION", default=None,
              help="Neo4j version: 5.26.x (the LTS) or a calendar version Maven Central has, e.g. 2026.09.0 "
                   "(default: $MISSIONGRAPH_NEO4J_VERSION, else the home's, else the LTS).")
@click.option("--bolt-port", type=int, default=None, help="Bolt port (default: the home's, else 7687).")
@click.option("--http-port", type=int, default=None, help="HTTP port of the Browser (default: the home's, else 7474).")
@click.option("--timeout", default=180, show_default=True, help="Seconds to wait for the server to be ready.")
def start(home, version, bolt_port, http_port, timeout):
    """Assemble (first time) and start the server; wait until it answers. Picks a Java that fits the version
    (JAVA_HOME, then java on PATH, then the JDKs installed on the machine)."""
    from .stores import neo4j_server as nl

    try:
        info = nl.start(home or nl.default_home(), nl.get_password(), version=version, bolt_port=bolt_port,
                        http_port=http_port, timeout=timeout)
    except (nl.Neo4jLocalError, StoreError) as exc:
        raise _Error(str(exc), EXIT_STORE) from None
    how = "started" if info.started else "already running"
    click.echo(f"Neo4j {info.version} {how} (pid {info.pid}, home {info.home}): {info.uri}, "
               f"Browser {info.http_url}/browser/")


@neo4j.command()
@_home_option
def stop(home):
    """Stop the server cleanly."""
    from .stores import neo4j_server as nl

    was = nl.stop(home or nl.default_home())
    click.echo("Neo4j stopped" if was else "Neo4j was not running")


@neo4j.command()
@_home_option
def status(home):
    """Say whether the server runs, where, which version (assembled and answering), its Cypher versions and
    its Java."""
    from .stores import neo4j_server as nl

    info = nl.status(home or nl.default_home())
    for key, value in info.items():
        click.echo(f"{key}: {value}")


@neo4j.command(name="browser-files")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Folder to write the two files into (created if missing).")
def browser_files(output):
    """Write the Neo4j Browser style (missiongraph.grass) and the saved queries as favourites
    (neo4j-browser-favorites.zip). Drop each file on Browser's window to import it.

    \b
    Example:
      missiongraph neo4j browser-files -o ~/Desktop
    """
    from .stores.neo4j_browser import write_browser_files

    for path in write_browser_files(output):
        click.echo(str(path))


if __name__ == "__main__":  # pragma: no cover
    main()
