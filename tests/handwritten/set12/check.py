#!/usr/bin/env python3
"""Validate the gold files of this held-out set against the corpus schema.

Checks per sNN: docs/sNN.txt exists (UTF-8, 1,200-2,500 characters), gold/sNN.json parses,
has exactly the four top-level keys, items have number/stance/quote (+ optional collective/doubt = true),
stance in {full, partial, rejected, null}, commitments are {quote}, responds_to is null or {title, author},
and every quote occurs in the document after folding case, curly quotes/guillemets and whitespace.
"""
import json, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STANCES = {"full", "partial", "rejected", None}
QUOTE_MAP = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'",
                           "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                           "‹": "'", "›": "'", "\u00a0": " "})

def fold(s):
    s = s.translate(QUOTE_MAP).casefold()
    return re.sub(r"\s+", " ", s).strip()

def check(stem):
    errs = []
    doc = (HERE / "docs" / f"{stem}.txt").read_text(encoding="utf-8")
    n = len(doc)
    if not 1200 <= n <= 2500:
        errs.append(f"length {n} outside 1200-2500")
    if not (HERE / "notes" / f"{stem}.txt").exists():
        errs.append("notes file missing")
    try:
        g = json.loads((HERE / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    except Exception as e:
        return [f"JSON error: {e}"]
    if set(g) != {"recommendations", "findings", "commitments", "responds_to"}:
        errs.append(f"top-level keys {sorted(g)}")
    fdoc = fold(doc)
    for kind in ("recommendations", "findings"):
        if not isinstance(g.get(kind), list):
            errs.append(f"{kind} not a list"); continue
        for i, it in enumerate(g[kind]):
            keys = set(it)
            if not {"number", "stance", "quote"} <= keys or keys - {"number", "stance", "quote", "collective", "doubt"}:
                errs.append(f"{kind}[{i}] keys {sorted(keys)}")
            if it.get("stance") not in STANCES:
                errs.append(f"{kind}[{i}] stance {it.get('stance')!r}")
            if it.get("number") is not None and not isinstance(it["number"], str):
                errs.append(f"{kind}[{i}] number must be string or null")
            for flag in ("collective", "doubt"):
                if flag in it and it[flag] is not True:
                    errs.append(f"{kind}[{i}] {flag} must be true when present")
            q = it.get("quote")
            if not isinstance(q, str) or not q.strip():
                errs.append(f"{kind}[{i}] empty quote")
            elif fold(q) not in fdoc:
                errs.append(f"{kind}[{i}] quote not in doc: {q!r}")
    if not isinstance(g.get("commitments"), list):
        errs.append("commitments not a list")
    else:
        for i, c in enumerate(g["commitments"]):
            if set(c) != {"quote"}:
                errs.append(f"commitments[{i}] keys {sorted(c)}")
            elif fold(c["quote"]) not in fdoc:
                errs.append(f"commitments[{i}] quote not in doc: {c['quote']!r}")
    rt = g.get("responds_to")
    if rt is not None:
        if not isinstance(rt, dict) or set(rt) != {"title", "author"}:
            errs.append(f"responds_to keys {rt!r}")
        else:
            for k in ("title", "author"):
                if rt[k] is not None and not isinstance(rt[k], str):
                    errs.append(f"responds_to.{k} not string/null")
    return errs

def main():
    stems = sorted(p.stem for p in (HERE / "docs").glob("s*.txt"))
    gold = sorted(p.stem for p in (HERE / "gold").glob("s*.json"))
    bad = 0
    if stems != gold:
        print("docs/gold mismatch:", stems, gold); bad += 1
    for s in stems:
        e = check(s)
        print(f"{s}: {'OK' if not e else 'FAIL'}")
        for x in e:
            print("   ", x)
        bad += bool(e)
    print(f"{len(stems)} documents, {bad} with errors")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
