<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../views/settings_view.py" line="442"/>
        <source>Alles in orde.</source>
        <translation>Everything is fine.</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="443"/>
        <source>Hersteld wat kon; de details staan in het logbestand.</source>
        <translation>Repaired what could be repaired; the details are in the log file.</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="444"/>
        <source>Niet alles kon worden hersteld; de details staan in het logbestand.</source>
        <translation>Not everything could be repaired; the details are in the log file.</translation>
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../views/alerts_view.py" line="50"/>
        <source>Meldingen</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../views/alerts_view.py" line="51"/>
        <source>Alles gezien</source>
        <translation>All seen</translation>
    </message>
    <message>
        <location filename="../views/alerts_view.py" line="53"/>
        <source>Na elke scan meldt Horizonscan wat aandacht vraagt: een organisatie van de volglijst in het nieuws, een piek bij een thema of naam, een bewaarde zoekopdracht of regel met nieuwe berichten, een indicator die beweegt, nieuw bewijs voor een kaart die je volgt. Hoogstens %1 per dag (Instellingen). Dubbelklik om te openen.</source>
        <translation>After every scan Horizonscan reports what calls for attention: an organisation on the watchlist in the news, a spike in a theme or name, a saved search or rule with new items, an indicator that moves, new evidence for a card you watch. At most %1 a day (Settings). Double-click to open.</translation>
    </message>
    <message>
        <location filename="../views/alerts_view.py" line="64"/>
        <source>Kaart</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../views/alerts_view.py" line="64"/>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../views/alerts_view.py" line="64"/>
        <source>Volglijst</source>
        <translation>Watchlist</translation>
    </message>
    <message>
        <location filename="../views/alerts_view.py" line="65"/>
        <source>Piek</source>
        <translation>Spike</translation>
    </message>
    <message>
        <location filename="../views/alerts_view.py" line="65"/>
        <source>Zoekopdracht</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../views/alerts_view.py" line="65"/>
        <source>Regel</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../views/alerts_view.py" line="76"/>
        <source>Nog geen meldingen.</source>
        <translation>No alerts yet.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="71"/>
        <source>Horizonscan kan niet starten</source>
        <translation>Horizonscan cannot start</translation>
    </message>
    <message>
        <location filename="../app.py" line="126"/>
        <source>Teamserver</source>
        <translation>Team server</translation>
    </message>
    <message>
        <location filename="../app.py" line="128"/>
        <source>Opnieuw proberen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../app.py" line="130"/>
        <source>Nu lokaal werken</source>
        <translation>Work locally for now</translation>
    </message>
    <message>
        <location filename="../app.py" line="132"/>
        <source>Stoppen</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../app.py" line="69"/>
        <source>De gegevensmap is niet te gebruiken:

%1

Start Horizonscan met een andere map, of herstel de map.</source>
        <translation>The data folder cannot be used:

%1

Start Horizonscan with a different folder, or repair the folder.</translation>
    </message>
</context>
<context>
    <name>CardsView</name>
    <message>
        <location filename="../views/cards_view.py" line="177"/>
        <source>Signaalkaarten</source>
        <translation>Signal cards</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="178"/>
        <source>Radar en matrix</source>
        <translation>Radar and matrix</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="182"/>
        <source>Alle open kaarten</source>
        <translation>All open cards</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="192"/>
        <source>(nog niet gekozen)</source>
        <translation>(not chosen yet)</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="196"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="196"/>
        <source>Beschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="197"/>
        <source>Wat betekent dit voor Brabant?</source>
        <translation>What does this mean for Brabant?</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="197"/>
        <source>Categorie (STEEP)</source>
        <translation>Category (STEEP)</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="198"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="198"/>
        <source>Tijdshorizon</source>
        <translation>Time horizon</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="198"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="199"/>
        <source>Impact (1-5)</source>
        <translation>Impact (1-5)</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="199"/>
        <source>Waarschijnlijkheid (1-5)</source>
        <translation>Likelihood (1-5)</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="200"/>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="200"/>
        <source>Ontwikkeling</source>
        <translation>Development</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="201"/>
        <source>Thema&apos;s en namen</source>
        <translation>Themes and names</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="205"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="206"/>
        <source>waarom deze impact, in één regel</source>
        <translation>why this impact, in one line</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="207"/>
        <source>waarom deze waarschijnlijkheid, in één regel</source>
        <translation>why this likelihood, in one line</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="208"/>
        <source>Kaart bewaren</source>
        <translation>Save card</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="209"/>
        <source>Bronnen als RIS…</source>
        <translation>Sources as RIS…</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="210"/>
        <source>Bronnen als CSL-JSON…</source>
        <translation>Sources as CSL-JSON…</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="211"/>
        <source>Het bewijs van deze kaart voor Zotero of een ander literatuurprogramma</source>
        <translation>This card&apos;s evidence for Zotero or another reference manager</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="212"/>
        <source>Bewijs (dubbelklik om te lezen)</source>
        <translation>Evidence (double-click to read)</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="213"/>
        <source>Vergelijkbare berichten zoeken</source>
        <translation>Find similar items</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="214"/>
        <source>Gekozen berichten koppelen</source>
        <translation>Link the chosen items</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="215"/>
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="217"/>
        <source>Nog geen signaalkaarten. Open een bericht of verhaal en druk op C (of kies ‘Signaalkaart maken’ in het menu van de rechtermuisknop): de kaart krijgt de titel, de thema&apos;s, de namen van de volglijst en het bewijs al mee. Beoordeel hem hier, groepeer kaarten tot ontwikkelingen en bekijk ze op de radar.</source>
        <translation>No signal cards yet. Open an item or story and press C (or choose ‘Make signal card’ in the right-click menu): the card starts with the title, the themes, the watchlist names and the evidence. Assess it here, group cards into developments and look at them on the radar.</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="247"/>
        <location filename="../views/cards_view.py" line="295"/>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="259"/>
        <source>berichten als bewijs</source>
        <translation>items as evidence</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="296"/>
        <source> · volglijst: %1</source>
        <translation> · watchlist: %1</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="301"/>
        <source>%1
Gezien: %2</source>
        <translation>%1
Seen: %2</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="332"/>
        <source>Kaart #%1 bewaard.</source>
        <translation>Card #%1 saved.</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="343"/>
        <source>Bronnen opslaan als %1</source>
        <translation>Save sources as %1</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="352"/>
        <source>Bronnen opgeslagen in %1</source>
        <translation>Sources saved in %1</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="371"/>
        <source>Het taalmodel wordt nog geladen; probeer het zo opnieuw.</source>
        <translation>The language model is still loading; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../views/cards_view.py" line="387"/>
        <source>%1 berichten als bewijs gekoppeld.</source>
        <translation>%1 items linked as evidence.</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <location filename="../views/reader.py" line="71"/>
        <source>Voorstel: %1 %2</source>
        <translation>Suggestion: %1 %2</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="80"/>
        <source>Thema bevestigen</source>
        <translation>Confirm theme</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="81"/>
        <source>Voorstel afwijzen</source>
        <translation>Dismiss suggestion</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="94"/>
        <location filename="../views/reader.py" line="95"/>
        <source>Thema verwijderen</source>
        <translation>Remove theme</translation>
    </message>
</context>
<context>
    <name>DigestTree</name>
    <message>
        <location filename="../views/digest_tree.py" line="87"/>
        <source>nog geen betekenis voor Brabant</source>
        <translation>no meaning for Brabant yet</translation>
    </message>
    <message>
        <location filename="../views/digest_tree.py" line="89"/>
        <source>eerder verzonden in %1</source>
        <translation>sent before in %1</translation>
    </message>
</context>
<context>
    <name>DigestView</name>
    <message>
        <location filename="../views/digest_view.py" line="260"/>
        <source>Titel van het overzicht</source>
        <translation>Title of the digest</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="261"/>
        <source>Nieuw overzicht…</source>
        <translation>New digest…</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="262"/>
        <source>Verwijderen…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="263"/>
        <source>Inleiding (optioneel): wat springt er deze week uit?</source>
        <translation>Introduction (optional): what stands out this week?</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="264"/>
        <source>Bericht openen</source>
        <translation>Open item</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="265"/>
        <source>Uit het overzicht halen</source>
        <translation>Remove from digest</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="266"/>
        <source>Omhoog (Alt+↑); of sleep met de muis</source>
        <translation>Up (Alt+↑); or drag with the mouse</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="267"/>
        <source>Omlaag (Alt+↓); of sleep met de muis</source>
        <translation>Down (Alt+↓); or drag with the mouse</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="268"/>
        <source>Geselecteerd signaal</source>
        <translation>Selected signal</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="269"/>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="270"/>
        <source>Wat betekent dit voor Brabant?</source>
        <translation>What does this mean for Brabant?</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="271"/>
        <source>Eén of twee zinnen: waarom dit ertoe doet voor de provincie.</source>
        <translation>One or two sentences: why this matters for the province.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="272"/>
        <source>Voorbeeld</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="273"/>
        <source>Kandidaten</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="275"/>
        <source>De sterkste signalen van deze periode per thema die nog in geen enkel overzicht staan. Dubbelklik of kies Toevoegen.</source>
        <translation>This period&apos;s strongest signals per theme that are in no digest yet. Double-click or choose Add.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="277"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="278"/>
        <source>Alle toevoegen</source>
        <translation>Add all</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="279"/>
        <source>Kopiëren als e-mail</source>
        <translation>Copy as e-mail</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="280"/>
        <source>Zet het overzicht opgemaakt op het klembord: plak het in Outlook.</source>
        <translation>Puts the formatted digest on the clipboard: paste it into Outlook.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="281"/>
        <source>Exporteren:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="317"/>
        <source>Nog geen weekoverzicht voor week %1. Voeg signalen toe met Ctrl+D in de lijst, of begin het overzicht hier: de kandidaten van deze week staan dan klaar.</source>
        <translation>No weekly digest for week %1 yet. Add signals with Ctrl+D in the list, or start the digest here: this week&apos;s candidates will be ready.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="319"/>
        <source>Weekoverzicht week %1 beginnen</source>
        <translation>Start the digest for week %1</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="320"/>
        <source>Laatste overzicht openen</source>
        <translation>Open the latest digest</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="335"/>
        <location filename="../views/digest_view.py" line="368"/>
        <source>verzonden</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="335"/>
        <location filename="../views/digest_view.py" line="368"/>
        <source>concept</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="336"/>
        <source>%1 · %2 · %3 signalen</source>
        <translation>%1 · %2 · %3 signals</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="364"/>
        <source>Terug naar concept</source>
        <translation>Back to draft</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="364"/>
        <source>Markeren als verzonden</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="366"/>
        <source>%1 · %2 – %3 · %4 · %5 signalen</source>
        <translation>%1 · %2 – %3 · %4 · %5 signals</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="370"/>
        <source> · %1 nog zonder ‘betekenis voor Brabant’</source>
        <translation> · %1 without ‘meaning for Brabant’ yet</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="372"/>
        <source> · voeg berichten toe met Ctrl+D in de lijst, of kies Kandidaten</source>
        <translation> · add items with Ctrl+D in the list, or choose Candidates</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="418"/>
        <source> · %1 bronnen</source>
        <translation> · %1 sources</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="424"/>
        <source>Geen kandidaten: alle signalen van deze periode staan al in een overzicht, of er kwam niets binnen.</source>
        <translation>No candidates: every signal of this period is in a digest already, or nothing came in.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="428"/>
        <source>Kandidaten (%1)</source>
        <translation>Candidates (%1)</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="465"/>
        <source>Wijzigingen worden vanzelf bewaard.</source>
        <translation>Changes are saved automatically.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="466"/>
        <source>Kies een signaal in het overzicht om het te bewerken.</source>
        <translation>Choose a signal in the outline to edit it.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="468"/>
        <source>Laatst bewerkt door %1. Wijzigingen worden vanzelf bewaard.</source>
        <translation>Last edited by %1. Changes are saved automatically.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="477"/>
        <location filename="../views/digest_view.py" line="681"/>
        <source>Bewaren…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="507"/>
        <source>Bewaard ✓</source>
        <translation>Saved ✓</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="519"/>
        <source>%1 wijzigde dit signaal intussen; je tekst is niet over die van de ander bewaard. Hun tekst: %2. Pas zo nodig aan en bewaar opnieuw.</source>
        <translation>%1 changed this signal meanwhile; your text was not saved over theirs. Their text: %2. Adjust if needed and save again.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="521"/>
        <source>Iemand</source>
        <translation>Someone</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="559"/>
        <source>%1 signalen toegevoegd.</source>
        <translation>%1 signals added.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="602"/>
        <source>Gemarkeerd als verzonden.</source>
        <translation>Marked as sent.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="603"/>
        <source>Weer een concept.</source>
        <translation>A draft again.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="613"/>
        <source>Overzicht verwijderen</source>
        <translation>Delete digest</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="614"/>
        <source>Overzicht %1 (%2 signalen) verwijderen? De berichten zelf, hun thema&apos;s en notities blijven bewaard.</source>
        <translation>Delete digest %1 (%2 signals)? The items themselves, their themes and notes are kept.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="642"/>
        <source>Het overzicht staat op het klembord: plak het in een nieuwe e-mail.</source>
        <translation>The digest is on the clipboard: paste it into a new e-mail.</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="660"/>
        <source>Exporteren als %1</source>
        <translation>Export as %1</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="671"/>
        <source>Exporteren lukte niet</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="672"/>
        <source>Het overzicht kon niet worden opgeslagen als %1.

Kies een andere map of bestandsnaam, of sluit het bestand als het nog open staat in een ander programma (bijvoorbeeld Word).

Details: %2</source>
        <translation>The digest could not be saved as %1.

Choose another folder or file name, or close the file if it is still open in another program (Word, for example).

Details: %2</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="677"/>
        <source>Opgeslagen: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../views/digest_view.py" line="682"/>
        <source>Niet bewaard: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <location filename="../engine_client.py" line="118"/>
        <location filename="../engine_client.py" line="176"/>
        <source>De rekenmodule stopte onverwacht; probeer het opnieuw.</source>
        <translation>The processing module stopped unexpectedly; please try again.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../error_text.py" line="32"/>
        <source>De zoekopdracht heeft geen woorden om naar te zoeken (alleen operatoren, tekens of uitgesloten woorden). Voeg minstens één woord toe, bijvoorbeeld: huisvesting Tilburg.</source>
        <translation>The search has no words to look for (only operators, symbols or excluded words). Add at least one word, for example: housing Tilburg.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="36"/>
        <source>Bericht %1 staat niet (meer) in dit weekoverzicht. Ververs het overzicht en probeer het opnieuw.</source>
        <translation>Item %1 is not (or no longer) in this digest. Refresh the digest and try again.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="39"/>
        <source>Dit weekoverzicht heeft geen onderdeel ‘%1’.</source>
        <translation>This digest has no section ‘%1’.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="41"/>
        <source>Een weekoverzicht heeft een titel nodig.</source>
        <translation>A digest needs a title.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="43"/>
        <source>Weekoverzicht %1 bestaat niet meer.</source>
        <translation>Digest %1 no longer exists.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="45"/>
        <source>De einddatum ligt vóór de begindatum.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="47"/>
        <source>Een tag mag niet leeg zijn.</source>
        <translation>A tag cannot be empty.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="49"/>
        <source>Een tag mag hoogstens %1 tekens lang zijn.</source>
        <translation>A tag can be at most %1 characters long.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="51"/>
        <source>Een bewaarde zoekopdracht heeft een naam nodig.</source>
        <translation>A saved search needs a name.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="53"/>
        <source>Een thema heeft een naam nodig (de naam die mensen zien).</source>
        <translation>A theme needs a name (the name people see).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="55"/>
        <source>Er is al een thema ‘%1’.</source>
        <translation>There already is a theme ‘%1’.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="57"/>
        <source>De nieuwe naam is leeg.</source>
        <translation>The new name is empty.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="59"/>
        <source>Een thema kan niet met zichzelf worden samengevoegd.</source>
        <translation>A theme cannot be merged into itself.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="61"/>
        <source>Het patroon van de regel bevat geen woorden om naar te zoeken.</source>
        <translation>The rule&apos;s pattern has no words to look for.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="63"/>
        <source>De reguliere expressie klopt niet (%1).</source>
        <translation>The regular expression is not valid (%1).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="65"/>
        <source>Een naam op de volglijst mag niet leeg zijn.</source>
        <translation>A name on the watchlist cannot be empty.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="71"/>
        <source>De teamserver weigert de aanmelding (verkeerde gebruiker of wachtwoord). Controleer het wachtwoord in je pgpass-bestand, of vraag IT of je account bestaat.</source>
        <translation>The team server refused the login (wrong user or password). Check the password in your pgpass file, or ask IT whether your account exists.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="105"/>
        <source>Iemand anders heeft deze tekst intussen gewijzigd; je tekst is niet over die van de ander opgeslagen. Beide teksten staan klaar: voeg ze samen en bewaar opnieuw.</source>
        <translation>Someone else changed this text meanwhile; your text was not saved over theirs. Both texts are ready: merge them and save again.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="75"/>
        <source>De teamserver mist de uitbreiding pgvector. Vraag IT die te installeren en daarna ‘horizonscan team init’ uit te voeren.</source>
        <translation>The team server lacks the pgvector extension. Ask IT to install it and then run ‘horizonscan team init’.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="67"/>
        <source>De teamserver is niet bereikbaar. Je ziet wat er al stond; een notitie die je schrijft blijft op deze computer bewaard en wordt opgeslagen zodra de server terug is. Controleer je netwerk of probeer het later opnieuw.</source>
        <translation>The team server cannot be reached. You see what was already shown; a note you write is kept on this computer and saved as soon as the server is back. Check your network or try again later.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="78"/>
        <source>De teamdatabase is nieuwer dan deze versie van Horizonscan. Werk Horizonscan op deze computer bij.</source>
        <translation>The team database is newer than this version of Horizonscan. Update Horizonscan on this computer.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="81"/>
        <source>De teamdatabase is ouder dan deze versie van Horizonscan. Vraag IT ‘horizonscan team init’ uit te voeren; dat werkt het schema bij.</source>
        <translation>The team database is older than this version of Horizonscan. Ask IT to run ‘horizonscan team init’; that upgrades the schema.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="84"/>
        <source>De teamdatabase is nog niet ingericht. Vraag IT (de eigenaar van de database) ‘horizonscan --server … team init’ uit te voeren.</source>
        <translation>The team database has not been set up yet. Ask IT (the database&apos;s owner) to run ‘horizonscan --server … team init’.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="87"/>
        <source>De database op de teamserver bestaat niet. Vraag IT hem aan te maken en ‘horizonscan team init’ uit te voeren.</source>
        <translation>The database on the team server does not exist. Ask IT to create it and run ‘horizonscan team init’.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="90"/>
        <source>Voor teammodus ontbreekt de PostgreSQL-koppeling in deze installatie. Vraag IT Horizonscan met teamondersteuning te installeren.</source>
        <translation>This installation lacks the PostgreSQL connection that team mode needs. Ask IT to install Horizonscan with team support.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="93"/>
        <source>In teammodus staan de gegevens op de teamserver; IT maakt daar de back-ups. Er is op deze computer niets om te back-uppen.</source>
        <translation>In team mode the data is on the team server, where IT makes the backups. There is nothing on this computer to back up.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="96"/>
        <source>De teamserver is niet te gebruiken (%1). Vraag IT om hulp.</source>
        <translation>The team server cannot be used (%1). Ask IT for help.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="98"/>
        <source>Het weekoverzicht kon niet worden opgeslagen als %2. Kies een andere map of bestandsnaam, of sluit het bestand als het nog open staat in een ander programma.</source>
        <translation>The digest could not be saved as %2. Choose another folder or file name, or close the file if it is still open in another program.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="109"/>
        <source>De schijf is vol. Wat al bewaard was, blijft bewaard; wat net werd opgeslagen is teruggedraaid. Maak ruimte vrij (prullenbak legen, grote bestanden verplaatsen) en probeer het opnieuw.</source>
        <translation>The disk is full. What was saved before is kept; what was being saved was undone. Free some space (empty the recycle bin, move large files) and try again.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="113"/>
        <source>Horizonscan mag niet schrijven in de gegevensmap (alleen-lezen). Er is niets veranderd. Vraag schrijfrechten op die map, of kies in Instellingen een andere.</source>
        <translation>Horizonscan may not write in the data folder (read-only). Nothing was changed. Ask for write permission on that folder, or choose another one in Settings.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="116"/>
        <source>Het gegevensbestand is beschadigd. Zet een back-up terug (Instellingen → Back-up terugzetten), of laat ‘horizonscan doctor --salvage’ redden wat nog leesbaar is.</source>
        <translation>The data file is damaged. Restore a backup (Settings → Restore a backup), or let ‘horizonscan doctor --salvage’ rescue what can still be read.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="120"/>
        <source>Dit bestand is geen bruikbare back-up van Horizonscan. Kies een bestand dat met ‘Back-up maken’ is gemaakt, of een uit de map backups in de gegevensmap.</source>
        <translation>This file is not a usable Horizonscan backup. Choose a file made with ‘Make a backup’, or one from the backups folder in the data folder.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="123"/>
        <source>Een ander Horizonscan-venster of een opdracht is nog met de gegevens bezig. Wacht even en probeer het opnieuw.</source>
        <translation>Another Horizonscan window or command is still working on the data. Wait a moment and try again.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="126"/>
        <source>De gegevensmap is niet te gebruiken. Kies in Instellingen een andere map, of maak ruimte vrij op de schijf.</source>
        <translation>The data folder cannot be used. Choose another folder in Settings, or free up space on the disk.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="129"/>
        <source>Dit bericht bestaat niet (meer) in deze gegevensmap.</source>
        <translation>This item does not exist (any more) in this data folder.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="131"/>
        <source>Dit thema bestaat niet (meer). Kijk in Thema&apos;s en regels welke thema&apos;s er zijn.</source>
        <translation>This theme does not exist (any more). See Themes and rules for the themes there are.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="133"/>
        <source>Deze zoekopdracht kan niet worden uitgevoerd. Probeer andere woorden.</source>
        <translation>This search cannot be run. Try other words.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="135"/>
        <source>Het taalmodel kan niet worden gebruikt. Kies in Instellingen het standaardmodel.</source>
        <translation>The language model cannot be used. Choose the default model in Settings.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="138"/>
        <source>Zoeken op betekenis lukt nu niet (de zoekindex is bezet of beschadigd); zoeken op trefwoord werkt wel. Blijft dit zo, kies dan in Instellingen ‘Controleren en herstellen’.</source>
        <translation>Searching by meaning does not work right now (the search index is busy or damaged); keyword search does. If this persists, choose ‘Check and repair’ in Settings.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="142"/>
        <source>Dat lukte niet. Probeer het opnieuw; blijft het misgaan, kijk dan in het logboek (Instellingen).</source>
        <translation>That did not work. Try again; if it keeps failing, look in the log (Settings).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="169"/>
        <source>Een bestand of map is niet te gebruiken: %1</source>
        <translation>A file or folder cannot be used: %1</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="172"/>
        <source>Er ging iets mis dat niet had mogen gebeuren. Probeer het opnieuw; het logboek (Instellingen) zegt meer.</source>
        <translation>Something went wrong that should not have. Try again; the log (Settings) says more.</translation>
    </message>
</context>
<context>
    <name>HelpView</name>
    <message>
        <location filename="../views/help_view.py" line="41"/>
        <source>volgend / vorig bericht</source>
        <translation>next / previous item</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="42"/>
        <source>ster aan of uit</source>
        <translation>star on or off</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="43"/>
        <source>afwijzen als ruis (en door naar het volgende)</source>
        <translation>dismiss as noise (and move to the next)</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="44"/>
        <source>gelezen / ongelezen</source>
        <translation>read / unread</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="45"/>
        <source>alles in de lijst als gelezen markeren (Ctrl+Z maakt het ongedaan)</source>
        <translation>mark everything in the list as read (Ctrl+Z undoes it)</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="46"/>
        <source>thema 1 tot 8 geven of weghalen (volgorde van de zijbalk)</source>
        <translation>give or remove theme 1 to 8 (sidebar order)</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="47"/>
        <source>artikel openen in de browser</source>
        <translation>open the article in the browser</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="48"/>
        <source>zoeken</source>
        <translation>search</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="49"/>
        <source>aan het weekoverzicht toevoegen</source>
        <translation>add to this week&apos;s digest</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="50"/>
        <source>signaalkaart maken van het bericht en zijn verhaal (beoordelen in Signaalkaarten)</source>
        <translation>make a signal card of the item and its story (assess it in Signal cards)</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="51"/>
        <source>notitie ‘Wat betekent dit voor Brabant?’ bewaren</source>
        <translation>save the note ‘What does this mean for Brabant?’</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="52"/>
        <source>alle bronnen nu scannen</source>
        <translation>scan all sources now</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="53"/>
        <source>deze hulp</source>
        <translation>this help</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="58"/>
        <source>Hulp en sneltoetsen</source>
        <translation>Help and shortcuts</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="59"/>
        <source>Selecteer meerdere berichten met Shift of Ctrl; s, d, m en 1-8 werken dan op allemaal. Met de rechtermuisknop zie je dezelfde acties. De volgorde van de thema&apos;s (en dus hun cijfer) verander je in Thema&apos;s en regels.</source>
        <translation>Select several items with Shift or Ctrl; s, d, m and 1-8 then work on all of them. The right mouse button shows the same actions. Change the order of the themes (and so their number) in Themes and rules.</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="62"/>
        <source>De week</source>
        <translation>The week</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="63"/>
        <source>Maandag: scan, bekijk Nieuw (gerangschikt op signaalsterkte), wijs ruis af, geef thema&apos;s en sterren, en schrijf bij belangrijke signalen wat ze betekenen voor Brabant. Vrijdag: stel het weekoverzicht samen en verstuur het. Later: zoek terug in alles wat ooit is binnengekomen.</source>
        <translation>Monday: scan, go through New (ranked by signal strength), dismiss noise, give themes and stars, and write for important signals what they mean for Brabant. Friday: put together the weekly digest and send it. Later: search back through everything that ever came in.</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="66"/>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="67"/>
        <source>Gewone woorden zoeken op woorden en op betekenis (ook Engels ↔ Nederlands). Gebruik &quot;precies deze woorden&quot;, woord*, OR, NOT of -woord voor meer controle. Een verhaal uit meerdere bronnen staat één keer in de lijst, met ‘N bronnen’.</source>
        <translation>Plain words search by words and by meaning (also English ↔ Dutch). Use &quot;exactly these words&quot;, word*, OR, NOT or -word for more control. A story from several sources appears once in the list, with ‘N sources’.</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="70"/>
        <source>Voorstellen en thema&apos;s</source>
        <translation>Suggestions and themes</translation>
    </message>
    <message>
        <location filename="../views/help_view.py" line="71"/>
        <source>Een gestippeld thema met ? is een voorstel: bevestig het met ✓ of wijs het af met ✗. Elke beslissing maakt de voorstellen beter, en wat jij weghaalt, komt nooit terug.</source>
        <translation>A dotted theme with ? is a suggestion: confirm it with ✓ or reject it with ✗. Every decision improves the suggestions, and what you remove never comes back.</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <location filename="../views/indicator_dialog.py" line="32"/>
        <source>Indicator van het CBS volgen</source>
        <translation>Follow a CBS indicator</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="37"/>
        <source>Kies een tabel van CBS StatLine (het nummer staat op opendata.cbs.nl, bijvoorbeeld 85000NED), de maat en per kenmerk één waarde. Horizonscan kijkt elke dag of er een nieuwe publicatie is en zet een nieuwe periode die meer verandert dan je hier kiest in Nieuw.</source>
        <translation>Choose a CBS StatLine table (its number is on opendata.cbs.nl, for example 85000NED), the measure and one value per dimension. Horizonscan checks every day for a new release and puts a new period that changes more than you choose here in New.</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="47"/>
        <source>Tabel bekijken</source>
        <translation>Look up table</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="51"/>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="53"/>
        <source>Open-data-dienst</source>
        <translation>Open data service</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="58"/>
        <source>Maat</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="62"/>
        <source>bijv. werknemers uit MOE-landen in Noord-Brabant</source>
        <translation>e.g. employees from CEE countries in Noord-Brabant</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="63"/>
        <source>In woorden</source>
        <translation>In words</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="69"/>
        <source>Signaal vanaf</source>
        <translation>Signal from</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="73"/>
        <source>Volgen</source>
        <translation>Follow</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="87"/>
        <source>Tabel %1 ophalen…</source>
        <translation>Fetching table %1…</translation>
    </message>
    <message>
        <location filename="../views/indicator_dialog.py" line="105"/>
        <source> Let op: CBS werkt deze tabel niet meer bij.</source>
        <translation> Note: CBS no longer updates this table.</translation>
    </message>
</context>
<context>
    <name>ItemDelegate</name>
    <message>
        <location filename="../item_delegate.py" line="102"/>
        <source>Laden…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../item_delegate.py" line="25"/>
        <source>%1 bronnen</source>
        <translation>%1 sources</translation>
    </message>
    <message>
        <location filename="../item_delegate.py" line="32"/>
        <source>voorbeeld</source>
        <translation>example</translation>
    </message>
</context>
<context>
    <name>ItemListPanel</name>
    <message>
        <location filename="../views/item_list.py" line="181"/>
        <source>Ongedaan maken (%1)</source>
        <translation>Undo (%1)</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="195"/>
        <source>Probeer: %1</source>
        <translation>Try: %1</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="203"/>
        <source>minder woorden</source>
        <translation>fewer words</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="204"/>
        <source>een andere spelling of een synoniem</source>
        <translation>another spelling or a synonym</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="205"/>
        <source>ook zoeken op betekenis</source>
        <translation>searching by meaning too</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="206"/>
        <source>ook zoeken op trefwoord</source>
        <translation>searching by keyword too</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="207"/>
        <source>minder filters</source>
        <translation>fewer filters</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="211"/>
        <source>✓ Alles gelezen</source>
        <translation>✓ Mark all read</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="212"/>
        <source>Markeer alle berichten in deze lijst als gelezen (Shift+M); Ctrl+Z maakt het ongedaan</source>
        <translation>Mark every item in this list as read (Shift+M); Ctrl+Z undoes it</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="214"/>
        <source>Ook op betekenis zoeken</source>
        <translation>Search by meaning too</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="215"/>
        <source>Ook op trefwoord zoeken</source>
        <translation>Search by keyword too</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="216"/>
        <source>Filters wissen</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>ItemListView</name>
    <message>
        <location filename="../views/item_list.py" line="97"/>
        <source>Ster aan/uit (s)</source>
        <translation>Toggle star (s)</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="97"/>
        <source>Markeren als gelezen</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="98"/>
        <source>Markeren als ongelezen</source>
        <translation>Mark as unread</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="98"/>
        <source>Afwijzen als ruis (d)</source>
        <translation>Dismiss as noise (d)</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="99"/>
        <source>Terugzetten (niet meer afgewezen)</source>
        <translation>Restore (no longer dismissed)</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="100"/>
        <source>Aan weekoverzicht toevoegen (Ctrl+D)</source>
        <translation>Add to weekly digest (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="101"/>
        <source>Signaalkaart maken (c)</source>
        <translation>Make signal card (c)</translation>
    </message>
    <message>
        <location filename="../views/item_list.py" line="103"/>
        <source>Thema geven</source>
        <translation>Assign theme</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="346"/>
        <source>Horizonscan – Arbeidsmigratie</source>
        <translation>Horizonscan – Labour migration</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209"/>
        <source>⟳ Scannen</source>
        <translation>⟳ Scan</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="309"/>
        <source>Teamserver niet bereikbaar: je ziet wat er al stond</source>
        <translation>Team server unreachable: you see what was already shown</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="336"/>
        <source>Alle bronnen nu ophalen (F5)</source>
        <translation>Fetch all sources now (F5)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212"/>
        <source>Sneltoetsen en uitleg (F1)</source>
        <translation>Keyboard shortcuts and help (F1)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="299"/>
        <source>Team: %1 · laatste teamscan %2 (%3 nieuw)</source>
        <translation>Team: %1 · last team scan %2 (%3 new)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="301"/>
        <source>Team: %1 · nog geen teamscan</source>
        <translation>Team: %1 · no team scan yet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="317"/>
        <source>Notities van toen de server weg was zijn bewaard; bij %1 had iemand anders de notitie intussen gewijzigd: beide teksten staan er nu onder elkaar.</source>
        <translation>Notes written while the server was away are saved; for %1, someone else had changed the note meanwhile: both texts are now there, one below the other.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="321"/>
        <source>De server is terug: %1 bewaarde notitie(s) opgeslagen.</source>
        <translation>The server is back: %1 kept note(s) saved.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="332"/>
        <source>In teammodus scant de server voor het hele team; deze computer scant niet zelf. De statusbalk toont de laatste teamscan.</source>
        <translation>In team mode the server scans for the whole team; this computer does not scan itself. The status bar shows the last team scan.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="337"/>
        <source>Nog geen bronnen om te scannen: voeg ze toe onder Bronnen.</source>
        <translation>No sources to scan yet: add them under Sources.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340"/>
        <source>Nog geen berichten om te doorzoeken: scan eerst of laad de voorbeelddata.</source>
        <translation>No items to search yet: scan first or load the example data.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="354"/>
        <source>%1 nieuwe meldingen, o.a.: %2</source>
        <translation>%1 new alerts, among them: %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="363"/>
        <source>Horizonscan: meldingen</source>
        <translation>Horizonscan: alerts</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373"/>
        <source>Signaalkaart #%1 gemaakt; beoordeel hem in Signaalkaarten.</source>
        <translation>Signal card #%1 made; assess it in Signal cards.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="459"/>
        <source>Nieuw: %1 berichten; de laatste 7 dagen op signaalsterkte (▲)</source>
        <translation>New: %1 items; the last 7 days by signal strength (▲)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="469"/>
        <location filename="../main_window.py" line="536"/>
        <location filename="../main_window.py" line="539"/>
        <source>Geen bericht om te tonen.</source>
        <translation>No item to show.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="473"/>
        <source>Niets nieuws. Scan de bronnen (F5) of bekijk een thema in de zijbalk.</source>
        <translation>Nothing new. Scan the sources (F5) or browse a theme in the sidebar.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="475"/>
        <source>Nog geen berichten met een ster. Geef een bericht een ster met s.</source>
        <translation>No starred items yet. Star an item with s.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="477"/>
        <source>Nog geen berichten met dit thema. Geef berichten een thema met de cijfertoetsen 1-8.</source>
        <translation>No items with this theme yet. Assign themes to items with the number keys 1-8.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="478"/>
        <source>Geen berichten.</source>
        <translation>No items.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="517"/>
        <source>%1 berichten met deze filters</source>
        <translation>%1 items with these filters</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="553"/>
        <source>%1 resultaten voor “%2”</source>
        <translation>%1 results for “%2”</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="553"/>
        <source>%1+ resultaten voor “%2”</source>
        <translation>%1+ results for “%2”</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="556"/>
        <source>het taalmodel laadt nog: alleen resultaten op trefwoord</source>
        <translation>the language model is still loading: keyword results only</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="533"/>
        <source>Niets gevonden voor “%1”: geen bericht past goed genoeg.</source>
        <translation>Nothing found for “%1”: no item matches well enough.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="534"/>
        <source>0 resultaten voor “%1”</source>
        <translation>0 results for “%1”</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="538"/>
        <source>Geen berichten met deze filters.</source>
        <translation>No items with these filters.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="596"/>
        <source>Typ eerst een zoekopdracht of kies filters.</source>
        <translation>Type a search first or choose filters.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="598"/>
        <source>Zoekopdracht bewaren</source>
        <translation>Save search</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="598"/>
        <source>Naam in de zijbalk:</source>
        <translation>Name in the sidebar:</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="599"/>
        <source>Mijn filter</source>
        <translation>My filter</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="671"/>
        <source>%1 berichten gemarkeerd als gelezen; Ctrl+Z maakt het ongedaan.</source>
        <translation>%1 items marked as read; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="681"/>
        <source>Weer ongelezen: %1 berichten.</source>
        <translation>Unread again: %1 items.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="739"/>
        <source>%1 berichten bijgewerkt.</source>
        <translation>%1 items updated.</translation>
    </message>
</context>
<context>
    <name>NewDigestDialog</name>
    <message>
        <location filename="../views/digest_new_dialog.py" line="24"/>
        <source>Nieuw overzicht</source>
        <translation>New digest</translation>
    </message>
    <message>
        <location filename="../views/digest_new_dialog.py" line="38"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../views/digest_new_dialog.py" line="39"/>
        <source>Tot en met</source>
        <translation>Up to and including</translation>
    </message>
    <message>
        <location filename="../views/digest_new_dialog.py" line="40"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../views/digest_new_dialog.py" line="58"/>
        <source>De einddatum ligt vóór de begindatum.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location filename="../views/digest_new_dialog.py" line="60"/>
        <source>Precies week %1: bestaat het overzicht van die week al, dan wordt dat geopend.</source>
        <translation>Exactly week %1: if that week&apos;s digest exists, it is opened.</translation>
    </message>
    <message>
        <location filename="../views/digest_new_dialog.py" line="63"/>
        <source>Een overzicht over een eigen periode (bijvoorbeeld een maand).</source>
        <translation>A digest over a period of your own (a month, for example).</translation>
    </message>
    <message>
        <location filename="../views/digest_new_dialog.py" line="64"/>
        <source>Signalenoverzicht arbeidsmigratie %1 – %2</source>
        <translation>Labour migration signals %1 – %2</translation>
    </message>
</context>
<context>
    <name>QChart</name>
    <message>
        <location filename="../views/trends_view.py" line="68"/>
        <source>berichten</source>
        <translation>items</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="70"/>
        <source>piek</source>
        <translation>spike</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="73"/>
        <source>gemiddelde van de weken ervoor (tot 8)</source>
        <translation>average of the weeks before (up to 8)</translation>
    </message>
</context>
<context>
    <name>RadarView</name>
    <message>
        <location filename="../views/radar_view.py" line="153"/>
        <source>Radar en matrix</source>
        <translation>Radar and matrix</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="154"/>
        <source>Radar</source>
        <translation>Radar</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="155"/>
        <source>Impact × waarschijnlijkheid</source>
        <translation>Impact × likelihood</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="156"/>
        <source>Als PNG opslaan…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="157"/>
        <source>Als SVG opslaan…</source>
        <translation>Save as SVG…</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="158"/>
        <source>Kwartaalbriefing exporteren…</source>
        <translation>Export quarterly briefing…</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="159"/>
        <source>Ontwikkelingen (bewijs per week)</source>
        <translation>Developments (evidence per week)</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="160"/>
        <source>Voorstellen: kaarten die op elkaar lijken</source>
        <translation>Suggestions: cards that look alike</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="161"/>
        <source>Voorstellen zoeken</source>
        <translation>Look for suggestions</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="162"/>
        <source>Gekozen voorstel als ontwikkeling…</source>
        <translation>Chosen suggestion as a development…</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="174"/>
        <source>%1 (%2 kaarten)</source>
        <translation>%1 (%2 cards)</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="180"/>
        <source>Nog geen ontwikkelingen.</source>
        <translation>No developments yet.</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="185"/>
        <source>Niet geplaatst (nog zonder thema, tijdshorizon, impact of waarschijnlijkheid): %1. Klik op een stip om de kaart te openen.</source>
        <translation>Not placed (no theme, time horizon, impact or likelihood yet): %1. Click a dot to open its card.</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="188"/>
        <source>Klik op een stip om de kaart te openen. De grootte van een stip is de impact; de kleur de soort.</source>
        <translation>Click a dot to open its card. A dot&apos;s size is its impact; its colour its type.</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="204"/>
        <source>Deze %1 kaarten lijken één ontwikkeling: %2</source>
        <translation>These %1 cards look like one development: %2</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="210"/>
        <source>Geen voorstellen: nog geen kaarten die op elkaar lijken buiten een ontwikkeling.</source>
        <translation>No suggestions: no cards outside a development look alike yet.</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="219"/>
        <source>Kies eerst een voorstel in de lijst.</source>
        <translation>Choose a suggestion in the list first.</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="221"/>
        <source>Nieuwe ontwikkeling</source>
        <translation>New development</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="221"/>
        <source>Titel van de ontwikkeling:</source>
        <translation>Title of the development:</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="225"/>
        <source>Ontwikkeling ‘%1’ gemaakt.</source>
        <translation>Development ‘%1’ made.</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="236"/>
        <source>Opslaan als %1</source>
        <translation>Save as %1</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="248"/>
        <source>Opgeslagen: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="255"/>
        <source>Kwartaalbriefing exporteren</source>
        <translation>Export quarterly briefing</translation>
    </message>
    <message>
        <location filename="../views/radar_view.py" line="267"/>
        <source>Kwartaalbriefing opgeslagen in %1</source>
        <translation>Quarterly briefing saved in %1</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../views/reader.py" line="288"/>
        <source>↗ Openen in browser</source>
        <translation>↗ Open in browser</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="289"/>
        <source>Open het artikel in de webbrowser (o)</source>
        <translation>Open the article in the web browser (o)</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="290"/>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="291"/>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="292"/>
        <source>Tag toevoegen…</source>
        <translation>Add tag…</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="293"/>
        <source>Wat betekent dit voor Brabant?</source>
        <translation>What does this mean for Brabant?</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="295"/>
        <source>Schrijf hier wat dit signaal betekent voor Brabant (Ctrl+Enter bewaart).</source>
        <translation>Write here what this signal means for Brabant (Ctrl+Enter saves).</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="296"/>
        <source>Bewaren</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="297"/>
        <source>Vergelijkbare berichten</source>
        <translation>Similar items</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="323"/>
        <source>Kies links een bericht om het hier te lezen. Met j en k loop je door de lijst.</source>
        <translation>Select an item on the left to read it here. Use j and k to move through the list.</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="391"/>
        <source>datum onbekend, opgehaald op deze dag</source>
        <translation>date unknown, fetched on this day</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="393"/>
        <source>voorbeelddata (fictief)</source>
        <translation>example data (fictional)</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="395"/>
        <source>volledige tekst kon niet worden opgehaald; samenvatting getoond</source>
        <translation>full text could not be fetched; showing summary</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="427"/>
        <source>+ Thema</source>
        <translation>+ Theme</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="445"/>
        <source>Tag verwijderen</source>
        <translation>Remove tag</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="478"/>
        <source>(nog geen vergelijkbare berichten gevonden)</source>
        <translation>(no similar items found yet)</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="477"/>
        <source>(het taalmodel wordt nog geladen)</source>
        <translation>(the language model is still loading)</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="269"/>
        <source>Notitie en vergelijkbare berichten</source>
        <translation>Note and similar items</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="277"/>
        <source>★ Ster uit</source>
        <translation>★ Unstar</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="277"/>
        <source>☆ Ster</source>
        <translation>☆ Star</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="278"/>
        <source>Ster aan of uit (s)</source>
        <translation>Star on or off (s)</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="279"/>
        <source>✗ Ruis</source>
        <translation>✗ Noise</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="280"/>
        <source>Afwijzen als ruis en door naar het volgende bericht (d)</source>
        <translation>Dismiss as noise and go to the next item (d)</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="282"/>
        <source>Markeren als gelezen</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="282"/>
        <source>Markeren als ongelezen</source>
        <translation>Mark as unread</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="283"/>
        <source>Gelezen of ongelezen (m)</source>
        <translation>Read or unread (m)</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="361"/>
        <source>Waarom hier: %1</source>
        <translation>Why here: %1</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="380"/>
        <source>Notitie van %1</source>
        <translation>Note by %1</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="424"/>
        <source>bevestigd door</source>
        <translation>confirmed by</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="424"/>
        <source>toegekend door</source>
        <translation>assigned by</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="484"/>
        <source>✓ In weekoverzicht %1</source>
        <translation>✓ In weekly digest %1</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="486"/>
        <source>+ Aan weekoverzicht toevoegen</source>
        <translation>+ Add to weekly digest</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="487"/>
        <source>Voeg dit signaal toe aan het overzicht van deze week (Ctrl+D)</source>
        <translation>Add this signal to this week&apos;s digest (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="567"/>
        <source>Niet bewaard…</source>
        <translation>Not saved…</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="581"/>
        <source>Bewaard</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="596"/>
        <source>%1 wijzigde deze notitie intussen. Beide teksten staan hieronder: voeg ze samen en bewaar.</source>
        <translation>%1 changed this note meanwhile. Both texts are below: merge them and save.</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="597"/>
        <source>Iemand</source>
        <translation>Someone</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="600"/>
        <source>Server niet bereikbaar: notitie op deze computer bewaard, wordt opgeslagen zodra de server terug is.</source>
        <translation>Server unreachable: note kept on this computer, saved as soon as the server is back.</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="624"/>
        <source>Let op: dit bericht stond al in een verzonden overzicht (%1).</source>
        <translation>Note: this item was already in a sent digest (%1).</translation>
    </message>
    <message>
        <location filename="../views/reader.py" line="627"/>
        <source>Toegevoegd aan weekoverzicht %1.</source>
        <translation>Added to weekly digest %1.</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../views/search_bar.py" line="137"/>
        <source>Zoek in alle bronnen…  (/)</source>
        <translation>Search all sources…  (/)</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="138"/>
        <source>× Filters wissen</source>
        <translation>× Clear filters</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="139"/>
        <source>Alle filters wissen</source>
        <translation>Clear all filters</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="140"/>
        <source>Bewaren</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="141"/>
        <source>Deze zoekopdracht met filters bewaren in de zijbalk</source>
        <translation>Save this search with its filters in the sidebar</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="146"/>
        <source>hybride</source>
        <translation>hybrid</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="146"/>
        <source>trefwoorden</source>
        <translation>keywords</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="146"/>
        <source>betekenis</source>
        <translation>meaning</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="147"/>
        <source>Zoeken: %1</source>
        <translation>Search: %1</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="150"/>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="152"/>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="153"/>
        <source>Alles</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="153"/>
        <source>Deze week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="153"/>
        <source>Afgelopen 4 weken</source>
        <translation>Last 4 weeks</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="154"/>
        <source>Afgelopen 3 maanden</source>
        <translation>Last 3 months</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="154"/>
        <source>Afgelopen jaar</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="156"/>
        <source>Week %1</source>
        <translation>Week %1</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="157"/>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="157"/>
        <source>Periode: %1</source>
        <translation>Period: %1</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="159"/>
        <source>Nederlands</source>
        <translation>Dutch</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="159"/>
        <source>Engels</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="159"/>
        <source>Pools</source>
        <translation>Polish</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="160"/>
        <source>Roemeens</source>
        <translation>Romanian</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="161"/>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="162"/>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="162"/>
        <source>Gelezen</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="162"/>
        <source>Met ster</source>
        <translation>Starred</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="163"/>
        <source>Afgewezen</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../views/search_bar.py" line="164"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../views/settings_view.py" line="199"/>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="200"/>
        <source>Back-ups en herstel</source>
        <translation>Backups and repair</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="201"/>
        <source>Wekelijkse back-up bewaren (weken, 0 = uit)</source>
        <translation>Keep weekly backups (weeks, 0 = off)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="202"/>
        <source>Nu een back-up maken…</source>
        <translation>Make a backup now…</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="203"/>
        <location filename="../views/settings_view.py" line="332"/>
        <source>Back-up terugzetten…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="204"/>
        <source>Controleren en herstellen</source>
        <translation>Check and repair</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="205"/>
        <source>Controleert de gegevens en de zoekindexen en herstelt wat kan; je notities, tags en weekoverzichten blijven onaangeroerd.</source>
        <translation>Checks the data and the search indexes and repairs what it can; your notes, tags and weekly digests are left untouched.</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="207"/>
        <source>Gegevens</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="208"/>
        <source>Map op deze computer (logbestand)</source>
        <translation>Folder on this computer (log file)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="209"/>
        <source>Map met alle gegevens</source>
        <translation>Folder containing all data</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="210"/>
        <source>Map openen</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="211"/>
        <source>Andere map kiezen…</source>
        <translation>Choose another folder…</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="212"/>
        <source>Logbestand (voor ondersteuning)</source>
        <translation>Log file (for support)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="213"/>
        <source>Taalmodel (zoeken op betekenis, themavoorstellen)</source>
        <translation>Language model (search by meaning, theme suggestions)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="214"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="218"/>
        <source>USE meertalig (standaard, goed voor Nederlands)</source>
        <translation>USE multilingual (default, good for Dutch)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="219"/>
        <source>all-MiniLM-L6-v2 (meegeleverd, alleen Engels)</source>
        <translation>all-MiniLM-L6-v2 (bundled, English only)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="220"/>
        <source>Ander sentence-transformers-model…</source>
        <translation>Other sentence-transformers model…</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="223"/>
        <source>naam of map, bv. intfloat/multilingual-e5-small</source>
        <translation>name or folder, e.g. intfloat/multilingual-e5-small</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="224"/>
        <source>Dit model gebruiken</source>
        <translation>Use this model</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="226"/>
        <source>Talen: het standaardmodel begrijpt onder meer Nederlands, Engels en Pools, maar geen Roemeens of Bulgaars: berichten in die talen vind je dan niet met een Nederlandse zoekvraag, wel met zoekwoorden in hun eigen taal. Wie een model kan installeren dat ze wel kent, kiest hierboven ‘Ander sentence-transformers-model…’, bijvoorbeeld intfloat/multilingual-e5-small.</source>
        <translation>Languages: the default model understands Dutch, English and Polish among others, but not Romanian or Bulgarian: items in those languages are then not found with a Dutch query, only with search words in their own language. If you can install a model that knows them, choose ‘Other sentence-transformers model…’ above, for example intfloat/multilingual-e5-small.</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="230"/>
        <source>Horizonscan leest dan alle berichten opnieuw met het gekozen model; dat kan even duren, en je kunt intussen doorwerken.</source>
        <translation>Horizonscan then reads every item again with the chosen model; that can take a while, and you can keep working meanwhile.</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="232"/>
        <source>Scannen</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="233"/>
        <source>Automatisch scannen elke (minuten, 0 = uit)</source>
        <translation>Scan automatically every (minutes, 0 = off)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="234"/>
        <source>Meldingen per dag (hoogstens)</source>
        <translation>Alerts per day (at most)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="235"/>
        <source>Volledige artikeltekst ophalen als een feed alleen een samenvatting geeft</source>
        <translation>Fetch full article text when a feed only provides a summary</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="236"/>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="237"/>
        <source>Taal van Horizonscan</source>
        <translation>Horizonscan language</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="253"/>
        <source>In gebruik: %1</source>
        <translation>In use: %1</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="254"/>
        <source> (het model van het hele team: IT kiest het met ‘horizonscan team init --model’)</source>
        <translation> (the whole team&apos;s model: IT chooses it with ‘horizonscan team init --model’)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="275"/>
        <source>Nog geen automatische back-up; de eerste komt bij de volgende start of scan.</source>
        <translation>No automatic backup yet; the first is made at the next start or scan.</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="279"/>
        <source>Laatste automatische back-up: %1 (%2 MB), %3 bewaard in %4</source>
        <translation>Latest automatic backup: %1 (%2 MB), %3 kept in %4</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="294"/>
        <source>Back-up opslaan</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="295"/>
        <location filename="../views/settings_view.py" line="315"/>
        <source>Back-up (*.zip)</source>
        <translation>Backup (*.zip)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="300"/>
        <source>Back-up maken…</source>
        <translation>Making a backup…</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="305"/>
        <source>Back-up opgeslagen: %1 (%2 berichten).</source>
        <translation>Backup saved: %1 (%2 items).</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="315"/>
        <location filename="../views/settings_view.py" line="325"/>
        <source>Back-up terugzetten</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="326"/>
        <source>De gegevens worden vervangen door de back-up van %1 (%2 berichten). De huidige gegevens blijven ernaast bewaard. Horizonscan start daarna opnieuw. Doorgaan?</source>
        <translation>The data will be replaced by the backup of %1 (%2 items). The current data is kept beside it. Horizonscan then starts again. Continue?</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="343"/>
        <source>Controleren…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="354"/>
        <source>Gegevens controleren…</source>
        <translation>Checking the data…</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="391"/>
        <source>Ander taalmodel</source>
        <translation>Different language model</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="392"/>
        <source>Alle %1 berichten worden opnieuw ingebed met dit model. Dat kan even duren; je kunt intussen doorwerken (zoeken op trefwoord blijft werken). Doorgaan?</source>
        <translation>All %1 items will be re-embedded with this model. This may take a while; you can keep working in the meantime (keyword search keeps working). Continue?</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="396"/>
        <source>Bezig met overschakelen naar %1…</source>
        <translation>Switching to %1…</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="399"/>
        <source>Map voor de gegevens</source>
        <translation>Folder for the data</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="402"/>
        <source>Andere gegevensmap</source>
        <translation>Different data folder</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="403"/>
        <source>Horizonscan start opnieuw met de map %1. De huidige map blijft zoals hij is. Doorgaan?</source>
        <translation>Horizonscan will restart with the folder %1. The current folder will be left as it is. Continue?</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="420"/>
        <source>Vrije ruimte op de schijf</source>
        <translation>Free space on the disk</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="421"/>
        <source>Gegevensbestand</source>
        <translation>Data file</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="422"/>
        <source>Index voor zoeken op trefwoord</source>
        <translation>Index for keyword search</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="423"/>
        <source>Berichten ingelezen door het taalmodel</source>
        <translation>Items read by the language model</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="424"/>
        <source>Index voor zoeken op betekenis</source>
        <translation>Index for search by meaning</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="425"/>
        <source>Verhalen, regels, volglijst en voorstellen</source>
        <translation>Stories, rules, watchlist and suggestions</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="426"/>
        <source>Afgebroken scans</source>
        <translation>Interrupted scans</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="429"/>
        <source>in orde</source>
        <translation>fine</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="430"/>
        <source>hersteld</source>
        <translation>repaired</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="431"/>
        <source>probleem</source>
        <translation>problem</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../views/sidebar.py" line="110"/>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="111"/>
        <source>Met ster</source>
        <translation>Starred</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="112"/>
        <source>Weekoverzicht</source>
        <translation>Weekly digest</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="113"/>
        <source>THEMA&apos;S</source>
        <translation>THEMES</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="120"/>
        <source>ZOEKOPDRACHTEN</source>
        <translation>SAVED SEARCHES</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="124"/>
        <source>VOLGLIJST</source>
        <translation>WATCHLIST</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="129"/>
        <source>%1 berichten noemen %2; %3 daarvan zijn nieuw</source>
        <translation>%1 items mention %2; %3 of them are new</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="131"/>
        <source>Volglijst beheren…</source>
        <translation>Manage watchlist…</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="134"/>
        <source>WEEKOVERZICHTEN</source>
        <translation>DIGESTS</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="140"/>
        <source>BRONNEN</source>
        <translation>SOURCES</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="144"/>
        <source>⚠ %1 bronnen werken niet</source>
        <translation>⚠ %1 sources are failing</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="150"/>
        <source>Alle %1 bronnen</source>
        <translation>All %1 sources</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="155"/>
        <source> (gepauzeerd)</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="160"/>
        <source>Bronnen beheren…</source>
        <translation>Manage sources…</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="161"/>
        <source>HORIZONSCAN</source>
        <translation>HORIZON SCANNING</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="162"/>
        <source>Meldingen</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="164"/>
        <source>Signaalkaarten</source>
        <translation>Signal cards</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="165"/>
        <source>Radar en matrix</source>
        <translation>Radar and matrix</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="166"/>
        <source>OVERZICHT</source>
        <translation>OVERVIEW</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="167"/>
        <source>Trends</source>
        <translation>Trends</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="168"/>
        <source>Thema&apos;s en regels</source>
        <translation>Themes and rules</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="169"/>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="170"/>
        <source>Hulp en sneltoetsen</source>
        <translation>Help and shortcuts</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="200"/>
        <source>%1 nieuwe verhalen (een verhaal uit meerdere bronnen telt één keer)</source>
        <translation>%1 new stories (a story from several outlets counts once)</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="243"/>
        <source>Zoekopdracht verwijderen</source>
        <translation>Delete saved search</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <location filename="../views/sources_view.py" line="68"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="68"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="68"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="68"/>
        <source>Laatst gelukt</source>
        <translation>Last success</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="69"/>
        <source>Laatste fout</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="69"/>
        <source>Berichten</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="69"/>
        <source>Volgende scan</source>
        <translation>Next scan</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="77"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="77"/>
        <source>Zoekopdracht</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="77"/>
        <source>Webpagina</source>
        <translation>Web page</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="78"/>
        <source>Indicator (CBS)</source>
        <translation>Indicator (CBS)</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="79"/>
        <source>✓ in orde</source>
        <translation>✓ OK</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="79"/>
        <source>✓ ongewijzigd</source>
        <translation>✓ unchanged</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="80"/>
        <source>⚠ mislukt</source>
        <translation>⚠ failed</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="80"/>
        <source>nog niet opgehaald</source>
        <translation>not fetched yet</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="82"/>
        <source> (gepauzeerd)</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="85"/>
        <source>nooit</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="89"/>
        <source>%1 (+%2 overgeslagen)</source>
        <translation>%1 (+%2 skipped)</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="90"/>
        <source>bij de volgende scan</source>
        <translation>at the next scan</translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message>
        <location filename="../views/sources_view.py" line="240"/>
        <source>Bronnen</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="242"/>
        <source>Adres van een feed of website, of zoekwoorden voor een nieuwszoekopdracht</source>
        <translation>Address of a feed or website, or keywords for a news search</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="245"/>
        <source>Feed of website</source>
        <translation>Feed or website</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="246"/>
        <source>Nieuwszoekopdracht</source>
        <translation>News search</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="247"/>
        <source>Webpagina zonder feed</source>
        <translation>Web page without feed</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="248"/>
        <source>Indicator van het CBS…</source>
        <translation>CBS indicator…</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="250"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="251"/>
        <source>OPML importeren…</source>
        <translation>Import OPML…</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="252"/>
        <source>OPML exporteren…</source>
        <translation>Export OPML…</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="253"/>
        <source>Standaardbronnen toevoegen</source>
        <translation>Add default sources</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="254"/>
        <source>Bronnen controleren</source>
        <translation>Check sources</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="256"/>
        <source>Probeert elke bron één keer (er wordt niets bewaard) en zegt welke werken, verhuisd zijn (het nieuwe adres wordt overgenomen), niet meer bestaan of geen feed zijn.</source>
        <translation>Tries every source once (nothing is stored) and says which work, which moved (the new address is taken), which are gone and which are not a feed.</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="258"/>
        <source>Pauzeren / hervatten</source>
        <translation>Pause / resume</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="259"/>
        <source>Verwijderen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="260"/>
        <source>Bron bewerken</source>
        <translation>Edit source</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="261"/>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="261"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="261"/>
        <source>Map</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="262"/>
        <source>Volledige tekst</source>
        <translation>Full text</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="262"/>
        <source>Onderwerpfilter</source>
        <translation>Topic filter</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="263"/>
        <source>CSS-selector (webpagina)</source>
        <translation>CSS selector (web page)</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="264"/>
        <source>Elke (minuten)</source>
        <translation>Every (minutes)</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="266"/>
        <source>artikelen volledig ophalen als de feed alleen een samenvatting geeft</source>
        <translation>fetch full articles when the feed only provides a summary</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="267"/>
        <source>alleen berichten over arbeidsmigratie bewaren (voor algemene nieuwsfeeds)</source>
        <translation>keep only items about labour migration (for general news feeds)</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="269"/>
        <source>Een bericht blijft als een regel, een organisatie op de volglijst of een thema het wil, of als het meer lijkt op de voorbeelden van de thema&apos;s dan op ander nieuws; de rest wordt overgeslagen en per bron geteld. Zet je het filter uit, dan komen overgeslagen berichten bij de volgende scan alsnog binnen zolang de feed ze nog heeft.</source>
        <translation>An item stays when a rule, an organisation on the watchlist or a theme wants it, or when it is closer to the themes&apos; examples than to other news; the rest is skipped and counted per source. Switch the filter off and skipped items come in with the next scan while the feed still carries them.</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="273"/>
        <source>Wijzigingen bewaren</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="275"/>
        <source>Nog geen bronnen om te scannen. Berichten die je importeerde of de voorbeeldberichten komen uit een bestand, niet uit een bron. Voeg hierboven het adres van een feed of website toe, importeer een OPML-bestand, of kies ‘Standaardbronnen toevoegen’: de feeds van de provincie, het Rijk, de Arbeidsinspectie en de regionale media.</source>
        <translation>No sources to scan yet. Items you imported and the example items come from a file, not from a source. Add the address of a feed or website above, import an OPML file, or choose ‘Add default sources’: the feeds of the province, the national government, the Labour Inspectorate and the regional media.</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="312"/>
        <source>Gekozen bronnen scannen</source>
        <translation>Scan chosen sources</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="312"/>
        <source>Alle bronnen scannen</source>
        <translation>Scan all sources</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="314"/>
        <source>%1 gekozen</source>
        <translation>%1 chosen</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="315"/>
        <source>Kies een bron om hem te bewerken (Ctrl of Shift voor meer).</source>
        <translation>Choose a source to edit it (Ctrl or Shift for more).</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="337"/>
        <source>Onderwerpfilter: %1 berichten bewaard, %2 buiten het onderwerp overgeslagen.</source>
        <translation>Topic filter: %1 items kept, %2 off-topic items skipped.</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="341"/>
        <source>CBS-tabel %1, maat %2%3. Elke dag wordt gekeken of er een nieuwe publicatie is; een nieuwe periode die %4 % of meer verschilt met de vorige komt in Nieuw.</source>
        <translation>CBS table %1, measure %2%3. Checked every day for a new release; a new period that differs %4 % or more from the previous one appears in New.</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="366"/>
        <source>Indicator toegevoegd: %1. De reeks wordt bij de volgende scan opgehaald.</source>
        <translation>Indicator added: %1. The series is fetched with the next scan.</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="386"/>
        <source>Toegevoegd: %1</source>
        <translation>Added: %1</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="388"/>
        <source>Deze bron stond er al: %1</source>
        <translation>This source was already added: %1</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="390"/>
        <source>De site heeft nog meer feeds: %1</source>
        <translation>The site has more feeds: %1</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="400"/>
        <source>Bezig met controleren van %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="405"/>
        <source>OPML importeren</source>
        <translation>Import OPML</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="406"/>
        <source>OPML-bestanden (*.opml *.xml);;Alle bestanden (*)</source>
        <translation>OPML files (*.opml *.xml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="411"/>
        <source>OPML exporteren</source>
        <translation>Export OPML</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="412"/>
        <source>OPML-bestanden (*.opml)</source>
        <translation>OPML files (*.opml)</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="437"/>
        <source>Bronnen verwijderen</source>
        <translation>Remove sources</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="438"/>
        <source>%1 verwijderen? De berichten die al binnen zijn blijven bewaard, met je thema&apos;s en notities.</source>
        <translation>Remove %1? Items already fetched will be kept, along with your themes and notes.</translation>
    </message>
    <message>
        <location filename="../views/sources_view.py" line="448"/>
        <source>Verwijderd; %1 berichten blijven bewaard.</source>
        <translation>Removed; %1 items kept.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../views/status_panel.py" line="49"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../views/status_panel.py" line="75"/>
        <source>Annuleren… (wat al binnen is, blijft bewaard)</source>
        <translation>Cancelling… (anything already fetched is kept)</translation>
    </message>
    <message>
        <location filename="../views/status_panel.py" line="98"/>
        <source>USE meertalig (standaard)</source>
        <translation>USE multilingual (default)</translation>
    </message>
    <message>
        <location filename="../views/status_panel.py" line="99"/>
        <source>Taalmodel laden…</source>
        <translation>Loading language model…</translation>
    </message>
    <message>
        <location filename="../views/status_panel.py" line="99"/>
        <source>Model: %1 ✓</source>
        <translation>Model: %1 ✓</translation>
    </message>
    <message>
        <location filename="../views/status_panel.py" line="100"/>
        <source>Taalmodel niet beschikbaar: zoeken op trefwoord werkt</source>
        <translation>Language model unavailable: keyword search works</translation>
    </message>
</context>
<context>
    <name>TeamBox</name>
    <message>
        <location filename="../views/team_box.py" line="66"/>
        <source>Samenwerken (teamserver)</source>
        <translation>Working together (team server)</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="67"/>
        <source>Adres van de teamserver</source>
        <translation>Team server address</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="69"/>
        <source>Het adres krijg je van IT. Zet er geen wachtwoord in: dat staat in je pgpass-bestand. In teammodus delen jij en je collega&apos;s berichten, thema&apos;s, notities en weekoverzichten; gelezen, ster en instellingen blijven van jou.</source>
        <translation>IT gives you the address. Do not put a password in it: that is in your pgpass file. In team mode you and your colleagues share items, themes, notes and digests; read, starred and settings stay your own.</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="72"/>
        <source>Verbinding testen</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="73"/>
        <location filename="../views/team_box.py" line="123"/>
        <source>Teamserver gebruiken</source>
        <translation>Use team server</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="74"/>
        <location filename="../views/team_box.py" line="131"/>
        <source>Lokaal werken</source>
        <translation>Work locally</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="76"/>
        <source>Teammodus: verbonden met %1 als %2.</source>
        <translation>Team mode: connected to %1 as %2.</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="79"/>
        <source>Deze computer werkt lokaal, met de gegevensmap hierboven.</source>
        <translation>This computer works locally, with the data folder above.</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="92"/>
        <source>Zet geen wachtwoord in het adres: Horizonscan bewaart het adres in een gewoon bestand. IT zet het wachtwoord in je pgpass-bestand.</source>
        <translation>Do not put a password in the address: Horizonscan keeps the address in an ordinary file. IT puts the password in your pgpass file.</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="124"/>
        <source>Horizonscan start opnieuw en werkt dan met de teamserver. Je lokale gegevensmap blijft zoals hij is (IT kan die met ‘horizonscan team push’ naar de teamserver overzetten). Doorgaan?</source>
        <translation>Horizonscan restarts and then works with the team server. Your local data folder stays as it is (IT can move it to the team server with ‘horizonscan team push’). Continue?</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="101"/>
        <source>Verbinding testen…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="107"/>
        <source>De server antwoordt (PostgreSQL %1), maar de teamdatabase is nog niet ingericht. Vraag IT ‘horizonscan team init’ uit te voeren.</source>
        <translation>The server answers (PostgreSQL %1), but the team database has not been set up yet. Ask IT to run ‘horizonscan team init’.</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="113"/>
        <source>laatste teamscan %1</source>
        <translation>last team scan %1</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="114"/>
        <source>nog geen teamscan</source>
        <translation>no team scan yet</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="115"/>
        <source>In orde: PostgreSQL %1, %2 berichten, %3 personen, %4.</source>
        <translation>All good: PostgreSQL %1, %2 items, %3 people, %4.</translation>
    </message>
    <message>
        <location filename="../views/team_box.py" line="132"/>
        <source>Horizonscan start opnieuw en werkt dan met de gegevensmap op deze computer, zonder de teamserver. Doorgaan?</source>
        <translation>Horizonscan restarts and then works with the data folder on this computer, without the team server. Continue?</translation>
    </message>
</context>
<context>
    <name>ThemesView</name>
    <message>
        <location filename="../views/themes_view.py" line="174"/>
        <source>Thema&apos;s en regels</source>
        <translation>Themes and rules</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="176"/>
        <source>Thema&apos;s ordenen de signalen integraal. De beschrijving is ook waarmee Horizonscan nieuwe berichten vergelijkt om thema&apos;s voor te stellen; elke bevestiging maakt de voorstellen beter. Regels geven een thema automatisch; wat jij verwijdert, komt nooit terug.</source>
        <translation>Themes organise the signals across the board. The description is also what Horizonscan compares new items with to suggest themes; every confirmation improves the suggestions. Rules assign a theme automatically; anything you remove never comes back.</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="179"/>
        <source>sleutel, bv. onderwijs</source>
        <translation>key, e.g. education</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="180"/>
        <source>naam, bv. Onderwijs en taal</source>
        <translation>name, e.g. Education and language</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="181"/>
        <source>Thema toevoegen</source>
        <translation>Add theme</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="182"/>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="183"/>
        <source>Naam (NL)</source>
        <translation>Name (NL)</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="183"/>
        <source>Naam (EN)</source>
        <translation>Name (EN)</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="184"/>
        <source>Beschrijving (NL)</source>
        <translation>Description (NL)</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="184"/>
        <source>Beschrijving (EN)</source>
        <translation>Description (EN)</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="187"/>
        <source>Bewaren</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="188"/>
        <source>Samenvoegen met:</source>
        <translation>Merge into:</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="189"/>
        <source>Samenvoegen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="190"/>
        <source>De volgorde bepaalt de zijbalk en de cijfertoetsen 1-8.</source>
        <translation>The order decides the sidebar and the number keys 1-8.</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="191"/>
        <source>Thema een plaats omhoog</source>
        <translation>Move the theme up one place</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="192"/>
        <source>Thema een plaats omlaag</source>
        <translation>Move the theme down one place</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="193"/>
        <source>Verwijderen…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="194"/>
        <source>Regels voor dit thema</source>
        <translation>Rules for this theme</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="195"/>
        <source>een van de woorden</source>
        <translation>any of the words</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="195"/>
        <source>alle woorden</source>
        <translation>all words</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="196"/>
        <source>precies deze woordgroep</source>
        <translation>exactly this phrase</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="196"/>
        <source>reguliere expressie</source>
        <translation>regular expression</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="197"/>
        <source>ongeveer (tikfouten)</source>
        <translation>approximate (typos)</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="202"/>
        <source>titel en tekst</source>
        <translation>title and text</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="202"/>
        <source>alleen titel</source>
        <translation>title only</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="203"/>
        <source>alleen tekst</source>
        <translation>text only</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="205"/>
        <source>woorden, bv. short-stay logies &quot;mid stay&quot;</source>
        <translation>words, e.g. short-stay lodgings &quot;mid stay&quot;</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="206"/>
        <source>Testen</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="207"/>
        <source>Regel bewaren</source>
        <translation>Save rule</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="208"/>
        <source>Regel verwijderen</source>
        <translation>Delete rule</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="209"/>
        <source>Alle regels toepassen op alle berichten</source>
        <translation>Apply all rules to all items</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="228"/>
        <source>%1 berichten met dit thema, ook gelezen en ouder (sleutel: %2)</source>
        <translation>%1 items with this theme, read and older ones included (key: %2)</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="281"/>
        <source>(nog geen regels)</source>
        <translation>(no rules yet)</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="301"/>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="308"/>
        <source>Thema %1 toegevoegd.</source>
        <translation>Theme %1 added.</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="327"/>
        <source>Thema bewaard.</source>
        <translation>Theme saved.</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="333"/>
        <source>Thema&apos;s samenvoegen</source>
        <translation>Merge themes</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="334"/>
        <source>Alle %1 berichten van %2 krijgen het thema %3, en %2 verdwijnt. Doorgaan?</source>
        <translation>All %1 items in %2 will be given the theme %3, and %2 will disappear. Continue?</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="339"/>
        <source>Samengevoegd: %1 berichten verplaatst.</source>
        <translation>Merged: %1 items moved.</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="347"/>
        <source>Thema verwijderen</source>
        <translation>Delete theme</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="348"/>
        <source>%1 verwijderen? %2 berichten verliezen dit thema (de berichten zelf blijven).</source>
        <translation>Delete %1? %2 items will lose this theme (the items themselves remain).</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="352"/>
        <source>Thema verwijderd; %1 berichten verloren het.</source>
        <translation>Theme deleted; %1 items lost it.</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="368"/>
        <source>Deze regel past op %1 van %2 berichten (%3 hebben het thema al).</source>
        <translation>This rule matches %1 of %2 items (%3 already have the theme).</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="390"/>
        <source>Regel #%1 bewaard; toegepast op %2 nieuwe berichten. Oudere berichten: gebruik ‘Alle regels toepassen’.</source>
        <translation>Rule #%1 saved; applied to %2 new items. For older items: use ‘Apply all rules’.</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="402"/>
        <source>Regel verwijderd; thema&apos;s die hij gaf blijven staan.</source>
        <translation>Rule deleted; themes it assigned remain in place.</translation>
    </message>
    <message>
        <location filename="../views/themes_view.py" line="407"/>
        <source>Regels toegepast: %1 treffers (verwijderde thema&apos;s blijven weg).</source>
        <translation>Rules applied: %1 matches (deleted themes stay removed).</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../views/trends_view.py" line="177"/>
        <source>Trends</source>
        <translation>Trends</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="178"/>
        <source>Weken:</source>
        <translation>Weeks:</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="179"/>
        <source>Vink thema&apos;s of namen aan om ze in één grafiek te vergelijken, en een indicator om de cijfers ernaast te zien.</source>
        <translation>Tick themes or names to compare them in one chart, and an indicator to see its figures beside them.</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="182"/>
        <source>Een week is een piek (rood) als er minstens 3 berichten zijn, twee keer zoveel als het gemiddelde van de 8 weken ervoor en duidelijk daarboven. Een verhaal uit meerdere bronnen telt één keer. Klik op een balk om de berichten van die week te zien.</source>
        <translation>A week is a spike (red) if it has at least 3 items, twice as many as the average of the previous 8 weeks and clearly above it. A story from multiple sources counts once. Click a bar to see that week&apos;s items.</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="206"/>
        <source>Volglijst: %1</source>
        <translation>Watchlist: %1</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="209"/>
        <source>%1: %2 verhalen in de laatste %3 weken</source>
        <translation>%1: %2 stories in the last %3 weeks</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="221"/>
        <source>gemiddeld %1</source>
        <translation>average %1</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="223"/>
        <source>Pieken (rood in de grafiek): %1</source>
        <translation>Spikes (red in the chart): %1</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="231"/>
        <source>Indicator %1: tabel %2 van het CBS</source>
        <translation>Indicator %1: CBS table %2</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="243"/>
        <source>Indicator: %1 (nog geen cijfers)</source>
        <translation>Indicator: %1 (no figures yet)</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="247"/>
        <source>Indicator: %1 (%2)</source>
        <translation>Indicator: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="307"/>
        <source>Vergelijking per week</source>
        <translation>Comparison per week</translation>
    </message>
    <message>
        <location filename="../views/trends_view.py" line="224"/>
        <source>Geen pieken in deze periode.</source>
        <translation>No spikes in this period.</translation>
    </message>
</context>
<context>
    <name>WatchlistView</name>
    <message>
        <location filename="../views/watchlist_view.py" line="111"/>
        <location filename="../views/watchlist_view.py" line="199"/>
        <source>Volglijst</source>
        <translation>Watchlist</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="112"/>
        <source>Naam, bv. FlexPlus Uitzendgroep</source>
        <translation>Name, e.g. FlexPlus Uitzendgroep</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="113"/>
        <source>Andere namen, gescheiden door komma&apos;s</source>
        <translation>Other names, separated by commas</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="114"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="115"/>
        <source>Van de volglijst halen</source>
        <translation>Remove from watchlist</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="116"/>
        <source>uitzendbureau</source>
        <translation>staffing agency</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="116"/>
        <source>huisvester</source>
        <translation>housing provider</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="116"/>
        <source>bedrijf</source>
        <translation>company</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="117"/>
        <source>overheid</source>
        <translation>government</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="117"/>
        <source>branche/keurmerk</source>
        <translation>sector/quality mark</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="117"/>
        <source>vakbond</source>
        <translation>trade union</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="118"/>
        <source>gemeente</source>
        <translation>municipality</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="118"/>
        <source>herkomstland</source>
        <translation>country of origin</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="118"/>
        <source>overig</source>
        <translation>other</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="125"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="125"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="125"/>
        <source>Berichten</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="138"/>
        <source>Ook bekend als: %1</source>
        <translation>Also known as: %1</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="179"/>
        <source>(nog geen berichten die deze naam noemen)</source>
        <translation>(no items mentioning this name yet)</translation>
    </message>
    <message>
        <location filename="../views/watchlist_view.py" line="189"/>
        <source>%1 staat op de volglijst; genoemd in %2 berichten.</source>
        <translation>%1 is on the watchlist; mentioned in %2 items.</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../views/welcome_view.py" line="59"/>
        <source>Welkom bij Horizonscan</source>
        <translation>Welcome to Horizonscan</translation>
    </message>
    <message>
        <location filename="../views/welcome_view.py" line="61"/>
        <source>Horizonscan volgt het nieuws over arbeidsmigratie in Brabant: het haalt berichten op uit je bronnen, ordent ze per thema en helpt je elke week een weekoverzicht te maken. Er staat nog niets in. Hoe wil je beginnen?</source>
        <translation>Horizonscan follows the news on labour migration in Brabant: it fetches items from your sources, orders them by theme and helps you write a digest every week. There is nothing in it yet. How would you like to start?</translation>
    </message>
    <message>
        <location filename="../views/welcome_view.py" line="64"/>
        <source>Begin: standaardbronnen toevoegen en nu scannen</source>
        <translation>Start: add the default sources and scan now</translation>
    </message>
    <message>
        <location filename="../views/welcome_view.py" line="65"/>
        <source>of</source>
        <translation>or</translation>
    </message>
    <message>
        <location filename="../views/welcome_view.py" line="66"/>
        <source>Voorbeelddata laden (150 fictieve berichten om te proberen)</source>
        <translation>Load example data (150 fictional items to try out)</translation>
    </message>
    <message>
        <location filename="../views/welcome_view.py" line="67"/>
        <source>Bronnen importeren uit een OPML-bestand…</source>
        <translation>Import sources from an OPML file…</translation>
    </message>
    <message>
        <location filename="../views/welcome_view.py" line="69"/>
        <source>Alles blijft op deze computer. Bronnen kun je later altijd toevoegen of weghalen onder Bronnen.</source>
        <translation>Everything stays on this computer. You can always add or remove sources later under Sources.</translation>
    </message>
    <message>
        <location filename="../views/welcome_view.py" line="75"/>
        <source>OPML importeren</source>
        <translation>Import OPML</translation>
    </message>
    <message>
        <location filename="../views/welcome_view.py" line="76"/>
        <source>OPML-bestanden (*.opml *.xml);;Alle bestanden (*)</source>
        <translation>OPML files (*.opml *.xml);;All files (*)</translation>
    </message>
</context>
<context>
    <name>Workflows</name>
    <message>
        <location filename="../workflows.py" line="27"/>
        <source>%1 nieuwe adressen zijn overgenomen.</source>
        <translation>%1 new addresses were taken.</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="31"/>
        <source>De rest werkt; deze bronnen vragen aandacht (ze blijven staan en worden later opnieuw geprobeerd):</source>
        <translation>The rest works; these sources need attention (they stay and are tried again later):</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="36"/>
        <source>… en %1 meer: zie de kolom Laatste fout.</source>
        <translation>… and %1 more: see the Last error column.</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="87"/>
        <source>Opnieuw inbedden: %1 van %2 berichten</source>
        <translation>Re-embedding: %1 of %2 items</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="93"/>
        <source>Overschakelen geannuleerd; wat al ingebed is, blijft bewaard.</source>
        <translation>Switching cancelled; what is embedded already is kept.</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="96"/>
        <source>Nieuw taalmodel in gebruik; %1 berichten opnieuw ingebed.</source>
        <translation>New language model in use; %1 items re-embedded.</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="107"/>
        <source>Er loopt al een scan.</source>
        <translation>A scan is running already.</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="112"/>
        <source>Scannen…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="113"/>
        <source>Scannen: %1/%2 bronnen · %3 nieuw</source>
        <translation>Scanning: %1/%2 sources · %3 new</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="120"/>
        <source>Scan klaar: %1 nieuwe berichten uit %2 bronnen</source>
        <translation>Scan done: %1 new items from %2 sources</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="123"/>
        <source>, %1 nieuwe verhalen</source>
        <translation>, %1 new stories</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="126"/>
        <source>. %1 bronnen mislukt (%2); zie Bronnen.</source>
        <translation>. %1 sources failed (%2); see Sources.</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="129"/>
        <source> (geannuleerd; wat binnen was, is bewaard)</source>
        <translation> (cancelled; what came in is kept)</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="131"/>
        <source> · %1 nieuwe meldingen (zie Meldingen)</source>
        <translation> · %1 new alerts (see Alerts)</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="145"/>
        <source>Voorbeelddata laden: %1 van %2</source>
        <translation>Loading example data: %1 of %2</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="151"/>
        <source>%1 voorbeeldberichten geladen (fictief, gemarkeerd als voorbeeld).</source>
        <translation>%1 example items loaded (fictional, marked as example).</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="160"/>
        <source>Regels toepassen…</source>
        <translation>Applying rules…</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="166"/>
        <source>Volglijst: berichten doorzoeken %1 van %2</source>
        <translation>Watchlist: searching items %1 of %2</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="184"/>
        <source>%1 standaardbronnen toegevoegd.</source>
        <translation>%1 default sources added.</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="201"/>
        <source>Bronnen controleren…</source>
        <translation>Checking sources…</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="202"/>
        <source>Bronnen controleren: %1/%2</source>
        <translation>Checking sources: %1/%2</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="221"/>
        <source>OPML: %1 bronnen toegevoegd, %2 waren er al, %3 overgeslagen.</source>
        <translation>OPML: %1 sources added, %2 were there already, %3 skipped.</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="225"/>
        <source>Overgeslagen (geen webadres): %1</source>
        <translation>Skipped (not a web address): %1</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="238"/>
        <source>Bronnen opgeslagen in %1</source>
        <translation>Sources saved in %1</translation>
    </message>
    <message>
        <location filename="../workflows.py" line="248"/>
        <source>%1 berichten toegevoegd aan weekoverzicht %2.</source>
        <translation>%1 items added to the digest of %2.</translation>
    </message>
</context>
</TS>
