"""CLI commands for themes: the taxonomy, tagging, item details, suggestions and rules."""

from __future__ import annotations

import argparse
from datetime import datetime

from cli.errors import UsageError
from cli.output import print_json
from cli.parser import subcommands
from cli.store_commands import identifier, open_kb
from store import RULE_FIELDS, RULE_MATCH_KINDS, explain_theme
from store.core.models import Item, ItemTheme
from store.core.numbers import decimal
from store.core.timeutil import format_utc


def _lang(kb) -> str:
    return str(kb.settings.get("language", "nl"))


def _when(value: datetime | None) -> str | None:
    return format_utc(value) if value else None


# -- themes -------------------------------------------------------------------------
def cmd_themes_list(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        themes = kb.themes()
        counts = {t.key: kb.taxonomy.count_items_with_theme(t.key) for t in themes}
    if args.json:
        print_json([{"key": t.key, "label": t.label_nl, "label_en": t.label_en, "description": t.description_nl,
                     "description_en": t.description_en, "items": counts[t.key]} for t in themes])
    else:
        for t in themes:
            print(f"{t.key:<14} {t.label_nl} / {t.label_en or '-'}  ({counts[t.key]} items)")
    return 0


def cmd_themes_add(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        theme = kb.taxonomy.add_theme(args.key, args.label, args.label_en or "", args.description or "",
                                   args.description_en or "")
    print(f"Added theme {theme.key}: {theme.label_nl}")
    return 0


def cmd_themes_rename(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        theme = kb.taxonomy.rename_theme(args.key, args.label, "en" if args.english else "nl")
    print(f"Theme {theme.key} is now called '{theme.label_en if args.english else theme.label_nl}'.")
    return 0


def cmd_themes_describe(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        kb.taxonomy.describe_theme(args.key, args.description, "en" if args.english else "nl")
    print(f"Description of {args.key} saved; suggestions use it from now on.")
    return 0


def cmd_themes_merge(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        moved = kb.taxonomy.merge_themes(args.source, args.target)
    print(f"Merged {args.source} into {args.target}: {moved} items moved over; {args.source} is gone.")
    return 0


def cmd_themes_delete(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        losing = kb.taxonomy.count_items_with_theme(args.key)
        if losing and not args.yes:
            raise UsageError(f"{losing} items would lose the theme '{args.key}'. Run again with --yes to delete it.")
        kb.taxonomy.delete_theme(args.key)
    print(f"Deleted theme {args.key}; {losing} items lost it.")
    return 0


# -- items and tagging -----------------------------------------------------------------
def theme_to_json(theme: ItemTheme, language: str) -> dict:
    return {"key": theme.key, "label": theme.label, "origin": theme.origin, "confidence": theme.confidence,
            "decision": theme.decision, "active": theme.active, "decided_by": theme.decided_by,
            "decided_at": _when(theme.decided_at) if theme.decided_at else None,
            "explanation": explain_theme(theme.origin, theme.decision, theme.explanation, theme.label, language)}


def item_to_json(item: Item, language: str) -> dict:
    return {
        "id": item.id, "url": item.url, "title": item.title, "source": item.source,
        "published": _when(item.published), "published_estimated": item.published_estimated,
        "language": item.language, "state": item.state, "starred": item.starred, "example": item.is_example,
        "summary": item.summary, "text": item.full_text, "fulltext_status": item.fulltext_status,
        "themes": [theme_to_json(t, language) for t in item.themes], "tags": list(item.tags), "note": item.note,
        "note_by": item.note_by, "note_updated": _when(item.note_updated) if item.note_updated else None,
        "story_id": item.story_id, "story_size": item.story_size, "source_count": item.source_count,
        "sources": [{"item_id": i, "source": s, "url": u} for i, s, u in item.sightings],
    }


def cmd_items_show(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        language = _lang(kb)
        item = kb.get_item(args.item, language)
    if args.json:
        print_json(item_to_json(item, language))
        return 0
    print(item.title + (" [voorbeeld]" if item.is_example else ""))
    print(f"{item.source} · {_when(item.published)} · {item.language} · {item.url}")
    for t in item.themes:
        mark = "✓" if t.active else ("✗" if t.decision == "rejected" else "?")
        conf = f" {decimal(t.confidence, language)}" if t.confidence is not None and t.origin != "manual" else ""
        print(f"  {mark} {t.label}{conf}: {explain_theme(t.origin, t.decision, t.explanation, t.label, language)}")
    if item.tags:
        print("  tags: " + ", ".join(item.tags))
    if item.note:
        print("  so-what: " + item.note)
    print()
    print(item.full_text or item.summary)
    return 0


ITEM_MARKS = ("read", "unread", "star", "unstar", "dismiss")


def cmd_items_mark(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        item_id = kb.resolve_item(args.item)
        if args.mark in ("star", "unstar"):
            kb.items.set_starred([item_id], args.mark == "star")
        else:
            kb.items.set_state([item_id], {"read": "read", "unread": "new", "dismiss": "dismissed"}[args.mark])
        item = kb.get_item(item_id)
    print(f"Item {item_id}: {item.state}{', starred' if item.starred else ''}.")
    return 0


def cmd_items_note(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        item_id = kb.resolve_item(args.item)
        kb.set_note(item_id, args.text)
    print(f"Item {item_id}: note {'saved' if args.text.strip() else 'cleared'}.")
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        kb.tag(args.item, args.themes)
        print(f"Item {kb.resolve_item(args.item)}: themes {', '.join(args.themes)} set.")
    return 0


def cmd_untag(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        kb.untag(args.item, args.themes)
        print(f"Item {kb.resolve_item(args.item)}: themes {', '.join(args.themes)} removed "
              "(they will not be suggested again for this item).")
    return 0


def cmd_tags(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        item_id = kb.resolve_item(args.item)
        if args.remove:
            kb.items.remove_tags([item_id], args.tags)
        else:
            kb.items.add_tags([item_id], args.tags)
        tags = kb.get_item(item_id).tags
    print(f"Item {item_id} tags: {', '.join(tags) or '(none)'}")
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        language = _lang(kb)
        item_id = kb.resolve_item(args.item)
        results = kb.suggestions.suggest(kb.vectors, [item_id], language=language).get(item_id, [])
    rows = [{"theme": s.theme, "label": s.label, "confidence": s.confidence,
             "explanation": explain_theme("suggested", None, s.explanation_json(), s.label, language),
             "similar_items": list(s.similar_ids), "words": list(s.words)} for s in results]
    if args.json:
        print_json(rows)
    else:
        for s, r in zip(results, rows, strict=True):
            print(f"{decimal(s.confidence, language)}  {s.label:<32} {r['explanation']}")
    return 0


# -- rules -------------------------------------------------------------------------------
def cmd_rules_list(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        rules = kb.rules.list_rules()
    if args.json:
        print_json([{"id": r.id, "theme": r.theme_key, "match": r.match, "pattern": r.pattern, "field": r.field,
                     "enabled": r.enabled} for r in rules])
    elif not rules:
        print("No rules yet. Add one with 'horizonscan rules add THEME --match any --pattern \"...\"'.")
    for r in rules if not args.json else []:
        print(f"#{r.id}  {r.describe()}{'' if r.enabled else ' (off)'}")
    return 0


def _print_test(kb, theme: str, match: str, pattern: str, field: str) -> None:
    result = kb.rules.try_rule(theme, match, pattern, field)
    print(f"The rule matches {result.matched} of {result.scanned} items ({result.already} already have '{theme}').")
    for item_id, title, words in result.samples:
        print(f"  #{item_id} {title[:90]}  [{', '.join(words)}]")


def cmd_rules_add(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        rule = kb.rules.add_rule(args.theme, args.match, args.pattern, args.field)
        print(f"Added rule #{rule.id}: {rule.describe()}")
        _print_test(kb, rule.theme_key, rule.match, rule.pattern, rule.field)
        print("New items get it automatically; 'horizonscan rules apply --all' applies it to stored items too.")
    return 0


def cmd_rules_test(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        if args.rule.isdigit():
            rule = kb.rules.get_rule(int(args.rule))
            _print_test(kb, rule.theme_key, rule.match, rule.pattern, rule.field)
        else:
            if not (args.match and args.pattern):
                raise UsageError("Give a rule id, or a theme with --match and --pattern to try a rule before saving.")
            _print_test(kb, args.rule, args.match, args.pattern, args.field)
    return 0


def cmd_rules_apply(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        if args.all:
            counts = kb.rules.apply_rules()
        else:
            newest = kb.items.new_item_ids()
            counts = kb.rules.apply_rules(newest)
    total = sum(counts.values())
    scope = "all items" if args.all else "new (unread) items"
    print(f"Applied {len(counts)} rules to {scope}: {total} matches (themes you removed stay removed).")
    return 0


def cmd_rules_remove(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        kb.rules.remove_rule(args.rule)
    print(f"Removed rule #{args.rule}; themes it gave stay until you remove them.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    themes = sub.add_parser("themes", help="list and edit themes")
    tsub = subcommands(themes, "themes_command")
    p = tsub.add_parser("list", help="themes with their number of items")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_themes_list)
    p = tsub.add_parser("add", help="add a theme")
    p.add_argument("key")
    p.add_argument("--label", required=True, help="the Dutch label")
    p.add_argument("--label-en")
    p.add_argument("--description", help="what belongs here (Dutch); suggestions compare items with it")
    p.add_argument("--description-en")
    p.set_defaults(handler=cmd_themes_add)
    p = tsub.add_parser("rename", help="change a theme's label")
    p.add_argument("key")
    p.add_argument("label")
    p.add_argument("--english", action="store_true", help="change the English label")
    p.set_defaults(handler=cmd_themes_rename)
    p = tsub.add_parser("describe", help="change a theme's description")
    p.add_argument("key")
    p.add_argument("description")
    p.add_argument("--english", action="store_true")
    p.set_defaults(handler=cmd_themes_describe)
    p = tsub.add_parser("merge", help="move all items of FROM into INTO and delete FROM")
    p.add_argument("source", metavar="FROM")
    p.add_argument("target", metavar="INTO")
    p.set_defaults(handler=cmd_themes_merge)
    p = tsub.add_parser("delete", help="delete a theme (says how many items lose it)")
    p.add_argument("key")
    p.add_argument("--yes", action="store_true", help="delete even if items have it")
    p.set_defaults(handler=cmd_themes_delete)

    p = sub.add_parser("tag", help="give an item themes by hand")
    p.add_argument("item")
    p.add_argument("themes", nargs="+", metavar="THEME")
    p.set_defaults(handler=cmd_tag)
    p = sub.add_parser("untag", help="remove themes from an item (they stay removed)")
    p.add_argument("item")
    p.add_argument("themes", nargs="+", metavar="THEME")
    p.set_defaults(handler=cmd_untag)
    p = sub.add_parser("tags", help="add (or --remove) free tags on an item")
    p.add_argument("item")
    p.add_argument("tags", nargs="+", metavar="TAG")
    p.add_argument("--remove", action="store_true")
    p.set_defaults(handler=cmd_tags)

    items = sub.add_parser("items", help="look at one item")
    isub = subcommands(items, "items_command")
    p = isub.add_parser("show", help="an item with its themes (origin, confidence, decision), tags and note")
    p.add_argument("item")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_items_show)
    p = isub.add_parser("mark", help="mark an item read, unread, starred, unstarred or dismissed (noise)")
    p.add_argument("item")
    p.add_argument("mark", choices=ITEM_MARKS)
    p.set_defaults(handler=cmd_items_mark)
    p = isub.add_parser("note", help="set the item's so-what note (an empty text clears it)")
    p.add_argument("item")
    p.add_argument("text")
    p.set_defaults(handler=cmd_items_note)

    p = sub.add_parser("suggest", help="themes for an item, ranked, with confidence and explanation")
    p.add_argument("item")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_suggest)

    rules = sub.add_parser("rules", help="rules that give items a theme")
    rsub = subcommands(rules, "rules_command")
    p = rsub.add_parser("list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_rules_list)
    for name, handler, help_text in (("add", cmd_rules_add, "add a rule (and see what it matches)"),
                                     ("test", cmd_rules_test, "try a rule (by id, or THEME --match --pattern)")):
        p = rsub.add_parser(name, help=help_text)
        p.add_argument("theme" if name == "add" else "rule", metavar="THEME" if name == "add" else "RULE|THEME")
        p.add_argument("--match", choices=RULE_MATCH_KINDS, required=name == "add")
        p.add_argument("--pattern", required=name == "add")
        p.add_argument("--field", choices=RULE_FIELDS, default="both")
        p.set_defaults(handler=handler)
    p = rsub.add_parser("apply", help="apply rules to new items, or with --all to every stored item")
    p.add_argument("--all", action="store_true")
    p.set_defaults(handler=cmd_rules_apply)
    p = rsub.add_parser("remove")
    p.add_argument("rule", type=identifier)
    p.set_defaults(handler=cmd_rules_remove)
