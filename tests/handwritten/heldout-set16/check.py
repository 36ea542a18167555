#!/usr/bin/env python3
"""Validate gold/zNN.json against docs/zNN.txt: schema, stance values, verbatim quotes."""
import json, re, sys, pathlib

HERE = pathlib.Path(__file__).resolve().parent
STANCES = {"full", "partial", "rejected", None}
ITEM_KEYS = {"number", "stance", "quote"}
ITEM_OPT = {"collective", "doubt"}
TOP_KEYS = {"recommendations", "findings", "commitments", "responds_to"}

def fold(s):
    for a, b in [("‘", "'"), ("’", "'"), ("‚", "'"), ("‛", "'"), ("“", '"'), ("”", '"'),
                 ("„", '"'), ("«", '"'), ("»", '"'), ("‹", "'"), ("›", "'"), ("\u00a0", " ")]:
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip().casefold()

def check(name):
    errs = []
    doc = (HERE / "docs" / f"{name}.txt").read_text(encoding="utf-8")
    n = len(doc)
    if not 1200 <= n <= 2500:
        errs.append(f"length {n} outside 1200-2500")
    fdoc = fold(doc)
    try:
        g = json.loads((HERE / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    except Exception as e:
        return [f"invalid JSON: {e}"]
    if set(g) != TOP_KEYS:
        errs.append(f"top-level keys {sorted(g)}")
    for kind in ("recommendations", "findings"):
        if not isinstance(g.get(kind), list):
            errs.append(f"{kind} not a list"); continue
        for i, it in enumerate(g[kind]):
            keys = set(it)
            if not ITEM_KEYS <= keys or keys - ITEM_KEYS - ITEM_OPT:
                errs.append(f"{kind}[{i}] keys {sorted(keys)}")
            if it.get("stance") not in STANCES:
                errs.append(f"{kind}[{i}] stance {it.get('stance')!r}")
            if it.get("number") is not None and not isinstance(it["number"], str):
                errs.append(f"{kind}[{i}] number not string/null")
            for o in ITEM_OPT:
                if o in it and it[o] is not True:
                    errs.append(f"{kind}[{i}] {o} must be true when present")
            q = it.get("quote")
            if not isinstance(q, str) or not q or fold(q) not in fdoc:
                errs.append(f"{kind}[{i}] quote not in doc: {q!r}")
    if not isinstance(g.get("commitments"), list):
        errs.append("commitments not a list")
    else:
        for i, c in enumerate(g["commitments"]):
            if set(c) != {"quote"}:
                errs.append(f"commitments[{i}] keys {sorted(c)}")
            q = c.get("quote")
            if not isinstance(q, str) or not q or fold(q) not in fdoc:
                errs.append(f"commitments[{i}] quote not in doc: {q!r}")
    rt = g.get("responds_to")
    if rt is not None:
        if not isinstance(rt, dict) or set(rt) != {"title", "author"}:
            errs.append(f"responds_to malformed: {rt!r}")
        else:
            for k in ("title", "author"):
                if rt[k] is not None and not isinstance(rt[k], str):
                    errs.append(f"responds_to.{k} not string/null")
    return errs

def main():
    names = sorted(p.stem for p in (HERE / "docs").glob("z*.txt"))
    golds = sorted(p.stem for p in (HERE / "gold").glob("z*.json"))
    bad = 0
    if names != golds:
        print("docs/gold mismatch", names, golds); bad += 1
    for nm in names:
        if not (HERE / "notes" / f"{nm}.txt").exists():
            print(f"{nm}: missing notes"); bad += 1
        for e in check(nm):
            print(f"{nm}: {e}"); bad += 1
    print(f"{len(names)} documents checked, {bad} problem(s)")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
