"""Load documents into a store: find files, read, extract, convert, validate, write in batches.

A bad file gets a one-line error naming the file and the reason; the rest of the load goes on. Each batch of
documents is written in one transaction, so a document is either fully in the store or not at all.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .extract import extract, summarise
from .graph import to_graph
from .model import DocumentGraph, SourceDocument
from .read import MAX_BYTES, SUFFIXES, ReadError, read_document
from .schema import validate
from .store import GraphStore

SUPPORTED = SUFFIXES   # .txt .md .markdown .text .pdf .docx .html .htm .xhtml .xml; other files are sniffed for %PDF


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)    # (file, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason): not a document type we read
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, document id): same bytes as that one

    @property
    def ok(self) -> bool:
        return not self.failed


def find_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under ``paths`` (recursively for folders, symlink loops avoided), in a stable order."""
    seen_dirs: set[tuple[int, int]] = set()
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=True):
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
    """sha256 of a regular file's bytes, or None when it cannot or should not be read (the reader says why)."""
    try:
        if not path.is_file() or path.stat().st_size > max_bytes:
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def group_by_content(paths: Iterable[Path], max_bytes: int) -> list[list[Path]]:
    """Paths grouped by identical bytes, in first-seen order; a path that cannot be hashed is its own group."""
    groups: dict[str, list[Path]] = {}
    out: list[list[Path]] = []
    for path in paths:
        digest = content_hash(path, max_bytes)
        if digest is None:
            out.append([path])
        elif digest in groups:
            if path not in groups[digest]:
                groups[digest].append(path)
        else:
            groups[digest] = [path]
            out.append(groups[digest])
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


def load(paths: Iterable[Path], store: GraphStore, *, force: bool = False, batch_size: int = 200,
         max_bytes: int = MAX_BYTES, progress: Callable[[str, str], None] | None = None) -> LoadReport:
    """Load every supported file under ``paths`` into ``store``; unchanged documents are skipped unless ``force``."""
    report = LoadReport()
    known = store.document_hashes()
    ids: dict[str, Path] = {}
    batch: list[DocumentGraph] = []
    say = progress or (lambda status, msg: None)

    def flush() -> None:
        if batch:
            store.write_documents(batch)
            for g in batch:
                report.loaded.append(g.doc_id)
                say("loaded", g.document.props.get("source", g.doc_id))
            batch.clear()

    candidates: list[Path] = []
    for path in find_files(paths):
        if is_candidate(path) or path.is_symlink() and not path.exists():
            candidates.append(path)
        else:
            report.skipped.append((str(path), f"not a supported type ({path.suffix or 'no suffix'})"))
    # The same content under two names (copies, symlinks) is one document: read once, every source recorded.
    for group in group_by_content(candidates, max_bytes):
        path = group[0]
        doc_id = path.stem
        if doc_id in ids and ids[doc_id] != path:
            doc_id = f"{path.parent.name}-{path.stem}"
        ids[doc_id] = path
        try:
            doc = read_document(path, doc_id=doc_id, max_bytes=max_bytes)
            if len(group) > 1:
                doc = replace(doc, source="; ".join(str(p) for p in group))
                for other in group[1:]:
                    report.duplicates.append((str(other), doc.id))
                    say("duplicate", f"{other}: same content as {path}")
            if not force and known.get(doc.id) == doc.sha256:
                report.unchanged.append(doc.id)
                say("unchanged", str(path))
                continue
            batch.append(document_graph(doc))
        except ReadError as exc:
            for member in group:
                report.failed.append((str(member), str(exc)))
                say("failed", f"{member}: {exc}")
            continue
        if len(batch) >= batch_size:
            flush()
    flush()
    return report
