import json, os
D = os.path.join(os.path.dirname(__file__), '..', 'gold')
def R(q, st=None, n=None, coll=False, doubt=False):
    d = {"number": n, "stance": st, "quote": q}
    if coll: d["collective"] = True
    if doubt: d["doubt"] = True
    return d
F = R
def G(recs, finds, coms, title, author):
    return {"recommendations": recs, "findings": finds,
            "commitments": [{"quote": c} for c in coms],
            "responds_to": {"title": title, "author": author}}
gold = {}
gold['z01'] = G(
 [R("Formuleer bij iedere bijdrage aan een trainingsmissie meetbare doelen", "full", "1"),
  R("Investeer in onafhankelijke monitoring van getrainde militairen", "partial", "2"),
  R("Herijk de politieke doelstellingen binnen zes maanden", "partial", "3"),
  R("Stel een gezamenlijk lessons learned-team van Buitenlandse Zaken en Defensie in", "rejected", "4"),
  R("Deel de uitkomsten van de evaluatie met de Europese partners", None, "5", doubt=True)],
 [F("de Nederlandse trainers over het algemeen goed waren voorbereid", "full"),
  F("de politieke doelstellingen van de missie na de staatsgreep van juli 2023 niet tijdig zijn herijkt", "partial")],
 ["Vanaf 2026 wordt in elke artikel 100-brief", "Wij zullen in EU-verband bepleiten",
  "Wel starten wij voortaan na elke staatsgreep", "Wij zullen uw Kamer in de volgende Sahelrapportage"],
 "Trainen zonder terrein", "Directie Internationaal Onderzoek en Beleidsevaluatie (IOB)")
gold['z02'] = G(
 [R("een nationale sanctiecoördinator aan te stellen", "rejected"),
  R("jaarlijks een openbare rapportage uit te brengen over de effecten", None)],
 [F("de handhaving van sancties in Nederland versnipperd is", "full"),
  F("de humanitaire uitzonderingen in sanctieregimes te beperkt zijn", "partial")],
 ["Dit bureau wordt per 1 juli 2025 operationeel", "Ik ga hierover dit voorjaar in gesprek",
  "Het kabinet zal in de kabinetsreactie op het AIV-advies"],
 "Scherp zonder schade", "Adviesraad Internationale Vraagstukken (AIV)")
gold['z03'] = G(
 [R("Plaats amv's jonger dan vijftien jaar binnen twee weken na aankomst in kleinschalige opvang", "full"),
  R("Stel een maximale verblijfsduur in de noodopvang vast", "rejected"),
  R("Verbeter de registratie van incidenten op amv-locaties", "full"),
  R("Betrek gemeenten actief bij het vinden van kleinschalige locaties", "partial")],
 [F("het COA in de noodopvang niet kan voldoen aan de normen", "full"),
  F("kinderen jonger dan vijftien jaar te lang op grootschalige locaties verblijven", "full")],
 ["Samen met Nidos worden per 1 januari 2025 tweehonderd extra plekken", "Wel laat ik de verblijfsduur vanaf november maandelijks monitoren",
  "Ik zal uw Kamer voor het einde van dit jaar informeren"],
 "Tussen wal en bed", "Inspectie Justitie en Veiligheid")
gold['z04'] = G(
 [R("Het advies is helder en prikkelend", None, coll=True),
  R("de bilaterale hulp te concentreren op ten hoogste tien partnerlanden", "full"),
  R("het budget voor internationale klimaatfinanciering los te koppelen", "rejected"),
  R("meer ruimte te geven aan lokale maatschappelijke organisaties", "partial"),
  R("een onafhankelijke klachtenfunctie", None)],
 [F("de Nederlandse hulp over te veel thema's en landen is versnipperd", "full"),
  F("het ministerie onvoldoende zicht heeft op de resultaten van de bijdragen aan multilaterale fondsen", "full")],
 ["Het kabinet neemt dit advies over en legt de nieuwe landenlijst", "Het kabinet kiest daarom voor een stapsgewijze aanpak",
  "Het kabinet gaat dit voorstel nader bestuderen"],
 "Minder, maar beter: keuzes in de Nederlandse ontwikkelingssamenwerking", "Adviesraad Internationale Vraagstukken (AIV)")
gold['z05'] = G(
 [R("een landelijk wachtlijstregister voor de eetstoorniszorg in te richten", "rejected")],
 [F("Het is een indringend rapport met heldere conclusies", None, coll=True),
  F("jongeren met een eetstoornis gemiddeld zeventien weken op een behandeling wachten", None),
  F("de regionale samenwerking tussen gespecialiseerde aanbieders en huisartsen tekortschiet", "full")],
 ["Daarom start ik dit najaar samen met de sector drie regionale proeftuinen", "Wel worden vanaf 1 juli 2025 de actuele wachttijden"],
 "Wachten op hulp", "Inspectie Gezondheidszorg en Jeugd (IGJ)")
gold['z06'] = G(
 [R("Vraag de buitenlandse diensten om de onrechtmatig verstrekte gegevens te vernietigen", "full", "1"),
  R("Leg in elke wegingsnotitie vast welke mensenrechtenrisico's", "full", "2"),
  R("Actualiseer de wegingsnotities voor alle samenwerkingsrelaties jaarlijks", "partial", "3"),
  R("Informeer de CTIVD proactief over wijzigingen in de samenwerking", None, "4")],
 [F("de MIVD in drie van de 21 onderzochte gevallen gegevens onrechtmatig heeft verstrekt", "full"),
  F("de interne toetsing bij de MIVD structureel tekortschiet", "rejected")],
 ["Het aangepaste format wordt per 1 september 2025 gebruikt", "Voor relaties met een verhoogd risico gebeurt dit jaarlijks",
  "Defensie gaat met de CTIVD in overleg", "Over de uitvoering van de aanbevelingen zal ik"],
 None, "Commissie van Toezicht op de Inlichtingen- en Veiligheidsdiensten (CTIVD)")
gold['z07'] = G(
 [R("Defensie neemt alle zes aanbevelingen over die de Inspectie Veiligheid Defensie", "full", coll=True)],
 [F("de oefening onvoldoende was voorbereid", "full"),
  F("de bestuurder van het voertuig volgens de geldende instructies handelde", None),
  F("de instructies zelf verouderd waren", None, doubt=True)],
 ["Het Commando Landstrijdkrachten voert voor 1 juni een nieuwe risico-inventarisatie uit",
  "Daarnaast worden de rijinstructies voor de Fennek dit jaar herzien",
  "De staatssecretaris stuurt de Tweede Kamer na de zomer een voortgangsbrief"],
 None, "Inspectie Veiligheid Defensie (IVD)")
gold['z08'] = G(
 [R("in de diepste polders van West-Nederland helemaal geen nieuwe woonwijken meer toe te staan", "rejected"),
  R("voor iedere grote bouwlocatie vooraf een verplichte watertoets uit te voeren", "full")],
 [F("bij de keuze van nieuwe woningbouwlocaties te weinig rekening wordt gehouden met bodemdaling", "full"),
  F("de kosten van bodemdaling nu vooral bij toekomstige bewoners en waterschappen terechtkomen", None, doubt=True)],
 ["Voor de zomer van 2026 komt er een handreiking", "Ook wordt de watertoets in het Besluit kwaliteit leefomgeving verankerd",
  "Het kabinet onderzoekt hoe die kosten eerlijker kunnen worden verdeeld"],
 "Grond onder de voeten", "Raad voor de leefomgeving en infrastructuur (Rli)")
gold['z09'] = G(
 [R("zij-instromers eerst een half jaar te laten meelopen met een ervaren leraar", "partial"),
  R("de bekostiging van lerarenopleidingen voor zij-instromers te verhogen", None)],
 [F("ruim een kwart van de zij-instromers binnen twee jaar het onderwijs weer verlaat", None),
  F("vooral doordat nieuwe leraren direct voor de klas staan", None, doubt=True)],
 ["Minister Hofstra (Onderwijs, Cultuur en Wetenschap) trekt daarvoor in 2026 twaalf miljoen euro extra uit"],
 "Vakmanschap voorop", "Onderwijsraad")
gold['z10'] = G(
 [R("een risicogestuurd programma van eindgebruikscontroles op te zetten", "full"),
  R("de capaciteit voor eindgebruikscontroles bij de Centrale Dienst voor In- en Uitvoer", "full"),
  R("de Tweede Kamer jaarlijks te informeren over de uitkomsten van de eindgebruikscontroles", "rejected")],
 [F("De minister heeft weinig zicht op het daadwerkelijke eindgebruik", "full")],
 ["Zij zegt toe dat het aantal controles ter plaatse vanaf 2026", "Daarnaast krijgt de CDIU per 1 januari 2026 vier extra medewerkers"],
 "Vergunning verleend, en dan? Controle op het eindgebruik van Nederlandse militaire goederen", "Algemene Rekenkamer")
gold['z11'] = G(
 [R("een vast deel van de middelen te oormerken voor vergeten crises", "rejected"),
  R("de lokale hulporganisaties in crisisgebieden een grotere rol te geven", None)],
 [F("de ongeoormerkte bijdragen snel en flexibel inzetbaar", "full"),
  F("heeft het ministerie weinig zicht op wat er met het geld wordt bereikt", "full"),
  F("is de Nederlandse bijdrage voor ontvangers en het Nederlandse publiek nauwelijks zichtbaar", "partial", doubt=True)],
 ["Het ministerie ontwikkelt in 2025 samen met de partnerorganisaties", "Zichtbaarheid mag volgens haar nooit ten koste gaan",
  "De minister laat weten dat zij hierover in het najaar een aparte brief stuurt"],
 "Snel, soepel, maar onzichtbaar", "Directie Internationaal Onderzoek en Beleidsevaluatie (IOB)")
gold['z12'] = G(
 [R("Het kabinet onderschrijft de hoofdlijn van het advies", "partial", coll=True, doubt=True),
  R("maak woonzorgcoöperaties, waarin ouderen samen wonen en zorg organiseren", "full"),
  R("voer een wettelijk recht op betaald mantelzorgverlof van zes maanden in", "rejected"),
  R("laat gemeenten en zorgkantoren één gezamenlijk loket voor ouderen inrichten", None)],
 [F("het huidige stelsel ervan uitgaat dat ouderen zelf hun zorg en woning regelen", "full", doubt=True)],
 ["Het kabinet neemt de eerste aanbeveling daarom over en stelt", "Wel wordt het bestaande langdurend zorgverlof in 2026 geëvalueerd",
  "Over het gezamenlijke loket gaat de staatssecretaris eerst in gesprek", "Zij verwacht de Kamer daarover voor de zomer te kunnen"],
 "Samen oud worden", "Raad voor Volksgezondheid & Samenleving (RVS)")
gold['z13'] = G(
 [R("Minister Van Rooden van Infrastructuur en Waterstaat neemt de aanbevelingen", "partial", coll=True),
  R("alle onbewaakte overwegen voor 2030 te sluiten", "rejected")],
 [F("ProRail al jaren wist dat de overweg bij Nieuw-Buinen gevaarlijk was", "full"),
  F("zijn er in Nederland nog ruim 150 onbewaakte overwegen", None, doubt=True)],
 ["Wel krijgen dit jaar nog veertig overwegen"],
 "Zicht op het spoor", "Onderzoeksraad voor Veiligheid (OVV)")
gold['z14'] = G(
 [R("in elke artikel 100-brief voortaan de volledige kosten van een missie op te nemen", "full")],
 [F("De overige conclusies van de Rekenkamer herkent hij", "partial", coll=True, doubt=True),
  F("Defensie heeft de kosten van de Nederlandse bijdrage aan de NAVO-missie in Litouwen jarenlang te laag ingeschat", "full"),
  F("de Tweede Kamer daardoor onvoldoende kon meewegen wat de missie kostte", "rejected")],
 ["Hij zegt toe vanaf volgend jaar ook in de jaarlijkse voortgangsrapportage"],
 None, "Algemene Rekenkamer")
gold['z15'] = G(
 [R("de vergunning voor het eind van 2025 te herzien", None, doubt=True),
  R("landelijk een norm vast te stellen voor de uitstoot van PFAS via de lucht", "partial")],
 [F("De Omgevingsdienst Zuid-Holland Zuid heeft de vergunning van chemiebedrijf Fluoral jarenlang niet bijgewerkt", "full"),
  F("In brieven aan omwonenden werd de uitstoot bovendien", None)],
 ["Intussen vraagt zij het RIVM om een advieswaarde op te stellen"],
 "Toezicht op afstand", "Inspectie Leefomgeving en Transport (ILT)")
gold['z16'] = G(
 [R("de CO2-heffing voor de industrie vanaf 2027 fors te verhogen", "rejected"),
  R("een onafhankelijke klimaattoets in te voeren voor alle nieuwe wetsvoorstellen", "full"),
  R("de subsidie voor elektrische auto's te vervangen door een hogere belasting op fossiele brandstof", None)],
 [F("het doel om in 2030 55 procent minder broeikasgassen uit te stoten buiten bereik raakt", None, doubt=True)],
 ["Die toets wordt vanaf 1 januari 2026 verplicht", "Dat voorstel wordt meegenomen in het bredere onderzoek naar autobelastingen",
  "In het voorjaar komt het kabinet met een aanvullend pakket"],
 "Koers houden", "Wetenschappelijke Klimaatraad")
for k, v in gold.items():
    with open(os.path.join(D, k + '.json'), 'w', encoding='utf-8') as f:
        json.dump(v, f, ensure_ascii=False, indent=1); f.write('\n')
print(len(gold))
