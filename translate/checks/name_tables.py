"""The names the ``names`` check knows, with their English forms: Dutch institutions and
days (short lists, written for this project: add to them), and every country by its Dutch
name (``pycountry``'s translations). Places are in :mod:`translate.checks.name_places`,
agencies in :mod:`translate.checks.name_agencies`, acronyms of things in
:mod:`translate.checks.name_terms`; adjectives, the words of names and titles in
:mod:`translate.checks.name_words`."""

from __future__ import annotations

from functools import lru_cache

from translate.checks.name_agencies import AGENCIES
from translate.checks.name_terms import TERMS

# Dutch institutions and other names with an English form (any of the forms will do)
INSTITUTIONS = {
    "tweede kamer": ("House of Representatives", "Lower House", "parliament", "House"),
    "eerste kamer": ("Senate", "Upper House"),
    "kamer": ("House", "parliament", "Chamber"),
    "staten-generaal": ("States General", "parliament"),
    "cbs": ("Statistics Netherlands", "Central Bureau of Statistics", "CBS"),
    "centraal bureau voor de statistiek": (
        "Statistics Netherlands",
        "Central Bureau of Statistics",
        "CBS",
    ),
    "ns": ("NS", "Dutch Railways", "Dutch railways"),
    "hof van justitie": ("Court of Justice",),
    "wk": ("World Cup", "World Championships", "World", "WK"),  # World Speed Skating Champ...
    "ek": ("European Championships", "Euros", "European", "EK"),
    "olympische spelen": ("Olympic Games", "Olympics"),
    "navo": ("NATO",),
    "vs": ("US", "USA", "United States", "America"),
    "vk": ("UK", "United Kingdom", "Britain"),
    "vae": ("UAE", "United Arab Emirates", "Emirates"),
    "ovse": ("OSCE",),
    "oeso": ("OECD",),
    "ehrm": ("European Court of Human Rights", "ECHR", "Strasbourg court"),
    "ep": ("European Parliament", "EP"),
    "is": ("Islamic State", "IS", "ISIS", "Isis"),
    "vn": ("UN", "United Nations"),
    "verenigde naties": ("United Nations", "UN"),
    "eu": ("EU", "European Union"),
    "europese unie": ("European Union", "EU"),
    "europese commissie": ("European Commission", "Commission"),
    "europees parlement": ("European Parliament",),
    "raad van state": ("Council of State",),
    "hoge raad": ("Supreme Court",),
    "openbaar ministerie": (
        "Public Prosecution Service",
        "Public Prosecutor",
        "prosecution",
        "prosecutors",
        "prosecutor",
    ),
    "om": (
        "Public Prosecution Service",
        "Public Prosecutor",
        "prosecution",
        "prosecutors",
        "prosecutor",
        "OM",
    ),
    "rode kruis": ("Red Cross",),
    "leeuwinnen": ("Lionesses", "Dutch women's team", "Dutch women"),
    "oranjeleeuwinnen": ("Lionesses", "Dutch women's team", "Dutch women"),
    "oranjevrouwen": ("Dutch women's team", "Dutch women", "Oranje women", "Lionesses"),
    "burgemeester en wethouders": ("mayor and aldermen", "municipal executive", "executive"),
    "b en w": ("mayor and aldermen", "municipal executive", "executive", "B&W"),
    "nederlandsche bank": ("Dutch central bank", "Nederlandsche Bank", "DNB"),
    "belastingdienst": (
        "Tax and Customs Administration",
        "Tax Service",
        "Tax Office",
        "Tax Administration",
        "tax authorities",
        "tax authority",
        "tax office",
    ),
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
    **AGENCIES,
    **TERMS,
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
    "oudejaarsavond": ("New Year's Eve",),
    "oudjaar": ("New Year's Eve",),
    "nieuwjaarsdag": ("New Year's Day",),
    "eerste kerstdag": ("Christmas Day",),
    "tweede kerstdag": ("Boxing Day",),
    "driekoningen": ("Epiphany", "Three Kings", "Twelfth Night"),
    "allerzielen": ("All Souls' Day", "All Souls"),
    "witte donderdag": ("Maundy Thursday", "Holy Thursday"),
    "palmpasen": ("Palm Sunday",),
    "oudejaarsdag": ("New Year's Eve",),
    "eerste pinksterdag": ("Whit Sunday", "Pentecost", "Whitsun"),
    "tweede pinksterdag": ("Whit Monday",),
    "kerstavond": ("Christmas Eve",),
    "eerste paasdag": ("Easter Sunday", "Easter"),
    "tweede paasdag": ("Easter Monday",),
    "goede vrijdag": ("Good Friday",),
    "hemelvaartsdag": ("Ascension Day",),
    "hemelvaart": ("Ascension",),
    "aswoensdag": ("Ash Wednesday",),
    "carnaval": ("Carnival", "carnival"),
    "suikerfeest": ("Eid al-Fitr", "Eid"),
    "offerfeest": ("Eid al-Adha", "Eid"),
    "moederdag": ("Mother's Day",),
    "vaderdag": ("Father's Day",),
    "valentijnsdag": ("Valentine's Day",),
    "allerheiligen": ("All Saints' Day", "All Saints"),
    "veteranendag": ("Veterans' Day", "Veterans Day"),
    "dierendag": ("World Animal Day", "Animal Day"),
    # works, characters and books known by an English name
    "nachtwacht": ("Night Watch",),
    "meisje met de parel": ("Girl with a Pearl Earring",),
    "melkmeisje": ("Milkmaid",),
    "gezicht op delft": ("View of Delft",),
    "joodse bruidje": ("Jewish Bride",),
    "zonnebloemen": ("Sunflowers",),
    "aardappeleters": ("Potato Eaters",),
    "lam gods": ("Ghent Altarpiece", "Adoration of the Mystic Lamb", "Mystic Lamb"),
    "achterhuis": ("Secret Annex", "Diary of a Young Girl", "diary", "Achterhuis"),
    "anne frank huis": ("Anne Frank House",),
    "nijntje": ("Miffy", "Nijntje"),
    "zwarte piet": ("Black Pete", "Zwarte Piet"),
    "kerstman": ("Father Christmas", "Santa Claus", "Santa"),
    "roodkapje": ("Little Red Riding Hood", "Red Riding Hood"),
    "assepoester": ("Cinderella",),
    "sneeuwwitje": ("Snow White",),
    "doornroosje": ("Sleeping Beauty",),
    "klaas vaak": ("Sandman",),
    "vliegende hollander": ("Flying Dutchman",),
    "wilhelmus": ("Wilhelmus", "national anthem"),
    "bijbel": ("Bible",),
    "koran": ("Quran", "Koran"),
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
