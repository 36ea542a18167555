import json
def I(num, stance, quote, coll=False, doubt=False):
    d={"number":num,"stance":stance,"quote":quote}
    if coll: d["collective"]=True
    if doubt: d["doubt"]=True
    return d
R=F=I
def C(q): return {"quote":q}
G={}
G['z01']=dict(recommendations=[R("1","full","Breng binnen een jaar de staat van alle opgeslagen munitie in kaart"),R("2","full","Richt een meldpunt in"),R("3","full","Laat de opslagvoorschriften periodiek toetsen"),R("4","rejected","Stel een onafhankelijke toezichthouder in")],
 findings=[F(None,"full","Defensie de risico's van verouderde munitie structureel heeft onderschat"),F(None,"full","signalen van het personeel over lekkende opslagmiddelen niet zijn opgevolgd"),F(None,"rejected","de keuze om de opslag te centraliseren vooral door kostenoverwegingen werd ingegeven")],
 commitments=[C("Defensie brengt de komende maanden de volledige munitievoorraad in kaart"),C("Het meldpunt wordt per 1 maart 2026 ingericht"),C("Voor de externe toetsing van de voorschriften zal ik TNO vragen"),C("Wel zal ik de Inspectie Veiligheid Defensie vragen"),C("Ik zal uw Kamer via de halfjaarlijkse voortgangsrapportage")],
 responds_to={"title":"Opgeslagen risico's","author":"Onderzoeksraad voor Veiligheid (OVV)"})
G['z02']=dict(recommendations=[R("1","full","in de toelichting dragend te motiveren waarom deze uitbreiding noodzakelijk is",doubt=True),R("3","rejected","te overwegen de wet gefaseerd in te voeren"),R("4","full","Van de redactionele kanttekeningen van de Afdeling is gebruikgemaakt",coll=True)],
 findings=[F("1","rejected","de uitbreiding van het spreekrecht tot de strafeis de onschuldpresumptie onder druk kan zetten",doubt=True),F("2","full","het Openbaar Ministerie en de Raad voor de rechtspraak in hun uitvoeringstoetsen rekenen op circa 40 extra fte")],
 commitments=[C("De regering zal de uitvoeringslasten twee jaar na inwerkingtreding laten evalueren")],
 responds_to={"title":None,"author":"Afdeling advisering van de Raad van State"})
G['z03']=dict(recommendations=[R(None,"partial","stel de definitieve schoolkeuze uit tot het einde van het tweede leerjaar"),R(None,"full","investeer structureel in voorschoolse educatie"),R(None,"rejected","maak de bekostiging van scholen sterker afhankelijk")],
 findings=[F(None,"partial","het moment van het schooladvies in groep 8 voor veel kinderen te vroeg valt"),F(None,"rejected","de inzet van de afgelopen tien jaar 'nauwelijks effect' heeft gehad",doubt=True)],
 commitments=[C("Met ingang van 2027 wordt het aanbod voorschoolse educatie uitgebreid"),C("Het kabinet gaat wel met de VO-raad in gesprek"),C("Voor de zomer van 2026 informeer ik uw Kamer")],
 responds_to={"title":"Ongelijk begonnen. Naar een eerlijker start in het onderwijs","author":"Wetenschappelijke Raad voor het Regeringsbeleid (WRR)"})
G['z04']=dict(recommendations=[R(None,"full","De aanbevelingen over de vastlegging van risicotaxaties en de betrokkenheid van de reclassering neem ik over",coll=True),R(None,"rejected","een landelijk verlofregister in te richten")],
 findings=[F(None,"full","klinieken de risicotaxatie voorafgaand aan onbegeleid verlof onvoldoende vastleggen"),F(None,"partial","in een kwart van de onderzochte dossiers de reclassering niet was betrokken bij de verlofaanvraag")],
 commitments=[C("Met ingang van 1 januari 2026 toetst het Adviescollege Verloftoetsing TBS"),C("In het jaarlijkse voortgangsbericht tbs informeer ik uw Kamer")],
 responds_to={"title":"Verlof onder voorwaarden","author":"Inspectie Justitie en Veiligheid"})
G['z05']=dict(recommendations=[R(None,"full","informeer aanvragers binnen vier weken na de aanvraag over de verwachte beslisdatum"),R(None,"partial","stel een vaste contactpersoon beschikbaar",doubt=True),R(None,"rejected","de wettelijke beslistermijn voor nareis niet verder te verlengen",doubt=True)],
 findings=[F(None,"full","de IND in 2024 in ruim 60 procent van de nareiszaken de wettelijke beslistermijn heeft overschreden"),F(None,"rejected","aanvragers nauwelijks werden geïnformeerd over de oorzaak en de duur van de vertraging")],
 commitments=[C("Vanaf 1 januari 2026 ontvangt iedere aanvrager"),C("De IND start daarnaast in het voorjaar van 2026"),C("Over de resultaten van de pilot informeer ik uw Kamer")],
 responds_to={"title":"Wachten zonder zicht","author":"Nationale ombudsman"})
G['z06']=dict(recommendations=[R(None,"full","De commissie doet twaalf aanbevelingen, waarvan het kabinet er tien overneemt",coll=True,doubt=True),R("4","partial","Stel wettelijk vast dat het toetsingskader bij elke verlenging"),R("9","rejected","Geef de Kamer instemmingsrecht bij het beëindigen van een missie")],
 findings=[F(None,"partial","de artikel 100-brieven de risico's van missies stelselmatig te rooskleurig voorstelden"),F(None,"full","de Kamer bij de missie in Kunduz onvolledig en deels onjuist is geïnformeerd"),F(None,"rejected","militair advies in de besluitvorming ondergeschikt werd gemaakt aan politieke overwegingen")],
 commitments=[C("Bij verlengingen van meer dan zes maanden wordt het toetsingskader voortaan opnieuw doorlopen"),C("Het kabinet zal voor 1 oktober 2026"),C("Daarnaast wordt bij het ministerie van Defensie"),C("Het kabinet zegt toe uw Kamer jaarlijks")],
 responds_to={"title":"Zonder helder mandaat","author":"parlementaire enquêtecommissie Besluitvorming Militaire Missies"})
G['z07']=dict(recommendations=[R(None,"full","Beide ministeries nemen alle lessen over",coll=True,doubt=True),R(None,"full","het crisiscentrum van Buitenlandse Zaken voortaan binnen 24 uur één centraal informatienummer openen"),R(None,"full","het registratiesysteem voor Nederlanders in het buitenland beter aansluiten")],
 findings=[F(None,None,"De evacuatie van 214 mensen uit Haïti in maart 2025 is snel en veilig verlopen",doubt=True),F(None,"full","Wel kregen Nederlanders ter plaatse te laat en soms tegenstrijdige informatie",doubt=True),F(None,None,"de samenwerking met Frankrijk en Canada cruciaal")],
 commitments=[C("Nederland wil met beide landen vaste afspraken maken"),C("Het centrale informatienummer wordt vóór 1 januari 2026 ingevoerd"),C("De koppeling van de registratiesystemen vergt meer tijd")],
 responds_to={"title":None,"author":"ministeries van Defensie en Buitenlandse Zaken"})
G['z08']=dict(recommendations=[R(None,"full","exporteurs te verplichten een schriftelijke verklaring van de eindgebruiker te overleggen"),R(None,"rejected","een Europese sanctieautoriteit")],
 findings=[F(None,"full","Nederlandse goederen voor tweeërlei gebruik via landen in Centraal-Azië en de Kaukasus nog altijd in Rusland terechtkomen"),F(None,"rejected","het Nederlandse toezicht versnipperd over drie diensten"),F(None,None,"worden overtredingen zelden vervolgd",doubt=True)],
 commitments=[C("Nederland gaat de handhaving van de sancties tegen Rusland aanscherpen"),C("Het kabinet steunt het voorstel voor een eindgebruikersverklaring en zal dit in Brussel bepleiten"),C("Vanaf volgend jaar komen er bij het Functioneel Parket"),C("Daarnaast onderzoekt het ministerie of")],
 responds_to={"title":"Lekke grenzen","author":"Instituut Clingendael"})
G['z09']=dict(recommendations=[R(None,"full","werkgevers in de haven te verplichten benaderingen van personeel te melden",doubt=True),R(None,"rejected","alle medewerkers met toegang tot de terminals periodiek te screenen")],
 findings=[F(None,None,"Criminele netwerken benaderen medewerkers in de havens van Rotterdam en Vlissingen steeds vaker via sociale media"),F(None,"full","ruim een op de vijf ondervraagde havenmedewerkers ooit is benaderd"),F(None,"full","werkgevers signalen van benadering zelden melden bij de politie"),F(None,"rejected","de uitbreiding van het aantal containerscans sinds 2022 nauwelijks heeft geleid",doubt=True)],
 commitments=[C("Een meldplicht voor werkgevers wordt uitgewerkt in een wetsvoorstel"),C("Het ministerie trekt voor 2026 en 2027 in totaal 6 miljoen euro uit")],
 responds_to={"title":"Achter de containerwand","author":"Wetenschappelijk Onderzoek- en Datacentrum (WODC)"})
G['z10']=dict(recommendations=[R(None,"full","water en bodem sturend moeten zijn bij de keuze van nieuwe woningbouwlocaties",doubt=True),R(None,"rejected","De aanbevelingen over woningbouw in de diepe polders van West-Nederland neemt het kabinet niet over",coll=True),R(None,"full","een landelijke kaart met 'no-regret'-bouwlocaties op te stellen")],
 findings=[F(None,"rejected","bodemdaling in de huidige woningbouwplanning structureel wordt onderschat",doubt=True)],
 commitments=[C("Wel gaan voor die gebieden strengere eisen gelden"),C("Die kaart wordt opgenomen in de Nota Ruimte"),C("Het kabinet zegt toe in 2027 te evalueren")],
 responds_to={"title":"Bouwen op drassige grond","author":"Rli"})
G['z11']=dict(recommendations=[R(None,"partial","De aanbevelingen over huisvesting neemt de staatssecretaris grotendeels over",coll=True),R(None,"rejected","de financiering van gemeenten meerjarig vast te leggen"),R(None,"rejected","nu al een overgangsregeling op te stellen voor verblijf na maart 2027"),R(None,"full","De Adviesraad is blij dat de staatssecretaris de kern van het advies onderschrijft",coll=True,doubt=True)],
 findings=[F(None,"full","de opvang van ontheemden uit Oekraïne nog te veel is ingericht als noodopvang")],
 commitments=[C("Gemeenten krijgen vanaf 2026 de ruimte"),C("Die vallen onder de minister van Sociale Zaken en Werkgelegenheid"),C("De staatssecretaris informeert de Kamer binnen een maand")],
 responds_to={"title":"Na de tijdelijkheid","author":"Adviesraad Migratie"})
G['z12']=dict(recommendations=[R("1","full","Stel een minimumnorm vast voor de tweedelijnscontrole"),R("2","full","Laat de e-gates uitrusten met aanvullende documentcontrole"),R("3","partial","Maak met Schiphol bindende afspraken over de spreiding van vluchten")],
 findings=[F(None,None,"De Koninklijke Marechaussee (KMar) kan het grenstoezicht op Schiphol in piekperiodes niet op het vereiste niveau uitvoeren"),F(None,"partial","Op drukke dagen in de zomer van 2024 werd bij ruim een derde van de vluchten",doubt=True),F(None,None,"De inzet van e-gates heeft de wachttijden verkort"),F(None,None,"Het personeelstekort bij de brigade Schiphol bedraagt structureel circa 400 fte")],
 commitments=[C("Een minimumnorm voor de tweedelijnscontrole wordt per 1 april 2026 ingevoerd"),C("Aanbeveling 3 neemt de minister deels over")],
 responds_to={"title":"Grenstoezicht onder druk","author":"Inspectie Justitie en Veiligheid"})
G['z13']=dict(recommendations=[R(None,None,"maak sprinklerinstallaties verplicht"),R(None,None,"laat de brandweer jaarlijks een nachtelijke ontruimingsoefening bijwonen")],
 findings=[F(None,None,"bewoners die niet zelfstandig kunnen vluchten onvoldoende beschermd"),F(None,None,"zorginstellingen te veel vertrouwen op snelle evacuatie door het personeel"),F(None,"rejected","het ministerie van Volksgezondheid de verantwoordelijkheid voor brandveiligheid te makkelijk bij de instellingen heeft neergelegd")],
 commitments=[C("Kramer zegt beide aanbevelingen"),C("Voor de zomer stuurt ze een uitgebreide reactie")],
 responds_to={"title":None,"author":"Onderzoeksraad voor Veiligheid (OVV)"})
G['z14']=dict(recommendations=[R(None,"full","meer geld via lokale organisaties te laten lopen"),R(None,"rejected","programma's niet automatisch te stoppen als de veiligheid verslechtert",doubt=True)],
 findings=[F(None,"partial","Nederlandse ontwikkelingshulp in de Sahel komt maar beperkt terecht bij de armste bevolkingsgroepen",doubt=True),F(None,"rejected","ruim de helft van het geld naar projecten in en rond de hoofdsteden"),F(None,"full","programma's voor voedselzekerheid vaak stopten zodra de veiligheidssituatie verslechterde")],
 commitments=[C("Het aandeel van lokale organisaties gaat de komende vier jaar omhoog"),C("Terpstra laat weten dat zij in het voorjaar met een nieuwe Afrika-strategie komt")],
 responds_to={"title":None,"author":"Universiteit Leiden"})
G['z15']=dict(recommendations=[R(None,"rejected","het toezicht op de veerdienst bij de provincie Zeeland te beleggen"),R(None,"full","De aanbevelingen over het onderhoudsplan en de reserveboot neemt de minister wel over",coll=True)],
 findings=[F(None,"full","het onderhoud van de twee veerboten jarenlang is uitgesteld"),F(None,"full","de reserveboot 'De Schorre' niet voldoet aan de eisen"),F(None,"rejected","de verdeling van verantwoordelijkheden tussen Rijk, provincie en vervoerder onduidelijk is")],
 commitments=[C("De nieuwe veerboot, die in 2027 in de vaart moest komen, wordt nu in 2026 geleverd"),C("Zo krijgt de vervoerder de opdracht")],
 responds_to={"title":None,"author":"Inspectie Leefomgeving en Transport (ILT)"})
G['z16']=dict(recommendations=[R(None,"full","elk jaar een volledige actualisering van de levensduurkosten naar de Kamer te sturen"),R(None,"rejected","de risicoreserve voor het F-35-programma te verhogen")],
 findings=[F(None,"rejected","de kosten voor het onderhoud van de F-35 de komende twintig jaar zeker 2,4 miljard euro hoger uitvallen"),F(None,"full","de Kamer sinds 2021 geen volledig beeld meer heeft gekregen")],
 commitments=[C("Vanaf de Voortgangsrapportage van september krijgt de Kamer jaarlijks")],
 responds_to={"title":"Vliegen op krediet","author":"Algemene Rekenkamer"})
for k,v in G.items():
    out={"recommendations":v["recommendations"],"findings":v["findings"],"commitments":v["commitments"],"responds_to":v["responds_to"]}
    json.dump(out,open(f"gold/{k}.json","w"),ensure_ascii=False,indent=1)
