"""The digest as an HTML e-mail: for pasting into Outlook, the desktop's preview and "copy as e-mail"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.digest.export.templating import environment, template_context

if TYPE_CHECKING:
    from store.digest.document import DigestDocument


def render(document: DigestDocument) -> str:
    """One self-contained HTML file: inline styles, system fonts, no scripts, images or remote resources."""
    return environment().get_template("digest_email.html.j2").render(template_context(document))
