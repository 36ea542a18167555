"""Readers for PDF, DOCX, HTML and XML: every test builds its input on the fly (no binary fixtures).

The seed brief converted to PDF and to DOCX must yield the same facts as its text version, the PDF with page
numbers in the provenance.
"""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from missiongraph.extract import extract, summarise
from missiongraph.pipeline import document_graph
from missiongraph.read import read_document, sniff
from missiongraph.readers.base import ReadError

from .conftest import SEED_BRIEF

HEADER = "Tweede Kamer, vergaderjaar 2022\u20132023, 29 521, nr. 460"


# ---------------------------------------------------------------------------------------------------- builders

def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[str]], *, encrypt: bool = False, text: bool = True) -> bytes:
    """A valid PDF: one page per list of lines, Helvetica with WinAnsiEncoding (Dutch letters, curly quotes,
    en dashes). ``encrypt`` adds a Standard security handler whose user password is not empty; ``text=False``
    draws only a filled rectangle per page (a scan without a text layer)."""
    objects: list[bytes] = []
    n_pages = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        if text:
            ops = [b"BT /F1 9 Tf 11 TL 40 800 Td"]
            for line in lines:
                ops.append(_pdf_string(line) + b" Tj T*")
            ops.append(b"ET")
        else:
            ops = [b"0.5 g 40 40 500 750 re f"]
        stream = b"\n".join(ops)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {5 + 2 * i} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    if encrypt:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"6f" * 32 + b"> /U <" + b"75" * 32 + b"> /P -44 >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if encrypt:
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), b"ab" * 16, b"ab" * 16)
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def seed_lines() -> list[str]:
    return [line.rstrip() for line in SEED_BRIEF.read_text("utf-8").splitlines() if line.strip()]


def seed_pdf(lines_per_page: int = 45, *, furniture: bool = True) -> bytes:
    """The seed brief as a PDF, with a running header (a Kamerstuk number!) and a page-number footer."""
    lines = seed_lines()
    chunks = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    if furniture:
        chunks = [[HEADER, ""] + chunk + ["", f"Pagina {n} van {len(chunks)}"] for n, chunk in enumerate(chunks, 1)]
    return make_pdf(chunks)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
             '</w:footnote>{notes}</w:footnotes>')


def make_docx(paragraphs: list[str], *, table: list[list[str]] | None = None, footnotes: list[str] = ()) -> bytes:
    """A DOCX made with python-docx; footnotes are a hand-made word/footnotes.xml part added to the zip."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    buf = io.BytesIO()
    document.save(buf)
    if not footnotes:
        return buf.getvalue()
    notes = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>'
                    for i, text in enumerate(footnotes, start=1))
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("word/footnotes.xml", FOOTNOTES.format(notes=notes))
    return out.getvalue()


# ------------------------------------------------------------------------------------------------ comparisons

def facts(doc) -> dict:
    """What a document contributes, independent of offsets and surface text: relationship endpoints and types,
    node keys, and the gold-style summary of Kamerstukken, missions, recommendations (with stance)."""
    graph = document_graph(doc)
    summary = summarise(extract(doc.text))
    return {
        "relationships": sorted({(r.type, r.start.label, r.start.key, r.end.label, r.end.key,
                                  r.props.get("stance")) for r in graph.relationships}),
        "nodes": sorted({(n.label, n.key) for n in graph.nodes}),
        "kamerstukken": sorted(summary["kamerstukken"]),
        "missions": sorted(summary["missions"]),
        "recommendations": sorted((r["number"], r["stance"], r["finding"]) for r in summary["recommendations"]),
        "self": summary["self"],
    }


@pytest.fixture(scope="module")
def seed_facts():
    return facts(read_document(SEED_BRIEF, doc_id="seed"))


# ---------------------------------------------------------------------------------------------------- PDF

def test_seed_as_pdf_has_the_same_facts_and_page_numbers(tmp_path, seed_facts):
    path = tmp_path / "seed.pdf"
    path.write_bytes(seed_pdf())
    started = time.perf_counter()
    doc = read_document(path)
    elapsed = time.perf_counter() - started
    assert elapsed < 5, f"reading the seed PDF took {elapsed:.2f} s"
    n_pages = -(-len(seed_lines()) // 45)
    assert n_pages >= 5 and len(doc.pages) == n_pages and doc.pages[0] == 0 and list(doc.pages) == sorted(doc.pages)
    assert "29 521, nr. 460" not in doc.text and "Pagina" not in doc.text     # running header and footer removed
    assert facts(doc) == seed_facts
    graph = document_graph(doc)
    pages = {r.provenance.page for r in graph.relationships}
    assert pages == set(range(1, n_pages + 1))
    # the page of a span is the page its text is on
    for rel in graph.relationships[:50]:
        page = rel.provenance.page
        start = doc.pages[page - 1]
        end = doc.pages[page] if page < len(doc.pages) else len(doc.text)
        assert start <= rel.provenance.start < end


def test_pdf_page_of_a_known_sentence(tmp_path):
    path = tmp_path / "two.pdf"
    path.write_bytes(make_pdf([["Den Haag, 3 maart 2020", "Eerste pagina."],
                               ["Zie Kamerstuk 29 521, nr. 401 over MINUSMA en de coördinatie."]]))
    doc = read_document(path)
    graph = document_graph(doc)
    cites = [r for r in graph.relationships if r.type == "CITES"]
    assert [(r.end.key, r.provenance.page) for r in cites] == [("29521-401", 2)]
    assert "coördinatie" in doc.text and doc.encoding == "pdf"


def test_pdf_hyphenation_across_a_page_break_is_joined(tmp_path):
    path = tmp_path / "hyphen.pdf"
    path.write_bytes(make_pdf([["Een inter-"], ["nationale missie."]]))
    doc = read_document(path)
    assert "internationale missie." in doc.text
    assert doc.page_at(doc.text.index("missie")) == 2 and doc.page_at(0) == 1


# ---------------------------------------------------------------------------------------------------- DOCX

def test_seed_as_docx_has_the_same_facts(tmp_path, seed_facts):
    path = tmp_path / "seed.docx"
    path.write_bytes(make_docx(seed_lines()))
    started = time.perf_counter()
    doc = read_document(path)
    elapsed = time.perf_counter() - started
    assert elapsed < 5, f"reading the seed DOCX took {elapsed:.2f} s"
    assert doc.pages == () and doc.encoding == "docx"
    assert facts(doc) == seed_facts


def test_docx_tables_and_footnotes(tmp_path):
    path = tmp_path / "brief.docx"
    path.write_bytes(make_docx(["Den Haag, 3 maart 2020", "Zie de tabel."],
                               table=[["Missie", "Kamerstuk"], ["MINUSMA", "Kamerstuk 29 521, nr. 401"]],
                               footnotes=["Kamerstuk 29 521, nr. 451.", "VNVR Resolutie 2690 (2023)."]))
    doc = read_document(path)
    assert "MINUSMA | Kamerstuk 29 521, nr. 401" in doc.text
    assert "Voetnoten\n1 Kamerstuk 29 521, nr. 451.\n2 VNVR Resolutie 2690 (2023)." in doc.text
    summary = summarise(extract(doc.text))
    assert sorted(summary["kamerstukken"]) == ["29521-401", "29521-451"]
    assert summary["resolutions"] == ["2690"]


# ---------------------------------------------------------------------------------------------------- HTML, XML

OB_HTML = """<!DOCTYPE html>
<html lang="nl"><head>
<meta charset="utf-8">
<title>Kamerstuk 29521, nr. 451 | Overheid.nl &gt; Officiële bekendmakingen</title>
<meta name="DC.identifier" content="kst-29521-451">
<meta name="OVERHEIDop.dossiernummer" content="29521">
<meta name="OVERHEIDop.ondernummer" content="451">
<meta name="DC.title" content="Internationale militaire samenwerking; Brief regering; Beleidsreactie IOB-evaluatie MINUSMA">
<meta name="DCTERMS.issued" content="2022-09-30">
<meta name="DC.type" content="Kamerstuk">
<meta name="OVERHEIDop.documenttype" content="Brief">
<style>body { color: red } .x { content: "Kamerstuk 11 111, nr. 1" }</style>
<script>var ref = "Kamerstuk 22 222, nr. 2";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/x">Kamerstuk 33 333, nr. 3</a></nav>
<div id="broodtekst">
<h1>29 521 Internationale militaire samenwerking</h1>
<p>Nr. 451 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN</p>
<p>Hierbij ontvangt u de beleidsreactie op de evaluatie van MINUSMA&nbsp;(zie Kamerstuk 29 521, nr. 401).</p>
<table><tr><td>Resolutie</td><td>VNVR Resolutie 2690</td></tr></table>
</div>
<footer>Kamerstuk 44 444, nr. 4</footer>
</body></html>"""

KST_XML = """<?xml version="1.0" encoding="UTF-8"?>
<kamerstuk xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<kamerstukkop><kamer nummer="2"/><vergaderjaar>Vergaderjaar 2022-2023</vergaderjaar></kamerstukkop>
<dossier><dossiernummer><dossiernr>29521</dossiernr></dossiernummer>
<titel>Internationale militaire samenwerking</titel></dossier>
<stuk><stuknr><ondernummer>451</ondernummer></stuknr>
<titel>BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN</titel>
<algemeen><brief><al>Den Haag, <nadruk type="vet">30 september 2022</nadruk></al>
<al>Zie Kamerstuk 29 521, nr. 401 over MINUSMA.</al></brief></algemeen></stuk>
</kamerstuk>"""


def test_html_body_text_and_metadata(tmp_path):
    path = tmp_path / "kst-29521-451.html"
    path.write_text(OB_HTML, "utf-8")
    doc = read_document(path)
    assert doc.meta == {"kamerstuk": "29521-451", "date": "2022-09-30", "kind": "brief",
                        "title": "Internationale militaire samenwerking; Brief regering; Beleidsreactie IOB-evaluatie MINUSMA"}
    for furniture in ("11 111", "22 222", "33 333", "44 444", "color: red"):
        assert furniture not in doc.text
    assert "MINUSMA (zie Kamerstuk 29 521, nr. 401)." in doc.text
    assert "Resolutie | VNVR Resolutie 2690" in doc.text
    graph = document_graph(doc)
    assert graph.document.props["kamerstuk"] == "29521-451"
    assert graph.document.props["date"] == "2022-09-30"


def test_kamerstuk_xml_text_and_metadata(tmp_path):
    path = tmp_path / "kst-29521-451.xml"
    path.write_text(KST_XML, "utf-8")
    doc = read_document(path)
    # The paper's own title (<stuk><titel>), not the dossier's that comes before it.
    assert doc.meta == {"kamerstuk": "29521-451", "title": "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN"}
    assert "Den Haag, 30 september 2022" in doc.text
    assert document_graph(doc).document.props["date"] == "2022-09-30"      # from the text: Den Haag, <date>
    assert "29521-401" in summarise(extract(doc.text))["kamerstukken"]


@pytest.mark.parametrize("pairs, expected", [
    ({"dc.identifier": "kst-35570-V-9"}, "35570-V-9"),
    ({"dc.identifier": "kst-21501-02-1210"}, "21501-02-1210"),
    ({"overheidop.dossiernummer": "29 521", "overheidop.ondernummer": "451"}, "29521-451"),
    ({"overheidop.dossiernummer": "35570-V", "overheidop.ondernummer": "9"}, "35570-V-9"),
    ({"dc.identifier": "stcrt-2020-1234"}, None),
])
def test_kamerstuk_ids_from_metadata(pairs, expected):
    from missiongraph.readers.markup import meta_from_pairs

    assert meta_from_pairs(pairs).get("kamerstuk") == expected


def test_xml_entities_are_not_expanded(tmp_path):
    path = tmp_path / "laughs.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    '<l><al>Zie Kamerstuk 29 521, nr. 401. &c; &x;</al></l>', "utf-8")
    doc = read_document(path)
    assert "hahaha" not in doc.text and "root:" not in doc.text
    assert "Kamerstuk 29 521, nr. 401" in doc.text


# ---------------------------------------------------------------------------------------------------- sniffing

@pytest.mark.parametrize("raw, suffix, kind", [
    (b"%PDF-1.7\n...", ".txt", "pdf"),
    (b"PK\x03\x04....", ".docx", "docx"),
    (b"PK\x03\x04....", ".zip", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", ".docx", "ole"),
    (b"  <!DOCTYPE html><html>", ".txt", "html"),
    (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', ".xml", "html"),
    (b'<?xml version="1.0"?><kamerstuk/>', ".txt", "xml"),
    (b"<p>Kamerstuk</p>", ".html", "html"),
    (b"<!-- opmerking --> Kamerstuk 29 521, nr. 1", ".md", "text"),
    (b"Den Haag, 1 mei 2020", ".txt", "text"),
])
def test_format_is_chosen_by_content(raw, suffix, kind):
    assert sniff(raw, suffix) == kind


def test_a_pdf_named_txt_is_read_as_pdf(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(make_pdf([["Zie Kamerstuk 29 521, nr. 401."]]))
    assert read_document(path).pages == (0,)


def test_html_without_text_is_refused(tmp_path):
    path = tmp_path / "leeg.html"
    path.write_text("<html><body><script>alert(1)</script></body></html>", "utf-8")
    with pytest.raises(ReadError, match="no text"):
        read_document(path)
