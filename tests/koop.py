"""A local stand-in for the official sources, for the fetch tests: a real HTTP server on a loopback port that
answers like the SRU search service of repository.overheid.nl, the file host repository.overheid.nl/frbr/… and
zoek.officielebekendmakingen.nl, with fixtures in their formats (SRU 2.0 ``searchRetrieveResponse`` with
``gzd:gzd`` records, ``officiele-publicatie`` XML, ``metadata_gegevens`` metadata), and with faults on demand.

The formats follow the services' documentation and public clients' code and fixtures (namespaces
``http://docs.oasis-open.org/ns/search-ws/sruResponse``, ``http://standaarden.overheid.nl/sru``,
``http://standaarden.overheid.nl/wetgeving/``, ``http://purl.org/dc/terms/``; element and metadata names as the
services write them). Every answer carries an ``ETag`` and a matching ``If-None-Match`` gets a 304, as a
conditional request would from a real server.

Faults (``server.fault(path, *behaviours)``), one behaviour used per request, the last one repeating:
``"ok"``, ``"404"``, ``"500"``, ``"429:SECONDS"`` (with Retry-After), ``"slow:SECONDS"`` (then answers),
``"truncate"`` (declares the full length, sends a tenth, closes), ``"cut"`` (no length, half the body, closes),
``"invalid"`` (malformed XML, status 200), ``"html"`` (an HTML page, status 200), ``"diagnostic"`` (an SRU
diagnostic, status 200).
"""

from __future__ import annotations

import hashlib
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

SRU_NS = ('xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse" '
          'xmlns:gzd="http://standaarden.overheid.nl/sru" xmlns:dcterms="http://purl.org/dc/terms/" '
          'xmlns:overheid="http://standaarden.overheid.nl/owms/terms/" '
          'xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/" '
          'xmlns:c="http://standaarden.overheid.nl/collectie/" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')
REPOSITORY = "https://repository.overheid.nl"
PUBLICATIONS = "https://zoek.officielebekendmakingen.nl"


@dataclass
class Paper:
    """One Kamerstuk as the sources hold it."""

    dossier: str                  # 29521, or 21501-28 / 35570-V with the sub-dossier
    number: str
    date: str                     # the paper's date (dcterms:date, DCTERMS.issued)
    title: str = "Brief regering; Nederlandse bijdrage aan vredesmissies"
    documenttitel: str = "Voortgangsrapportage Nederlandse bijdrage aan vredesmissies"
    dossier_title: str = "Nederlandse deelname aan vredesmissies"
    kind: str = "Brief"           # DC.type of scheme OVERHEIDop.KamerstukTypen
    cites: tuple[str, ...] = ()   # Kamerstukken cited in the text ("29 521, nr. 452")
    signer: tuple[str, str, str] = ("De Minister van Defensie,", "K.H.", "Ollongren")
    indiener: tuple[str, ...] = ("K.H. Ollongren",)
    modified: str = ""            # dcterms:modified (when the record changed; not the paper's date)
    extra_text: str = ""

    @property
    def publication(self) -> str:
        return f"kst-{self.dossier}-{self.number}"

    @property
    def year(self) -> str:
        return self.date[:4]


def _cite_text(key: str) -> str:
    """``29521-452`` → ``29 521, nr. 452``; ``35570-V-9`` → ``35 570 V, nr. 9``."""
    parts = key.split("-")
    dossier, number, sub = parts[0], parts[-1], " ".join(parts[1:-1])
    written = f"{dossier[:2]} {dossier[2:]}" + (f" {sub}" if sub and not sub.isdigit() else f"-{sub}" if sub else "")
    return f"{written}, nr. {number}"


def kamerstuk_xml(p: Paper) -> bytes:
    """The publication's XML: ``officiele-publicatie/kamerstuk`` with ``kamerstukkop``, ``dossier``, ``stuk``
    (``stuknr`` with ``ondernummer``, ``titel``, ``algemeen/brief``, ``tekst-sluiting/ondertekening``), footnotes
    (``noot``) citing other Kamerstukken through ``extref``."""
    dossier_nr, _, sub = p.dossier.partition("-")
    written = f"{dossier_nr[:2]} {dossier_nr[2:]}" + (f" {sub}" if sub else "")
    notes = "".join(
        f'<noot id="n{i}" type="voet"><noot.nr>{i}</noot.nr><noot.al><nadruk type="cur">Kamerstukken II</nadruk>, '
        f'{p.year}, <extref doc="kst-{c}" soort="document" status="actief">{_cite_text(c)}</extref>.</noot.al></noot>'
        for i, c in enumerate(p.cites, 1))
    cites = "".join(f"<al>Zoals gemeld in Kamerstuk {_cite_text(c)} blijft de inzet ongewijzigd.</al>" for c in p.cites)
    functie, voornaam, achternaam = p.signer
    day = int(p.date[8:10])
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    spoken = f"{day} {months[int(p.date[5:7]) - 1]} {p.year}"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://technische-documentatie.oep.overheid.nl/schema/op-xsd-2012-2">
  <metadata><meta name="OVERHEIDop.publicationName" content="Kamerstuk"/></metadata>
  <kamerstuk>
    <kamerstukkop>
      <tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>
      <tekstregel inhoud="vergaderjaar">Vergaderjaar {p.year}–{int(p.year) + 1}</tekstregel>
    </kamerstukkop>
    <dossier>
      <dossiernummer><dossiernr>{written}</dossiernr></dossiernummer>
      <titel>{escape(p.dossier_title)}</titel>
    </dossier>
    <stuk>
      <stuknr>Nr. <ondernummer kamer="2">{p.number}</ondernummer></stuknr>
      <titel>BRIEF VAN DE MINISTER VAN DEFENSIE</titel>
      <algemeen>
        <brief>
          <ontvanger>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</ontvanger>
          <plaats-datum><plaats>Den Haag</plaats>, <datum isodatum="{p.date}">{spoken}</datum></plaats-datum>
          <tekst>
            <al>Hierbij informeer ik uw Kamer over de Nederlandse bijdrage aan MINUSMA in Mali.{notes}</al>
            {cites}
            <al>{escape(p.extra_text)}</al>
          </tekst>
          <tekst-sluiting>
            <ondertekening><functie>{functie}</functie><naam><voornaam>{voornaam}</voornaam> <achternaam>{achternaam}</achternaam></naam></ondertekening>
          </tekst-sluiting>
        </brief>
      </algemeen>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
""".encode()


def metadata_xml(p: Paper) -> bytes:
    """The publication's ``metadata.xml``: ``<metadata_gegevens>`` of ``<metadata name scheme content/>``."""
    rows = [("DC.title", "", f"{p.dossier_title}; {p.title}"),
            ("OVERHEIDop.documenttitel", "", p.documenttitel),
            ("OVERHEIDop.dossiernummer", "", p.dossier),
            ("OVERHEIDop.dossiertitel", "", p.dossier_title),
            *[("OVERHEIDop.indiener", "", name) for name in p.indiener],
            ("OVERHEIDop.ondernummer", "", p.number),
            ("OVERHEIDop.vergaderjaar", "", f"{p.year}-{int(p.year) + 1}"),
            ("DC.type", "OVERHEIDop.Parlementair", "Kamerstuk"),
            ("DC.type", "OVERHEIDop.KamerstukTypen", p.kind),
            ("OVERHEIDop.publicationName", "", "Kamerstuk"),
            ("DCTERMS.language", "DCTERMS.RFC4646", "nl"),
            ("DCTERMS.issued", "DCTERMS.W3CDTF", p.date),
            ("DCTERMS.available", "DCTERMS.W3CDTF", p.date),
            ("DC.creator", "OVERHEID.StatenGeneraal", "Tweede Kamer der Staten-Generaal"),
            ("OVERHEID.organisationType", "OVERHEID.Organisatietype", "Staten-Generaal"),
            ("DC.identifier", "OVERHEIDop.ParlID", p.publication)]
    body = "\n".join(f'<metadata name="{n}" scheme="{s}" content="{escape(c)}" />' for n, s, c in rows)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<metadata_gegevens>\n{body}\n</metadata_gegevens>\n'.encode()


def frbr(p: Paper, manifestation: str) -> str:
    """The file's location on the repository host (``…/kst/21501-28/kst-21501-28-212/1/xml/…``)."""
    work = f"{REPOSITORY}/frbr/officielepublicaties/kst/{p.dossier}/{p.publication}/1"
    name = {"xml": f"{p.publication}.xml", "metadata": "metadata.xml", "pdf": f"{p.publication}.pdf",
            "html": f"{p.publication}.html"}[manifestation]
    return f"{work}/{manifestation}/{name}"


@dataclass
class Attachment:
    identifier: str               # blg-900001
    dossier: str
    date: str
    main: str                     # hoofddocument kst-…
    title: str = "Rapport evaluatie Nederlandse bijdrage aan MINUSMA"

    @property
    def location(self) -> str:
        return f"{REPOSITORY}/frbr/officielepublicaties/blg/{self.date[:4]}/{self.identifier}/1/pdf/{self.identifier}.pdf"

    @property
    def metadata_location(self) -> str:
        return f"{REPOSITORY}/frbr/officielepublicaties/blg/{self.date[:4]}/{self.identifier}/1/metadata/metadata.xml"


def _record(position: int, gzd: str) -> str:
    """An SRU record around the ``gzd:gzd`` content."""
    return f"""<sru:record>
  <sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema>
  <sru:recordPacking>xml</sru:recordPacking>
  <sru:recordData><gzd:gzd>{gzd}</gzd:gzd></sru:recordData>
  <sru:recordPosition>{position}</sru:recordPosition>
</sru:record>"""


def sru_record(p: Paper, position: int) -> str:
    dossier, number = p.dossier, p.number
    return _record(position, f"""
    <gzd:originalData><overheidwetgeving:meta>
      <overheidwetgeving:owmskern>
        <dcterms:identifier>{p.publication}</dcterms:identifier>
        <dcterms:title>{escape(p.dossier_title)}; {escape(p.title)}</dcterms:title>
        <dcterms:type scheme="OVERHEIDop.Parlementair">Kamerstuk</dcterms:type>
        <dcterms:language scheme="DCTERMS.RFC4646">nl</dcterms:language>
        <overheid:authority scheme="OVERHEID.StatenGeneraal">Tweede Kamer der Staten-Generaal</overheid:authority>
        <dcterms:creator scheme="OVERHEID.StatenGeneraal">Tweede Kamer der Staten-Generaal</dcterms:creator>
        <dcterms:modified>{p.modified or p.date}</dcterms:modified>
      </overheidwetgeving:owmskern>
      <overheidwetgeving:owmsmantel>
        <dcterms:available>{p.date}</dcterms:available>
        <dcterms:date>{p.date}</dcterms:date>
      </overheidwetgeving:owmsmantel>
      <overheidwetgeving:tpmeta>
        <c:product-area>officielepublicaties</c:product-area>
        <c:content-area>kamerstuk</c:content-area>
        <overheidwetgeving:dossiernummer>{dossier}</overheidwetgeving:dossiernummer>
        <overheidwetgeving:ondernummer>{number}</overheidwetgeving:ondernummer>
        <overheidwetgeving:publicatienaam>Kamerstuk</overheidwetgeving:publicatienaam>
        <overheidwetgeving:vergaderjaar>{p.year}-{int(p.year) + 1}</overheidwetgeving:vergaderjaar>
        <overheidwetgeving:subrubriek scheme="OVERHEIDop.KamerstukTypen">{p.kind}</overheidwetgeving:subrubriek>
      </overheidwetgeving:tpmeta>
    </overheidwetgeving:meta></gzd:originalData>
    <gzd:enrichedData>
      <gzd:url>{frbr(p, "xml")}</gzd:url>
      <gzd:preferredUrl>{PUBLICATIONS}/{p.publication}.html</gzd:preferredUrl>
      <gzd:itemUrl manifestation="html">{frbr(p, "html")}</gzd:itemUrl>
      <gzd:itemUrl manifestation="metadata">{frbr(p, "metadata")}</gzd:itemUrl>
      <gzd:itemUrl manifestation="pdf">{frbr(p, "pdf")}</gzd:itemUrl>
      <gzd:itemUrl manifestation="xml">{frbr(p, "xml")}</gzd:itemUrl>
      <gzd:timestamp>{p.modified or p.date}T10:00:00.000+02:00</gzd:timestamp>
    </gzd:enrichedData>""")


def sru_attachment_record(a: Attachment, position: int) -> str:
    return _record(position, f"""
    <gzd:originalData><overheidwetgeving:meta>
      <overheidwetgeving:owmskern>
        <dcterms:identifier>{a.identifier}</dcterms:identifier>
        <dcterms:title>{escape(a.title)}</dcterms:title>
        <dcterms:type scheme="OVERHEIDop.Parlementair">Bijlage</dcterms:type>
        <dcterms:creator scheme="OVERHEID.StatenGeneraal">Tweede Kamer der Staten-Generaal</dcterms:creator>
        <dcterms:modified>{a.date}</dcterms:modified>
      </overheidwetgeving:owmskern>
      <overheidwetgeving:owmsmantel><dcterms:date>{a.date}</dcterms:date></overheidwetgeving:owmsmantel>
      <overheidwetgeving:tpmeta>
        <c:product-area>officielepublicaties</c:product-area>
        <overheidwetgeving:dossiernummer>{a.dossier}</overheidwetgeving:dossiernummer>
        <overheidwetgeving:hoofddocument>{a.main}</overheidwetgeving:hoofddocument>
        <overheidwetgeving:publicatienaam>Kamerstuk</overheidwetgeving:publicatienaam>
      </overheidwetgeving:tpmeta>
    </overheidwetgeving:meta></gzd:originalData>
    <gzd:enrichedData>
      <gzd:preferredUrl>{PUBLICATIONS}/{a.identifier}.html</gzd:preferredUrl>
      <gzd:itemUrl manifestation="metadata">{a.metadata_location}</gzd:itemUrl>
      <gzd:itemUrl manifestation="pdf">{a.location}</gzd:itemUrl>
    </gzd:enrichedData>""")


def sru_response(records: list[str], total: int, next_position: int | None, query: str) -> bytes:
    nxt = f"<sru:nextRecordPosition>{next_position}</sru:nextRecordPosition>" if next_position else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sru:searchRetrieveResponse {SRU_NS}>
<sru:version>2.0</sru:version>
<sru:numberOfRecords>{total}</sru:numberOfRecords>
<sru:records>{"".join(records)}</sru:records>
{nxt}
<sru:echoedSearchRetrieveRequest><sru:version>2.0</sru:version><sru:query>{escape(query)}</sru:query></sru:echoedSearchRetrieveRequest>
</sru:searchRetrieveResponse>
""".encode()


def sru_diagnostic(message: str, details: str, number: int = 10) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse">
<sru:version>2.0</sru:version>
<sru:numberOfRecords>0</sru:numberOfRecords>
<sru:diagnostics><diag:diagnostic xmlns:diag="http://docs.oasis-open.org/ns/search-ws/diagnostic">
<diag:uri>info:srw/diagnostic/1/{number}</diag:uri><diag:details>{escape(details)}</diag:details>
<diag:message>{escape(message)}</diag:message></diag:diagnostic></sru:diagnostics>
</sru:searchRetrieveResponse>
""".encode()


HTML_PAGE = b"""<!DOCTYPE html>
<html lang="nl"><head><title>Zoeken | Officiele bekendmakingen</title></head>
<body><main><h1>Geen resultaten</h1><p>De gevraagde publicatie is niet gevonden.</p></main></body></html>
"""

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

_CLAUSE = re.compile(r"(c\.product-area|w\.dossiernummer|w\.publicatienaam|dt\.date|dt\.modified|dt\.identifier)"
                     r"\s*(==|>=|<=|=)\s*(\S+)")


@dataclass
class Hit:
    """One request as the server saw it."""

    at: float
    path: str
    query: dict
    status: int
    headers: dict


@dataclass
class KoopServer:
    """The server's content and its log. ``url`` is its base (``http://127.0.0.1:PORT``)."""

    papers: dict[str, Paper] = field(default_factory=dict)
    attachments: dict[str, Attachment] = field(default_factory=dict)
    page_cap: int = 1000
    faults: dict[str, list[str]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)          # answered requests
    arrived: list[str] = field(default_factory=list)       # paths of requests as they arrive (before answering)
    errors: list[BaseException | None] = field(default_factory=list)   # what went wrong answering (a client gone)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, *papers: Paper) -> None:
        for p in papers:
            self.papers[p.publication] = p

    def fault(self, path: str, *behaviours: str) -> None:
        self.faults[path] = list(behaviours)

    def hits_for(self, fragment: str) -> list[Hit]:
        return [h for h in self.hits if fragment in h.path]

    def env(self) -> dict[str, str]:
        """The environment that points a client at this server (all three hosts)."""
        return {"MISSIONGRAPH_SRU_URL": f"{self.url}/sru", "MISSIONGRAPH_PUBLICATIONS_URL": self.url,
                "MISSIONGRAPH_REPOSITORY_URL": self.url}

    # -- what each path answers: (status, content type, body) -------------------------------------------------
    def answer(self, path: str, query: dict) -> tuple[int, str, bytes]:
        if path == "/sru":
            return self._sru(query)
        m = re.fullmatch(r"/(kst-[A-Za-z0-9-]+)(?:\.xml|/metadata\.xml)", path) or \
            re.fullmatch(r"/frbr/officielepublicaties/kst/[^/]+/(kst-[A-Za-z0-9-]+)/1/(?:xml|metadata)/[^/]+", path)
        if m and m.group(1) in self.papers:
            p = self.papers[m.group(1)]
            return (200, "application/xml", metadata_xml(p)) if path.endswith("metadata.xml") else \
                (200, "application/xml", kamerstuk_xml(p))
        m = re.fullmatch(r"/frbr/officielepublicaties/blg/\d{4}/(blg-\d+)/1/(pdf|metadata)/[^/]+", path)
        if m and m.group(1) in self.attachments:
            a = self.attachments[m.group(1)]
            if m.group(2) == "pdf":
                return 200, "application/pdf", PDF
            meta = (f'<metadata_gegevens><metadata name="DC.title" scheme="" content="{escape(a.title)}"/>'
                    f'<metadata name="DC.type" scheme="OVERHEIDop.Parlementair" content="Bijlage"/>'
                    f'<metadata name="DCTERMS.issued" scheme="DCTERMS.W3CDTF" content="{a.date}"/>'
                    f'<metadata name="DC.identifier" scheme="OVERHEIDop.ParlID" content="{a.identifier}"/>'
                    f'</metadata_gegevens>')
            return 200, "application/xml", meta.encode()
        return 404, "text/html", b"<html><body><h1>404 Not Found</h1></body></html>"

    def _sru(self, query: dict) -> tuple[int, str, bytes]:
        cql = query.get("query", [""])[0]
        clauses = _CLAUSE.findall(cql)
        known = len(clauses) == cql.split(" sortBy ")[0].count(" AND ") + 1 if cql else False
        if not known:
            return 200, "application/xml", sru_diagnostic("Query syntax error", cql)
        items: list[tuple[str, str]] = []    # (date, record xml maker key)
        for p in self.papers.values():
            items.append((p.date, "p:" + p.publication))
        for a in self.attachments.values():
            items.append((a.date, "a:" + a.identifier))
        chosen = []
        for when, key in sorted(items):
            obj = self.papers.get(key[2:]) if key.startswith("p:") else self.attachments.get(key[2:])
            modified = getattr(obj, "modified", "") or when
            ok = True
            for index, op, value in clauses:
                value = value.strip('"')
                if index == "w.dossiernummer":
                    ok &= obj.dossier == value
                elif index == "dt.identifier":
                    ok &= (getattr(obj, "publication", None) or obj.identifier) == value
                elif index in ("dt.date", "dt.modified"):
                    have = when if index == "dt.date" else modified
                    ok &= have >= value if op == ">=" else have <= value if op == "<=" else have == value
            if ok:
                chosen.append(key)
        start = int(query.get("startRecord", ["1"])[0])
        size = min(int(query.get("maximumRecords", ["50"])[0]), self.page_cap)
        page = chosen[start - 1:start - 1 + size]
        records = [sru_record(self.papers[k[2:]], start + i) if k.startswith("p:") else
                   sru_attachment_record(self.attachments[k[2:]], start + i) for i, k in enumerate(page)]
        nxt = start + len(page) if start - 1 + len(page) < len(chosen) else None
        return 200, "application/xml", sru_response(records, len(chosen), nxt, cql)


def start(server: KoopServer) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Serve ``server`` on 127.0.0.1 (a free port) in a daemon thread; ``server.url`` is set."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:   # quiet
            pass

        def do_GET(self) -> None:   # noqa: N802 (the standard library's name)
            arrived = time.monotonic()
            split = urlsplit(self.path)
            path, query = split.path, parse_qs(split.query)
            with server.lock:
                server.arrived.append(path)
                plan = server.faults.get(path)
                behaviour = (plan.pop(0) if len(plan) > 1 else plan[0]) if plan else "ok"
            status, ctype, body = server.answer(path, query)
            headers = {k: v for k, v in self.headers.items()}
            extra: dict[str, str] = {}
            if behaviour.startswith("slow:"):
                time.sleep(float(behaviour[5:]))
            elif behaviour == "404":
                status, ctype, body = 404, "text/html", b"<html><body>Not Found</body></html>"
            elif behaviour == "500":
                status, ctype, body = 500, "text/html", b"<html><body>Internal Server Error</body></html>"
            elif behaviour.startswith("429:"):
                status, ctype, body = 429, "text/plain", b"Too Many Requests"
                extra["Retry-After"] = behaviour[4:]
            elif behaviour == "invalid":
                status, ctype, body = 200, "application/xml", b"<officiele-publicatie><kamerstuk><stuk></kamerstuk>"
            elif behaviour == "html":
                status, ctype, body = 200, "text/html; charset=utf-8", HTML_PAGE
            elif behaviour == "diagnostic":
                status, ctype, body = 200, "application/xml", sru_diagnostic(
                    "Unsupported index", "w.dossiernumer", 16)
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if status == 200 and behaviour in ("ok",) and self.headers.get("If-None-Match") == etag:
                status, body = 304, b""
            with server.lock:
                server.hits.append(Hit(arrived, path, query, status, headers))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if status in (200, 304):
                self.send_header("ETag", etag)
            for k, v in extra.items():
                self.send_header(k, v)
            if behaviour == "truncate":
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[:max(1, len(body) // 10)])
                self.wfile.flush()
                self.close_connection = True
                return
            if behaviour == "cut":
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body[:len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address) -> None:
            # A client that gave up on a slow answer (the timeout tests) leaves a broken pipe behind. The standard
            # server prints its traceback to sys.stderr, from this thread, whenever the handler gets to write: into
            # the output of whatever test runs then (a CliRunner's, once, in CI). Kept here instead.
            with server.lock:
                server.errors.append(sys.exc_info()[1])

    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return httpd, thread
