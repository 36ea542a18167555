"""Reading text files: encodings detected and decoded correctly, bad files refused with a one-line reason."""

from __future__ import annotations

import pytest

from missiongraph.read import read_document
from missiongraph.readers.base import ReadError, decode

DUTCH = "Keïta – ‘beëindiging’ van MINUSMA, € 1,5 miljoen; coördinatie “ten dele”."


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("cp1252", "cp1252"),          # Windows: curly quotes, en dash and euro sign are bytes 0x80-0x9F
    ("utf-16", "utf-16"),
])
def test_encodings_are_detected(encoding, expected):
    text, found = decode(DUTCH.encode(encoding))
    assert text == DUTCH
    assert found == expected


def test_latin1_without_windows_characters():
    text = "Keïta, coördinatie en beëindiging"
    assert decode(text.encode("latin-1")) == (text, "latin-1")


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n\t ", "empty file"),
    ("zip.txt", b"PK\x03\x04\x00\x00\x08\x00" * 50, "binary data, not text"),
    ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary data, not text"),
    ("brief.rtf", b"{\\rtf1 Kamerstuk 29 521, nr. 451}", "unsupported file type .rtf"),
])
def test_bad_files_are_refused_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read_document(path)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Kamerstuk 29 521, nr. 451. " * 2000, "utf-8")
    with pytest.raises(ReadError, match="above the 0 MB limit"):
        read_document(path, max_bytes=1000)


def test_document_id_hash_and_source(tmp_path):
    path = tmp_path / "Brief 2020.txt"
    path.write_text("Den Haag, 1 mei 2020", "utf-8")
    doc = read_document(path)
    assert doc.id == "Brief 2020" and doc.source == str(path) and len(doc.sha256) == 64
