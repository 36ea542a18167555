"""Compare the extra gold keys of the held-out set (recommendations / findings stances,
reference, kind) with the output of `missiongraph extract --json`.

Run from the project folder:  .venv/bin/python tests/heldout/check_structured.py (tests/test_heldout.py asserts the same)
Not part of `missiongraph eval`, which scores only the standard keys.
"""
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLI = Path(sys.executable).parent / "missiongraph"

# Gold uses full / partial / none; accept common synonyms on the extractor side.
NORMAL = {
    "full": "full", "volledig": "full", "fully": "full",
    "partial": "partial", "partly": "partial", "ten dele": "partial", "deels": "partial",
    "none": "none", "rejected": "none", "not": "none", "niet": "none", "no": "none",
}


def norm(stance):
    if stance is None:
        return None
    return NORMAL.get(str(stance).strip().lower(), str(stance))


def extracted(doc):
    out = subprocess.run([str(CLI), "extract", str(doc), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[0])


def as_map(items):
    if isinstance(items, dict):
        return {str(k): norm(v) for k, v in items.items()}
    result = {}
    for it in items or []:
        result[str(it.get("number"))] = norm(it.get("stance"))
    return result


def main():
    totals = {"match": 0, "wrong": 0, "missing": 0, "extra": 0}
    for gold_path in sorted((HERE / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        keys = [k for k in ("recommendations", "findings") if k in gold]
        scalar = [k for k in ("reference", "kind") if k in gold]
        if not keys and not scalar:
            continue
        doc = HERE / "docs" / (gold_path.stem + ".txt")
        got = extracted(doc)
        print(f"== {gold_path.stem}")
        for k in scalar:
            flag = "ok" if got.get(k) == gold[k] else "MISMATCH"
            print(f"  {k:16s} gold={gold[k]!r} got={got.get(k)!r}  {flag}")
        for k in ("recommendations", "findings"):
            g = {str(n): norm(s) for n, s in gold.get(k, {}).items()}
            e = as_map(got.get(k))
            if not g and not e:
                continue
            for n in sorted(set(g) | set(e), key=lambda x: [int(p) for p in x.split(".") if p.isdigit()]):
                if n in g and n in e:
                    status = "match" if g[n] == e[n] else "wrong"
                elif n in g:
                    status = "missing"
                else:
                    status = "extra"
                totals[status] += 1
                print(f"  {k:16s} {n:5s} gold={g.get(n)!s:8s} got={e.get(n)!s:8s} {status}")
    print("-- stances:", ", ".join(f"{k}={v}" for k, v in totals.items()))
    return 0 if totals["wrong"] == totals["missing"] == totals["extra"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
