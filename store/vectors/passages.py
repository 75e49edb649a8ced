"""Passages: the parts of a long article after its lead, embedded apart.

The default model is a sentence encoder: one vector for a whole long article blurs, and
the item vector covers only the title and the lead (EMBED_LEAD_CHARS). The rest of the
text is cut into passages of whole paragraphs (at most PASSAGE_CHARS each), so a
question answered in the sixth paragraph still finds its article: semantic search scores
an item by its best vector, the item's own or one of its passages'. Short items (most
feed items) have no passages and cost nothing extra.
"""

from __future__ import annotations

import hashlib
import re

PASSAGE_CHARS = 600
MAX_PASSAGES = 8  # the first 8 passages after the lead (about 5,000 characters) are embedded
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _pieces(text: str) -> list[str]:
    """Paragraphs, with paragraphs longer than a passage split at sentence ends (or words)."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        paragraph = " ".join(paragraph.split())
        if len(paragraph) <= PASSAGE_CHARS:
            if paragraph:
                out.append(paragraph)
            continue
        for sentence in _SENTENCE_END.split(paragraph):
            while len(sentence) > PASSAGE_CHARS:
                cut = sentence.rfind(" ", 0, PASSAGE_CHARS)
                cut = cut if cut > PASSAGE_CHARS // 2 else PASSAGE_CHARS
                out.append(sentence[:cut])
                sentence = sentence[cut:].strip()
            if sentence:
                out.append(sentence)
    return out


def chunk_text(text: str) -> list[str]:
    """The text as passages of whole paragraphs (or sentences), each at most PASSAGE_CHARS long."""
    chunks: list[str] = []
    current = ""
    for piece in _pieces(text or ""):
        if current and len(current) + 1 + len(piece) > PASSAGE_CHARS:
            chunks.append(current)
            current = piece
        else:
            current = f"{current} {piece}".strip()
    if current:
        chunks.append(current)
    return chunks


def deep_passages(full_text: str, summary: str = "") -> list[str]:
    """The passages after the lead (the first passage is in the item's own vector)."""
    text = (full_text or "").strip() or (summary or "").strip()
    return chunk_text(text)[1 : 1 + MAX_PASSAGES]


def passages_hash(passages: list[str]) -> str:
    """A short fingerprint of an item's passages: they are embedded again when it changes."""
    return hashlib.sha1("\n\n".join(passages).encode("utf-8")).hexdigest()[:16]
