"""The reports a document answers or names: evaluations, advisory and inspection reports, investigations.

- ``evaluations``: evaluation reports a document names ("de IOB-evaluatie van de Nederlandse bijdrage aan MINUSMA
  tussen 2014 en 2019"), with an id from evaluator, mission and period (``iob-minusma-2014-2019``); the one the
  document responds to is marked ``main``; a Kamerstuk in the same clause is recorded as a response to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...model import Mention
from ...scan import find_lowered, lowered, matches_at
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


def _holds(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds one of ``words`` (lower case), ignoring case: a cheap test before a
    regular expression is tried in a window."""
    low = lowered(text)
    return any(low.find(w, start, end) >= 0 for w in words)


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


def _evaluation_id(evaluator: str | None, mission: str, period: str | None) -> str:
    return _slug("-".join(p for p in (evaluator or "evaluatie", mission, period) if p))


def _generated_title(evaluator: str | None, mission: str, period: str | None) -> str:
    return f"{evaluator + '-evaluatie' if evaluator else 'Evaluatie'} {mission}{' ' + period if period else ''}"


# How far before "evaluat" an _EVAL match can start: its optional parts before the word, spelled as in _EVAL; and
# the letters such a part can start with (a match starts with one of them).
_EVAL_PARTS = ("eind", "beleids", "mid-term-", "tussentijdse ", "onafhankelijke ")
_EVAL_BACK = sorted({len(iob) + len(part) for iob in ("", "IOB-") for part in ("", *_EVAL_PARTS)})
_EVAL_FIRST = {"i", "e", *(part[0] for part in _EVAL_PARTS)}
_CLAUSE = 400           # characters of the clause around an evaluation that are read
_ALREADY = re.compile(r"\breeds\b|\beerder")


def _eval_starts(text: str) -> list[int]:
    """Where an _EVAL match can start: each of _EVAL_BACK before each "evaluat", at a letter of _EVAL_FIRST."""
    low = lowered(text)
    return sorted({p - back for p in find_lowered(text, ("evaluat",)) for back in _EVAL_BACK
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
        # The clause: sentence cut at semicolons around the match, and at most _CLAUSE characters either side.
        ws, we = max(s, m.start() - _CLAUSE), min(e, m.end() + _CLAUSE)
        cs = text.rfind(";", ws, m.start()) + 1 or ws
        ce = text.find(";", m.end(), we)
        ce = we if ce < 0 else ce
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
        ev_id = _evaluation_id(evaluator, mission, period)
        is_response = _response_in(text, max(cs, m.start() - 160), m.start())
        responses = [k.value for k in kamerstukken_found.within(cs, ce) if k.role != "self"]
        main = False
        if is_response and not main_given and not responses and not _ALREADY.search(clause):
            main = main_given = True
        yield Mention("evaluation", ev_id, m.start(), m.end(), m.group(0), attrs={
            "report_title": fold(quoted.group("t")) if quoted else None, "evaluator": evaluator or None, "mission": mission, "period": period or None,
            "main": main, "responses": responses})


# --- reports of any kind -------------------------------------------------------------------------------------------
# A report noun ("het rapport", "het Rli-advies", "de initiatiefnota", "het stuk") with, near it in its sentence, an
# author: a report-writing body of organisations.yaml (found by the organisation rule, or glued to the noun:
# "WRR-rapport"), a commission ("de commissie-Davids", "de Commissie van onderzoek besluitvorming Irak", "de
# parlementaire enquêtecommissie"), a person ("het stuk van Johan Remkes") or whoever carried it out ("uitgevoerd
# door een team van Deloitte en Berenschot"); and a title in quotation marks right after it.

# Words for a report, and for its items named as a whole ("de conclusies van de enquêtecommissie"); any compound
# that ends in "rapport" or "advies" ("toeslagenrapport", "briefadvies").
_REPORT_NOUNS = ("rapporten", "rapportage", "rapport", "adviezen", "advies", "evaluatie", "onderzoeken", "onderzoek",
                 "analyse", "verslag", "studie", "verkenning", "initiatiefnota", "addendum", "stuk", "conclusies",
                 "bevindingen", "aanbevelingen", "signaalbrief", "doorrekening", "voorlichting")
_REPORT_NOUN = re.compile(r"(?<![^\W_])(?:(?P<prefix>[A-Za-z]{2,12})-)?(?P<noun>(?:[a-zë]{2,20}(?=rapport|advie))?(?:"
                          + "|".join(_REPORT_NOUNS) + r"))(?![^\W_])", re.IGNORECASE)
_NAME = r"[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?"
_PARTICLE = r"(?i:van der|van den|van de|van|de|der|den|ter|ten)"
# A commission, or another body known by a name outside the gazetteer: "de taskforce Wachttijden", "onderzoeksbureau
# Pallas Analyse", "een onderzoekscommissie onder leiding van Anneke Verhoeven"
_SPACE = r"[^\S\n]+"     # a name does not run on into the next line ("… Wapenexportbeleid\nAan de Voorzitter")
_COMMISSION = re.compile(
    rf"\b(?:parlementaire\s+enquêtecommissie(?:{_SPACE}{_NAME}(?:{_SPACE}(?:en{_SPACE})?{_NAME}){{0,2}})?"
    rf"|[Cc]ommissie van onderzoek(?:\s+[a-z]+){{0,3}}\s+{_NAME}"
    rf"|(?:[Oo]nderzoeks)?[Cc]ommissie\s+onder\s+(?:leiding|voorzitterschap)\s+van\s+{_NAME}(?:\s+{_NAME}){{0,2}}"
    rf"|(?:[Tt]askforce|[Ww]erkgroep|[Ss]taatscommissie|[Oo]nderzoeksbureau|[Aa]dviesbureau)\s+{_NAME}"
    rf"(?:{_SPACE}{_NAME}){{0,3}}"
    rf"|[Cc]ommissie[- ](?:{_PARTICLE}[ -])?{_NAME}(?:\s+{_PARTICLE}\s+{_NAME})?)")
_COMMISSION_WORDS = ("commissie", "taskforce", "werkgroep", "bureau")     # one is in every _COMMISSION match
# after "uitgevoerd door": a name the gazetteer does not know ("de Directie Operaties van het ministerie", "het
# Nederlands Instituut voor Militaire Historie")
_NAMED = re.compile(rf"(?:de\s+|het\s+)?(?:eigen\s+)?(?P<name>{_NAME}"
                    rf"(?:{_SPACE}(?:(?:voor|van|en|de|der|het){_SPACE})*{_NAME}){{0,5}})")
_PERSON_AUTHOR = re.compile(rf"\s+van\s+(?:de heer\s+|mevrouw\s+|prof\.?\s+|dr\.?\s+)?(?P<name>{_NAME}"
                            rf"(?:\s+(?:{_PARTICLE}\s+)?{_NAME}){{0,2}})")
_CARRIED_OUT = re.compile(r"\b(?:uitgevoerd|opgesteld|geschreven|verricht|evalueren|geëvalueerd)\s+door\s+"
                          r"(?:een team van\s+)?")
_TITLE = re.compile(r"[«“\"‘'](?P<t>[A-Z0-9][^«»“”\"\n]{2,250}?)[»”\"’'](?![a-z])")
_CUE = re.compile(r"\b(?:(?:beleids|kabinets)reactie|reactie\s+(?:van\s+het\s+kabinet\s+)?op|"
                  r"reage(?:ert|ren|erde|erden)\s+op|"
                  r"in\s+ontvangst|bied(?:t|en)?\s+(?:ik|wij|het kabinet)\s+u|ter\s+inzage|naar\s+aanleiding\s+van|"
                  r"appreciatie)", re.IGNORECASE)
# one of these (lower case) is in every _CUE match: the regular expression is tried only where one is
_CUE_WORDS = ("reactie", "reage", "ontvangst", "bied", "inzage", "aanleiding", "appreciatie")
# A body named right after these is not the author: it commissioned the report or is its subject.
_NOT_AUTHOR_BEFORE = re.compile(r"(?:in opdracht van|op verzoek van|naar|over)\s+(?:de\s+|het\s+)?$",
                                re.IGNORECASE)
_CARRIED_BACK = 300     # "uitgevoerd door" at most this far before the report noun
_NOT_PERSONS = frozenset({"Defensie", "Buitenlandse", "Justitie", "Nederland", "Financiën", "Binnenlandse", "Den",
                          "Staat", "State", "Koninkrijksrelaties"})


_NOUN_STEMS = ("rapport", "advie", "evaluatie", "onderzoek", "analyse", "verslag", "studie", "verkenning",
               "initiatiefnota", "addendum", "stuk", "conclusies", "bevindingen", "aanbevelingen", "signaalbrief",
               "doorrekening", "voorlichting")


def _word_starts(text: str, stems: tuple[str, ...], joiners: str) -> set[int]:
    """Where the words that hold one of ``stems`` start (a word runs back over letters and ``joiners``)."""
    low, starts = lowered(text), set()
    for pos in find_lowered(text, stems):
        while pos > 0 and (low[pos - 1].isalpha() or low[pos - 1] in joiners):
            pos -= 1
        starts.add(pos)
    return starts


def _report_nouns(text: str) -> Iterator[re.Match[str]]:
    """The matches of _REPORT_NOUN, tried only at the start of the words that hold one of its stems."""
    return matches_at(_REPORT_NOUN, text, sorted(_word_starts(text, _NOUN_STEMS, "-?")))


def _author_near(text: str, m: re.Match[str], sentence: tuple[int, int], bodies: MentionsOfKind,
                 body_at: dict[str, str]) -> tuple[str | None, str | None]:
    """(author, what it is: organisation, commission or person) of the report noun ``m``. Every search is bounded
    by a window around the noun (not only by its sentence), so that a long sentence full of report nouns costs
    linear time."""
    s, e = sentence
    prefix = m.group("prefix")
    if prefix and prefix.lower() in body_at:
        return body_at[prefix.lower()], "organisation"
    after = text[m.end():min(e, m.end() + 160)]
    near = bodies.starting_in(max(s, m.start() - 60), min(e, m.end() + 51))
    lo, hi = max(s, m.start() - _CARRIED_BACK), min(e, m.end() + 50)
    carried = _CARRIED_OUT.search(text, lo, hi) if _holds(text, ("door",), lo, hi) else None
    if carried:
        by = [b.value for b in near if b.start >= carried.end()]
        if by:
            return "; ".join(dict.fromkeys(by)), "organisation"
        named = _NAMED.match(text, carried.end())
        if named and named.group("name").split()[0] not in _NOT_PERSONS and \
                not _COMMISSION.match(text, named.start("name")):
            return named.group("name"), "commission"
    lo, hi = max(s, m.start() - 120), min(e, m.end() + 160)
    commission = _COMMISSION.search(text, lo, hi) if _holds(text, _COMMISSION_WORDS, lo, hi) else None
    person = _PERSON_AUTHOR.match(after)
    if person and person.group("name").split()[0] not in _NOT_PERSONS and \
            not any(b.start == m.end() + person.start("name") for b in near):
        return person.group("name"), "person"
    # "onderzoeken naar de Inspectie voor de Gezondheidszorg (IGZ)": the subject of the report, not its author; nor
    # is the body it was written for ("in opdracht van de Onderwijsraad")
    topics = [b for b in near if _NOT_AUTHOR_BEFORE.search(text, max(s, b.start - 24), b.start)]
    near = [b for b in near if b not in topics and not any(0 <= b.start - t.end <= 3 for t in topics)]
    if near:
        nearest = min(near, key=lambda b: (b.start < m.start(), abs(b.start - m.end())))
        if not commission or abs(nearest.start - m.end()) <= abs(commission.start() - m.end()):
            return nearest.value, "organisation"
    if commission:
        return fold(commission.group(0)), "commission"
    return None, None


def _title_near(text: str, m: re.Match[str], end: int) -> str | None:
    """The title in quotation marks after the report noun ("het rapport «…»"); several joined by "; " ("de adviezen
    ‘…’ en ‘…’")."""
    hi = min(end, m.end() + 160)
    t = _TITLE.search(text, m.end(), hi)
    if t is None or t.start() - m.end() > 90:
        return None
    titles = [t]
    while True:
        more = _TITLE.match(text, t.end() + 4) if text.startswith(" en ", t.end()) else None
        if more is None:
            break
        titles.append(more)
        t = more
    return "; ".join(fold(x.group("t").strip().split("«")[-1]) for x in titles)


@lru_cache(maxsize=1)
def _authors() -> tuple[dict[str, dict], dict[str, str]]:
    """The organisations gazetteer's entries, and the organisations that write reports by their aliases (lower
    case)."""
    from ..lookup import _organisations
    from .lexicon import AUTHOR_TYPES
    matcher, entries = _organisations()
    return entries, {k.lower(): v for k, v in matcher.ids.items() if entries[v].get("type") in AUTHOR_TYPES}


def report_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """The reports a document names (kind "report"), the one it answers marked ``main``: the one named in a sentence
    that says the document responds to it (kabinetsreactie op, bied ik u … aan, in ontvangst, naar aanleiding van),
    else the one whose author the document names most, among those with an author or a title."""
    from .lexicon import AUTHOR_TYPES
    low = lowered(text)
    if not any(w in low for w in ("rapport", "advies", "adviezen", "evaluatie", "onderzoek", "analyse", "verslag",
                                  "studie", "verkenning", "nota", "stuk", "addendum", "signaalbrief", "doorrekening",
                                  "voorlichting")):
        return []
    entries, body_at = _authors()
    bodies = MentionsOfKind([m for m in mentions if m.kind == "organisation"
                             and entries.get(m.value, {}).get("type") in AUTHOR_TYPES], "organisation")
    sentences = sentences_of(text)
    found: dict[str, Mention] = {}
    cued: set[str] = set()
    anonymous: Mention | None = None          # the first report named as answered, by neither author nor title
    for m in _report_nouns(text):
        if m.group("prefix") and m.group("prefix").lower() not in body_at:
            continue
        span = sentences.span_of(m.start(), m.end())
        author, what = _author_near(text, m, span, bodies, body_at)
        title = _title_near(text, m, span[1])
        noun = m.group("noun").lower()
        lo, hi = max(span[0], m.start() - 80), min(span[1], m.end() + 40)
        if not author and not title:
            # "Minister reageert op onderzoek naar leesonderwijs": a report answered, its author named elsewhere
            if anonymous is None and _holds(text, _CUE_WORDS, lo, hi) and _CUE.search(text, lo, hi):
                anonymous = Mention("report", _slug(noun), m.start(), m.end(), m.group(0), attrs={
                    "title": None, "author": None, "author_type": None, "kind": noun, "main": True, "anonymous": True})
            continue
        key = _slug(f"{author or 'rapport'}-{title or noun}")[:120]
        have = found.get(key)
        if have is None:
            found[key] = Mention("report", key, m.start(), m.end(), m.group(0), attrs={
                "title": title, "author": author, "author_type": what, "kind": noun, "main": False, "count": 1})
        else:
            have.attrs["count"] += 1
        if _holds(text, _CUE_WORDS, lo, hi) and _CUE.search(text, lo, hi):
            cued.add(key)
    if not found:
        return [anonymous] if anonymous else []
    for key, r in list(found.items()):      # "de Initiatiefnota" is "de initiatiefnota van Pieter Omtzigt"
        if r.attrs["author"] is None:
            same = [o for o in found.values() if o.attrs["author"] and o.attrs["kind"] == r.attrs["kind"]]
            if len(same) == 1:
                if key in cued:
                    cued.add(same[0].value)
                same[0].attrs["title"] = same[0].attrs["title"] or r.attrs["title"]
                del found[key]
    by_author: dict[str | None, int] = {}
    for r in found.values():
        by_author[r.attrs["author"]] = by_author.get(r.attrs["author"], 0) + r.attrs["count"]
    main = min(found.values(), key=lambda r: (r.value not in cued, -by_author.get(r.attrs["author"], 0),
                                              r.attrs["author"] is None, r.start))
    main.attrs["main"] = True
    # The title may be given where the author is not (and the other way round): one report, the main one.
    for r in found.values():
        if r is not main and r.attrs["author"] in (None, main.attrs["author"]) and not main.attrs["title"] and \
                r.attrs["title"]:
            main.attrs["title"] = r.attrs["title"]
    for r in found.values():
        del r.attrs["count"]
    return list(found.values())


def reports(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    """Linker: the evaluations of missions (``evaluations``) and the reports of any kind (``report_mentions``). A
    report named where an evaluation is named, or by the evaluator without a title of its own, is that evaluation
    (which becomes the main report when the other was: "In reactie op de IOB-evaluatie van MINUSMA 2014-2019", and
    takes the report's author when it has no evaluator: "deze evaluatie, opgesteld door Instituut Clingendael");
    when the document answers an evaluation of a mission, that is its main report. A main report whose author its
    own sentences do not name has the author the document credits most (``credited_author``); so has the report a
    document with items answers without naming it ("De Afdeling concludeert …")."""
    evaluated = list(evaluations(text, mentions))
    others = []
    for r in report_mentions(text, mentions):
        same = next((e for e in evaluated if e.start < r.end and r.start < e.end or
                     (not r.attrs["title"] and r.attrs["author"] and r.attrs["author"] == e.attrs.get("evaluator"))),
                    None)
        if same is None:
            others.append(r)
            continue
        if r.attrs["main"] and not any(e.attrs.get("main") for e in evaluated):
            same.attrs["main"] = True
        if r.attrs["author"] and r.attrs["author_type"] == "organisation" and not same.attrs["evaluator"]:
            _evaluated_by(evaluated, same.value, r.attrs["author"])
    if any(m.attrs.get("main") for m in evaluated):
        for r in others:
            r.attrs["main"] = False
    elif others and not any(r.attrs["main"] for r in others):
        others[0].attrs["main"] = True
    main = next((m for m in (*evaluated, *others) if m.attrs.get("main")), None)
    if main is None or not (main.attrs.get("author") or main.attrs.get("evaluator")):
        named = {r.attrs["author"] for r in others if r is not main and r.attrs["author"] and r.attrs["title"]}
        credited = credited_author(text, mentions, named) if main is not None or \
            any(m.kind in ("recommendation", "finding") for m in mentions) else None
        if credited and main is None:
            author, what, at = credited
            others.append(Mention("report", _slug(f"{author}-rapport")[:120], at.start, at.end, at.text, attrs={
                "title": None, "author": author, "author_type": what, "kind": "rapport", "main": True}))
        elif credited and main.kind == "evaluation":
            if credited[1] == "organisation":
                _evaluated_by(evaluated, main.value, credited[0])
        elif credited:         # "de conclusies van de commissie-Verbeek" named the same report: one report
            main.attrs["author"], main.attrs["author_type"] = credited[0], credited[1]
            main.value = _slug(f"{credited[0]}-{main.attrs['title'] or main.attrs['kind']}")[:120]
            others = [r for r in others if r is main or r.attrs["title"] or r.attrs["author"] != credited[0]]
    # a report named only as answered ("reageert op onderzoek") is kept when the document credits it an author
    others = [r for r in others if not r.attrs.pop("anonymous", False) or r.attrs["author"]]
    yield from evaluated
    yield from others


def _evaluated_by(evaluated: list[Mention], ev_id: str, evaluator: str) -> None:
    """Every mention of the evaluation ``ev_id`` gets ``evaluator`` (and the id and caption that follow from it)."""
    for e in evaluated:
        if e.value == ev_id:
            a = e.attrs
            a["evaluator"] = evaluator
            e.value = _evaluation_id(evaluator, a["mission"], a["period"])
            a["title"] = _generated_title(evaluator, a["mission"], a["period"])


def _commissions(text: str) -> Iterator[re.Match[str]]:
    """The matches of _COMMISSION, tried only at the start of the words that hold one of _COMMISSION_WORDS (and at a
    "parlementaire" before them)."""
    low, starts = lowered(text), _word_starts(text, _COMMISSION_WORDS, "-")
    starts |= {low.rfind("parlementaire", max(0, pos - 20), pos) for pos in starts} - {-1}
    return matches_at(_COMMISSION, text, sorted(starts))


def credited_author(text: str, mentions: list[Mention], besides: set[str]) -> tuple[str, str, Mention] | None:
    """The report-writing body the document names most (author, "organisation" or "commission", its first
    mention), for a report whose own sentences do not name its author: the body in a page's header and its
    "Nawoord", the addressee of a letter answering "uw rapport", the inspectorate whose findings a news item
    reports. A body named right after "in opdracht van", "op verzoek van", "naar" or "over" does not count (it
    commissioned the report or is its subject), nor do those in ``besides`` (the authors of the other reports the
    document names by title). Ties go to the first named."""
    entries, _ = _authors()
    from .lexicon import AUTHOR_TYPES
    bodies = [m for m in mentions if m.kind == "organisation" and m.value not in besides
              and entries.get(m.value, {}).get("type") in AUTHOR_TYPES]
    # "onderzoeken naar de Inspectie voor de Gezondheidszorg": that body is the subject, wherever else it is named
    besides = besides | {m.value for m in bodies if _NOT_AUTHOR_BEFORE.search(text, max(0, m.start - 24), m.start)}
    counts: dict[tuple[str, str], list[Mention]] = {}
    for m in bodies:
        if m.value not in besides:
            counts.setdefault((m.value, "organisation"), []).append(m)
    for c in _commissions(text):
        name = fold(c.group(0))
        if name not in besides:
            counts.setdefault((name, "commission"), []).append(Mention("commission", name, c.start(), c.end(),
                                                                          c.group(0)))
    if not counts:
        return None
    (author, what), named = max(counts.items(), key=lambda kv: (len(kv[1]), -kv[1][0].start))
    return author, what, named[0]
