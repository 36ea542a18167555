"""Document metadata rules: title, kind and own reference (Onze Referentie / kenmerk)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..gazetteer import load
from ..model import Mention
from ..scan import find_lowered, line_end, line_starts, lowered, matches_at
from .text import fold

# --- reference ---------------------------------------------------------------------------------------------------
# A reference is a field: a label at the start of a line (Markdown bold allowed) and a value on the same or next
# line. The value must contain a letter: a bare "29521-227" after "kenmerk" is a Kamerstuk, not a reference.
_REFERENCE = re.compile(
    r"^[ \t]*(?:\*\*)?(?:Onze referentie|Ons kenmerk|Onze ref\.|Referentie|Kenmerk)(?:\*\*)?[ \t]*:?[ \t]*\n?"
    r"(?:[ \t]*\n)?[ \t]*(?P<value>[A-Za-z][A-Za-z0-9]*(?:[./-][A-Za-z0-9]+){0,8})[ \t]*$",
    re.IGNORECASE | re.MULTILINE)
_REFERENCE_WORDS = ("referentie", "kenmerk", "onze ref.")  # one of them is in every label


def reference(text: str) -> Iterator[Mention]:
    """The document's own reference. A match starts the line of its label, so only the lines that contain a label
    word are tried."""
    for m in matches_at(_REFERENCE, text, line_starts(text, find_lowered(text, _REFERENCE_WORDS))):
        value = m.group("value")
        if re.search(r"\d", value) and re.search(r"[A-Za-z]", value):
            yield Mention("reference", value, m.start("value"), m.end("value"), value)
            return


# --- kind --------------------------------------------------------------------------------------------------------
# Ordered: the first kind whose marker occurs wins. Markers are looked for in the head of the document, where
# the document says what it is; a letter that *mentions* a motion is still a letter. Each kind lists words of which
# every match of its pattern contains one: the pattern is tried only when one occurs in the head (in the lower-cased
# head, in lower case, for a case-insensitive pattern): a test of a few microseconds instead of a scan. A word that
# begins with a line break is one that the pattern wants at the start of a line (the head is tested with a line
# break before it).
_HEAD = 1500
# An internal memo (nota) names itself in a header line of its own, which conversions from PDF or DOCX decorate with
# heading marks and bold or italic markers: 'Nota', 'NOTA', '# nota', '**Nota**', '## __Beslisnota__'. The line
# may name whom the memo is for: 'Nota aan de minister', 'NOTA VOOR DE STAATSSECRETARIS VAN DEFENSIE', 'Nota aan
# DGPZ', 'Nota aan de ministerraad'. Anything else after the word is not a memo header: 'Nota van wijziging', 'Nota
# naar aanleiding van het verslag' (Kamerstukken), 'Nota Ruimte' (a policy paper), 'Nota verbale', 'Nota bene'; nor
# is a longer word ('notabene', "nota's", 'notaoverleg'). The form's decision line ('**TER BESLISSING**') also
# marks a memo.
# (Possessive quantifiers: a line that is no header fails without trying every split of its spaces and markers.)
_MEMO_ADDRESSEE = (r"[ \t]++(?:aan|voor)[ \t]++(?:(?:de|het)[ \t]++)?(?:minister|staatssecretaris|bewindsperso|"
                   r"secretaris-generaal|plaatsvervangend|direct(?:eur|ie|oraat)|p?sg|dg)[^\n*_]{0,120}+")
_MEMO_HEADER = (r"^[ \t]*+(?:\#{1,6}+[ \t]*+)?[*_]{0,3}+[ \t]*+(?:beslis|informatie|advies)?nota"
                rf"(?:{_MEMO_ADDRESSEE})?[ \t]*+[*_]{{0,3}}+[ \t]*+$")
_KINDS: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [
    ("nota", ("nota", "ter beslissing", "ter informatie", "ter advisering"),
     re.compile(_MEMO_HEADER + r"|\*\*TER (?:BESLISSING|INFORMATIE|ADVISERING)\*\*|"
                r"^TER (?:BESLISSING|INFORMATIE|ADVISERING)\s*$", re.IGNORECASE | re.MULTILINE)),
    ("motie", ("MOTIE",),
     re.compile(r"\b(?:GEWIJZIGDE )?MOTIE VAN (?:HET LID|DE LEDEN)\b|^Nr\. \d+\s+(?:GEWIJZIGDE )?MOTIE\b",
                re.MULTILINE)),
    ("amendement", ("AMENDEMENT VAN HET LID",),
     re.compile(r"\b(?:GEWIJZIGD )?AMENDEMENT VAN HET LID\b")),
    ("verslag", ("verslag van een ", "\nhandeling", "\naan de orde is ", "lijst van vragen en antwoorden"),
     re.compile(r"\bVERSLAG VAN EEN (?:ALGEMEEN|SCHRIFTELIJK|NOTA)\s*OVERLEG\b|"
                r"\bVerslag van een (?:commissiedebat|algemeen overleg|schriftelijk overleg)\b|"
                r"^Handeling(?:en)?\s*$|^Aan de orde is (?:de|het)\b|\bLIJST VAN VRAGEN EN ANTWOORDEN\b",
                re.IGNORECASE | re.MULTILINE)),
    ("beleidsreactie", ("beleidsreactie", "kabinetsreactie", "kabinetsstandpunt"),
     re.compile(r"\b(?:beleidsreactie|kabinetsreactie|kabinetsstandpunt)\b", re.IGNORECASE)),
    ("brief", ("brief van de ", "\naan de voorzitter van de ", "\nbrief regering", "\nden haag"),
     re.compile(r"\bBRIEF VAN DE (?:MINISTERS?|STAATSSECRETARIS(?:SEN)?)\b|"
                r"^Aan de Voorzitter van de (?:Tweede|Eerste) Kamer|^Brief regering\b|"
                r"^Den Haag,? \d{1,2} \w+ \d{4}", re.IGNORECASE | re.MULTILINE)),
    ("nieuws", ("aldus ", "ministerraad", "meld"),
     re.compile(r"\baldus (?:de )?(?:minister|staatssecretaris)\b|"
                r"\b(?:heeft de ministerraad|heeft ministerraad|De ministerraad heeft)\b.{0,200}\bbesloten\b|"
                r"\bmeld(?:t|en) (?:minister|staatssecretaris)", re.IGNORECASE | re.DOTALL)),
]


def kind(text: str) -> Iterator[Mention]:
    head = text[:_HEAD]
    lines, lower_lines = "\n" + head, "\n" + lowered(text)[:_HEAD]  # a line break before the first line too
    for name, words, pattern in _KINDS:
        haystack = lower_lines if pattern.flags & re.IGNORECASE else lines
        if not any(w in haystack for w in words):
            continue
        m = pattern.search(head)
        if m:
            # A policy response is a letter whose subject is the response, said in its opening.
            yield Mention("kind", name, m.start(), m.end(), m.group(0))
            return


# --- title -------------------------------------------------------------------------------------------------------
_NOTA_TITLE = re.compile(r"^#+[ \t]*nota[ \t]*\n+(?P<title>(?:[^\n#*][^\n]*(?:\n|$)){1,3})", re.IGNORECASE | re.MULTILINE)
_KST_HEADER = re.compile(r"^(?P<dossier>\d{2}[ .]?\d{3}(?:[ -][0-9A-Z]{1,4})?)[ \t]+(?P<dtitle>[A-Z][^\n]{3,160})\n"
                         r"(?:[ \t]*\n)*(?:(?:\d{2}[ .]?\d{3}[^\n]*\n)(?:[ \t]*\n)*)*"
                         r"[ \t]*Nr\.?[ \t]*\d+[ \t]+(?P<what>[A-Z][^\n]{3,300})", re.MULTILINE)
_OPENING = re.compile(r"^\s*(?:In|Met|Bij) deze brief (?:ontvangt u|informeer\w* (?:ik|wij|het kabinet) u over|"
                      r"bied\w* (?:ik|wij) u) (?P<subject>[^.]{10,300})", re.IGNORECASE)
# A subject field: the label 'Onderwerp' (memos) or 'Betreft' (letters), in title case or capitals, at the start of
# a line, bold or not, and the subject after it on the same line or on the next (one blank line between allowed, as
# Markdown conversions of DOCX put one):
#   '**Onderwerp**  \nKabinetsreactie op …' (a memo form converted from PDF or DOCX), 'Onderwerp: Inzet in Mali',
#   '**Betreft:** Inzet in Mali', 'Onderwerp<TAB>Inzet in Mali', 'Betreft Nederlandse bijdrage aan EMASoH' (the
#   letterhead of a Kamerbrief, where one space separates label and subject).
# The label must be followed by a separator: a colon, a closing bold marker, a tab, two spaces, the end of the line
# or (one space) a subject that starts with a capital or digit. So prose that happens to start a line with the word
# is no field ('Onderwerp van deze brief is …', 'Betreft het volgende'), nor is a longer word ('Onderwerpen: …', the
# subject tags of a scraped Kamerstuk page). Only the head of the document is read (_HEAD, as for the kind): in
# the real documents the letterhead or memo form ends within 400 characters ('Betreft' at 273, 'Ons kenmerk' at
# 314, '# nota' at 246, 'Den Haag, <date>' at 389 at most), while a memo converted from PDF repeats its form on
# every page, the second one at 1,669 and 4,474 characters. A field past the head is on a later page, in a quoted
# memo or in an annex: not this document's own subject.
_SUBJECT_LABEL = re.compile(r"^[ \t]*(?:\*\*|__)?(?:Onderwerp|ONDERWERP|Betreft|BETREFT)(?![\w-])(?P<rest>[^\n]*)",
                            re.MULTILINE)
_SUBJECT_WORDS = ("Onderwerp", "ONDERWERP", "Betreft", "BETREFT")     # every label contains one
_SUBJECT_REST = re.compile(r"(?P<closed>\*\*|__)?(?P<gap>[ \t]*)(?P<colon>:(?:\*\*|__)?[ \t]*)?(?P<value>.*)")
# A line that ends a subject: a heading, a bold label of up to three words ('**Datum**', '**Onze Referentie:**'), a
# label of the letterhead or memo form, capitalised and not followed by a word in lower case ('Datum 24 januari
# 2020', 'Ons kenmerk DVB/CV-2020.12', 'Van', 'DATUM', but not 'van KFOR' or 'Aan de hand van …', the subject's
# next line), or the salutation.
_FIELD_LINE = re.compile(
    r"[ \t]*(?:\#|(?:\*\*|__)[^\s*_]+(?:[ \t]+[^\s*_]+){0,2}[ \t]*:?[ \t]*(?:\*\*|__)|"
    r"(?=[A-Z])(?i:Datum|Betreft|Onderwerp|Kenmerk|Ons kenmerk|Onze referentie|Uw kenmerk|Uw referentie|Uw brief|"
    r"Bijlagen?|Bijlage\(n\)|Aan|Van|Via|Kopie aan|Afgestemd met|Opgesteld door|Contactpersoon|Telefoon|Retouradres|"
    r"Beslispunten)(?![\w(-])(?![ \t]+[a-z])|Geachte\b)")
_SUBJECT_LINES = 3     # a subject of up to 300 characters takes at most three lines of a letter or memo
_BOILERPLATE = re.compile(r"^(?:Kamerstuk|Handeling(?:en)?|Datum publicatie.*|Tweede Kamer der Staten-Generaal.*|"
                          r"Eerste Kamer der Staten-Generaal.*|Preview document.*|\d+|[-=*_#\s]*|date .*|"
                          r"Aan|Van|Via|Kopie aan|Afgestemd met)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _proper_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """Names that keep their capitals in a title written in capitals: the chambers and every ministry name of
    the ministries gazetteer (longest first, so 'buitenlandse handel en …' wins over 'buitenlandse')."""
    names = ["Tweede Kamer", "Eerste Kamer", "Staten-Generaal"]
    for entry in load("ministries"):
        names += [entry["id"], *entry.get("names", [])]
    canonical = {n.lower(): n for n in names}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(canonical, key=len, reverse=True))
                         + r")\b")
    return pattern, canonical


def _sentence_case(s: str) -> str:
    s = fold(s).strip(" .,:;")
    if s.isupper():
        pattern, canonical = _proper_names()
        s = pattern.sub(lambda m: canonical[m.group(0)], s.lower())
    return s[:1].upper() + s[1:]


def _subject_start(rest: str) -> int | None:
    """Where the subject starts in ``rest``, the text after a subject label on its line: ``len(rest)`` when the
    subject is on the next line, None when the label is a word of prose (one space and a word that does not start
    with a capital or digit: 'Betreft het volgende')."""
    m = _SUBJECT_REST.match(rest)
    value = m.group("value")
    if not value.strip(" \t*_"):
        return len(rest)
    gap = m.group("gap")
    if m.group("closed") or m.group("colon") or "\t" in gap or len(gap) >= 2:
        return m.start("value")
    if gap == " " and (value[0].isupper() or value[0].isdigit()):
        return m.start("value")
    return None


def _subject_lines(text: str, pos: int, same_line: bool) -> tuple[int, int] | None:
    """The span of a subject whose first line starts at ``pos`` (``same_line``: on the label's line), or that
    starts on a line of its own at ``pos``, after at most one blank line. The subject runs over the lines after
    its first, at most _SUBJECT_LINES in all, until a blank line or a line that starts another field (see
    _FIELD_LINE). None when the field is empty: the next line is another field or a second blank line."""
    if not same_line and pos < len(text) and not text[pos:line_end(text, pos)].strip():
        pos = line_end(text, pos) + 1                              # one blank line between label and subject
    lines: list[tuple[int, int]] = []
    while pos < len(text) and len(lines) < _SUBJECT_LINES:
        end = line_end(text, pos)
        line = text[pos:end]
        if not line.strip() or ((lines or not same_line) and _FIELD_LINE.match(line)):
            break
        lines.append((pos, end))
        pos = end + 1
    if not lines:
        return None
    start, end = lines[0][0], lines[-1][1]
    span = text[start:end]
    return start + len(span) - len(span.lstrip()), start + len(span.rstrip())      # without the white space


def _subject_field(head: str) -> tuple[int, int] | None:
    """The span of the subject of the first subject field in ``head`` (see _SUBJECT_LABEL) whose subject has a
    letter. The pattern is tried only when a label occurs (a test of about a microsecond instead of a scan)."""
    if not any(label in head for label in _SUBJECT_WORDS):
        return None
    for m in _SUBJECT_LABEL.finditer(head):
        rest = m.group("rest")
        at = _subject_start(rest)
        if at is None:
            continue
        same_line = at < len(rest)
        span = _subject_lines(head, m.start("rest") + at if same_line else m.end() + 1, same_line)
        if span and re.search(r"[^\W\d_]", head[span[0]:span[1]]):
            return span
    return None


def title(text: str) -> Iterator[Mention]:
    """The document's title, from the best of these forms that occurs, tried in this order:

    1. a memo's own title: the lines after a ``# nota`` heading;
    2. the Kamerstuk publication header: the dossier line and ``Nr. N WHAT`` ('Nederlandse deelname aan
       vredesmissies: Brief van de minister van Defensie'), the title under which the Kamer publishes it;
    3. the subject field of a memo form or letterhead ('**Onderwerp**', 'Betreft'), in the head of the text:
       the author's own one-line title. It comes after the two above: a Kamerstuk publication is known by its
       publication title, and a memo's ``# nota`` title is its explicit title; it comes before the opening
       sentence, which is prose that only paraphrases the subject;
    4. a letter's opening sentence ('Met deze brief informeer ik u over …');
    5. else the first line of three or more words that is no boilerplate.

    At most 300 characters, white space folded; a title in capitals is put in sentence case."""
    m = _NOTA_TITLE.search(text) if "#" in text else None
    if m:
        yield Mention("title", _sentence_case(m.group("title").replace("**", "")), m.start("title"),
                      m.end("title"), m.group("title"))
        return
    m = _KST_HEADER.search(text[:3000])
    if m:
        value = f"{fold(m.group('dtitle'))}: {_sentence_case(m.group('what'))}"
        yield Mention("title", value[:300], m.start(), m.end(), m.group(0))
        return
    span = _subject_field(text[:_HEAD])
    if span:
        raw = text[span[0]:span[1]]
        value = _sentence_case(raw.replace("**", "").replace("__", ""))[:300].rstrip()
        yield Mention("title", value, span[0], span[1], raw)
        return
    m = _OPENING.search(text)
    if m:
        yield Mention("title", _sentence_case(m.group("subject"))[:300], m.start("subject"), m.end("subject"),
                      m.group("subject"))
        return
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip().strip("*#").strip()
        if stripped and not _BOILERPLATE.match(stripped) and len(stripped.split()) >= 3:
            start = offset + line.index(line.strip()[0])
            value = fold(stripped)[:300]
            yield Mention("title", value, start, start + len(line.strip()), line.strip())
            return
        offset += len(line)


RULES = [reference, kind, title]
