"""``names``: each proper name of the source is in the translation, spelled the same, or in
its usual English form.

A name is a capitalised word that does not start the sentence (or an acronym, or a word the
tables know, anywhere), so a sentence-initial common word is not one. English forms come
from :mod:`translate.checks.name_tables` and :mod:`translate.checks.name_words`:
``pycountry``'s Dutch translations of country names, and short lists for what it does not
hold (Dutch institutions, cities, regions, rivers, days, adjectives of nationality,
ordinals, words of names); an adjective is known in any inflection or compound
(``Europese``, ``Nederlandstalige``) and the people of a place by the place
(``Amsterdammers``); a name Dutch transliterates its own way in English transliteration
(``Poetin``: Putin, :mod:`translate.checks.name_forms`); a name of common words translated
word by word (``Glazen Koets``: Glass Coach); a surname's particle is kept (``De Croo`` is
not "The Croo", :mod:`translate.checks.name_particles`). An acronym no table knows may be
spelled out (:mod:`translate.checks.name_acronyms`), a work's title translated
(:mod:`translate.checks.name_titles`); a name opening the sentence is looked for where its
frequencies make it one (:mod:`translate.checks.name_openings`), and a compass point
replaced is a finding too (:mod:`translate.checks.directions`). A name not found as such is
looked for with ``rapidfuzz``: a close match is a misspelling (``Stoltenberg`` ->
``Stoltenburg``), no match a missing name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from translate.checks.base import Sentence
from translate.checks.directions import direction_findings
from translate.checks.folding import closest, fold, has_word, holds
from translate.checks.name_acronyms import abbreviates, spelled_out
from translate.checks.name_addresses import address_findings
from translate.checks.name_forms import (
    english_endings,
    english_forms,
    english_spelling,
    kept_as_is,
    literally,
)
from translate.checks.name_openings import dropped_opening
from translate.checks.name_particles import translated_particles
from translate.checks.name_places import PLACES
from translate.checks.name_portfolios import portfolio_words
from translate.checks.name_runs import (
    after_break,
    dutch_leaning,
    new_capitalised_runs,
    new_names,
    renamed_groups,
)
from translate.checks.name_tables import INSTITUTIONS, countries
from translate.checks.name_titles import makers, title_words, titled
from translate.checks.name_worded import translated_word_by_word, words
from translate.checks.name_words import (
    ADJECTIVES,
    NOT_NAMES,
    TITLES,
)
from translate.findings import Finding
from translate.text.addresses import without_addresses
from translate.text.vocabulary import common_dutch, common_english, zipf

# What may stand between the words of one name ("Ursula von der Leyen", "Lam Gods",
# "Noord/Zuidlijn")
_JOINED = re.compile(
    r"[\s-]+(?:(?:van|voor|de|der|den|ten|ter|te|von|zu|di|da|le|la|du|des|y)\s+)*|/"
)


def names(sentence: Sentence) -> Iterator[Finding]:
    """Findings of kind ``names`` for one translated sentence."""
    english = fold(sentence.translation)
    english_words = [w.removesuffix("'s") for w in words(english)]  # "Tchaikovsky's"
    # "WWW.HAVEN.NL": no names in an address, which is looked for whole
    found = _names(without_addresses(sentence.source), sentence.named)

    def held(form: str) -> bool:
        return holds(sentence.translation, english, form)

    # ... in one of its forms, or word by word ("Tweede Kamer": Second Chamber)
    present = [any(map(held, forms)) or literally(name, held) for name, forms, _, _ in found]
    # A name whose words were translated ("Internationaal Strafhof": International Criminal
    # Court): once one word is found in its English form, the others are not looked for
    translated = {
        group
        for (name, forms, _, group), here in zip(found, present, strict=True)
        if here and not has_word(english, fold(name))
    }
    # Capitalised runs of two or more words of the translation that no source name accounts
    # for ("King's Day", "Eurovision Song Contest"): a long Dutch compound name may have
    # been translated into one of them
    unaccounted = new_capitalised_runs(sentence.translation, sentence.source)
    # ... but a name kept as it is in English ("Groningen") is still looked for where the
    # translation has a capitalised word nothing in the source accounts for ("University
    # of Utrecht" for "Rijksuniversiteit Groningen": the city was changed)
    replaced = new_names(sentence.translation, sentence.source, found)
    renamed = renamed_groups(sentence.translation, found, replaced)
    worded = translated_word_by_word(found, present, translated, unaccounted)
    # An acronym the tables do not know, spelled out ("NVZ": Dutch Hospital Association),
    # and a work's title translated ("Boer zoekt Vrouw": Farmer Wants a Wife)
    excused = (
        {acronym for acronym, _ in spelled_out(sentence.source, sentence.translation)}
        if not all(present)
        else set()
    )
    if not all(present) and titled(sentence.translation, sentence.source):
        excused |= title_words(sentence.source)
    for (name, forms, initial, group), here in zip(found, present, strict=True):
        if (
            here
            or (
                group in translated
                and not (replaced and kept_as_is(name, forms) or _place(name))
                and group not in renamed
            )
            or group in worded
            or name in excused
        ):
            continue
        # ... or in English transliteration ("Poetin": Putin, "Tsjechov": Chekhov)
        # ... or with an English ending ("Catalonië": Catalonia, "Dolomieten": Dolomites,
        # "Siciliaanse": Sicilian)
        spelled = english_spelling(fold(name))
        if spelled != fold(name) and (
            has_word(english, spelled) or closest(spelled, english_words, 85) is not None
        ):
            continue
        endings = {*english_endings(fold(name)), *english_endings(spelled)}
        if any(has_word(english, w) for w in endings):
            continue
        # A sentence's first word may be a common word; only a near-copy marks it a name
        close = closest(fold(name), english_words, 88 if initial else 75)
        if close is not None and initial and fold(name) in close and common_english(close):
            continue  # a sentence's first word in an English word ("Mail": "Email")
        if close is not None:
            message = f"names: {name} in the source, spelled {close!r} in the translation"
            if common_dutch(fold(name)) and common_english(close):  # Bakker: "baker"
                message += " (the name translated as a word?)"
            yield Finding("names", message, data={"name": name, "spelled": close})
        elif (
            not initial
            and not (
                len(name) >= 9
                and not _tabled(name)
                and zipf(fold(name), "en") < _KNOWN_IN_ENGLISH
                and _opening(sentence, found, name, group)
            )
        ) or (initial and dropped_opening(name, sentence.source, sentence.translation)):
            message = f"names: {name} in the source, not in the translation"
            yield Finding("names", message, data={"name": name})
    yield from direction_findings(sentence.source, sentence.translation)  # south: "north"
    yield from address_findings(sentence.source, sentence.translation)  # "/en/figures"
    # A surname's particle translated ("premier De Croo": "Prime Minister The Croo")
    for name, rendered in translated_particles(sentence.source, sentence.translation):
        message = f"names: {name} in the source, {rendered!r} in the translation"
        message += " (its particle translated)"
        yield Finding("names", message, data={"name": name, "spelled": rendered})


# A name English text writes this often (Zipf) is kept as it is, never made into words
_KNOWN_IN_ENGLISH = 3.5


def _place(name: str) -> bool:
    """Whether ``name`` is a place the tables know: a translated name keeps it in one of its
    forms ("Provinciale Staten van Gelderland": the Provincial Council of Gelderland)."""
    folded = fold(name)
    return folded in PLACES or folded in countries()


def _opening(sentence: Sentence, found, name: str, group: int) -> bool:
    """Whether the translation has a capitalised run nothing in the source accounts for,
    one that may open the sentence: a long compound name may have become the sentence's
    first words ("Boekenweek": "Book Week starts"). A run with an English form of a name of
    another group is that one's ("Turkish Delight" is "Turks Fruit", not "Verhoeven"), and
    so is one made of the English forms of the other names of this group, word for word
    ("Provincial States" is "Provinciale Staten", not "Gelderland"), or those owned by
    another name ("Mozart's Ninth Symphony" is no "Beethoven"), with a name more common in
    Dutch ("Utrecht University" is no "Universiteit van Amsterdam") or with a new name more
    common in Dutch ("Van Gogh Museum" is no "Rijksmuseum")."""

    def forms_of(names) -> set[str]:
        return {
            fold(w)
            for other, fs, _, _ in names
            for f in (*fs, *(f for w in other.split() for f in english_forms(w)))
            if f != other
            for w in f.split()
        }

    others = forms_of(n for n in found if n[3] != group)
    ours = forms_of(n for n in found if n[3] == group and n[0] != name)
    # a name that owns the run ("Mozart's Ninth Symphony") is another name, not this one
    owned = new_names(sentence.translation, sentence.source, found)
    new = {fold(w).removesuffix("'s") for w in owned if fold(w).endswith("'s")}
    for run in new_capitalised_runs(sentence.translation, sentence.source, opening=True):
        words = {fold(w).removesuffix("'s") for w in run.split()}
        if any(w not in fold(name) for w in words & dutch_leaning(owned)):
            continue  # another Dutch name ("Van Gogh Museum" is no "Rijksmuseum")
        if words & ours and any(zipf(w, "nl") > zipf(w, "en") for w in words - ours):
            continue  # the group's translation with a Dutch name in it ("Utrecht University")
        if not words & others and not words <= ours and not (words - ours) & new:
            return True
    return False


def _tabled(name: str) -> bool:
    """Whether the tables know ``name`` as a whole (``Raad van State``: Council of State):
    its English forms are known, another name in their place is no translation of it."""
    return fold(name) in _known()[1]


def article_names(sources: list[str]) -> frozenset[str]:
    """The words an article writes capitalised inside its sentences (folded), not being
    sentence starters or titles: its names ("Volgens Chroesjtsjov ..." makes
    "Chroesjtsjov" a name where it opens another sentence). A line in title case is no
    evidence."""
    named = set()
    for source in sources:
        words = re.findall(r"[^\W\d_]+", source)
        if sum(w[0].isupper() for w in words) > 0.5 * len(words):
            continue  # a heading in title case ("Kosten Van Het Plan"): no evidence
        for position, match in enumerate(re.finditer(r"[\w'’]+", source)):
            word = match.group()
            if position == 0 or not word[0].isupper() or after_break(source, match.start()):
                continue
            if word.lower() not in NOT_NAMES and word.lower() not in TITLES:
                named.add(fold(word))
    return frozenset(named)


def _names(
    source: str, named: frozenset[str] = frozenset()
) -> list[tuple[str, tuple[str, ...], bool, int]]:
    """The source's names, each with the forms the translation may hold it in, whether it is
    the first word of a sentence (which may be a common word), and a group number shared by
    the words of one multi-word name (a known name among them: "Hof van Justitie")."""
    # (start, end, name, forms or None for a word that is no name, sentence-initial)
    spans: list[tuple[int, int, str, tuple[str, ...] | None, bool]] = []
    folded = fold(source)
    taken = [False] * len(source)
    # Known multi-word and single names first, longest first
    pattern, known = _known()
    for match in pattern.finditer(folded):
        start, end = match.span()
        forms, acronym = known[match.group()]
        written = source[start:end]
        if not written[0].isupper() or (acronym and not (written.isupper() or written in forms)):
            continue  # a common word ("kabinet"), or an acronym's letters ("Om" is not the OM;
            # "KvK" and "Wmo" are written so)
        spans.append((start, end, source[start:end], forms + (source[start:end],), False))
        taken[start:end] = [True] * (end - start)
    # A compound on a known name of words ("Tweede Kamerlid": MP, "Tweede Kamerverkiezingen":
    # the general election) has no English form to look for
    for match in _compounds().finditer(folded):
        start, end = match.span()
        if source[start].isupper() and not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
    # A minister's portfolio is words, translated; a known name in it is looked for still
    for start, end in portfolio_words(source):
        taken[start:end] = [True] * (end - start)
    # Then every capitalised word: not the first of the sentence, unless it is an acronym
    for position, match in enumerate(re.finditer(r"[\w'’]+", source)):
        start, end = match.span()
        word = match.group()
        if any(taken[start:end]) or not word[0].isupper() or any(ch.isdigit() for ch in word):
            continue
        lowered = word.lower()
        acronym = len(word) >= 2 and word.isupper()
        initial = not acronym and (position == 0 or after_break(source, start))
        initial = initial and fold(word) not in named  # a name of the article's elsewhere
        title = lowered in TITLES and not acronym  # "ING" is the bank, "ing." an engineer
        forms = None if lowered in NOT_NAMES or title else english_forms(word)
        spans.append((start, end, word, forms, initial))
    found = []
    group, last_end, group_start = 0, None, 0
    persons = makers(source)  # "Turks Fruit van Paul Verhoeven": a work, then its maker
    for start, end, name, forms, initial in sorted(spans):
        joined = last_end is not None and _JOINED.fullmatch(source[last_end:start])
        joined = joined and start not in persons
        # "Raad van State (RvS)": the acronym in brackets is of the name before it
        if not (joined or abbreviates(source, group_start, last_end, start, end)):
            group += 1
            group_start = start
        last_end = end
        if forms is not None:
            found.append((name, forms, initial, group))
    return found


@lru_cache(maxsize=1)
def _known() -> tuple[re.Pattern, dict[str, tuple[tuple[str, ...], bool]]]:
    """One pattern for every name the tables know (longest first, so "Noord-Brabant" wins
    over "Noord"), and per folded name its English forms and whether it is an acronym that
    counts only in capitals."""
    known: dict[str, tuple[tuple[str, ...], bool]] = {}
    for table in (INSTITUTIONS, PLACES, countries()):
        for key, forms in table.items():
            if table is not INSTITUTIONS and table is not PLACES:
                # a country, or its adjective: "de premier van Hongarije", "the Hungarian
                # prime minister"
                forms += tuple(
                    a for adj in ADJECTIVES.values() if set(adj) & set(forms) for a in adj
                )
            known.setdefault(fold(key), (forms, table is INSTITUTIONS and len(key) <= 4))
    alternatives = "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), known


@lru_cache(maxsize=1)
def _compounds() -> re.Pattern:
    """A pattern for a known name of two or more words that a compound goes on from
    ("tweede kamerlid"), to the compound's end."""
    names = sorted((k for k in _known()[1] if " " in k), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})[^\W\d_]+")
