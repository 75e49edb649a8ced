"""Parse whatever a user types into a safe FTS5 expression.

Supported: words, "exact phrases", prefix*, AND / OR / NOT (upper case), -word,
(parentheses), a NEAR b. Anything else is treated as text; unbalanced quotes
and parentheses are repaired; no input can raise an FTS5 syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.core.text import STOPWORDS, query_stems, stem, tokens

MAX_TERMS = 64
MAX_QUERY_CHARS = 2000
NEAR_DISTANCE = 10
COMPOUND_PREFIX_MIN = 6  # stems this long also match as the start of a Dutch compound
_LEXER = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<lp>\()|(?P<rp>\))|(?P<word>[^\s()"]+)')
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # folded tokens; more than one = phrase
    prefix: bool = False
    quoted: bool = False


@dataclass(frozen=True)
class Near:
    left: Term
    right: Term


@dataclass
class Group:
    """Juxtaposed or AND-ed parts; `explicit_and` is set when the user wrote AND."""

    parts: list[Node] = field(default_factory=list)
    negated: list[Node] = field(default_factory=list)
    explicit_and: bool = False


@dataclass
class Either:
    """Parts joined by OR."""

    parts: list[Node] = field(default_factory=list)


Node = Term | Near | Group | Either


@dataclass
class ParsedQuery:
    """A parsed query: FTS5 expressions (strict and loose), highlight stems and plain text."""

    strict: str  # juxtaposed words must all match
    loose: str  # juxtaposed words: any may match
    highlight_stems: frozenset[str]
    highlight_prefixes: tuple[str, ...]
    semantic_text: str
    has_terms: bool
    terms: tuple[str, ...] = ()  # the juxtaposed words' own expressions (a loose hit matches some of them)


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        for m in _LEXER.finditer(text[:MAX_QUERY_CHARS]):
            kind = m.lastgroup or "word"
            self.tokens.append((kind, m.group(kind) if kind in ("phrase", "word") else kind))
        self.pos = 0
        self.term_count = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def parse(self) -> Node:
        node = self.either()
        while self.peek() is not None:  # stray ")" at top level: skip and continue
            self.take()
            more = self.either()
            node = Group(parts=[node, more])
        return node

    def either(self) -> Node:
        parts: list[Node] = [self.group()]
        while self._is_op("OR"):
            self.take()
            parts.append(self.group())
        return parts[0] if len(parts) == 1 else Either(parts)

    def group(self) -> Group:
        group = Group()
        while (tok := self.peek()) is not None and tok[0] != "rp" and not self._is_op("OR"):
            if self._is_op("AND"):
                self.take()
                group.explicit_and = True
                continue
            negate = False
            if self._is_op("NOT"):
                self.take()
                negate = True
                if self.peek() is None:
                    break
            node = self.unary()
            if node is None:
                continue
            if isinstance(node, tuple):  # ("neg", node) from "-word"
                negate, node = True, node[1]
            (group.negated if negate else group.parts).append(node)
        return group

    def unary(self) -> Node | tuple[str, Node] | None:
        kind, value = self.take()
        if kind == "lp":
            inner = self.either()
            following = self.peek()
            if following is not None and following[0] == "rp":
                self.take()
            return inner
        if kind == "rp":
            return None
        if kind == "phrase":
            return self._term(value, quoted=True)
        if value in _OPERATORS:  # operator in a place where it makes no sense: ignore it
            return None
        negate = value.startswith("-") and len(value) > 1
        term: Term | Near | None = self._term(value.lstrip("-") if negate else value, quoted=False)
        if term is None:
            return None
        if self._is_op("NEAR") and self.pos + 1 < len(self.tokens):
            self.take()
            right_kind, right_value = self.take()
            right = self._term(right_value, quoted=right_kind == "phrase")
            if right is not None and isinstance(term, Term):
                term = Near(term, right)
        return ("neg", term) if negate else term

    def _term(self, raw: str, quoted: bool) -> Term | None:
        prefix = not quoted and raw.endswith("*")
        words = tuple(tokens(raw))
        if not words or self.term_count >= MAX_TERMS:
            return None
        self.term_count += 1
        return Term(words, prefix=prefix and len(words) == 1, quoted=quoted or len(words) > 1)

    def _is_op(self, op: str) -> bool:
        tok = self.peek()
        return tok is not None and tok[0] == "word" and tok[1] == op


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _render_term(term: Term) -> str:
    if len(term.words) > 1:
        variants = {" ".join(stem(w, lang) for w in term.words) for lang in ("nl", "en")}
        rendered = [_quote(v) for v in sorted(variants)]
    elif term.prefix:
        word = term.words[0]
        rendered = [_quote(min(word, stem(word, "nl"), key=len)) + "*"]
    else:
        stems = query_stems(term.words[0])
        head = stems[0]
        if len(head) >= COMPOUND_PREFIX_MIN:  # "huisvest" also finds "huisvestingslocatie"
            rendered = [_quote(head) + "*"] + [_quote(s) for s in stems[1:] if not s.startswith(head)]
        else:
            rendered = [_quote(s) for s in stems]
    return rendered[0] if len(rendered) == 1 else "(" + " OR ".join(rendered) + ")"


def _render(node: Node, loose: bool) -> str | None:
    if isinstance(node, Term):
        return _render_term(node)
    if isinstance(node, Near):
        left = " ".join(stem(w) for w in node.left.words)
        right = " ".join(stem(w) for w in node.right.words)
        return f"NEAR({_quote(left)} {_quote(right)}, {NEAR_DISTANCE})"
    if isinstance(node, Either):
        parts = [p for p in (_render(n, loose) for n in node.parts) if p]
        return None if not parts else parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    positives = [p for p in (_render(n, loose) for n in _content_parts(node)) if p]
    if not positives:
        return None
    joiner = " OR " if loose and not node.explicit_and else " AND "
    expr = positives[0] if len(positives) == 1 else "(" + joiner.join(positives) + ")"
    negatives = [p for p in (_render(n, False) for n in node.negated) if p]
    if negatives:
        expr = f"({expr} NOT ({' OR '.join(negatives)}))"
    return expr


def _content_parts(group: Group) -> list[Node]:
    """The group's parts without stop words, unless that would leave nothing."""
    kept = [n for n in group.parts if not _is_stopword(n)]
    return kept or group.parts


def _is_stopword(node: Node) -> bool:
    return isinstance(node, Term) and not node.quoted and not node.prefix and node.words[0] in STOPWORDS


def _collect(node: Node, stems: set[str], prefixes: list[str], words: list[str]) -> None:
    if isinstance(node, Term):
        for w in node.words:
            words.append(w)
            if node.prefix:
                prefixes.append(min(w, stem(w), key=len))
            elif not (len(node.words) == 1 and w in STOPWORDS):
                stems.update(query_stems(w))
                if len(node.words) == 1 and len(stem(w)) >= COMPOUND_PREFIX_MIN:
                    prefixes.append(stem(w))
    elif isinstance(node, Near):
        _collect(node.left, stems, prefixes, words)
        _collect(node.right, stems, prefixes, words)
    else:
        for part in node.parts:
            _collect(part, stems, prefixes, words)


def _semantic_text(parser: _Parser) -> str:
    """The query as natural text for the embedder: operators, exclusions and quotes removed."""
    out: list[str] = []
    skip_next = False
    for kind, value in parser.tokens:
        if kind in ("lp", "rp"):
            continue
        if kind == "word" and value in _OPERATORS:
            skip_next = value == "NOT"
            continue
        if skip_next or (kind == "word" and value.startswith("-") and len(value) > 1):
            skip_next = False
            continue
        out.append(value.rstrip("*") if kind == "word" else value)
    return " ".join(w for w in out if tokens(w))


def parse_query(text: str) -> ParsedQuery:
    """Parse a user query; never raises. `has_terms` is False when nothing is searchable."""
    parser = _Parser(text or "")
    root = parser.parse()
    strict = _render(root, loose=False) or ""
    loose = _render(root, loose=True) or ""
    stems: set[str] = set()
    prefixes: list[str] = []
    words: list[str] = []
    _collect(root, stems, prefixes, words)
    return ParsedQuery(
        strict=strict,
        loose=loose,
        highlight_stems=frozenset(stems),
        highlight_prefixes=tuple(prefixes),
        semantic_text=_semantic_text(parser),
        has_terms=bool(strict),
        terms=_terms(root) if strict != loose else ((strict,) if strict else ()),
    )


def _terms(root: Node) -> tuple[str, ...]:
    """The expressions of the juxtaposed parts of a plain query (with the exclusions of the query)."""
    if not isinstance(root, Group):
        return ()
    negatives = [p for p in (_render(n, False) for n in root.negated) if p]
    out = []
    for node in _content_parts(root):
        expr = _render(node, False)
        if expr:
            out.append(f"({expr} NOT ({' OR '.join(negatives)}))" if negatives else expr)
    return tuple(out)
