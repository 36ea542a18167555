"""References: Kamerstukken, Tweede Kamer zaak/document ids, UN Security Council resolutions.

Three rules, each a pure function ``(text) -> list[Mention]`` over normalised text (dashes are '-'):

``kamerstukken``
    kind ``kamerstuk``, value ``DOSSIER[-SUB]-NR`` (``29521-451``, ``35570-V-9``, ``21501-02-1210``,
    ``27925-AB``). The document's own number gets role ``self`` (every mention of that value, so it never
    counts as a citation). How it works: every five-digit dossier number (``29 521``, ``29521``) is an
    *anchor*; from each anchor a small hand-written parser reads forward (sub-dossier, ``nr.``/``nrs.``, a
    list or range of numbers, a letter number after a comma, a ``-NR`` suffix) and looks back for a keyword
    (``Kamerstuk``, ``kenmerk``, ``kst``, ``dossier``, ``ID:``). Forms without ``nr.`` need a keyword, so
    bare numbers (amounts, years, phone numbers) never become references. Separate patterns handle the
    Handelingen form ``Zij krijgt nr. 427 (29521)`` and the document headers that state the own number.
``tk_ids``
    kind ``tk-id``: ``2021Z18124`` (zaak), ``2021D41047`` (document).
``resolutions``
    kind ``resolution``: UN Security Council resolutions (``VNVR-resolutie 2164``, ``resolutie 2100 (2013)``,
    ``UNSCR 1701``, ``S/RES/2690 (2023)``, ``resoluties 2100 en 2164``), value the number, attrs ``year``.

Every regular expression here is linear: no nested quantifiers over overlapping classes, every repetition
bounded. The forward parser works on anchored ``match`` calls at known offsets. A pattern without a literal start
(a look-behind, ``\b``, a choice of words) would be tried at every position of the text; such patterns are tried
only where a literal every match needs occurs (``scan.matches_at``), or written to start with a literal or a
digit and test the character before afterwards. The output is that of a full scan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..model import Mention
from ..scan import (find_exact, find_lowered, line_starts, lowered, matches_at, number_starts, occurrences,
                    run_positions)

# ---------------------------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------------------------

# A dossier number: five (ASCII) digits, optionally written with a space after the first two ("29 521"). Not glued
# to other digits, letters, or the end of a decimal/slash number (the character before the number is tested after
# its first two digits, a look-behind over them). Tried only where a number of one of its shapes starts
# (``scan.number_starts``): a pattern that starts with a digit would be tried at every digit of the text, and a
# scan for digits costs as much as the rest of the references rule.
_DOSSIER = re.compile(r"([0-9][0-9])(?<![\w./-]\d\d)[ ]?([0-9]{3})(?![\d])")
_DOSSIER_SHAPES = ("00000", "00 000")

# Roman-numeral or single-letter sub-dossier after a space ("35 570 V", "36 200 A"), only when "nr" follows.
_SUB_ROMAN = re.compile(r"[ ]([IVXL]{1,6}[AB]?|[A-HJ-UWYZ])(?=[ ]{0,2},?[ ]{0,2}(?:[Nn][Rr][Ss]?\b|[Nn]ummer))")
# Numeric sub-dossier with a dash ("21 501-02", "21501-32"): only when followed by a number part.
_SUB_NUM = re.compile(r"[ ]?-[ ]?(\d{2})(?![\d])(?=[ ]{0,2}(?:,|[Nn][Rr]|-[ ]?\d))")
# Roman sub-dossier with dashes ("35570-V-9").
_SUB_ROMAN_DASH = re.compile(r"[ ]?-([IVXL]{1,6})(?=-[ ]?\d|[ ]{0,2},?[ ]{0,2}(?:[Nn][Rr][Ss]?\b|[Nn]ummer))")

# What may follow a dossier number in a reference (a quick test before the real parse).
_MAY_CONTINUE = re.compile(r"[ \t]{0,3}(?:[,\-/&\n]|en\b|[Nn][Rr]|[Nn]ummer|[Nn]o\.|[IVXL]|[A-Z]\b)")

# "nr." / "nrs." / "nummer(s)" / "no." between dossier and number; the comma before it is optional and the
# reference may be broken across (blank) lines.
_NR_WORD = re.compile(r"[ \t]{0,3},?\s{0,8}(?:[Nn][Rr][Ss]?\b\.?|[Nn]ummers?\b|[Nn]o\.)[ \t]{0,3}")
# One number: digits (not a dossier, so not followed by " ddd") or an upper-case letter number.
_NUM = re.compile(r"(\d{1,4})(?![\d])(?![ ]?\d{3}(?!\d))|([A-Z]{1,3})(?![\w])")
# Separators inside a number list.
_LIST_SEP = re.compile(r"[ \t]{0,3}(?:,[ \t]{0,3}(?:en[ \t]{1,3})?|en[ \t]{1,3}|t/m[ \t]{1,3}|tot en met[ \t]{1,3}|"
                       r"-[ \t]{0,3}|&[ \t]{1,3})(?:[Nn][Rr][Ss]?\.?[ \t]{0,3})?")
# Letter number after a comma ("Kamerstuk 27925, AB", "29 521, I"): needs a keyword before the dossier.
_LETTER_NR = re.compile(r"[ \t]{0,3},[ \t]{0,3}([A-Z]{1,3})(?![\w-])")
# Dash number ("29521-274", "29521 -433", "29521-I").
_DASH_NR = re.compile(r"[ ]?-[ ]?(\d{1,4}|[A-Z]{1,2})(?![\w]|-\d)")
# A second dossier after the first ("Kamerstukken 33 694 en 29 521, nr. 11"): the number is the first's.
_MORE_DOSSIERS = re.compile(r"(?:[ \t]{0,3}(?:,|en|/)[ \t]{0,3}\d{2}[ ]?\d{3}(?![\d])(?:[ ][IVXL]{1,6}|-\d{2})?){1,4}"
                            r"(?=[ \t]{0,3},?\s{0,3}(?:[Nn][Rr][Ss]?\b|[Nn]ummer))")

# Keywords before a dossier number that make it a Kamerstuk reference even without "nr.".
_KEYWORD_BEFORE = re.compile(
    r"(?:\b[Kk]amerstuk\w{0,12}|\bKAMERSTUK\w{0,8}|\b[Kk]enmerk|\b[Dd]ossier(?:nummer)?|\bID|\bkst|"
    r"\b[Mm]otie|\b[Aa]mendement)"
    r"[ \t]{0,3}:?[ \t]{0,3}(?:I{1,2}\b[ \t]{0,3}|[ET]K\b[ \t]{0,3})?,?[ \t]{0,3}"
    r"(?:(?:vergaderjaar[ \t]{1,3})?\d{4}(?:[ ]?[/-][ ]?\d{2,4})?[ \t]{0,3},?[ \t]{0,3})?\(?\s{0,3}\Z")
_KEYWORD_WINDOW = 70

# Words after which a dossier-like number is something else (an amount, a law article, a page...).
_NOT_AFTER = re.compile(r"(?:€|EUR|euro|artikel|art\.|blz\.|p\.|pag\.|pagina|tel\.|telefoon|ISSN|nummer van|"
                        r"Handelingen(?:\s+[IV]{1,2})?)[ \t]{0,3}\Z", re.IGNORECASE)

_MAX_RANGE = 50          # "nrs. 12-14" expands; larger spans are kept as the two end points
_MAX_LIST = 30           # at most this many numbers in one list


def _dossier_value(d1: str, d2: str) -> str:
    return d1 + d2


def _value(dossier: str, sub: str | None, nr: str) -> str:
    nr = nr.upper() if not nr.isdigit() else str(int(nr))
    return f"{dossier}-{sub}-{nr}" if sub else f"{dossier}-{nr}"


# Words of which every _KEYWORD_BEFORE / _NOT_AFTER match contains one (_NOT_AFTER ignores case: its words are
# looked for in the lower-cased text, "€" in the text): the window before a number is searched only when one of
# them is in it.
_KEYWORD_WORDS = re.compile(r"amerstuk|AMERSTUK|enmerk|ossier|ID|kst|otie|mendement")
_NOT_AFTER_WORDS = re.compile(r"eur|art|blz\.|p\.|pag|tel|issn|nummer van|handelingen")


def _has_keyword(text: str, start: int) -> bool:
    begin = max(0, start - _KEYWORD_WINDOW)
    if not _KEYWORD_WORDS.search(text, begin, start):
        return False
    return _KEYWORD_BEFORE.search(text[begin:start]) is not None


def _excluded_context(text: str, start: int) -> bool:
    begin = max(0, start - 20)
    if text.find("€", begin, start) < 0 and not _NOT_AFTER_WORDS.search(lowered(text), begin, start):
        return False
    return _NOT_AFTER.search(text[begin:start]) is not None


# A footnote or page number that a PDF extraction put between "nr." and the number it belongs to:
# "nr. \n\n3 Zie ... \n\n941" or "nr.\n2\n451". We skip at most a few such lines.
_BREAK_LINE = re.compile(r"\s{0,8}\n[ \t]*(?:\d{1,2}[ \t]*(?=\n)|\d{1,2}[ \t]+[^\n]{0,300}(?=\n))")
_NUM_AT_LINE = re.compile(r"\s{0,8}\n[ \t]*(?=\d{1,4}(?![\d])(?:[).,;:\s]|$))")


_LONE_PAGE_NUMBER = re.compile(r"\d{1,2}[ \t]*\n\s{0,4}\d")


def _skip_break(text: str, pos: int) -> int | None:
    """After "nr." at ``pos``: position of the number when a page/footnote break interrupts the reference."""
    cur = pos
    for _ in range(4):
        m = _NUM_AT_LINE.match(text, cur)
        # the number line must not itself look like a footnote ("3 Zie ...") or be a lone page number
        # followed by the real number on the next line ("nr.\n2\n941")
        if m and not re.match(r"\d{1,2}[ \t]+[A-Za-z]", text[m.end():m.end() + 8]) \
                and not _LONE_PAGE_NUMBER.match(text, m.end()):
            return m.end()
        b = _BREAK_LINE.match(text, cur)
        if not b:
            return None
        cur = b.end()
    return None


_FOOTNOTE_LINES = re.compile(r"[ \t]{0,3},?(?:\s{0,4}\n[ \t]*(?:\d{1,2}[ \t]+[^\n]{1,300}|\d{1,2}[ \t]*)(?=\n)){1,3}"
                             r"\s{0,4}")
# "34 000 V, A": roman sub-dossier followed by a letter number (Eerste Kamer).
_SUB_BEFORE_LETTER = re.compile(r"[ ]([IVXL]{1,6})(?=[ \t]{0,3},[ \t]{0,3}[A-Z]{1,3}(?![\w-]))")


def _skip_lines_before_nr(text: str, pos: int) -> int | None:
    """"Kamerstuk 29 521,\n3 Zie ...\nnr. 451": skip up to three page/footnote lines before "nr."."""
    m = _FOOTNOTE_LINES.match(text, pos)
    if m and re.match(r"[ \t]{0,3}[Nn][Rr][Ss]?\b", text[m.end():m.end() + 8]):
        return m.end()
    return None


def _parse_numbers(text: str, pos: int, plural: bool) -> tuple[list[str], int]:
    """Read a number or a list/range of numbers at ``pos``. Returns (numbers, end)."""
    m = _NUM.match(text, pos)
    if not m:
        alt = _skip_break(text, pos)
        if alt is None:
            return [], pos
        m = _NUM.match(text, alt)
        if not m or not m.group(1):
            return [], pos
    first_is_digit = m.group(1) is not None
    nums = [m.group(1) or m.group(2)]
    end = m.end()
    while len(nums) < _MAX_LIST:
        s = _LIST_SEP.match(text, end)
        if not s:
            break
        sep = s.group(0).strip()
        if sep.startswith(",") and not plural and "en" not in sep:
            break  # "nr. 451, 2022" is not a list; only "nrs. 1, 2 en 3" is
        n = _NUM.match(text, s.end())
        if not n or (n.group(1) is not None) != first_is_digit:
            break
        value = n.group(1) or n.group(2)
        if (first_is_digit and value.isdigit() and len(value) == 4 and len(nums[-1]) < 4 and sep != "-"
                and "en" not in sep and 1945 <= int(value) <= 2100):
            break  # "nrs. 12, 2014" - a year, not a number ("nr. 999 en 1002" is a list)
        if sep.startswith("-") or sep in ("t/m", "tot en met"):
            if not (first_is_digit and nums[-1].isdigit()):
                break
            lo, hi = int(nums[-1]), int(value)
            if lo < hi <= lo + _MAX_RANGE:
                nums.extend(str(i) for i in range(lo + 1, hi + 1))
            elif hi > lo:
                nums.append(value)
            else:
                break
        else:
            nums.append(value)
        end = n.end()
    return nums, end


def _iter_citations(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, value) for every Kamerstuk reference found from a dossier anchor."""
    consumed = 0
    for a in matches_at(_DOSSIER, text, number_starts(text, _DOSSIER_SHAPES)):
        start = a.start()
        if start < consumed:
            continue
        pos = a.end()
        if not _MAY_CONTINUE.match(text, pos):
            continue   # nothing that can start a number part follows: not a reference (cheap exit)
        dossier = _dossier_value(a.group(1), a.group(2))
        found = _parse_reference(text, start, pos, dossier)
        if found is None or _excluded_context(text, start):
            continue
        end, values = found
        for value in values:
            yield start, end, value
        consumed = end


def _parse_reference(text: str, start: int, pos: int, dossier: str) -> tuple[int, list[str]] | None:
    """Parse forward from a dossier number (``start``..``pos``): (end, values) or None."""
    kw: list[bool] = []

    def keyword() -> bool:   # looked up only when a form needs it
        if not kw:
            kw.append(_has_keyword(text, start))
        return kw[0]

    # Several dossiers sharing one number: the number belongs to the first one.
    more = _MORE_DOSSIERS.match(text, pos)
    if more:
        pos = more.end()

    sub = None
    for sub_re in (_SUB_NUM, _SUB_ROMAN_DASH, _SUB_ROMAN):
        sm = sub_re.match(text, pos)
        if sm:
            sub, pos = sm.group(1), sm.end()
            break

    # 1. "nr." form (no keyword needed); a page/footnote break may sit between dossier and "nr."
    w = _NR_WORD.match(text, pos)
    if not w:
        brk = _skip_lines_before_nr(text, pos)
        if brk is not None:
            w = _NR_WORD.match(text, brk)
    if w:
        plural = bool(_PLURAL.search(w.group(0)))
        nums, end = _parse_numbers(text, w.end(), plural)
        if nums:
            return end, [_value(dossier, sub, n) for n in nums]

    # 2. dash form: "Kamerstuk 29521-274", "kenmerk 29521-227", "21501-32-1740", "(29521-227)"
    d = _DASH_NR.match(text, pos)
    if d:
        if sub or keyword():
            return d.end(), [_value(dossier, sub, d.group(1))]
        if text[start - 1:start] == "(" and text[d.end():d.end() + 1] == ")" \
                and not _KRIJGT_BEFORE.search(text, max(0, start - 50), start - 1):
            return d.end(), [_value(dossier, sub, d.group(1))]

    # 3. letter number after a comma, keyword required: "Kamerstuk 27925, AB", "Kamerstukken I 2014/15, 34 000 V, A"
    sub_letter, lpos = sub, pos
    if sub is None:
        rs = _SUB_BEFORE_LETTER.match(text, pos)
        if rs:
            sub_letter, lpos = rs.group(1), rs.end()
    lm = _LETTER_NR.match(text, lpos)
    if lm and lm.group(1) not in _NOT_LETTER_NUMBERS and keyword():
        return lm.end(), [_value(dossier, sub_letter, lm.group(1))]
    return None


_PLURAL = re.compile(r"[Nn][Rr][Ss]|ummers")


# Upper-case words that follow "dossier," but are not letter numbers.
_NOT_LETTER_NUMBERS = {"EU", "VN", "NL", "TK", "EK", "BZ", "OS", "DEF", "IOB", "NAVO", "MR", "AO", "SO", "CD"}

# "kst-29521-451", "kst-21501-02-1210", "kst-29521-I" (official publication ids, also inside URLs). Starts with the
# literal "kst-", tested for a word character before it afterwards (a pattern with a literal start is fast to scan).
_KST = re.compile(r"kst-(?<!\wkst-)(\d{5})(?:-(\d{2}|[IVXL]{1,6}))?-(\d{1,4}|[A-Z]{1,3})(?![\w])")

# Handelingen: "Zij krijgt nr. 427 (29521)", "Zij krijgt nr. 314, was nr. 305 (29521)".
_KRIJGT = re.compile(r"\b[Nn]r\.?[ \t]{0,3}(\d{1,4})(?:,?[ \t]{0,3}was[ \t]{1,3}nr\.?[ \t]{0,3}\d{1,4})?[ \t]{0,3}"
                     r"\((\d{2})[ ]?(\d{3})(?:[ -]([IVXL]{1,6}|\d{2}))?\)")
# The dossier in parentheses that ends every _KRIJGT match: looked for first (it starts with a literal "(").
_KRIJGT_DOSSIER = re.compile(r"\(\d{2}[ ]?\d{3}(?:[ -](?:[IVXL]{1,6}|\d{2}))?\)")


_KRIJGT_BEFORE = re.compile(r"[Nn]r\.?[ \t]{0,3}\d{1,4}(?:,?[ \t]{0,3}was[ \t]{1,3}nr\.?[ \t]{0,3}\d{1,4})?"
                            r"[ \t]{0,3}\Z")


# ---------------------------------------------------------------------------------------------------------
# The document's own number
# ---------------------------------------------------------------------------------------------------------

_HEAD_WINDOW = 5000

# Kamerstuk header: "29 521 Nederlandse deelname aan vredesmissies\n\nNr. 309 BRIEF VAN ..." (title optional,
# other dossier lines allowed in between) or the Eerste Kamer form "29 521\n<title>\nI\nBRIEF VAN".
_DOC_TYPES = (r"(?:BRIEF|VERSLAG|MEMORIE|NOTA|MOTIE|AMENDEMENT|GEWIJZIGD|VOORSTEL|ADVIES|KONINKLIJKE|LIJST|NADER|"
              r"EINDVERSLAG|VOORLOPIG|HERDRUK|BESLUIT|JAARVERSLAG|VERSLAGEN|RAPPORT|INBRENG|BIJLAGE|OVERZICHT)\b")
_HEADER = re.compile(
    r"(?m)^[ \t]{0,4}(\d{2})[ ]?(\d{3})(?:[ ]?-[ ]?(\d{2})(?![\d])|[ ]([IVXL]{1,6}))?(?=[ \t]|$)[^\n]{0,200}?"
    r"(?:\n[^\n]{0,200}){0,5}?"
    r"(?:(?:\n|[ \t])[ \t]{0,4}[Nn][Rr]\.?[ \t]{0,3}(\d{1,4}|[A-Z]{1,3})(?![\w])\s{0,4}"
    r"(?=[A-Z]{4,}|[A-Z]{2,}[ ][A-Z]{2,})"
    r"|\n[ \t]{0,4}([A-Z]{1,3})(?:[ \t]*\n[ \t]{0,4}|[ \t]{1,4})(?=" + _DOC_TYPES + r"))")
# "Dossier- en ondernummer" table (officielebekendmakingen page); the vergaderjaar is glued to the dossier:
# "Tweede Kamer der Staten-Generaal2017-201827925 nr. 630".
_DOSSIER_TABLE = re.compile(r"Dossier- en ondernummer[^\n]{0,200}\n[^\n]{0,120}?(?:\d{4}-\d{4})?"
                            r"(\d{5})(?:-(\d{2}|[IVXL]{1,6}))?[ ]?nr\.?[ ]?(\d{1,4}|[A-Z]{1,3})(?![\w])")
# First line "Kamerstuk 29521-274" (openkamer page title).
_FIRST_LINE = re.compile(r"\A\s{0,20}Kamerstuk(?:ken)?[ \t]{1,3}(\d{2})[ ]?(\d{3})(?:-(\d{2}|[IVXL]{1,6}))?"
                         r"(?:[ ]?-[ ]?|,?[ ]nr\.?[ ]?|,[ ]?)(\d{1,4}|[A-Z]{1,3})(?![\w])[ \t]*(?=\||\n|\Z)")
# Metadata lines of scraped pages: "ID: 29521-109", "officiële HTML versie (kst-29521-433)",
# "kamerstukdossier 29521 -433", "Bron: https://.../kst-29521-109.html".
_META_SELF = re.compile(
    r"(?:\bID:[ \t]{0,3}|officiële HTML versie \(|\bkamerstukdossier[ \t]{1,3}|\bBron:[ \t]{0,3}\S{0,80}?)"
    r"(?:kst-)?(\d{5})(?:-(\d{2}|[IVXL]{1,6}))?[ ]?-[ ]?(\d{1,4}|[A-Z]{1,3})(?![\w])")
# Running page header of a Kamerstuk PDF: "Tweede Kamer, vergaderjaar 2015-2016, 29 521, nr. 309".
# Only at the start of a line and followed by the end of the line or a page number: the same words inside a
# sentence or parentheses are a citation ("(Tweede Kamer, vergaderjaar 2005-2006, 27 925, nr. 193)").
_RUNNING_HEAD = re.compile(r"(?m)^[ \t]{0,4}(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}[ ]?-[ ]?\d{4},[ ]{0,2}"
                           r"(\d{2})[ ]?(\d{3})(?:[ ]([IVXL]{1,6})|-(\d{2}))?,[ ]{0,2}(?:nr\.[ ]{0,2})?"
                           r"(\d{1,4}|[A-Z]{1,3})(?![\w])(?=[ \t]{0,4}(?:\d{1,3}[ \t]*)?$)")
# First-page footer of a Kamerstuk PDF: "kst-29521-I ISSN 0921 - 7371" (literal start, as _KST).
_FOOTER = re.compile(r"kst-(?<!\wkst-)(\d{5})(?:-(\d{2}|[IVXL]{1,6}))?-(\d{1,4}|[A-Z]{1,3})[ \t]{1,4}ISSN\b")


# Where the patterns above without a literal start can match (they are tried only there): a _HEADER line starts
# with a digit, a _META_SELF match with one of its labels, a _RUNNING_HEAD line holds "Kamer, vergaderjaar".
_LINE_DIGIT = re.compile(r"\n[ \t]{0,4}\d")
_META_SELF_LABELS = ("ID:", "officiële HTML versie (", "kamerstukdossier", "Bron:")


def _header_matches(head: str) -> Iterator[re.Match[str]]:
    return matches_at(_HEADER, head, [0, *(m.start() + 1 for m in _LINE_DIGIT.finditer(head))])


def _meta_self_matches(head: str) -> Iterator[re.Match[str]]:
    return matches_at(_META_SELF, head, occurrences(head, _META_SELF_LABELS))


def _running_head_matches(text: str) -> Iterator[re.Match[str]]:
    return matches_at(_RUNNING_HEAD, text, line_starts(text, find_exact(text, "Kamer, vergaderjaar")))


def own_number(text: str) -> str | None:
    """The document's own Kamerstuk number, from its header, metadata lines, running head or footer."""
    head = text[:_HEAD_WINDOW]
    m = next(_header_matches(head), None)
    if m:
        nr = m.group(5) or m.group(6)
        return _value(m.group(1) + m.group(2), m.group(3) or m.group(4), nr)
    m = _DOSSIER_TABLE.search(head)
    if m:
        return _value(m.group(1), m.group(2), m.group(3))
    m = _FIRST_LINE.match(head)
    if m:
        return _value(m.group(1) + m.group(2), m.group(3), m.group(4))
    m = next(_meta_self_matches(head), None)
    if m:
        return _value(m.group(1), m.group(2), m.group(3))
    m = next(_running_head_matches(text), None)
    if m:
        return _value(m.group(1) + m.group(2), m.group(3) or m.group(4), m.group(5))
    m = _FOOTER.search(text) if "ISSN" in text else None
    if m:
        return _value(m.group(1), m.group(2), m.group(3))
    return None


def _self_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans that state the own number in a header form (so the number has a mention even when no
    citation pattern covers it)."""
    head = text[:_HEAD_WINDOW]
    # (each form is looked for only when the ones before found nothing: the caller takes the first span)
    for matches in (lambda: _header_matches(head), lambda: _DOSSIER_TABLE.finditer(head),
                    lambda: _FIRST_LINE.finditer(head), lambda: _meta_self_matches(head),
                    lambda: _running_head_matches(text), lambda: _FOOTER.finditer(text)):
        for m in matches():
            yield m.start(), m.end()


def kamerstukken(text: str) -> list[Mention]:
    """Kamerstuk references; the document's own number with role ``self``."""
    own = own_number(text)
    found: dict[tuple[int, int, str], None] = {}
    for start, end, value in _iter_citations(text):
        found[(start, end, value)] = None
    for m in (_KST.finditer(text) if find_lowered(text, ("kst",)) and "kst-" in text else ()):
        found[(m.start(), m.end(), _value(m.group(1), m.group(2), m.group(3)))] = None
    for m in (_KRIJGT.finditer(text) if _KRIJGT_DOSSIER.search(text) else ()):
        found[(m.start(), m.end(), _value(m.group(2) + m.group(3), m.group(4), m.group(1)))] = None
    if own:
        values = {v for (_, _, v) in found}
        if own not in values:
            for s, e in _self_spans(text):
                found[(s, e, own)] = None
                break
    out = []
    for (start, end, value) in sorted(found):
        out.append(Mention("kamerstuk", value, start, end, text[start:end], role="self" if value == own else ""))
    return out


# ---------------------------------------------------------------------------------------------------------
# Tweede Kamer ids
# ---------------------------------------------------------------------------------------------------------

_TK_ID = re.compile(r"(?<![\w])((?:19|20)\d{2})([ZD])(\d{5})(?![\w])")
# The letter and number of an id, which starts four characters before them: patterns with a literal start, fast to
# scan for, where _TK_ID would be tried at every position.
_TK_LETTERS = (re.compile(r"Z\d{5}"), re.compile(r"D\d{5}"))


def tk_ids(text: str) -> list[Mention]:
    starts = sorted(m.start() - 4 for rx in _TK_LETTERS for m in rx.finditer(text) if m.start() >= 4)
    return [Mention("tk-id", m.group(0), m.start(), m.end(), m.group(0),
                    attrs={"type": "zaak" if m.group(2) == "Z" else "document"})
            for m in matches_at(_TK_ID, text, starts)]


# ---------------------------------------------------------------------------------------------------------
# UN Security Council resolutions
# ---------------------------------------------------------------------------------------------------------

# The resolution word; the UN prefixes glued or hyphenated to it are read backwards from it.
_RES_WORD = re.compile(r"(?P<word>[Rr]esoluti(?:es|e|ons|on)|RESOLUTIES?)(?![a-z])|(?P<unscr>\bUNSCR(?:'s|s)?\b)")


def _res_word_starts(text: str) -> list[int]:
    """Where a _RES_WORD match can start: the letter before "esoluti" in any case ("resolutie", "RESOLUTIE") and
    "UNSCR" (found with ``str.find``: the pattern has no literal start, so a full scan would try it everywhere)."""
    return sorted({p - 1 for p in find_lowered(text, ("esoluti",)) if p}.union(find_exact(text, "UNSCR")))


_COUNCIL_WORDS = ("Veiligheidsraads", "veiligheidsraads", "Veiligheidsraad", "veiligheidsraad", "Security Council")
_UN_WORDS = ("VNVR", "UNSC", "VN", "UN", "VR")


def _res_prefix_start(text: str, end: int) -> int | None:
    """Start of a UN prefix glued or hyphenated to the resolution word at ``end`` ("VNVR-", "VN
    Veiligheidsraad ", "Veiligheidsraad"), or None. Plain string tests, read backwards."""
    pos = end
    if pos and text[pos - 1] in "- ":
        pos -= 1
    found = None
    for w in _COUNCIL_WORDS:
        if text.endswith(w, 0, pos):
            pos -= len(w)
            found = pos
            if pos and text[pos - 1] in "- ":
                pos -= 1
            break
    for w in _UN_WORDS:
        if text.endswith(w, 0, pos) and (pos - len(w) == 0 or not text[pos - len(w) - 1].isalpha()):
            return pos - len(w)
    return found
_RES_NUM = re.compile(r"[ \t]{0,3}(?:[-\s]?nr\.?[ \t]{0,2}|no\.?[ \t]{0,2})?(\d{1,4})(?![\d/]|[.,]\d|-\d)"
                      r"(?:[ \t]{0,2}\((\d{4})\))?")
_RES_SEP = re.compile(r"[ \t]{0,2}(?:,[ \t]{0,2}(?:en[ \t]{1,2}|and[ \t]{1,2})?|en[ \t]{1,2}|and[ \t]{1,2}|"
                      r"&[ \t]{1,2})")
_S_RES = re.compile(r"\bS/RES/(\d{1,4})[ \t]{0,2}(?:\((\d{4})\))?")
# Other bodies whose resolutions are not Security Council resolutions.
_OTHER_BODY = re.compile(r"\b(?:Algemene Vergadering|AVVN|Mensenrechtenraad|Europees Parlement|Europese Parlement|"
                         r"Raad van Europa|OVSE|NAVO|EU|EP|AV|Kamer|Senaat|Parlementaire Assemblee)[- ]?\Z")
# Security Council named nearby: makes a bare "resolutie 1973" a resolution number rather than a year.
_UNSC_NEARBY = re.compile(r"Veiligheidsraad|VNVR|\bVN\b|\bUNSC|Security Council")


def _res_number_ok(n: str, year: str | None, prefixed: bool, unsc_nearby: Callable[[], bool]) -> bool:
    value = int(n)
    if value == 0:
        return False
    if year or prefixed:
        return True
    if len(n) < 3:
        return False
    # a bare "resolutie 2014" is more likely a year, unless the Security Council is named nearby
    return not (1945 <= value <= 2040) or unsc_nearby()


def resolutions(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in matches_at(_RES_WORD, text, _res_word_starts(text)):
        w_start = m.start()
        span_start = w_start
        prefixed = bool(m.group("unscr"))
        if not prefixed:
            p = _res_prefix_start(text, w_start)
            if p is not None:
                prefixed, span_start = True, p
            else:
                if _OTHER_BODY.search(text, max(0, w_start - 30), w_start):
                    continue
                # "EP-resolutie", "Kamerresolutie": another body glued to the word
                if w_start > 0 and (text[w_start - 1] == "-" or text[w_start - 1].isalpha()):
                    continue
        pos = m.end()
        near = (max(0, w_start - 120), min(len(text), m.end() + 80))
        n = _RES_NUM.match(text, pos)
        count = 0
        while n and count < 20:
            num, year = n.group(1), n.group(2)
            if not _res_number_ok(num, year, prefixed, lambda: bool(_UNSC_NEARBY.search(text, *near))):
                break
            attrs = {"year": int(year)} if year else {}
            start = span_start if count == 0 else n.start(1)
            out.append(Mention("resolution", str(int(num)), start, n.end(), text[start:n.end()], attrs=attrs))
            count += 1
            sep = _RES_SEP.match(text, n.end())
            if not sep:
                break
            n = _RES_NUM.match(text, sep.end())
            if n and n.group(2) is None and len(n.group(1)) < 3:
                break  # "resoluties 2100 en 3 andere" - stop at small numbers in lists
    for m in (_S_RES.finditer(text) if run_positions(text, "res") and "S/RES/" in text else ()):
        attrs = {"year": int(m.group(2))} if m.group(2) else {}
        out.append(Mention("resolution", str(int(m.group(1))), m.start(), m.end(), m.group(0), attrs=attrs))
    return out


RULES = [kamerstukken, tk_ids, resolutions]
