"""The units of time and measure the ``numbers`` check reads after a number, in Dutch and in
English, each to one name (``kilo's`` and "kilograms" are both ``kilogram``), and what each
unit is worth in its dimension's base unit, for amounts said in another unit ("48 uur" =
"two days", "400 meter" = "1,312 feet").
"""

from __future__ import annotations

MEASURES = {
    "nl": {
        "millimeter": "millimetre", "mm": "millimetre", "centimeter": "centimetre",
        "cm": "centimetre", "meter": "metre", "meters": "metre", "kilometer": "kilometre",
        "kilometers": "kilometre", "km": "kilometre", "mijl": "mile", "zeemijl": "nautical mile",
        "zeemijlen": "nautical mile", "voet": "foot", "inch": "inch", "kilo": "kilogram",
        "kilo's": "kilogram", "kilogram": "kilogram", "kg": "kilogram", "gram": "gram",
        "milligram": "milligram", "mg": "milligram", "microgram": "microgram",
        "pond": "pound", "ons": "ons", "ton": "tonne", "liter": "litre", "liters": "litre",
        "milliliter": "millilitre", "ml": "millilitre", "centiliter": "centilitre",
        "cl": "centilitre", "hectare": "hectare", "ha": "hectare",
        "vierkante meter": "square metre", "m2": "square metre", "m²": "square metre",
        "vierkante kilometer": "square kilometre", "km2": "square kilometre",
        "km²": "square kilometre", "kubieke meter": "cubic metre", "m3": "cubic metre",
        "m³": "cubic metre", "graden celsius": "degree", "graden": "degree", "graad": "degree",
        "°c": "degree", "ºc": "degree", "°": "degree", "º": "degree",
        "graden fahrenheit": "degree Fahrenheit", "°f": "degree Fahrenheit",
        "watt": "watt", "kilowatt": "kilowatt", "kw": "kilowatt", "megawatt": "megawatt",
        "mw": "megawatt", "gigawatt": "gigawatt", "gw": "gigawatt",
        "kilowattuur": "kilowatt hour", "kwh": "kilowatt hour",
        "megawattuur": "megawatt hour", "mwh": "megawatt hour",
        "gigawattuur": "gigawatt hour", "gwh": "gigawatt hour",
        "terawattuur": "terawatt hour", "twh": "terawatt hour",
    },
    "en": {
        "millimetre": "millimetre", "millimetres": "millimetre", "millimeter": "millimetre",
        "millimeters": "millimetre", "mm": "millimetre", "centimetre": "centimetre",
        "centimetres": "centimetre", "centimeter": "centimetre", "centimeters": "centimetre",
        "cm": "centimetre", "metre": "metre", "metres": "metre", "meter": "metre",
        "meters": "metre", "kilometre": "kilometre", "kilometres": "kilometre",
        "kilometer": "kilometre", "kilometers": "kilometre", "km": "kilometre",
        "mile": "mile", "miles": "mile", "mph": "mile", "nautical mile": "nautical mile",
        "nautical miles": "nautical mile", "foot": "foot", "feet": "foot", "ft": "foot",
        "inch": "inch", "inches": "inch", "yard": "yard", "yards": "yard", "kilo": "kilogram",
        "kilos": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram",
        "kg": "kilogram", "gram": "gram", "grams": "gram", "milligram": "milligram",
        "milligrams": "milligram", "mg": "milligram", "microgram": "microgram",
        "micrograms": "microgram", "pound": "pound",
        "pounds": "pound", "lb": "pound", "lbs": "pound", "ounce": "ounce", "ounces": "ounce",
        "oz": "ounce", "ton": "tonne", "tons": "tonne", "tonne": "tonne", "tonnes": "tonne",
        "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre",
        "millilitre": "millilitre", "millilitres": "millilitre", "ml": "millilitre",
        "centilitre": "centilitre", "centilitres": "centilitre", "cl": "centilitre",
        "gallon": "gallon", "gallons": "gallon", "pint": "pint", "pints": "pint",
        "hectare": "hectare", "hectares": "hectare", "ha": "hectare", "acre": "acre",
        "acres": "acre", "square metre": "square metre", "square metres": "square metre",
        "square meter": "square metre", "square meters": "square metre", "m2": "square metre",
        "m²": "square metre", "sq m": "square metre", "square kilometre": "square kilometre",
        "square kilometres": "square kilometre", "square kilometer": "square kilometre",
        "square kilometers": "square kilometre", "km2": "square kilometre",
        "km²": "square kilometre", "sq km": "square kilometre", "square foot": "square foot",
        "square feet": "square foot", "sq ft": "square foot", "square mile": "square mile",
        "square miles": "square mile", "sq mi": "square mile", "cubic metre": "cubic metre",
        "cubic metres": "cubic metre", "cubic meter": "cubic metre",
        "cubic meters": "cubic metre", "m3": "cubic metre", "m³": "cubic metre",
        "degrees celsius": "degree", "degree celsius": "degree", "celsius": "degree",
        "degrees": "degree", "degree": "degree", "°c": "degree", "ºc": "degree",
        "°": "degree", "º": "degree", "degrees fahrenheit": "degree Fahrenheit",
        "degree fahrenheit": "degree Fahrenheit", "fahrenheit": "degree Fahrenheit",
        "°f": "degree Fahrenheit", "ºf": "degree Fahrenheit",
        "watt": "watt", "watts": "watt", "kilowatt": "kilowatt", "kilowatts": "kilowatt",
        "kw": "kilowatt", "megawatt": "megawatt", "megawatts": "megawatt", "mw": "megawatt",
        "gigawatt": "gigawatt", "gigawatts": "gigawatt", "gw": "gigawatt",
        "kilowatt hour": "kilowatt hour", "kilowatt hours": "kilowatt hour",
        "kilowatt-hour": "kilowatt hour", "kilowatt-hours": "kilowatt hour",
        "kwh": "kilowatt hour", "megawatt hour": "megawatt hour",
        "megawatt hours": "megawatt hour", "megawatt-hour": "megawatt hour",
        "megawatt-hours": "megawatt hour", "mwh": "megawatt hour",
        "gigawatt hour": "gigawatt hour", "gigawatt hours": "gigawatt hour",
        "gigawatt-hour": "gigawatt hour", "gigawatt-hours": "gigawatt hour",
        "gwh": "gigawatt hour", "terawatt hour": "terawatt hour",
        "terawatt hours": "terawatt hour", "terawatt-hour": "terawatt hour",
        "terawatt-hours": "terawatt hour", "twh": "terawatt hour",
    },
}  # fmt: skip
TIMES = {
    "nl": {
        "jaar": "year", "jaren": "year", "maand": "month", "maanden": "month",
        "week": "week", "weken": "week", "dag": "day", "dagen": "day", "etmaal": "day",
        "etmalen": "day", "uur": "hour", "uren": "hour", "kwartier": "quarter-hour",
        "minuut": "minute", "minuten": "minute", "seconde": "second", "seconden": "second",
        "eeuw": "century", "eeuwen": "century", "decennium": "decade", "decennia": "decade",
    },
    "en": {
        "year": "year", "years": "year", "month": "month", "months": "month",
        "week": "week", "weeks": "week", "day": "day", "days": "day", "hour": "hour",
        "hours": "hour", "minute": "minute", "minutes": "minute", "second": "second",
        "seconds": "second", "century": "century", "centuries": "century",
        "decade": "decade", "decades": "decade", "quarter-hour": "quarter-hour",
        "quarter of an hour": "quarter-hour", "quarters of an hour": "quarter-hour",
    },
}  # fmt: skip
UNITS = {lang: {**TIMES[lang], **MEASURES[lang]} for lang in TIMES}
PLURAL = {
    "century": "centuries", "foot": "feet", "inch": "inches", "square foot": "square feet",
    "degree Fahrenheit": "degrees Fahrenheit",
}  # fmt: skip

_YEAR = 365.25 * 86400
# Each unit's dimension and worth in the dimension's base unit (seconds, metres, kilograms,
# square metres, litres, watts, watt hours); a unit with two worths is either (US and
# imperial gallons)
FACTORS: dict[str, tuple[str, tuple[float, ...]]] = {
    "second": ("time", (1,)), "minute": ("time", (60,)), "quarter-hour": ("time", (900,)),
    "hour": ("time", (3600,)), "day": ("time", (86400,)), "week": ("time", (7 * 86400,)),
    "month": ("time", (_YEAR / 12,)), "year": ("time", (_YEAR,)),
    "decade": ("time", (10 * _YEAR,)), "century": ("time", (100 * _YEAR,)),
    "watt": ("power", (1,)), "kilowatt": ("power", (1e3,)), "megawatt": ("power", (1e6,)),
    "gigawatt": ("power", (1e9,)), "kilowatt hour": ("energy", (1e3,)),
    "megawatt hour": ("energy", (1e6,)), "gigawatt hour": ("energy", (1e9,)),
    "terawatt hour": ("energy", (1e12,)),
    "millimetre": ("length", (0.001,)), "centimetre": ("length", (0.01,)),
    "metre": ("length", (1,)), "kilometre": ("length", (1000,)),
    "mile": ("length", (1609.344,)), "nautical mile": ("length", (1852,)),
    "foot": ("length", (0.3048,)), "inch": ("length", (0.0254,)), "yard": ("length", (0.9144,)),
    "gram": ("mass", (0.001,)), "milligram": ("mass", (1e-6,)),
    "microgram": ("mass", (1e-9,)), "ons": ("mass", (0.1,)), "kilogram": ("mass", (1,)),
    "tonne": ("mass", (1000,)), "pound": ("mass", (0.45359237,)),
    "ounce": ("mass", (0.028349523,)),
    "square metre": ("area", (1,)), "square kilometre": ("area", (1e6,)),
    "hectare": ("area", (1e4,)), "acre": ("area", (4046.8564,)),
    "square foot": ("area", (0.09290304,)), "square mile": ("area", (2589988.11,)),
    "millilitre": ("volume", (0.001,)), "centilitre": ("volume", (0.01,)),
    "litre": ("volume", (1,)), "cubic metre": ("volume", (1000,)),
    "gallon": ("volume", (3.785411784, 4.54609)), "pint": ("volume", (0.473176, 0.568261)),
    "degree": ("temperature", (1,)), "degree Fahrenheit": ("temperature", (1,)),
}  # fmt: skip
# A Dutch pound is half a kilo
DUTCH_FACTORS = {"pound": ("mass", (0.5,))}
# How far two amounts may lie apart and still be one said in another unit: times are
# converted exactly (48 hours, two days), measures rounded ("1,300 feet" for 400 metres)
TOLERANCE = {"time": 0.02, "temperature": 0.0}
MEASURE_TOLERANCE = 0.05
CELSIUS_TOLERANCE = 1.0  # degrees Celsius either way ("about 85 degrees Fahrenheit")
