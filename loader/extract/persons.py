"""Person rule: the persons named in the text, with what the text says about them, and the posts that sign or send
a document without a name.

value = the surname key (lower case, tussenvoegsel included: ``van ojik``); attrs ``name`` = the surname as it
is written when it stands alone (``Van Ojik``, ``De Roon``, ``Van der Staaij``, ``Ten Broeke``, ``Bruins Slot``,
``Hennis-Plasschaert``), ``role`` (minister, staatssecretaris, minister-president, kamerlid; ambassador,
commander, official, foreign politician, expert from ``data/person_roles.yaml``; empty when the text does not
say), and when stated ``ministry``, ``party``, ``chamber``, ``given`` (given names), ``initials``, ``title``,
``gender`` (from 'de heer'/'mevrouw'). ``Mention.role`` ``signatory`` for a name in a signature block or below a
motion. ``person_identity.resolve_persons`` then decides who each name is (see there).

Where names are found (each a context followed by one name or a list of names):

* signature blocks: ``De minister van Buitenlandse Zaken,`` on its own line, the name on a line below
  (``Hanke Bruins Slot``, ``drs. K.H. Ollongren``, ``Geoffrey van Leeuwen``); the name lines after ``en gaat
  over tot de orde van de dag.`` in a motion;
* post words: ``minister Verhagen``, ``Minister Opstelten van Veiligheid en Justitie``, ``staatssecretaris X``,
  ``de ministers Verhagen (Buitenlandse Zaken), Middelkoop (Defensie) en Hirsch Ballin (...)``, ``Kamerlid X``;
  after a foreign adjective or body (``de Franse minister X``) the person is a foreign politician;
* honorifics: ``de heer X``, ``mevrouw X, Minister van Defensie``, ``Mijnheer X``, speaker lines
  ``De heer Van der Staaij (SGP):``;
* committee reports: chairs (``De voorzitter van de vaste commissie voor Defensie, Ten Broeke``,
  ``Voorzitter: Ten Broeke``), clerks (``De griffier van ...``, ``Griffier: Van Leiden``: officials) and member
  lists (``Aanwezig zijn acht leden der Kamer, te weten: ...``);
* motions: ``MOTIE VAN HET LID JASPER VAN DIJK``, ``het lid X``, ``de leden X en Y``, ``de motie Kerstens en
  Van Ojik``, ``motie-Van Dijk``;
* tkconv/openkamer metadata lines: ``Indiener(s): Hans van Baalen (VVD), Waalkens , Henk Jan Ormel (CDA)``,
  ``Eerste ondertekenaar: G. Wilders, Tweede Kamerlid (PVV)``, ``Indiener: H.P.M. Knapen, minister van ...``;
* role words before a name (``generaal Kees Matthijssen``, ``ambassadeur X``, ``president Keïta``, ``de
  speciale vertegenwoordiger van de VN in Mali, X``) and after it behind a comma (``X, directeur IOB``,
  ``T.J.E. van Toor, griffier``).

Posts without a name (value '', attrs ``unnamed``, the post words as span): a signature heading with no name
below it (then a blank line and another heading, or the end of the text), and the posts in a letter's header
(``BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE``).

Names: titles (drs., mr., dr., prof., ir.) and initials are kept apart from the name; given names are the
capitalised words before a lower-case tussenvoegsel (``Jasper van Dijk`` -> Van Dijk, ``R. de Roon`` -> De Roon);
without a tussenvoegsel the last capitalised word is the surname (``Pia Dijkstra`` -> Dijkstra, ``Henk Jan Ormel``
-> Ormel) unless the name ends in a known two-word surname (``Hanke Bruins Slot`` -> Bruins Slot, ``Hirsch
Ballin``, and those of the cabinet gazetteer). A name stays on one line, has at most two words after its
tussenvoegsel and ends at punctuation, a lower-case word, a party, role, calendar or function word, a ministry or
a country. Names written in capitals (motion headers) are converted (``JASPER VAN DIJK`` -> Van Dijk). A footnote
number or possessive glued to a name is dropped.

Not reported: ``De voorzitter`` itself, names cut off at the very end of an excerpt inside a list (``...,
Ploum``), party, place, ministry and country names.

Speed: each context regex is tried only near the words its matches contain (``_Context.anchors``; see
``ministries.anchored``), which finds what running it over the whole text finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from ..gazetteer import lead, load
from ..model import Mention
from ..scan import find_exact, leading_word, matches_at, word_starts
from ..yamlfile import read_yaml
from .cabinet import cabinet
from .lookup import country_at, organisation_at
from .ministries import POST_ANCHORS, POSTS, Anchors, anchored, compound_at, foreign_before, ministry_at

# --------------------------------------------------------------------------------------------- vocabulary
_TV_WORDS = {"van", "de", "der", "den", "ten", "ter", "te", "het", "'t", "’t", "in", "op", "uit", "aan", "la", "le",
             "du", "da", "von", "zu", "del", "della", "di", "dos", "das", "el", "d'", "vande", "vanden"}
# Tussenvoegsels that start a tussenvoegsel sequence only with a following article ('In 't Veld', 'Op de Beek').
_TV_NEEDS_NEXT = {"in", "op", "uit", "aan"}
_TITLES = {"drs.", "dr.", "mr.", "prof.", "ir.", "ing.", "ds.", "mw.", "mevr.", "dhr.", "drs", "mr", "dr", "prof",
           "ir", "ing", "bc.", "mba", "msc", "ma", "ba", "llm", "phd", "prof.dr.", "mr.drs.", "mr.dr."}
_INITIALS = re.compile(r"(?:(?:[A-Z]|Th|Ch|Ph|IJ|Chr|Joh|Jac|Wm|Fr|Hk)\.-?)+")
_PARTIES = {"vvd", "pvda", "cda", "sp", "d66", "pvv", "sgp", "christenunie", "cu", "groenlinks", "gl", "pvdd",
            "denk", "fvd", "ja21", "bbb", "nsc", "volt", "50plus", "gl-pvda", "lpf", "bvnl", "bij1",
            "groenlinks-pvda", "partij voor de dieren", "forum voor democratie", "nieuw sociaal contract",
            "boerburgerbeweging", "groep wilders", "groep kuzu/öztürk", "groep krol/van kooten-arissen"}
# Capitalised words that end a name (roles, function words that start the next sentence, calendar words).
_STOP = {
    "minister", "ministers", "staatssecretaris", "staatssecretarissen", "voorzitter", "griffier", "kamerlid",
    "kamerleden", "tweede", "eerste", "kamer", "president", "premier", "minister-president", "heer", "mevrouw",
    "lid", "leden", "commissie", "fractie", "regering", "kabinet", "aanwezig", "dank", "ik", "wij", "we", "u", "zij",
    "hij", "ze", "dat", "dit", "die", "deze", "een", "ook", "er", "en", "of", "maar", "als", "want", "dus", "nu",
    "toen", "daarnaast", "tevens", "bovendien", "verder", "voorts", "graag", "ja", "nee", "mijnheer", "collega",
    "defensie", "nederland", "haag", "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december", "maandag", "dinsdag", "woensdag", "donderdag",
    "vrijdag", "zaterdag", "zondag", "kamerstuk", "kamerstukken", "motie", "amendement", "brief", "verslag",
    "vervanging", "vergadering", "termijn", "interruptie", "namens", "over", "om", "met", "naar", "bij", "voor",
    "aan", "op", "in", "uit", "tot", "na", "door", "tegen", "zonder", "vraag", "vragen", "antwoord", "het",
    "stemming", "stemmingen", "indiener", "indieners", "ondertekenaar", "medeindiener", "gewijzigde", "nr",
    "nr.", "c.s.", "c.s", "sr.", "jr.", "mede", "voorgesteld", "vastgesteld", "bijlage", "noot", "kst",
    "buitenlandse", "zaken", "justitie", "veiligheid", "financiën", "algemene", "binnenlandse", "economische",
    "handel", "ontwikkelingssamenwerking", "force", "commander", "generaal", "kolonel", "majoor", "kapitein",
    "luitenant", "ambassadeur", "directeur", "sergeant", "commandant", "gezant", "secretaris-generaal", "vn",
    "navo", "eu", "nato", "un", "mali", "irak", "afghanistan", "syrië", "soedan", "libanon", "kosovo", "bosnië",
}
_STOP |= _PARTIES

# The roles of Dutch politicians; every other role (data/person_roles.yaml) is someone else: an officer, a
# diplomat, an official, a foreign politician, an expert. '' is a person the text gives no role.
POLITICAL_ROLES = frozenset({"minister", "staatssecretaris", "minister-president", "kamerlid", ""})


def _role_words() -> dict[str, dict[str, list[str]]]:
    """data/person_roles.yaml: role -> {'before': words, 'after': words, 'examples': [...]}, checked."""
    raw = files("missiongraph").joinpath("data/person_roles.yaml").read_text(encoding="utf-8")
    data = read_yaml(raw) or {}
    for role, entry in data.items():
        if role in POLITICAL_ROLES or not isinstance(entry, dict):
            raise ValueError(f"person_roles.yaml: {role!r}: not a role of its own")
        for where in ("before", "after"):
            words = entry.get(where) or []
            if not all(isinstance(w, str) and w.strip() and w.isascii() or where == "after" for w in words):
                raise ValueError(f"person_roles.yaml: {role}: {where} words must be ASCII (they are anchors)")
            entry[where] = [w.lower() for w in words]
        if not entry.get("examples"):
            raise ValueError(f"person_roles.yaml: {role}: every role needs examples")
    return data


ROLE_WORDS = _role_words()
# Role words behind a comma after a name ('Van der Zwan, directeur IOB'): word -> role.
_ROLE_AFTER_WORDS = {w: role for role, e in ROLE_WORDS.items() for w in e["after"]}
_ROLE_BEFORE_WORDS = {w: role for role, e in ROLE_WORDS.items() for w in e["before"]}


def _word_alternation(words) -> str:
    """Words (longest first), a space matching spaces and tabs."""
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


_NOT_POLITICAL = re.compile(r"(?i:" + _word_alternation(_ROLE_AFTER_WORDS) + ")")

# Surnames of two capitalised words without a hyphen, known from Dutch politics. Otherwise, of several
# capitalised words without a tussenvoegsel the last is the surname ('Pia Dijkstra', 'Henk Jan Ormel').
_COMPOUND = {("bruins", "slot"), ("hirsch", "ballin"), ("haersma", "buma"), ("koşer", "kaya"), ("koser", "kaya"),
             ("klein", "molekamp"), ("van", "haersma", "buma")}


@lru_cache(maxsize=1)
def _compounds() -> frozenset[tuple[str, ...]]:
    """_COMPOUND and the two-word surnames of the cabinet gazetteer (Gmelich Meijling)."""
    return frozenset(_COMPOUND) | cabinet().compound_surnames


# --------------------------------------------------------------------------------------------- name parser
_TOKEN = re.compile(r"\([^()\n]{1,40}\)|[^\s,;:()!?\"“”/]+")
_HSPACE = re.compile(r"[ \t]+")
_ANY_SPACE = re.compile(r"[ \t]*(?:\n[ \t]*){0,2}(?<=\s)")
_ARTICLE_NEXT = re.compile(r"[ \t]+(?:'t|’t|het|de|den|der|De|Den|Der|'T|HET|DE|DEN|DER)(?![^\W\d_])")
_UPPER = "A-ZÀ-ÖØ-Þ"
_TRAIL = re.compile(r"(?:\d+|['’]s?)$")


@dataclass(slots=True)
class Name:
    """A parsed name: the surname as it stands alone, and the span of the name as written."""

    display: str                # Van Ojik
    start: int                  # first written word (initials and given names included)
    end: int                    # end of the surname
    initials: str = ""          # as written, without the title: 'K.H.', 'A.Th.B.'
    given: list[str] = field(default_factory=list)
    title: str = ""             # 'drs.', 'mr. dr.'


def _is_upper_word(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _cap(word: str) -> str:
    """Capitalise a word written in capitals: HENNIS-PLASSCHAERT -> Hennis-Plasschaert, IJZERMAN -> IJzerman."""
    out = []
    for part in word.split("-"):
        low = part.lower()
        out.append("IJ" + low[2:] if low.startswith("ij") else low[:1].upper() + low[1:])
    return "-".join(out)


@lru_cache(maxsize=8192)
def _is_capword(tok: str) -> bool:
    """A capitalised name word: Koenders, Hennis-Plasschaert, Günal-Gezer, O'Brien (not a stop word). (Remembered:
    the same words come back in a text and across texts.)"""
    if len(tok) < 2 or not tok[0].isupper() or not any(c.islower() for c in tok):
        return False
    core = tok.replace("-", "").replace("'", "").replace("’", "")
    low = tok.lower()
    return core.isalpha() and low not in _STOP and low not in _TV_WORDS


def _open_double(word: str) -> bool:
    """A double surname whose second part starts with a tussenvoegsel and is not finished yet: 'Ardenne-van',
    'Ardenne-van der' (but not 'Ardenne-van der Hoeven')."""
    if "-" not in word:
        return False
    last = word.rsplit("-", 1)[1].split()
    return bool(last) and all(w.lower() in _TV_WORDS for w in last)


def parse_name(text: str, pos: int, upper: bool = False) -> Name | None:
    """Parse one name that starts at ``pos`` (spaces and tabs skipped; a name never spans lines).

    ``upper``: the name is written in capitals (motion headers). Returns None when no name starts at ``pos``."""
    sp = _HSPACE.match(text, pos)
    cur = sp.end() if sp else pos
    start: int | None = None
    end = cur
    has_initials = False
    written_initials: list[str] = []
    titles: list[str] = []
    paren_given: list[str] = []
    before: list[str] = []      # capitalised words before a tussenvoegsel (given names, or the surname)
    tv: list[str] = []
    after: list[str] = []       # capitalised words after the tussenvoegsel
    lead = True                 # titles and initials may still come
    for _ in range(12):
        t = _TOKEN.match(text, cur)
        if not t:
            break
        raw = tok = t.group()
        final = False
        if tok.endswith(".") and not _INITIALS.fullmatch(tok) and tok.lower() not in _TITLES:
            tok, final = tok[:-1], True
        # footnote number or possessive: 'Koenders1', "Rutte's" (the regex only when the last character fits)
        trail = _TRAIL.search(tok) if tok[-1:] in "'’s" or tok[-1:].isdecimal() else None
        if trail and trail.start() > 1:
            tok, final = tok[:trail.start()], True
        width = len(tok)                                    # written length (case mapping may change it)
        if upper and _is_upper_word(tok) and tok.lower() not in _TITLES:
            tok = _cap(tok)
        low = tok.lower()
        initials = lead and _INITIALS.fullmatch(tok) is not None
        if lead and (low in _TITLES or initials):
            has_initials = has_initials or initials
            (written_initials if initials else titles).append(tok)
            start = t.start() if start is None else start
        elif lead and has_initials and raw.startswith("(") and raw.endswith(")"):
            paren_given = raw[1:-1].split()                 # 'A. (Aukje) de Vries'
        elif before and not tv and _INITIALS.fullmatch(tok):
            written_initials.append(tok)                    # 'Sigrid A.M. Kaag': initials after the given name
        elif low in _TV_WORDS and (low not in _TV_NEEDS_NEXT or tv or _ARTICLE_NEXT.match(text, t.end())):
            if after and _open_double(after[-1]):
                after[-1] += " " + low                      # 'Van Ardenne-van der Hoeven': second part's tv
                cur = t.end()
                sp = _HSPACE.match(text, cur)
                if not sp:
                    break
                cur = sp.end()
                continue
            if after:
                break                                       # 'Van Ojik van GroenLinks'
            if not tv:
                if before:
                    nxt = _HSPACE.match(text, t.end())
                    if nxt and ministry_at(text, nxt.end()) is not None:
                        break                               # 'Verhagen van Buitenlandse Zaken'
                elif tok[0].islower() and not (has_initials or upper):
                    break                                   # 'de leden der Kamer'
            tv.append(low)
            lead = False
            start = t.start() if start is None else start
        elif _is_capword(tok):
            if _named_thing_at(text, t.start(), tok):
                break                                       # 'Koenders van de Verenigde Naties'

            if tv:
                if after and _open_double(after[-1]):
                    after[-1] += " " + tok                  # 'Van Ardenne-van der Hoeven'
                elif len(after) >= 2:
                    break
                else:
                    after.append(tok)
            else:
                if len(before) >= 4:
                    break
                before.append(tok)
            lead = False
            start = t.start() if start is None else start
            end = t.start() + width
        else:
            break
        cur = t.end()
        if final:
            break
        # A name stays on its line, except that a PDF line break (or blank line) may follow a tussenvoegsel
        # ('Jasper van\nDijk', 'Van der\n\nStaaij').
        sp = (_ANY_SPACE if tv and not after else _HSPACE).match(text, cur)
        if not sp:
            break
        cur = sp.end()
    if tv and after:
        given, words = before, after
    else:
        if not before:
            return None
        keep = 2 if len(before) > 1 and (before[-2].lower(), before[-1].lower()) in _compounds() else 1
        given, words, tv = before[:-keep], before[-keep:], []
    surname = " ".join([*tv, *words])
    display = surname[:1].upper() + surname[1:]
    if display.lower() in _STOP or start is None:
        return None
    return Name(display, start, end, "".join(written_initials), [*paren_given, *given], " ".join(titles))


def _named_thing_at(text: str, pos: int, word: str) -> bool:
    """Whether a ministry, country or organisation name starts at ``pos``, where ``word`` stands (then it is not
    part of a person's name). Their regexes are run only when ``word`` begins as one of those names does (most
    words of a person's name begin as none)."""
    if not _may_name_thing(word):
        return False
    return ministry_at(text, pos) is not None or country_at(text, pos) is not None or \
        organisation_at(text, pos) is not None


@lru_cache(maxsize=8192)
def _may_name_thing(word: str) -> bool:
    """Whether ``word`` begins as a ministry, country or organisation name can (``_thing_runs``). Remembered."""
    runs, run = _thing_runs(), _ASCII_RUN.match(word)
    return runs is None or run is None or run.group().lower() in runs


# The run ``scan.leading_word`` gives for a word that starts with an ASCII letter or digit (that function goes
# through the cached ``scan.lowered``, whose few places the rules keep for whole texts).
_ASCII_RUN = re.compile(r"[A-Za-z]+|[0-9]+")


@lru_cache(maxsize=1)
def _thing_runs() -> frozenset[str] | None:
    """The letter or digit runs that ministry, country and organisation names begin with (``scan.leading_word``):
    a name that begins otherwise is none of them. None when a name begins with another character (then every word
    is tested)."""
    runs = set()
    for name in ("ministries", "countries", "organisations"):
        for e in load(name):
            for alias in [e["id"], e.get("name") or "", *e["names"], *e["aliases"]]:
                if alias:
                    runs.add(leading_word(alias))
    return None if None in runs else frozenset(runs)


# --------------------------------------------------------------------------------------------- contexts
@dataclass(slots=True)
class _After:
    """What follows a name: party, ministry, role, chamber; where the list goes on."""

    end: int
    party: str = ""
    ministry: str = ""
    role: str = ""
    chamber: str = ""
    stop: bool = False


_PAREN = re.compile(r"[ \t]*\(([^()\n]{1,80})\)")
_CLOSE = re.compile(r"[ \t]*\)")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")
_VAN_VOOR = re.compile(r"[ \t]+(?:van|voor|VAN|VOOR)[ \t]+")
_ROLE_AFTER = re.compile(r"[ \t]*,[ \t]*(?:de[ \t]+)?(?P<role>(?:(?:[Tt]weede|[Ee]erste)[ \t]+)?[Kk]amerlid|"
                         r"[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris|[Vv]oorzitter|[Ff]ractievoorzitter)"
                         r"(?![^\W\d_])")
_OTHER_ROLE_AFTER = re.compile(r"[ \t]*,[ \t]*(?:de[ \t]+|het[ \t]+)?(?P<word>" + _NOT_POLITICAL.pattern + ")")
_LIST_SEP = re.compile(r"[ \t]*,\s*(?:(?i:en)[ \t]+)?|[ \t]+(?i:en)[ \t]+|[ \t]*[/&][ \t]*")


def _chamber_of(words: str) -> str:
    """'Tweede Kamerlid' -> Tweede Kamer, 'Eerste Kamerlid' -> Eerste Kamer, else ''."""
    low = words.lower()
    return "Tweede Kamer" if low.startswith("tweede") else "Eerste Kamer" if low.startswith("eerste") else ""


def _after(text: str, pos: int) -> _After:
    out = _After(pos)
    m = _PAREN.match(text, pos)
    if m:
        inner = m.group(1).strip()
        found = ministry_at(text, m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip())))
        if found is not None and _CLOSE.fullmatch(text, found[1], m.end()):
            out.ministry = found[0]
        elif inner.lower() in _PARTIES:
            out.party = inner
            out.role = "kamerlid"
        out.end = m.end()
        pos = m.end()
    v = _VAN_VOOR.match(text, pos)
    if v and not out.ministry:
        found = ministry_at(text, v.end())
        if found is not None:
            out.ministry, out.end = found[0], found[1]
            pos = found[1]
    r = _ROLE_AFTER.match(text, pos)
    if r:
        role = r.group("role").lower()
        out.role = "minister-president" if role == "minister-president" else "minister" \
            if role.startswith("minister") else "staatssecretaris" if role.startswith("staatssecretaris") \
            else "kamerlid"
        out.chamber = _chamber_of(r.group("role"))
        if out.role in ("minister", "staatssecretaris"):
            v = _VAN_VOOR.match(text, r.end())
            found = ministry_at(text, v.end()) if v else None
            if found is not None:
                out.ministry = found[0]
        out.stop = True
    else:
        o = _OTHER_ROLE_AFTER.match(text, pos)
        if o:
            out.role = _ROLE_AFTER_WORDS[" ".join(o.group("word").lower().split())]
            out.ministry = ""
            out.stop = True
    return out


@dataclass(frozen=True, slots=True)
class _Context:
    name: str
    regex: re.Pattern[str]
    anchors: tuple[Anchors, ...]    # the words every match contains (the regex is tried only near them)
    upper: bool = False
    many: bool = False
    role: str = ""
    signatory: bool = False
    line: bool = False          # the name must fill the rest of its line
    runs: frozenset[str] = frozenset()  # instead of anchors: the letter runs every match starts with
    unnamed: bool = False       # a match without a name is a post that signs without a name


def _matches(ctx: _Context, text: str) -> Iterator[re.Match[str]]:
    """What ``ctx.regex.finditer(text)`` yields, the regex tried only near its anchors (or at its runs)."""
    if ctx.runs:
        return matches_at(ctx.regex, text, word_starts(text, ctx.runs))
    return anchored(ctx.regex, text, *ctx.anchors)


_NAME_START = rf"(?=[{_UPPER}'’])"
# Before a context word: no letter, so that the word is not the end of a longer one ('schaduwminister X' is no post).
# A digit may be there: it makes no longer word, and PDF extraction glues page, line and footnote numbers onto the
# next word ('2De heer Van Bommel (SP):'). (gazetteer.START does refuse digits: it guards acronyms and numbers, which
# glued to digits are parts of codes.)
_W = r"(?<![^\W\d_])"
_POST = (r"(?:[Dd]efensie|[Bb]uitenland|[Ff]inanciën)?[Mm]inisters?|[Dd]efensiestaatssecretaris|"
         r"[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretarissen|[Ss]taatssecretaris|[Pp]remier|[Oo]ud-minister|"
         r"[Oo]ud-staatssecretaris|(?:(?:[Tt]weede|[Ee]erste)[ \t]+)?[Kk]amerlid|[Kk]amerleden")
_SIGNATURE_POST = (r"(?m)^[ \t]*(?:De|de|DE)[ \t]+(?P<post>[Mm]inister(?:-[Pp]resident)?|MINISTER(?:-PRESIDENT)?|"
                   r"[Ss]taatssecretaris|STAATSSECRETARIS)(?![^\W\d_])")
_LID_ANCHORS = Anchors(("lid", "leden"), before=1)      # 'het lid', 'de Kamerleden', 'Tweede Kamerlid'
_SIGNATURE_ANCHORS = Anchors(POST_ANCHORS, before=1, line=True)     # 'De minister' opening a line
# 'generaal Kees Matthijssen', 'de NLse generaal, Kees Matthijssen', 'VN-gezant X', 'president Keïta'.
# 'de speciale vertegenwoordiger van de VN in Mali, Koenders', 'ambassadeur in Bamako, Van der Zwan': where the
# role is held, then a comma and the name. The role word may end a word with a hyphen ('VN-gezant'); the match
# starts at the role word, so it is tried only where one of their first letter runs stands (``scan.word_starts``).
_ROLE_BEFORE = re.compile(
    _W + r"(?P<word>(?i:" + _word_alternation(_ROLE_BEFORE_WORDS) + r"))(?![^\W\d_])"
    r"(?:[ \t]+(?:van|voor|in|bij|te)[ \t][^,\n]{1,60},|(?:[ \t]*,)?)[ \t]+" + _NAME_START)
_ROLE_BEFORE_RUNS = frozenset(re.match(r"[a-z]+", w).group() for w in _ROLE_BEFORE_WORDS)
_CONTEXTS: list[_Context] = [
    _Context("post", re.compile(lead("DdBbFfMmSsPpOoTtKkEe") + _W + f"(?P<post>{_POST})[ \t]+" + _NAME_START),
             (POSTS, Anchors(("premier",)), _LID_ANCHORS)),
    _Context("honorific", re.compile(
        lead("DdMm") + _W + r"(?:(?P<m>[Dd]e[ \t]+heer|[Mm]ijnheer|[Dd]hr\.)|[Mm]evrouw|[Mm]w\.|[Mm]evr\.)[ \t]+"
        + _NAME_START), (Anchors(("heer",), before=1), Anchors(("mevr", "dhr.", "mw.")))),
    _Context("chair", re.compile(
        lead("Dd") + _W + r"[Dd]e[ \t]+(?:(?:fungerend|waarnemend|plaatsvervangend)[ \t]+)?voorzitter[ \t]+van[ \t]+"
        r"de[ \t]+(?:[a-z]+[ \t]+){0,2}(?:[Kk]amer)?commissie"
        r"[^,\n]{0,120},\s*"), (Anchors(("voorzitter",), before=2),), role="kamerlid"),
    _Context("chair", re.compile(r"V(?<![^\W\d_]V)oorzitter:[ \t]*" + _NAME_START), (Anchors(("voorzitter",)),),
             role="kamerlid"),
    _Context("chair", re.compile(lead("FfWwPp") + _W + r"(?:[Ff]ungerend|[Ww]aarnemend|[Pp]laatsvervangend)[ \t]+"
                                 r"voorzitter:[ \t]*" + _NAME_START), (Anchors(("voorzitter",), before=1),),
             role="kamerlid"),
    # the committee's clerk: 'De griffier van de vaste commissie voor Defensie, Van Leiden', 'Griffier: Van Toor'
    _Context("clerk", re.compile(
        lead("Dd") + _W + r"[Dd]e[ \t]+(?:(?:adjunct|plaatsvervangend)[ \t-]+)?griffier[ \t]+van[ \t]+de[ \t]+"
        r"(?:[a-z]+[ \t]+){0,2}(?:[Kk]amer)?commissie[^,\n]{0,120},\s*"), (Anchors(("griffier",), before=2),),
        role="official"),
    _Context("clerk", re.compile(r"G(?<![^\W\d_]G)riffier:[ \t]*" + _NAME_START), (Anchors(("griffier",)),),
             role="official"),
    _Context("members", re.compile(
        lead("Aa") + _W + r"[Aa]anwezig[ \t]+(?:zijn|is)[^\n:]{0,80}?(?:te[ \t]+weten|leden|lid):\s*"),
        (Anchors(("aanwezig",)),), many=True, role="kamerlid"),
    _Context("lid", re.compile(
        lead("HhDd") + _W + r"(?:[Hh]et[ \t]+(?:[Kk]amer)?lid|[Dd]e[ \t]+(?:[Kk]amer)?leden)[ \t]+" + _NAME_START),
        (_LID_ANCHORS,), many=True, role="kamerlid"),
    _Context("lid", re.compile(r"V(?<![^\W\d_]V)AN[ \t]+(?:HET[ \t]+LID|DE[ \t]+LEDEN)[ \t]+(?=[A-Z])"),
             (Anchors(("lid", "leden"), before=2),), upper=True, many=True, role="kamerlid"),
    _Context("motie", re.compile(
        lead("MmAa") + _W + r"(?:[Mm]oties?|[Aa]mendementen|[Aa]mendement)(?:-|[ \t]+)" + _NAME_START),
        (Anchors(("motie", "amendement")),), many=True, role="kamerlid"),
    _Context("metadata", re.compile(
        lead("EeMmOoIi") + _W + r"(?:[Ee]erste[ \t]+ondertekenaar|[Mm]ede[ \t-]?ondertekenaar|[Oo]ndertekenaar|"
        r"[Mm]ede-?[Ii]ndiener|[Ii]ndiener)(?:s|\(s\))?:[ \t]*"),
        (Anchors(("ondertekenaar",), before=1), Anchors(("indiener",))), many=True),
    # (a heading without a name below it is a post that signs without a name: see _unnamed_signature)
    _Context("signature", re.compile(
        _SIGNATURE_POST + r"[^\n]{0,160}(?P<comma>,)[ \t]*(?:\n(?:[ \t]*\n){0,8}[ \t]*|$)"),
        (_SIGNATURE_ANCHORS,), signatory=True, line=True, unnamed=True),
    # 'De minister van Defensie, drs. K.H. Ollongren' on one line (collapsed signature block).
    _Context("signature", re.compile(
        _SIGNATURE_POST + r"[^\n,]{0,160},[ \t]+(?=(?:drs|mr|dr|prof|ir|ing)\.|[A-Z][a-z]?\.)"),
        (_SIGNATURE_ANCHORS,), signatory=True, line=True),
    # 'minister van Defensie Kamp', 'de staatssecretaris van Defensie Van der Maat' (ministry, then the name).
    _Context("post-after", re.compile(
        lead("MmSs") + _W + r"(?P<post>[Mm]inister|[Ss]taatssecretaris)[ \t]+(?:van|voor)[ \t]+(?=[A-ZÀ-ÖØ-Þ])"),
        (POSTS,)),
    # officers, diplomats, officials, foreign politicians, experts named after their role word
    _Context("role", _ROLE_BEFORE, (), runs=_ROLE_BEFORE_RUNS),
]
_MOTION_END = re.compile(r"[Ee](?i:n[ \t]+gaat[ \t]+over[ \t]+tot[ \t]+de[ \t]+orde[ \t]+van[ \t]+de[ \t]+dag)"
                         r"\.?[ \t]*\n")
_MOTION_END_ANCHORS = Anchors(("gaat",), before=1, inside=True)     # 'en' may end a longer word
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")
_LINE_REST = re.compile(r"[ \t]*(?:\n|$)")
FOREIGN = "foreign politician"


@lru_cache(maxsize=256)
def _role_of_post(post: str) -> str:
    p = post.lower()
    if p.startswith("staatssecretaris") or p.startswith("oud-staatssecretaris") or \
            p.startswith("defensiestaatssecretaris"):
        return "staatssecretaris"
    if "kamerlid" in p or "kamerleden" in p:
        return "kamerlid"
    if p in ("premier", "minister-president"):
        return "minister-president"
    return "minister"


def _post_ministry(text: str, start: int, end: int) -> str:
    """The ministry named in a signature heading line ('De minister voor Buitenlandse Handel en ...,')."""
    for v in _VAN_VOOR.finditer(text, start, end):
        found = ministry_at(text, v.end())
        if found is not None:
            return found[0]
    return ""


def _mention(name: Name, text: str, role: str, ministry: str, party: str, signatory: bool, context: str,
             gender: str = "", chamber: str = "") -> Mention:
    attrs = {"name": name.display, "role": role, "context": context}
    if ministry:
        attrs["ministry"] = ministry
    if party:
        attrs["party"] = party
    if name.given:
        attrs["given"] = " ".join(name.given)
    if name.initials:
        attrs["initials"] = name.initials
    if name.title:
        attrs["title"] = name.title
    if gender:
        attrs["gender"] = gender
    if chamber:
        attrs["chamber"] = chamber
    return Mention("person", name.display.lower(), name.start, name.end, text[name.start:name.end],
                   role="signatory" if signatory else "", attrs=attrs)


def _from_context(text: str, ctx: _Context) -> Iterator[Mention]:
    for m in _matches(ctx, text):
        role, ministry, gender, chamber = ctx.role, "", "", ""
        many = ctx.many
        pos = m.end()
        if ctx.name == "post":
            post = m.group("post")
            role = _role_of_post(post)
            chamber = _chamber_of(post) if role == "kamerlid" else ""
            many = post.lower().endswith(("ministers", "staatssecretarissen", "kamerleden"))
            if foreign_before(text, m.start()):
                role = FOREIGN                              # 'de Franse minister Le Drian'
            else:
                compound = compound_at(text, m.start())
                if compound:
                    ministry = compound[0]
        elif ctx.name == "post-after":
            found = ministry_at(text, m.end())
            if found is None or not _CAPITAL_NEXT.match(text, found[1], found[1] + 3):
                continue                                    # (a name must follow the ministry)
            role = FOREIGN if foreign_before(text, m.start()) else _role_of_post(m.group("post"))
            ministry, pos = (found[0] if role != FOREIGN else ""), found[1]
        elif ctx.name == "signature":
            role = _role_of_post(m.group("post"))
            line_end = text.find("\n", m.start("post"))
            ministry = "Algemene Zaken" if role == "minister-president" else \
                _post_ministry(text, m.start("post"), line_end if line_end >= 0 else len(text))
        elif ctx.name == "honorific":
            gender = "m" if m.group("m") else "f"
        elif ctx.name == "role":
            role = _ROLE_BEFORE_WORDS[" ".join(m.group("word").lower().split())]
        named = None
        for _ in range(40):
            name = parse_name(text, pos, ctx.upper)
            if name is None:
                break
            named = name
            info = _after(text, name.end)
            if ctx.line and not _LINE_REST.match(text, info.end):
                break
            truncated = name.end >= len(text) and not ctx.line
            if not truncated:
                # what follows the name wins, except for a foreign post ('de Franse minister X (Defensie)')
                got = role if role == FOREIGN else info.role or role
                yield _mention(name, text, got, "" if got not in POLITICAL_ROLES else info.ministry or ministry,
                               info.party, ctx.signatory, ctx.name, gender, info.chamber or chamber)
            if not many or info.stop:
                break
            s = _LIST_SEP.match(text, info.end)
            if not s:
                break
            pos = s.end()
        if ctx.unnamed and named is None and ministry and _unnamed_signature(text, m):
            yield _unnamed(text, m.start("post"), m.start("comma"), role, ministry, "signature")


def _motion_signatures(text: str) -> Iterator[Mention]:
    """Name lines after 'en gaat over tot de orde van de dag.' (the motion's signatories)."""
    for m in anchored(_MOTION_END, text, _MOTION_END_ANCHORS):
        pos = m.end()
        for _ in range(12):
            pos = _BLANK_LINES.match(text, pos).end()
            if pos >= len(text):
                break
            name = parse_name(text, pos)
            if name is None:
                break
            info = _after(text, name.end)
            rest = _LINE_REST.match(text, info.end)
            if not rest:
                break
            yield _mention(name, text, info.role or "kamerlid", info.ministry, info.party, True, "motion-signature",
                           chamber=info.chamber)
            pos = rest.end()


# --------------------------------------------------------------------------------- posts without a name
# A signature heading with no name below it ('De Minister van Defensie,' and then a blank line and another
# heading, or the end of the text), and the posts in a letter's header ('BRIEF VAN DE MINISTERS VAN BUITENLANDSE
# ZAKEN EN VAN DEFENSIE'): the text names the post, not the person. The resolver (``identity``) finds who held the
# post on the document's date. Such mentions have value '' and attrs ``unnamed``; their span is the post.
_SIGNATURE_HEAD = re.compile(_SIGNATURE_POST + r"[^\n]{0,160},[ \t]*(?=\n|$)")
_HEADER_SENDER = re.compile(
    r"[ \t]*(?:Nr\.[ \t]*\d+[ \t]+)?(?:BRIEF|Brief)[ \t]+(?:VAN|van)[ \t]+(?:DE|de)[ \t]+"
    r"(?P<post>MINISTERS?|MINISTER-PRESIDENT|STAATSSECRETARISSEN|STAATSSECRETARIS|[Mm]inisters?|"
    r"[Mm]inister-[Pp]resident|[Ss]taatssecretaris(?:sen)?)(?![^\W\d_])")
_HEADER_LIST = re.compile(r"[ \t]*(?:,[ \t]*)?(?:(?:EN|en)[ \t]+)?(?:VAN|VOOR|van|voor)[ \t]+")


def _unnamed(text: str, start: int, end: int, role: str, ministry: str, context: str) -> Mention:
    return Mention("person", "", start, end, text[start:end], role="signatory" if context == "signature" else "",
                   attrs={"name": "", "role": role, "ministry": ministry, "context": context, "unnamed": True})


def _unnamed_signature(text: str, m: re.Match[str]) -> bool:
    """Whether a signature heading (a match of the first signature context) stands without a name: the text ends
    after it, another heading follows, or a blank line and then a line that is no name (running text right below
    the heading, 'De minister van Defensie,\nheeft besloten ...', is none)."""
    pos = m.end()
    if pos >= len(text):
        return True
    line_start = text.rfind("\n", 0, pos) + 1
    if _SIGNATURE_HEAD.match(text, line_start):
        return True
    return text.count("\n", m.end("comma"), pos) >= 2


def _header_senders(text: str) -> Iterator[Mention]:
    """The posts in a letter's header line ('Nr. 309 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN, VAN DEFENSIE,
    VOOR ... EN VAN VEILIGHEID EN JUSTITIE'). The regex is tried at the start of the lines that hold 'BRIEF' or
    'Brief' (found in the text's one pass, ``scan.find_exact``: the header regex has no literal start)."""
    lines = {text.rfind("\n", 0, i) + 1 for needle in ("BRIEF", "Brief") for i in find_exact(text, needle)}
    for line_start in sorted(lines):
        m = _HEADER_SENDER.match(text, line_start)
        if m is None:
            continue
        role = _role_of_post(m.group("post").rstrip("sS") if m.group("post").lower().endswith("ministers")
                             else m.group("post"))
        if role == "minister-president":
            yield _unnamed(text, m.start("post"), m.end("post"), role, "Algemene Zaken", "header")
            continue
        pos = m.end()
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        for _ in range(12):
            sep = _HEADER_LIST.match(text, pos, line_end)
            found = ministry_at(text, sep.end()) if sep else None
            if found is None:
                break
            yield _unnamed(text, sep.end(), found[1], role, found[0], "header")
            pos = found[1]


def find_persons(text: str) -> Iterator[Mention]:
    """Persons named in ``text`` with the role the text gives them (kind "person", value = surname key), and the
    posts that sign or send a document without a name (value '', attrs ``unnamed``)."""
    seen: set[tuple[int, int, str]] = set()
    for ctx in _CONTEXTS:
        for mention in _from_context(text, ctx):
            k = (mention.start, mention.end, mention.role)
            if k not in seen:
                seen.add(k)
                yield mention
    for mention in (*_motion_signatures(text), *_header_senders(text)):
        k = (mention.start, mention.end, mention.role)
        if k not in seen:
            seen.add(k)
            yield mention


RULES = [find_persons]
