"""OPML import and export of sources (folders kept), with listparser for reading."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from email.utils import format_datetime
from xml.sax import SAXParseException

import listparser

from scanner.source_manager import SourceInputError
from scanner.xml_safety import UnsafeXmlError, parse_xml
from store import KnowledgeBase
from store.core.models import Source
from store.core.timeutil import utcnow
from store.core.urls import is_http_url

HS_NAMESPACE = "https://horizonscan.example/opml"  # our own attributes: source type, query, selector


@dataclass
class OpmlImport:
    added: list[Source] = field(default_factory=list)
    existing: list[Source] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (title, url) that are not web addresses


def _check_well_formed(content: bytes) -> ET.Element:
    """The OPML's element tree, read with the safe parser (no DTD entities are expanded or loaded)."""
    try:
        root = parse_xml(content)
    except UnsafeXmlError:
        raise SourceInputError(
            "opml_entities",
            "The OPML file starts with damaged declarations (XML entities), which are not read for safety; "
            "nothing was imported. Export it again from the other program.",
        ) from None
    except SAXParseException as exc:
        line, column = exc.getLineNumber(), exc.getColumnNumber()
        raise SourceInputError(
            "opml_damaged",
            f"The OPML file is damaged (XML error at line {line}, column {column}); nothing was imported. "
            "Export it again from the other program.",
        ) from None
    if root.tag.lower() != "opml":
        raise SourceInputError("not_opml", f"This is not an OPML file (its root element is <{root.tag}>); "
                                            "nothing was imported.")
    return root


def _extra_attributes(root: ET.Element) -> dict[str, dict[str, str]]:
    """Our own attributes (type, query, selector) per feed URL, from an export by Horizonscan."""
    out = {}
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        extra = {k.split("}")[-1]: v for k, v in outline.attrib.items() if k.startswith(f"{{{HS_NAMESPACE}}}")}
        if url and extra:
            out[url] = extra
    return out


def import_opml(kb: KnowledgeBase, content: bytes) -> OpmlImport:
    """Add every feed in the OPML; folders become source folders. Raises SourceInputError if malformed."""
    root = _check_well_formed(content)
    extras = _extra_attributes(root)
    parsed = listparser.parse(ET.tostring(root, encoding="utf-8"))  # what the safe parser read, nothing else
    report = OpmlImport()
    for outline in root.iter("outline"):  # entries listparser drops: an xmlUrl that is not a URL at all
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if outline.get("xmlUrl") is not None and not url:
            report.skipped.append((outline.get("title") or outline.get("text") or "", ""))
    for feed in parsed.feeds:
        url = (feed.get("url") or "").strip()
        title = (feed.get("title") or "").strip() or url
        if not is_http_url(url):
            report.skipped.append((title, url))
            continue
        categories = feed.get("categories") or []
        folder = "/".join(categories[0]) if categories else ""
        extra = extras.get(url, {})
        kind = extra.get("type") if extra.get("type") in ("feed", "search", "page") else "feed"
        added = kb.sources.add_source(title, kind or "feed", url, query=extra.get("query") or None,
                           selector=extra.get("selector") or None, folder=folder,
                           fulltext=kind != "search" and extra.get("fulltext", "1") != "0")
        (report.existing if added.existed else report.added).append(added.source)
    return report


def export_opml(kb: KnowledgeBase) -> bytes:
    """All sources as OPML 2.0, nested by folder, with Horizonscan's own attributes kept."""
    ET.register_namespace("hs", HS_NAMESPACE)
    root = ET.Element("opml", {"version": "2.0"})
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "Horizonscan: bronnen"
    ET.SubElement(head, "dateCreated").text = format_datetime(utcnow())
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {"": body}
    for source in kb.sources.list_sources():
        parent = _folder_element(folders, source.folder)
        attrs = {"type": "rss", "text": source.name, "title": source.name, "xmlUrl": source.url or ""}
        if source.site_url:
            attrs["htmlUrl"] = source.site_url
        attrs[f"{{{HS_NAMESPACE}}}type"] = source.kind
        attrs[f"{{{HS_NAMESPACE}}}fulltext"] = "1" if source.fulltext else "0"
        if source.query:
            attrs[f"{{{HS_NAMESPACE}}}query"] = source.query
        if source.selector:
            attrs[f"{{{HS_NAMESPACE}}}selector"] = source.selector
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _folder_element(folders: dict[str, ET.Element], folder: str) -> ET.Element:
    path = ""
    parent = folders[""]
    for part in [p for p in folder.split("/") if p.strip()]:
        path = f"{path}/{part}" if path else part
        if path not in folders:
            folders[path] = ET.SubElement(parent, "outline", {"text": part, "title": part})
        parent = folders[path]
    return parent
