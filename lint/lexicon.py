"""The English lexicon: symspellpy's bundled frequency dictionary (82,765 words with counts).

Read as a plain dict: loading it this way takes a few tens of milliseconds, against a third of
a second for building SymSpell's delete index, which newslint does not build (the spelling
rule looks a word's one-edit neighbours up in this dict).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

LEXICON_FILE = "frequency_dictionary_en_82_765.txt"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, int]:
    """Lowercase word -> corpus count, from symspellpy's bundled frequency dictionary."""
    path = resources.files("symspellpy").joinpath(LEXICON_FILE)
    table: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for row in handle:
            word, _, count = row.partition(" ")
            if count:
                table[word] = int(count)
    return table
