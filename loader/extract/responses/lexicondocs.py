"""Generate docs/stances.md from the lexicon files (stances.yaml, items.yaml, commitments.yaml): every phrasing the
responses extractor knows, with its example, and what the extractor finds in that example.

Regenerate with:  python -m missiongraph.extract.responses.lexicondocs > docs/stances.md   (a test keeps it current)
"""

from __future__ import annotations

import sys
from typing import Any

from .lexicon import read

_SECTIONS = [
    ("stances", "Stances", "The government's stance on an item. A full phrasing becomes *rejected* with a negation "
     "in its clause, *partial* with a scope word or a contrast that names no item of its own."),
    ("scope", "Scope words (partial)", "Words that narrow a full phrasing in the same clause: the stance becomes "
     "partial."),
    ("complete", "Complete (full)", "Words that keep a full phrasing full whatever else the clause says."),
    ("appraisals", "Appraisals (no stance)", "An appraised group of items is listed as a collective item without "
     "stance."),
]


def _forms(row: dict[str, Any]) -> str:
    forms = row.get("forms") or []
    return ", ".join(f"*{f}*" for f in forms) if forms else ""


def _table(rows: list[dict[str, Any]], value: str | None) -> list[str]:
    head = "| phrase | other forms |" + (f" {value} |" if value else "") + " example |"
    out = [head, "|" + "---|" * (3 + bool(value))]
    for row in rows:
        cells = [f"**{row['phrase']}**", _forms(row)]
        if value:
            cells.append(str(row.get(value, "")))
        cells.append(row.get("example") or row.get("not") or "")
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return out


def generate() -> str:
    stances, items, commitments = read("stances"), read("items"), read("commitments")
    count = sum(len(stances[k]) for k in ("stances", "scope", "complete", "appraisals")) + \
        len(items["report_verbs"]) + len(commitments["markers"]) + len(commitments["exclusions"])
    out = ["# Stances, items and commitments: the phrasings the extractor knows", "",
           "Generated from `loader/extract/responses/{stances,items,commitments}.yaml` by",
           "`python -m missiongraph.extract.responses.lexicondocs > docs/stances.md`; a test keeps it current and "
           "extracts every example below (each must give what its row says).",
           f"{count} phrasings in all. To add one, add a row (phrase, other forms, stance, a real-looking example) "
           "to the YAML file; no regular expression to read. How the rules use them: "
           "[extraction.md](extraction.md#responses-to-reports).", "",
           "A phrase is words matched whole and case-insensitively; `…` stands for up to ten words of the same clause "
           "(`neemt … over` finds *neemt deze aanbeveling over*).", ""]
    for key, title, intro in _SECTIONS:
        out += [f"## {title}", "", intro, ""]
        out += _table(stances[key], "stance" if key == "stances" else None)
        out.append("")
    out += ["Negations: " + ", ".join(f"*{w}*" for w in stances["negations"]) + " (not *niet alleen*). "
            "Contrasts: " + ", ".join(f"*{w}*" for w in stances["contrasts"]) + " (not *maar ook*). "
            "Thanks, never a stance: " + ", ".join(f"*{w}*" for w in stances["thanks"]) + ".", ""]
    out += ["## Report verbs", "", "How a report or its author states an item (the item is what follows *dat*, "
            "*om* or *voor*).", ""]
    out += _table(items["report_verbs"], "kind")
    out += ["", "## Item nouns", "", "| singular | plural | kind | example |", "|---|---|---|---|"]
    for row in items["nouns"]:
        out.append(f"| **{row['singular']}** | {row['plural']} | {row['kind']}"
                   f"{' (the report as a whole)' if row.get('group') else ''} | {row['example']} |")
    out += ["", "## Commitment markers", "", "A sentence with one of these, said by the government or no one, "
            "holds a commitment unless an exclusion below cancels it.", ""]
    out += _table(commitments["markers"], "how")
    out += ["", "## What is not a commitment", ""]
    out += _table(commitments["exclusions"], "why")
    out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(generate())
