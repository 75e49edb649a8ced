"""Snippets: the best short window of an item's text, with the query's words marked."""

from __future__ import annotations

from store.core.models import Snippet
from store.core.text import stem, token_spans

WINDOW_TOKENS = 32


def _matches(token: str, stems: frozenset[str], prefixes: tuple[str, ...]) -> bool:
    if prefixes and token.startswith(prefixes):
        return True
    return stem(token, "nl") in stems or stem(token, "en") in stems


def make_snippet(
    text: str, stems: frozenset[str], prefixes: tuple[str, ...] = (), max_tokens: int = WINDOW_TOKENS
) -> Snippet:
    """Pick the window of `max_tokens` words with the most distinct matches.

    Without matches the snippet is the start of the text. Offsets in `highlights`
    refer to the returned snippet text.
    """
    spans = list(token_spans(text))
    if not spans:
        return Snippet(text[:200].strip())
    hits = [i for i, (tok, _, _) in enumerate(spans) if (stems or prefixes) and _matches(tok, stems, prefixes)]
    start_tok = 0
    if hits:
        best, best_score = 0, -1
        for h in hits:
            first = max(0, h - 4)
            window = {spans[i][0] for i in hits if first <= i < first + max_tokens}
            if len(window) > best_score:
                best, best_score = first, len(window)
        start_tok = best
    end_tok = min(len(spans), start_tok + max_tokens)
    start_char = spans[start_tok][1] if start_tok else 0
    end_char = spans[end_tok - 1][2] if end_tok < len(spans) else len(text)
    if end_tok < len(spans):
        # include trailing punctuation attached to the last word
        while end_char < len(text) and text[end_char] in ".,;:!?)\"'’":
            end_char += 1
    body = " ".join(text[start_char:end_char].split())
    prefix = "… " if start_tok else ""
    suffix = " …" if end_tok < len(spans) else ""
    snippet_text = prefix + body + suffix
    highlights: list[tuple[int, int]] = []
    offset = len(prefix)
    for tok, s, e in token_spans(body):
        if (stems or prefixes) and _matches(tok, stems, prefixes):
            start, end = s + offset, e + offset
            if highlights and snippet_text[highlights[-1][1] : start] in ("-", " ", "'"):
                start = highlights.pop()[0]  # "short-stay" is one mark, not two
            highlights.append((start, end))
    return Snippet(snippet_text, tuple(highlights))
