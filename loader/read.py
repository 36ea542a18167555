"""Readers: bytes on disk → :class:`SourceDocument`. Plain text and Markdown for now.

Every failure is a :class:`ReadError` whose message is one line naming the reason; the pipeline adds the file.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .model import SourceDocument

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MAX_BYTES = 50 * 1024 * 1024  # files above this are refused (configurable with --max-size)

# Bytes 0x80-0x9F are C1 controls in latin-1 but letters and punctuation (€, ‘, ’, “, ”, –, —) in cp1252.
_C1 = re.compile(rb"[\x80-\x9f]")


class ReadError(ValueError):
    """A file that cannot be loaded; the message says why in one line."""


def decode(raw: bytes) -> tuple[str, str]:
    """Decode text bytes: UTF-8 (BOM allowed), else cp1252 (Windows), else latin-1. Returns (text, encoding)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _C1.search(raw):
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise ReadError("unknown encoding (not UTF-8, cp1252 or latin-1)") from None
    return raw.decode("latin-1"), "latin-1"


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: not a text file."""
    head = raw[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def document_id(path: Path) -> str:
    return path.stem


def read_text(path: Path, *, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> SourceDocument:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file is {size / 1e6:.1f} MB, above the {max_bytes / 1e6:.0f} MB limit (--max-size)")
        raw = path.read_bytes()
    except PermissionError:
        raise ReadError("permission denied") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if not raw.strip():
        raise ReadError("empty file")
    if looks_binary(raw):
        raise ReadError("binary data, not text")
    text, encoding = decode(raw)
    return SourceDocument(id=doc_id or document_id(path), text=text, source=str(path),
                          sha256=hashlib.sha256(raw).hexdigest(), encoding=encoding)


def read_document(path: Path, *, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> SourceDocument:
    """Read one file, chosen by suffix (more formats arrive in later readers)."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        return read_text(path, doc_id=doc_id, max_bytes=max_bytes)
    raise ReadError(f"unsupported file type {path.suffix or '(none)'}; supported: {', '.join(sorted(TEXT_SUFFIXES))}")
