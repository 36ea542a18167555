"""One page per report: what the government did with each of a report's recommendations and findings.

``read_report(store, word)`` finds the report (by id, else a word of its title, else its author: the same rule as
the saved query ``report``, queries/15-report.cypher) and reads from the store, with a few parameterised queries
that run unchanged on both stores:

* the report itself (title, kind, author, mission, period) and what responds to it (documents and Kamerstukken,
  ``RESPONDS_TO``);
* its items (``HAS_RECOMMENDATION``, ``HAS_FINDING``: number, caption, text, collective, the finding a
  recommendation belongs to);
* the stance each document takes on each item (``ENDORSES``: stance, who took it, the sentence that says so);
* the commitments tied to each item (``ADDRESSES``: text, who, due, the document), and those of the report's
  responses that are tied to no item;
* the documents named (title, date, the official publication: the Document's ``url``, else the url of the Kamerstuk
  it is published as).

``report_rows(page)`` gives the page as rows (``--format csv``); ``render_report(page)`` as one self-contained HTML
page (report.html.j2, report.css, report.js next to this file; every text from a document escaped by Jinja2, a
Content-Security-Policy that allows only the page's own style and script, by hash, and no request);
``write_report`` writes the page and, next to it, the report's network view (``missiongraph viz --around
Report:ID``). The command line (``missiongraph report``) and the Python API (``Graph.report``) call these.
"""

from __future__ import annotations

import difflib
import re
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..stores.base import GraphStore

# The report a word names: the same rule as queries/15-report.cypher (tests/test_report.py checks that both pick the
# same report), the exact id first; the others that match are reported as "also".
RESOLVE = """
MATCH (r:Report)
WHERE r.id = $report OR toLower(coalesce(r.report_title, r.title, '')) CONTAINS toLower($report)
   OR toLower(coalesce(r.author, '')) = toLower($report)
RETURN r.id AS id
ORDER BY CASE WHEN r.id = $report THEN 0 ELSE 1 END, id
LIMIT $limit
"""

ALL_REPORTS = "MATCH (r:Report) RETURN r.id AS id, coalesce(r.report_title, r.title, '') AS title, " \
              "coalesce(r.author, '') AS author ORDER BY id"

HEADER = """
MATCH (r:Report {id: $report})
RETURN r.id AS id, coalesce(r.title, '') AS title, coalesce(r.report_title, '') AS report_title,
       coalesce(r.kind, '') AS kind, coalesce(r.author, '') AS author, coalesce(r.mission, '') AS mission,
       coalesce(r.period, '') AS period
"""

RESPONSES = """
MATCH (x:Document|Kamerstuk)-[:RESPONDS_TO]->(r:Report {id: $report})
RETURN labels(x)[0] AS label, x.id AS id
ORDER BY label, id
"""

ITEMS = """
MATCH (r:Report {id: $report})-[:HAS_RECOMMENDATION|HAS_FINDING]->(i)
OPTIONAL MATCH (f:Finding)-[:HAS_RECOMMENDATION]->(i)
RETURN i.id AS id, labels(i)[0] AS kind, coalesce(i.number, '') AS number, coalesce(i.caption, '') AS caption,
       coalesce(i.text, '') AS text, coalesce(i.collective, false) AS collective, coalesce(f.caption, '') AS part_of
ORDER BY id, part_of
"""

STANCES = """
MATCH (r:Report {id: $report})-[:HAS_RECOMMENDATION|HAS_FINDING]->(i)
MATCH (d:Document)-[s:ENDORSES]->(i)
RETURN i.id AS item, d.id AS document, s.stance AS stance, coalesce(s.stated_by, '') AS stated_by,
       coalesce(s.sentence, '') AS quote, coalesce(s.page, 0) AS page
ORDER BY item, document, s.span_start
"""

ITEM_COMMITMENTS = """
MATCH (r:Report {id: $report})-[:HAS_RECOMMENDATION|HAS_FINDING]->(i)
MATCH (t:Commitment)-[:ADDRESSES]->(i)
MATCH (d:Document)-[c:COMMITS]->(t)
RETURN i.id AS item, t.id AS id, d.id AS document, coalesce(t.text, '') AS text, coalesce(t.made_by, '') AS made_by,
       coalesce(t.due, '') AS due
ORDER BY item, document, c.span_start, id
"""

OTHER_COMMITMENTS = """
MATCH (r:Report {id: $report})<-[:RESPONDS_TO]-(d:Document)
MATCH (d)-[c:COMMITS]->(t:Commitment)
WHERE NOT EXISTS { MATCH (t)-[:ADDRESSES]->() }
RETURN t.id AS id, d.id AS document, coalesce(t.text, '') AS text, coalesce(t.made_by, '') AS made_by,
       coalesce(t.due, '') AS due
ORDER BY document, c.span_start, id
"""

COMMITTED_BY = """
UNWIND $ids AS id
MATCH (t:Commitment {id: id})-[:COMMITTED_BY]->(w)
RETURN t.id AS id, coalesce(w.name, w.id) AS who
ORDER BY id, who
"""

DOCUMENTS = """
UNWIND $ids AS id
MATCH (d:Document {id: id})
OPTIONAL MATCH (d)-[:PUBLISHED_AS]->(k:Kamerstuk)
RETURN d.id AS id, coalesce(d.title, '') AS title, coalesce(d.caption, '') AS caption, coalesce(d.kind, '') AS kind,
       coalesce(d.date, '') AS date, coalesce(d.url, '') AS url, coalesce(k.id, '') AS kamerstuk,
       coalesce(k.url, '') AS kamerstuk_url
ORDER BY id, kamerstuk
"""

KAMERSTUKKEN = """
UNWIND $ids AS id
MATCH (k:Kamerstuk {id: id})
OPTIONAL MATCH (d:Document)-[:PUBLISHED_AS]->(k)
RETURN k.id AS id, coalesce(k.url, '') AS url, coalesce(d.id, '') AS document
ORDER BY id, document
"""

STANCES_SHOWN = ("full", "partial", "rejected", "none")
STANCE_WORDS = {"full": "endorsed", "partial": "partly endorsed", "rejected": "not endorsed",
                "none": "no stance found"}
KIND_WORDS = {"Recommendation": ("recommendation", "recommendations"), "Finding": ("finding", "findings")}


NAMED = 5   # report ids an unknown word is answered with when none is close


class UnknownReport(LookupError):
    """No report matches; the message names the word and the closest report ids."""


@dataclass
class Source:
    """A document (or a Kamerstuk not loaded as a document) that responds to a report or takes a stance."""

    id: str
    label: str = "Document"
    title: str = ""
    caption: str = ""
    kind: str = ""
    date: str = ""
    url: str = ""           # the official publication, http(s) only (else empty)
    document: str = ""      # for a Kamerstuk: the document published as it, when loaded

    @property
    def name(self) -> str:
        return self.title or self.caption or self.id


@dataclass
class Stance:
    document: str
    stance: str             # full, partial, rejected
    stated_by: str = ""
    quote: str = ""
    page: int = 0


@dataclass
class Commitment:
    id: str
    document: str
    text: str
    made_by: str = ""       # as the text says it: kabinet, ik, Defensie
    committed_by: list[str] = field(default_factory=list)   # the person or ministry (COMMITTED_BY)
    due: str = ""

    @property
    def who(self) -> str:
        names = ", ".join(self.committed_by)
        if self.made_by and names:
            return f"{self.made_by} ({names})"
        return self.made_by or names


@dataclass
class Item:
    id: str
    kind: str               # Recommendation or Finding
    number: str = ""
    caption: str = ""
    text: str = ""
    collective: bool = False
    part_of: str = ""       # the finding a recommendation belongs to ("Conclusie 2")
    stances: list[Stance] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)

    @property
    def stance(self) -> str:
        """The item's stance for filters and counts: the one every document takes, else ``mixed``, else none."""
        found = {s.stance for s in self.stances}
        return found.pop() if len(found) == 1 else ("mixed" if found else "none")


@dataclass
class ReportPage:
    """Everything the page shows about one report."""

    id: str
    title: str
    report_title: str = ""
    kind: str = ""
    author: str = ""
    mission: str = ""
    period: str = ""
    word: str = ""                                       # what the user asked for
    also: list[str] = field(default_factory=list)        # other reports the word names
    items: list[Item] = field(default_factory=list)
    other_commitments: list[Commitment] = field(default_factory=list)
    responses: list[Source] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)   # documents by id

    @property
    def heading(self) -> str:
        return self.report_title or self.title or self.id

    def count(self, kind: str) -> int:
        return sum(1 for item in self.items if item.kind == kind)

    def stance_counts(self) -> dict[str, int]:
        """Items per stance taken (an item with several documents' stances counts once per stance)."""
        counts = dict.fromkeys(STANCES_SHOWN, 0)
        for item in self.items:
            for stance in {s.stance for s in item.stances} or {"none"}:
                counts[stance] = counts.get(stance, 0) + 1
        return counts

    def commitments(self) -> int:
        return len({c.id for item in self.items for c in item.commitments} | {c.id for c in self.other_commitments})

    def summary(self) -> str:
        """One line: items, stances, commitments."""
        parts = [f"{self.count(kind)} {KIND_WORDS[kind][self.count(kind) != 1]}" for kind in KIND_WORDS]
        stances = ", ".join(f"{n} {STANCE_WORDS[s]}" for s, n in self.stance_counts().items() if n)
        tied = len({c.id for item in self.items for c in item.commitments})
        line = f"{', '.join(parts)}" + (f" ({stances})" if self.items else "")
        line += f"; {self.commitments()} commitment{'s' if self.commitments() != 1 else ''} ({tied} tied to an item)"
        return line


# --- reading ----------------------------------------------------------------------------------------------------

def natural(number: str) -> tuple:
    """``"2.10"`` after ``"2.9"``: the digit runs of a number as integers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|[^\d.]+", number))


def item_order(item: Item) -> tuple:
    """Recommendations, then findings; within each the collective item (the whole), then by number, then the
    unnumbered by caption."""
    group = 0 if item.collective else (1 if item.number else 2)
    return (0 if item.kind == "Recommendation" else 1, group, natural(item.number), item.caption, item.id)


def closest_reports(store: GraphStore, word: str, limit: int = 3) -> list[str]:
    """The report ids closest to ``word``: by id, title or author (difflib), best first."""
    wanted = word.strip().casefold()
    names: dict[str, str] = {}
    for rid, title, author in store.run(ALL_REPORTS).rows:
        for name in (rid, title, author, *str(title).split()):
            if name:
                names.setdefault(str(name).casefold(), rid)
    near = difflib.get_close_matches(wanted, list(names), n=limit * 4, cutoff=0.5)
    return list(dict.fromkeys(names[n] for n in near))[:limit]


def resolve(store: GraphStore, word: str) -> tuple[str, list[str]]:
    """The id of the report ``word`` names (see RESOLVE) and the ids of the others it also names (at most 9).
    Raises UnknownReport naming the closest report ids."""
    if not word.strip():
        raise UnknownReport("give a report: its id, a word of its title, or its author")
    found = [row[0] for row in store.run(RESOLVE, {"report": word, "limit": 10}).rows]
    if found:
        return found[0], found[1:]
    near = closest_reports(store, word)
    where = f"in the {store.name} store"
    if near:
        raise UnknownReport(f"no report {word!r} {where}; closest: {', '.join(near)}")
    ids = [row[0] for row in store.run(ALL_REPORTS).rows]
    if not ids:
        raise UnknownReport(f"no report {word!r} {where}: it holds none (load the documents that answer one)")
    more = f", … ({len(ids)} in all: missiongraph query --cypher 'MATCH (r:Report) RETURN r.id')" \
        if len(ids) > NAMED else ""
    raise UnknownReport(f"no report {word!r} {where}; none is close; its reports: {', '.join(ids[:NAMED])}{more}")


def _safe_url(value: str) -> str:
    from ..viz.network import safe_url

    return safe_url(value) or ""


def _records(store: GraphStore, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return store.run(cypher, params).records()


def read_report(store: GraphStore, word: str) -> ReportPage:
    """Everything the page shows about the report ``word`` names (see ``resolve``)."""
    report_id, also = resolve(store, word)
    params = {"report": report_id}
    head = _records(store, HEADER, params)[0]
    page = ReportPage(id=head["id"], title=head["title"], report_title=head["report_title"], kind=head["kind"],
                      author=head["author"], mission=head["mission"], period=head["period"], word=word, also=also)

    items: dict[str, Item] = {}
    for row in _records(store, ITEMS, params):
        item = items.setdefault(row["id"], Item(id=row["id"], kind=row["kind"], number=str(row["number"]),
                                                caption=row["caption"], text=row["text"],
                                                collective=bool(row["collective"])))
        if row["part_of"] and not item.part_of:
            item.part_of = row["part_of"]
    for row in _records(store, STANCES, params):
        items[row["item"]].stances.append(Stance(document=row["document"], stance=row["stance"] or "none",
                                                 stated_by=row["stated_by"], quote=row["quote"],
                                                 page=int(row["page"] or 0)))
    commitments: dict[str, Commitment] = {}

    def commitment(row: dict[str, Any]) -> Commitment:
        return commitments.setdefault(row["id"], Commitment(id=row["id"], document=row["document"], text=row["text"],
                                                            made_by=row["made_by"], due=row["due"]))

    for row in _records(store, ITEM_COMMITMENTS, params):
        items[row["item"]].commitments.append(commitment(row))
    page.other_commitments = [commitment(row) for row in _records(store, OTHER_COMMITMENTS, params)]
    if commitments:
        for row in _records(store, COMMITTED_BY, {"ids": sorted(commitments)}):
            commitments[row["id"]].committed_by.append(row["who"])
    page.items = sorted(items.values(), key=item_order)

    responses = _records(store, RESPONSES, params)
    documents = {r["id"] for r in responses if r["label"] == "Document"}
    documents |= {s.document for item in page.items for s in item.stances}
    documents |= {c.document for c in commitments.values()}
    for row in _records(store, DOCUMENTS, {"ids": sorted(documents)}):
        if row["id"] not in page.sources:
            page.sources[row["id"]] = Source(id=row["id"], title=row["title"], caption=row["caption"],
                                             kind=row["kind"], date=row["date"],
                                             url=_safe_url(row["url"]) or _safe_url(row["kamerstuk_url"]))
    kamerstukken: dict[str, Source] = {}
    for row in _records(store, KAMERSTUKKEN, {"ids": sorted(r["id"] for r in responses if r["label"] == "Kamerstuk")}):
        kamerstukken.setdefault(row["id"], Source(id=row["id"], label="Kamerstuk", caption=f"Kamerstuk {row['id']}",
                                                  url=_safe_url(row["url"]), document=row["document"]))
    shown = set()
    for row in responses:
        source = page.sources.get(row["id"]) if row["label"] == "Document" else kamerstukken.get(row["id"])
        if source is None or source.document in shown:   # a Kamerstuk loaded as a document is shown once
            continue
        shown.add(source.id)
        page.responses.append(source)
    page.responses.sort(key=lambda s: (s.date or "9999", s.label, s.id))
    return page


# --- rows (CSV) -------------------------------------------------------------------------------------------------

COLUMNS = ["report", "kind", "number", "item", "item_text", "row", "stance", "by", "due", "document", "date", "url",
           "text"]


def report_rows(page: ReportPage) -> tuple[list[str], list[list[Any]]]:
    """The page as rows, one fact a row: for each item (in the page's order) one ``stance`` row per document that
    takes a stance on it (one with stance ``none`` when none does), then one ``commitment`` row per commitment tied
    to it; then the commitments of the report's responses tied to no item (``kind`` empty). ``by`` is who took the
    stance or made the commitment, ``text`` the quote or the commitment, ``url`` the official publication of the
    document."""
    rows: list[list[Any]] = []

    def doc(doc_id: str) -> list[str]:
        source = page.sources.get(doc_id) or Source(id=doc_id)
        return [doc_id, source.date, source.url]

    for item in page.items:
        start = [page.id, item.kind, item.number, item.caption, item.text]
        for s in item.stances or [Stance(document="", stance="none")]:
            rows.append(start + ["stance", s.stance, s.stated_by, ""] + (doc(s.document) if s.document else
                                                                         ["", "", ""]) + [s.quote])
        for c in item.commitments:
            rows.append(start + ["commitment", "", c.who, c.due] + doc(c.document) + [c.text])
    for c in page.other_commitments:
        rows.append([page.id, "", "", "", "", "commitment", "", c.who, c.due] + doc(c.document) + [c.text])
    return list(COLUMNS), rows


# --- the page ---------------------------------------------------------------------------------------------------

def _own(name: str) -> str:
    return resources.files("missiongraph.outputs").joinpath(name).read_text("utf-8")


def _environment():
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["href"] = lambda name: quote(name)
    env.filters["link"] = _safe_url        # only http(s) links with a host, whatever the store holds
    return env


_TEMPLATE = None


def _template():
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = _environment().from_string(_own("report.html.j2"))
    return _TEMPLATE


def render_report(page: ReportPage, *, network: str | None = None, depth: int = 2) -> str:
    """The page as one self-contained HTML string: ``network`` is the file name of the report's network view
    (linked, relative to the page; None: not written, the page gives the command that draws it), drawn ``depth``
    steps around the report."""
    from markupsafe import Markup

    from .. import __version__
    from ..viz.html import csp_hash, inline_code
    from ..viz.network import STANCE_COLORS

    colours = {**STANCE_COLORS, "none": "#757575", "mixed": "#6A1B9A"}
    css = inline_code(":root {" + " ".join(f"--{k}: {v};" for k, v in colours.items()) + "}\n" + _own("report.css"),
                      "style")
    js = inline_code(_own("report.js"), "script")
    csp = "; ".join(["default-src 'none'", f"script-src {csp_hash(js)}", f"style-src {csp_hash(css)}",
                     "img-src data:", "base-uri 'none'", "form-action 'none'"])
    return _template().render(page=page, csp=csp, css=Markup(css), js=Markup(js), network=network,
                              network_command=network_command(page.id, network or network_name(page.id), depth),
                              depth=depth, version=__version__, words=STANCE_WORDS, kinds=KIND_WORDS,
                              stances=STANCES_SHOWN)


# --- writing ----------------------------------------------------------------------------------------------------

FORMATS = ("html", "csv")


def network_path(output: Path) -> Path:
    """Where the report page's network view goes: next to it, ``NAME-network.html`` for ``NAME.html``."""
    return output.with_name(f"{output.stem}-network.html")


def network_name(report_id: str) -> str:
    """The network view's file name for the default page name (``ID-network.html``)."""
    return network_path(default_output(report_id)).name


def network_command(report_id: str, name: str, depth: int) -> str:
    """The command that draws the report's network view into ``name``."""
    import shlex

    return f"missiongraph viz --around {shlex.quote('Report:' + report_id)} --depth {depth} -o {shlex.quote(name)}"


def default_output(report_id: str, fmt: str = "html") -> Path:
    """``ID.html`` (or ``.csv``) in the current folder, the id made safe as a file name."""
    return Path(re.sub(r"[^\w.-]+", "-", report_id).strip(".-") or "report").with_suffix(f".{fmt}")


@dataclass
class Written:
    """What ``write_report`` wrote: the page (or CSV) at ``path``, the network view at ``network`` with its
    summary (``network_summary``), and the data (``page``)."""

    page: ReportPage
    path: Path
    network: Path | None = None
    network_summary: str = ""
    seconds: float = 0.0


def report_text(page: ReportPage, fmt: str = "html", *, network: str | None = None, depth: int = 2) -> str:
    """The page in ``fmt``: the HTML page (``render_report``) or the CSV rows (``report_rows``, with a header)."""
    from .. import ui

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    if fmt == "csv":
        columns, rows = report_rows(page)
        return ui.render(columns, rows, "csv") + "\n"
    return render_report(page, network=network, depth=depth)


def write_report(store: GraphStore, word: str, output: Path | None = None, *, fmt: str = "html",
                 network: bool = True, depth: int = 2) -> Written:
    """Read the report ``word`` names and write it to ``output`` (default ``ID.html`` or ``ID.csv``): the HTML page
    and, with ``network``, its network view next to it (``network_path``: the neighbourhood of the report within
    ``depth`` steps, as ``missiongraph viz --around Report:ID --depth DEPTH`` draws it), or the CSV rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    start = time.perf_counter()
    page = read_report(store, word)
    output = Path(output) if output is not None else default_output(page.id, fmt)
    output.parent.mkdir(parents=True, exist_ok=True)
    drawn, summary = None, ""
    if network and fmt == "html":
        from .visualise import visualise

        drawn, summary = visualise(store, network_path(output), around=f"Report:{page.id}", depth=depth)
    output.write_text(report_text(page, fmt, network=drawn.name if drawn else None, depth=depth), encoding="utf-8")
    return Written(page, output, drawn, summary, time.perf_counter() - start)
