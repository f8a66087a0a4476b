"""The shape each kind of cache entry must have when it is read back.

An entry that decodes (``lint.codec``) and carries a good tag can still be of the wrong shape:
written by a newslint whose classes changed in a way the namespace did not catch, or by a bug.
Such an entry must be a miss, not a traceback or an NL999 on every later run, so every entry
is checked before use: its top-level class, the fields of its dataclasses against their
annotations (the outer type of each: ``list``, ``dict``, ``str``, ``int | None``...), and the
class of the items of the lists the engine walks (diagnostics, analyses, reducers).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from typing import Any

from lint.cache_kinds import STATE_MANIFEST, CacheKind
from lint.corpus import CorpusIndex, IndexBuilder
from lint.diagnostic import Diagnostic
from lint.features.base import DocumentAnalysis, Reducer
from lint.outcomes import FileOutcome, SecondOutcome
from lint.result import RunResult
from lint.roles import LineRoles

Check = Callable[[Any], bool]

_FIELD_CHECKS: dict[type, list[tuple[str, Check]] | None] = {}


def _outer(hint: Any) -> Check | None:
    """A predicate for the outer type of an annotation; None when it checks nothing."""
    if hint is Any or isinstance(hint, typing.TypeVar):
        return None
    if hint is None or hint is type(None):
        return lambda value: value is None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        parts = [_outer(arg) for arg in typing.get_args(hint)]
        if any(part is None for part in parts):
            return None
        checks = [part for part in parts if part is not None]
        return lambda value: any(check(value) for check in checks)
    if origin is typing.Literal:
        allowed = typing.get_args(hint)
        return lambda value: value in allowed
    target = origin or hint
    if target is float:
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool)
    if target is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if isinstance(target, type):
        return lambda value: isinstance(value, target)
    return None


def _field_checks(cls: type) -> list[tuple[str, Check]] | None:
    if cls not in _FIELD_CHECKS:
        try:
            hints = typing.get_type_hints(cls)
        except Exception:  # an annotation that cannot be resolved: check the class only
            _FIELD_CHECKS[cls] = None
            return None
        checks = []
        for field in dataclasses.fields(cls):
            check = _outer(hints.get(field.name, Any))
            if check is not None:
                checks.append((field.name, check))
        _FIELD_CHECKS[cls] = checks
    return _FIELD_CHECKS[cls]


def fields_conform(value: Any, cls: type) -> bool:
    """``value`` is a ``cls`` whose dataclass fields hold values of their annotated types."""
    if not isinstance(value, cls):
        return False
    checks = _field_checks(cls)
    if checks is None:
        return True
    try:
        attributes = vars(value)
    except TypeError:
        return all(check(getattr(value, name, None)) for name, check in checks)
    return all(name in attributes and check(attributes[name]) for name, check in checks)


def all_instances(items: Any, cls: type) -> bool:
    return isinstance(items, list) and all(type(item) is cls for item in items)


def _diagnostics_conform(items: Any) -> bool:
    """A list of diagnostics. Their own fields are not checked one by one (10^4 of them in a
    warm run's entry): the codec built each from a tagged ``Diagnostic`` of the same code (the
    namespace hashes newslint's source), so only the class can be wrong, never a field."""
    return all_instances(items, Diagnostic)


def _summary(value: Any) -> bool:
    return (
        fields_conform(value, FileOutcome)
        and _diagnostics_conform(value.diagnostics)
        and all(isinstance(d, tuple) and len(d) == 2 for d in value.documents)
        and all(isinstance(r, list) for r in value.roles.values())
        and all(isinstance(d, list) for d in value.directives.values())
    )


def _analyses(value: Any) -> bool:
    return all_instances(value, DocumentAnalysis) and all(
        type(a.roles) is LineRoles and type(a.data) is dict for a in value
    )


def _second(value: Any) -> bool:
    return fields_conform(value, SecondOutcome) and _diagnostics_conform(value.diagnostics)


def _index(value: Any) -> bool:
    return fields_conform(value, CorpusIndex) and all(isinstance(k, str) for k in value.parts)


def _state(value: Any) -> bool:
    return (
        isinstance(value, IndexBuilder)
        and isinstance(getattr(value, "reducers", None), dict)
        and isinstance(getattr(value, "documents", None), int)
        and all(isinstance(k, str) and isinstance(r, Reducer) for k, r in value.reducers.items())
    )


def _manifest(value: Any) -> bool:
    return (
        isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str)
        and isinstance(value[1], frozenset) and all(isinstance(k, str) for k in value[1])
    )


def _run(value: Any) -> bool:
    return (
        fields_conform(value, RunResult)
        and _diagnostics_conform(value.diagnostics)
        and (value.index is None or _index(value.index))
        and all(isinstance(k, tuple) and isinstance(v, list) for k, v in value.roles.items())
        and all(isinstance(n, str) for n in [*value.missing, *value.notes])
    )


_KINDS: dict[CacheKind, Check] = {
    CacheKind.SUMMARY: _summary, CacheKind.ANALYSES: _analyses,
    CacheKind.CORPUS_RESULTS: _second, CacheKind.INDEX: _index, CacheKind.RUN: _run,
}


def conforms(kind: CacheKind, key: str, value: Any) -> bool:
    """Whether ``value`` has the shape of an entry of ``kind`` (unknown kinds: any value)."""
    if kind == CacheKind.STATE:
        check: Check | None = _manifest if key == STATE_MANIFEST else _state
    else:
        check = _KINDS.get(kind)
    try:
        return check is None or check(value)
    except Exception:  # a check that meets something stranger still: not this shape
        return False
