"""Opening the embedded store when another process may hold it: who holds it, and waiting for it.

What LadybugDB 0.22 allows (measured; tests/test_busy.py): one process at a time opens a store for writing. It
takes a POSIX write lock on the store file for as long as the store is open, and a second writer's open fails
with "Could not set lock on file … (Lock is held by PID N)". A read-only open takes no lock at all, so it
succeeds while another process writes; but reading then is not safe: a reader that opens during the writer's
checkpoint can see a half-written store or crash, and a reader held open while a writer checkpoints reads pages
the writer is replacing (LadybugDB issues #642, #666, #766). So missiongraph reads only while nothing writes:

* a read-only open first takes a shared (read) lock on the store file. It fails while a writer holds the file,
  and while it is held a writer's open fails (LadybugDB names the reader's pid). Readers do not block each other.
* a refused open says which process holds the store, with its command line, and ``wait`` seconds retries it
  (``--wait`` on the command line, ``missiongraph.open(..., wait=)`` in Python).

POSIX locks belong to a process, and closing any descriptor of the file drops all of them; so within one process
the store is opened once at a time through ``open_embedded`` (a second open of the same store in the same
process, while the first is open for writing, is refused; readers share one lock).
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import struct
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .base import StoreError
from .embedded import EmbeddedStore, default_store_path

POLL_SECONDS = 0.25   # how often a waiting open tries again
_HELD_BY = re.compile(r"Could not set lock on file.*?held by PID (\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Holder:
    """A process that holds the store: its pid, its command line (None when it is gone or cannot be read), and
    whether it writes (a writer's lock) or reads (a reader's shared lock)."""

    pid: int
    command: str | None
    writing: bool = True

    def describe(self) -> str:
        what = "writing to" if self.writing else "reading"
        who = f"pid {self.pid}" + (f" ({self.command})" if self.command else "")
        return f"{who} is {what} it"


class StoreBusy(StoreError):
    """The embedded store is held by another process (``holder``); the message says who and what to do."""

    def __init__(self, path: Path, holder: Holder | None, waited: float = 0.0):
        self.path, self.holder, self.waited = path, holder, waited
        who = holder.describe() if holder else "another process holds it"
        after = f" (waited {waited:g} s)" if waited else ""
        super().__init__(f"the graph at {path} is busy: {who}{after}; run the command again when it is done, or "
                         f"add --wait SECONDS to wait for it")


def command_of(pid: int) -> str | None:
    """A short command line of process ``pid``: ``missiongraph load ~/stukken`` rather than the interpreter's path;
    None when the process is gone or not ours to read."""
    import psutil

    try:
        argv = psutil.Process(pid).cmdline()
    except (psutil.Error, OSError):
        return None
    if not argv:
        return None
    names = [os.path.basename(a) for a in argv]
    start = next((i for i, name in enumerate(names) if name == "missiongraph"), None)
    if start is not None:
        words = ["missiongraph", *argv[start + 1:]]
    else:
        words = [names[0], *argv[1:]]
    text = " ".join(words)
    return text if len(text) <= 120 else text[:119] + "…"


# struct flock, as fcntl(F_GETLK) takes and fills it: Linux orders type, whence, start, len, pid; the BSDs
# (macOS) start, len, pid, type, whence.
_FLOCK_BSD = sys.platform == "darwin" or "bsd" in sys.platform


def _flock(kind: int) -> bytes:
    return struct.pack("@qqihh", 0, 0, 0, kind, os.SEEK_SET) if _FLOCK_BSD \
        else struct.pack("@hhqqi4x", kind, os.SEEK_SET, 0, 0, 0)


def holder_of(path: Path) -> Holder | None:
    """The process whose lock on the store file stops a writer (F_GETLK), or None when there is none. Never call
    it on a store this process holds (opening and closing the file would drop this process's own locks)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, _flock(fcntl.F_WRLCK))
    except OSError:
        return None
    finally:
        os.close(fd)
    if _FLOCK_BSD:
        _, _, pid, kind, _ = struct.unpack("@qqihh", answer)
    else:
        kind, _, _, _, pid = struct.unpack("@hhqqi4x", answer)
    if kind == fcntl.F_UNLCK or pid <= 0:
        return None
    return Holder(pid, command_of(pid), writing=kind == fcntl.F_WRLCK)


class _ReadLock:
    """This process's shared lock on one store file, taken by its first reader and dropped by its last."""

    def __init__(self, path: Path):
        self.path = path
        self.fd = os.open(path, os.O_RDONLY)
        try:
            fcntl.lockf(self.fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self.fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise StoreBusy(path, holder_of(path)) from None
            raise StoreError(f"cannot lock the graph at {path}: {exc.strerror}") from None
        self.readers = 0

    def release(self) -> None:
        os.close(self.fd)   # drops the lock


_read_locks: dict[Path, _ReadLock] = {}
_writers: set[Path] = set()


class LockedStore(EmbeddedStore):
    """The embedded store opened through ``open_embedded``: read-only opens hold this process's shared lock on the
    store file until they close; every open is known to the process, so that it does not open the store twice."""

    def __init__(self, path: Path, *, read_only: bool):
        self._key = path.resolve()
        if self._key in _writers:
            raise StoreError(f"this process already has the graph at {path} open for writing: close it first")
        self._lock: _ReadLock | None = None
        if read_only:
            if self._key not in _read_locks:
                if not path.exists():
                    raise StoreError(f"no graph at {path}: run 'missiongraph load FOLDER' first")
                _read_locks[self._key] = _ReadLock(path)
            self._lock = _read_locks[self._key]
            self._lock.readers += 1
        elif self._key in _read_locks:
            raise StoreError(f"this process has the graph at {path} open for reading: close it before writing")
        try:
            super().__init__(path, read_only=read_only)
        except StoreError as exc:
            self._unlock()
            held = _HELD_BY.search(str(exc))
            if held:
                pid = int(held.group(1))
                holder = holder_of(path) if not read_only else None
                raise StoreBusy(path, holder if holder and holder.pid == pid
                                else Holder(pid, command_of(pid))) from None
            raise
        if not read_only:
            _writers.add(self._key)

    def _unlock(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.readers -= 1
            if lock.readers == 0:
                del _read_locks[self._key]
                lock.release()

    def close(self) -> None:
        try:
            super().close()
        finally:
            _writers.discard(self._key)
            self._unlock()


def open_embedded(path: Path | str | None = None, *, read_only: bool = False, wait: float = 0,
                  on_wait=None) -> EmbeddedStore:
    """Open the embedded store at ``path`` (default ``$MISSIONGRAPH_STORE`` or ``./.missiongraph/graph.lbug``) for
    reading or writing. While another process holds it, try again every ``POLL_SECONDS`` for up to ``wait``
    seconds (``on_wait(busy)`` is called once, with the first ``StoreBusy``), then raise ``StoreBusy``."""
    path = Path(path) if path else default_store_path()
    deadline = time.monotonic() + max(wait, 0)
    told = False
    while True:
        try:
            return LockedStore(path, read_only=read_only)
        except StoreBusy as busy:
            left = deadline - time.monotonic()
            if left <= 0:
                if wait:
                    raise StoreBusy(path, busy.holder, wait) from None
                raise
            if on_wait and not told:
                on_wait(busy)
                told = True
            time.sleep(min(POLL_SECONDS, left))
