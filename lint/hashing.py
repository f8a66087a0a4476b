"""Stable digests: the keys of files, documents and cache entries."""

from __future__ import annotations

import hashlib


def digest(*parts: str | bytes) -> str:
    """A short, stable hex digest of ``parts``."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def file_key(path: str, data: bytes) -> str:
    """The first-pass key of a file: its path and its bytes."""
    return digest(path, data)
