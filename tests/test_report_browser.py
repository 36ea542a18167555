"""The report page in a real headless Chromium (Debian's), offline: every recommendation and finding of the founding
documents' reports with its stance (colour-coded, with the quote) and every commitment (who, when) is on the page and
visible, the filters work, the network view opens from it, hostile text stays text, and nothing is requested.

Needs ``pip install playwright`` (test extras) and ``apt-get install chromium``; never ``playwright install``.
Without Chromium the tests skip, unless CI is set: then they fail.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import missiongraph as mg
from missiongraph.viz.network import STANCE_COLORS

from tests.chromium import OfflinePage, launch

from .conftest import SEEDS

pytestmark = pytest.mark.browser

MINUSMA, C130 = "iob-minusma-2014-2019", "iob-minusma-2021-2022"
KAMERSTUK_URL = "https://zoek.officielebekendmakingen.nl/kst-29521-451.html"

# What the page says of each item, read in the page: its number, kind, the stances shown (with quote, who, and the
# badge's colour), the commitments (text, who, when), and whether it is visible.
READ_ITEMS = """() => Array.from(document.querySelectorAll('article.item')).map(a => ({
  kind: a.dataset.kind, number: a.dataset.number, visible: a.checkVisibility(),
  caption: a.querySelector('.caption').textContent.trim(),
  stances: Array.from(a.querySelectorAll('.stances > .stance')).map(s => ({
    cls: s.className, quote: (s.querySelector('blockquote') || {textContent: ''}).textContent.trim(),
    who: (s.querySelector('.who') || {textContent: ''}).textContent.trim(),
    badge: getComputedStyle(s.querySelector('.badge')).backgroundColor,
    visible: s.checkVisibility()})),
  commitments: Array.from(a.querySelectorAll('li.commitment')).map(c => ({
    text: c.querySelector('.what').textContent.trim(), who: c.querySelector('.who').textContent.trim(),
    due: c.querySelector('.due').textContent.trim(), visible: c.checkVisibility()}))}))"""

READ_OTHER = """() => Array.from(document.querySelectorAll('#other-commitments li.commitment')).map(c => ({
    text: c.querySelector('.what').textContent.trim(), who: c.querySelector('.who').textContent.trim(),
    due: c.querySelector('.due').textContent.trim(), visible: c.checkVisibility()}))"""

# (stance, the badge's colour): the network view's stance colours, and grey for none
COLOURS = {**STANCE_COLORS, "none": "#757575"}


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture(scope="module")
def browser():
    yield from launch()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> mg.Graph:
    graph = mg.open(tmp_path_factory.mktemp("report-browser") / "graph.lbug")
    assert graph.load([SEEDS / "docs"]).ok
    return graph


class Visit(OfflinePage):
    """A report page opened offline (tests.chromium.OfflinePage); its links to files next to it can be followed."""

    prefix = "report"

    def __init__(self, browser, path: Path):
        super().__init__(browser, path, local_files=True, viewport=(1200, 900))


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def open_page(path: Path) -> Visit:
        opened.append(Visit(browser, path))
        return opened[-1]

    yield open_page
    for v in opened:
        v.close()


def squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


@pytest.mark.parametrize("report", [MINUSMA, C130])
def test_every_item_with_its_stance_and_every_commitment_is_shown(seeds, visit, tmp_path, report):
    written = seeds.report(report, tmp_path / f"{report}.html")
    v = visit(written.path)
    v.screenshot(report, full_page=True)
    assert v.errors == [] and v.dialogs == []
    assert v.requests == [v.url]                        # nothing but the file itself was asked for
    shown = v.page.evaluate(READ_ITEMS)
    by_number = {(i["kind"], i["number"]): i for i in shown}
    assert len(by_number) == len(shown)
    # every row of the saved query report: the item, visible, with that stance, its colour, who and the quote
    rows = seeds.query("report", report=report)
    assert {(r["kind"], r["number"]) for r in rows} == set(by_number)
    for row in rows:
        item = by_number[(row["kind"], row["number"])]
        assert item["visible"] and item["caption"] == row["item"]
        matching = [s for s in item["stances"] if f"stance-{row['stance']}" in s["cls"].split()]
        assert len(matching) == 1, (row, item["stances"])
        stance = matching[0]
        assert stance["visible"] and stance["badge"] == rgb(COLOURS[row["stance"]])
        assert stance["quote"] == squash(row["quote"]) and stance["who"] == row["stated_by"]
        assert sorted(c["text"] for c in item["commitments"]) == sorted(squash(t) for t in row["commitments"])
    # every commitment the saved query commitments gives for the report, with who and when (or that neither is named)
    title = written.page.report_title or written.page.title
    expected = [r for r in seeds.query("commitments") if r["report"] == title]
    on_page = [c for i in shown for c in i["commitments"]] + v.page.evaluate(READ_OTHER)
    assert len(on_page) == len(expected) > 0
    for row in expected:
        found = [c for c in on_page if c["text"] == squash(row["text"])]
        assert found and all(c["visible"] for c in found), row
        assert any(c["due"] == (f"due {row['due']}" if row["due"] else "when: not named") for c in found), row
        # who: the words of the text (made_by) and the person or ministry; or that the text names nobody
        assert any(c["who"].startswith(f"by {row['made_by']}") if row["made_by"] else
                   (c["who"] == "who: not named" or c["who"].startswith("by ")) for c in found), row


def test_the_minusma_page_links_its_publication_and_its_network_view(seeds, visit, tmp_path):
    written = seeds.report(MINUSMA, tmp_path / "minusma.html")
    v = visit(written.path)
    official = v.page.locator(f'a[href="{KAMERSTUK_URL}"]')
    assert official.count() == 1 and official.get_attribute("target") == "_blank"
    assert v.page.locator("#network-link").get_attribute("href") == "minusma-network.html"
    v.page.click("#network-link")                       # the network view opens next to the page, offline
    v.page.wait_for_url("**/minusma-network.html")
    deadline = time.monotonic() + 30
    while not v.page.evaluate("window.mgFirstDraw !== undefined"):
        assert time.monotonic() < deadline, "the network view did not draw"
        v.page.wait_for_timeout(50)
    assert v.page.evaluate("mgData.nodes.rows.length") > 12
    assert v.page.evaluate("id => mgNetwork.body.nodes[id] !== undefined", f"Report:{MINUSMA}")
    assert all(url.startswith("file://") for url in v.requests) and v.errors == []


def test_the_filters_show_one_kind_and_the_stances_ticked(seeds, visit, tmp_path):
    v = visit(seeds.report(C130, tmp_path / "c130.html", network=False).path)

    def visible() -> list[str]:
        return [f"{i['kind'][0]}{i['number']}" for i in v.page.evaluate(READ_ITEMS) if i["visible"]]

    assert len(visible()) == 14 and v.page.text_content("#shown") == "14 of 14 items"
    v.page.uncheck("input[name=stance][value=full]")
    assert visible() == ["R2.1", "R2.3", "R4.1", "F1", "F2", "F4", "F5"]
    v.page.check("input[name=kind][value=Recommendation]")
    assert visible() == ["R2.1", "R2.3", "R4.1"] and v.page.text_content("#shown") == "3 of 14 items"
    assert not v.page.locator("section.kind[data-kind=Finding]").is_visible()
    v.page.uncheck("input[name=stance][value=partial]")
    assert visible() == [] and v.page.text_content("#shown") == "0 of 14 items"
    v.page.check("input[name=kind][value=all]")
    v.page.check("input[name=stance][value=full]")
    assert len(visible()) == 11                          # the 3 partly endorsed stay hidden
    assert v.errors == []


HOSTILE_RESPONSE = """In deze brief ontvangt u de beleidsreactie van het kabinet op de IOB-evaluatie van de Nederlandse \
bijdrage aan MINUSMA 2040-2041.

Aanbevelingen:
1. Versterk de inzet <img src=x onerror="window.__pwned=1"> en rapporteer jaarlijks.
2. Investeer in kennis </script><script>window.__pwned=2</script> over VN-missies.

Het kabinet onderschrijft aanbeveling 1 volledig, want "><svg onload="window.__pwned=3"> is belangrijk.
Het kabinet onderschrijft aanbeveling 2 ten dele.

Het kabinet doet de volgende toezeggingen:
- Aanbeveling 1: De Kamer wordt <b onmouseover="window.__pwned=4">voor de zomer</b> geïnformeerd.
"""


def test_markup_in_a_document_stays_text(visit, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "reactie.txt").write_text(HOSTILE_RESPONSE, "utf-8")
    graph = mg.open(tmp_path / "graph.lbug")
    assert graph.load(tmp_path / "docs").ok
    v = visit(graph.report("MINUSMA 2040", tmp_path / "hostile.html").path)
    for element in v.page.locator("article.item, li.commitment, blockquote").all():
        element.hover()
    assert v.page.evaluate("window.__pwned") is None and v.dialogs == [] and v.errors == []
    body = v.page.text_content("main")
    assert '<img src=x onerror="window.__pwned=1">' in body and "</script><script>window.__pwned=2</script>" in body
    assert v.page.locator("main img, main svg, main script, main b").count() == 0
    assert v.requests == [v.url]
