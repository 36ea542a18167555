#!/usr/bin/env python3
"""Validate the gold files of this held-out set: JSON, keys, stance values, and that every quote
occurs in its document after folding case, curly quotes/guillemets and whitespace."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
STANCES = {"full", "partial", "rejected", None}
ITEM_KEYS = {"number", "stance", "quote"}
OPT_KEYS = {"collective", "doubt"}
QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
          "\u2039": "'", "\u203a": "'"}

def fold(s):
    for a, b in QUOTES.items():
        s = s.replace(a, b)
    s = s.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()

def main():
    errors = []
    docs = sorted(f[:-4] for f in os.listdir(os.path.join(HERE, "docs")) if f.endswith(".txt"))
    golds = sorted(f[:-5] for f in os.listdir(os.path.join(HERE, "gold")) if f.endswith(".json"))
    if docs != golds:
        errors.append(f"docs/gold mismatch: {docs} vs {golds}")
    for name in docs:
        text = open(os.path.join(HERE, "docs", name + ".txt"), encoding="utf-8").read()
        if not 1200 <= len(text) <= 2500:
            errors.append(f"{name}: length {len(text)} outside 1200-2500")
        if not os.path.exists(os.path.join(HERE, "notes", name + ".txt")):
            errors.append(f"{name}: notes missing")
        ftext = fold(text)
        try:
            g = json.load(open(os.path.join(HERE, "gold", name + ".json"), encoding="utf-8"))
        except Exception as e:
            errors.append(f"{name}: bad JSON: {e}"); continue
        if set(g) != {"recommendations", "findings", "commitments", "responds_to"}:
            errors.append(f"{name}: top-level keys {sorted(g)}")
            continue
        for kind in ("recommendations", "findings"):
            if not isinstance(g[kind], list):
                errors.append(f"{name}: {kind} not a list"); continue
            for i, it in enumerate(g[kind]):
                keys = set(it)
                if not ITEM_KEYS <= keys or keys - ITEM_KEYS - OPT_KEYS:
                    errors.append(f"{name}: {kind}[{i}] keys {sorted(keys)}")
                if it.get("stance") not in STANCES:
                    errors.append(f"{name}: {kind}[{i}] stance {it.get('stance')!r}")
                if it.get("number") is not None and not isinstance(it["number"], str):
                    errors.append(f"{name}: {kind}[{i}] number must be string or null")
                for k in OPT_KEYS:
                    if k in it and not isinstance(it[k], bool):
                        errors.append(f"{name}: {kind}[{i}] {k} must be boolean")
                q = it.get("quote")
                if not isinstance(q, str) or not q.strip():
                    errors.append(f"{name}: {kind}[{i}] empty quote")
                elif fold(q) not in ftext:
                    errors.append(f"{name}: {kind}[{i}] quote not in text: {q!r}")
        if not isinstance(g["commitments"], list):
            errors.append(f"{name}: commitments not a list")
        else:
            for i, c in enumerate(g["commitments"]):
                if set(c) != {"quote"}:
                    errors.append(f"{name}: commitments[{i}] keys {sorted(c)}")
                elif fold(c["quote"]) not in ftext:
                    errors.append(f"{name}: commitments[{i}] quote not in text: {c['quote']!r}")
        rt = g["responds_to"]
        if rt is not None and (not isinstance(rt, dict) or set(rt) != {"title", "author"}):
            errors.append(f"{name}: responds_to malformed")
    for e in errors:
        print("ERROR", e)
    print(f"{len(docs)} documents checked, {len(errors)} errors")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
