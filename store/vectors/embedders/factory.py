"""Create an embedder from a settings string ("use-multilingual", "st:MODEL", "hashing")."""

from __future__ import annotations

from store.vectors.embedders.base import DEFAULT_EMBEDDER_SPEC, Embedder

ST_PREFIXES = ("st:", "sentence-transformers:")


def create_embedder(spec: str | None = None) -> Embedder:
    """Return an (unloaded) embedder for `spec`; unknown specs raise ValueError."""
    spec = (spec or DEFAULT_EMBEDDER_SPEC).strip()
    lowered = spec.lower()
    if lowered in ("use", "use-multilingual", "use-multilingual-v3", "default"):
        from store.vectors.embedders.use import UseEmbedder

        return UseEmbedder()
    if lowered.startswith("hashing"):
        from store.vectors.embedders.hashing import HashingEmbedder

        _, _, dim = lowered.partition("-")
        return HashingEmbedder(int(dim) if dim.isdigit() else 64)
    for prefix in ST_PREFIXES:
        if lowered.startswith(prefix) and len(spec) > len(prefix):
            from store.vectors.embedders.sentence_transformer import SentenceTransformerEmbedder

            return SentenceTransformerEmbedder(spec[len(prefix):])
    raise ValueError(
        f"Unknown embedding model '{spec}'. Use 'use-multilingual' (default), "
        "'st:MODEL-NAME-OR-FOLDER' for a sentence-transformers model, or 'hashing' for tests."
    )


def describe_spec(spec: str | None) -> str:
    """A short human label for an embedder spec."""
    return create_embedder(spec).label  # type: ignore[attr-defined]
