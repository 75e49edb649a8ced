"""Unpacking a response body (Content-Encoding), layer by layer and in small steps.

No decoder call produces much more than STEP bytes, and the pieces pass through the layers one at a
time, so a compression bomb (a few KB that inflate to gigabytes, possibly in several layers:
``Content-Encoding: gzip, gzip``) is stopped at the size cap with a few steps in memory, never inflated
in one piece. httpx's own decoders inflate a whole network chunk at once; the fetcher reads the raw
bytes and uses these instead.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Protocol

STEP = 64 * 1024  # what one decoder call produces at most (brotli: about twice that)
UNSUPPORTED = frozenset({"br", "zstd", "compress", "x-compress"})  # known packings without a decoder here
# (any other unknown word, e.g. "utf-8" or "none", is taken as no packing, as browsers and httpx do)

try:  # brotli only from 1.2 on, which can limit the output of one call (output_buffer_limit)
    import brotli

    brotli.Decompressor().process(b"", output_buffer_limit=1)
    HAS_BROTLI = True
except (ImportError, TypeError, AttributeError):
    HAS_BROTLI = False

ACCEPT_ENCODING = "gzip, deflate, br" if HAS_BROTLI else "gzip, deflate"


class BodyTooLargeError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} bytes after unpacking")
        self.limit = limit


class UnsupportedEncodingError(Exception):
    def __init__(self, encoding: str) -> None:
        super().__init__(f"cannot unpack {encoding!r}")
        self.encoding = encoding


class DamagedBodyError(Exception):
    """The packed bytes are not what their Content-Encoding says."""


class _Layer(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...

    def finish(self) -> Iterator[bytes]: ...


class _Zlib:
    """gzip, or deflate (zlib-wrapped, or raw as some servers send it). Bytes after the end are ignored."""

    def __init__(self, gzip: bool) -> None:
        self._head = b""  # deflate: the first bytes, until they show whether a zlib header is there
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16) if gzip else None

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._inflater is None:
            self._head += data
            if len(self._head) < 2:
                return
            data, self._head = self._head, b""
            wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        pending = bool(data)
        while pending and not self._inflater.eof:
            try:
                out = self._inflater.decompress(data, STEP)
            except zlib.error as exc:
                raise DamagedBodyError(str(exc)) from None
            if out:
                yield out
            data = self._inflater.unconsumed_tail
            pending = bool(data) or len(out) == STEP  # after a full step, output may wait without input

    def finish(self) -> Iterator[bytes]:
        return iter(())  # feed() leaves no output waiting; a stream cut short ends where it ends


class _Brotli:
    """brotli; its output limit is soft (the buffer grows in blocks), so one call gives at most about 2 STEP."""

    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        yield from self._process(data)

    def finish(self) -> Iterator[bytes]:
        yield from self._process(b"")

    def _process(self, data: bytes) -> Iterator[bytes]:
        decompressor = self._decompressor
        try:
            while True:
                out = decompressor.process(data, output_buffer_limit=STEP)
                if out:
                    yield out
                if decompressor.is_finished() or (not out and not data) or (
                        decompressor.can_accept_more_data() and len(out) < STEP):
                    return
                data = b""  # the rest of the input stays inside, to be drained with empty calls
        except brotli.error as exc:
            raise DamagedBodyError(str(exc)) from None


def _layer(name: str) -> _Layer | None:
    if name in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if name == "deflate":
        return _Zlib(gzip=False)
    if name == "br" and HAS_BROTLI:
        return _Brotli()
    if name in UNSUPPORTED:
        raise UnsupportedEncodingError(name)
    return None  # identity, or a word that is no packing


class BodyDecoder:
    """Decodes a body with the given Content-Encoding; raises BodyTooLargeError past `limit` decoded bytes."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        names = [n.strip().lower() for n in content_encoding.split(",") if n.strip()]
        layers = [_layer(n) for n in reversed(names)]  # the last packing applied is undone first
        self._layers = [layer for layer in layers if layer is not None]
        self._limit = limit
        self.size = 0

    def feed(self, raw: bytes) -> list[bytes]:
        """The decoded pieces of the next raw bytes."""
        return self._counted(self._through(raw, 0))

    def finish(self) -> list[bytes]:
        """The pieces still waiting inside the decoders once all raw bytes are in."""
        return self._counted(piece for index, layer in enumerate(self._layers)
                             for out in layer.finish() for piece in self._through(out, index + 1))

    def _counted(self, pieces_in: Iterator[bytes]) -> list[bytes]:
        pieces = []
        for piece in pieces_in:
            self.size += len(piece)
            if self.size > self._limit:
                raise BodyTooLargeError(self._limit)
            pieces.append(piece)
        return pieces

    def _through(self, data: bytes, index: int) -> Iterator[bytes]:
        if index == len(self._layers):
            if data:
                yield data
            return
        for piece in self._layers[index].feed(data):
            yield from self._through(piece, index + 1)
