"""What SQLite and the file system report, in words a user can act on: a full disk, a read-only
folder, a damaged database file. One place, so every command says it the same way."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from store.core.errors import DatabaseDamagedError, DiskFullError, ReadOnlyDataError, StoreError

LOW_SPACE = 1024 * 1024  # bytes: below this, an I/O error while writing is taken to be a full disk


def is_disk_full(exc: BaseException, path: str | Path) -> bool:
    """A full disk, said plainly (ENOSPC, "database or disk is full"), or any failure of a storage operation on a
    disk with no room left: SQLite then reports an I/O error and Chroma a failed compaction."""
    if (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)) or "disk is full" in str(exc).lower():
        return True
    try:
        return shutil.disk_usage(Path(path).parent).free < LOW_SPACE
    except OSError:
        return False


def storage_error(exc: BaseException, path: str | Path) -> StoreError | None:
    """The StoreError that explains `exc` (raised while using the database at `path`), or None."""
    where = Path(path).parent
    text = str(exc).lower()
    if is_disk_full(exc, path):
        return DiskFullError(
            f"The disk that holds {where} is full. Nothing stored before was lost; what was being saved "
            "was undone. Free some space (empty the recycle bin, remove large files) and try again.")
    if (isinstance(exc, sqlite3.OperationalError) and ("readonly" in text or "read-only" in text)) or \
            (isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)):
        return ReadOnlyDataError(
            f"Horizonscan cannot write to {path}: the file or the folder {where} is read-only. Nothing was "
            "changed. Give your account write permission there, or choose another folder with --data-dir.")
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError) and (
            "malformed" in text or "not a database" in text or "corrupt" in text or "encrypted" in text):
        return DatabaseDamagedError(
            f"The database {path} is damaged ({exc}). Restore a backup ('horizonscan restore FILE', or "
            "Instellingen → Back-up terugzetten), or run 'horizonscan doctor --salvage' to copy what can "
            "still be read into a new database.")
    return None
