"""DOCX with python-docx: paragraphs and tables in document order, then footnotes (from word/footnotes.xml).

The zip is checked before anything is decompressed: a file that is not a zip, a zip without a Word document in
it, and a zip bomb (huge declared or actual uncompressed size, or a huge compression ratio) are refused.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from ..cleanup import clean_text
from . import Extracted
from .base import ReadError

MAX_UNCOMPRESSED = 200 * 1024 * 1024   # bytes, all members together
MAX_RATIO = 100                        # uncompressed / compressed, for archives above RATIO_FLOOR
RATIO_FLOOR = 10 * 1024 * 1024
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_zip(raw: bytes, *, max_total: int = MAX_UNCOMPRESSED) -> zipfile.ZipFile:
    """Open the zip and refuse it when it would decompress to too much; reads at most ``max_total`` bytes."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReadError("not a valid DOCX (not a zip)") from None
    declared = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos) or 1
    if declared > max_total or (declared > RATIO_FLOOR and declared / compressed > MAX_RATIO):
        raise ReadError(f"zip bomb? (uncompressed {_mb(declared)}, {declared / compressed:.0f}x its compressed size)")
    if "word/document.xml" not in zf.namelist():
        raise ReadError("not a valid DOCX (no word/document.xml in the zip)")
    # Declared sizes can lie: decompress in chunks and stop at the limit (each member at most its declared size).
    total = 0
    try:
        for info in infos:
            seen = 0
            with zf.open(info) as member:
                while chunk := member.read(1 << 20):
                    seen += len(chunk)
                    total += len(chunk)
                    if seen > info.file_size or total > max_total:
                        raise ReadError(f"zip bomb? (uncompressed over {_mb(max(total, info.file_size))}, "
                                        "more than the zip declares)")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as exc:
        raise ReadError(f"not a valid DOCX (damaged zip: {str(exc).splitlines()[0] if str(exc) else 'unreadable'})") from None
    return zf


def _text(el) -> str:
    """Text of a w:p-like element: w:t runs, tabs and breaks."""
    out = []
    for node in el.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        if node.tag == f"{W}t":
            out.append(node.text or "")
        elif node.tag == f"{W}tab":
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


def _table(tbl) -> list[str]:
    lines = []
    for row in tbl.iter(f"{W}tr"):
        cells = []
        for cell in row.iterchildren(f"{W}tc"):
            cells.append(" ".join(_text(p).strip() for p in cell.iter(f"{W}p") if _text(p).strip()))
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


def footnotes(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(number, text) of the real footnotes in word/footnotes.xml (separators skipped)."""
    from lxml import etree

    if "word/footnotes.xml" not in zf.namelist():
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(zf.read("word/footnotes.xml"), parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"not a valid DOCX (footnotes: {str(exc).splitlines()[0] if str(exc) else 'unreadable'})") \
            from None
    notes = []
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(_text(p).strip() for p in note.iter(f"{W}p") if _text(p).strip())
        if text:
            notes.append((note.get(f"{W}id", ""), text))
    return notes


def read_docx(raw: bytes) -> Extracted:
    import docx

    zf = check_zip(raw)
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises KeyError, ValueError, PackageNotFoundError, lxml errors
        raise ReadError(f"not a valid DOCX ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})") from None
    body = getattr(document.element, "body", None)   # a damaged root element is parsed as a plain element
    if body is None:
        raise ReadError("not a valid DOCX (word/document.xml has no document body)")
    blocks: list[str] = []
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            blocks.append(_text(child))
        elif child.tag == f"{W}tbl":
            blocks.extend(_table(child))
        elif child.tag == f"{W}sdt":      # content controls (e.g. a cover page) hold paragraphs too
            blocks.extend(_text(p) for p in child.iter(f"{W}p"))
    notes = footnotes(zf)
    if notes:
        blocks += ["", "Voetnoten"] + [f"{number} {text}" for number, text in notes]
    try:
        props = document.core_properties
    except Exception:  # noqa: BLE001 - a broken docProps/core.xml part: python-docx raises AttributeError etc.
        props = None     # the metadata is optional; the text is what we read
    # Only the title: core_properties.created is when the file was made, not the document's date.
    title = (getattr(props, "title", None) or "").strip()
    meta = {"title": title} if title else {}
    return Extracted(text=clean_text("\n".join(blocks)), meta=meta, encoding="docx")
