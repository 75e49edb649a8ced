"""Text normalisation shared by indexing, querying and snippets: folding, tokens, stems."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import Stemmer

TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
STEMMER_LANGUAGES = {"nl": "dutch", "en": "english"}
QUERY_STEM_LANGUAGES = ("nl", "en")

# Short function-word lists: dropped from free-text queries, never from phrases.
STOPWORDS = frozenset(
    """
    de het een en of maar dat die dit deze der des den in op aan van voor met door naar bij uit
    over onder tot om te als dan ook nog al er hier daar wat wie waar hoe welk welke waarom wanneer
    is zijn was waren wordt worden werd werden ben bent heb hebt heeft hebben had hadden kan kunnen
    zal zullen zou zouden moet moeten mag mogen wil willen ik jij je u hij zij ze wij we jullie
    hun hen mijn jouw uw zijn haar ons onze niet geen wel zo zeer veel meer meest hoeveel
    the a an and or but of to in on at for with by from as is are was were be been being this that
    these those it its there here what which who whom how why when where do does did have has had
    not no can could will would should may might must about into than then so very much many more
    most our your their his her my we you they i me us them
    """.split()
)


_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


_UNSTORABLE_RE = re.compile(r"[\ud800-\udfff\x00]")  # lone surrogate halves and NUL: not storable as UTF-8 text


def storable(text: str) -> tuple[str, bool]:
    """The text with characters that cannot be stored (a lone "\\ud800" from JSON, NUL) replaced by
    U+FFFD, and whether any were."""
    cleaned, count = _UNSTORABLE_RE.subn("\ufffd", text)
    return cleaned, bool(count)


def fold(text: str) -> str:
    """Lower-case and strip diacritics ("Één" -> "een"), like unicode61 remove_diacritics 2."""
    if text.isascii():
        return text.lower()
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text.casefold()))


def tokens(text: str) -> list[str]:
    """Return the folded word tokens of a text (letters and digits; punctuation splits)."""
    return TOKEN_RE.findall(fold(text))


def token_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield (folded token, start, end) with offsets into the original text.

    Folding is done per token so the offsets stay valid even when folding changes length.
    """
    for match in TOKEN_RE.finditer(text):
        yield fold(match.group()), match.start(), match.end()


@lru_cache(maxsize=4)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(STEMMER_LANGUAGES[language])


@lru_cache(maxsize=200_000)
def stem(token: str, language: str = "nl") -> str:
    """Return the Snowball stem of a folded token; languages without a stemmer keep the token."""
    if language not in STEMMER_LANGUAGES:
        return token
    return _stemmer(language).stemWord(token)


def stem_words(words: list[str], language: str = "nl") -> list[str]:
    """Snowball stems of folded words, in one call (much faster than word by word)."""
    if language not in STEMMER_LANGUAGES:
        return list(words)
    return _stemmer(language).stemWords(words)


def index_language(language: str | None) -> str:
    """The stemming language used to index an item: English for English, else Dutch."""
    return "en" if (language or "").lower().startswith("en") else "nl"


def stem_text(text: str, language: str | None = "nl") -> str:
    """Return the text as space-separated stems, ready for the FTS5 index."""
    lang = index_language(language)
    stemmer = _stemmer(lang)
    return " ".join(stemmer.stemWords(tokens(text)))


def query_stems(token: str) -> list[str]:
    """All stems a query token may have in the index (Dutch and English), unique, Dutch first."""
    out: list[str] = []
    for lang in QUERY_STEM_LANGUAGES:
        s = stem(token, lang)
        if s not in out:
            out.append(s)
    return out


def content_hash(title: str, text: str) -> str:
    """A stable hash of an item's folded title and text, for exact-duplicate detection."""
    normalised = " ".join(tokens(title)) + "\n" + " ".join(tokens(text))
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


def lead(text: str, max_chars: int) -> str:
    """The start of a text, cut at a word boundary, at most max_chars long."""
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return text
    cut = text.rfind(" ", 0, max_chars)
    return text[: cut if cut > max_chars // 2 else max_chars]
