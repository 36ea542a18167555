"""Mission rule: international missions and operations named in the text, from ``data/missions.yaml``.

A mission counts when it is named (MINUSMA, Minusma, MINUSMA-mandaat, EUFOR Althea, Resolute Support) or given
as a literal Dutch rendering of its name (NAVO-missie in Irak -> NMI, anti-ISIS-coalitie / strijd tegen ISIS ->
Counter-Daesh, Taakgroep Takuba -> Takuba, Europese trainingsmissie in Mali -> EUTM Mali). Bare words that
name several missions (EUTM, EUFOR, EUCAP Sahel, EUNAVFOR, EUPOL) are resolved by the nearest area word within
200 characters (EUTM ... Mali -> EUTM Mali) and dropped when none is near. A country name alone is never a
mission. See ``missiongraph.gazetteer`` for the matching rules (case, separators, word boundaries).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..gazetteer import PhraseMatcher, Scanner, load
from ..model import Mention

_WINDOW = 200


class _Missions:
    def __init__(self) -> None:
        entries = load("missions")
        self.entries: dict[str, dict[str, Any]] = {e["id"]: e for e in entries}
        pairs: list[tuple[str, str]] = []
        # bare word -> [(mission id, near phrases)]
        contextual: dict[str, list[tuple[str, list[str]]]] = {}
        for e in entries:
            names = ([e["id"]] if e.get("match_id", True) else []) + [e.get("name") or "", e.get("name_nl") or ""]
            for alias in [*names, *e["aliases"]]:
                if alias and alias.strip():
                    pairs.append((alias, e["id"]))
            for ctx in e.get("context") or []:
                contextual.setdefault(ctx["alias"], []).append((e["id"], list(ctx["near"])))
        self.matcher = PhraseMatcher(pairs)
        self.bare: list[tuple[Scanner, list[tuple[str, Scanner]]]] = []
        for word, options in contextual.items():
            near = [(ident, Scanner(phrases)) for ident, phrases in options]
            self.bare.append((Scanner([word]), near))

        self._attrs = {ident: self._entry_attrs(ident) for ident in self.entries}

    def _entry_attrs(self, ident: str) -> dict[str, Any]:
        e = self.entries[ident]
        out = {"name": e.get("name") or ident, "organisation": e.get("organisation") or ""}
        if e.get("name_nl"):
            out["name_nl"] = e["name_nl"]
        if e.get("area"):
            out["area"] = e["area"]
        return out

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


def find_missions(text: str) -> Iterator[Mention]:
    """Missions named in ``text`` (kind "mission", value = canonical short name)."""
    data = _missions()
    taken: list[tuple[int, int]] = []
    for hit in data.matcher.finditer(text):
        taken.append((hit.start, hit.end))
        yield Mention("mission", hit.id, hit.start, hit.end, text[hit.start:hit.end], attrs=data.attrs(hit.id))
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
