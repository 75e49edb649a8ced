"""Store errors in the interface's language: the store words its errors for the command line (in
English); the window shows them in Dutch or English, saying what happened and what to do."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from store import BackupError
from store.core.errors import (
    DatabaseBusyError,
    DatabaseDamagedError,
    DataDirError,
    DiskFullError,
    EditConflictError,
    EmbedderError,
    ItemNotFoundError,
    QueryError,
    ReadOnlyDataError,
    StoreError,
    UnknownThemeError,
    VectorIndexError,
)

log = logging.getLogger(__name__)

# (pattern on the store's message, the message in the interface's language); %1.. are the pattern's groups
_KNOWN: list[tuple[str, object]] = [
    (r"The search has no words to look for",
     QT_TRANSLATE_NOOP("ErrorText", "De zoekopdracht heeft geen woorden om naar te zoeken (alleen operatoren, tekens of"
                                    " uitgesloten woorden). Voeg minstens één woord toe, bijvoorbeeld: huisvesting "
                                    "Tilburg.")),
    (r"Item (\d+) is not in this digest",
     QT_TRANSLATE_NOOP("ErrorText", "Bericht %1 staat niet (meer) in dit weekoverzicht. Ververs het overzicht en "
                                    "probeer het opnieuw.")),
    (r"This digest has no section '([^']*)'",
     QT_TRANSLATE_NOOP("ErrorText", "Dit weekoverzicht heeft geen onderdeel ‘%1’.")),
    (r"A digest needs a title",
     QT_TRANSLATE_NOOP("ErrorText", "Een weekoverzicht heeft een titel nodig.")),
    (r"No digest with id (\d+)",
     QT_TRANSLATE_NOOP("ErrorText", "Weekoverzicht %1 bestaat niet meer.")),
    (r"The digest's end date is before its start date",
     QT_TRANSLATE_NOOP("ErrorText", "De einddatum ligt vóór de begindatum.")),
    (r"A tag cannot be empty",
     QT_TRANSLATE_NOOP("ErrorText", "Een tag mag niet leeg zijn.")),
    (r"A tag can be at most (\d+) characters",
     QT_TRANSLATE_NOOP("ErrorText", "Een tag mag hoogstens %1 tekens lang zijn.")),
    (r"A saved search needs a name",
     QT_TRANSLATE_NOOP("ErrorText", "Een bewaarde zoekopdracht heeft een naam nodig.")),
    (r"A theme needs a label",
     QT_TRANSLATE_NOOP("ErrorText", "Een thema heeft een naam nodig (de naam die mensen zien).")),
    (r"There already is a theme '([^']*)'",
     QT_TRANSLATE_NOOP("ErrorText", "Er is al een thema ‘%1’.")),
    (r"The new label is empty",
     QT_TRANSLATE_NOOP("ErrorText", "De nieuwe naam is leeg.")),
    (r"A theme cannot be merged into itself",
     QT_TRANSLATE_NOOP("ErrorText", "Een thema kan niet met zichzelf worden samengevoegd.")),
    (r"The pattern has no words to look for|The rule's pattern is empty",
     QT_TRANSLATE_NOOP("ErrorText", "Het patroon van de regel bevat geen woorden om naar te zoeken.")),
    (r"The regular expression is not valid: (.*)\.$",
     QT_TRANSLATE_NOOP("ErrorText", "De reguliere expressie klopt niet (%1).")),
    (r"An actor needs a name",
     QT_TRANSLATE_NOOP("ErrorText", "Een naam op de volglijst mag niet leeg zijn.")),
    (r"The team server .* cannot be reached",
     QT_TRANSLATE_NOOP("ErrorText", "De teamserver is niet bereikbaar. Je ziet wat er al stond; een notitie die je "
                                    "schrijft blijft op deze computer bewaard en wordt opgeslagen zodra de server "
                                    "terug is. Controleer je netwerk of probeer het later opnieuw.")),
    (r"The team server .* refused the login",
     QT_TRANSLATE_NOOP("ErrorText", "De teamserver weigert de aanmelding (verkeerde gebruiker of wachtwoord). "
                                    "Controleer het wachtwoord in je pgpass-bestand, of vraag IT of je account "
                                    "bestaat.")),
    (r"has no pgvector",
     QT_TRANSLATE_NOOP("ErrorText", "De teamserver mist de uitbreiding pgvector. Vraag IT die te installeren en "
                                    "daarna ‘horizonscan team init’ uit te voeren.")),
    (r"newer than this Horizonscan knows",
     QT_TRANSLATE_NOOP("ErrorText", "De teamdatabase is nieuwer dan deze versie van Horizonscan. Werk Horizonscan "
                                    "op deze computer bij.")),
    (r"older than this Horizonscan uses",
     QT_TRANSLATE_NOOP("ErrorText", "De teamdatabase is ouder dan deze versie van Horizonscan. Vraag IT "
                                    "‘horizonscan team init’ uit te voeren; dat werkt het schema bij.")),
    (r"has no Horizonscan schema yet",
     QT_TRANSLATE_NOOP("ErrorText", "De teamdatabase is nog niet ingericht. Vraag IT (de eigenaar van de database) "
                                    "‘horizonscan --server … team init’ uit te voeren.")),
    (r"The database in .* does not exist",
     QT_TRANSLATE_NOOP("ErrorText", "De database op de teamserver bestaat niet. Vraag IT hem aan te maken en "
                                    "‘horizonscan team init’ uit te voeren.")),
    (r"Team mode needs the PostgreSQL client",
     QT_TRANSLATE_NOOP("ErrorText", "Voor teammodus ontbreekt de PostgreSQL-koppeling in deze installatie. Vraag IT "
                                    "Horizonscan met teamondersteuning te installeren.")),
    (r"In team mode the data is on the team server",
     QT_TRANSLATE_NOOP("ErrorText", "In teammodus staan de gegevens op de teamserver; IT maakt daar de back-ups. "
                                    "Er is op deze computer niets om te back-uppen.")),
    (r"The team server .* cannot be used: (.*)",
     QT_TRANSLATE_NOOP("ErrorText", "De teamserver is niet te gebruiken (%1). Vraag IT om hulp.")),
    (r"Cannot save the (\w+) export as '([^']*)'",
     QT_TRANSLATE_NOOP("ErrorText", "Het weekoverzicht kon niet worden opgeslagen als %2. Kies een andere map of "
                                    "bestandsnaam, of sluit het bestand als het nog open staat "
                                    "in een ander programma.")),
]

_BY_CLASS: list[tuple[type[BaseException], object]] = [
    (EditConflictError,
     QT_TRANSLATE_NOOP("ErrorText", "Iemand anders heeft deze tekst intussen gewijzigd; je tekst is niet over die "
                                    "van de ander opgeslagen. Beide teksten staan klaar: voeg ze samen en bewaar "
                                    "opnieuw.")),
    (DiskFullError,
     QT_TRANSLATE_NOOP("ErrorText", "De schijf is vol. Wat al bewaard was, blijft bewaard; wat net werd opgeslagen is "
                                    "teruggedraaid. Maak ruimte vrij (prullenbak legen, grote bestanden verplaatsen) "
                                    "en probeer het opnieuw.")),
    (ReadOnlyDataError,
     QT_TRANSLATE_NOOP("ErrorText", "Horizonscan mag niet schrijven in de gegevensmap (alleen-lezen). Er is niets "
                                    "veranderd. Vraag schrijfrechten op die map, of kies in Instellingen een andere.")),
    (DatabaseDamagedError,
     QT_TRANSLATE_NOOP("ErrorText", "Het gegevensbestand is beschadigd. Zet een back-up terug (Instellingen → Back-up "
                                    "terugzetten), of laat ‘horizonscan doctor --salvage’ redden wat nog leesbaar "
                                    "is.")),
    (BackupError,
     QT_TRANSLATE_NOOP("ErrorText", "Dit bestand is geen bruikbare back-up van Horizonscan. Kies een bestand dat met "
                                    "‘Back-up maken’ is gemaakt, of een uit de map backups in de gegevensmap.")),
    (DatabaseBusyError,
     QT_TRANSLATE_NOOP("ErrorText", "Een ander Horizonscan-venster of een opdracht is nog met de gegevens bezig. Wacht "
                                    "even en probeer het opnieuw.")),
    (DataDirError,
     QT_TRANSLATE_NOOP("ErrorText", "De gegevensmap is niet te gebruiken. Kies in Instellingen een andere map, of maak "
                                    "ruimte vrij op de schijf.")),
    (ItemNotFoundError,
     QT_TRANSLATE_NOOP("ErrorText", "Dit bericht bestaat niet (meer) in deze gegevensmap.")),
    (UnknownThemeError,
     QT_TRANSLATE_NOOP("ErrorText", "Dit thema bestaat niet (meer). Kijk in Thema's en regels welke thema's er zijn.")),
    (QueryError,
     QT_TRANSLATE_NOOP("ErrorText", "Deze zoekopdracht kan niet worden uitgevoerd. Probeer andere woorden.")),
    (EmbedderError,
     QT_TRANSLATE_NOOP("ErrorText", "Het taalmodel kan niet worden gebruikt. Kies "
                       "in Instellingen het standaardmodel.")),
    (VectorIndexError,
     QT_TRANSLATE_NOOP("ErrorText", "Zoeken op betekenis lukt nu niet (de zoekindex is bezet of beschadigd); "
                                    "zoeken op trefwoord werkt wel. Blijft dit zo, kies dan in Instellingen "
                                    "‘Controleren en herstellen’.")),
    (StoreError,
     QT_TRANSLATE_NOOP("ErrorText", "Dat lukte niet. Probeer het opnieuw; blijft het misgaan, kijk dan in het logboek "
                                    "(Instellingen).")),
]


def _tr(text: object) -> str:
    return QCoreApplication.translate("ErrorText", str(text))


def _fill(template: str, *values: str) -> str:
    for n, value in enumerate(values, start=1):
        template = template.replace(f"%{n}", value)
    return template


def user_message(exc: BaseException) -> str:
    """What to tell the user about an error, in the interface's language."""
    text = str(exc)
    for pattern, template in _KNOWN:
        match = re.search(pattern, text)
        if match:
            return _fill(_tr(template), *match.groups())
    for kind, template in _BY_CLASS:
        if isinstance(exc, kind):
            log.info("shown as a general message: %s", text)
            return _tr(template)
    if isinstance(exc, OSError):
        return _fill(_tr(QT_TRANSLATE_NOOP("ErrorText", "Een bestand of map is niet te gebruiken: %1")),
                     exc.strerror or text)
    log.warning("unexpected error shown to the user: %r", exc)
    return _tr(QT_TRANSLATE_NOOP("ErrorText", "Er ging iets mis dat niet had mogen gebeuren. Probeer het opnieuw; "
                                              "het logboek (Instellingen) zegt meer."))
