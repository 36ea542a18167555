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
closes a subordinate clause the sentence opens with, or (after "om") to the first comma after its infinitive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Hit, item_lexicon, stance_lexicon
from .reading import Sentence
from .stance import SUBORDINATORS, Speakers, actor, is_agent, subject

MODALS = frozenset({"moet", "moeten", "dient", "dienen", "belang", "noodzakelijk", "nodig", "wenselijk"})
PASSIVE = frozenset({"werd", "wordt", "is", "werden", "worden", "zijn", "was"})
NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})?[a-z]?$")
GLUE = frozenset({"van", "de", "het", "der", "uit", "door", "in", "die", "een", "was", "is", "luidt", "luidde", "ook"})
COPULAS = frozenset({"zijn", "is", "was", "waren", "noemt", "noemde", "noemen", "vindt", "vond", "vinden", "acht",
                     "achten"})
QUOTES = {'"': '"', "“": "”", "„": "”", "«": "»", "‘": "’", "'": "'"}


@dataclass
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

    @property
    def group(self) -> bool:
        return self.how in ("group", "anaphor")


def content_end(s: Sentence, first: int, link: str) -> int:
    lo, hi = s.segment(first)
    last = hi - 1
    if s.low[0] in SUBORDINATORS:
        for i in range(first, last):
            if s.comma[i]:
                return i
    if link == "om":
        for i in range(first, last):
            if s.low[i] == "te":
                for j in range(i + 1, last):
                    if s.comma[j]:
                        return j
                return min(i + 1, last)
    return last


def _with_content(s: Sentence, kind: str, link_at: int, how: str, noun_at: int) -> Item | None:
    first = link_at + 1
    if first >= len(s):
        return None
    last = content_end(s, first, s.low[link_at])
    a, b = s.span(first, last)
    return Item(kind, a, b, (s.start, s.end), how, noun_at=noun_at, content=(first, last))


def _link_after(s: Sentence, i: int, links: tuple[str, ...], within: int = 8) -> int:
    for j in range(i + 1, min(len(s), i + 1 + within)):
        if s.seg[j] != s.seg[i]:
            break
        if s.low[j] in links:
            return j
    return -1


def verb_items(s: Sentence, speakers: Speakers) -> list[Item]:
    out = []
    for h in item_lexicon().verbs.find(s.low):
        before = s.low[max(0, h.first - 7):h.first]
        passive = h.first > 0 and s.low[h.first - 1] in PASSIVE and s.low[h.first].startswith("ge")
        impersonal = h.row == "blijkt" and "uit" in before
        if not (passive or impersonal or subject(s, h.first, h.last, speakers) == "agent"):
            continue
        if h.phrase.words[-1] in ("voor", "ervoor", "op"):
            link = h.last + 1 if h.last + 1 < len(s) and s.low[h.last + 1] == "om" else h.last
        else:
            link = _link_after(s, h.last, ("dat", "om") if h.value == "recommendation" else ("dat",))
            if link < 0 and h.value == "recommendation" and h.phrase.words[-1] in ("aan", "op") and \
                    len(s) - h.last > 3:
                link = h.last           # "De commissie raadt de minister aan de regels te vereenvoudigen."
            if link < 0:
                continue
        item = _with_content(s, h.value, link, "verb", h.first)
        if item:
            out.append(item)
    return out


def _titles_after(s: Sentence, i: int) -> list[tuple[int, int]]:
    """Spans of the titles in a quotation right after word ``i`` ("De aanbevelingen ‘sturen op meerdere functies en
    functies volgen bodem’"), split at commas and "en"."""
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


def noun_items(s: Sentence, speakers: Speakers) -> list[Item]:
    lex = item_lexicon()
    out: list[Item] = []
    n = len(s)
    for i, w in enumerate(s.low):
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
        if i + 1 < n and NUMBER.match(s.low[i + 1]) and not noun.report:
            j, numbers = i + 1, []
            while j < n and j - i < 12 and (NUMBER.match(s.low[j]) or s.low[j] in ("en", "t/m", "tot")):
                if NUMBER.match(s.low[j]):
                    numbers.append(s.low[j])
                j += 1
            a, b = s.span(i, j - 1)
            out.extend(Item(noun.kind, a, b, (s.start, s.end), "numbered", noun_at=i, number=num) for num in numbers)
            continue
        titles = [] if noun.report else _titles_after(s, i)
        if titles:
            out.extend(Item(noun.kind, a, b, (s.start, s.end), "quoted", noun_at=i) for a, b in titles)
            continue
        j = i + 1
        while j < n and j - i <= 6 and s.low[j] not in lex.links and \
                (s.low[j] in GLUE or is_agent(s.low[j]) or s.capital(j)):
            j += 1
        links = ("om", "dat") if noun.plural or noun.report else ("om", "dat", "tot", "over", "inzake")
        if j < n and s.low[j] in links and s.seg[j] == s.seg[i]:
            item = _with_content(s, noun.kind, j, "noun", i)
            if item:
                item.needs_stance = s.low[j] in ("over", "inzake", "tot")
                out.append(item)
                continue
        if noun.specific:
            continue
        dets = s.low[max(0, i - 3):i]
        if prev in lex.anaphors or (i >= 2 and s.low[i - 2] in lex.anaphors and prev not in ("de", "het")):
            out.append(Item(noun.kind, s.start, s.end, (s.start, s.end), "anaphor", noun_at=i,
                            collective=noun.plural))
        elif noun.group and any(d in lex.determiners for d in dets):
            out.append(Item(noun.kind, s.start, s.end, (s.start, s.end), "group", noun_at=i, collective=True))
        elif not noun.plural and any(d in ("de", "het", "een") for d in dets):
            # "de aanbeveling van de commissie", named without its content: an item when a stance is taken on it
            out.append(Item(noun.kind, s.start, s.end, (s.start, s.end), "single", noun_at=i, needs_stance=True))
    return out


def appraised(s: Sentence, noun_at: int) -> bool:
    """Whether an appraisal describes the noun at ``noun_at``: right before it ("de waardevolle aanbevelingen"), or
    after it with a copula between ("De bevindingen … zijn heel ernstig", "noemt de aanbevelingen … nuttig")."""
    for h in stance_lexicon().appraisals.find(s.low):
        if noun_at - 3 <= h.last < noun_at or h.first <= noun_at <= h.last:
            return True
        if noun_at < h.first <= noun_at + 10 and s.seg[h.first] == s.seg[noun_at] and \
                any(w in COPULAS for w in s.low[max(0, noun_at - 3):h.first]):
            return True
    return False


def _kind_by_mood(s: Sentence, first: int, last: int) -> str:
    return "recommendation" if any(w in MODALS for w in s.low[first:last + 1]) else "finding"


def attributed_items(s: Sentence, speakers: Speakers, before: tuple[int, int] | None) -> list[Item]:
    """See the module docstring; ``before`` is the span of the sentence before."""
    lex = item_lexicon()
    out = []
    n = len(s)
    for i, w in enumerate(s.low):
        if w == "aldus" and i > 3 and any(is_agent(x) for x in s.low[i + 1:i + 4]):
            a, b = s.span(0, i - 1)
            out.append(Item(_kind_by_mood(s, 0, i - 1), a, b, (s.start, s.end), "aldus", noun_at=i,
                            content=(0, i - 1)))
        elif w == "volgens" and i + 1 < n and any(is_agent(x) for x in s.low[i + 1:i + 4]) and \
                not any(actor(s, k, speakers) == "gov" for k in range(i + 1, min(n, i + 4))):
            a, b = s.span(0, n - 1)                 # the whole sentence: "…; Balkenende zou te weinig …"
            out.append(Item(_kind_by_mood(s, 0, n - 1), a, b, (s.start, s.end), "volgens", noun_at=i,
                            content=(0, n - 1)))
        elif w == "daarom" and i > 3 and s.low[i - 1] == "en":
            verbs = lex.verbs.find(s.low, i + 1, min(n, i + 8))
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


def endorsed_items(s: Sentence, speakers: Speakers, hits: list[Hit], responds: bool) -> list[Item]:
    if not responds:
        return []
    rows = stance_lexicon().content
    out = []
    n = len(s)
    names_author = any(is_agent(w) for w in s.low)
    for h in hits:
        what = rows.get(h.row)
        if what is None or (what.endswith("-with-author") and not names_author):
            continue
        j = h.last + 1
        if j < n and s.low[j] in ("dat", "om") and s.seg[j] == s.seg[h.first]:
            item = _with_content(s, "finding", j, "endorsed", h.first)
            if item is None:
                continue
            if what.startswith("recommendation") or (what.startswith("by-modal") and (
                    s.low[j] == "om" or _kind_by_mood(s, *item.content) == "recommendation")):
                item.kind = "recommendation"
            out.append(item)
        elif what == "finding" and h.first > 2 and s.comma[h.first - 1] and n - h.last <= 4 and \
                any(actor(s, k, speakers) == "gov" for k in range(h.last + 1, n)):
            a, b = s.span(0, h.first - 1)           # "Daarmee is er sprake van een ereschuld, erkent de premier."
            out.append(Item("finding", a, b, (s.start, s.end), "endorsed", noun_at=h.first,
                            content=(0, h.first - 1)))
    return out
