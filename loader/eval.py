"""Score the extractor against gold annotations.

A corpus folder holds ``docs/NAME.txt`` and ``gold/NAME.json`` (same stem; see the corpus README for the gold
schema), and may hold a ``manifest.json``: a list of ``{"file": "NAME.txt", "kind": ..., ...}`` entries (the
corpus's ``dev/`` has one). :func:`evaluate` runs :func:`missiongraph.extract.extract` and
:func:`~missiongraph.extract.summarise` on every document that has a gold file and compares the fields in
:data:`FIELDS`:

- list fields (``kamerstukken``, ``resolutions``, ``missions``, ``ministries``, ``persons``) as sets: each
  value found and in the gold is a true positive, each value found but not in the gold a false positive, each
  gold value not found a false negative. All values are stripped.
- ``persons``: the gold writes surnames ('Van Dijk', 'Middelkoop' as the text writes it), the extractor the name as
  fully as it knows it ('Jasper van Dijk', 'Eimert van Middelkoop'). A gold surname matches a name found when,
  case-insensitively, the name ends in the surname's words ('Jasper van Dijk' ends in 'van dijk'; 'Eimert van
  Middelkoop' in 'middelkoop') or the surname is one the document writes for that person (``person_details``:
  ``written``, e.g. 'Bijleveld-Schouten' for Ank Bijleveld). Each gold surname matched is a true positive, each
  one not matched a false negative, each name found that matches no gold surname a false positive; two persons
  found for one gold surname (two Van Dijks) are one true positive and no false positive.
- scalar fields (``self``, ``date``): a non-null value counts as one item. Equal values: one true positive;
  different values: one false positive and one false negative; one side null: one false positive or one
  false negative; both null: nothing to count.
- stated fields (``kind``, ``reference``): counted as the scalar fields, but only for documents whose gold states
  them, i.e. whose gold JSON has the key or, for ``kind``, whose folder's ``manifest.json`` has a ``kind`` for the
  file (the gold JSON wins when both do). A document whose gold says nothing about the field is not scored on
  it: a value found there is not a false positive. Unlike ``self`` and ``date``: every gold record has those, and
  their null says the text states none, so a value found is a false positive; most gold records have no
  ``kind`` or ``reference``, and that absence says nothing. A key present with null counts like a scalar null.

Scores are micro-averaged over documents (true/false positives and negatives summed, then precision, recall
and F1). A field with nothing to count (no gold items and nothing found) scores 1.0; the table says in how many
documents each stated field was scored. A :class:`DocResult` holds scores, misses and false hits only for the
fields scored in that document.

``evaluate`` accepts one folder or several (``evaluate(seeds, dev)`` or ``evaluate([seeds, dev])``).
:func:`format_table` and :func:`format_errors` render a report for people; :meth:`EvalReport.as_json` for
machines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import eval_responses
from .scores import FieldScore
from .extract import extract, summarise

LIST_FIELDS = ("kamerstukken", "resolutions", "missions", "ministries", "persons")
SCALAR_FIELDS = ("self", "date")
STATED_FIELDS = ("kind", "reference")      # scalar, scored only where the gold states them
FIELDS = (*LIST_FIELDS, *SCALAR_FIELDS, *STATED_FIELDS)
MANIFEST_FIELDS = ("kind",)                # stated-field values a folder's manifest.json may give per file
CASE_INSENSITIVE = {"persons"}


@dataclass
class DocResult:
    """One document: its scores per field scored in it and what went wrong."""

    doc: str                                   # "<corpus folder name>/<stem>"
    path: str
    scores: dict[str, FieldScore] = field(default_factory=dict)     # stated fields only where the gold states them
    misses: dict[str, list[str]] = field(default_factory=dict)      # gold values not found
    false_hits: dict[str, list[str]] = field(default_factory=dict)  # values found but not in the gold

    @property
    def ok(self) -> bool:
        return not any(self.misses.values()) and not any(self.false_hits.values())

    def as_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "path": self.path,
                "scores": {f: s.as_json() for f, s in self.scores.items()},
                "misses": {f: v for f, v in self.misses.items() if v},
                "false_hits": {f: v for f, v in self.false_hits.items() if v}}


@dataclass
class EvalReport:
    corpora: list[str]
    fields: dict[str, FieldScore]
    documents: list[DocResult]
    skipped: list[str] = field(default_factory=list)   # docs without gold, gold without docs
    responses: eval_responses.ResponsesScore | None = None   # when some gold is in the responses format

    def documents_scored_on(self, fld: str) -> int:
        """How many documents were scored on ``fld`` (fewer than all only for the stated fields)."""
        return sum(1 for d in self.documents if fld in d.scores)

    def as_json(self) -> dict[str, Any]:
        return {"corpora": self.corpora, "documents_scored": len(self.documents),
                "documents_scored_per_field": {f: self.documents_scored_on(f) for f in self.fields},
                "fields": {f: s.as_json() for f, s in self.fields.items()},
                "documents": [d.as_json() for d in self.documents], "skipped": self.skipped,
                "responses": self.responses.as_json() if self.responses else None}


def _norm(value: Any, fld: str) -> str:
    text = " ".join(str(value).split())
    return text.casefold() if fld in CASE_INSENSITIVE else text


def _as_set(values: Any, fld: str) -> dict[str, str]:
    """Normalised key -> first surface form, for a list (or None)."""
    out: dict[str, str] = {}
    for v in values or []:
        if v is None or str(v).strip() == "":
            continue
        out.setdefault(_norm(v, fld), str(v))
    return out


def _words(value: Any) -> tuple[str, ...]:
    return tuple(str(value).casefold().split())


def _compare_persons(found: dict[str, Any], gold: dict[str, Any]) -> tuple[int, list[str], list[str]]:
    """(true positives, gold surnames missed, names found that match no gold surname): see the module docstring."""
    golds = _as_set(gold.get("persons"), "persons")
    written: dict[str, set[tuple[str, ...]]] = {}
    for d in found.get("person_details") or []:
        if isinstance(d, dict) and d.get("name"):
            written.setdefault(_norm(d["name"], "persons"), set()).update(_words(w) for w in d.get("written") or [])
    names = _as_set(found.get("persons"), "persons")
    matched: set[str] = set()
    false_hits = []
    for key, name in names.items():
        words = _words(name)
        hits = {g for g in golds if (gw := _words(golds[g])) and (words[-len(gw):] == gw or gw in written.get(key, ()))}
        if hits:
            matched |= hits
        else:
            false_hits.append(name)
    return len(matched), [golds[g] for g in golds if g not in matched], false_hits


def compare(found: dict[str, Any], gold: dict[str, Any], fields: Iterable[str] = FIELDS,
            doc: str = "", path: str = "") -> DocResult:
    """Score one document's summary against its gold record (a stated field only if ``gold`` has its key)."""
    result = DocResult(doc=doc, path=path)
    for fld in fields:
        if fld in STATED_FIELDS and fld not in gold:
            continue
        score = FieldScore()
        misses: list[str] = []
        false_hits: list[str] = []
        if fld in SCALAR_FIELDS or fld in STATED_FIELDS:
            g, f = gold.get(fld), found.get(fld)
            g = None if g in (None, "") else _norm(g, fld)
            f = None if f in (None, "") else _norm(f, fld)
            if g is not None and f is not None and g == f:
                score.tp = 1
            else:
                if f is not None:
                    score.fp = 1
                    false_hits.append(f)
                if g is not None:
                    score.fn = 1
                    misses.append(g)
        elif fld == "persons":
            score.tp, misses, false_hits = _compare_persons(found, gold)
            score.fp, score.fn = len(false_hits), len(misses)
        else:
            g_set, f_set = _as_set(gold.get(fld), fld), _as_set(found.get(fld), fld)
            score.tp = len(g_set.keys() & f_set.keys())
            false_hits = [f_set[k] for k in f_set if k not in g_set]
            misses = [g_set[k] for k in g_set if k not in f_set]
            score.fp, score.fn = len(false_hits), len(misses)
        result.scores[fld] = score
        result.misses[fld] = misses
        result.false_hits[fld] = false_hits
    return result


def read_manifest(corpus_dir: Path) -> dict[str, dict[str, Any]]:
    """A folder's ``manifest.json`` as file name -> the stated fields it gives (:data:`MANIFEST_FIELDS`).

    No manifest: an empty mapping. An entry without a ``kind`` states nothing for that file.
    """
    path = corpus_dir / "manifest.json"
    if not path.is_file():
        return {}
    entries = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "file" in e for e in entries):
        raise ValueError(f"{path}: expected a list of objects with a 'file' key")
    return {str(e["file"]): {k: e[k] for k in MANIFEST_FIELDS if k in e} for e in entries}


def gold_record(gold: dict[str, Any], manifest_entry: dict[str, Any]) -> dict[str, Any]:
    """The gold JSON with the manifest's stated fields added where the gold JSON lacks the key (gold wins)."""
    return {**manifest_entry, **gold}


def _dirs(corpus_dir: Path | str | Iterable[Path | str], more: tuple[Path | str, ...]) -> list[Path]:
    if isinstance(corpus_dir, (str, Path)):
        dirs = [Path(corpus_dir)]
    else:
        dirs = [Path(d) for d in corpus_dir]
    return dirs + [Path(d) for d in more]


def evaluate(corpus_dir: Path | str | Iterable[Path | str], *more: Path | str,
             fields: Iterable[str] = FIELDS) -> EvalReport:
    """Run the extractor over one or more corpus folders and score it against their gold files."""
    fields = tuple(fields)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}; known: {', '.join(FIELDS)}")
    dirs = _dirs(corpus_dir, more)
    totals = {f: FieldScore() for f in fields}
    responses: eval_responses.ResponsesScore | None = None
    documents: list[DocResult] = []
    skipped: list[str] = []
    for d in dirs:
        docs_dir, gold_dir = d / "docs", d / "gold"
        if not docs_dir.is_dir() or not gold_dir.is_dir():
            raise FileNotFoundError(f"{d} is not a corpus folder (needs docs/ and gold/)")
        doc_files = {p.stem: p for p in sorted(docs_dir.glob("*.txt"))}
        manifest = read_manifest(d)
        gold_files = {p.stem: p for p in sorted(gold_dir.glob("*.json"))}
        for stem in sorted(doc_files.keys() - gold_files.keys()):
            skipped.append(f"{d.name}/{stem}: no gold")
        for stem in sorted(gold_files.keys() - doc_files.keys()):
            skipped.append(f"{d.name}/{stem}: no document")
        for stem in sorted(doc_files.keys() & gold_files.keys()):
            text = doc_files[stem].read_text(encoding="utf-8")
            gold = json.loads(gold_files[stem].read_text(encoding="utf-8"))
            if not eval_responses.is_responses_gold(gold):     # a responses manifest's kind is the kind of page
                gold = gold_record(gold, manifest.get(doc_files[stem].name, {}))
            found = summarise(extract(text))
            doc_fields = fields
            if eval_responses.is_responses_gold(gold):
                if responses is None:
                    responses = eval_responses.ResponsesScore()
                eval_responses.score(responses, f"{d.name}/{stem}", found, gold)
                doc_fields = tuple(f for f in fields if f in gold)    # only the entity fields it states
            result = compare(found, gold, doc_fields, doc=f"{d.name}/{stem}", path=str(doc_files[stem]))
            for f, score in result.scores.items():
                totals[f].add(score)
            documents.append(result)
    return EvalReport(corpora=[str(d) for d in dirs], fields=totals, documents=documents, skipped=skipped,
                      responses=responses)


def format_table(report: EvalReport) -> str:
    """Per-field precision/recall/F1 as a fixed-width table; says in how many documents each stated field was scored.
    With responses gold, the responses tables follow (the field table is left out when no document was scored on
    any field)."""
    if report.responses and not any(d.scores for d in report.documents):
        return eval_responses.format_table(report.responses) + f"\nfrom {', '.join(report.corpora)}"
    head = f"{'field':<14}{'gold':>6}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"
    lines = [head, "-" * len(head)]
    total = FieldScore()
    for name, s in report.fields.items():
        total.add(s)
        lines.append(f"{name:<14}{s.gold:>6}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
                     f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    lines.append("-" * len(head))
    lines.append(f"{'all (micro)':<14}{total.gold:>6}{total.tp:>6}{total.fp:>6}{total.fn:>6}"
                 f"{total.precision:>8.3f}{total.recall:>8.3f}{total.f1:>8.3f}")
    lines.append(f"{len(report.documents)} documents from {', '.join(report.corpora)}")
    stated = [f for f in STATED_FIELDS if f in report.fields]
    if stated:
        n = len(report.documents)
        counts = ", ".join(f"{f} in {report.documents_scored_on(f)} of {n}" for f in stated)
        lines.append(f"scored only where the gold states them: {counts} documents")
    if report.skipped:
        lines.append(f"skipped: {'; '.join(report.skipped)}")
    if report.responses:
        lines.extend(["", eval_responses.format_table(report.responses)])
    return "\n".join(lines)


def format_errors(report: EvalReport) -> str:
    """Every document with a miss or a false hit: ``- value`` missed, ``+ value`` found but not in the gold."""
    lines: list[str] = []
    for d in report.documents:
        if d.ok:
            continue
        lines.append(f"{d.doc}  ({d.path})")
        for f in d.scores:
            for v in d.misses.get(f, []):
                lines.append(f"  {f:<13} - {v}")
            for v in d.false_hits.get(f, []):
                lines.append(f"  {f:<13} + {v}")
    if report.responses:
        lines.extend([*(["", "responses:"] if lines else []), eval_responses.format_errors(report.responses)])
    if not lines:
        return "no errors"
    return "\n".join(lines)


def report_json(report: EvalReport) -> dict[str, Any]:
    """The report as plain JSON data (what ``missiongraph eval --json`` prints)."""
    return report.as_json()
