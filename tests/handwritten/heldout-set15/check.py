#!/usr/bin/env python3
"""Validate gold/zNN.json against docs/zNN.txt: schema, stance values, verbatim quotes."""
import json, re, sys, unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
STANCES = {None, "full", "partial", "rejected"}
TOP = {"recommendations", "findings", "commitments", "responds_to"}
ITEM_REQ = {"number", "stance", "quote"}
ITEM_OPT = {"collective", "doubt"}
QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
          "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'"}

def fold(s):
    s = unicodedata.normalize("NFC", s)
    s = "".join(QUOTES.get(c, c) for c in s)
    s = s.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().casefold()

def main():
    errors, n = [], 0
    for g in sorted((HERE / "gold").glob("z*.json")):
        n += 1
        name = g.stem
        doc = HERE / "docs" / f"{name}.txt"
        if not doc.exists():
            errors.append(f"{name}: missing doc"); continue
        text = doc.read_text(encoding="utf-8")
        if not 1200 <= len(text) <= 2500:
            errors.append(f"{name}: doc length {len(text)} outside 1200-2500")
        if not (HERE / "notes" / f"{name}.txt").exists():
            errors.append(f"{name}: missing notes")
        ftext = fold(text)
        try:
            d = json.loads(g.read_text(encoding="utf-8"))
        except Exception as e:
            errors.append(f"{name}: bad JSON: {e}"); continue
        if set(d) != TOP:
            errors.append(f"{name}: top-level keys {sorted(d)}")
            continue
        for kind in ("recommendations", "findings"):
            if not isinstance(d[kind], list):
                errors.append(f"{name}: {kind} not a list"); continue
            for i, it in enumerate(d[kind]):
                keys = set(it)
                if not ITEM_REQ <= keys or keys - ITEM_REQ - ITEM_OPT:
                    errors.append(f"{name}: {kind}[{i}] keys {sorted(keys)}")
                if it.get("stance") not in STANCES:
                    errors.append(f"{name}: {kind}[{i}] stance {it.get('stance')!r}")
                if it.get("number") is not None and not isinstance(it["number"], str):
                    errors.append(f"{name}: {kind}[{i}] number must be string or null")
                for opt in ITEM_OPT:
                    if opt in it and it[opt] is not True:
                        errors.append(f"{name}: {kind}[{i}] {opt} must be true when present")
                q = it.get("quote")
                if not isinstance(q, str) or not q.strip() or fold(q) not in ftext:
                    errors.append(f"{name}: {kind}[{i}] quote not in text: {q!r}")
        if not isinstance(d["commitments"], list):
            errors.append(f"{name}: commitments not a list")
        else:
            for i, c in enumerate(d["commitments"]):
                if set(c) != {"quote"}:
                    errors.append(f"{name}: commitments[{i}] keys {sorted(c)}")
                q = c.get("quote")
                if not isinstance(q, str) or not q.strip() or fold(q) not in ftext:
                    errors.append(f"{name}: commitments[{i}] quote not in text: {q!r}")
        rt = d["responds_to"]
        if rt is not None:
            if not isinstance(rt, dict) or set(rt) != {"title", "author"}:
                errors.append(f"{name}: responds_to must be null or {{title, author}}")
            else:
                for k in ("title", "author"):
                    if rt[k] is not None and not isinstance(rt[k], str):
                        errors.append(f"{name}: responds_to.{k} must be string or null")
    for e in errors:
        print("FAIL", e)
    print(f"{n} gold files checked, {len(errors)} error(s)")
    return 1 if errors or n != 16 else 0

if __name__ == "__main__":
    sys.exit(main())
