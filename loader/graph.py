"""Turn one document and its mentions into a :class:`DocumentGraph` (pure: no I/O)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .extract.cabinet import bare_key
from .extract.person_identity import resolve_persons, strength
from .extract.ministries import ministry_at
from .extract.persons import parse_name
from .extract.resolution_years import year_of
from .extract.text import fold, normalise, sentences_of
from .model import DocumentGraph, Mention, Node, NodeRef, Provenance, Relationship, SourceDocument

OFFICIAL_URL = "https://zoek.officielebekendmakingen.nl/kst-{id}.html"


def kamerstuk_props(ks_id: str) -> dict[str, Any]:
    """``29521-451`` → dossier 29521, number 451; ``35570-V-9`` → subdossier V; ``21501-02-1210`` → 02."""
    parts = ks_id.split("-")
    dossier, number = parts[0], parts[-1]
    sub = "-".join(parts[1:-1])
    return {"dossier": dossier, "subdossier": sub or None, "number": number, "url": OFFICIAL_URL.format(id=ks_id)}


def resolution_url(number: str, year: int | None) -> str:
    if year:
        return f"https://undocs.org/S/RES/{number}({year})"
    return f"https://digitallibrary.un.org/search?ln=en&p=S%2FRES%2F{number}"


def resolution_node(b: "_Builder", m: Mention) -> NodeRef:
    """The Resolution a resolution or mandate mention names, with its year: the one the text gives
    ("resolutie 2100 (2013)"), else the one known for its number (data/resolutions.yaml)."""
    year = m.attrs.get("year") or year_of(m.value)
    return b.node("Resolution", m.value, caption=f"UNSCR {m.value}", year=year, url=resolution_url(m.value, year))


def _node_ref(label: str, key: str) -> NodeRef:
    """``NodeRef(label, key)`` without the named tuple's Python-level ``__new__`` (half the cost; one is made per
    node named)."""
    return tuple.__new__(NodeRef, (label, key))


def person_key(value: str, doc_id: str) -> str:
    """The Person node key of a person mention's value: the value, except that an unresolved surname ('van dijk#')
    stands for one person in this document only ('van dijk#025')."""
    return value + doc_id if value.endswith("#") else value


def _person(b: _Builder, d: NodeRef, doc_id: str, m: Mention, seen: set[tuple],
            official_issuers: set[str] = frozenset()) -> None:
    """A person mention: the Person node, SIGNED_BY (a signature block) or MENTIONS, and HOLDS_POST for each post
    or seat the resolver gives (a ministry, or the chamber as an Organisation), with the identity's evidence.
    ``seen``: the mentions already handled that say the same (the resolver gives them one result): a repeat only
    counts its links. ``official_issuers``: the ministries the official metadata names, the only ones a signature
    makes issuers of the document (none named: any)."""
    a = m.attrs
    key = person_ref_key(m, doc_id)
    posts = a.get("posts")
    repeat = (key, a.get("given"), a.get("initials"), id(posts), id(a.get("evidence")))
    if repeat in seen:
        p = b.refs[("Person", key)]
        b.rel("SIGNED_BY" if m.role == "signatory" else "MENTIONS", d, p, m)
        for post in posts or ():
            target = b.refs[("Ministry", post["ministry"]) if post.get("ministry") else
                            ("Organisation", post["chamber"])]
            b.rel("HOLDS_POST", p, target, m)
        return
    seen.add(repeat)
    p = b.node(
        "Person", key, name=a.get("full") or a.get("name"), surname=a.get("surname") or a.get("name"),
        given=a.get("given"), initials=a.get("initials"), party=a.get("party"), role=a.get("role"),
        resolved=a.get("resolved"), candidates="; ".join(a.get("candidates", ())))
    b.rel("SIGNED_BY" if m.role == "signatory" else "MENTIONS", d, p, m)
    if not posts:
        return
    evidence = ", ".join(a.get("evidence", ())) or None
    for post in posts:
        if post.get("ministry"):
            target = b.known("Ministry", post["ministry"]) or b.node("Ministry", post["ministry"])
        else:
            target = b.node("Organisation", post["chamber"], name=post["chamber"])
        b.rel("HOLDS_POST", p, target, m, role=post["role"], party=post.get("party") or None,
              acting=post.get("acting"), source=post.get("source"), evidence=evidence,
              term_from=post.get("from"), term_to=post.get("to"))
    ministry = a.get("ministry")
    if m.role == "signatory" and ministry and (not official_issuers or ministry in official_issuers):
        b.rel("ISSUED_BY", d, b.node("Ministry", ministry), m)


def person_key_of_name(name: str) -> str:
    """The key of a person mention that was not resolved (a surname as written, lower case)."""
    return " ".join(name.lower().split())


def person_ref_key(m: Mention, doc_id: str) -> str:
    """The Person node key of a (resolved) person mention."""
    return person_key(m.value or person_key_of_name(m.attrs.get("name", "")), doc_id)


class _Builder:
    """Collects the nodes and relationships of one document, merging repeats (a node's properties: first value
    wins; a relationship: counted, first provenance kept).

    Built for ~100 mentions per document at a few microseconds each: a repeated node or relationship costs a
    dictionary lookup, and one :class:`Provenance` is made per distinct span (the relationships a mention gives,
    e.g. CITES and IN_DOSSIER, share it: it is frozen)."""

    def __init__(self, doc: SourceDocument):
        self.doc = doc
        # The sentences extraction saw (cached): boundaries of the normalised text, which has doc.text's offsets.
        self.sentences = sentences_of(normalise(doc.text))
        self.nodes: dict[tuple[str, str], Node] = {}
        self.refs: dict[tuple[str, str], NodeRef] = {}   # (label, key) -> the one NodeRef made for it
        self.rels: dict[tuple[str, NodeRef, NodeRef], Relationship] = {}
        self._folded: dict[tuple[int, int], str] = {}
        self._provenance: dict[tuple[int, int, str], Provenance] = {}

    def _sentence(self, start: int, end: int) -> str:
        span = self.sentences.span_of(start, end)
        folded = self._folded.get(span)
        if folded is None:     # several facts often come from one sentence: fold it once
            folded = self._folded[span] = fold(self.doc.text[span[0]:span[1]])
        return folded

    def provenance(self, m: Mention) -> Provenance:
        """Where ``m`` is in the document (one object per distinct span and surface text)."""
        if m.attrs.get("from_metadata"):  # no span in the text: say where it came from instead
            return Provenance(self.doc.id, 0, 0, "", f"(document metadata: {m.attrs['from_metadata']} = {m.value})")
        start, end = m.start, m.end
        span = (start, end, m.text)
        prov = self._provenance.get(span)
        if prov is None:
            doc = self.doc
            # (the named tuple without its Python-level __new__, as _node_ref: one per distinct span)
            prov = self._provenance[span] = tuple.__new__(Provenance, (
                doc.id, start, end, fold(doc.text[start:end]), self._sentence(start, end),
                doc.page_at(start) if doc.pages else 0))
        return prov

    def node(self, label: str, key: str, **props: Any) -> NodeRef:
        ref = self.refs.get((label, key))
        if ref is None:
            ref = _node_ref(label, key)
            self.refs[ref] = ref
            self.nodes[ref] = Node(label, key, {k: v for k, v in props.items() if v is not None and v != ""}
                                   if props else {})
        elif props:
            have = self.nodes[ref]
            for k, v in props.items():
                if v is not None and v != "":
                    have.props.setdefault(k, v)
        return ref

    def known(self, label: str, key: str) -> NodeRef | None:
        """The node if it is already in the graph: for nodes whose properties follow from the key alone (a
        Kamerstuk), so a repeat need not compute them again."""
        return self.refs.get((label, key))

    def rel(self, rel_type: str, start: NodeRef, end: NodeRef, m: Mention, **props: Any) -> None:
        key = (rel_type, start, end)
        have = self.rels.get(key)
        if have is not None:
            have.count += 1
            if props:
                for k, v in props.items():
                    if v is not None:
                        have.props.setdefault(k, v)
            return
        self.rels[key] = Relationship(rel_type, start, end, self.provenance(m),
                                      {k: v for k, v in props.items() if v is not None} if props else {})


OFFICIAL_WINS = ("title", "date", "kind")
_MINISTERIE = re.compile(r"^(?:het\s+)?ministerie\s+van\s+", re.I)


def official_mentions(official: dict[str, Any], mentions: list[Mention], text: str = "") -> list[Mention]:
    """``mentions`` with the official metadata's signatories and ministry in charge (``SourceDocument.meta``'s
    ``official``, read from the publication's ``metadata.xml``): a signatory the text rules found keeps its role
    (and the post and ministry its signature block gave) only when the metadata names that person; the others
    become plain mentions, and a named signatory the text does not show is added, resolved like a name in the text
    (``person_identity.resolve_persons``, on the official date or else the text's). A ministry the metadata names is the
    issuer; issuers the text suggested become plain mentions (and a signatory's post at another ministry no longer
    makes that ministry an issuer: ``to_graph``). Without such metadata, nothing changes."""
    out = list(mentions)
    listed = official_signatories(official, mentions, text)
    if listed:
        keys = {m.value for m in listed}
        surnames = {bare_key(m.attrs["name"]) for m in listed}

        def named(m: Mention) -> bool:
            """The metadata names the person of a text signatory: the same person, or (a name the gazetteer does
            not know) the same surname."""
            return m.value in keys or (m.attrs.get("resolved") != "gazetteer"
                                       and bare_key(m.attrs.get("name") or "") in surnames)

        kept = [m for m in out if m.kind == "person" and m.role == "signatory" and named(m)]
        out = [replace(m, role="") if m.kind == "person" and m.role == "signatory" and not named(m) else m
               for m in out]
        have = {m.value for m in kept} | {bare_key(m.attrs.get("name") or "") for m in kept
                                           if m.attrs.get("resolved") != "gazetteer"}
        out += [m for m in listed if m.value not in have and bare_key(m.attrs["name"]) not in have]
    ministries = []
    for text in official.get("authorities", ()):
        name = _MINISTERIE.sub("", text)
        found = ministry_at(name, 0)
        if found and found[1] == len(name):
            ministries.append(found[0])
    if ministries:
        out = [replace(m, role="") if m.kind == "ministry" and m.role == "issuer" else m for m in out]
        out += [Mention("ministry", mid, 0, 0, "", role="issuer", attrs={"from_metadata": "OVERHEID.authority"})
                for mid in dict.fromkeys(ministries)]
    return out


def official_signatories(official: dict[str, Any], mentions: list[Mention], text: str) -> list[Mention]:
    """The signatories the official metadata names (``OVERHEIDop.indiener``: 'K.H. Ollongren'), as person
    mentions resolved to persons (with the posts they held on the official date, else the text's date)."""
    names = [n for n in (parse_name(t, 0) for t in official.get("signatories", ())) if n is not None]
    if not names:
        return []
    dates = [Mention("date", official["date"], 0, 0, "")] if official.get("date") else \
        [m for m in mentions if m.kind == "date"]
    found = []
    for n in names:
        attrs: dict[str, Any] = {"name": n.display, "role": "", "context": "metadata",
                                 "from_metadata": "OVERHEIDop.indiener"}
        if n.given:
            attrs["given"] = " ".join(n.given)
        if n.initials:
            attrs["initials"] = n.initials
        found.append(Mention("person", n.display.lower(), 0, 0, "", role="signatory", attrs=attrs))
    one: dict[str, Mention] = {}
    for m in resolve_persons(text, [*dates, *found]):
        if m.kind == "person":
            one.setdefault(m.value, m)      # a name given twice: once
    return list(one.values())


def to_graph(doc: SourceDocument, mentions: list[Mention]) -> DocumentGraph:
    """Nodes and relationships for one document; every relationship's provenance is a span of ``doc.text``."""
    b = _Builder(doc)
    meta_number = doc.meta.get("kamerstuk")
    if meta_number:
        # The reader knows the document's own number (HTML/XML metadata): it wins over what the text rules found.
        mentions = [m for m in mentions if not (m.kind == "kamerstuk" and m.role == "self")]
        mentions.insert(0, Mention("kamerstuk", meta_number, 0, 0, "", role="self",
                                   attrs={"from_metadata": "kamerstuk"}))
    official = doc.meta.get("official") or {}
    if official:
        mentions = official_mentions(official, mentions, doc.text)
    official_issuers = {m.value for m in mentions if m.kind == "ministry" and m.role == "issuer"
                        and m.attrs.get("from_metadata")}
    persons: list[Mention] = []
    first = {}
    for m in mentions:
        first.setdefault((m.kind, m.role if m.kind == "kamerstuk" else ""), m)
    meta = dict(doc.meta)

    def value(kind: str, role: str = "") -> str | None:
        if kind in OFFICIAL_WINS and official.get(kind):
            return official[kind]       # the official metadata wins over what the text rules found
        m = first.get((kind, role))
        return m.value if m else meta.get(kind)

    own = value("kamerstuk", "self")
    kind, date = value("kind") or "document", value("date")
    caption = f"{kind} {own or value('reference') or doc.id}" + (f" · {date}" if date else "")
    document = Node("Document", doc.id, {k: v for k, v in {
        "caption": caption, "title": value("title"), "kind": kind, "date": date,
        "reference": value("reference"), "kamerstuk": own, "url": official.get("url"), "source": doc.source,
        "sha256": doc.sha256, "chars": len(doc.text)}.items() if v is not None})
    d = document.ref

    described: dict[tuple[str, str], NodeRef] = {}   # gazetteer entities already given their properties
    reports = [m for m in mentions if m.kind in ("evaluation", "report")]
    main_report = next((m.value for m in reports if m.attrs.get("main")), None)
    scope = main_report or doc.id
    signatories = [m for m in mentions if m.kind == "person" and m.role == "signatory"]
    issuers = [m for m in mentions if m.kind == "ministry" and m.role == "issuer"]

    for m in mentions:          # (the most frequent kinds first)
        if m.kind == "kamerstuk":
            ks = b.known("Kamerstuk", m.value) or b.node("Kamerstuk", m.value, **kamerstuk_props(m.value))
            dossier = b.node("Dossier", m.value.split("-")[0])
            b.rel("PUBLISHED_AS" if m.role == "self" else "CITES", d, ks, m)
            b.rel("IN_DOSSIER", ks, dossier, m)
        elif m.kind == "ministry":
            mi = described.get(("Ministry", m.value)) or described.setdefault(("Ministry", m.value), b.node(
                "Ministry", m.value, abbreviation=m.attrs.get("abbreviation")))
            b.rel("MENTIONS", d, mi, m)
            if m.role == "issuer":
                b.rel("ISSUED_BY", d, mi, m)
        elif m.kind == "organisation":
            b.rel("MENTIONS", d, described.get(("Organisation", m.value)) or described.setdefault(
                ("Organisation", m.value), b.node("Organisation", m.value, name=m.attrs.get("name"))), m)
        elif m.kind == "mission":
            # (a gazetteer entity's properties follow from its id: a repeat only counts its link)
            mission = described.get(("Mission", m.value)) or described.setdefault(("Mission", m.value), b.node(
                "Mission", m.value, name=m.attrs.get("name"), organisation=m.attrs.get("organisation"),
                area=m.attrs.get("area")))
            b.rel("MENTIONS", d, mission, m)
        elif m.kind == "country":
            b.rel("MENTIONS", d, b.known("Country", m.value) or b.node("Country", m.value), m)
        elif m.kind == "commitment":
            _commitment(b, d, doc, m, scope, signatories, issuers)
        elif m.kind == "mandate":
            b.rel("MANDATES", resolution_node(b, m), b.node("Mission", m.attrs["mission"]), m)
        elif m.kind == "resolution":
            b.rel("MENTIONS", d, resolution_node(b, m), m)
        elif m.kind == "person":
            persons.append(m)
        elif m.kind in ("evaluation", "report"):
            _report(b, d, m, main_report)
        elif m.kind in ("finding", "recommendation"):
            _item(b, d, m, scope, main_report)
    # Persons last, the best-supported mention of each first: a relationship keeps the first provenance, so the span
    # it shows is the one that says most about who the person is ('Van Dijk (SP)' rather than 'De heer Van Dijk:').
    persons.sort(key=lambda m: -strength(m))
    seen: set[tuple] = set()
    for m in persons:
        _person(b, d, doc.id, m, seen, official_issuers)
    # Every relationship endpoint must be a node of this graph (HAS_FINDING from the main evaluation).
    for rel in list(b.rels.values()):
        for end in (rel.start, rel.end):
            if end not in b.refs and end != d:
                b.node(end.label, end.key)
    return DocumentGraph(document=document, nodes=list(b.nodes.values()), relationships=list(b.rels.values()))


def _report(b: _Builder, d: NodeRef, m: Mention, main_report: str | None) -> None:
    """A report the document answers (RESPONDS_TO, the main one) or names (CITES), its author and, for an evaluation
    of a mission, the mission."""
    a = m.attrs
    # Every property follows from what the id is made of (evaluator, mission and period; author and title, or the
    # noun that named it), or is the report's own quoted title: documents that name the same report give it the
    # same properties, whichever is loaded first.
    if m.kind == "evaluation":
        props = {"title": a.get("title"), "report_title": a.get("report_title"), "kind": "evaluatie",
                 "author": a.get("evaluator"), "author_type": "organisation" if a.get("evaluator") else None,
                 "evaluator": a.get("evaluator"), "mission": a.get("mission"), "period": a.get("period")}
    else:
        title = a.get("title")
        props = {"title": title or " ".join(p for p in (a.get("kind"), a.get("author")) if p),
                 "report_title": title, "kind": None if title else a.get("kind"), "author": a.get("author"),
                 "author_type": a.get("author_type")}
    r = b.node("Report", m.value, **props)
    b.rel("RESPONDS_TO" if m.value == main_report else "CITES", d, r, m)
    if a.get("mission"):
        b.rel("EVALUATES", r, b.node("Mission", a["mission"]), m)
    if props["author"] and props["author_type"] in ("organisation", "commission"):
        for author in props["author"].split("; "):     # a body's name comes from the gazetteer (its MENTIONS)
            name = author if props["author_type"] == "commission" else None
            b.rel("AUTHORED_BY", r, b.node("Organisation", author, name=name), m)
    for ks_id in a.get("responses", ()):
        b.rel("RESPONDS_TO", b.node("Kamerstuk", ks_id, **kamerstuk_props(ks_id)), r, m)


def _caption(kind: str, m: Mention) -> str:
    """"Aanbeveling 2.1", "Conclusies (als geheel)", or the first words of an unnumbered item."""
    number = m.attrs.get("number")
    if number:
        return f"{kind.capitalize()} {number}"
    if m.attrs.get("collective"):
        return {"aanbeveling": "Aanbevelingen", "bevinding": "Bevindingen", "conclusie": "Conclusies"}.get(
            kind, kind.capitalize()) + " (als geheel)"
    words = (m.attrs.get("text") or "").split()
    return " ".join(words[:7]) + (" …" if len(words) > 7 else "")


def _item(b: _Builder, d: NodeRef, m: Mention, scope: str, main_report: str | None) -> None:
    """A finding or recommendation of the report the document answers (or of the document itself when it names
    none), and the stance the document takes on it (ENDORSES, with the stating sentence as provenance)."""
    a = m.attrs
    collective = bool(a.get("collective"))
    if m.kind == "finding":
        kind = a.get("kind") or "bevinding"
        node = b.node("Finding", f"{scope}/{kind}-{m.value}", caption=_caption(kind, m), number=a.get("number"),
                      kind=kind, text=a.get("text") or None, collective=collective)
        if main_report:
            b.rel("HAS_FINDING", NodeRef("Report", main_report), node, m)
    else:
        node = b.node("Recommendation", f"{scope}/aanbeveling-{m.value}", caption=_caption("aanbeveling", m),
                      number=a.get("number"), text=a.get("text") or None, collective=collective)
        if main_report:
            b.rel("HAS_RECOMMENDATION", NodeRef("Report", main_report), node, m)
        parent = a.get("finding")
        if parent:
            kind = a.get("finding_kind") or "conclusie"
            f = b.node("Finding", f"{scope}/{kind}-{parent}", caption=f"{kind.capitalize()} {parent}",
                       number=parent, kind=kind)
            b.rel("HAS_RECOMMENDATION", f, node, m)
    if a.get("stance"):
        at = a.get("stance_at")
        quote = Mention(m.kind, m.value, at[0], at[1], b.doc.text[at[0]:at[1]]) if at else m
        b.rel("ENDORSES", d, node, quote, stance=a["stance"], stated_by=a.get("by"))


_SPEAKER_WORDS = {"ik", "wij", "we", "minister", "ministers", "staatssecretaris", "ze", "zij", "hij", "bewindsman",
                  "bewindsvrouw", "premier", "minister-president"}


def _commitment(b: _Builder, d: NodeRef, doc: SourceDocument, m: Mention, scope: str, signatories: list[Mention],
                issuers: list[Mention]) -> None:
    """A commitment, who makes it (the document's signatory for "ik", "wij", "de minister"; its issuing ministry for
    "het kabinet" or an unnamed subject) and the item it answers."""
    a = m.attrs
    c = b.node("Commitment", f"{doc.id}/toezegging-{m.value}", caption=f"Toezegging {m.value}", text=a.get("text"),
               made_by=a.get("by"), due=a.get("when"))
    b.rel("COMMITS", d, c, m)
    if a.get("by") in _SPEAKER_WORDS and signatories:
        b.rel("COMMITTED_BY", c, b.node("Person", person_ref_key(signatories[0], doc.id)), m)   # (its properties: _person)
    elif issuers:
        b.rel("COMMITTED_BY", c, b.node("Ministry", issuers[0].value), m)
    for key, label in (("finding", "Finding"), ("recommendation", "Recommendation")):
        target = a.get(key)
        if target:
            kind = a.get("finding_kind") or ("bevinding" if key == "finding" else "aanbeveling")
            if label == "Finding":
                f = b.node("Finding", f"{scope}/{kind}-{target}", caption=f"{kind.capitalize()} {target}",
                           number=target, kind=kind)
            else:
                f = b.node("Recommendation", f"{scope}/aanbeveling-{target}", caption=f"Aanbeveling {target}",
                           number=target)
            b.rel("ADDRESSES", c, f, m)
