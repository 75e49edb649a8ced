"""Digest exports: every format carries the same content, links and fixed words, and reads back cleanly."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from store.digest.document import DigestDocument, Entry, Section, SourceLink
from store.digest.export import (
    FORMATS,
    SUFFIXES,
    ExportError,
    export_digest,
    format_for_path,
    render_html,
    render_markdown,
)
from store.digest.export.labels import format_date, format_period, labels
from store.digest.export.templating import md_escape

TRICKY = 'Vakbond: "<b>&" bij uitzendbureau\'s in Tilburg'


def sample_document(language: str = "nl", status: str = "draft") -> DigestDocument:
    entries_a = (
        Entry(1, "Zielińska (FNV): huisvesting arbeidsmigranten onder druk", "https://example.org/nieuws/zielinska",
              "Polish workers in Venlo & Tilburg report 'crowded' housing.\n\nA second paragraph with € 1.250 rent.",
              "Gemeenten in Brabant moeten de controles op huisvesting opvoeren.", date(2026, 11, 24),
              (SourceLink("Omroep Brabant", "https://example.org/nieuws/zielinska"),
               SourceLink("NOS", "https://nos.example/artikel/123?a=1&b=2"),
               SourceLink("Rzeczpospolita", "https://rp.example.pl/praca/łódź"))),
        Entry(2, TRICKY, "https://example.org/tricky?x=1&y=<2>",
              "Summary with *stars* and _underscores_ and [brackets].", "", date(2026, 11, 25), (SourceLink("NU.nl", "https://example.org/tricky?x=1&y=<2>"),)),
    )
    entries_b = (
        Entry(3, "Ștefan Munteanu en ő-klinkers: Roemeense chauffeurs in Moerdijk", "https://ro.example/ştiri/1",
              "Ministerie publiceert “nieuwe” cijfers – ‘voorlopig’.", "Signaal voor de regionale arbeidsmarkt.",
              None, (SourceLink("Ziarul Financiar", "https://ro.example/ştiri/1"),), sent_before=("2026-W46",)),
    )
    return DigestDocument(
        id=7, title="Signalenoverzicht arbeidsmigratie – week 48 (2026)",
        intro="Deze week vooral nieuws over huisvesting.\n\nVeel leesplezier.", label="2026-W48",
        start=date(2026, 11, 23), end=date(2026, 11, 29), status=status, language=language,
        sections=(Section("huisvesting", "Huisvesting & wonen", entries_a),
                  Section("arbeidsmarkt", "Arbeidsmarkt", entries_b)),
        generated=datetime(2026, 11, 27, 9, 30, tzinfo=UTC))


def empty_document(language: str = "nl") -> DigestDocument:
    return replace(sample_document(language), sections=(), intro="")


def norm(text: str) -> str:
    return " ".join(text.split())


def all_urls(document: DigestDocument) -> set[str]:
    return {e.url for e in document.entries} | {s.url for e in document.entries for s in e.sources}


# --- labels ---------------------------------------------------------------------------------------------------


def test_period_and_dates_in_both_languages() -> None:
    doc = sample_document()
    assert format_period(doc) == "week 48, 23–29 november 2026"
    assert format_period(replace(doc, language="en")) == "week 48, 23–29 November 2026"
    span = replace(doc, label="2026-11-30 – 2026-12-06", start=date(2026, 11, 30), end=date(2026, 12, 6))
    assert format_period(span) == "30 november – 6 december 2026"
    assert format_date(date(2027, 3, 1), "en") == "1 March 2027"
    assert labels("nl")["so_what"] == "Wat betekent dit voor Brabant?"
    assert labels("xx") == labels("nl")


def test_format_for_path() -> None:
    assert [format_for_path(Path("a" + SUFFIXES[f])) for f in FORMATS] == list(FORMATS)
    assert format_for_path("Digest.HTM") == "html"
    assert format_for_path("notes.markdown") == "md"
    assert format_for_path("x.txt") is None and format_for_path("noext") is None


# --- HTML -----------------------------------------------------------------------------------------------------


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    collector.close()
    return collector


def test_html_email_is_self_contained_and_complete(tmp_path: Path) -> None:
    doc = sample_document()
    path = export_digest(doc, "html", tmp_path / "digest.html")
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    parsed = parse_html(html)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "img", "link", "style", "iframe", "object", "embed", "form"}
    for _tag, attrs in parsed.tags:
        assert "class" not in attrs
        for key in ("src", "style", "background"):
            assert "http" not in (attrs.get(key) or "").lower() and "url(" not in (attrs.get(key) or "")
    hrefs = {attrs["href"] for tag, attrs in parsed.tags if tag == "a"}
    assert hrefs == all_urls(doc)
    text = norm(" ".join(parsed.text))
    for entry in doc.entries:
        assert entry.title in text
        assert norm(entry.so_what) in text
    for section in doc.sections:
        assert section.title in text
    assert "Wat betekent dit voor Brabant?" in text and "Eerder verzonden in 2026-W46" in text
    assert "Concept" in text and "week 48, 23–29 november 2026" in text
    assert "Samengesteld met Horizonscan op 27 november 2026" in text
    assert text.count("Wat betekent dit voor Brabant?") == 2  # not for the entry without a so-what line
    assert "<b>&" not in html and "&lt;b&gt;&amp;" in html
    assert render_html(doc) == html


# --- Markdown -------------------------------------------------------------------------------------------------


def unescape_md(text: str) -> str:
    return re.sub(r"\\([\\`*_\[\]<>&#.+-])", r"\1", text)


def test_markdown_has_titles_links_and_escapes(tmp_path: Path) -> None:
    doc = sample_document()
    text = export_digest(doc, "md", tmp_path / "digest.md").read_text(encoding="utf-8")
    assert text.startswith("# Signalenoverzicht arbeidsmigratie – week 48 (2026)\n")
    assert "\n*week 48, 23–29 november 2026 · Concept*\n" in text
    assert "## Huisvesting & wonen" in text and "## Arbeidsmarkt" in text
    for entry in doc.entries:
        assert entry.title in unescape_md(text)
    zielinska = "### [Zielińska (FNV): huisvesting arbeidsmigranten onder druk](https://example.org/nieuws/zielinska)"
    assert zielinska in text
    assert "(https://example.org/tricky?x=1&y=%3C2%3E)" in text  # angle brackets cannot end the link
    assert "\\<b\\>" in text and "\\*stars\\*" in text and "\\[brackets\\]" in text
    assert "**Wat betekent dit voor Brabant?** Gemeenten in Brabant moeten" in text
    assert ("Bronnen: [Omroep Brabant](https://example.org/nieuws/zielinska), [NOS](https://nos.example/artikel/123?a=1&b=2),"
            " [Rzeczpospolita](https://rp.example.pl/praca/łódź)") in text
    assert "*Eerder verzonden in 2026-W46*" in text
    assert text.count("Wat betekent dit voor Brabant?") == 2
    assert render_markdown(doc) == text


def test_md_escape() -> None:
    assert md_escape("a_b *c* [d] `e` <f>") == r"a\_b \*c\* \[d\] \`e\` \<f\>"
    assert md_escape("# not a heading") == r"\# not a heading"
    assert md_escape("1. not a list") == r"1\. not a list"


# --- Word -----------------------------------------------------------------------------------------------------


def test_docx_has_headings_hyperlinks_and_properties(tmp_path: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE

    from store.digest.export.docx_export import link_target

    doc = sample_document()
    word = docx.Document(str(export_digest(doc, "docx", tmp_path / "digest.docx")))
    paragraphs = [(p.style.name if p.style is not None else "", p.text) for p in word.paragraphs]
    text = norm("\n".join(t for _, t in paragraphs))
    assert paragraphs[0] == ("Title", doc.title)
    assert ("Heading 2", "Huisvesting & wonen") in paragraphs and ("Heading 2", "Arbeidsmarkt") in paragraphs
    for entry in doc.entries:
        assert ("Heading 3", entry.title) in paragraphs
        assert norm(entry.so_what) in text
    assert "Wat betekent dit voor Brabant? Gemeenten in Brabant" in text
    assert "Bronnen: Omroep Brabant, NOS, Rzeczpospolita" in text
    assert "Eerder verzonden in 2026-W46" in text and "Concept" in text
    targets = {r.target_ref for r in word.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.HYPERLINK}
    assert targets == {link_target(url) for url in all_urls(doc)}
    assert link_target("https://example.org/tricky?x=1&y=<2>") == "https://example.org/tricky?x=1&y=%3C2%3E"
    assert word.core_properties.title == doc.title
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


# --- PDF ------------------------------------------------------------------------------------------------------


def pdf_text_and_links(path: Path) -> tuple[str, set[str], int, dict[str, str]]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = norm(" ".join(page.extract_text() or "" for page in reader.pages))
    uris: set[str] = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.add(str(action["/URI"]))
    meta = reader.metadata or {}
    return text, uris, len(reader.pages), {k: str(v) for k, v in meta.items()}


def test_pdf_has_text_links_metadata_and_page_numbers(tmp_path: Path) -> None:
    doc = sample_document()
    text, uris, pages, meta = pdf_text_and_links(export_digest(doc, "pdf", tmp_path / "digest.pdf"))
    compact = text.replace(" ", "")
    for entry in doc.entries:
        assert entry.title.replace(" ", "") in compact
        assert entry.so_what.replace(" ", "") in compact
    for section in doc.sections:
        assert section.title in text
    assert "Wat betekent dit voor Brabant?" in text and "Eerder verzonden in 2026-W46" in text
    assert f"pagina 1 van {pages}" in text
    assert uris == all_urls(doc)
    assert meta.get("/Title") == doc.title and meta.get("/Author") == "Horizonscan"


def test_pdf_of_a_long_digest_numbers_every_page_and_repeats_the_title(tmp_path: Path) -> None:
    from pypdf import PdfReader

    doc = sample_document(language="en")
    many = tuple(replace(e, item_id=100 + n, title=f"{e.title} ({n})") for n in range(12) for e in doc.entries)
    path = export_digest(replace(doc, sections=(Section("all", "All", many),)), "pdf", tmp_path / "long.pdf")
    reader = PdfReader(str(path))
    assert len(reader.pages) >= 3
    last = norm(reader.pages[-1].extract_text())
    assert f"page {len(reader.pages)} of {len(reader.pages)}" in last
    assert doc.title.replace(" ", "") in norm(reader.pages[1].extract_text()).replace(" ", "")


# --- every format ---------------------------------------------------------------------------------------------


def read_back(path: Path, fmt: str) -> str:
    if fmt == "pdf":
        return pdf_text_and_links(path)[0]
    if fmt == "docx":
        import docx

        return norm("\n".join(p.text for p in docx.Document(str(path)).paragraphs))
    if fmt == "html":
        return norm(" ".join(parse_html(path.read_text(encoding="utf-8")).text))
    return norm(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_digest_is_a_clear_document(tmp_path: Path, fmt: str) -> None:
    doc = empty_document()
    assert doc.is_empty
    text = read_back(export_digest(doc, fmt, tmp_path / f"empty{SUFFIXES[fmt]}"), fmt)
    assert "Geen signalen deze week" in text
    assert "bevat nog geen signalen" in text
    assert "week 48" in text and "Signalenoverzicht" in text
    assert "Wat betekent dit" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_english_labels(tmp_path: Path, fmt: str) -> None:
    doc = sample_document(language="en", status="sent")
    text = read_back(export_digest(doc, fmt, tmp_path / f"en{SUFFIXES[fmt]}"), fmt)
    assert "What does this mean for Brabant?" in text
    assert "Sent before in 2026-W46" in text and "Sources:" in text
    assert "week 48, 23–29 November 2026" in text
    assert "Wat betekent" not in text and "Bronnen" not in text
    assert "Concept" not in text and "Draft" not in text
    empty = read_back(export_digest(empty_document("en"), fmt, tmp_path / f"en-empty{SUFFIXES[fmt]}"), fmt)
    assert "No signals this week" in empty


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_replaces_an_existing_file_and_leaves_no_temp_files(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"digest{SUFFIXES[fmt]}"
    target.write_text("old")
    assert export_digest(sample_document(), fmt, target) == target
    assert target.read_bytes() != b"old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_unknown_format_raises_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Unknown export format 'odt'.*html, docx, pdf, md"):
        export_digest(sample_document(), "odt", tmp_path / "digest.odt")
    assert not list(tmp_path.iterdir())


def test_unwritable_path_raises_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Cannot save the PDF export"):
        export_digest(sample_document(), "pdf", tmp_path / "missing-folder" / "digest.pdf")
    folder = tmp_path / "a-folder.html"
    folder.mkdir()
    with pytest.raises(ExportError, match="Cannot save the HTML export"):
        export_digest(sample_document(), "html", folder)
    assert [p.name for p in tmp_path.iterdir()] == ["a-folder.html"]


def test_the_store_imports_no_export_libraries_until_an_export_is_made() -> None:
    import subprocess
    import sys

    code = ("import sys, store.digest.export, store.digest.export.labels\n"
            "print(','.join(m for m in ('jinja2', 'docx', 'reportlab', 'PySide6') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


# --- text from outside ----------------------------------------------------------------------------------------

HOSTILE = ('<img src="file:///nonexistent/hs/x.png"><img src="/nonexistent/hs/y.png"><img src="\\\\host\\share\\x.png">'
           '<font color=red size=7>SPOOF</font><a href="http://evil.example/">click</a><b>bold</b>')


def hostile_document() -> DigestDocument:
    """Every text of the digest from outside (a feed's title, a source's name) or typed holds HTML."""
    entry = Entry(1, "Evilcorp " + HOSTILE, "https://example.org/evilcorp", HOSTILE, HOSTILE, date(2026, 11, 24),
                  (SourceLink(HOSTILE, "https://example.org/evilcorp"),))
    return replace(sample_document(), title=HOSTILE, intro=HOSTILE, sections=(Section("x", HOSTILE, (entry,)),))


def test_html_in_titles_and_names_is_text_in_every_export(tmp_path: Path) -> None:
    import docx

    doc = hostile_document()
    html = export_digest(doc, "html", tmp_path / "digest.html").read_text(encoding="utf-8")
    parsed = parse_html(html)
    assert not {tag for tag, _ in parsed.tags} & {"img", "font", "b"}
    assert {attrs["href"] for tag, attrs in parsed.tags if tag == "a"} == {"https://example.org/evilcorp"}
    assert "Evilcorp " + HOSTILE in "".join(parsed.text)  # shown literally
    markdown = export_digest(doc, "md", tmp_path / "digest.md").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<", markdown)  # every angle bracket escaped
    assert "Evilcorp " + HOSTILE in unescape_md(markdown)
    word = docx.Document(str(export_digest(doc, "docx", tmp_path / "digest.docx")))
    assert ("Heading 3", "Evilcorp " + HOSTILE) in [(p.style.name if p.style else "", p.text) for p in word.paragraphs]
    text, uris, _, _ = pdf_text_and_links(export_digest(doc, "pdf", tmp_path / "digest.pdf"))  # <img> would fail
    assert "<fontcolor=redsize=7>SPOOF</font>" in text.replace(" ", "")
    assert uris == {"https://example.org/evilcorp"}
