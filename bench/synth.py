"""Synthetic corpus generator: realistic Dutch mission documents with gold annotations, for benchmarks.

    .venv/bin/python bench/synth.py OUT_DIR --docs 1000 [--seed 1] [--size-kb 10]

Writes ``OUT_DIR/docs/NAME.txt`` and ``OUT_DIR/gold/NAME.json`` (the corpus gold schema of
loader/sample/README.md: self, kamerstukken, resolutions, missions, ministries, persons, date), so
``missiongraph eval OUT_DIR`` scores the extractor on it and ``missiongraph load OUT_DIR/docs`` loads it.

Four kinds of document, in the proportions of the dev corpus: letters to parliament (brief, 45%), committee
reports (verslag, 30%), motions (motie, 15%) and internal memos (nota, 10%). Each has the header of its kind
(``29 521 Nederlandse deelname aan vredesmissies`` / ``Nr. 451 BRIEF VAN DE MINISTER VAN DEFENSIE``, ``Den Haag,
12 maart 2021``, ``Vastgesteld ...``, ``Voorgesteld ...``, a memo's ``Datum`` field), a body of paragraphs that mix
neutral policy prose with sentences citing Kamerstukken in their real forms (``Kamerstuk 29 521, nr. 451``,
``(29 521, nr. 101)``, ``Kamerstukken II 2019/20, 27 925, nr. 697 en 699``, ``kst-29521-433``, ``35 570 V, nr. 9``,
``21 501-02, nr. 1210``), UN Security Council resolutions (``VNVR-resolutie 2364``), missions (ids and aliases
from loader/data/missions.yaml), ministries (loader/data/ministries.yaml) and Dutch politicians (ministers,
state secretaries, MPs in speaker lines, motions and signature blocks ``De Minister van Defensie,\\n\\nK.H.
Ollongren``). The gold lists exactly what was inserted, in the conventions of the corpus README.

Deterministic: document ``i`` depends only on ``(seed, i)``, so ``--docs 1000`` is a prefix of ``--docs 10000``.
Streaming: each document is written as soon as it is made (100k documents of 10 KB take about a minute).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "loader" / "data"

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]

# Dossiers that carry mission documents: (number as written, value prefix, title).
DOSSIERS = [
    ("29 521", "29521", "Nederlandse deelname aan vredesmissies"),
    ("27 925", "27925", "Bestrijding internationaal terrorisme"),
    ("32 623", "32623", "Internationale veiligheidsstructuur"),
    ("21 501-02", "21501-02", "Raad Algemene Zaken en Raad Buitenlandse Zaken"),
    ("21 501-28", "21501-28", "Defensieraad"),
    ("35 570 V", "35570-V", "Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse Zaken (V) "
                             "voor het jaar 2021"),
    ("36 200 X", "36200-X", "Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) "
                             "voor het jaar 2023"),
    ("28 676", "28676", "NAVO"),
    ("26 150", "26150", "Herziening Defensieplanning"),
    ("31 787", "31787", "Nederlands beleid ten aanzien van Afghanistan"),
]

# Dutch politicians: (initials, given name, surname as it stands alone, ministry when a minister or None).
MINISTERS = [
    ("K.H.", "Kajsa", "Ollongren", "Defensie"),
    ("A.Th.B.", "Ank", "Bijleveld-Schouten", "Defensie"),
    ("J.A.", "Jeanine", "Hennis-Plasschaert", "Defensie"),
    ("H.G.J.", "Henk", "Kamp", "Defensie"),
    ("E.", "Eimert", "van Middelkoop", "Defensie"),
    ("R.P.", "Ruben", "Brekelmans", "Defensie"),
    ("W.B.", "Wopke", "Hoekstra", "Buitenlandse Zaken"),
    ("S.A.", "Stef", "Blok", "Buitenlandse Zaken"),
    ("H.", "Halbe", "Zijlstra", "Buitenlandse Zaken"),
    ("A.G.", "Bert", "Koenders", "Buitenlandse Zaken"),
    ("F.C.G.M.", "Frans", "Timmermans", "Buitenlandse Zaken"),
    ("U.", "Uri", "Rosenthal", "Buitenlandse Zaken"),
    ("M.J.M.", "Maxime", "Verhagen", "Buitenlandse Zaken"),
    ("H.", "Hanke", "Bruins Slot", "Buitenlandse Zaken"),
    ("S.A.M.", "Sigrid", "Kaag", "Buitenlandse Handel en Ontwikkelingssamenwerking"),
    ("E.M.J.", "Lilianne", "Ploumen", "Buitenlandse Handel en Ontwikkelingssamenwerking"),
    ("L.J.", "Liesje", "Schreinemacher", "Buitenlandse Handel en Ontwikkelingssamenwerking"),
    ("F.", "Ferd", "Grapperhaus", "Justitie en Veiligheid"),
    ("D.", "Dilan", "Yeşilgöz-Zegerius", "Justitie en Veiligheid"),
    ("I.W.", "Ivo", "Opstelten", "Veiligheid en Justitie"),
    ("E.M.H.", "Ernst", "Hirsch Ballin", "Justitie"),
    ("M.", "Mark", "Rutte", "Algemene Zaken"),
    ("W.", "Wopke", "Hoekstra", "Financiën"),
    ("J.R.V.A.", "Jeroen", "Dijsselbloem", "Financiën"),
]
MEMBERS = [
    ("J.J.", "Jasper", "van Dijk", "SP"), ("R.", "Raymond", "de Roon", "PVV"), ("T.", "Tom", "van der Lee", "GL"),
    ("B.", "Bram", "van Ojik", "GL"), ("A.", "André", "Bosman", "VVD"), ("J.", "Joël", "Voordewind", "CU"),
    ("S.", "Salima", "Belhaj", "D66"), ("M.", "Martijn", "van Helvert", "CDA"), ("S.", "Sadet", "Karabulut", "SP"),
    ("H.", "Han", "ten Broeke", "VVD"), ("R.", "Roelof", "Bisschop", "SGP"), ("C.G.", "Kees", "van der Staaij", "SGP"),
    ("J.", "Jan", "Kerstens", "PvdA"), ("S.W.", "Sven", "Koopmans", "VVD"), ("A.", "Agnes", "Mulder", "CDA"),
    ("P.", "Pieter", "Omtzigt", "CDA"), ("G.", "Geert", "Wilders", "PVV"), ("C.", "Christine", "Teunissen", "PvdD"),
    ("M.", "Michiel", "van Bommel", "SP"), ("A.", "Aukje", "de Vries", "VVD"), ("J.", "Jan", "Paternotte", "D66"),
    ("L.", "Lisa", "Westerveld", "GL"), ("D.", "Derk", "Boswijk", "CDA"), ("C.", "Corinne", "Ellemeet", "GL"),
    ("H.", "Hind", "Dekker-Abdulaziz", "D66"), ("G.", "Gert-Jan", "Segers", "CU"), ("F.", "Farid", "Azarkan", "DENK"),
    ("T.", "Thierry", "Baudet", "FvD"), ("S.", "Sjoerd", "Sjoerdsma", "D66"), ("R.", "Ruben", "Brekelmans", "VVD"),
]

FILLER = [
    "Het kabinet hecht groot belang aan een geïntegreerde benadering waarin diplomatie, ontwikkeling en veiligheid "
    "elkaar versterken.",
    "De veiligheidssituatie in het inzetgebied blijft zorgelijk en vraagt om voortdurende aandacht.",
    "Nederland draagt bij met een detachement van stafofficieren en een klein aantal specialisten.",
    "De afgelopen periode is de samenwerking met de lokale autoriteiten verder verdiept.",
    "Het kabinet zal uw Kamer over de voortgang blijven informeren via de gebruikelijke rapportages.",
    "De risico's voor het uitgezonden personeel zijn opnieuw gewogen en worden aanvaardbaar geacht.",
    "De kosten van de bijdrage worden gefinancierd uit het Budget Internationale Veiligheid.",
    "Tegelijkertijd blijft de humanitaire situatie in de regio zeer ernstig.",
    "In de evaluatie wordt geconcludeerd dat de doelstellingen ten dele zijn behaald.",
    "Het kabinet onderschrijft de aanbevelingen op hoofdlijnen en neemt deze mee in toekomstige besluitvorming.",
    "De inzet draagt bij aan de stabiliteit van de regio en daarmee ook aan de veiligheid van Nederland.",
    "Er is regelmatig overleg met de partners over de verdeling van taken en de duur van de inzet.",
    "De lessen uit eerdere missies zijn verwerkt in de planning van deze bijdrage.",
    "De logistieke ondersteuning verloopt grotendeels via de luchthaven in de hoofdstad.",
    "Het toetsingskader is bij de voorbereiding van dit besluit zorgvuldig doorlopen.",
    "De politieke situatie in het land is de afgelopen maanden instabiel gebleven.",
    "Het kabinet blijft zich inzetten voor de bescherming van burgers en de naleving van het humanitair oorlogsrecht.",
    "Daarnaast wordt gekeken naar mogelijkheden om de bijdrage na afloop van het mandaat voort te zetten.",
    "De commissie heeft over deze brief een aantal vragen en opmerkingen voorgelegd.",
    "Zoals eerder gemeld is de personele vulling van de eenheid een punt van aandacht.",
    "De ontwikkelingen in de Sahel hebben gevolgen voor de migratiestromen richting Europa.",
    "Op verzoek van uw Kamer is een overzicht van de toezeggingen als bijlage bij deze brief gevoegd.",
    "De samenwerking met Duitsland en België op dit terrein is intensief en verloopt goed.",
    "De inlichtingencapaciteit levert een waardevolle bijdrage aan het situationeel bewustzijn van de missie.",
]
SPEECH = [
    "Voorzitter. Ik dank de minister voor de beantwoording van de vragen in eerste termijn.",
    "Ik heb nog een vraag over de duur van de inzet en de exitstrategie.",
    "Kan de minister toezeggen dat de Kamer tijdig wordt geïnformeerd over een eventuele verlenging?",
    "Mijn fractie steunt deze bijdrage, maar heeft wel zorgen over de veiligheid van onze mensen.",
    "Hoe beoordeelt het kabinet de rol van de lokale autoriteiten in dit proces?",
    "Ik wil graag weten welke lessen uit de evaluatie zijn getrokken.",
]
CONSIDERANS = [
    "constaterende dat de veiligheidssituatie in het inzetgebied verder is verslechterd;",
    "overwegende dat een zorgvuldige evaluatie van de bijdrage noodzakelijk is;",
    "van mening dat de Kamer tijdig en volledig moet worden geïnformeerd;",
    "constaterende dat de kosten van de missie hoger uitvallen dan geraamd;",
]


def _load_gazetteers() -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[str], str]]]:
    """Missions as (id, phrases that name it); ministries as (id, names, post)."""
    missions = []
    for entry in yaml.safe_load((DATA / "missions.yaml").read_text("utf-8")):
        phrases = [] if entry.get("match_id") is False else [entry["id"]]
        phrases += [a for a in entry.get("aliases") or [] if "\n" not in a]
        if entry.get("name_nl"):
            phrases.append(entry["name_nl"])
        if phrases:
            missions.append((entry["id"], phrases))
    ministries = []
    for entry in yaml.safe_load((DATA / "ministries.yaml").read_text("utf-8")):
        ministries.append((entry["id"], entry.get("names") or [entry["id"]], entry.get("post", "ministry")))
    return missions, ministries


MISSIONS, MINISTRIES = _load_gazetteers()
# The missions most written about get most of the mentions (as in the real corpus).
COMMON_MISSIONS = [m for m in MISSIONS if m[0] in {"MINUSMA", "UNMISS", "UNIFIL", "EUFOR Althea", "RSM", "ISAF",
                                                   "Counter-Daesh", "NMI", "EUNAVFOR Atalanta", "EUTM Mali",
                                                   "KFOR", "eFP", "Takuba", "EMASoH", "OEF"}]


def _date(rng: random.Random) -> tuple[str, str]:
    y, m, d = rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28)
    return f"{d} {MONTHS[m - 1]} {y}", f"{y:04d}-{m:02d}-{d:02d}"


def _surname(name: str) -> str:
    """The surname as it stands alone: tussenvoegsel capitalised (van Dijk -> Van Dijk)."""
    return name[:1].upper() + name[1:]


class Doc:
    """One document being built: its text parts and its gold."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.parts: list[str] = []
        self.gold = {"self": None, "kamerstukken": [], "resolutions": [], "missions": [], "ministries": [],
                     "persons": [], "date": None}
        self.own: str | None = None

    def add(self, fieldname: str, value: str) -> None:
        if value not in self.gold[fieldname] and not (fieldname == "kamerstukken" and value == self.own):
            self.gold[fieldname].append(value)

    # --- pieces with gold ----------------------------------------------------------------------------------
    # Single-citation forms, by the form number drawn in ``kamerstuk`` (2 is the two-number form).
    SINGLE_FORMS = {0: "Kamerstuk {w}, nr. {nr}", 1: "({w}, nr. {nr})", 3: "kst-{v}-{nr}",
                    4: "Kamerstuk {w} nr. {nr}", 5: "Kamerstuknummer {w}, nr. {nr}", 6: "Kamerstukken {w}, nr. {nr}"}

    def kamerstuk(self) -> str:
        rng = self.rng
        written, value, _ = rng.choice(DOSSIERS)
        nr = rng.randint(1, 2800)
        form = rng.randrange(7)
        self.add("kamerstukken", f"{value}-{nr}")
        if form == 2:
            nr2 = nr + rng.randint(1, 5)
            self.add("kamerstukken", f"{value}-{nr2}")
            y = rng.randint(2005, 2023)
            return f"Kamerstukken II {y}/{(y + 1) % 100:02d}, {written}, nr. {nr} en {nr2}"
        return self.SINGLE_FORMS[form].format(w=written, v=value, nr=nr)

    def resolution(self) -> str:
        nr = self.rng.randint(1100, 2750)
        self.add("resolutions", str(nr))
        return self.rng.choice([f"VNVR-resolutie {nr}", f"VN-Veiligheidsraadresolutie {nr}",
                                f"resolutie {nr} van de VN-Veiligheidsraad", f"VNVR Resolutie {nr}"])

    def mission(self) -> str:
        rng = self.rng
        mid, phrases = rng.choice(COMMON_MISSIONS) if rng.random() < 0.7 else rng.choice(MISSIONS)
        self.add("missions", mid)
        return rng.choice(phrases) if rng.random() < 0.3 else phrases[0]

    def ministry(self) -> str:
        mid, names, post = self.rng.choice(MINISTRIES)
        self.add("ministries", mid)
        name = self.rng.choice(names)
        if post == "minister":
            return f"de minister voor {name}"
        return self.rng.choice([f"de minister van {name}", f"het Ministerie van {name}"])

    def minister(self) -> tuple[str, str, str]:
        """(a phrase naming a minister with ministry, surname, ministry id)."""
        _, _, name, ministry = self.rng.choice(MINISTERS)
        self.add("persons", _surname(name))
        self.add("ministries", ministry)
        return f"minister {_surname(name)} van {ministry}", _surname(name), ministry

    def member(self) -> tuple[str, str]:
        _, given, name, party = self.rng.choice(MEMBERS)
        self.add("persons", _surname(name))
        return _surname(name), party

    # --- sentences ---------------------------------------------------------------------------------------
    def citing_sentence(self) -> str:
        rng = self.rng
        k = rng.randrange(9)
        if k == 0:
            return f"Zoals gemeld in de brief van {self._plain_date()} ({self.kamerstuk()}) is de bijdrage verlengd."
        if k == 1:
            return f"Het kabinet verwijst hiervoor naar {self.kamerstuk()}."
        if k == 2:
            return (f"De Veiligheidsraad heeft het mandaat van {self.mission()} met {self.resolution()} "
                    f"met een jaar verlengd.")
        if k == 3:
            return f"De Nederlandse bijdrage aan {self.mission()} loopt door tot het einde van het jaar."
        if k == 4:
            return f"Hierover is overleg gevoerd met {self.ministry()}."
        if k == 5:
            phrase, _, _ = self.minister()
            return f"Tijdens het overleg heeft {phrase} toegezegd de Kamer te informeren."
        if k == 6:
            return (f"In de evaluatie van {self.mission()} (zie ook {self.kamerstuk()}) wordt verwezen naar "
                    f"{self.resolution()}.")
        if k == 7:
            return f"Deze motie is ingediend bij de behandeling van {self.kamerstuk()}."
        return f"Ook {self.ministry()} is bij de uitvoering betrokken."

    def _plain_date(self) -> str:
        return _date(self.rng)[0]

    def paragraph(self, citing: float = 0.35) -> str:
        rng = self.rng
        out = []
        for _ in range(rng.randint(3, 6)):
            out.append(self.citing_sentence() if rng.random() < citing else rng.choice(FILLER))
        return " ".join(out)

    def body(self, target: int, citing: float = 0.35) -> None:
        size = sum(len(p) + 2 for p in self.parts)
        section = 1
        while size < target:
            if self.rng.random() < 0.15:
                head = f"{section}. {self.rng.choice(['Inleiding', 'Stand van zaken', 'Politieke ontwikkelingen', 'Nederlandse bijdrage', 'Financiën', 'Tot slot'])}"
                self.parts.append(head)
                size += len(head) + 2
                section += 1
            p = self.paragraph(citing)
            self.parts.append(p)
            size += len(p) + 2

    def text(self) -> str:
        return "\n\n".join(self.parts) + "\n"


def _own(doc: Doc) -> tuple[str, str, int]:
    written, value, title = doc.rng.choice(DOSSIERS[:5])
    nr = doc.rng.randint(100, 2900)
    doc.own = f"{value}-{nr}"
    doc.gold["self"] = doc.own
    return written, title, nr


def make_brief(doc: Doc, size: int) -> None:
    rng = doc.rng
    written, title, nr = _own(doc)
    _, _, name, ministry = rng.choice(MINISTERS)
    doc.add("ministries", ministry)
    doc.add("persons", _surname(name))
    d, iso = _date(rng)
    doc.gold["date"] = iso
    doc.parts += [f"{written} {title}", f"Nr. {nr} BRIEF VAN DE MINISTER VAN {ministry.upper()}",
                  "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", f"Den Haag, {d}",
                  f"Met deze brief informeer ik uw Kamer over de Nederlandse bijdrage aan {doc.mission()}."]
    doc.body(size - 200)
    initials, given, _, _ = next(m for m in MINISTERS if m[2] == name)
    signer = f"{initials} {name}" if rng.random() < 0.6 else f"{given} {name}"
    doc.parts += [f"De Minister van {ministry},", signer]


def make_verslag(doc: Doc, size: int) -> None:
    rng = doc.rng
    written, title, nr = _own(doc)
    d, iso = _date(rng)
    doc.gold["date"] = iso
    m1, s1, _ = doc.minister()
    m2, s2, _ = doc.minister()
    doc.parts += [f"{written} {title}", f"Nr. {nr} VERSLAG VAN EEN COMMISSIEDEBAT", f"Vastgesteld {d}",
                  f"De vaste commissie voor Defensie heeft op {_date(rng)[0]} overleg gevoerd met {m1} en {m2} over:",
                  f"– de brief over de bijdrage aan {doc.mission()} ({doc.kamerstuk()}).",
                  "Van dit overleg brengt de commissie bijgaand geredigeerd woordelijk verslag uit."]
    chair, _ = doc.member()
    doc.parts += [f"De voorzitter van de vaste commissie voor Defensie,\n{chair}", f"Voorzitter: {chair}"]
    members = [doc.member()[0] for _ in range(rng.randint(3, 6))]
    doc.parts.append(f"Aanwezig zijn {len(members)} leden der Kamer, te weten: {', '.join(members[:-1])} en "
                     f"{members[-1]},\n\nen {m1} en {m2}.")
    doc.parts.append("De voorzitter: Ik open de vergadering en heet iedereen welkom.")
    size_now = sum(len(p) for p in doc.parts)
    while size_now < size:
        surname, party = doc.member()
        sex = rng.choice(["De heer", "Mevrouw"])
        turn = f"{sex} {surname} ({party}): {' '.join(rng.sample(SPEECH, 3))} {doc.citing_sentence()}"
        answer = f"Minister {rng.choice([s1, s2])}: {doc.paragraph()}"
        doc.parts += [turn, answer]
        size_now += len(turn) + len(answer)


def make_motie(doc: Doc, size: int) -> None:
    rng = doc.rng
    written, title, nr = _own(doc)
    d, iso = _date(rng)
    doc.gold["date"] = iso
    _, given, name, _ = rng.choice(MEMBERS)
    doc.add("persons", _surname(name))
    # A motion is short; the rest of the ~10 KB is the debate excerpt it was submitted in (before the motion,
    # so that the signature lines end the text as in a real motion).
    doc.parts += [f"{written} {title}", f"Nr. {nr} MOTIE VAN HET LID {given.upper()} {name.upper()}",
                  f"Voorgesteld {d}"]
    doc.body(size - 700)
    doc.parts += ["De Kamer,", "gehoord de beraadslaging,"]
    doc.parts += rng.sample(CONSIDERANS, 2)
    doc.parts.append(f"verzoekt de regering, de bijdrage aan {doc.mission()} te evalueren en de Kamer hierover "
                     f"voor de begrotingsbehandeling te informeren,")
    doc.parts.append(f"en gaat over tot de orde van de dag.\n\n{given} {name}")


def make_nota(doc: Doc, size: int) -> None:
    rng = doc.rng
    d, iso = _date(rng)
    doc.gold["date"] = iso
    doc.parts += ["**Nota**", f"**Aan**  \nMinister", f"**Datum**  \n{d}",
                  f"**Onderwerp**  \nKabinetsreactie op de evaluatie van {doc.mission()}",
                  "Beslispunten", f"Akkoord gaan met de kabinetsreactie en deze via {doc.kamerstuk()} "
                                  f"aan de Kamer sturen."]
    doc.body(size, citing=0.4)


KINDS = [(make_brief, 45), (make_verslag, 30), (make_motie, 15), (make_nota, 10)]
_MAKERS = [k for k, w in KINDS for _ in range(w)]


def make(seed: int, i: int, size_kb: float = 10) -> tuple[str, str, dict]:
    """Document ``i`` of the corpus of ``seed``: (name, text, gold)."""
    rng = random.Random(seed * 1_000_003 + i)
    doc = Doc(rng)
    maker = rng.choice(_MAKERS)
    maker(doc, int(size_kb * 1000))
    ministries = doc.gold["ministries"]
    if "Ontwikkelingssamenwerking" in ministries and "Buitenlandse Handel en Ontwikkelingssamenwerking" in ministries:
        # Convention (loader/extract/ministries.py): 'minister voor Ontwikkelingssamenwerking' in a text that also
        # names the Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking is a short form of that post.
        ministries.remove("Ontwikkelingssamenwerking")
    return f"{maker.__name__[5:]}-{i:06d}", doc.text(), doc.gold


def generate(out: Path, docs: int, seed: int = 1, size_kb: float = 10) -> int:
    """Write the corpus; returns bytes of text written."""
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(docs):
        name, text, gold = make(seed, i, size_kb)
        data = text.encode("utf-8")
        (out / "docs" / f"{name}.txt").write_bytes(data)
        (out / "gold" / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="output folder (docs/ and gold/ are made in it)")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size-kb", type=float, default=10)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    total = generate(args.out, args.docs, args.seed, args.size_kb)
    dt = time.perf_counter() - t0
    print(f"{args.docs} documents, {total / 1e6:.1f} MB in {dt:.1f} s ({args.docs / dt:,.0f} docs/s) -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
