#!/usr/bin/env python3
"""Validate gold/*.json against docs/*.txt for this held-out set."""
import json, re, sys, unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
STANCES = {"full", "partial", "rejected", None}
TOP = {"recommendations", "findings", "commitments", "responds_to"}
ITEM_REQ = {"number", "stance", "quote"}
ITEM_OPT = {"collective", "doubt"}

QUOTE_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'",
}

def fold(s):
    s = unicodedata.normalize("NFC", s)
    for a, b in QUOTE_MAP.items():
        s = s.replace(a, b)
    s = s.replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s)
    return s.casefold().strip()

def main():
    errors = []
    golds = sorted((HERE / "gold").glob("*.json"))
    for g in golds:
        name = g.stem
        doc = HERE / "docs" / f"{name}.txt"
        if not doc.exists():
            errors.append(f"{name}: missing doc"); continue
        text = fold(doc.read_text(encoding="utf-8"))
        n = len(doc.read_text(encoding="utf-8"))
        if not 1200 <= n <= 2500:
            errors.append(f"{name}: length {n} outside 1200-2500")
        if not (HERE / "notes" / f"{name}.txt").exists():
            errors.append(f"{name}: missing notes")
        try:
            data = json.loads(g.read_text(encoding="utf-8"))
        except Exception as e:
            errors.append(f"{name}: invalid JSON ({e})"); continue
        if set(data) != TOP:
            errors.append(f"{name}: top-level keys {sorted(data)}")
            continue
        for kind in ("recommendations", "findings"):
            if not isinstance(data[kind], list):
                errors.append(f"{name}: {kind} not a list"); continue
            for i, it in enumerate(data[kind]):
                keys = set(it)
                if not ITEM_REQ <= keys or keys - ITEM_REQ - ITEM_OPT:
                    errors.append(f"{name}: {kind}[{i}] keys {sorted(keys)}")
                if it.get("stance") not in STANCES:
                    errors.append(f"{name}: {kind}[{i}] bad stance {it.get('stance')!r}")
                if it.get("number") is not None and not isinstance(it["number"], str):
                    errors.append(f"{name}: {kind}[{i}] number must be string or null")
                for flag in ITEM_OPT:
                    if flag in it and it[flag] is not True:
                        errors.append(f"{name}: {kind}[{i}] {flag} must be true when present")
                q = it.get("quote")
                if not isinstance(q, str) or not q.strip():
                    errors.append(f"{name}: {kind}[{i}] empty quote")
                elif fold(q) not in text:
                    errors.append(f"{name}: {kind}[{i}] quote not in doc: {q!r}")
        if not isinstance(data["commitments"], list):
            errors.append(f"{name}: commitments not a list")
        else:
            for i, c in enumerate(data["commitments"]):
                if set(c) != {"quote"}:
                    errors.append(f"{name}: commitments[{i}] keys {sorted(c)}")
                elif fold(c["quote"]) not in text:
                    errors.append(f"{name}: commitments[{i}] quote not in doc: {c['quote']!r}")
        rt = data["responds_to"]
        if rt is not None:
            if not isinstance(rt, dict) or set(rt) != {"title", "author"}:
                errors.append(f"{name}: responds_to must be null or {{title, author}}")
    docs = sorted((HERE / "docs").glob("*.txt"))
    if len(docs) != len(golds):
        errors.append(f"{len(docs)} docs but {len(golds)} gold files")
    for e in errors:
        print("ERROR", e)
    print(f"{len(golds)} gold files checked, {len(errors)} errors")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
