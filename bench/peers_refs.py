"""Compare Kamerstuk reference extraction with peers' patterns on the gold corpus (precision/recall/F1).

    .venv/bin/python bench/peers_refs.py [CORPUS_DIR ...]      (default: loader/sample/seeds loader/sample/dev)

Peers measured:

- **wetsuite** (``pip install --no-deps wetsuite``, version 1.0.1 tested): the Kamerstukken citation pattern of
  ``wetsuite.helpers.patterns.find_references`` and, separately, the publication-id pattern ``_re_bekendid`` of
  ``wetsuite.helpers.meta`` (``kst-26643-144``; off by default in ``find_references``). Importing
  ``wetsuite.helpers.patterns`` downloads a data set at import time, so this script reads the two patterns from
  the installed package's source files instead of importing them, and applies the same placeholder expansion
  the source applies (``' '`` -> one or more white space, ``'@'`` -> zero or more). The peers return matched text,
  not ids, so :func:`wetsuite_values` turns a match into ``DOSSIER[-SUB]-NR`` values (our adapter, lenient:
  every ``nr.`` and every capital-letter item after the dossier becomes a reference).
- **tkconv / OpenTK** (berthubert/tkconv): its Kamerstuk reference linker was not found in the public source
  versions available to us, so it is not measured (rather than guessed).

Scoring is the same as ``missiongraph.eval`` (set per document, micro-averaged). The peers do not know which
number is the document's own, so for every extractor the gold ``self`` value is removed from the found set
before scoring (an oracle that favours the peers).
"""

from __future__ import annotations

import importlib.metadata as md
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = [ROOT / "loader" / "sample" / "seeds", ROOT / "loader" / "sample" / "dev"]


# ---------------------------------------------------------------------------------------------------------
# wetsuite, read from the installed package
# ---------------------------------------------------------------------------------------------------------

def _wetsuite_source(relpath: str) -> str | None:
    try:
        dist = md.distribution("wetsuite")
    except md.PackageNotFoundError:
        return None
    return Path(dist.locate_file(relpath)).read_text(encoding="utf-8")


def wetsuite_patterns() -> dict[str, re.Pattern[str]] | None:
    """The peer's patterns as the installed package defines them, or None when wetsuite is not installed."""
    patterns_src = _wetsuite_source("wetsuite/helpers/patterns.py")
    meta_src = _wetsuite_source("wetsuite/helpers/meta.py")
    if patterns_src is None or meta_src is None:
        return None
    m = re.search(r'^\s*kre = r"(.*)"\s*$', patterns_src, re.MULTILINE)
    expansion = 'kre = kre.replace( " ", r"[\\n\\s]+" ).replace( "@", r"[\\n\\s]*" )'
    if not m or expansion not in patterns_src:
        raise RuntimeError("wetsuite's kamerstukken pattern has changed; update bench/peers_refs.py")
    kre = m.group(1).replace(" ", r"[\n\s]+").replace("@", r"[\n\s]*")
    b = re.search(r'^_re_bekendid = re\.compile\(r"(.*)"\)\s*$', meta_src, re.MULTILINE)
    if not b:
        raise RuntimeError("wetsuite's _re_bekendid pattern has changed; update bench/peers_refs.py")
    return {"kamerstukken": re.compile(kre, re.MULTILINE), "bekendid": re.compile(b.group(1))}


_ITEM = re.compile(r",\s*(?:(?P<nr>(?:nr|p|blz)\.)\s*(?P<n>[0-9-]+)|item\s+\d+|(?P<d>\d+)(?:\s+(?P<sub>[XVI]+))?|"
                   r"(?P<letter>[A-Z]+))")
_KST_ID = re.compile(r"kst-(\d+)(?:-(\d{2}|[ivxl]+))?-([0-9a-z]+)")


def wetsuite_values(text: str, pats: dict[str, re.Pattern[str]], with_ids: bool) -> set[str]:
    out: set[str] = set()
    for m in pats["kamerstukken"].finditer(text):
        if m.group(1) != "Kamerstukken":
            continue   # Handelingen
        dossier = sub = None
        for it in _ITEM.finditer(m.group(4) or ""):
            if it.group("d") and dossier is None:
                dossier, sub = it.group("d"), it.group("sub")
            elif dossier and it.group("nr") == "nr." and it.group("n"):
                out.add(_join(dossier, sub, it.group("n")))
            elif dossier and it.group("letter"):
                out.add(_join(dossier, sub, it.group("letter")))
    if with_ids:
        for m in pats["bekendid"].finditer(text):
            k = _KST_ID.fullmatch(m.group(1)) or _KST_ID.match(m.group(1))
            if k and k.group(3):
                out.add(_join(k.group(1), k.group(2), k.group(3)))
    return out


def _join(dossier: str, sub: str | None, nr: str) -> str:
    nr = nr.upper() if not nr.isdigit() else str(int(nr))
    return f"{dossier}-{sub.upper()}-{nr}" if sub else f"{dossier}-{nr}"


# ---------------------------------------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------------------------------------

def load_corpus(dirs: list[Path]) -> list[tuple[str, str, dict]]:
    docs = []
    for d in dirs:
        for p in sorted((d / "docs").glob("*.txt")):
            g = d / "gold" / f"{p.stem}.json"
            if g.exists():
                docs.append((f"{d.name}/{p.stem}", p.read_text(encoding="utf-8"), json.loads(g.read_text("utf-8"))))
    return docs


def score(docs, extractor) -> tuple[int, int, int, list[str]]:
    tp = fp = fn = 0
    notes = []
    for name, text, gold in docs:
        found = set(extractor(text)) - {gold.get("self")}
        want = set(gold.get("kamerstukken") or [])
        tp += len(found & want)
        fp += len(found - want)
        fn += len(want - found)
        if found != want:
            notes.append(f"{name}: missed {sorted(want - found)} false {sorted(found - want)}")
    return tp, fp, fn, notes


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    dirs = [Path(a) for a in argv if a != "-v"] or DEFAULT_CORPORA
    docs = load_corpus(dirs)

    sys.path.insert(0, str(ROOT))
    from missiongraph.extract import extract, summarise

    extractors = {"missiongraph": lambda t: summarise(extract(t))["kamerstukken"] + [summarise(extract(t))["self"]]}
    pats = wetsuite_patterns()
    if pats is None:
        print("wetsuite not installed (pip install --no-deps wetsuite): skipped")
    else:
        extractors["wetsuite find_references (kamerstukken)"] = lambda t: wetsuite_values(t, pats, False)
        extractors["wetsuite + bekendmaking ids (kst-...)"] = lambda t: wetsuite_values(t, pats, True)
    print("tkconv/OpenTK: Kamerstuk reference pattern not found in the public source available; not measured")

    gold_items = sum(len(set(g.get("kamerstukken") or [])) for _, _, g in docs)
    print(f"\n{len(docs)} documents, {gold_items} gold Kamerstuk citations "
          f"({', '.join(str(d) for d in dirs)})\n")
    print(f"{'extractor':<44}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for name, fn_ in extractors.items():
        tp, fp, fn, notes = score(docs, fn_)
        p, r, f = prf(tp, fp, fn)
        print(f"{name:<44}{tp:>5}{fp:>5}{fn:>5}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
        if verbose:
            for n in notes:
                print("    " + n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
