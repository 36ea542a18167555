"""Grow the graph from the official sources: decide what to fetch, fetch it into a corpus folder
(``missiongraph.sources``), load it (``missiongraph.pipeline``).

Three ways to say what to fetch:

- named Kamerstukken (:func:`plan_named`): ``kst-29521-451``, ``29521-452``, ``29 521, nr. 453``;
- a dossier in a period (:func:`plan_dossier`): the SRU search service lists its publications by the paper's
  date; attachments (Bijlagen, PDF only) are fetched as PDF when asked, never as XML;
- what the graph cites but does not hold (:func:`grow`): the store's unresolved Kamerstukken, then, level by
  level up to ``depth``, the ones the fetched documents cite in turn (breadth first; an id is tried once per run,
  so cycles in the citations end; ``limit`` bounds the publications tried).

The CLI (``missiongraph fetch``) is a thin shell over :func:`run`. The graph is the Python API's
:class:`missiongraph.Graph`: the store is opened only for each question asked of it (so an embedded store is not
held while downloading), and what was fetched is loaded with ``Graph.load``, as ``missiongraph load`` loads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .sources import ids as kst_ids
from .sources import sru
from .sources.corpus import CACHE, Outcome, Target, fetch_all, present, remove_partial
from .sources.http import Client, Politeness, SourceError, Unreachable
from .sources.publications import Locations
from .stores.base import GraphStore

if TYPE_CHECKING:
    from .api import Graph

UNRESOLVED_CYPHER = """
MATCH (k:Kamerstuk)
WHERE NOT EXISTS { MATCH (k)<-[:PUBLISHED_AS]-() }
WITH k, COUNT { MATCH (k)<-[:CITES]-() } AS cited_by
WHERE cited_by > 0
RETURN k.id AS kamerstuk, cited_by
ORDER BY cited_by DESC, kamerstuk
"""

RESOLVED_CYPHER = """
MATCH (k:Kamerstuk)<-[:PUBLISHED_AS]-()
WHERE k.id IN $ids
RETURN DISTINCT k.id AS kamerstuk
"""


@dataclass
class FetchReport:
    """What a run did. Ids are publication ids (``kst-29521-451``)."""

    fetched: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)          # in the folder already: nothing asked
    not_found: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (publication id, reason)
    bad: list[tuple[str, str]] = field(default_factory=list)     # (input, reason): not a Kamerstuk id
    skipped: list[tuple[str, str]] = field(default_factory=list)  # attachments without --with-attachments
    planned: list[Target] = field(default_factory=list)        # --dry-run: what would be fetched
    loaded: list[str] = field(default_factory=list)            # document ids
    load_unchanged: list[str] = field(default_factory=list)
    load_failed: list[tuple[str, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)            # documents in the folder from this run
    kamerstukken: list[str] = field(default_factory=list)      # graph ids of what was fetched or found present
    levels: list[int] = field(default_factory=list)            # publications tried per level (--unresolved)
    unreachable: bool = False                                  # the source was down for some publication
    requests: int = 0                                          # requests that reached the network

    @property
    def ok(self) -> bool:
        return not (self.failed or self.not_found or self.bad or self.load_failed)


class Events:
    """What a run tells its caller as it goes (the CLI draws a progress bar from it). Every method may be
    left as is."""

    def start(self, total: int, label: str) -> None: ...

    def outcome(self, outcome: Outcome) -> None: ...

    def note(self, line: str) -> None: ...


def default_folder(store_path: Path | str | None, neo4j: bool = False) -> Path:
    """``corpus`` next to the embedded store (``.missiongraph/corpus`` beside ``.missiongraph/graph.lbug``, or
    beside ``--store``/``$MISSIONGRAPH_STORE``); with Neo4j, ``./.missiongraph/corpus``."""
    from .stores.embedded import default_store_path

    if neo4j:
        return Path(".missiongraph") / "corpus"
    return Path(store_path or default_store_path()).parent / "corpus"


def kamerstuk_target(kid: kst_ids.KamerstukId, urls: dict[str, str] | None = None) -> Target:
    return Target(kid.publication, kid.key, Locations.of(kid.publication, urls))


def plan_named(texts: Iterable[str]) -> tuple[list[Target], list[tuple[str, str]]]:
    """Targets for the ids as typed (duplicates once, in the order given); bad ids with their reason."""
    targets: dict[str, Target] = {}
    bad: list[tuple[str, str]] = []
    for text in texts:
        try:
            kid = kst_ids.parse(text)
        except kst_ids.BadId as exc:
            bad.append((text, str(exc)))
            continue
        targets.setdefault(kid.publication, kamerstuk_target(kid))
    return list(targets.values()), bad


def plan_dossier(client: Client, dossier: str, since: date | None, until: date | None, *,
                 with_attachments: bool = False) -> tuple[list[Target], list[tuple[str, str]]]:
    """The dossier's publications dated in [since, until] (the paper's date), as the search service lists them:
    Kamerstukken as XML, attachments as PDF when ``with_attachments`` (else skipped, with the reason)."""
    targets: dict[str, Target] = {}
    skipped: list[tuple[str, str]] = []
    for record in sru.search(client, sru.dossier_query(dossier, since, until)):
        if record.date and ((since and record.date < since.isoformat()) or
                            (until and record.date > until.isoformat())):
            continue   # the service filters by date too; this keeps the promise if a mirror does not
        if record.is_attachment:
            if not with_attachments:
                skipped.append((record.identifier, "attachment (PDF): fetched with --with-attachments"))
            elif "pdf" not in record.urls:
                skipped.append((record.identifier, "attachment without a PDF"))
            else:
                targets.setdefault(record.identifier, Target(record.identifier, "", Locations.of(
                    record.identifier, record.urls), attachment=True))
            continue
        try:
            kid = kst_ids.parse(record.identifier)
        except kst_ids.BadId:
            skipped.append((record.identifier, f"not a Kamerstuk id this client knows ({record.kind or 'no type'})"))
            continue
        targets.setdefault(kid.publication, kamerstuk_target(kid, record.urls))
    return list(targets.values()), skipped


def unresolved(store: GraphStore) -> list[str]:
    """The Kamerstukken the graph cites but holds no document of, most cited first."""
    return [row[0] for row in store.run(UNRESOLVED_CYPHER, {}).rows]


def resolved_among(store: GraphStore | None, keys: Iterable[str]) -> set[str]:
    keys = sorted(set(keys))
    if store is None or not keys:
        return set()
    return {row[0] for row in store.run(RESOLVED_CYPHER, {"ids": keys}).rows}


def load_fetched(report: FetchReport, graph: Graph, **options: Any) -> None:
    """Load the documents of ``report`` (fetched in this run, or in the folder already) into ``graph`` with
    ``Graph.load`` (``options``: its ``progress``, ``totals``, ``workers``, …), and note what the load did."""
    if not report.files:
        return
    got = graph.load(report.files, **options)
    report.loaded, report.load_unchanged, report.load_failed = got.loaded, got.unchanged, got.failed


def cited_by(path: Path) -> set[str]:
    """The Kamerstukken a fetched document cites, as the graph will have them after loading it."""
    from .pipeline import document_graph
    from .read import read_document
    from .readers.base import ReadError

    try:
        graph = document_graph(read_document(path))
    except ReadError:
        return set()
    return {rel.end.key for rel in graph.relationships if rel.type == "CITES" and rel.end.label == "Kamerstuk"}


def _record(report: FetchReport, outcomes: list[Outcome]) -> None:
    for o in outcomes:
        pub = o.target.publication
        if o.status in ("fetched", "unchanged"):
            (report.fetched if o.status == "fetched" else report.unchanged).append(pub)
            report.files.append(o.path)
            if o.target.kamerstuk:
                report.kamerstukken.append(o.target.kamerstuk)
        elif o.status == "not found":
            report.not_found.append((pub, o.reason))
        else:
            report.failed.append((pub, o.reason))
            report.unreachable = report.unreachable or o.unreachable


def run(*, folder: Path, names: Iterable[str] = (), dossier: str | None = None, since: date | None = None,
        until: date | None = None, unresolved_from: Graph | None = None, depth: int = 1,
        limit: int | None = None, with_attachments: bool = False, dry_run: bool = False,
        politeness: Politeness | None = None, events: Events | None = None,
        load_into: Graph | None = None) -> FetchReport:
    """Fetch what ``names``, ``dossier`` or ``unresolved_from`` (a :class:`missiongraph.Graph`) says into
    ``folder``, then load it into ``load_into`` (a Graph; unless None) with :func:`load_fetched`. Raises
    :class:`SourceError` when the search service cannot be used at all, ``StoreError`` when the graph cannot."""
    events = events or Events()
    report = FetchReport()
    folder = Path(folder)
    left = [] if dry_run else remove_partial(folder)
    if left:
        events.note(f"removed {len(left)} unfinished file{'s' if len(left) != 1 else ''} of an interrupted run")
    with Client(politeness, cache=None if dry_run else folder / CACHE,
                on_retry=lambda url, reason, wait: events.note(
                    f"retrying {url}: {reason}" +
                    (f" (waiting {wait:.0f} s as asked)" if wait else ""))) as client:
        try:
            if unresolved_from is not None:
                _grow(client, folder, unresolved_from, depth, limit, dry_run, report, events)
            else:
                if dossier:
                    targets, report.skipped = plan_dossier(client, dossier, since, until,
                                                           with_attachments=with_attachments)
                else:
                    targets, report.bad = plan_named(names)
                if limit is not None:
                    targets = targets[:limit]
                _fetch_level(client, folder, targets, dry_run, report, events, "fetching")
        finally:
            report.requests = client.requests
    if load_into is not None and not dry_run:
        load_fetched(report, load_into)
    return report


def _fetch_level(client: Client, folder: Path, targets: list[Target], dry_run: bool, report: FetchReport,
                 events: Events, label: str) -> list[Outcome]:
    if dry_run:
        report.planned.extend(targets)
        return []
    events.start(len(targets), label)
    outcomes = fetch_all(client, folder, targets, on_outcome=events.outcome)
    _record(report, outcomes)
    return outcomes


def _grow(client: Client, folder: Path, graph: Graph, depth: int, limit: int | None, dry_run: bool,
          report: FetchReport, events: Events) -> None:
    seen: set[str] = set()       # graph ids tried in this run (the cycle guard)
    with graph.store() as store:
        frontier = unresolved(store)
    if not frontier:
        events.note("nothing to fetch: the graph holds a document for every Kamerstuk it cites")
    budget = limit if limit is not None else float("inf")
    for level in range(1, max(1, depth) + 1):
        todo: list[Target] = []
        for key in frontier:
            if key in seen or len(todo) >= budget:
                continue
            seen.add(key)
            try:
                todo.append(kamerstuk_target(kst_ids.from_key(key)))
            except kst_ids.BadId as exc:
                report.bad.append((key, str(exc)))
        if not todo:
            break
        budget -= len(todo)
        report.levels.append(len(todo))
        outcomes = _fetch_level(client, folder, todo, dry_run, report, events,
                                f"level {level} of {depth}" if depth > 1 else "fetching")
        if dry_run:
            if depth > 1:
                events.note("a dry run lists the first level only: deeper levels are known after fetching it")
            break
        if level == depth or budget <= 0:
            break
        cites: set[str] = set()
        for o in outcomes:
            if o.path is not None:
                cites |= cited_by(o.path)
        with graph.store() as store:
            held = set(report.kamerstukken) | resolved_among(store, cites)
        frontier = sorted(cites - held - seen)


def target_state(folder: Path, target: Target) -> str:
    """For a dry run: whether the publication is in the folder already."""
    return "in the folder" if present(folder, target) else "to fetch"


__all__ = ["FetchReport", "Events", "run", "load_fetched", "plan_named", "plan_dossier", "unresolved", "default_folder",
           "SourceError", "Unreachable", "Politeness", "target_state"]
