#!/usr/bin/env python3
"""Validate gold/vNN.json against docs/vNN.txt for heldout-set9.

Checks: valid JSON; exact top-level keys; item keys and types; stance values;
responds_to shape; every quote occurs in its document after folding case,
curly quotes / guillemets and whitespace. Exit code 1 on any error.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
STANCES = {"full", "partial", "rejected", None}
TOP = {"recommendations", "findings", "commitments", "responds_to"}
ITEM_REQ = {"number", "stance", "quote"}
ITEM_OPT = {"collective", "doubt"}

QMAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    "\u00a0": " ", "\u202f": " ",
})

def fold(s):
    return re.sub(r"\s+", " ", s.translate(QMAP).casefold()).strip()

def main():
    errors = []
    names = sorted(f[:-5] for f in os.listdir(os.path.join(HERE, "gold")) if f.endswith(".json"))
    docs = sorted(f[:-4] for f in os.listdir(os.path.join(HERE, "docs")) if f.endswith(".txt"))
    if names != docs:
        errors.append(f"gold/docs mismatch: {set(names) ^ set(docs)}")
    n_items = 0
    for n in names:
        def err(m):
            errors.append(f"{n}: {m}")
        try:
            g = json.load(open(os.path.join(HERE, "gold", n + ".json"), encoding="utf-8"))
        except Exception as e:
            err(f"invalid JSON: {e}"); continue
        text = open(os.path.join(HERE, "docs", n + ".txt"), encoding="utf-8").read()
        if not 1200 <= len(text) <= 2500:
            err(f"length {len(text)} outside 1200-2500")
        if not os.path.exists(os.path.join(HERE, "notes", n + ".txt")):
            err("missing notes file")
        ft = fold(text)
        if not isinstance(g, dict) or set(g) != TOP:
            err(f"top-level keys {sorted(g) if isinstance(g, dict) else type(g)}"); continue
        for kind in ("recommendations", "findings"):
            if not isinstance(g[kind], list):
                err(f"{kind} not a list"); continue
            for i, it in enumerate(g[kind]):
                n_items += 1
                if not isinstance(it, dict):
                    err(f"{kind}[{i}] not an object"); continue
                keys = set(it)
                if not ITEM_REQ <= keys or keys - ITEM_REQ - ITEM_OPT:
                    err(f"{kind}[{i}] keys {sorted(keys)}")
                if it.get("stance") not in STANCES:
                    err(f"{kind}[{i}] bad stance {it.get('stance')!r}")
                if it.get("number") is not None and not isinstance(it["number"], str):
                    err(f"{kind}[{i}] number must be string or null")
                for b in ITEM_OPT:
                    if b in it and it[b] is not True:
                        err(f"{kind}[{i}] {b} must be true when present")
                q = it.get("quote")
                if not isinstance(q, str) or not q.strip():
                    err(f"{kind}[{i}] empty quote")
                elif fold(q) not in ft:
                    err(f"{kind}[{i}] quote not in text: {q!r}")
        if not isinstance(g["commitments"], list):
            err("commitments not a list")
        else:
            for i, c in enumerate(g["commitments"]):
                if not isinstance(c, dict) or set(c) != {"quote"}:
                    err(f"commitments[{i}] must be {{'quote': ...}}"); continue
                if not isinstance(c["quote"], str) or fold(c["quote"]) not in ft:
                    err(f"commitments[{i}] quote not in text: {c['quote']!r}")
        rt = g["responds_to"]
        if rt is not None:
            if not isinstance(rt, dict) or set(rt) != {"title", "author"}:
                err("responds_to must be null or {title, author}")
            else:
                for k in ("title", "author"):
                    if rt[k] is not None and not isinstance(rt[k], str):
                        err(f"responds_to.{k} must be string or null")
    for e in errors:
        print("ERROR", e)
    print(f"{len(names)} documents, {n_items} items, {len(errors)} errors")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
