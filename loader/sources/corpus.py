"""The local corpus folder that fetching fills: one file per publication, named by its official id, with the
official metadata beside it as a sidecar.

==================================  ============================================================
``kst-29521-451.xml``               the publication's XML, byte for byte as the source sent it
``kst-29521-451.metadata.xml``      its ``metadata.xml`` (the loader reads it with the XML; never a document)
``blg-1184123.pdf``                 an attachment (``--with-attachments``), with ``blg-1184123.metadata.xml``
``.cache/http.sqlite``              the HTTP cache (hishel); hidden, so ``load`` never reads it
``.*.part``                         a file being written; renamed to its name only when complete
==================================  ============================================================

A publication counts as present when its file and its sidecar are both there. Files are written under a
temporary hidden name and renamed when complete, the sidecar first: an interrupted run leaves at most a
``.part`` file (removed by the next run) or a sidecar without its document (completed by the next run), never
half a document, and ``load`` never reads either.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .http import Client, NotFound, SourceError, Unreachable
from .publications import Locations, check_metadata, check_pdf, check_publication, get_checked

SIDECAR = ".metadata.xml"
CACHE = Path(".cache") / "http.sqlite"


@dataclass(frozen=True)
class Target:
    """A publication to fetch: its id, the Kamerstuk it publishes (graph id; empty for an attachment) and where
    its files are."""

    publication: str
    kamerstuk: str
    locations: Locations
    attachment: bool = False

    @property
    def suffix(self) -> str:
        return ".pdf" if self.attachment else ".xml"


@dataclass(frozen=True)
class Outcome:
    """What fetching one target did: ``fetched``, ``unchanged`` (already in the folder: nothing asked),
    ``not found`` or ``failed`` (with the reason); ``unreachable`` when the source did not answer."""

    target: Target
    status: str
    reason: str = ""
    path: Path | None = None
    unreachable: bool = False


def paths(folder: Path, target: Target) -> tuple[Path, Path]:
    """The document file and its metadata sidecar."""
    return folder / f"{target.publication}{target.suffix}", folder / f"{target.publication}{SIDECAR}"


def present(folder: Path, target: Target) -> bool:
    main, sidecar = paths(folder, target)
    return main.is_file() and sidecar.is_file()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` under a hidden temporary name, flush it to disk, then rename it."""
    part = path.with_name(f".{path.name}.part")
    try:
        with open(part, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def remove_partial(folder: Path) -> list[Path]:
    """Remove the ``.part`` files an interrupted run left behind; returns them."""
    left = sorted(folder.glob(".*.part")) if folder.is_dir() else []
    for part in left:
        part.unlink(missing_ok=True)
    return left


def fetch_one(client: Client, folder: Path, target: Target) -> Outcome:
    """Fetch one publication into ``folder`` unless it is there already. Both files are fetched and checked
    before either is written."""
    main, sidecar = paths(folder, target)
    if present(folder, target):
        return Outcome(target, "unchanged", path=main)
    loc = target.locations
    try:
        meta = get_checked(client, loc.metadata, check_metadata, target.publication)
        if target.attachment:
            body = get_checked(client, loc.pdf, check_pdf, target.publication)
        else:
            body = get_checked(client, loc.xml, check_publication, target.publication)
    except NotFound as exc:
        return Outcome(target, "not found", str(exc))
    except Unreachable as exc:
        return Outcome(target, "failed", str(exc), unreachable=True)
    except SourceError as exc:
        return Outcome(target, "failed", str(exc))
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(sidecar, meta)
    write_atomic(main, body)
    return Outcome(target, "fetched", path=main)


def fetch_all(client: Client, folder: Path, targets: Iterable[Target], *, on_outcome=None,
              stop_after_unreachable: int = 3) -> list[Outcome]:
    """Fetch ``targets`` in order. After ``stop_after_unreachable`` publications in a row whose source did not
    answer, the rest are not tried (each gets the reason) rather than asking a source that is down again and
    again."""
    outcomes: list[Outcome] = []
    down = 0
    for target in targets:
        if down >= stop_after_unreachable:
            outcome = Outcome(target, "failed", f"not tried: the source did not answer for the last {down} "
                                                f"publications", unreachable=True)
        else:
            outcome = fetch_one(client, folder, target)
            down = down + 1 if outcome.unreachable else 0
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return outcomes
