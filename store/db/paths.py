"""Where Horizonscan keeps its data, and checking that the folder is usable."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from store.core.errors import DataDirError

APP_NAME = "Horizonscan"
ENV_DATA_DIR = "HORIZONSCAN_DATA_DIR"
DB_FILENAME = "horizonscan.db"
VECTOR_DIRNAME = "vectors"
SETTINGS_FILENAME = "settings.json"


def default_data_dir() -> Path:
    """Return the data folder: $HORIZONSCAN_DATA_DIR, else the platform's user data folder."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the explicit folder if given, else the default one (not yet checked)."""
    if explicit:
        return Path(explicit).expanduser()
    return default_data_dir()


def ensure_usable(data_dir: Path) -> Path:
    """Create the folder if needed and prove it is writable.

    Raises DataDirError with a message that names the folder and the fix.
    """
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(
            f"Cannot create the data folder {data_dir} ({exc.strerror or exc}). "
            "Choose another folder with --data-dir or HORIZONSCAN_DATA_DIR."
        ) from exc
    if not data_dir.is_dir():
        raise DataDirError(
            f"The data folder {data_dir} is a file, not a folder. "
            "Choose another folder with --data-dir or HORIZONSCAN_DATA_DIR."
        )
    try:
        with tempfile.TemporaryFile(dir=data_dir):
            pass
    except OSError as exc:
        raise DataDirError(
            f"The data folder {data_dir} is not writable ({exc.strerror or exc}). "
            "Check its permissions or choose another folder with --data-dir."
        ) from exc
    return data_dir
