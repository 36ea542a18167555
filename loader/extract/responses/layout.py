"""Items in the layouts of reports and responses: numbered and labelled lists, stance lists, commitment lists.

- ``findings`` and ``recommendations``: numbered conclusions/findings ("1. De missie sloot aan ...",
  "Bevinding 10: ...") and recommendations ("2.1. Pas het format ... aan"), with their text.
- ``stances``: "Het kabinet onderschrijft aanbevelingen 2.2, 3.1 en 5.2 volledig, en de aanbevelingen 2.1 en 4.1
  ten dele", "bevindingen 1, 2, 8 en 9 deels en 3 t/m 7 en 10 t/m 12 volledig"; merged into the finding and
  recommendation mentions by ``findings_and_recommendations``.
- ``commitment_lists``: "Het kabinet doet de volgende toezeggingen: - Bevinding 1: ...".
  A list runs to the first line that is neither blank nor a bullet, or is a bullet less indented than its first
  item; labels inside it are commitments, not findings, and a label on the line after it is a finding again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from ...model import Mention
from ...scan import find_lowered, line_end, line_starts, lowered, matches_at
from ..text import fold
from .lexicon import item_lexicon

# --- cheap tests before full scans ---------------------------------------------------------------------------------
# Most documents contain no findings, stances, commitments or evaluations. A pattern that starts with a
# case-insensitive word (or with \b or a look-behind) has no literal start, so ``re`` tries it at every position of
# the text; instead the rules look up a word every match must contain with ``str.find`` (on a lower-case copy of the
# text for a case-insensitive pattern) and try the pattern only where a match can start. The output is the same as
# a full scan: every match starts at one of the positions tried.

# --- layout helpers ----------------------------------------------------------------------------------------------


def undouble(text: str) -> str:
    """Same-length copy where PDF double spacing (a blank line after every line) becomes single spacing.

    In double-spaced text every line break is "\\n\\n" and paragraphs are separated by lines of white space;
    turning each "\\n\\n" into " \\n" keeps offsets and leaves paragraph breaks as blank lines.
    """
    newlines = text.count("\n")
    if newlines and text.count("\n\n") * 2 >= 0.6 * newlines:
        return text.replace("\n\n", " \n")
    return text


_PARA_BREAK = re.compile(r"\n[ \t]*\n")
_NEW_PAGE_PARAGRAPH = re.compile(r"[.;]\s*\n (?=[A-Z])")
_NUMBER = r"\d{1,2}(?:\.\d{1,2})?"


def _item_end(layout: str, start: int, limit: int, next_item: re.Pattern[str]) -> int:
    """Where a numbered item that starts at ``start`` ends: a paragraph break, the next item, or a new page
    paragraph (a line that starts with a space after a line that ends a sentence)."""
    end = min(limit, start + 1500)
    m = _PARA_BREAK.search(layout, start, end)
    if m:
        end = m.start()
    m = next_item.search(layout, start + 1, end)
    if m:
        end = m.start()
    m = _NEW_PAGE_PARAGRAPH.search(layout, start, end)
    if m:
        end = m.start() + 1
    return end


# --- findings and recommendations ----------------------------------------------------------------------------------

_SECTION = re.compile(r"^[ \t#*]*(?:Conclusies(?: en aanbevelingen)?|Bevindingen(?: en aanbevelingen)?|"
                      r"Hoofdconclusies|Aanbevelingen)[ \t*]*$", re.IGNORECASE | re.MULTILINE)
_CLOSING_HEADING = re.compile(r"^[ \t#*]*(?:Ter afsluiting|Tot slot|Afsluitend|Slot|Bijlage[n]?)[ \t*:]*$",
                              re.IGNORECASE | re.MULTILINE)
_CONCLUSION = re.compile(r"(?:^|\n)[ \t]*(?P<n>\d{1,2})\.[ \t]+(?=[A-Z])", re.MULTILINE)
_RECOMMENDATION = re.compile(r"(?:^|\n)[ \t]*(?P<n>\d{1,2}\.\d{1,2})\.?[ \t]+(?=[A-Z])", re.MULTILINE)
_ANY_ITEM = re.compile(r"\n[ \t]*(?:\d{1,2}(?:\.\d{1,2})?\.[ \t]+[A-Z]|\d{1,2}\.\d{1,2}[ \t]+[A-Z]|"
                       r"Aanbeveling(?:en)?:|Geen aanbeveling)", re.IGNORECASE)
_LABELLED = re.compile(r"(?:^|\n)[ \t]*(?:[-*•#][ \t#]*)?\**(?P<main>Hoofd)?(?P<kind>bevinding|conclusie|aanbeveling)[ \t]+"
                       r"(?P<n>\d{1,2}(?:\.\d{1,2})?)\.?\**(?:[ \t]*:[ \t]*\**|[ \t]+-[ \t]+|[ \t]*\n[ \t]*(?=[A-Z\"“‘]))"
                       r"(?P<text>[^\n]{5,1500})", re.IGNORECASE)


def _clean_item(s: str) -> str:
    return fold(s).strip(" \"“”").rstrip(";")


_SECTION_WORDS = ("conclusies", "bevindingen", "aanbevelingen")  # one of them is in every _SECTION heading


def _sections(layout: str, words_at: list[int]) -> list[re.Match[str]]:
    """The conclusions and recommendations section headings of ``layout`` (the text or ``undouble(text)``), given
    where the heading words occur. A heading is a whole line, so only the lines that contain a heading word are
    tried."""
    return list(matches_at(_SECTION, layout, line_starts(layout, words_at)))


@lru_cache(maxsize=1)
def _response_label() -> re.Pattern[str]:
    """A line that starts the government's answer to the item above it ("Reactie:", "Standpunt kabinet:"): the
    labels of items.yaml's ``response_labels``, any case, in bold or not."""
    labels = sorted(item_lexicon().response_labels, key=len, reverse=True)
    return re.compile(r"\n[ \t]*\**(?:" + "|".join(r"[ \t]+".join(map(re.escape, label.split())) for label in labels)
                      + r")\**[ \t]*:", re.IGNORECASE)


def numbered_items(text: str) -> Iterator[Mention]:
    """Numbered items under a section heading, each of the kind its heading gives: under "Aanbevelingen",
    recommendations ("1. Formuleer …", "2.1 …"); under "Conclusies", "Bevindingen" or "Conclusies en
    aanbevelingen", conclusions ("1. De missie sloot aan …") with their recommendations numbered beneath them
    ("2.1. Pas het format … aan"). An item's text ends at a paragraph break, the next item, or a line that starts
    the government's answer to it ("Reactie: …", items.yaml's ``response_labels``).

    A line of ``undouble(text)`` is the same line of the text, at most with a space added, so a heading is first
    looked for in the text: the layout is made only for a document that has one."""
    words_at = find_lowered(text, _SECTION_WORDS)
    if not words_at or not _sections(text, words_at):
        return
    layout = undouble(text)
    sections = _sections(layout, words_at)
    if not sections:
        return
    start = sections[0].end()
    end_heading = _CLOSING_HEADING.search(layout, start)
    limit = end_heading.start() if end_heading else len(layout)
    heading_ends = [h.end() for h in sections]
    answer = _response_label()
    current = -1                      # the heading the items read so far stand under
    conclusion = None
    seen: set[str] = set()
    for m in sorted([*_CONCLUSION.finditer(layout, start, limit), *_RECOMMENDATION.finditer(layout, start, limit)],
                    key=lambda m: m.start("n")):
        under = bisect_right(heading_ends, m.start("n")) - 1
        if under != current:          # a new section: its numbering starts again
            current, conclusion, seen = under, None, set()
        recommendations_only = sections[under].group(0).strip(" \t#*").lower() == "aanbevelingen"
        number = m.group("n")
        if number in seen:
            continue
        body_start = m.end()
        body_end = _item_end(layout, body_start, limit, _ANY_ITEM)
        label = answer.search(layout, body_start, body_end)
        if label:
            body_end = label.start()
        body = _clean_item(text[body_start:body_end])
        if recommendations_only:
            if "." not in number and (conclusion is None and number != "1" or
                                      conclusion is not None and int(number) != int(conclusion) + 1):
                continue
            if "." not in number:
                conclusion = number
            seen.add(number)
            yield Mention("recommendation", number, m.start("n"), body_end, text[m.start("n"):body_end],
                          attrs={"text": body})
        elif "." in number:
            if conclusion is None or not number.startswith(conclusion + "."):
                continue
            seen.add(number)
            yield Mention("recommendation", number, m.start("n"), body_end, text[m.start("n"):body_end],
                          attrs={"text": body, "finding": conclusion, "finding_kind": "conclusie"})
        else:
            if conclusion is not None and int(number) != int(conclusion) + 1:
                continue
            if conclusion is None and number != "1":
                continue
            conclusion = number
            seen.add(number)
            yield Mention("finding", number, m.start("n"), body_end, text[m.start("n"):body_end],
                          attrs={"kind": "conclusie", "text": body})


_NOUNS = ("aanbeveling", "bevinding", "conclusie")  # in every label, stance target and anaphor ("hoofdbevinding")


@lru_cache(maxsize=4)
def _nouns_at(text: str) -> list[tuple[int, str]]:
    """(position, noun) of every _NOUNS word in ``text``, any case, in text order (cached: three rules use it)."""
    return sorted((p, word) for word in _NOUNS for p in find_lowered(text, (word,)))


def labelled_items(text: str) -> Iterator[Mention]:
    """Items stated with a label: "Hoofdbevinding 1: \"...\"", "Bevinding 10: ...", "Aanbeveling 3 - ...", or the
    label alone on its line ("Aanbeveling 2", "**Conclusie 4**") with the item on the next, outside commitment
    lists.

    A label starts a line, so a match is tried only at the line break before a label word. A label whose line lies
    in a commitment list (the lines ``commitments`` reads, from the announcement to ``_list_end``) is a commitment
    on that finding, not the finding; the line after the list is not in it."""
    breaks = [max(start - 1, 0) for start in line_starts(text, (p for p, _ in _nouns_at(text)))]
    lists: _Spans | None = None
    for m in matches_at(_LABELLED, text, breaks):
        if lists is None:
            lists = _Spans([(c.start(), end) for c, end in announced_lists(text)])
        line = m.start() + 1 if text[m.start()] == "\n" else m.start()   # the match starts at the break before
        if lists.covers(line):
            continue
        kind = m.group("kind").lower()
        if kind == "aanbeveling":
            yield Mention("recommendation", m.group("n"), m.start("kind"), m.end("text"),
                          text[m.start("kind"):m.end("text")],
                          attrs={"text": _clean_item(m.group("text"))})
        else:
            yield Mention("finding", m.group("n"), m.start("kind"), m.end("text"), text[m.start("kind"):m.end("text")],
                          attrs={"kind": kind, "text": _clean_item(m.group("text")), "main": bool(m.group("main"))})


class _Spans:
    """A set of ``[start, end)`` spans (they may overlap), to ask whether a position lies in one of them without
    going through every span for every position."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def covers(self, pos: int) -> bool:
        """Whether ``pos`` lies in one of the spans."""
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


# --- numbers ------------------------------------------------------------------------------------------------------


_NUMBER_TOKEN = re.compile(r"\d{1,2}(?:\.\d{1,2})?|t/m|tot en met|-")


def expand_numbers(spec: str) -> list[str]:
    """"2.2, 3.1 en 5.2" → [2.2, 3.1, 5.2]; "3 t/m 7" → [3..7]; "2.1 t/m 2.3" → [2.1, 2.2, 2.3]."""
    if spec.isdigit():
        return [spec]
    out: list[str] = []
    tokens = _NUMBER_TOKEN.findall(spec)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in ("t/m", "tot en met", "-") and out and i + 1 < len(tokens):
            a, b = out[-1], tokens[i + 1]
            if "." in a and "." in b and a.split(".")[0] == b.split(".")[0]:
                major = a.split(".")[0]
                out += [f"{major}.{k}" for k in range(int(a.split(".")[1]) + 1, int(b.split(".")[1]) + 1)][:50]
            elif "." not in a and "." not in b and int(a) < int(b) <= int(a) + 50:
                out += [str(k) for k in range(int(a) + 1, int(b) + 1)]
            else:
                out.append(b)
            i += 2
            continue
        if tok not in ("t/m", "tot en met", "-"):
            out.append(tok)
        i += 1
    return list(dict.fromkeys(out))


# --- commitments ---------------------------------------------------------------------------------------------------

_COMMITMENT_LIST = re.compile(r"\b(?:doet|doen|deed) (?:het kabinet |de regering )?(?:de )?volgende toezeggingen\b[^\n]*",
                              re.IGNORECASE)
_BULLET = re.compile(r"^[ \t]*[-*•][ \t]+(?P<body>[^\n]+)", re.MULTILINE)
_COMMIT_TARGET = re.compile(r"^(?P<kind>Hoofdbevinding|Bevinding|Conclusie|Aanbeveling)[ \t]+"
                            r"(?P<n>\d{1,2}(?:\.\d{1,2})?)[ \t]*:[ \t]*", re.IGNORECASE)


_LIST_BULLET = re.compile(r"[ \t]*[-*•]")   # a line that starts with a bullet; its end - 1 is the indentation


def _list_end(text: str, start: int) -> int:
    """End of the bullet list whose first line starts at ``start`` (the line after "... de volgende toezeggingen:"):
    the start of the first later line that is not blank and either is not a bullet or is a bullet less indented
    than the list's first bullet; the end of the text if there is none. The first line belongs to the list
    whatever it holds. The nota form nests the items under the announcement, itself a bullet, so the next bullet
    of that level ("- Voor BZ belangrijke bevindingen zijn:") ends the list; blank lines do not. Reads line by
    line from ``start``: each list costs its own length."""
    pos, indent = start, -1
    while pos < len(text):
        newline = text.find("\n", pos)
        after = len(text) if newline < 0 else newline + 1
        line = text[pos:after]
        if line.strip():
            bullet = _LIST_BULLET.match(line)
            if bullet and indent < 0:
                indent = bullet.end() - 1
            elif pos > start and (bullet is None or bullet.end() - 1 < indent):
                return pos
        pos = after
    return pos


@lru_cache(maxsize=4)
def announced_lists(text: str) -> list[tuple[re.Match[str], int]]:
    """The announcements of commitment lists (_COMMITMENT_LIST: "Het kabinet doet de volgende toezeggingen:"),
    each with the end of its list (``_list_end`` from the next line); scanned for only when the words "volgende
    toezeggingen" occur."""
    if "volgende toezeggingen" not in lowered(text):
        return []
    return [(m, _list_end(text, m.end() + 1)) for m in _COMMITMENT_LIST.finditer(text)]


def commitment_lists(text: str) -> Iterator[Mention]:
    """The items of bulleted commitment lists ("Het kabinet doet de volgende toezeggingen: - Bevinding 1: …"), each
    with the finding or recommendation its label names."""
    n = 0
    for m, end in announced_lists(text):
        for b in _BULLET.finditer(text, m.end(), end):
            body = b.group("body")
            n += 1
            attrs: dict = {"text": fold(body)}
            t = _COMMIT_TARGET.match(body)
            if t:
                attrs["text"] = fold(body[t.end():])
                kind = t.group("kind").lower().replace("hoofd", "")
                key = "finding" if kind != "aanbeveling" else "recommendation"
                attrs[key] = t.group("n")
                attrs["finding_kind"] = kind
            yield Mention("commitment", str(n), b.start("body"), b.end("body"), body, attrs=attrs)


# --- introduced lists and tables -------------------------------------------------------------------------------

_INTRO_NOUNS = {"aanbeveling": "recommendation", "aanbevelingen": "recommendation", "conclusie": "finding",
                "conclusies": "finding", "bevinding": "finding", "bevindingen": "finding", "observatie": "finding",
                "observaties": "finding", "hoofdconclusies": "finding", "hoofdbevindingen": "finding",
                "constateringen": "finding", "hoofdaanbevelingen": "recommendation"}
# A report verb at the end of the line that introduces a list: "De CTIVD beveelt aan:", "De commissie concludeert:".
_INTRO_VERBS = {"beveelt aan": "recommendation", "bevelen aan": "recommendation", "adviseert": "recommendation",
                "adviseren": "recommendation", "concludeert": "finding", "concluderen": "finding",
                "stelt vast": "finding", "stellen vast": "finding"}
_INTRO_STEMS = ("aanbeveling", "conclusie", "bevinding", "observatie", "constatering",   # in every _INTRO_NOUNS word
                "beveelt", "bevelen", "adviseert", "adviseren", "concludeert", "concluderen", "stelt", "stellen")
# (a separable verb may hold its object: "Wij bevelen de minister van Defensie aan:")
_INTRO = re.compile(r"(?im)^[^\n]{0,200}?\b(?:(?P<noun>" + "|".join(sorted(_INTRO_NOUNS, key=len, reverse=True)) +
                    r")\b[^\n]{0,200}|(?P<verb>" +
                    "|".join(v.replace(" ", r"(?:[ \t]+[^\n:]{1,120}?)?[ \t]+") for v in _INTRO_VERBS) +
                    r")(?:[ \t]+(?:om|dat))?[ \t]*):[ \t*]*$")      # "De ILT beveelt aan om:"
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·◦▪][ \t]*)?(?:\(?(?P<n>\d{1,2}|[a-z])[).][ \t]+)?(?P<body>\S[^\n]*)")
_LABEL_START = re.compile(r"\**(?:hoofd)?(?:bevinding|conclusie|aanbeveling)\s+\d", re.IGNORECASE)
_MARKED = re.compile(r"[ \t]*(?:[-*•·◦▪][ \t]*|\(?(?:\d{1,2}|[a-z])[).][ \t]+)")


def introduced_lists(text: str) -> Iterator[Mention]:
    """Items listed under a line that introduces them: "Belangrijke observaties van de OVV in deze evaluatie
    zijn:", "De commissie doet de volgende aanbevelingen:", "Aanbevelingen:" followed by bulleted, numbered ("1)",
    "2.", "(3)") or lettered ("a)", "b.") lines. The list ends at the first line that is neither blank nor marked;
    an item's number is its label's, if any. Not the commitment lists ("de volgende toezeggingen")."""
    if ":" not in text:
        return
    nouns = find_lowered(text, _INTRO_STEMS)
    if not nouns:
        return
    lists = _Spans([(c.start(), end) for c, end in announced_lists(text)])
    seen: set[int] = set()
    # a match is one whole line that holds a colon and an item noun: only those lines are tried (the lazy prefix
    # makes a full scan slow)
    lines = [start for start in line_starts(text, nouns) if text.find(":", start, line_end(text, start)) >= 0]
    for m in matches_at(_INTRO, text, lines):
        if "toezegging" in m.group(0).lower() or lists.covers(m.start()):
            continue
        verb = m.group("verb").lower().split() if m.group("verb") else []
        kind = (_INTRO_NOUNS[m.group("noun").lower()] if m.group("noun") else
                _INTRO_VERBS.get(" ".join(verb)) or _INTRO_VERBS[f"{verb[0]} {verb[-1]}"])
        pos = m.end() + 1
        seen_item = False
        while pos < len(text):
            newline = text.find("\n", pos)
            end = len(text) if newline < 0 else newline
            line = text[pos:end]
            if not line.strip():
                pos = end + 1
                if seen_item and pos < len(text) and not _MARKED.match(text, pos):
                    break
                continue
            if not _MARKED.match(line) or line.rstrip(" \t*").endswith(":"):
                break                          # a line that is no list item, or introduces a list of its own
            item = _LIST_ITEM.match(text, pos, end)
            body = item.group("body") if item else ""
            if len(body.split()) >= 3 and not _LABEL_START.match(body) and not lists.covers(pos):
                seen_item = True
                if item.start("body") in seen:
                    pos = end + 1
                    continue
                seen.add(item.start("body"))
                number = item.group("n")
                attrs = {"text": _clean_item(body), "listed": True}
                if kind == "finding":
                    attrs["kind"] = "bevinding"
                yield Mention(kind, number or "", item.start("body"), item.end("body"), body, attrs=attrs)
            pos = end + 1


_ANSWERED_MARK = re.compile(r"[ \t]*\(?(?P<n>[a-z]|\d{1,2})[).][ \t]+(?=[A-Z\"“‘])")
_PARAGRAPH_START = re.compile(r"\n[ \t]*\n")


def _next_label(label: str) -> str:
    return chr(ord(label) + 1) if label.isalpha() else str(int(label) + 1)


def answered_lists(text: str) -> Iterator[Mention]:
    """Items listed one by one, each answered on the lines under it, after a paragraph that names them ("Het advies
    bevat vier aanbevelingen, waarop wij hieronder afzonderlijk reageren." then "a) Blijf inzetten op …" with the
    government's answer on the next line, a blank line, "b) …"): lettered or numbered from "a" or "1", at least
    two. An item's text is its first line (up to a response label, ``response_labels``); its kind is that of the
    last item noun of the paragraph before the list."""
    nouns = find_lowered(text, _INTRO_STEMS)
    if not nouns:
        return
    starts: list[int] | None = None             # the paragraphs' starts, when a list may start
    answer = _response_label()
    for first in _list_starts(text):
        m = _ANSWERED_MARK.match(text, first)
        if m is None or m.group("n") not in ("a", "1"):
            continue
        if starts is None:
            starts = [p.start() + 1 for p in _PARAGRAPH_START.finditer(text)]
        i = bisect_right(starts, first - 1) - 1                # the paragraph before the list's
        before_start = starts[i - 1] if i >= 1 else 0
        intro = lowered(text)[before_start:first]
        found = [(intro.rfind(noun), kind) for noun, kind in _INTRO_NOUNS.items()
                 if noun.endswith("en") and noun in intro]
        if not found or len(intro) > 1200:
            continue
        kind = max(found)[1]
        items, pos, label = [], first, "a" if m.group("n") == "a" else "1"
        while True:
            mark = _ANSWERED_MARK.match(text, pos)
            if mark is None or mark.group("n") != label:
                break
            end = line_end(text, mark.end())
            cut = answer.search("\n" + text[mark.end():end])
            body_end = mark.end() + cut.start() if cut else end
            items.append((mark, body_end))
            label = _next_label(label)
            nxt = _next_marked_line(text, end, label)
            if nxt < 0:
                break
            pos = nxt
        if len(items) < 2:
            continue
        for mark, body_end in items:
            body = text[mark.end():body_end]
            yield Mention(kind, mark.group("n"), mark.start("n"), body_end, text[mark.start("n"):body_end],
                          attrs={"text": _clean_item(body)})


# A line that opens a lettered section: "a. Noodzaak en proportionaliteit", "b) De Afdeling adviseert …".
_LETTERED = re.compile(r"(?m)^[ \t]*\(?(?P<n>[a-h])[.)][ \t]+(?=[A-Z])")


class Sections:
    """The sections a text marks with labels in order at the start of a line, at least two: the label of the section a
    position stands in (``label``). Made by ``lettered_sections`` and ``numbered_sections``."""

    def __init__(self, marks: list[re.Match[str]]):
        self.starts = [m.start() for m in marks] if len(marks) >= 2 else []
        self.labels = [m.group("n") for m in marks]

    def label(self, pos: int) -> str | None:
        i = bisect_right(self.starts, pos) - 1
        return self.labels[i] if i >= 0 else None


def _in_order(marks: Iterable[re.Match[str]], first: str, after: Callable[[str], str],
              norm: Callable[[str], str] = str) -> list[re.Match[str]]:
    """The marks whose labels (``norm``-ed: "01" is "1") run ``first``, ``after(first)``, … in order; a new ``first``
    starts them again."""
    out: list[re.Match[str]] = []
    want = first
    for m in marks:
        label = norm(m.group("n"))
        if label == want:
            out.append(m)
            want = after(want)
        elif label == first:
            out, want = [m], after(first)
    return out


def lettered_sections(text: str) -> Sections:
    """The sections a nader rapport marks with letters: "a. Noodzaak", "b) …", from "a" on in order."""
    if not (any(needle in text for needle in ("\na.", "\na)", "\n(a)")) or text.startswith(("a.", "a)", "(a)"))):
        return Sections([])
    return Sections(_in_order(_LETTERED.finditer(text), "a", _next_label))


# A numbered heading on a line of its own: "3. Weging van de mensenrechtensituatie" (no full stop at its end).
_NUMBERED_HEADING = re.compile(r"(?m)^[ \t]*(?P<n>\d{1,2})\.?[ \t]+[A-Z][^\n]{0,80}?[^.:;?!\n]$")


def numbered_sections(text: str) -> Sections:
    """The sections a text opens with numbered headings ("1. Noodzaak van het voorstel", "2. Toezicht"), from 1 on
    in order. A nader rapport numbers the Afdeling's points so; a letter numbers its topics so too, which is why the
    caller numbers items by section only when no section holds two of a kind."""
    if not ("\n1" in text or text.startswith("1")):
        return Sections([])
    return Sections(_in_order(_NUMBERED_HEADING.finditer(text), "1", lambda n: str(int(n) + 1), lambda n: str(int(n))))


# "a)", "1.", "(a)" or "a." at the start of a line (after its line break): one scan for the line breaks, not one
# ``str.find`` pass per mark
_LIST_START = re.compile(r"\n(?:a[).]|1\.|\(a\))")


def _list_starts(text: str) -> list[int]:
    """Where a line may start an answered list: before an "a)" or "1." at the start of a line."""
    return [m.start() + 1 for m in _LIST_START.finditer(text)]


def _next_marked_line(text: str, pos: int, label: str) -> int:
    """The start of the next line marked ``label`` after ``pos``, within the answer that follows an item (at most
    1,500 characters, no other marked line between), or -1."""
    limit = min(len(text), pos + 1500)
    while pos < limit:
        start = pos + 1
        mark = _ANSWERED_MARK.match(text, start)
        if mark is not None:
            return start if mark.group("n") == label else -1
        nxt = text.find("\n", start)
        if nxt < 0:
            return -1
        pos = nxt
    return -1


# A table row: cells between "|", with or without the outer bars ("| 1 | … | Overgenomen |", "1 | … | Overgenomen").
_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|?(?P<cells>[^\n|]*(?:\|[^\n|]*){1,}?)\|?[ \t]*$")
# A number or letter that opens the item's cell: "A. Stel een ladder vast", "2) Maak een plan".
_CELL_LABEL = re.compile(r"(?P<n>\d{1,2}(?:\.\d{1,2})?|[A-Za-z])[.)][ \t]+(?=\S)")
_TABLE_NOUNS = {"aanbeveling": "recommendation", "conclusie": "finding", "bevinding": "finding"}


@lru_cache(maxsize=1)
def _answer_words() -> tuple[str, ...]:
    """The first words of the response labels (items.yaml): a table column headed by one holds the answers."""
    return tuple({label.split()[0] for label in item_lexicon().response_labels})


def table_items(text: str) -> Iterator[tuple[Mention, str | None]]:
    """Items in a table whose header names them ("| Nr | Aanbeveling | Reactie kabinet |"): one per row with a
    number, with the text of the item column and the row's answer column (for the caller to read a stance from:
    "Overgenomen", "Niet overgenomen", "Deels")."""
    if "|" not in text:
        return
    header: list[str] | None = None
    kind = None
    for m in _TABLE_ROW.finditer(text):
        cells = [c.strip() for c in m.group("cells").split("|")]
        low = [c.lower() for c in cells]
        if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
            continue                                   # the separator line
        nouns = [k for k, w in enumerate(low) if any(w.startswith(n) for n in _TABLE_NOUNS)]
        if header is None or (nouns and not any(c[:1].isdigit() for c in cells)):
            # two columns only with a header that names both the items and the answers ("Aanbeveling | Reactie")
            if nouns and (len(cells) > 2 or any(c.startswith(a.lower()) for c in low for a in _answer_words())):
                header, kind = low, _TABLE_NOUNS[next(n for n in _TABLE_NOUNS if low[nouns[0]].startswith(n))]
            continue
        if len(cells) != len(header):
            continue
        number = next((c.rstrip(".") for c in cells if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})?\.?", c)), None)
        texts = [c for c in cells if c and not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})?\.?", c)]
        if not texts or kind is None:
            continue
        body, answer = texts[0], (texts[-1] if len(texts) > 1 else None)
        if number is None:                           # "A. Stel een ladder vast | Overgenomen."
            label = _CELL_LABEL.match(body)
            if label is None:
                continue
            number, body = label.group("n"), body[label.end():]
        labels = [k for k, h in enumerate(header) if any(h.startswith(a.lower()) for a in _answer_words())]
        if labels and labels[0] < len(cells) and cells[labels[0]]:
            answer = cells[labels[0]]              # the answer column the header names ("Reactie", "Standpunt")
        start = m.start("cells") + m.group("cells").index(body)
        yield Mention(kind, number, start, start + len(body), body, attrs={"text": fold(body)}), answer


# --- putting it together -------------------------------------------------------------------------------------------


def findings_and_recommendations(text: str) -> Iterator[Mention]:
    """Numbered and labelled items (one per kind and number, the numbered item's text where the label gives
    none)."""
    items: dict[tuple[str, str], Mention] = {}
    for m in [*numbered_items(text), *labelled_items(text)]:
        key = (m.kind, m.value)
        have = items.get(key)
        if have is None:
            items[key] = m
        elif not have.attrs.get("text") and m.attrs.get("text"):
            have.attrs["text"] = m.attrs["text"]
    yield from sorted(items.values(), key=lambda m: (m.kind, [int(x) for x in m.value.split(".")]))
