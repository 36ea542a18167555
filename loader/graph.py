"""Turn one document and its mentions into a :class:`DocumentGraph` (pure: no I/O)."""

from __future__ import annotations

from typing import Any

from .extract.identity import strength
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


def _node_ref(label: str, key: str) -> NodeRef:
    """``NodeRef(label, key)`` without the named tuple's Python-level ``__new__`` (half the cost; one is made per
    node named)."""
    return tuple.__new__(NodeRef, (label, key))


def person_key(value: str, doc_id: str) -> str:
    """The Person node key of a person mention's value: the value, except that an unresolved surname ('van dijk#')
    stands for one person in this document only ('van dijk#025')."""
    return value + doc_id if value.endswith("#") else value


def _person(b: _Builder, d: NodeRef, doc_id: str, m: Mention, seen: set[tuple]) -> None:
    """A person mention: the Person node, SIGNED_BY (a signature block) or MENTIONS, and HOLDS_POST for each post
    or seat the resolver gives (a ministry, or the chamber as an Organisation), with the identity's evidence.
    ``seen``: the mentions already handled that say the same (the resolver gives them one result): a repeat only
    counts its links."""
    a = m.attrs
    key = person_key(m.value or person_key_of_name(a.get("name", "")), doc_id)
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
    if m.role == "signatory" and ministry:
        b.rel("ISSUED_BY", d, b.node("Ministry", ministry), m)


def person_key_of_name(name: str) -> str:
    """The key of a person mention that was not resolved (a surname as written, lower case)."""
    return " ".join(name.lower().split())


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
            return Provenance(doc=self.doc.id, start=0, end=0, text="",
                              sentence=f"(document metadata: {m.attrs['from_metadata']} = {m.value})")
        span = (m.start, m.end, m.text)
        prov = self._provenance.get(span)
        if prov is None:
            prov = self._provenance[span] = Provenance(
                doc=self.doc.id, start=m.start, end=m.end, text=fold(self.doc.text[m.start:m.end]),
                sentence=self._sentence(m.start, m.end), page=self.doc.page_at(m.start) if self.doc.pages else 0)
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
            for k, v in props.items():
                if v is not None:
                    have.props.setdefault(k, v)
            return
        self.rels[key] = Relationship(rel_type, start, end, self.provenance(m),
                                      {k: v for k, v in props.items() if v is not None} if props else {})


def to_graph(doc: SourceDocument, mentions: list[Mention]) -> DocumentGraph:
    """Nodes and relationships for one document; every relationship's provenance is a span of ``doc.text``."""
    b = _Builder(doc)
    meta_number = doc.meta.get("kamerstuk")
    if meta_number:
        # The reader knows the document's own number (HTML/XML metadata): it wins over what the text rules found.
        mentions = [m for m in mentions if not (m.kind == "kamerstuk" and m.role == "self")]
        mentions.insert(0, Mention("kamerstuk", meta_number, 0, 0, "", role="self",
                                   attrs={"from_metadata": "kamerstuk"}))
    persons: list[Mention] = []
    first = {}
    for m in mentions:
        first.setdefault((m.kind, m.role if m.kind == "kamerstuk" else ""), m)
    meta = dict(doc.meta)

    def value(kind: str, role: str = "") -> str | None:
        m = first.get((kind, role))
        return m.value if m else meta.get(kind)

    own = value("kamerstuk", "self")
    kind, date = value("kind") or "document", value("date")
    caption = f"{kind} {own or value('reference') or doc.id}" + (f" · {date}" if date else "")
    document = Node("Document", doc.id, {k: v for k, v in {
        "caption": caption, "title": value("title"), "kind": kind, "date": date,
        "reference": value("reference"), "kamerstuk": own, "source": doc.source, "sha256": doc.sha256,
        "chars": len(doc.text)}.items() if v is not None})
    d = document.ref

    described: dict[tuple[str, str], NodeRef] = {}   # gazetteer entities already given their properties
    evaluations = [m for m in mentions if m.kind == "evaluation"]
    main_eval = next((m.value for m in evaluations if m.attrs.get("main")), None)
    scope = main_eval or doc.id

    for m in mentions:
        if m.kind == "kamerstuk":
            ks = b.known("Kamerstuk", m.value) or b.node("Kamerstuk", m.value, **kamerstuk_props(m.value))
            dossier = b.node("Dossier", m.value.split("-")[0])
            b.rel("PUBLISHED_AS" if m.role == "self" else "CITES", d, ks, m)
            b.rel("IN_DOSSIER", ks, dossier, m)
        elif m.kind == "resolution":
            year = m.attrs.get("year")
            r = b.node("Resolution", m.value, caption=f"UNSCR {m.value}", year=year, url=resolution_url(m.value, year))
            b.rel("MENTIONS", d, r, m)
        elif m.kind == "mission":
            # (a gazetteer entity's properties follow from its id: a repeat only counts its link)
            mission = described.get(("Mission", m.value)) or described.setdefault(("Mission", m.value), b.node(
                "Mission", m.value, name=m.attrs.get("name"), organisation=m.attrs.get("organisation"),
                area=m.attrs.get("area")))
            b.rel("MENTIONS", d, mission, m)
        elif m.kind == "ministry":
            mi = described.get(("Ministry", m.value)) or described.setdefault(("Ministry", m.value), b.node(
                "Ministry", m.value, abbreviation=m.attrs.get("abbreviation")))
            b.rel("MENTIONS", d, mi, m)
            if m.role == "issuer":
                b.rel("ISSUED_BY", d, mi, m)
        elif m.kind == "person":
            persons.append(m)
        elif m.kind == "organisation":
            b.rel("MENTIONS", d, described.get(("Organisation", m.value)) or described.setdefault(
                ("Organisation", m.value), b.node("Organisation", m.value, name=m.attrs.get("name"))), m)
        elif m.kind == "country":
            b.rel("MENTIONS", d, b.known("Country", m.value) or b.node("Country", m.value), m)
        elif m.kind == "mandate":
            r = b.node("Resolution", m.value, caption=f"UNSCR {m.value}")
            b.rel("MANDATES", r, b.node("Mission", m.attrs["mission"]), m)
        elif m.kind == "evaluation":
            a = m.attrs
            ev = b.node("Evaluation", m.value, title=a.get("title"), report_title=a.get("report_title"),
                        evaluator=a.get("evaluator"),
                        mission=a.get("mission"), period=a.get("period"))
            b.rel("RESPONDS_TO" if m.value == main_eval else "CITES", d, ev, m)
            if a.get("mission"):
                b.rel("EVALUATES", ev, b.node("Mission", a["mission"]), m)
            for ks_id in a.get("responses", ()):
                b.rel("RESPONDS_TO", b.node("Kamerstuk", ks_id, **kamerstuk_props(ks_id)), ev, m)
        elif m.kind == "finding":
            kind = m.attrs.get("kind") or "bevinding"
            f = b.node("Finding", f"{scope}/{kind}-{m.value}", caption=f"{kind.capitalize()} {m.value}",
                       number=m.value, kind=kind, text=m.attrs.get("text") or None)
            if main_eval:
                b.rel("HAS_FINDING", NodeRef("Evaluation", main_eval), f, m)
            if m.attrs.get("stance"):
                b.rel("ENDORSES", d, f, m, stance=m.attrs["stance"])
        elif m.kind == "recommendation":
            r = b.node("Recommendation", f"{scope}/aanbeveling-{m.value}", caption=f"Aanbeveling {m.value}",
                       number=m.value, text=m.attrs.get("text") or None)
            if main_eval:
                b.rel("HAS_RECOMMENDATION", NodeRef("Evaluation", main_eval), r, m)
            parent = m.attrs.get("finding")
            if parent:
                kind = m.attrs.get("finding_kind") or "conclusie"
                f = b.node("Finding", f"{scope}/{kind}-{parent}", caption=f"{kind.capitalize()} {parent}",
                           number=parent, kind=kind)
                b.rel("HAS_RECOMMENDATION", f, r, m)
            if m.attrs.get("stance"):
                b.rel("ENDORSES", d, r, m, stance=m.attrs["stance"])
        elif m.kind == "commitment":
            c = b.node("Commitment", f"{doc.id}/toezegging-{m.value}", caption=f"Toezegging {m.value}",
                       text=m.attrs.get("text"))
            b.rel("COMMITS", d, c, m)
            target = m.attrs.get("finding")
            if target:
                kind = m.attrs.get("finding_kind") or "bevinding"
                f = b.node("Finding", f"{scope}/{kind}-{target}", caption=f"{kind.capitalize()} {target}",
                           number=target, kind=kind)
                b.rel("ADDRESSES", c, f, m)
    # Persons last, the best-supported mention of each first: a relationship keeps the first provenance, so the span
    # it shows is the one that says most about who the person is ('Van Dijk (SP)' rather than 'De heer Van Dijk:').
    persons.sort(key=lambda m: -strength(m))
    seen: set[tuple] = set()
    for m in persons:
        _person(b, d, doc.id, m, seen)
    # Every relationship endpoint must be a node of this graph (HAS_FINDING from the main evaluation).
    for rel in list(b.rels.values()):
        for end in (rel.start, rel.end):
            if end not in b.refs and end != d:
                b.node(end.label, end.key)
    return DocumentGraph(document=document, nodes=list(b.nodes.values()), relationships=list(b.rels.values()))
