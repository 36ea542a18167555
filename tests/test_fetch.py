"""missiongraph fetch against a real local HTTP server that answers like the official sources (tests/koop.py):
named Kamerstukken, a dossier in a period, the unresolved references breadth first, and the fault table
(404, 429 with Retry-After, 500 then success, a slow server, a truncated body, invalid XML, an HTML page with
status 200, an SRU diagnostic with status 200, a source that is down, an interrupted run, a re-run)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import missiongraph as mg
from missiongraph.fetch import run
from missiongraph.read import read_document
from missiongraph.pipeline import document_graph, load
from missiongraph.sources import ids
from missiongraph.sources.http import Politeness, retry_after, USER_AGENT
from missiongraph.stores.embedded import EmbeddedStore

from .koop import Attachment, KoopServer, Paper, start
from .test_busy import cli, hold  # noqa: F401 (hold: a fixture)
from .test_ui import ESC, last_frame, missiongraph

ROOT = Path(__file__).resolve().parent.parent
FAST = Politeness(rate=50, timeout=2.0, attempts=3, wait_initial=0.05, wait_max=0.2)


@pytest.fixture
def run_cli(run):
    """The command line (conftest's ``run``, named apart from ``missiongraph.fetch.run``)."""
    return run


@pytest.fixture
def koop(monkeypatch):
    server = KoopServer()
    httpd, thread = start(server)
    for key, value in server.env().items():
        monkeypatch.setenv(key, value)
    yield server
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def paper(number: str, date: str = "2021-05-12", **kw) -> Paper:
    return Paper("29521", number, date, **kw)


def header(hit, name: str) -> str | None:
    return next((v for k, v in hit.headers.items() if k.lower() == name.lower()), None)


# -- ids in the forms users type --------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, publication, key", [
    ("kst-29521-451", "kst-29521-451", "29521-451"),
    ("KST-29521-451", "kst-29521-451", "29521-451"),
    ("29521-451", "kst-29521-451", "29521-451"),
    ("29 521, nr. 451", "kst-29521-451", "29521-451"),
    ("Kamerstuk 29521 nr 451", "kst-29521-451", "29521-451"),
    ("Kamerstukken II 29521, nr. 12", "kst-29521-12", "29521-12"),
    ("kst-21501-28-212", "kst-21501-28-212", "21501-28-212"),      # sub-dossier, under kst/21501-28/
    ("21501-28, nr. 212", "kst-21501-28-212", "21501-28-212"),
    ("35 570 V, nr. 9", "kst-35570-V-9", "35570-V-9"),
    ("kst-35570-v-9", "kst-35570-V-9", "35570-V-9"),
    ("27925-AB", "kst-27925-AB", "27925-AB"),                     # a letter number
    ("kst-29521-451-n1", "kst-29521-451-n1", "29521-451"),        # a reprint publishes the same Kamerstuk
    ("https://zoek.officielebekendmakingen.nl/kst-29521-451.html", "kst-29521-451", "29521-451"),
])
def test_ids_in_the_forms_users_type(typed, publication, key):
    kid = ids.parse(typed)
    assert (kid.publication, kid.key) == (publication, key)


@pytest.mark.parametrize("typed, reason", [
    ("29521", "is a dossier, not a Kamerstuk"),
    ("blg-1184123", "is an attachment"),
    ("29521-451 en 452", "is not a Kamerstuk id"),
    ("2952-1", "is not a Kamerstuk id"),
    ("kst-", "is not a Kamerstuk id"),
    ("29521-0", "starts at 1"),
    ("", "empty id"),
])
def test_near_misses_are_refused_with_the_reason(typed, reason):
    with pytest.raises(ids.BadId, match=reason):
        ids.parse(typed)


def test_retry_after_in_seconds_or_as_a_date():
    assert retry_after("3") == 3.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 5) == 5.0
    assert retry_after(None) is None and retry_after("soon") is None


# -- reading what was fetched: the official metadata wins --------------------------------------------------------

def test_the_official_metadata_wins_and_the_sidecar_is_no_document(tmp_path, koop):
    folder = tmp_path / "corpus"
    koop.add(paper("451", cites=("29521-452",), signer=("De Minister van Defensie,", "A.Th.B.", "Bijleveld-Schouten"),
                   indiener=("K.H. Ollongren",), documenttitel="Stand van zaken MINUSMA"))
    report = run(folder=folder, names=["29521-451"], politeness=FAST)
    assert report.fetched == ["kst-29521-451"]
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == \
        ["kst-29521-451.metadata.xml", "kst-29521-451.xml"]
    doc = read_document(folder / "kst-29521-451.xml")
    assert doc.meta["official_id"] == "kst-29521-451"      # the id issue 16's identity rule takes
    graph = document_graph(doc)
    props = graph.document.props
    assert props["kamerstuk"] == "29521-451"                # <stuknr>Nr. <ondernummer>451</ondernummer></stuknr>
    assert props["title"] == "Stand van zaken MINUSMA"     # OVERHEIDop.documenttitel, not the dossier's title
    assert props["date"] == "2021-05-12" and props["kind"] == "brief"
    assert props["url"] == "https://zoek.officielebekendmakingen.nl/kst-29521-451.html"
    signed = {r.end.key for r in graph.relationships if r.type == "SIGNED_BY"}
    assert signed == {"kajsa ollongren"}                    # OVERHEIDop.indiener, not the text's signature,
    posts = {(r.end.key, r.props.get("role"), r.props.get("term_from")) for r in graph.relationships   # resolved
             if r.type == "HOLDS_POST" and r.start.key == "kajsa ollongren"}                          # on its date
    assert posts == {("Binnenlandse Zaken en Koninkrijksrelaties", "minister", "2017-10-26")}
    assert ("CITES", "29521-452") in {(r.type, r.end.key) for r in graph.relationships}
    store = EmbeddedStore(tmp_path / "g.lbug")
    try:
        got = load([folder], store)
        assert got.loaded == ["kst-29521-451"] and not got.skipped and not got.failed
        assert not got.warnings and not got.duplicates
        again = load([folder], store)                         # the same document, its sidecar included: unchanged
        assert again.unchanged == ["kst-29521-451"] and not again.loaded and not again.skipped
        # The metadata counts in the document's hash: a change to it alone reloads the document.
        side = folder / "kst-29521-451.metadata.xml"
        side.write_bytes(side.read_bytes().replace(b"Stand van zaken MINUSMA", b"Stand van zaken"))
        again = load([folder], store)
        assert again.loaded == ["kst-29521-451"]
        title = store.run("MATCH (d:Document {id: 'kst-29521-451'}) RETURN d.title", {}).rows
        assert title == [["Stand van zaken"]]
    finally:
        store.close()


def test_a_sidecar_without_its_document_is_skipped_said(tmp_path):
    (tmp_path / "kst-1-1.metadata.xml").write_bytes(b"<metadata_gegevens/>")
    store = EmbeddedStore(tmp_path / "g.lbug")
    try:
        got = load([tmp_path / "kst-1-1.metadata.xml"], store)
    finally:
        store.close()
    assert got.skipped == [(str(tmp_path / "kst-1-1.metadata.xml"), "metadata sidecar without its document")]
    assert not got.loaded and not got.failed


def test_a_bad_sidecar_fails_its_document_on_one_escaped_line(run_cli, tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    name = "kst-1-1\x1b[2J\u202e"                       # a crafted name: clear the screen, reverse the text
    (folder / f"{name}.xml").write_text("<kamerstuk><al>Over MINUSMA.</al></kamerstuk>", "utf-8")
    (folder / f"{name}.metadata.xml").write_text("<html/>", "utf-8")
    (folder / "kst-1-2.xml").write_text("<kamerstuk><al>Over MINUSMA.</al></kamerstuk>", "utf-8")
    result = run_cli("load", folder)
    assert result.exit_code == 1
    shown = str(folder / "kst-1-1\\x1b[2J\\u202e.xml")
    assert (f"failed: {shown}: its metadata.xml beside it: metadata sidecar is not <metadata_gegevens> "
            f"(root <html>)") in result.stderr
    assert "\x1b[2J" not in result.output and "\u202e" not in result.output
    assert "1 loaded, 0 unchanged, 1 failed" in result.stdout


# -- the commands, end to end --------------------------------------------------------------------------------------

def test_named_kamerstukken_fetch_and_load_end_to_end(run_cli, tmp_path, koop):
    koop.add(paper("451", cites=("29521-452",)), paper("452"), Paper("35570-V", "9", "2019-10-01"))
    store = tmp_path / "g.lbug"
    # The citing document first: 29521-451 becomes a Kamerstuk node without a document.
    citing = tmp_path / "brief.txt"
    citing.write_text("Den Haag, 1 juni 2021\n\nZie Kamerstuk 29 521, nr. 451 over MINUSMA.\n", "utf-8")
    assert run_cli("load", str(citing), "--store", str(store)).exit_code == 0
    result = run_cli("fetch", "kst-29521-451", "29 521, nr. 452", "35 570 V, nr. 9", "bla", "--store", str(store),
                     "--into", str(tmp_path / "corpus"), "--rate", "20")
    assert result.exit_code == 1, result.output                # one bad id; the rest fetched and loaded
    assert "fetched: kst-29521-451" in result.output and "fetched: kst-35570-V-9" in result.output
    assert "failed: 'bla': 'bla' is not a Kamerstuk id" in result.output
    with EmbeddedStore(store, read_only=True) as graph:
        docs = dict(graph.run("MATCH (d:Document) WHERE d.url IS NOT NULL RETURN d.id, d.url", {}).rows)
        assert docs == {f"kst-{k}": f"https://zoek.officielebekendmakingen.nl/kst-{k}.html"
                        for k in ("29521-451", "29521-452", "35570-V-9")}
        # The Kamerstuk that was cited is the one the fetched document publishes: one node, both relationships.
        rows = graph.run("MATCH (k:Kamerstuk {id: '29521-451'}) RETURN COUNT { MATCH (k)<-[:CITES]-() }, "
                         "COUNT { MATCH (k)<-[:PUBLISHED_AS]-() }", {}).rows
        assert rows == [[1, 1]]
        assert graph.run("MATCH (k:Kamerstuk {id: '35570-V-9'}) RETURN k.subdossier", {}).rows == [["V"]]


def test_a_dossier_in_a_period_by_the_papers_date(run_cli, tmp_path, koop):
    koop.add(paper("101", "2018-11-30", modified="2019-06-01"),   # changed in 2019, dated 2018: not in 2019
             paper("102", "2019-03-05"), paper("103", "2019-11-20"), paper("104", "2020-01-02"),
             Paper("27925", "700", "2019-05-05"))                   # another dossier
    koop.attachments["blg-900001"] = Attachment("blg-900001", "29521", "2019-03-05", "kst-29521-102")
    out = tmp_path / "corpus"
    result = run_cli("fetch", "--dossier", "29521", "--since", "2019-01-01", "--until", "2019-12-31", "--no-load",
                     "--into", str(out), "--rate", "20")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.xml") if not p.name.endswith(".metadata.xml")) == \
        ["kst-29521-102.xml", "kst-29521-103.xml"]
    query = koop.hits_for("/sru")[0].query["query"][0]
    assert "dt.date>=2019-01-01" in query and "dt.date<=2019-12-31" in query and "dt.modified" not in query
    # The files come from the locations the search named (repository host, mapped to the mirror).
    assert koop.hits_for("/frbr/officielepublicaties/kst/29521/kst-29521-102/1/xml/kst-29521-102.xml")
    # The attachment: skipped without --with-attachments, and never asked for as XML.
    assert not koop.hits_for("blg-900001")
    result = run_cli("fetch", "--dossier", "29521", "--since", "2019-01-01", "--until", "2019-12-31", "--no-load",
                     "--with-attachments", "--into", str(out), "--rate", "20")
    assert result.exit_code == 0, result.output
    assert (out / "blg-900001.pdf").read_bytes().startswith(b"%PDF-")
    assert all(h.path.endswith((".pdf", "metadata.xml")) for h in koop.hits_for("blg-900001"))


def test_sru_paging_follows_next_record_position(tmp_path, koop):
    koop.page_cap = 2
    koop.add(*(paper(str(n), f"2020-01-{n:02d}") for n in range(1, 6)))
    report = run(folder=tmp_path, dossier="29521", politeness=FAST)
    assert sorted(report.fetched) == sorted(f"kst-29521-{n}" for n in range(1, 6))
    assert [h.query["startRecord"][0] for h in koop.hits_for("/sru")] == ["1", "3", "5"]


def _unresolved(store: Path) -> set[str]:
    with EmbeddedStore(store, read_only=True) as graph:
        return {row[0] for row in graph.run(
            "MATCH (k:Kamerstuk) WHERE NOT EXISTS { MATCH (k)<-[:PUBLISHED_AS]-() } "
            "AND COUNT { MATCH (k)<-[:CITES]-() } > 0 RETURN k.id", {}).rows}


def test_unresolved_depth_2_from_the_sample_corpus(run_cli, tmp_path, koop):
    store = tmp_path / "g.lbug"
    assert run_cli("load", "--sample", "--store", str(store), "-q").exit_code == 0
    before = _unresolved(store)
    assert {"29521-451", "29521-449", "27925-AB", "35570-V-9"} <= before and "29521-452" not in before
    # Level 1: four of the sample's unresolved references exist (the rest: 404). 29521-451 cites 29521-452 (not
    # cited by the sample: level 2) and 29521-449, which cites 29521-451 back; 29521-452 cites 29521-451 (a
    # cycle) and 29521-227, a sample reference the source does not have.
    koop.add(paper("451", cites=("29521-452", "29521-449")), paper("449", cites=("29521-451", "27925-AB")),
             Paper("27925", "AB", "2004-02-01"), Paper("35570-V", "9", "2019-10-01"),
             paper("452", "2021-06-01", cites=("29521-451", "29521-227")))
    result = run_cli("fetch", "--unresolved", "--depth", "2", "--store", str(store), "--into", str(tmp_path / "c"),
                     "--rate", "20", "-q")
    assert result.exit_code == 1, result.output                # the sample cites papers the source lacks
    fetched = {"29521-451", "29521-449", "27925-AB", "35570-V-9", "29521-452"}
    after = _unresolved(store)
    assert after == before - fetched                           # shorter by exactly the fetched ids
    assert len(before) - len(after) == len(fetched & before) == 4
    # Breadth first and cycles end: every publication was asked for once (metadata first), whatever cites it.
    asked = [h.path for h in koop.hits if h.path.endswith("/metadata.xml")]
    assert len(asked) == len(set(asked)) == len(before) + 1
    # Level 1 was done before level 2 began.
    order = [h.path for h in koop.hits if h.path.endswith("/metadata.xml")]
    assert order[-1] == "/kst-29521-452/metadata.xml"
    with EmbeddedStore(store, read_only=True) as graph:
        assert graph.run("MATCH (k:Kamerstuk {id: '29521-451'}) RETURN count(*)", {}).rows == [[1]]


def test_dry_run_lists_and_downloads_nothing(run_cli, tmp_path, koop):
    koop.add(paper("451"))
    result = run_cli("fetch", "29521-451", "29521-452", "--dry-run", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "kst-29521-451" in result.output and "to fetch" in result.output and "nothing downloaded" in result.output
    assert not koop.hits and not (tmp_path / "c").exists()


# -- the fault table ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("behaviours, status, reason", [
    (("404",), "not found", "metadata.xml: not found (HTTP 404)"),
    (("500", "ok"), "fetched", ""),
    (("429:1", "ok"), "fetched", ""),
    (("slow:3",), "failed", "no answer within 0.5 s (timeout)"),
    (("truncate",), "failed", "the connection broke off mid-answer"),
    (("cut",), "failed", "invalid XML metadata"),
    (("invalid",), "failed", "invalid XML metadata"),
    (("html",), "failed", "an HTML page instead of the XML metadata (status 200)"),
    (("500",), "failed", "HTTP 500 after 3 attempts"),
])
def test_fault_table(tmp_path, koop, behaviours, status, reason):
    koop.add(paper("451"), paper("452"))
    koop.fault("/kst-29521-451/metadata.xml", *behaviours)
    polite = Politeness(rate=50, timeout=0.5, attempts=3, wait_initial=0.05, wait_max=0.2)
    report = run(folder=tmp_path, names=["29521-451", "29521-452"], politeness=polite)
    assert "kst-29521-452" in report.fetched                   # the rest goes on
    if status == "fetched":
        assert "kst-29521-451" in report.fetched
        hits = koop.hits_for("/kst-29521-451/metadata.xml")
        assert len(hits) == 2
        if behaviours[0].startswith("429"):
            assert hits[1].at - hits[0].at >= 1.0              # Retry-After honoured
    else:
        got = dict(report.not_found if status == "not found" else report.failed)
        assert reason in got["kst-29521-451"]
        assert not list(tmp_path.glob("kst-29521-451*"))       # nothing partial written, nothing to load
        assert not list(tmp_path.glob(".*.part"))


def test_the_publication_xml_is_checked_too(tmp_path, koop):
    koop.add(paper("451"), paper("452"))
    koop.fault("/kst-29521-451.xml", "html")
    koop.fault("/kst-29521-452.xml", "truncate")
    report = run(folder=tmp_path, names=["29521-451", "29521-452"], politeness=FAST)
    failed = dict(report.failed)
    assert "kst-29521-451.xml: an HTML page instead of the XML publication" in failed["kst-29521-451"]
    assert "kst-29521-452.xml: the connection broke off mid-answer" in failed["kst-29521-452"]
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith(".")]   # not even the sidecars


def test_an_sru_diagnostic_or_html_page_with_status_200_is_an_error(run_cli, tmp_path, koop):
    koop.fault("/sru", "diagnostic")
    result = run_cli("fetch", "--dossier", "29521", "--into", str(tmp_path), "--no-load")
    assert result.exit_code == 3
    assert "the search service answered with a diagnostic: Unsupported index (w.dossiernumer) " \
           "[info:srw/diagnostic/1/16]" in result.output
    koop.fault("/sru", "html")
    result = run_cli("fetch", "--dossier", "29521", "--into", str(tmp_path), "--no-load")
    assert result.exit_code == 3 and "an HTML page instead of the XML SRU answer" in result.output


def test_a_source_that_is_down(run_cli, tmp_path, monkeypatch):
    import socket

    with socket.socket() as s:       # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("MISSIONGRAPH_PUBLICATIONS_URL", f"http://127.0.0.1:{port}")
    result = run_cli("fetch", "29521-451", "29521-452", "29521-453", "29521-454", "29521-455", "--no-load",
                     "--into", str(tmp_path), "--rate", "20", "--timeout", "1", "--retries", "1")
    assert result.exit_code == 3, result.output
    assert "failed: kst-29521-451: metadata.xml: cannot connect" in result.output
    assert "(after 2 attempts)" in result.output
    assert "failed: kst-29521-455: not tried: the source did not answer for the last 3 publications" in result.output


# -- resuming, re-running, politeness ----------------------------------------------------------------------------------

def test_an_interrupted_run_resumes_and_nothing_partial_is_loaded(tmp_path, koop):
    koop.add(*(paper(str(n)) for n in range(1, 5)))
    koop.fault("/kst-29521-3/metadata.xml", "slow:30", "ok")
    folder = tmp_path / "c"
    env = {**os.environ, **koop.env()}
    proc = subprocess.Popen([sys.executable, "-m", "missiongraph.cli", "fetch", "29521-1", "29521-2", "29521-3",
                             "29521-4", "--no-load", "--into", str(folder), "--rate", "20"],
                            env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "err.txt", "wb"),
                            cwd=tmp_path)
    try:
        deadline = time.monotonic() + 20
        while "/kst-29521-3/metadata.xml" not in koop.arrived and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "/kst-29521-3/metadata.xml" in koop.arrived, (tmp_path / "err.txt").read_text()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    # What a killed writer leaves: a temporary file, and a sidecar whose document was not written yet.
    (folder / ".kst-29521-3.xml.part").write_bytes(b"<officiele-publicatie><kamerstuk>")
    (folder / "kst-29521-3.metadata.xml").write_bytes(b"<metadata_gegevens/>")
    graph = mg.open(tmp_path / "g.lbug")
    got = graph.load([folder])
    assert sorted(got.loaded) == ["kst-29521-1", "kst-29521-2"] and not got.failed
    before = len(koop.hits)
    report = run(folder=folder, names=["29521-1", "29521-2", "29521-3", "29521-4"], politeness=FAST,
                 load_into=graph)
    assert report.unchanged == ["kst-29521-1", "kst-29521-2"] and report.fetched == ["kst-29521-3", "kst-29521-4"]
    assert not [h for h in koop.hits[before:] if "29521-1" in h.path or "29521-2" in h.path]
    assert not list(folder.glob(".*.part"))
    assert sorted(report.loaded) == ["kst-29521-3", "kst-29521-4"]
    assert sorted(report.load_unchanged) == ["kst-29521-1", "kst-29521-2"]   # loaded before: same ids, unchanged
    assert b"DC.identifier" in (folder / "kst-29521-3.metadata.xml").read_bytes()   # the sidecar rewritten


def test_a_re_run_fetches_nothing(tmp_path, koop):
    koop.add(paper("451"), paper("452"))
    first = run(folder=tmp_path, dossier="29521", politeness=FAST)
    assert sorted(first.fetched) == ["kst-29521-451", "kst-29521-452"]
    before = len(koop.hits)
    second = run(folder=tmp_path, dossier="29521", politeness=FAST)
    assert second.fetched == [] and sorted(second.unchanged) == ["kst-29521-451", "kst-29521-452"]
    again = koop.hits[before:]
    assert [h.path for h in again] == ["/sru"]                 # no document asked for again
    assert again[0].status == 304 and header(again[0], "If-None-Match")   # the search answer revalidated


def assert_spaced(arrivals: list[float], interval: float) -> None:
    """No window of the run holds more requests than the rate allows: any k+1 consecutive arrivals span at least
    k intervals (less a little for a request the busy server saw late; such a delay cannot build up)."""
    for i in range(len(arrivals)):
        for j in range(i + 1, len(arrivals)):
            assert arrivals[j] - arrivals[i] >= (j - i) * interval - 0.12, (i, j, arrivals)


def test_the_rate_limit_holds_and_the_client_says_who_it_is(tmp_path, koop):
    koop.add(*(paper(str(n)) for n in range(1, 5)))
    started = time.monotonic()
    report = run(folder=tmp_path, names=[f"29521-{n}" for n in range(1, 5)],
                 politeness=Politeness(rate=4, attempts=1))
    took = time.monotonic() - started
    assert len(report.fetched) == 4 and report.requests == len(koop.hits) == 8
    assert_spaced(sorted(h.at for h in koop.hits), 0.25)       # at most 4 a second, measured at the server
    assert took >= 7 * 0.25 - 0.05
    assert all(header(h, "User-Agent") == USER_AGENT for h in koop.hits)
    assert USER_AGENT.startswith("missiongraph/")


def test_the_default_rate_is_two_requests_a_second(tmp_path, koop):
    koop.add(paper("451"), paper("452"))
    assert Politeness().rate == 2
    run(folder=tmp_path, names=["29521-451", "29521-452"], politeness=Politeness(attempts=1))
    assert len(koop.hits) == 4
    assert_spaced(sorted(h.at for h in koop.hits), 0.5)


def test_the_default_folder_is_next_to_the_store(run_cli, tmp_path, koop):
    koop.add(paper("451"))
    assert run_cli("fetch", "29521-451", "--no-load", "--rate", "20").exit_code == 0   # MISSIONGRAPH_STORE
    assert (tmp_path / "corpus" / "kst-29521-451.xml").is_file()
    assert run_cli("fetch", "29521-451", "--store", tmp_path / "s" / "g.lbug", "--rate", "20").exit_code == 0
    assert (tmp_path / "s" / "corpus" / "kst-29521-451.xml").is_file()


# -- what a researcher sees, a busy store ---------------------------------------------------------------------------

def test_on_a_terminal_fetch_draws_the_bars_load_draws(tmp_path, koop):
    """One set of terminal helpers (missiongraph.ui): a bar for the publications fetched, then load's bars."""
    koop.add(paper("451"), paper("452"))
    code, out = missiongraph("fetch", "29521-451", "29521-452", "--rate", "20", store=tmp_path / "g.lbug",
                             terminal=True)
    assert code == 0, out
    assert ESC in out
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out)
    assert re.search(r"fetching +━+ 2/2 +[\d,.]+ publications/s +took \d:\d\d:\d\d +kst-29521-45\d", plain), plain
    frame = last_frame(out)
    assert re.search(r"^written +━+ 2/2 +[\d,.]+ documents/s +took ", frame, re.MULTILINE), frame
    assert re.search(r"^loaded +2$", frame, re.MULTILINE), frame        # the summary table


def test_a_busy_store_stops_the_load_and_wait_waits_for_it(tmp_path, koop, hold):
    """fetch opens the store only to load (the koop fixture's settings are in the environment the command gets)."""
    koop.add(paper("451"))
    store = tmp_path / "g.lbug"
    letter = tmp_path / "brief.txt"
    letter.write_text("Den Haag, 1 juni 2021\n\nZie Kamerstuk 29 521, nr. 451 over MINUSMA.\n", "utf-8")
    assert mg.open(store).load(letter).ok
    holder = hold("write", store)
    busy = cli("fetch", "29521-451", "--rate", "20", env_store=store)
    assert busy.returncode == 3, busy.stderr
    assert f"is busy: pid {holder.pid} (missiongraph write stdin {store}) is writing to it" in busy.stderr
    assert (tmp_path / "corpus" / "kst-29521-451.xml").is_file()           # what was downloaded stays
    holder.stdin.close()
    holder.wait(timeout=60)
    holder = hold("write", store)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    waiting = subprocess.Popen([str(Path(sys.executable).with_name("missiongraph")), "fetch", "29521-451", "--rate",
                                "20", "--wait", "60"], env={**env, "MISSIONGRAPH_STORE": str(store)},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    said = waiting.stderr.readline()            # it waits for the store ...
    assert said.startswith(f"waiting up to 60 s: the graph at {store} is busy: pid {holder.pid}"), said
    holder.stdin.close()                        # ... until the holder lets go, then loads
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert re.search(r"^unchanged \(in the folder\) +1$", out, re.MULTILINE), out
    assert re.search(r"^loaded +1$", out, re.MULTILINE), out


@pytest.mark.neo4j
def test_unresolved_into_neo4j_resolves_the_cited_node(tmp_path, koop, neo4j_server):
    from .conftest import open_neo4j, wipe

    koop.add(paper("451", cites=("29521-452",)), paper("452", cites=("29521-451",)))
    citing = tmp_path / "brief.txt"
    citing.write_text("Den Haag, 1 juni 2021\n\nZie Kamerstuk 29 521, nr. 451 over MINUSMA.\n", "utf-8")
    with open_neo4j(neo4j_server) as graph, mg.open(neo4j_server.uri, user=neo4j_server.user,
                                                    password=neo4j_server.password,
                                                    database=neo4j_server.database) as api:
        wipe(graph)
        load([citing], graph)
        report = run(folder=tmp_path / "c", unresolved_from=api, depth=3, politeness=FAST, load_into=api)
        assert report.fetched == ["kst-29521-451", "kst-29521-452"] and report.levels == [1, 1]
        rows = graph.run("MATCH (k:Kamerstuk) RETURN k.id, COUNT { MATCH (k)<-[:PUBLISHED_AS]-() }, "
                         "COUNT { MATCH (k)<-[:CITES]-() } ORDER BY k.id", {}).rows
        assert rows == [["29521-451", 1, 2], ["29521-452", 1, 1]]
        urls = graph.run("MATCH (d:Document) WHERE d.url IS NOT NULL RETURN d.url ORDER BY d.url", {}).rows
        assert urls == [["https://zoek.officielebekendmakingen.nl/kst-29521-451.html"],
                        ["https://zoek.officielebekendmakingen.nl/kst-29521-452.html"]]
        wipe(graph)
