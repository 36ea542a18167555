"""Ministry rule: ministries and ministerial posts, from ``data/ministries.yaml``.

A ministry counts when the text names it as a minister, ministry, state secretary or department:

* after a post word: ``minister van Defensie``, ``Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking``,
  ``ministerie van Buitenlandse Zaken``, ``staatssecretaris van ...``, ``departement van ...``, also with a
  person's name in between (``Minister Opstelten van Veiligheid en Justitie``) and as a list (``BRIEF VAN DE
  MINISTERS VAN BUITENLANDSE ZAKEN, VAN DEFENSIE, VOOR ... EN VAN VEILIGHEID EN JUSTITIE``, ``de ministeries
  van Defensie en BZ``); English ``Minister(y) of/for ...`` too;
* in parentheses after a name: ``ministers Verhagen (Buitenlandse Zaken), Middelkoop (Defensie)``;
* as an abbreviation: BZ, BuZa, DEF, MinDef, minDEF, J&V, MinJenV, BHOS, ``BZ/BHOS``, V&J, BZK, ...;
* as a one-word compound: ``Defensieminister``, ``defensieministerie``;
* standalone as an acting department at the start of a sentence or clause: ``Defensie werkt aan ...``.

Not counted: committees (``vaste commissie voor Defensie``, ``Kamercommissie``), EU Council formations (``Raad
Buitenlandse Zaken``): they have no post word. Foreign ministers (``de Franse minister van Defensie``,
``EU-ministers van Buitenlandse Zaken``, ``de minister van Defensie van Mali``) are skipped.

Historic names are kept as written (``Veiligheid en Justitie``). ``minister voor Ontwikkelingssamenwerking`` is
its own historic post, unless the same text names the Minister voor Buitenlandse Handel en
Ontwikkelingssamenwerking: then it is a short form of that post and reported as such.

Role ``issuer`` for a mention in the letter header (``BRIEF VAN DE MINISTER(S) ...``) or a signature block
(``De minister van Buitenlandse Zaken,`` on its own line, a name below).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..gazetteer import END, START, PhraseMatcher, key, lead, load, phrase_pattern
from ..model import Mention

_POST_WORDS = ("ministers", "minister", "ministeries", "ministerie", "staatssecretarissen", "staatssecretaris",
               "departementen", "departement", "bewindspersonen", "bewindspersoon", "bewindslieden")
_TRIGGER = re.compile(lead("MmSsDdBb") + START + "(?i:" + "|".join(_POST_WORDS) + r")(?![^\W\d_])")
# Between the post word and 'van/voor': nothing, or a person's name (capitalised words and tussenvoegsels).
_CONNECT = (r"(?:[ \t]+(?:[A-ZÀ-ÖØ-Þ][\w'’\-.]*|van|de|der|den|ten|ter|te|in|'t|’t)){0,5}?"
            r"\s+(?i:van|voor)\s+(?=")  # + ministry names + ")" (compiled in _Ministries)
_LIST_SEP = re.compile(r"\s*,\s*(?:(?i:en)\s+)?(?:(?i:van|voor)\s+)?|\s+(?i:en)\s+(?:(?i:van|voor)\s+)?|[ \t]*/[ \t]*")
_EN_TRIGGER = re.compile(lead("Mm") + START + r"(?i:minist(?:ers|er|ries|ry))\s+(?i:of|for)\s+(?:(?i:the)\s+)?")
_PAREN = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w'’\-].)[\w'’\-]*+[ \t]*+\([ \t]*+")
FOREIGN_BEFORE = re.compile(r"(?:(?<![^\W\d_])(?!Nederlandse\b|Diverse\b)[A-Z][a-zà-ÿ]+(?:se|sche)[ \t]+|"
                            r"(?<![^\W\d_])(?:EU|NAVO|VN|NATO|Europese|buitenlandse|andere)[ \t-]+)$")
_FOREIGN_AFTER = re.compile(r"\s+(?:van|uit)\s+(?:(?:de|het)\s+)?(?:EU|NAVO|NATO|VN|lidstaten|EU-lidstaten|"
                            r"NAVO-bondgenoten|partnerlanden|andere\s+landen|bondgenoten|coalitielanden)"
                            r"(?![^\W\d_])")
_FOREIGN_COUNTRY = re.compile(r"\s+(?:van|uit)\s+(?:(?:de|het)\s+)?")
_HEADER = re.compile(r"(?:BRIEF|BRIEVEN)[ \t]+VAN[ \t]+(?:DE|HET)[ \t]*$")
_HEADER_LINE = re.compile(r"[ \t]*(?:Nr\.[ \t]*\d+[ \t]+)?Brief[ \t]+van[ \t]+(?:de|het)[ \t]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;(]\s*|\n[ \t]*(?:[-*\u2022][ \t]+)?|(?<![^\W\d_])"
                             r"(?:en|dat|omdat|zodat|waarna|maar|want|ook|terwijl|nu)[ \t]+)$")
_VERBS = ("heeft", "hebben", "zal", "zullen", "is", "was", "wordt", "werd", "werkt", "gaat", "kan", "moet", "ziet",
          "draagt", "levert", "stelt", "neemt", "voert", "investeert", "onderzoekt", "beschikt", "zet", "blijft",
          "krijgt", "verwacht", "bereidt", "ondersteunt", "coördineert", "coordineert", "deelt", "houdt", "treft",
          "beziet", "bekijkt", "richt", "streeft", "hecht", "acht", "verleent", "financiert", "betaalt", "stuurt",
          "informeert", "evalueert", "wil", "besteedt", "traint", "leidt", "had", "zou", "mag", "geeft", "past",
          "volgt", "start", "begint", "werkte", "zijn", "worden", "werken", "gaan", "kunnen", "moeten", "zien",
          "dragen", "leveren", "stellen", "nemen", "voeren", "onderzoeken", "blijven", "krijgen", "verwachten",
          "ondersteunen", "delen", "houden", "bekijken", "zetten", "trekken", "trekt", "verzorgt", "verzorgen")
_STANDALONE_AFTER = re.compile(r"[ \t]+(?:" + "|".join(sorted(set(_VERBS), key=len, reverse=True))
                               + r")(?![^\W\d_])")
_COMMITTEE = re.compile(r"(?i:commissie|raad)")
_SIGNATURE_LINE = re.compile(r"[ \t]*(?:De|de|DE)[ \t]+[^\n]{0,160}?,[ \t]*\n")
_SIGNATURE_SAME_LINE = re.compile(r"[ \t]*(?:De|de|DE)[ \t]+[^\n,]{0,160},[ \t]+(?:(?:drs|mr|dr|prof|ir|ing)\.|"
                                  r"[A-Z][a-z]?\.)[^\n,]{0,60}(?:\n|$)")
_SIGNATURE_NAME = re.compile(r"(?:drs|mr|dr|prof|ir|ing)\.|[A-Z]\.|[A-ZÀ-ÖØ-Þ][a-zà-ÿ]")


@dataclass(frozen=True, slots=True)
class Found:
    id: str
    start: int
    end: int


class _Ministries:
    def __init__(self) -> None:
        entries = load("ministries")
        self.entries = {e["id"]: e for e in entries}
        self.names = PhraseMatcher([(n, e["id"]) for e in entries for n in [e["id"], *e["names"]]],
                                   title_acronyms=False, boundaries=False)
        self.name_at = re.compile(self.names.regex.pattern + END)
        self.english = PhraseMatcher([(n, e["id"]) for e in entries for n in e["english"]], boundaries=False)
        self.english_at = re.compile(self.english.regex.pattern + END)
        self.abbr_ids = {a: e["id"] for e in entries for a in e["abbreviations"]}
        self.prefixed_ids = {a: e["id"] for e in entries for a in e["prefixed"]}
        abbr_alt = _alternation(self.abbr_ids)
        prefix = r"(?P<pre>(?:[Mm]in|MIN)-?)"
        self.abbr = re.compile(lead("Mm" + "".join(a[0] for a in self.abbr_ids)) + START + prefix
                               + "?(?P<abbr>" + abbr_alt + ")" + END + "(?!&)")
        self.prefixed = re.compile(lead("Mm") + START + prefix + "(?P<abbr>" + _alternation(self.prefixed_ids) + ")"
                                   + END)
        self.abbr_at = re.compile("(?:" + abbr_alt + ")" + END + "(?!&)")
        self.connect = re.compile(_CONNECT + self.names.regex.pattern + "|" + abbr_alt + ")")
        self.compound_ids = {c.casefold(): e["id"] for e in entries for c in e["compounds"]}
        compounds = sorted(self.compound_ids, key=len, reverse=True)
        self.compounds = re.compile(
            lead("".join(c[0] + c[0].upper() for c in compounds)) + START
            + "(?i:" + "|".join(re.escape(c) for c in compounds) + ")" + END) if compounds else None
        standalone = [n for e in entries if e.get("standalone") for n in [e["id"], *e["names"]]]
        # The first letter as written (a capital): 'Defensie werkt', not 'defensie'.
        self.standalone = re.compile(lead("".join(n[0] for n in standalone)) + START + "(?:" + "|".join(
            phrase_pattern(n, title_acronyms=False).replace("(?i:", "(?:", 1)
            for n in sorted(standalone, key=len, reverse=True)) + ")" + END)

    def match_name(self, text: str, pos: int) -> Found | None:
        m = self.name_at.match(text, pos)
        if not m:
            return None
        ident = self.names.ids.get(key(m.group()))
        return Found(ident, m.start(), m.end()) if ident else None

    def match_item(self, text: str, pos: int) -> Found | None:
        """A ministry name or abbreviation at ``pos`` (list items: 'ministeries van Defensie en BZ')."""
        found = self.match_name(text, pos)
        if found:
            return found
        m = self.abbr_at.match(text, pos)
        if m and m.group() in self.abbr_ids:
            return Found(self.abbr_ids[m.group()], m.start(), m.end())
        return None

    def match_english(self, text: str, pos: int) -> Found | None:
        m = self.english_at.match(text, pos)
        if not m:
            return None
        ident = self.english.ids.get(key(m.group()))
        return Found(ident, m.start(), m.end()) if ident else None

    def attrs(self, ident: str, **extra: Any) -> dict[str, Any]:
        e = self.entries[ident]
        out: dict[str, Any] = {"post": e.get("post", "ministry")}
        if e["abbreviations"]:
            out["abbreviation"] = e["abbreviations"][0]
        out.update({k: v for k, v in extra.items() if v})
        return out


def _alternation(words: dict[str, str]) -> str:
    parts = [phrase_pattern(w, title_acronyms=False) if " " in w else re.escape(w)
             for w in sorted(words, key=len, reverse=True)]
    return "|".join(parts) or r"(?!x)x"


@lru_cache(maxsize=1)
def _ministries() -> _Ministries:
    return _Ministries()


def ministry_at(text: str, pos: int) -> tuple[str, int] | None:
    """The ministry whose Dutch name starts exactly at ``pos`` (case-insensitive): (canonical id, end)."""
    found = _ministries().match_name(text, pos)
    return (found.id, found.end) if found else None


def compound_at(text: str, pos: int) -> tuple[str, int] | None:
    """A post-and-ministry compound ('Defensieminister') at ``pos``: (canonical id, end)."""
    data = _ministries()
    if data.compounds is None:
        return None
    m = data.compounds.match(text, pos)
    return (data.compound_ids[m.group().casefold()], m.end()) if m else None


def _foreign(text: str, trigger_start: int, end: int) -> bool:
    if FOREIGN_BEFORE.search(text[max(0, trigger_start - 40):trigger_start]):
        return True
    if _FOREIGN_AFTER.match(text, end):
        return True
    m = _FOREIGN_COUNTRY.match(text, end)
    if m:
        from .entities import country_at  # local import: entities imports this module
        if country_at(text, m.end()) is not None:
            return True
    return False


def _is_header(text: str, trigger_start: int) -> bool:
    """Whether the post word follows the letter header 'BRIEF VAN DE' (or 'Brief van de' opening a line)."""
    if _HEADER.search(text[max(0, trigger_start - 40):trigger_start]):
        return True
    line_start = text.rfind("\n", 0, trigger_start) + 1
    return trigger_start - line_start <= 40 and bool(_HEADER_LINE.fullmatch(text, line_start, trigger_start))


def _is_signature(text: str, trigger_start: int, end: int) -> bool:
    """Whether the post stands in a signature heading: 'De minister van X,' alone on its line and a short
    name line below (blank lines between allowed)."""
    line_start = text.rfind("\n", 0, trigger_start) + 1
    same = _SIGNATURE_SAME_LINE.match(text, line_start)
    if same and same.end() >= end:
        return True                     # 'De minister van Defensie, drs. K.H. Ollongren'
    m = _SIGNATURE_LINE.match(text, line_start)
    if not m or m.end() < end:
        return False
    first = text[m.end():m.end() + 300].lstrip().split("\n", 1)[0].strip()
    return 0 < len(first) <= 60 and bool(_SIGNATURE_NAME.match(first))


def _posts(text: str, data: _Ministries) -> Iterator[Mention]:
    for t in _TRIGGER.finditer(text):
        c = data.connect.match(text, t.end())
        if not c:
            continue
        found = data.match_item(text, c.end())
        if not found:
            continue
        word = t.group().lower()
        post = "staatssecretaris" if word.startswith("staatssecretaris") else \
            "ministerie" if word.startswith(("ministerie", "departement")) else "minister"
        items = [found]
        pos = found.end
        for _ in range(20):
            s = _LIST_SEP.match(text, pos)
            nxt = data.match_item(text, s.end()) if s else None
            if not nxt:
                break
            items.append(nxt)
            pos = nxt.end
        if _foreign(text, t.start(), pos):
            continue
        issuer = _is_header(text, t.start()) or _is_signature(text, t.start(), pos)
        for f in items:
            yield Mention("ministry", f.id, f.start, f.end, text[f.start:f.end], role="issuer" if issuer else "",
                          attrs=data.attrs(f.id, via=post))


def _english(text: str, data: _Ministries) -> Iterator[Mention]:
    for t in _EN_TRIGGER.finditer(text):
        found = data.match_english(text, t.end())
        if found and not _foreign(text, t.start(), found.end):
            yield Mention("ministry", found.id, found.start, found.end, text[found.start:found.end],
                          attrs=data.attrs(found.id, via="minister"))


def _parenthesised(text: str, data: _Ministries) -> Iterator[Mention]:
    for p in _PAREN.finditer(text):
        found = data.match_name(text, p.end())
        if found and re.match(r"[ \t]*\)", text[found.end:found.end + 5]):
            yield Mention("ministry", found.id, found.start, found.end, text[found.start:found.end],
                          attrs=data.attrs(found.id, via="parenthesis"))


def _abbreviations(text: str, data: _Ministries) -> Iterator[Mention]:
    seen: set[int] = set()
    for regex, ids in ((data.prefixed, data.prefixed_ids), (data.abbr, data.abbr_ids)):
        for m in regex.finditer(text):
            ident = ids.get(m.group("abbr")) or ids.get(re.sub(r"\s+", " ", m.group("abbr")))
            if ident is None or m.start() in seen:
                continue
            seen.add(m.start())
            yield Mention("ministry", ident, m.start(), m.end(), m.group(),
                          attrs=data.attrs(ident, via="abbreviation", written=m.group()))


def _compounds(text: str, data: _Ministries) -> Iterator[Mention]:
    if data.compounds is None:
        return
    for m in data.compounds.finditer(text):
        if FOREIGN_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue
        ident = data.compound_ids[m.group().casefold()]
        yield Mention("ministry", ident, m.start(), m.end(), m.group(), attrs=data.attrs(ident, via="compound"))


def _standalone(text: str, data: _Ministries) -> Iterator[Mention]:
    for m in data.standalone.finditer(text):
        if not _STANDALONE_AFTER.match(text, m.end()):
            continue
        if not _SENTENCE_START.search(text[max(0, m.start() - 12):m.start()]):
            continue
        if _COMMITTEE.search(_clause_before(text, m.start())):
            continue                    # 'de commissies voor Buitenlandse Zaken en Defensie hebben
        ident = data.names.ids.get(key(m.group()))
        if ident:
            yield Mention("ministry", ident, m.start(), m.end(), m.group(), attrs=data.attrs(ident, via="department"))


def _clause_before(text: str, pos: int) -> str:
    """The text from the last sentence end or line break before ``pos`` (at most 150 characters)."""
    window = text[max(0, pos - 150):pos]
    cut = max(window.rfind(c) for c in ".!?\n;")
    return window[cut + 1:]


def find_ministries(text: str) -> Iterator[Mention]:
    """Ministries and ministerial posts in ``text`` (kind "ministry", value = canonical name)."""
    data = _ministries()
    found = [*_posts(text, data), *_english(text, data), *_parenthesised(text, data), *_abbreviations(text, data),
             *_compounds(text, data), *_standalone(text, data)]
    present = {m.value for m in found}
    for m in found:
        short_for = data.entries[m.value].get("short_for")
        if short_for and short_for in present:
            m.attrs["as_written"] = m.value
            m.value = short_for
    yield from found


RULES = [find_ministries]
