"""CLI commands on the knowledge base: import, search, similar, demo, reindex, doctor, backup, restore, stats,
model."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from cli.errors import UsageError
from cli.output import hit_to_json, print_hits, print_json
from cli.progress_line import ProgressLine
from store import DB_FILENAME, KnowledgeBase, nothing_found_hints, resolve_data_dir, server_uri
from store.core.models import FILTER_STATES, SEARCH_MODES, SearchFilters
from store.core.timeutil import local_midnight, parse_datetime, sane_datetime


def data_dir_of(args: argparse.Namespace) -> Path:
    """The data folder the command works on; an empty --data-dir is a mistake, not the default folder."""
    if args.data_dir is not None and not str(args.data_dir).strip():
        raise UsageError("--data-dir is empty: give a folder, or leave the option out to use the default folder")
    return resolve_data_dir(args.data_dir)


def open_kb(args: argparse.Namespace, read_only: bool = False) -> KnowledgeBase:
    """Open the data folder; says so on stderr when it did not exist yet (a mistyped --data-dir shows here).
    `read_only`: a command that only reads (search, stats) leaves missing vectors for the next import, scan or
    doctor instead of writing them."""
    folder = data_dir_of(args)
    new = getattr(args, "data_dir_is_new", not folder.exists())
    server = server_uri(getattr(args, "server", None))
    if server:  # team mode: the store is on the server; the folder keeps only the log
        kb = KnowledgeBase.connect(server, folder)
        kb.read_only = read_only
        return kb
    kb = KnowledgeBase.open(folder)
    kb.read_only = read_only
    if new:
        print(f"horizonscan: new data folder created at {folder}", file=sys.stderr)
    return kb


def parse_date_arg(value: str | None, name: str, end_of_day: bool = False) -> datetime | None:
    """A date or date-time from the command line. A bare date is a whole day in the user's time zone:
    its first instant, or with `end_of_day` the first instant of the next day (so --until includes it)."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        day = None
    try:
        when = local_midnight(day + timedelta(days=1) if end_of_day else day) if day else parse_datetime(value)
        if sane_datetime(when) is None:
            raise ValueError("date out of range")
        return when
    except (ValueError, OverflowError) as exc:
        reason = "is out of range" if "range" in str(exc) or isinstance(exc, OverflowError) else "must be a date"
        raise UsageError(f"{name} {reason}: give a date like 2026-03-01 (got {value!r})") from None


def whole_number(text: str, low: int, high: int) -> int:
    """A whole number from the command line between `low` and `high`, or a usage error in words."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < low:
        raise argparse.ArgumentTypeError(f"must be at least {low}")
    if value > high:
        raise argparse.ArgumentTypeError(f"must be at most {high}")
    return value


def positive_int(text: str) -> int:
    return whole_number(text, 1, 1_000_000)


def week_count(text: str) -> int:
    return whole_number(text, 1, 520)  # ten years of weeks


def identifier(text: str) -> int:
    return whole_number(text, 1, 2**63 - 1)


def filters_from_args(kb: KnowledgeBase, args: argparse.Namespace) -> SearchFilters:
    return SearchFilters(
        themes=kb.check_themes(args.theme or []),
        sources=args.source or [],
        since=parse_date_arg(args.since, "--since"),
        until=parse_date_arg(args.until, "--until", end_of_day=True),
        languages=args.language or [],
        states=args.state or [],
    )


def add_filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--theme", action="append", metavar="KEY", help="only items with this theme (repeatable)")
    p.add_argument("--source", action="append", metavar="NAME", help="only items from this source (repeatable)")
    p.add_argument("--since", metavar="DATE", help="published on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="published on or before DATE (YYYY-MM-DD)")
    p.add_argument("--language", action="append", metavar="CODE", help="language code, e.g. nl or en")
    p.add_argument("--state", action="append", choices=FILTER_STATES, help="item state (repeatable)")


# -- commands ----------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from store import import_file

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    with open_kb(args) as kb:
        line = ProgressLine()
        try:
            report = import_file(kb, path, progress=line)
        finally:
            line.finish()
    r = report.result
    skipped = sum(1 for p in report.problems if not p.kept)
    mended = len({p.line for p in report.problems if p.kept})
    print(f"Imported {path.name}: {r.added} new, {r.updated} updated, {r.unchanged} unchanged, "
          f"{skipped} line(s) skipped" + (f", {mended} imported with a repair or warning." if mended else "."))
    for problem in report.problems[:50]:
        print(f"  line {problem.line}: {problem.message}", file=sys.stderr)
    if len(report.problems) > 50:
        print(f"  … and {len(report.problems) - 50} more", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_kb(args, read_only=True) as kb:
        filters = filters_from_args(kb, args)
        results = kb.search(args.query, mode=args.mode, filters=filters, limit=args.limit)
    if results.notice:
        print(f"horizonscan: {results.notice}", file=sys.stderr)
    if args.json:
        print_json([hit_to_json(h) for h in results.hits])
    elif not results.hits:
        print_nothing_found(args.query, args.mode, filters != SearchFilters())
    else:
        print_hits(results.hits, kb.settings.get("language", "nl"))
    return 0


NOTHING_FOUND_HINTS = {
    "fewer_words": "fewer words",
    "spelling": "another spelling (or a synonym)",
    "semantic_on": "search by meaning too (--mode hybrid)",
    "keyword_on": "search by words too (--mode hybrid)",
    "fewer_filters": "fewer filters",
}


def print_nothing_found(query: str, mode: str, filtered: bool) -> None:
    """Say that nothing matched well enough, and what to try."""
    tips = [NOTHING_FOUND_HINTS[h] for h in nothing_found_hints(query, mode, filtered)]
    print(f"Nothing found for “{query}”: no item matches well enough. Try {', '.join(tips[:-1])}"
          f"{' or ' if len(tips) > 1 else ''}{tips[-1]}.")


def cmd_similar(args: argparse.Namespace) -> int:
    with open_kb(args, read_only=True) as kb:
        results = kb.similar(args.item, limit=args.limit, filters=filters_from_args(kb, args))
    if args.json:
        print_json([hit_to_json(h) for h in results.hits])
    else:
        print_hits(results.hits, kb.settings.get("language", "nl"))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from store import load_example_corpus

    with open_kb(args) as kb:
        line = ProgressLine()
        try:
            report = load_example_corpus(kb, progress=line)
        finally:
            line.finish()
        total = kb.items.count(examples_only=True)
    r = report.result
    print(f"Example corpus (fictional example data): {r.added} new items, {r.unchanged + r.updated} already there; "
          f"{total} example items in {kb.data_dir}.")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        line = ProgressLine()
        try:
            ready = kb.prepare_vectors(progress=line)
            count = kb.vectors.rebuild_index(progress=line)
        finally:
            line.finish()
    print(f"Vector index rebuilt: {count} vectors ({ready['embedded']} items embedded first).")
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from store import run_doctor

    if args.salvage:
        salvage_database(data_dir_of(args) / DB_FILENAME)
    with open_kb(args) as kb:
        line = ProgressLine()
        try:
            report = run_doctor(kb, repair=not args.check_only, progress=line)
        finally:
            line.finish()
    if args.json:
        print_json({"healthy": report.healthy, "checks": report.checks})
    else:
        for check in report.checks:
            print(f"{check.status.upper():>9}  {check.name}: {check.detail}")
        print("All good." if report.healthy else "Problems remain; see above.")
    return 0 if report.healthy else 1


def salvage_database(path: Path) -> None:
    """Copy what can still be read from a damaged database into a new one (doctor --salvage)."""
    from store import salvage

    if not path.exists():
        raise UsageError(f"there is no database to salvage at {path}")
    line = ProgressLine()
    try:
        report = salvage(path, progress=line)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    finally:
        line.finish()
    print(f"Salvaged {report.rows} rows into a new {path.name}; the damaged file is kept as "
          f"{report.damaged_copy.name if report.damaged_copy else '?'}.")
    for table, lost in sorted(report.lost.items()):
        print(f"  {table}: {lost} rows could not be read", file=sys.stderr)
    for table in report.unreadable_tables:
        print(f"  {table}: could not be read at all", file=sys.stderr)


def cmd_backup(args: argparse.Namespace) -> int:
    target = Path(args.file).expanduser()
    if target.suffix.lower() != ".zip":
        target = target.with_name(target.name + ".zip")
    if target.exists() and not args.force:
        raise UsageError(f"{target} exists already; give another name or add --force to replace it")
    with open_kb(args) as kb:
        info = kb.backup(target)
    print(f"Backup written to {info.path} ({info.items} items, {info.size // 1024} KB).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from store import read_backup, restore_backup

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise UsageError(f"no such file: {source}")
    info = read_backup(source)
    folder = data_dir_of(args)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("restoring replaces the data folder's database: add --yes to confirm")
        answer = input(f"Replace the database in {folder} by the backup of {info.created} ({info.items} items)? "
                       "Close Horizonscan first. The current database is kept beside it. [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            print("Nothing restored.")
            return 0
    folder.mkdir(parents=True, exist_ok=True)
    _, kept = restore_backup(folder, source)
    print(f"Restored the backup of {info.created} ({info.items} items) into {folder}."
          + (f" The previous database is kept as {kept.name}." if kept else "")
          + " The vector index is rebuilt on first use.")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_kb(args, read_only=True) as kb:
        stats = kb.stats()
    data = {"items": stats.items, "sources": stats.sources, "themes": stats.themes,
            "vectors": stats.vectors if stats.vectors is not None or args.json else "(index unreadable now)",
            "embedder": stats.embedder, "dim": stats.dim, "embedded": stats.embedded,
            "data_dir": stats.data_dir, "db_bytes": stats.db_bytes}
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key:>9}: {value}")
    return 0


def cmd_model(args: argparse.Namespace) -> int:
    from store import create_embedder

    with open_kb(args) as kb:
        if not args.spec:
            print(f"{kb.settings.get('embedding_model')} ({kb.embedder.name})")
            return 0
        try:
            create_embedder(args.spec)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        line = ProgressLine()
        try:
            done = kb.set_embedding_model(args.spec, progress=line)
        finally:
            line.finish()
        print(f"Embedding model is now {kb.embedder.name}; {done['embedded']} items re-embedded.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import items from a JSON Lines file")
    p.add_argument("file", help="one JSON object per line: url, title, text, [published, source, language]")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("search", help="search items (hybrid: words and meaning)")
    p.add_argument("query", help="words, \"exact phrase\", prefix*, AND/OR/NOT, -exclude")
    p.add_argument("--limit", type=positive_int, default=10, metavar="N")
    p.add_argument("--mode", choices=SEARCH_MODES, default="hybrid")
    add_filter_options(p)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("similar", help="items similar in meaning to ITEM (id or URL)")
    p.add_argument("item")
    p.add_argument("--limit", type=positive_int, default=10, metavar="N")
    add_filter_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_similar)

    p = sub.add_parser("demo", help="load the bundled example corpus (fictional example data)")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("reindex", help="rebuild the vector index from the vectors stored in SQLite")
    p.set_defaults(handler=cmd_reindex)

    p = sub.add_parser("doctor", help="check the data folder and repair what can be repaired")
    p.add_argument("--check-only", action="store_true", help="report, do not repair")
    p.add_argument("--salvage", action="store_true",
                   help="the database is damaged: copy what can still be read into a new one first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_doctor)

    p = sub.add_parser("backup", help="write a backup of the data folder (database and settings) to a zip file")
    p.add_argument("file", help="the backup file to write (.zip)")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="replace the database and settings by those in a backup file")
    p.add_argument("file", help="a file made by 'backup' (or from the data folder's backups/)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("stats", help="counts of items, sources, themes and vectors")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("model", help="show or set the embedding model (setting it re-embeds everything)")
    p.add_argument("spec", nargs="?", help="use-multilingual (default) or st:MODEL-NAME-OR-FOLDER")
    p.set_defaults(handler=cmd_model)
