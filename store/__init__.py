"""The Horizonscan store: the core of the app, and its one front door.

The desktop, the CLI and the scanner use `KnowledgeBase` (one per data folder, with a manager per
concept: `kb.items`, `kb.lists`, `kb.taxonomy`, `kb.rules`, `kb.suggestions`, `kb.watchlist`,
`kb.signals`, `kb.digests`, `kb.sources`, `kb.indicators`, `kb.scans`, `kb.vectors`) and the names below, plus the pure
helpers of `store.core` (the clock, weeks, data classes, errors). Nothing outside the store imports its
other packages; an import-linter contract in pyproject.toml holds that. See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

from store.alerts.alerts import Alert
from store.cards.cards import CardError
from store.cards.charts import Chart, to_png, to_svg
from store.cards.model import CARD_TYPES, CATEGORIES, HORIZONS, STATUSES, Card, Development
from store.cards.model import label as card_label
from store.core.errors import EditConflictError
from store.db.backup import DEFAULT_KEEP_WEEKS as BACKUP_KEEP_WEEKS
from store.db.backup import BackupError, BackupInfo, list_backups, make_backup, read_backup, restore_backup
from store.db.logs import log_file, setup_file_logging
from store.db.paths import DB_FILENAME, resolve_data_dir
from store.db.settings import DEFAULTS as DEFAULT_SETTINGS
from store.db.settings import load_settings, save_settings
from store.digest.digests import OTHER_SECTION, AddedToDigest, AddedToWeek, DigestError, DigestSummary, default_title
from store.digest.document import DigestDocument, Entry
from store.digest.export import FORMATS as EXPORT_FORMATS
from store.digest.export import export_digest, format_for_path, render_html, render_markdown
from store.doctor import run_doctor
from store.example_corpus import load_example_corpus
from store.importer import import_file
from store.indicators.manager import IndicatorSeries
from store.indicators.periods import parse_period
from store.indicators.series import CBS_ODATA, DEFAULT_THRESHOLD, IndicatorSettings
from store.indicators.series import Point as IndicatorPoint
from store.items.language import detect_language
from store.knowledge_base import KnowledgeBase
from store.salvage import SalvageReport, salvage
from store.search.browse import SidebarCounts
from store.search.query_parser import parse_query
from store.search.relevance import nothing_found_hints
from store.search.saved import SavedSearch
from store.signals.trends import Series
from store.signals.watchlist import ACTOR_KINDS, Actor, ActorError
from store.sources.registry import SourceNotFoundError
from store.sources.scans import LastScan
from store.team.admin import TeamStatus, init_team, push_folder, team_status
from store.team.server import TeamServerError, server_uri
from store.themes.explain import explain_theme
from store.themes.rules import FIELDS as RULE_FIELDS
from store.themes.rules import MATCH_KINDS as RULE_MATCH_KINDS
from store.themes.rules import Rule, RuleError, RuleTrial
from store.themes.taxonomy import ThemeEditError
from store.vectors.embedders import create_embedder

__all__ = [
    "ACTOR_KINDS", "BACKUP_KEEP_WEEKS", "DB_FILENAME", "DEFAULT_SETTINGS", "EXPORT_FORMATS", "OTHER_SECTION",
    "RULE_FIELDS",
    "RULE_MATCH_KINDS", "Actor", "ActorError", "AddedToDigest", "AddedToWeek", "BackupError", "BackupInfo",
    "DigestDocument", "DigestError", "DigestSummary", "Entry", "KnowledgeBase", "Rule", "RuleError", "RuleTrial",
    "SalvageReport", "SavedSearch", "Series", "SidebarCounts", "SourceNotFoundError", "ThemeEditError",
    "create_embedder", "default_title", "detect_language", "explain_theme", "export_digest", "format_for_path",
    "import_file", "list_backups", "load_example_corpus", "log_file", "make_backup", "nothing_found_hints",
    "parse_query", "read_backup", "render_html", "render_markdown", "resolve_data_dir", "restore_backup",
    "run_doctor", "salvage", "EditConflictError", "LastScan", "TeamServerError", "TeamStatus", "init_team",
    "push_folder", "server_uri", "team_status", "save_settings", "load_settings", "setup_file_logging",
    "Alert", "Chart", "to_png", "to_svg", "CARD_TYPES", "CATEGORIES", "HORIZONS", "STATUSES", "Card", "CardError",
    "Development", "card_label",
    "CBS_ODATA", "DEFAULT_THRESHOLD", "IndicatorPoint", "IndicatorSeries", "IndicatorSettings", "parse_period",
]
