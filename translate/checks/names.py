"""``names``: each proper name of the source is in the translation, spelled the same, or in
its usual English form.

A name is a capitalised word that does not start the sentence (or an acronym, or a word the
tables below know, anywhere), so a sentence-initial common word is not one. English forms
come from ``pycountry``'s Dutch translations of country names, plus the short lists below
for what it does not hold: Dutch institutions, cities, regions, rivers, and the adjectives of
nationality. A name not found as such is looked for with ``rapidfuzz``: a close match is a
misspelling (``Stoltenberg`` -> ``Stoltenburg``), no match a missing name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from translate.checks.base import Sentence
from translate.findings import Finding

# Dutch institutions and other names with an English form (any of the forms will do)
INSTITUTIONS = {
    "tweede kamer": ("House of Representatives", "Lower House", "parliament", "House"),
    "eerste kamer": ("Senate", "Upper House"),
    "kamer": ("House", "parliament", "Chamber"),
    "staten-generaal": ("States General", "parliament"),
    "cbs": ("Statistics Netherlands", "CBS"),
    "navo": ("NATO",),
    "vn": ("UN", "United Nations"),
    "verenigde naties": ("United Nations", "UN"),
    "eu": ("EU", "European Union"),
    "europese unie": ("European Union", "EU"),
    "europese commissie": ("European Commission", "Commission"),
    "europees parlement": ("European Parliament",),
    "raad van state": ("Council of State",),
    "hoge raad": ("Supreme Court",),
    "openbaar ministerie": ("Public Prosecution Service", "prosecution", "prosecutors"),
    "om": ("Public Prosecution Service", "prosecution", "prosecutors", "OM"),
    "rode kruis": ("Red Cross",),
    "nederlandsche bank": ("Dutch central bank", "Nederlandsche Bank", "DNB"),
    "belastingdienst": ("Tax Administration", "tax authorities", "tax office"),
    "koninklijk huis": ("Royal House", "royal family"),
    "kabinet": ("cabinet", "government"),
    "rijksoverheid": ("central government", "government"),
    "internationaal strafhof": ("International Criminal Court", "ICC"),
    "internationaal gerechtshof": ("International Court of Justice", "ICJ"),
    "internationaal monetair fonds": ("International Monetary Fund", "IMF"),
    "wereldbank": ("World Bank",),
    "wereldgezondheidsorganisatie": ("World Health Organization", "WHO"),
    "veiligheidsraad": ("Security Council",),
    "europese centrale bank": ("European Central Bank", "ECB"),
    "europese raad": ("European Council",),
    "raad van europa": ("Council of Europe",),
    "algemene rekenkamer": ("Court of Audit",),
    "centraal planbureau": ("Netherlands Bureau for Economic Policy Analysis", "CPB"),
    "nationale politie": ("National Police", "police"),
    "provinciale staten": ("Provincial Council", "provincial council"),
    "witte huis": ("White House",),
    "vaticaan": ("Vatican",),
    "artsen zonder grenzen": ("Doctors Without Borders", "MSF"),
    # ministries and what they are known by
    "financiën": ("Finance",),
    "defensie": ("Defence", "Defense"),
    "justitie": ("Justice",),
    "buitenlandse zaken": ("Foreign Affairs",),
    "binnenlandse zaken": ("Interior", "Home Affairs"),
    "economische zaken": ("Economic Affairs",),
    "volksgezondheid": ("Health", "Public Health"),
    "onderwijs": ("Education",),
    "landbouw": ("Agriculture",),
    "miljoenennota": ("budget memorandum", "Budget Memorandum", "budget"),
    # days and events with an English name
    "koningsdag": ("King's Day",),
    "koninginnedag": ("Queen's Day",),
    "prinsjesdag": ("Prinsjesdag", "Budget Day"),
    "bevrijdingsdag": ("Liberation Day",),
    "dodenherdenking": ("Remembrance Day", "Remembrance"),
    "sinterklaas": ("Sinterklaas", "Saint Nicholas", "St Nicholas"),
    "kerstmis": ("Christmas",),
    "kerst": ("Christmas",),
    "pasen": ("Easter",),
    "pinksteren": ("Pentecost", "Whitsun"),
    "songfestival": ("Eurovision", "Song Contest"),
    "elfstedentocht": ("Elfstedentocht", "Eleven Cities Tour"),
}
PLACES = {
    "den haag": ("The Hague",),
    "den bosch": ("'s-Hertogenbosch", "Den Bosch"),
    "noord-brabant": ("North Brabant",),
    "noord-holland": ("North Holland",),
    "zuid-holland": ("South Holland",),
    "vlaanderen": ("Flanders",),
    "wallonië": ("Wallonia",),
    "brussel": ("Brussels",),
    "antwerpen": ("Antwerp",),
    "gent": ("Ghent",),
    "luik": ("Liège", "Liege"),
    "brugge": ("Bruges",),
    "leuven": ("Leuven", "Louvain"),
    "berlijn": ("Berlin",),
    "keulen": ("Cologne",),
    "munchen": ("Munich",),
    "münchen": ("Munich",),
    "parijs": ("Paris",),
    "londen": ("London",),
    "rome": ("Rome",),
    "wenen": ("Vienna",),
    "praag": ("Prague",),
    "warschau": ("Warsaw",),
    "lissabon": ("Lisbon",),
    "kopenhagen": ("Copenhagen",),
    "athene": ("Athens",),
    "moskou": ("Moscow",),
    "kiev": ("Kyiv", "Kiev"),
    "kyiv": ("Kyiv", "Kiev"),
    "charkov": ("Kharkiv", "Kharkov"),
    "cherson": ("Kherson",),
    "odessa": ("Odesa", "Odessa"),
    "peking": ("Beijing", "Peking"),
    "genève": ("Geneva",),
    "straatsburg": ("Strasbourg",),
    "napels": ("Naples",),
    "venetië": ("Venice",),
    "florence": ("Florence",),
    "milaan": ("Milan",),
    "sevilla": ("Seville", "Sevilla"),
    "kaapstad": ("Cape Town",),
    "jeruzalem": ("Jerusalem",),
    "caïro": ("Cairo",),
    "maas": ("Meuse", "Maas"),
    "schelde": ("Scheldt",),
    "rijn": ("Rhine",),
    "donau": ("Danube",),
    "noordzee": ("North Sea",),
    "waddenzee": ("Wadden Sea",),
    "middellandse zee": ("Mediterranean",),
    "europa": ("Europe",),
    "azië": ("Asia",),
    "afrika": ("Africa",),
    "noord-amerika": ("North America",),
    "zuid-amerika": ("South America",),
    "midden-oosten": ("Middle East",),
    "gazastrook": ("Gaza Strip", "Gaza"),
    "westelijke jordaanoever": ("West Bank",),
    "krim": ("Crimea",),
    "waddeneilanden": ("Wadden Islands",),
    "ijsselmeer": ("IJsselmeer", "Lake IJssel"),
    "randstad": ("Randstad",),
    "noord": ("North", "northern"),
    "zuid": ("South", "southern"),
    "oost": ("East", "eastern"),
    "west": ("West", "western"),
}
# Adjectives of nationality and region, by their stem (Turkse, Turks: Turks)
ADJECTIVES = {
    "nederlands": ("Dutch", "Netherlands"),
    "hollands": ("Dutch", "Holland"),
    "belgisch": ("Belgian", "Belgium"),
    "vlaams": ("Flemish", "Flanders"),
    "waals": ("Walloon", "Wallonia"),
    "duits": ("German", "Germany"),
    "frans": ("French", "France"),
    "brits": ("British", "Britain", "UK"),
    "engels": ("English", "British"),
    "schots": ("Scottish",),
    "iers": ("Irish", "Ireland"),
    "amerikaans": ("American", "US", "United States"),
    "canadees": ("Canadian",),
    "mexicaans": ("Mexican",),
    "braziliaans": ("Brazilian",),
    "argentijns": ("Argentine", "Argentinian"),
    "spaans": ("Spanish", "Spain"),
    "portugees": ("Portuguese",),
    "italiaans": ("Italian", "Italy"),
    "grieks": ("Greek", "Greece"),
    "turks": ("Turkish", "Turkey"),
    "russisch": ("Russian", "Russia"),
    "oekraïens": ("Ukrainian", "Ukraine"),
    "pools": ("Polish", "Poland"),
    "tsjechisch": ("Czech",),
    "slowaaks": ("Slovak", "Slovakian"),
    "hongaars": ("Hungarian", "Hungary"),
    "roemeens": ("Romanian", "Romania"),
    "bulgaars": ("Bulgarian", "Bulgaria"),
    "kroatisch": ("Croatian", "Croatia"),
    "servisch": ("Serbian", "Serbia"),
    "oostenrijks": ("Austrian", "Austria"),
    "zwitsers": ("Swiss", "Switzerland"),
    "zweeds": ("Swedish", "Sweden"),
    "noors": ("Norwegian", "Norway"),
    "deens": ("Danish", "Denmark"),
    "fins": ("Finnish", "Finland"),
    "ests": ("Estonian",),
    "lets": ("Latvian",),
    "litouws": ("Lithuanian",),
    "europees": ("European", "Europe", "EU"),
    "chinees": ("Chinese", "China"),
    "japans": ("Japanese", "Japan"),
    "koreaans": ("Korean", "Korea"),
    "indiaas": ("Indian", "India"),
    "indonesisch": ("Indonesian", "Indonesia"),
    "australisch": ("Australian", "Australia"),
    "israëlisch": ("Israeli", "Israel"),
    "palestijns": ("Palestinian",),
    "iraans": ("Iranian", "Iran"),
    "iraaks": ("Iraqi", "Iraq"),
    "syrisch": ("Syrian", "Syria"),
    "egyptisch": ("Egyptian", "Egypt"),
    "marokkaans": ("Moroccan", "Morocco"),
    "surinaams": ("Surinamese", "Suriname"),
    "afghaans": ("Afghan", "Afghanistan"),
    "afrikaans": ("African", "Afrikaans"),
    "arabisch": ("Arab", "Arabic"),
    "aziatisch": ("Asian",),
    "fries": ("Frisian", "Friesland"),
    "limburgs": ("Limburg",),
    "brabants": ("Brabant",),
    "rotterdams": ("Rotterdam",),
    "amsterdams": ("Amsterdam",),
    # in the names of organisations
    "koninklijk": ("Royal",),
    "nationaal": ("National",),
    "internationaal": ("International",),
    "centraal": ("Central",),
    "algemeen": ("General",),
    "openbaar": ("Public",),
    "verenigd": ("United",),
    "rood": ("Red",),
    "rode": ("Red",),
    "groen": ("Green",),
    "hoog": ("High", "Supreme"),
    "hoge": ("High", "Supreme"),
    "heilig": ("Holy",),
    "vrij": ("Free",),
    # people of a country
    "nederlander": ("Dutch", "Netherlands"),
    "nederlanders": ("Dutch", "Netherlands"),
    "belgen": ("Belgians", "Belgian"),
    "duitsers": ("Germans", "German"),
    "fransen": ("French",),
    "britten": ("British", "Britons"),
    "amerikanen": ("Americans", "American"),
    "russen": ("Russians", "Russian"),
    "oekraïners": ("Ukrainians", "Ukrainian"),
    "turken": ("Turks", "Turkish"),
    "marokkanen": ("Moroccans", "Moroccan"),
    "surinamers": ("Surinamese",),
    "polen": ("Poles", "Polish", "Poland"),
    "chinezen": ("Chinese",),
    "europeanen": ("Europeans", "European"),
}
# Capitalised words that are not names: sentence starters and titles before a name
_NOT_NAMES = frozenset(
    "de het een in op bij van voor na met door om over uit aan tot als dat dit die deze er "
    "ook maar en of nu toen zo dan wat wie waar hoe waarom volgens ruim bijna ongeveer meer "
    "minder al nog niet geen ik je jij u hij zij wij we ze zijn haar hun mijn ons onze".split()
)
_TITLES = frozenset(
    "koning koningin prins prinses burgemeester premier minister president staatssecretaris "
    "wethouder kamerlid minister-president bondskanselier paus generaal dokter dr mr prof "
    "ir ing drs meneer mevrouw heer".split()
)
_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*[^\W_])?", re.UNICODE)
# What may stand between the words of one name ("Ursula von der Leyen", "Lam Gods")
_JOINED = re.compile(
    r"[\s-]+(?:(?:van|voor|de|der|den|ten|ter|te|von|zu|di|da|le|la|du|des|y)\s+)*"
)


def names(sentence: Sentence) -> Iterator[Finding]:
    """Findings of kind ``names`` for one translated sentence."""
    english = fold(sentence.translation)
    english_words = _words(english)
    found = _names(sentence.source)
    present = [any(has_word(english, fold(form)) for form in forms) for _, forms, _, _ in found]
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
    unaccounted = _new_capitalised_runs(sentence.translation, sentence.source)
    for (name, _, initial, group), here in zip(found, present, strict=True):
        if here or group in translated:
            continue
        # A sentence's first word may be a common word; only a near-copy marks it a name
        close = _closest(fold(name), english_words, 88 if initial else 75)
        if close is not None:
            message = f"names: {name} in the source, spelled {close!r} in the translation"
            yield Finding("names", message, data={"name": name, "spelled": close})
        elif not initial and not (unaccounted and len(name) >= 9):
            message = f"names: {name} in the source, not in the translation"
            yield Finding("names", message, data={"name": name})


def _names(source: str) -> list[tuple[str, tuple[str, ...], bool, int]]:
    """The source's names, each with the forms the translation may hold it in, whether it is
    the first word of a sentence (which may be a common word), and a group number shared by
    the words of one multi-word name."""
    found: list[tuple[str, tuple[str, ...], bool, int]] = []
    folded = fold(source)
    taken = [False] * len(source)
    # Known multi-word and single names first, longest first
    pattern, known = _known()
    for match in pattern.finditer(folded):
        start, end = match.span()
        forms, acronym = known[match.group()]
        if not source[start].isupper() or (acronym and not source[start:end].isupper()):
            continue  # a common word ("kabinet"), or an acronym's letters ("Om" is not the OM)
        found.append((source[start:end], forms + (source[start:end],), False, -start - 1))
        taken[start:end] = [True] * (end - start)
    # Then every capitalised word: not the first of the sentence, unless it is an acronym
    words = list(re.finditer(r"[\w'’]+", source))
    group, last_end = 0, None
    for position, match in enumerate(words):
        start, end = match.span()
        word = match.group()
        if any(taken[start:end]) or not word[0].isupper() or any(ch.isdigit() for ch in word):
            continue
        if last_end is None or not _JOINED.fullmatch(source[last_end:start]):
            group += 1
        last_end = end
        lowered = word.lower()
        acronym = len(word) >= 2 and word.isupper()
        initial = not acronym and (position == 0 or _after_break(source, start))
        if lowered in _NOT_NAMES or lowered in _TITLES:
            continue
        stem = lowered[:-1] if lowered.endswith("e") and lowered[:-1] in ADJECTIVES else lowered
        if stem in ADJECTIVES:
            found.append((word, ADJECTIVES[stem], initial, group))
            continue
        forms = (word,)
        if lowered.endswith(("se", "s")) and len(word) > 6:  # Rotterdamse: Rotterdam
            forms += (word[: -2 if lowered.endswith("se") else -1],)
        found.append((word, forms, initial, group))
    return found


def _new_capitalised_runs(translation: str, source: str) -> list[str]:
    """Runs of two or more capitalised words in ``translation`` (not starting a sentence)
    with no word from ``source``."""
    known = set(_words(fold(source)))
    runs, current = [], []
    for match in re.finditer(r"[\w'’-]+", translation):
        word = match.group()
        capital = word[0].isupper() and not _after_break(translation, match.start())
        if capital and fold(word).removesuffix("'s") not in known:
            current.append(word)
            continue
        if len(current) >= 2:
            runs.append(" ".join(current))
        current = []
    if len(current) >= 2:
        runs.append(" ".join(current))
    return runs


def _after_break(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins a sentence or a quotation inside the text."""
    before = text[:start].rstrip(" \"'“‘(«")
    return not before or before[-1] in ".!?:;"


def _closest(name: str, words: list[str], cutoff: float) -> str | None:
    """The translation's word closest to ``name``, if close enough (``cutoff``, of
    rapidfuzz's 0-100 ratio) to be the name misspelled."""
    from rapidfuzz import fuzz, process

    # A misspelling keeps the name's length (a translated compound such as "Financiën" for
    # "finance" does not)
    candidates = [w for w in words if 0.8 <= len(w) / max(1, len(name)) <= 1.25]
    best = process.extractOne(name, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is None or len(name) < 4:
        return None
    return best[0]


# English names in everyday use that pycountry does not give as common names
_EXTRA_ENGLISH = {
    "United States": ("US", "USA", "America"),
    "United Kingdom": ("UK", "Britain", "Great Britain"),
    "Türkiye": ("Turkey",),
    "Russian Federation": ("Russia",),
    "Czechia": ("Czech Republic",),
    "Holy See (Vatican City State)": ("Vatican",),
    "Korea, Republic of": ("Korea",),
    "Viet Nam": ("Vietnam",),
    "Syrian Arab Republic": ("Syria",),
    "Iran, Islamic Republic of": ("Iran",),
    "Moldova, Republic of": ("Moldova",),
    "Palestine, State of": ("Palestine",),
}


@lru_cache(maxsize=1)
def _known() -> tuple[re.Pattern, dict[str, tuple[tuple[str, ...], bool]]]:
    """One pattern for every name the tables know (longest first, so "Noord-Brabant" wins
    over "Noord"), and per folded name its English forms and whether it is an acronym that
    counts only in capitals."""
    known: dict[str, tuple[tuple[str, ...], bool]] = {}
    for table in (INSTITUTIONS, PLACES, _countries()):
        for key, forms in table.items():
            known.setdefault(fold(key), (forms, table is INSTITUTIONS and len(key) <= 4))
    alternatives = "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), known


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, ...]]:
    """Dutch country names (``pycountry``'s translations) and their English names."""
    import gettext

    import pycountry

    dutch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)
    table: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        english = tuple(
            dict.fromkeys(
                n
                for n in (
                    getattr(country, "common_name", None),
                    country.name,
                    getattr(country, "official_name", None),
                )
                if n
            )
        )
        english += _EXTRA_ENGLISH.get(country.name, ())
        name = dutch.gettext(country.name)
        table[name.lower()] = english
    return table


def fold(text: str) -> str:
    """Lower case without accents, one character for one (Sánchez = sanchez), so that
    positions in the folded text are positions in the text."""
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch == "’":
        return "'"
    base = unicodedata.normalize("NFKD", ch)[:1].lower()
    return base if len(base) == 1 else ch


def has_word(text: str, form: str) -> bool:
    """Whether ``form`` stands in ``text`` as a word or words of its own."""
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def _words(text: str) -> list[str]:
    return [w.group() for w in _WORD.finditer(text)]
