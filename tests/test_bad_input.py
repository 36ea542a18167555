"""Bad and hostile input: every bad file gets a one-line reason naming it, the rest of the load goes on, and the
exit code says some files failed. All inputs are built on the fly."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from click.testing import CliRunner

from missiongraph.cli import main
from missiongraph.pipeline import find_files
from missiongraph.read import read_document
from missiongraph.readers.base import ReadError
from missiongraph.stores.embedded import EmbeddedStore

from .conftest import SEED_BRIEF, SEED_NOTA
from .test_readers import make_docx, make_pdf, seed_pdf

ZEROS = 30 * 1024 * 1024


def zip_bomb() -> bytes:
    """A 'DOCX' whose document.xml inflates to 30 MB of zeros from a few tens of KB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(ZEROS // len(chunk)):
                member.write(chunk)
    return buf.getvalue()


def corrupt_pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ngarbage \x00\x01 here\ntrailer\n<<>>\n%%EOF\n"


BAD = {   # name: (content builder, reason the reader gives)
    "empty.txt": (lambda: b"", "empty file"),
    "binary.txt": (lambda: b"\x00\x01\x02PK\x03\x04" * 100, "binary data, not text"),
    "unknown-encoding.txt": (lambda: b"Kamerstuk 29 521, nr. 451 \x81\x8d\x90\x9d bytes cp1252 has no letter for",
                             "unknown encoding"),
    "truncated.pdf": (lambda: seed_pdf()[:9000], "corrupt PDF: truncated"),
    "corrupt.pdf": (corrupt_pdf, "corrupt PDF: "),
    "encrypted.pdf": (lambda: make_pdf([["Geheim: Kamerstuk 29 521, nr. 451."]], encrypt=True), "encrypted PDF"),
    "scanned.pdf": (lambda: make_pdf([["x"], ["y"]], text=False), r"no text \(scanned\?\)"),
    "not-a-zip.docx": (lambda: b"Dit is gewoon tekst met een .docx-naam.", r"not a valid DOCX \(not a zip\)"),
    "bomb.docx": (zip_bomb, r"zip bomb\? \(uncompressed 30 MB"),
    "zip-without-word.docx": (lambda: _zip({"hello.txt": "hi"}), "not a valid DOCX .no word/document.xml"),
    "not-a-pdf.pdf": (lambda: b"Kamerstuk 29 521, nr. 451", r"not a PDF \(no %PDF header\)"),
    "broken.xml": (lambda: b"<?xml version='1.0'?><kamerstuk><al>open", "corrupt XML: "),
}


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return buf.getvalue()


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_is_refused_with_its_reason(tmp_path, name):
    build, reason = BAD[name]
    path = tmp_path / name
    path.write_bytes(build())
    with pytest.raises(ReadError, match=reason) as info:
        read_document(path)
    assert "\n" not in str(info.value)


def test_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "huge.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 2_000_000)
    with pytest.raises(ReadError, match=r"file is 2.0 MB, above the 1 MB limit \(--max-size\)"):
        read_document(path, max_bytes=1_000_000)


def test_broken_symlink_and_fifo_are_refused(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "does-not-exist.txt")
    with pytest.raises(ReadError, match="broken symlink"):
        read_document(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(ReadError, match=r"not a regular file \(FIFO\)"):       # and does not block
        read_document(tmp_path / "pipe.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; the broken-symlink and FIFO "
                                                "tests cover unreadable entries")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Kamerstuk 29 521, nr. 451", "utf-8")
    path.chmod(0)
    try:
        with pytest.raises(ReadError, match="permission denied"):
            read_document(path)
    finally:
        path.chmod(0o644)


def test_symlink_loop_is_walked_once(tmp_path):
    root = tmp_path / "stukken"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("a", "utf-8")
    (root / "sub" / "b.txt").write_text("b", "utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)    # stukken/sub/loop -> stukken
    (root / "self").symlink_to(".", target_is_directory=True)             # stukken/self -> stukken
    found = [p.relative_to(root).as_posix() for p in find_files([root])]
    assert found == ["a.txt", "sub/b.txt"]


# ------------------------------------------------------------------------------------ a whole load, via the CLI

def relationships(store_path, doc_id):
    with EmbeddedStore(store_path, read_only=True) as store:
        rels = [r for t in store.schema.relationships for r in store.relationships(t)]
    return sorted({(r["type"], r["start"], r["end"]) for r in rels if r["doc"] == doc_id})


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_a_folder_of_good_and_bad_files(run, tmp_path):
    folder = tmp_path / "in"
    (folder / "deeper" / "still").mkdir(parents=True)
    brief_id, nota_id = SEED_BRIEF.stem, SEED_NOTA.stem
    (folder / f"{brief_id}.pdf").write_bytes(seed_pdf())
    nota_docx = make_docx([line for line in SEED_NOTA.read_text("utf-8").splitlines() if line.strip()])
    (folder / "deeper" / f"{nota_id}.docx").write_bytes(nota_docx)
    (folder / "deeper" / "still" / "copy of the nota.docx").write_bytes(nota_docx)       # same content, 2nd name
    (folder / "deeper" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "big.txt").write_text("Kamerstuk 29 521, nr. 451. " * 60_000, "utf-8")    # 1.6 MB > --max-size 1
    for name, (build, _) in BAD.items():
        (folder / name).write_bytes(build())

    result = run("load", folder, "--store", tmp_path / "mixed.lbug", "--max-size", 1)
    assert result.exit_code == 1, result.output
    failed = len(BAD) + 3
    assert f"2 loaded, 0 unchanged, {failed} failed, 1 skipped (not a document type), 1 duplicate" in result.output
    reasons = {**{name: reason for name, (_, reason) in BAD.items()},
               "gone.txt": "broken symlink", "pipe.txt": r"not a regular file \(FIFO\)", "big.txt": r"file is 1\.\d MB, above the 1 MB limit"}
    import re
    table = result.output[result.output.index("failed file"):]
    for name, reason in reasons.items():
        assert re.search(rf"^{re.escape(str(folder / name))} +{reason}", table, re.M), (name, table)

    # The good documents: the same facts as their .txt twins.
    assert run("load", SEED_BRIEF, SEED_NOTA, "--store", tmp_path / "txt.lbug").exit_code == 0
    for doc_id in (brief_id, nota_id):
        got, want = relationships(tmp_path / "mixed.lbug", doc_id), relationships(tmp_path / "txt.lbug", doc_id)
        assert got == want and len(want) > 20, doc_id
    with EmbeddedStore(tmp_path / "mixed.lbug", read_only=True) as store:
        assert store.run("MATCH (d:Document) RETURN count(d)").rows == [[2]]
        source = store.run("MATCH (d:Document {id: $id}) RETURN d.source", {"id": nota_id}).rows[0][0]
        assert source == f"{folder / 'deeper' / (nota_id + '.docx')}; {folder / 'deeper' / 'still' / 'copy of the nota.docx'}"
        pages = store.run("MATCH (:Document {id: $id})-[r:CITES]->(:Kamerstuk) RETURN DISTINCT r.page",
                          {"id": brief_id}).rows
        assert sorted(p for (p,) in pages) and all(p >= 1 for (p,) in pages)


def test_everything_good_exits_0(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.pdf").write_bytes(seed_pdf())
    result = run("load", folder, "--store", tmp_path / "g.lbug")
    assert result.exit_code == 0 and "1 loaded, 0 unchanged, 0 failed" in result.output
    again = run("load", folder, "--store", tmp_path / "g.lbug")
    assert again.exit_code == 0 and "0 loaded, 1 unchanged" in again.output
