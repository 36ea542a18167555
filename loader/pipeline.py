"""Load documents into a store: find files, read, extract, convert, validate, write in batches.

A bad file gets a one-line error naming the file and the reason; the rest of the load goes on. Each batch of
documents is written in one transaction, so a document is either fully in the store or not at all.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import pickle
import sys
import unicodedata
from collections import defaultdict, deque
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import identity
from .extract import extract, summarise
from .graph import to_graph
from .model import DocumentGraph, SourceDocument
from .read import MAX_BYTES, SUFFIXES, document_of, is_sidecar, read_document, sidecar_of
from .readers.base import ReadError
from .schema import validate
from .stores.base import GraphStore

SUPPORTED = SUFFIXES   # .txt .md .markdown .text .pdf .docx .html .htm .xhtml .xml; other files are sniffed for %PDF


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)    # (file, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason): not a document type we read
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, document id): same bytes as that one
    warnings: list[tuple[str, str]] = field(default_factory=list)    # (file, message): e.g. an id already taken

    @property
    def ok(self) -> bool:
        return not self.failed


def find_files(paths: Iterable[Path], on_error: Callable[[str, str], None] | None = None) -> Iterator[Path]:
    """Files under ``paths`` (recursively for folders, symlink loops avoided), in a stable order. A folder that
    cannot be listed is passed to ``on_error`` with the reason (and skipped)."""
    seen_dirs: set[tuple[int, int]] = set()

    def unlisted(exc: OSError) -> None:
        if on_error is not None:
            reason = (exc.strerror or str(exc)).lower() if isinstance(exc, OSError) else str(exc)
            on_error(str(exc.filename if exc.filename is not None else "?"), f"cannot list the folder: {reason}")

    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=True, onerror=unlisted):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen_dirs:
                    dirs[:] = []
                    continue
                seen_dirs.add((st.st_dev, st.st_ino))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


_UNPRINTED = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def printable(name: object) -> str:
    """``name`` (a path, a reason) as one line that shows what it is: control and format characters, line
    separators and the stand-ins of undecodable bytes are written as escapes (``\\n``, ``\\x1b``, ``\\u202e``,
    ``\\udcff``), so a crafted file name cannot print a fake line or move the cursor."""
    text = str(name)
    if text.isprintable():
        return text
    return "".join(ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                   if unicodedata.category(ch) in _UNPRINTED else ch for ch in text)


def is_candidate(path: Path) -> bool:
    """A file to read: a supported suffix, or content that starts like a PDF whatever the name."""
    if path.suffix.lower() in SUPPORTED:
        return True
    try:
        if not path.is_file():          # never open a FIFO or a device to sniff it: that can block
            return False
        with open(path, "rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def content_hash(path: Path, max_bytes: int) -> str | None:
    """sha256 of a regular file's bytes, then of its metadata sidecar's if it has one (``read_document`` hashes
    the same bytes), or None when it cannot or should not be read (the reader says why)."""
    try:
        if not path.is_file() or path.stat().st_size > max_bytes:
            return None
        digest = hashlib.sha256()
        for part in (path, sidecar_of(path)):
            if part is None:
                continue
            with open(part, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def group_by_content(paths: Iterable[Path], max_bytes: int) -> list[tuple[str | None, list[Path]]]:
    """Paths grouped by identical bytes, in first-seen order, each with its sha256 (None: the path cannot be
    hashed and is its own group; reading it then says why)."""
    groups: dict[str, list[Path]] = {}
    out: list[tuple[str | None, list[Path]]] = []
    for path in paths:
        digest = content_hash(path, max_bytes)
        if digest is None:
            out.append((None, [path]))
        elif digest in groups:
            if path not in groups[digest]:
                groups[digest].append(path)
        else:
            groups[digest] = [path]
            out.append((digest, groups[digest]))
    return out


def document_graph(doc: SourceDocument) -> DocumentGraph:
    graph = to_graph(doc, extract(doc.text))
    errors = validate(graph)
    if errors:
        raise ReadError(f"extracted graph does not fit the schema: {errors[0]}")
    return graph


def extract_record(doc: SourceDocument) -> dict:
    """The ``extract --json`` record of one document."""
    mentions = extract(doc.text)
    record = {"source": doc.source, "id": doc.id, **summarise(mentions)}
    record["mentions"] = [m.as_json() for m in mentions]
    return record


@dataclass(frozen=True)
class Task:
    """One document to read and extract: its id, the file to read and the sources to record (all names of the
    same bytes)."""
    doc_id: str
    path: Path
    source: str
    max_bytes: int


Outcome = tuple[Task, DocumentGraph | None, str | None]   # (task, graph, None) or (task, None, reason)


def build(task: Task) -> Outcome:
    """Read, extract and convert one document (pure but for reading the file). A ReadError becomes a reason."""
    try:
        doc = read_document(task.path, doc_id=task.doc_id, max_bytes=task.max_bytes)
        if task.source != doc.source:
            doc = replace(doc, source=task.source)
        return task, document_graph(doc), None
    except ReadError as exc:
        return task, None, str(exc)


def _build_chunk(tasks: list[Task]) -> bytes:
    """What a worker sends back: the pickled graphs and reasons (the tasks are known where they were sent from).
    Pickled here, they wait in the parent as bytes (about 15 KB a document, against 90 KB as objects) until the
    writer takes them, so a wide window costs little memory."""
    return pickle.dumps([build(task)[1:] for task in tasks], protocol=pickle.HIGHEST_PROTOCOL)


def _warm_up(main_pid: int | None = None) -> None:
    """Start a worker process: die with the load (``die_with``); have the rules' tables built before the first
    document (``warm``: the fork server has built them already and the worker inherits them; a worker started
    otherwise builds them now)."""
    if main_pid is not None:
        die_with(main_pid)
    gc.set_threshold(*GC_THRESHOLDS)
    from . import warm  # noqa: F401  (importing it builds the tables, once per process)


def die_with(pid: int) -> None:
    """End this process as soon as process ``pid`` ends, however it ends (also by SIGKILL).

    A worker is a child of multiprocessing's fork server, not of the load, so the kernel's parent-death signal
    (prctl PR_SET_PDEATHSIG) would wait for the fork server, which lives as long as its children do; and a
    worker waiting for its next task never notices that the load is gone (it holds its task queue's write end
    itself). So a daemon thread waits on a pidfd of the load (Linux 5.3+; elsewhere it checks every second) and
    ends the worker; the fork server and the resource tracker then end by themselves, since no process holds
    their pipes any more."""
    import threading

    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):   # no pidfd here: check the load is alive every second
        fd = None

    def watch() -> None:
        if fd is not None:
            import select

            select.select([fd], [], [])   # readable once the process has ended
        else:
            import time

            while True:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
                time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="missiongraph-die-with-load", daemon=True).start()


# A load allocates millions of small objects that live until their batch is written and hold no reference
# cycles; at the default thresholds (700, 10, 10) the cycle collector walks the whole batch again and again
# (measured: receiving a graph from a worker cost 1.3 ms with them, 0.3 ms with these).
GC_THRESHOLDS = (50_000, 20, 20)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with ``GC_THRESHOLDS``, then restore the process's own thresholds."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


# Documents extracted ahead of the writer, in batches: the workers go on while a transaction commits (the
# embedded store's COPY and checkpoint release the GIL); waiting results are bytes, ~15 KB a document.
WINDOW_BATCHES = 4

# Below this many documents to extract, worker processes cost more to start (~0.5 s) than they save.
PARALLEL_MIN = 64
CHUNK = 16   # documents per task sent to a worker


def _chunks(items: Iterable[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` processes that die with this one and start warm: forked from multiprocessing's fork server
    (spawned where there is none), which imports ``missiongraph.warm`` first, so the rules' tables are built once,
    there, and shared."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["missiongraph.pipeline", "missiongraph.warm"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_up, initargs=(os.getpid(),))


def build_all(tasks: Sequence[Task], workers: int, window: int = 256) -> Iterator[Outcome]:
    """Outcomes of ``tasks`` in their order. With ``workers`` > 1 (and enough tasks) extraction runs in that many
    processes; at most ``window`` documents are in flight or waiting to be consumed, so memory stays bounded
    however large the corpus (the results are consumed, i.e. written, as they come)."""
    if workers <= 1 or len(tasks) < PARALLEL_MIN:
        yield from (build(task) for task in tasks)
        return
    pending: deque[tuple[list[Task], Future[bytes]]] = deque()
    max_pending = max(2 * workers, window // CHUNK)
    done = 0   # outcomes handed out so far (in task order)
    pool = worker_pool(workers)
    try:
        for chunk in _chunks(tasks, CHUNK):
            pending.append((chunk, pool.submit(_build_chunk, chunk)))
            if len(pending) >= max_pending:
                sent, future = pending.popleft()
                results = pickle.loads(future.result())
                done += len(sent)
                yield from ((task, *result) for task, result in zip(sent, results))
        while pending:
            sent, future = pending.popleft()
            results = pickle.loads(future.result())
            done += len(sent)
            yield from ((task, *result) for task, result in zip(sent, results))
    except BrokenProcessPool:
        # A worker died (killed, out of memory) or could not start (a script without the
        # ``if __name__ == "__main__":`` guard that multiprocessing needs). Go on without workers.
        print(f"missiongraph: worker processes failed; extracting the remaining {len(tasks) - done} documents in "
              f"this process", file=sys.stderr)
        pool.shutdown(wait=False, cancel_futures=True)
        yield from (build(task) for task in tasks[done:])
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)


def load(paths: Iterable[Path], store: GraphStore, *, force: bool = False, batch_size: int | None = None,
         max_bytes: int = MAX_BYTES, workers: int | None = None, replace: bool = False,
         progress: Callable[[str, str], None] | None = None,
         totals: Callable[[str, int], None] | None = None) -> LoadReport:
    """Load every supported file under ``paths`` into ``store``; unchanged documents are skipped unless ``force``.

    Files are hashed first, and each is given its document by the identity rule (``missiongraph.identity``): a
    file already loaded is its document, the same bytes as a document are that document (the file is added to
    its sources), anything else is a new document named after the file (made unique, with a warning, when another
    file holds that name; ``replace`` replaces that document instead). An unchanged document is skipped without
    being read. The rest are read, extracted and converted by ``workers`` processes (default: one per core) and
    written in batches of ``batch_size`` documents (default: the store's, 1000 embedded, 200 Neo4j) while the next
    documents are being extracted. Neo4j writes each batch in one transaction; the embedded store groups batches
    into transactions that grow with the store (``EmbeddedStore.write_batches``). A document is reported "loaded"
    when its transaction is committed.

    ``progress(status, message)`` is told about each file as it goes, with its name escaped (``printable``):
    ``checking`` (hashed, message the path), ``unchanged``, ``duplicate``, ``warning`` (message ``PATH: what``,
    e.g. a name already taken), ``extracted`` (read and extracted, message the path), ``failed`` (message
    ``PATH: reason``) and ``loaded`` (committed, message the path). ``totals(kind, n)`` is told how many ``files``
    there are to check, then how many ``documents`` to read (``missiongraph.ui.LoadView`` draws both)."""
    batch_size = batch_size or store.batch_size
    report = LoadReport()
    say = progress or (lambda status, msg: None)

    def failed(path: object, reason: str) -> None:
        report.failed.append((str(path), reason))
        say("failed", f"{printable(path)}: {reason}")

    candidates: list[Path] = []
    for path in find_files(paths, on_error=failed):
        if is_sidecar(path):
            # Official metadata, read with its document; only said when the document is missing.
            if document_of(path) is None:
                report.skipped.append((str(path), "metadata sidecar without its document"))
            continue
        if is_candidate(path) or path.is_symlink() and not path.exists():
            candidates.append(path)
        else:
            report.skipped.append((str(path), f"not a supported type ({path.suffix or 'no suffix'})"))
    if totals:
        totals("files", len(candidates))

    def checking(paths: list[Path]) -> Iterator[Path]:
        for path in paths:
            yield path
            say("checking", printable(path))

    # The same content under two names (copies, symlinks) is one document: read once, every source recorded.
    planned = identity.plan(group_by_content(checking(candidates), max_bytes), store.stored_documents(),
                            force=force, replace=replace, shown=printable)
    for file, message in planned.warnings:
        report.warnings.append((file, message))
        say("warning", f"{file}: {message}")
    same_as: dict[str, list[tuple[Path, str]]] = defaultdict(list)
    for path, doc_id, reference in planned.duplicates:
        same_as[doc_id].append((path, reference))

    def duplicates(doc_id: str) -> None:
        for other, reference in same_as.pop(doc_id, ()):
            report.duplicates.append((str(other), doc_id))
            say("duplicate", f"{printable(other)}: same content as {reference}")

    tasks: list[Task] = []
    members: dict[str, identity.Planned] = {}
    new_sources: dict[str, str] = {}
    for doc in planned.documents:
        if doc.action == "read":
            members[doc.doc_id] = doc
            tasks.append(Task(doc.doc_id, doc.paths[0], doc.source, max_bytes))
            continue
        if doc.action == "add-source":
            new_sources[doc.doc_id] = doc.source
        duplicates(doc.doc_id)
        report.unchanged.append(doc.doc_id)
        say("unchanged", printable(doc.paths[0]))
    if new_sources:
        store.set_sources(new_sources)
    if totals:
        totals("documents", len(tasks))

    def batches() -> Iterator[list[DocumentGraph]]:
        batch: list[DocumentGraph] = []
        for task, graph, reason in build_all(tasks, default_workers() if workers is None else workers,
                                             window=max(WINDOW_BATCHES * batch_size, 64)):
            if graph is None:
                same_as.pop(task.doc_id, None)
                for member in members[task.doc_id].paths:
                    failed(member, reason or "unreadable")
                continue
            duplicates(task.doc_id)
            say("extracted", printable(task.path))
            batch.append(graph)
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    with fewer_collections():
        for committed in store.write_batches(batches()):
            for doc_id in committed:
                report.loaded.append(doc_id)
                say("loaded", printable(members[doc_id].paths[0]))
    return report
