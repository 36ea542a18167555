"""Document metadata rules: title, kind and own reference (Onze Referentie / kenmerk)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..gazetteer import load
from ..model import Mention
from ..scan import lowered, matches_at, occurrences
from .structure import line_starts
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
    for m in matches_at(_REFERENCE, text, line_starts(text, occurrences(lowered(text), _REFERENCE_WORDS))):
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


def title(text: str) -> Iterator[Mention]:
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
