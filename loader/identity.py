"""Which document each file of a load is: the identity rule (pure; no I/O). docs/formats.md states it for users.

1. **A file already loaded is its document.** A path that is a ``source`` of a document in the store belongs to
   that document: loading it again replaces that document's facts (or skips it, when its bytes are unchanged).
2. **The same content is the same document.** A new path whose bytes (sha256) are already a document's (in the
   store, or earlier in this load) is added to that document's sources; it is not read again, nor duplicated.
3. **Otherwise a new document, named after the file**: its id is the file name without extension, so a
   publication fetched as ``kst-29521-451.xml`` is the document ``kst-29521-451``. When another file already holds
   that id (in the store or earlier in this load), the new document's id gets a stable suffix: ``-`` and the first
   8 hex digits of the sha256 of the file's absolute path (``brief-3f2a9c1e``), longer if that is taken too, and
   the load warns, naming both files. With ``replace`` the file takes the id instead, and the document that held
   it is replaced (its facts and sources become this file's).

Paths are compared as absolute paths (``os.path.abspath``), which is also how sources are stored.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SOURCE_SEPARATOR = "; "   # between the paths of a document's ``source``


@dataclass(frozen=True)
class Stored:
    """What the store holds about one document."""
    id: str
    sha256: str | None
    source: str | None    # its paths, joined by SOURCE_SEPARATOR

    def paths(self) -> list[str]:
        if not self.source:
            return []
        return [absolute(p) for p in self.source.split(SOURCE_SEPARATOR)]


@dataclass
class Planned:
    """One document of this load: ``read`` (extract ``paths[0]`` and write it), ``unchanged`` (nothing to do) or
    ``add-source`` (only its ``source`` changes: a new path with the same bytes)."""
    doc_id: str
    digest: str | None
    paths: list[Path]            # this load's files with this content, in file order
    action: str = "read"
    stored: Stored | None = None

    kept: list[str] = field(default_factory=list)   # stored sources it keeps (unchanged documents only)

    @property
    def source(self) -> str:
        """The document's ``source`` after this load: its files in this load; for an unchanged document also the
        sources it already had that no other document of this load took."""
        paths = [absolute(p) for p in self.paths]
        return SOURCE_SEPARATOR.join(dict.fromkeys((self.kept if self.action != "read" else []) + paths))


@dataclass
class Plan:
    documents: list[Planned] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)     # (file as given, message)
    duplicates: list[tuple[Path, str, str]] = field(default_factory=list)  # (file, document id, same bytes as)


def absolute(path: str | Path) -> str:
    return os.path.abspath(str(path))


def suffixed(stem: str, path: Path, taken: set[str]) -> str:
    """``stem`` made unique with the hex digest of the file's absolute path: 8 digits, more if those are taken."""
    digest = hashlib.sha256(absolute(path).encode("utf-8", "surrogateescape")).hexdigest()
    for width in range(8, len(digest) + 1, 4):
        candidate = f"{stem}-{digest[:width]}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"no free id for {path}")   # 2**-256: never


def plan(groups: Sequence[tuple[str | None, list[Path]]], stored: Iterable[Stored], *, force: bool = False,
         replace: bool = False, shown=str) -> Plan:
    """The documents of a load of ``groups`` (files grouped by identical bytes, with their sha256, None when a
    file cannot be hashed) into a store holding ``stored``, by the rule of the module doc. ``shown`` turns a path
    into the text a message shows."""
    stored = list(stored)
    by_id = {doc.id: doc for doc in stored}
    owner_of = {path: doc.id for doc in stored for path in doc.paths()}
    for doc in stored:   # a single source whose path itself contains the separator
        if doc.source and doc.source not in owner_of:
            owner_of.setdefault(absolute(doc.source), doc.id)
    out = Plan()
    claimed: dict[str, Planned] = {}      # documents of this load by id
    units: list[tuple[str | None, str | None, list[Path]]] = []
    for digest, paths in groups:
        owned: dict[str, list[Path]] = {}
        new: list[Path] = []
        for path in paths:
            owner = owner_of.get(absolute(path))
            (owned.setdefault(owner, []) if owner else new).append(path)
        if owned:   # rule 1 for each document these paths belong to; new paths join the first (rule 2)
            first = next(iter(owned))
            owned[first] = sorted(owned[first] + new, key=paths.index)
            units += [(digest, owner, members) for owner, members in owned.items()]
        else:
            units.append((digest, None, new))
    # Rule 1 first, so that rule 2 never attaches a file to a document whose own file changed.
    changing = {owner for digest, owner, _ in units
                if owner and (digest is None or digest != by_id[owner].sha256)}
    by_content = {doc.sha256: doc.id for doc in stored if doc.sha256 and doc.id not in changing}
    later: list[tuple[str | None, list[Path]]] = []
    for digest, owner, members in units:
        if owner is None or owner in claimed:   # a document's two files now differ: the second is new
            later.append((digest, members))
            continue
        doc = by_id[owner]
        unchanged = digest is not None and digest == doc.sha256 and not force
        known = set(doc.paths())
        action = "read" if not unchanged else (
            "unchanged" if all(absolute(p) in known for p in members) else "add-source")
        claimed[owner] = Planned(owner, digest, members, action, doc)
    taken = set(by_id) | set(claimed)
    for digest, members in later:
        target = by_content.get(digest) if digest else None
        if target is not None and (target not in claimed or claimed[target].digest == digest):
            if target in claimed:
                claimed[target].paths += members
                if claimed[target].action == "unchanged":
                    claimed[target].action = "add-source"
            else:
                claimed[target] = Planned(target, digest, members, "read" if force else "add-source",
                                          by_id[target])
            continue
        first = members[0]
        stem = first.stem
        holder = claimed.get(stem)
        if stem not in taken:
            doc_id = stem
        elif replace and holder is None:
            doc_id = stem
            out.warnings.append((shown(first), f"replaces the document {stem!r} loaded from "
                                               f"{_from(by_id[stem].source, shown)} (--replace)"))
            by_content = {k: v for k, v in by_content.items() if v != stem}
        else:
            doc_id = suffixed(stem, first, taken)
            other = shown(holder.paths[0]) if holder is not None else _from(by_id[stem].source, shown)
            out.warnings.append((shown(first), f"another file already is the document {stem!r} ({other}): loaded "
                                               f"as {doc_id!r} (load with --replace to replace {stem!r} instead)"))
        taken.add(doc_id)
        claimed[doc_id] = Planned(doc_id, digest, members, "read", by_id.get(doc_id))
        if digest:
            by_content[digest] = doc_id
    position = {absolute(path): i for i, (_, paths) in enumerate(groups) for path in paths}
    out.documents = sorted(claimed.values(), key=lambda planned: min(position[absolute(p)] for p in planned.paths))
    for planned in out.documents:   # a stored source now another document's file is no longer this one's
        if planned.action != "read" and planned.stored is not None:
            own = {absolute(p) for p in planned.paths}
            planned.kept = [p for p in planned.stored.paths() if p in own or p not in position]
            if planned.action == "unchanged" and planned.source != SOURCE_SEPARATOR.join(planned.stored.paths()):
                planned.action = "add-source"
    for planned in out.documents:
        stored_first = planned.stored.paths()[:1] if planned.stored and planned.action != "read" else []
        reference = _from(planned.stored.source, shown) if stored_first else shown(planned.paths[0])
        for path in planned.paths:
            if absolute(path) not in (stored_first or [absolute(planned.paths[0])]):
                out.duplicates.append((path, planned.doc_id, reference))
    return out


def _from(source: str | None, shown) -> str:
    if not source:
        return "(no source)"
    return shown(source.split(SOURCE_SEPARATOR)[0])
