"""Embedders behind one protocol; `create_embedder(spec)` picks one from a settings string."""

from __future__ import annotations

from store.vectors.embedders.base import DEFAULT_EMBEDDER_SPEC, Embedder
from store.vectors.embedders.factory import create_embedder, describe_spec

__all__ = ["DEFAULT_EMBEDDER_SPEC", "Embedder", "create_embedder", "describe_spec"]
