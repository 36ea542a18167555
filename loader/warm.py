"""Warm workers: what a parallel load's fork server imports (``pipeline.worker_pool``), so that every rule's tables
are built once, there, and not again in each worker.

The rules build their gazetteers, phrase lexicons, automata and compiled patterns on first use (about 0.6 s of CPU).
A load starts its worker processes from multiprocessing's fork server; importing this module there extracts and
converts one short document that names something of every kind, then freezes the objects made so far
(``gc.freeze``): each worker forked afterwards starts with the tables built, and shares their memory with its
siblings (copy-on-write; frozen objects are never touched by the cycle collector, so their pages stay shared).
"""

from __future__ import annotations

import gc

from .model import SourceDocument
from .pipeline import document_graph

# One short document with something for every rule and linker: a Kamerstuk and a TK id, a resolution and a mission,
# ministries and a signatory, a report with a numbered recommendation, a finding, stances and a commitment.
WARM_UP_TEXT = """29 521 Nederlandse deelname aan vredesmissies

Nr. 451 BRIEF VAN DE MINISTER VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 1 januari 2020
Ons kenmerk: BS2020001234

Hierbij ontvangt u de kabinetsreactie op het IOB-rapport "Een missie in een missie" over MINUSMA (Kamerstuk 29 521,
nr. 440; 2021Z18124), mede namens de Minister van Buitenlandse Zaken. VNVR-resolutie 2100 (2013) mandateerde de
missie in Mali; de VN en de NAVO steunden haar.

Aanbeveling 1: Investeer in kennis over VN-missies.
Het kabinet onderschrijft deze aanbeveling ten dele. De AIV concludeert dat de inzet beperkt bleef; het kabinet
deelt die conclusie niet. Wij nemen de aanbevelingen over. Ik zal uw Kamer voor de zomer van 2021 informeren over
de voortgang.

De Minister van Defensie,

K.H. Ollongren
"""


def warm_up() -> None:
    """Extract, convert and check ``WARM_UP_TEXT`` as a load does (every rule builds its tables), then freeze what
    exists."""
    document_graph(SourceDocument(id="warm-up", text=WARM_UP_TEXT, source="warm-up", sha256=""))
    gc.freeze()


warm_up()
