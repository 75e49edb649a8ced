"""The digest as Markdown (CommonMark): for wikis, chat and plain-text mail."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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


def render(document: DigestDocument) -> str:
    from store.digest.export import environment, template_context

    return environment().get_template("digest.md.j2").render(template_context(document))
