"""Digest exports: one DigestDocument rendered as e-mail HTML, Word, PDF (A4) or Markdown, with the same content.

The renderers (and Jinja2, python-docx, reportlab) are imported only when an export is made."""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.core.errors import StoreError
from store.digest.export.labels import (
    clean,
    contents,
    entry_meta,
    footer,
    format_period,
    labels,
    one_line,
    paragraphs,
    sent_before_text,
)

if TYPE_CHECKING:
    import jinja2

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


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the templates: autoescaping for *.html.j2, none for *.md.j2."""
    import jinja2

    from store.digest.export.markdown_export import md_escape, md_url

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("store.digest.export", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), disabled_extensions=("md.j2",),
                                            default_for_string=True, default=False),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters.update(md=md_escape, md_url=md_url)
    return env


def template_context(document: DigestDocument) -> dict[str, Any]:
    """What the templates show, as plain values: the same for the HTML and the Markdown export."""
    language = document.language
    return {
        "language": "en" if language == "en" else "nl",
        "L": labels(language),
        "title": one_line(document.title),
        "period": format_period(document),
        "draft": document.status == "draft",
        "intro": paragraphs(document.intro),
        "contents": contents(document),
        "empty": document.is_empty,
        "footer": footer(document),
        "sections": [{
            "title": one_line(section.title),
            "entries": [{
                "title": one_line(entry.title) or entry.url,
                "url": clean(entry.url).strip(),
                "meta": entry_meta(entry, language),
                "summary": paragraphs(entry.summary),
                "so_what": one_line(entry.so_what),
                "sources": [{"name": one_line(s.name) or s.url, "url": clean(s.url).strip()} for s in entry.sources],
                "sent_before": sent_before_text(entry, language),
            } for entry in section.entries],
        } for section in document.sections],
    }


__all__ = ["FORMATS", "SUFFIXES", "ExportError", "export_digest", "format_for_path", "render_bytes", "render_html",
           "render_markdown"]
