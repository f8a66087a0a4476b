"""The cache folder is not trusted: planted pickles run no code, forged or foreign entries are
ignored and rebuilt, wrong-shaped entries are misses, and the codec names only lint's classes.

The CLI tests run the real ``newslint`` command with its own ``XDG_CACHE_HOME`` (where the
HMAC key lives) and plant real pickle payloads that would create a marker file if loaded.
"""

from __future__ import annotations

import builtins
import dataclasses
import enum
import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from lint import cache_key, codec
from lint.cache import RACY_SECONDS, Cache, namespace, seal
from lint.config import Config
from lint.corpus import CorpusIndex, IndexBuilder
from lint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from lint.engine import RunResult, run
from lint.executors import SerialExecutor
from lint.linter import FileOutcome, SecondOutcome
from lint.registry import load_rule_set, select_rules
from lint.roles import Role
from tests.conftest import SEEDS, newslint_command

# ---------------------------------------------------------------------------------------------
# Helpers


class Payload:
    """Unpickling this creates ``marker``: what a planted cache entry could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (builtins.open, (str(self.marker), "w"))


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(SEEDS, project / "seeds")
    (project / "newslint.toml").write_text("", encoding="utf-8")
    return project


def _cli(project: Path, home: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    env.pop("NEWSLINT_CACHE_DIR", None)
    return subprocess.run(
        [*newslint_command(), "seeds", "--format", "json", "--jobs", "2", *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False,
    )


def _rows(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, int, str]]:
    assert proc.stdout.strip(), proc.stderr
    return [(d["path"], d["line"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]]


def _entries(cache: Path) -> list[Path]:
    return [Path(folder) / name for folder, _, names in os.walk(cache / "v1") for name in names
            if not name.startswith(".tmp-")]


# ---------------------------------------------------------------------------------------------
# Planted pickles, forged and foreign entries (the real command)


def test_a_pickle_planted_in_the_key_memo_runs_no_code(tmp_path: Path) -> None:
    project = _project(tmp_path)
    marker = tmp_path / "PWNED"
    memo = project / ".newslint_cache" / "v1" / "keys"
    memo.parent.mkdir(parents=True)
    memo.write_bytes(pickle.dumps(Payload(marker)))
    proc = _cli(project, tmp_path / "home")
    assert not marker.exists(), "the planted pickle ran"
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert _rows(proc)


def test_pickles_planted_in_every_entry_run_no_code_and_are_rebuilt(tmp_path: Path) -> None:
    project = _project(tmp_path)
    home = tmp_path / "home"
    time.sleep(RACY_SECONDS + 0.1)  # so that the key memo remembers the files
    first = _cli(project, home)
    entries = _entries(project / ".newslint_cache")
    kinds = {p.parent.parent.name for p in entries} | {p.name for p in entries}
    assert {"keys", "p1", "p1an", "index", "state", "p2", "run"} <= kinds, kinds
    marker = tmp_path / "PWNED"
    for path in entries:
        path.write_bytes(pickle.dumps(Payload(marker)))
    second = _cli(project, home)
    assert not marker.exists(), "a planted pickle ran"
    assert (second.returncode, _rows(second)) == (first.returncode, _rows(first))
    assert "corrupt cache entries" in second.stderr
    assert "Traceback" not in second.stderr
    third = _cli(project, home)  # rebuilt: read back without a warning
    assert (third.returncode, _rows(third)) == (first.returncode, _rows(first))
    assert "corrupt" not in third.stderr


def test_a_forged_run_entry_does_not_turn_a_failing_gate_green(tmp_path: Path) -> None:
    project = _project(tmp_path)
    home = tmp_path / "home"
    first = _cli(project, home)
    assert first.returncode == 1 and _rows(first)
    (run_entry,) = [p for p in _entries(project / ".newslint_cache") if p.parent.parent.name == "run"]
    clean = RunResult([], 5, 5, 0, 0)
    run_entry.write_bytes(pickle.dumps(clean))  # what passed the gate before
    forged = _cli(project, home)
    assert (forged.returncode, _rows(forged)) == (1, _rows(first))
    # The same entry in the new format, sealed with a key other than this user's.
    parts = run_entry.relative_to(project / ".newslint_cache" / "v1").parts
    cache_key.reset_for_tests()
    os.environ["XDG_CACHE_HOME"] = str(tmp_path / "attacker")
    try:
        data = seal(f"{parts[0]}/{parts[1]}/{parts[3]}", clean)
    finally:
        del os.environ["XDG_CACHE_HOME"]
        cache_key.reset_for_tests()
    run_entry.write_bytes(data)
    sealed = _cli(project, home)
    assert (sealed.returncode, _rows(sealed)) == (1, _rows(first))
    assert "corrupt cache entr" in sealed.stderr


def test_a_committed_cache_from_another_user_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    """A repository cloned with its .newslint_cache: written with the author's key, not ours."""
    author = _project(tmp_path)
    first = _cli(author, tmp_path / "author-home")
    clone = tmp_path / "clone"
    shutil.copytree(author, clone)
    second = _cli(clone, tmp_path / "reader-home")
    assert (second.returncode, _rows(second)) == (first.returncode, _rows(first))
    assert "corrupt cache entr" in second.stderr and "not written by this user" in second.stderr
    third = _cli(clone, tmp_path / "reader-home")
    assert "corrupt" not in third.stderr


def test_the_key_file_is_private_and_an_unsafe_one_is_not_trusted(tmp_path: Path) -> None:
    project = _project(tmp_path)
    home = tmp_path / "home"
    first = _cli(project, home)
    key = home / "newslint" / "hmac.key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert len(key.read_bytes()) == 32
    key.chmod(0o644)  # readable by others: anyone could forge entries
    second = _cli(project, home)
    assert _rows(second) == _rows(first)
    assert "cannot keep the cache key" in second.stderr and "chmod 600" in second.stderr
    assert "corrupt cache entr" in second.stderr  # the entries made with it are not trusted


# ---------------------------------------------------------------------------------------------
# Wrong-shaped entries with a good tag (the engine, through the cache's own writer)


def _setup(tmp_path: Path) -> tuple[Path, Config, list[Any], list[Any], str]:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    config = Config()
    rule_set = load_rule_set(config)
    rules = select_rules(rule_set, config)
    space = namespace(
        config.fingerprint(), [p.source for p in rule_set.packs],
        [f"{r.code}:{type(r).__module__}.{type(r).__qualname__}" for r in rules],
    )
    return seeds, config, rules, list(rule_set.packs), space


def _junk(kind: str, key: str) -> Any:
    """A value of the wrong shape for an entry of ``kind``."""
    if kind == "p1":
        return FileOutcome("x", diagnostics="not a list")  # type: ignore[arg-type]
    if kind == "p1an":
        return ["not an analysis"]
    if kind == "p2":
        return SecondOutcome("x", diagnostics=[1, 2])  # type: ignore[list-item]
    if kind == "index":
        return CorpusIndex(3, ["parts"])  # type: ignore[arg-type]
    if kind == "state":
        return ("k", frozenset({1})) if key == "latest" else IndexBuilder([])
    if kind == "run":
        return RunResult(None, 1, 1, 0, 0)  # type: ignore[arg-type]
    raise AssertionError(kind)


def test_wrong_shaped_entries_are_misses_without_tracebacks_or_nl999(tmp_path: Path) -> None:
    seeds, config, rules, packs, space = _setup(tmp_path)
    root = tmp_path / "cache"

    def lint() -> RunResult:
        return run([str(seeds)], config, rules, packs, SerialExecutor(), Cache(root, space))

    first = lint()
    assert first.diagnostics and not first.notes
    cache = Cache(root, space)
    planted = 0
    for path in _entries(root):
        if path.name == "keys":
            continue
        kind, key = path.parent.parent.name, path.name
        cache.put(kind, key, _junk(kind, key))
        planted += 1
    assert planted > 10
    second = lint()
    rows = [(d.path, d.line, d.code, d.message) for d in second.diagnostics]
    assert rows == [(d.path, d.line, d.code, d.message) for d in first.diagnostics]
    assert not any(d.code == "NL999" for d in second.diagnostics)
    assert any("corrupt cache entr" in note for note in second.notes), second.notes
    third = lint()
    assert not third.notes and third.stats["analysed"] == 0


# ---------------------------------------------------------------------------------------------
# The codec


class Colour(enum.Enum):
    RED = "red"


@dataclasses.dataclass(frozen=True)
class Inner:
    pair: tuple[int, str]
    tags: frozenset[str]


class Point(NamedTuple):
    x: int
    y: int


class Plain:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter(a=2)
        self.table: defaultdict[str, list[int]] = defaultdict(list, {"a": [1]})


def test_the_codec_round_trips_lint_data_types() -> None:
    value = {
        "tuple": (1, "a", (2, None)), "set": {1, 2}, "frozen": frozenset({"x"}),
        (3, None): [b"bytes", 1.5, True], 7: {"nested": [(1, 2)]},
        "counter": Counter({"w": 3}), "severity": Severity.ERROR, "role": Role.PROMO,
        "diagnostic": Diagnostic("p", 1, 2, 1, 4, "NL301", "doubled-word", Severity.WARNING,
                                 "m", related=[Related("q", 3)],
                                 fix=Fix((Edit(0, 1, ""),), True, "d")),
        "surrogate": "\ud800 lone",
    }
    back = codec.decode(codec.encode(value))
    assert back == value
    assert type(back["tuple"]) is tuple and type(back["tuple"][2]) is tuple
    assert type(back["set"]) is set and type(back["frozen"]) is frozenset
    assert back["severity"] is Severity.ERROR and back["role"] is Role.PROMO
    assert type(back["counter"]) is Counter
    assert type(back["diagnostic"].fix.edits) is tuple


def test_the_codec_rebuilds_classes_defined_in_lint_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # classes of this test module are outside the lint package: refused both ways
    for foreign in (Colour.RED, Inner((1, "a"), frozenset()), Point(1, 2), Plain()):
        with pytest.raises(codec.CodecError):
            codec.encode(foreign)
    # the same classes, as if they were lint's: round-trip generically, with no codec code
    for cls in (Colour, Inner, Point, Plain):
        monkeypatch.setattr(cls, "__module__", "lint.codec")
        monkeypatch.setattr(codec, cls.__name__, cls, raising=False)
    value = [Colour.RED, Inner((1, "a"), frozenset({"t"})), Point(1, 2)]
    assert codec.decode(codec.encode(value)) == value
    plain = codec.decode(codec.encode(Plain()))
    assert type(plain) is Plain and plain.counts == Counter(a=2)
    assert plain.table.default_factory is list and plain.table["a"] == [1]


def _tagged(code: int, name: str, *items: Any) -> bytes:
    import msgpack

    return msgpack.packb([msgpack.ExtType(code, name.encode()), *items])


@pytest.mark.parametrize("name", [
    "os:system", "subprocess:Popen", "builtins:eval", "lint.cli:main", "pickle:loads",
    "lint.not_a_module:Thing", "lint.diagnostic:Severity.__class__",
])
def test_the_codec_refuses_names_outside_lint_data_classes(name: str) -> None:
    before = set(sys.modules)
    for code in (codec.DATACLASS, codec.OBJECT, codec.NAMEDTUPLE, codec.DEFAULTDICT):
        with pytest.raises(codec.CodecError):
            codec.decode(_tagged(code, name, {}))
    assert set(sys.modules) == before  # nothing was imported


def test_malformed_tagged_values_are_codec_errors() -> None:
    import msgpack

    bad = [
        _tagged(codec.DATACLASS, "lint.diagnostic:Edit", 1, 2),  # a field missing
        _tagged(codec.OBJECT, "lint.corpus:IndexBuilder", [1]),  # state is not a dict
        _tagged(codec.NAMEDTUPLE, "lint.diagnostic:Edit", 1, 2, 3),  # not a NamedTuple
        msgpack.packb([msgpack.ExtType(codec.SET, b""), [1]]),  # unhashable item
        msgpack.packb(msgpack.ExtType(99, b"")),
        b"\xc1",
    ]
    for data in bad:
        with pytest.raises(codec.CodecError):
            codec.decode(data)


# ---------------------------------------------------------------------------------------------
# The place table's memo in the user's cache folder


def _places_memo(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from lint.context.places import _memo_path

    monkeypatch.delenv("NEWSLINT_DATA_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    path = _memo_path()
    assert path is not None and path.is_relative_to(home)
    return path


def test_a_pickle_planted_as_the_place_table_memo_runs_no_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    project = _project(tmp_path)
    clean = _cli(project, tmp_path / "clean-home")
    memo = _places_memo(home, monkeypatch)
    marker = tmp_path / "PWNED"
    memo.parent.mkdir(parents=True)
    for planted in (memo, memo.with_suffix(".pickle")):  # the memo, and where a pickle was kept
        planted.write_bytes(pickle.dumps(Payload(marker)))
    planted_run = _cli(project, home)
    assert not marker.exists(), "the planted place table ran"
    assert (planted_run.returncode, _rows(planted_run)) == (clean.returncode, _rows(clean))
    assert "Traceback" not in planted_run.stderr
    assert memo.read_bytes() != pickle.dumps(Payload(marker)), "the memo was not rebuilt"


def test_a_place_table_memo_signed_with_another_key_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lint.data_memo import read_memo, write_memo

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "mine"))
    cache_key.reset_for_tests()
    memo = tmp_path / "memo.msgpack"
    write_memo(memo, "places", {"Springfield": ["city", [["US", 1000]]]})
    assert read_memo(memo, "places") == {"Springfield": ["city", [["US", 1000]]]}
    assert read_memo(memo, "another table") is None  # a tag names the table it was made for
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "theirs"))
    cache_key.reset_for_tests()
    try:
        assert read_memo(memo, "places") is None  # another user's key
        memo.write_bytes(b"\0" * 10)
        assert read_memo(memo, "places") is None  # too short to hold a tag
    finally:
        cache_key.reset_for_tests()


def test_a_memo_path_is_keyed_by_its_packages_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new version of a data package builds its table again; a package that is not installed
    keeps nothing (its table is built each run)."""
    from importlib.metadata import version

    from lint.data_memo import versioned_memo_path

    monkeypatch.setenv("NEWSLINT_DATA_CACHE", str(tmp_path))
    path = versioned_memo_path("weak-es", ("wordfreq",), 1)
    assert path == tmp_path / "newslint" / f"weak-es-{version('wordfreq')}-1.msgpack"
    assert versioned_memo_path("weak-es", ("no-such-package-for-newslint",), 1) is None
