"""Linker: UN Security Council resolutions and the missions they mandate."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Mention
from .index import MentionsOfKind
from .text import sentences_of

def mandates(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    """Linker: a resolution and a mission in one sentence: the resolution mandates that mission (the nearest)."""
    resolutions = [m for m in mentions if m.kind == "resolution"]
    if not resolutions:
        return
    sentences = sentences_of(text)
    missions_found = MentionsOfKind(mentions, "mission")
    for r in resolutions:
        s, e = sentences.span_of(r.start, r.end)
        missions = missions_found.within(s, e)
        if missions:
            nearest = min(missions, key=lambda mm: abs(mm.start - r.start))
            yield Mention("mandate", r.value, r.start, r.end, r.text, attrs={"mission": nearest.value})


LINKERS = [mandates]
