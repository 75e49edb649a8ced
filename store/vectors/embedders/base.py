"""The embedder protocol and helpers shared by the implementations."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Literal, Protocol, runtime_checkable

import numpy as np

DEFAULT_EMBEDDER_SPEC = "use-multilingual"
TextKind = Literal["passage", "query"]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors.

    `name` is stable and recorded in the database: a different name means the
    stored vectors must be recomputed. Loading happens on first use.
    """

    name: str

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str], kind: TextKind = "passage") -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def usable_cores() -> int:
    """Cores this process may run on (more BLAS threads than cores makes numpy crawl)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
