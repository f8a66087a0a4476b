"""Folded forms for comparing names: transliterated, accents and look-alike letters removed."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import jellyfish
import regex
from anyascii import anyascii

_PUNCT = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'", "\u2018": "'", "\u00a0": " "})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A comparison key: ASCII transliteration (anyascii, which also maps Cyrillic and Greek
    look-alikes to the Latin letters they imitate), case-folded, with hyphens and apostrophes
    unified. "François" and "Francois" fold alike; the surface form is kept elsewhere."""
    return anyascii(text.translate(_PUNCT)).casefold()


_NOT_LETTERS = regex.compile(r"[^\p{L}\p{N}]+")


@lru_cache(maxsize=65536)
def letters(key: str) -> str:
    """A folded key without spaces, hyphens and apostrophes."""
    return str(_NOT_LETTERS.sub("", key))


@lru_cache(maxsize=65536)
def phonetic(key: str) -> str:
    """The metaphone key of a folded name."""
    return str(jellyfish.metaphone(letters(key))) if letters(key) else ""


def sounds_alike(a: str, b: str) -> bool:
    """Metaphone keys agree, or the match-rating approach (built for names) says they match."""
    if phonetic(a) == phonetic(b):
        return True
    la, lb = letters(a), letters(b)
    if not la or not lb:
        return False
    return bool(jellyfish.match_rating_comparison(la, lb))


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common a word is on the web (wordfreq, Zipf scale; 0 when unknown)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


_ROMANIZATION = (
    ("shch", "s"), ("sch", "s"), ("tch", "c"), ("kh", "h"), ("zh", "z"), ("ts", "c"), ("tz", "c"),
    ("ch", "c"), ("sh", "s"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("ou", "u"), ("oo", "u"),
    ("ee", "i"), ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a"), ("ye", "e"), ("ie", "e"),
    ("yo", "o"), ("io", "o"), ("w", "v"), ("q", "k"), ("y", "i"), ("g", "h"),
)
"""Spellings that romanization schemes choose between for one sound (Russian and Ukrainian,
Arabic, Persian, Chinese systems): folded to one, in this order."""
_DOUBLED = regex.compile(r"(\p{L})\1+")


@lru_cache(maxsize=65536)
def romanization_key(part: str) -> str:
    """One folded name part with its romanization choices folded to one spelling: "Oleh" and
    "Oleg", "Syniehubov" and "Sinegubov", "Kudrytskyi" and "Kudritsky" share a key."""
    key = str(_DOUBLED.sub(r"\1", letters(fold(part))))  # "Yuliia" and "Yulia" alike
    for spelled, one in _ROMANIZATION:
        key = key.replace(spelled, one)
    return str(_DOUBLED.sub(r"\1", key))


def romanized(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two forms of one name (its parts) that differ only where romanization schemes choose
    ("Gnatiuk" and "Hnatyuk", "Aleksei" and "Alexey"): each part has the other's
    :func:`romanization_key`."""
    return len(a) == len(b) and all(_one_romanization(x, y) for x, y in zip(a, b, strict=True))


def _one_romanization(x: str, y: str) -> bool:
    """Two spellings of one name part: the same key, read with "ou" before a vowel as the
    French schemes' /w/ ("Abdelouafi" and "Abdelwafi", "Ouahbi" and "Wahbi") or as /u/ ("Souad"
    and "Suad"), with "dj" as "j" ("Djamel" and "Jamel"), or with the vowels Korean, Japanese
    and Greek schemes choose between folded (:func:`_scheme_key`)."""
    x, y = fold(x).replace("x", "ks"), fold(y).replace("x", "ks")
    if romanization_key(x) == romanization_key(y):
        return True
    if _scheme_key(x) == _scheme_key(y):
        return True
    return romanization_key(_french_w(x)) == romanization_key(_french_w(y))


def scheme_spellings(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two forms of one name (its parts) that differ only in the vowels Korean and Japanese
    schemes choose between, or in how Greek schemes write gamma before a vowel (:func:`_scheme_key`):
    "Yoon Jae-suk" and "Yoon Jae-seok", "Karagianni" and "Karayianni"."""
    return len(a) == len(b) and all(_scheme_key(fold(x)) == _scheme_key(fold(y))
                                    for x, y in zip(a, b, strict=True))


_EAST_ASIAN = (("oo", "u"), ("ee", "i"), ("eo", "u"), ("eu", "u"), ("uh", "u"), ("oe", "oi"),
               ("ou", "o"), ("oh", "o"))
"""Vowels that Korean schemes (Revised, McCune-Reischauer and the spellings families keep:
"Seo"/"Suh", "Jeong"/"Jung", "Choi"/"Choe", "Yoon"/"Yun") and Japanese ones ("Ryouta"/"Ryota",
"Ohno"/"Ono") write for one sound: folded before the letters are (a doubled vowel is a long
one there, not a typo)."""
_GREEK_Y = regex.compile(r"(?:gi|yi|gh)(?=[aeiou])")
"""Greek gamma before a front vowel, written "gi", "yi" or "y" ("Giannis", "Yiannis",
"Yannis"; "Karagianni", "Karayianni")."""


@lru_cache(maxsize=65536)
def _scheme_key(part: str) -> str:
    key = _GREEK_Y.sub("y", str(letters(part.lower())))
    for spelled, one in _EAST_ASIAN:
        key = key.replace(spelled, one)
    return romanization_key(key)


_FRENCH_W = regex.compile(r"ou(?=[aei])")


def _french_w(part: str) -> str:
    return str(_FRENCH_W.sub("w", part.lower())).replace("dj", "j")


def deletes(key: str) -> set[str]:
    """The key and every form of it with one letter deleted: keys at one edit share one."""
    out = {key}
    out.update(key[:i] + key[i + 1 :] for i in range(len(key)))
    return out


_VOWELS_RE = regex.compile(r"[aeiouy]")
_ARTICLE_RE = regex.compile(r"^(?:al|el|ul)(?=-)")


@lru_cache(maxsize=65536)
def consonant_key(part: str) -> str:
    """A name part's consonants, doubled ones once, an Arabic article as "l" ("al-Gamal" and
    "el-Gamal", "Muhammad" and "Mohamed", "Suleiman" and "Soliman" share one): schemes for a
    script that writes no short vowels differ in their vowels and doubling."""
    word = _ARTICLE_RE.sub("l", fold(part).lower())
    return str(_DOUBLED.sub(r"\1", _VOWELS_RE.sub("", str(letters(word)))))


def vowel_spellings(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two forms of one name (its parts, as many) that differ only in their vowels, doubled
    letters, hyphens and an Arabic article's vowel ("Muhammad Abdelrahman al-Gamal" and
    "Mohamed Abdel-Rahman el-Gamal")."""
    return (len(a) == len(b) and tuple(a) != tuple(b)
            and all(consonant_key(x) == consonant_key(y) for x, y in zip(a, b, strict=True)))
