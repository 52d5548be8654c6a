"""``untranslated``: the translation is (mostly) the Dutch source, or still Dutch in part."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from translate.checks.base import Sentence
from translate.checks.name_titles import kept_titles
from translate.findings import Finding
from translate.text.addresses import addresses
from translate.text.language import reads_as_dutch
from translate.text.vocabulary import ENGLISH_BELOW, LOANS, dutch_not_english, zipf

# Frequent Dutch words that are not English words: function words, verbs, numbers, days,
# months and common nouns of news text
DUTCH_ONLY = frozenset(
    """
    de het een en voor niet dat te zijn er aan om ook als bij naar uit wordt worden werd
    werden heeft hebben hadden maar nog wel geen deze dit wie waar hoe omdat toen ze zij hij
    wij jullie hun haar onze ons mijn jouw tot tussen tegen zonder onder boven na vanaf
    volgens ongeveer ruim bijna meer minder veel weinig alleen gaat gaan ging gingen komt
    komen kwam kwamen kunnen moet moeten wil willen zal zullen zou zouden mag moest kon
    konden wilde ter nieuwe grote kleine jaar jaren procent daar hier tijdens echter sinds
    nadat zodat terwijl hoewel dus toch altijd nooit vaak soms iets niets
    iemand niemand elke ieder iedere alle beide andere eigen zelf zich mij jou jij uw
    welke wanneer waarom zoals indien zowel noch zeer weer opnieuw misschien
    waarschijnlijk eigenlijk vooral bovendien daarom daarna daarmee daarbij daardoor
    waardoor waarbij waarin waarop waarmee namelijk inmiddels intussen ondanks binnen
    buiten achter naast langs volgende vorige eerste tweede derde laatste gisteren vandaag
    vanavond vanochtend vanmorgen maandag dinsdag woensdag donderdag vrijdag zaterdag
    zondag januari februari maart juni juli augustus oktober geweest gedaan gezegd zegt
    zei zeiden zeggen maakt maken maakte gemaakt laten staat staan stond ligt liggen
    krijgt krijgen kreeg kregen blijft blijven bleef neemt nemen nam geeft geven gaf zien
    ziet zag weet weten wist denkt denken vindt vinden vond werkt werken mensen kinderen
    vrouwen mannen stad gemeente regering twee drie vijf zes zeven acht negen tien twintig
    dertig honderd duizend miljoen miljard keer maanden weken dagen uren minuten nieuw oude
    tientallen honderden duizenden miljoenen enkele sommige talloze
    groot klein goed goede slecht hoge lange eerder samen mee nee
    """.split()
)
# Dutch words that are English words too ("had", "door", "met", "van"): counted only beside
# a word of the list above, and not alone in a copied phrase
SHARED = frozenset("van die had met door op euro dan kan wat".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SHARE = 0.15  # of the translation's words being Dutch words
# Spellings English words (of five letters or more) do not have, but Dutch ones do: a word of
# the source with one of them, kept in the translation, is a word left untranslated
# ("gemeenteraad", "bijeenkomst", "gezondheid", "huurtoeslag")
_LOOKS_DUTCH = re.compile(r"ij|aa|uu|oe|heid$|heden$|lijke?$|tjes?$")
RUN = 3  # words in a row copied from the source
_VOWELS = frozenset("aeiouyáéíóúäëïöü")
_QUOTED = re.compile(r"""(?<!\w)['‘"“«]([^\s'’"”»]+(?:\s[^\s'’"”»]+){0,2})['’"”»](?!\w)""")


def untranslated(sentence: Sentence) -> Iterator[Finding]:
    """Findings of kind ``untranslated`` for one translated sentence."""
    # Titles kept in Dutch ("Het is een nacht") and addresses ("www.haven.nl/nl/cijfers")
    # hold no words to judge
    kept = (*kept_titles(sentence.source, sentence.translation), *addresses(sentence.source))
    for span in kept:
        sentence = replace(
            sentence,
            source=sentence.source.replace(span, " "),
            translation=sentence.translation.replace(span, " "),
        )
    source_words = [m.group().lower() for m in _WORD.finditer(sentence.source)]
    if not any(w in DUTCH_ONLY or _frequent_dutch(w) for w in source_words):
        return  # a name, a figure, a title: the same in both languages
    words = _common_words(sentence.translation)
    written = set(_WORD.findall(sentence.translation))  # as written: no sentence's first word
    # A Dutch word of the translation: one of the list, or a lowercase word common in Dutch
    # text and rare in English text ("woning", "snelweg")
    dutch_words = {w for w in words if w in DUTCH_ONLY or (w in written and _frequent_dutch(w))}
    strong = [w for w in words if w in dutch_words]
    # ... with a Dutch word in it: "Het museum is open." may well be "The museum is open."
    if strong and _same(sentence.source, sentence.translation):
        yield Finding("untranslated", "untranslated: the translation is the Dutch source")
        return
    dutch = [w for w in words if w in dutch_words or (strong and w in SHARED)]
    if len(dutch) >= 2 and len(dutch) >= SHARE * len(words):
        shown = ", ".join(dict.fromkeys(dutch))
        message = f"untranslated: {len(dutch)} of {len(words)} words are Dutch ({shown})"
        yield Finding("untranslated", message, data={"dutch": len(dutch), "words": len(words)})
        return
    source = _common_words(sentence.source)
    copied = _copied_phrase(source, words)
    if copied:
        message = f"untranslated: a Dutch phrase of the source is in the translation ({copied})"
        yield Finding("untranslated", message, data={"copied": copied})
        return
    # Single Dutch words: kept from the source (a word of the list, with a Dutch spelling, or
    # reading as Dutch), or any common Dutch word ("gemeenteraad" for "raad"); not one the
    # translation quotes where the source does not ("what the Dutch call 'gezelligheid'")
    quoted = _quoted(sentence.translation) - _quoted(sentence.source)
    kept = [w for w in dict.fromkeys(words) if w not in quoted and _left_dutch(w, source, written)]
    if kept:
        shown = ", ".join(kept)
        of_source = " of the source" if all(w in source for w in kept) else ""
        message = f"untranslated: Dutch words{of_source} are in the translation ({shown})"
        yield Finding("untranslated", message, data={"copied": kept})


def _left_dutch(word: str, source: list[str], written: set[str]) -> bool:
    """Whether ``word`` (lower case) of the translation is a Dutch word left in it: a word
    of the list kept from the source (no name, even where it opens the sentence); or, as
    written in lower case, a common Dutch word, a Dutch abbreviation of the source, or a
    word of the source of five letters or more, rare in English, with a Dutch spelling or
    reading as Dutch."""
    if word in DUTCH_ONLY and word in source and len(word) >= 5:
        return True
    if word not in written:
        return False  # capitalised where it stands: a name, or a sentence's first word
    if _frequent_dutch(word):
        return True
    if word in source and _dutch_abbreviation(word):
        return True
    return (
        word in source
        and len(word) >= 5
        and zipf(word, "en") < ENGLISH_BELOW  # "oeuvre", "atelier": English writes them too
        and bool(_LOOKS_DUTCH.search(word) or _reads_dutch(word) or _dutch_compound(word))
    )


def _dutch_abbreviation(word: str) -> bool:
    """A Dutch abbreviation Dutch writes in lower case, with no vowel, no English word
    ("ggz", "zzp", "kvk"; not "km", nor "btw", English "by the way"): English writes it in
    capitals, or spells it out."""
    return 2 <= len(word) <= 5 and not _VOWELS & set(word) and dutch_not_english(word)


def _dutch_compound(word: str) -> bool:
    """A compound of eight letters or more, no English word, made of two Dutch words, with a
    linking ``s``, ``e`` or ``en`` or none: one Dutch and no English word, the other more
    common in Dutch than in English, once in a million words at least, or a common Dutch
    word ("lerarenstaking": leraren + staking, "pensioenwet", "zwembadcomplex": zwembad +
    complex; wordfreq knows no such rare compounds as a whole)."""
    if len(word) < 8 or word in LOANS or zipf(word, "en") >= ENGLISH_BELOW:  # "stroopwafels"
        return False
    for cut in range(4, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        for link in ("", "s", "e", "en"):
            if link and not head.endswith(link) or len(head) - len(link) < 4:
                continue
            stem = head[: len(head) - len(link)] if link else head
            parts = (stem, tail)
            # one part a Dutch word and no English one, the other a word of Dutch too
            # ("zwembad" + "complex")
            if any(_frequent_dutch(p) for p in parts) and all(_dutch_part(p) for p in parts):
                return True
    return False


def _dutch_part(word: str) -> bool:
    """A compound's part: a Dutch word, one more common in Dutch than in English
    ("staking", also English "staking" a claim), or a common Dutch word, once in 100,000 words
    or more ("complex", "centrum")."""
    dutch = zipf(word, "nl")
    return _frequent_dutch(word) or dutch >= 3.0 and dutch > zipf(word, "en") or dutch >= 4.0


def _frequent_dutch(word: str) -> bool:
    return len(word) >= 4 and dutch_not_english(word)


def _quoted(text: str) -> set[str]:
    """The words (lower case) of the short quotations in ``text``: up to three words
    between quotation marks."""
    return {w.lower() for match in _QUOTED.finditer(text) for w in _WORD.findall(match.group(1))}


def _common_words(text: str) -> list[str]:
    """The words of ``text`` in lower case, without those of names: a capitalised word that
    does not start a sentence, and up to two lowercase words between two of them ("Partij
    van de Arbeid", "Raad van State": Dutch names kept as they are, not untranslated text)."""
    matches = list(_WORD.finditer(text))
    named = [w.group()[0].isupper() and not _starts_sentence(text, w.start()) for w in matches]
    joining = [False] * len(matches)
    last = None  # the last named word's index
    for i, is_name in enumerate(named):
        if not is_name:
            continue
        if last is not None and 1 <= i - last - 1 <= 2:
            joining[last + 1 : i] = [True] * (i - last - 1)
        last = i
    return [
        m.group().lower()
        for m, is_name, joins in zip(matches, named, joining, strict=True)
        if not (is_name or joins)
    ]


def _reads_dutch(word: str) -> bool:
    """A word of seven letters or more that reads as Dutch: with 95% confidence, 90% from
    nine letters on (Dutch compounds are long; English loans of Dutch news text, such as
    "weekend" at 91%, stay below)."""
    return len(word) >= 7 and reads_as_dutch(word, 0.9 if len(word) >= 9 else 0.95)


def _copied_phrase(source: list[str], translation: list[str]) -> str | None:
    """A run of :data:`RUN` words of the source (names left out) that stands in the
    translation as it is, with a Dutch-only word among them and one other word of four
    letters or more ("tijdens rellen in"), or two Dutch-only words ("bij het hek")."""
    runs = {tuple(translation[i : i + RUN]) for i in range(len(translation) - RUN + 1)}
    for i in range(len(source) - RUN + 1):
        run = tuple(source[i : i + RUN])
        if run not in runs:
            continue
        dutch = [w for w in run if w in DUTCH_ONLY]
        if len(dutch) >= 2 or dutch and any(len(w) >= 4 and w not in dutch for w in run):
            return " ".join(run)
    return None


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"'“‘(«")
    return not before or before[-1] in ".!?:;"


def _same(source: str, translation: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(source.lower().strip(), translation.lower().strip()) >= 90
