#!/usr/bin/env python3
"""Validate gold/zNN.json against docs/zNN.txt: schema, stance values, verbatim quotes (after folding)."""
import json, re, sys, unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
STANCES = {None, "full", "partial", "rejected"}
TOP = {"recommendations", "findings", "commitments", "responds_to"}
ITEM_REQ = {"number", "stance", "quote"}
ITEM_OPT = {"collective", "doubt"}
QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
          "\u2039": "'", "\u203a": "'"}

def fold(s):
    s = unicodedata.normalize("NFC", s)
    for a, b in QUOTES.items():
        s = s.replace(a, b)
    s = s.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().casefold()

def check(name):
    errs = []
    doc = (HERE / "docs" / f"{name}.txt").read_text(encoding="utf-8")
    n = len(doc)
    if not 1200 <= n <= 2500:
        errs.append(f"length {n} outside 1200-2500")
    fd = fold(doc)
    try:
        g = json.loads((HERE / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    except Exception as e:
        return [f"bad JSON: {e}"]
    if set(g) != TOP:
        errs.append(f"top keys {sorted(g)}")
    for kind in ("recommendations", "findings"):
        for i, it in enumerate(g.get(kind, [])):
            keys = set(it)
            if not ITEM_REQ <= keys or keys - ITEM_REQ - ITEM_OPT:
                errs.append(f"{kind}[{i}] keys {sorted(keys)}")
            if it.get("stance") not in STANCES:
                errs.append(f"{kind}[{i}] stance {it.get('stance')!r}")
            if it.get("number") is not None and not isinstance(it["number"], str):
                errs.append(f"{kind}[{i}] number must be string or null")
            for opt in ITEM_OPT:
                if opt in it and it[opt] is not True:
                    errs.append(f"{kind}[{i}] {opt} must be true when present")
            q = it.get("quote")
            if not isinstance(q, str) or not q.strip() or fold(q) not in fd:
                errs.append(f"{kind}[{i}] quote not in doc: {q!r}")
    for i, c in enumerate(g.get("commitments", [])):
        if set(c) != {"quote"}:
            errs.append(f"commitments[{i}] keys {sorted(c)}")
        q = c.get("quote")
        if not isinstance(q, str) or not q.strip() or fold(q) not in fd:
            errs.append(f"commitments[{i}] quote not in doc: {q!r}")
    rt = g.get("responds_to")
    if rt is not None:
        if not isinstance(rt, dict) or set(rt) != {"title", "author"}:
            errs.append(f"responds_to {rt!r}")
        else:
            for k in ("title", "author"):
                if rt[k] is not None and not isinstance(rt[k], str):
                    errs.append(f"responds_to.{k} not str/null")
    return errs

def main():
    names = sorted(p.stem for p in (HERE / "docs").glob("z*.txt"))
    golds = sorted(p.stem for p in (HERE / "gold").glob("z*.json"))
    notes = sorted(p.stem for p in (HERE / "notes").glob("z*.txt"))
    bad = 0
    if names != golds or names != notes:
        print("file sets differ:", names, golds, notes); bad += 1
    for n in names:
        errs = check(n)
        for e in errs:
            print(f"{n}: {e}")
        bad += bool(errs)
    print(f"{len(names)} documents checked, {bad} with problems")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
