"""The names the ``names`` check knows, with their English forms: Dutch institutions,
cities, regions, rivers and days (short lists, written for this project: add to them), and
every country by its Dutch name (``pycountry``'s translations). Adjectives, the words of
names and titles are in :mod:`translate.checks.name_words`."""

from __future__ import annotations

from functools import lru_cache

# Dutch institutions and other names with an English form (any of the forms will do)
INSTITUTIONS = {
    "tweede kamer": ("House of Representatives", "Lower House", "parliament", "House"),
    "eerste kamer": ("Senate", "Upper House"),
    "kamer": ("House", "parliament", "Chamber"),
    "staten-generaal": ("States General", "parliament"),
    "cbs": ("Statistics Netherlands", "CBS"),
    "centraal bureau voor de statistiek": ("Statistics Netherlands", "CBS"),
    "ns": ("NS", "Dutch Railways", "Dutch railways"),
    "hof van justitie": ("Court of Justice",),
    "wk": ("World Cup", "World Championships", "World", "WK"),  # World Speed Skating Champ...
    "ek": ("European Championships", "Euros", "European", "EK"),
    "olympische spelen": ("Olympic Games", "Olympics"),
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
    "buitenlandse zaken": ("Foreign Affairs", "Foreign", "Secretary of State", "State Department"),
    "binnenlandse zaken": ("Interior", "Home Affairs", "Home Office", "Home Secretary"),
    "economische zaken": ("Economic Affairs", "Economy", "Economics"),
    "sociale zaken": ("Social Affairs",),
    "infrastructuur en waterstaat": ("Infrastructure and Water Management", "Infrastructure"),
    "justitie en veiligheid": ("Justice and Security", "Justice"),
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
# English names in everyday use that pycountry does not give as common names
EXTRA_ENGLISH = {
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
def countries() -> dict[str, tuple[str, ...]]:
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
        english += EXTRA_ENGLISH.get(country.name, ())
        name = dutch.gettext(country.name)
        table[name.lower()] = english
    return table
