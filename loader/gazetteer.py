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

At one position the longest alias wins; matches do not overlap. The pattern starts with a character class of all
first characters (the engine then skips from candidate to candidate) and has no nested quantifiers, so matching
is linear in the text length.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .scan import find_lowered, leading_word, lowered, matches_at, word_starts
from .yamlfile import read_yaml

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


def _forms(token: str, title_acronyms: bool) -> list[str] | None:
    """The written forms an acronym-like word matches (longest first), or None for a case-insensitive word."""
    if not _is_acronym(token):
        return None
    forms = {token, token.upper()}
    letters = sum(c.isalpha() for c in token)
    if title_acronyms and token.isupper() and letters >= 4 and token.isalpha():
        forms.add(token[0] + token[1:].lower())
    return sorted(forms, key=lambda f: (-len(f), f))


def token_pattern(token: str, title_acronyms: bool = True, skip_first: bool = False) -> str:
    """Regex for one word of an alias (see the module docstring for the case rules).

    ``skip_first``: the pattern for the word without its first character, which the caller has consumed with a
    character class; for acronyms a lookbehind then checks the case of that first character."""
    forms = _forms(token, title_acronyms)
    if forms is None:
        rest = token[1:] if skip_first else token
        return "(?i:" + re.escape(rest) + ")" if rest else ""
    if skip_first:
        return "(?:" + "|".join(f"(?<={re.escape(f[0])}){re.escape(f[1:])}" for f in forms) + ")"
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"


def _tokens(phrase: str) -> list[str]:
    tokens = [t for t in _SPLIT.split(phrase.strip()) if t]
    if not tokens:
        raise ValueError(f"empty alias: {phrase!r}")
    return tokens


def phrase_pattern(phrase: str, title_acronyms: bool = True, skip_first: bool = False) -> str:
    """Regex for an alias: its words joined by ``SEP``, without boundaries (``skip_first``: see token_pattern)."""
    tokens = _tokens(phrase)
    parts = [token_pattern(tokens[0], title_acronyms, skip_first)]
    parts += [token_pattern(t, title_acronyms) for t in tokens[1:]]
    return SEP.join(parts) if parts[0] else SEP + SEP.join(parts[1:]) if len(parts) > 1 else ""


def _first_chars(phrase: str, title_acronyms: bool) -> set[str]:
    token = _tokens(phrase)[0]
    forms = _forms(token, title_acronyms)
    firsts = {f[0] for f in forms} if forms else {token[0], token[0].lower(), token[0].upper()}
    return {c for c in firsts if len(c) == 1}


def lead(chars: str) -> str:
    """A lookahead for the first character of a pattern that starts with a lookbehind: the engine then rejects
    most positions with one character test (a pattern that starts with a lookbehind is otherwise tried in full
    at every position)."""
    return "(?=[" + "".join(re.escape(c) for c in sorted(set(chars))) + "])"


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def alternation(aliases: Iterable[str], title_acronyms: bool = True, boundary: bool = True) -> str:
    """One regex for many aliases, built for speed: it starts with a character class of every first character
    (so the engine jumps from candidate to candidate instead of trying each alias at each position), then checks
    the word boundary before that character (``boundary``), then tries only the aliases that start with the
    character found, longest first (among aliases that can match at the same place, the longest wins)."""
    groups: dict[str, list[str]] = {}
    chars: dict[str, set[str]] = {}
    for alias in set(aliases):
        letter = _tokens(alias)[0][0].casefold()
        groups.setdefault(letter, []).append(alias)
        chars.setdefault(letter, set()).update(_first_chars(alias, title_acronyms))
    if not groups:
        return r"(?!x)x"
    first = _char_class(set().union(*chars.values()))
    branches = []
    for letter in sorted(groups):
        ordered = sorted(groups[letter], key=lambda a: (-len(key(a)), a))
        rest = "|".join(phrase_pattern(a, title_acronyms, skip_first=True) for a in ordered)
        branches.append(f"(?<={_char_class(chars[letter])})(?:{rest})")
    return first + (r"(?<![^\W_].)" if boundary else "") + "(?:" + "|".join(branches) + ")"


class Scanner:
    """A compiled alternation of aliases (see ``alternation``) tried only where a match can start, with the same
    matches as ``regex.finditer`` but 5-10x faster on a 10 KB text (the alternation has no literal start, so ``re``
    would try it at nearly every letter).

    Where a match can start: each alias's first word begins with a run of letters (or digits) that, lower-cased,
    is a whole run in ``scan.lowered`` text at the match position (the character before a match is no letter or
    digit, and an accented letter is a '?' there). The text's runs are one set per text (``scan.words``); the
    runs wanted that it contains are looked up with ``str.find``. An alias that starts with another character
    (a quote, an accented letter) is looked up by its first three lower-cased characters."""

    def __init__(self, aliases: Iterable[str], title_acronyms: bool = True, boundaries: bool = True):
        aliases = list(aliases)
        self.regex = re.compile(alternation(aliases, title_acronyms, boundaries) + (END if boundaries else ""))
        firsts = [_tokens(alias)[0] for alias in aliases]
        self.words = frozenset(w for w in map(leading_word, firsts) if w)
        self.others = sorted({lowered(first)[:3] for first in firsts if not leading_word(first)})

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        starts = word_starts(text, self.words)
        if self.others:
            starts = sorted(set(starts).union(find_lowered(text, self.others)))
        return matches_at(self.regex, text, starts)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    id: str


class PhraseMatcher:
    """Finds any of many aliases in a text and tells which id each match stands for."""

    def __init__(self, pairs: Iterable[tuple[str, str]], title_acronyms: bool = True, boundaries: bool = True):
        self.ids: dict[str, str] = {}
        self._memo: dict[str, str | None] = {}
        aliases: set[str] = set()
        for alias, ident in pairs:
            k = key(alias)
            if not k:
                continue
            other = self.ids.get(k)
            if other is not None and other != ident:
                raise ValueError(f"alias {alias!r} names both {other!r} and {ident!r}")
            self.ids[k] = ident
            aliases.add(alias)
        self.scanner = Scanner(aliases, title_acronyms, boundaries)
        self.regex = self.scanner.regex

    def lookup(self, surface: str) -> str | None:
        """The id a matched surface form stands for (memoised: the same few forms recur in a text)."""
        try:
            return self._memo[surface]
        except KeyError:
            if len(self._memo) > 50_000:
                self._memo.clear()
            ident = self._memo[surface] = self.ids.get(key(surface))
            return ident

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """The regex's matches in ``text`` (as ``regex.finditer``, found faster: see ``Scanner``)."""
        return self.scanner.finditer(text)

    def finditer(self, text: str) -> Iterator[Hit]:
        for m in self.scanner.finditer(text):
            ident = self.lookup(m.group())
            if ident is not None:
                yield Hit(m.start(), m.end(), ident)


def _read(name: str) -> list[dict[str, Any]]:
    if name not in NAMES:
        raise KeyError(name)
    raw = files("missiongraph").joinpath(f"data/{name}.yaml").read_text(encoding="utf-8")
    data = read_yaml(raw) or []
    if not isinstance(data, list):
        raise ValueError(f"{name}.yaml: expected a list of entries")
    seen: set[str] = set()
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"].strip():
            raise ValueError(f"{name}.yaml: entry without id: {entry!r}")
        if entry["id"] in seen:
            raise ValueError(f"{name}.yaml: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        for field in ("aliases", "names", "abbreviations", "prefixed", "english", "compounds", "former",
                      "descriptions", "ambiguous"):
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
