"""Property tests for every extraction rule: random and adversarial text.

For every rule in ``missiongraph.extract.RULES``:
- no exception escapes, whatever the input;
- every mention's ``text`` is exactly ``input[start:end]`` (offsets index into the text the rule was given);
- the whole extractor (rules and linkers) runs in bounded time on a megabyte of adversarial text (long digit
  runs, spaces, ``nr.`` repeated, dashes, ``Kamerstuk`` repeated, one sentence full of ``zegde het kabinet toe``
  or ``deze aanbeveling``, a random run of item labels, stance words and numbers, ...): no regular expression
  backtracks catastrophically and no rule or linker searches a sentence again for every trigger word in it.
"""

from __future__ import annotations

import gc
import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missiongraph.extract import LINKERS, RESOLVERS, RULES, extract
from missiongraph.extract.text import normalise

# Pieces real documents are made of, and the pieces that trouble regular expressions.
TOKENS = [
    "Kamerstuk", "Kamerstukken", "kamerstuk", "II", "I", " ", "  ", "\n", "\n\n", ",", ".", "-", "\u2013", "(", ")",
    "/", "nr.", "nrs.", "nr", "en", "t/m", "29", "521", "29 521", "29521", "27 925", "21 501-02", "451", "AB", "D",
    "V", "kst-", "kenmerk", "ID:", "Zij krijgt", "was", "resolutie", "VN-", "VNVR", "resoluties", "UNSCR",
    "S/RES/", "(2013)", "2100", "Den Haag", "Vastgesteld", "Voorgesteld", "Datum", "**Datum**", "datum:",
    "Gepubliceerd:", "18", "december", "dec.", "2015", "2021-11-11", "Nr.", "BRIEF", "VERSLAG", "ISSN",
    "2021Z18124", "2021D41047", "artikel 100", "€", "070 348 6486", "\u00a0", "Tweede Kamer, vergaderjaar",
    "minister", "van", "Defensie", "Buitenlandse Zaken", "MINUSMA", "aanbeveling", "1.", "2.1.", "•",
    "- ", "Hoofdbevinding", "Bevinding", "Conclusie", ": ", "\"", "zegde het kabinet toe", "#", "**",
]

token_text = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)
random_text = st.text(max_size=400)
mixed_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=60).map("".join)


def _check_rules(raw: str) -> None:
    clean = normalise(raw)
    assert len(clean) == len(raw)
    for rule in RULES:
        for m in rule(clean):
            assert 0 <= m.start <= m.end <= len(clean), (rule.__name__, m)
            assert m.text == clean[m.start:m.end], (rule.__name__, m)
    for m in extract(raw):
        assert m.text == clean[m.start:m.end]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(token_text)
def test_rules_on_token_soup(raw):
    _check_rules(raw)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_text)
def test_rules_on_random_unicode(raw):
    _check_rules(raw)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text)
def test_rules_on_mixed_text(raw):
    _check_rules(raw)


def _corpus_documents() -> list:
    import missiongraph
    from pathlib import Path
    sample = Path(missiongraph.__file__).parent / "sample"
    return sorted(sample.glob("*/docs/*.txt"))


@pytest.mark.parametrize("path", _corpus_documents(), ids=lambda p: f"{p.parent.parent.name}/{p.stem[:12]}")
def test_rules_on_corpus_documents(path):
    _check_rules(path.read_text(encoding="utf-8"))


MB = 1_000_000

RESPONSE_TOKENS = ("Aanbeveling", "aanbeveling", "aanbevelingen", "Bevinding", "bevindingen", "conclusie", "Conclusie",
                   "advies", "het kabinet", "onderschrijft", "deelt", "neemt", "over", "niet", "ten dele",
                   "gedeeltelijk", "volledig", "steunt", "zal", "informeren", "toe", "zegt", "de", "deze", "en", "12",
                   "2.1", "3.2", "4", "nr. 7", "(", ")", ",", ".", ":", ";", "\n", "-", "1)", "•", "AIV", "rapport",
                   "evaluatie", "voor de zomer van 2024", "«", "»")

# name -> (prefix, unit repeated up to the size, suffix)
ADVERSARIAL = {
    "digits": ("", "1", ""),
    "digit groups": ("", "12 ", ""),
    "dossier-like groups": ("", "29 521 ", ""),
    "spaces": ("", " ", ""),
    "newlines": ("", "\n", ""),
    "nr repeated": ("", "nr. ", ""),
    "dossier nr nr": ("", "29 521, nr. " + "nr. " * 50 + "\n", ""),
    "dashes": ("", "-", ""),
    "digits and dashes": ("", "12345-", ""),
    "Kamerstuk repeated": ("", "Kamerstuk ", ""),
    "Kamerstuk dossier": ("", "Kamerstuk 29 521, ", ""),
    "number list": ("Kamerstuk 29 521, nrs. ", "1, ", ""),
    "resolutie repeated": ("", "VN-resolutie ", ""),
    "header lines": ("", "29 521 Nederlandse deelname\n", ""),
    "Datum lines": ("", "**Datum**  \n", ""),
    "Den Haag": ("", "Den Haag, ", ""),
    "unterminated parens": ("", "(", ""),
    "footnote lines": ("", "nr.\n1 Zie\n", ""),
    "tabs and spaces": ("", " \t", "x"),
    # one enormous sentence full of the structure rules' trigger words: each is looked up once per sentence
    "zegde het kabinet toe": ("", "zegde het kabinet toe ", ""),
    "deze aanbeveling in one sentence": ("Aanbeveling 1.1: Pas het format aan.\nHet kabinet steunt ",
                                         "deze aanbeveling. ", ""),
    "stance targets in one sentence": ("Het kabinet steunt ", "aanbeveling 1 en ", ""),
    "numbers after a stance": ("Het kabinet deelt bevinding 1 volledig ", "12 ", ""),
    "commitment lists": ("", "Het kabinet doet de volgende toezeggingen:\n- Bevinding 1: het zal gebeuren.\n", ""),
    # persons and their resolution: many names of one surname family, many unnamed posts, long lists of roles
    "Van Dijks in one debate": ("Den Haag, 1 juni 2014\n", "De heer Van Dijk (SP): ja. De heer Van Dijk: nee. ", ""),
    "unnamed signatures": ("Den Haag, 1 juni 2014\n", "De Minister van Defensie,\n\n", ""),
    "letter header posts": ("Nr. 1 BRIEF VAN DE MINISTERS ", "VAN DEFENSIE, ", "\n"),
    "role words": ("", "generaal Kees Jansen, ", ""),
    "member list": ("Aanwezig zijn leden der Kamer, te weten: ", "Van Ojik, Knops, ", ""),
    # mission names that need a mission word nearby, none near
    "ambiguous mission names": ("", "RSM Althea Atalanta ", ""),
    # a random run (fixed seed) of item labels, stance words, numbers, report nouns and authors
    "labels, stances and numbers": ("", " ".join(random.Random(1).choices(RESPONSE_TOKENS, k=3000)), ""),
    "report nouns without a stop": ("", "het rapport van de AIV uitgevoerd door de commissie ", ""),
}


def adversarial(name: str, size: int) -> str:
    prefix, unit, suffix = ADVERSARIAL[name]
    return prefix + unit * ((size - len(prefix) - len(suffix)) // len(unit)) + suffix


# What the test is for: no rule grows faster than the text. From 128 KB to 1 MB (8 times the text) a rule may take at
# most GROWTH times longer than linear would (a rule quadratic in a sentence's length takes 64 times longer, one that
# is exponential never finishes 128 KB). A ratio within one run, so it holds on a slow or busy machine; rules that take
# under MIN_SECONDS at 1 MB are left out (their ratio is noise).
GROWTH = 2.5
MIN_SECONDS = 0.05
# CPU seconds per megabyte, against a catastrophic constant factor only: measured on the development machine (2 cores,
# heavily shared) the slowest single rule took 0.7-2.0 s/MB at 256 KB depending on the day (ambiguous mission names,
# stance targets in one sentence), the whole extractor up to 2.6 s/MB, references and dates 0.21 s/MB. The bounds
# leave 2.5x over the slowest day: a machine's speed is not what this test measures (bench/ does that, in ratios).
RULE_SECONDS_PER_MB = 5.0
TOTAL_SECONDS_PER_MB = 12.0
REFERENCE_AND_DATE_SECONDS_PER_MB = 1.5
# Grow the input: a superlinear rule fails fast at a small size instead of running for hours at 1 MB.
SIZES = (16_000, 128_000, MB)


def _rule_name(rule) -> str:
    return f"{rule.__module__.rsplit('.', 1)[-1]}.{rule.__name__}"


def _warm_up() -> None:
    """Run every rule, linker and resolver once on a short text, so that what they build on first use (the
    gazetteers' tables) is not charged to the first input timed: a test run alone would otherwise fail at 16 KB."""
    extract("Den Haag, 1 juni 2014\nKamerstuk 29 521, nr. 1. De minister van Defensie over MINUSMA in Mali. "
            "Minister Koenders zei het. Het kabinet onderschrijft aanbeveling 2 van het AIV-advies en zal de Kamer "
            "voor de zomer informeren.")


def _cpu_seconds(text: str) -> dict:
    """CPU seconds each rule, linker and resolver takes on ``text``, without the garbage collector's pauses: a full
    collection walks whatever the earlier tests left on the heap, which says nothing about the rule and can double
    a 10 ms measurement at 16 KB."""
    seconds = {}
    found = []
    gc.disable()
    try:
        for rule in RULES:
            t0 = time.process_time()
            found.extend(rule(text))
            seconds[rule] = time.process_time() - t0
        linked = []
        for linker in LINKERS:
            t0 = time.process_time()
            linked.extend(linker(text, found))
            seconds[linker] = time.process_time() - t0
        found.extend(linked)
        for resolver in RESOLVERS:
            t0 = time.process_time()
            found = resolver(text, found)
            seconds[resolver] = time.process_time() - t0
    finally:
        gc.enable()
    return seconds


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_time_per_megabyte(name):
    _warm_up()
    previous: dict[str, float] = {}
    for size in SIZES:
        clean = normalise(adversarial(name, size))
        per_mb = size / MB
        seconds = {_rule_name(rule): t for rule, t in _cpu_seconds(clean).items()}
        if size == MB:
            for rule, t in seconds.items():
                before = previous.get(rule, 0.0)
                if t >= MIN_SECONDS and before > 0:
                    growth = t / before / (MB / 128_000)
                    assert growth < GROWTH, (f"{name!r}: rule {rule} takes {growth:.1f} times longer per character at "
                                             f"1 MB than at 128 KB ({before:.3f} s, then {t:.3f} s)")
        previous = seconds
        rates = {rule: t / per_mb for rule, t in seconds.items()}
        slowest = max(rates, key=rates.get)
        where = f"{name!r} at {size:,} characters"
        assert rates[slowest] < RULE_SECONDS_PER_MB, f"{where}: rule {slowest} takes {rates[slowest]:.1f} s/MB"
        total = sum(rates.values())
        assert total < TOTAL_SECONDS_PER_MB, f"{where}: extractor takes {total:.1f} s/MB (slowest {slowest})"
        ours = sum(v for k, v in rates.items() if k.split(".")[0] in ("references", "dates"))
        assert ours < REFERENCE_AND_DATE_SECONDS_PER_MB, f"{where}: references+dates take {ours:.2f} s/MB"
