"""The typed intermediate model between extraction and the stores.

Extraction turns a :class:`SourceDocument` into :class:`Mention` objects (pure functions, see
``missiongraph.extract``). ``missiongraph.graph.to_graph`` turns a document and its mentions into a
:class:`DocumentGraph`: nodes and relationships, every relationship with its :class:`Provenance`. The stores only
ever see ``DocumentGraph`` objects.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document as read from disk: decoded text plus what the reader knows about it."""

    id: str                      # stable id: the file name without extension
    text: str                    # decoded text; provenance offsets index into this string
    source: str                  # path it was read from
    sha256: str                  # hash of the raw bytes
    encoding: str = "utf-8"
    pages: tuple[int, ...] = ()  # character offset where each page starts (PDF); empty for plain text
    meta: dict[str, Any] = field(default_factory=dict)  # metadata a reader found (e.g. XML header fields)

    def page_at(self, offset: int) -> int:
        """1-based page number of a character offset, or 0 when the document has no pages."""
        if not self.pages:
            return 0
        return bisect_right(self.pages, offset)


@dataclass(slots=True)
class Mention:
    """One thing a rule found in a document, with its character span.

    ``kind`` names what was found (see ``MENTION_KINDS``); ``value`` is its canonical id (``29521-451``,
    ``MINUSMA``, ``Buitenlandse Zaken``, ``van leeuwen``, ``2.1``); ``role`` qualifies it (``self`` for the
    document's own Kamerstuk number, ``signatory`` for a person in a signature block); ``attrs`` carries
    rule-specific details (stance, text, number, ...).
    """

    kind: str
    value: str
    start: int
    end: int
    text: str
    role: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "value": self.value, "start": self.start, "end": self.end,
                               "text": self.text}
        if self.role:
            out["role"] = self.role
        if self.attrs:
            out["attrs"] = self.attrs
        return out


# What rules may report. The graph converter and ``extract --json`` read these.
MENTION_KINDS = {
    "kamerstuk",      # a cited Kamerstuk; value DOSSIER[-SUB]-NR; role "self" for the document's own number
    "tk-id",          # Tweede Kamer zaak/document id (2021Z18124, 2021D41047); attrs: {"type": "zaak"|"document"}
    "resolution",     # UN Security Council resolution number; attrs: {"year": 2013} when given
    "mission",        # canonical mission short name
    "ministry",       # canonical ministry name; role "issuer" when the document comes from it
    "person",         # surname key (lower case); attrs: {"name", "role", "ministry"}; role "signatory"
    "organisation",   # canonical organisation name
    "country",        # canonical country name
    "date",           # the document's own date, ISO; attrs: {"how": "den-haag"|"vastgesteld"|...}
    "reference",      # the document's own reference (Onze Referentie / kenmerk)
    "title",          # the document's title
    "kind",           # the document's kind (brief, nota, verslag, ...)
    "evaluation",     # an evaluation of a mission; value = id; attrs: {"title","evaluator","mission","period","main"}
    "report",         # a report of any kind; value = id; attrs: {"title","author","author_type","kind","main"}
    "finding",        # a finding/conclusion; value = number, or a slug of its text, or "alle" (collective);
                      # attrs: {"number","kind","text","stance","stance_at","quote","by","collective"}
    "recommendation", # a recommendation; value as for findings; attrs as for findings and {"finding"}
    "commitment",     # a toezegging; value = ordinal; attrs: {"text","by","when","finding","recommendation"}
    "mandate",        # resolution -> mission link; value = resolution number; attrs: {"mission"}
}


class Provenance(NamedTuple):
    """Where a relationship comes from: document, character span, surface text, sentence, page (a tuple: made,
    hashed and compared in C; a document's graph makes one per distinct span, some 80 per document)."""

    doc: str
    start: int
    end: int
    text: str
    sentence: str
    page: int = 0

    def as_props(self) -> dict[str, Any]:
        return {"doc": self.doc, "span_start": self.start, "span_end": self.end, "text": self.text,
                "sentence": self.sentence, "page": self.page}


class NodeRef(NamedTuple):
    """A node by label and key (a tuple: hashed and compared in C, cheap to pickle)."""

    label: str
    key: str


@dataclass(slots=True)
class Node:
    label: str
    key: str
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def ref(self) -> NodeRef:
        return NodeRef(self.label, self.key)


@dataclass(slots=True)
class Relationship:
    type: str
    start: NodeRef
    end: NodeRef
    provenance: Provenance
    props: dict[str, Any] = field(default_factory=dict)
    count: int = 1


@dataclass(slots=True)
class DocumentGraph:
    """Everything one document contributes to the graph: its own node, the nodes it names, the relationships
    it states. Loading is per document: a store replaces all relationships whose provenance is this document."""

    document: Node
    nodes: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.document.key

    def __reduce__(self):
        """Pickle as plain tuples. Worker processes send every graph to the process that writes the store; the
        default pickling of slotted dataclasses (a class reference and a state dict per object, some 300
        objects per document) cost about 4 ms per document there and back, this form about 0.5 ms."""
        d = self.document
        rels = [(r.type, r.start.label, r.start.key, r.end.label, r.end.key, r.provenance.doc, r.provenance.start,
                 r.provenance.end, r.provenance.text, r.provenance.sentence, r.provenance.page, r.props, r.count)
                for r in self.relationships]
        return _unpickle_graph, ((d.label, d.key, d.props), [(n.label, n.key, n.props) for n in self.nodes], rels)


def _unpickle_graph(document: tuple, nodes: list[tuple], rels: list[tuple]) -> DocumentGraph:
    """The inverse of ``DocumentGraph.__reduce__``."""
    return DocumentGraph(Node(*document), [Node(*n) for n in nodes],
                         [Relationship(t, NodeRef(sl, sk), NodeRef(el, ek), Provenance(doc, s, e, text, sentence, page),
                                       props, count)
                          for t, sl, sk, el, ek, doc, s, e, text, sentence, page, props, count in rels])
