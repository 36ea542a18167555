"""What every reader shares, below the dispatcher in ``missiongraph.read`` and the format readers in this
package: :class:`ReadError` (a file that cannot be loaded, with a one-line reason) and :func:`decode` (text
bytes to ``str``: UTF-8, cp1252 or latin-1)."""

from __future__ import annotations

import re

# Bytes 0x80-0x9F are C1 controls in latin-1 but letters and punctuation (€, ‘, ’, “, ”, –, —) in cp1252.
_C1 = re.compile(rb"[\x80-\x9f]")


class ReadError(ValueError):
    """A file that cannot be loaded; the message says why in one line."""


def decode(raw: bytes) -> tuple[str, str]:
    """Decode text bytes: UTF-8 (BOM allowed), else cp1252 (Windows), else latin-1. Returns (text, encoding)."""
    try:  # a byte-order mark promises an encoding; bytes that break that promise are not a text file we read
        if raw.startswith(b"\xef\xbb\xbf"):
            return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return raw.decode("utf-16"), "utf-16"
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid {exc.encoding.upper()} although it starts with a byte-order mark") from None
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
