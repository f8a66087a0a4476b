"""The schema of a pack's data tables: which tables a pack may carry beside ``[pack]``,
``[[rules]]`` and ``[[entries]]``, which keys each may have and the shape of each key's value,
checked when the pack loads (as Vale decodes each rule kind into its own typed structure)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any


def _is_words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_word_map(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _is_table_of(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, dict) and all(check(v) for v in value.values())


class Shape(Enum):
    """The shape of one data key's value; its value is how an error message names it."""

    WORDS = "a list of strings"
    NUMBER = "a number"
    COUNT = "a whole number"
    WORD_LISTS = "a table of lists of strings"
    WORD_MAP = "a table of strings"
    TABLES = "a table of tables"
    RECORDS = "a list of tables"
    VOCABULARY = "a table with 'accept' (a list of strings) and 'reject' (a table of strings)"

    def admits(self, value: Any) -> bool:
        """Whether ``value`` has this shape."""
        return _CHECKS[self](value)


_CHECKS: dict[Shape, Callable[[Any], bool]] = {
    Shape.WORDS: _is_words,
    Shape.NUMBER: _is_number,
    Shape.COUNT: lambda value: isinstance(value, int) and not isinstance(value, bool),
    Shape.WORD_LISTS: _is_table_of(_is_words),
    Shape.WORD_MAP: _is_word_map,
    Shape.TABLES: _is_table_of(lambda v: isinstance(v, dict)),
    Shape.RECORDS: lambda value: isinstance(value, list) and all(isinstance(v, dict) for v in value),
    Shape.VOCABULARY: lambda value: (
        isinstance(value, dict) and set(value) <= {"accept", "reject"}
        and _is_words(value.get("accept", [])) and _is_word_map(value.get("reject", {}))
    ),
}

W, N, C, WL, WM, T, R = (Shape.WORDS, Shape.NUMBER, Shape.COUNT, Shape.WORD_LISTS,
                         Shape.WORD_MAP, Shape.TABLES, Shape.RECORDS)

PACK_TABLES: dict[str, dict[str, Shape]] = {
    "antonyms": {"opposites": WL},
    "doubled_words": {"allowed": W},
    "foreign": {"gloss": WL, "languages": W, "letters": WL, "loanwords": W,
                "max_english_zipf": N, "min_zipf": N},
    "institutions": {"countries": T, "demonyms": WL, "famous": W, "generic": WL, "roles": T},
    "invisible": {"chars": R},
    "locale": {"conventions": R, "families": R, "majority": N, "markers": WL, "min_votes": C,
               "official_names": W, "pairs": R},
    "mt_collocations": {"event_nouns": W, "not_names": W},
    "mt_verbs": {"adjuncts": WL, "verbs": W},
    "names": {"accept": W, "derivation_suffixes": W, "function_words": W, "hyphen_prefixes": W, "compound_heads": W,
              "given_name_cognates": WL, "romanized_surnames": WL, "not_names": W, "particles": W, "roles": W, "titles": W,
              "vocabulary": Shape.VOCABULARY},
    "roles": {"bio_job_words": W, "list_max_overlap": N, "list_max_words": C, "list_min_lines": C},
    "spelling": {"accept": W, "typos": WM},
    "typography": {"numbers": WL, "quotes": R, "separators": WL, "stops": R},
}
"""Every data table a pack may carry, its keys and their shapes (read by the features and rules
that use them); anything else is a misspelling."""

RESERVED_TABLES = ("pack", "rules", "entries")


def table_problem(name: str, table: Any) -> str | None:
    """What is wrong with the data table ``[name]`` (None: nothing)."""
    keys = PACK_TABLES.get(name)
    if keys is None:
        return (f"unknown table [{name}] (tables: {', '.join(RESERVED_TABLES)}, "
                f"{', '.join(sorted(PACK_TABLES))})")
    if not isinstance(table, dict):
        return f"[{name}] must be a table"
    unknown = sorted(set(table) - set(keys))
    if unknown:
        return f"table [{name}]: unknown key {unknown[0]!r} (keys: {', '.join(sorted(keys))})"
    for key, value in table.items():
        if not keys[key].admits(value):
            return f"table [{name}]: key {key!r} must be {keys[key].value}"
    return None
