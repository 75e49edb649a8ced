"""CLI commands for sources (list, add, remove, pause, resume, OPML, defaults) and for scanning."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.errors import UsageError
from cli.output import print_json
from cli.parser import subcommands
from cli.progress_line import ProgressLine
from cli.store_commands import open_kb
from scanner.messages import describe, describe_next_try
from scanner.results import ScanSummary
from store.core.errors import ScanBusyError, StoreError
from store.core.models import Source
from store.core.timeutil import format_utc

STATUS_NAMES = {"never": "never_fetched", "ok": "ok", "not_modified": "not_modified", "failing": "failing"}


def _language(kb) -> str:
    return str(kb.settings.get("language", "nl"))


def source_to_json(source: Source, language: str) -> dict:
    fmt = lambda d: format_utc(d) if d else None  # noqa: E731
    return {
        "id": source.id, "name": source.name, "url": source.url, "type": source.kind,
        "status": STATUS_NAMES.get(source.last_status, source.last_status), "enabled": source.enabled,
        "folder": source.folder, "query": source.query, "themes": list(source.theme_hints),
        "fulltext": source.fulltext, "last_checked": fmt(source.last_checked), "last_success": fmt(source.last_success),
        "last_error": describe(source.last_error_code, source.last_error_params, language) or None,
        "last_error_code": source.last_error_code,
        "warning": describe(source.last_warning_code, source.last_warning_params, language) or None,
        "failures": source.consecutive_failures, "next_due": fmt(source.next_due), "items": source.items,
        "topic_filter": source.topic_filter, "off_topic": source.filtered,
        **({"indicator": source.indicator} if source.indicator else {}),
    }


def cmd_sources_check(args: argparse.Namespace) -> int:
    """Exit code 0 when every source works (or was fixed), 3 when some need attention."""
    from scanner.source_check import check_sources, explain, summary

    with open_kb(args) as kb:
        language = _language(kb)
        ids = [kb.sources.get_source(ref).id for ref in args.source] or None
        checks = check_sources(kb, ids, fix=args.fix)
    if args.json:
        print_json([{"id": c.source_id, "name": c.name, "url": c.url, "verdict": c.verdict, "new_url": c.new_url,
                     "entries": c.entries, "fixed": c.fixed, "explanation": explain(c, language)} for c in checks])
    else:
        marks = {"ok": "ok", "moved": "->", "gone": "!!", "not_a_feed": "??", "failing": "!!"}
        for c in checks:
            print(f"[{marks[c.verdict]}] #{c.source_id} {c.name}: {explain(c, language)}")
        print(summary(checks, language))
    attention = [c for c in checks if c.verdict != "ok" and not c.fixed]
    return EXIT_SOME_FAILED if attention else 0


def cmd_sources_list(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        language = _language(kb)
        sources = kb.sources.list_sources()
    if args.json:
        print_json([source_to_json(s, language) for s in sources])
        return 0
    if not sources:
        print("No sources yet. Add one with 'horizonscan sources add URL' or 'horizonscan sources defaults'.")
        return 0
    for s in sources:
        mark = {"ok": "ok", "not_modified": "ok", "failing": "!!", "never": "--"}.get(s.last_status, "?")
        paused = " (paused)" if not s.enabled else ""
        print(f"[{mark}] #{s.id} {s.name}{paused}  ({s.kind}, {s.items} items){'  · ' + s.folder if s.folder else ''}")
        print(f"      {s.url}")
        if s.topic_filter:
            print(f"      topic filter on: {s.filtered} off-topic entries left out so far")
        if s.last_status == "failing":
            print(f"      {describe(s.last_error_code, s.last_error_params, language)} "
                  f"{describe_next_try(s.next_due, language)}")
    return 0


def cmd_sources_add(args: argparse.Namespace) -> int:
    from scanner.fetch import FetchPolicy
    from scanner.source_manager import add_search_source, add_url_source

    with open_kb(args) as kb:
        if args.type == "search":
            outcome = add_search_source(kb, args.url, name=args.name, template=args.template,
                                        theme_hints=tuple(args.theme or ()))
        else:
            outcome = add_url_source(kb, args.url, kind=args.type, name=args.name, folder=args.folder or "",
                                     theme_hints=tuple(args.theme or ()), selector=args.selector,
                                     fulltext=not args.no_fulltext, check=not args.no_check,
                                     policy=FetchPolicy.from_settings(kb.settings))
        if args.topic_filter:
            kb.sources.update_source(outcome.source.id, topic_filter=True)
    s = outcome.source
    verb = "Already there (active again)" if outcome.existed else "Added"
    print(f"{verb}: #{s.id} {s.name} ({s.kind}) {s.url}")
    if len(outcome.discovered) > 1:
        others = ", ".join(f.url for f in outcome.discovered[1:4])
        print(f"The page announces more feeds: {others}. Add them with 'horizonscan sources add URL'.")
    if outcome.note:
        print(outcome.note, file=sys.stderr)
    return 0


def cmd_sources_filter(args: argparse.Namespace) -> int:
    """Switch a source's topic filter on or off; off forgets what it left out, so the next fetch keeps it."""
    on = args.state == "on"
    with open_kb(args) as kb:
        source = kb.sources.get_source(args.source)
        kb.sources.update_source(source.id, topic_filter=on)
        forgotten = 0 if on else kb.sources.forget_filtered(source.id)
    if on:
        print(f"Topic filter on for #{source.id} {source.name}: from the next scan, only entries a rule, a watchlist "
              "actor or a theme wants are kept; the others are counted.")
    else:
        print(f"Topic filter off for #{source.id} {source.name}; {forgotten} entries it left out will be read again "
              "if the feed still carries them.")
    return 0


def cmd_sources_remove(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        source = kb.sources.get_source(args.source)
        kept = kb.sources.remove_source(source.id)
    print(f"Removed #{source.id} {source.name}; its {kept} items stay in the knowledge base.")
    return 0


def cmd_sources_enable(args: argparse.Namespace, enabled: bool) -> int:
    with open_kb(args) as kb:
        source = kb.sources.update_source(kb.sources.get_source(args.source).id, enabled=enabled)
    print(f"{'Resumed' if enabled else 'Paused'} #{source.id} {source.name}.")
    return 0


def cmd_sources_import(args: argparse.Namespace) -> int:
    from scanner.opml import import_opml

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    with open_kb(args) as kb:
        report = import_opml(kb, path.read_bytes())
    print(f"Imported {path.name}: {len(report.added)} sources added, {len(report.existing)} already there, "
          f"{len(report.skipped)} entries skipped.")
    for title, url in report.skipped:
        print(f"  skipped (not a web address): {title or '(no title)'} {url!r}", file=sys.stderr)
    return 0


def cmd_sources_export(args: argparse.Namespace) -> int:
    from scanner.opml import export_opml

    with open_kb(args) as kb:
        data = export_opml(kb)
        count = len(kb.sources.list_sources())
    Path(args.file).write_bytes(data)
    print(f"Exported {count} sources to {args.file}.")
    return 0


def cmd_sources_defaults(args: argparse.Namespace) -> int:
    from scanner.source_manager import add_default_sources

    with open_kb(args) as kb:
        outcomes = add_default_sources(kb)
    new = sum(not o.existed for o in outcomes)
    print(f"Default sources: {new} added, {len(outcomes) - new} already there. Run 'horizonscan scan' to fetch them.")
    return 0


def summary_to_json(summary: ScanSummary, language: str) -> dict:
    return {
        "run_id": summary.run_id, "cancelled": summary.cancelled, "sources": summary.sources_total,
        "ok": summary.count("ok"), "not_modified": summary.count("not_modified"), "failed": summary.count("failed"),
        "new_items": summary.items_new, "duplicates": summary.duplicates, "new_stories": summary.stories_new,
        "off_topic": summary.off_topic, "per_source": [
            {"id": o.source_id, "name": o.name, "status": o.status, "new_items": o.new_items,
             "known_items": o.known_items, "error": describe(o.error_code, o.error_params, language) or None,
             "error_code": o.error_code, "warning": describe(o.warning_code, o.warning_params, language) or None,
             "fulltext_failed": o.fulltext_failed, "off_topic": o.off_topic}
            for o in summary.outcomes
        ],
    }


def cmd_scan(args: argparse.Namespace) -> int:
    from scanner.fetch import FetchPolicy
    from scanner.pipeline import Scanner

    with open_kb(args) as kb:
        language = _language(kb)
        ids = [kb.sources.get_source(ref).id for ref in args.source or []]
        line = ProgressLine()
        try:
            scanner = Scanner(kb, FetchPolicy.from_settings(kb.settings), bool(kb.settings.get("fulltext", True)))
            summary = scanner.scan(ids or None, force=args.all, due_only=args.due, progress=line)
        except ScanBusyError as busy:  # team mode: a second scheduled scanner skips, it does not duplicate
            print(f"horizonscan: {busy}", file=sys.stderr)
            return 0
        finally:
            line.finish()
        weekly_backup(kb)
    code = scan_exit_code(summary)
    if args.json:
        print_json(summary_to_json(summary, language))
        return code
    print(f"Scanned {summary.sources_total} sources: {summary.count('ok')} ok, "
          f"{summary.count('not_modified')} not modified, {summary.count('failed')} failed. "
          f"{summary.items_new} new items, {summary.duplicates} already known, {summary.stories_new} new stories."
          + (f" {summary.off_topic} off-topic entries left out by topic filters." if summary.off_topic else "")
          + (" (cancelled)" if summary.cancelled else ""))
    for o in summary.failed:
        print(f"  ! {o.name}: {describe(o.error_code, o.error_params, language)} "
              f"{describe_next_try(o.next_due, language)}")
    for o in summary.outcomes:
        if o.warning_code and o.status != "failed":
            print(f"  ~ {o.name}: {describe(o.warning_code, o.warning_params, language)}")
    return code


def weekly_backup(kb) -> None:
    """This week's automatic backup, once; a failure is reported and does not fail the scan."""
    try:
        kb.weekly_backup()
    except (StoreError, OSError) as exc:
        print(f"horizonscan: the weekly backup failed: {' '.join(str(exc).split())}", file=sys.stderr)


EXIT_SOME_FAILED, EXIT_ALL_FAILED = 3, 4  # for scheduled scans that should alert someone (see README)


def scan_exit_code(summary) -> int:
    """0 when no source failed, 3 when some did, 4 when every source that was tried failed."""
    failed = summary.count("failed")
    if not failed:
        return 0
    return EXIT_ALL_FAILED if failed == len(summary.outcomes) else EXIT_SOME_FAILED


def register(sub: argparse._SubParsersAction) -> None:
    sources = sub.add_parser("sources", help="manage sources (feeds, news searches, web pages)")
    ssub = subcommands(sources, "sources_command")
    p = ssub.add_parser("list", help="list sources with their health")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sources_list)
    p = ssub.add_parser("add", help="add a feed, a site (its feed is found), a page or a news search")
    p.add_argument("url", help="feed or site URL; for --type search: the search words")
    p.add_argument("--type", choices=("feed", "search", "page"), help="default: feed (found on the page if needed)")
    p.add_argument("--name")
    p.add_argument("--folder")
    p.add_argument("--theme", action="append", metavar="KEY", help="theme hint (repeatable)")
    p.add_argument("--selector", help="page sources: CSS selector of the article links")
    p.add_argument("--template", help="search sources: URL template with {query}")
    p.add_argument("--no-fulltext", action="store_true", help="do not fetch full articles")
    p.add_argument("--no-check", action="store_true", help="add without fetching it first")
    p.add_argument("--topic-filter", action="store_true",
                   help="keep only entries about labour migration (for general news feeds)")
    p.set_defaults(handler=cmd_sources_add)
    p = ssub.add_parser("filter", help="a source's topic filter: keep only entries about labour migration")
    p.add_argument("source", metavar="ID")
    p.add_argument("state", choices=("on", "off"))
    p.set_defaults(handler=cmd_sources_filter)
    p = ssub.add_parser("remove", help="remove a source (its items stay)")
    p.add_argument("source", metavar="ID")
    p.set_defaults(handler=cmd_sources_remove)
    p = ssub.add_parser("pause", help="stop scanning a source")
    p.add_argument("source", metavar="ID")
    p.set_defaults(handler=lambda a: cmd_sources_enable(a, False))
    p = ssub.add_parser("resume", help="scan a paused source again")
    p.add_argument("source", metavar="ID")
    p.set_defaults(handler=lambda a: cmd_sources_enable(a, True))
    p = ssub.add_parser("import-opml", help="add the feeds of an OPML file (folders kept)")
    p.add_argument("file")
    p.set_defaults(handler=cmd_sources_import)
    p = ssub.add_parser("export-opml", help="write all sources to an OPML file")
    p.add_argument("file")
    p.set_defaults(handler=cmd_sources_export)
    p = ssub.add_parser("check", help="try every source once (nothing stored): ok, moved, gone or not a feed")
    p.add_argument("source", nargs="*", metavar="ID", help="only these sources")
    p.add_argument("--fix", action="store_true", help="take the new address of moved sources and the feed a page "
                   "announces")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sources_check)
    p = ssub.add_parser("defaults", help="add the curated default sources for labour migration")
    p.set_defaults(handler=cmd_sources_defaults)

    p = sub.add_parser("scan", help="fetch sources and store what is new",
                       epilog="exit codes: 0 every source fine, 3 some sources failed, 4 all failed, "
                              "1 the scan itself could not run, 2 wrong arguments")
    p.add_argument("--source", action="append", metavar="ID", help="only this source (repeatable)")
    p.add_argument("--all", action="store_true", help="also sources that are backing off after failures")
    p.add_argument("--due", action="store_true", help="only sources whose scan interval has passed")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=cmd_scan)
