"""The digest as a Word document (python-docx): A4, real headings, clickable links."""

from __future__ import annotations

import io
from datetime import UTC
from typing import TYPE_CHECKING, Any

from store.digest.export.templating import template_context

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

    from store.digest.document import DigestDocument

BLUE = "1F4E79"
LINK = "0563C1"
GREY = "6B7480"
_UNSAFE = {c: f"%{ord(c):02X}" for c in ' "<>\\^`{|}'}


def link_target(url: str) -> str:
    """The URL as a relationship target Word accepts: spaces, quotes, angle brackets... percent-encoded."""
    return "".join(_UNSAFE.get(c, c) for c in url.strip()) or "#"


def render(document: DigestDocument) -> bytes:
    """The .docx file's bytes."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    ctx = template_context(document)
    words = ctx["L"]
    doc = Document()
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2.0)
    _styles(doc)
    props = doc.core_properties
    props.title, props.author, props.language = ctx["title"], "Horizonscan", ctx["language"]
    props.comments, props.last_modified_by, props.revision = ctx["footer"], "Horizonscan", 1
    generated = document.generated.astimezone(UTC).replace(tzinfo=None) if document.generated.tzinfo \
        else document.generated
    props.created = props.modified = generated

    doc.add_heading(ctx["title"], level=0)
    period = doc.add_paragraph(style="Subtitle")
    period.add_run(ctx["period"])
    if ctx["draft"]:
        badge = period.add_run(f"   {words['draft']}")
        badge.bold, badge.font.color.rgb = True, RGBColor(0x7A, 0x52, 0x00)
    for text in ctx["intro"]:
        doc.add_paragraph(text)
    if ctx["contents"]:
        line = doc.add_paragraph()
        line.add_run(f"{words['contents']}: ").bold = True
        _small(line.add_run(ctx["contents"]))
    for figure in ctx["figures"]:
        doc.add_picture(io.BytesIO(figure["png"]), width=Cm(14.5))
        caption = doc.add_paragraph()
        _small(caption.add_run(figure["title"]))
    if ctx["empty"]:
        doc.add_heading(words["empty_title"], level=2)
        doc.add_paragraph(words["empty_text"])
    for section in ctx["sections"]:
        doc.add_heading(section["title"], level=2)
        for text in section["description"]:
            doc.add_paragraph(text)
        for entry in section["entries"]:
            _entry(doc, entry, words)
    end = doc.add_paragraph()
    end.paragraph_format.space_before = Pt(18)
    _small(end.add_run(ctx["footer"]))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _entry(doc: Any, entry: dict[str, Any], words: dict[str, str]) -> None:
    from docx.shared import Cm, Pt, RGBColor

    title = doc.add_heading(level=3)
    add_hyperlink(title, entry["url"], entry["title"], color=BLUE)
    if entry["meta"]:
        meta = doc.add_paragraph()
        meta.paragraph_format.space_after = Pt(4)
        meta.paragraph_format.keep_with_next = True
        _small(meta.add_run(entry["meta"]))
    for text in entry["summary"]:
        doc.add_paragraph(text)
    if entry["so_what"]:
        box = doc.add_paragraph()
        box.paragraph_format.left_indent = Cm(0.3)
        _left_border(box)
        label = box.add_run(words["so_what"])
        label.bold, label.font.color.rgb = True, RGBColor.from_string(BLUE)
        box.add_run(f" {entry['so_what']}")
    if entry["sources"]:
        line = doc.add_paragraph()
        line.paragraph_format.space_after = Pt(2)
        _small(line.add_run(f"{words['sources']}: "))
        for n, source in enumerate(entry["sources"]):
            if n:
                _small(line.add_run(", "))
            add_hyperlink(line, source["url"], source["name"], size=9)
    if entry["sent_before"]:
        note = _small(doc.add_paragraph().add_run(entry["sent_before"]))
        note.italic, note.font.color.rgb = True, RGBColor(0x8A, 0x6D, 0x00)


def add_hyperlink(paragraph: Paragraph, url: str, text: str, size: float | None = None, color: str = LINK) -> None:
    """Append `text` as a clickable external link (blue, underlined): python-docx has no API for it."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel_id = paragraph.part.relate_to(link_target(url), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run, props = OxmlElement("w:r"), OxmlElement("w:rPr")
    for tag, value in (("w:color", color), ("w:sz", str(round(size * 2)) if size else None), ("w:u", "single")):
        if value:
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            props.append(element)
    run.append(props)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _small(run: Any) -> Any:
    from docx.shared import Pt, RGBColor

    run.font.size, run.font.color.rgb = Pt(9), RGBColor.from_string(GREY)
    return run


def _left_border(paragraph: Paragraph) -> None:
    """A blue rule left of the paragraph and a pale blue background: the so-what box."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "6"), ("w:color", BLUE)):
        left.set(qn(key), value)
    borders.append(left)
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "EEF3F9")):
        shading.set(qn(key), value)
    ppr.append(borders)  # pBdr and shd come before spacing and ind in CT_PPr's sequence
    ppr.append(shading)
    _reorder(ppr)


def _reorder(ppr: Any) -> None:
    """Put w:pBdr and w:shd where the schema wants them (Word refuses files with pPr children out of order)."""
    from docx.oxml.ns import qn

    order = ["w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
             "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
             "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
             "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
             "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
             "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"]
    rank = {qn(tag): n for n, tag in enumerate(order)}
    children = sorted(ppr, key=lambda el: rank.get(el.tag, len(order)))
    for child in children:
        ppr.append(child)


def _styles(doc: Any) -> None:
    """Calibri throughout, dark-blue headings, a little air between paragraphs."""
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name, size, before in (("Title", 24, 0), ("Heading 2", 15, 18), ("Heading 3", 12.5, 12)):
        style = styles[name]
        style.font.name, style.font.size = "Calibri", Pt(size)
        style.font.color.rgb = RGBColor.from_string(BLUE)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(2 if name == "Heading 3" else 6)
        style.paragraph_format.keep_with_next = True
        _no_theme_font(style)
    subtitle = styles["Subtitle"]
    subtitle.font.name, subtitle.font.size, subtitle.font.italic = "Calibri", Pt(12), False
    subtitle.font.color.rgb = RGBColor.from_string(GREY)
    _no_theme_font(subtitle)
    _no_theme_font(normal)


def _no_theme_font(style: Any) -> None:
    """Drop the theme-font references that would win over the font name set on the style."""
    from docx.oxml.ns import qn

    fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
    for key in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts is not None and fonts.get(qn(key)) is not None:
            del fonts.attrib[qn(key)]
