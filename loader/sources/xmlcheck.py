"""What every answer that should be XML goes through: parsed safely (no entities, DTDs or network), and refused
with a one-line reason when it is an HTML page (a portal's error or search page served with status 200), empty,
or not well-formed (a truncated or garbled download)."""

from __future__ import annotations

from .http import SourceError


def looks_like_html(content: bytes, content_type: str = "") -> bool:
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return content_type in ("text/html", "application/xhtml+xml") or head.startswith((b"<!doctype html", b"<html")) \
        or (head.startswith(b"<?xml") and b"<html" in head)


def parse_xml(content: bytes, content_type: str = "", *, what: str = "answer"):
    """The root element of ``content``, or :class:`SourceError` naming why it is not the XML asked for."""
    from lxml import etree

    from ..readers.markup import xml_parser

    if not content.strip():
        raise SourceError(f"empty {what}")
    if looks_like_html(content, content_type):
        raise SourceError(f"an HTML page instead of the XML {what} (status 200): the source does not have it "
                          f"in XML, or answered with an error page")
    try:
        return etree.fromstring(content, xml_parser())
    except etree.XMLSyntaxError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "not well-formed"
        raise SourceError(f"invalid XML {what} ({first})") from None
