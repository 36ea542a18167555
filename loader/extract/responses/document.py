"""A document's response to a report as mentions: its items (recommendations and findings, with the stance taken
on each) and its commitments.

Items come from the layout (``layout``: numbered and labelled lists, lists under an introducing line, tables, stance
lists "onderschrijft aanbevelingen 2.2 en 3.1 volledig") and from running text, sentence by sentence (``items``,
``stance``); commitments from commitment lists (``layout``) and sentences (``commitments``). Putting them together:

- a numbered item is one item whatever names it; the layout's stance wins over a sentence's;
- an item restated in running text ("de constatering van IOB dat de C-130 minder werd ingezet") is the numbered
  item whose text holds most of its words (at least 60%), and passes its stance to it;
- items of one kind whose content overlaps are one item (the first rule's); a bare noun ("de aanbeveling") only
  when the sentence names no other item of its kind;
- an anaphor ("deze aanbeveling", "beide conclusies") or a bare noun passes its stance to the items of the sentences
  just before; a plural anaphor with nothing before it is a group, a singular one a bare noun;
- all groups of one kind are one collective item ("de aanbevelingen" as a whole), listed when a stance is taken on
  it or it is appraised; its stance is the first one taken, its text the sentence that takes it;
- an item named in passing ("het advies over …", a bare noun) is listed only with a stance; a content item the
  government states itself ("het kabinet komt tot de conclusie dat …") only with a stance;
- an item in the last sentence of a text that stops in the middle of it is left out when fewer than ten of its
  words are there;
- one commitment per sentence, none for the announcement of a commitment list.

Only sentences that may hold an item or a commitment are read (``_sentences``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache

from ...model import Mention
from ...scan import find_lowered, leading_word, letter_runs, lowered, matches_at, present_runs, run_positions
from ..text import fold
from . import layout
from .commitments import sentence_commitment, when
from .items import Appraisals, Item, attributed_items, endorsed_items, modal_positions, noun_items, verb_items
from .lexicon import commitment_lexicon, item_lexicon, parse_phrase, read, stance_lexicon
from .reading import Sentence, sentence_spans, split
from .stance import (ANSWERS, ARTICLES, Said, Speakers, defined_aliases, inverted_subject_end, is_agent, stance_in,
                     we_are_author)

# Words a text that answers a report holds (at the start of a word: "rapportage", "Enquêtecommissie").
_RESPONSE_WORDS = ("rapport", "advies", "adviezen", "evaluatie", "onderzoek", "aanbeveling", "aanbevelingen",
                   "conclusies", "bevindingen", "kabinetsreactie", "beleidsreactie", "commissie", "enquête")
RESPONSE_WORDS = re.compile(rf"\b(?:{'|'.join(_RESPONSE_WORDS)})", re.IGNORECASE)
MAX_TEXT = 600              # characters of a collective item's text (its sentence) kept
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[^\W_]{3,}")


@lru_cache(maxsize=1)
def _rule_words() -> dict[str, frozenset[str]]:
    """The words (as a sentence reads them) each item rule needs one of before it is worth running."""
    items, stances = item_lexicon(), stance_lexicon()
    return {"verbs": items.verbs.first_words(), "nouns": frozenset(items.nouns),
            "attributions": frozenset({"aldus", "volgens", "daarom", "door", "dat", "dit"}),
            "endorsements": frozenset(w for p in stances.stances.by_first.values() for phrase in p
                                      if phrase.row in stances.content for w in phrase.words[:1])}


def _runs(word: str) -> tuple[str, ...]:
    """The letter runs of a word as ``scan.word_starts`` sees them (lower case, ASCII letters): "enquête" ->
    ("enqu", "te")."""
    return tuple(re.findall(r"[a-z]+", lowered(word)))


@lru_cache(maxsize=1)
def item_triggers() -> frozenset[str]:
    """Letter runs a sentence must hold for an item rule to find something in it: item nouns (and the last part of
    a compound, "OVV-rapport"), report verbs, attributions ("aldus", "volgens"), the participles of proposals, and
    the first words of stance phrasings whose clause is an item ("erkent dat")."""
    items, raw = item_lexicon(), read("items")
    phrases = [text for row in raw["report_verbs"] for text in [row["phrase"], *row.get("forms", [])]]
    phrases += [text for row in read("stances")["stances"] if row.get("content")
                for text in [row["phrase"], *row.get("forms", [])]]
    return frozenset(run for w in {*items.nouns, *items.proposals, "aldus", "volgens"} for run in _runs(w)[:1]) | \
        _key_runs(phrases)


# Words too common to look for first: a phrase is found by its other words ("dat doe ik niet" by "doe").
_COMMON = frozenset({"niet", "dat", "dit", "het", "een", "de", "is", "zijn", "ben", "was", "gaat", "ga", "gaan", "met",
                     "van", "in", "op", "om", "te", "er", "ik", "we", "wij", "die", "deze", "kan", "zich", "toe",
                     "over", "aan", "en", "of", "voor", "bij", "als", "ook", "wel", "nog", "naar"})


def _key_runs(phrases: list[str]) -> frozenset[str]:
    """Of each phrase, the first letter run of its longest word that is not too common (``_COMMON``; the longest of
    all when each is): every match holds it, and it is the rarest as far as the lexicon can tell."""
    def key(text: str) -> str:
        words = [w for w in parse_phrase(text) if w]
        return max((w for w in words if w not in _COMMON), key=len, default=max(words, key=len))
    return frozenset(run for text in phrases for run in _runs(key(text))[:1])


@lru_cache(maxsize=1)
def stance_triggers() -> frozenset[str]:
    """Letter runs every stance phrasing holds (its longest word): a sentence that opens with "Dat" or "Dit" and holds
    one may answer the item named before it ("Dat acht ik niet nodig")."""
    return _key_runs([text for row in read("stances")["stances"] for text in [row["phrase"], *row.get("forms", [])]])


@lru_cache(maxsize=1)
def commitment_forms() -> dict[str, tuple[tuple[frozenset[str], str | None], ...]]:
    """The commitment marker forms as the letter runs they hold, by their key run: (the other runs, what else its row
    requires: a measure participle, a date). A sentence can hold a marker form only if it holds all its runs. The key
    is the rarest run as far as the lexicon can tell, the longest (of two as long, the first in the alphabet: "kom"
    of "kom … met"): only the key runs are looked up in the text's runs (``scan`` finds every word it is asked for
    in every text, so a common word asked for there slows every rule down), the others in the sentence."""
    out: dict[str, dict[tuple[frozenset[str], str | None], None]] = {}
    for form, requires in commitment_lexicon().forms:
        runs = sorted({run for w in form for run in _runs(w)}, key=lambda r: (-len(r), r))
        out.setdefault(runs[0], {})[(frozenset(runs[1:]), requires)] = None
    return {key: tuple(forms) for key, forms in out.items()}


@lru_cache(maxsize=1)
def commitment_runs() -> frozenset[str]:
    """The key runs of ``commitment_forms``."""
    return frozenset(commitment_forms())


@lru_cache(maxsize=1)
def measure_runs() -> frozenset[str]:
    return frozenset(run for w in commitment_lexicon().measures for run in _runs(w)[:1])


def _responds(text: str) -> bool:
    """Whether ``RESPONSE_WORDS`` occurs in the text: tried only where one of its words starts in the text's
    lower-case copy (``scan.find_lowered``: the text's one pass, shared with the other rules), not at every
    character (a text that holds none is read through)."""
    return next(matches_at(RESPONSE_WORDS, text, find_lowered(text, _response_parts())), None) is not None


@lru_cache(maxsize=1)
def _response_parts() -> frozenset[str]:
    """The letter runs ``RESPONSE_WORDS``'s words start with, in lower case ("enqu" of "enquête")."""
    return frozenset(leading_word(w) for w in _RESPONSE_WORDS)


class _RunSentences:
    """Where the letter runs of a text are, by sentence: the sentences each run occurs in (its positions looked up in
    the text's runs, ``scan``), worked out per run on first use; and the runs of a sentence (``runs_in``)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text, self.spans = text, spans
        self.starts = [a for a, _ in spans]
        self.letters = letter_runs(text)
        self.known: dict[str, set[int]] = {}
        self.runs: dict[int, frozenset[str]] = {}

    def __call__(self, run: str) -> set[int]:
        found = self.known.get(run)
        if found is None:
            starts = self.starts
            found = self.known[run] = {bisect_right(starts, pos) - 1 for pos in run_positions(self.text, run)}
        return found

    def runs_in(self, i: int) -> frozenset[str]:
        """The letter runs that occur whole in sentence ``i``: in the text's letters (``scan.letter_runs``, shifted
        by one) from the character before the sentence to the one after it, the parts between two spaces (what
        ``scan.has_run`` finds there). One split of the sentence, rather than a search per run and marker form."""
        found = self.runs.get(i)
        if found is None:
            a, b = self.spans[i]
            found = self.runs[i] = frozenset(self.letters[a:b + 2].split(" ")[1:-1])
        return found


def _sentences(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int, int, bool, bool]]:
    """(index, start, end, may hold items, may hold a commitment) of the sentences of ``text`` that may hold either:
    those with an item trigger, and those that hold every word of a commitment marker form (and a measure
    participle or a date where the marker requires one). Where the words are is looked up in the text's runs
    (``scan``, shared with the other rules): a form whose key run does not occur in the text is skipped; of the
    others, the sentences the key run occurs in (a sentence boundary never cuts a letter run) that hold its other
    runs (``runs_in``); no sentence is read to decide."""
    sentences_of_run = _RunSentences(text, spans)
    with_items: set[int] = set()
    for run in present_runs(text, item_triggers()):
        with_items |= sentences_of_run(run)
    # a stance on the item before: in a sentence that opens with "Dat" or "Dit" ("Dat acht ik niet nodig"), or in
    # the sentence right after one that may name an item ("De regering ziet daartoe geen noodzaak")
    if with_items:
        answers = {i + 1 for i in with_items} | _opening(text, sentences_of_run.starts, ("Dat ", "Dit "))
        with_stance: set[int] = set()
        for run in present_runs(text, stance_triggers()):
            with_stance |= sentences_of_run(run)
        with_items.update(i for i in answers if i in with_stance)
    with_measure: set[int] | None = None
    promises: set[int] = set()
    forms = commitment_forms()
    # the forms whose key run occurs in the text, those that require nothing more first, so that a sentence they
    # find is not tested for a date (a regex) by another (the order changes no result: a sentence is a promise when
    # one form finds it)
    present = [(key, *form) for key in present_runs(text, commitment_runs()) for form in forms[key]]
    for key, others, extra in sorted(present, key=lambda form: form[2] is not None):
        found = sentences_of_run(key) - promises
        if found and others:
            found = {i for i in found if sentences_of_run.runs_in(i) >= others}
        if found and extra == "measure":
            if with_measure is None:
                with_measure = set()
                for run in present_runs(text, measure_runs()):
                    with_measure |= sentences_of_run(run)
            # a measure participle, or (another participle, commitments._acts) a date
            found = {i for i in found if i in with_measure or when(text, *spans[i]) is not None}
        elif found and extra == "date":
            found = {i for i in found if when(text, *spans[i]) is not None}
        promises |= found
    for i in sorted(with_items | promises):
        a, b = spans[i]
        yield i, a, b, i in with_items, i in promises


def _opening(text: str, starts: list[int], openings: tuple[str, ...]) -> set[int]:
    """The sentences (by their ``starts``) that open with one of ``openings``: where each occurs in the text
    (``str.find``, in C) that is a sentence's start, rather than a test at every sentence."""
    out = set()
    for opening in openings:
        pos = text.find(opening)
        while pos >= 0:
            i = bisect_left(starts, pos)
            if i < len(starts) and starts[i] == pos:
                out.add(i)
            pos = text.find(opening, pos + 1)
    return out


def _slug(text: str, words: int = 8) -> str:
    return "-".join(_NOT_SLUG.sub(" ", text[:400].lower()).split()[:words])


class _Spans:
    """Disjoint spans, to ask in O(log n) whether a span overlaps one of them."""

    def __init__(self, spans: list[tuple[int, int]] | None = None):
        self.spans = sorted(spans or [])
        self.starts = [a for a, _ in self.spans]

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect_left(self.starts, b)                  # spans starting before b
        return any(self.spans[j][1] > a for j in range(max(0, i - 2), i))

    def covers(self, a: int, b: int) -> bool:
        """Whether one span holds all of [a, b)."""
        i = bisect_right(self.starts, a) - 1
        return i >= 0 and self.spans[i][1] >= b

    def add(self, a: int, b: int) -> None:
        """Add a span that overlaps none (spans mostly come in text order: an append)."""
        i = bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.spans.insert(i, (a, b))


class _Collect:
    """The items of one document, as the sentences come. The items of the layout (numbered and labelled lists)
    take part as the items named just before the sentences that follow them ("Bevinding 4: … Het kabinet
    onderschrijft deze bevinding gedeeltelijk"): each by a stand-in :class:`Item` (``stand_ins``) whose stance is
    copied to the layout's mention at the end."""

    def __init__(self, text: str, layout_items: list[Mention]):
        self.text = text
        self.items: list[Item] = []
        self.groups: dict[str, Item] = {}
        self.recent: dict[str, list[Item]] = {}        # the items of the sentences just before, by kind
        self.speakers = Speakers(defined_aliases(text), we_are_author(text))
        self.responds = _responds(text)
        self.layout = sorted(layout_items, key=lambda m: m.start)
        self.next_layout = 0
        self.stand_ins: list[tuple[Item, Mention]] = []
        self.last: Item | None = None                  # the item named last ("Dat acht ik niet nodig" answers it)
        self.last_in = -1                              # where the sentence that named it ends
        self.stated: list[Item] = []                   # the findings a report states in the last such sentence

    def _layout_before(self, pos: int) -> None:
        """The layout items that start before ``pos`` and after the sentences read so far become the recent ones."""
        named: dict[str, list[Item]] = {}
        while self.next_layout < len(self.layout) and self.layout[self.next_layout].start < pos:
            m = self.layout[self.next_layout]
            stand_in = Item(m.kind, m.start, m.end, (m.start, m.end), "layout", number=m.attrs.get("number"))
            self.stand_ins.append((stand_in, m))
            named.setdefault(m.kind, []).append(stand_in)
            self.next_layout += 1
            self.last, self.last_in = stand_in, m.end      # the sentence right after it may answer it
        for kind, named_items in named.items():
            self.recent[kind] = [*self.recent.get(kind, ()), *named_items][-20:]

    def sentence(self, said: Said, before: tuple[int, int] | None, cut: bool = False) -> None:
        """Read one sentence; ``cut``: the text stops in the middle of it (a page opening)."""
        s = said.s
        self._layout_before(s.start)
        words = s.where.keys()
        rules = _rule_words()
        found = verb_items(said) if not rules["verbs"].isdisjoint(words) else []
        if not rules["nouns"].isdisjoint(words) or self.text.find("-", s.start, s.end) >= 0:  # or "OVV-rapport"
            found += noun_items(said)
        attributed = not rules["attributions"].isdisjoint(words)
        endorsed = self.responds and not rules["endorsements"].isdisjoint(words)
        if attributed or endorsed:
            modals = modal_positions(s)
            if attributed:
                found += attributed_items(said, modals, before)
            if endorsed:
                found += endorsed_items(said, modals, self.responds)
        if cut:
            found = [it for it in found if it.group or it.content[1] < len(s.low) - 1
                     or it.content[1] - it.content[0] >= 10]
        if not found:
            self._pronoun_answer(said)
            self.speakers.author_recent = False
            return
        kept: list[Item] = []
        taken: dict[str, _Spans] = {}
        for it in found:             # one item per content span: the first rule's
            if it.group or it.how in ("single", "numbered"):
                kept.append(it)
                continue
            spans = taken.setdefault(it.kind, _Spans())
            if not spans.overlaps(it.start, it.end):
                spans.add(it.start, it.end)
                kept.append(it)
        numbered = {it.kind for it in kept if it.how == "numbered"}
        kept = [it for it in kept if it.how != "single" or (it.kind not in taken and it.kind not in numbered)]
        question = self.text[s.start:s.end].rstrip().endswith("?")
        if question:            # a question takes no stance; the answer after it may ("Bent u bereid …? Ja.")
            answer = _answer(self.text, s.end)
            for it in kept:
                if it.how in ("numbered", "noun", "single"):
                    it.how = "asked" if it.how == "single" else it.how
                    it.needs_stance = True
                    it.stance = _answered(said, it, answer) if answer else None
                    it.quote = (s.start, s.end) if it.stance else None
            kept = [it for it in kept if not it.group and it.stance]
        appraisals = None
        speakers: dict[int, str | None] = {}         # who says each stance phrasing
        group_starts: list[int] | None = None         # where the groups of numbers start (when there are any)
        group_stances: dict[tuple[int, int], str | None] = {}
        # without a stance phrasing, no item has a stance (one whose gap holds an item's content is found with it)
        stances = bool(said.hits) or any(it.content[1] - it.content[0] >= 3 for it in kept)
        for it in kept:
            if it.how == "that-is" or question:
                continue
            stance = None
            if stances:
                if it.numbers_at:
                    if it.numbers_at not in group_stances:
                        group_starts = group_starts or sorted({o.numbers_at[0] for o in kept if o.numbers_at})
                        k = bisect_left(group_starts, it.numbers_at[1])
                        group_stances[it.numbers_at] = said.group_stance(
                            it.numbers_at, group_starts[k] if k < len(group_starts) else len(s.low))
                    stance = group_stances[it.numbers_at]
                stance = stance or said.stance_of(it.noun_at, it.content)
            if stance == "contrast":           # full when an item is named after the contrast (in a later segment)
                last_item_segment = max((s.seg[o.noun_at] for o in kept if o.noun_at >= 0 and o.how != "group"),
                                        default=-1)
                stance = "full" if last_item_segment > s.seg[it.noun_at] else "partial"
            it.stance = stance
            if stance:
                it.quote = (s.start, s.end)
                hit = said.stance_phrase(it.noun_at, it.content)
                if hit is not None:
                    if hit.first not in speakers:
                        speakers[hit.first] = _speaker(said, hit.first, hit.last)
                    it.by = speakers[hit.first]
            if it.group:
                appraisals = appraisals or Appraisals(s)
                it.appraised = appraisals.describe(it.noun_at)
        named: dict[str, list[Item]] = {}
        stated, self.stated = self.stated, []
        for it in kept:
            if it.how == "endorsed" and it.kind == "finding" and it.stance and stated and \
                    not self.text[self.last_in:s.start].strip() and all(t.stance is None for t in stated):
                for t in stated:        # "De OVV concludeert dat … Defensie erkent dat …": the stance on those
                    t.stance, t.quote, t.by = it.stance, it.quote, it.by
                continue
            if it.how in ("anaphor", "single"):
                before_items = self.recent.get(it.kind)
                if it.collective and before_items and len(before_items) < 2:
                    before_items = None                    # "deze bevindingen" after one finding: all of them
                if it.ordinals and before_items:           # "de tweede aanbeveling": the second of those before
                    at = [k - 1 if k > 0 else len(before_items) - 1 for k in it.ordinals]
                    before_items = [before_items[k] for k in at if k < len(before_items)] or None
                    if before_items:
                        it.collective = len(before_items) > 1
                if before_items and (it.how == "anaphor" or it.stance):
                    both = it.noun_at > 0 and s.low[it.noun_at - 1] == "beide"
                    targets = before_items[-2:] if both else before_items if it.collective else before_items[-1:]
                    for t in targets[-50:]:
                        if it.stance and not t.stance:
                            t.stance, t.quote, t.by = it.stance, it.quote, it.by
                    continue
                if it.pointer:
                    continue                               # "dit beeld" with nothing named before it
                if it.how == "single" or not it.collective:
                    it.how, it.needs_stance = "single", True
                else:
                    it.how = "group"
            if it.how == "group":
                self._group(it)
                continue
            if not it.stance and (it.needs_stance or (it.how == "noun" and
                                                      said.subject(it.noun_at, it.noun_at, names=False) == "gov")):
                continue
            self.items.append(it)
            named.setdefault(it.kind, []).append(it)
            self.last, self.last_in = it, s.end
        for kind, named_items in named.items():
            self.recent[kind] = [*self.recent.get(kind, ()), *named_items][-20:]
        self.stated = [it for it in named.get("finding", ()) if it.how == "verb"]
        self.speakers.author_recent = any(it.how == "verb" for it in kept)

    def _pronoun_answer(self, said: Said) -> None:
        """A sentence that names no item but takes a stance answers the item named last, if it has no stance yet:
        when it opens with "Dat" or "Dit" ("Dat acht ik niet nodig", "Dit neemt het kabinet over"), or when it comes
        right after the sentence that named the item and the government takes a stance there on nothing else ("De
        regering ziet daartoe geen noodzaak", "De regering acht dat niet wenselijk")."""
        s, last = said.s, self.last
        if last is None or last.stance or not s.low or not said.hits:
            return
        stance = said.stance_of(0, (-1, -2))
        hit = said.nearest_hit(0, (-1, -2))
        if stance is None or hit is None:
            return
        if stance == "contrast":       # "Ik ben het met de Afdeling eens dat dit …, maar acht …": no item of its own
            stance = "partial"
        if s.low[0] in ("dat", "dit"):
            if hit.first > 3:
                return
        elif self.text[self.last_in:s.start].strip() or said.subject(hit.first, hit.last) != "gov" or \
                _object_of_its_own(s.low, hit):
            return                         # not the next sentence, not the government's stance, or on something else
        last.stance, last.quote = stance, (s.start, s.end)
        last.by = _speaker(said, hit.first, hit.last)

    def _group(self, it: Item) -> None:
        if not (it.stance or it.appraised):
            return
        it.end = min(it.end, it.start + MAX_TEXT)
        have = self.groups.get(it.kind)
        if have is None:
            self.groups[it.kind] = it
            self.items.append(it)
        elif not have.stance and it.stance:
            have.stance, have.start, have.end, have.quote, have.by = it.stance, it.start, it.end, it.quote, it.by
            have.every = it.every


_ANSWER = re.compile(r"\s*(?:(?:Antwoord|Beantwoording)[^\n]{0,20}\n\s*)?(?P<word>[A-Za-z]+)\b")


def _answer(text: str, end: int) -> str | None:
    """The stance word an answer opens with, right after a question (past an "Antwoord 3" heading): "ja", "nee",
    "deels", "gedeeltelijk"; None when the answer opens otherwise."""
    m = _ANSWER.match(text, end, min(len(text), end + 200))
    word = m.group("word").lower() if m else ""
    return word if word in ANSWERS else None


def _answered(said: Said, it: Item, answer: str) -> str | None:
    """The stance an answer gives to an item the question asks about: the question's own phrasing ("over te
    nemen": full) turned by the answer ("Nee": rejected; "Deels": partial)."""
    hit = said.nearest_hit(it.noun_at, it.content)
    asked = hit.value if hit is not None else "full"
    if ANSWERS[answer] == "partial":
        return "partial"
    if ANSWERS[answer] == "rejected":
        return {"full": "rejected", "partial": "rejected", "rejected": "full"}[asked]
    return asked


def _speaker(said: Said, first: int, last: int) -> str | None:
    """The government word that says the phrase at ``first..last`` (the nearest), or None."""
    s = said.s
    lo, hi = s.segment(first)
    lo, hi = max(lo, first - 8), min(hi, last + 4)
    low = s.low
    for d in range(max(first - lo, hi - first) + 1):       # nearest first; of two as near, the one before
        for i in (first - d, first + d) if d else (first,):
            # only a word that may name someone is asked who it names
            if lo <= i < hi and said.may_name(low[i]) and said.actor(i) == "gov":
                return low[i]
    return None


class _Restated:
    """The numbered items of a document by their words, to recognise one restated in running text ("Het kabinet
    onderschrijft de constatering van IOB dat de C-130 minder werd ingezet dan aangeboden" is finding 3, "Ondanks
    dat de Nederlandse C-130 minder is ingezet dan aangeboden, …"): at least 60% of the restatement's words (of
    three letters or more, its first 30) are the item's, and no other item of the kind has more."""

    def __init__(self, numbered: list[Mention]):
        self.items = numbered
        self.index: dict[tuple[str, str], list[int]] = {}
        for k, m in enumerate(numbered):
            for w in set(_WORD.findall(m.attrs.get("text", "")[:2000].lower())):
                self.index.setdefault((m.kind, w), []).append(k)

    def find(self, it: Item, text: str) -> Mention | None:
        words = set(_WORD.findall(text[it.start:min(it.end, it.start + 400)].lower()))
        if len(words) < 3:
            return None
        counts: dict[int, int] = {}
        for w in words:
            for k in self.index.get((it.kind, w), ())[:200]:
                counts[k] = counts.get(k, 0) + 1
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], -k))
        return self.items[best] if counts[best] >= 0.6 * len(words) else None


# Words after "het" that show it is no article: "acht het niet wenselijk", "vindt het wel nodig".
_NOT_NOUNS = frozenset({"niet", "wel", "ook", "nog", "dan", "daarom", "echter", "zeker", "juist", "onverstandig",
                        "verstandig", "wenselijk", "nodig", "noodzakelijk", "raadzaam", "zinvol"})


def _heading(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a heading or a headline: one line, no closing punctuation, a blank line after it
    ("Staatssecretaris gaat aan de slag met rapport over kinderen in de noodopvang\n\n"). Its promise is the one the
    text goes on to tell, if any."""
    body = text[start:end].rstrip()
    after = start + len(body)
    return bool(body) and "\n" not in body and body[-1] not in ".!?:;\"'”’»)" and text.startswith("\n", after) and \
        text[after + 1:after + 3].lstrip(" \t").startswith("\n")


def _object_of_its_own(low: list[str], hit) -> bool:
    """Whether a stance phrasing has an object of its own, a noun phrase in its gap or right after it (past a
    government subject): "Het kabinet steunt *de inzet van de VN*", not "De regering ziet daartoe geen noodzaak"."""
    if any(is_agent(w) for w in low[hit.first:hit.last + 1]):
        return False         # set against the report's author: "blijft, anders dan de onderzoekers, de voorkeur …"
    at = list(range(*hit.gap)) if hit.gap else []
    if any(is_agent(low[i]) for i in at):
        at = []                    # the report's author: "Ik ben het met de Afdeling eens dat dit …"
    k = inverted_subject_end(low, hit.last + 1)            # "deelt het kabinet": the subject, not an object
    if "te" not in low[k:k + 8]:          # "acht het niet wenselijk hiervoor een fonds te vormen": the infinitive's
        at += range(k, min(len(low), k + 2))      # object is what the stance is on, not something else
    government = item_lexicon().government
    # an article that opens a noun phrase: not the subject ("kan het kabinet zich vinden"), not "acht het niet …"
    return any(low[i] in ARTICLES and (i + 1 == len(low) or (low[i + 1] not in government and
                                                            low[i + 1] not in _NOT_NOUNS)) for i in at)


def _item_mention(text: str, it: Item) -> Mention:
    start, end = _trimmed(text, it.start, it.end)
    body = fold(text[start:end])
    value = it.number or ("alle" if it.collective else _slug(body))
    attrs = {"text": body, "number": it.number, "stance": it.stance, "collective": it.collective, "how": it.how,
             "by": it.by}
    if it.every and it.stance:
        attrs["every"] = True
    if it.quote:
        attrs["stance_at"] = it.quote
        attrs["quote"] = fold(text[it.quote[0]:min(it.quote[1], it.quote[0] + MAX_TEXT)])
    return Mention(it.kind, value, start, end, text[start:end], attrs=attrs)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _layout_items(text: str) -> tuple[dict[tuple[str, str], Mention], list[Mention]]:
    """The numbered items of the layout by (kind, number), and the unnumbered items of introduced lists."""
    numbered: dict[tuple[str, str], Mention] = {}
    for m in layout.findings_and_recommendations(text):
        m.attrs.setdefault("number", m.value)
        m.attrs.setdefault("stance", None)
        m.attrs.setdefault("collective", False)
        m.attrs["how"] = "layout"
        numbered[(m.kind, m.value)] = m
    stated: list[Mention] = []
    for m in layout.introduced_lists(text):
        m.attrs.update(number=m.value or None, stance=None, collective=False, how="list")
        if not m.value:
            m.value = _slug(m.attrs["text"])
            stated.append(m)
        elif (m.kind, m.value) not in numbered:
            numbered[(m.kind, m.value)] = m
    for m in layout.answered_lists(text):
        m.attrs.update(number=m.value, stance=None, collective=False, how="layout")
        numbered.setdefault((m.kind, m.value), m)
    for m, answer in layout.table_items(text):
        m.attrs.update(number=m.value, stance=stance_in(text, m.end, m.end + len(answer or "") + 200, answer),
                       collective=False, how="table")
        have = numbered.get((m.kind, m.value))
        if have is None or "|" in have.text:         # a numbered line that is a table row: the table's reading
            numbered[(m.kind, m.value)] = m
    return numbered, stated


def responses(text: str) -> Iterator[Mention]:
    """Rule: the items and commitments of a document (see the module docstring)."""
    out = list(_responses(text))
    # "Wij nemen alle aanbevelingen over": every recommendation the text states without a stance of its own
    every = {m.kind: m for m in out if m.attrs.pop("every", False)}
    for m in out:
        group = every.get(m.kind)
        if group is not None and m is not group and not m.attrs.get("collective") and m.attrs.get("stance") is None:
            m.attrs["stance"], m.attrs["by"] = group.attrs["stance"], group.attrs["by"]
            m.attrs["stance_at"] = group.attrs["stance_at"]
    yield from out


def _responses(text: str) -> Iterator[Mention]:
    numbered, stated = _layout_items(text)
    lists = list(layout.commitment_lists(text))
    announced = _Spans([(m.start(), end) for m, end in layout.announced_lists(text)])
    collect = _Collect(text, [*numbered.values(), *stated])
    commitments = []
    spans = sentence_spans(text)
    tail = text.rstrip()
    cut = bool(tail) and tail[-1] not in ".!?:;\"'”’»)"
    for i, a, b, items, promise in _sentences(text, spans):
        before = spans[i - 1] if i else None
        parts = split(text, a, b)
        for k, (pa, pb) in enumerate(parts):
            s = Sentence.read(text, pa, pb)
            if not s.low:
                continue
            said = Said(s, collect.speakers)
            if items:
                last = cut and i == len(spans) - 1 and k == len(parts) - 1
                collect.sentence(said, parts[k - 1] if k else before, last)
            else:
                collect.speakers.author_recent = False
            c = sentence_commitment(said) if promise and not announced.covers(pa, pb) and \
                not _heading(text, pa, pb) else None
            if c and not announced.overlaps(c.start, c.end):
                commitments.append(c)
    for stand_in, m in collect.stand_ins:
        if stand_in.stance and m.attrs.get("stance") is None:
            m.attrs["stance"], m.attrs["stance_at"], m.attrs["by"] = stand_in.stance, stand_in.quote, stand_in.by
    sections = layout.lettered_sections(text)
    numbered_sections = layout.numbered_sections(text)
    by_section: dict[tuple[str, str], int] = {}
    for it in collect.items:
        if numbered_sections.starts and it.number is None and not it.collective:
            k = numbered_sections.label(it.start)
            if k:
                by_section[(k, it.kind)] = by_section.get((k, it.kind), 0) + 1
    # number items by section only when no section holds two of a kind (a nader rapport's points, each with its
    # finding and its recommendation; not a letter's topics)
    one_each = len({k for k, _ in by_section}) >= 2 and max(by_section.values()) == 1
    restated = _Restated([*numbered.values(), *stated])
    listed = _Spans([(m.start, m.end) for m in [*numbered.values(), *stated] if m.attrs["how"] in ("list", "table")])
    for it in collect.items:
        if not it.group and it.number is None and listed.overlaps(it.start, it.end):
            continue                           # the sentence is a list item already counted
        same = restated.find(it, text) if it.number is None and not it.collective else None
        if same is not None:
            if same.attrs.get("stance") is None and it.stance:
                same.attrs["stance"], same.attrs["stance_at"], same.attrs["by"] = it.stance, it.quote, it.by
            continue
        if it.number is not None:
            have = numbered.get((it.kind, it.number))
            if have is not None:
                if have.attrs.get("stance") is None and it.stance:
                    have.attrs["stance"], have.attrs["stance_at"], have.attrs["by"] = it.stance, it.quote, it.by
                continue
            m = _item_mention(text, it)
            m.attrs["text"] = ""
            if it.kind == "recommendation" and "." in it.number:     # recommendation 2.1 of conclusion 2
                m.attrs["finding"], m.attrs["finding_kind"] = it.number.split(".")[0], "conclusie"
            numbered[(it.kind, it.number)] = m
            continue
        letter = sections.label(it.start) if not it.collective else None
        if letter is None and one_each and not it.collective:
            letter = numbered_sections.label(it.start)
        if letter and (it.kind, letter) not in numbered:       # the first item of its kind in section "b."
            it.number = letter
            numbered[(it.kind, letter)] = _item_mention(text, it)
            continue
        yield _item_mention(text, it)
    yield from stated
    yield from numbered.values()
    yield from lists
    for n, c in enumerate(commitments, start=len(lists) + 1):
        start, end = _trimmed(text, c.start, min(c.end, c.start + MAX_TEXT * 2))
        yield Mention("commitment", str(n), start, end, text[start:end],
                      attrs={"text": fold(text[start:end]), "by": c.by, "when": c.when, "how": c.how})
