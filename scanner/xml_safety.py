"""Remove document type declarations before parsing, so no entity can read files or explode."""

from __future__ import annotations

import re

# A DOCTYPE, with an optional internal subset in brackets, anywhere before the root element.
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", re.IGNORECASE | re.DOTALL)
_ROOT = re.compile(rb"<(rss|feed|rdf:RDF|RDF|channel|opml)\b", re.IGNORECASE)


def strip_doctype(content: bytes) -> tuple[bytes, bool]:
    """Return the content without DOCTYPE declarations in its prolog, and whether any held entities.

    Feeds never need a DTD; without one, `&name;` references stay unresolved text instead
    of being expanded (billion laughs) or fetched (external entities such as file:///etc/passwd).
    """
    root = _ROOT.search(content)
    prolog_end = root.start() if root else min(len(content), 65536)
    prolog = content[:prolog_end]
    if b"<!" not in prolog.upper().replace(b"<!--", b""):
        return content, False
    had_entities = b"<!ENTITY" in prolog.upper()
    cleaned = _DOCTYPE.sub(b"", prolog)
    if b"<!ENTITY" in cleaned.upper():  # entity declarations outside a well-formed DOCTYPE
        cleaned = re.sub(rb"<!ENTITY.*?>", b"", cleaned, flags=re.IGNORECASE | re.DOTALL)
        had_entities = True
    return cleaned + content[prolog_end:], had_entities


_DECLARATION = re.compile(rb"^(\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", re.IGNORECASE)
_SINGLE_BYTE = {b"iso-8859-1", b"latin-1", b"latin1", b"windows-1252", b"cp1252", b"us-ascii", b"ascii"}


def fix_declared_encoding(content: bytes) -> bytes:
    """Correct a declaration of a single-byte encoding on a document that is really UTF-8.

    Valid multi-byte UTF-8 is practically never meant as Latin-1 ("Ã«" instead of "ë"),
    so the declaration is rewritten to UTF-8.
    """
    match = _DECLARATION.match(content[:512])
    if not match or match.group(2).lower() not in _SINGLE_BYTE or content.isascii():
        return content
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return content
    start, end = match.span(2)
    return content[:start] + b"utf-8" + content[end:]
