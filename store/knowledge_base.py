"""KnowledgeBase: the one object callers hold; it opens the data folder and delegates."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from store.alerts.manager import Alerts
from store.cards.manager import Cards
from store.core.changes import Changes
from store.core.errors import DiskFullError, EditConflictError, ReadOnlyDataError
from store.core.models import IngestResult, Item, NewItem, SearchFilters, SearchResults, Stats, Theme
from store.core.progress import ProgressCallback
from store.db.connection import NO_FILTER, Database
from store.db.meta import get_meta
from store.db.migrations import migrate
from store.db.paths import DB_FILENAME, ensure_usable, resolve_data_dir
from store.db.settings import load_settings, save_settings
from store.digest.manager import Digests
from store.indicators.manager import Indicators
from store.items import queries as item_queries
from store.items.ingest import ingest
from store.items.manager import Items
from store.search.hybrid import filtered_nearest, search
from store.search.manager import Lists
from store.signals.manager import Signals
from store.signals.watchlist import seed_actors
from store.signals.watchlist_manager import Watchlist
from store.sources.manager import Sources
from store.sources.scans import Scans
from store.themes import registry as theme_ops
from store.themes.manager import Taxonomy
from store.themes.rules_manager import Rules
from store.themes.suggestions_manager import Suggestions

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # numpy and the embedders load on first use, not on start-up
    from store.db.backup import BackupInfo
    from store.sources.topic_filter import FilterResult
    from store.vectors.embedders import Embedder
    from store.vectors.vector_store import VectorStore


def _merged(conflict: EditConflictError) -> str:
    """Both texts of a note edited twice, one after the other, so neither is lost."""
    return f"{conflict.theirs.strip()}\n\n---\n{conflict.yours.strip()}"


class KnowledgeBase:
    """Items, themes, search and vectors of one data folder.

    Cheap to open: the embedder and the vector index load on first use, so a
    GUI can show its window before torch or chromadb are imported.
    """

    def __init__(self, data_dir: Path, embedder: Embedder | None = None, database: Database | None = None) -> None:
        self.data_dir = data_dir
        self.database = database or Database(data_dir / DB_FILENAME)
        self.is_team = self.database.dialect == "postgres"  # team mode: the store is on a PostgreSQL server
        if not self.is_team:
            migrate(self.database)  # (a team schema is upgraded by IT with `team init`, and checked on connecting)
        self.settings = self._load_settings()
        theme_ops.seed_default_themes(self.database)
        seed_actors(self.database)
        self._embedder = embedder
        self.read_only = False  # True: vectors are used as they are, never embedded or repaired on the way
        self._vectors: VectorStore | None = None
        self._vectors_lock = threading.Lock()
        # one manager per concept, as Anki hangs its managers off Collection: the only way in for the
        # desktop, the CLI and the scanner (no SQL and no database outside the store)
        self.items = Items(self.database)
        self.lists = Lists(self.database)
        self.taxonomy = Taxonomy(self.database)
        self.rules = Rules(self.database)
        self.suggestions = Suggestions(self.database)
        self.watchlist = Watchlist(self.database)
        self.signals = Signals(self.database)
        self.digests = Digests(self.database)
        self.sources = Sources(self.database)
        self.scans = Scans(self.database)
        self.indicators = Indicators(self.database)
        self.cards = Cards(self.database)
        self.alerts = Alerts(self.database)

    def on_change(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Call `listener` with what changed after each committed write in this process; returns a function
        that stops it. The listener runs on the writing thread."""
        return self.database.subscribe(listener)

    @classmethod
    def open(cls, data_dir: str | Path | None = None, embedder: Embedder | None = None) -> KnowledgeBase:
        """Open (creating if needed) the data folder; raises DataDirError if it is unusable."""
        path = ensure_usable(resolve_data_dir(data_dir))
        return cls(path, embedder)

    @classmethod
    def connect(cls, server: str, data_dir: str | Path | None = None, embedder: Embedder | None = None,
                person: str | None = None) -> KnowledgeBase:
        """Team mode: the store on the PostgreSQL server `server` (a libpq URI), as `person` (default:
        HORIZONSCAN_USER, else the login role). The local data folder keeps only logs.
        Raises TeamServerError (in words) when the server cannot be used."""
        from store.team.database import TeamDatabase

        path = ensure_usable(resolve_data_dir(data_dir))
        kb = cls(path, embedder, TeamDatabase(server, person))
        kb.send_kept_notes()
        return kb

    def _load_settings(self) -> dict:
        if self.is_team:
            from store.team.settings import load_person_settings

            return load_person_settings(self.database)
        return load_settings(self.data_dir)

    def save_settings(self) -> None:
        """Keep `settings`: in the data folder, or (team mode) on the server for this person."""
        if self.is_team:
            from store.team.settings import save_person_settings

            save_person_settings(self.database, self.settings)
        else:
            save_settings(self.data_dir, self.settings)

    @property
    def server(self) -> str | None:
        """Team mode: the server's URI as given (no password is ever in it from settings), else None."""
        return getattr(self.database, "uri", None) if self.is_team else None

    @property
    def server_label(self) -> str:
        """Team mode: the server's URI without a password, for showing; else ''."""
        return self.database.path if self.is_team else ""

    @property
    def person(self) -> str | None:
        """Who is working (team mode), else None."""
        return self.database.person if self.is_team else None

    def set_note(self, item_id: int, body: str, based_on: int | None = None) -> int:
        """Save an item's so-what note (as items.set_note). Team mode: with the server away the note is kept on
        this computer and sent by `send_kept_notes` when it is back; TeamServerError says so. Returns the version."""
        if not self.is_team:
            return self.items.set_note(item_id, body, based_on)
        from store.team.outbox import KeptNote, Outbox
        from store.team.server import TeamServerError

        try:
            return self.items.set_note(item_id, body, based_on)
        except TeamServerError as exc:
            Outbox(self.data_dir).keep(KeptNote(item_id, body, based_on))
            raise TeamServerError(f"{exc} Your note is kept on this computer and saved when the server is back."
                                  ) from exc

    def send_kept_notes(self) -> tuple[int, list[EditConflictError]]:
        """Team mode: save the notes kept while the server was away; returns (saved, conflicts). A conflict
        (someone else changed the note meanwhile) keeps neither text from the other: both are in the error."""
        from store.team.outbox import Outbox

        if not self.is_team:
            return 0, []
        outbox = Outbox(self.data_dir)
        saved, conflicts = 0, []
        for note in outbox.notes():
            try:
                self.items.set_note(note.item_id, note.body, note.based_on)
                saved += 1
            except EditConflictError as conflict:
                conflicts.append(conflict)
                self.items.set_note(note.item_id, _merged(conflict), None)  # both texts, marked: nothing lost
            outbox.remove(note.item_id)
        return saved, conflicts

    @contextmanager
    def sole_scanner(self) -> Iterator[None]:
        """While a scan runs: the only scanner of this store, or ScanBusyError. Team mode: a PostgreSQL advisory
        lock on its own connection (a killed scanner's lock goes with its connection), and runs left 'running'
        by a scanner that is gone are closed; local mode: the scan runs' own record."""
        from store.core.timeutil import utcnow

        if not self.is_team:
            yield
            return
        from store.team.scan_lock import scan_lock

        with scan_lock(self.database.uri):  # type: ignore[attr-defined]
            self.scans.close_abandoned(utcnow(), everything_running=True)
            yield

    def listen(self) -> None:
        """Team mode: also hear (through on_change) what other people and the scanner change."""
        if self.is_team:
            self.database.listen()  # type: ignore[attr-defined]

    def close(self) -> None:
        if self._vectors is not None:
            self._vectors.index.close()
        self.database.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- embedder and vectors -------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from store.vectors.embedders import create_embedder

            self._embedder = create_embedder(self.settings.get("embedding_model"))
        return self._embedder

    @property
    def vectors(self) -> VectorStore:
        """The vector store, made ready (missing vectors embedded, index repaired) on first use; with
        `read_only`, as it is (a command that only reads writes nothing)."""
        with self._vectors_lock:
            if self._vectors is None:
                store = self._vector_store()
                try:
                    if not self.read_only:
                        store.ensure_ready()
                except (DiskFullError, ReadOnlyDataError) as exc:  # reading goes on with the vectors there are
                    log.warning("vectors not brought up to date: %s", exc)
                self._vectors = store
            return self._vectors

    def prepare_vectors(self, progress: ProgressCallback | None = None, cancel: threading.Event | None = None) -> dict:
        """Embed missing items and repair the index now (with progress); returns what was done."""
        with self._vectors_lock:
            store = self._vectors or self._vector_store()
            result = store.ensure_ready(progress, cancel)
            self._vectors = store
            return result

    def set_embedding_model(self, spec: str, progress: ProgressCallback | None = None,
                            cancel: threading.Event | None = None) -> dict:
        """Switch the embedding model and re-embed every item with it. The model is loaded and tried first:
        one that cannot be loaded raises EmbedderError and changes nothing."""
        from store.vectors.embedders import create_embedder

        embedder = create_embedder(spec)
        embedder.embed(["proef"], kind="query")  # loads the model: raises EmbedderError before anything is saved
        with self._vectors_lock:
            self.settings["embedding_model"] = spec
            self.save_settings()
            self._embedder = embedder
            self._vectors = None
        return self.prepare_vectors(progress, cancel)

    # -- items ------------------------------------------------------------------
    def add_items(self, items: Iterable[NewItem], progress: ProgressCallback | None = None,
                  cancel: threading.Event | None = None, total: int | None = None) -> IngestResult:
        """Store items idempotently, embed the new and changed ones, then group stories and run
        rules, the watchlist and theme suggestions over them."""
        from store.automation import process_pending

        result = ingest(self.database, self.vectors, items, progress, cancel, total)
        # these items' automation, and whatever an interrupted run before left unfinished
        result.stories_new = process_pending(self.database, self.vectors)["stories"]
        return result

    def filter_on_topic(self, source_id: int, items: list[NewItem]) -> FilterResult:
        """A source's topic filter: the items a rule, a watchlist actor or a theme wants, and those left out
        (remembered, so they are not weighed again)."""
        from store.sources.topic_filter import filter_on_topic

        return filter_on_topic(self.database, self.vectors, source_id, items)

    def raise_alerts(self) -> list:
        """Alerts for what came in since the last look (the setting alerts_per_day caps them)."""
        return self.alerts.raise_new(self.vectors if self.vectors_ready else self.stored_vectors(),
                                     int(self.settings.get("alerts_per_day", 10) or 10))

    def briefing(self, year: int, quarter: int, language: str = "nl"):
        """The quarterly briefing as a document (export it with export_digest)."""
        from store.digest.briefing import load_briefing

        return load_briefing(self.database, year, quarter, language)

    def card_charts(self, language: str = "nl", cards: list | None = None) -> tuple:
        """The radar and the matrix (geometry: dots, rings, labels) of these cards (default: not archived)."""
        from store.digest.figures import card_charts

        return card_charts(self.database, self.cards.list_cards() if cards is None else cards, language)

    def card_figures(self, language: str = "nl", cards: list | None = None) -> tuple:
        """The radar and the matrix (PNG and SVG) of these cards (default: all that are not archived)."""
        from store.digest.figures import card_figures

        return card_figures(self.database, self.cards.list_cards() if cards is None else cards, language)

    def get_item(self, ref: str | int, language: str = "nl") -> Item:
        return item_queries.get_item(self.database, item_queries.resolve_item_id(self.database, ref), language)

    def resolve_item(self, ref: str | int) -> int:
        return item_queries.resolve_item_id(self.database, ref)

    # -- search -----------------------------------------------------------------
    def stored_vectors(self) -> VectorStore:
        """The vectors as stored in SQLite, without loading the model or the vector index (for reading
        vectors, e.g. novelty in the signal score, in a process that leaves those to another)."""
        return self._vector_store()

    def _vector_store(self) -> VectorStore:
        if self.is_team:
            from store.vectors.team_store import TeamVectorStore

            return TeamVectorStore(self.database, self.data_dir, self.embedder)
        from store.vectors.vector_store import VectorStore

        return VectorStore(self.database, self.data_dir, self.embedder)

    def reload_settings(self) -> None:
        """Re-read the settings (another process may have changed the model or preferences)."""
        self.settings = self._load_settings()
        if self._embedder is not None and self._vectors is None:
            self._embedder = None  # picked again from the settings on next use

    @property
    def vectors_ready(self) -> bool:
        """True once the embedder and vector index are loaded (see prepare_vectors)."""
        return self._vectors is not None

    def search(self, query: str, mode: str = "hybrid", filters: SearchFilters | None = None,
               limit: int = 20, language: str = "nl", wait_for_vectors: bool = True,
               snippet_rows: int | None = None) -> SearchResults:
        """Search; with `wait_for_vectors` False a still-loading vector index means keyword results
        (with a notice) instead of waiting for it. `snippet_rows`: snippets for the first this many hits
        only (the rest: `snippets`)."""
        vectors = None
        if (query or "").strip() and (self.vectors_ready or (mode != "keyword" and wait_for_vectors)):
            vectors = self.vectors  # keyword mode uses it for the relevance floor, but never waits for it
        return search(self.database, vectors, query, mode, filters, limit, language, snippet_rows)

    def snippets(self, query: str, item_ids: list[int]) -> dict:
        """The snippets (query words marked) of these items, e.g. the rows of a long result list after the
        first ones."""
        from store.search.hybrid import snippets_for

        return snippets_for(self.database, query, item_ids)

    def similar(self, ref: str | int, limit: int = 10, filters: SearchFilters | None = None,
                language: str = "nl") -> SearchResults:
        """Items most similar in meaning to the given item: other events, so the other reports of its
        own story (listed as the story's sources) are left out."""
        from store.core.models import SearchHit, Snippet
        from store.search.filters import filter_sql

        item_id = self.resolve_item(ref)
        ids, matrix = self.vectors.vectors_for([item_id])
        if not ids:
            return SearchResults(query=f"similar:{item_id}", mode="semantic", hits=[])
        story = self.database.scalar("SELECT story_id FROM items WHERE id = ?", (item_id,))
        same_story = {item_id} | ({r[0] for r in self.database.query(
            "SELECT id FROM items WHERE story_id = ?", (story,))} if story is not None else set())
        where, params = filter_sql(filters)
        wanted = limit + len(same_story)
        if where == NO_FILTER:
            ranked = self.vectors.nearest(matrix[0], wanted)
        else:
            ranked = filtered_nearest(self.database, self.vectors, matrix[0], where, params, wanted, exclude=item_id)
        ranked = [(i, s) for i, s in ranked if i not in same_story][:limit]
        summaries = item_queries.get_summaries(self.database, [i for i, _ in ranked], language)
        hits = [SearchHit(summaries[i], round(s, 6), Snippet(""), None, r, s)
                for r, (i, s) in enumerate(ranked, start=1) if i in summaries]
        return SearchResults(query=f"similar:{item_id}", mode="semantic", hits=hits)

    # -- themes -----------------------------------------------------------------
    def themes(self) -> list[Theme]:
        return theme_ops.list_themes(self.database)

    def check_themes(self, keys: Iterable[str]) -> list[str]:
        return theme_ops.check_theme_keys(self.database, keys)

    def tag(self, ref: str | int, keys: Iterable[str]) -> None:
        """Give an item themes by hand (the user's decision: automation never removes them)."""
        item_id = self.resolve_item(ref)
        for key in self.check_themes(keys):
            theme_ops.set_item_theme(self.database, item_id, key, "manual")

    def untag(self, ref: str | int, keys: Iterable[str]) -> None:
        """Remove themes by hand (kept as rejected: automation never puts them back)."""
        item_id = self.resolve_item(ref)
        for key in self.check_themes(keys):
            theme_ops.remove_item_theme(self.database, item_id, key)

    # -- facts --------------------------------------------------------------------
    def finish_interrupted(self) -> dict[str, int]:
        """What a killed or failed run left: scan runs still marked running, items without their stories, rules,
        watchlist mentions or suggestions. Closes and finishes them; returns how many of each."""
        from store.automation import pending_count, process_pending
        from store.core.timeutil import utcnow

        closed = self.scans.close_abandoned(utcnow())
        pending = pending_count(self.database)
        if pending:
            process_pending(self.database, self.vectors)
        return {"scans_closed": closed, "items_finished": pending}

    def backup(self, target: Path) -> BackupInfo:
        """Write a backup of this data folder (database and settings) to a zip file."""
        from store.db.backup import make_backup

        if self.is_team:
            from store.team.server import TeamServerError

            raise TeamServerError("In team mode the data is on the team server: IT backs it up there (pg_dump or "
                                  "continuous archiving); there is no local folder to back up.")
        return make_backup(self.data_dir, target)

    def weekly_backup(self) -> BackupInfo | None:
        """This week's automatic backup in the data folder's backups/, if not made yet; keeps the newest
        `backup_keep_weeks` (setting; 0 switches it off)."""
        from store.core.timeutil import utcnow
        from store.db.backup import DEFAULT_KEEP_WEEKS, weekly_backup

        if self.is_team:
            return None  # the server's backups are IT's
        keep = int(self.settings.get("backup_keep_weeks", DEFAULT_KEEP_WEEKS))
        return weekly_backup(self.data_dir, utcnow(), keep)

    def stats(self) -> Stats:
        """Counts of what is stored (opening the vectors as `vectors` does)."""
        from store.core.errors import VectorIndexError

        db = self.database
        vectors = self.vectors
        try:
            in_index: int | None = vectors.index.count()
        except VectorIndexError as exc:
            log.warning("stats: %s", exc)
            in_index = None
        return Stats(
            items=int(db.scalar("SELECT COUNT(*) FROM items") or 0),
            sources=int(db.scalar("SELECT COUNT(*) FROM sources") or 0),
            themes=int(db.scalar("SELECT COUNT(*) FROM themes") or 0),
            vectors=in_index,
            embedder=self.embedder.name,
            dim=int(get_meta(db, "embedder_dim") or self.embedder.dim),
            data_dir=self.database.path if self.is_team else str(self.data_dir),
            embedded=vectors.stored_count(),
            db_bytes=self._database_bytes(),
        )

    def _database_bytes(self) -> int:
        if self.is_team:
            return int(self.database.scalar("SELECT pg_database_size(current_database())") or 0)
        path = self.data_dir / DB_FILENAME
        return path.stat().st_size if path.exists() else 0
