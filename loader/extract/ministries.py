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

Speed: the rule regexes are not run over the whole text. Each is tried only near a word its matches contain
(``anchored``: 'minist', 'staatssecretaris', '(' ...) or, for abbreviations and standalone names, where the word
one starts with occurs (``_start_words``); the result is what ``finditer`` would give. The person rule uses the
same helpers and shares their per-text caches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from ..gazetteer import END, START, PhraseMatcher, lead, load, phrase_pattern
from ..model import Mention
from ..scan import find_lowered, leading_word, lowered, matches_at, word_starts
from .lookup import country_at

_POST_WORDS = ("ministers", "minister", "ministeries", "ministerie", "staatssecretarissen", "staatssecretaris",
               "departementen", "departement", "bewindspersonen", "bewindspersoon", "bewindslieden")
_TRIGGER = re.compile(lead("MmSsDdBb") + START + "(?i:" + "|".join(_POST_WORDS) + r")(?![^\W\d_])")
# Words that post words and compounds contain: the person rule searches for them too (found once per text).
POST_ANCHORS = ("minist", "staatssecretaris")
# Between the post word and 'van/voor': nothing, or a person's name (capitalised words and tussenvoegsels).
_CONNECT = (r"(?:[ \t]+(?:[A-ZÀ-ÖØ-Þ][\w'’\-.]*|van|de|der|den|ten|ter|te|in|'t|’t)){0,5}?"
            r"\s+(?i:van|voor)\s+(?=")  # + ministry names + ")" (compiled in _Ministries)
_LIST_SEP = re.compile(r"\s*,\s*(?:(?i:en)\s+)?(?:(?i:van|voor)\s+)?|\s+(?i:en)\s+(?:(?i:van|voor)\s+)?|[ \t]*/[ \t]*")
_EN_TRIGGER = re.compile(lead("Mm") + START + r"(?i:minist(?:ers|er|ries|ry))\s+(?i:of|for)\s+(?:(?i:the)\s+)?")
_PAREN = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w'’\-].)[\w'’\-]*+[ \t]*+\([ \t]*+")
_CLOSE = re.compile(r"[ \t]*\)")
FOREIGN_BEFORE = re.compile(r"(?:(?<![^\W\d_])(?!Nederlandse\b|Diverse\b)[A-Z][a-zà-ÿ]+(?:se|sche)[ \t]+|"
                            r"(?<![^\W\d_])(?:EU|NAVO|VN|NATO|Europese|buitenlandse|andere)[ \t-]+)$")
# The word endings FOREIGN_BEFORE needs before its final spaces: a cheap test before the regex.
_FOREIGN_ENDINGS = ("se", "sche", "EU", "NAVO", "VN", "NATO", "andere")
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


# --------------------------------------------------------------------------------------- scanning near anchors
# A rule regex that starts with a lookahead or lookbehind is tried in full at every position of the text: about
# 0.15 ms per regex for 10 KB. Searching a text for a plain word costs a few microseconds. So the rules find the
# words every match must contain (the anchors) and try their regex only near those words; ``anchored`` returns
# exactly what ``regex.finditer`` returns (tests/test_ministries.py and tests/test_persons.py check this). The words
# are looked up in ``scan.lowered`` text (shared with the other rules), where a case-insensitive match of an ASCII
# word has the word in lower case at the same position.
_BLANK = " \t"


@dataclass(frozen=True, slots=True, eq=False)     # compared and hashed by identity: a cache key per regex
class Anchors:
    """Where the matches of a regex can start, so that ``anchored`` tries the regex only there.

    ``words``: lower-case strings of which every match contains at least one (case-insensitively). ``before``: how
    many words separated by spaces or tabs the match may have before the word (a run of characters other than white
    space) that holds the anchor ('de heer': 'heer' with one word before). The match starts in that stretch at a
    letter that follows no letter (every rule regex starts with a letter and checks that no letter precedes it;
    tested with ``str.isalpha``, whose letters the regex engine's include), or anywhere in it when ``inside``
    ('...en gaat over tot'). ``line``: the match starts at the start of the line that holds the anchor, and only
    spaces and tabs come before those words on the line (a signature heading: 'De minister', one word before)."""

    words: tuple[str, ...]
    before: int = 0
    inside: bool = False
    line: bool = False

    def __post_init__(self) -> None:
        if not all(w.isascii() and w == w.lower() and "?" not in w for w in self.words):
            raise ValueError(f"anchors must be lower-case ASCII words: {self.words}")   # see ``scan.lowered``


def _region_start(text: str, k: int, before: int, floor: int) -> int:
    """The start of the word that holds position ``k``, or of the ``before``-th word before it (words are runs of
    characters other than white space, separated by spaces and tabs on one line), but not below ``floor``. Loops,
    not ``rfind``: words are short, but the nearest tab or line break may be far away."""
    i = k
    while True:
        while i > floor and text[i - 1] not in " \t\n":
            i -= 1
        if before == 0:
            return i
        j = i
        while j > floor and text[j - 1] in _BLANK:
            j -= 1
        if j == i or j == floor or text[j - 1] == "\n":
            return i
        before -= 1
        i = j


@lru_cache(maxsize=64)
def _starts(text: str, anchors: Anchors) -> tuple[int, ...]:
    """The positions, in increasing order, where a regex described by ``anchors`` can match in ``text``. Cached:
    several rule regexes share anchors.

    Anchors are handled in increasing order; the stretch before an anchor that an earlier anchor's stretch covers
    is not walked again (stretches start in increasing order), so the work is linear in the length of the text."""
    hits = find_lowered(text, anchors.words)
    if not hits:
        return ()
    found: list[int] = []
    floor = 0
    before = anchors.before
    for k in hits:
        if before == 0 and not anchors.line and (k == floor or text[k - 1] in " \t\n"):
            start = k                   # the anchor starts a word (the common case, without calls)
        else:
            start = _region_start(text, k, before, floor)
        if anchors.line:
            # Only spaces and tabs between the start of the line and the stretch; the walk stops at the anchor
            # before, whose line start has been handled (it is on the same line when the walk reaches it).
            while start > floor and text[start - 1] in _BLANK:
                start -= 1
            if start == 0 or text[start - 1] == "\n":
                found.append(start)
        elif anchors.inside:
            found.extend(range(start, k + 1))
        elif start == k:                # (a stretch of one character: no loop)
            if text[k].isalpha() and not (k > 0 and text[k - 1].isalpha()):
                found.append(k)
        else:
            after_letter = start > 0 and text[start - 1].isalpha()
            for p in range(start, k + 1):
                letter = text[p].isalpha()
                if letter and not after_letter:
                    found.append(p)
                after_letter = letter
        floor = k + 1
    return tuple(found)


def anchored(regex: re.Pattern[str], text: str, *anchors: Anchors) -> Iterator[re.Match[str]]:
    """The matches of ``regex.finditer(text)``, found by trying ``regex`` only near its ``anchors``, which together
    must describe every match (see ``Anchors``). ``regex`` must not match the empty string."""
    if len(anchors) == 1:
        return matches_at(regex, text, _starts(text, anchors[0]))
    if not anchors:
        return regex.finditer(text)
    return matches_at(regex, text, sorted(set().union(*(_starts(text, a) for a in anchors))))


# Where the post words can be (minister, ministerie, staatssecretaris, Defensieminister): shared by the rules.
POSTS = Anchors(POST_ANCHORS)


class Found(NamedTuple):
    """A ministry name or abbreviation found at a position (a named tuple: made for every post word)."""

    id: str
    start: int
    end: int


class _Ministries:
    def __init__(self) -> None:
        entries = load("ministries")
        self.entries = {e["id"]: e for e in entries}
        # The attributes every mention of a ministry has: its post, and its first abbreviation if any.
        self.base_attrs = {e["id"]: {"post": e.get("post", "ministry"),
                                     **({"abbreviation": e["abbreviations"][0]} if e["abbreviations"] else {})}
                           for e in entries}
        self.names = PhraseMatcher([(n, e["id"]) for e in entries for n in [e["id"], *e["names"]]],
                                   title_acronyms=False, boundaries=False)
        self.name_at = re.compile(self.names.regex.pattern + END)
        self.english = PhraseMatcher([(n, e["id"]) for e in entries for n in e["english"]], boundaries=False)
        self.english_at = re.compile(self.english.regex.pattern + END)
        self.abbr_ids = {a: e["id"] for e in entries for a in e["abbreviations"]}
        self.prefixed_ids = {a: e["id"] for e in entries for a in e["prefixed"]}
        abbr_alt = _alternation(self.abbr_ids)
        prefixed_alt = _alternation(self.prefixed_ids)
        prefix = r"(?:[Mm]in|MIN)-?"
        abbr_first = "Mm" + "".join(a[0] for a in self.abbr_ids)
        self.abbr = re.compile(lead(abbr_first) + START + f"(?P<pre>{prefix})?(?P<abbr>{abbr_alt})" + END + "(?!&)")
        self.prefixed = re.compile(lead("Mm") + START + f"(?P<pre>{prefix})(?P<abbr>{prefixed_alt})" + END)
        self.abbr_at = re.compile("(?:" + abbr_alt + ")" + END + "(?!&)")
        self.connect = re.compile(_CONNECT + self.names.regex.pattern + "|" + abbr_alt + ")")
        self.compound_ids = {c.casefold(): e["id"] for e in entries for c in e["compounds"]}
        compounds = sorted(self.compound_ids, key=len, reverse=True)
        self.compounds = re.compile(
            lead("".join(c[0] + c[0].upper() for c in compounds)) + START
            + "(?i:" + "|".join(re.escape(c) for c in compounds) + ")" + END) if compounds else None
        self.compound_anchors = _compound_anchors(compounds)
        standalone = [n for e in entries if e.get("standalone") for n in [e["id"], *e["names"]]]
        # The first letter as written (a capital): 'Defensie werkt', not 'defensie'.
        standalone_first = "".join(n[0] for n in standalone)
        standalone_alt = "|".join(phrase_pattern(n, title_acronyms=False).replace("(?i:", "(?:", 1)
                                  for n in sorted(standalone, key=len, reverse=True))
        self.standalone = re.compile(lead(standalone_first) + START + "(?:" + standalone_alt + ")" + END)
        # Where each regex can match (see ``_start_words``): the prefix 'Min' is optional before an abbreviation.
        self.prefixed_words = _start_words([], list(self.prefixed_ids))
        self.abbr_words = _start_words(list(self.abbr_ids), list(self.abbr_ids))
        self.standalone_words = _start_words(standalone)

    def match_name(self, text: str, pos: int) -> Found | None:
        m = self.name_at.match(text, pos)
        if not m:
            return None
        ident = self.names.lookup(m.group())
        return Found(ident, m.start(), m.end()) if ident else None

    def match_item(self, text: str, pos: int) -> Found | None:
        """A ministry name or abbreviation at ``pos`` (list items: 'ministeries van Defensie en BZ')."""
        found = _name_at(text, pos)
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
        ident = self.english.lookup(m.group())
        return Found(ident, m.start(), m.end()) if ident else None

    def attrs(self, ident: str, **extra: Any) -> dict[str, Any]:
        out = self.base_attrs[ident].copy()
        for name, value in extra.items():
            if value:
                out[name] = value
        return out


def _compound_anchors(compounds: list[str]) -> tuple[Anchors, ...]:
    """The post words' anchors when every compound is one word that starts with a letter and contains one (as
    'defensieminister' does); otherwise none, and the compound regex is tried everywhere."""
    if all(c[:1].isalpha() and not any(ch.isspace() for ch in c) and any(a in c for a in POST_ANCHORS)
           for c in compounds):
        return (POSTS,)
    return ()


def _start_words(names: Sequence[str], after_min: Sequence[str] = ()) -> frozenset[str]:
    """The runs (``scan.words``) that a name in ``names`` (an abbreviation: 'BZ', 'J&V'; a standalone name:
    'Defensie', 'Buitenlandse Zaken') or 'Min'/'min'/'MIN' and an optional hyphen before a name in ``after_min``
    ('MinDef', 'minDEF', 'Min-BZ') starts with: a rule regex is tried only where one of them occurs as a whole run
    (``scan.word_starts``). A match has no letter or digit before it, and its first run ends where the name's does
    (the name goes on with a non-letter, a separator or its end, which the rule regexes check); after 'min' the
    first run is 'min' glued to the name's ('mindef'), or 'min' alone ('Min-BZ', 'Min3D')."""
    runs = {leading_word(name) for name in names}
    if None in runs:
        raise ValueError(f"a ministry abbreviation or standalone name must start with a letter or digit: {names}")
    if after_min:
        runs.add("min")
        runs.update("min" + run for run in map(leading_word, after_min) if run and run.isalpha())
    return frozenset(runs)


def _alternation(words: dict[str, str]) -> str:
    parts = [phrase_pattern(w, title_acronyms=False) if " " in w else re.escape(w)
             for w in sorted(words, key=len, reverse=True)]
    return "|".join(parts) or r"(?!x)x"


@lru_cache(maxsize=1)
def _ministries() -> _Ministries:
    return _Ministries()


def ministry_at(text: str, pos: int) -> tuple[str, int] | None:
    """The ministry whose Dutch name starts exactly at ``pos`` (case-insensitive): (canonical id, end)."""
    found = _name_at(text, pos)
    return (found.id, found.end) if found else None


@lru_cache(maxsize=256)
def _name_at(text: str, pos: int) -> Found | None:
    """``_Ministries.match_name``, remembered: the person and ministry rules look for a ministry name at the same
    positions (after 'minister van', in a person's name), and the name regex is large."""
    return _ministries().match_name(text, pos)


def compound_at(text: str, pos: int) -> tuple[str, int] | None:
    """A post-and-ministry compound ('Defensieminister') at ``pos``: (canonical id, end)."""
    data = _ministries()
    if data.compounds is None:
        return None
    m = data.compounds.match(text, pos)
    return (data.compound_ids[m.group().casefold()], m.end()) if m else None


def _end_before(text: str, lo: int, pos: int, blanks: str) -> int:
    """Where the text before ``pos`` ends when a final line break (a regex's '$' also matches before one) and then
    the characters in ``blanks`` are left off, but not below ``lo``."""
    end = pos - 1 if pos > lo and text[pos - 1] == "\n" else pos
    return lo + len(text[lo:end].rstrip(blanks))        # (the callers look at most 40 characters back)


def foreign_before(text: str, pos: int) -> bool:
    """Whether a foreign adjective or body stands just before ``pos`` ('de Franse minister', 'EU-ministers'):
    FOREIGN_BEFORE on the 40 characters before ``pos``, run only when the word before them ends as it requires."""
    lo = max(0, pos - 40)
    end = _end_before(text, lo, pos, " \t-")
    if end == pos or not text.endswith(_FOREIGN_ENDINGS, lo, end):
        return False
    return FOREIGN_BEFORE.search(text[lo:pos]) is not None


def _foreign(text: str, trigger_start: int, end: int) -> bool:
    if foreign_before(text, trigger_start):
        return True
    m = _FOREIGN_COUNTRY.match(text, end)
    if not m:
        return False                    # _FOREIGN_AFTER starts as _FOREIGN_COUNTRY does
    if _FOREIGN_AFTER.match(text, end):
        return True
    return country_at(text, m.end()) is not None


def _is_header(text: str, trigger_start: int) -> bool:
    """Whether the post word follows the letter header 'BRIEF VAN DE' (or 'Brief van de' opening a line)."""
    lo = max(0, trigger_start - 40)
    end = _end_before(text, lo, trigger_start, " \t")
    if text.endswith(("DE", "HET"), lo, end) and _HEADER.search(text[lo:trigger_start]):
        return True
    if not text.endswith(("de", "het"), lo, end) or text.find("Brief", lo, trigger_start) < 0:
        return False                    # the header line regex needs both
    line_start = text.rfind("\n", 0, trigger_start) + 1
    return trigger_start - line_start <= 40 and bool(_HEADER_LINE.fullmatch(text, line_start, trigger_start))


def _is_signature(text: str, trigger_start: int, end: int) -> bool:
    """Whether the post stands in a signature heading: 'De minister van X,' alone on its line and a short
    name line below (blank lines between allowed)."""
    line_start = text.rfind("\n", 0, trigger_start) + 1
    first = line_start
    while first < len(text) and text[first] in " \t":
        first += 1
    if text[first:first + 2] not in ("De", "de", "DE") or text[first + 2:first + 3] not in (" ", "\t"):
        return False                    # both signature regexes start with 'De' and a space
    same = _SIGNATURE_SAME_LINE.match(text, line_start)
    if same and same.end() >= end:
        return True                     # 'De minister van Defensie, drs. K.H. Ollongren'
    m = _SIGNATURE_LINE.match(text, line_start)
    if not m or m.end() < end:
        return False
    first = text[m.end():m.end() + 300].lstrip().split("\n", 1)[0].strip()
    return 0 < len(first) <= 60 and bool(_SIGNATURE_NAME.match(first))


# What every match of the trigger regexes contains (tests/test_ministries.py checks the post words).
_TRIGGER_ANCHORS = (POSTS, Anchors(("departement", "bewinds")))
_PAREN_ANCHORS = Anchors(("(",), before=1)      # 'Middelkoop (Defensie)': the name may stand a word before


def _posts(text: str, data: _Ministries) -> Iterator[Mention]:
    for t in anchored(_TRIGGER, text, *_TRIGGER_ANCHORS):
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
    for t in anchored(_EN_TRIGGER, text, POSTS):
        found = data.match_english(text, t.end())
        if found and not _foreign(text, t.start(), found.end):
            yield Mention("ministry", found.id, found.start, found.end, text[found.start:found.end],
                          attrs=data.attrs(found.id, via="minister"))


def _parenthesised(text: str, data: _Ministries) -> Iterator[Mention]:
    for p in anchored(_PAREN, text, _PAREN_ANCHORS):
        found = _name_at(text, p.end())
        if found and _CLOSE.match(text, found.end, found.end + 5):
            yield Mention("ministry", found.id, found.start, found.end, text[found.start:found.end],
                          attrs=data.attrs(found.id, via="parenthesis"))


def _abbreviations(text: str, data: _Ministries) -> Iterator[Mention]:
    seen: set[int] = set()
    for regex, ids, words in ((data.prefixed, data.prefixed_ids, data.prefixed_words),
                              (data.abbr, data.abbr_ids, data.abbr_words)):
        for m in matches_at(regex, text, word_starts(text, words)):
            ident = ids.get(m.group("abbr")) or ids.get(re.sub(r"\s+", " ", m.group("abbr")))
            if ident is None or m.start() in seen:
                continue
            seen.add(m.start())
            yield Mention("ministry", ident, m.start(), m.end(), m.group(),
                          attrs=data.attrs(ident, via="abbreviation", written=m.group()))


def _compounds(text: str, data: _Ministries) -> Iterator[Mention]:
    if data.compounds is None:
        return
    for m in anchored(data.compounds, text, *data.compound_anchors):
        if foreign_before(text, m.start()):
            continue
        ident = data.compound_ids[m.group().casefold()]
        yield Mention("ministry", ident, m.start(), m.end(), m.group(), attrs=data.attrs(ident, via="compound"))


def _standalone(text: str, data: _Ministries) -> Iterator[Mention]:
    for m in matches_at(data.standalone, text, word_starts(text, data.standalone_words)):
        if not _STANDALONE_AFTER.match(text, m.end()):
            continue
        if not _SENTENCE_START.search(text[max(0, m.start() - 12):m.start()]):
            continue
        if _COMMITTEE.search(_clause_before(text, m.start())):
            continue                    # 'de commissies voor Buitenlandse Zaken en Defensie hebben
        ident = data.names.lookup(m.group())
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
    found = [*_posts(text, data), *_english(text, data), *_parenthesised(text, data),
             *_abbreviations(text, data), *_compounds(text, data), *_standalone(text, data)]
    present = {m.value for m in found}
    for m in found:
        short_for = data.entries[m.value].get("short_for")
        if short_for and short_for in present:
            m.attrs["as_written"] = m.value
            m.value = short_for
    yield from found


RULES = [find_ministries]
