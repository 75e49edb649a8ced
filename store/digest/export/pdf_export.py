"""The digest as an A4 PDF (reportlab platypus), set in Source Sans Pro, with clickable links and page numbers."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from store.digest.export.templating import template_context

if TYPE_CHECKING:
    from store.digest.document import DigestDocument

BLUE = "#1f4e79"
GREY = "#6b7480"
TEXT = "#1a1a1a"


def render(document: DigestDocument) -> bytes:
    """The PDF file's bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    ctx = template_context(document)
    fonts = _fonts()
    out = io.BytesIO()
    doc = BaseDocTemplate(out, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2.2 * cm,
                          bottomMargin=2 * cm, title=ctx["title"], author="Horizonscan", creator="Horizonscan",
                          subject=ctx["period"], lang=ctx["language"])
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, 0, 0, 0, 0, id="text")
    doc.addPageTemplates([PageTemplate("page", [frame])])
    story = _story(ctx, _styles(fonts), doc.width)
    doc.build(story, canvasmaker=_numbered_canvas(ctx["title"], ctx["L"]["page"], fonts))
    return out.getvalue()


def _story(ctx: dict[str, Any], st: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table, TableStyle

    words = ctx["L"]
    story: list[Any] = [Paragraph(_x(ctx["title"]), st["title"])]
    draft = f'&nbsp;&nbsp;<font color="#7a5200" backColor="#fff1c2"><b>&nbsp;{_x(words["draft"])}&nbsp;</b></font>'
    story.append(Paragraph(_x(ctx["period"]) + (draft if ctx["draft"] else ""), st["period"]))
    story += [Paragraph(_x(text), st["body"]) for text in ctx["intro"]]
    if ctx["contents"]:
        story.append(Paragraph(f"<b>{_x(words['contents'])}:</b> {_x(ctx['contents'])}", st["contents"]))

    def heading(text: str) -> None:
        rule = HRFlowable(width="100%", thickness=0.6, color=colors.HexColor("#c5d3e2"), spaceBefore=1, spaceAfter=6)
        rule.keepWithNext = True
        story.extend([Paragraph(_x(text), st["h2"]), rule])

    for figure in ctx["figures"]:
        from reportlab.platypus import Image

        picture = Image(io.BytesIO(figure["png"]))
        scale = min(1.0, width * 0.8 / picture.drawWidth)
        picture.drawWidth, picture.drawHeight = picture.drawWidth * scale, picture.drawHeight * scale
        story += [Spacer(1, 6), picture, Paragraph(_x(figure["title"]), st["small"]), Spacer(1, 8)]
    if ctx["empty"]:
        heading(words["empty_title"])
        story.append(Paragraph(_x(words["empty_text"]), st["body"]))
    for section in ctx["sections"]:
        heading(section["title"])
        story += [Paragraph(_x(text), st["body"]) for text in section["description"]]
        for entry in section["entries"]:
            story.append(Paragraph(_link(entry["url"], entry["title"], underline=False), st["h3"]))
            if entry["meta"]:
                story.append(Paragraph(_x(entry["meta"]), st["meta"]))
            story += [Paragraph(_x(text), st["body"]) for text in entry["summary"]]
            if entry["so_what"]:
                text = f'<font color="{BLUE}"><b>{_x(words["so_what"])}</b></font> {_x(entry["so_what"])}'
                box = Table([[Paragraph(text, st["so_what"])]], colWidths=[width])
                box.setStyle(TableStyle([
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef3f9")),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.5, colors.HexColor(BLUE)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
                story += [Spacer(1, 2), box, Spacer(1, 5)]
            if entry["sources"]:
                links = ", ".join(_link(s["url"], s["name"]) for s in entry["sources"])
                story.append(Paragraph(f"{_x(words['sources'])}: {links}", st["small"]))
            if entry["sent_before"]:
                story.append(Paragraph(f"<i>{_x(entry['sent_before'])}</i>", st["sent_before"]))
    story += [Spacer(1, 14), HRFlowable(width="100%", thickness=0.4, color=colors.HexColor("#e3e7ec"), spaceAfter=4),
              Paragraph(_x(ctx["footer"]), st["small"])]
    return story


def _x(text: str) -> str:
    """Text safe inside reportlab's paragraph mini-markup."""
    return escape(text)


def _link(url: str, text: str, underline: bool = True) -> str:
    target = escape(url or "#", {'"': "&quot;"})
    return f'<a href="{target}" color="{BLUE}" underline="{int(underline)}">{_x(text)}</a>'


def _styles(fonts: dict[str, str]) -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=fonts["regular"], fontSize=10.5, leading=14.5, spaceAfter=5,
                          textColor=colors.HexColor(TEXT))

    def style(name: str, **kw: Any) -> ParagraphStyle:
        for key in ("textColor", "backColor"):
            if isinstance(kw.get(key), str):
                kw[key] = colors.HexColor(kw[key])
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": style("title", fontName=fonts["semibold"], fontSize=22, leading=27, textColor=BLUE, spaceAfter=4),
        "period": style("period", fontSize=11.5, leading=15, textColor=GREY, spaceAfter=14),
        "contents": style("contents", fontSize=9.5, leading=13, textColor=GREY, spaceAfter=4),
        "h2": style("h2", fontName=fonts["semibold"], fontSize=15, leading=19, textColor=BLUE, spaceBefore=16,
                    spaceAfter=0, keepWithNext=1),
        "h3": style("h3", fontName=fonts["semibold"], fontSize=12, leading=15.5, textColor=BLUE, spaceBefore=9,
                    spaceAfter=1, keepWithNext=1),
        "meta": style("meta", fontSize=9, leading=12, textColor=GREY, spaceAfter=4, keepWithNext=1),
        "so_what": style("so_what", spaceAfter=0),
        "small": style("small", fontSize=9, leading=12.5, textColor=GREY, spaceAfter=2),
        "sent_before": style("sent_before", fontSize=9, leading=12, textColor="#8a6d00", spaceAfter=2),
    }


@lru_cache(maxsize=1)
def _fonts() -> dict[str, str]:
    """Register Source Sans Pro (it has the Polish, Romanian and Hungarian letters); Vera if it is missing."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        from font_source_sans_pro import font_files_ttf as files

        family, paths = "HsSourceSans", {
            "regular": files["SourceSansPro"], "bold": files["SourceSansProBold"], "italic": files["SourceSansProIt"],
            "bolditalic": files["SourceSansProBoldIt"], "semibold": files["SourceSansProSemibold"]}
    except (ImportError, KeyError):
        import reportlab

        folder = Path(reportlab.__file__).parent / "fonts"
        family, paths = "HsVera", {"regular": str(folder / "Vera.ttf"), "bold": str(folder / "VeraBd.ttf"),
                                   "italic": str(folder / "VeraIt.ttf"), "bolditalic": str(folder / "VeraBI.ttf"),
                                   "semibold": str(folder / "VeraBd.ttf")}
    names = {key: f"{family}-{key}" for key in paths}
    for key, path in paths.items():
        pdfmetrics.registerFont(TTFont(names[key], path))
    for bold, italic, key in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bolditalic")):
        addMapping(names["regular"], bold, italic, names[key])
    return names


def _numbered_canvas(title: str, page_label: str, fonts: dict[str, str]) -> type:
    """A canvas that draws "pagina 2 van 3" in the footer and, from page 2, the digest title in the header."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    shown = title
    while len(shown) > 1 and stringWidth(shown, fonts["regular"], 8.5) > A4[0] - 4 * cm:
        shown = shown[:-2].rstrip() + "…"

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            page = self.getPageNumber()
            self.saveState()
            self.setFillColor(colors.HexColor(GREY))
            self.setFont(fonts["regular"], 8.5)
            self.drawRightString(width - 2 * cm, 1.2 * cm, page_label.format(page=page, pages=total))
            if page > 1:
                self.drawString(2 * cm, height - 1.4 * cm, shown)
                self.setStrokeColor(colors.HexColor("#d9dee5"))
                self.setLineWidth(0.4)
                self.line(2 * cm, height - 1.55 * cm, width - 2 * cm, height - 1.55 * cm)
            self.restoreState()

    return NumberedCanvas
