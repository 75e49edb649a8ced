"""Examples of what a general news feed carries besides labour migration, for the topic filter.

Written as typical headline-plus-lead texts of a national or regional Dutch news site (fictional, no real
people), one or more per common section: national politics on other subjects, the economy in general,
foreign news, sport, weather, culture, crime, traffic, health, science, the royal family, lifestyle. With
the regional NONE_EXAMPLES of the theme seeds they are what "other news" looks like: an entry nearer to these
than to the themes' own examples is left out, unless a rule, an actor or a theme wants it.
"""

GENERAL_NEWS_EXAMPLES: tuple[str, ...] = (
    "Kabinet presenteert plannen voor lagere energierekening. De minister wil de energiebelasting in de eerste "
    "schijf verlagen; de oppositie noemt het voorstel onvoldoende voor huishoudens met een laag inkomen.",
    "Tweede Kamer debatteert over pensioenakkoord. Verschillende fracties willen meer tijd voor de overstap naar "
    "het nieuwe stelsel; de vakcentrales en werkgevers houden vast aan de afgesproken datum.",
    "Stikstofplan leidt tot nieuwe boerenprotesten in Den Haag. Trekkers blokkeerden de snelweg bij het Malieveld; "
    "de provincie en het ministerie zoeken een oplossing voor de vergunningverlening.",
    "Coalitie sluit akkoord over defensiebegroting. Er komt meer geld voor munitie en personeel van de krijgsmacht, "
    "gefinancierd met een verhoging van de staatsschuld.",
    "Minister wil wachtlijsten in de jeugdzorg aanpakken. Gemeenten krijgen extra geld, maar moeten de zorg "
    "regionaal gaan inkopen om versnippering tegen te gaan.",
    "Inflatie daalt in oktober naar 2,4 procent. Vooral goedkopere energie drukte de prijsstijging; voedsel en "
    "diensten werden wel duurder dan een jaar eerder, meldt het statistiekbureau.",
    "Huizenprijzen stijgen opnieuw, starters komen moeilijk aan een koopwoning. Makelaars zien een krapte aan "
    "betaalbare woningen en veel overbiedingen in de grote steden.",
    "Chipmachinemaker verwacht hogere omzet door vraag uit Azië. Het bedrijf verhoogt de jaarprognose en kondigt "
    "een nieuw inkoopprogramma van eigen aandelen aan.",
    "ECB houdt rente ongewijzigd. De centrale bank wil eerst zien of de inflatie in de eurozone duurzaam daalt "
    "voordat zij de rente verder verlaagt.",
    "Supermarktketen opent tien nieuwe winkels. De keten mikt op groei in middelgrote steden en investeert in "
    "zelfscankassa's en bezorging aan huis.",
    "Verkiezingen in Frankrijk: president verliest meerderheid. De partijen in het parlement moeten een coalitie "
    "vormen; de onderhandelingen kunnen weken duren.",
    "Aardbeving treft kustgebied in Japan. De autoriteiten gaven een tsunamiwaarschuwing af die later werd "
    "ingetrokken; over schade is nog weinig bekend.",
    "Verenigde Staten en China praten opnieuw over handelstarieven. De gesprekken moeten een escalatie van de "
    "importheffingen op elektronica en landbouwproducten voorkomen.",
    "PSV wint de topper na een doelpunt in blessuretijd. De Eindhovenaren blijven daarmee koploper in de "
    "eredivisie; de trainer prees de inzet van zijn selectie.",
    "Nederlandse schaatsers winnen drie keer goud bij wereldbeker. Op de 1500 meter was het podium geheel "
    "Nederlands; de ploeg reist volgende week door naar Noorwegen.",
    "Wielrenner wint bergrit in de Vuelta. Na een lange ontsnapping hield hij de favorieten op de slotklim op "
    "afstand en pakte hij zijn eerste overwinning in een grote ronde.",
    "Tennisster bereikt halve finale op Roland Garros. Ze versloeg de nummer drie van de wereld in drie sets en "
    "speelt donderdag om een plaats in de finale.",
    "Code oranje voor zware windstoten in het noorden. Het KNMI waarschuwt voor omgewaaide bomen en hinder in "
    "het verkeer; treinen rijden mogelijk minder vaak.",
    "Weekend begint zonnig, daarna wordt het kouder. Vanaf maandag komt er een noordwestenwind met buien en "
    "temperaturen rond de tien graden.",
    "Museum toont overzichtstentoonstelling van zeventiende-eeuwse schilder. Bruiklenen uit Londen en New York "
    "zijn voor het eerst samen in Nederland te zien.",
    "Nieuwe film van Nederlandse regisseur opent filmfestival. De première trok veel bekende Nederlanders; de "
    "film gaat volgende maand in de bioscopen in première.",
    "Popfestival trekt recordaantal bezoekers. De organisatie spreekt van een geslaagde editie ondanks de regen "
    "op zaterdag; de data voor volgend jaar zijn al bekend.",
    "Man aangehouden na steekpartij in uitgaansgebied. Het slachtoffer is met ernstige verwondingen naar het "
    "ziekenhuis gebracht; de politie zoekt getuigen.",
    "Drugslab opgerold in schuur bij boerderij. De politie vond vaten met chemicaliën en apparatuur voor de "
    "productie van synthetische drugs; twee verdachten zijn opgepakt.",
    "Rechter veroordeelt oplichter tot twee jaar cel. De man lichtte tientallen ouderen op via valse berichten "
    "namens hun bank.",
    "Urenlange file na ongeluk met vrachtwagen op de A2. Rijkswaterstaat moest de weg afsluiten voor "
    "bergingswerkzaamheden; weggebruikers werd aangeraden om te rijden.",
    "Treinverkeer tussen Utrecht en Amsterdam plat door storing. Reizigers moesten uren wachten; de spoorbeheerder "
    "onderzoekt de oorzaak van het defect aan de bovenleiding.",
    "Griepgolf later dan normaal, huisartsen zien meer patiënten. Het RIVM adviseert ouderen en mensen met een "
    "kwetsbare gezondheid zich te laten vaccineren.",
    "Ziekenhuis stopt met afdeling verloskunde. Zwangere vrouwen uit de regio moeten voortaan verder reizen; "
    "de gemeenteraad vraagt om opheldering.",
    "Onderzoekers ontdekken nieuw medicijn tegen zeldzame spierziekte. De eerste proeven bij patiënten zijn "
    "hoopvol; een grotere studie moet de werking bevestigen.",
    "Ruimtetelescoop legt vorming van sterren vast. Astronomen van een Nederlandse universiteit werkten mee aan "
    "de waarnemingen die in een vakblad zijn gepubliceerd.",
    "Koning opent nieuw gebouw van de universiteit. Hij sprak met studenten en onderzoekers en bekeek een "
    "demonstratie van een laboratorium voor duurzame energie.",
    "Koninklijk paar brengt staatsbezoek aan Portugal. Op het programma staan gesprekken over handel, innovatie "
    "en de samenwerking tussen havens.",
    "Steeds meer mensen kiezen voor een vakantie in eigen land. Campings en vakantieparken zijn al maanden van "
    "tevoren volgeboekt voor de zomer.",
    "Recept van de week: stamppot met een moderne draai. Een chef laat zien hoe je het wintergerecht lichter "
    "maakt met pompoen en geroosterde noten.",
    "Nieuwe smartphone verkoopt slechter dan verwacht. De fabrikant wijt de tegenvallende cijfers aan de hoge "
    "prijs en de concurrentie van goedkopere merken.",
)
