"""What went wrong with a source, in words a civil servant understands (Dutch and English).

Errors are stored as a code plus parameters, so each user sees them in their own language.
"""

from __future__ import annotations

from datetime import datetime

from store.core.timeutil import local_now, to_local

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Dutch, English); {placeholders} come from the stored parameters
    "connect_timeout": ("De server reageerde niet binnen {seconds} s. Misschien is de site tijdelijk onbereikbaar.",
                        "The server did not respond within {seconds} s. The site may be down for a while."),
    "read_timeout": ("De server gaf geen antwoord binnen {seconds} s.",
                     "The server gave no answer within {seconds} s."),
    "deadline": ("Het ophalen duurde langer dan {seconds} s en is afgebroken.",
                 "Fetching took longer than {seconds} s and was stopped."),
    "dns": ("De site {host} is niet gevonden. Controleer het adres.",
            "The site {host} was not found. Check the address."),
    "connect_failed": ("Geen verbinding met {host} mogelijk. Controleer het adres of probeer het later opnieuw.",
                       "Could not connect to {host}. Check the address or try again later."),
    "ssl": ("De beveiligde verbinding met {host} klopt niet (certificaat). "
            "Neem contact op met de beheerder van de site.",
            "The secure connection to {host} failed (certificate). Contact the site's owner."),
    "too_many_redirects": ("De site stuurt steeds door naar een ander adres (meer dan {limit} keer). "
                           "Controleer het adres van de bron.",
                           "The site keeps redirecting (more than {limit} times). Check the source's address."),
    "not_found": ("Het adres bestaat niet (meer) op de server (fout 404). Zoek het nieuwe adres van de feed.",
                  "The address does not exist on the server (error 404). Look up the feed's new address."),
    "gone": ("De feed is opgeheven (fout 410). Verwijder de bron of zoek een vervanger.",
             "The feed has been removed (error 410). Remove the source or find a replacement."),
    "forbidden": ("De server weigert toegang (fout {status}). Mogelijk is een inlog of abonnement nodig.",
                  "The server refuses access (error {status}). A login or subscription may be needed."),
    "rate_limited": ("De server vraagt om minder vaak op te halen (fout 429). Horizonscan wacht zoals gevraagd.",
                     "The server asks to fetch less often (error 429). Horizonscan waits as asked."),
    "server_error": ("De server heeft een storing (fout {status}). Horizonscan probeert het later opnieuw.",
                     "The server has a problem (error {status}). Horizonscan will try again later."),
    "http_error": ("De server gaf een foutmelding (fout {status}).",
                   "The server returned an error (error {status})."),
    "too_large": ("Het antwoord is groter dan {limit_mb} MB (uitgepakt) en is niet verwerkt. "
                  "Controleer of dit adres echt een feed is.",
                  "The response is larger than {limit_mb} MB (unpacked) and was not processed. "
                  "Check that this address really is a feed."),
    "invalid_url": ("Het adres '{url}' is geen geldig webadres.",
                    "The address '{url}' is not a valid web address."),
    "unsafe_xml": ("De feed begint met beschadigde XML-declaraties (entiteiten) en is om veiligheidsredenen niet "
                   "gelezen. Meld het aan de beheerder van de feed.",
                   "The feed starts with damaged XML declarations (entities) and was not read, for safety. "
                   "Report it to the feed's owner."),
    "html_not_feed": ("Dit adres geeft een webpagina, geen feed.{found}",
                      "This address returns a web page, not a feed.{found}"),
    "indicator_withdrawn": ("CBS heeft tabel {table} uit de open data gehaald. De reeks tot nu toe blijft bewaard; "
                            "zoek op opendata.cbs.nl de tabel die hem opvolgt en voeg die toe.",
                            "CBS has withdrawn table {table} from its open data. The series so far is kept; look "
                            "up the table that follows it on opendata.cbs.nl and add that one."),
    "indicator_unknown": ("De open-data-dienst kent geen tabel {table}. Controleer het nummer op opendata.cbs.nl "
                          "(bijvoorbeeld 85000NED).",
                          "The open data service has no table {table}. Check the number on opendata.cbs.nl "
                          "(for example 85000NED)."),
    "indicator_changed": ("CBS heeft tabel {table} veranderd: {missing} bestaat niet meer (nu: {now}). De reeks tot "
                          "nu toe blijft bewaard; kies de maat en het filter opnieuw.",
                          "CBS changed table {table}: {missing} no longer exists (now: {now}). The series so far "
                          "is kept; choose the measure and filter again."),
    "indicator_stopped": ("CBS werkt tabel {table} niet meer bij (status Gestopt). Zoek de tabel die hem opvolgt.",
                          "CBS no longer updates table {table} (status stopped). Look for the table that "
                          "follows it."),
    "indicator_unreadable": ("Het antwoord voor tabel {table} is geen leesbare CBS-data. Controleer het adres van "
                             "de open-data-dienst (instelling cbs_odata_base).",
                             "The answer for table {table} is not readable CBS data. Check the address of the "
                             "open data service (setting cbs_odata_base)."),
    "indicator_empty": ("Tabel {table} gaf geen cijfers voor deze maat en dit filter. Controleer het filter.",
                        "Table {table} gave no figures for this measure and filter. Check the filter."),
    "not_a_feed": ("De inhoud is geen leesbare feed (RSS, Atom of JSON Feed).",
                   "The content is not a readable feed (RSS, Atom or JSON Feed)."),
    "no_links": ("Op de pagina zijn geen artikelen gevonden. Geef eventueel een CSS-selector voor de artikellinks op.",
                 "No articles were found on the page. You can give a CSS selector for the article links."),
    "blocked_host": ("{host} staat niet in de lijst van toegestane sites (instelling allowed_hosts).",
                     "{host} is not in the list of allowed sites (setting allowed_hosts)."),
    "internal_address": ("{host} is een adres in een intern netwerk (zoals een intranet of een router). Horizonscan "
                         "haalt daar alleen iets op voor bronnen die zelf in dat netwerk staan, of als de instelling "
                         "allow_private_hosts aan staat. Vraag uw beheerder als deze bron dat nodig heeft.",
                         "{host} is an address in an internal network (such as an intranet or a router). Horizonscan "
                         "only fetches from there for sources that are in that network themselves, or with the "
                         "setting allow_private_hosts switched on. Ask your administrator if this source needs it."),
    "unsupported_encoding": ("De server stuurt de gegevens ingepakt op een manier ({encoding}) die Horizonscan niet "
                             "kan uitpakken. Vraag de beheerder van de site de feed gewoon of met gzip aan te bieden.",
                             "The server sends the data packed in a way ({encoding}) that Horizonscan cannot unpack. "
                             "Ask the site's owner to offer the feed plain or with gzip."),
    "damaged_response": ("Het antwoord van {host} was beschadigd en kon niet worden uitgepakt. "
                         "Horizonscan probeert het later opnieuw.",
                         "The answer from {host} was damaged and could not be unpacked. "
                         "Horizonscan will try again later."),
    "articles_unreadable": ("Op de pagina staan {count} artikellinks, maar geen enkel artikel kon worden gelezen.",
                            "The page links to {count} articles, but none of them could be read."),
    "network": ("Netwerkfout bij het ophalen: {detail}.", "Network error while fetching: {detail}."),
    "internal": ("Onverwachte fout bij het verwerken ({detail}). Details staan in het logbestand.",
                 "Unexpected error while processing ({detail}). Details are in the log file."),
    # warnings: the fetch worked, but something is worth knowing
    "malformed_feed": ("De feed bevat fouten ({detail}); {entries} berichten konden toch worden gelezen.",
                       "The feed contains errors ({detail}); {entries} entries could still be read."),
    "empty_feed": ("De feed is leeg: er staan geen berichten in.", "The feed is empty: it has no entries."),
    "entities_removed": ("De feed bevatte XML-entiteiten die om veiligheidsredenen zijn genegeerd.",
                         "The feed contained XML entities that were ignored for safety."),
    "entries_repaired": ("De feed bevat beschadigde berichten: {repaired} zijn hersteld (onleesbare tekens of "
                         "datums; zonder datum geldt de ophaaltijd) en {skipped} zijn overgeslagen. De andere "
                         "berichten zijn gewoon gelezen.",
                         "The feed contains damaged entries: {repaired} were repaired (unreadable characters or "
                         "dates; without a date the fetch time counts) and {skipped} were skipped. The other "
                         "entries were read as usual."),
    "entries_deferred": ("De feed bevat veel nieuwe berichten: de nieuwste {read} zijn nu gelezen, de overige "
                         "{remaining} volgen bij de volgende scans.",
                         "The feed holds many new entries: the newest {read} were read now, the other "
                         "{remaining} follow in the next scans."),
    "fulltext_failed": ("Van {count} artikelen kon de volledige tekst niet worden opgehaald; later opnieuw.",
                        "The full text of {count} articles could not be fetched; will retry later."),
}

FEEDS_FOUND = (" Gevonden feeds: {feeds}. Voeg een daarvan toe.", " Feeds found: {feeds}. Add one of those.")


def describe(code: str | None, params: dict | None = None, language: str = "nl") -> str:
    """The message for an error or warning code, in Dutch ('nl') or English ('en')."""
    if not code:
        return ""
    params = dict(params or {})
    nl, en = MESSAGES.get(code, MESSAGES["internal"])
    english = language.startswith("en")
    if code == "html_not_feed":
        feeds = params.get("feeds") or []
        params["found"] = (FEEDS_FOUND[1] if english else FEEDS_FOUND[0]).format(feeds=", ".join(feeds[:3])) \
            if feeds else ""
    params.setdefault("detail", code)
    try:
        return (en if english else nl).format(**params)
    except (KeyError, IndexError, ValueError):
        return en if english else nl


def describe_next_try(when: datetime | None, language: str = "nl") -> str:
    """"Volgende poging om 14:30" (local time), or on another day with the date."""
    if when is None:
        return ""
    local = to_local(when)
    now = local_now()
    english = language.startswith("en")
    if local.date() == now.date():
        return f"Next attempt at {local:%H:%M}." if english else f"Volgende poging om {local:%H:%M}."
    return (f"Next attempt on {local:%d %b} at {local:%H:%M}." if english
            else f"Volgende poging op {local:%d-%m} om {local:%H:%M}.")
