"""A deterministic, dependency-free embedder for tests: hashed bag of stems."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from store.core.text import STOPWORDS, stem, tokens
from store.vectors.embedders.base import TextKind, normalise


class HashingEmbedder:
    """Projects each stem to a fixed pseudo-random direction; same text, same vector.

    Texts that share words get similar vectors, which is enough to test the
    semantic path without loading a model.
    """

    def __init__(self, dim: int = 64) -> None:
        self._dim = dim
        self.name = f"hashing-{dim}"
        self.label = "Test embedder (hashing)"
        self._cache: dict[str, np.ndarray] = {}

    @property
    def dim(self) -> int:
        return self._dim

    def _direction(self, word: str) -> np.ndarray:
        vec = self._cache.get(word)
        if vec is None:
            seed = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
            vec = np.random.default_rng(seed).standard_normal(self._dim).astype(np.float32)
            self._cache[word] = vec
        return vec

    def embed(self, texts: Sequence[str], kind: TextKind = "passage") -> np.ndarray:
        """Return (len(texts), dim) unit vectors."""
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for token in tokens(text):
                if token not in STOPWORDS:
                    out[i] += self._direction(stem(token))
        return normalise(out)
