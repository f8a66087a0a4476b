"""A data-only encoding for cache entries: msgpack, with a few tagged types, that can hold no
code.

msgpack carries ``None``, booleans, integers, floats, strings, bytes, lists and dicts (with keys
of any of these types) natively. Everything else newslint keeps in its cache is tagged:

- tuples, sets, frozensets, ``Counter`` and ``defaultdict``;
- members of an ``Enum`` defined in the ``lint`` package;
- instances of a dataclass, a ``NamedTuple`` or a plain class (its ``__dict__``) defined in
  the ``lint`` package, which is how feature data and reducer state round-trip without any
  codec code of their own.

A tagged value is an array whose first item is an extension marker, rebuilt bottom-up by the
unpacker's ``list_hook``. Classes (and ``defaultdict`` factories) are named ``module:qualname``
and looked up only among ``lint`` modules that are already imported: decoding never imports a
module and never runs a class's ``__init__``, ``__setstate__`` or ``__reduce__`` (instances are
made with ``object.__new__`` and their fields set directly, by a builder generated once per
class from its field names); a name outside ``lint`` is a :class:`CodecError`, as is any
malformed tag. The worst a decoded entry can hold is newslint's own data classes (and, as a
``defaultdict`` factory, a ``lint`` function that is called only when a missing key is read).
"""

from __future__ import annotations

import dataclasses
import enum
import operator
import sys
import types
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import msgpack

PACKAGE = "lint"


class CodecError(ValueError):
    """A value that cannot be encoded, or bytes that are not a valid encoding."""


class _Mark:
    """The first item of a tagged array, as the unpacker gives it: knows how to build the value
    from the array (inert anywhere else)."""

    __slots__ = ("build",)

    def __init__(self, build: Callable[[list[Any]], Any]) -> None:
        self.build = build


TUPLE, SET, FROZENSET, COUNTER, DEFAULTDICT, DATACLASS, NAMEDTUPLE, OBJECT, ENUM = range(1, 10)
"""Extension codes. Codes 1-8 mark a tagged array (the extension's data names the class or
factory, if any); an ENUM extension is the member itself."""

_FACTORIES: dict[str, Any] = {
    "builtins:list": list, "builtins:dict": dict, "builtins:set": set,
    "builtins:frozenset": frozenset, "builtins:tuple": tuple, "builtins:int": int,
    "builtins:float": float, "builtins:str": str, "builtins:bytes": bytes,
    "collections:Counter": Counter,
}
"""``defaultdict`` factories allowed besides ``lint`` classes and functions."""


# ---------------------------------------------------------------------------------------------
# Names: what may be named in an entry


def _name_of(target: Any) -> str:
    return f"{target.__module__}:{target.__qualname__}"


def _in_package(module: str) -> bool:
    return module == PACKAGE or module.startswith(PACKAGE + ".")


def resolve(name: str) -> Any:
    """The class or function ``module:qualname`` from an already-imported ``lint`` module (or
    an allowed builtin factory); :class:`CodecError` for anything else. Nothing is imported."""
    if name in _FACTORIES:
        return _FACTORIES[name]
    module_name, _, qualname = name.partition(":")
    if not _in_package(module_name) or not qualname or "<" in qualname:
        raise CodecError(f"{name!r} is not a newslint class")
    module = sys.modules.get(module_name)
    if module is None:
        raise CodecError(f"{name!r}: module {module_name} is not loaded")
    target: Any = module
    for part in qualname.split("."):
        target = vars(target).get(part) if hasattr(target, "__dict__") else None
        if target is None:
            raise CodecError(f"{name!r} does not exist")
    if not isinstance(target, type | types.FunctionType) or _name_of(target) != name:
        raise CodecError(f"{name!r} is not a class or function of {module_name}")
    return target


def _kind(cls: Any) -> int:
    """How instances of a ``lint`` class are stored; :class:`CodecError` for other classes."""
    if not isinstance(cls, type) or not _in_package(cls.__module__) or issubclass(cls, BaseException):
        raise CodecError(f"cannot store a {getattr(cls, '__qualname__', cls)} in the cache "
                         "(only plain data and data classes of the lint package)")
    if issubclass(cls, enum.Enum):
        return ENUM
    if dataclasses.is_dataclass(cls):
        return DATACLASS
    if issubclass(cls, tuple) and hasattr(cls, "_fields"):
        return NAMEDTUPLE
    if cls.__new__ is not object.__new__:  # a subclass of a builtin type, or its own __new__
        raise CodecError(f"{_name_of(cls)} cannot be stored in the cache")
    return OBJECT


def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


# ---------------------------------------------------------------------------------------------
# Encoding


def _named(code: int, target: Any) -> msgpack.ExtType:
    name = _name_of(target)
    if resolve(name) is not target:
        raise CodecError(f"{name} cannot be named in a cache entry")
    return msgpack.ExtType(code, name.encode())


def _factory_mark(factory: Any) -> msgpack.ExtType:
    if factory is None:
        return msgpack.ExtType(DEFAULTDICT, b"")
    if isinstance(factory, type | types.FunctionType) and (
        _name_of(factory) in _FACTORIES or _in_package(factory.__module__)
    ):
        return _named(DEFAULTDICT, factory)
    raise CodecError(f"defaultdict factory {factory!r} is not a newslint class or function")


def _tagged(code: int) -> Callable[[Any], list[Any]]:
    mark = msgpack.ExtType(code, b"")
    return lambda value: [mark, *value]


def _class_encoder(cls: type) -> Callable[[Any], Any]:
    kind = _kind(cls)
    if kind == ENUM:
        members = {
            member: msgpack.ExtType(ENUM, msgpack.packb([_name_of(cls), member.value]))
            for member in cls  # type: ignore[attr-defined]
        }
        return members.__getitem__
    mark = _named(kind, cls)
    if kind == NAMEDTUPLE:
        return lambda value: [mark, *value]
    if kind == DATACLASS:
        names = _fields(cls)
        if not names:
            return lambda value: [mark]
        get = operator.attrgetter(*names)
        if len(names) == 1:
            return lambda value: [mark, get(value)]
        return lambda value: [mark, *get(value)]
    own_state = getattr(cls, "__getstate__", None)
    if own_state is not None and own_state is not getattr(object, "__getstate__", None):
        return lambda value: [mark, _state_dict(value.__getstate__(), cls)]
    return lambda value: [mark, _state_dict(vars(value), cls)]


def _state_dict(state: Any, cls: type) -> dict[str, Any]:
    if not isinstance(state, dict) or not all(isinstance(k, str) for k in state):
        raise CodecError(f"{_name_of(cls)}: its state is not a dict of attributes")
    return state


def _encoder_for(cls: type) -> Callable[[Any], Any]:
    if cls is tuple:
        return _tagged(TUPLE)
    if cls is set:
        return _tagged(SET)
    if cls is frozenset:
        return _tagged(FROZENSET)
    if cls is Counter:
        mark = msgpack.ExtType(COUNTER, b"")
        return lambda value: [mark, dict(value)]
    if cls is defaultdict:
        return lambda value: [_factory_mark(value.default_factory), dict(value)]
    return _class_encoder(cls)


_ENCODERS: dict[type, Callable[[Any], Any]] = {}


def _default(value: Any) -> Any:
    kind = type(value)
    encode = _ENCODERS.get(kind)
    if encode is None:
        encode = _ENCODERS[kind] = _encoder_for(kind)
    try:
        return encode(value)
    except TypeError as exc:  # vars() of an object without a __dict__
        raise CodecError(f"cannot store a {kind.__qualname__} in the cache: {exc}") from exc


def encode(value: Any) -> bytes:
    """The bytes of ``value``; :class:`CodecError` when it holds anything but plain data and
    ``lint`` data classes."""
    try:
        data: bytes = msgpack.packb(
            value, default=_default, strict_types=True, use_bin_type=True, datetime=False,
            unicode_errors="surrogatepass",
        )
    except CodecError:
        raise
    except (TypeError, ValueError, OverflowError) as exc:
        raise CodecError(f"cannot encode a cache entry: {exc}") from exc
    return data


# ---------------------------------------------------------------------------------------------
# Decoding


def _build_counter(items: list[Any]) -> Any:
    if len(items) != 2 or type(items[1]) is not dict:
        raise CodecError("malformed Counter")
    counter: Counter[Any] = Counter()
    dict.update(counter, items[1])
    return counter


def _defaultdict_mark(factory: Any) -> _Mark:
    if factory is not None and not callable(factory):
        raise CodecError("malformed defaultdict factory")

    def build(items: list[Any]) -> Any:
        if len(items) != 2 or type(items[1]) is not dict:
            raise CodecError("malformed defaultdict")
        table: defaultdict[Any, Any] = defaultdict(factory)
        dict.update(table, items[1])
        return table

    return _Mark(build)


def _dataclass_mark(cls: type) -> _Mark:
    """A builder that sets the fields of a new instance from the array (no ``__init__``)."""
    names = _fields(cls)
    size = len(names) + 1
    name = _name_of(cls)

    if "__slots__" in vars(cls):
        def build(items: list[Any]) -> Any:
            if len(items) != size:
                raise CodecError(f"{name}: {len(items) - 1} values for {size - 1} fields")
            obj: Any = object.__new__(cls)
            for field, value in zip(names, items[1:], strict=True):
                object.__setattr__(obj, field, value)
            return obj

        return _Mark(build)
    # One dict display per class (field names are identifiers): a third of the time of a loop.
    values = ", ".join(f"{field!r}: items[{at}]" for at, field in enumerate(names, start=1))
    source = (
        "def build(items):\n"
        f"    if len(items) != {size}:\n"
        "        raise CodecError(f'{name}: {len(items) - 1} values for {size - 1} fields')\n"
        "    obj = new(cls)\n"
        f"    obj.__dict__.update({{{values}}})\n"
        "    return obj\n"
    )
    scope: dict[str, Any] = {"CodecError": CodecError, "new": object.__new__, "cls": cls,
                             "name": name, "size": size}
    exec(compile(source, f"<codec {name}>", "exec"), scope)
    return _Mark(scope["build"])


def _namedtuple_mark(cls: type) -> _Mark:
    size = len(cls._fields) + 1  # type: ignore[attr-defined]

    def build(items: list[Any]) -> Any:
        if len(items) != size:
            raise CodecError(f"{_name_of(cls)}: wrong number of values")
        return tuple.__new__(cls, items[1:])

    return _Mark(build)


def _object_mark(cls: type) -> _Mark:
    def build(items: list[Any]) -> Any:
        if len(items) != 2 or type(items[1]) is not dict or not all(type(k) is str for k in items[1]):
            raise CodecError(f"{_name_of(cls)}: malformed state")
        obj: Any = object.__new__(cls)
        obj.__dict__.update(items[1])
        return obj

    return _Mark(build)


_CLASS_MARKS: dict[int, Callable[[type], _Mark]] = {
    DATACLASS: _dataclass_mark, NAMEDTUPLE: _namedtuple_mark, OBJECT: _object_mark,
}


def _learn(code: int, data: bytes) -> Any:
    """What an extension not seen before in this process stands for."""
    if code == ENUM:
        name, value = msgpack.unpackb(data, use_list=False)
        cls = resolve(name)
        if _kind(cls) != ENUM:
            raise CodecError(f"{name} is not an enumeration")
        try:
            found: Any = cls(value)
        except (ValueError, TypeError):
            raise CodecError(f"{name} has no member {value!r}") from None
    elif code == DEFAULTDICT:
        found = _defaultdict_mark(resolve(data.decode()) if data else None)
    elif code in _CLASS_MARKS:
        cls = resolve(data.decode())
        if _kind(cls) != code:
            raise CodecError(f"{data.decode()} is not stored that way")
        found = _CLASS_MARKS[code](cls)
    else:
        raise CodecError(f"unknown extension type {code}")
    _KNOWN[code][data] = found
    return found


_KNOWN: list[dict[bytes, Any]] = [{} for _ in range(ENUM + 1)]
"""Each extension's meaning by its bytes, learnt once per process."""
_KNOWN[TUPLE][b""] = _Mark(lambda items: tuple(items[1:]))
_KNOWN[SET][b""] = _Mark(lambda items: set(items[1:]))
_KNOWN[FROZENSET][b""] = _Mark(lambda items: frozenset(items[1:]))
_KNOWN[COUNTER][b""] = _Mark(_build_counter)


def _ext_hook(code: int, data: bytes) -> Any:
    try:
        return _KNOWN[code][data]
    except (KeyError, IndexError):
        return _learn(code, data)


def _list_hook(items: list[Any]) -> Any:
    if items and type(items[0]) is _Mark:
        return items[0].build(items)
    return items


def decode(data: bytes | memoryview) -> Any:
    """The value encoded in ``data``; :class:`CodecError` for anything malformed or naming a
    class outside ``lint``."""
    try:
        return msgpack.unpackb(
            data, raw=False, strict_map_key=False, use_list=True, list_hook=_list_hook,
            ext_hook=_ext_hook, unicode_errors="surrogatepass",
        )
    except CodecError:
        raise
    except Exception as exc:  # msgpack's own errors, unhashable set items or keys...
        raise CodecError(f"not a valid cache entry: {type(exc).__name__}: {exc}") from exc
