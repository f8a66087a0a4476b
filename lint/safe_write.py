"""Every file newslint writes for the user (a report, a baseline, a fixed article) is written
here: to a temporary file beside the target, flushed to disk, then renamed over it. The old
file is whole until the new one is; nothing is ever opened for writing in place.

The temporary file is ``.NAME.newslint-<pid>-<random>.tmp``: removed when the write fails or is
interrupted, and by :func:`remove_stale_temporaries` when a killed run left it behind (only
when the process that made it is gone).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

TEMP_MARK = ".newslint-"


class OutputError(Exception):
    """A file could not be written (read-only folder, full disk...): one line for the user."""


def _temp_prefix(name: str) -> str:
    return f".{name}{TEMP_MARK}{os.getpid()}-"


def write_bytes(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    mode: int | None = None,
    check: Callable[[], bool] | None = None,
) -> bool:
    """Replace ``path`` with ``data`` atomically; False (nothing written) when ``check``, called
    just before the rename, says the target changed meanwhile. A symbolic link at ``path`` is
    kept: its target is replaced. :class:`OutputError` when the file cannot be written."""
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    try:
        fd, temp = tempfile.mkstemp(prefix=_temp_prefix(name), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is None:
            with contextlib.suppress(OSError):
                mode = os.stat(target).st_mode & 0o7777
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp, mode)
        if check is not None and not check():
            os.unlink(temp)
            return False
        os.replace(temp, target)
        _sync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return True


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8; a character UTF-8 cannot hold (a lone surrogate, from a file
    name that is not UTF-8) is written as its ``\\udcxx`` escape, which JSON reads back."""
    write_bytes(path, text.encode("utf-8", "backslashreplace"))


def _sync_folder(folder: str) -> None:
    """Make the rename durable (best effort: not every system can open a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_STALE = re.compile(r"^\..+" + re.escape(TEMP_MARK) + r"(\d+)-[^.]+\.tmp$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(path: str | os.PathLike[str]) -> int:
    """Delete the temporary files that a killed newslint left beside ``path`` (those of
    processes that are gone); return how many."""
    folder, name = os.path.split(os.path.realpath(path))
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            found = _STALE.match(entry.name)
            if found and entry.name.startswith(f".{name}{TEMP_MARK}") and not _alive(int(found[1])):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def is_temporary(path: str | Path) -> bool:
    """Whether ``path`` is one of these temporary files."""
    return bool(_STALE.match(os.path.basename(path)))
