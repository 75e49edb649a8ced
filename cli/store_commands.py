"""CLI commands on the knowledge base: import, search, similar, demo, reindex, doctor, stats, model."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from cli.errors import UsageError
from cli.output import hit_to_json, print_hits, print_json
from cli.progress_line import ProgressLine
from store import KnowledgeBase, nothing_found_hints
from store.core.models import FILTER_STATES, SEARCH_MODES, SearchFilters
from store.core.timeutil import local_midnight, parse_datetime


def open_kb(args: argparse.Namespace) -> KnowledgeBase:
    return KnowledgeBase.open(args.data_dir)


def parse_date_arg(value: str | None, name: str, end_of_day: bool = False) -> datetime | None:
    """A date or date-time from the command line. A bare date is a whole day in the user's time zone:
    its first instant, or with `end_of_day` the first instant of the next day (so --until includes it)."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        day = None
    if day is not None:
        return local_midnight(day + timedelta(days=1) if end_of_day else day)
    try:
        return parse_datetime(value)
    except ValueError:
        raise UsageError(f"{name} must be a date like 2026-03-01 (got {value!r})") from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


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
    print(f"Imported {path.name}: {r.added} new, {r.updated} updated, {r.unchanged} unchanged, "
          f"{len(report.problems)} line(s) skipped.")
    for problem in report.problems[:50]:
        print(f"  line {problem.line}: {problem.message}", file=sys.stderr)
    if len(report.problems) > 50:
        print(f"  … and {len(report.problems) - 50} more problem lines", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
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
    with open_kb(args) as kb:
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


def cmd_stats(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        stats = kb.stats()
    data = {"items": stats.items, "sources": stats.sources, "themes": stats.themes, "vectors": stats.vectors,
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
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_doctor)

    p = sub.add_parser("stats", help="counts of items, sources, themes and vectors")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("model", help="show or set the embedding model (setting it re-embeds everything)")
    p.add_argument("spec", nargs="?", help="use-multilingual (default) or st:MODEL-NAME-OR-FOLDER")
    p.set_defaults(handler=cmd_model)
