"""The year a UN Security Council resolution was adopted, for a Resolution node whose text gives none.

The table is data: ``missiongraph/data/resolutions.yaml`` (number, year, what it is about, a Dutch example). A
listed number has its year; an unlisted number between two listed ones of the same year has that year too
(resolutions are numbered in the order they are adopted); any other number has none.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..yamlfile import read_yaml


@lru_cache(maxsize=1)
def table() -> tuple[tuple[int, int], ...]:
    """(number, year) of every listed resolution, in number order; checked on reading."""
    entries: list[dict[str, Any]] = read_yaml(files("missiongraph").joinpath("data", "resolutions.yaml")
                                              .read_text(encoding="utf-8"))
    rows = []
    for entry in entries:
        number, year = entry.get("number"), entry.get("year")
        if not isinstance(number, int) or not isinstance(year, int) or not entry.get("example"):
            raise ValueError(f"resolutions.yaml: entry {entry!r} needs an integer number and year, and an example")
        rows.append((number, year))
    for (n1, y1), (n2, y2) in zip(rows, rows[1:]):
        if n2 <= n1 or y2 < y1:
            raise ValueError(f"resolutions.yaml: {n2} ({y2}) after {n1} ({y1}): numbers must rise and years "
                             f"never go down")
    return tuple(rows)


def year_of(number: str | int) -> int | None:
    """The year resolution ``number`` was adopted (2100 -> 2013, 2165 -> 2014 between 2164 and 2170), or None."""
    try:
        n = int(number)
    except (TypeError, ValueError):
        return None
    rows = table()
    i = bisect.bisect_left(rows, (n, -1))
    if i < len(rows) and rows[i][0] == n:
        return rows[i][1]
    if 0 < i < len(rows) and rows[i - 1][1] == rows[i][1]:
        return rows[i][1]
    return None
