"""Items (recommendations and findings) named in running text, one sentence at a time.

- ``verb_items``: a report states them: "De Inspectie concludeert dat …", "pleit de AIV voor …", "Uit het onderzoek
  blijkt dat …", "Ook werd geconstateerd dat …" (``report_verbs`` of items.yaml, said by a report or its author);
- ``noun_items``: an item noun names them: "de aanbeveling (van de WRR) om …", "de conclusie dat …" (with their
  content); "aanbeveling 3", "aanbevelingen 2.1 en 3.2" (numbered); "de aanbevelingen ‘A’ en ‘B’" (titles);
  "de aanbevelingen", "het advies" (a group); "deze aanbeveling", "beide conclusies" (anaphors);
- ``attributed_items``: "…, aldus de Inspectie", "volgens de commissie …", "Dat is de conclusie van …" (the
  sentence before), "… en daarom pleit de AIV voor …" (the reason is a finding), "de door de WRR ontwikkelde …";
- ``endorsed_items``: what the government says it endorses or rejects, in a document that answers a report:
  "Het kabinet erkent dat …", "Met de AIV is het kabinet van mening dat …", "…, erkent de premier", "ziet, in
  tegenstelling tot de AIV, geen noodzaak om …" (stance rows with ``content``).

An item's content runs from the word after its link ("om", "dat") to the end of its segment, or to the comma that
closes a subordinate clause the sentence opens with, or (after "om") to the first comma after its infinitive (or to
the infinitive, unless a preposition follows it: ``EXTRAPOSED``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .layout import expand_numbers
from .lexicon import item_lexicon, stance_lexicon
from .reading import Positions, Sentence
from .stance import ARTICLES, PASSIVE, PRONOUNS, SUBORDINATORS, WE, Said, inverted_subject_end, is_agent

MODALS = frozenset({"moet", "moeten", "dient", "dienen", "belang", "noodzakelijk", "nodig", "wenselijk"})
NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})?[a-z]?$")
RANGE = re.compile(r"\d{1,2}(?:\.\d{1,2})?-\d{1,2}(?:\.\d{1,2})?$")          # "3-7", a range in one word
MAX_CONTENT = 80            # words of an item's content kept (its first words name it; a longer one is a list)
GLUE = frozenset({"van", "de", "het", "der", "uit", "door", "in", "die", "een", "was", "is", "luidt", "luidde", "ook"})
COPULAS = frozenset({"zijn", "is", "was", "waren", "noemt", "noemde", "noemen", "vindt", "vond", "vinden", "acht",
                     "achten"})
_ATTRIBUTIONS = frozenset({"aldus", "volgens", "daarom", "door"})      # the words attributed_items starts from
# A preposition right after the infinitive of an "om … te" item opens a phrase that belongs to the item ("om alle
# veteranen te benaderen met een aanbod voor nazorg"); the item then runs on to the end of its segment, or to the
# particle or negation of the main verb ("neemt de aanbeveling om … te doen met voorrang niet over").
EXTRAPOSED = frozenset({"met", "tot", "voor", "van", "bij", "in", "naar", "door", "zonder", "binnen", "via", "onder",
                        "uit", "na", "tegen", "rond", "vanaf", "per", "op"})
CLOSING = frozenset({"over", "niet", "af", "toe", "aan", "geen"})
_CLUSTER = frozenset({"laten", "doen", "blijven", "leren", "helpen"})      # "te laten toetsen": one infinitive
# "De eerste aanbeveling neem ik over": an item named by its place among those named before it.
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8,
            "laatste": -1}
_OWNERS = frozenset({"de", "uw", "haar", "zijn", "hun", "onze", "ons"})
QUOTES = {'"': '"', "“": "”", "„": "”", "«": "»", "‘": "’", "'": "'"}


@dataclass(slots=True)
class Item:
    """An item as a sentence names it. ``start``/``end`` is its text: its content, or for a group or an anaphor the
    whole sentence."""

    kind: str                                   # recommendation | finding
    start: int
    end: int
    sentence: tuple[int, int]
    how: str                                    # the rule: verb, noun, numbered, quoted, group, anaphor, ...
    noun_at: int = -1                           # word index of the noun or verb that names it
    content: tuple[int, int] = (-1, -2)         # word indexes of its content in the sentence
    number: str | None = None
    collective: bool = False
    stance: str | None = None
    by: str | None = None                       # who took the stance
    quote: tuple[int, int] | None = None        # the sentence that states the stance
    appraised: bool = False
    needs_stance: bool = False                  # named only in passing ("het advies over X"): listed with a stance
    numbers_at: tuple[int, int] | None = None   # a numbered item: the word indexes [from, to) of its number list
    ordinals: tuple[int, ...] = ()              # an anaphor by place: "de eerste aanbeveling" (1,), "de laatste"
    #                                             (-1,), "de eerste en de derde" (1, 3), "de eerste twee" (1, 2)
    pointer: bool = False                       # only points back ("dit beeld"): no item when nothing is before it
    every: bool = False                         # a group named with "alle": "Wij nemen alle aanbevelingen over"

    @property
    def group(self) -> bool:
        return self.how in ("group", "anaphor")


def content_end(s: Sentence, first: int, link: str) -> int:
    """The last word of an item's content that starts at word ``first`` (see the module docstring); at most
    ``MAX_CONTENT`` words."""
    lo, hi = s.segment(first)
    last = min(hi - 1, first + MAX_CONTENT - 1)
    if s.low[0] in SUBORDINATORS and s.next_comma(first) < last:
        return s.next_comma(first)
    if link == "om":
        stances = stance_lexicon().stances
        for i in range(first, last):
            if s.low[i] == "te":
                comma = s.next_comma(i + 1)
                if comma < last:
                    verb = infinitive_end(s, i, comma)   # "om … te harmoniseren | is het kabinet positief, mits …"
                    if any(stances.match_at(s.low, j, comma + 1, s.comma) for j in range(verb + 1, comma + 1)):
                        return verb
                    return _before_inverted_verb(s, first, comma)
                verb = infinitive_end(s, i, last)
                if verb + 1 <= last and s.low[verb + 1] in EXTRAPOSED:  # "te benaderen met een aanbod voor nazorg"
                    # but not "(te zetten voor Afrika) sluit aan bij …"
                    return next((j - 1 for j in range(verb + 2, last + 1) if s.low[j] in CLOSING or
                                 stances.match_at(s.low, j, last + 1, s.comma)), last)
                return min(verb, last)
    comma = s.next_comma(first)
    if comma < last and _inverted_after(s, comma + 1):
        return comma          # "de conclusie dat de ambassade onvoorbereid was, vindt hij te kort door de bocht"
    return _before_inverted_verb(s, first, last)


_SUBJECTS = PRONOUNS | WE | {"ik"}


def _inverted_after(s: Sentence, i: int) -> bool:
    """Whether the words from ``i`` are a verb and its subject after it ("vindt hij", "deelt het kabinet")."""
    return i + 1 < len(s.low) and (s.low[i + 1] in _SUBJECTS or inverted_subject_end(s.low, i + 1) > i + 1)


def infinitive_end(s: Sentence, te: int, last: int) -> int:
    """The last word of the infinitive after "te" at word ``te`` (at most ``last``): the whole cluster of "te laten
    concentreren", "te laten toetsen"."""
    verb = te + 1
    while verb + 1 <= last and s.low[verb] in _CLUSTER and not s.comma[verb] and s.low[verb + 1].endswith("en") and \
            s.low[verb + 1] not in ("en", "worden", "werden", "zijn", "hebben"):
        verb += 1
    return verb


def _before_inverted_verb(s: Sentence, first: int, last: int) -> int:
    """``last``, or the word before the verb when the content runs into the main verb and its subject after it
    ("Ook de conclusie dat de context onvoldoende werd meegewogen *deel ik*", "… *neemt het kabinet niet over*")."""
    low, government = s.low, item_lexicon().government
    j = last
    while j > first and low[j] in CLOSING:
        j -= 1
    if j <= first or low[j] not in government:
        return last
    j -= 1
    if low[j] in ("het", "de"):
        j -= 1
    return j - 1 if j - 1 > first else last


def _with_content(s: Sentence, kind: str, link_at: int, how: str, noun_at: int) -> Item | None:
    first = link_at + 1
    if first >= len(s.low):
        return None
    last = content_end(s, first, s.low[link_at])
    a, b = s.span(first, last)
    return Item(kind, a, b, (s.start, s.end), how, noun_at=noun_at, content=(first, last))


def _link_after(s: Sentence, i: int, links: tuple[str, ...], within: int = 8) -> int:
    for j in range(i + 1, min(len(s.low), i + 1 + within)):
        if s.seg[j] != s.seg[i]:
            break
        if s.low[j] in links:
            return j
    return -1


def verb_items(said: Said) -> list[Item]:
    s = said.s
    out = []
    for h in item_lexicon().verbs.find(s.low, breaks=s.comma, where=s.where):
        passive = h.first > 0 and s.low[h.first - 1] in PASSIVE and s.low[h.first].startswith("ge")
        impersonal = h.row == "blijkt" and "uit" in s.low[max(0, h.first - 7):h.last + 2]   # "(uit …) blijkt (uit …)"
        if not (passive or impersonal or said.subject(h.first, h.last) == "agent"):
            continue
        if h.phrase.words[-1] in ("voor", "ervoor", "op"):
            link = h.last + 1 if h.last + 1 < len(s.low) and s.low[h.last + 1] == "om" else h.last
        else:
            link = _link_after(s, h.last, ("dat", "om") if h.value == "recommendation" else ("dat",))
            if link > 0 and h.value == "recommendation" and s.low[link] == "dat" and "te" in s.low[h.last + 2:link]:
                link = h.last           # "adviseert het voorstel zo aan te passen dat …": the infinitive first
            if link < 0 and h.value == "recommendation" and (
                    h.phrase.words[-1] in ("aan", "op") and len(s.low) - h.last > 3 or _te_after(s, h.last)):
                link = h.last           # "De commissie raadt de minister aan de regels te vereenvoudigen.", "De
                #                         Afdeling adviseert het Toetsingskader te herzien."
            if link < 0 and h.value == "recommendation" and h.last + 2 < len(s.low) and \
                    s.low[h.last + 1] in ("een", "meer", "minder", "extra") and s.seg[h.last + 1] == s.seg[h.last]:
                link = h.last           # what it advises, a noun phrase: "De Rli adviseert een algeheel verbod op …"
            if link < 0:
                continue
            if link == h.last:        # "Daarnaast adviseren de onderzoekers de inzet … te beëindigen": past the subject
                j = h.last + 2 if s.low[h.last + 1:h.last + 2] in (["de"], ["het"]) else h.last + 1
                if j < len(s.low) - 1 and said.actor(j) == "agent":
                    link = j
        item = _with_content(s, h.value, link, "verb", h.first)
        if item and s.low[link] == "dat" and item.content[1] - item.content[0] < 2:
            continue                    # "vindt dat teleurstellend": "dat" is the object, not a clause
        if item:
            if item.kind == "finding" and s.low[link] == "dat" and _normative(s, item.content,
                                                                             h.row in item_lexicon().opinions):
                item.kind = "recommendation"    # "De Afdeling wijst erop dat de weging in de wet moet worden verankerd"
            out.append(item)
            if item.kind == "recommendation" and s.low[link] != "dat":
                out.extend(coordinated(s, item))
    return out


def coordinated(s: Sentence, item: Item) -> list[Item]:
    """The recommendations listed after an "om … te" item in the same sentence, each with an infinitive of its own
    ("beveelt aan om A in te voeren, B jaarlijks te laten toetsen en C te informeren over D"): one item each."""
    out: list[Item] = []
    a = item.content[1] + 1
    lo, hi = s.segment(item.content[0])
    low = s.low
    if not (a < hi and s.comma[a - 1]):
        return out                  # "om A te verlagen en B te verhogen": one item; a list has commas
    while a < hi and (s.comma[a - 1] or low[a] == "en"):
        start = a + 1 if low[a] == "en" else a
        k = next((i for i in range(start + 1, min(hi - 1, start + 25)) if low[i] == "te"), None)
        if k is None or any(low[i] in ("dat", "om", "maar") for i in range(start, k)):
            break
        end = infinitive_end(s, k, hi - 1)                 # "te laten toetsen"
        if not s.comma[end] and end + 1 < hi and low[end + 1] in EXTRAPOSED:   # "te informeren over de …"
            end = next((j for j in range(end + 1, hi) if s.comma[j] or (j + 1 < hi and low[j + 1] == "en")), hi - 1)
        x, y = s.span(start, end)
        out.append(Item(item.kind, x, y, item.sentence, item.how, noun_at=item.noun_at, content=(start, end)))
        a = end + 1
    return out


def _normative(s: Sentence, content: tuple[int, int], opinion: bool = False) -> bool:
    """Whether an item's content says what should be done: "moet"/"dient" with a passive ("moet worden verankerd",
    "dient te worden herzien"), not a finding that something is so ("veteranen moeten lang wachten"); after a verb
    of opinion any "moet" ("De commissie vindt dat het ministerie de kosten moet vergoeden")."""
    a, b = content
    return any(s.low[k] in ("moet", "moeten", "dient", "dienen") and (opinion or "worden" in s.low[k + 1:b + 1])
               for k in range(a, b + 1))


def _te_after(s: Sentence, i: int) -> bool:
    """Whether an infinitive with "te" follows word ``i`` in its segment, within 20 words ("adviseert de wet binnen
    drie jaar te evalueren")."""
    hi = min(s.segment(i)[1], i + 21)
    return any(s.low[k] == "te" and k + 1 < hi for k in range(i + 2, hi))


_CALLS = frozenset({"vindt", "vind", "vinden", "vond", "noemt", "noem", "noemen", "noemde", "acht", "achten"})


def _titles_after(s: Sentence, i: int) -> list[tuple[int, int]]:
    """Spans of the titles in a quotation right after word ``i`` ("De aanbevelingen ‘sturen op meerdere functies en
    functies volgen bodem’"), split at commas and "en"."""
    if not s.may_quote:
        return []
    lo = s.segment(i)[0]
    if not _CALLS.isdisjoint(s.low[max(lo, i - 4):i]):
        return []                   # "vindt de conclusies ‘op onderdelen te somber’": a judgement, not a title
    pos = s.ends[i]
    while pos < s.end and s.text[pos] == " ":
        pos += 1
    if pos >= s.end or s.text[pos] not in QUOTES:
        return []
    close = s.text.find(QUOTES[s.text[pos]], pos + 1, min(s.end, pos + 300))
    if close < 0:
        return []
    out = []
    for m in re.finditer(r"[^,]+?(?=,|\s+en\s+|$)", s.text[pos + 1:close]):
        part = re.sub(r"^\s*en\s+", "", m.group()).strip()
        if len(part) > 3:
            a = s.text.index(part, pos + 1 + m.start())
            out.append((a, a + len(part)))
    return out


def _is_number(word: str) -> bool:
    # every match starts with a digit: most words are ruled out without a regex
    return word[:1].isdigit() and (NUMBER.match(word) is not None or RANGE.match(word) is not None)


def number_group(s: Sentence, first: int) -> tuple[int, int, list[str]] | None:
    """The numbers listed from word ``first`` ("2.2, 3.1 en 5.2", "3 t/m 7", "10 tot en met 12", "3-7"):
    (first word, word after the list, the numbers with the ranges expanded), or None when no number stands there.
    At most 40 words."""
    low, seg = s.low, s.seg
    n = len(low)
    if first >= n or not _is_number(low[first]):
        return None
    j, numbers, last_number = first, [], first
    end, segment = min(n, first + 40), seg[first]
    while j < end and seg[j] == segment:
        w = low[j]
        if _is_number(w):
            numbers.append(w)
            last_number = j
            j += 1
        elif w == "en" or (w == "t" and j + 1 < n and low[j + 1] == "m"):
            if w == "t":
                numbers.append("t/m")
                j += 1
            j += 1
        elif w == "tot" and low[j + 1:j + 3] == ["en", "met"]:
            numbers.append("t/m")
            j += 3
        else:
            break
    return first, last_number + 1, expand_numbers(" ".join(numbers))


def _bare_group_after(s: Sentence, end: int) -> tuple[int, int, list[str]] | None:
    """A bare list of numbers within six words after a group, with a word between ("… 1 en 2 deels en 3 t/m 7")."""
    nouns, low, seg = item_lexicon().nouns, s.low, s.seg
    segment = seg[end - 1]
    for j in range(end + 1, min(len(low), end + 7)):
        if seg[j] != segment or low[j] in nouns:
            return None                          # a number after a noun is that noun's group, not a bare one
        if _is_number(low[j]):
            return number_group(s, j)
    return None


def noun_items(said: Said) -> list[Item]:
    s, lex = said.s, item_lexicon()
    out: list[Item] = []
    n = len(s)
    where, low = s.where, s.low           # (the words' offsets are worked out only if asked for: s.capital, s.span)
    links_all, agents = lex.links, _agent_words()
    found = where.keys() & lex.nouns.keys()
    if s.text.find("-", s.start, s.end) >= 0:                          # compounds: "OVV-rapport"
        found |= {w for w in where if "-" in w}
    at = sorted(i for w in found for i in where[w])
    restates = _restated_contents(s) if "die" in where else []
    for i in at:
        w = s.low[i]
        noun = lex.nouns.get(w)
        if noun is None and "-" in w:                  # "OVV-rapport", "Rli-advies"
            noun = lex.nouns.get(w.rsplit("-", 1)[1])
            if noun is not None and not noun.report:
                noun = None
        if noun is None:
            continue
        prev = s.low[i - 1] if i else ""
        if w == "mening" and prev not in ("de", "die", "deze"):      # "van mening": the speaker's own
            continue
        if noun.anaphor_only and prev not in lex.anaphors and not (
                noun.kind == "recommendation" and _om_follows(low, i)):
            continue                  # "dit beeld", not "het beeld dat …"; but "het voorstel (van de raad) om …"
        if i + 1 < n and NUMBER.match(s.low[i + 1]) and not noun.report:
            # "aanbevelingen 2.2, 3.1 en 5.2", then bare lists after it in the same segment ("bevindingen 1 en 2
            # deels en 3 t/m 7 volledig"): each group takes the stance word after it (``group_stance``)
            group = number_group(s, i + 1)
            while group is not None:
                first, end, numbers = group
                a, b = s.span(i if first == i + 1 else first, end - 1)
                out.extend(Item(noun.kind, a, b, (s.start, s.end), "numbered", noun_at=i, number=num,
                                numbers_at=(first, end), needs_stance=True) for num in numbers)
                group = _bare_group_after(s, end)
            continue
        titles = [] if noun.report else _titles_after(s, i)
        if titles:
            out.extend(Item(noun.kind, a, b, (s.start, s.end), "quoted", noun_at=i) for a, b in titles)
            continue
        j = i + 1
        while j < n and j - i <= 6:
            x = low[j]
            if x in links_all or not (x in GLUE or x in agents or ("-" in x and is_agent(x)) or
                                      s.capital(j)):
                break
            j += 1
        links = ("om", "dat") if noun.plural or noun.report else ("om", "dat", "tot", "over", "inzake")
        if prev in lex.anaphors:          # "neemt deze aanbeveling over": the verb's particle, not the item's topic
            links = ("om", "dat")
        # the verb's particle or negation between the noun and its content: "neemt de aanbeveling (niet) over om …"
        k = j
        while k < min(n, j + 3) and low[k] in CLOSING and s.seg[k] == s.seg[i]:
            k += 1
        if k > j and k < n and low[k] in ("om", "dat") and s.seg[k] == s.seg[i] and not noun.plural:
            j = k
        if j < n and s.low[j] in links and s.seg[j] == s.seg[i]:
            item = _with_content(s, noun.kind, j, "noun", i)
            if item:
                item.needs_stance = s.low[j] in ("over", "inzake", "tot")
                out.append(item)
                if noun.plural and s.low[j] == "om":         # "de aanbevelingen om A te doen en B te laten"
                    out.extend(coordinated(s, item))
                continue
        k = bisect_right(restates, i + 1)    # "Eén aanbeveling legt het kabinet naast zich neer: die om …"
        restated = restates[k] if k < len(restates) else None
        if restated is not None and not noun.plural:
            item = _with_content(s, noun.kind, restated, "noun", i)
            if item:
                out.append(item)
                continue
        if noun.specific:
            continue
        dets = low[max(0, i - 3):i]
        places = _places(low, i)
        if places:
            out.append(Item(noun.kind, s.start, s.end, (s.start, s.end), "anaphor", noun_at=i, ordinals=places))
        elif prev in lex.anaphors or (i >= 2 and low[i - 2] in lex.anaphors and prev not in ("de", "het")):
            out.append(Item(noun.kind, s.start, s.end, (s.start, s.end), "anaphor", noun_at=i,
                            collective=noun.plural, pointer=noun.anaphor_only))
        elif noun.group and not lex.determiners.isdisjoint(dets):
            out.append(Item(noun.kind, s.start, s.end, (s.start, s.end), "group", noun_at=i, collective=True,
                            every=prev == "alle"))
        elif not noun.plural and not ARTICLES.isdisjoint(dets):
            # "de aanbeveling van de commissie", named without its content: an item when a stance is taken on it
            out.append(Item(noun.kind, s.start, s.end, (s.start, s.end), "single", noun_at=i, needs_stance=True))
    return out


def _restated_contents(s: Sentence) -> list[int]:
    """The "om" of each "die om …" after a colon, a comma or "namelijk": the content of the item named before it ("Eén
    aanbeveling neemt het kabinet niet over, namelijk die om …"), in order."""
    return [d + 1 for d in s.where["die"] if 0 < d < len(s.low) - 2 and s.low[d + 1] == "om" and (
        s.low[d - 1] == "namelijk" or s.text[s.ends[d - 1]:s.starts[d]].strip()[-1:] in (":", ","))]


_COUNTS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5}


def _om_follows(low: list[str], i: int) -> bool:
    """Whether an "om" follows the noun at ``i``, past the words that name whose it is ("het voorstel van de commissie
    om …")."""
    j = i + 1
    while j < len(low) and j - i <= 6 and (low[j] in GLUE or is_agent(low[j])):
        j += 1
    return j < len(low) and low[j] == "om"


def _places(low: list[str], i: int) -> tuple[int, ...]:
    """The places an item noun at ``i`` names its items by: "de tweede aanbeveling" (2,), "de eerste en de derde
    aanbeveling" (1, 3), "onze eerste twee aanbevelingen" (1, 2), "de laatste" (-1,); () when it names none."""
    if i >= 3 and low[i - 1] in _COUNTS and low[i - 2] == "eerste" and low[i - 3] in _OWNERS:
        return tuple(range(1, _COUNTS[low[i - 1]] + 1))
    places: list[int] = []
    j = i - 1
    while j >= 1 and low[j] in ORDINALS:
        places.append(ORDINALS[low[j]])
        k = j - 1
        if low[k] in ("de", "het") and k >= 1 and low[k - 1] in ("en", "of"):
            k -= 1                                  # "de eerste en de derde"
        if low[k] in ("en", "of") and k >= 1 and low[k - 1] in ORDINALS:
            j = k - 1
            continue
        if low[k] in ("en", "of") and k >= 2 and low[k - 1] in ("de", "het") and low[k - 2] in ORDINALS:
            j = k - 2
            continue
        return tuple(sorted(places, key=lambda p: (p < 0, p))) if low[k] in _OWNERS else ()
    return ()


@lru_cache(maxsize=1)
def _agent_words() -> frozenset[str]:
    """The words ``is_agent`` holds true without looking inside them (besides those with a hyphen)."""
    lex = item_lexicon()
    return lex.agents | lex.bodies


class Appraisals:
    """Where a sentence appraises: to tell whether an appraisal describes an item noun."""

    def __init__(self, s: Sentence):
        self.s = s
        hits = stance_lexicon().appraisals.find(s.low, where=s.where)
        self.firsts = Positions([h.first for h in hits])
        self.lasts = Positions(sorted(h.last for h in hits))

    def describe(self, noun_at: int) -> bool:
        """Right before the noun ("de waardevolle aanbevelingen"), or after it with a copula between ("De
        bevindingen … zijn heel ernstig", "noemt de aanbevelingen … nuttig")."""
        s = self.s
        if self.lasts.any_in(noun_at - 3, noun_at + 1) or self.firsts.any_in(noun_at, noun_at + 1):
            return True
        copula = not COPULAS.isdisjoint(s.low[max(0, noun_at - 3):noun_at + 11])
        lo, hi = s.segment(noun_at)
        return copula and self.firsts.any_in(noun_at + 1, min(hi, noun_at + 11))


def _kind_by_mood(modals: Positions, first: int, last: int) -> str:
    """A recommendation when the words ``first..last`` say what must be (moet, dient, van belang), else a finding."""
    return "recommendation" if modals.any_in(first, last + 1) else "finding"


def modal_positions(s: Sentence) -> Positions:
    """Where the sentence says what must be (``MODALS``), looked up by word rather than read word by word."""
    return Positions(sorted(i for w in MODALS & s.where.keys() for i in s.where[w]))


def attributed_items(said: Said, modals: Positions, before: tuple[int, int] | None) -> list[Item]:
    """See the module docstring; ``before`` is the span of the sentence before."""
    s, lex = said.s, item_lexicon()
    out = []
    n = len(s)
    sentence_text = min(n - 1, MAX_CONTENT * 2)
    at = sorted(i for w in _ATTRIBUTIONS & s.where.keys() for i in s.where[w])
    for i in at:
        w = s.low[i]
        if w == "aldus" and 3 < i <= MAX_CONTENT and any(is_agent(x) for x in s.low[i + 1:i + 4]):
            a, b = s.span(0, i - 1)
            out.append(Item(_kind_by_mood(modals, 0, i - 1), a, b, (s.start, s.end), "aldus", noun_at=i,
                            content=(0, i - 1)))
        elif w == "volgens" and i + 1 < n and any(is_agent(x) for x in s.low[i + 1:i + 4]) and \
                not any(said.actor(k) == "gov" for k in range(i + 1, min(n, i + 4))):
            a, b = s.span(0, sentence_text)         # the whole sentence: "…; Balkenende zou te weinig …"
            out.append(Item(_kind_by_mood(modals, 0, sentence_text), a, b, (s.start, s.end), "volgens", noun_at=i,
                            content=(0, sentence_text)))
        elif w == "daarom" and i > 3 and s.low[i - 1] == "en":
            verbs = lex.verbs.find(s.low, i + 1, min(n, i + 8))
            if i - 2 > MAX_CONTENT:
                verbs = []
            if verbs and verbs[0].first <= i + 2 and verbs[0].value == "recommendation" and \
                    any(is_agent(x) for x in s.low[verbs[0].first:verbs[0].last + 4]):
                a, b = s.span(0, i - 2)
                out.append(Item("finding", a, b, (s.start, s.end), "reason", noun_at=i - 1, content=(0, i - 2)))
        elif w == "door" and i + 2 < n:
            for k in range(i + 2, min(n, i + 5)):
                if s.low[k] in lex.proposals and any(is_agent(x) for x in s.low[i + 1:k]):
                    lo = i - 1
                    while lo > 0 and s.low[lo - 1] not in ("de", "het") and i - lo < 4:
                        lo -= 1
                    lo = max(0, lo - 1)
                    _, hi = s.clause(k)
                    a, b = s.span(lo, hi - 1)
                    out.append(Item("recommendation", a, b, (s.start, s.end), "proposal", noun_at=k,
                                    content=(lo, hi - 1), needs_stance=True))
                    break
    if before is not None and s.low[:2] in (["dat", "is"], ["dit", "is"], ["dat", "zijn"]) and \
            any(w in ("conclusie", "conclusies", "bevinding", "boodschap") for w in s.low[2:5]):
        out.append(Item("finding", before[0], before[1], before, "that-is"))
    return out


def endorsed_items(said: Said, modals: Positions, responds: bool) -> list[Item]:
    if not responds:
        return []
    s, rows = said.s, stance_lexicon().content
    out = []
    n = len(s)
    for h in said.hits:
        what = rows.get(h.row)
        if what is None or (what.endswith("-with-author") and not said.names_author):
            continue
        j = h.last + 1
        k = inverted_subject_end(s.low, j)  # "erkennen de ministers (van Buitenlandse Zaken en van Defensie) dat …"
        if k > j and not any(_is_number(w) for w in s.low[:h.first]):   # not "Met betrekking tot 5.2 erkent het
            #                                                             kabinet dat …": what it grants of item 5.2
            j = next((i for i in range(k, min(n, k + 8)) if s.low[i] == "dat" and s.seg[i] == s.seg[h.first]
                      and not any(s.comma[h.last:i])), j)
        if j + 1 < n and s.low[j] == "dat" and s.low[j + 1] in ("dit", "dat"):
            continue                  # "Ik ben het met de Afdeling eens dat dit …": the item before, no new one
        if j < n and s.low[j] in ("dat", "om") and s.seg[j] == s.seg[h.first]:
            item = _with_content(s, "finding", j, "endorsed", h.first)
            if item is None:
                continue
            if what.startswith("recommendation") or (what.startswith("by-modal") and (
                    s.low[j] == "om" or _kind_by_mood(modals, *item.content) == "recommendation")):
                item.kind = "recommendation"
            out.append(item)
        elif what == "finding" and 2 < h.first <= MAX_CONTENT and s.comma[h.first - 1] and n - h.last <= 4 and \
                any(said.actor(k) == "gov" for k in range(h.last + 1, n)) and \
                not any(w in item_lexicon().nouns for w in s.low[:3]):   # "De aanbeveling om …, onderschrijft …"
            a, b = s.span(0, h.first - 1)           # "Daarmee is er sprake van een ereschuld, erkent de premier."
            out.append(Item("finding", a, b, (s.start, s.end), "endorsed", noun_at=h.first,
                            content=(0, h.first - 1)))
    return out
