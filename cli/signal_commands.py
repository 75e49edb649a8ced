"""CLI commands for signals: the watchlist, trends and the ranked inbox of the week."""

from __future__ import annotations

import argparse

from cli.errors import UsageError
from cli.output import print_json, themes_of
from cli.parser import subcommands
from cli.progress_line import ProgressLine
from cli.store_commands import open_kb, positive_int, week_count
from store import ACTOR_KINDS
from store.core.numbers import decimal
from store.core.relative_dates import relative_date
from store.core.timeutil import format_utc, parse_stored
from store.core.weeks import current_week, parse_week, week_label


def _lang(kb) -> str:
    return str(kb.settings.get("language", "nl"))


def cmd_watchlist_list(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        actors = kb.watchlist.list_actors()
    if args.json:
        print_json([{"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases), "items": a.mentions}
                    for a in actors])
    else:
        for a in actors:
            aliases = f" (also: {', '.join(a.aliases)})" if a.aliases else ""
            print(f"#{a.id:<4} {a.name}{aliases}  [{a.kind}] {a.mentions} items")
    return 0


def cmd_watchlist_add(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        actor = kb.watchlist.add_actor(args.name, args.kind, args.alias or [])
        line = ProgressLine()
        try:
            found = kb.watchlist.match_actors(actors=[actor], progress=line)
        finally:
            line.finish()
    print(f"On the watchlist: {actor.name} [{actor.kind}]; mentioned in {found} items.")
    return 0


def cmd_watchlist_remove(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        actor = kb.watchlist.remove_actor(args.name)
    print(f"Removed {actor.name} from the watchlist.")
    return 0


def cmd_watchlist_show(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        language = _lang(kb)
        actor = kb.watchlist.get_actor(args.name)
        series = [s for s in kb.signals.trends(args.weeks, language=language)
                  if s.kind == "actor" and s.key == str(actor.id)]
        rows = kb.watchlist.timeline(actor.id, limit=args.limit)
    weeks: list[dict] = [{"week": w.week, "count": w.count, "baseline": w.baseline, "spike": w.spike}
                         for w in (series[0].weeks if series else ())]
    timeline = [{"id": r[0], "title": r[1], "published": r[2]} for r in rows]
    if args.json:
        print_json({"id": actor.id, "name": actor.name, "kind": actor.kind, "aliases": list(actor.aliases),
                    "items": actor.mentions, "weeks": weeks, "timeline": timeline})
        return 0
    print(f"{actor.name} [{actor.kind}]: {actor.mentions} items")
    print("  " + "  ".join(f"{w['week'][-3:]}:{w['count']}{'!' if w['spike'] else ''}" for w in weeks))
    for item_id, title, published in rows:
        when = relative_date(parse_stored(published), language) or "?"
        print(f"  {when:<16}  #{item_id} {title[:90]}")
    return 0


def cmd_trends(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        series = kb.signals.trends(args.weeks, language=_lang(kb))
    if args.json:
        print_json([{"kind": s.kind, "key": s.key, "label": s.label, "total": s.total,
                     "weeks": [{"week": w.week, "count": w.count, "baseline": w.baseline, "spike": w.spike}
                               for w in s.weeks]} for s in series])
        return 0
    if not series:
        return 0
    labels = [w.week[-3:] for w in series[0].weeks]
    print(f"{'':<34}" + "".join(f"{x:>5}" for x in labels))
    for s in series:
        if s.kind == "actor" and not s.total:
            continue
        cells = "".join(f"{str(w.count) + ('!' if w.spike else ''):>5}" for w in s.weeks)
        print(f"{(s.label if s.kind == 'theme' else '@' + s.label)[:33]:<34}{cells}")
    print("! = spike: well above the trailing 8-week average")
    return 0


def cmd_inbox(args: argparse.Namespace) -> int:
    try:
        year, week = parse_week(args.week) if args.week else current_week()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    with open_kb(args) as kb:
        language = _lang(kb)
        ranked = kb.signals.rank_week(kb.vectors, year, week, language, limit=args.limit)
    if args.json:
        print_json([{"id": r.item.id, "title": r.item.title, "url": r.item.url, "source": r.item.source,
                     "published": format_utc(r.item.published) if r.item.published else None,
                     "sources": r.item.source_count, "themes": themes_of(r.item), "score": r.score,
                     "parts": r.parts, "explanation": r.explanation} for r in ranked])
        return 0
    print(f"Week {week_label(year, week)}: {len(ranked)} signals, strongest first")
    for n, r in enumerate(ranked, start=1):
        sources = f" · {r.item.source_count} bronnen" if r.item.source_count > 1 else ""
        when = relative_date(r.item.published, language)
        line = f"{n:>2}. {decimal(r.score, language)}  {r.item.title}  (#{r.item.id}){sources}"
        print(line + (f" · {when}" if when else ""))
        print(f"          {r.explanation}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    watch = sub.add_parser("watchlist", help="actors to follow: companies, public bodies, municipalities...")
    wsub = subcommands(watch, "watchlist_command")
    p = wsub.add_parser("list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_watchlist_list)
    p = wsub.add_parser("add", help="add an actor (or aliases to one) and find its mentions")
    p.add_argument("name")
    p.add_argument("--kind", choices=ACTOR_KINDS, default="company")
    p.add_argument("--alias", action="append", metavar="A", help="another name it goes by (repeatable)")
    p.set_defaults(handler=cmd_watchlist_add)
    p = wsub.add_parser("remove")
    p.add_argument("name")
    p.set_defaults(handler=cmd_watchlist_remove)
    p = wsub.add_parser("show", help="an actor's weekly counts and latest items")
    p.add_argument("name")
    p.add_argument("--weeks", type=week_count, default=12)
    p.add_argument("--limit", type=positive_int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_watchlist_show)

    p = sub.add_parser("trends", help="weekly counts per theme and actor, spikes flagged")
    p.add_argument("--weeks", type=week_count, default=12)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_trends)

    p = sub.add_parser("inbox", help="this week's items ranked by signal score, each with its reasons")
    p.add_argument("--week", metavar="YYYY-Www", help="default: the current week")
    p.add_argument("--limit", type=positive_int, default=30)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_inbox)
