"""Rules that give items a theme, matched like paperless-ngx: any, all, phrase, regex, fuzzy.

Matching is case- and diacritics-insensitive and on whole words (except regex and fuzzy).
A rule's theme never overrides a decision the user made (see store.themes.registry.set_item_theme).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from sqlite3 import Row

import regex

from store.core.errors import StoreError
from store.core.text import fold, stem, tokens
from store.core.timeutil import now_iso
from store.db.connection import Database
from store.themes.registry import check_theme_keys, set_item_theme

MATCH_KINDS = ("any", "all", "phrase", "regex", "fuzzy")
FIELDS = ("title", "text", "both")
FUZZY_MIN_SCORE = 85
REGEX_TIMEOUT = 0.25  # seconds per item: a pathological pattern cannot hang the app
_QUOTED = re.compile(r'"([^"]+)"|(\S+)')


class RuleError(StoreError):
    """A rule that cannot be used as written."""


@dataclass(frozen=True)
class Rule:
    id: int
    theme_key: str
    match: str
    pattern: str
    field: str = "both"
    enabled: bool = True

    def describe(self) -> str:
        where = {"title": "title", "text": "text", "both": "title or text"}[self.field]
        return f"{self.match} '{self.pattern}' in {where} -> {self.theme_key}"


@dataclass
class RuleTrial:
    matched: int = 0
    scanned: int = 0
    already: int = 0  # matched items that already have the theme
    samples: list[tuple[int, str, list[str]]] = field(default_factory=list)  # (id, title, matched words)


Matcher = Callable[[str, str], list[str]]  # (folded title, folded text) -> matched words ([] = no match)


def _terms(pattern: str) -> list[str]:
    """Words and "quoted phrases" of a pattern, folded, each as space-joined tokens."""
    out = []
    for quoted, word in _QUOTED.findall(pattern):
        joined = " ".join(tokens(quoted or word))
        if joined:
            out.append(joined)
    return out


def compile_rule(match: str, pattern: str, field_name: str = "both") -> Matcher:
    """A function telling whether (and on which words) an item matches; raises RuleError."""
    if match not in MATCH_KINDS:
        raise RuleError(f"Unknown match '{match}'. Use one of: {', '.join(MATCH_KINDS)}.")
    if field_name not in FIELDS:
        raise RuleError(f"Unknown field '{field_name}'. Use one of: {', '.join(FIELDS)}.")
    if not pattern.strip():
        raise RuleError("The rule's pattern is empty.")

    def pick(title: str, text: str) -> str:
        return {"title": title, "text": text, "both": f"{title} \n {text}"}[field_name]

    if match == "regex":
        try:
            compiled = regex.compile(pattern, regex.IGNORECASE | regex.UNICODE)
        except regex.error as exc:
            raise RuleError(f"The regular expression is not valid: {exc}.") from None

        def match_regex(title: str, text: str) -> list[str]:
            try:
                found = compiled.search(pick(title, text), timeout=REGEX_TIMEOUT)
            except TimeoutError:
                return []
            return [found.group(0)[:60]] if found else []
        return match_regex
    if match == "fuzzy":
        from rapidfuzz import fuzz

        needle = " ".join(tokens(pattern))

        def match_fuzzy(title: str, text: str) -> list[str]:
            return [needle] if fuzz.partial_ratio(needle, pick(title, text), score_cutoff=FUZZY_MIN_SCORE) else []
        return match_fuzzy
    terms = [" ".join(tokens(pattern))] if match == "phrase" else _terms(pattern)
    if not any(terms):
        raise RuleError("The pattern has no words to look for.")

    def match_words(title: str, text: str) -> list[str]:
        haystack = f" {' '.join(tokens(pick(title, text)))} "
        found = [t for t in terms if f" {t} " in haystack]
        return found if (found and (match != "all" or len(found) == len(terms))) else []
    return match_words


def _fts_prefilter(match: str, pattern: str) -> str | None:
    """An FTS5 expression whose hits include every possible match (None: scan everything)."""
    if match in ("regex", "fuzzy"):
        return None
    terms = [" ".join(tokens(pattern))] if match == "phrase" else _terms(pattern)
    parts = []
    for term in terms:
        variants = {" ".join(stem(w, lang) for w in term.split()) for lang in ("nl", "en")}
        parts.append("(" + " OR ".join('"' + v.replace('"', '""') + '"' for v in sorted(variants)) + ")")
    return (" AND " if match == "all" else " OR ").join(parts) or None


def _candidates(database: Database, match: str, pattern: str, item_ids: list[int] | None) -> Iterator[Row]:
    """(id, title, summary, full_text) of items that may match, in chunks."""
    prefilter = _fts_prefilter(match, pattern)
    if item_ids is None:
        if prefilter is None:
            ids = [r[0] for r in database.query("SELECT id FROM items")]
        elif database.dialect == "postgres":
            from store.team import keyword

            ids = keyword.match_ids(database, prefilter, "", ())
        else:
            ids = [r[0] for r in database.query("SELECT rowid FROM items_fts WHERE items_fts MATCH ?", (prefilter,))]
    else:
        ids = list(item_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        yield from database.query(
            f"SELECT id, title, summary, full_text FROM items WHERE id IN ({','.join('?' * len(chunk))})",
            tuple(chunk))


def _folded(row) -> tuple[str, str]:
    return fold(row[1] or ""), fold(f"{row[2] or ''}\n{row[3] or ''}")


def add_rule(database: Database, theme: str, match: str, pattern: str, field_name: str = "both") -> Rule:
    """Validate and save a rule."""
    (theme,) = check_theme_keys(database, [theme])
    compile_rule(match, pattern, field_name)
    with database.write("rules") as conn:
        cur = conn.execute("INSERT INTO rules (theme_key, match, pattern, field, enabled, created)"
                           " VALUES (?, ?, ?, ?, 1, ?)", (theme, match, pattern.strip(), field_name, now_iso()))
    return get_rule(database, int(cur.lastrowid or 0))


def get_rule(database: Database, rule_id: int) -> Rule:
    row = database.query_one("SELECT * FROM rules WHERE id = ?", (rule_id,))
    if row is None:
        raise RuleError(f"No rule with id {rule_id}. See 'horizonscan rules list'.")
    return Rule(row["id"], row["theme_key"], row["match"], row["pattern"], row["field"], bool(row["enabled"]))


def list_rules(database: Database) -> list[Rule]:
    return [Rule(r["id"], r["theme_key"], r["match"], r["pattern"], r["field"], bool(r["enabled"]))
            for r in database.query("SELECT * FROM rules ORDER BY theme_key, id")]


def remove_rule(database: Database, rule_id: int) -> None:
    get_rule(database, rule_id)
    with database.write("rules") as conn:
        conn.execute("DELETE FROM rules WHERE id = ?", (rule_id,))


def try_rule(database: Database, theme: str, match: str, pattern: str, field_name: str = "both",
              samples: int = 10) -> RuleTrial:
    """What the rule would do on the stored items, without changing anything."""
    matcher = compile_rule(match, pattern, field_name)
    (theme,) = check_theme_keys(database, [theme])
    have = {r[0] for r in database.query(
        "SELECT item_id FROM item_themes WHERE theme_key = ? AND decision IS NOT 'rejected'", (theme,))}
    result = RuleTrial(scanned=int(database.scalar("SELECT COUNT(*) FROM items") or 0))
    for row in _candidates(database, match, pattern, None):
        words = matcher(*_folded(row))
        if words:
            result.matched += 1
            result.already += row[0] in have
            if len(result.samples) < samples:
                result.samples.append((row[0], row[1], words))
    return result


def apply_rules(database: Database, item_ids: Iterable[int] | None = None,
                rules: list[Rule] | None = None) -> dict[int, int]:
    """Run enabled rules over the given items (None: all items); returns matches per rule id."""
    ids = None if item_ids is None else list(item_ids)
    counts: dict[int, int] = {}
    for rule in rules if rules is not None else list_rules(database):
        if not rule.enabled or (ids is not None and not ids):
            continue
        matcher = compile_rule(rule.match, rule.pattern, rule.field)
        counts[rule.id] = 0
        for row in _candidates(database, rule.match, rule.pattern, ids):
            words = matcher(*_folded(row))
            if words:
                counts[rule.id] += 1
                set_item_theme(database, row[0], rule.theme_key, "rule", 1.0,
                               json.dumps({"rule": rule.id, "words": words[:5]}, ensure_ascii=False))
    return counts
