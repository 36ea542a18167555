"""The Python API, for notebooks and scripts; the ``missiongraph`` command calls the same methods.

    import missiongraph as mg
    g = mg.open("corpus.lbug")                         # an embedded store, or mg.open("bolt://127.0.0.1:7687")
    g.load(["stukken/minusma"])                         # files or folders, as ``missiongraph load``
    g.query("citing-documents", kamerstuk="29521-451").df()     # a saved query (any name) or Cypher; pandas
    g.neighbourhood("MINUSMA", depth=2)                 # a networkx graph
    g.viz("minusma.html", around="MINUSMA")             # writes the file; shown inline in Jupyter
    g.report("iob-minusma-2014-2019", "minusma-report.html")   # one report's page (and its network view)

An embedded store is opened for each call and closed after it, so a notebook never keeps it from a
``missiongraph load`` in a terminal (and the other way round: a call on a busy store says who holds it, and
``wait`` seconds waits for it; ``missiongraph.stores.busy``). A Neo4j store keeps its connection until
``close()`` (or the end of a ``with`` block). Documented in docs/python.md.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import pandas

    from .outputs.report import ReportPage
    from .pipeline import LoadReport
    from .stores.base import GraphStore

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


class Rows(list):
    """A query's rows as a list of dicts (column -> value), in the query's order, with ``columns``; ``df()`` gives
    a pandas DataFrame (``pip install 'missiongraph[pandas]'``)."""

    def __init__(self, columns: list[str], rows: Iterable[list[Any]]):
        super().__init__(dict(zip(columns, row)) for row in rows)
        self.columns = list(columns)

    def values(self) -> list[list[Any]]:
        """The rows as lists, in column order (what ``missiongraph.ui.render`` takes)."""
        return [[row[c] for c in self.columns] for row in self]

    def df(self) -> pandas.DataFrame:
        try:
            import pandas
        except ImportError:
            raise ImportError("Rows.df() needs pandas: pip install 'missiongraph[pandas]'") from None
        return pandas.DataFrame(list(self), columns=self.columns)


def _iframe(page: str, height: int, caption: str) -> str:
    """A self-contained page inline in Jupyter: in an iframe (needs no server and no network), a caption under it."""
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width: 100%; height: {height}px; '
            f'border: 1px solid #ddd" sandbox="allow-scripts allow-popups"></iframe>'
            f'<div style="font-size: small">{html.escape(caption)}</div>')


@dataclass(frozen=True)
class Viz:
    """A visualisation written to ``path`` (one self-contained HTML file), with a one-line ``summary`` of what was
    drawn. Jupyter and IPython show it inline (``_repr_html_``: the page in an iframe, which needs no server and no
    network); ``str()`` is the line the command line prints."""

    path: Path
    summary: str
    height: int = 640

    def _repr_html_(self) -> str:
        return _iframe(self.path.read_text("utf-8"), self.height, str(self))

    def __str__(self) -> str:
        return f"wrote {self.path} ({self.summary})"


@dataclass(frozen=True)
class Report:
    """A report's page written to ``path`` (HTML, or CSV rows), with what it shows (``page``: the report, its items
    with their stances and commitments; ``missiongraph.outputs.report.ReportPage``) and the network view written
    next to it (``network``, with its ``network_summary``), if any. ``rows()`` gives the CSV's rows (``.df()`` for
    pandas); Jupyter shows the HTML page inline; ``str()`` is what the command line prints."""

    path: Path
    page: ReportPage
    network: Path | None = None
    network_summary: str = ""
    height: int = 720

    def rows(self) -> Rows:
        """One row per stance a document takes on an item and per commitment (the ``--format csv`` rows)."""
        from .outputs.report import report_rows

        return Rows(*report_rows(self.page))

    def _repr_html_(self) -> str:
        if self.path.suffix.lower() != ".html":
            return f"<pre>{html.escape(str(self))}</pre>"
        return _iframe(self.path.read_text("utf-8"), self.height, str(self))

    def __str__(self) -> str:
        line = f"wrote {self.path} ({self.page.heading}: {self.page.summary()})"
        if self.network:
            line += f"\nwrote {self.network} (its network view: {self.network_summary})"
        return line


def is_neo4j(location: str | os.PathLike | None) -> bool:
    return isinstance(location, str) and location.startswith(NEO4J_SCHEMES)


class Graph:
    """A graph store: embedded (a path) or Neo4j (a bolt:// or neo4j:// URI). Made by ``missiongraph.open``."""

    def __init__(self, location: str | os.PathLike | None = None, *, wait: float = 0,
                 on_wait: Callable[[Exception], None] | None = None, user: str | None = None,
                 password: str | None = None, database: str | None = None):
        if location is None and os.environ.get("NEO4J_URI"):
            location = os.environ["NEO4J_URI"]
        self.neo4j_uri = location if is_neo4j(location) else None
        self.path: Path | None = None
        if not self.neo4j_uri:
            from .stores.embedded import default_store_path

            self.path = Path(location).expanduser() if location else default_store_path()
        self.wait = wait
        self.on_wait = on_wait
        self._neo4j: GraphStore | None = None
        self._login = {"user": user, "password": password, "database": database}

    def __repr__(self) -> str:
        return f"missiongraph.Graph({self.neo4j_uri or str(self.path)!r})"

    @property
    def location(self) -> str:
        return self.neo4j_uri or str(self.path)

    @contextmanager
    def store(self, *, write: bool = False) -> Iterator[GraphStore]:
        """The store, open for the block: the embedded store read-only unless ``write`` (and closed after); the
        Neo4j store connected once and kept."""
        if self.neo4j_uri:
            if self._neo4j is None:
                from .stores.neo4j import Neo4jStore

                self._neo4j = Neo4jStore(self.neo4j_uri, **self._login)
            yield self._neo4j
            return
        from .stores.busy import open_embedded

        store = open_embedded(self.path, read_only=not write, wait=self.wait, on_wait=self.on_wait)
        try:
            yield store
        finally:
            store.close()

    def close(self) -> None:
        if self._neo4j is not None:
            self._neo4j.close()
            self._neo4j = None

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- what a researcher does ---------------------------------------------------------------------------------

    def load(self, paths: str | os.PathLike | Iterable[str | os.PathLike], *, force: bool = False,
             replace: bool = False, progress: bool | Callable[[str, str], None] = False,
             totals: Callable[[str, int], None] | None = None, **options: Any) -> LoadReport:
        """Load files and folders (searched recursively), as ``missiongraph load``: an upsert, unchanged documents
        skipped unless ``force``. A new file whose name another file's document has becomes a new document with a
        suffix (a warning names both) unless ``replace``, which replaces that document (``load --replace``; the rule:
        ``missiongraph.identity``). ``progress=True`` draws progress bars on a terminal
        (``missiongraph.ui.LoadView``); a function is called as ``progress(status, message)`` for each file. Other
        ``options`` go to ``missiongraph.pipeline.load`` (``batch_size``, ``workers``, ``max_bytes``). Returns the
        LoadReport (``loaded``, ``unchanged``, ``failed`` with reasons, ``skipped``, ``duplicates``, ``warnings``)."""
        from .pipeline import load

        targets = [Path(paths)] if isinstance(paths, (str, os.PathLike)) else [Path(p) for p in paths]
        targets = [p.expanduser() for p in targets]
        missing = [str(p) for p in targets if not p.exists() and not p.is_symlink()]
        if missing:
            raise FileNotFoundError(f"no such file or folder: {missing[0]}")
        view = None
        if progress is True:
            from .ui import LoadView

            view = LoadView()
            progress, totals = view.event, view.total
        with self.store(write=True) as store:
            if view is None:
                return load(targets, store, force=force, replace=replace, progress=progress or None, totals=totals,
                            **options)
            with view:
                return load(targets, store, force=force, replace=replace, progress=progress, totals=totals, **options)

    def query(self, name_or_cypher: str, params: dict[str, Any] | None = None, /, *, write: bool = False,
              **kwargs: Any) -> Rows:
        """Run a saved query, by any of its names (``citing-documents``, ``04-citing-documents``, ``4``), or Cypher
        (text with a space in it). Parameters as a dict and/or keywords (a dict for names Python keeps for
        itself: ``{"from": ...}``); a saved query's others keep their defaults. Cypher is read-only unless
        ``write``. Raises ``QueryError`` for an unknown query or parameter (naming the closest), ``RefusedQuery`` (a
        ``StoreError``) for Cypher the read-only guard refuses, ``StoreError`` when the store refuses."""
        from .saved import QueryError, find, get

        given = {**(params or {}), **kwargs}
        saved = find(name_or_cypher)
        if saved is None and not any(ch.isspace() for ch in name_or_cypher.strip()):
            saved = get(name_or_cypher)   # a single word that names no query: the closest names
        if saved is not None:
            if write:
                raise QueryError(f"saved query {saved.name!r} only reads; write=True is for Cypher")
            return self.cypher(saved.cypher, saved.bind(given))
        return self.cypher(name_or_cypher, given, write=write)

    def cypher(self, text: str, params: dict[str, Any] | None = None, *, write: bool = False) -> Rows:
        """Run Cypher as it is (read-only unless ``write``; the embedded store translates the few Neo4j spellings
        it lacks, docs/cypher.md)."""
        with self.store(write=write) as store:
            result = store.run(text, params or {}, write=write)
        return Rows(result.columns, result.rows)

    def people(self, name: str = "", *, limit: int = 100, flagged: bool = False) -> Rows:
        """The persons (the most named first, names containing ``name``, at most ``limit``; with ``flagged`` only
        those with a flag) with their roles, party, posts with terms, documents and the flags of the identities to
        check (``missiongraph people``; docs/extraction-entities.md)."""
        from .outputs.people import COLUMNS, review

        with self.store() as store:
            return Rows(COLUMNS, [p.as_row() for p in review(store, name=name, limit=limit, flagged_only=flagged)])

    def stats(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type (zeros included): ``{"nodes": {...}, "relationships": {...}}``."""
        with self.store() as store:
            return store.counts()

    def neighbourhood(self, node: str, depth: int = 2, *, max_nodes: int | None = None,
                      max_edges: int | None = None) -> nx.MultiDiGraph:
        """The nodes within ``depth`` steps of ``node`` (an id, key or name: ``MINUSMA``, ``Kamerstuk:29521-451``)
        and the relationships among them, as a networkx MultiDiGraph (node ids ``Label:key``; node attributes
        ``label``, ``key``, ``props``; edge attributes ``type``, ``props``). At most ``max_nodes`` (default 5,000),
        the nearest kept, as ``missiongraph viz --around``. Raises ValueError naming close matches when no node
        matches."""
        from .outputs.subgraph import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, neighbourhood

        with self.store() as store:
            return neighbourhood(store, node, depth, max_nodes or DEFAULT_MAX_NODES,
                                 max_edges or DEFAULT_MAX_EDGES).graph

    def viz(self, path: str | os.PathLike = "missiongraph.html", *, around: str | None = None, depth: int = 2,
            query: str | None = None, params: dict[str, Any] | None = None, max_nodes: int | None = None,
            max_edges: int | None = None, title: str | None = None) -> Viz:
        """Write the interactive network as one self-contained HTML file at ``path``, as ``missiongraph viz``: the
        neighbourhood of ``around`` (``depth`` steps), or the nodes a saved ``query`` names (with ``params``), or the
        whole graph. Returns a ``Viz``, which Jupyter shows inline."""
        from .outputs.subgraph import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES
        from .outputs.visualise import visualise
        from .saved import get

        saved = get(query) if query else None
        bound = saved.bind(params or {}) if saved else None
        with self.store() as store:
            written, summary = visualise(store, Path(path), query=saved, params=bound, around=around, depth=depth,
                                         max_nodes=max_nodes or DEFAULT_MAX_NODES,
                                         max_edges=max_edges or DEFAULT_MAX_EDGES, title=title)
        return Viz(written, summary)

    def report_page(self, report: str) -> ReportPage:
        """What the report page shows about the report ``report`` names (its id, else a word of its title, else its
        author; as the saved query ``report``): a ``ReportPage`` with the report's facts, ``items`` (each with
        ``stances`` and ``commitments``), ``other_commitments`` and ``responses``. Raises ``UnknownReport`` (a
        LookupError) naming the closest report ids when none matches."""
        from .outputs.report import read_report

        with self.store() as store:
            return read_report(store, report)

    def report(self, report: str, path: str | os.PathLike | None = None, *, format: str = "html",  # noqa: A002
               network: bool = True, depth: int = 2) -> Report:
        """Write the page of the report ``report`` names (see ``report_page``) at ``path`` (default ``ID.html`` or
        ``ID.csv`` in the current folder), as ``missiongraph report``: one self-contained HTML page with every
        recommendation and finding, the stance each responding document takes on it (with the quote and a link to
        the official publication) and the commitments (who, when), or with ``format="csv"`` one row per stance and
        commitment. With ``network`` (HTML only) the report's network view (``depth`` steps around it) is written
        next to the page as ``NAME-network.html`` and linked from it. Returns a ``Report``, which Jupyter shows
        inline."""
        from .outputs.report import write_report

        with self.store() as store:
            written = write_report(store, report, Path(path) if path is not None else None, fmt=format,
                                   network=network, depth=depth)
        return Report(written.path, written.page, written.network, written.network_summary)


def open(location: str | os.PathLike | None = None, *, wait: float = 0, user: str | None = None,   # noqa: A001
         password: str | None = None, database: str | None = None) -> Graph:
    """The graph at ``location``: a path to an embedded store (created by the first ``load``), or a Neo4j URI
    (``bolt://host:7687``; ``user``, ``password`` and ``database`` default to ``NEO4J_USERNAME`` or ``neo4j``,
    ``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` or ``neo4j``). Without a location: ``$NEO4J_URI`` if set, else
    ``$MISSIONGRAPH_STORE`` or ``./.missiongraph/graph.lbug``, as the command line. While another process holds the
    embedded store, a call waits up to ``wait`` seconds for it, then raises ``StoreBusy`` saying which process
    holds it."""
    return Graph(location, wait=wait, user=user, password=password, database=database)
