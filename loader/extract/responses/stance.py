"""Who says what about an item: the subject of a phrasing, and the stance a sentence takes on an item.

A stance is a phrasing of ``stances.yaml`` in the item's segment (outside the item's own content), said by the
government or by no one (a passive), and then:

- rejected when a negation stands right before or after it, in its gap, or right after a short item that follows
  it ("neemt … niet over", "onderschrijft de conclusie niet", "dat hij de conclusies niet onderschreef");
- partial when a scope word narrows it in the segment ("ten dele", "in grote lijnen", "veel van");
- partial when a contrast ("maar", "echter") follows its segment and names no item of its own
  ("accepteert de beschrijving, maar laat de kwalificaties voor rekening van de commissie");
- none when it stands in a purpose clause ("tijd om gevolg te geven aan de aanbevelingen"), an indirect question
  ("in hoeverre de aanbevelingen zijn opgevolgd"), or is used as a noun ("het overnemen van de aanbevelingen").

:class:`Said` holds what a sentence's rules ask about it more than once (who each word names, the stance phrasings
and scope words per segment), computed once per sentence, so that each question costs O(1) or O(log n).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ...scan import run_positions
from .lexicon import Hit, item_lexicon, stance_lexicon
from .reading import Positions, Sentence

SUBORDINATORS = frozenset({"waar", "als", "hoewel", "nu", "omdat", "terwijl", "zoals", "wanneer", "indien",
                           "doordat"})
PREPOSITIONS = frozenset({"tot", "met", "van", "zoals", "volgens", "naar", "aan", "op", "over", "bij", "voor", "uit",
                          "in", "tegen", "namens", "aldus", "overeenkomstig", "conform"})
PRONOUNS = frozenset({"zij", "hij", "ze"})
_BACK = frozenset({"ze", "die", "deze", "dat", "dit"})        # an object pointing back: "maar ik herken ze"
_IN_PHRASE = frozenset({"de", "het", "een", "uw", "mijn", "dit", "dat", "deze", "die"})   # "naar aanleiding van dit advies"
WE = frozenset({"wij", "we"})
_MEMBERS = frozenset({"landen", "lidstaten", "bondgenoten", "partners", "partnerlanden"})   # "EU-landen"
INDIRECT = frozenset({"hoeverre", "waarop", "hoe"})
# Words that start a sentence without being a name.
NOT_NAMES = frozenset({"de", "het", "een", "in", "op", "ook", "daarnaast", "tot", "dat", "dit", "die", "deze", "wel",
                       "niet", "zo", "met", "uit", "bij", "naar", "voor", "als", "waar", "hoewel", "daarom", "volgens",
                       "vervolgens", "gezien", "door", "om", "nu", "minister", "premier", "staatssecretaris", "date",
                       "hierbij", "tevens", "bovendien", "daarmee", "hiermee", "maar", "echter", "en", "of", "want"})
NAME_PARTICLES = frozenset({"de", "van", "der", "den", "minister", "premier", "staatssecretaris", "minister-president",
                            "vicepremier"})
_AFTER_NEGATION = frozenset({"alleen", "volledig", "geheel", "helemaal"})
_DETERMINERS = frozenset({"de", "het"})
_FRONTED = frozenset({"deze", "die", "dit", "dat", "dergelijke", "zo'n"})   # an object put first, pointing back
PASSIVE = frozenset({"werd", "wordt", "is", "werden", "worden", "zijn", "was"})     # the auxiliaries of a passive
ARTICLES = frozenset({"de", "het", "een"})
_PREPOSITIONS = frozenset({"aan", "met", "in", "op", "bij", "over", "van"})     # "Aan dit advies is gevolg gegeven"


def inverted_subject_end(low: list[str], i: int) -> int:
    """Where the government subject that stands right after a verb at ``i`` ends ("deelt *de regering* niet",
    "neemt *het kabinet* niet over"): ``i`` itself when no such subject stands there."""
    government = item_lexicon().government
    j = i
    if j < len(low) and low[j] in _DETERMINERS:
        j += 1
    if j < len(low) and low[j] in government:
        return j + 1
    return i


class Speakers:
    """Whether the report's author spoke in the sentence before (a "zij" then is the author: "Mevrouw Sorgdrager
    constateert dat … Ook stelt zij …")."""

    def __init__(self, aliases: frozenset[str] = frozenset(), we_author: bool = False) -> None:
        self.author_recent = False
        self.aliases = aliases          # abbreviations the text gives a report's author: "de Adviesraad Migratie (ASM)"
        self.we_author = we_author      # "wij" is the report's author: a council's page ("Dat blijkt uit ons onderzoek")
        # the words that may name a subject (``Said.may_name``), one set
        self.naming = _actor_words() | aliases if aliases else _actor_words()


# A report's author speaking of its own report: on such a page "wij" is the author, not the government.
_OWN_REPORT = re.compile(r"(?:onderzoek|rapport|advies|aanbeveling|aanbevelingen|conclusies|bevindingen|nawoord|"
                         r"toezichtsrapport|verantwoordingsonderzoek)\b")


def we_are_author(text: str) -> bool:
    """Whether the text's "wij" is a report's author ("Dat blijkt uit ons onderzoek", "Onze aanbeveling om …"). Found
    from the whole words "ons"/"onze" (``scan.run_positions``, shared with the other rules), not by a case-blind
    regex tried at every character nor a search of the text per spelling."""
    for word in ("ons", "onze"):
        for pos in run_positions(text, word):
            after = pos + len(word)
            if text[pos:after] in (word, word.capitalize()) and text.startswith(" ", after) and \
                    (pos == 0 or not text[pos - 1].isalnum()) and _OWN_REPORT.match(text, after + 1):
                return True
    return False


# "(ASM)": an abbreviation in brackets (the regex opens with a literal: it scans as fast as str.find)
_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")


def defined_aliases(text: str) -> frozenset[str]:
    """The abbreviations a text defines for a report or its author, in lower case: "de Commissie Veilig
    Munitiebeheer (CVM)" -> {"cvm"} (one of the seven words before the brackets names a report's author); not those
    of other names ("het Centraal Orgaan opvang asielzoekers (COA)")."""
    out = set()
    for m in _ABBREVIATION.finditer(text):
        abbreviation = m.group(1)
        if sum(c.isupper() for c in abbreviation) < 2 or is_agent(abbreviation.lower()):
            continue
        before = text[max(0, m.start() - 120):m.start()].split()[-7:]
        if any(is_agent(w.strip(",.;:'\"‘’“”").lower()) for w in before):
            out.add(abbreviation.lower())
    return frozenset(out)


@lru_cache(maxsize=4096)
def is_agent(word: str) -> bool:
    """Whether a word names a report or its author: "de commissie", "het rapport", "AIV", "OVV-rapport"."""
    lex = item_lexicon()
    if word in lex.agents or word in lex.bodies:
        return True
    head, _, tail = word.partition("-")
    return bool(tail) and (head in lex.agents or head in lex.bodies or tail in lex.agents)


class _once:
    """A property worked out on first use and kept in the instance (``functools.cached_property`` without its lock:
    a sentence's facts are asked thousands of times per document)."""

    def __init__(self, func):
        self.func, self.name = func, func.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@lru_cache(maxsize=1)
def _actor_words() -> frozenset[str]:
    """The words that may name a subject (besides hyphenated ones: "OVV-rapport", "commissie-Davids")."""
    lex = item_lexicon()
    return frozenset(lex.government | lex.others | lex.agents | lex.bodies | PRONOUNS | {"kamer"})


_UNKNOWN = object()


class Said:
    """A sentence with what its rules ask about it: who a word names (``actor``), who says a phrasing
    (``subject``), its stance phrasings, scope and "complete" words per segment. Each is worked out on first use
    and kept: most sentences need few of them (a sentence read only for its commitment needs the actors near its
    markers), none costs more than one pass over the sentence."""

    def __init__(self, s: Sentence, speakers: Speakers):
        self.s = s
        self.speakers = speakers
        self._actors: dict[int, str | None] = {}
        self._first_actor: dict[int, int] = {}
        self._phrases: dict[tuple[int, tuple[int, int]], Hit | None] = {}
        self._back: dict[int, Hit | None] = {}

    def may_name(self, word: str) -> bool:
        """Whether a word may name a subject at all (``actor`` of any other word is None): one of ``_actor_words``,
        an abbreviation the text gives a report's author, or a hyphenated word ("OVV-rapport", "commissie-Davids")."""
        return word in self.speakers.naming or "-" in word

    def actor(self, i: int) -> str | None:
        """What word ``i`` names as a possible subject (see ``_actor``)."""
        a = self._actors.get(i, _UNKNOWN)
        if a is _UNKNOWN:
            w = self.s.low[i]
            a = self._actors[i] = self._actor(i) if self.may_name(w) else None
        return a

    @_once
    def sub_comma(self) -> int:
        """The comma that closes a subordinate clause the sentence opens with ("Waar de AIV aanbeveelt …,"), or -1."""
        s = self.s
        if s.low and s.low[0] in SUBORDINATORS and s.next_comma(0) < s.seg_bounds[0][1]:
            return s.next_comma(0)
        return -1

    def first_actor(self, seg: int, after: int = -1) -> int:
        """The first word of segment ``seg`` (after word ``after``) that names an actor, or -1."""
        key = seg * 1_000_003 + after
        if key not in self._first_actor:
            lo, hi = self.s.seg_bounds[seg]
            low = self.s.low
            self._first_actor[key] = next((i for i in range(max(lo, after + 1), hi)
                                           if self.may_name(low[i]) and self.actor(i)), -1)
        return self._first_actor[key]

    @_once
    def name_first(self) -> bool:
        return self._name_at_start()

    @_once
    def names_author(self) -> bool:
        """Whether the sentence names a report or its author anywhere, in a prepositional phrase too ("met de
        AIV")."""
        return any(is_agent(w) or w in self.speakers.aliases for w in self.s.where if self.may_name(w))

    @_once
    def hits(self) -> list[Hit]:
        s = self.s
        return [h for h in stance_lexicon().stances.find(s.low, breaks=s.comma, where=s.where) if self._counts(h)]

    @_once
    def hits_by_seg(self) -> dict[int, list[Hit]]:
        out: dict[int, list[Hit]] = {}
        for h in self.hits:
            out.setdefault(self.s.seg[h.first], []).append(h)
        return out

    @_once
    def firsts_by_seg(self) -> dict[int, list[int]]:
        return {seg: [h.first for h in hits] for seg, hits in self.hits_by_seg.items()}

    @_once
    def scope(self) -> Positions:
        s = self.s
        return Positions([h.first for h in stance_lexicon().scope.find(s.low, where=s.where)])

    @_once
    def complete(self) -> Positions:
        s, lex = self.s, stance_lexicon()
        return Positions([h.first for h in lex.complete.find(s.low, where=s.where)
                          if not (h.first and s.low[h.first - 1] in lex.negations)])  # "niet volledig" narrows

    def _actor(self, i: int) -> str | None:
        """What word ``i`` names as a possible subject: "gov", "agent" (a report or its author), "other"
        (parliament, a motion) or None. A word in a prepositional phrase names no subject ("in tegenstelling tot de
        AIV", "de mening van de AIV"); "door het kabinet" does (the agent of a passive)."""
        s, lex = self.s, item_lexicon()
        w = s.low[i]
        for k in (i - 1, i - 2):
            if k >= 0 and s.low[k] in PREPOSITIONS and (k == i - 1 or s.low[i - 1] in _IN_PHRASE):
                return None
        if w in PRONOUNS and self.speakers.author_recent:
            return "agent"
        if w in WE and self.speakers.we_author:
            return "agent"
        if w == "kamer" and i > 0 and s.low[i - 1] == "uw":        # the addressee, not a speaker
            return None
        if i + 1 < len(s.low) and s.low[i + 1] in ("om", "dat") and w in lex.nouns:
            return None               # an item with its content, not a speaker: "Het advies om … wijst het kabinet af"
        if w in lex.government:
            return "gov"
        if w in lex.others or ("-" in w and w.split("-", 1)[0] in lex.others and w.rsplit("-", 1)[1] in _MEMBERS):
            return "other"                                      # "EU-landen", not "VN-document"
        if is_agent(w) or w in self.speakers.aliases:
            return "agent"
        return None

    def _name_at_start(self) -> bool:
        """Whether the sentence opens with a name in no list ("Yesilgöz noemt", "De Jonge verzet zich")."""
        s = self.s
        for i in range(min(3, len(s.low))):
            if s.capital(i) and s.low[i] not in NOT_NAMES and not s.low[i][:1].isdigit():
                return True
            if s.low[i] not in NAME_PARTICLES:
                break
        return False

    def subject(self, first: int, last: int, names: bool = True) -> str | None:
        """Who says the phrase at words ``first..last``: the first actor of its segment before it (skipping a clause
        the sentence opens with a subordinator, for a phrase after that clause's comma), else one in the phrase's gap
        or in the three words after it (inversion, "door het kabinet"); a sentence that opens with a name in no list
        is the government's, a minister's (unless ``names`` is false)."""
        s = self.s
        seg = s.seg[first]
        lo = s.segment(first)[0]
        if s.low[lo] in _FRONTED or (s.low[lo] in _PREPOSITIONS and lo + 1 < len(s.low)
                                     and s.low[lo + 1] in _FRONTED):
            if inverted_subject_end(s.low, last + 1) > last + 1 or inverted_subject_end(s.low, first + 1) > first + 1:
                return "gov"      # "Deze analyse deelt het kabinet", "Dit advies neem ik niet over": the object
                #                   first, the subject after the verb
            if s.low[first] in PASSIVE or (first > lo and s.low[first - 1] in PASSIVE):
                return None       # "Dit advies wordt overgenomen", "Aan dit advies is gevolg gegeven": a passive
        after = self.sub_comma if seg == 0 and 0 <= self.sub_comma < first else -1
        before = self.first_actor(seg, after)
        if 0 <= before < first:
            if ("om" in s.low[lo:before] or "dat" in s.low[lo:before]) and \
                    inverted_subject_end(s.low, first + 1) > first + 1:
                return "gov"  # "Onze aanbeveling om de Kamer … te informeren neemt de minister niet over": the
                #               actor before stands in the item's content, the subject after the verb
            return self.actor(before)
        for i in range(first + 1, min(len(s.low), last + 4)):
            if self.actor(i):
                return self.actor(i)
        return "gov" if names and self.name_first else None

    def _counts(self, h: Hit) -> bool:
        """Whether a stance phrasing is said by the government or no one, and not as a noun, in a purpose clause or
        in an indirect question."""
        s = self.s
        before = s.low[h.first - 1] if h.first else ""
        if before == "een" or (before in ("het", "de") and (s.low[h.first].endswith("en") or s.low[h.first] == "deel")):
            return False                            # a noun: "het overnemen van de aanbevelingen", "een deel"
        if ((h.first and s.low[h.first - 1] == "te") or "te" in s.low[h.first:h.first + 2]) and \
                self._purpose(h.first) and "vast" not in s.low[h.first:h.last + 1]:
            return False                                        # "tijd om gevolg te geven aan"
        if h.value != "rejected" and not INDIRECT.isdisjoint(s.low[max(0, h.first - 8):h.first]):
            return False                                        # "in hoeverre de aanbevelingen zijn opgevolgd"
        return self.subject(h.first, h.last) not in ("agent", "other")

    def _purpose(self, first: int) -> bool:
        """Whether the phrase at ``first`` stands in a purpose clause: an "om" shortly before it that is no item's
        content link ("de aanbeveling om … niet op te volgen")."""
        s, nouns = self.s, item_lexicon().nouns
        for i in range(first - 1, max(-1, first - 7), -1):
            if s.low[i] == "om":
                return not any(w in nouns for w in s.low[max(0, i - 5):i])
        return False

    def negated(self, hit: Hit, content: tuple[int, int], noun_at: int) -> bool:
        """Whether a negation applies to ``hit``: right before or after it, in its gap, or right after a short item
        (at ``noun_at``, without content) that follows it; never inside the item's content, never "niet alleen"."""
        s, lex = self.s, stance_lexicon()
        if hit.value == "rejected":
            return False
        idx = [*range(max(0, hit.first - 2), hit.first), hit.last + 1]
        subject = inverted_subject_end(s.low, hit.last + 1)
        if subject > hit.last + 1:      # "Deze conclusie deelt de regering niet": the subject after the verb
            idx.append(subject)
        if hit.gap:
            idx.extend(range(*hit.gap))
        if content[0] < 0 and noun_at > hit.last:
            idx.extend((noun_at + 1, noun_at + 2))
        for i in idx:
            if 0 <= i < len(s.low) and s.low[i] in lex.negations and not content[0] <= i <= content[1]:
                if i + 1 < len(s.low) and s.low[i + 1] in _AFTER_NEGATION:
                    continue
                return True
        return False

    def nearest_hit(self, noun_at: int, content: tuple[int, int]) -> Hit | None:
        """The stance phrasing of the item's segment nearest to ``noun_at``, outside the item's content."""
        s = self.s
        hits = self.hits_by_seg.get(s.seg[noun_at] if noun_at >= 0 else 0)
        if not hits:
            return None
        firsts = self.firsts_by_seg[s.seg[noun_at] if noun_at >= 0 else 0]
        i = bisect_left(firsts, noun_at)
        best, dist = None, None
        j = i - 1                     # to the left, skipping the content
        while j >= 0 and content[0] <= firsts[j] <= content[1]:
            j = bisect_left(firsts, content[0]) - 1
        if j >= 0:
            best, dist = hits[j], noun_at - firsts[j]
        k = i                         # to the right, skipping the content
        if k < len(firsts) and content[0] <= firsts[k] <= content[1]:
            k = bisect_left(firsts, content[1] + 1)
        if k < len(firsts) and (dist is None or firsts[k] - noun_at < dist):
            best = hits[k]
        return best

    def pointed_back(self, noun_at: int) -> Hit | None:
        """For an item named without its content in a segment that takes no stance: the stance phrasing of the next
        segment that does, when its object is a pronoun pointing back and that segment names no item of its own
        ("Deze conclusies zijn pijnlijk, maar ik herken ze", "Het advies is helder en die neem ik over")."""
        seg = self.s.seg[noun_at]
        if seg in self.hits_by_seg:
            return None
        segs = self.hit_segments
        i = bisect_left(segs, seg)
        return self._pointing_back(segs[i]) if i < len(segs) else None

    @_once
    def hit_segments(self) -> list[int]:
        return sorted(self.hits_by_seg)

    def _pointing_back(self, k: int) -> Hit | None:
        """The stance phrasing of segment ``k`` whose object points back, if the segment names no item (once per
        segment)."""
        if k not in self._back:
            s, found = self.s, None
            lo, hi = s.segment(self.hits_by_seg[k][0].first)
            if item_lexicon().nouns.keys().isdisjoint(s.low[lo:hi]):
                found = next((h for h in self.hits_by_seg[k]
                              if not _BACK.isdisjoint(s.low[max(lo, h.first - 1):min(hi, h.last + 2)])), None)
            self._back[k] = found
        return self._back[k]

    def stance_phrase(self, noun_at: int, content: tuple[int, int]) -> Hit | None:
        """The stance phrasing of the item named at word ``noun_at`` whose own content is the words ``content``:
        the nearest of its segment outside the content (``nearest_hit``), else one whose gap holds the content
        (``around``). Kept per item: asked for its stance, then for who took it."""
        key = (noun_at, content)
        if key not in self._phrases:
            self._phrases[key] = self.nearest_hit(noun_at, content) or self.around(content)
        return self._phrases[key]

    def around(self, content: tuple[int, int]) -> Hit | None:
        """A stance phrasing whose gap holds the item's content, longer than a gap may be ("neemt de aanbeveling om
        … niet over"): found in the words of the sentence without the content, its word indexes those of the
        sentence."""
        s = self.s
        a, b = content
        if a < 0 or b - a < 3:
            return None
        words, breaks = s.low[:a] + s.low[b + 1:], s.comma[:a] + s.comma[b + 1:]
        width = b - a + 1

        def back(i: int) -> int:
            return i if i < a else i + width

        for h in stance_lexicon().stances.find(words, breaks=breaks):
            if h.first < a <= h.last and h.gap and h.gap[0] <= a <= h.gap[1]:
                hit = Hit(h.phrase, h.first, back(h.last), (h.gap[0], h.gap[1] + width))
                if self._counts(hit):
                    return hit
        return None

    def stance_of(self, noun_at: int, content: tuple[int, int]) -> str | None:
        """The stance the sentence takes on the item named at word ``noun_at`` whose own content is the words
        ``content`` (or (-1, -2)): the nearest stance phrasing of its segment outside the content, then negated or
        narrowed; "contrast" when an unqualified full stance is followed by a contrast (the caller decides: partial
        unless the contrast names an item of its own)."""
        hit = self.stance_phrase(noun_at, content) or \
            (self.pointed_back(noun_at) if content[0] < 0 <= noun_at else None)
        if hit is None:
            return None
        if self.negated(hit, content, noun_at):
            return "rejected"
        if hit.value != "full":
            return hit.value
        s = self.s
        lo, hi = s.segment(hit.first)

        def outside(positions: Positions) -> bool:
            if content[0] < 0:
                return positions.any_in(lo, hi)
            return positions.any_in(lo, min(hi, content[0])) or positions.any_in(max(lo, content[1] + 1), hi)

        complete = outside(self.complete)
        if not complete and outside(self.scope):         # (the scope words are looked for only then)
            return "partial"
        if not complete and hi < len(s.low) and s.low[hi] in stance_lexicon().contrasts:
            return "contrast"
        return "full"


    def group_stance(self, group: tuple[int, int], next_group: int) -> str | None:
        """The stance of a group of numbers ("aanbevelingen 2.2 en 3.1 volledig, en 2.1 ten dele"): that of the
        first stance word after it, before the next group (``next_group``) or its segment's end: a negation
        (rejected), a scope word (partial), a "complete" word (full) or a stance phrasing; None when there is none
        or its segment takes no stance at all."""
        s = self.s
        seg = s.seg[group[0]]
        if seg not in self.hits_by_seg:
            return None
        lo, hi = group[1], min(next_group, s.segment(group[0])[1])
        negations, candidates = stance_lexicon().negations, []
        neg = next((i for i in range(lo, min(hi, lo + 12)) if s.low[i] in negations
                    and not (i + 1 < len(s.low) and s.low[i + 1] in _AFTER_NEGATION)), None)
        if neg is not None:
            candidates.append((neg, "rejected"))
        for positions, stance in ((self.scope, "partial"), (self.complete, "full")):
            k = bisect_left(positions.at, lo)
            if k < len(positions.at) and positions.at[k] < hi:
                candidates.append((positions.at[k], stance))
        firsts = self.firsts_by_seg[seg]
        k = bisect_left(firsts, lo)
        if k < len(firsts) and firsts[k] < hi:
            hit = self.hits_by_seg[seg][k]
            candidates.append((hit.first, "rejected" if self.negated(hit, (-1, -2), -1) else hit.value))
        return min(candidates)[1] if candidates else None


ANSWERS = {"ja": "full", "nee": "rejected", "neen": "rejected", "deels": "partial", "gedeeltelijk": "partial"}


def stance_in(text: str, start: int, end: int, fragment: str | None) -> str | None:
    """The stance a short answer states ("Overgenomen", "Niet overgenomen", "Deels overgenomen", "Ja"), where
    ``fragment`` is found in ``text`` from ``start``; None when it states none."""
    if not fragment:
        return None
    at = text.find(fragment, start, end)
    if at < 0:
        return None
    s = Sentence.read(text, at, at + len(fragment))
    if not s.low:
        return None
    if s.low[0] in ANSWERS:
        return ANSWERS[s.low[0]]
    said = Said(s, Speakers())
    return said.stance_of(said.hits[0].first, (-1, -2)) if said.hits else None
