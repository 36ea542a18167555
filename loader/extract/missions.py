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

import yaml

from ..gazetteer import PhraseMatcher, Scanner, key, load
from ..model import Mention

_WINDOW = 200


def _words() -> dict[str, Any]:
    """data/mission_words.yaml: the mission context words and their window, checked."""
    raw = files("missiongraph").joinpath("data/mission_words.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw) or {}
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


def _in_context(start: int, end: int, context: list[int], sure: list[int], window: int) -> bool:
    """Whether a mission word starts, or an unambiguous mission name starts, within ``window`` characters of the
    span (positions sorted)."""
    for positions in (context, sure):
        i = bisect_left(positions, start - window)
        if i < len(positions) and positions[i] <= end + window:
            return True
    return False


def find_missions(text: str) -> Iterator[Mention]:
    """Missions named or described in ``text`` (kind "mission", value = canonical short name; a description has
    attrs ``via`` = ``description``)."""
    data = _missions()
    taken: list[tuple[int, int]] = []
    hits = list(data.matcher.finditer(text))
    keys = [key(text[h.start:h.end]) for h in hits]
    sure = sorted(h.start for h, k in zip(hits, keys) if k not in data.ambiguous and k not in data.described)
    context: list[int] | None = None                # mission words, found once per text when first needed
    for hit, k in zip(hits, keys):
        taken.append((hit.start, hit.end))
        if k in data.ambiguous:
            if context is None:
                context = [m.start() for m in data.context.finditer(text)]
            if not _in_context(hit.start, hit.end, context, sure, data.window):
                continue
        attrs = data.attrs(hit.id)
        if k in data.described:
            attrs["via"] = "description"
        yield Mention("mission", hit.id, hit.start, hit.end, text[hit.start:hit.end], attrs=attrs)
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
