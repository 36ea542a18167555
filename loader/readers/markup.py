"""HTML and XML with lxml: body text (script, style, nav and other page furniture skipped) and the metadata the
file carries about itself, as ``meta`` keys ``title``, ``date`` (ISO), ``kind`` and ``kamerstuk``
(``DOSSIER[-SUB]-NR``).

Metadata sources, first found wins: ``<meta name=… content=…>`` in HTML and ``<metadata name=… content=…>`` in
the officielebekendmakingen metadata XML (``DC.identifier`` ``kst-29521-451``, ``OVERHEIDop.dossiernummer`` +
``OVERHEIDop.ondernummer``, ``DC.title``/``DCTERMS.title``, ``DC.date``/``DCTERMS.issued``/
``OVERHEIDop.datumOndertekening``, ``DC.type``), and in the Kamerstuk XML (``kst``) the elements
``<dossiernummer>``/``<dossiernr>``, ``<ondernummer>``, ``<titel>`` and ``<datum>``. XML is parsed without
entities, DTDs or network access (no billion laughs, no XXE). Markup nested deeper than ``MAX_DEPTH`` (2,048)
elements is refused with a ReadError that says so, rather than read in part.
"""

from __future__ import annotations

import re
from datetime import date

from ..cleanup import clean_text
from . import Extracted
from .base import ReadError, decode

SKIP = {"script", "style", "nav", "noscript", "template", "head", "svg", "button", "form", "iframe", "object",
        "select", "metadata", "meta", "link"}
SKIP_CLASSES = re.compile(r"\b(?:skiplinks?|breadcrumb|cookie\w*|site-?header|site-?footer|menu)\b", re.I)
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
          "small", "span", "strong", "sub", "sup", "time", "u", "var", "font",
          # Kamerstuk XML inline elements
          "nadruk", "extref", "intref", "noot-ref", "noot-nr", "unl", "inf"}
CELL = {"td", "th", "entry"}
_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_KST = re.compile(r"^kst-(\d[\d ]*)(?:-([A-Z0-9]+(?:-[A-Z0-9]+)?))?-(\d+[A-Za-z]?|[A-Z]{1,3})(?:-n\d{1,2})?$", re.I)
_LINE_WS = re.compile(r"[ \t]+")
_STUKNR = re.compile(r"^\s*(?:[Nn][Rr]\.?|[Nn]ummer)\s*")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _text_of(root) -> str:
    """Text of an element tree: block elements on their own lines, table cells separated by ' | '. Walks the tree
    with a stack of its own, so the deepest markup the parser reads (``MAX_DEPTH``) is read whole."""
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        name = _local(el.tag)
        if closing:
            if name in CELL:
                out.append(" | ")
            elif name not in INLINE:
                out.append("\n")
            if el.tail:
                out.append(el.tail)
            continue
        if not name or name in SKIP or SKIP_CLASSES.search(el.get("class") or "") or \
                (el.get("role") or "").lower() in ("navigation", "banner", "contentinfo"):
            if el.tail:
                out.append(el.tail)
            continue
        if name not in INLINE and name not in CELL:
            out.append("\n")
        if name == "br":
            out.append("\n")
        if el.text:
            out.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    text = "".join(out).replace(" | \n", "\n")
    lines = [_LINE_WS.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip() + "\n"


# libxml2 reads elements nested at most this deep with XML_PARSE_HUGE (lxml's huge_tree): beyond it, the HTML
# parser drops the rest of the document and the XML parser stops. Such a file is refused, saying so.
MAX_DEPTH = 2048


def _too_deep(message: str) -> ReadError:
    return ReadError(f"markup nested deeper than {MAX_DEPTH:,} elements, more than the parser reads "
                     f"({message.split(',')[0].strip()})")


def iso_date(value: str) -> str | None:
    for rx, order in ((_ISO, (0, 1, 2)), (_DMY, (2, 1, 0))):
        m = rx.search(value or "")
        if m:
            y, mo, d = (int(m.group(i + 1)) for i in order)
            try:
                return date(y, mo, d).isoformat()
            except ValueError:
                return None
    return None


def kamerstuk_id(dossier: str, number: str, sub: str = "") -> str | None:
    dossier, number, sub = ("".join((x or "").split()) for x in (dossier, number, sub))
    if "-" in dossier:                     # "35570-V", "21501-02": the subdossier rides along
        dossier, _, more = dossier.partition("-")
        sub = sub or more
    if not dossier.isdigit() or not re.fullmatch(r"\d+[A-Za-z]?|[A-Za-z]{1,3}", number or ""):
        return None
    if number.isalpha():
        number = number.upper()            # a letter number: 27925-AB
    return "-".join(x for x in (dossier, sub.upper(), number) if x)


def _kind(value: str) -> str | None:
    v = (value or "").lower()
    for kind in ("motie", "amendement", "verslag", "nota", "brief", "wetsvoorstel", "memorie van toelichting"):
        if kind in v:
            return kind
    return v.strip() or None


def meta_from_pairs(pairs: dict[str, str]) -> dict[str, str]:
    """Our meta keys from DC / DCTERMS / OVERHEIDop name → content pairs (names lower-cased)."""
    get = lambda *names: next((pairs[n] for n in names if pairs.get(n)), "")  # noqa: E731
    meta: dict[str, str] = {}
    ks = kamerstuk_id(get("overheidop.dossiernummer"), get("overheidop.ondernummer"))
    if not ks:
        m = _KST.match(get("dc.identifier", "dcterms.identifier").strip())
        if m:
            ks = kamerstuk_id(m.group(1), m.group(3), m.group(2) or "")
    if ks:
        meta["kamerstuk"] = ks
    title = get("dc.title", "dcterms.title", "overheidop.documenttitel", "og:title").strip()
    if title:
        meta["title"] = " ".join(title.split())
    when = iso_date(get("overheidop.datumondertekening", "dcterms.issued", "dc.date", "dcterms.date",
                        "dcterms.available", "dcterms.created", "overheidop.datumpublicatie"))
    if when:
        meta["date"] = when
    kind = _kind(get("overheidop.documenttype", "dc.type", "dcterms.type"))
    if kind:
        meta["kind"] = kind
    return meta


def _pairs(root) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for el in root.iter():
        if _local(el.tag) in ("meta", "metadata"):
            name = (el.get("name") or el.get("property") or "").strip().lower()
            if name and el.get("content") is not None:
                pairs.setdefault(name, el.get("content"))
    return pairs


def _first(root, *names: str) -> str:
    for el in root.iter():
        if _local(el.tag) in names:
            text = " ".join("".join(el.itertext()).split())
            if text:
                return text
    return ""


def _html_text(raw: bytes) -> tuple[str, str]:
    head = raw[:4096]
    m = _CHARSET.search(head)
    if m:
        try:
            return raw.decode(m.group(1).decode("ascii")), m.group(1).decode("ascii").lower()
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(raw)


def read_html(raw: bytes) -> Extracted:
    import lxml.html
    from lxml import etree

    text, encoding = _html_text(raw)
    text = _XML_DECL.sub("", text, count=1)
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"corrupt HTML: {str(exc).splitlines()[0] if str(exc) else 'no document'}") from None
    for error in parser.error_log:   # the HTML parser recovers from everything, also from dropping text
        if error.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in error.message:
            raise _too_deep(error.message)
    meta = meta_from_pairs(_pairs(root))
    if "title" not in meta:
        title = root.findtext(".//title")
        if title and title.strip():
            meta["title"] = " ".join(title.split())
    body = root.find("body")
    main = next(iter(root.xpath("//main | //article | //*[@id='broodtekst'] | //*[@class='stuk']")), None)
    return Extracted(text=clean_text(_text_of(main if main is not None else body if body is not None else root)),
                     meta=meta, encoding=encoding)


def xml_parser():
    """lxml's parser without entities, DTDs or network access (no billion laughs, no XXE). huge_tree lifts
    libxml2's depth limit from 256 to MAX_DEPTH; entities are still never expanded."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                           remove_comments=True, remove_pis=True)


def read_xml(raw: bytes) -> Extracted:
    from lxml import etree

    try:
        root = etree.fromstring(raw, xml_parser())
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in str(exc):
            raise _too_deep(str(exc)) from None
        raise ReadError(f"corrupt XML: {str(exc).splitlines()[0]}") from None
    if _local(root.tag) == "html":
        return read_html(raw)
    meta = meta_from_pairs(_pairs(root))
    if "kamerstuk" not in meta:
        # <stuknr>Nr. <ondernummer>451</ondernummer></stuknr>: the number is the ondernummer; a bare <stuknr>
        # ("Nr. 451", "451") only when there is none.
        number = _first(root, "ondernummer") or _STUKNR.sub("", _first(root, "stuknr"))
        ks = kamerstuk_id(_first(root, "dossiernr", "dossiernummer"), number)
        if ks:
            meta["kamerstuk"] = ks
    if "title" not in meta:
        # The paper's own title (<stuk><titel>), not the dossier's (<dossier><titel>, which comes first).
        stuk = next((el for el in root.iter() if _local(el.tag) == "stuk"), None)
        title = _first(stuk, "titel") if stuk is not None else _first(root, "titel")
        if title:
            meta["title"] = title
    if "date" not in meta:
        for el in root.iter():
            if _local(el.tag) in ("datum", "dagtekening", "datumondertekening"):
                when = iso_date(el.get("isodatum") or el.get("datum") or "".join(el.itertext()))
                if when:
                    meta["date"] = when
                    break
    return Extracted(text=clean_text(_text_of(root)), meta=meta, encoding=(root.getroottree().docinfo.encoding or "utf-8").lower())


OFFICIAL_PAGE = "https://zoek.officielebekendmakingen.nl/{id}.html"


def official_metadata(raw: bytes) -> dict:
    """What the official ``metadata.xml`` of a publication (``<metadata_gegevens>`` with
    ``<metadata name=… scheme=… content=…/>``) says about it, as the reader's ``meta["official"]``: ``id``
    (``DC.identifier``, ``kst-29521-451``), ``url`` (its official page), ``kamerstuk`` (``OVERHEIDop.dossiernummer``
    + ``OVERHEIDop.ondernummer``), ``title`` (``OVERHEIDop.documenttitel``, else ``DC.title``), ``date``
    (``OVERHEIDop.datumBrief``, ``OVERHEIDop.datumOndertekening``, ``DCTERMS.issued``, ``DCTERMS.available``),
    ``kind`` (``DC.type`` of scheme ``OVERHEIDop.KamerstukTypen``), ``signatories`` (``OVERHEIDop.indiener``, as
    written) and ``authorities`` (``OVERHEID.authority`` and ``DC.creator``, as written: for Kamerstukken the
    chamber; the graph takes the ones that name a ministry). Keys the file does not give are left out. Raises ReadError for a file that is not
    such metadata."""
    from lxml import etree

    try:
        root = etree.fromstring(raw, xml_parser())
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"corrupt metadata sidecar: {str(exc).splitlines()[0]}") from None
    if _local(root.tag) != "metadata_gegevens":
        raise ReadError(f"metadata sidecar is not <metadata_gegevens> (root <{_local(root.tag)}>)")
    values: dict[str, list[tuple[str, str]]] = {}
    for el in root.iter():
        if _local(el.tag) == "metadata" and el.get("name"):
            content = " ".join((el.get("content") or "").split())
            if content:
                values.setdefault(el.get("name").lower(), []).append((el.get("scheme") or "", content))

    def first(*names: str) -> str:
        return next((values[n][0][1] for n in names if values.get(n)), "")

    out: dict = {}
    pub = first("dc.identifier", "dcterms.identifier")
    if pub:
        out["id"] = pub
        out["url"] = OFFICIAL_PAGE.format(id=pub)
    ks = kamerstuk_id(first("overheidop.dossiernummer"), first("overheidop.ondernummer"))
    if not ks:
        m = _KST.match(pub)
        ks = kamerstuk_id(m.group(1), m.group(3), m.group(2) or "") if m else None
    if ks:
        out["kamerstuk"] = ks
    title = first("overheidop.documenttitel", "dc.title", "dcterms.title")
    if title:
        out["title"] = title
    when = iso_date(first("overheidop.datumbrief", "overheidop.datumondertekening", "dcterms.issued",
                          "dcterms.available"))
    if when:
        out["date"] = when
    types = values.get("dc.type", [])
    kind = next((v for scheme, v in types if scheme == "OVERHEIDop.KamerstukTypen"), "") or \
        next((v for scheme, v in types if scheme != "OVERHEIDop.Parlementair"), "")
    if kind and _kind(kind):
        out["kind"] = _kind(kind)
    signatories = [v for _, v in values.get("overheidop.indiener", [])]
    if signatories:
        out["signatories"] = list(dict.fromkeys(signatories))
    authorities = [v for _, v in values.get("overheid.authority", []) + values.get("dc.creator", [])]
    if authorities:
        out["authorities"] = list(dict.fromkeys(authorities))
    return out
