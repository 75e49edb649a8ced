"""CLI commands for the weekly signal digest: make, fill, order, show and export it."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path

from cli.errors import UsageError
from cli.output import print_json, write_or_print
from cli.parser import subcommands
from cli.store_commands import open_kb, positive_int
from store import (
    EXPORT_FORMATS,
    OTHER_SECTION,
    DigestDocument,
    DigestError,
    DigestSummary,
    KnowledgeBase,
    export_digest,
    format_for_path,
)
from store.core.numbers import decimal
from store.core.weeks import current_week, parse_week, week_label

WEEK_HELP = "the ISO week (YYYY-Www) or a digest number from 'digest list'; default: the current week"


def _language(kb: KnowledgeBase) -> str:
    return str(kb.settings.get("language", "nl"))


def _digest(kb: KnowledgeBase, week: str | None, create: bool = False) -> DigestSummary:
    """The digest the user means: --week (a week or a number), else the current week's."""
    if week:
        return kb.digests.find_digest(week, create=create)
    year, number = current_week()
    found = kb.digests.week_digest(year, number, create=create)
    if found is None:
        raise DigestError(f"There is no digest for {week_label(year, number)} yet; make one with "
                                  "'horizonscan digest new' or add an item with 'horizonscan digest add ITEM'.")
    return found


def cmd_new(args: argparse.Namespace) -> int:
    try:
        year, week = parse_week(args.week) if args.week else current_week()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    with open_kb(args) as kb:
        existing = kb.digests.week_digest(year, week, create=False)
        digest = existing or kb.digests.week_digest(year, week)
        assert digest is not None
        if args.title:
            kb.digests.update_digest(digest.id, title=args.title)
        if args.intro is not None:
            kb.digests.update_digest(digest.id, intro=args.intro)
        digest = kb.digests.get_summary(digest.id)
    verb = "already there" if existing else "made"
    print(f"Digest #{digest.id} for {digest.label} {verb}: {digest.title} ({digest.items} items).")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        item_id = kb.resolve_item(args.item)
        digest = _digest(kb, args.week, create=True)
        if args.section and args.section != OTHER_SECTION:
            kb.check_themes([args.section])
        added = kb.digests.add_item(digest.id, item_id, so_what=args.so_what, section=args.section)
        title = kb.get_item(item_id).title
    if added.already_in:
        print(f"Already in the digest for {digest.label}: {title}" + (" (so-what updated)" if args.so_what else ""))
    else:
        print(f"Added to the digest for {digest.label}: {title}")
    if added.sent_before:
        print(f"Note: this item was sent before, in {', '.join(added.sent_before)}.")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        item_id = kb.resolve_item(args.item)
        digest = _digest(kb, args.week)
        removed = kb.digests.remove_item(digest.id, item_id)
    if not removed:
        raise DigestError(f"Item {item_id} is not in the digest for {digest.label}; nothing removed.")
    print(f"Removed item {item_id} from the digest for {digest.label}.")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        digest = _digest(kb, args.week)
        if args.title is not None or args.intro is not None:
            kb.digests.update_digest(digest.id, title=args.title, intro=args.intro)
        if args.status:
            kb.digests.set_status(digest.id, args.status)
        if args.item and (args.so_what is not None or args.summary is not None):
            item_id = kb.resolve_item(args.item)
            if item_id not in kb.digests.digest_item_ids(digest.id):
                raise DigestError(f"Item {item_id} is not in the digest for {digest.label}.")
            kb.digests.set_item_text(digest.id, item_id, summary=args.summary, so_what=args.so_what)
        elif args.so_what is not None or args.summary is not None:
            raise UsageError("--so-what and --summary need --item ITEM")
        if args.item and args.section:
            if args.section != OTHER_SECTION:
                kb.check_themes([args.section])
            kb.digests.move_item(digest.id, kb.resolve_item(args.item), args.section,
                              args.position - 1 if args.position else 10**6)
        digest = kb.digests.get_summary(digest.id)
    print(f"Digest #{digest.id} for {digest.label}: {digest.title} ({digest.status}, {digest.items} items).")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        found = kb.digests.list_digests()
    if args.json:
        print_json([{"id": d.id, "week": d.label, "start": d.start.isoformat(), "end": d.end.isoformat(),
                     "title": d.title, "status": d.status, "items": d.items} for d in found])
        return 0
    if not found:
        print("No digests yet: 'horizonscan digest new' makes this week's.")
    for d in found:
        print(f"#{d.id:<4} {d.label:<10} {d.status:<6} {d.items:>3} items  {d.title}")
    return 0


def document_json(document: DigestDocument) -> dict:
    def plain(value: object) -> object:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    data = asdict(document)
    data["items"] = len(document.entries)
    return plain(data)  # type: ignore[return-value]


def cmd_show(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        digest = _digest(kb, args.week)
        document = kb.digests.load_document(digest.id, _language(kb))
    if args.json:
        print_json(document_json(document))
        return 0
    print(f"{document.title}\n{document.label} · {document.start} – {document.end} · {document.status}"
          f" · {len(document.entries)} items")
    if document.intro:
        print(f"\n{document.intro}")
    if document.is_empty:
        print("\nNo signals in this digest yet: add items with 'horizonscan digest add ITEM'.")
    for section in document.sections:
        print(f"\n== {section.title} ==")
        for n, entry in enumerate(section.entries, start=1):
            print(f"{n}. {entry.title}  (#{entry.item_id})")
            print(f"   {', '.join(s.name for s in entry.sources)}")
            if entry.so_what:
                print(f"   Wat betekent dit voor Brabant? {entry.so_what}")
            if entry.sent_before:
                print(f"   (sent before in {', '.join(entry.sent_before)})")
    return 0


def cmd_candidates(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        digest = _digest(kb, args.week, create=bool(args.add))
        found = kb.digests.digest_candidates(kb.vectors, digest.id, args.per_theme, _language(kb))
        if args.add:
            for c in found:
                kb.digests.add_item(digest.id, c.item_id, section=c.section)
    if args.json:
        print_json([asdict(c) for c in found])
        return 0
    print(f"Candidates for {digest.label} (strongest signals per theme, not in any digest yet):")
    section = None
    for c in found:
        if c.section != section:
            section = c.section
            print(f"\n== {c.section_title} ==")
        sources = f" · {c.sources} bronnen" if c.sources > 1 else ""
        print(f"{decimal(c.score, _language(kb))}  {c.title}  (#{c.item_id}){sources}")
    if not found:
        print("None: every signal of this period is in a digest already, or nothing came in.")
    elif args.add:
        print(f"\nAdded {len(found)} items to the digest for {digest.label}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    fmt = args.format or format_for_path(Path(args.output))
    if fmt is None:
        raise UsageError(f"cannot tell the format from {args.output!r}: add --format {'|'.join(EXPORT_FORMATS)}")
    with open_kb(args) as kb:
        digest = _digest(kb, args.week)
        document = kb.digests.load_document(digest.id, args.language or _language(kb))
    path = export_digest(document, fmt, Path(args.output))
    what = "an empty digest ('no signals this week')" if document.is_empty else f"{len(document.entries)} items"
    print(f"Wrote {path} ({fmt}, {what}).")
    return 0


def cmd_cite(args: argparse.Namespace) -> int:
    """A digest's entries as RIS or CSL-JSON, in the digest's order."""
    with open_kb(args, read_only=True) as kb:
        digest = _digest(kb, args.week)
        document = kb.digests.load_document(digest.id)
        text = kb.cards.cite_items([e.item_id for e in document.entries], args.format,
                                   f"Horizonscan: {digest.label}")
    write_or_print(text, args.output, f"{args.format}, {len(document.entries)} entries")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    digest = sub.add_parser("digest", help="the weekly signal digest: make, fill, show and export it")
    dsub = subcommands(digest, "digest_command")
    p = dsub.add_parser("new", help="make the digest of a week (the current one by default)")
    p.add_argument("--week", metavar="YYYY-Www")
    p.add_argument("--title", metavar="T")
    p.add_argument("--intro", metavar="TEXT")
    p.set_defaults(handler=cmd_new)
    p = dsub.add_parser("add", help="add an item (id or URL); the week's digest is made when missing")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("--week", metavar="W", help=WEEK_HELP)
    p.add_argument("--so-what", metavar="TEXT", help="what it means for Brabant (default: the item's note)")
    p.add_argument("--section", metavar="THEME", help="the section (a theme key; default: the item's first theme)")
    p.set_defaults(handler=cmd_add)
    p = dsub.add_parser("remove", help="take an item out of a digest")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("--week", metavar="W", help=WEEK_HELP)
    p.set_defaults(handler=cmd_remove)
    p = dsub.add_parser("edit", help="title, introduction, status; an item's summary, so-what or section")
    p.add_argument("--week", metavar="W", help=WEEK_HELP)
    p.add_argument("--title", metavar="T")
    p.add_argument("--intro", metavar="TEXT")
    p.add_argument("--status", choices=("draft", "sent"))
    p.add_argument("--item", metavar="ITEM")
    p.add_argument("--summary", metavar="TEXT")
    p.add_argument("--so-what", metavar="TEXT")
    p.add_argument("--section", metavar="THEME", help="with --item: move it to this section")
    p.add_argument("--position", type=positive_int, metavar="N", help="with --section: place it N-th (1 = first)")
    p.set_defaults(handler=cmd_edit)
    p = dsub.add_parser("list", help="all digests, newest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    p = dsub.add_parser("show", help="a digest's sections and items")
    p.add_argument("--week", metavar="W", help=WEEK_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)
    p = dsub.add_parser("candidates", help="the period's strongest signals per theme not in any digest yet")
    p.add_argument("--week", metavar="W", help=WEEK_HELP)
    p.add_argument("--per-theme", type=positive_int, default=3, metavar="N")
    p.add_argument("--add", action="store_true", help="add them all")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_candidates)
    p = dsub.add_parser("cite", help="a digest's entries as RIS or CSL-JSON (Zotero)")
    p.add_argument("--week", metavar="W", help=WEEK_HELP)
    p.add_argument("--format", choices=("ris", "csl"), default="ris")
    p.add_argument("--output", metavar="FILE")
    p.set_defaults(handler=cmd_cite)
    p = dsub.add_parser("export", help="write a digest as e-mail HTML, Word, PDF or Markdown")
    p.add_argument("--week", metavar="W", help=WEEK_HELP)
    p.add_argument("--format", choices=EXPORT_FORMATS, help="default: from the file name's suffix")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--language", choices=("nl", "en"), help="of the fixed words (default: the app's language)")
    p.set_defaults(handler=cmd_export)
