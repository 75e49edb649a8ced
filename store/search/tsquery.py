"""The search syntax rendered for PostgreSQL (team mode): the same parsed query as FTS5 gets, as a
`tsquery` over the same stems.

The team database indexes the stems the app makes (store.core.text.stem_text, Snowball Dutch or
English, the same stemmer PostgreSQL's `dutch` configuration uses) under the `simple` configuration,
so both modes match exactly the same items for the same query. Differences from FTS5: NEAR(a b)
becomes "both words" (a tsquery distance is one-way and exact), the rest is one to one.
"""

from __future__ import annotations

from store.core.text import STOPWORDS, query_stems, stem
from store.search.query_parser import COMPOUND_PREFIX_MIN, Either, Near, Node, ParsedQuery, Term


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "''") + "'"


def _term(term: Term) -> str:
    if len(term.words) > 1:  # a phrase, in Dutch or English stems
        variants = sorted({" <-> ".join(_lexeme(stem(w, lang)) for w in term.words) for lang in ("nl", "en")})
        rendered = [f"({v})" for v in variants]
    elif term.prefix:
        word = term.words[0]
        rendered = [_lexeme(min(word, stem(word, "nl"), key=len)) + ":*"]
    else:
        stems = query_stems(term.words[0])
        head = stems[0]
        if len(head) >= COMPOUND_PREFIX_MIN:
            rendered = [_lexeme(head) + ":*"] + [_lexeme(s) for s in stems[1:] if not s.startswith(head)]
        else:
            rendered = [_lexeme(s) for s in stems]
    return rendered[0] if len(rendered) == 1 else "(" + " | ".join(rendered) + ")"


def _render(node: Node, loose: bool) -> str | None:
    if isinstance(node, Term):
        return _term(node)
    if isinstance(node, Near):
        return f"({_term(node.left)} & {_term(node.right)})"
    if isinstance(node, Either):
        parts = [p for p in (_render(n, loose) for n in node.parts) if p]
        return None if not parts else parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"
    kept = [n for n in node.parts if not (isinstance(n, Term) and not n.quoted and not n.prefix
                                          and n.words[0] in STOPWORDS)] or node.parts
    positives = [p for p in (_render(n, loose) for n in kept) if p]
    if not positives:
        return None
    joiner = " | " if loose and not node.explicit_and else " & "
    expr = positives[0] if len(positives) == 1 else "(" + joiner.join(positives) + ")"
    negatives = [p for p in (_render(n, False) for n in node.negated) if p]
    if negatives:
        expr = f"({expr} & !({' | '.join(negatives)}))"
    return expr


def tsquery(parsed: ParsedQuery, loose: bool = False) -> str:
    """The strict (all words) or loose (any word) query as tsquery text; empty when nothing is searchable."""
    if parsed.tree is None or not parsed.has_terms:
        return ""
    return _render(parsed.tree, loose) or ""
