"""A document's response to a report as mentions: its items (recommendations and findings, with the stance taken
on each) and its commitments.

Items come from the layout (``layout``: numbered and labelled lists, stance lists "onderschrijft aanbevelingen 2.2
en 3.1 volledig") and from running text, sentence by sentence (``items``, ``stance``); commitments from commitment
lists (``layout``) and sentences (``commitments``). Putting them together:

- a numbered item is one item whatever names it; the layout's stance wins over a sentence's;
- items whose content overlaps are one item (the first rule's);
- an anaphor ("deze aanbeveling", "beide conclusies") passes its stance to the items of the sentences just before;
  a plural one with nothing before it is a group;
- all groups of one kind are one collective item ("de aanbevelingen" as a whole), listed when a stance is taken on
  it or it is appraised; its stance is the first one taken, its text the sentence that takes it;
- an item named only in passing ("het advies over …") is listed only with a stance;
- one commitment per sentence, none for a sentence inside a commitment list.

Only sentences that hold a word some rule starts from are read (``TRIGGERS``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...model import Mention
from ...scan import lowered, word_starts
from ..text import fold
from . import layout
from .commitments import sentence_commitment
from .items import Item, appraised, attributed_items, endorsed_items, noun_items, verb_items
from .lexicon import commitment_lexicon, item_lexicon, stance_lexicon
from .reading import Sentence, sentence_spans
from .stance import Speakers, stance_hits, stance_in, stance_of, subject

RESPONSE_WORDS = re.compile(r"\b(?:rapport|advies|adviezen|evaluatie|onderzoek|aanbeveling|aanbevelingen|conclusies|"
                            r"bevindingen|kabinetsreactie|beleidsreactie|commissie|enquête)", re.IGNORECASE)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1)
def triggers() -> frozenset[str]:
    """The lower-case letter runs a sentence must hold for any rule to find something in it: item nouns (and their
    compounds' last part), report verbs, stance phrasings with content, commitment markers, attributions."""
    words: set[str] = set()
    items, stances, commitments = item_lexicon(), stance_lexicon(), commitment_lexicon()
    words.update(items.nouns)
    words.update(items.verbs.first_words())
    words.update(stances.stances.first_words())
    words.update(commitments.markers.first_words())
    words.update(("aldus", "volgens", "daarom", "door", "dat", "dit"))
    out = set()
    for w in words:
        out.update(re.findall(r"[a-z]+", lowered(w)))     # as ``scan.word_starts`` sees them
    return frozenset(out)


def _sentences(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int, int]]:
    """(index, start, end) of the sentences of ``text`` that hold a trigger word."""
    hits = word_starts(text, triggers())
    if not hits:
        return
    k = 0
    for i, (a, b) in enumerate(spans):
        while k < len(hits) and hits[k] < a:
            k += 1
        if k < len(hits) and hits[k] < b:
            yield i, a, b


def _slug(text: str, words: int = 8) -> str:
    return "-".join(_NOT_SLUG.sub(" ", text.lower()).split()[:words])


class _Collect:
    """The items and commitments of one document, as the sentences come."""

    def __init__(self, text: str):
        self.text = text
        self.items: list[Item] = []
        self.groups: dict[str, Item] = {}
        self.recent: list[Item] = []
        self.speakers = Speakers()
        self.responds = RESPONSE_WORDS.search(text) is not None

    def sentence(self, s: Sentence, before: tuple[int, int] | None, cut: bool = False) -> None:
        """Read one sentence; ``cut``: the text stops in the middle of it (a page opening), so an item whose
        content runs to its end is incomplete, and left out when fewer than ten of its words are there."""
        hits = stance_hits(s, self.speakers)
        found = [*verb_items(s, self.speakers), *noun_items(s, self.speakers),
                 *attributed_items(s, self.speakers, before), *endorsed_items(s, self.speakers, hits, self.responds)]
        if cut:                   # fewer than ten words before the cut: the item is not stated yet
            found = [it for it in found if it.group or it.content[1] < len(s) - 1
                     or it.content[1] - it.content[0] >= 10]
        kept: list[Item] = []
        for it in found:             # one item per content span: the first rule's
            if it.group or it.how == "single" or not any(
                    o.kind == it.kind and not o.group and it.start < o.end and o.start < it.end for o in kept):
                kept.append(it)
        stated = {o.kind for o in kept if not o.group and o.how != "single"}
        kept = [it for it in kept if it.how != "single" or it.kind not in stated]   # a bare noun only if alone
        for it in kept:
            if it.how == "that-is":
                continue
            stance = stance_of(s, hits, it.noun_at, it.content)
            if stance == "contrast":
                seg = s.seg[it.noun_at]
                own = [o for o in kept if o is not it and o.noun_at >= 0 and s.seg[o.noun_at] > seg
                       and o.how != "group"]
                stance = "full" if own else "partial"
            it.stance = stance
            if stance:
                it.quote = (s.start, s.end)
            if it.group:
                it.appraised = appraised(s, it.noun_at)
        named = []
        for it in kept:
            if it.how in ("anaphor", "single"):
                before_items = [o for o in self.recent if o.kind == it.kind]
                if before_items and (it.how == "anaphor" or it.stance):
                    both = it.noun_at > 0 and s.low[it.noun_at - 1] == "beide"
                    targets = before_items[-2:] if both else before_items if it.collective else before_items[-1:]
                    for t in targets:
                        if it.stance and not t.stance:
                            t.stance, t.quote = it.stance, it.quote
                    continue
                if it.how == "single" or not it.collective:
                    it.how, it.needs_stance = "single", True      # "deze aanbeveling" with nothing before it
                else:
                    it.how = "group"
            if it.how == "group":
                self._group(it)
                continue
            if not it.stance and (it.needs_stance or (it.how == "noun" and
                                                      subject(s, it.noun_at, it.noun_at, self.speakers, names=False) == "gov")):
                continue                  # named in passing, or the government's own ("komt tot de conclusie dat")
            self.items.append(it)
            named.append(it)
        self.recent = named or self.recent
        self.speakers.author_recent = any(it.how == "verb" for it in kept)

    def _group(self, it: Item) -> None:
        if not (it.stance or it.appraised):
            return
        have = self.groups.get(it.kind)
        if have is None:
            self.groups[it.kind] = it
            self.items.append(it)
        elif not have.stance and it.stance:
            have.stance, have.start, have.end, have.quote = it.stance, it.start, it.end, it.quote


_WORD = re.compile(r"[^\W_]{3,}")


class _Restated:
    """The numbered items of a document by their words, to recognise one restated in running text ("Het kabinet
    onderschrijft de constatering van IOB dat de C-130 minder werd ingezet dan aangeboden" is finding 3, "Ondanks
    dat de Nederlandse C-130 minder is ingezet dan aangeboden, …"): at least 60% of the restatement's words (of
    three letters or more) are the item's, and no other item of the kind has more."""

    def __init__(self, numbered):
        self.items = [(m, set(_WORD.findall(m.attrs.get("text", "").lower()))) for m in numbered]

    def find(self, it: Item, text: str) -> Mention | None:
        words = set(_WORD.findall(text[it.start:it.end].lower()))
        if len(words) < 3:
            return None
        best, score = None, 0.6
        for m, have in self.items:
            if m.kind == it.kind and have:
                s = len(words & have) / len(words)
                if s >= score:
                    best, score = m, s
        return best


def _item_mention(text: str, it: Item) -> Mention:
    body = fold(text[it.start:it.end])
    value = it.number or ("alle" if it.collective else _slug(body))
    attrs = {"text": body, "number": it.number, "stance": it.stance, "collective": it.collective, "how": it.how}
    if it.quote:
        attrs["stance_at"] = it.quote
        attrs["quote"] = fold(text[it.quote[0]:it.quote[1]])
    start, end = (it.start, it.end)
    return Mention(it.kind, value, start, end, text[start:end], attrs=attrs)


def responses(text: str) -> Iterator[Mention]:
    """Rule: the items and commitments of a document (see the module docstring)."""
    numbered: dict[tuple[str, str], Mention] = {}
    for m in layout.findings_and_recommendations(text):
        m.attrs.setdefault("number", m.value)
        m.attrs.setdefault("stance", None)
        m.attrs.setdefault("collective", False)
        m.attrs["how"] = "layout"
        numbered[(m.kind, m.value)] = m
    stated: list[Mention] = []                 # unnumbered items of introduced lists
    for m in layout.introduced_lists(text):
        m.attrs.update(number=m.value or None, stance=None, collective=False, how="list")
        if not m.value:
            m.value = _slug(m.attrs["text"])
            stated.append(m)
        elif (m.kind, m.value) not in numbered:
            numbered[(m.kind, m.value)] = m
    for m, answer in layout.table_items(text):
        m.attrs.update(number=m.value, stance=stance_in(text, m.end, m.end + len(answer or "") + 200, answer),
                       collective=False, how="table")
        numbered.setdefault((m.kind, m.value), m)
    lists = list(layout.commitment_lists(text))
    listed = [(m.start(), end) for m, end in layout.announced_lists(text)]
    collect = _Collect(text)
    commitments = []
    spans = sentence_spans(text)
    tail = text.rstrip()
    cut = bool(tail) and tail[-1] not in ".!?:;\"'”’»)"
    for i, a, b in _sentences(text, spans):
        s = Sentence.read(text, a, b)
        if not s.low:
            continue
        collect.sentence(s, spans[i - 1] if i else None, cut and i == len(spans) - 1)
        c = sentence_commitment(s, collect.speakers)
        if c and not any(c.start < end and start < c.end for start, end in listed):
            commitments.append(c)
    restated = _Restated([*numbered.values(), *stated])
    listed_items = [(m.start, m.end) for m in [*numbered.values(), *stated] if m.attrs["how"] in ("list", "table")]
    for it in collect.items:
        if not it.group and it.number is None and \
                any(it.start < end and start < it.end for start, end in listed_items):
            continue                           # the sentence is a list item already counted
        same = restated.find(it, text) if it.number is None and not it.collective else None
        if same is not None:
            if same.attrs.get("stance") is None and it.stance:
                same.attrs["stance"], same.attrs["stance_at"] = it.stance, it.quote
            continue
        if it.number is not None:
            have = numbered.get((it.kind, it.number))
            if have is not None:
                if have.attrs.get("stance") is None and it.stance:
                    have.attrs["stance"], have.attrs["stance_at"] = it.stance, it.quote
                continue
            m = _item_mention(text, it)
            m.attrs["text"] = ""
            numbered[(it.kind, it.number)] = m
            continue
        yield _item_mention(text, it)
    yield from stated
    yield from numbered.values()
    yield from lists
    for n, c in enumerate(commitments, start=len(lists) + 1):
        yield Mention("commitment", str(n), c.start, c.end, text[c.start:c.end],
                      attrs={"text": fold(text[c.start:c.end]), "by": c.by, "when": c.when, "how": c.how})
