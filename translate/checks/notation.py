"""Numbers as each language writes them: Dutch ``3,4`` and ``12.000`` are English ``3.4``
and ``12,000``; a number before a scale word is one number (``1,2 miljard`` =
``1200000000``, "2.5 billion"); short forms are written out ("£10m", "10kg")."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SCALES = {
    "nl": {"duizend": 3, "miljoen": 6, "mln": 6, "miljard": 9, "mld": 9, "mrd": 9, "biljoen": 12},
    "en": {"thousand": 3, "million": 6, "mln": 6, "billion": 9, "bn": 9, "trillion": 12},
}
SCALED = {
    lang: re.compile(
        r"(\d+(?:[.,]\d+)*)\s*(" + "|".join(sorted(scales, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    for lang, scales in _SCALES.items()
}
# "£10m": millions after a currency sign; "10kg", "5km", "500mg": a number, then its unit
_MONEY_M = re.compile(r"([£$€]\s?\d+(?:\.\d+)?)m\b")
_GLUED = re.compile(
    r"(\d)(?=(?:kg|km|mg|ml|cm|mm|mph|ha|bn|kwh|mwh|gwh|twh|kw|mw|gw|m|g|l)\b)", re.IGNORECASE
)
_GROUPED = {
    "nl": re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$"),
    "en": re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$"),
}


def number_text(token: str, lang: str) -> str | None:
    """A number written in the notation of ``lang`` in one notation (``1.000,5`` in Dutch and
    ``1,000.5`` in English are ``1000.5``), or None where it is not one value."""
    number = _parse(token, lang)
    return None if number is None else _format(number)


def _parse(token: str, lang: str) -> Decimal | None:
    """A number in the notation of ``lang``."""
    token = token.strip(".,")
    if not token:
        return None
    if _GROUPED[lang].match(token):  # 12.000 / 12,000: thousands grouped
        thousands, decimal = (".", ",") if lang == "nl" else (",", ".")
        token = token.replace(thousands, "").replace(decimal, ".")
    elif lang == "nl":
        token = token.replace(",", ".")  # 3,4: a decimal comma; 3.5 read as written
    else:
        token = token.replace(",", "")
    if token.count(".") > 1:
        return None  # a version number or a date written 1.6.2025: not one value
    try:
        return Decimal(token)
    except InvalidOperation:
        return None


def _format(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def scaled(text: str, lang: str) -> str:
    """``text`` with each number before a scale word as one number in digits ("1,2 miljard"
    as ``1200000000``)."""

    return SCALED[lang].sub(lambda m: scaled_number(m, lang) or m.group(), text)


def scaled_number(match: re.Match, lang: str) -> str | None:
    """The number of a match of ``SCALED`` (digits and a scale word), or None."""
    number = _parse(match.group(1), lang)
    if number is None:
        return None
    return _format(number.scaleb(_SCALES[lang][match.group(2).lower()]))


def short_forms(text: str, lang: str) -> str:
    """``text`` with the short forms of amounts written out: millions after a currency sign
    in English ("£10m": "£10 million") and a unit glued to its number ("10kg": "10 kg")."""
    if lang == "en":
        text = _MONEY_M.sub(r"\1 million", text)
    return _GLUED.sub(r"\1 ", text)
