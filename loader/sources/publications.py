"""The official publications on zoek.officielebekendmakingen.nl (KOOP): a Kamerstuk's XML and its metadata.

For ``kst-29521-451`` the files are ``{base}/kst-29521-451.xml`` (the text: ``<officiele-publicatie>`` with
``kamerstuk/kamerstukkop``, ``dossier/dossiernummer``, ``stuk/stuknr/ondernummer``, ``stuk/titel``,
``tekst-sluiting/ondertekening``, ``noot``, ``extref``) and ``{base}/kst-29521-451/metadata.xml``
(``<metadata_gegevens>`` with ``<metadata name="DC.title" scheme="…" content="…"/>``: ``DC.identifier``,
``DC.title``, ``OVERHEIDop.documenttitel``, ``OVERHEIDop.dossiernummer``, ``OVERHEIDop.ondernummer``,
``DCTERMS.issued``, ``DC.creator``, ``OVERHEIDop.indiener``, …). A search record may name other locations for
the same files (``repository.overheid.nl/frbr/officielepublicaties/kst/29521/kst-29521-451/1/xml/…``); those
are followed as given, with the mirror setting applied to their host (:func:`mirrored`).

``MISSIONGRAPH_PUBLICATIONS_URL`` replaces the base (default ``https://zoek.officielebekendmakingen.nl``), and
``MISSIONGRAPH_REPOSITORY_URL`` the ``https://repository.overheid.nl`` of the file locations, so that an
institution's mirror, or a test server, answers instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .http import Answer, Client, SourceError
from .xmlcheck import looks_like_html, parse_xml

DEFAULT_URL = "https://zoek.officielebekendmakingen.nl"
REPOSITORY_URL = "https://repository.overheid.nl"
OFFICIAL_PAGE = DEFAULT_URL + "/{publication}.html"    # the official page: the Document node's url


def base_url() -> str:
    return (os.environ.get("MISSIONGRAPH_PUBLICATIONS_URL") or DEFAULT_URL).rstrip("/")


def mirrored(url: str) -> str:
    """``url`` with the official hosts replaced by the configured ones (publications and repository)."""
    for official, env in ((DEFAULT_URL, "MISSIONGRAPH_PUBLICATIONS_URL"), (REPOSITORY_URL, "MISSIONGRAPH_REPOSITORY_URL")):
        mirror = (os.environ.get(env) or "").rstrip("/")
        for scheme in ("https://", "http://"):
            plain = official.replace("https://", scheme)
            if mirror and (url == plain or url.startswith(plain + "/")):
                return mirror + url[len(plain):]
    return url


@dataclass(frozen=True)
class Locations:
    """Where one publication's files are."""

    publication: str          # kst-29521-451
    xml: str
    metadata: str
    pdf: str = ""

    @classmethod
    def of(cls, publication: str, urls: dict[str, str] | None = None) -> Locations:
        """The files of ``publication``: the search record's URLs where it gave them, else the publication site's."""
        urls = urls or {}
        base = base_url()
        return cls(publication=publication,
                   xml=mirrored(urls.get("xml") or f"{base}/{publication}.xml"),
                   metadata=mirrored(urls.get("metadata") or f"{base}/{publication}/metadata.xml"),
                   pdf=mirrored(urls["pdf"]) if urls.get("pdf") else f"{base}/{publication}.pdf")


def metadata_pairs(root) -> list[tuple[str, str, str]]:
    """``(name, scheme, content)`` of every ``<metadata>`` element of a metadata.xml root."""
    out = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] == "metadata" and el.get("name"):
            out.append((el.get("name"), el.get("scheme") or "", " ".join((el.get("content") or "").split())))
    return out


def check_metadata(answer: Answer, publication: str) -> None:
    """The metadata.xml of ``publication``, or :class:`SourceError`: not XML, an HTML page, not
    ``metadata_gegevens``, or a ``DC.identifier`` that names another publication."""
    root = parse_xml(answer.content, answer.content_type, what="metadata")
    name = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else ""
    if name != "metadata_gegevens":
        raise SourceError(f"metadata.xml is not <metadata_gegevens> (root element <{name}>)")
    ids = [content for key, _, content in metadata_pairs(root) if key == "DC.identifier"]
    if ids and ids[0].lower() != publication.lower():
        raise SourceError(f"metadata.xml describes {ids[0]}, not {publication}")


def check_publication(answer: Answer, publication: str) -> None:
    """The XML of ``publication``, or :class:`SourceError`: not XML, an HTML page, truncated, or not an
    ``officiele-publicatie``."""
    root = parse_xml(answer.content, answer.content_type, what="publication")
    name = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else ""
    if name != "officiele-publicatie":
        raise SourceError(f"not an official publication (root element <{name}>, expected <officiele-publicatie>)")


def check_pdf(answer: Answer, publication: str) -> None:
    if b"%PDF-" not in answer.content[:1024]:
        if looks_like_html(answer.content, answer.content_type):
            raise SourceError("an HTML page instead of the PDF (status 200)")
        raise SourceError("not a PDF (no %PDF header)")


def get_checked(client: Client, url: str, check, publication: str) -> bytes:
    """The body at ``url`` after ``check`` accepted it; every error names the file (``metadata.xml``,
    ``kst-29521-451.xml``) before the reason."""
    try:
        answer = client.get(url)
        check(answer, publication)
    except SourceError as exc:
        name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or url
        raise type(exc)(f"{name}: {exc}") from None
    return answer.content
