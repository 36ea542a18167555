"""Text clean-up (pure): hyphenation, odd characters, running headers and footers, page offsets."""

from __future__ import annotations

import pytest

from missiongraph.cleanup import clean_pages, clean_text, dehyphenate, running_lines


@pytest.mark.parametrize("text, expected", [
    ("de inter-\nnationale missie", "de internationale missie"),          # a word broken at the line end
    ("de inter-\n\nnationale missie", "de internationale missie"),        # one blank line between (PDF text)
    ("de inter-\n\n\nnationale", "de inter-\n\n\nnationale"),             # two blank lines: not one word
    ("de VN-\nmissie", "de VN-missie"),                                  # after a capital: a real hyphen
    ("de C-130-\ninzet", "de C-130-inzet"),                              # after a digit
    ("de West-\nAfrikaanse landen", "de West-Afrikaanse landen"),        # before a capital
    ("een zee-\negel", "een zee-egel"),                                  # vowel clash: Dutch keeps the hyphen
    ("de ex-\nminister", "de ex-minister"),                              # prefixes that take a hyphen
    ("land-\nen zeemacht", "land- en zeemacht"),                         # hyphen of omission
    ("tussen 2014-\n2019", "tussen 2014-2019"),
    ("evaluatie3 en nr. 451", "evaluatie3 en nr. 451"),                  # footnote markers stay
    ("geen - streepje\nhier", "geen - streepje\nhier"),
])
def test_dehyphenate(text, expected):
    assert dehyphenate(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ﬁnanciën ﬂexibel eﬀect eﬃciënt aﬄuent", "financiën flexibel effect efficiënt affluent"),
    ("29\u00a0521, nr.\u202f451", "29 521, nr. 451"),
    ("coör\u00addinatie", "coördinatie"),
    ("regel\r\nregel\rregel", "regel\nregel\nregel"),
    ("\ufeffzero\u200bwidth", "zerowidth"),
])
def test_characters(text, expected):
    assert clean_text(text) == expected


def pages(n: int, body: list[str]) -> list[str]:
    return [f"Tweede Kamer, vergaderjaar 2022–2023, 29 521, nr. 460\n{line}\n{i}" for i, line in enumerate(body[:n], 1)]


def test_running_header_and_page_numbers_are_removed():
    body = ["Eerste pagina over MINUSMA.", "Tweede pagina.", "Derde pagina."]
    text, starts = clean_pages(pages(3, body))
    assert text == "Eerste pagina over MINUSMA.\nTweede pagina.\nDerde pagina.\n"
    assert starts == (0, text.index("Tweede"), text.index("Derde"))


def test_a_line_on_few_pages_is_not_furniture():
    texts = ["Kop\nA", "Kop\nB", "Anders\nC", "Weer anders\nD", "Nog iets\nE"]
    assert running_lines(texts) == set()                         # 2 of 5 pages: below 60 %
    assert running_lines(["Kop\nA"]) == set()                    # one page: nothing repeats


def test_page_offsets_follow_dehyphenation_across_pages():
    text, starts = clean_pages(["Een inter-\r\n", "nationale missie.\r\n"])
    assert text == "Een internationale missie.\n"
    assert starts == (0, text.index(" missie"))


def test_ligatures_and_spaces_in_pages_keep_offsets_consistent():
    text, starts = clean_pages(["ﬁnanciën\u00a0A\n", "eﬀect B\n"])
    assert text[starts[1]:].startswith("effect B")
