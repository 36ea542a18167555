"""Mission rule: international missions and operations named or described in the text, from
``data/missions.yaml`` (and ``data/mission_words.yaml``).

A mission counts when it is named (MINUSMA, Minusma, MINUSMA-mandaat, EUFOR Althea, EUFOR-Althea, operatie
Althea, Resolute Support) or given as a literal Dutch rendering of its name (NAVO-missie in Irak -> NMI,
anti-ISIS-coalitie / strijd tegen ISIS -> Counter-Daesh, Taakgroep Takuba -> Takuba, Europese trainingsmissie in
Mali -> EUTM Mali). Bare words that name several missions (EUTM, EUFOR, EUCAP Sahel, EUNAVFOR, EUPOL) are resolved
by the nearest area word within 200 characters (EUTM ... Mali -> EUTM Mali) and dropped when none is near. Names
that are also ordinary words or other organisations' names (RSM, MRC, Atalanta, Althea, Takuba: ``ambiguous``)
count only with a mission word (missie, operatie, bijdrage, VN, NAVO, ...) or an unambiguous mission name within
``window`` characters. Descriptions ('de missie in Uruzgan', 'de anti-piraterijmissie bij Somalië') are reported
too, with attrs ``via`` = ``description``. A country name alone is never a mission. See
``missiongraph.gazetteer`` for the matching rules (case, separators, word boundaries).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..gazetteer import PhraseMatcher, Scanner, key, load
from ..model import Mention
from ..yamlfile import read_yaml

_WINDOW = 200
NAME, AMBIGUOUS, DESCRIPTION = "name", "ambiguous", "description"


def _words() -> dict[str, Any]:
    """data/mission_words.yaml: the mission context words and their window, checked."""
    raw = files("missiongraph").joinpath("data/mission_words.yaml").read_text(encoding="utf-8")
    data = read_yaml(raw) or {}
    if not isinstance(data.get("window"), int) or not data.get("context") or not data.get("examples"):
        raise ValueError("mission_words.yaml: needs window (characters), context (words) and examples")
    return data


def _context_regex(words: list[str]) -> re.Pattern[str]:
    """Context words at the start of a word, case-insensitively; words of four letters or fewer (VN, EU, NAVO) only
    whole ('EU-missie' yes, 'Europa' no)."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        pattern = re.escape(w).replace(r"\ ", r"[\s-]+")
        parts.append(pattern + (r"(?![^\W\d_])" if len(w) <= 4 else ""))
    return re.compile(r"(?<![^\W\d_])(?i:" + "|".join(parts) + ")")


class _Missions:
    def __init__(self) -> None:
        entries = load("missions")
        self.entries: dict[str, dict[str, Any]] = {e["id"]: e for e in entries}
        pairs: list[tuple[str, str]] = []
        self.described: set[str] = set()       # keys of descriptions
        self.ambiguous: set[str] = set()       # keys of names that need a mission word nearby
        # bare word -> [(mission id, near phrases)]
        contextual: dict[str, list[tuple[str, list[str]]]] = {}
        for e in entries:
            names = ([e["id"]] if e.get("match_id", True) else []) + [e.get("name") or "", e.get("name_nl") or ""]
            for alias in [*names, *e["aliases"]]:
                if alias and alias.strip():
                    pairs.append((alias, e["id"]))
            for phrase in e["descriptions"]:
                pairs.append((phrase, e["id"]))
                self.described.add(key(phrase))
            for name in e["ambiguous"]:
                if key(name) not in {key(a) for a in names + e["aliases"] if a}:
                    raise ValueError(f"missions.yaml: {e['id']}: ambiguous {name!r} is not one of its names")
                self.ambiguous.add(key(name))
            for ctx in e.get("context") or []:
                contextual.setdefault(ctx["alias"], []).append((e["id"], list(ctx["near"])))
        self.matcher = PhraseMatcher(pairs)
        self.bare: list[tuple[Scanner, list[tuple[str, Scanner]]]] = []
        for word, options in contextual.items():
            near = [(ident, Scanner(phrases)) for ident, phrases in options]
            self.bare.append((Scanner([word]), near))

        self._attrs = {ident: self._entry_attrs(ident) for ident in self.entries}
        words = _words()
        self.context = _context_regex(words["context"])
        self.window: int = words["window"]
        self._kinds: dict[str, str] = {}

    def _entry_attrs(self, ident: str) -> dict[str, Any]:
        e = self.entries[ident]
        out = {"name": e.get("name") or ident, "organisation": e.get("organisation") or ""}
        if e.get("name_nl"):
            out["name_nl"] = e["name_nl"]
        if e.get("area"):
            out["area"] = e["area"]
        return out

    def kind(self, surface: str) -> tuple[str, str | None, str]:
        """(surface, mission id or None, whether it is a name, an ambiguous name or a description) of a matched
        surface form (memoised: the same few forms recur)."""
        found = self._kinds.get(surface)
        if found is None:
            k = key(surface)
            kind = DESCRIPTION if k in self.described else AMBIGUOUS if k in self.ambiguous else NAME
            found = (surface, self.matcher.lookup(surface), kind)
            if len(self._kinds) < 50_000:
                self._kinds[surface] = found
        return found

    def attrs(self, ident: str) -> dict[str, Any]:
        """The attributes of a mention of mission ``ident``: a copy for each mention (rules may add to it)."""
        return self._attrs[ident].copy()


@lru_cache(maxsize=1)
def _missions() -> _Missions:
    return _Missions()


def _nearest(start: int, end: int, near: list[tuple[str, list[int], list[int]]]) -> str | None:
    """The mission whose area word (start offsets, end offsets, both sorted) is nearest to the span, within
    ``_WINDOW`` characters; ties go to the first listed."""
    best: tuple[int, int, str] | None = None
    for order, (ident, starts, ends) in enumerate(near):
        i = bisect_right(ends, start) - 1          # last area word that ends at or before the span
        j = bisect_left(starts, end)               # first area word that starts at or after the span
        distances = []
        if i >= 0:
            distances.append(start - ends[i])
        if j < len(starts):
            distances.append(starts[j] - end)
        if not distances:
            continue
        candidate = (min(distances), order, ident)
        if candidate[0] <= _WINDOW and (best is None or candidate < best):
            best = candidate
    return best[2] if best else None


class _Context:
    """Where mission words start, looked for only around the ambiguous names (the context regex has no literal
    start: run over a whole text it costs as much as all the other mission look-ups together)."""

    def __init__(self, regex: re.Pattern[str], text: str, window: int, sure: list[int]):
        self.regex, self.text, self.window, self.sure = regex, text, window, sure
        self.found = -1                  # the last mission word found (a start position), -1: none yet
        self.searched = 0                # the text before this position has been searched

    def near(self, start: int, end: int) -> bool:
        """Whether a mission word or an unambiguous mission name starts within ``window`` characters of the span.
        Spans come in text order, so each character is searched at most once (linear)."""
        lo, hi = max(0, start - self.window), end + self.window
        i = bisect_left(self.sure, lo)
        if i < len(self.sure) and self.sure[i] <= hi:
            return True
        if lo <= self.found <= hi:
            return True
        # (a word may run past hi: search a little further, a mission word is shorter than 40 characters)
        m = self.regex.search(self.text, max(lo, self.searched), min(len(self.text), hi + 40))
        if m is None:
            self.searched = max(self.searched, hi)
            return False
        self.found, self.searched = m.start(), m.start() + 1     # search on from just after it next time
        return m.start() <= hi


def find_missions(text: str) -> Iterator[Mention]:
    """Missions named or described in ``text`` (kind "mission", value = canonical short name; a description has
    attrs ``via`` = ``description``)."""
    data = _missions()
    taken: list[tuple[int, int]] = []
    hits = [(m.start(), m.end(), *data.kind(m.group())) for m in data.matcher.matches(text)]
    context: _Context | None = None                 # made when the first ambiguous name needs it
    for start, end, surface, ident, kind in hits:
        if ident is None:
            continue
        taken.append((start, end))
        if kind is AMBIGUOUS:
            if context is None:
                sure = [h[0] for h in hits if h[4] is NAME]
                context = _Context(data.context, text, data.window, sure)
            if not context.near(start, end):
                continue
        attrs = data.attrs(ident)
        if kind is DESCRIPTION:
            attrs["via"] = "description"
        yield Mention("mission", ident, start, end, surface, attrs=attrs)
    taken.sort()
    starts = [s for s, _ in taken]
    for bare, near in data.bare:
        located: list[tuple[str, list[int], list[int]]] | None = None
        for m in bare.finditer(text):
            k = bisect_right(starts, m.start()) - 1
            if (k >= 0 and taken[k][1] > m.start()) or (k + 1 < len(taken) and taken[k + 1][0] < m.end()):
                continue                            # part of a full alias ('EUTM Mali')
            if located is None:                     # area words, found once per text
                located = []
                for ident, pattern in near:
                    spans = [(h.start(), h.end()) for h in pattern.finditer(text)]
                    located.append((ident, [s for s, _ in spans], sorted(e for _, e in spans)))
            ident = _nearest(m.start(), m.end(), located)
            if ident is None:
                continue
            yield Mention("mission", ident, m.start(), m.end(), m.group(), attrs=data.attrs(ident))


RULES = [find_missions]
