"""The templates' shared machinery: the Jinja2 environment with its Markdown filters, and what the
templates show (the same plain values for the HTML e-mail, the Markdown file, Word and PDF)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

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

_SPECIAL = re.compile(r"([\\`*_\[\]<>]|&(?=#?\w+;))")
_LINE_START = re.compile(r"^(\s*)(?:([#>+-])|(\d+)([.)]))")
_URL_UNSAFE = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\n": "", "\t": ""}


def md_escape(text: str) -> str:
    """Text that stays text in Markdown: a backslash before [ ] * _ ` < > \\ and an entity's &,
    and before a # > + - or "1." that starts the text."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(2)
                           else f"{m.group(1)}{m.group(3)}\\{m.group(4)}", escaped)


def md_url(url: str) -> str:
    """A URL that cannot end a Markdown link early: spaces, parentheses and angle brackets percent-encoded."""
    return "".join(_URL_UNSAFE.get(c, c) for c in url.strip()) or "#"



@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the templates: autoescaping for *.html.j2, none for *.md.j2."""
    import jinja2

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
        "L": labels(language, document.kind),
        "title": one_line(document.title),
        "period": format_period(document),
        "draft": document.status == "draft",
        "intro": paragraphs(document.intro),
        "contents": contents(document),
        "empty": document.is_empty,
        "footer": footer(document),
        "figures": [{"title": one_line(f.title), "png": f.png, "svg": f.svg} for f in document.figures],
        "sections": [{
            "title": one_line(section.title),
            "description": paragraphs(section.description),
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
