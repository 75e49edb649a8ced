"""Digest exports: one DigestDocument rendered as e-mail HTML, Word, PDF (A4) or Markdown, with the same content.

The renderers (and Jinja2, python-docx, reportlab) are imported only when an export is made."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from store.core.errors import StoreError

if TYPE_CHECKING:
    from store.digest.document import DigestDocument

FORMATS = ("html", "docx", "pdf", "md")
SUFFIXES = {"html": ".html", "docx": ".docx", "pdf": ".pdf", "md": ".md"}
_GUESS = {".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf", ".md": "md", ".markdown": "md"}
_NAMES = {"html": "HTML", "docx": "Word", "pdf": "PDF", "md": "Markdown"}


class ExportError(StoreError):
    """A digest that cannot be exported: an unknown format, or a file that cannot be written."""


def format_for_path(path: str | Path) -> str | None:
    """The export format a file name asks for by its suffix ("report.docx" -> "docx"), or None."""
    return _GUESS.get(Path(path).suffix.lower())


def render_html(document: DigestDocument) -> str:
    """The digest as one self-contained HTML e-mail (inline styles only, no external resources)."""
    from store.digest.export.html_email import render

    return render(document)


def render_markdown(document: DigestDocument) -> str:
    from store.digest.export.markdown_export import render

    return render(document)


def render_bytes(document: DigestDocument, fmt: str) -> bytes:
    """The file content of one export format; raises ExportError for an unknown format."""
    fmt = (fmt or "").lower().lstrip(".")
    if fmt == "html":
        return render_html(document).encode("utf-8")
    if fmt == "md":
        return render_markdown(document).encode("utf-8")
    if fmt == "docx":
        from store.digest.export.docx_export import render as render_docx

        return render_docx(document)
    if fmt == "pdf":
        from store.digest.export.pdf_export import render as render_pdf

        return render_pdf(document)
    raise ExportError(f"Unknown export format '{fmt}'. Choose one of: {', '.join(FORMATS)}.")


def export_digest(document: DigestDocument, fmt: str, path: Path) -> Path:
    """Write the digest to `path` in format `fmt` (one of FORMATS), atomically; returns the path.

    Raises ExportError when the format is unknown or the file cannot be written."""
    data = render_bytes(document, fmt)
    path = Path(path)
    name = _NAMES.get(fmt.lower().lstrip("."), fmt)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(f"Cannot save the {name} export as '{path}': {reason}. Choose another folder or file name,"
                          " or close the file if another program has it open.") from exc
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return path


__all__ = ["FORMATS", "SUFFIXES", "ExportError", "export_digest", "format_for_path", "render_bytes", "render_html",
           "render_markdown"]
