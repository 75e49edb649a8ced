"""Reading XML without DTD entities: nothing is expanded (billion laughs) or loaded (local files, URLs).

Feeds and OPML files never need a DTD. Both safeguards are the parser's own, not patterns over the text
(a "<rss" inside a comment once ended such a pattern's view of the prolog early):

- `clean_prolog` lets expat read the prolog (everything before the root element) and keeps only the XML
  declaration: a DOCTYPE with its entity declarations goes, and so do comments and processing instructions,
  so feedparser's own DOCTYPE handling and its tolerant fallback parser never see a declaration.
- This module is also a SAX driver (`create_parser`, for feedparser's PREFERRED_XML_PARSERS): the
  standard expat reader, refusing entity declarations and external references, as defusedxml's does.
"""

from __future__ import annotations

import codecs
import io
import re
import xml.etree.ElementTree as ET
from typing import Any
from xml.parsers import expat
from xml.sax import SAXParseException
from xml.sax.expatreader import ExpatParser
from xml.sax.handler import ContentHandler, feature_namespaces

# fail-closed test for a prolog expat cannot read: any entity declaration, also in UTF-16
_ANY_ENTITY = re.compile(rb"<\x00?!\x00?E\x00?N\x00?T\x00?I\x00?T\x00?Y", re.IGNORECASE)


class UnsafeXmlError(ValueError):
    """The prolog cannot be read, and it declares entities: the document is not read at all."""


class _EndOfPrologError(Exception):
    pass


class _PrologScan:
    """Positions in the prolog as expat reports them. Stops at the end of a DOCTYPE (before the root
    element's attributes could use its entities) or at the root element."""

    def __init__(self, unit: int) -> None:
        self._unit = unit  # bytes per character of markup: 1, or 2 for UTF-16
        self.declaration = False  # an XML declaration came first
        self.doctype_end: int | None = None  # the byte after the DOCTYPE's closing ">"
        self.root: int | None = None
        self.markup = False  # a comment or processing instruction before the root
        self.entities = False
        self._parser = parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.XmlDeclHandler = self._declaration
        parser.CommentHandler = parser.ProcessingInstructionHandler = self._markup
        parser.EntityDeclHandler = parser.UnparsedEntityDeclHandler = self._entity
        parser.ExternalEntityRefHandler = self._external
        parser.EndDoctypeDeclHandler = self._doctype_end
        parser.StartElementHandler = self._root

    def run(self, content: bytes) -> _PrologScan:
        try:
            self._parser.Parse(content, True)
        except (_EndOfPrologError, expat.ExpatError):
            pass
        return self

    def _declaration(self, *_: Any) -> None:
        self.declaration = True

    def _markup(self, *_: Any) -> None:
        self.markup = True

    def _entity(self, *_: Any) -> None:
        self.entities = True

    def _external(self, *_: Any) -> int:
        return 1  # read nothing

    def _doctype_end(self) -> None:
        self.doctype_end = self._parser.CurrentByteIndex + self._unit  # (expat points at the ">")
        raise _EndOfPrologError

    def _root(self, *_: Any) -> None:
        self.root = self._parser.CurrentByteIndex
        raise _EndOfPrologError


def clean_prolog(content: bytes) -> tuple[bytes, bool]:
    """The document with its prolog reduced to the XML declaration, and whether the prolog declared entities.

    Without a DTD, `&name;` references stay unresolved instead of being expanded or fetched. A prolog expat
    cannot read is left as it is (for feedparser's tolerant parser), unless it declares entities: then
    UnsafeXmlError.
    """
    unit, question_mark, newline = _encoding_family(content)
    scan = _PrologScan(unit).run(content)
    had_entities = scan.entities
    if scan.doctype_end is not None:  # cut the DOCTYPE (and what came before it), then look again
        content = _cut(content, _declaration_end(content, scan.declaration, question_mark), scan.doctype_end,
                       newline)
        scan = _PrologScan(unit).run(content)
        if scan.doctype_end is not None:  # a second DOCTYPE: not XML
            scan.root = None
    if scan.root is None:  # not XML up to the root element (garbage, HTML, a broken feed for the fallback)
        if _ANY_ENTITY.search(content):
            raise UnsafeXmlError("entity declarations in a document whose prolog cannot be read")
        return content, had_entities
    if not scan.markup:
        return content, had_entities
    return _cut(content, _declaration_end(content, scan.declaration, question_mark), scan.root, newline), \
        had_entities


def _cut(content: bytes, start: int, end: int, newline: bytes) -> bytes:
    """Without content[start:end], but with its line breaks, so error messages keep the file's line numbers."""
    return content[:start] + newline * content[start:end].count(newline) + content[end:]


def _encoding_family(content: bytes) -> tuple[int, bytes, bytes]:
    """Bytes per ASCII character (1, or 2 for UTF-16), and how "?>" and a line break are written."""
    for boms, codec in (((codecs.BOM_UTF16_LE, b"<\x00"), "utf-16-le"), ((codecs.BOM_UTF16_BE, b"\x00<"), "utf-16-be")):
        if content.startswith(boms):
            return 2, "?>".encode(codec), "\n".encode(codec)
    return 1, b"?>", b"\n"


def _declaration_end(content: bytes, declaration: bool, question_mark: bytes) -> int:
    """Where the XML declaration ends (it cannot hold "?>"); without one, after the byte order mark."""
    if declaration:
        return content.index(question_mark) + len(question_mark)
    return _bom_length(content)


def _bom_length(content: bytes) -> int:
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if content.startswith(bom):
            return len(bom)
    return 0


# -- the SAX driver ----------------------------------------------------------------------------------


class SafeExpatParser(ExpatParser):
    """The standard expat SAX reader, refusing entity declarations and external references."""

    def reset(self) -> None:
        super().reset()
        parser = self._parser  # type: ignore[attr-defined]  # (set by ExpatParser.reset; not in its stub)
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.EntityDeclHandler = parser.UnparsedEntityDeclHandler = self._refuse
        parser.ExternalEntityRefHandler = self._refuse

    def _refuse(self, *_: Any) -> None:
        raise SAXParseException("entity declarations and external entities are not read", None, self)


def create_parser(*args: Any, **kwargs: Any) -> SafeExpatParser:
    """The SAX driver's entry point (xml.sax.make_parser calls it)."""
    return SafeExpatParser(*args, **kwargs)


class _TreeBuilder(ContentHandler):
    """SAX events (with namespaces) into an ElementTree element, tags as ElementTree writes them."""

    def __init__(self) -> None:
        super().__init__()
        self.builder = ET.TreeBuilder()

    @staticmethod
    def _name(name: tuple[str | None, str]) -> str:
        return f"{{{name[0]}}}{name[1]}" if name[0] else name[1]

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:  # noqa: N802
        self.builder.start(self._name(name), {self._name(k): v for k, v in attrs.items()})

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:  # noqa: N802
        self.builder.end(self._name(name))

    def characters(self, content: str) -> None:
        self.builder.data(content)


def parse_xml(content: bytes) -> ET.Element:
    """An ElementTree element of a document, read with the safe parser.

    Raises SAXParseException if it is not well-formed (a reference to an entity counts as that),
    UnsafeXmlError as clean_prolog.
    """
    cleaned, _ = clean_prolog(content)
    handler = _TreeBuilder()
    parser = create_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(cleaned))
    return handler.builder.close()


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
