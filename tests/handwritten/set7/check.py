#!/usr/bin/env python3
"""Validate heldout-set7: gold schema, stance values, verbatim quotes (after folding)."""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
STANCES = {"full", "partial", "rejected", None}
ITEM_KEYS = {"number", "stance", "quote"}
ITEM_OPT = {"collective", "doubt"}
TOP_KEYS = {"recommendations", "findings", "commitments", "responds_to"}

QUOTE_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
}

def fold(s):
    s = "".join(QUOTE_MAP.get(c, c) for c in s)
    s = s.replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    return s.casefold()

def check(name):
    errs = []
    doc = (ROOT / "docs" / f"{name}.txt").read_text(encoding="utf-8")
    n = len(doc)
    if not 1200 <= n <= 2500:
        errs.append(f"length {n} outside 1200-2500")
    if not (ROOT / "notes" / f"{name}.txt").exists():
        errs.append("notes file missing")
    try:
        g = json.loads((ROOT / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    except Exception as e:
        return [f"invalid JSON: {e}"]
    if set(g) != TOP_KEYS:
        errs.append(f"top-level keys {sorted(g)}")
        return errs
    fdoc = fold(doc)
    def has(q):
        return isinstance(q, str) and q.strip() != "" and fold(q) in fdoc
    for kind in ("recommendations", "findings"):
        if not isinstance(g[kind], list):
            errs.append(f"{kind} not a list"); continue
        for i, it in enumerate(g[kind]):
            keys = set(it)
            if not ITEM_KEYS <= keys or keys - ITEM_KEYS - ITEM_OPT:
                errs.append(f"{kind}[{i}] keys {sorted(keys)}")
            if it.get("stance") not in STANCES:
                errs.append(f"{kind}[{i}] bad stance {it.get('stance')!r}")
            num = it.get("number")
            if num is not None and not isinstance(num, str):
                errs.append(f"{kind}[{i}] number must be string or null")
            for opt in ITEM_OPT:
                if opt in it and it[opt] is not True:
                    errs.append(f"{kind}[{i}] {opt} must be true when present")
            if not has(it.get("quote")):
                errs.append(f"{kind}[{i}] quote not in doc: {it.get('quote')!r}")
    if not isinstance(g["commitments"], list):
        errs.append("commitments not a list")
    else:
        for i, c in enumerate(g["commitments"]):
            if set(c) != {"quote"}:
                errs.append(f"commitments[{i}] keys {sorted(c)}")
            if not has(c.get("quote")):
                errs.append(f"commitments[{i}] quote not in doc: {c.get('quote')!r}")
    rt = g["responds_to"]
    if rt is not None:
        if not isinstance(rt, dict) or set(rt) != {"title", "author"}:
            errs.append(f"responds_to shape {rt!r}")
        else:
            for k in ("title", "author"):
                if rt[k] is not None and not isinstance(rt[k], str):
                    errs.append(f"responds_to.{k} must be string or null")
    return errs

def main():
    names = sorted(p.stem for p in (ROOT / "docs").glob("z*.txt"))
    gold = sorted(p.stem for p in (ROOT / "gold").glob("z*.json"))
    bad = 0
    if names != gold:
        print("docs/gold mismatch:", set(names) ^ set(gold)); bad += 1
    for name in names:
        errs = check(name)
        if errs:
            bad += 1
            for e in errs:
                print(f"{name}: {e}")
    print(f"{len(names)} documents checked, {bad} with errors")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
