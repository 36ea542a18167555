"""The reports a document answers or names: evaluations, advisory and inspection reports, investigations.

- ``evaluations``: evaluation reports a document names ("de IOB-evaluatie van de Nederlandse bijdrage aan MINUSMA
  tussen 2014 en 2019"), with an id from evaluator, mission and period (``iob-minusma-2014-2019``); the one the
  document responds to is marked ``main``; a Kamerstuk in the same clause is recorded as a response to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Mention
from ...scan import lowered, matches_at, occurrences
from ..index import MentionsOfKind
from ..text import fold, sentences_of

# --- evaluations ---------------------------------------------------------------------------------------------------

_EVAL = re.compile(r"\b(?:(?P<iob>IOB)[- ])?(?:eind|beleids|mid-term[- ]|tussentijdse |onafhankelijke )?"
                   r"(?P<word>evaluatie|evaluatierapport|evaluation)\b(?!s)", re.IGNORECASE)
# "2014-2019", "2014 tot en met 2019", "2014 en november 2019". Not glued to a word character before: tested after
# the first two digits, so that the pattern starts with a digit and is tried only at "1" and "2".
_YEARS = re.compile(r"(?P<a>(?:19|20)(?<!\w..)\d{2})\s*(?:-|/|tot en met|t/m|tot|en)\s*(?:\w+\s+)?"
                    r"(?P<b>(?:19|20)\d{2})\b")
_QUOTED_TITLE = re.compile(r"[\"“]\s*(?P<t>[^\"”\n]{8,300}?)\s*[\"”]")
_RESPONSE = re.compile(r"\b(?:beleids|kabinets)reactie\b|\breactie van het kabinet\b|\bkabinetsstandpunt\b",
                       re.IGNORECASE)
_RESPONSE_WORDS = ("reactie", "kabinetsstandpunt")  # one of them is in every _RESPONSE match
_EVALUATOR = re.compile(r"\b(IOB|Inspectie|Algemene Rekenkamer|Clingendael|AIV|CDS|Defensie)\b")




def _response_in(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a policy response (_RESPONSE), searched only when a response word occurs."""
    low = lowered(text)
    if not any(low.find(w, start, end) >= 0 for w in _RESPONSE_WORDS):
        return False
    return _RESPONSE.search(text[start:end]) is not None


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(s: str) -> str:
    return _NOT_SLUG.sub("-", s.lower()).strip("-")


def evaluations(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    """Linker: evaluations named in the text, with the mission found in the same stretch of text."""
    found = list(_evaluation_mentions(text, mentions))
    # "De eindevaluatie MINUSMA ..." without a period is the document's evaluation of that mission with one,
    # when there is exactly one such.
    with_period: dict[tuple[str | None, str], set[str]] = {}
    for m in found:
        if m.attrs["period"]:
            with_period.setdefault((m.attrs["evaluator"], m.attrs["mission"]), set()).add(m.value)
    main_ids = {m.value for m in found if m.attrs["main"]}
    for m in found:
        if not m.attrs["period"]:
            same = with_period.get((m.attrs["evaluator"], m.attrs["mission"]), set())
            if len(same) == 1:
                m.value = next(iter(same))
                m.attrs["period"] = m.value.rsplit("-", 2)[-2] + "-" + m.value.rsplit("-", 1)[-1]
        if m.value in main_ids and not m.attrs["responses"]:
            m.attrs["main"] = True
    # A caption from the id's parts, and the report's own title when the text quotes it somewhere.
    quoted = {}
    for m in found:
        if m.attrs.get("report_title"):
            quoted.setdefault(m.value, m.attrs["report_title"])
    for m in found:
        m.attrs["title"] = _generated_title(m.attrs["evaluator"], m.attrs["mission"], m.attrs["period"])
        m.attrs["report_title"] = quoted.get(m.value)
    yield from found


def _generated_title(evaluator: str | None, mission: str, period: str | None) -> str:
    return f"{evaluator + '-evaluatie' if evaluator else 'Evaluatie'} {mission}{' ' + period if period else ''}"


# How far before "evaluat" an _EVAL match can start: its optional parts before the word, spelled as in _EVAL; and
# the letters such a part can start with (a match starts with one of them).
_EVAL_PARTS = ("eind", "beleids", "mid-term-", "tussentijdse ", "onafhankelijke ")
_EVAL_BACK = sorted({len(iob) + len(part) for iob in ("", "IOB-") for part in ("", *_EVAL_PARTS)})
_EVAL_FIRST = {"i", "e", *(part[0] for part in _EVAL_PARTS)}
_ALREADY = re.compile(r"\breeds\b|\beerder")


def _eval_starts(text: str) -> list[int]:
    """Where an _EVAL match can start: each of _EVAL_BACK before each "evaluat", at a letter of _EVAL_FIRST."""
    low = lowered(text)
    return sorted({p - back for p in occurrences(low, ("evaluat",)) for back in _EVAL_BACK
                   if p >= back and low[p - back] in _EVAL_FIRST})


def _quoted_title(text: str, end: int) -> re.Match[str] | None:
    """The report's quoted title right after the word that ends at ``end`` (within 12 characters, e.g.
    'evaluatie: *"…"*'), or None. Searched for only when a quote mark is that close."""
    near = end + 13
    if text.find('"', end, near) < 0 and text.find("“", end, near) < 0:
        return None
    quoted = _QUOTED_TITLE.search(text, end, min(len(text), end + 400))
    return quoted if quoted and quoted.start() - end <= 12 else None


def _evaluation_mentions(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    matches = list(matches_at(_EVAL, text, _eval_starts(text)))
    if not matches:
        return
    sentences = sentences_of(text)
    missions_found, kamerstukken_found = MentionsOfKind(mentions, "mission"), MentionsOfKind(mentions, "kamerstuk")
    main_given = False
    doc_mentions_iob = "IOB" in text
    for m in matches:
        s, e = sentences.span_of(m.start(), m.end())
        # The clause: sentence cut at semicolons around the match.
        cs = text.rfind(";", s, m.start()) + 1 or s
        ce = text.find(";", m.end(), e)
        ce = e if ce < 0 else ce
        clause = text[cs:ce]
        quoted = _quoted_title(text, m.end())
        after_end = quoted.end() if quoted else min(ce, m.end() + 260)
        after = text[m.start():after_end]
        missions = missions_found.within(m.start(), after_end)
        if not missions:
            continue
        mission = missions[0].value
        years = _YEARS.search(after)
        if not years:  # "De inzet vond plaats van november 2021 t/m mei 2022." in the next sentence
            ns, ne = sentences.span_of(e, e + 1) if e < len(text) else (e, e)
            years = _YEARS.search(text, ns, min(ne, ns + 300))
        period = f"{years.group('a')}-{years.group('b')}" if years else ""
        evaluator = "IOB" if (m.group("iob") or "IOB" in clause or "Beleidsevaluatie" in clause) else ""
        if not evaluator and doc_mentions_iob and _response_in(text, max(0, m.start() - 120), m.start()):
            evaluator = "IOB"
        ev_id = _slug("-".join(p for p in (evaluator or "evaluatie", mission, period) if p))
        is_response = _response_in(text, max(cs, m.start() - 160), m.start())
        responses = [k.value for k in kamerstukken_found.within(cs, ce) if k.role != "self"]
        main = False
        if is_response and not main_given and not responses and not _ALREADY.search(clause):
            main = main_given = True
        yield Mention("evaluation", ev_id, m.start(), m.end(), m.group(0), attrs={
            "report_title": fold(quoted.group("t")) if quoted else None, "evaluator": evaluator or None, "mission": mission, "period": period or None,
            "main": main, "responses": responses})
