"""Gazetteers: the YAML lists of missions, ministries, organisations and countries, and phrase matchers.

The data lives in ``missiongraph/data/{missions,ministries,organisations,countries}.yaml`` (see the comments at
the top of each file for the format). ``load(name)`` reads and checks one list (cached). ``PhraseMatcher`` turns
(alias, id) pairs into one compiled regular expression that finds every alias as a whole word sequence:

* lower- and mixed-case words match case-insensitively ("operatie Althea" finds "Operatie Althea");
* acronym-like words (two or more capitals, a digit, or a capital after a lower-case first letter: EUFOR, G5,
  eFP) match as written or in upper case, and capitalised from four letters on when ``title_acronyms`` is set
  ("Minusma", "Navo"); two- and three-letter acronyms only as written (VN, EU, OEF);
* a space or hyphen between two words matches any run of white space and hyphens, so PDF line breaks and blank
  lines inside a name ("VN-\\n\\nmissie") and hyphen variants ("anti-ISIS coalitie") match;
* no letter or digit may stand directly before a match and no letter directly after it (a digit may: footnote
  numbers are glued to words, "Irak1"), so UNMIS never matches inside UNMISS and Mali not inside Malinese.

At one position the longest alias wins; matches do not overlap. The pattern has no nested quantifiers, so
matching is linear in the text length.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

NAMES = ("missions", "ministries", "organisations", "countries")

# Boundaries shared by the rules: no letter/digit before, no letter after.
START = r"(?<![^\W_])"
END = r"(?![^\W\d_])"
SEP = r"[\s\-]+"

_SPLIT = re.compile(r"[\s\-]+")


def key(text: str) -> str:
    """Lookup key of a surface form: white space and hyphens folded to one space, case folded."""
    return _SPLIT.sub(" ", text).strip().casefold()


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return True
    uppers = sum(c.isupper() for c in letters)
    return uppers >= 2 or any(c.isdigit() for c in token) or (uppers >= 1 and not token[0].isupper())


def token_pattern(token: str, title_acronyms: bool = True) -> str:
    """Regex for one word of an alias (see the module docstring for the case rules)."""
    if _is_acronym(token):
        forms = {token, token.upper()}
        letters = sum(c.isalpha() for c in token)
        if title_acronyms and token.isupper() and letters >= 4 and token.isalpha():
            forms.add(token[0] + token[1:].lower())
        return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"
    return "(?i:" + re.escape(token) + ")"


def phrase_pattern(phrase: str, title_acronyms: bool = True) -> str:
    """Regex for an alias: its words joined by ``SEP``, without boundaries."""
    tokens = [t for t in _SPLIT.split(phrase.strip()) if t]
    if not tokens:
        raise ValueError(f"empty alias: {phrase!r}")
    return SEP.join(token_pattern(t, title_acronyms) for t in tokens)


def alternation(patterns: dict[str, str]) -> str:
    """One regex for many aliases (alias -> its pattern): longest alias first among those that can match at the
    same place, grouped by first letter behind a one-character lookahead, so that at each position the engine
    only tries the aliases that start with the letter found there."""
    groups: dict[str, list[str]] = {}
    for alias in patterns:
        groups.setdefault(alias.strip()[:1].casefold(), []).append(alias)
    branches = []
    for first in sorted(groups):
        ordered = sorted(groups[first], key=lambda a: (-len(key(a)), a))
        chars = "".join(re.escape(c) for c in sorted({first, first.upper(), first.lower()}) if len(c) == 1)
        branches.append(f"(?=[{chars}])(?:" + "|".join(patterns[a] for a in ordered) + ")")
    return "(?:" + "|".join(branches) + ")" if branches else r"(?!x)x"


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    id: str


class PhraseMatcher:
    """Finds any of many aliases in a text and tells which id each match stands for."""

    def __init__(self, pairs: Iterable[tuple[str, str]], title_acronyms: bool = True, boundaries: bool = True):
        self.ids: dict[str, str] = {}
        patterns: dict[str, str] = {}
        for alias, ident in pairs:
            k = key(alias)
            if not k:
                continue
            other = self.ids.get(k)
            if other is not None and other != ident:
                raise ValueError(f"alias {alias!r} names both {other!r} and {ident!r}")
            self.ids[k] = ident
            patterns.setdefault(alias, phrase_pattern(alias, title_acronyms))
        self.regex = re.compile((START + alternation(patterns) + END) if boundaries else alternation(patterns))

    def finditer(self, text: str) -> Iterator[Hit]:
        for m in self.regex.finditer(text):
            ident = self.ids.get(key(m.group()))
            if ident is not None:
                yield Hit(m.start(), m.end(), ident)


def _read(name: str) -> list[dict[str, Any]]:
    if name not in NAMES:
        raise KeyError(name)
    raw = files("missiongraph").joinpath(f"data/{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw) or []
    if not isinstance(data, list):
        raise ValueError(f"{name}.yaml: expected a list of entries")
    seen: set[str] = set()
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"].strip():
            raise ValueError(f"{name}.yaml: entry without id: {entry!r}")
        if entry["id"] in seen:
            raise ValueError(f"{name}.yaml: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        for field in ("aliases", "names", "abbreviations", "prefixed", "english", "compounds"):
            value = entry.get(field)
            if value is None:
                entry[field] = []
            elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{name}.yaml: {entry['id']}: {field} must be a list of strings")
    return data


@lru_cache(maxsize=None)
def _cached(name: str) -> tuple[dict[str, Any], ...]:
    return tuple(_read(name))


def load(name: str) -> list[dict[str, Any]]:
    """The entries of ``data/<name>.yaml`` (missions, ministries, organisations, countries), checked.

    Returns deep copies, so callers cannot change the cached data by accident."""
    return copy.deepcopy(list(_cached(name)))


def by_id(name: str) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in load(name)}
