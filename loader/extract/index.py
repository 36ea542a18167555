"""An index of the mentions of one kind, for linkers that look up what was found in a stretch of text."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..model import Mention


class MentionsOfKind:
    """The mentions of one kind, sorted by start (ties in their order in ``found``), to look up those in a span
    without going through every mention for every span."""

    def __init__(self, found: list[Mention], kind: str):
        self.mentions = sorted([m for m in found if m.kind == kind], key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that lie inside ``[start, end)``, in text order."""
        i, j = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [m for m in self.mentions[i:j] if m.end <= end]

    def starting_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start inside ``[start, end)``, in text order."""
        return self.mentions[bisect_left(self.starts, start):bisect_left(self.starts, end)]
