"""A rotating log file in the data folder, where details go that users should not have to read."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_DIRNAME = "logs"
LOG_FILENAME = "horizonscan.log"
HANDLER_NAME = "horizonscan-file"


def log_file(data_dir: Path) -> Path:
    return data_dir / LOG_DIRNAME / LOG_FILENAME


def setup_file_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Send log records (with tracebacks) to data_dir/logs/horizonscan.log; None if that is impossible."""
    path = log_file(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"))
    handler.set_name(HANDLER_NAME)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:  # opened again: replace, not add
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    logging.raiseExceptions = False  # a log that cannot be written (full disk) must not print tracebacks
    for noisy in ("httpx", "httpcore", "chromadb", "trafilatura", "urllib3", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
