"""Remember what a function computed from one line of text: a wire paragraph that a hundred
outlets carry, or a site's footer on every page, is read once per process.

Only lines up to :data:`MAX_CHARS` are kept, so a file of a few huge lines (a table, a
minified dump) costs no memory here; longer ones are computed each time."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

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
