"""What a capitalised word of the source may stand as in English, for the ``names``
check: itself, an adjective's English forms in any inflection or compound, the place in an
adjective or a word for its people, a word of names' English form, the name opening a
compound of it and a common Dutch word."""

from __future__ import annotations

import re
from functools import lru_cache

from translate.checks.name_places import PLACES
from translate.checks.name_words import ADJECTIVES, NAME_WORDS
from translate.text.vocabulary import common_dutch, common_english, zipf

_TAIL = 3.5  # a compound's Dutch word: about once in 300,000 words ("woud" 3.9)


def kept_as_is(name: str, forms: tuple[str, ...]) -> bool:
    """Whether English keeps ``name`` as it is: its forms are itself, or a compound's head
    ("Amsterdam" for "Amster" + "dam"), no translation."""
    return all(name.startswith(form) for form in forms)


@lru_cache(maxsize=65_536)
def english_forms(word: str) -> tuple[str, ...]:
    """What a capitalised word the tables do not hold as a name may stand as in English:
    itself, an adjective's English forms, the place in an adjective or a word for its people
    ("Groningse", "Haagse", "Amsterdammers"), a word of names' English form ("Universiteit":
    University)."""
    lowered = word.lower()
    english = adjective(lowered)
    if english is not None:
        return english + (word,)
    forms = (word,) + _name_word(lowered) + _compound_head(word)
    if lowered.endswith("se") and len(word) >= 6 or lowered.endswith("s") and len(word) > 6:
        forms += _places(lowered[: -2 if lowered.endswith("se") else -1])  # Rotterdamse
    return forms + _residents(lowered) + _people(lowered)


_PEOPLE = re.compile(r"(?:ers|ërs|ezen|aren|enen|en|aan|iër|ees|er|man)$")


def _people(word: str) -> tuple[str, ...]:
    """A country's people by its adjective's English forms, singular and plural
    ("Israëliërs": Israelis, "Palestijnen": Palestinians, "Hongaren": Hungarians,
    "Keniaan": Kenyan, "Oostenrijker": Austrian, "Engelsman": Englishman): the
    adjective sharing the longest start with the word, five letters at least."""
    if not _PEOPLE.search(word):
        return ()
    best, size = "", 0
    for key in ADJECTIVES:
        pairs = zip(key, word, strict=False)
        shared = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(key), len(word)))
        if shared > size:
            best, size = key, shared
    if size < 5:
        return ()
    english = ADJECTIVES[best]
    if word.endswith("man"):  # "Engelsman": Englishman
        english += tuple(f"{e}man" for e in english) + tuple(f"{e}men" for e in english)
    return english + tuple(f"{e}s" for e in english)


def _compound_head(word: str) -> tuple[str, ...]:
    """The name that opens a compound of it and a Dutch word, which the translation may
    hold alone ("Bijlmerramp": the Bijlmer disaster, "Erasmusbrug": Erasmus Bridge), also
    without the Dutch spelling's last "e" ("Amazonewoud": the Amazon rainforest)."""
    lowered = word.lower()
    heads = tuple(
        word[:i]
        for i in range(len(word) - 3, 3, -1)
        if zipf(lowered[i:], "nl") >= _TAIL and not common_dutch(lowered[:i])
    )
    return heads + tuple(h[:-1] for h in heads if h.endswith("e") and len(h) >= 6)


def _name_word(word: str) -> tuple[str, ...]:
    """The English forms of a word of names, alone or ending a compound
    ("Rijksuniversiteit": University, "Eurocommissaris": Commissioner)."""
    if word in NAME_WORDS:
        return NAME_WORDS[word]
    for size in range(len(word) - 3, 4, -1):  # the longest known ending first
        if word[-size:] in NAME_WORDS:
            return NAME_WORDS[word[-size:]]
    return ()


def _places(stem: str) -> tuple[str, ...]:
    """A place whose adjective or people's word has ``stem``: as written (``rotterdam``), with
    the ending the adjective drops (``groning``: Groningen, ``twent``: Twente, ``parij``:
    Parijs, Paris), and the English forms of a known place it ends ("haag": Den Haag, The
    Hague)."""
    forms = (stem, stem + "en", stem + "e")
    for key, english in PLACES.items():
        if key == stem or key.endswith(" " + stem) or key in (stem + "en", stem + "e", stem + "s"):
            forms += english
    return forms


# Words made of an adjective of nationality or language ("Nederlandstalige": Dutch-language,
# "Engelssprekend": English-speaking)
_DERIVED = re.compile(r"(?:talig|sprekend|gezind)(?:e|en)?$")


def adjective(word: str) -> tuple[str, ...] | None:
    """The English forms of ``word`` (lower case) when it is an adjective the tables know, in
    any of its inflections (``Turkse``, ``Europese``: europees, ``Nationale``: nationaal) or
    in a compound of one (``Franstalige``)."""
    word = _DERIVED.sub("", word) or word
    if word in ADJECTIVES:
        return ADJECTIVES[word]
    if not word.endswith("e"):
        return None
    stem = word[:-1]
    if stem in ADJECTIVES:
        return ADJECTIVES[stem]
    # An open syllable writes a long vowel once ("europese", "algemene", "centrale")
    vowels = "aeiou"
    # ... also after an "i" of its own syllable ("indiase": indiaas)
    open_syllable = len(stem) >= 3 and stem[-2] in "aeou" and stem[-1] not in vowels
    if open_syllable and (stem[-3] not in vowels or stem[-3] == "i"):
        return ADJECTIVES.get(stem[:-1] + stem[-2] + stem[-1])
    return None


def _residents(word: str) -> tuple[str, ...]:
    """The place in a word for its people ("Amsterdammers", "Brusselaars", "Groningers",
    "Antwerpenaren"): its Dutch name and English forms, or nothing."""
    if len(word) < 7:
        return ()
    for suffix in ("enaren", "naren", "aren", "aars", "aar", "ers", "er"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            break
    else:
        return ()
    if len(stem) >= 2 and stem[-1] == stem[-2]:  # Amsterdammers: Amsterdam
        stem = stem[:-1]
    return _places(stem)  # Groningers: Groningen


# Dutch transliterates Russian, Ukrainian and Arabic names its own way: Poetin (Putin),
# Chroesjtsjov (Khrushchev), Prigozjin (Prigozhin), Tolstoj (Tolstoy), Navalni (Navalny),
# Wolodymyr (Volodymyr), Hoessein (Hussein)
_SOUNDS = {"tsj": "ch", "dzj": "j", "sj": "sh", "zj": "zh", "oe": "u", "ch": "kh", "j": "y"}
_SOUNDS["ij"] = "ij"  # Dutch's own ij stays: Keijzer is not Keizer
_SOUND = re.compile("|".join(sorted(_SOUNDS, key=len, reverse=True)))


def english_spelling(folded: str) -> str:
    """A name (folded: lower case, no accents) in English transliteration, where Dutch
    transliterates it its own way; the name itself where nothing changes."""
    spelled = _SOUND.sub(lambda m: _SOUNDS[m.group()], folded)
    spelled = re.sub(r"^w(?=[aeiouyl])|(?<=[aeiou])w(?=[aeiouy])", "v", spelled)
    return re.sub(r"(?<=[kn])i$", "y", spelled)  # Zelenski, Navalni: -sky, -ny


# Dutch endings of places, peoples and their adjectives, and the English ones they stand
# for: Catalonië, Dardanellen, Siciliaanse, Siberische, Tataarse
_ENDINGS = (
    ("ie", ("ia",)),
    ("en", ("es", "s")),
    ("aanse", ("an",)),
    ("aans", ("an",)),
    ("ische", ("ian", "ic", "an")),
    ("isch", ("ian", "ic", "an")),
    ("aarse", ("ar",)),
    ("e", ("",)),  # Amazone: Amazon
)


def english_endings(spelled: str) -> tuple[str, ...]:
    """A name (folded, in English transliteration) with its Dutch ending made English, and
    with an English plural "s" ("Himalaya": the Himalayas); each also with Dutch spellings
    of a vowel or a double consonant English writes otherwise ("Dolomieten": Dolomites,
    "Apennijnen": Apennines, "Transsylvanië": Transylvania); and with an "ij" as "y" ("Cruijff":
    Cruyff)."""
    out = [spelled + "s"]
    for dutch, english in _ENDINGS:
        if spelled.endswith(dutch) and len(spelled) - len(dutch) >= 3:
            out += [spelled[: -len(dutch)] + e for e in english]
    out += [_VOWELS.sub(lambda m: _VOWEL[m.group()], w) for w in out]
    if "ij" in spelled:
        out.append(spelled.replace("ij", "y"))  # Cruijff: Cruyff
    return tuple(dict.fromkeys(w for w in out if w != spelled))


_VOWEL = {"ie": "i", "ij": "i", "ss": "s", "oe": "u"}
_VOWELS = re.compile("|".join(_VOWEL))


_SMALL = frozenset("van de der den het voor en op in".split())


def literally(name: str, holds) -> bool:
    """Whether a name of two or more words stands in the translation word by word, each
    word in one of its English forms (``Tweede Kamer``: "Second Chamber", ``Hoge Raad``:
    "High Council", ``Openbaar Ministerie``: "Public Ministry"): a literal rendering, no
    other name. ``holds(form)`` tells whether the translation holds a form."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if w.lower() not in _SMALL]
    if len(words) < 2:
        return False
    for word in words:
        # the word itself counts only where it is English too ("Bureau"; not "Kamer")
        kept = common_english(word.lower())
        forms = [f for f in english_forms(word) if kept or f.lower() != word.lower()]
        if not any(holds(f) for f in forms):
            return False
    return True
