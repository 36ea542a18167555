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
"""

from __future__ import annotations

from .lexicon import Hit, item_lexicon, stance_lexicon
from .reading import Sentence

SUBORDINATORS = frozenset({"waar", "als", "hoewel", "nu", "omdat", "terwijl", "zoals", "wanneer", "indien",
                           "doordat"})
PREPOSITIONS = frozenset({"tot", "met", "van", "zoals", "volgens", "naar", "aan", "op", "over", "bij", "voor", "uit",
                          "in", "tegen", "namens", "aldus"})
PRONOUNS = frozenset({"zij", "hij", "ze"})
INDIRECT = frozenset({"hoeverre", "waarop", "hoe"})
# Words that start a sentence without being a name.
NOT_NAMES = frozenset({"de", "het", "een", "in", "op", "ook", "daarnaast", "tot", "dat", "dit", "die", "deze", "wel",
                       "niet", "zo", "met", "uit", "bij", "naar", "voor", "als", "waar", "hoewel", "daarom", "volgens",
                       "vervolgens", "gezien", "door", "om", "nu", "minister", "premier", "staatssecretaris", "date",
                       "hierbij", "tevens", "bovendien", "daarmee", "hiermee", "maar", "echter", "en", "of", "want"})
NAME_PARTICLES = frozenset({"de", "van", "der", "den", "minister", "premier", "staatssecretaris", "minister-president",
                            "vicepremier"})


class Speakers:
    """Whether the report's author spoke in the sentence before (a "zij" then is the author: "Mevrouw Sorgdrager
    constateert dat … Ook stelt zij …")."""

    def __init__(self) -> None:
        self.author_recent = False


def is_agent(word: str) -> bool:
    """Whether a word names a report or its author: "de commissie", "het rapport", "AIV", "OVV-rapport"."""
    lex = item_lexicon()
    if word in lex.agents or word in lex.bodies:
        return True
    head, _, tail = word.partition("-")
    return bool(tail) and (head in lex.agents or head in lex.bodies or tail in lex.agents)


def actor(s: Sentence, i: int, speakers: Speakers) -> str | None:
    """What word ``i`` names as a possible subject: "gov", "agent" (a report or its author), "other" (parliament, a
    motion) or None. A word in a prepositional phrase names no subject ("in tegenstelling tot de AIV", "de mening
    van de AIV"); "door het kabinet" does (the agent of a passive)."""
    lex = item_lexicon()
    w = s.low[i]
    for k in (i - 1, i - 2):
        if k >= 0 and s.low[k] in PREPOSITIONS and (k == i - 1 or s.low[i - 1] in ("de", "het", "een", "uw", "mijn")):
            return None
    if w in PRONOUNS and speakers.author_recent:
        return "agent"
    if w == "kamer" and i > 0 and s.low[i - 1] == "uw":        # the addressee, not a speaker
        return None
    if w in lex.government:
        return "gov"
    if w in lex.others:
        return "other"
    if is_agent(w):
        return "agent"
    return None


def subject(s: Sentence, first: int, last: int, speakers: Speakers, names: bool = True) -> str | None:
    """Who says the phrase at words ``first..last``: the first actor of its segment before it (skipping a clause the
    sentence opens with a subordinator, for a phrase after that clause's comma), else one in the phrase's gap or in
    the three words after it (inversion, "door het kabinet"); a sentence that opens with a name in no list
    ("Yesilgöz noemt", "De Jonge verzet zich") is the government's, a minister's (unless ``names`` is false)."""
    lo, _ = s.segment(first)
    if s.low[0] in SUBORDINATORS:
        for i in range(lo, first):
            if s.comma[i]:
                lo = i + 1
                break
    for i in [*range(lo, first), *range(first + 1, last), *range(last + 1, min(len(s), last + 4))]:
        a = actor(s, i, speakers)
        if a:
            return a
    for i in range(min(3, len(s)) if names else 0):
        if s.capital(i) and s.low[i] not in NOT_NAMES and not s.low[i][:1].isdigit():
            return "gov"
        if s.low[i] not in NAME_PARTICLES:
            break
    return None


def stance_hits(s: Sentence, speakers: Speakers) -> list[Hit]:
    """The stance phrasings of a sentence said by the government or by no one."""
    out = []
    for h in stance_lexicon().stances.find(s.low, breaks=s.comma):
        before = s.low[max(0, h.first - 8):h.first]
        if h.first and s.low[h.first - 1] in ("het", "de") and s.low[h.first].endswith("en"):
            continue                                            # "het overnemen van de aanbevelingen"
        if ((h.first and s.low[h.first - 1] == "te") or "te" in s.low[h.first:h.first + 2]) and \
                _purpose(s, h.first) and "vast" not in s.low[h.first:h.last + 1]:
            continue                                            # "tijd om gevolg te geven aan"
        if h.value != "rejected" and any(w in INDIRECT for w in before):
            continue                                            # "in hoeverre de aanbevelingen zijn opgevolgd"
        if subject(s, h.first, h.last, speakers) in ("agent", "other"):
            continue
        out.append(h)
    return out


def _purpose(s: Sentence, first: int) -> bool:
    """Whether the phrase at ``first`` stands in a purpose clause ("tijd om gevolg te geven aan"): an "om" shortly
    before it that is no item's content link ("de aanbeveling om … niet op te volgen")."""
    nouns = item_lexicon().nouns
    for i in range(first - 1, max(-1, first - 7), -1):
        if s.low[i] == "om":
            return not any(w in nouns for w in s.low[max(0, i - 5):i])
    return False


def negated(s: Sentence, hit: Hit, content: tuple[int, int], noun_at: int) -> bool:
    """Whether a negation applies to ``hit``: right before or after it, in its gap, or right after a short item
    (at ``noun_at``, without content) that follows it; never inside the item's content, never "niet alleen"."""
    lex = stance_lexicon()
    if hit.value == "rejected":
        return False
    idx = [*range(max(0, hit.first - 2), hit.first), hit.last + 1]
    if hit.gap:
        idx.extend(range(*hit.gap))
    if content[0] < 0 and noun_at > hit.last:
        idx.extend((noun_at + 1, noun_at + 2))
    for i in idx:
        if 0 <= i < len(s) and s.low[i] in lex.negations and not content[0] <= i <= content[1]:
            if i + 1 < len(s) and s.low[i + 1] in ("alleen", "volledig", "geheel", "helemaal"):
                continue
            return True
    return False


def stance_of(s: Sentence, hits: list[Hit], noun_at: int, content: tuple[int, int]) -> str | None:
    """The stance the sentence takes on the item named at word ``noun_at`` whose own content is the words
    ``content`` (or (-1, -2)): the nearest of ``hits`` in its segment outside the content, then negated or
    narrowed; "contrast" when an unqualified full stance is followed by a contrast (the caller decides: partial
    unless the contrast names an item of its own)."""
    lex = stance_lexicon()
    seg = s.seg[noun_at] if noun_at >= 0 else 0

    def outside(h: Hit) -> bool:
        return not content[0] <= h.first <= content[1]

    mine = [h for h in hits if s.seg[h.first] == seg and outside(h)]
    if not mine:
        return None
    hit = min(mine, key=lambda h: abs(h.first - noun_at))
    if negated(s, hit, content, noun_at):
        return "rejected"
    if hit.value != "full":
        return hit.value
    lo, hi = s.segment(hit.first)
    complete = [h for h in lex.complete.find(s.low, lo, hi) if outside(h)
                and not (h.first and s.low[h.first - 1] in lex.negations)]         # "niet volledig" narrows
    if [h for h in lex.scope.find(s.low, lo, hi) if outside(h)] and not complete:
        return "partial"
    if not complete and hi < len(s) and s.low[hi] in lex.contrasts:
        return "contrast"
    return "full"


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
    hits = [h for h in stance_lexicon().stances.find(s.low)]
    return stance_of(s, hits, hits[0].first, (-1, -2)) if hits else None


ANSWERS = {"ja": "full", "nee": "rejected", "neen": "rejected", "deels": "partial", "gedeeltelijk": "partial"}
