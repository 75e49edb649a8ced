"""The digest as Markdown (CommonMark): for wikis, chat and plain-text mail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.digest.export.templating import environment, template_context

if TYPE_CHECKING:
    from store.digest.document import DigestDocument


def render(document: DigestDocument) -> str:
    return environment().get_template("digest.md.j2").render(template_context(document))
