"""CLI commands for horizon scanning: signal cards, developments, alerts and the quarterly briefing."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from cli.errors import UsageError
from cli.output import print_json, write_or_print
from cli.parser import subcommands
from cli.store_commands import open_kb, parse_date_arg
from store import CARD_TYPES, CATEGORIES, HORIZONS, STATUSES, Alert, Card, Development, card_label, export_digest
from store.core.timeutil import format_utc, local_today


def _fmt(value) -> str | None:
    return format_utc(value) if value else None


def card_to_json(card: Card) -> dict:
    return {
        "id": card.id, "title": card.title, "description": card.description, "brabant": card.brabant,
        "category": card.category, "type": card.card_type, "horizon": card.horizon, "impact": card.impact,
        "impact_why": card.impact_why, "likelihood": card.likelihood, "likelihood_why": card.likelihood_why,
        "status": card.status, "owner": card.owner, "development": card.development_id, "themes": list(card.themes),
        "actors": list(card.actors), "created": _fmt(card.created), "updated": _fmt(card.updated),
        "version": card.version,
        "evidence": [{"item_id": e.item_id, "url": e.url, "title": e.title, "outlet": e.outlet,
                      "published": _fmt(e.published), "seen": _fmt(e.seen), "added": _fmt(e.added),
                      "added_by": e.added_by, "snapshot_chars": len(e.snapshot)} for e in card.evidence],
        "history": [{"at": _fmt(c.at), "who": c.who, "field": c.field, "old": c.old, "new": c.new}
                    for c in card.history],
    }


def development_to_json(development: Development) -> dict:
    return {"id": development.id, "title": development.title, "description": development.description,
            "cards": [c.id for c in development.cards],
            "evidence_per_week": [{"week": w, "items": n} for w, n in development.weekly_evidence]}


def alert_to_json(alert: Alert) -> dict:
    return {"id": alert.id, "kind": alert.kind, "message": alert.message, "item_id": alert.item_id,
            "card_id": alert.card_id, "created": _fmt(alert.created), "seen": alert.seen}


def _card_line(card: Card) -> str:
    scores = f"impact {card.impact or '-'} · waarschijnlijkheid {card.likelihood or '-'}"
    what = " · ".join(p for p in (card_label(CARD_TYPES, card.card_type), card_label(HORIZONS, card.horizon)) if p)
    return (f"#{card.id} [{card_label(STATUSES, card.status)}] {card.title}  ({scores}"
            f"{'; ' + what if what else ''}; {len(card.evidence)} bewijs)")


def _fields(args: argparse.Namespace) -> dict:
    names = {"title": "title", "description": "description", "brabant": "brabant", "category": "category",
             "type": "card_type", "horizon": "horizon", "impact": "impact", "impact_why": "impact_why",
             "likelihood": "likelihood", "likelihood_why": "likelihood_why", "status": "status", "owner": "owner"}
    fields = {stored: getattr(args, arg) for arg, stored in names.items() if getattr(args, arg, None) is not None}
    if getattr(args, "theme", None):
        fields["themes"] = list(args.theme)
    return fields


def cmd_cards_new(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        card = kb.cards.create([kb.resolve_item(ref) for ref in args.item], args.title, **_fields(args))
    if args.json:
        print_json(card_to_json(card))
    else:
        print(f"Made signal card {_card_line(card)}")
    return 0


def cmd_cards_list(args: argparse.Namespace) -> int:
    with open_kb(args, read_only=True) as kb:
        cards = kb.cards.list_cards(args.status, include_archived=args.all)
    if args.json:
        print_json([card_to_json(c) for c in cards])
    elif not cards:
        print("No signal cards yet. Make one from an item or story: 'horizonscan cards new ITEM'.")
    for card in cards if not args.json else ():
        print(_card_line(card))
    return 0


def cmd_cards_show(args: argparse.Namespace) -> int:
    with open_kb(args, read_only=True) as kb:
        card = kb.cards.get(args.card)
    if args.json:
        print_json(card_to_json(card))
        return 0
    print(_card_line(card))
    for label, value in (("Beschrijving", card.description), ("Wat betekent dit voor Brabant", card.brabant),
                         ("Categorie", card_label(CATEGORIES, card.category)),
                         ("Impact", f"{card.impact or '-'} {card.impact_why}".strip()),
                         ("Waarschijnlijkheid", f"{card.likelihood or '-'} {card.likelihood_why}".strip()),
                         ("Thema's", ", ".join(card.themes)), ("Eigenaar", card.owner)):
        if value:
            print(f"  {label}: {value}")
    print("  Bewijs:")
    for e in card.evidence:
        print(f"    - {e.title} ({e.outlet}, {_fmt(e.published) or '?'}) {e.url}")
    print("  Geschiedenis:")
    for c in card.history:
        print(f"    {_fmt(c.at)} {c.who}: {c.words()}")
    return 0


def cmd_cards_edit(args: argparse.Namespace) -> int:
    fields = _fields(args)
    if not fields:
        raise UsageError("nothing to change: give at least one of --title, --impact, --status ...")
    with open_kb(args) as kb:
        card = kb.cards.update(args.card, **fields)
    print(f"Saved {_card_line(card)}")
    return 0


def cmd_cards_link(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        added = kb.cards.link(args.card, [kb.resolve_item(ref) for ref in args.item])
    print(f"{added} items added to card #{args.card} as evidence (with their stories).")
    return 0


def cmd_cards_cite(args: argparse.Namespace) -> int:
    with open_kb(args, read_only=True) as kb:
        text = kb.cards.citations(args.card, args.format)
    write_or_print(text, args.output, args.format)
    return 0


def cmd_cards_chart(args: argparse.Namespace) -> int:
    path = Path(args.output)
    if path.suffix.lower() not in (".svg", ".png"):
        raise UsageError("the file name must end in .svg or .png")
    with open_kb(args, read_only=True) as kb:
        figures = kb.card_figures(str(kb.settings.get("language", "nl")))
    if not figures:
        raise UsageError("no signal cards to draw yet: make one with 'horizonscan cards new ITEM'")
    figure = figures[0 if args.chart == "radar" else 1]
    if path.suffix.lower() == ".svg":
        path.write_text(figure.svg, encoding="utf-8")
    else:
        path.write_bytes(figure.png)
    print(f"Wrote {path}.")
    return 0


def cmd_developments_new(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        development_id = kb.cards.new_development(args.title, args.description or "", args.card or ())
    print(f"Made development #{development_id} {args.title} with {len(args.card or ())} cards.")
    return 0


def cmd_developments_add(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        kb.cards.development(args.development)
        for card_id in args.card:
            kb.cards.update(card_id, development_id=args.development)
    print(f"{len(args.card)} cards in development #{args.development}.")
    return 0


def cmd_developments_list(args: argparse.Namespace) -> int:
    with open_kb(args, read_only=True) as kb:
        developments = kb.cards.developments()
    if args.json:
        print_json([development_to_json(d) for d in developments])
        return 0
    if not developments:
        print("No developments yet: 'horizonscan developments new TITLE --card ID', or see 'developments suggest'.")
    for d in developments:
        growth = ", ".join(f"{w[-3:]} {n}" for w, n in d.weekly_evidence[-8:])
        print(f"#{d.id} {d.title}: {len(d.cards)} cards; evidence per week: {growth or '-'}")
    return 0


def cmd_developments_suggest(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        suggestions = kb.cards.suggest_developments(kb.vectors)
    if args.json:
        print_json([{"cards": list(s.card_ids), "titles": list(s.titles), "similarity": s.similarity}
                    for s in suggestions])
        return 0
    if not suggestions:
        print("No cards look like one development yet.")
    for s in suggestions:
        print(f"These {len(s.card_ids)} cards look like one development ({s.similarity:.2f}): "
              + "; ".join(f"#{i} {t}" for i, t in zip(s.card_ids, s.titles, strict=True)))
    return 0


def cmd_alerts(args: argparse.Namespace) -> int:
    """Raise what is new, then list alerts: unseen ones, or all since a date (for a cron job's e-mail)."""
    with open_kb(args) as kb:
        kb.raise_alerts()
        since = parse_date_arg(args.since, "--since")
        alerts = kb.alerts.recent(since=since, unseen_only=since is None and not args.all)
        if args.mark_seen:
            kb.alerts.mark_seen([a.id for a in alerts])
    if args.json:
        print_json([alert_to_json(a) for a in alerts])
        return 0
    if not alerts:
        print("No alerts.")
    for a in alerts:
        print(f"[{a.kind}] {_fmt(a.created)} {a.message}" + (f"  (item {a.item_id})" if a.item_id else ""))
    return 0


_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


def cmd_export_briefing(args: argparse.Namespace) -> int:
    from store import format_for_path

    fmt = args.format or format_for_path(Path(args.output))
    if fmt is None:
        raise UsageError(f"cannot tell the format from {args.output!r}: use .docx, .pdf, .html or .md")
    if args.quarter:
        match = _QUARTER.match(args.quarter.strip())
        if not match:
            raise UsageError("--quarter takes YEAR-Qn, e.g. 2026-Q4")
        year, quarter = int(match[1]), int(match[2])
    else:
        today = local_today()
        year, quarter = today.year, (today.month - 1) // 3 + 1
    with open_kb(args, read_only=True) as kb:
        document = kb.briefing(year, quarter, args.language or str(kb.settings.get("language", "nl")))
    path = export_digest(document, fmt, Path(args.output))
    print(f"Wrote {path} ({fmt}, {len(document.entries)} signal cards in {len(document.sections)} sections).")
    return 0


def _card_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--title")
    p.add_argument("--description")
    p.add_argument("--brabant", help="what it means for Brabant")
    p.add_argument("--category", choices=tuple(CATEGORIES))
    p.add_argument("--type", choices=tuple(CARD_TYPES))
    p.add_argument("--horizon", choices=tuple(HORIZONS))
    p.add_argument("--impact", type=int, help="1 to 5")
    p.add_argument("--impact-why", dest="impact_why")
    p.add_argument("--likelihood", type=int, help="1 to 5")
    p.add_argument("--likelihood-why", dest="likelihood_why")
    p.add_argument("--status", choices=tuple(STATUSES))
    p.add_argument("--owner")
    p.add_argument("--theme", action="append", metavar="KEY")


def register(sub: argparse._SubParsersAction) -> None:
    cards = sub.add_parser("cards", help="signal cards: a signal assessed, with its evidence and history")
    csub = subcommands(cards, "cards_command")
    p = csub.add_parser("new", help="make a card from items (and their stories), prefilled")
    p.add_argument("item", nargs="+", metavar="ITEM", help="item id or URL")
    _card_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_cards_new)
    p = csub.add_parser("list", help="the cards (not archived unless --all)")
    p.add_argument("--status", choices=tuple(STATUSES))
    p.add_argument("--all", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_cards_list)
    p = csub.add_parser("show", help="one card with its evidence and history")
    p.add_argument("card", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_cards_show)
    p = csub.add_parser("edit", help="change a card's fields (each change is kept in its history)")
    p.add_argument("card", type=int, metavar="ID")
    _card_options(p)
    p.set_defaults(handler=cmd_cards_edit)
    p = csub.add_parser("link", help="add items as evidence")
    p.add_argument("card", type=int, metavar="ID")
    p.add_argument("item", nargs="+", metavar="ITEM")
    p.set_defaults(handler=cmd_cards_link)
    p = csub.add_parser("cite", help="the evidence of cards as RIS or CSL-JSON (Zotero)")
    p.add_argument("card", nargs="+", type=int, metavar="ID")
    p.add_argument("--format", choices=("ris", "csl"), default="ris")
    p.add_argument("--output", metavar="FILE")
    p.set_defaults(handler=cmd_cards_cite)
    p = csub.add_parser("chart", help="the radar or the impact × likelihood matrix as SVG or PNG")
    p.add_argument("chart", choices=("radar", "matrix"))
    p.add_argument("output", metavar="FILE.svg|FILE.png")
    p.set_defaults(handler=cmd_cards_chart)

    developments = sub.add_parser("developments", help="developments: signal cards grouped")
    dsub = subcommands(developments, "developments_command")
    p = dsub.add_parser("new", help="a development, optionally with cards")
    p.add_argument("title")
    p.add_argument("--description")
    p.add_argument("--card", action="append", type=int, metavar="ID")
    p.set_defaults(handler=cmd_developments_new)
    p = dsub.add_parser("add", help="put cards in a development")
    p.add_argument("development", type=int, metavar="ID")
    p.add_argument("card", nargs="+", type=int, metavar="CARD")
    p.set_defaults(handler=cmd_developments_add)
    p = dsub.add_parser("list", help="developments with their cards and evidence per week")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_developments_list)
    p = dsub.add_parser("suggest", help="cards that look like one development")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_developments_suggest)

    p = sub.add_parser("alerts", help="what calls for attention (raised after scans; for cron e-mail)")
    p.add_argument("--since", metavar="DATE", help="all alerts since DATE, seen or not")
    p.add_argument("--all", action="store_true", help="seen ones too")
    p.add_argument("--mark-seen", action="store_true", help="mark the listed alerts seen")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_alerts)

    export = sub.add_parser("export", help="exports that are not a weekly digest")
    esub = subcommands(export, "export_command")
    p = esub.add_parser("briefing", help="the quarterly briefing: developments, cards, evidence, radar, matrix")
    p.add_argument("output", metavar="FILE", help=".docx, .pdf, .html or .md")
    p.add_argument("--quarter", metavar="YYYY-Qn", help="default: this quarter")
    p.add_argument("--format")
    p.add_argument("--language", choices=("nl", "en"))
    p.set_defaults(handler=cmd_export_briefing)
