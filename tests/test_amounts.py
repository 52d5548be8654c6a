"""Amounts in the ``numbers`` check: a whole number and a half, an amount said in another
unit (accepted where it is the same amount, a finding where it is not), the dimension a
length is measured in, rough numbers and ages, and the half of the day a time is in."""

import pytest

from translate.checks import CHECKS, Sentence, run_checks
from translate.checks.approximate import collectives, rough_numbers
from translate.checks.conversions import conversions, same_amount
from translate.checks.fractions import mixed_numbers
from translate.checks.numbers import numbers
from translate.checks.ordinals import ordinals


def _messages(source: str, translation: str) -> list[str]:
    return [f.message for f in numbers(Sentence(0, source, translation))]


@pytest.mark.parametrize(
    ("text", "lang", "written"),
    [
        ("anderhalf miljard", "nl", "1,5 miljard"),
        ("anderhalve meter", "nl", "1,5 meter"),
        ("tweeënhalf uur", "nl", "2,5 uur"),
        ("negenenhalf jaar", "nl", "9,5 jaar"),
        ("twee en een halve kilometer", "nl", "2,5 kilometer"),
        ("een half miljoen", "nl", "0,5 miljoen"),
        ("1½ kilo", "nl", "1,5 kilo"),
        ("half negen", "nl", "half negen"),  # a time, read as one elsewhere
        ("two and a half hours", "en", "2.5 hours"),
        ("an hour and a half", "en", "1.5 hour"),
        ("a year and a half ago", "en", "1.5 year ago"),
        ("half a million", "en", "0.5 million"),
        ("one and a half billion", "en", "1.5 billion"),
        ("half past two", "en", "half past two"),
        ("the first and a half", "en", "the first and a half"),  # no number before
    ],
)
def test_a_whole_number_and_a_half_is_one_number(text, lang, written):
    assert mixed_numbers(text, lang) == written


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("De renovatie duurt een half jaar.", "The renovation will take six months."),
        ("De verbouwing duurde anderhalf jaar.", "The conversion took 18 months."),
        ("Het tekort loopt op tot anderhalf miljard euro.", "The deficit is 1.5 billion euros."),
        ("Het tekort loopt op tot anderhalf miljard euro.", "It is one and a half billion."),
        ("De vertraging liep op tot tweeënhalf uur.", "The delay rose to two and a half hours."),
        ("De vertraging liep op tot tweeënhalf uur.", "The delay rose to 2.5 hours."),
        ("De vergadering duurde anderhalf uur.", "The meeting lasted 90 minutes."),
        ("De verdachte zat 48 uur vast.", "The suspect was held for two days."),
        ("Hij zat 3 uur vast.", "He was held for 180 minutes."),  # 3 uur: also a time
        ("Hij kreeg vier jaar cel.", "He was sentenced to 48 months in prison."),
        ("De reis duurt drie weken.", "The trip takes 21 days."),
        ("De reis duurt twee weken.", "The trip takes a fortnight."),
        ("Zij wacht al een jaar.", "She has been waiting twelve months."),
        ("De bus rijdt elk kwartier.", "The bus runs every 15 minutes."),
        ("De bus rijdt elk kwartier.", "The bus runs every quarter of an hour."),
        ("Het duurde drie kwartier.", "It took three quarters of an hour."),
        ("Het stroomnet lag een etmaal plat.", "The grid was down for 24 hours."),
        ("De kerk staat een kwart eeuw leeg.", "The church has been empty for 25 years."),
        ("Hij zat driekwart jaar vast.", "He was held for nine months."),
        ("Er komen een half miljoen bezoekers.", "500,000 visitors are coming."),
        ("Houd anderhalve meter afstand.", "Keep 1.5 metres apart."),
        ("De toren wordt 400 meter hoog.", "The tower will be 400 metres (1,312 feet) high."),
        ("De toren wordt 400 meter hoog.", "The tower will be 1,300 feet high."),
        ("De trein reed 140 kilometer per uur.", "The train went 140 km/h (87 mph)."),
        ("Ze liep 10 kilometer.", "She ran 10 kilometres (6.2 miles)."),
        ("De sonde vloog 10 miljoen kilometer.", "It flew 10 million km (6.2 million miles)."),
        ("De koffer mag 23 kilo wegen.", "The case may weigh 23 kilos (50 pounds)."),
        ("Hij verkocht een pond kaas.", "He sold half a kilo of cheese."),  # a Dutch pound
        ("Een tuin van 500 vierkante meter.", "A 500 square metre (5,400 sq ft) garden."),
        ("Het gebied is 300 hectare.", "The area is 300 hectares (740 acres)."),
        ("De tank bevat 50 liter.", "The tank holds 50 litres (13 gallons)."),
        ("De tank bevat 50 liter.", "The tank holds 11 gallons."),  # imperial gallons
        ("Het was 35 graden.", "It was 35 degrees Celsius (95 degrees Fahrenheit)."),
        ("Het was 30 graden.", "It was 86°F."),
    ],
)
def test_an_amount_said_in_another_unit_is_accepted(source, translation):
    assert run_checks([Sentence(0, source, translation)], CHECKS) == []


@pytest.mark.parametrize(
    ("source", "translation", "message"),
    [
        (
            "De renovatie duurt een half jaar.",
            "The renovation will take three months.",
            "numbers: 1/2 in the source, 3 in the translation",
        ),
        (
            "De vergadering duurde anderhalf uur.",
            "The meeting lasted 60 minutes.",
            "numbers: 1.5 in the source, 60 in the translation",
        ),
        (
            "De verdachte zat 48 uur vast.",
            "The suspect was held for three days.",
            "numbers: 48 in the source, 3 in the translation",
        ),
        (
            "Het tekort loopt op tot anderhalf miljard euro.",
            "The deficit rises to two and a half billion euros.",
            "numbers: 1,500,000,000 in the source, 2,500,000,000 in the translation",
        ),
        (
            "De toren wordt 400 meter hoog.",
            "The tower will be 400 metres (1,000 feet) high.",
            "numbers: 1000 in the translation, not in the source",
        ),
        (
            "De bus rijdt elk kwartier.",
            "The bus runs every 30 minutes.",
            "numbers: 30 in the translation, not in the source",
        ),
        (
            "Zij wacht al een jaar.",
            "She has been waiting a month.",
            "numbers: 1 year in the source, 1 month in the translation",
        ),
        (
            "Houd anderhalve meter afstand.",
            "Keep 1.5 feet apart.",
            "numbers: 1.5 metres in the source, 1.5 feet in the translation",
        ),
        (
            "Het was 35 graden.",
            "It was 35 degrees Fahrenheit.",
            "numbers: 35 degrees in the source, 35 degrees Fahrenheit in the translation",
        ),
        (
            "Een tuin van 500 vierkante meter.",
            "A garden of 500 square feet.",
            "numbers: 500 square metres in the source, 500 square feet in the translation",
        ),
    ],
)
def test_an_amount_changed_in_another_unit_is_a_finding(source, translation, message):
    assert _messages(source, translation) == [message]


def test_same_amount_tolerances():
    assert same_amount("48", "hour", "2", "day")
    assert not same_amount("4", "week", "1", "month")  # 28 days against 30.4
    assert same_amount("1", "year", "52", "week")
    assert same_amount("10", "kilometre", "6", "mile")  # rounded: 9.66 km
    assert not same_amount("10", "kilometre", "7", "mile")
    assert same_amount("1", "pound", "0.5", "kilogram")  # the Dutch pound
    assert same_amount("30", "degree", "86", "degree Fahrenheit")
    assert not same_amount("30", "degree", "30", "degree Fahrenheit")
    assert not same_amount("400", "metre", "400", "hour")  # other dimensions


def test_each_span_is_one_conversion_at_most():
    source = "De eerste toren is 100 meter, de tweede ook 100 meter."
    translation = "The first tower is 328 feet, the second 328 feet, and 328 feet more."
    assert conversions(source, translation) == [("100", "328"), ("100", "328")]
    assert _messages(source, translation) == ["numbers: 328 in the translation, not in the source"]


@pytest.mark.parametrize(
    ("source", "translation", "message"),
    [
        (
            "De dijk bij Petten is 8 meter hoog.",
            "The dike at Petten is 8 metres wide.",
            "numbers: 8 metres high in the source, 8 metres wide in the translation",
        ),
        (
            "Het zwembad is 25 meter lang en 2 meter diep.",
            "The pool is 25 metres deep and 2 metres long.",
            "numbers: 2 metres deep, 25 metres long in the source, "
            "2 metres long, 25 metres deep in the translation",
        ),
        (
            "Er komt een brug met een lengte van 60 meter.",
            "A 60-metre-wide bridge is coming.",
            "numbers: 60 metres long in the source, 60 metres wide in the translation",
        ),
        (
            "Het kanaal is 5 meter diep.",
            "The canal is 5 metres high.",
            "numbers: 5 metres deep in the source, 5 metres high in the translation",
        ),
        (
            "De muur is 3 meter dik.",
            "The wall is 3 metres tall.",
            "numbers: 3 metres thick in the source, 3 metres tall in the translation",
        ),
    ],
)
def test_a_length_must_keep_its_dimension(source, translation, message):
    assert _messages(source, translation) == [message]


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("De eik is 30 meter hoog.", "The oak is 30 metres tall."),
        ("De speler is 2 meter lang.", "The player is 2 metres tall."),  # a person's length
        ("De sneeuw lag twintig centimeter hoog.", "The snow was twenty centimetres deep."),
        ("Er komt een brug van 60 meter lang.", "A 60-metre-long bridge is coming."),
        ("Het vliegtuig vloog op 10.000 meter hoogte.", "It flew at an altitude of 10,000 m."),
        ("De muur is 3 meter hoog.", "The wall is 3 metres in height."),
        ("De muur is 3 meter hoog.", "The wall is 3 metres."),  # a dimension left out
        ("Hij was twee jaar lang ziek.", "He was ill for two years."),  # a time, no length
    ],
)
def test_a_length_in_its_dimension_is_accepted(source, translation):
    assert _messages(source, translation) == []


def test_an_amount_given_again_in_another_unit_is_no_addition():
    from translate.checks.length import length

    source = "Het bos beslaat 4.000 hectare."
    assert list(length(Sentence(0, source, "The forest covers 4,000 hectares (988 acres)."))) == []
    again = "The forest covers 4,000 hectares, or about 40 square kilometres."
    assert list(length(Sentence(0, source, again))) == []
    wrong = "The forest covers 4,000 hectares, or about 90 square kilometres."  # no conversion
    assert [f.kind for f in length(Sentence(0, source, wrong))] == ["length"]


@pytest.mark.parametrize(
    "text,lang,read",
    [
        ("Een twintigtal demonstranten.", "nl", [20]),
        ("een honderdtal bezoekers en een vijftiental agenten", "nl", [100, 15]),
        ("De politie hield een drietal verdachten aan.", "nl", [3]),
        ("Het drietal werd vrijgesproken.", "nl", []),  # as often "the trio"
        ("Het eerste elftal, het aantal, een getal, het kristal.", "nl", []),
        ("Tientallen gezinnen.", "nl", []),  # "dozens": no one number
    ],
)
def test_a_collective_numeral_is_its_number(text, lang, read):
    assert rough_numbers(text) == read
    for number in read:
        assert f" {number} " in collectives(text, lang)


def test_a_dozen_is_twelve_on_either_side():
    assert "12" in collectives("Ze kocht een dozijn eieren.", "nl")
    assert "12" in collectives("She bought a dozen eggs.", "en")
    assert "12" not in collectives("Dozens of eggs.", "en")


def test_an_age_is_an_ordinal_the_translation_gives_as_its_cardinal():
    assert ordinals("Ze begon op haar zesde met pianoles.", "nl") == (6,)
    assert ordinals("Hij werkte tot zijn 67ste.", "nl") == (67,)
    assert ordinals("Vanaf je achttiende mag je stemmen.", "nl") == (18,)
    # the cardinal is the ordinal's only where that side has no such ordinal
    assert _messages("Op zijn derde album zingt hij.", "On his third album he sings.") == []
    assert _messages("Op zijn derde album zingt hij.", "On his third album he sings 3 songs.")


@pytest.mark.parametrize(
    "source,translation",
    [
        ("Ze begon op haar zesde met pianoles.", "She started piano lessons at the age of six."),
        ("Hij werkte tot zijn 67ste bij de gemeente.", "He worked there until he was 67."),
        ("Een twintigtal demonstranten kwam.", "About twenty demonstrators came."),
        ("Er kwamen een honderdtal bezoekers.", "Some 100 visitors came."),
        ("Een tiental scholen bleef dicht.", "A dozen schools stayed closed."),  # within a fifth
        ("Een twintigtal landen tekende.", "Two dozen countries signed."),
        ("Ze kocht een dozijn eieren.", "She bought a dozen eggs."),
        ("Ze kocht een dozijn eieren.", "She bought twelve eggs."),
        ("Zijn derde album verscheen.", "His third album came out."),
        ("Het vuurwerk begon om middernacht.", "The fireworks started at midnight."),
        ("Om 24.00 uur gaat de wet in.", "The law takes effect at midnight."),
        ("Om 00.00 uur gaat de wet in.", "The law takes effect at 12 a.m."),
        ("De laatste trein vertrok om 00.15 uur.", "The last train left at 12:15 a.m."),
        ("De wedstrijd begint om 20.15 uur.", "The match starts at 8:15 p.m."),
        ("Het begint om 8 uur.", "It starts at 8 p.m."),  # no half of the day said
        ("Het begint om 8.15 uur 's avonds.", "It starts at 8:15 p.m."),  # a 12-hour clock
        ("De wedstrijd begint om 20.15 uur.", "The match starts at 20:15."),
        ("De staking duurt tot vrijdag 12.00 uur.", "The strike lasts until 12 noon on Friday."),
        ("Het vuurwerk begon om 12 uur 's nachts.", "The fireworks started at midnight."),
        ("Om 12 uur 's middags sluit de markt.", "The market closes at noon."),
    ],
)
def test_rough_numbers_ages_and_clock_words_are_accepted(source, translation):
    assert _messages(source, translation) == []


@pytest.mark.parametrize(
    "source,translation,message",
    [
        ("Een twintigtal demonstranten kwam.", "About 200 demonstrators came.", "20 in the source"),
        ("Een tiental scholen bleef dicht.", "Fifteen schools stayed closed.", "15 in the"),
        ("Ze kocht een dozijn eieren.", "She bought ten eggs.", "12 in the source, 10 in"),
        ("Op zijn twaalfde verhuisde hij.", "At the age of eleven he moved.", "11 in the"),
        ("Het vuurwerk begon om middernacht.", "The fireworks started at noon.", "midnight in"),
        ("De winkels gaan om 12 uur open.", "The shops open at midnight.", "12:00 in the source"),
        ("Om 24.00 uur gaat de wet in.", "The law takes effect at noon.", "24:00 in the source"),
        ("Om 12 uur 's nachts begon het.", "It started at 12 noon.", "midnight in the source"),
        ("De trein vertrok om 00.15 uur.", "The train left at 12:15 p.m.", "0:15 in the source"),
        ("De wedstrijd begint om 20.15 uur.", "The match starts at 8:15 a.m.", "8:15 in the tr"),
    ],
)
def test_a_changed_rough_number_age_or_half_of_the_day_is_a_finding(source, translation, message):
    (found,) = _messages(source, translation)
    assert found.startswith("numbers: ") and message in found, found


@pytest.mark.parametrize(
    ("source", "translation", "flagged"),
    [
        ("Het park levert 700 megawatt.", "The park delivers 700 megawatts.", False),
        ("Het park levert 700 megawatt.", "The park delivers 700MW.", False),
        ("Het park levert 700 megawatt.", "The park delivers 700 kilowatts.", True),
        ("De centrale levert 1,6 gigawatt.", "The plant delivers 1,600 megawatts.", False),
        ("Een huishouden verbruikt 2500 kWh.", "A household uses 2,500 kilowatt hours.", False),
        ("Een huishouden verbruikt 2500 kWh.", "A household uses 2,500 megawatt hours.", True),
    ],
)
def test_power_and_energy_keep_their_units(source, translation, flagged):
    from tests.helpers import check_messages

    assert any(m.startswith("numbers:") for m in check_messages(source, translation)) is flagged
