"""The key that authenticates cache entries, kept outside the cache folder.

Every cache entry carries an HMAC-SHA256 tag made with a per-user secret key stored in the
user's cache home (``$XDG_CACHE_HOME/newslint/hmac.key``, else ``~/.cache/newslint/hmac.key``),
created with mode 0600 on first use. A cache folder restored from a shared CI cache, committed
to a repository, or written by another user therefore holds no entry that this user's newslint
accepts: such entries are ignored and rebuilt.

When the key file cannot be created or is not safe (another owner, readable by others), a
random key is made for this run only, so that nothing is trusted across runs, and
:func:`key_problem` says why (the run reports it).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

KEY_FILE = "hmac.key"
KEY_BYTES = 32
TAG_BYTES = hashlib.sha256().digest_size

_key: bytes | None = None
_problem: str | None = None


def key_home() -> Path:
    """``$XDG_CACHE_HOME/newslint``, else ``~/.cache/newslint``."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "newslint"


def key_path() -> Path:
    return key_home() / KEY_FILE


def _read(path: Path) -> bytes | None:
    """The key in ``path`` if it is a regular file of ours that nobody else can read or write;
    None when there is no file; ``ValueError`` when it exists but cannot be trusted."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"{path} is not a regular file")
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise ValueError(f"{path} belongs to another user")
        if info.st_mode & 0o077:
            raise ValueError(f"{path} can be read or written by other users (chmod 600 it)")
        data = os.read(fd, KEY_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) != KEY_BYTES:
        raise ValueError(f"{path} is not a newslint key ({len(data)} bytes)")
    return data


def _create(path: Path) -> bytes:
    """Write a new random key to ``path`` (mode 0600) unless another process just did; the key
    in the file either way. The file appears whole or not at all (a hard link of a written
    temporary file)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = path.with_name(f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(KEY_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    found = _read(path)
    if found is None:
        raise ValueError(f"{path} vanished as it was created")
    return found


def cache_key() -> bytes:
    """This user's key (read once per process; workers forked later inherit it)."""
    global _key, _problem
    if _key is None:
        path = key_path()
        try:
            _key = _read(path) or _create(path)
        except (OSError, ValueError) as exc:
            reason = f"{exc.filename}: {exc.strerror}" if isinstance(exc, OSError) and exc.strerror else str(exc)
            _problem = (f"cannot keep the cache key in {path} ({reason}): cached results are "
                        "not reused across runs")
            _key = secrets.token_bytes(KEY_BYTES)
    return _key


def key_problem() -> str | None:
    """Why this run uses a key of its own, if it does."""
    cache_key()
    return _problem


def tag(context: bytes, payload: bytes | memoryview) -> bytes:
    """The HMAC-SHA256 of an entry: its place (namespace, kind and key) and its bytes, so that
    an entry moved to another place is not accepted there either."""
    mac = hmac.new(cache_key(), context, hashlib.sha256)
    mac.update(b"\0")
    mac.update(payload)
    return mac.digest()


def verify(context: bytes, payload: bytes | memoryview, expected: bytes) -> bool:
    return hmac.compare_digest(tag(context, payload), expected)


def reset_for_tests() -> None:
    """Forget the key read by this process (tests that change ``XDG_CACHE_HOME``)."""
    global _key, _problem
    _key = _problem = None
