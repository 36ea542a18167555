"""Commitments (toezeggingen) in running text: a sentence that promises a future act of the government.

A sentence holds a commitment when one of the markers of commitments.yaml stands in it outside quotation marks,
said by the government (or by no one: a passive, "wordt … gepubliceerd"), and no exclusion cancels it in its
clause. Markers other than an explicit promise ("zegt … toe", "belooft") must be followed by an act: after "zal",
"gaat" or "wil" the first infinitive is no obligation, possibility or reading guide (``not_acts``); after "wordt" a
participle of an announced measure (``measures``); after "komt … met" a deliverable; "informeer"/"stuur" need a
date. One commitment per sentence; its text is the sentence.

Who commits is the government word nearest the marker (ik, wij, het kabinet, de minister, …); when is the first
date or period in the sentence ("voor de zomer van 2024", "uiterlijk 1 juli", "begin maart", "jaarlijks").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ...scan import present_runs, run_positions
from .lexicon import Hit, commitment_lexicon, item_lexicon
from .reading import Sentence
from .stance import ARTICLES, Said, is_agent

PARTICLES = frozenset({"uit", "in", "op", "over", "aan", "mee", "door", "om", "af", "toe", "terug", "voort",
                       "gepaard"})
NOT_FINITE = frozenset({"te", "kunnen", "moeten", "mogen", "willen", "zullen", "moet", "kan", "mag"})
GENERIC_AGENTS = frozenset({"onderzoek", "rapport", "advies", "analyse", "evaluatie"})
RELATIVES = frozenset({"die", "wat", "welke", "waarin", "waarmee", "waarbij", "waardoor", "waarop"})
AFTER = 15                   # words after a marker read for what makes it a promise

_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_SEASONS = (r"(?:zomer|voorjaar|najaar|winter|herfst|lente|zomerreces|kerstreces|herfstreces|voorjaarsreces|"
            r"meireces|krokusreces|jaarwisseling|einde van (?:het|dit) jaar|einde van \d{4}|eind van het jaar|"
            r"(?:eerste|tweede|derde|vierde) kwartaal)")
WHEN = re.compile(
    rf"\b(?:(?:v[oó]{{2}}r|na|in|tijdens|rond|uiterlijk|eind|begin|medio|op)\s+(?:de|het)\s+{_SEASONS}"
    rf"(?:\s+(?:van\s+)?\d{{4}})?"
    rf"|(?:(?:v[oó]{{2}}r|uiterlijk|op|in|begin|eind|medio|half)\s+)?(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{4}})?"
    rf"|(?:v[oó]{{2}}r|in|na|uiterlijk|eind|begin|medio|vanaf|per)\s+\d{{4}}"
    rf"|(?:vanaf|per|met ingang van)\s+(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{4}})?"
    rf"|(?:over|binnen)\s+(?:een|twee|drie|vier|vijf|zes|acht|tien|twaalf|\d{{1,2}})\s+(?:jaar|maanden|maand|weken)"
    rf"|jaarlijks|halfjaarlijks|periodiek|ieder jaar|elk jaar|binnenkort|spoedig|op korte termijn|voortaan|"
    rf"zo spoedig mogelijk|later dit jaar|volgend jaar|komend jaar|dit najaar|dit voorjaar|deze zomer)\b"
    rf"(?!\.?\s*jl\b)",                                                   # "op 10 september jl.": past
    re.IGNORECASE)
# Every WHEN match holds one of these words as a whole letter run (a month, a season, "jaar", …) or four digits
# ("voor 2025"): where none stands, WHEN finds nothing (``when``); tests/test_responses.py checks it.
WHEN_KEYS = frozenset([*_MONTHS.split("|"), "zomer", "voorjaar", "najaar", "winter", "herfst", "lente", "zomerreces",
                       "kerstreces", "herfstreces", "voorjaarsreces", "meireces", "krokusreces", "jaarwisseling",
                       "einde", "eind", "kwartaal", "jaarlijks", "halfjaarlijks", "periodiek", "jaar", "binnenkort",
                       "spoedig", "termijn", "maanden", "maand", "weken", "voortaan"])
_FOUR_DIGITS = re.compile(r"\d{4}")
# A past participle: "opgenomen", "gedeeld", "ingezet", "herhaald", "aangeboden", "verlengd", "ontwikkeld".
_PARTICIPLE = re.compile(r"(?:[a-z]{0,6}ge|be|ver|her|ont)[a-zë]{2,}(?:d|t|en)$")
_WORD_CHAR = re.compile(r"\w")
# A line that opens with an item's label: the report's own text follows ("Aanbeveling 1: Stel …").
_ITEM_LABEL = re.compile(r"\s*(?:aanbeveling|conclusie|bevinding|advies|observatie)\s*\d*(?:\.\d+)*\s*:", re.I)
# A participle in "ge-" after "is"/"zijn": the perfect ("is gestegen", "zijn gestart"), not "is verplicht".
_PERFECT = re.compile(r"(?:[a-z]{0,6})ge[a-zë]{2,}(?:d|t|en)$")


@lru_cache(maxsize=4)
def _when_keys(text: str) -> list[int]:
    """Where the WHEN_KEYS words start in ``text``, in increasing order."""
    return sorted([p for run in present_runs(text, WHEN_KEYS) for p in run_positions(text, run)])


def when(text: str, start: int, end: int) -> re.Match[str] | None:
    """``WHEN.search(text, start, end)``: the first date or period in ``text[start:end]``, searched for only when
    one of its words stands there (the regex costs about 0.2 µs a character), or where ``end`` cuts a word (whose
    start may be one: "maart" of "maarten"); and searched from a few words before the first of them
    (``_search_from``), not from ``start``."""
    keys = _when_keys(text)
    i = bisect_left(keys, start)
    key = keys[i] if i < len(keys) and keys[i] < end else end
    digits = _FOUR_DIGITS.search(text, start, key)
    cut = 0 < end < len(text) and _WORD_CHAR.match(text, end - 1) and _WORD_CHAR.match(text, end)
    if key < end or digits or cut:
        first = digits.start() if digits else key
        return WHEN.search(text, start if cut else _search_from(text, start, first), end)
    return None


_BACK = 64          # characters before the first word of a date that may hold its first words


def _search_from(text: str, start: int, first: int) -> int:
    """Where a search for WHEN may start, given that no WHEN_KEYS word or four digits stand in ``text[start:first]``:
    every match holds one, after at most four words of its own ("met ingang van 12 juli", "voor het eerste
    kwartaal"), so none starts before the fifth word before ``first``. That is ``first - _BACK`` when the text
    there holds five whole words (seven parts: the first and last may be cut), else ``start``. (``\b`` looks at the
    character before where a search starts, so it finds the same match.)"""
    lo = first - _BACK
    if lo <= start or len(text[lo:first].split()) < 7:
        return start
    return lo


@dataclass(slots=True)
class Commitment:
    start: int          # the sentence's span in the text
    end: int
    how: str            # promise, future, intention, delivery, measure, dated
    marker: str         # the marker's lexicon row
    by: str | None      # who commits, as the text says it: kabinet, ik, wij, minister, ...
    when: str | None    # the date or period the sentence gives


def _first_verb(words: list[str]) -> str | None:
    """The first word that may be an infinitive (ends in -en, four letters or more)."""
    return next((w for w in words if w.endswith("en") and len(w) > 3), None)


def _acts(s: Sentence, hit: Hit) -> bool:
    """Whether the marker is followed by what makes it a promise of an act (see the module docstring)."""
    lex = commitment_lexicon()
    how, row = hit.value, hit.row
    if hit.first and s.low[hit.first - 1] in ("niet", "geen", "nooit"):
        return False               # "Dat kan ik niet toezeggen": a refusal
    if how == "promise":           # "toegezegd" needs what was promised: "is toegezegd dat …", not "heeft dit
        #                            toegezegd", not "We hebben veel beloofd en te weinig waargemaakt"
        after = s.low[hit.last + 1:hit.last + 7]
        return s.low[hit.first] not in ("toegezegd", "beloofd") or not {"dat", "om"}.isdisjoint(after[:3]) or \
            any(w == "te" and v.endswith("en") for w, v in zip(after, after[1:]))
    if hit.first and s.low[hit.first - 1] in NOT_FINITE:       # "om … te gaan", "kunnen gaan": not finite
        return False
    lo, end = s.clause(hit.last)
    after = s.low[hit.last + 1:min(end, hit.last + 1 + AFTER)]
    if row in ("zal", "wordt") and _relative(s, lo, hit.first) and not (row == "zal" and "worden" in after):
        return False              # "militairen die een functie zullen bekleden", "een document dat … wordt opgesteld"
    if how == "ahead":
        return _ahead(s, hit)
    if row in ("zal", "gaat", "wil", "laat"):
        if row == "laat" and (hit.first and s.low[hit.first - 1] in ARTICLES or after[:1] in (["al"], ["zich"]) or
                              _opens(s, hit.first) and after[:1] in (["ik"], ["we"], ["wij"], ["mij"], ["ons"]) or
                              not {"heeft", "hebben", "had", "hadden"}.isdisjoint(s.low[lo:hit.first])):
            return False          # "een laat moment", "laat al … toetsen" (under way), "laat zich vertegenwoordigen",
                                  # "Laat ik vooropstellen", "heeft … laten prevaleren" (the past)
        verb = _first_verb(after)
        if after[:1] == ["dat"] or verb is None or verb in lex.not_acts:
            return False
        if row == "gaat" and (("in" in after and "op" in after) or after[:1] in (["over"], ["om"], ["uit"], ["er"])
                              or after[-1:] and after[-1] in PARTICLES
                              or hit.first and s.low[hit.first - 1] in ("er", *PARTICLES)):
            return False          # "gaat in op", "er gaan meer militairen naar", "dat training gepaard gaat met"
    elif row == "wordt":
        if not lex.measures.isdisjoint(after):
            return True
        # another participle, where the sentence says when: "Vanaf 2027 wordt de eindafrekening opgenomen", "wordt
        # in het voorjaar van 2027 aan beide Kamers der Staten-Generaal aangeboden" (the segment: a hyphen inside a
        # word cuts a clause)
        lo, hi = s.segment(hit.last)
        after = s.low[hit.last + 1:min(hi, hit.last + 1 + AFTER)]
        if not any(_PARTICIPLE.match(w) and w not in lex.not_measures for w in after) or \
                _agent_not_government(after):
            return False
        a, b = s.clause(hit.last)              # the date in the marker's own clause, not "die op 18 april 2019 …"
        return when(s.text, s.starts[a], s.ends[b - 1]) is not None
    elif row == "komt er" and not {"geen", "niet"}.isdisjoint(after[:2]):
        return False              # "Een algemene regeling komt er niet"
    elif row == "ontvangt u":
        return not any(w in ("nu", "hierbij", "bijgaand") for w in after)
    elif row == "komt … met":          # a deliverable, or a date in the clause ("komt voor de zomer met een agenda")
        return not lex.deliverables.isdisjoint(s.low[hit.last + 1:hit.last + 6]) or \
            when(s.text, s.starts[lo], s.ends[end - 1]) is not None
    if how == "dated":
        if hit.first and s.low[hit.first - 1] in ARTICLES:      # a noun: "bij de start van het project"
            return False
        return when(s.text, max(s.start, s.starts[hit.first] - 300), min(s.end, s.ends[hit.last] + 300)) is not None
    return True


_YEAR = re.compile(r"(?:19|20)\d\d$")
_DATED = re.compile(rf"\b\d{{1,2}} (?:{_MONTHS}) ((?:19|20)\d\d)\b")


@lru_cache(maxsize=4)
def _latest_dated_year(text: str) -> int:
    """The latest year of a full date in the text ("Den Haag, 14 november 2026"): about the year it was written."""
    return max((int(m.group(1)) for m in _DATED.finditer(text)), default=0)


def _imperative(s: Sentence) -> bool:
    """Whether the sentence opens with a verb in the imperative: a report's recommendation ("Formuleer bij toekomstige
    missies toetsbare doelen"), not a promise."""
    return len(s.low) > 2 and s.low[0] in commitment_lexicon().imperatives and s.capital(0) and \
        s.low[1] not in ("ik", "wij", "we", "u", "hij", "zij", "ze", "het", "de", "er")


def _in_item_cell(s: Sentence, hit: Hit) -> bool:
    """Whether the marker stands in a table row's first cell of text (the report's item, not the answer: "| 1 |
    Start eind 2027 met een pilot | Overgenomen |")."""
    at = s.starts[hit.first]
    line_end = s.text.find("\n", at, s.end)
    before = s.text[s.text.rfind("\n", 0, at) + 1:at].split("|")      # the cells before the marker's
    if len(before) < 2 and "|" not in s.text[at:s.end if line_end < 0 else line_end]:
        return False                          # not in a table row
    return not any(c.strip() and not c.strip().rstrip(".").replace(".", "").isdigit() for c in before[:-1])


def _opens(s: Sentence, i: int) -> bool:
    """Whether word ``i`` opens the sentence, or what follows a full stop or colon in it ("Voorzitter. Laat ik …")."""
    return i == 0 or s.text[s.ends[i - 1]:s.starts[i]].strip()[-1:] in (".", ":")


def _ahead(s: Sentence, hit: Hit) -> bool:
    """Whether a time that looks ahead ("vanaf 1 juni", "met ingang van", "de komende vier jaar") stands in a segment
    in the present tense: no word of ``past``, no "is"/"zijn" whose clause ends in a participle in "ge-" ("Vanaf 2020
    is het aantal gestegen"). "per" needs a date or a year right after it ("per 1 januari 2027", not "per
    doelstelling")."""
    if hit.row == "per":                    # "per", "begin", "medio", "eind", "uiterlijk": a date right after it
        k = hit.last + 1
        date = when(s.text, s.starts[k], s.ends[min(len(s.low), k + 4) - 1]) if k < len(s.low) else None
        if k >= len(s.low) or not (_YEAR.match(s.low[k]) or date and date.start() == s.starts[k]):
            return False                    # "per 1 januari 2027", "eind 2027"; not "eind 15 procent"
    lo, hi = s.segment(hit.first)
    words = s.low[lo:hi]
    if len(words) < 5:
        return False                          # a heading ("Uiterlijk bij"), not a sentence
    year = _YEAR.match(s.low[hit.last + 1]) if hit.last + 1 < len(s.low) else None
    if year and int(year.group()) < _latest_dated_year(s.text):
        return False                          # "Begin 2014 richtten de staatshoofden …", in a letter of 2019
    lex = commitment_lexicon()
    if not lex.past.isdisjoint(words) or not lex.obliged.isdisjoint(words) or \
            any(w.endswith(("eerde", "eerden")) for w in words) or \
            s.low[0] in ("als", "indien", "mits"):    # "reageerde", "presenteerden"; "Als dat haalbaar blijkt, …"
        return False
    a, b = s.clause(hit.first)
    if not {"om", "dat"}.isdisjoint(s.low[a:hit.first]) or "te" in s.low[hit.last + 1:b]:
        return False                          # the content of an item: "de aanbeveling om … voortaan … te melden",
                                              # "de conclusie dat de voorbereiding vanaf 2021 tekortschoot"
    for k, w in enumerate(words):
        if w in ("is", "zijn", "ben"):
            _, end = s.clause(lo + k)             # the participle closes the clause ("is het aantal … gestegen")
            if end - 1 > lo + k and _PERFECT.match(s.low[end - 1]):
                return False
    return True


def _agent_not_government(words: list[str]) -> bool:
    """Whether a passive names someone else as its agent: "wordt in november door de VN-Veiligheidsraad verlengd"."""
    others = item_lexicon().others
    for k, w in enumerate(words[:-1]):
        if w == "door":
            agent = words[k + 2] if words[k + 1] in ("de", "het") and k + 2 < len(words) else words[k + 1]
            return any(part in others for part in agent.split("-")) or is_agent(agent)
    return False


def _relative(s: Sentence, lo: int, first: int) -> bool:
    """Whether the marker at ``first`` stands in a relative clause: a relative pronoun shortly before it ("die",
    "wat", or "dat" right after a comma), with no government word between."""
    for i in range(first - 1, max(lo - 1, first - 7, -1), -1):
        w = s.low[i]
        if w in RELATIVES or (w == "dat" and i > 0 and s.comma[i - 1]):
            return not any(s.low[k] in ("ik", "wij", "we", "kabinet", "regering") for k in range(i + 1, first))
    return False


def _who(said: Said, hit: Hit) -> tuple[str | None, bool]:
    """(who says the marker, whether that is someone other than the government)."""
    s = said.s
    lo, _ = s.clause(hit.first)
    low = s.low
    # only the words that may name someone are asked who they name
    near = [i for r in (range(max(lo, hit.first - 5), hit.first), range(hit.first + 1, hit.last),
                        range(hit.last + 1, min(len(low), hit.last + 4))) for i in r if said.may_name(low[i])]
    for i in near:
        if said.actor(i) == "gov":
            return low[i], False
    for i in near:
        a = said.actor(i)
        if i <= hit.last and (a == "other" or (a == "agent" and low[i] not in GENERIC_AGENTS)):
            return low[i], True                    # another speaker before the marker: the subject
    # the subject further back in the clause: "De AIV waardeert de uitgebreide reactie en zal in 2027 …"
    first = next((i for i in range(lo, max(lo, hit.first - 5)) if said.may_name(low[i]) and said.actor(i)), None)
    if first is not None:
        a = said.actor(first)
        if a == "gov":
            return low[first], False
        if a == "other" or (a == "agent" and low[first] not in GENERIC_AGENTS):
            return low[first], True
    return None, False


def _said_by_others(said: Said, hit: Hit) -> bool:
    """Whether someone other than the government (a report too: "De evaluatie beveelt aan voortaan …", "De raad
    constateert dat … zal bepalen") speaks in the segment before the marker, and the government not."""
    s = said.s
    lo, _ = s.segment(hit.first)
    actors = [said.actor(i) for i in range(lo, hit.first) if said.may_name(s.low[i])]
    return "gov" not in actors and ("other" in actors or "agent" in actors)


class _Blocked:
    """The kinds of marker the exclusions of a sentence cancel, per clause (and per segment for those that reach
    the whole segment), not counting exclusions in quotation marks (a marker in them is skipped anyway)."""

    def __init__(self, s: Sentence):
        self.s = s
        self.by_clause: dict[tuple[int, int], list[tuple[int, set[str]]]] = {}
        self.by_segment: dict[int, set[str]] = {}
        self.forward: dict[int, list[tuple[int, int, set[str]]]] = {}    # by segment: "omdat" … up to a word
        lex = commitment_lexicon()
        segment_wide, unless_next = lex.segment_wide, lex.unless_next
        for x in lex.exclusions.find(s.low, where=s.where):
            if s.quoted[x.first] or (x.row in unless_next and s.low[x.last + 1:x.last + 2] and
                                     s.low[x.last + 1] in unless_next[x.row]):
                continue
            kinds = set(x.value.split(","))
            if x.row in lex.forward:        # to the segment's end; a clause the sentence opens with, to its comma
                lo, hi = s.segment(x.first)
                upto = s.next_comma(x.first) if x.first == lo else hi
                self.forward.setdefault(s.seg[x.first], []).append((x.first, upto, kinds))
                continue
            self.by_clause.setdefault(s.clause(x.first), []).append((x.first, kinds))
            if x.row in segment_wide:
                self.by_segment.setdefault(s.seg[x.first], set()).update(kinds)

    def cancels(self, hit: Hit) -> bool:
        """Whether an exclusion of the marker's clause (or segment) cancels it; not one in the "dat"/"om" clause
        that follows the marker ("Ik streef ernaar dat geen minderjarige langer dan zes weken …"); one that reaches
        forward ("omdat") cancels the markers after it in its segment."""
        s = self.s
        for at, kinds in self.by_clause.get(s.clause(hit.first), ()):
            if hit.value in kinds and not (at > hit.last and not {"dat", "om"}.isdisjoint(s.low[hit.last + 1:at])):
                return True
        if any(at < hit.first <= upto and hit.value in kinds
               for at, upto, kinds in self.forward.get(s.seg[hit.first], ())):
            return True
        return hit.value in self.by_segment.get(s.seg[hit.first], ())


def sentence_commitment(said: Said) -> Commitment | None:
    """The sentence's commitment, or None."""
    s = said.s
    index = commitment_lexicon().markers
    markers = index.find(s.low, breaks=s.comma, where=s.where)
    if not markers or s.text[s.start:s.end].rstrip(" \t\n\"'”’)»").endswith("?") or \
            _ITEM_LABEL.match(s.text, s.start) or _imperative(s):
        return None                     # a question asks for a promise ("Kan hij toezeggen dat …?"), it makes none;
                                        # "Aanbeveling 1: Stel bij toekomstige missies …" is the report's text
    blocked = None
    for found in markers:
        if s.quoted[found.first]:
            continue
        # the longest marker at a word first; when it makes no promise, a shorter one may ("komt er … een proef
        # met …": not "komt … met" a deliverable, but "komt er")
        hit = found if _acts(s, found) else next(
            (h for h in index.all_at(s.low, found.first, len(s.low), s.comma)[1:] if _acts(s, h)), None)
        if hit is None or (s.text.find("|", s.start, s.end) >= 0 and _in_item_cell(s, hit)):
            continue
        who, other = _who(said, hit)
        if other or (who is None and commitment_lexicon().requires.get(hit.row) == "government") or \
                (who is None and (hit.value == "ahead" or "dat" in s.low[s.segment(hit.first)[0]:hit.first])
                 and _said_by_others(said, hit)):
            continue
        if hit.value != "promise":
            blocked = blocked or _Blocked(s)
            if blocked.cancels(hit):
                continue
        date = when(s.text, s.start, min(s.end, s.start + 2000))
        return Commitment(s.start, s.end, hit.value, hit.row, who, date.group(0) if date else None)
    return None
