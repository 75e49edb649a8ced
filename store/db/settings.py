"""User settings kept as JSON in the data folder (written atomically)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from store.db.paths import SETTINGS_FILENAME

DEFAULTS: dict[str, Any] = {"embedding_model": "use-multilingual"}


def load_settings(data_dir: Path) -> dict[str, Any]:
    """The settings, with defaults for anything missing; a damaged file is kept aside and ignored."""
    path = data_dir / SETTINGS_FILENAME
    settings = dict(DEFAULTS)
    if path.exists():
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(stored, dict):
                settings.update(stored)
        except (OSError, ValueError):
            try:
                path.replace(path.with_suffix(".json.damaged"))
            except OSError:
                pass
    return settings


def save_settings(data_dir: Path, settings: dict[str, Any]) -> None:
    """Write the settings atomically (a crash never leaves half a file)."""
    path = data_dir / SETTINGS_FILENAME
    fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(settings, fh, indent=2, ensure_ascii=False, sort_keys=True)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
