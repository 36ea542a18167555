"""Readers: bytes on disk → :class:`SourceDocument`. Plain text and Markdown here; PDF, DOCX, HTML and XML in
``missiongraph.readers``. :func:`read_document` is the one entry point: it reads the bytes (size limit, files that
are not regular or cannot be read), chooses the reader by content (magic bytes; the suffix only where the content
is plain text). Text the readers produce (PDF, DOCX, HTML, XML) is cleaned (``missiongraph.cleanup``) before
offsets are fixed; plain text is kept as decoded, so offsets index into the file itself.

Every failure is a :class:`ReadError` whose message is one line naming the reason; the pipeline adds the file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

from .model import SourceDocument
from .readers.base import ReadError, decode

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
XML_SUFFIXES = {".xml"}
SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES | XML_SUFFIXES
MAX_BYTES = 50 * 1024 * 1024  # files above this are refused (configurable with --max-size)
SIDECAR = ".metadata.xml"     # kst-29521-451.metadata.xml: the official metadata of kst-29521-451.xml

_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13)))


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: not a text file."""
    head = raw[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = len(head.translate(None, _NOT_CONTROL))   # the bytes left are the control bytes (C speed)
    return bool(head) and controls / len(head) > 0.05


def document_id(path: Path) -> str:
    return path.stem


def is_sidecar(path: Path) -> bool:
    """``NAME.metadata.xml``: the official metadata of the document ``NAME.xml`` or ``NAME.pdf`` (written by
    ``missiongraph fetch``), read with that document and never as a document of its own."""
    return path.name.lower().endswith(SIDECAR) and len(path.name) > len(SIDECAR)


def sidecar_of(path: Path) -> Path | None:
    """The official metadata file beside ``path``, if there is one."""
    if is_sidecar(path):
        return None
    candidate = path.with_name(path.stem + SIDECAR)
    return candidate if candidate.is_file() else None


def document_of(sidecar: Path) -> Path | None:
    """The document a sidecar belongs to (``NAME.xml``, else ``NAME.pdf``), if it is there."""
    stem = sidecar.name[:-len(SIDECAR)]
    return next((p for p in (sidecar.with_name(stem + ".xml"), sidecar.with_name(stem + ".pdf")) if p.is_file()),
                None)


def _read_at_most(fh: BinaryIO, expected: int, limit: int) -> bytes:
    """The first ``limit`` bytes of ``fh`` (fewer at its end), read with a buffer of the size ``stat`` gave.

    ``fh.read(limit)`` would allocate ``limit`` bytes (50 MB, or what --max-size says) for every file and shrink
    them afterwards: a 10 KB text then costs an mmap and munmap of the whole buffer, several times the cost of
    reading it. The second read only runs when the file grew after ``stat``, so the bytes are the same."""
    raw = fh.read(min(expected + 1, limit))
    if len(raw) <= expected or len(raw) >= limit:
        return raw
    return raw + fh.read(limit - len(raw))


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, or a ReadError: broken symlink, not a regular file (FIFO, device), too large, unreadable."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError("broken symlink" if os.path.islink(path) else "file not found") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("is a directory")
    if not stat.S_ISREG(st.st_mode):
        kind = "FIFO" if stat.S_ISFIFO(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode) else "device"
        raise ReadError(f"not a regular file ({kind})")
    if st.st_size > max_bytes:
        raise ReadError(f"file is {st.st_size / 1e6:.1f} MB, above the {max_bytes / 1e6:.0f} MB limit (--max-size)")
    try:
        with open(path, "rb") as fh:
            raw = _read_at_most(fh, st.st_size, max_bytes + 1)
    except PermissionError:
        raise ReadError("permission denied") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise ReadError(f"file grew above the {max_bytes / 1e6:.0f} MB limit (--max-size) while being read")
    return raw


def sniff(raw: bytes, suffix: str = "") -> str:
    """The format of ``raw`` by content: pdf, docx, ole, zip, html, xml or text (the suffix breaks ties)."""
    suffix = suffix.lower()
    if b"%PDF-" in raw[:1024]:
        return "pdf"
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"PK\x05\x06"):
        return "docx" if suffix in DOCX_SUFFIXES or b"word/" in raw[:65536] else "zip"
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or \
            (head.startswith(b"<?xml") and b"<html" in head):
        return "html"
    if head.startswith(b"<?xml"):
        return "xml"
    if head.startswith(b"<") and suffix in HTML_SUFFIXES:
        return "html"
    if head.startswith(b"<") and suffix in XML_SUFFIXES:
        return "xml"
    return "text"


def text_document(raw: bytes) -> tuple[str, str]:
    """Decoded text of plain text bytes; (text, encoding).

    Not passed through ``cleanup``: offsets then index into the file exactly as decoded, which users (and the
    tests) rely on to find a span in their own file. The extraction rules already read non-breaking spaces,
    dashes and CR as ``extract.text.normalise`` maps them (length-preserving)."""
    if looks_binary(raw):
        raise ReadError("binary data, not text")
    return decode(raw)


def read_document(path: Path, *, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> SourceDocument:
    """Read one file: the reader is chosen by content; the suffix must be one we read or the content a PDF/DOCX."""
    path = Path(path)
    suffix = path.suffix.lower()
    raw = read_bytes(path, max_bytes=max_bytes)
    if not raw.strip():
        raise ReadError("empty file")
    kind = sniff(raw, suffix)
    meta: dict = {}
    pages: tuple[int, ...] = ()
    if kind == "pdf":
        from .readers.pdf import read_pdf

        got = read_pdf(raw)
        text, encoding, pages, meta = got.text, got.encoding, got.pages, got.meta
    elif kind == "docx":
        from .readers.docx import read_docx

        got = read_docx(raw)
        text, encoding, meta = got.text, got.encoding, got.meta
    elif kind == "ole" and suffix in DOCX_SUFFIXES:
        raise ReadError("not a valid DOCX (an OLE file: a password-protected or old-style Word document)")
    elif suffix in DOCX_SUFFIXES:
        raise ReadError("not a valid DOCX (not a zip)")
    elif suffix in PDF_SUFFIXES:
        raise ReadError("not a PDF (no %PDF header)")
    elif kind in ("ole", "zip"):
        raise ReadError(f"binary data, not text ({'a zip archive' if kind == 'zip' else 'an OLE/Office 97 file'})")
    elif suffix not in SUFFIXES:
        raise ReadError(f"unsupported file type {path.suffix or '(none)'}; supported: {', '.join(sorted(SUFFIXES))}")
    elif kind in ("html", "xml"):
        if looks_binary(raw):
            raise ReadError("binary data, not text")
        from .readers.markup import read_html, read_xml

        got = read_html(raw) if kind == "html" else read_xml(raw)
        text, encoding, meta = got.text, got.encoding, got.meta
    else:
        text, encoding = text_document(raw)
    if not text.strip():
        raise ReadError("no text" + (" in the document" if kind != "text" else ""))
    digest = hashlib.sha256(raw)
    sidecar = sidecar_of(path)
    if sidecar is not None:
        # The official metadata wins over what the file says of itself (the graph also lets it win over what the
        # text rules find); its bytes count in the document's hash, so a change to either reloads it.
        from .readers.markup import official_metadata

        side = read_bytes(sidecar, max_bytes=max_bytes)
        try:
            official = official_metadata(side)
        except ReadError as exc:
            # Named by what it is, not by its file name: the line already names the document (escaped).
            raise ReadError(f"its {SIDECAR.lstrip('.')} beside it: {exc}") from None
        digest.update(side)
        meta = {**meta, **{k: official[k] for k in ("kamerstuk", "title", "date", "kind") if k in official},
                "official": official}
        if "id" in official:
            meta["official_id"] = official["id"]
    return SourceDocument(id=doc_id or document_id(path), text=text, source=str(path),
                          sha256=digest.hexdigest(), encoding=encoding, pages=pages, meta=meta)


def read_text(path: Path, *, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> SourceDocument:
    """Kept for callers of the text-only reader: any supported file, read by :func:`read_document`."""
    return read_document(path, doc_id=doc_id, max_bytes=max_bytes)
