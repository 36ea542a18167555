"""The response lexicon: phrasings read from YAML next to this module (``stances.yaml``, ``items.yaml``,
``commitments.yaml``) and matched on the words of a sentence.

A phrase is a sequence of lower-case words; "…" stands for a gap of up to ``GAP`` words ("neemt … over"). A
:class:`PhraseIndex` holds many phrases by their first word and finds them in a list of words: each word tries only
the phrases that begin with it, longest first, and a gap looks ahead at most ``GAP`` words, so matching is linear
in the number of words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ...gazetteer import load
from ...yamlfile import read_yaml

GAP = 10           # words a "…" may stand for
ELLIPSIS = ("…", "...")
STANCES = ("full", "partial", "rejected")


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str | None, ...]   # None: a gap
    value: str                      # what the phrase means (a stance, a kind of item or promise, ...)
    row: str                        # the lexicon row it comes from (its main phrase)


class Hit:
    """A phrase found in a list of words."""

    __slots__ = ("phrase", "first", "last", "gap", "value", "row")

    def __init__(self, phrase: Phrase, first: int, last: int, gap: tuple[int, int] | None = None):
        self.phrase = phrase
        self.first = first                      # index of the first word matched
        self.last = last                        # index of the last word matched
        self.gap = gap                          # indexes [from, to) of the words the gap stood for
        self.value = phrase.value
        self.row = phrase.row

    def __repr__(self) -> str:
        return f"Hit({self.phrase.row!r}, {self.first}, {self.last}, {self.gap})"


def parse_phrase(text: str) -> tuple[str | None, ...]:
    """``"neemt … over"`` -> ``("neemt", None, "over")``."""
    out: list[str | None] = []
    for token in text.replace("…", " … ").split():
        if token in ELLIPSIS:
            if not out or out[-1] is None:
                raise ValueError(f"phrase {text!r}: a gap must stand between two words")
            out.append(None)
        else:
            out.append(token.lower())
    if not out or out[-1] is None:
        raise ValueError(f"phrase {text!r}: empty, or ends with a gap")
    return tuple(out)


# A phrase as ``PhraseIndex`` tries it: its words as a list when it has no gap (else None), its length, the phrase.
_Plan = tuple[list[str] | None, int, Phrase]


def _second(plan: _Plan) -> str | None:
    """The word a plan's phrase requires right after its first, or None (one word, or a gap after the first)."""
    words = plan[2].words
    return words[1] if len(words) > 1 else None


class PhraseIndex:
    """Phrases by their first word."""

    def __init__(self, phrases: Iterable[Phrase]):
        self.by_first: dict[str, list[Phrase]] = {}
        for p in phrases:
            self.by_first.setdefault(p.words[0], []).append(p)
        for group in self.by_first.values():     # at one start the longest phrase wins
            group.sort(key=lambda p: -len(p.words))
        # per first word, its phrases as plans, longest first, as (the plans to try by the word after it, the plans
        # to try after any other word): a phrase whose second word is not the one that follows cannot match there,
        # so only the others are tried ("is" starts 15 marker phrasings, most of which the next word rules out)
        self._plans: dict[str, tuple[dict[str, list[_Plan]], list[_Plan]]] = {}
        for w, group in self.by_first.items():
            plans = [(list(p.words) if None not in p.words else None, len(p.words), p) for p in group]
            seconds = {p.words[1] for p in group if len(p.words) > 1} - {None}
            self._plans[w] = ({second: [plan for plan in plans if _second(plan) in (None, second)]
                               for second in seconds}, [plan for plan in plans if _second(plan) is None])
        # the first words all of whose phrases need a second word, with those words: such a word starts no hit in a
        # sentence that holds none of them ("de" starts only "de komende …")
        self._seconds = {w: frozenset(by_second) for w, (by_second, others) in self._plans.items() if not others}

    def first_words(self) -> frozenset[str]:
        return frozenset(self.by_first)

    def _candidates(self, words: list[str], i: int, end: int) -> list[_Plan]:
        """The plans that may match at word ``i``, longest first."""
        table = self._plans.get(words[i])
        if table is None:
            return []
        by_second, others = table
        return by_second.get(words[i + 1], others) if i + 1 < end else others

    def _hits_at(self, words: list[str], i: int, end: int, breaks: list[bool] | None) -> Iterator[Hit]:
        """The phrases that match at word ``i``, longest first."""
        for plan in self._candidates(words, i, end):
            hit = _plan_hit(plan, words, i, end, breaks)
            if hit:
                yield hit

    def match_at(self, words: list[str], i: int, end: int, breaks: list[bool] | None = None) -> Hit | None:
        """The first (longest) phrase that matches at word ``i``: ``_hits_at``'s first, without a generator (it
        is asked for every candidate start of every ``find``)."""
        for plan in self._candidates(words, i, end):
            hit = _plan_hit(plan, words, i, end, breaks)
            if hit:
                return hit
        return None

    def all_at(self, words: list[str], i: int, end: int, breaks: list[bool] | None = None) -> list[Hit]:
        """Every phrase that matches at word ``i``, longest first (``match_at`` gives the first of them)."""
        return list(self._hits_at(words, i, end, breaks))

    def find(self, words: list[str], start: int = 0, end: int | None = None,
             breaks: list[bool] | None = None, where: dict[str, list[int]] | None = None) -> list[Hit]:
        """Non-overlapping hits in ``words[start:end]``, left to right. ``breaks[i]``: a clause ends after word
        ``i`` (a comma): no gap reaches across it. ``where``: the positions of each word (``Sentence.where``), so
        that only the positions of the words phrases start with are tried (of a word whose phrases all need a
        second word, only when one of those stands in the sentence)."""
        end = len(words) if end is None else end
        by_first = self.by_first
        if where is not None:
            seconds = self._seconds
            present = [w for w in by_first.keys() & where.keys()
                       if w not in seconds or not seconds[w].isdisjoint(where)]
            if not present:
                return []
            if len(present) == 1:
                starts = where[present[0]]
            else:
                starts = []
                for w in present:
                    starts += where[w]
                starts.sort()
        else:
            starts = [i for i in range(start, end) if words[i] in by_first]
        out: list[Hit] = []
        after = start
        match_at = self.match_at
        for i in starts:
            if i < after or i >= end:
                continue
            hit = match_at(words, i, end, breaks)
            if hit:
                out.append(hit)
                after = hit.last + 1
        return out


def _plan_hit(plan: _Plan, words: list[str], i: int, end: int,
              breaks: list[bool] | None) -> Hit | None:
    """The hit of one phrase (its plan) at word ``i``, or None."""
    seq, n, p = plan
    if seq is not None:                          # no gap: the words as they stand
        return Hit(p, i, i + n - 1) if i + n <= end and (n == 1 or words[i:i + n] == seq) else None
    return _match(p, words, i, end, breaks)


def _match(p: Phrase, words: list[str], i: int, end: int, breaks: list[bool] | None = None) -> Hit | None:
    j, k, gap = i, 0, None
    parts = p.words
    while k < len(parts):
        w = parts[k]
        if w is None:               # a gap: the next word must come within GAP words, in the same clause
            nxt = parts[k + 1]
            if breaks is not None and j > 0 and breaks[j - 1]:
                return None
            for g in range(j, min(end, j + GAP + 1)):
                if words[g] == nxt:
                    gap, j = (j, g), g + 1
                    break
                if breaks is not None and breaks[g]:
                    return None
            else:
                return None
            k += 2
            continue
        if j >= end or words[j] != w:
            return None
        j += 1
        k += 1
    return Hit(p, i, j - 1, gap)


def phrases_of(rows: Iterable[dict[str, Any]], value_key: str | None, default: str = "") -> list[Phrase]:
    """Every phrase and form of ``rows`` as a :class:`Phrase` whose value is the row's ``value_key``."""
    out = []
    for row in rows:
        value = row.get(value_key, default) if value_key else default
        for text in [row["phrase"], *row.get("forms", [])]:
            out.append(Phrase(parse_phrase(text), value, row["phrase"]))
    return out


@lru_cache(maxsize=None)
def read(name: str) -> dict[str, Any]:
    """One of the lexicon files (``stances``, ``items``, ``commitments``), parsed and checked."""
    raw = files("missiongraph.extract.responses").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = read_yaml(raw)
    if not isinstance(data, dict):
        raise ValueError(f"{name}.yaml: expected a mapping of sections")
    for section, rows in data.items():
        if not isinstance(rows, list):
            continue
        for row in rows:
            if isinstance(row, dict) and "phrase" in row:
                parse_phrase(row["phrase"])
                for form in row.get("forms", []):
                    parse_phrase(form)
    return data


@dataclass(frozen=True)
class StanceLexicon:
    stances: PhraseIndex            # value: full | partial | rejected
    scope: PhraseIndex              # narrowing words: the stance becomes partial
    complete: PhraseIndex           # "volledig", "zonder reserve": full whatever else the clause says
    appraisals: PhraseIndex         # no stance, but an appraised group is listed
    negations: frozenset[str]
    contrasts: frozenset[str]
    content: dict[str, str]         # stance row -> what its "dat"/"om" clause is (stances.yaml ``content``)


@lru_cache(maxsize=1)
def stance_lexicon() -> StanceLexicon:
    s = read("stances")
    for row in s["stances"]:
        if row.get("stance") not in STANCES:
            raise ValueError(f"stances.yaml: {row['phrase']!r}: stance must be one of {STANCES}")
    return StanceLexicon(
        stances=PhraseIndex(phrases_of(s["stances"], "stance")),
        scope=PhraseIndex(phrases_of(s["scope"], None, "partial")),
        complete=PhraseIndex(phrases_of(s["complete"], None, "full")),
        appraisals=PhraseIndex(phrases_of(s["appraisals"], None, "appraisal")),
        negations=frozenset(s["negations"]),
        contrasts=frozenset(s["contrasts"]),
        content={row["phrase"]: row["content"] for row in s["stances"] if row.get("content")},
    )


@dataclass(frozen=True)
class Noun:
    kind: str           # recommendation | finding
    plural: bool
    group: bool         # names the items as a whole ("de aanbevelingen", "het advies")
    specific: bool      # names an item only with its content ("het idee dat …")
    report: bool        # names a report ("het advies", "de rapporten")
    anaphor_only: bool = False   # names an item only after an anaphor ("dit beeld", "dat voorstel")


@dataclass(frozen=True)
class ItemLexicon:
    nouns: dict[str, Noun]
    links: frozenset[str]
    determiners: frozenset[str]
    anaphors: frozenset[str]
    agents: frozenset[str]
    bodies: frozenset[str]
    government: frozenset[str]
    others: frozenset[str]
    verbs: PhraseIndex              # value: recommendation | finding
    opinions: frozenset[str]        # report verbs (by row) whose "dat … moet" is a recommendation ("vindt dat")
    proposals: frozenset[str]       # "de door de WRR ontwikkelde toets"
    response_labels: tuple[str, ...]  # "Reactie", "Standpunt kabinet": a line that answers the item above it


@lru_cache(maxsize=1)
def item_lexicon() -> ItemLexicon:
    raw = read("items")
    nouns = {}
    for row in raw["nouns"]:
        specific, report, only = bool(row.get("specific")), bool(row.get("group")), bool(row.get("anaphor_only"))
        nouns[row["singular"]] = Noun(row["kind"], False, report, specific, report, only)
        nouns[row["plural"]] = Noun(row["kind"], True, not specific, specific, report, only)
    return ItemLexicon(nouns, frozenset(raw["content_links"]), frozenset(raw["group_determiners"]),
                       frozenset(raw["anaphors"]), frozenset(raw["report_agents"]),
                       frozenset(raw["person_titles"]) | body_words(), frozenset(raw["government"]),
                       frozenset(raw["others"]), PhraseIndex(phrases_of(raw["report_verbs"], "kind")),
                       frozenset(r["phrase"] for r in raw["report_verbs"] if r.get("opinion")),
                       frozenset(raw["proposals"]), tuple(row["label"] for row in raw["response_labels"]))


AUTHOR_TYPES = ("evaluator", "advisory", "inspection", "audit", "investigation", "research", "ombudsman")


@lru_cache(maxsize=1)
def body_words() -> frozenset[str]:
    """One-word names (lower case) of the organisations that write reports (organisations.yaml, the types in
    ``AUTHOR_TYPES``): "aiv", "wrr", "onderwijsraad", "igz"."""
    out = set()
    for e in load("organisations"):
        if e.get("type") in AUTHOR_TYPES:
            for name in [e["id"], e.get("name") or "", *e["aliases"], *e["former"]]:
                if name and " " not in name:
                    out.add(name.lower())
    return frozenset(out)


@dataclass(frozen=True)
class CommitmentLexicon:
    markers: PhraseIndex            # value: promise | future | intention | delivery | measure | dated | ahead
    exclusions: PhraseIndex         # value: the kinds of marker it cancels, joined by ","
    not_acts: frozenset[str]
    measures: frozenset[str]
    not_measures: frozenset[str]    # participles after "wordt" that announce no act: "wordt ingegaan op"
    deliverables: frozenset[str]
    forms: tuple[tuple[tuple[str, ...], str | None], ...]   # each marker form's words, and what else it requires
    segment_wide: frozenset[str]    # exclusions (by row) that cancel a marker in its whole segment (reach: segment)
    forward: frozenset[str]         # exclusions (by row) that cancel only the markers after them (reach: after)
    unless_next: dict[str, frozenset[str]]   # per exclusion row, the words after which it does not count
    past: frozenset[str]            # words that put a clause in the past (a time that looks ahead announces nothing)
    obliged: frozenset[str]         # words that lay an obligation on someone (nor there)
    imperatives: frozenset[str]     # verbs a report's recommendation opens with ("Formuleer …")
    requires: dict[str, str]        # per marker row, what else it requires (the rows that require something)


@lru_cache(maxsize=1)
def commitment_lexicon() -> CommitmentLexicon:
    raw = read("commitments")
    exclusions = []
    for row in raw["exclusions"]:
        exclusions.extend(phrases_of([{**row, "blocks": ",".join(row["blocks"])}], "blocks"))
    forms = tuple((tuple(w for w in parse_phrase(text) if w), row.get("requires"))
                  for row in raw["markers"] for text in [row["phrase"], *row.get("forms", [])])
    return CommitmentLexicon(PhraseIndex(phrases_of(raw["markers"], "how")), PhraseIndex(exclusions),
                             frozenset(raw["not_acts"]), frozenset(raw["measures"]),
                             frozenset(raw["not_measures"]), frozenset(raw["deliverables"]),
                             forms,
                             frozenset(r["phrase"] for r in raw["exclusions"] if r.get("reach") == "segment"),
                             frozenset(r["phrase"] for r in raw["exclusions"] if r.get("reach") == "after"),
                             {r["phrase"]: frozenset(r["unless_next"]) for r in raw["exclusions"]
                              if r.get("unless_next")},
                             frozenset(raw["past"]), frozenset(raw["obliged"]), frozenset(raw["imperatives"]),
                             {r["phrase"]: r["requires"] for r in raw["markers"] if r.get("requires")})
