"""The SRU search service of repository.overheid.nl (KOOP): which official publications exist.

Requests are SRU 2.0 ``searchRetrieve`` with a CQL query over the collection's indexes
(``c.product-area==officielepublicaties AND w.dossiernummer==29521 AND dt.date>=2019-01-01``), up to 1,000
records a page (``startRecord``, ``maximumRecords``; the answer's ``nextRecordPosition`` names the next page).
Each record is ``sru:recordData/gzd:gzd`` with

- ``gzd:originalData/overheidwetgeving:meta``: ``owmskern`` (``dcterms:identifier`` ``kst-29521-451``,
  ``dcterms:title``, ``dcterms:type`` with scheme ``OVERHEIDop.Parlementair``: Kamerstuk or Bijlage,
  ``dcterms:creator``, ``dcterms:modified``), ``owmsmantel`` (``dcterms:date``: the paper's date,
  ``dcterms:available``), ``tpmeta`` (``overheidwetgeving:dossiernummer``, ``ondernummer``, ``publicatienaam``,
  ``vergaderjaar``, ``hoofddocument`` for an attachment);
- ``gzd:enrichedData``: ``gzd:preferredUrl`` (the page on zoek.officielebekendmakingen.nl) and
  ``gzd:itemUrl manifestation="xml|metadata|html|pdf|…"`` (the files, on repository.overheid.nl/frbr/…).

Errors come back as HTTP 200 with ``sru:diagnostics`` (SRU 2.0, or the SRU 1.2 namespace): they become a
:class:`~missiongraph.sources.http.SourceError` that quotes the diagnostic. An HTML page (a portal's error page
served with status 200) is an error too, named as such.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .http import Client, SourceError
from .xmlcheck import parse_xml

DEFAULT_URL = "https://repository.overheid.nl/sru"
PAGE_SIZE = 1000          # the service's maximum
MAX_PAGES = 1000          # a bound on paging, whatever the service says

NS = {
    "sru": "http://docs.oasis-open.org/ns/search-ws/sruResponse",
    "gzd": "http://standaarden.overheid.nl/sru",
    "dcterms": "http://purl.org/dc/terms/",
    "overheidwetgeving": "http://standaarden.overheid.nl/wetgeving/",
}


def base_url() -> str:
    return (os.environ.get("MISSIONGRAPH_SRU_URL") or DEFAULT_URL).rstrip("/")


@dataclass(frozen=True)
class Record:
    """One publication the search found."""

    identifier: str                  # kst-29521-451, blg-1184123
    kind: str                        # Kamerstuk, Bijlage, ... (dcterms:type, scheme OVERHEIDop.Parlementair)
    title: str = ""
    date: str = ""                   # the paper's date (dcterms:date), ISO
    dossier: str = ""                # overheidwetgeving:dossiernummer (29521, 21501-28, 35570-V)
    number: str = ""                 # overheidwetgeving:ondernummer
    main: str = ""                   # an attachment's hoofddocument
    preferred_url: str = ""
    urls: dict[str, str] = field(default_factory=dict)   # manifestation -> URL

    @property
    def is_attachment(self) -> bool:
        return self.kind.lower() == "bijlage" or self.identifier.lower().startswith("blg-")


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def dossier_query(dossier: str, since: date | None = None, until: date | None = None) -> str:
    """The CQL for every publication of a dossier (Kamerstukken and their attachments), by the paper's date
    (``dt.date``; ``dt.modified`` is when the record last changed, which is not the question)."""
    if not re.fullmatch(r"\d{5}(?:-[A-Za-z0-9]{1,6})?", dossier):
        raise ValueError(f"{dossier!r} is not a dossier number (five digits, optionally -SUB: 29521, 21501-28)")
    parts = ["c.product-area==officielepublicaties", f"w.dossiernummer=={dossier}",
             "w.publicatienaam==Kamerstuk"]
    if since:
        parts.append(f"dt.date>={since.isoformat()}")
    if until:
        parts.append(f"dt.date<={until.isoformat()}")
    return " AND ".join(parts) + " sortBy dt.date/sort.ascending"


def _text(el, path: str) -> str:
    found = el.find(path, NS)
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


def _kind(meta) -> str:
    kinds = meta.findall(".//dcterms:type", NS)
    for k in kinds:
        if (k.get("scheme") or "") == "OVERHEIDop.Parlementair":
            return " ".join("".join(k.itertext()).split())
    return " ".join("".join(kinds[0].itertext()).split()) if kinds else ""


def parse_record(rec) -> Record | None:
    """A ``sru:record`` element as a :class:`Record` (None when it names no identifier)."""
    gzd = rec.find("sru:recordData/gzd:gzd", NS)
    if gzd is None:
        return None
    meta = gzd.find("gzd:originalData/overheidwetgeving:meta", NS)
    if meta is None:
        return None
    identifier = _text(meta, "overheidwetgeving:owmskern/dcterms:identifier")
    if not identifier:
        return None
    when = _text(meta, "overheidwetgeving:owmsmantel/dcterms:date") or \
        _text(meta, "overheidwetgeving:owmsmantel/dcterms:available")
    m = _DATE.search(when)
    enriched = gzd.find("gzd:enrichedData", NS)
    urls: dict[str, str] = {}
    preferred = ""
    if enriched is not None:
        preferred = _text(enriched, "gzd:preferredUrl")
        for item in enriched.findall("gzd:itemUrl", NS):
            if item.get("manifestation") and (item.text or "").strip():
                urls.setdefault(item.get("manifestation"), item.text.strip())
    return Record(identifier=identifier, kind=_kind(meta), title=_text(meta, "overheidwetgeving:owmskern/dcterms:title"),
                  date=m.group() if m else "", dossier=_text(meta, "overheidwetgeving:tpmeta/overheidwetgeving:dossiernummer"),
                  number=_text(meta, "overheidwetgeving:tpmeta/overheidwetgeving:ondernummer"),
                  main=_text(meta, "overheidwetgeving:tpmeta/overheidwetgeving:hoofddocument"),
                  preferred_url=preferred, urls=urls)


@dataclass(frozen=True)
class Page:
    total: int
    records: list[Record]
    next_position: int | None


def parse_page(content: bytes, content_type: str = "") -> Page:
    """One SRU answer; diagnostics and HTML pages raise :class:`SourceError`."""
    root = parse_xml(content, content_type, what="SRU answer")
    name = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else ""
    diagnostics = [el for el in root.iter() if isinstance(el.tag, str) and el.tag.endswith("}diagnostic")]
    if name == "diagnostics" or diagnostics:
        d = diagnostics[0] if diagnostics else root
        parts = {child.tag.rsplit("}", 1)[-1]: " ".join("".join(child.itertext()).split()) for child in d}
        said = parts.get("message") or "no message"
        if parts.get("details"):
            said += f" ({parts['details']})"
        raise SourceError(f"the search service answered with a diagnostic: {said}"
                          + (f" [{parts['uri']}]" if parts.get("uri") else ""))
    if name != "searchRetrieveResponse":
        raise SourceError(f"not an SRU answer (root element <{name}>)")
    total_text = _text(root, "sru:numberOfRecords")
    if not total_text.isdigit():
        raise SourceError("not an SRU answer (no numberOfRecords)")
    records = [r for r in (parse_record(rec) for rec in root.findall("sru:records/sru:record", NS)) if r]
    nxt = _text(root, "sru:nextRecordPosition")
    return Page(total=int(total_text), records=records, next_position=int(nxt) if nxt.isdigit() else None)


def search(client: Client, query: str, *, page_size: int = PAGE_SIZE,
           on_page: Callable[[int, int], None] | None = None) -> Iterator[Record]:
    """Every record the query finds, page by page (``on_page(seen, total)`` after each page)."""
    start, seen = 1, 0
    for _ in range(MAX_PAGES):
        # The service's own defaults: searchRetrieve, SRU 2.0, records as gzd.
        answer = client.get(base_url(), params={"query": query, "startRecord": start, "maximumRecords": page_size,
                                                "httpAccept": "application/xml"})
        page = parse_page(answer.content, answer.content_type)
        yield from page.records
        seen += len(page.records)
        if on_page:
            on_page(seen, page.total)
        if page.next_position is None or page.next_position <= start or not page.records or seen >= page.total:
            return
        start = page.next_position
    raise SourceError(f"the search service kept paging past {MAX_PAGES} pages")
