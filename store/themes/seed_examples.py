"""Seed example texts for the default themes (see defaults.py) and for off-topic news.

Short fictional headline-plus-lead texts (10 Dutch and 4 English per theme) whose vectors supplement
each theme's description when suggesting themes. The word "arbeidsmigranten" occurs evenly across
themes so that it does not by itself point to one theme. NONE_EXAMPLES are regional news items that
are not about labour migration, to recognise items that should get no theme.
"""

SEED_EXAMPLES: dict[str, tuple[str, ...]] = {
    "economie": (
        "Nieuw distributiecentrum in Moerdijk levert 600 banen op. De webwinkel verwacht de vacatures grotendeels met "
        "arbeidsmigranten te vullen, omdat lokaal personeel voor orderpicken nauwelijks te vinden is.",
        "Vleesverwerker in Boxtel investeert veertig miljoen euro in nieuwe productielijn. Het familiebedrijf "
        "vergroot de slachtcapaciteit en verwacht de export naar Duitsland en Italië de komende jaren te verdubbelen.",
        "Tomatenkweker in Steenbergen verdubbelt kasoppervlak. De teler wil jaarrond oogsten en automatiseert deels, "
        "maar blijft volgens de directie afhankelijk van arbeidsmigranten voor het pluk- en sorteerwerk.",
        "Studie: arbeidsmigranten leveren Brabantse economie jaarlijks miljarden op. Onderzoekers becijferen de "
        "toegevoegde waarde in logistiek, voedselindustrie en maakindustrie, maar wijzen ook op kosten die buiten "
        "beeld blijven.",
        "Maakbedrijf in Helmond verplaatst productie naar Slowakije. Hoge loonkosten en ruimtegebrek zijn volgens de "
        "eigenaar de reden; tweehonderd banen in de metaalbewerking verdwijnen uit de Brainportregio.",
        "Logistieke sector in Tilburg en Waalwijk groeit harder dan landelijk. Het aantal distributiecentra langs de "
        "A59 en A65 nam in vijf jaar met een kwart toe; de meeste orderpickers zijn arbeidsmigranten.",
        "Champignonkwekerij bij Uden investeert in plukrobots. Het bedrijf wil de productiviteit per medewerker "
        "verhogen en minder afhankelijk worden van seizoenspieken in de handmatige oogst.",
        "Economen: verdienmodel op goedkope arbeid remt Brabantse productiviteit. Sectoren die leunen op "
        "arbeidsmigranten in laagbetaald werk blijven achter in innovatie en productiviteitsgroei, stelt een nieuw "
        "rapport.",
        "Zuivelfabriek in Veghel opent nieuwe hal voor kaasverpakking. De uitbreiding in Meierijstad vergroot de "
        "exportcapaciteit naar Duitsland en Azië met dertig procent en levert tachtig extra banen op.",
        "Aannemers in West-Brabant: woningbouw draait op arbeidsmigranten. Zonder Poolse en Portugese timmerlieden en "
        "metselaars zou de bouwproductie rond Breda volgens de branche met een vijfde dalen.",
        "Food processors in Oss post record turnover. The meat and ready-meal plants that dominate the local economy "
        "credit export growth, while relying heavily on labour migrants on the production floor.",
        "Logistics giant picks Tilburg for European hub. The company will invest 150 million euros in a highly "
        "automated distribution centre, citing the A58 corridor and fast access to the port of Rotterdam.",
        "Brabant horticulture exports reach a new high. Growers of soft fruit, trees and flowers around Zundert "
        "benefited from strong demand abroad, though margins were squeezed by energy and labour costs.",
        "Report: migrant labour keeps Brabant manufacturing competitive. Without workers from Central and Eastern "
        "Europe, the province's food and metal industries would lose a significant share of their output, researchers "
        "say.",
    ),
    "arbeidsmarkt": (
        "Aspergetelers in De Peel zoeken honderden seizoenskrachten. Door het vroege voorjaar begint de steektijd "
        "eerder en telers rond Deurne vrezen dat er te weinig arbeidsmigranten beschikbaar zijn.",
        "Arbeidsmarktregio Midden-Brabant: krapte houdt aan in techniek en logistiek. Het UWV telt in de regio "
        "Tilburg ruim twee vacatures per werkzoekende, met de grootste tekorten aan monteurs en heftruckchauffeurs.",
        "Aandeel uitzendkrachten in Brabantse logistiek stijgt verder. Volgens nieuwe CBS-cijfers werkt bijna een "
        "derde van de arbeidsmigranten in de provincie op een tijdelijk uitzendcontract zonder uitzicht op vast werk.",
        "Werkgevers werven steeds vaker buiten de EU. Nu minder Polen en Roemenen naar Nederland komen, halen "
        "bedrijven in Roosendaal en Bergen op Zoom arbeidsmigranten uit de Filipijnen en Oezbekistan.",
        "Cao-akkoord voor uitzendkrachten: lonen stijgen met zes procent. De nieuwe cao geldt voor honderdduizenden "
        "flexwerkers, onder wie veel arbeidsmigranten in de Brabantse logistiek en industrie.",
        "Langere contracten moeten personeel binden. Een vleesverwerker in Oss biedt arbeidsmigranten na zes maanden "
        "een vast contract aan om het hoge verloop op de werkvloer terug te dringen.",
        "Jongeren uit de regio nauwelijks te porren voor productiewerk. Werkgevers in de voedingsindustrie rond "
        "Veghel merken dat scholieren en studenten afhaken, waardoor ze meer afhankelijk worden van arbeidsmigranten.",
        "Vacaturegraad in Zuidoost-Brabant op recordhoogte. Brainportbedrijven zoeken vooral technici en ict'ers, "
        "terwijl de vraag naar productiepersoneel in Eindhoven en Helmond stabiel blijft.",
        "Fruitteler in Sint-Oedenrode werft zomerkrachten uit Litouwen. Via een uitwisselingsprogramma komen jonge "
        "seizoenwerkers zes weken plukken, omdat de teler in Nederland onvoldoende mensen kon vinden.",
        "Verloop onder productiemedewerkers kost bedrijven een fortuin. Uit een peiling onder Brabantse werkgevers "
        "blijkt dat een derde van de nieuwe krachten binnen drie maanden vertrekt, vaak voor een euro per uur meer.",
        "Brabant employers struggle to fill production vacancies. Despite slower economic growth, firms in Eindhoven "
        "and 's-Hertogenbosch report persistent shortages of order pickers, machine operators and truck drivers.",
        "Fewer Polish workers heading to the Netherlands. Rising wages at home mean that agencies recruiting for "
        "Dutch warehouses increasingly turn to Romania, Bulgaria and countries outside the EU.",
        "Seasonal workers needed for the strawberry harvest. Growers near Breda say they need hundreds of pickers "
        "from May to July and are offering higher hourly rates and longer contracts to attract them.",
        "Union calls for equal pay for agency workers from day one. FNV says migrant workers in distribution centres "
        "often earn less than permanent colleagues doing exactly the same job.",
    ),
    "huisvesting": (
        "Gemeente Tilburg wijst drie locaties aan voor short-stay. Op bedrijventerreinen komen tijdelijke units voor "
        "in totaal 900 arbeidsmigranten, zodat minder werknemers in gewone woonwijken hoeven te wonen.",
        "Vergunning aangevraagd voor logiesgebouw in Veghel. Een projectontwikkelaar wil een leegstaand kantoor "
        "ombouwen tot mid-stay appartementen voor 240 arbeidsmigranten die langer in Meierijstad blijven.",
        "Gemeenteraad Oss stemt in met huisvestingsplan. De gemeente wil tot 2030 ruim 1500 extra bedden realiseren, "
        "verspreid over kleinschalige panden in de kernen en twee grotere locaties.",
        "Logiesaanbieder in Waalwijk verliest SNF-keurmerk. Bij een controle bleken kamers te klein en ontbraken "
        "voldoende douches en toiletten voor de arbeidsmigranten die er wonen; het bedrijf moet bedden afbouwen.",
        "Wonen en werken loskoppelen: wie ontslagen wordt, staat niet meer op straat. Woningcorporaties in Eindhoven "
        "willen arbeidsmigranten een eigen huurcontract bieden, los van de werkgever of het uitzendbureau.",
        "Boer in Someren mag geen extra chalets plaatsen. De gemeente weigert uitbreiding van de huisvesting op het "
        "erf, omdat het bestemmingsplan maximaal veertig seizoenswerkers toestaat.",
        "Flexwoningen voor starters én arbeidsmigranten in Roosendaal. Aan de rand van de stad verrijst een gemengd "
        "complex met 120 tijdelijke woningen, waarvan een deel wordt verhuurd aan mid-stay bewoners.",
        "Vakantiepark in Bergeijk omgebouwd tot werknemershuisvesting. De nieuwe eigenaar verhuurt de chalets "
        "jaarrond aan uitzendkrachten en vraagt een omgevingsvergunning aan voor permanente bewoning.",
        "Woningtekort drijft arbeidsmigranten naar overvolle particuliere huurpanden. Een inventarisatie in Helmond "
        "telt honderden rijtjeshuizen waar per kamer twee of drie werknemers slapen.",
        "Short-stay hotel in Breda opent eerste vleugel. Het complex aan de rand van de stad biedt straks 400 kamers "
        "met gedeelde keukens, bedoeld voor werknemers die korter dan een half jaar blijven.",
        "Tilburg approves short-stay complex for 500 migrant workers. The modular building on an industrial estate "
        "will meet SNF standards and is due to open next spring, the council said.",
        "Housing tied to jobs leaves workers vulnerable, councils say. Several Brabant municipalities want to "
        "separate employment contracts from rental agreements so that losing a job no longer means losing a bed.",
        "Shortage of mid-stay homes for labour migrants who settle. Councils in Eindhoven and Helmond say more "
        "workers stay for years, which calls for small apartments rather than shared rooms.",
        "Farm accommodation rules tightened in Land van Cuijk. The municipality will only allow seasonal worker "
        "housing on farms for up to six months a year and with strict limits on the number of occupants.",
    ),
    "impact": (
        "Buurtbewoners in Waalwijk klagen over parkeeroverlast en lawaai. Sinds een bedrijfspand tot logies is "
        "omgebouwd, staan er busjes in de straat; de gemeente organiseert een bewonersavond.",
        "Steeds meer dakloze arbeidsmigranten in Eindhoven. De nachtopvang ziet vooral Poolse mannen die na "
        "baanverlies ook hun bed kwijtraakten en zonder inschrijving nergens recht op hebben.",
        "Basisschool in Oss start schakelklas voor kinderen van arbeidsmigranten. Leerlingen uit Polen, Roemenië en "
        "Bulgarije krijgen een jaar intensief Nederlands voordat ze doorstromen naar een gewone groep.",
        "Onderzoek: duizenden arbeidsmigranten niet ingeschreven in de BRP. Brabantse gemeenten missen daardoor zicht "
        "op hun inwoners, met gevolgen voor dienstverlening, zorg en de uitkering uit het Gemeentefonds.",
        "Huisartsen in Boxmeer zien druk door nieuwe patiënten. Praktijken in het Land van Cuijk melden dat veel "
        "arbeidsmigranten geen huisarts hebben en pas bij de spoedpost aankloppen.",
        "Draagvlak voor komst van arbeidsmigranten in dorpen neemt af. Een enquête in Meierijstad laat zien dat "
        "inwoners vooral grootschalige locaties aan de rand van kleine kernen afwijzen.",
        "Voetbalclub en buurthuis brengen oude en nieuwe Helmonders samen. Een wijkinitiatief in Brandevoort wil de "
        "integratie van Poolse en Roemeense gezinnen versterken met gezamenlijke activiteiten.",
        "GGD: verslavingsproblematiek onder arbeidsmigranten onderschat. Hulpverleners in Zuidoost-Brabant zien "
        "alcoholproblemen bij eenzame mannen en pleiten voor laagdrempelige zorg en preventie.",
        "Dorp Lith verdeeld over komst van logiespand. Tijdens een drukbezochte inspraakavond spraken voor- en "
        "tegenstanders over veiligheid, verkeer en de veranderende samenstelling van het dorp.",
        "Consultatiebureau bereikt jonge gezinnen uit Oost-Europa slecht. De jeugdgezondheidszorg in Tilburg zet "
        "daarom Poolstalige voorlichters in om vaccinaties en controles toegankelijker te maken.",
        "Homelessness among migrant workers rises in Brabant cities. Shelters in Eindhoven and Tilburg report more "
        "Central European men who lost both job and accommodation and are not registered locally.",
        "Villagers divided over plans to house hundreds of labour migrants. Residents of a small Brabant village "
        "worry about traffic and liveability, while local employers stress that the workers are needed.",
        "Schools struggle to absorb pupils from Eastern European families. Primary schools in Oss and Roosendaal say "
        "newcomer classes are full and teachers lack materials in Polish and Romanian.",
        "Many migrant workers never register with the municipality. Unregistered residents remain invisible to local "
        "services, which makes it hard for Brabant towns to plan health care, education and social support.",
    ),
    "veiligheid": (
        "Arbeidsinspectie beboet uitzendbureau in Waalwijk voor onderbetaling. Het bureau betaalde tientallen "
        "arbeidsmigranten maandenlang minder dan het minimumloon en moet ruim 200.000 euro boete betalen.",
        "Politie ontruimt overbewoonde woning in Roosendaal. Bij een controle troffen agenten en handhavers achttien "
        "arbeidsmigranten aan in een rijtjeshuis met drie slaapkamers en brandgevaarlijke situaties.",
        "Eigenaar logiespand in Tilburg veroordeeld voor uitbuiting. De rechtbank Zeeland-West-Brabant legt hem twee "
        "jaar cel op voor het innemen van paspoorten en het inhouden van lonen van zijn huurders.",
        "Brandweer waarschuwt na fatale brand in arbeidersverblijf bij Asten. In de verbouwde loods kwamen twee "
        "bewoners om het leven; rookmelders ontbraken en de nooduitgang was geblokkeerd.",
        "RIEC: malafide uitzendbureaus verweven met ondermijning. Criminele netwerken in Brabant gebruiken "
        "uitzendconstructies om geld wit te wassen en arbeidsmigranten uit te buiten, blijkt uit een nieuw regionaal "
        "beeld.",
        "Verdachten van mensenhandel opgepakt bij internationale actie. Samen met de Roemeense politie rolde de "
        "recherche een netwerk op dat jonge mannen en vrouwen onder valse voorwendselen naar Oss haalde.",
        "Gezamenlijke controle op bedrijventerrein Moerdijk. Gemeente, politie, Belastingdienst en Arbeidsinspectie "
        "bezochten twaalf bedrijven en troffen arbeidsmigranten aan zonder geldige papieren of loonstroken.",
        "Burgemeester van Helmond sluit drie panden van huisjesmelker. De woningen werden gebruikt voor illegale "
        "kamerverhuur aan arbeidsmigranten; bij de inval werd ook een hennepkwekerij aangetroffen.",
        "Inspectie ziet meer arbeidsongevallen in distributiecentra. Bij ongelukken met heftrucks en transportbanden "
        "in Tilburg en Oosterhout zijn vaak uitzendkrachten betrokken die nauwelijks een veiligheidsinstructie "
        "kregen.",
        "OM eist celstraf tegen directeur van failliet uitzendbureau. Hij zou valse loonstroken hebben opgemaakt en "
        "de premies voor ruim vierhonderd arbeidsmigranten nooit hebben afgedragen aan de Belastingdienst.",
        "Labour inspectorate fines staffing agency in Tilburg. Inspectors found that dozens of migrant workers were "
        "paid below the minimum wage and had unlawful deductions taken from their salaries.",
        "Police raid overcrowded house in Eindhoven. Officers found fourteen people living in a small terraced home "
        "with blocked escape routes and dangerous wiring, and the mayor ordered its closure.",
        "Court jails gangmaster for exploiting Romanian workers. The man confiscated passports, charged excessive "
        "rents and threatened workers who complained, the court in 's-Hertogenbosch found.",
        "Brabant sees rise in labour exploitation reports. Anti-trafficking coordinators say victims in food "
        "processing and logistics often fear losing both job and housing if they come forward.",
    ),
    "migranten": (
        "'We werken hard, maar niemand kent ons': arbeidsmigranten in Tilburg vertellen. Poolse en Roemeense "
        "werknemers beschrijven hun dagen in het distributiecentrum en hun leven ver van familie.",
        "Informatiepunt voor arbeidsmigranten opent in Roosendaal. Werknemers kunnen er in hun eigen taal terecht met "
        "vragen over loonstroken, zorgverzekering, toeslagen en inschrijving bij de gemeente.",
        "Gratis Nederlandse les na werktijd populair in Oss. Een vakbondsproject biedt avondlessen aan "
        "arbeidsmigranten; de eerste groepen zitten vol en er is een wachtlijst van twee maanden.",
        "Poolse vereniging in Eindhoven viert tienjarig bestaan. Wat begon als voetbalgroepje groeide uit tot een "
        "netwerk dat nieuwkomers helpt met werk, papieren en het vinden van een huisarts.",
        "Roemeense moeder haalt haar kinderen naar Helmond. Na drie jaar pendelen besloot ze te blijven; ze vertelt "
        "over heimwee, de zoektocht naar een school en het geld dat ze nog altijd naar huis stuurt.",
        "Kennen arbeidsmigranten hun rechten? Onderzoek onder Bulgaarse werknemers in Waalwijk toont dat velen niet "
        "weten dat ze recht hebben op vakantiegeld en doorbetaling bij ziekte.",
        "App in vijf talen helpt werknemers met vragen over hun contract. De app, ontwikkeld met vakbonden en een "
        "hulporganisatie, laat arbeidsmigranten anoniem een melding maken of advies vragen.",
        "Geldovermakingen naar Polen en Roemenië blijven hoog. Veel werknemers in Brabant sturen maandelijks een deel "
        "van hun loon naar familie, blijkt uit een enquête van een migrantenorganisatie.",
        "Oud-orderpicker wordt vraagbaak voor landgenoten in Veghel. Als vrijwilliger helpt de Litouwse Rasa "
        "arbeidsmigranten met formulieren, tolkt ze bij de huisarts en wijst ze de weg naar juridisch advies.",
        "Seizoenswerker vertelt: 'Na de oogst ga ik naar huis, mijn kinderen wachten.' Een Bulgaarse plukker in "
        "Zundert over lange werkdagen, heimwee en waarom hij elk jaar terugkomt.",
        "Migrant workers in Brabant share their stories. In a new podcast, Polish and Romanian employees talk about "
        "long shifts, homesickness and what they wish their Dutch neighbours knew about them.",
        "Information desk helps labour migrants understand their rights. Workers in Breda can get free advice in "
        "Polish, Romanian and Bulgarian about pay slips, sick leave and health insurance.",
        "Language lessons open doors for Eastern European workers. After a year of Dutch classes, several warehouse "
        "employees in Tilburg moved into supervisory roles and say they finally feel at home.",
        "Migrant organisations want a seat at the table. Associations of Polish and Romanian residents in Brabant say "
        "decisions about their work and lives are too often made without asking them.",
    ),
    "markt": (
        "Uitzendconcern neemt Brabantse specialist in arbeidsmigranten over. Met de overname van het bureau uit "
        "Waalwijk krijgt de koper er ruim 3000 uitzendkrachten en eigen huisvestingslocaties bij.",
        "Steeds meer uitzendbureaus verliezen SNA-keurmerk. De Stichting Normering Arbeid trok het afgelopen jaar "
        "tientallen NEN 4400-certificaten in, ook bij bureaus in Tilburg en Helmond.",
        "Huisvester van arbeidsmigranten ziet omzet verdubbelen. Het bedrijf uit Oosterhout beheert inmiddels 6000 "
        "bedden in Brabant en Limburg en wil verder groeien met eigen short-stay complexen.",
        "Beleggers kopen short-stay gebouwen op. Een Duits vastgoedfonds verwierf drie logiescomplexen in Eindhoven "
        "en Veghel; het rendement op verhuur aan arbeidsmigranten ligt hoger dan op gewone woningen.",
        "Uitzendmarkt krimpt voor het tweede jaar op rij. Volgens de brancheorganisaties ABU en NBBU daalde het "
        "aantal gewerkte uitzenduren met vier procent, vooral in de logistiek en de industrie.",
        "Fusie van twee huisvesters creëert grootste partij in Zuid-Nederland. De samengevoegde onderneming huisvest "
        "ruim 12.000 arbeidsmigranten en verwacht schaalvoordelen bij inkoop, beheer en onderhoud.",
        "Verdienmodel kleine uitzendbureaus onder druk. Bureaus in West-Brabant vrezen dat stijgende kosten voor "
        "certificering en administratie hun marges opslokken, terwijl grote spelers juist kansen zien om te groeien.",
        "Pools uitzendbureau opent vestiging in Breda. Het bedrijf wil rechtstreeks arbeidsmigranten werven voor "
        "Nederlandse opdrachtgevers en concurreert met scherpe tarieven met gevestigde bureaus.",
        "Investeerder stapt in Brabantse flexwerkspecialist. Een investeringsmaatschappij neemt een "
        "meerderheidsbelang in het bedrijf uit Helmond, dat uitzendwerk, vervoer en huisvesting voor arbeidsmigranten "
        "combineert.",
        "Jaarcijfers: marge op huisvesting compenseert dalende uitzendomzet. Een beursgenoteerde flexdienstverlener "
        "meldt dat inkomsten uit logies en vervoer inmiddels een vijfde van de winst vormen.",
        "Staffing group acquires Dutch migrant labour specialist. The deal adds several thousand agency workers in "
        "Brabant logistics and food processing, plus a portfolio of worker accommodation.",
        "Investors pour money into short-stay housing. Yields on accommodation for labour migrants attract pension "
        "funds and property developers, who are buying up office buildings near Eindhoven and Tilburg.",
        "Certification body withdraws dozens of staffing agency certificates. The Dutch labour standards foundation "
        "SNA says more agencies failed NEN 4400 audits, with payroll errors and missing records most common.",
        "Dutch staffing market shrinks as demand cools. Industry figures show fewer agency hours worked, with "
        "Brabant's logistics sector hit hardest while healthcare and technical staffing held up.",
    ),
    "beleid": (
        "Kabinet presenteert toelatingsstelsel voor uitzendbureaus. Vanaf 2027 moeten alle bureaus een vergunning "
        "hebben; volgens de minister van SZW beschermt dat arbeidsmigranten beter tegen misstanden.",
        "Provincie Noord-Brabant sluit convenant met gemeenten en werkgevers. De partijen spreken af regionaal samen "
        "te werken aan huisvesting, registratie en handhaving rond arbeidsmigranten.",
        "Tweede Kamer wil einde aan koppeling van werk en wonen. Een motie die het kabinet vraagt om aparte "
        "contracten voor arbeid en huisvesting verplicht te stellen, kreeg steun van een brede meerderheid.",
        "Europese Commissie herziet regels voor detachering. Lidstaten krijgen meer ruimte om te controleren of "
        "gedetacheerde werknemers het loon krijgen waar ze recht op hebben, met steun van de Europese "
        "Arbeidsautoriteit.",
        "Provinciale Staten debatteren over aanpak arbeidsmigratie. Statenleden vragen de gedeputeerde om meer regie "
        "van de provincie en een jaarlijkse monitor van het aantal arbeidsmigranten in Brabant.",
        "Gemeenteraad Waalwijk stelt grenzen aan bedrijven die op arbeidsmigranten draaien. Nieuwe distributiecentra "
        "krijgen alleen nog ruimte als ze aantonen dat het werk vooral regionaal kan worden ingevuld.",
        "Minister wil registratie van kortverblijvers verbeteren. Gemeenten krijgen extra geld om arbeidsmigranten "
        "sneller in te schrijven in de BRP en het RNI-loket dichter bij de werkplek te brengen.",
        "Regio Noordoost-Brabant maakt bestuurlijke afspraken over spreiding. De burgemeesters van Oss, Maashorst en "
        "Bernheze willen de lasten eerlijker verdelen en stemmen hun beleid voortaan op elkaar af.",
        "Vrij verkeer van werknemers onder druk in Europees debat. Nederland pleit in Brussel voor strengere "
        "handhaving, terwijl Polen en Roemenië waarschuwen tegen het beperken van een kernrecht van de EU.",
        "Gedeputeerde pleit in Den Haag voor regionale sturing. Brabant wil dat provincies meebeslissen over de "
        "vestiging van bedrijven die vooral op arbeidsmigranten draaien, zoals grote distributiecentra.",
        "Dutch cabinet introduces licensing for staffing agencies. From 2027 agencies will need government approval "
        "to operate, a measure meant to protect migrant workers and drive out rogue firms.",
        "EU revisits rules on posted workers. The European Labour Authority wants stronger cross-border enforcement "
        "so that posted workers receive the pay and conditions they are entitled to.",
        "Brabant province signs labour migration agreement with municipalities. The covenant commits councils and "
        "employers to shared targets on registration, housing and enforcement across the region.",
        "Parliament debates limits on labour migration. Several parties want the government to steer more actively on "
        "which sectors may recruit workers from abroad, citing pressure on housing and public services.",
    ),
}

NONE_EXAMPLES: tuple[str, ...] = (
    "Hittegolf houdt Brabant in de greep. Het KNMI verwacht tot het weekend temperaturen boven de dertig graden; "
    "gemeenten openen koelplekken en waarschuwen ouderen om voldoende te drinken.",
    "PSV verslaat Feyenoord in de topper. De Eindhovenaren wonnen met 3-1 dankzij twee doelpunten van de Braziliaanse "
    "aanvaller, die vorige zomer voor veertig miljoen euro werd aangetrokken.",
    "Willem II haalt Poolse middenvelder binnen. De Tilburgse club legt de 24-jarige international voor drie "
    "seizoenen vast en hoopt dat hij het middenveld meer creativiteit geeft.",
    "NAC Breda speelt gelijk tegen Roda JC. In een rommelige wedstrijd in het Rat Verlegh Stadion bleef het 1-1; de "
    "Spaanse spits miste in de slotfase een strafschop.",
    "Overval op juwelier in Den Bosch. Twee gemaskerde mannen bedreigden het personeel met een vuurwapen en gingen er "
    "op een scooter vandoor; de politie zoekt getuigen.",
    "Lange files op de A2 na ongeluk bij Vught. Een vrachtwagen kantelde op de rijbaan richting Eindhoven, waardoor "
    "het verkeer urenlang stilstond en omleidingen door de dorpen nodig waren.",
    "Carnaval in Oeteldonk trekt recordaantal bezoekers. Ruim honderdduizend mensen vierden feest in Den Bosch; de "
    "politie spreekt van een gezellige en grotendeels rustig verlopen optocht.",
    "Studentenhuisvesting in Tilburg blijft knelpunt. Door het tekort aan kamers slapen eerstejaars bij het begin van "
    "het studiejaar op campings of bij vrienden op de bank.",
    "COA opent nieuw asielzoekerscentrum in Oisterwijk. In een voormalig klooster komen driehonderd asielzoekers te "
    "wonen; de gemeente organiseert een informatieavond voor buurtbewoners.",
    "Azc in Budel-Cranendonck overvol. Asielzoekers slapen opnieuw in tenten op het terrein, omdat de doorstroming "
    "naar andere gemeenten stokt en te weinig opvangplekken beschikbaar zijn.",
    "Inflatie daalt naar 2,8 procent. Volgens het CBS werden vooral energie en voedsel minder snel duurder; Brabantse "
    "winkeliers merken dat consumenten weer wat meer durven uit te geven.",
    "Hypotheekrente stijgt voor derde maand op rij. Makelaars in Eindhoven en Breda zien dat starters afhaken, "
    "ondanks de grote vraag naar betaalbare koopwoningen in de regio.",
    "Stikstofplannen zetten Brabantse veehouders onder druk. Boeren rond natuurgebieden in De Peel vrezen uitkoop en "
    "protesteren met trekkers bij het provinciehuis in Den Bosch.",
    "Melkveehouder in Sint-Oedenrode stapt over op biologisch. Het familiebedrijf krijgt een betere prijs voor de "
    "melk, maar moet flink investeren in weidegrond en een nieuwe stal.",
    "Ziekenhuizen in Brabant kampen met tekort aan verpleegkundigen. Ze zetten vaker zzp'ers in en bieden "
    "opleidingsplekken aan zij-instromers om operatiekamers en afdelingen open te houden.",
    "Gemeenteraad Breda stemt in met nieuw parkeerbeleid. Bezoekers betalen vanaf januari meer in de binnenstad, "
    "terwijl bewoners een goedkopere parkeervergunning krijgen.",
    "Efteling opent nieuwe attractie. Het attractiepark in Kaatsheuvel verwacht dit jaar meer dan vijf miljoen "
    "bezoekers en investeert tientallen miljoenen in de uitbreiding van het park.",
    "Dutch Design Week trekt bezoekers uit de hele wereld. In Eindhoven tonen ontwerpers negen dagen lang hun werk op "
    "ruim honderd locaties, van Strijp-S tot het Van Abbemuseum.",
    "Basisscholen in Tilburg kampen met lerarentekort. Sommige klassen krijgen een vierdaagse schoolweek, terwijl "
    "schoolbesturen zij-instromers werven voor de pabo.",
    "Nieuwe snelfietsroute tussen Den Bosch en Eindhoven geopend. De route langs het spoor moet forenzen verleiden de "
    "auto te laten staan en de drukke A2 te ontlasten.",
    "Bibliotheek in Oss verhuist naar oude fabriekshal. Het nieuwe cultuurcentrum combineert boeken, een theaterzaal "
    "en studieplekken en opent volgend voorjaar de deuren.",
    "Drugslab ontdekt in schuur bij Baarle-Nassau. De politie vond vaten met chemisch afval en apparatuur voor de "
    "productie van synthetische drugs; twee verdachten zijn aangehouden.",
    "Zomerfestival in Breda lokt tienduizenden bezoekers. Op het Chasséveld traden drie dagen lang nationale en "
    "internationale artiesten op; de organisatie spreekt van een geslaagde editie.",
    "Wateroverlast na noodweer in Helmond. Straten liepen onder en de brandweer rukte tientallen keren uit om kelders "
    "leeg te pompen na een zware onweersbui.",
    "Eindhoven investeert in nieuwe sporthallen. Verenigingen klagen al jaren over te weinig zaalruimte, vooral voor "
    "basketbal, volleybal en zaalvoetbal, en krijgen nu twee extra hallen.",
    "Woningbouw in Brabant blijft achter bij ambities. De provincie haalde vorig jaar slechts driekwart van het doel "
    "van nieuwe woningen, vooral door netcongestie, stikstofregels en hoge bouwkosten.",
    "Netcongestie remt groei van bedrijventerreinen. Netbeheerder Enexis kan nieuwe aansluitingen voor bedrijven in "
    "Tilburg en Waalwijk pas over enkele jaren leveren, waardoor uitbreidingen stilvallen.",
    "Open dag van Fontys trekt duizenden scholieren. De hogeschool in Eindhoven ontving jongeren die zich oriënteren "
    "op opleidingen in techniek, zorg, onderwijs en kunst.",
    "Restauratie van de Sint-Jan in Den Bosch afgerond. Na twaalf jaar werk aan gewelven en glas-in-loodramen is de "
    "kathedraal weer volledig toegankelijk voor bezoekers en kerkgangers.",
    "Wethouder in Roosendaal treedt af na kritisch rapport over zwembad. De bouwkosten van het nieuwe zwembad liepen "
    "ruim tien miljoen euro uit, waarna de gemeenteraad het vertrouwen opzegde.",
    "Heavy rain floods streets in Eindhoven. Firefighters were called out dozens of times as a thunderstorm dumped "
    "more than fifty millimetres of rain on the city in just two hours.",
    "PSV sign Mexican winger on four-year deal. The Eindhoven club beat competition from several Premier League sides "
    "for the 21-year-old, who joins for a reported fee of fifteen million euros.",
    "New asylum seekers' centre planned in Tilburg. The COA wants to house four hundred asylum seekers in a former "
    "office building, and the council will hold a public meeting next month.",
    "Dutch inflation eases as energy prices fall. Statistics Netherlands says consumer prices rose 2.9 percent year "
    "on year, while economists expect interest rates to stay high for longer.",
    "Brabant farmers protest nitrogen plans at provincial house. Hundreds of tractors blocked roads in "
    "'s-Hertogenbosch as livestock farmers demanded clarity about buyouts and permits near nature reserves.",
    "Brabant hospitals short of nurses. A hospital in Eindhoven has postponed some planned surgery because too few "
    "intensive care nurses are available during the summer holidays.",
    "Carnival draws record crowds to 's-Hertogenbosch. More than a hundred thousand revellers filled the streets of "
    "Oeteldonk, and police reported few incidents during the parade.",
    "Student housing shortage hits Eindhoven. With the university attracting more international students, hundreds of "
    "first-years are still looking for a room weeks into the academic year.",
    "Efteling theme park reports record visitor numbers. The park in Kaatsheuvel welcomed more than five million "
    "guests last year and plans a new hotel to attract more overnight tourists.",
    "Traffic jams on the A58 after lorry crash near Tilburg. A truck carrying building materials overturned, closing "
    "two lanes for several hours and causing delays across the region.",
)
