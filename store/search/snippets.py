"""Snippets: the best short window of an item's text, with the query's words marked."""

from __future__ import annotations

from store.core.models import Snippet
from store.core.text import stem, token_spans

WINDOW_TOKENS = 32


class _Matcher:
    """Whether a folded token matches the query, remembered per token: a long text repeats its words, and
    only tokens that begin as a stem or prefix does are stemmed at all (stemming keeps a word's first two
    letters)."""

    def __init__(self, stems: frozenset[str], prefixes: tuple[str, ...]) -> None:
        self.stems, self.prefixes = stems, prefixes
        self.starts = {s[:2] for s in stems} | {p[:2] for p in prefixes}
        self.seen: dict[str, bool] = {}

    def __call__(self, token: str) -> bool:
        known = self.seen.get(token)
        if known is None:
            known = self.seen[token] = self._match(token)
        return known

    def _match(self, token: str) -> bool:
        if token[:2] not in self.starts:
            return False
        if self.prefixes and token.startswith(self.prefixes):
            return True
        return stem(token, "nl") in self.stems or stem(token, "en") in self.stems


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
    matches = _Matcher(stems, prefixes)
    hits = [i for i, (tok, _, _) in enumerate(spans) if (stems or prefixes) and matches(tok)]
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
        if (stems or prefixes) and matches(tok):
            start, end = s + offset, e + offset
            if highlights and snippet_text[highlights[-1][1] : start] in ("-", " ", "'"):
                start = highlights.pop()[0]  # "short-stay" is one mark, not two
            highlights.append((start, end))
    return Snippet(snippet_text, tuple(highlights))
