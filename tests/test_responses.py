"""Specification of the responses extractor on sentences of our own (not from the corpus): items in running text
and in layouts, the stance on each, near misses that must give nothing; commitments and their near misses; the
report answered. Each row: Dutch input and what must be found."""

from __future__ import annotations

from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongraph.extract import extract, summarise
from missiongraph.extract.responses.commitments import WHEN, when
from missiongraph.extract.responses.items import QUOTES
from missiongraph.extract.responses.reading import _MARKS, _PUNCT, _TITLE_QUOTE, WORD, Sentence
from missiongraph.extract.text import fold


def found(text: str) -> dict:
    return summarise(extract(text))


def items(text: str) -> list[tuple[str, str | None, str | None, bool, str]]:
    """(kind, number, stance, collective, text) of every item, recommendations first."""
    d = found(text)
    return [(kind[:3], i["number"], i["stance"], i["collective"], fold(i["text"]).lower())
            for kind in ("recommendations", "findings") for i in d[kind]]


# text -> [(kind, number, stance, collective, a fragment of the item's text)]
ITEMS = [
    # the main verb and its subject after the content ("… deel ik"); "herkent"
    ("Ook de conclusie dat de risico's onvoldoende werden meegewogen deel ik.",
     [("fin", None, "full", False, "de risico's onvoldoende werden meegewogen")]),
    ("De conclusie dat de training te kort was neemt het kabinet niet over.",
     [("fin", None, "rejected", False, "de training te kort was")]),
    ("De commissie concludeert dat de planning tekortschoot. Ik herken dit beeld niet.",
     [("fin", None, "rejected", False, "de planning tekortschoot")]),
    # the infinitive before a "dat" of its own
    ("De Afdeling adviseert het voorstel zo aan te passen dat beroep mogelijk blijft.",
     [("rec", None, None, False, "het voorstel zo aan te passen dat beroep mogelijk blijft")]),
    # a list of recommendations in one sentence, with commas; two joined by "en" are one
    ("De Raad beveelt aan om de termijnen te verkorten, de inspectie te versterken en de Kamer jaarlijks te "
     "informeren over de voortgang. Het kabinet neemt deze aanbevelingen over.",
     [("rec", None, "full", False, "de termijnen te verkorten"), ("rec", None, "full", False, "de inspectie te"),
      ("rec", None, "full", False, "de kamer jaarlijks te informeren")]),
    ("De raad adviseert om de belasting op gas te verlagen en die op stroom te verhogen.",
     [("rec", None, None, False, "de belasting op gas te verlagen")]),
    # "is het met de commissie eens dat …": an item with its stance; "… eens dat dit …": the item before
    ("Wel is de minister het met de commissie eens dat de vaargeul vaker moet worden gebaggerd.",
     [("rec", None, "full", False, "de vaargeul vaker moet worden gebaggerd")]),
    ("De Afdeling wijst erop dat de toets in de wet moet worden verankerd. Ik ben het met de Afdeling eens dat dit "
     "een wezenlijk punt is, maar acht een regeling bij algemene maatregel van bestuur voldoende.",
     [("rec", None, "partial", False, "de toets in de wet moet worden verankerd")]),
    # the next sentence answers: "acht het niet wenselijk" (no object), "Daarin kan het kabinet zich vinden",
    # "zegt dit toe"; an item noun with its content is no speaker ("Het advies om … wijst het kabinet af")
    ("De raad adviseert een landelijk fonds op te richten. Het kabinet acht het niet wenselijk hiervoor een fonds te "
     "vormen.", [("rec", None, "rejected", False, "een landelijk fonds op te richten")]),
    ("Voorts beveelt de raad aan dat het Rijk meer regie neemt. Ook daarin kan het kabinet zich vinden.",
     [("rec", None, "full", False, "het rijk meer regie neemt")]),
    ("De Rekenkamer beveelt aan om de Kamer bij elke mijlpaal te informeren. De staatssecretaris zegt dit toe.",
     [("rec", None, "full", False, "de kamer bij elke mijlpaal te informeren")]),
    ("Het advies om een apart fonds op te richten wijst het kabinet af.",
     [("rec", None, "rejected", False, "een apart fonds op te richten")]),
    ("Het kabinet neemt vrijwel alle aanbevelingen van de commissie over.", [("rec", None, "partial", True, "")]),
    # an actor in the item's content is not the subject; the subject after the verb is
    ("Onze aanbeveling om de Kamer over de voorraden te informeren neemt de minister niet over, omdat die informatie "
     "gerubriceerd is.", [("rec", None, "rejected", False, "de kamer over de voorraden te informeren")]),
    ("De Kamer steunt het kabinet in zijn keuze.", []),
    # the item first, a comma, the stance with its subject after it
    ("De aanbeveling om de aanschaf van munitie te versnellen, onderschrijft het kabinet.",
     [("rec", None, "full", False, "de aanschaf van munitie te versnellen")]),
    ("Het advies om alle statushouders direct te huisvesten, acht ik niet uitvoerbaar zolang de woningnood zo groot is.",
     [("rec", None, "rejected", False, "alle statushouders direct te huisvesten")]),
    # a council's own page: "wij" is the report's author; its list after "Wij bevelen de minister … aan:"; items by place
    ("Dat blijkt uit ons onderzoek. Wij bevelen de minister van Defensie aan:\n- de termijn te verkorten;\n"
     "- de inspectie te versterken;\n- de Kamer te informeren.\n\nDe minister neemt de eerste en de derde aanbeveling "
     "over. De tweede aanbeveling neemt zij over voor zover het om nieuwe kazernes gaat.",
     [("rec", None, "full", False, "de termijn te verkorten"), ("rec", None, "partial", False, "de inspectie te"),
      ("rec", None, "full", False, "de kamer te informeren")]),
    ("De Raad beveelt aan:\n- de termijn te verkorten;\n- de inspectie te versterken;\n- de Kamer te informeren.\n"
     "De minister neemt onze eerste twee aanbevelingen over.",
     [("rec", None, "full", False, "de termijn te verkorten"), ("rec", None, "full", False, "de inspectie te"),
      ("rec", None, None, False, "de kamer te informeren")]),
    # a report's plural author after the verb; "Dat doet de minister niet"
    ("Aan het Rijk bevelen de inspecties aan om de financiering voor meerdere jaren zeker te stellen. Wij nemen deze "
     "aanbeveling over.", [("rec", None, "full", False, "de financiering voor meerdere jaren zeker te stellen")]),
    ("De IOB adviseerde ook om het aantal partners te halveren. Dat doet de minister niet.",
     [("rec", None, "rejected", False, "het aantal partners te halveren")]),
    # "gaat niet in op het advies om …"; a headline and the text after its blank line are two sentences
    ("Staatssecretaris legt advies naast zich neer\n\nDe staatssecretaris gaat niet in op het advies van de commissie "
     "om een landelijk tarief in te voeren.", [("rec", None, "rejected", False, "een landelijk tarief in te voeren")]),
    # "het voorstel om …" names an item ("dat voorstel" alone only points back); "stelt voor om"; an infinitive
    # cluster ("te laten concentreren op …"); "gaat … te ver"
    ("Het voorstel om iedere gemeente te verplichten opvangplaatsen te bieden, neemt het kabinet niet over.",
     [("rec", None, "rejected", False, "iedere gemeente te verplichten")]),
    ("Alleen het voorstel van de commissie om winstuitkering te verbieden, gaat het kabinet te ver.",
     [("rec", None, "rejected", False, "winstuitkering te verbieden")]),
    ("Het kabinet komt met een voorstel over de opvang.", []),
    # "De ILT beveelt aan om:" and a numbered list; a pronoun after "maar" answers the items named before it
    ("De ILT beveelt aan om:\n1. binnen een jaar alle bruggen te inspecteren;\n2. uitstel alleen toe te staan na "
     "goedkeuring;\n3. een centrale database in te richten.\nDe eerste twee aanbevelingen neem ik over. De derde "
     "aanbeveling neem ik niet over.",
     [("rec", "1", "full", False, "binnen een jaar alle bruggen"), ("rec", "2", "full", False, "uitstel alleen"),
      ("rec", "3", "rejected", False, "een centrale database in te richten")]),
    ("De ILT komt tot drie conclusies:\n- de bruggen zijn slecht onderhouden;\n- inspecties worden vaak uitgesteld;"
     "\n- informatie wordt niet vastgelegd.\nDeze conclusies zijn pijnlijk, maar ik herken ze.",
     [("fin", None, "full", False, "de bruggen zijn slecht onderhouden"), ("fin", None, "full", False, "inspecties"),
      ("fin", None, "full", False, "informatie wordt niet vastgelegd")]),
    ("Het advies is helder, maar die neem ik niet over.", [("rec", None, "rejected", True, "")]),
    # a report's opinion ("vindt dat"): a finding, or what should be done a recommendation; "vindt dat" + one word
    # is no clause; a "dat"-content ends at a comma followed by the main verb and its subject
    ("De commissie vindt dat het toezicht op de uitzendbureaus tekortschiet.",
     [("fin", None, None, False, "het toezicht op de uitzendbureaus tekortschiet")]),
    ("De commissie vindt dat het ministerie die kosten alsnog moet vergoeden.",
     [("rec", None, None, False, "het ministerie die kosten alsnog moet vergoeden")]),
    ("De Kinderombudsman vindt dat teleurstellend.", []),
    ("Maar de conclusie dat de ambassade onvoorbereid was, vindt hij te kort door de bocht.",
     [("fin", None, "rejected", False, "de ambassade onvoorbereid was")]),
    # "erkent dat …" right after the report's findings is the stance on them, not a finding of its own
    ("Het kabinet reageert op het rapport. De OVV concludeert dat het terrein niet opnieuw was beoordeeld. Defensie "
     "erkent dat het meldingssysteem op dit punt heeft gefaald.",
     [("fin", None, "full", False, "het terrein niet opnieuw was beoordeeld")]),
    ("Het kabinet reageert op het rapport. De OVV concludeert dat het terrein niet opnieuw was beoordeeld. Defensie "
     "onderschrijft die conclusie. Defensie erkent dat de meldingen te laat kwamen.",
     [("fin", None, "full", False, "het terrein niet opnieuw was beoordeeld"),
      ("fin", None, "full", False, "de meldingen te laat kwamen")]),     # near miss: the findings have a stance
    # a layout item is answered by the sentence right after it, also when items were read in sentences before it
    ("De IOB concludeert dat de bijdrage goed werd gewaardeerd. Die conclusie herkennen wij.\n\n"
     "Aanbeveling 4 – Bundel de inzet in minder missies.\nHet kabinet acht het niet wenselijk zich op voorhand te "
     "beperken tot een klein aantal missies.",
     [("rec", "4", "rejected", False, "bundel de inzet"), ("fin", None, "full", False, "de bijdrage goed")]),
    # a fronted "Over de aanbeveling om … te …": the content ends at the infinitive, the stance after it; "mits"
    ("Over de aanbeveling om de exportregels te harmoniseren is het kabinet positief, mits Nederland zelf blijft "
     "toetsen.", [("rec", None, "partial", False, "de exportregels te harmoniseren")]),
    ("Het kabinet is over de aanbeveling om de regels te harmoniseren positief.",
     [("rec", None, "full", False, "de regels te harmoniseren")]),
    # an endorsement with its subject after the verb ("erkennen de ministers van … dat …"); "minder enthousiast"
    ("De IOB publiceerde een evaluatie. In de reactie erkennen de ministers van Buitenlandse Zaken en van Defensie dat "
     "de doelen te ambitieus waren.", [("fin", None, "full", False, "de doelen te ambitieus waren")]),
    ("De IOB publiceerde een evaluatie. Die conclusie deelt Defensie, al wijst het ministerie erop dat de meldingen "
     "toenemen.", [("fin", None, "full", False, "")]),                    # near miss: "dat" past a comma
    ("Minder enthousiast is het kabinet over het voorstel om een permanente evaluatiecommissie in te stellen.",
     [("rec", None, "rejected", False, "een permanente evaluatiecommissie in te stellen")]),
    # the report's author after the verb is not the item's content; "anders dan de onderzoekers" sets the
    # government's choice against theirs
    ("Daarnaast adviseren de onderzoekers de inzet van VPD's te beëindigen. Het kabinet blijft, anders dan de "
     "onderzoekers, de voorkeur geven aan militaire beveiliging.",
     [("rec", None, "rejected", False, "de inzet van vpd's te beëindigen")]),
    # "die om …" after a colon, a comma or "namelijk" gives the content of the item named before it
    ("Eén aanbeveling legt het kabinet naast zich neer: die om bij elk parket een officier aan te stellen.",
     [("rec", None, "rejected", False, "bij elk parket een officier aan te stellen")]),
    ("Eén aanbeveling neemt het kabinet niet over, namelijk die om de termijn te verkorten.",
     [("rec", None, "rejected", False, "de termijn te verkorten")]),
    # a quotation after "vindt de conclusies" is a judgement, not the items' titles
    ("De minister deelt de zorgen van de commissie, maar vindt de conclusies 'op onderdelen te somber'.", []),
    # an extraposed phrase after the infinitive ends where a stance phrasing starts
    ("De aanbeveling om de hulp te richten op Afrika sluit aan bij het beleid.",
     [("rec", None, "full", False, "de hulp te richten op afrika")]),
    ("Specifiek beveelt de AIV aan een nationale voorraad aan te leggen. Het kabinet acht dat niet doelmatig.",
     [("rec", None, "rejected", False, "een nationale voorraad aan te leggen")]),
    # "alle aanbevelingen": every recommendation the text states without a stance of its own takes the group's
    ("Wij nemen alle aanbevelingen over. De inspectie beveelt ook aan het toezicht te versterken.",
     [("rec", None, "full", True, ""), ("rec", None, "full", False, "het toezicht te versterken")]),
    ("Wij nemen de aanbevelingen over. De inspectie beveelt ook aan het toezicht te versterken.",
     [("rec", None, "full", True, ""), ("rec", None, None, False, "het toezicht te versterken")]),   # near miss
    ("De conclusies zijn pijnlijk, maar het kabinet neemt de aanbeveling over.",
     [("rec", None, "full", False, ""), ("fin", None, None, True, "")]),       # near miss: an item of its own
    # a nader rapport: the bill or its explanation changed after the advice is the advice followed; "dit advies"
    # after a preposition is not the subject; "blijkt uit dit onderzoek dat" is the report's finding
    ("De Afdeling adviseert de noodzaak nader te motiveren. De toelichting is naar aanleiding van dit advies "
     "aangevuld.", [("rec", None, "full", False, "de noodzaak nader te motiveren")]),
    ("De Afdeling adviseert de invoering te faseren. Het wetsvoorstel is op dit punt niet aangepast.",
     [("rec", None, None, False, "de invoering te faseren")]),
    ("Daarnaast blijkt uit dit onderzoek dat de knelpunten samenhangen met de werkdruk.",
     [("fin", None, None, False, "de knelpunten samenhangen met de werkdruk")]),
    ("De evaluatie stelt voor om bij toekomstige missies een tweede schip mee te sturen.",
     [("rec", None, None, False, "bij toekomstige missies een tweede schip mee te sturen")]),
    ("Clingendael raadt aan om Nederland zich te laten concentreren op twee niches.",
     [("rec", None, None, False, "nederland zich te laten concentreren op twee niches")]),
    ("De raad stelt dat subsidies voor zonnepanelen vooral bij hoge inkomens terechtkomen.",
     [("fin", None, None, False, "subsidies voor zonnepanelen")]),
    # what a report advises as a noun phrase
    ("De Raad adviseert een verbod op nieuwe bouw in de uiterwaarden. Het kabinet neemt dit advies niet over.",
     [("rec", None, "rejected", False, "een verbod op nieuwe bouw in de uiterwaarden")]),
    ("De Raad adviseert de minister. Het kabinet dankt de Raad.", []),
    # a two-column table, the letter opening the item's cell
    ("Reactie op de aanbevelingen\n\nAanbeveling | Reactie kabinet\nA. Richt een meldpunt op | Overgenomen.\n"
     "B. Verdubbel het budget | Niet overgenomen.\n",
     [("rec", "A", "full", False, "richt een meldpunt op"), ("rec", "B", "rejected", False, "verdubbel het budget")]),
    # the content between the noun and the verb's particle, longer than a phrase's gap; the particle before "om"
    ("Het kabinet neemt de aanbeveling om de opleiding van alle reservisten met een half jaar te verlengen niet over.",
     [("rec", None, "rejected", False, "de opleiding van alle reservisten")]),
    ("Het kabinet neemt de aanbeveling niet over om de dienst onder te brengen bij Justitie.",
     [("rec", None, "rejected", False, "de dienst onder te brengen bij justitie")]),
    ("Daarom verzet het kabinet zich tegen de aanbeveling om de dienst op te heffen.",
     [("rec", None, "rejected", False, "de dienst op te heffen")]),
    # a report's verb in the past; what should be done is a recommendation, what is so a finding
    ("De Raad beval daarnaast aan om de inspectie te versterken. Het kabinet neemt die aanbeveling over.",
     [("rec", None, "full", False, "de inspectie te versterken")]),
    ("De Afdeling wijst erop dat de termijn in de wet zelf moet worden vastgelegd.",
     [("rec", None, None, False, "de termijn in de wet zelf moet worden vastgelegd")]),
    ("De Raad wijst erop dat veteranen gemiddeld twee jaar moeten wachten.",
     [("fin", None, None, False, "veteranen gemiddeld twee jaar moeten wachten")]),
    # an object put first with the subject after the verb
    ("De Raad adviseert de termijn te verkorten. Dit advies volg ik niet.",
     [("rec", None, "rejected", False, "de termijn te verkorten")]),
    ("De Raad adviseert de termijn te verkorten. Dit advies neem ik niet over.",
     [("rec", None, "rejected", False, "de termijn te verkorten")]),
    ("De Afdeling merkt op dat de toelichting tekortschiet. Ik onderken dit.",
     [("fin", None, "full", False, "de toelichting tekortschiet")]),
    # an abbreviation the text gives the report's author
    ("De Adviesraad Veteranenzorg (AVZ) bracht een advies uit. De AVZ adviseert de nazorg te verlengen. Dat advies "
     "neemt het kabinet over.", [("rec", None, "full", False, "de nazorg te verlengen")]),
    # a nader rapport's numbered points, one item each
    ("Het advies geeft mij aanleiding tot de volgende opmerkingen.\n\n1. Noodzaak\nDe Afdeling merkt op dat de "
     "noodzaak niet is aangetoond. Ik onderken dit.\n\n2. Toezicht\nDe Afdeling adviseert om de toets bindend te maken."
     " Dit advies volg ik niet.\n",
     [("rec", "2", "rejected", False, "de toets bindend te maken"), ("fin", "1", "full", False, "de noodzaak")]),
    # a letter's numbered topics, with two items in one: no numbers
    ("1. Opvang\nDe bezetting daalde.\n\n2. Advies over nareizigers\nDe Raad constateert dat de termijnen lang "
     "zijn. Ik deel die conclusie. De Raad adviseert de procedure te versnellen. Dit advies neem ik over.\n\n"
     "3. Terugkeer\nHet aantal vertrekken steeg.\n",
     [("rec", None, "full", False, "de procedure te versnellen"), ("fin", None, "full", False, "de termijnen lang")]),
    # specific items with their content, every subject and stance
    ("Het kabinet onderschrijft de aanbeveling van de AIV om de samenwerking met Duitsland te verdiepen.",
     [("rec", None, "full", False, "de samenwerking met duitsland te verdiepen")]),
    ("De minister neemt de aanbeveling om een kennisbank op te richten niet over.",
     [("rec", None, "rejected", False, "een kennisbank op te richten")]),
    ("Ik deel de conclusie van de Inspectie dat de informatie-uitwisseling tekortschoot.",
     [("fin", None, "full", False, "de informatie-uitwisseling tekortschoot")]),
    ("Het kabinet legt de aanbeveling om de wet in te trekken naast zich neer.",
     [("rec", None, "rejected", False, "de wet in te trekken")]),
    ("De staatssecretaris onderschrijft de aanbeveling om de termijnen te verkorten, maar acht een wettelijke "
     "termijn niet wenselijk.", [("rec", None, "partial", False, "de termijnen te verkorten")]),
    ("Het kabinet deelt de mening van de AIV dat de NAVO haar afschrikking moet versterken.",
     [("fin", None, "full", False, "de navo haar afschrikking moet versterken")]),
    ("Het kabinet ziet, anders dan de commissie, geen aanleiding om de organisatie te splitsen.",
     [("rec", None, "rejected", False, "de organisatie te splitsen")]),
    ("De regering verwerpt de conclusie dat het toezicht heeft gefaald.",
     [("fin", None, "rejected", False, "het toezicht heeft gefaald")]),
    ("De aanbeveling om de rapportage te vereenvoudigen wordt overgenomen.",        # a passive, no subject
     [("rec", None, "full", False, "de rapportage te vereenvoudigen")]),
    # acknowledging a finding
    ("De commissie heeft haar rapport uitgebracht. Het kabinet erkent dat de Kamer onvolledig is geïnformeerd.",
     [("fin", None, "full", False, "de kamer onvolledig is geïnformeerd")]),
    ("Het rapport is verschenen. Daarmee is er sprake van een ereschuld, erkent de premier.",
     [("fin", None, "full", False, "sprake van een ereschuld")]),
    # what the report states, no stance
    ("De Onderzoeksraad concludeert dat de risico's onvoldoende in beeld waren.",
     [("fin", None, None, False, "de risico's onvoldoende in beeld waren")]),
    ("Uit het rapport blijkt dat de helft van de meldingen niet werd onderzocht.",
     [("fin", None, None, False, "de helft van de meldingen niet werd onderzocht")]),
    ("De Raad beveelt aan de regelgeving te vereenvoudigen.",
     [("rec", None, None, False, "de regelgeving te vereenvoudigen")]),
    ("Volgens de evaluatie heeft de missie haar doelen grotendeels bereikt.",
     [("fin", None, None, False, "de missie haar doelen grotendeels bereikt")]),
    ("Niet alleen de Inspectie maar ook de Rekenkamer constateert dat de kosten stijgen.",
     [("fin", None, None, False, "de kosten stijgen")]),
    # the items as a whole
    ("Defensie herkent zich in de bevindingen van de commissie.", [("fin", None, "full", True, "herkent zich")]),
    ("Wij omarmen de aanbevelingen van de Raad.", [("rec", None, "full", True, "wij omarmen")]),
    ("Het kabinet neemt de aanbevelingen van de Onderwijsraad met kanttekeningen over.",
     [("rec", None, "partial", True, "met kanttekeningen")]),
    ("Het kabinet heeft in zijn reactie van 3 maart 2021 de aanbevelingen van de commissie onderschreven.",
     [("rec", None, "full", True, "in zijn reactie")]),                           # a stance restated
    ("Het kabinet onderschrijft niet alleen de conclusies, maar ook de aanbevelingen van de commissie.",
     [("rec", None, "full", True, "niet alleen"), ("fin", None, "full", True, "niet alleen")]),
    ("De waardevolle aanbevelingen van de commissie bieden een goede basis.",       # appraised: no stance
     [("rec", None, None, True, "waardevolle")]),
    ("De bevindingen van de Inspectie zijn ernstig.", [("fin", None, None, True, "ernstig")]),
    ("Veel van de aanbevelingen zijn zeer behartenswaardig.", [("rec", None, "partial", True, "veel van")]),
    # numbered items: each group of numbers takes the stance word after it
    ("Aanbeveling 2 is inmiddels opgevolgd.", [("rec", "2", "full", False, "")]),
    ("Aanbeveling 4 wordt deels overgenomen.", [("rec", "4", "partial", False, "")]),
    ("Het kabinet neemt aanbevelingen 1 en 3 over en aanbeveling 2 niet.",
     [("rec", "1", "full", False, ""), ("rec", "3", "full", False, ""), ("rec", "2", "rejected", False, "")]),
    ("Het kabinet onderschrijft bevinding 5 volledig en bevinding 6 ten dele.",
     [("fin", "5", "full", False, ""), ("fin", "6", "partial", False, "")]),
    ("Het kabinet onderschrijft bevindingen 1 tot en met 3 volledig.",
     [("fin", "1", "full", False, ""), ("fin", "2", "full", False, ""), ("fin", "3", "full", False, "")]),
    # anaphors: the items named just before
    ("De AIV beveelt aan de inzet in de Sahel te heroverwegen. Het kabinet neemt deze aanbeveling over.",
     [("rec", None, "full", False, "de inzet in de sahel te heroverwegen")]),
    ("De commissie beveelt aan om de regie te versterken. Ook beveelt zij aan om de financiering te herzien. "
     "Het kabinet onderschrijft beide aanbevelingen.",
     [("rec", None, "full", False, "de regie te versterken"), ("rec", None, "full", False, "de financiering")]),
    # questions and answers
    ("Bent u bereid aanbeveling 3 over te nemen?\n\nAntwoord 3\nJa, het kabinet neemt deze aanbeveling over.",
     [("rec", "3", "full", False, "")]),
    ("Bent u bereid aanbeveling 4 over te nemen?\nNee.", [("rec", "4", "rejected", False, "")]),
    ("Neemt u aanbeveling 5 over?\nGedeeltelijk.", [("rec", "5", "partial", False, "")]),
    # layouts
    ("Aanbeveling 5 (meer personeel): niet overgenomen.", [("rec", "5", "rejected", False, "")]),
    ("| Nr | Aanbeveling | Reactie kabinet |\n|----|----|----|\n| 1 | Versterk de regie | Overgenomen |\n"
     "| 2 | Richt een fonds op | Niet overgenomen |\n| 3 | Evalueer jaarlijks | Deels overgenomen |\n",
     [("rec", "1", "full", False, "versterk de regie"), ("rec", "2", "rejected", False, "richt een fonds op"),
      ("rec", "3", "partial", False, "evalueer jaarlijks")]),
    ("De commissie doet de volgende aanbevelingen:\na) Versterk de samenwerking tussen de diensten.\n"
     "b) Investeer in de opleiding van personeel.\n",
     [("rec", "a", None, False, "versterk de samenwerking"), ("rec", "b", None, False, "investeer in de opleiding")]),
    ("Belangrijke conclusies van het rapport zijn:\n- De informatievoorziening was onvolledig.\n"
     "- Het toezicht schoot tekort.\n",
     [("fin", None, None, False, "de informatievoorziening was onvolledig"),
      ("fin", None, None, False, "het toezicht schoot tekort")]),
    ("Aanbeveling 2\nZorg voor een centrale registratie van incidenten.\n",
     [("rec", "2", None, False, "zorg voor een centrale registratie")]),
    # near misses: thanks, reading guides, mentions in passing, the government's own conclusions, questions,
    # nouns used by others
    ("Het kabinet dankt de commissie voor het zorgvuldige onderzoek.", []),
    ("Ik ben de Inspectie erkentelijk voor deze analyse.", []),
    ("In deze brief ga ik in op de aanbevelingen van de Raad.", []),
    ("De Kamer nam een motie aan over het overnemen van de aanbevelingen.", []),
    ("In hoeverre de aanbevelingen zijn opgevolgd, wordt volgend jaar geëvalueerd.", []),
    ("Het kabinet concludeert dat de inzet succesvol was.", []),
    ("Het kabinet komt tot de conclusie dat de missie moet worden verlengd.", []),
    # the subject after the verb, and the negation after it ("deelt de regering niet")
    ("De Afdeling concludeert dat de wet ook hier geldt. Deze conclusie deelt de regering niet.",
     [("fin", None, "rejected", False, "de wet ook hier geldt")]),
    ("De Rekenkamer beveelt aan om de regels te herzien. Deze aanbeveling neemt het kabinet niet over.",
     [("rec", None, "rejected", False, "de regels te herzien")]),
    ("De Rekenkamer beveelt aan om de regels te herzien. Deze aanbeveling neemt het kabinet over.",
     [("rec", None, "full", False, "de regels te herzien")]),
    # an "om … te" item with a phrase after its infinitive
    ("De onderzoekers bevelen aan om alle veteranen te benaderen met een aanbod voor nazorg. Deze aanbeveling neem "
     "ik over.", [("rec", None, "full", False, "te benaderen met een aanbod voor nazorg")]),
    ("Het kabinet neemt de aanbeveling om de Kamer vaker te informeren niet over.",
     [("rec", None, "rejected", False, "de kamer vaker te informeren")]),
    # numbered items under a heading of their own kind, each answered on the next line
    ("Aanbevelingen\n\n1. Formuleer vooraf meetbare doelen.\nReactie: Het kabinet neemt deze aanbeveling over.\n\n"
     "2. Stel een apart budget in.\nReactie: Het kabinet neemt deze aanbeveling niet over.\n",
     [("rec", "1", "full", False, "formuleer vooraf meetbare doelen."),
      ("rec", "2", "rejected", False, "stel een apart budget in.")]),
    ("Conclusies\n\n1. De inzet was effectief.\n\nAanbevelingen\n\n1. Houd de inzet vol.\nStandpunt: Het kabinet "
     "onderschrijft deze aanbeveling.\n",
     [("rec", "1", "full", False, "houd de inzet vol."), ("fin", "1", None, False, "de inzet was effectief.")]),
    # items listed one by one after a paragraph that names them, each answered under it
    ("Het advies bevat drie aanbevelingen, waarop wij hieronder reageren.\n\na) Blijf inzetten op de missie.\n"
     "Wij onderschrijven deze aanbeveling.\n\nb) Houd capaciteit beschikbaar voor de VN.\nWij nemen deze "
     "aanbeveling niet over.\n\nc) Overweeg een bijdrage in Haïti.\nDaarover besluit het kabinet later.\n",
     [("rec", "a", "full", False, "blijf inzetten op de missie."),
      ("rec", "b", "rejected", False, "houd capaciteit beschikbaar voor de vn."),
      ("rec", "c", None, False, "overweeg een bijdrage in haïti.")]),
    ("Het advies bevat een aanbeveling.\n\na) Blijf inzetten op de missie.\nWij onderschrijven deze.\n", []),
    # an anaphor after a paragraph break and a heading
    ("De Inspectie beveelt aan om de duur te beperken tot 24 uur, tenzij een arts anders adviseert, en om elke "
     "afzondering binnen een dag te laten toetsen.\n\nReactie staatssecretaris\n\nBeide aanbevelingen worden "
     "overgenomen.", [("rec", None, "full", False, "de duur te beperken tot 24 uur"),
                      ("rec", None, "full", False, "elke afzondering binnen een dag te laten")]),
    # a list introduced by a report verb, its items then named by their place
    ("De CTIVD beveelt aan:\n• medewerkers vóór uitzending verplicht te trainen;\n• alle verstrekkingen vooraf te "
     "laten toetsen.\n\nDe eerste aanbeveling neem ik over. De tweede aanbeveling neem ik niet over.",
     [("rec", None, "full", False, "medewerkers vóór uitzending verplicht te trainen"),
      ("rec", None, "rejected", False, "alle verstrekkingen vooraf te laten toetsen")]),
    ("De commissie concludeert:\n- de planning was te laat;\n- de Kamer werd onvolledig geïnformeerd.\n\nDe laatste "
     "conclusie deelt het kabinet.",
     [("fin", None, None, False, "de planning was te laat"),
      ("fin", None, "full", False, "de kamer werd onvolledig geïnformeerd")]),
    # "neemt deze aanbeveling over": the particle is no link to the item's topic
    ("De WRR beveelt aan de hulp te richten op tien landen. Het kabinet neemt deze aanbeveling over en zal de lijst in "
     "2028 vaststellen.", [("rec", None, "full", False, "de hulp te richten op tien landen")]),
    # the object first, the government after the verb
    ("Het rapport laat zien dat huishoudens met een laag inkomen zwaar worden getroffen. Deze analyse deelt het "
     "kabinet.", [("fin", None, "full", False, "huishoudens met een laag inkomen")]),
    ("De AIV concludeert dat de missie faalde. Die conclusie deelt de AIV met de WRR.",
     [("fin", None, None, False, "de missie faalde")]),
    # a table without outer bars, the answer in the column its header names
    ("De IVD doet twee aanbevelingen.\n\nNr. | Aanbeveling IVD | Reactie | Planning\n1 | Toets vooraf de medische "
     "afspraken | Overgenomen | vanaf 2027\n2 | Stel een eigen medisch team beschikbaar | Niet overgenomen | n.v.t.\n",
     [("rec", "1", "full", False, "toets vooraf de medische afspraken"),
      ("rec", "2", "rejected", False, "stel een eigen medisch team beschikbaar")]),
    # "adviseert" with an infinitive and no "om"; the item the subject of a passive stance
    ("De Afdeling adviseert het Toetsingskader 2014 te herzien. Dit advies wordt overgenomen.",
     [("rec", None, "full", False, "het toetsingskader 2014 te herzien")]),
    ("De AIV adviseert de regering over de missie.", []),
    # "Dat"/"Dit" and a stance: an answer to the item named just before
    ("Zo adviseert de Adviesraad om evacuees een aparte status te geven. Dat acht ik niet nodig: de procedure "
     "volstaat.", [("rec", None, "rejected", False, "evacuees een aparte status te geven")]),
    ("De AIV beveelt aan om de eenheden te versterken. Dat neemt het kabinet over.",
     [("rec", None, "full", False, "de eenheden te versterken")]),
    ("De AIV beveelt aan om de eenheden te versterken. Dat is een goed idee van de AIV.",
     [("rec", None, None, False, "de eenheden te versterken")]),
    # nouns that only point back
    ("De IOB stelt vast dat de training goed was. Het kabinet herkent zich in dit beeld.",
     [("fin", None, "full", False, "de training goed was")]),
    ("Wij herkennen ons in dit beeld.", []),
    ("Het beeld dat uit de cijfers naar voren komt, is gemengd.", []),
    # a nader rapport's lettered sections number the items in them
    ("Het advies geeft aanleiding tot de volgende opmerkingen.\n\na. Noodzaak\nDe Afdeling constateert dat de "
     "noodzaak niet is aangetoond. Ik deel dit oordeel niet.\n\nb. Waarborgen\nDe Afdeling adviseert een toets op te "
     "nemen. Aan dit advies is gevolg gegeven.\n\nc. Termijnen\nDe Afdeling adviseert de termijn te beperken. De "
     "regering volgt dit advies niet.\n",
     [("rec", "b", "full", False, "een toets op te nemen"), ("rec", "c", "rejected", False, "de termijn te beperken"),
      ("fin", "a", "rejected", False, "de noodzaak niet is aangetoond")]),
    # a stance in the next sentence, without naming the item, by the government and on nothing else
    ("De Afdeling adviseert de informatievoorziening wettelijk te verankeren. De regering ziet daartoe geen noodzaak.",
     [("rec", None, "rejected", False, "de informatievoorziening wettelijk te verankeren")]),
    ("De AIV beveelt aan een gezant te benoemen. De regering acht dat niet wenselijk.",
     [("rec", None, "rejected", False, "een gezant te benoemen")]),
    ("De AIV beveelt aan een gezant te benoemen. Het kabinet steunt de inzet van de VN in de regio.",
     [("rec", None, None, False, "een gezant te benoemen")]),
    ("De AIV beveelt aan een gezant te benoemen. De missie duurt nog twee jaar. Het kabinet onderschrijft dat.",
     [("rec", None, None, False, "een gezant te benoemen")]),
    ("Bent u bereid de aanbevelingen over te nemen?", []),
    ("De Raad verwijst naar een advies over de inzet van drones.", []),
    ("Volgens bevinding 3 is de inzet effectief.", []),
    ("Tijd om gevolg te geven aan de aanbevelingen was er niet.", []),
]


@pytest.mark.parametrize("text,expected", ITEMS, ids=[t[:50] for t, _ in ITEMS])
def test_items_and_stances(text, expected):
    got = items(text)
    assert len(got) == len(expected), got
    for (kind, number, stance, collective, fragment), have in zip(expected, got):
        assert have[:4] == (kind, number, stance, collective), (have, expected)
        assert fragment in have[4], (fragment, have[4])


# text -> number of commitments (one per sentence at most), and for the first (who, when) where given
COMMITMENTS = [
    ("Ik zal uw Kamer voor de zomer van 2024 informeren over de voortgang.", 1, ("ik", "voor de zomer van 2024")),
    ("Het kabinet zegt toe de evaluatie uiterlijk 1 juli aan de Kamer te sturen.", 1, ("kabinet", "uiterlijk 1 juli")),
    ("De minister gaat onderzoeken of de regels kunnen worden vereenvoudigd.", 1, ("minister", None)),
    ("Het kabinet belooft de Kamer jaarlijks te rapporteren.", 1, ("kabinet", "jaarlijks")),
    ("U ontvangt in het voorjaar een brief over de uitkomsten.", 1, (None, "in het voorjaar")),
    ("Het kabinet streeft ernaar de wet in 2025 in te dienen.", 1, ("kabinet", "in 2025")),
    ("Er komt een onafhankelijk meldpunt.", 1, None),
    ("De resultaten worden in het najaar gepubliceerd.", 1, (None, "in het najaar")),
    ("In de brief van 4 april is toegezegd dat de Kamer jaarlijks wordt geïnformeerd.", 1, None),
    ("Ik zal deze bezien. Ik zal de Kamer daarna informeren.", 2, None),
    # near misses
    ("In deze brief ga ik in op de aanbevelingen.", 0, None),
    ("Hierbij informeer ik u over de stand van zaken.", 0, None),
    ("Vorig jaar heeft het kabinet de regels aangepast.", 0, None),
    ("Ik hoop dat de partijen snel tot overeenstemming komen.", 0, None),
    ("De gemeenten zullen de regels moeten toepassen.", 0, None),
    ("Als de middelen beschikbaar komen, zou het kabinet het programma kunnen uitbreiden.", 0, None),
    ("Ik wil dat de Inspectie haar toezicht verscherpt.", 0, None),
    ("De Raad zal in 2025 een nieuw advies uitbrengen.", 0, None),
    ("De evaluatie werd in 2019 gepubliceerd.", 0, None),
    ("Het kabinet acht het waarschijnlijk dat de kosten zullen stijgen.", 0, None),
    ("\"We komen echt met een respons\", aldus de minister.", 0, None),              # a quotation
    ("In verband met de kabinetswisseling ontvangt u deze brief nu.", 0, None),
    ("Ik zal de eerder naar voren gebrachte argumenten niet herhalen.", 0, None),     # a negated future
    ("De minister voor Ontwikkelingssamenwerking zal evenmin deelnemen aan het debat.", 0, None),
    ("Ik wil graag weten welke lessen uit de evaluatie zijn getrokken.", 0, None),   # a question, not an intention
    ("D66 wil weten hoe de minister het toezicht op de getrainde agenten heeft geregeld.", 0, None),
    ("GroenLinks wil de bijdrage aan de missie met een jaar verlengen.", 0, None),    # a party, not the government
    ("Ook vragen zij of de bijdrage niet beter kan worden gecombineerd met de inzet voor Sea Guardian.", 0, None),
    ("Meestal gaat het om Russische militaire toestellen die zonder transponder vliegen.", 0, None),
    ("Het kabinet zal de aanbeveling niet alleen overnemen, maar ook uitvoeren.", 1, ("kabinet", None)),
    ("Het kabinet noemt dit een trainingsmissie, maar er gaan meer militairen dan agenten naar Kunduz.", 0, None),
    ("Het kabinet hecht eraan dat eventuele training gepaard gaat met strikte waarborgen.", 0, None),
    ("Het kabinet gaat de aanbevelingen dit najaar uitwerken.", 1, ("kabinet", "dit najaar")),
    ("De VN zal volgens resolutie 2790 de terugtrekking in 2027 afronden.", 0, None),   # others' acts
    ("De EU zal haar eigen monitoringsmechanisme versterken.", 0, None),
    ("De NAVO zal in juni een besluit nemen over de missie.", 0, None),
    ("Het kabinet wil daarom geen vaste exitcriteria vastleggen.", 0, None),               # a refusal
    # a negation in the clause the marker opens does not refuse: the promise is that no one will wait longer
    ("Ik streef ernaar dat vanaf 1 april 2027 geen minderjarige langer dan zes weken in de noodopvang verblijft.", 1,
     ("ik", "vanaf 1 april 2027")),
    ("Ik zal ervoor zorgen dat geen kind langer dan zes weken wacht.", 1, ("ik", None)),
    # the reason given for a choice is no promise; a reason the sentence opens with does not cancel what follows
    ("Op onderdelen kiest het kabinet voor een ander tempo, omdat nieuwe handelsafspraken in EU-verband worden "
     "gemaakt.", 0, None),
    ("Omdat de wachttijden te lang zijn, wordt in 2027 een nieuw meldpunt ingericht.", 1, (None, "in 2027")),
    ("Ik zal de regels aanpassen omdat de Inspectie daarom vraagt.", 1, ("ik", None)),
    # the subject further back in the clause: a council's own promise is none; "heeft … laten" is the past
    ("De AIV waardeert de uitgebreide reactie en zal in 2027 een vervolgadvies uitbrengen.", 0, None),
    ("Het kabinet waardeert het advies en zal in 2027 een vervolgonderzoek laten uitvoeren.", 1, ("kabinet", "in 2027")),
    ("De commissie oordeelt hard: het ministerie heeft economische belangen stelselmatig laten prevaleren.", 0, None),
    # "zet zich … in", "beraadt zich": the government's intention; not another's
    ("Het kabinet beraadt zich nog op deze aanbeveling.", 1, ("kabinet", None)),
    ("De NAVO zet zich in voor stabiliteit in de regio.", 0, None),
    ("De minister verzet zich tegen het idee dat Nederland niet was voorbereid.", 0, None),
    # a promise by its participle needs what was promised
    ("‘We hebben veel beloofd en te weinig waargemaakt,’ aldus de minister.", 0, None),
    ("Eerder heb ik beloofd de Kamer jaarlijks te informeren.", 1, ("ik", "jaarlijks")),
    # a passive measure ("worden … betrokken", "worden nog bestudeerd"); not what is not done
    ("De overige aanbevelingen worden nog bestudeerd.", 1, (None, None)),
    ("Ze worden betrokken bij de lopende herziening van het beleid.", 1, ("ze", None)),
    ("Informatie over de staat van de bruggen wordt niet consistent vastgelegd.", 0, None),
    # "per", "uiterlijk", "eind" need a date or a year right after them, not any number
    ("Het aandeel dat naar lokale organisaties gaat, stijgt eind 15 procent. Den Haag, 4 maart 2026.", 0, None),
    ("Eind 2027 is het nieuwe systeem overal in gebruik. Den Haag, 4 maart 2026.", 1, (None, "Eind 2027")),
    ("Mocht de Europese Unie besluiten tot een nieuwe operatie, dan zal het kabinet een bijdrage opnieuw bezien.", 0,
     None),                                                                  # a conditional possibility
    ("Nederland zal in New York actief steun verwerven voor een civiele missie.", 1, None),
    ("Defensie start in maart 2027 met een nieuwe opleidingsmodule.", 1, ("defensie", "in maart 2027")),
    ("Ook komt er voor de zomer een proef met snellere procedures.", 1, (None, "voor de zomer")),  # not "komt … met"
    ("Vanaf 2027 wordt de eindafrekening opgenomen in het jaarverslag.", 1, (None, "Vanaf 2027")),
    ("Een herzien kader wordt in het voorjaar van 2027 aan beide Kamers der Staten-Generaal aangeboden.", 1,
     (None, "in het voorjaar van 2027")),
    ("Ook wordt het onderzoek over vijf jaar herhaald.", 1, (None, "over vijf jaar")),
    ("In de reactie die op 18 april 2019 is verschenen, stelt het kabinet dat het advies wordt beschouwd als steun.",
     0, None),                                                       # the date is not the participle's
    ("De evaluatie werd in 2019 gedeeld met de partners.", 0, None),
    ("Kan de minister toezeggen dat de tolken dit jaar nog naar Nederland worden gehaald?", 0, None),  # a question
    ("Het mandaat van EUFOR Althea wordt in november door de VN-Veiligheidsraad verlengd.", 0, None),   # others' act
    ("Het rapport wordt in november door de minister aangeboden.", 1, (None, "in november")),
    ("Ook wordt ingegaan op de toezeggingen van het Algemeen Overleg op 10 september jl.", 0, None),  # a guide
    ("Ik informeer u op 10 september jl. over de missie.", 0, None),                                   # past date
    ("Dat kan ik niet toezeggen, want dat hangt af van de veiligheid ter plaatse.", 0, None),          # a refusal
    ("De kosten waren bij de start van het project na 2022 niet te voorzien.", 0, None),   # "start", a noun
    ("De Jonge reageerde begin december per brief.", 0, None),
    ("Wel zijn wij bereid schrijnende gevallen afzonderlijk te bezien.", 1, ("wij", None)),
    ("Tot slot wil ik de medewerkers van de Rekenkamer bedanken.", 0, None),
    ("Dit laat zien dat de regeling werkt.", 0, None),
    # a time that looks ahead, in the present tense: an announced measure
    ("Met ingang van 1 maart 2028 geldt een meldplicht voor alle kazernes.", 1,
     (None, "Met ingang van 1 maart 2028")),
    ("Vanaf volgend jaar krijgen de regionale teams een eigen jurist.", 1, (None, "volgend jaar")),
    ("Per 1 september 2027 is een medische keuring voor elke uitzending verplicht.", 1, (None, "Per 1 september 2027")),
    ("Voortaan wordt in elke voortgangsrapportage een overzicht van de uitgaven opgenomen.", 1, (None, "Voortaan")),
    ("Bij toekomstige missies stelt Defensie vooraf een exitstrategie op.", 1, ("defensie", None)),
    ("Het ministerie trekt de komende drie jaar 40 miljoen euro uit voor nazorg.", 1, ("ministerie", None)),
    ("Vanaf 2019 nam het aantal incidenten gestaag toe.", 0, None),                        # past
    ("Vanaf 2020 is het aantal meldingen sterk gestegen.", 0, None),                       # perfect
    ("De kazernes moeten incidenten voortaan binnen een week melden.", 0, None),            # others' obligation
    ("De inspectie beveelt aan voortaan jaarlijks te oefenen.", 0, None),                   # the report speaks
    ("Ik neem de aanbeveling over om vanaf 2028 alle trainingen te registreren.", 0, None),  # the item's content
    ("Het kabinet erkent de conclusie dat de planning vanaf 2021 tekortschoot.", 0, None),    # a finding's content
    ("De komende jaren blijft de druk op de opvang hoog.", 0, None),                       # no government
    ("Voor de zomer van 2027 ontvangt het parlement een overzicht van de knelpunten.", 1,
     (None, "Voor de zomer van 2027")),
    ("De staatssecretaris neemt begin 2028 een besluit over de locaties.", 1, ("staatssecretaris", "begin 2028")),
    ("De uitkomsten worden in het najaar verwacht.", 0, None),                               # an expectation
    ("Het overleg staat gepland voor eind maart.", 0, None),                                 # a schedule
    ("Als de proef slaagt, kan het loket medio 2028 open.", 0, None),                        # a condition
    ("De minister ontving dit voorjaar een brief van de burgemeesters.", 0, None),             # past
    ("Minister Jansen reageerde begin 2024 op het rapport.", 0, None),                       # past
    ("| 1 | Start eind 2027 met een pilot | Overgenomen |", 0, None),                          # the item's cell
    ("De kosten per deelnemer zijn hoog.", 0, None),                                        # "per", no date
    ("Aanbeveling 3: Stel vanaf 2027 een vast budget beschikbaar.", 0, None),              # the report's text
    # "laat" + infinitive: the government has something done
    ("Ook laat de staatssecretaris onderzoeken of de termijnen kunnen worden verkort.", 1, ("staatssecretaris", None)),
    ("Ik laat de Inspectie eerst de knelpunten in kaart brengen.", 1, ("ik", None)),
    ("De evaluatie laat weten dat de doelen deels zijn gehaald.", 0, None),
    ("Laat ik vooropstellen dat de zorgen terecht zijn.", 0, None),                         # a figure of speech
    ("Defensie laat al jaren een externe toets uitvoeren.", 0, None),                        # under way
    ("De evacuatie kwam te laat op gang.", 0, None),
    ("De minister laat zich in het debat vertegenwoordigen door de staatssecretaris.", 0, None),
    # other forms
    ("In het voorjaar gaat de minister met de veiligheidsregio's in gesprek.", 1, ("minister", "In het voorjaar")),
    ("Het kabinet komt voor de zomer met een uitvoeringsagenda.", 1, ("kabinet", "voor de zomer")),
    ("Een apart fonds komt er niet.", 0, None),
    ("De Afdeling wijst erop dat de norm in de wet moet worden vastgelegd.", 0, None),
    ("Dat blijkt uit ons onderzoek. Wij zullen over twee jaar nagaan of de aanbevelingen zijn opgevolgd.", 0, None),
    ("Formuleer bij toekomstige missies toetsbare doelen per fase.", 0, None),          # a report's imperative
    ("Evaluatie van de VN-missie MINUSMA 2014-2019\n**Uiterlijk bij**", 0, None),        # a form's label
    ("Het kabinet neemt uiterlijk in maart 2027 een besluit over de locaties.", 1, ("kabinet", "in maart 2027")),
    ("Zorg dat voortaan vooraf wordt vastgelegd wie de verzorging regelt.", 0, None),
    ("Onderzoek naar de gevolgen start in maart 2027.", 1, (None, "in maart 2027")),     # a noun, not an imperative
    ("Eerst wil ik dat de verbeteringen op orde zijn.", 0, None),                         # a wish
    ("De staatssecretaris informeert de Kamer binnen zes weken over de uitkomst.", 1,
     ("staatssecretaris", "binnen zes weken")),
    ("Staatssecretaris gaat aan de slag met rapport over noodopvang\n\nDe staatssecretaris neemt het rapport in "
     "ontvangst.", 0, None),                                         # a headline: the text tells its promise, if any
    ("De raad constateert dat netcongestie tot 2035 het tempo van de energietransitie zal bepalen.", 0, None),
    # the subject further back in the clause
    ("Het kabinet meldt dat uw Kamer in het voorjaar een voorstel zal ontvangen.", 1, ("kabinet", "in het voorjaar")),
]


@pytest.mark.parametrize("text,count,first", COMMITMENTS, ids=[t[:50] for t, _, _ in COMMITMENTS])
def test_commitments(text, count, first):
    got = found(text)["commitments"]
    assert len(got) == count, got
    if first:
        assert (got[0]["by"], got[0]["when"]) == first


# text -> (author, title) of the report the document answers
REPORTS = [
    ("Hierbij bied ik u het rapport «Grip op de grens» van de Algemene Rekenkamer aan.",
     ("Algemene Rekenkamer", "Grip op de grens")),
    ("Het kabinet heeft kennisgenomen van het WRR-rapport ‘Opgave AI’.",    # a body by its name, then its short name
     ("Wetenschappelijke Raad voor het Regeringsbeleid (WRR)", "Opgave AI")),
    ("Met deze brief reageer ik op het rapport van de commissie-Van der Veer.", ("commissie-Van der Veer", None)),
    ("De kabinetsreactie op het advies van de Adviesraad Migratie volgt in mei.", ("Adviesraad Migratie", None)),
    ("Het onderzoek is uitgevoerd door Andersson Elffers Felix.", ("Andersson Elffers Felix", None)),
    ("Het kabinet reageert op het stuk van Johan Remkes over de stikstofproblematiek.", ("Johan Remkes", None)),
    ("De beleidsreactie op het rapport van de Inspectie voor de Gezondheidszorg volgt.",     # a former name
     ("Inspectie Gezondheidszorg en Jeugd (IGJ)", None)),
    ("De evaluatie is uitgevoerd door de Directie Operaties van het ministerie.", ("Directie Operaties", None)),
    ("Het eindrapport ‘Niemand tussen wal en schip’ van de Taskforce Wachttijden ggz is vandaag verschenen.",
     ("Taskforce Wachttijden", "Niemand tussen wal en schip")),
    ("Defensie heeft de inzet laten evalueren door de eigen Directie Operaties. Het rapport ‘Wacht aan boord’ bevat "
     "drie aanbevelingen.", (None, "Wacht aan boord")),       # near miss: the author is named a sentence before
    ("Het kabinet reageert op de signaalbrief ‘Schijn van keurmerk’ van de Nederlandse Arbeidsinspectie (NLA).",
     ("Nederlandse Arbeidsinspectie", "Schijn van keurmerk")),
    # the sentences naming the report do not name its author: the body the document credits most
    ("Inspectie Justitie en Veiligheid\nHome > Actueel > Nieuws\n\nDe Inspectie Justitie en Veiligheid heeft "
     "onderzocht hoe het detentiecentrum omgaat met afzondering. Het rapport “Alleen in de cel” verscheen vandaag.",
     ("Inspectie Justitie en Veiligheid", "Alleen in de cel")),        # a page's header and the text
    ("Aan de Nationale ombudsman\n\nOnderwerp Reactie op het rapport 'Van loket naar loket'\n\nGeachte Nationale "
     "ombudsman,\n\nMet belangstelling hebben wij kennisgenomen van uw rapport.",
     ("Nationale ombudsman", "Van loket naar loket")),                   # the addressee of a letter
    ("Algemene Rekenkamer\nHome > Onderzoeken > Defensie\n\nDefensie weet niet hoeveel munitie het heeft. Wij "
     "bevelen aan één registratiesysteem in te voeren. De minister neemt die aanbeveling over.\n\nNawoord Algemene "
     "Rekenkamer\nWij zijn blij met de reactie.", ("Algemene Rekenkamer", None)),   # no report noun, an item
    ("Minister deelt de zorgen van de commissie-Verbeek over de kering, maar vindt de conclusies te somber. Dat "
     "schrijft ze in een reactie op het rapport 'Houdbaar tot 2100?'.", ("commissie-Verbeek", "Houdbaar tot 2100?")),
    ("De minister reageert op de evaluatie van de wet door de Universiteit Leiden, uitgevoerd in opdracht van het "
     "WODC. Het WODC publiceert de evaluatie. Het WODC is tevreden.", ("Universiteit Leiden", None)),
    ("Inspectie van het Onderwijs\nHome > Actueel > Nieuws\n\nMinister reageert op onderzoek naar leesonderwijs\n\n"
     "De Inspectie van het Onderwijs ziet dat het leesonderwijs achterblijft.", ("Inspectie van het Onderwijs", None)),
    # near misses: the subject of a report is not its author; no report named; a body that only commissioned it
    ("Ik heb twee onderzoeken naar de Inspectie voor de Gezondheidszorg aangekondigd.", None),
    ("Het kabinet heeft de Kamer geïnformeerd over de inzet in Irak.", None),
    ("Het kabinet reageert op het rapport ‘Koers’, opgesteld in opdracht van de Onderwijsraad.", (None, "Koers")),
    ("De Onderwijsraad publiceerde vandaag zijn jaarverslag. De minister dankt de raad.", None),   # no report, no item
    ("De minister reageert op onderzoek naar leesonderwijs.", None),      # answered, but no author named anywhere
]


@pytest.mark.parametrize("text,expected", REPORTS, ids=[t[:50] for t, _ in REPORTS])
def test_the_report_answered(text, expected):
    got = found(text)["responds_to"]
    if expected is None:
        assert got is None or got["author"] is None, got
    else:
        assert got is not None and (got["author"], got["title"]) == expected, got


# The date of a commitment is looked for only where one of its words stands (``commitments.when``): every text the
# regex finds a date in holds one, so the cheap test never hides a date.
_DATE_TOKENS = ["voor", "vóór", "de", "het", "zomer", "Zomerreces", "voorjaar", "najaar", "einde", "eind", "van",
                "dit", "jaar", "eerste", "kwartaal", "uiterlijk", "1", "15", "maart", "MEI", "mei", "december",
                "2024", "20245", "٢٠٢٤", "in", "jaarlijks", "halfjaarlijks", "ieder", "elk", "binnenkort",
                "spoedig", "zo", "mogelijk", "op", "korte", "termijn", "later", "volgend", "deze", "ſpoedig",
                "\u212awartaal", "zomer2024", "xmaart", "maarten", "medio", "half", ",", ".", "\n", "-", "é"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DATE_TOKENS), max_size=12), st.sampled_from([" ", "  ", "", "\n"]),
       st.integers(0, 8), st.integers(0, 8))
def test_when_is_the_regex_search(tokens, sep, cut_start, cut_end):
    text = sep.join(tokens) + " " + " ".join(tokens[:3])
    start, end = min(cut_start, len(text)), max(min(len(text), len(text) - cut_end), 0)
    found, expected = when(text, start, end), WHEN.search(text, start, end)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aBß ſİﬁ,.;'’-ÉéΣς2\u0130", max_size=40), st.integers(0, 3))
def test_sentence_words_are_folded_words(text, start):
    """A sentence's words are its words case-folded one by one (the sentence is folded at once when that keeps the
    offsets: "ß" and "ﬁ" fold to two letters, and then each word is folded alone)."""
    start = min(start, len(text))
    s = Sentence.read(text, start, len(text))
    assert s.low == [m.group().casefold() for m in WORD.finditer(text, start, len(text))]


_MARK_BREAKS = ",:()-"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aBß ſİ\u0345ﬁ,:;()-\"“”„«»'’.2É é", max_size=50), st.integers(0, 3))
def test_sentence_reads_what_stands_between_its_words(text, start):
    """A sentence read in one pass over its folded text has the words, offsets and marks of reading it word by word:
    each word where ``WORD`` finds it; a comma, colon, bracket or dash after word i (or inside it: "OVV-rapport")
    breaks the clause after it; a semicolon starts a new segment; a word stands in quotation marks when an opening
    mark (or an odd "\"") stands before it and no closing one since."""
    start = min(start, len(text))
    s = Sentence.read(text, start, len(text))
    spans = [m.span() for m in WORD.finditer(text, start, len(text))]
    assert (s.starts, s.ends) == ([a for a, _ in spans], [b for _, b in spans])
    assert s.low == [text[a:b].casefold() for a, b in spans]
    before = [(bisect_right([a for a, _ in spans], i) - 1, ch) for i, ch in enumerate(text) if i >= start]
    comma = [any(w == i and ch in _MARK_BREAKS for w, ch in before) for i in range(len(spans))]
    assert s.comma == comma
    assert s.breaks == [i for i, c in enumerate(comma) if c]
    for i in range(len(spans)):
        assert s.clause(i) == (max([j + 1 for j in range(i) if comma[j]] + [s.segment(i)[0]]),
                               min([j + 1 for j in range(i, len(spans)) if comma[j]] + [s.segment(i)[1]]))
    if ";" not in text[start:] and not {"maar", "echter"} & set(s.low):
        assert set(s.seg) <= {0}
    quoted, open_quote = [], False
    events = [(w + 1, ch) for w, ch in before if ch in '"“”„«»']
    for i in range(len(spans)):
        for w, ch in events:
            if w == i:
                open_quote = (not open_quote) if ch == '"' else ch in "“„«"
        quoted.append(open_quote)
    assert s.quoted == quoted
    assert s.may_quote == any(ch in QUOTES for ch in text[start:])


def test_title_quote_marks_are_the_opening_quotes():
    assert set(_TITLE_QUOTE.pattern.strip("[]")) == set(QUOTES)


def test_the_marks_a_sentence_reads_are_the_punctuation_marks():
    assert {chr(c) for c in range(0x3000) if _PUNCT.fullmatch(chr(c))} == _MARKS
