"""Figures in a sentence: amounts, counts, percentages, measures, dates and weekdays.

A figure keeps its value in base units (``12 million rand`` is 12e6 of the unit "rand";
``3.2 lakh`` is 3.2e5), its kind, its unit, and the content words around it, which is what
lets the same fact be found in another outlet's sentence.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from lint.story.text import Token, is_content, stem

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5,
    "lac": 1e5, "crore": 1e7, "crores": 1e7, "hundred": 1e2,
}
PERCENT = frozenset({"%", "percent", "pct"})
CURRENCY_SIGNS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee", "₩": "won"}
PLAIN_PREFIXES = frozenset({"US", "USD"})
"""Letters before a currency sign: US$ is the plain dollar; R$, C$, A$, HK$ are other currencies."""
SPELLED_CURRENCIES = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro", "pound": "pound",
    "pounds": "pound", "sterling": "pound", "yen": "yen", "yuan": "yuan", "renminbi": "yuan",
    "rupee": "rupee", "rupees": "rupee", "rs": "rupee", "won": "won", "peso": "peso",
    "pesos": "peso", "real": "real", "reais": "real", "reals": "real", "dirham": "dirham",
    "dirhams": "dirham", "zloty": "zloty", "zlotys": "zloty", "zlotych": "zloty",
    "hryvnia": "hryvnia", "hryvnias": "hryvnia", "hryvnias'": "hryvnia", "ruble": "ruble",
    "rubles": "ruble", "roubles": "ruble", "rouble": "ruble", "lira": "lira", "liras": "lira",
    "lire": "lira", "rand": "rand", "naira": "naira", "franc": "franc", "francs": "franc",
    "riyal": "riyal", "riyals": "riyal", "dinar": "dinar", "dinars": "dinar", "pound's": "pound",
    "baht": "baht", "ringgit": "ringgit", "rupiah": "rupiah", "shekel": "shekel", "shekels": "shekel",
    "krona": "krona", "kronor": "krona", "krone": "krone", "kroner": "krone", "forint": "forint",
    "koruna": "koruna", "leu": "leu", "lei": "leu", "dong": "dong", "taka": "taka",
}
NOT_CURRENCY_NAMES = ("Unit", "Unidad", "Unidades", "Gold", "Silver", "Platinum", "Palladium", "Mvdol",
                      "WIR", "codes", "Codes", "Sucre", "Next day", "SDR", "Mark")
"""ISO 4217 names that are funds, metals, test codes or words a number often precedes in
prose ("the 50 mark"): not currencies a news figure is given in."""


@lru_cache(maxsize=1)
def currency_words() -> dict[str, str]:
    """Every word that names a currency after a number, to the currency it names: ISO 4217's
    (:func:`_iso_currency_words`) and the spellings news prose adds (SPELLED_CURRENCIES), read
    when a first figure needs them rather than at every start."""
    return {**_iso_currency_words(), **SPELLED_CURRENCIES}


def _iso_currency_words() -> dict[str, str]:
    """The currency words of ISO 4217 (pycountry's currency names: "Sol", "Ghana Cedi", "Peso
    Uruguayo"), each with its plurals ("soles", "cedis"), folded to the word: the word a
    number's unit names, the one to compare with another article's."""
    import pycountry

    from lint.names.fold import fold

    names = [c.name for c in pycountry.currencies if not any(w in c.name for w in NOT_CURRENCY_NAMES)]
    last = {fold(n.split()[-1].lower()) for n in names}
    words: dict[str, str] = {}
    for name in names:
        parts = [fold(p.lower()) for p in name.replace("’", "").split()]
        word = next((p for p in parts[:-1] if p in last), parts[-1])  # "CFA Franc BCEAO"
        if not word.isalpha():
            continue
        plurals = (word + "s",) if word[-1] in "aeiouy" else (word + "s", word + "es")
        for form in (word, *plurals):
            words.setdefault(form, word)
    return words



UNITS = {  # unit word -> (dimension, unit)
    "hectare": ("area", "hectare"), "hectares": ("area", "hectare"), "ha": ("area", "hectare"),
    "acre": ("area", "acre"), "acres": ("area", "acre"),
    "sq": ("area", "square"), "square": ("area", "square"),
    "km": ("length", "kilometre"), "kilometre": ("length", "kilometre"),
    "kilometres": ("length", "kilometre"), "kilometer": ("length", "kilometre"),
    "kilometers": ("length", "kilometre"), "mile": ("length", "mile"), "miles": ("length", "mile"),
    "metre": ("length", "metre"), "metres": ("length", "metre"), "meter": ("length", "metre"),
    "meters": ("length", "metre"), "feet": ("length", "foot"), "foot": ("length", "foot"),
    "tonne": ("mass", "tonne"), "tonnes": ("mass", "tonne"), "ton": ("mass", "ton"),
    "tons": ("mass", "ton"), "kg": ("mass", "kilogram"), "kilograms": ("mass", "kilogram"),
    "kilogram": ("mass", "kilogram"), "pounds-weight": ("mass", "pound"),
    "litre": ("volume", "litre"), "litres": ("volume", "litre"), "liter": ("volume", "litre"),
    "liters": ("volume", "litre"), "gallon": ("volume", "gallon"), "gallons": ("volume", "gallon"),
    "barrel": ("volume", "barrel"), "barrels": ("volume", "barrel"),
    "mm": ("rain", "millimetre"), "millimetres": ("rain", "millimetre"),
    "millimeters": ("rain", "millimetre"), "millimetre": ("rain", "millimetre"),
    "millimeter": ("rain", "millimetre"), "cm": ("rain", "centimetre"),
    "centimetres": ("rain", "centimetre"), "centimeters": ("rain", "centimetre"),
    "centimetre": ("rain", "centimetre"), "centimeter": ("rain", "centimetre"),
    "inches": ("rain", "inch"), "inch": ("rain", "inch"),
    "hour": ("time", "hour"), "hours": ("time", "hour"), "day": ("time", "day"),
    "days": ("time", "day"), "week": ("time", "week"), "weeks": ("time", "week"),
    "month": ("time", "month"), "months": ("time", "month"), "year": ("time", "year"),
    "years": ("time", "year"), "minute": ("time", "minute"), "minutes": ("time", "minute"),
    "magnitude": ("magnitude", "magnitude"),
    "mph": ("speed", "mph"), "kph": ("speed", "km/h"), "kmh": ("speed", "km/h"),
    "knot": ("speed", "knot"), "knots": ("speed", "knot"),
}
UNIT_SIZES = {
    "hectare": 10_000.0, "acre": 4_046.856_422_4, "square metre": 1.0, "square foot": 0.092_903_04,
    "square kilometre": 1_000_000.0, "square mile": 2_589_988.110_336,
    "kilometre": 1_000.0, "mile": 1_609.344, "metre": 1.0, "foot": 0.3048,
    "tonne": 1_000.0, "kilogram": 1.0, "pound": 0.453_592_37,
    "litre": 1.0, "gallon": 3.785_411_784, "barrel": 158.987_294_928,
    "millimetre": 1.0, "centimetre": 10.0, "inch": 25.4,
    "km/h": 1.0, "mph": 1.609_344, "knot": 1.852,
}
"""Each unit in its dimension's base unit (m², m, kg, litre, mm, km/h), by the units'
definitions (an acre is 4,046.8564224 m², a mile 1,609.344 m; the US gallon and the oil
barrel). A "ton" (short, long or metric) has no one size."""
PER_HOUR = {"kilometre": "km/h", "mile": "mph"}
"""A length per hour is a speed: "70 km/h", "70 kilometres per hour", "43 miles an hour"."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
FULL_MONTHS = frozenset(names[0] for names in _MONTH_NAMES)
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
CONTEXT_WORDS = 4
"""Content words each side of a figure that describe what it counts."""
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}
NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
FRACTION_BEFORE = frozenset({"by", "than", "nearly", "almost", "about", "roughly", "around", "over", "some"})
"""Words before "a third" that make it a share ("cut by a third"), not an ordinal ("a third term")."""
FRACTION_AFTER = frozenset({"of", "and", "or", "but"})


class Figure(NamedTuple):
    """One figure of a sentence (token indexes ``first``..``last`` inclusive)."""

    kind: str
    """amount, percent, fraction, measure, count, year, date, weekday, month, time"""
    value: float
    unit: str
    first: int
    last: int
    context: frozenset[str]
    precision: float
    """Half the step of the last written digit, in base units: ``about 1.5 million`` can be
    1.45 to 1.55 million."""
    approximate: bool


def _number(text: str) -> tuple[float, float] | None:
    """(value, half step) of an English-format number (a token's comparison form, thousands
    separators already removed): 3900  1.46  2025."""
    cleaned = text
    if cleaned.count(".") > 1 or "," in cleaned or ":" in cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    decimals = len(cleaned.partition(".")[2])
    if decimals:
        step = 10.0 ** -decimals
    else:
        trailing = len(cleaned) - len(cleaned.rstrip("0"))
        step = 10.0 ** min(trailing, max(0, len(cleaned) - 1))
    return value, step / 2


WORD_NUMBERS = {
    **{w: float(v) for w, v in NUMBER_WORDS.items()},
    **{f"{t}-{u}": float(NUMBER_WORDS[t] + NUMBER_WORDS[u])
       for t in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
       for u in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")},
}
"""Numbers written in words, "ninety-one" included: one dictionary look-up per token."""


def _word_number(tokens: Sequence[Token], i: int) -> tuple[float, int] | None:
    """A number written in words at ``i`` ("ninety-one", "twenty"), with its last index."""
    value = WORD_NUMBERS.get(tokens[i].norm)
    return None if value is None else (value, i)


def extract_figures(tokens: Sequence[Token]) -> list[Figure]:
    """The figures of a tokenized sentence."""
    figures: list[Figure] = []
    i = 0
    while i < len(tokens):
        figure, i = _figure_at(tokens, i)
        if figure is not None:
            figures.append(figure)
    return figures


def _figure_at(tokens: Sequence[Token], i: int) -> tuple[Figure | None, int]:
    """The figure that starts at token ``i`` (None when none does) and the index after it."""
    norm = tokens[i].norm
    if norm in WEEKDAYS:
        return _figure("weekday", float(WEEKDAYS.index(norm)), "", tokens, i, i, 0.0), i + 1
    date = _month_day(tokens, i)
    if date is not None:
        return date, i + 2
    if _bare_month(tokens, i):
        return _figure("month", float(MONTHS[norm]), "", tokens, i, i, 0.0), i + 1
    fraction = _fraction_at(tokens, i)
    if fraction is not None:
        return fraction, fraction.last + 1
    clock = _clock_at(tokens, i)
    if clock is not None:
        return clock, clock.last + 1
    number = _number_at(tokens, i)
    if number is None:
        return None, i + 1
    return _number_figure(tokens, i, *number)


def _fraction_at(tokens: Sequence[Token], i: int) -> Figure | None:
    """A share in words at ``i`` ("a third of", "by two thirds", "half of"), value between 0
    and 1; "a third" before any other word is an ordinal ("a third term") and no figure."""
    n = len(tokens)
    numerator = NUMERATORS.get(tokens[i].norm)
    if numerator is not None and i + 1 < n and tokens[i + 1].norm in FRACTIONS:
        last = i + 1
    elif tokens[i].norm == "half" and (i == 0 or tokens[i - 1].norm not in NUMERATORS):
        numerator, last = 1, i  # "half of", "by half", "in half"; not "the second half"
    else:
        return None
    after = tokens[last + 1].norm if last + 1 < n else ""
    before = tokens[i - 1].norm if i > 0 else ""
    if last == i:
        share = after == "of" or before in FRACTION_BEFORE | {"in"}
    else:
        share = after in FRACTION_AFTER or not after or not after[:1].isalnum() or before in FRACTION_BEFORE
    if not share:
        return None
    denominator = FRACTIONS[tokens[last].norm]
    if numerator >= denominator:
        return None
    return _figure("fraction", numerator / denominator, "", tokens, i, last, 0.001)


def _bare_month(tokens: Sequence[Token], i: int) -> bool:
    """A month named alone ("from July", "in March"), capitalized and not opening the sentence
    ("May the ..."), with no day or year beside it (those make a date)."""
    token = tokens[i]
    if token.norm not in FULL_MONTHS or not token.surface[:1].isupper() or i == 0:
        return False
    beside = [tokens[j].surface for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
    return not any(b.isdigit() for b in beside)


def _month_day(tokens: Sequence[Token], i: int) -> Figure | None:
    """A date written month first ("March 5") at ``i``."""
    norm = tokens[i].norm
    if norm not in MONTHS or i + 1 >= len(tokens):
        return None
    day_text = tokens[i + 1].surface
    if not (day_text.isdigit() and len(day_text) <= 2):
        return None
    day = int(day_text)
    if not 1 <= day <= 31:
        return None
    return _figure("date", MONTHS[norm] * 100 + day, "", tokens, i, i + 1, 0.0)


def _day_month(tokens: Sequence[Token], i: int, value: float) -> Figure | None:
    """A date written day first ("5 March"): the number ``value`` at ``i``, a month after it."""
    token = tokens[i]
    if not (i + 1 < len(tokens) and tokens[i + 1].norm in MONTHS):
        return None
    if not (token.surface.isdigit() and len(token.surface) <= 2 and 1 <= value <= 31):
        return None
    return _figure("date", MONTHS[tokens[i + 1].norm] * 100 + value, "", tokens, i, i + 1, 0.0)


def _number_at(tokens: Sequence[Token], i: int) -> tuple[float, float] | None:
    """(value, half step) of the number at ``i``, in digits or in words; None when there is
    none, or for a number word without its noun ("one of the", "the three")."""
    token = tokens[i]
    parsed = _number(token.norm) if token.surface[:1].isdigit() else None
    if parsed:
        return parsed
    word_value = _word_number(tokens, i)
    if word_value is None:
        return None
    if not _counted(tokens, i + 1) and not _percent_at(tokens, i + 1):
        return None  # a number word counts something only with its noun
    return word_value[0], 0.5


def _number_figure(tokens: Sequence[Token], i: int, value: float, half: float) -> tuple[Figure, int]:
    """The figure of the number at ``i`` (a date, percent, amount, measure, year, time or
    count) and the index after it."""
    date = _day_month(tokens, i, value)
    if date is not None:
        return date, i + 2
    currency, first = _currency_sign(tokens, i)
    value, half, last, j = _scaled(tokens, i, value, half, currency)
    approximate = _approximate(tokens, first)
    percent_end = _percent_end(tokens, j)
    if percent_end is not None:
        return _figure("percent", value, "%", tokens, first, percent_end, half, approximate), percent_end + 1
    points_end = _points_end(tokens, j)
    if points_end is not None:
        return _figure("percent", value, "point", tokens, first, points_end, half, approximate), points_end + 1
    if not currency:
        named = _currency_word(tokens, j)
        if named is not None:
            currency, last = named
    if currency:
        return _figure("amount", value, currency, tokens, first, last, half, approximate), last + 1
    measure = _measure_unit(tokens, j)
    if measure is not None:
        unit, unit_at = measure
        return _figure("measure", value, unit, tokens, first, unit_at, half, approximate), unit_at + 1
    if _year(tokens, i, j):
        return _figure("year", value, "", tokens, first, last, 0.0), last + 1
    meridiem = _meridiem(tokens, j)
    if meridiem is not None:
        last = j + meridiem[1]
        return _figure("time", value + meridiem[0], "", tokens, first, last, 0.0), last + 1
    return _figure("count", value, _counted(tokens, j), tokens, first, last, half, approximate), last + 1


def _currency_sign(tokens: Sequence[Token], i: int) -> tuple[str, int]:
    """The currency of a sign before the number at ``i`` ("$", "US$", "R$") and the index of
    the figure's first token: ("", i) when there is no sign."""
    if not (i > 0 and tokens[i - 1].surface in CURRENCY_SIGNS):
        return "", i
    currency = CURRENCY_SIGNS[tokens[i - 1].surface]
    prefix = tokens[i - 2] if i > 1 else None
    if prefix is None or prefix.end != tokens[i - 1].start or not prefix.surface.isupper():
        return currency, i - 1
    if prefix.surface not in PLAIN_PREFIXES:
        currency = prefix.surface.lower() + "-" + currency
    return currency, i - 2


def _scaled(
    tokens: Sequence[Token], i: int, value: float, half: float, currency: str
) -> tuple[float, float, int, int]:
    """The number at ``i`` times the scale word after it ("12 million"; "m" only after a
    currency sign): (value, half step, last index, index after)."""
    j = i + 1
    if j < len(tokens) and tokens[j].norm in SCALES and not (tokens[j].norm == "m" and not currency):
        scale = SCALES[tokens[j].norm]
        return value * scale, half * scale, j, j + 1
    return value, half, i, j


def _percent_end(tokens: Sequence[Token], j: int) -> int | None:
    """The last index of a percent sign or word at ``j`` ("%", "percent", "per cent"), else None."""
    if j >= len(tokens):
        return None
    if tokens[j].norm in PERCENT:
        return j
    if tokens[j].norm == "per" and j + 1 < len(tokens) and tokens[j + 1].norm == "cent":
        return j + 1
    return None


def _points_end(tokens: Sequence[Token], j: int) -> int | None:
    """The last index of "percentage point(s)" at ``j`` (a difference of two percentages, not
    a percentage: "rose 3 percentage points"), else None."""
    if j + 1 < len(tokens) and tokens[j].norm == "percentage" and tokens[j + 1].norm in ("point", "points"):
        return j + 1
    return None


def _currency_word(tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """A currency named after the number, at ``j`` or after its country ("40 million Mexican
    pesos"): (currency, its index), else None."""
    n = len(tokens)
    currencies = currency_words()
    if j + 1 < n and tokens[j].surface[:1].isupper() and tokens[j + 1].norm in currencies:
        j += 1
    if j < n and tokens[j].norm in currencies:
        return currencies[tokens[j].norm], j
    return None


def _measure_unit(tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """The unit at ``j``, or after "metric"/"square"/"nautical" there: ("dimension:unit", its
    index)."""
    n = len(tokens)
    qualified = j < n and tokens[j].norm in ("metric", "square", "sq", "nautical") and j + 1 < n
    unit_at = j + 1 if qualified else j
    if not (unit_at < n and tokens[unit_at].norm in UNITS):
        return None
    dimension, unit = UNITS[tokens[unit_at].norm]
    if unit == "ton" and unit_at > j:
        unit = "tonne"  # a metric ton is a tonne
    if unit == "mile" and unit_at > j and tokens[j].norm == "nautical":
        unit = "nautical mile"
    if dimension == "length" and unit_at > j and tokens[j].norm in ("square", "sq"):
        dimension, unit = "area", f"square {unit}"  # "12 square kilometres" is no length
    if unit in PER_HOUR and unit_at == j and _per_hour(tokens, unit_at):  # not "square km"
        hour_at = unit_at + (1 if tokens[unit_at + 1].norm == "h" else 2)
        return f"speed:{PER_HOUR[unit]}", hour_at
    return f"{dimension}:{unit}", unit_at


def _per_hour(tokens: Sequence[Token], unit_at: int) -> bool:
    """Whether the length unit at ``unit_at`` is per hour: "km/h", "km per hour", "miles an
    hour"."""
    after = [t.norm for t in tokens[unit_at + 1 : unit_at + 3]]
    if after[:1] == ["h"]:
        return tokens[unit_at + 1].start == tokens[unit_at].end + 1  # "km/h", not "km h"
    return after in (["per", "hour"], ["an", "hour"], ["a", "hour"])


QUANTIFIERS = frozenset({"more", "additional", "other", "new", "extra", "further", "fewer", "less"})
NOT_COUNTED = frozenset({
    "according", "including", "compared", "while", "whereas", "because", "since", "after",
    "before", "during", "until", "till", "than", "per", "each", "percent", "cent", "times",
})
"""Words after a number that are not what it counts."""


def _counted(tokens: Sequence[Token], j: int) -> str:
    """The noun a count counts: the word after the number ("2,600 trucks", "six more people"),
    or "" when none follows."""
    while j < len(tokens) and tokens[j].norm in QUANTIFIERS:
        j += 1
    if j >= len(tokens) or not is_content(tokens[j]) or tokens[j].norm in NOT_COUNTED:
        return ""
    if not tokens[j].surface[:1].isalpha() or tokens[j].surface[:1].isupper():
        return ""
    return stem(tokens[j].norm)


def _percent_at(tokens: Sequence[Token], j: int) -> bool:
    return j < len(tokens) and tokens[j].norm in PERCENT | {"per"}


def _meridiem(tokens: Sequence[Token], j: int) -> tuple[int, int] | None:
    """(hours to add, extra tokens) for "a.m."/"pm" at ``j``, else None."""
    if j >= len(tokens):
        return None
    word = tokens[j].norm
    if word in ("am", "pm"):
        return (12 if word == "pm" else 0), 0
    if word in ("a", "p") and j + 1 < len(tokens) and tokens[j + 1].norm == "m":
        return (12 if word == "p" else 0), 1
    return None


_CLOCK_RE = re.compile(r"(\d{1,2})([:.])(\d{2})")
DAY_PARTS = {"morning": 0, "afternoon": 12, "evening": 12, "night": 12}
"""A clock time's part of the day ("9.35 in the evening"): hours to add to a 12-hour time."""
TIME_ZONES = frozenset({
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "wet", "msk", "ist", "pkt", "jst", "kst",
    "hkt", "sgt", "wib", "wita", "wit", "aest", "aedt", "awst", "nzst", "nzdt", "et", "est", "edt",
    "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "brt", "art",
})
"""Zones after a clock time ("10:30 GMT"): a time in another zone is another figure."""


def _clock_at(tokens: Sequence[Token], i: int) -> Figure | None:
    """A time of day written with its minutes ("9:35 a.m.", "21:35", "9.35pm", "05.42", "9.35
    in the evening"), its value hours plus minutes as hundredths (as "9.35pm" reads: 21.35),
    its unit the zone written after it. Only a time that tells the part of the day: a 12-hour
    time with a.m., p.m. or a part of the day, or a 24-hour one (an hour past 12, or a leading
    zero); "9:35" alone is morning or evening. A dot reads as a time only so marked: "9.35"
    alone is a number."""
    found = _CLOCK_RE.fullmatch(tokens[i].norm)
    if found is None or not tokens[i].surface[:1].isdigit():
        return None
    hour, minutes = int(found.group(1)), int(found.group(3))
    if hour > 23 or minutes > 59:
        return None
    j, last = i + 1, i
    shift: int | None = None
    meridiem = _meridiem(tokens, j)
    if meridiem is not None and 1 <= hour <= 12:
        shift, last = (meridiem[0] if hour != 12 else meridiem[0] - 12), j + meridiem[1]
    elif (j + 2 < len(tokens) and tokens[j].norm == "in" and tokens[j + 1].norm == "the"
          and tokens[j + 2].norm in DAY_PARTS and 1 <= hour <= 12):
        part = tokens[j + 2].norm
        shift = 0 if hour == 12 and part != "morning" else DAY_PARTS[part]
        if part == "night" and hour < 6:
            shift = 0
        last = j + 2
    elif hour > 12 or found.group(1).startswith("0") or hour == 0 or (
            j < len(tokens) and tokens[j].norm in TIME_ZONES):
        shift = 0  # a 24-hour time ("21:35", "05.42", "10:30 GMT")
    if shift is None or (found.group(2) == "." and last == i and not found.group(1).startswith("0")
                         and not (j < len(tokens) and tokens[j].norm in TIME_ZONES)):
        return None
    zone = tokens[last + 1].norm if last + 1 < len(tokens) and tokens[last + 1].norm in TIME_ZONES else ""
    return _figure("time", hour + shift + minutes / 100, zone, tokens, i, last, 0.0)


def _year(tokens: Sequence[Token], i: int, j: int) -> bool:
    """A four-digit year: 1800-2100, not followed by a noun it counts ("2000 soldiers")."""
    text = tokens[i].surface
    if not (text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100):
        return False
    return j >= len(tokens) or not is_content(tokens[j]) or tokens[j].surface[:1].isupper()


_APPROXIMATE = frozenset({
    "about", "around", "nearly", "almost", "roughly", "some", "approximately", "over", "more",
    "under", "least", "up", "close", "estimated", "less", "upwards", "approx",
})


def _approximate(tokens: Sequence[Token], first: int) -> bool:
    return any(t.norm in _APPROXIMATE for t in tokens[max(0, first - 3) : first])


def _figure(
    kind: str, value: float, unit: str, tokens: Sequence[Token], first: int, last: int,
    half: float, approximate: bool = False,
) -> Figure:
    before = [stem(t.norm) for t in tokens[:first] if is_content(t) and not t.surface[:1].isdigit()]
    after = [stem(t.norm) for t in tokens[last + 1 :] if is_content(t) and not t.surface[:1].isdigit()]
    context = frozenset(before[-CONTEXT_WORDS:] + after[:CONTEXT_WORDS]) - {unit}
    return Figure(kind, value, unit, first, last, context, half, approximate)


def same_value(a: Figure, b: Figure) -> bool:
    """Equal within the rounding of the less precise one (``about 1.5 million`` and
    ``1.46 million`` agree); approximate figures allow a little more."""
    tolerance = max(a.precision, b.precision)
    if a.approximate or b.approximate:
        tolerance = max(tolerance, 0.05 * max(abs(a.value), abs(b.value)))
    return math.isclose(a.value, b.value, rel_tol=1e-9) or abs(a.value - b.value) <= tolerance + 1e-9


def weekday_of(year: int, month: int, day: int) -> int | None:
    """Monday = 0; None for an impossible date."""
    try:
        return datetime.date(year, month, day).weekday()
    except ValueError:
        return None
