"""Score the responses extractor (items, stances, commitments, the report answered) against gold annotations in
the format of ``shared/corpus/responses`` (its README defines every field):

    {"recommendations": [{"number": "2.1" | null, "stance": "full" | "partial" | "rejected" | null,
                          "quote": "first words ...", "collective": true?, "doubt": true?}, ...],
     "findings": [same shape],
     "commitments": [{"quote": "first words of the sentence"}, ...],
     "responds_to": {"title": ... | null, "author": ... | null} | null}

Matching, per document and kind (recommendations, findings), as ``shared/tools/score_responses.py`` does it:

1. a numbered gold item matches the first unused found item with the same number (case, dots and spaces ignored);
2. an unnumbered gold item matches the unused found item whose text contains its quote, or else the one whose words
   (of three letters or more) cover at least 60% of the quote's words (the best such);
3. found items left over are false hits, gold items left over are misses.

Quotes and texts are compared after folding case, curly quotes and white space (and dashes). Stance accuracy is
counted on the matched items, with a confusion matrix of gold against found stance (``none`` for null).
Commitments match the same way (quote in the commitment's text, else 60% of its words). The report's author is
found when the found author, or a part of it (parts split at ";" and " en ", brackets dropped), names the same
body as the gold author or a part of it: the same organisation of organisations.yaml, or one contains the other
after folding (whole names first: "Inspectie Gezondheidszorg en Jeugd" is one body, "IGJ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .scores import FieldScore

KINDS = ("recommendations", "findings")
STANCES = ("full", "partial", "rejected", "none")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-"})


def fold(text: str | None) -> str:
    return " ".join((text or "").lower().translate(_QUOTES).split())


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) >= 3}


def quote_score(quote: str, text: str) -> float:
    """1.0 when ``text`` contains ``quote`` (folded), else the share of the quote's words that are in the text."""
    q, t = fold(quote), fold(text)
    if q and q in t:
        return 1.0
    words = _words(quote)
    return len(words & _words(text)) / len(words) if words else 0.0


def _number(n: Any) -> str | None:
    if n is None:
        return None
    n = re.sub(r"[\s.]+$", "", str(n).strip().lower())
    return re.sub(r"\s+", "", n) or None


def match(gold: list[dict], found: list[dict], text_key: str = "text") -> tuple[list[tuple[dict, dict]], list[dict],
                                                                                 list[dict]]:
    """(pairs, missed gold, unmatched found), by number and then by quote (see the module docstring)."""
    used: set[int] = set()
    pairs: list[tuple[dict, dict]] = []
    missed: list[dict] = []
    for g in gold:
        if _number(g.get("number")) is None:
            continue
        i = next((i for i, f in enumerate(found) if i not in used and _number(f.get("number")) == _number(g["number"])),
                 None)
        if i is None:
            missed.append(g)
        else:
            used.add(i)
            pairs.append((g, found[i]))
    for g in gold:
        if _number(g.get("number")) is not None:
            continue
        best, score = None, 0.0
        for i, f in enumerate(found):
            if i not in used:
                s = quote_score(g.get("quote", ""), f.get(text_key, ""))
                if s > score:
                    best, score = i, s
        if best is not None and score >= 0.6:
            used.add(best)
            pairs.append((g, found[best]))
        else:
            missed.append(g)
    return pairs, missed, [f for i, f in enumerate(found) if i not in used]


@dataclass
class ResponsesScore:
    """Responses scores summed over documents, and the errors per document."""

    items: dict[str, FieldScore] = field(default_factory=lambda: {k: FieldScore() for k in (*KINDS, "items")})
    commitments: FieldScore = field(default_factory=FieldScore)
    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {g: {f: 0 for f in STANCES} for g in STANCES})
    authors_named: int = 0          # documents whose gold names the report's author
    authors_found: int = 0
    documents: int = 0
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def stance_matched(self) -> int:
        return sum(sum(row.values()) for row in self.confusion.values())

    @property
    def stance_correct(self) -> int:
        return sum(self.confusion[s][s] for s in STANCES)

    @property
    def stance_accuracy(self) -> float:
        return self.stance_correct / self.stance_matched if self.stance_matched else 1.0

    @property
    def author_rate(self) -> float:
        return self.authors_found / self.authors_named if self.authors_named else 1.0

    def as_json(self) -> dict[str, Any]:
        return {"documents": self.documents, "items": {k: c.as_json() for k, c in self.items.items()},
                "stance_accuracy": round(self.stance_accuracy, 4), "stance_matched": self.stance_matched,
                "stance_confusion": self.confusion, "commitments": self.commitments.as_json(),
                "authors_named": self.authors_named, "authors_found": self.authors_found,
                "errors": {d: e for d, e in self.errors.items() if e}}


def is_responses_gold(gold: dict[str, Any]) -> bool:
    """Whether a gold record is in the responses format (lists of items with quotes, or a responds_to key)."""
    return "responds_to" in gold or any(isinstance(gold.get(k), list) for k in (*KINDS, "commitments"))


def _stance(s: Any) -> str:
    return s if s in STANCES[:3] else "none"


def _label(item: dict) -> str:
    n = _number(item.get("number"))
    return f"#{item['number']}" if n is not None else f"\"{(item.get('quote') or item.get('text') or '')[:70]}\""


def _author_parts(author: str | None) -> list[str]:
    parts = []
    for part in re.split(r";|\s+en\s+", author or ""):
        for piece in re.split(r"[()]", part):
            piece = piece.strip(" ,")
            if piece:
                parts.append(piece)
    return parts


def author_found(gold: str | None, found: str | None) -> bool:
    """Whether the found author names the gold author (see the module docstring)."""
    from .extract.lookup import _organisations
    if not gold or not found:
        return False
    matcher = _organisations()[0]

    def canon(part: str) -> str:
        hit = next(matcher.finditer(part), None)
        return hit.id if hit else fold(part)

    for g in [gold, *_author_parts(gold)]:           # whole first: "Inspectie Gezondheidszorg en Jeugd" is one body
        for f in [found, *_author_parts(found)]:
            cg, cf = canon(g), canon(f)
            if cg == cf or fold(g) in fold(f) or fold(f) in fold(g):
                return True
    return False


def score(report: ResponsesScore, doc: str, found: dict[str, Any], gold: dict[str, Any]) -> None:
    """Add one document's scores (``found`` as ``extract --json`` gives it) to ``report``."""
    errors = report.errors.setdefault(doc, [])
    report.documents += 1
    for kind in KINDS:
        pairs, missed, extra = match(gold.get(kind) or [], found.get(kind) or [])
        counts = report.items[kind]
        counts.tp += len(pairs)
        counts.fp += len(extra)
        counts.fn += len(missed)
        for g, f in pairs:
            gs, fs = _stance(g.get("stance")), _stance(f.get("stance"))
            report.confusion[gs][fs] += 1
            if gs != fs:
                errors.append(f"{kind[:-1]} {_label(g)}: stance gold {gs}, found {fs}")
        for g in missed:
            errors.append(f"{kind[:-1]} missed {_label(g)} (gold stance {_stance(g.get('stance'))})")
        for f in extra:
            errors.append(f"{kind[:-1]} false hit {_label(f)} (stance {_stance(f.get('stance'))})")
    report.items["items"] = FieldScore(*(sum(getattr(report.items[k], a) for k in KINDS) for a in ("tp", "fp", "fn")))
    gold_commitments = gold.get("commitments") or []
    if isinstance(gold_commitments, list):
        pairs, missed, extra = match([{"quote": c.get("quote", ""), "number": None} for c in gold_commitments],
                                     [{"text": c.get("text", "")} for c in found.get("commitments") or []])
        report.commitments.tp += len(pairs)
        report.commitments.fp += len(extra)
        report.commitments.fn += len(missed)
        errors.extend(f"commitment missed \"{g['quote'][:70]}\"" for g in missed)
        errors.extend(f"commitment false hit \"{f['text'][:70]}\"" for f in extra)
    author = (gold.get("responds_to") or {}).get("author")
    if author:
        report.authors_named += 1
        got = (found.get("responds_to") or {}).get("author")
        if author_found(author, got):
            report.authors_found += 1
        else:
            errors.append(f"report author: gold {author!r}, found {got!r}")


def format_table(report: ResponsesScore) -> str:
    """The responses scores as fixed-width tables: items per kind, stance accuracy and confusion, commitments,
    authors."""
    head = f"{'responses':<16}{'gold':>6}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"
    lines = [head, "-" * len(head)]
    rows = [*((k, c) for k, c in report.items.items()), ("commitments", report.commitments)]
    for name, c in rows:
        lines.append(f"{name:<16}{c.tp + c.fn:>6}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
                     f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    lines.append("-" * len(head))
    lines.append(f"stance accuracy on matched items: {report.stance_correct}/{report.stance_matched} = "
                 f"{report.stance_accuracy:.3f}")
    lines.append(f"{'gold/found':<14}" + "".join(f"{s:>10}" for s in STANCES))
    for g in STANCES:
        lines.append(f"{g:<14}" + "".join(f"{report.confusion[g][f]:>10}" for f in STANCES))
    lines.append(f"report author found: {report.authors_found} of {report.authors_named} documents that name one "
                 f"({report.author_rate:.3f})")
    lines.append(f"{report.documents} documents with responses gold")
    return "\n".join(lines)


def format_errors(report: ResponsesScore) -> str:
    lines = []
    for doc, errors in report.errors.items():
        if errors:
            lines.append(doc)
            lines.extend(f"  {e}" for e in errors)
    return "\n".join(lines) if lines else "no errors"
