"""Format readers behind one interface: ``reader(raw: bytes) -> Extracted``.

``missiongraph.read.read_document`` reads the bytes (size limit, unreadable files), picks the reader by content
(magic bytes; the suffix only breaks ties) and builds the :class:`~missiongraph.model.SourceDocument`. Each
reader returns text that is already cleaned (``missiongraph.cleanup``), so offsets index into the final text,
and raises :class:`~missiongraph.readers.base.ReadError` with a one-line reason.

| format | module | what it gives |
|---|---|---|
| PDF | ``pdf`` (pypdfium2) | text per page, page start offsets |
| DOCX | ``docx`` (python-docx, zip checked first) | paragraphs, tables, footnotes |
| HTML, XML | ``markup`` (lxml) | body text, metadata (title, date, kind, kamerstuk) |
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Extracted:
    text: str
    pages: tuple[int, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str = ""
