#!/usr/bin/env python3
"""Validate the gold files of this held-out set.

For each gold/uNN.json: valid JSON, exactly the expected keys, valid stance values,
and every quote occurs in docs/uNN.txt after folding case, curly quotes/guillemets
and whitespace. Exits non-zero on any problem.
"""
import json, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
TOP = {"recommendations", "findings", "commitments", "responds_to"}
ITEM_REQ = {"number", "stance", "quote"}
ITEM_OPT = {"collective", "doubt"}
STANCES = {"full", "partial", "rejected", None}
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'", "\u00a0": " "})

def fold(s):
    return re.sub(r"\s+", " ", s.translate(QUOTES)).strip().casefold()

def main():
    errors, n = [], 0
    golds = sorted((HERE / "gold").glob("*.json"))
    if not golds:
        errors.append("no gold files")
    for g in golds:
        n += 1
        name = g.stem
        doc = HERE / "docs" / f"{name}.txt"
        if not doc.exists():
            errors.append(f"{name}: missing docs/{name}.txt"); continue
        text = fold(doc.read_text(encoding="utf-8"))
        if not (HERE / "notes" / f"{name}.txt").exists():
            errors.append(f"{name}: missing notes/{name}.txt")
        try:
            data = json.loads(g.read_text(encoding="utf-8"))
        except Exception as e:
            errors.append(f"{name}: invalid JSON: {e}"); continue
        if not isinstance(data, dict) or set(data) != TOP:
            errors.append(f"{name}: top-level keys {sorted(data) if isinstance(data, dict) else type(data)}"); continue
        for kind in ("recommendations", "findings"):
            if not isinstance(data[kind], list):
                errors.append(f"{name}: {kind} is not a list"); continue
            for i, it in enumerate(data[kind]):
                where = f"{name}: {kind}[{i}]"
                if not isinstance(it, dict):
                    errors.append(f"{where}: not an object"); continue
                keys = set(it)
                if not ITEM_REQ <= keys or keys - ITEM_REQ - ITEM_OPT:
                    errors.append(f"{where}: keys {sorted(keys)}")
                if it.get("stance") not in STANCES:
                    errors.append(f"{where}: bad stance {it.get('stance')!r}")
                if it.get("number") is not None and not isinstance(it["number"], str):
                    errors.append(f"{where}: number must be a string or null")
                for flag in ITEM_OPT:
                    if flag in it and not isinstance(it[flag], bool):
                        errors.append(f"{where}: {flag} must be boolean")
                q = it.get("quote")
                if not isinstance(q, str) or not q.strip():
                    errors.append(f"{where}: empty quote")
                elif fold(q) not in text:
                    errors.append(f"{where}: quote not in text: {q!r}")
        if not isinstance(data["commitments"], list):
            errors.append(f"{name}: commitments is not a list")
        else:
            for i, c in enumerate(data["commitments"]):
                where = f"{name}: commitments[{i}]"
                if not isinstance(c, dict) or set(c) != {"quote"}:
                    errors.append(f"{where}: must be {{'quote': ...}}"); continue
                if not isinstance(c["quote"], str) or fold(c["quote"]) not in text:
                    errors.append(f"{where}: quote not in text: {c['quote']!r}")
        rt = data["responds_to"]
        if rt is not None:
            if not isinstance(rt, dict) or set(rt) != {"title", "author"}:
                errors.append(f"{name}: responds_to must have title and author")
            else:
                for k in ("title", "author"):
                    if rt[k] is not None and not isinstance(rt[k], str):
                        errors.append(f"{name}: responds_to.{k} must be string or null")
    for e in errors:
        print("FAIL", e)
    print(f"{n} gold files checked, {len(errors)} problems")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
