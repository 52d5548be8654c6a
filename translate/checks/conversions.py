"""Amounts said in another unit, for the ``numbers`` check: ``48 uur`` rendered "two days",
``een half jaar`` "six months", ``400 meter`` "1,312 feet" or "400 metres (1,312 feet)",
``35 graden`` "95 degrees Fahrenheit", ``een pond`` "half a kilo". The numbers differ and
the amount is the same, so those numbers are no finding.

Two amounts are one where their units share a dimension (time, length, mass, area, volume,
temperature) and their worths agree: spans of time within 2% (a year is 52 weeks, a month
30 days), measures within 5% (translators round), temperatures within a degree Celsius. A
unit that only one side names, or a span in the same unit, is no conversion.
"""

from __future__ import annotations

from collections import Counter

from translate.checks.unit_tables import (
    CELSIUS_TOLERANCE,
    DUTCH_FACTORS,
    FACTORS,
    MEASURE_TOLERANCE,
    TOLERANCE,
)
from translate.checks.units import spans


def conversions(source: str, translation: str) -> list[tuple[str, str]]:
    """The pairs of numbers (the source's, the translation's) that give one amount in two
    units, each span of either side in one pair at most."""
    theirs = spans(translation, "en")
    ours = spans(source, "nl") if theirs else Counter()
    pairs = []
    left = Counter(theirs)
    for (number, unit), count in sorted(ours.items()):
        for _ in range(count):
            match = next(
                (
                    (n, u)
                    for (n, u), c in sorted(left.items())
                    if c > 0 and u != unit and same_amount(number, unit, n, u)
                ),
                None,
            )
            if match is None:
                break
            left[match] -= 1
            pairs.append((number, match[0]))
    return pairs


def same_amount(dutch: str, dutch_unit: str, english: str, english_unit: str) -> bool:
    """Whether ``dutch`` of ``dutch_unit`` (as Dutch counts it: a pound is half a kilo) is
    ``english`` of ``english_unit``."""
    dimension, ours = DUTCH_FACTORS.get(dutch_unit, FACTORS[dutch_unit])
    other, theirs = FACTORS[english_unit]
    if dimension != other:
        return False
    a, b = float(dutch), float(english)
    if dimension == "temperature":
        a, b = (_celsius(x, u) for x, u in ((a, dutch_unit), (b, english_unit)))
        return abs(a - b) <= CELSIUS_TOLERANCE
    tolerance = TOLERANCE.get(dimension, MEASURE_TOLERANCE)
    return any(abs(a * f - b * g) <= tolerance * max(a * f, b * g) for f in ours for g in theirs)


def _celsius(degrees: float, unit: str) -> float:
    return (degrees - 32) * 5 / 9 if unit == "degree Fahrenheit" else degrees


def explain(missing: Counter, extra: Counter, source: str, translation: str, keys) -> None:
    """Takes out of ``missing`` (the source's numbers the translation lacks) and ``extra``
    (the translation's numbers the source lacks) each pair of numbers that is one amount in
    two units; ``keys(number)`` gives the values a span's number may be counted as."""
    for ours, theirs in conversions(source, translation):
        for counter, number in ((missing, ours), (extra, theirs)):
            for key in keys(number):
                if counter.get(key, 0) > 0:
                    counter[key] -= 1
                    break
