"""The ``missiongraph`` command: a thin shell over the library. Each command parses arguments, calls one
library function and prints.

Exit codes: 0 success; 1 some input files failed to load (the rest loaded) or a check failed; 2 usage error
(bad option, unknown query or parameter); 3 the store or server could not be used.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from importlib import resources
from pathlib import Path

import click

from . import __version__
from .stores.base import GraphStore, StoreError

EXIT_FAILED_FILES = 1
EXIT_STORE = 3


def sample_dirs() -> list[Path]:
    """The bundled sample corpus: the two founding documents and the development set."""
    root = Path(str(resources.files("missiongraph").joinpath("sample")))
    return [root / "seeds" / "docs", root / "dev" / "docs"]


def open_store(store: str | None, neo4j: str | None, *, read_only: bool = False) -> GraphStore:
    """The Neo4j store when a URI is given (option or NEO4J_URI), else the embedded store."""
    import os

    try:
        if neo4j or os.environ.get("NEO4J_URI"):
            from .stores.neo4j import Neo4jStore

            return Neo4jStore(neo4j)
        from .stores.embedded import EmbeddedStore

        return EmbeddedStore(store, read_only=read_only)
    except StoreError as exc:  # the store or server could not be used: exit code 3, as documented
        raise _Error(str(exc), EXIT_STORE) from None


def store_options(f):
    f = click.option("--neo4j", "neo4j", metavar="URI", default=None,
                     help="Use the Neo4j server at URI (bolt://127.0.0.1:7687) instead of the embedded store. "
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
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the summary.")
@store_options
def load(paths, sample, force, max_size, batch_size, workers, quiet, store, neo4j):
    """Load documents (files or folders, searched recursively) into the graph.

    Formats (chosen by content): .txt, .md, .pdf (text layer; page numbers in provenance), .docx, .html, .xml.
    The same content under two names is loaded once, with both paths as its source.

    Loading is an upsert: a document loaded again replaces its own facts; unchanged documents are skipped
    without being read. Documents are extracted in parallel (--workers) and written in batches as they come,
    so memory stays bounded however large the corpus.
    A file that cannot be read is reported on one line and the rest of the load goes on; the exit code is then 1.

    \b
    Example:
      missiongraph load ~/stukken/minusma
      missiongraph load --sample --store /tmp/demo.lbug
    """
    from .pipeline import load as load_paths

    targets = list(paths) + (sample_dirs() if sample else [])
    if not targets:
        raise click.UsageError("give one or more files or folders to load, or --sample")

    def progress(status: str, message: str) -> None:
        if status == "failed":
            click.echo(f"failed: {message}", err=True)
        elif not quiet:
            click.echo(f"{status}: {message}")

    with open_store(store, neo4j) as graph:
        try:
            report = load_paths(targets, graph, force=force, batch_size=batch_size, max_bytes=max_size * 1024 * 1024,
                                workers=workers, progress=progress)
        except StoreError as exc:
            raise _Error(str(exc), EXIT_STORE) from None
        where = getattr(graph, "path", None) or getattr(graph, "uri", "")
        dupes = f", {len(report.duplicates)} duplicate{'s' if len(report.duplicates) != 1 else ''}" \
            if report.duplicates else ""
        click.echo(f"{len(report.loaded)} loaded, {len(report.unchanged)} unchanged, {len(report.failed)} failed, "
                   f"{len(report.skipped)} skipped (not a document type){dupes} -> {graph.name} store {where}")
        if report.failed:
            width = min(max(len(path) for path, _ in report.failed) + 1, 70)
            click.echo(f"\n  {'failed file':<{width}}  reason", err=True)
            click.echo(f"  {'-' * width}  {'-' * 6}", err=True)
            for path, reason in report.failed:
                click.echo(f"  {path + ':':<{width}}  {reason}", err=True)
    if report.failed:
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
    from .pipeline import SUPPORTED, extract_record, find_files
    from .read import read_document
    from .readers.base import ReadError

    failed = 0
    for path in find_files(paths):
        if path.suffix.lower() not in SUPPORTED:
            continue
        try:
            record = extract_record(read_document(path))
        except ReadError as exc:
            click.echo(f"failed: {path}: {exc}", err=True)
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


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("id", value))
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def render(columns: list[str], rows: list[list], fmt: str, *, width: int = 60) -> str:
    """Rows as an aligned text table, CSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else
                           ("" if v is None else v) for v in row] for row in rows])
        return buf.getvalue().rstrip("\n")
    cells = [[_cell(v) for v in row] for row in rows]
    cells = [[c if len(c) <= width else c[:width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


@main.command()
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the saved queries with their parameters.")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--cypher", metavar="TEXT", help="Run this Cypher instead of a saved query (read-only unless --write).")
@click.option("--write", is_flag=True, help="Allow --cypher to change the graph.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@store_options
def query(name, list_, params, cypher, write, fmt, store, neo4j):
    """Run a saved query (queries/*.cypher) or ad-hoc Cypher.

    \b
    Example:
      missiongraph query --list
      missiongraph query citing-documents -p kamerstuk=29521-451
      missiongraph query unresolved-references --format csv > to-fetch.csv
      missiongraph query --cypher "MATCH (m:Mission) RETURN m.id"
    """
    from .saved import QueryError, get, saved_queries

    if list_:
        for q in saved_queries().values():
            ps = " ".join(f"-p {k}={json.dumps(v, ensure_ascii=False)}" for k, v in q.params.items())
            click.echo(f"{q.name:26} {q.description}" + (f"\n{'':26} params: {ps}" if ps else ""))
        return
    if not name and not cypher:
        raise click.UsageError("give a query name (see --list) or --cypher")
    try:
        if cypher:
            text, bound = cypher, _parse_params(params)
        else:
            saved = get(name)
            text, bound = saved.cypher, saved.bind(_parse_params(params))
    except QueryError as exc:
        raise _Error(str(exc), 2) from None
    with open_store(store, neo4j, read_only=not write) as graph:
        try:
            result = graph.run(text, bound, write=write)
        except StoreError as exc:
            raise _Error(str(exc), EXIT_STORE) from None
    click.echo(render(result.columns, result.rows, fmt))


@main.command()
@click.option("--name", default="", metavar="TEXT", help="Only persons whose name contains TEXT (any case).")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True,
              help="At most this many persons, the most named first.")
@click.option("--flagged", is_flag=True, help="Only persons with a flag to check.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
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
    from .outputs.people import COLUMNS, review

    with open_store(store, neo4j, read_only=True) as graph:
        try:
            rows = review(graph, name=name, limit=limit, flagged_only=flagged)
        except StoreError as exc:
            raise _Error(str(exc), EXIT_STORE) from None
    click.echo(render(COLUMNS, [p.as_row() for p in rows], fmt, width=80))


@main.command()
@store_options
def stats(store, neo4j):
    """Count nodes per label and relationships per type.

    \b
    Example:
      missiongraph stats --store /tmp/demo.lbug
    """
    with open_store(store, neo4j, read_only=True) as graph:
        counts = graph.counts()
    rows = [[k, v] for k, v in counts["nodes"].items()]
    click.echo(render(["label", "nodes"], rows, "table"))
    click.echo()
    click.echo(render(["relationship", "count"], [[k, v] for k, v in counts["relationships"].items()], "table"))


@main.command()
@click.argument("document")
@store_options
def forget(document, store, neo4j):
    """Remove one document (by id: its file name without extension) and every fact it contributed.

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
    from .saved import QueryError, get
    from .outputs.subgraph import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES
    from .outputs.visualise import visualise

    try:
        bound = None
        saved = None
        if query_name:
            saved = get(query_name)
            bound = saved.bind(_parse_params(params))
        with open_store(store, neo4j, read_only=True) as graph:
            path, summary = visualise(graph, output, query=saved, params=bound, around=around, depth=depth,
                                      max_nodes=max_nodes or DEFAULT_MAX_NODES,
                                      max_edges=max_edges or DEFAULT_MAX_EDGES)
    except (QueryError, ValueError) as exc:
        raise _Error(str(exc), 2) from None
    except StoreError as exc:
        raise _Error(str(exc), EXIT_STORE) from None
    click.echo(f"wrote {path} ({summary})")
    if open_:
        click.launch(str(path))


@main.command()
@click.option("--store", metavar="PATH", default=None, help="The embedded store to copy from.")
@click.option("--neo4j", "neo4j", metavar="URI", default=None, help="The Neo4j server to copy to (or NEO4J_URI).")
def push(store, neo4j):
    """Copy the embedded graph into Neo4j, 1,000 documents at a time (documents' facts replace what Neo4j has for
    those documents; memory stays bounded).

    \b
    Example:
      NEO4J_PASSWORD=... missiongraph push --neo4j bolt://127.0.0.1:7687
    """
    from .stores.embedded import EmbeddedStore
    from .stores.neo4j import Neo4jStore
    from .stores.transfer import push as push_graph

    try:
        with EmbeddedStore(store, read_only=True) as source, Neo4jStore(neo4j) as target:
            n = push_graph(source, target)
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
    """Run a local Neo4j 5.26 Community server (assembled from Maven Central; needs Java 17 and Maven).

    \b
    Example:
      export NEO4J_PASSWORD=choose-a-password
      missiongraph neo4j start && missiongraph load --sample --neo4j bolt://127.0.0.1:7687
    """


@neo4j.command()
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Server folder (default: $MISSIONGRAPH_NEO4J_HOME or ./.missiongraph/neo4j).")
@click.option("--timeout", default=180, show_default=True, help="Seconds to wait for the server to be ready.")
def start(home, timeout):
    """Assemble (first time) and start the server; wait until it answers."""
    from .stores import neo4j_server as nl

    try:
        info = nl.start(home or nl.default_home(), nl.get_password(), timeout=timeout)
    except (nl.Neo4jLocalError, StoreError) as exc:
        raise _Error(str(exc), EXIT_STORE) from None
    how = "started" if info.started else "already running"
    click.echo(f"Neo4j {info.version} {how} (pid {info.pid}, home {info.home}): {info.uri}, "
               f"Browser {info.http_url}/browser/")


@neo4j.command()
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None)
def stop(home):
    """Stop the server cleanly."""
    from .stores import neo4j_server as nl

    nl.stop(home or nl.default_home())
    click.echo("Neo4j stopped")


@neo4j.command()
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None)
def status(home):
    """Say whether the server runs, where, and which version."""
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
