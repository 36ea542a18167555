"""Kamerstuk ids in the forms users type, and the names the official sources give them.

``parse("29 521, nr. 451")`` → ``KamerstukId(dossier="29521", sub="", number="451")``, whose ``key`` is the
graph's Kamerstuk id (``29521-451``, as the extraction rules write it) and whose ``publication`` is the id of
the official publication (``kst-29521-451``: the file name, the SRU ``dcterms:identifier``). Accepted forms:

==============================================================  ==========================
``kst-29521-451``, ``KST-29521-451``                            kst-29521-451
``29521-451``, ``29 521-451``                                   kst-29521-451
``29 521, nr. 451``, ``Kamerstuk 29521 nr 451``                 kst-29521-451
``kst-21501-28-212``, ``21501-28, nr. 212``                     kst-21501-28-212 (sub-dossier 28)
``35570-V-9``, ``35 570 V, nr. 9``, ``kst-35570-v-9``           kst-35570-V-9 (sub-dossier V)
``27925-AB``, ``27925, nr. AB``                                 kst-27925-AB (a letter number)
``kst-29521-451-n1``                                            kst-29521-451-n1 (a reprint)
``https://zoek.officielebekendmakingen.nl/kst-29521-451.html``  kst-29521-451
==============================================================  ==========================

Anything else (a dossier without a number, a word, an attachment ``blg-…``) is a :class:`BadId` whose message
says what was expected. The whole input must be one id: ``parse`` never picks an id out of a longer text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class BadId(ValueError):
    """Input that is not a Kamerstuk id; the message says why in one line."""


# A five-digit dossier ("29521" or "29 521"), an optional sub-dossier (Roman numeral, a letter or two digits,
# after a dash or a space), then the number after "-", ", nr." or " nr" (digits or capital letters), then an
# optional reprint suffix "-n1". Anchored at both ends; every repetition is bounded.
_ID = re.compile(
    r"""(?ix)
    (?:https?://[^\s/]{1,100}/(?:[^\s]{0,200}/)?)?          # a URL of the publication page or file
    (?:(?:kst|kamerstuk(?:ken)?(?:[ ]{1,3}(?:I{1,2}|[ET]K))?)[ ]{0,3}[-:]?[ ]{0,3})?   # kst- / Kamerstuk
    (?P<dossier>\d{2}[ ]?\d{3})
    (?:(?:[ ]{0,2}-[ ]{0,2}|[ ]{1,2})(?P<sub>[IVXL]{1,6}[AB]?|[A-Z]|\d{2})(?=[ ]{0,2}(?:-|,|nr|nummer)))?
    (?:[ ]{0,2}-[ ]{0,2}|[ ]{0,2},?[ ]{0,2}(?:nr\.?|nummer)[ ]{0,2}|[ ]{0,2},[ ]{0,2})
    (?P<number>\d{1,5}|[A-Z]{1,3})
    (?:-(?P<reprint>n\d{1,2}))?
    (?:\.(?:html|xml|pdf))?(?:/metadata\.xml)?/?
    """)


@dataclass(frozen=True, order=True)
class KamerstukId:
    """One Kamerstuk: dossier, sub-dossier (may be empty), number, reprint suffix (may be empty)."""

    dossier: str
    sub: str
    number: str
    reprint: str = ""

    @property
    def key(self) -> str:
        """The graph's Kamerstuk id: ``29521-451``, ``35570-V-9``, ``21501-28-212``."""
        return "-".join(x for x in (self.dossier, self.sub, self.number) if x)

    @property
    def publication(self) -> str:
        """The official publication id: ``kst-29521-451`` (``-n1`` for a reprint)."""
        return f"kst-{self.key}" + (f"-{self.reprint}" if self.reprint else "")

    @property
    def folder(self) -> str:
        """The dossier folder of the repository (``kst/21501-28/``): dossier and sub-dossier."""
        return "-".join(x for x in (self.dossier, self.sub) if x)

    def __str__(self) -> str:
        return self.publication


def parse(text: str) -> KamerstukId:
    """The Kamerstuk named by ``text`` (one of the forms in the module's table), or :class:`BadId`."""
    raw = " ".join((text or "").split())
    if not raw:
        raise BadId("empty id")
    m = _ID.fullmatch(raw)
    if m is None:
        if re.fullmatch(r"(?i)(?:kst-?)?\d{2} ?\d{3}(?:-[IVXL0-9]{1,6})?", raw):
            raise BadId(f"{raw!r} is a dossier, not a Kamerstuk: give its number too (29521-451) or use --dossier")
        if raw.lower().startswith(("blg-", "blg ")):
            raise BadId(f"{raw!r} is an attachment (Bijlage): attachments come with --dossier --with-attachments")
        raise BadId(f"{raw!r} is not a Kamerstuk id (expected a form like kst-29521-451, 29521-451 or "
                    f"'29 521, nr. 451')")
    number = m.group("number").upper()
    if number.isdigit():
        number = str(int(number))
        if number == "0":
            raise BadId(f"{raw!r}: a Kamerstuk number starts at 1")
    return KamerstukId(dossier=m.group("dossier").replace(" ", ""), sub=(m.group("sub") or "").upper(),
                       number=number, reprint=(m.group("reprint") or "").lower())


def from_key(key: str) -> KamerstukId:
    """A graph Kamerstuk id (``29521-451``, ``35570-V-9``) as a :class:`KamerstukId`."""
    return parse(key)


def is_attachment(publication: str) -> bool:
    """``blg-1184123``: an attachment (Bijlage), published as PDF only."""
    return publication.lower().startswith("blg-")
