"""The document's own date: at most one ``date`` mention per document, value ISO ``YYYY-MM-DD``.

Only dates in a document-date position count, never a date merely mentioned in running text. Positions, in
order of priority (the first priority that yields a valid date wins; within it, the earliest in the text):

1. explicit date fields: ``datum: 2021-11-11`` (tkconv metadata line), ``Datum\n23 september 2022`` and
   ``**Datum**  \n23 september 2022`` (nota/letterhead forms, label on its own line or before the value),
   `` date 2025-04-25`` (scraped-page metadata line);
2. the signing/adoption line: ``Den Haag, 18 december 2015`` (letters; also ``'s-Gravenhage, ...``),
   ``Vastgesteld 22 december 2014`` (reports), ``Voorgesteld 17 januari 2013`` (motions), and the news-page
   header ``Nieuwsbericht | 25-04-2025``;
3. publication metadata, only as a fallback: ``Gepubliceerd: 8 juni 2009``, ``Publicatiedatum ...``.

Dates are Dutch (``18 december 2015``, month abbreviations ``jan``, ``feb``, ``mrt``, ``apr``, ... with or
without a dot, any capitalisation) or numeric in fields (``2021-11-11``, ``25-04-2025``). A month or year
without a day gives nothing; impossible dates (``31 februari``) give nothing. ``attrs["how"]`` says which
position it came from (``datum-field``, ``date-field``, ``den-haag``, ``vastgesteld``, ``voorgesteld``,
``news-header``, ``gepubliceerd``).
"""

from __future__ import annotations

import datetime as _dt
import re

from ..model import Mention
from ..scan import find_exact

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
# Longest names first so "juni" is not read as "jun".
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))

# "18 december 2015", "18 dec. 2015", "1 mei 2019" (day 1-31, four-digit year); case-insensitive month.
_TEXT_DATE = rf"(?P<d>\d{{1,2}})(?:e|ste|de)?[ \t]{{1,3}}(?P<m>(?i:{_MONTH_ALT}))\.?[ \t]{{1,3}}(?P<y>\d{{4}})(?!\d)"
_ISO_DATE = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?!\d)"
_NUM_DATE = r"(?P<nd>\d{1,2})-(?P<nm>\d{1,2})-(?P<ny>\d{4})(?!\d)"
_ANY_DATE = rf"(?:{_TEXT_DATE}|{_ISO_DATE}|{_NUM_DATE})"

# (how, priority, literals of which one must occur, lead, pattern). Lower priority number wins. The literals are a
# cheap test (``str.find``) that skips a full regular-expression scan when the label is absent; a match starts at
# most ``lead`` characters before its literal.
_POSITIONS: list[tuple[str, int, tuple[str, ...], int, re.Pattern[str]]] = [
    # tkconv: "Nummer: 2021D41047, datum: 2021-11-11, bijgewerkt: ..."
    ("datum-field", 1, ("datum:", "Datum:"), 0,
     re.compile(rf"(?<![\w/])[Dd]atum:[ \t]{{0,3}}{_ANY_DATE}")),
    # memo/letterhead field: "Datum\n23 september 2022", "**Datum**  \n\n23 september 2022", "Datum 23 ..."
    ("datum-field", 1, ("Datum", "DATUM"), 6,
     re.compile(rf"(?m)^[ \t]{{0,4}}(?:\*\*|__)?(?:Datum|DATUM)(?:\*\*|__)?[ \t]{{0,4}}:?"
                rf"(?:[ \t]{{0,4}}\n){{0,3}}[ \t]{{0,4}}{_ANY_DATE}")),
    # scraped-page metadata line: " date 2025-04-25" (a month alone, " date 2025-04", gives nothing)
    ("date-field", 1, ("date",), 4,
     re.compile(rf"(?m)^[ \t]{{0,4}}date:?[ \t]{{1,3}}{_ISO_DATE}")),
    ("den-haag", 2, ("Den Haag", "DEN HAAG", "s-Gravenhage"), 1,
     re.compile(rf"(?<![\w])(?:Den Haag|DEN HAAG|['\u2019`]?s-Gravenhage)[ \t]{{0,3}},\s{{0,3}}{_TEXT_DATE}")),
    ("vastgesteld", 2, ("Vastgesteld", "VASTGESTELD"), 0,
     re.compile(rf"(?<![\w])(?:Vastgesteld|VASTGESTELD)[ \t]{{0,3}}:?[ \t]{{0,3}}(?:op[ \t]{{1,3}})?{_TEXT_DATE}")),
    ("voorgesteld", 2, ("Voorgesteld", "VOORGESTELD"), 0,
     re.compile(rf"(?<![\w])(?:Voorgesteld|VOORGESTELD)[ \t]{{0,3}}:?[ \t]{{0,3}}(?:op[ \t]{{1,3}})?{_TEXT_DATE}")),
    # government news pages: "Nieuwsbericht | 25-04-2025 | 14:30"
    ("news-header", 2, ("Nieuws", "Persbericht"), 0,
     re.compile(rf"(?<![\w])(?:Nieuwsbericht|Persbericht|Nieuws)[ \t]{{0,3}}\|[ \t]{{0,3}}"
                rf"(?:{_NUM_DATE}|{_TEXT_DATE})")),
    # publication metadata, a fallback only
    ("gepubliceerd", 3, ("Gepubliceerd", "Publicatiedatum", "Datum publicatie"), 0,
     re.compile(rf"(?<![\w])(?:Gepubliceerd(?:[ \t]{{1,3}}op)?|Publicatiedatum|Datum publicatie)"
                rf"[ \t]{{0,3}}:?[ \t]{{0,3}}{_ANY_DATE}")),
]


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        if g.get("d"):
            day, month, year = int(g["d"]), _MONTHS[g["m"].lower()], int(g["y"])
        elif g.get("iy"):
            day, month, year = int(g["id"]), int(g["im"]), int(g["iy"])
        elif g.get("nd"):
            day, month, year = int(g["nd"]), int(g["nm"]), int(g["ny"])
        else:
            return None
        if not 1800 <= year <= 2200:
            return None
        return _dt.date(year, month, day).isoformat()
    except (KeyError, ValueError):
        return None


def document_date(text: str) -> list[Mention]:
    """The document's own date (at most one mention)."""
    best: tuple[int, int, Mention] | None = None
    for how, prio, literals, lead, rx in _POSITIONS:
        if best is not None and best[0] < prio:
            break
        if best is None:
            if not any(find_exact(text, lit) for lit in literals):
                continue        # (looked up in the text's one pass, not searched for through the whole text)
        # With a date of the same priority found, only a match that starts before it can win: its literal then
        # starts before ``best start + lead``.
        elif not any(text.find(lit, 0, best[1] + lead + len(lit)) >= 0 for lit in literals):
            continue
        for m in rx.finditer(text):
            iso = _iso(m)
            if iso is None:
                continue
            cand = Mention("date", iso, m.start(), m.end(), text[m.start():m.end()], attrs={"how": how})
            if best is None or (prio, m.start()) < (best[0], best[1]):
                best = (prio, m.start(), cand)
            break
    return [best[2]] if best else []


RULES = [document_date]
