#!/usr/bin/env python3
"""Validate the gold files of this held-out set and print counts.

Checks per zNN: JSON parses; top-level keys exactly recommendations/findings/commitments/responds_to;
item keys (number, stance, quote; optional collective/doubt booleans); stance in full/partial/rejected/null;
commitments are {quote}; responds_to is null or {title, author}; every quote occurs in docs/zNN.txt after
folding case, curly quotes, guillemets and whitespace; document length 1,200-2,500 characters.
"""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
STANCES = {"full", "partial", "rejected", None}
TRANS = str.maketrans({'\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"',
                       '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u2039': "'", '\u203a': "'",
                       '\u00a0': ' '})

def fold(s):
    return re.sub(r'\s+', ' ', s.translate(TRANS).lower()).strip()

def main():
    errs = []
    c = Counter()
    names = sorted(f[:-5] for f in os.listdir(os.path.join(HERE, 'gold')) if f.endswith('.json'))
    for n in names:
        doc = open(os.path.join(HERE, 'docs', n + '.txt'), encoding='utf-8').read()
        if not 1200 <= len(doc) <= 2500:
            errs.append(f'{n}: length {len(doc)} outside 1200-2500')
        fd = fold(doc)
        try:
            g = json.load(open(os.path.join(HERE, 'gold', n + '.json'), encoding='utf-8'))
        except Exception as e:
            errs.append(f'{n}: bad JSON {e}'); continue
        if set(g) != {"recommendations", "findings", "commitments", "responds_to"}:
            errs.append(f'{n}: keys {sorted(g)}')
        def chk(q, where):
            if not isinstance(q, str) or not q.strip():
                errs.append(f'{n}: {where}: empty quote')
            elif fold(q) not in fd:
                errs.append(f'{n}: {where}: quote not in doc: {q!r}')
        for kind in ("recommendations", "findings"):
            for i, it in enumerate(g.get(kind, [])):
                w = f'{kind}[{i}]'
                ks = set(it)
                if not {"number", "stance", "quote"} <= ks or ks - {"number", "stance", "quote", "collective", "doubt"}:
                    errs.append(f'{n}: {w}: keys {sorted(ks)}')
                if it.get("stance") not in STANCES:
                    errs.append(f'{n}: {w}: stance {it.get("stance")!r}')
                if it.get("number") is not None and not isinstance(it["number"], str):
                    errs.append(f'{n}: {w}: number must be string or null')
                for b in ("collective", "doubt"):
                    if b in it and not isinstance(it[b], bool):
                        errs.append(f'{n}: {w}: {b} not bool')
                chk(it.get("quote"), w)
                c['items'] += 1; c[kind] += 1
                c['stance_' + str(it.get("stance"))] += 1
                c['collective'] += bool(it.get("collective")); c['doubt'] += bool(it.get("doubt"))
                c['numbered'] += it.get("number") is not None
        for i, cm in enumerate(g.get("commitments", [])):
            if set(cm) != {"quote"}:
                errs.append(f'{n}: commitments[{i}]: keys {sorted(cm)}')
            chk(cm.get("quote"), f'commitments[{i}]')
            c['commitments'] += 1
        rt = g.get("responds_to")
        if rt is not None and (not isinstance(rt, dict) or set(rt) != {"title", "author"}):
            errs.append(f'{n}: responds_to malformed')
        c['documents'] += 1
    for e in errs:
        print('ERROR', e)
    print(dict(sorted(c.items())))
    if errs:
        sys.exit(1)
    print('OK: all gold files valid and all quotes found')

if __name__ == '__main__':
    main()
