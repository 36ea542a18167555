"""Text clean-up shared by every reader (pure functions, no I/O).

Readers call :func:`clean_text` (one text) or :func:`clean_pages` (paged input: PDF) *before* they build
``SourceDocument.text``, so provenance offsets and page start offsets index into the cleaned text.

What is cleaned:

- line ends: CRLF and CR become LF; a form feed becomes a line break;
- characters: non-breaking and narrow spaces become spaces; ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) are spelled out; soft
  hyphens and zero-width characters are removed;
- hyphenation at line ends: ``inter-\\nnationale`` → ``internationale``. The hyphen is kept (and only the line
  break removed) when it is a real one: after a capital or a digit (``VN-\\nmissie`` → ``VN-missie``,
  ``C-130-\\ninzet`` → ``C-130-inzet``), before a capital (``West-\\nAfrikaanse``), between two vowels (Dutch
  spelling needs it: ``zee-\\negel``), after a prefix that takes a hyphen (``ex-``, ``oud-``, ``niet-``,
  ``vice-``, ``non-``); ``land-\\nen zeemacht`` keeps ``land- en``. At most one blank line may separate the two
  halves (extractions from PDF put blank lines between lines);
- running headers and footers (paged input only): a line among the first or last three of a page that occurs,
  digits ignored, on most pages (at least two, and at least 60 %) is removed from every page.

Footnote markers glued to words (``evaluatie3``) are left alone: digits are never removed from words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

_CHARS = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
}
_TRANSLATE = str.maketrans(_CHARS)

_VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
_HYPHEN_PREFIXES = {"ex", "oud", "niet", "vice", "non"}
# A word (or word part) ending in a hyphen at a line end, optionally one blank line, then the next word part.
# \f marks a page boundary inside clean_pages and may sit in the gap.
_LINE_HYPHEN = re.compile(r"(\w+)-[ \t]*\n(?:[ \t]*\n)?([ \t]*\f)?[ \t]*(\w+)")
_DIGITS = re.compile(r"\d+")
_PAGE = "\f"


def normalise_chars(text: str) -> str:
    """Line ends to LF, odd spaces to spaces, ligatures spelled out, soft hyphens and zero-width marks removed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATE)


def _join(match: re.Match) -> str:
    left, page, right = match.group(1), match.group(2) or "", match.group(3)
    page = _PAGE if page else ""
    last, first = left[-1], right[0]
    if right in ("en", "of") and first.islower():
        return f"{left}- {page}{right}"               # "land- en zeemacht": a hyphen of omission
    if not (last.isalpha() and last.islower() and first.isalpha() and first.islower()):
        return f"{left}-{right}{page}"                # VN-missie, C-130-inzet, West-Afrikaanse
    if left.lower() in _HYPHEN_PREFIXES or (last in _VOWELS and first in _VOWELS):
        return f"{left}-{right}{page}"                # ex-minister, zee-egel
    return f"{left}{right}{page}"                     # inter-nationale → internationale


def dehyphenate(text: str) -> str:
    """Join words broken at line ends (see the module docstring for when the hyphen is kept)."""
    return _LINE_HYPHEN.sub(_join, text)


def clean_text(text: str) -> str:
    """Clean one unpaged text (plain text, Markdown, Word, HTML, XML)."""
    return dehyphenate(normalise_chars(text).replace(_PAGE, "\n"))


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split())).lower()


def running_lines(pages: Sequence[str], *, edge: int = 3, share: float = 0.6) -> set[str]:
    """Keys (white space folded, digits as '#') of lines that repeat at the top or bottom of most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        lines = [line for line in page.split("\n") if line.strip()]
        counts.update({_key(line) for line in lines[:edge] + lines[-edge:]})
    need = max(2, math.ceil(share * len(pages)))
    return {key for key, n in counts.items() if n >= need}


def strip_running_lines(pages: Sequence[str], *, edge: int = 3) -> list[str]:
    """Remove running headers and footers (see :func:`running_lines`) from the edges of every page."""
    repeated = running_lines(pages, edge=edge)
    if not repeated:
        return list(pages)
    out = []
    for page in pages:
        lines = page.split("\n")
        content = [i for i, line in enumerate(lines) if line.strip()]
        edges = set(content[:edge] + content[-edge:])
        out.append("\n".join(line for i, line in enumerate(lines) if not (i in edges and _key(line) in repeated)))
    return out


def clean_pages(pages: Sequence[str]) -> tuple[str, tuple[int, ...]]:
    """Clean paged text: returns the document text and the offset in it where each page starts."""
    pages = [normalise_chars(p).replace(_PAGE, "\n") for p in pages]
    pages = strip_running_lines(pages)
    joined = _PAGE.join(p.strip("\n") + "\n" for p in pages)
    joined = dehyphenate(joined)
    parts = joined.split(_PAGE)
    starts, offset = [], 0
    for part in parts:
        starts.append(offset)
        offset += len(part)
    return "".join(parts), tuple(starts)
