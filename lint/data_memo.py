"""Data tables built from installed packages, kept between runs in the user's cache folder.

A memo file is plain msgpack (maps, lists, strings and numbers: decoding it runs no code)
behind an HMAC-SHA256 tag made with this user's cache key (:mod:`lint.cache_key`), so a file
planted or edited by someone else is ignored and the table built again, as the cache's own
entries are. The file is written whole or not at all (a renamed temporary file).
"""

from __future__ import annotations

import contextlib
import gc
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import msgpack

from lint.cache_key import TAG_BYTES, tag, verify


def memo_dir() -> Path:
    """The folder of the memo files: ``$NEWSLINT_DATA_CACHE``, else ``$XDG_CACHE_HOME`` or
    ``~/.cache``, under newslint/."""
    root = os.environ.get("NEWSLINT_DATA_CACHE") or os.environ.get("XDG_CACHE_HOME") or "~/.cache"
    return Path(root).expanduser() / "newslint"


def versioned_memo_path(name: str, packages: Sequence[str], schema: int) -> Path | None:
    """Where a table built from installed ``packages`` is kept: its file in :func:`memo_dir`,
    keyed by their versions and the table's ``schema`` (a new version builds it again); None
    when a package's version cannot be read."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        key = "-".join([*(version(package) for package in packages), str(schema)])
    except PackageNotFoundError:
        return None
    return memo_dir() / f"{name}-{key}.msgpack"


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Decoding a table of many small containers makes the cyclic collector run again and
    again over objects that hold no cycles; paused, the read is about four times faster."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_memo(path: Path, context: str) -> Any | None:
    """The value kept in ``path`` for ``context`` (what was built, from which versions), or
    None when the file is missing, unreadable, not tagged with this user's key, or not
    msgpack."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    expected, payload = data[:TAG_BYTES], memoryview(data)[TAG_BYTES:]
    if len(expected) != TAG_BYTES or not verify(context.encode(), payload, expected):
        return None
    try:
        with _collector_paused():
            return msgpack.unpackb(payload, raw=False, strict_map_key=True)
    except (ValueError, msgpack.UnpackException):
        return None


def write_memo(path: Path, context: str, value: Any) -> None:
    """Keep ``value`` in ``path`` for ``context``; a folder that cannot be written is skipped
    (the table is only built again next time)."""
    payload = msgpack.packb(value, use_bin_type=True)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as out:
            out.write(tag(context.encode(), payload))
            out.write(payload)
        os.replace(out.name, path)
    except OSError:
        with contextlib.suppress(OSError, NameError):
            os.unlink(out.name)
