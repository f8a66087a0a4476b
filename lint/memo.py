"""Remember what a function computed from one line of text: a wire paragraph that a hundred
outlets carry, or a site's footer on every page, is read once per process.

Only lines up to :data:`MAX_CHARS` are kept, so a file of a few huge lines (a table, a
minified dump) costs no memory here; longer ones are computed each time."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache, wraps
from typing import Any, Generic, TypeVar

MAX_CHARS = 4_000
"""A news paragraph is shorter; a longer line is seldom repeated word for word."""
MAX_LINES = 16_384

Result = TypeVar("Result")


def per_line(function: Callable[[str], Result]) -> Callable[[str], Result]:
    """``function(text)``, remembered by text for texts up to :data:`MAX_CHARS` characters
    (the :data:`MAX_LINES` most recent). ``function`` must depend on its text alone and return
    a value nobody changes (a tuple, a string)."""
    remembered = lru_cache(maxsize=MAX_LINES)(function)

    @wraps(function)
    def wrapper(text: str) -> Result:
        return remembered(text) if len(text) <= MAX_CHARS else function(text)

    wrapper.cache_clear = remembered.cache_clear  # type: ignore[attr-defined]
    return wrapper


class LineMemo(Generic[Result]):
    """What an object computed from one line (and, optionally, something else about it: the
    key), for lines up to :data:`MAX_CHARS` characters; it starts again when ``max_lines`` are
    kept. A copy sent to another process (pickle) starts empty: each process remembers the
    lines it reads."""

    def __init__(self, max_lines: int = MAX_LINES) -> None:
        self.max_lines = max_lines
        self._seen: dict[Hashable, Result] = {}

    def get(self, line: str, compute: Callable[[], Result], key: Hashable = None) -> Result:
        """The value for ``line`` (and ``key``), computed by ``compute`` the first time."""
        if len(line) > MAX_CHARS:
            return compute()
        whole = (line, key)
        if whole in self._seen:
            return self._seen[whole]
        if len(self._seen) >= self.max_lines:
            self._seen.clear()
        value = self._seen[whole] = compute()
        return value

    def __len__(self) -> int:
        return len(self._seen)

    def __getstate__(self) -> dict[str, Any]:
        return {"max_lines": self.max_lines, "_seen": {}}
