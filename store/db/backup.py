"""Backups of a data folder: one zip file with the database (SQLite's online backup API, so a running
app or scan is no obstacle) and the settings. The vector index is derived and rebuilt after a restore.

A weekly copy is made automatically (`weekly_backup`) into the data folder's `backups/` and the newest
`keep_weeks` are kept.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import zipfile
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from store.core.errors import StoreError
from store.core.timeutil import format_utc, local_now, to_local
from store.db.failures import storage_error
from store.db.paths import DB_FILENAME, SETTINGS_FILENAME, VECTOR_DIRNAME

FORMAT = "horizonscan-backup"
VERSION = 1
BACKUP_DIRNAME = "backups"
DEFAULT_KEEP_WEEKS = 8


class BackupError(StoreError):
    """A backup that cannot be made or a file that is not a usable backup."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: str  # UTC, as written in the backup
    items: int
    size: int  # bytes of the zip file


def make_backup(data_dir: Path, target: Path, now: datetime | None = None) -> BackupInfo:
    """Write a backup of the data folder to `target` (a .zip file; written whole or not at all)."""
    source_path = data_dir / DB_FILENAME
    if not source_path.exists():
        raise BackupError(f"There is nothing to back up yet: {source_path} does not exist.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as scratch:
        copy = Path(scratch) / DB_FILENAME
        try:
            with closing(sqlite3.connect(source_path)) as source, closing(sqlite3.connect(copy)) as dest:
                source.backup(dest)  # consistent even while another process writes
                items = int(dest.execute("SELECT COUNT(*) FROM items").fetchone()[0])
            created = format_utc(now or local_now())
            manifest = {"format": FORMAT, "version": VERSION, "created": created, "items": items}
            partial = Path(scratch) / "backup.zip"
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("manifest.json", json.dumps(manifest, indent=2))
                archive.write(copy, DB_FILENAME)
                settings = data_dir / SETTINGS_FILENAME
                if settings.exists():
                    archive.write(settings, SETTINGS_FILENAME)
            partial.replace(target)
        except (sqlite3.Error, OSError) as exc:
            raise storage_error(exc, target) or BackupError(
                f"The backup to {target} failed ({exc}). Nothing was changed in the data folder.") from exc
    return BackupInfo(target, created, items, target.stat().st_size)


def read_backup(path: Path) -> BackupInfo:
    """What a backup file holds; raises BackupError if it is not a Horizonscan backup."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            names = set(archive.namelist())
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise BackupError(f"{path} is not a Horizonscan backup ({exc}). Choose a file made by "
                          "'horizonscan backup' or found in the data folder's backups folder.") from exc
    if manifest.get("format") != FORMAT or DB_FILENAME not in names:
        raise BackupError(f"{path} is not a Horizonscan backup. Choose a file made by 'horizonscan backup'.")
    if int(manifest.get("version", 0)) > VERSION:
        raise BackupError(f"{path} was made by a newer Horizonscan; update Horizonscan to restore it.")
    return BackupInfo(path, str(manifest.get("created", "")), int(manifest.get("items", 0)), path.stat().st_size)


def restore_backup(data_dir: Path, backup: Path, now: datetime | None = None) -> tuple[BackupInfo, Path | None]:
    """Replace the data folder's database and settings by the backup's. The current database is kept
    beside it (returned), the vector index is set aside to be rebuilt. Close other Horizonscan windows first."""
    info = read_backup(backup)
    stamp = f"{to_local(now) if now else local_now():%Y%m%d-%H%M%S}"
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-") as scratch:
        with zipfile.ZipFile(backup) as archive:
            archive.extract(DB_FILENAME, scratch)
            has_settings = SETTINGS_FILENAME in archive.namelist()
            if has_settings:
                archive.extract(SETTINGS_FILENAME, scratch)
        restored = Path(scratch) / DB_FILENAME
        with closing(sqlite3.connect(restored)) as check:
            verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise BackupError(f"The database in {backup} is damaged ({verdict}); choose an older backup.")
        current = data_dir / DB_FILENAME
        kept: Path | None = None
        if current.exists():
            _checkpoint(current)
            kept = data_dir / f"{DB_FILENAME}.before-restore-{stamp}"
            shutil.move(str(current), str(kept))
        for suffix in ("-wal", "-shm"):
            (data_dir / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
        shutil.move(str(restored), str(current))
        if has_settings:
            shutil.move(str(Path(scratch) / SETTINGS_FILENAME), str(data_dir / SETTINGS_FILENAME))
    vectors = data_dir / VECTOR_DIRNAME
    if vectors.exists():  # derived from the database: rebuilt from the restored vectors on next use
        shutil.move(str(vectors), str(data_dir / f"{VECTOR_DIRNAME}.before-restore-{stamp}"))
    return info, kept


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file before it is moved aside (so the kept copy is whole)."""
    try:
        with closing(sqlite3.connect(path, timeout=5)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass


def weekly_backup(data_dir: Path, now: datetime, keep_weeks: int = DEFAULT_KEEP_WEEKS) -> BackupInfo | None:
    """Make this week's automatic backup if there is none yet, and keep only the newest `keep_weeks`;
    returns the new backup, or None when this week's exists (or backups are off: keep_weeks 0)."""
    if keep_weeks <= 0 or not (data_dir / DB_FILENAME).exists():
        return None
    folder = data_dir / BACKUP_DIRNAME
    year, week, _ = to_local(now).isocalendar()
    target = folder / f"horizonscan-{year}-W{week:02d}.zip"
    made = None
    if not target.exists():
        made = make_backup(data_dir, target, now)
    for old in sorted(folder.glob("horizonscan-*-W*.zip"))[:-keep_weeks]:
        old.unlink(missing_ok=True)
    return made


def list_backups(data_dir: Path) -> list[Path]:
    """The automatic backups, newest first."""
    return sorted((data_dir / BACKUP_DIRNAME).glob("horizonscan-*-W*.zip"), reverse=True)
