"""HTML from feeds and pages: sanitised for display (nh3) and turned into plain text for indexing."""

from __future__ import annotations

import html as html_lib
import re

import lxml.html
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "dl", "dt", "em", "figcaption",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "small", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # no img, iframe, video, script, style: nothing that loads remote content or runs code
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan", "rowspan"},
                      "th": {"colspan", "rowspan"}}
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
              "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "hr"}
_BLANK_LINES = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def sanitize_html(fragment: str) -> str:
    """Safe HTML for the reader: a small set of text tags, http(s)/mailto links only."""
    if not fragment:
        return ""
    return nh3.clean(
        fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow", strip_comments=True,
    ).strip()


def html_to_text(fragment: str) -> str:
    """Plain text with paragraphs separated by blank lines; entities decoded."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return _tidy(html_lib.unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)))
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n\n" + (element.text or "") if element.tag.lower() in ("li", "p") else element.text
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def plain_title(title: str) -> str:
    """A title as one line of plain text (feeds sometimes put HTML in titles)."""
    return " ".join(html_to_text(title).split())
