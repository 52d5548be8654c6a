"""Dutch agencies, bodies and acts known by their acronym, with the English names the
government and the press use for them (any of the forms will do): the ``names`` check
accepts an acronym spelled out, and ``length`` lets it grow by its English form. Written for
this project; add to it. An acronym the source writes in mixed case (``KvK``, ``Wmo``)
counts where it is written as one of its forms."""

AGENCIES = {
    "uwv": ("Employee Insurance Agency", "Employees Insurance Agency", "UWV"),
    "ind": (
        "Immigration and Naturalisation Service",
        "Immigration and Naturalization Service",
        "immigration service",
        "IND",
    ),
    "nvwa": (
        "Netherlands Food and Consumer Product Safety Authority",
        "food safety authority",
        "NVWA",
    ),
    "acm": ("Authority for Consumers and Markets", "competition authority", "ACM"),
    "afm": (
        "Authority for the Financial Markets",
        "financial markets authority",
        "financial regulator",
        "AFM",
    ),
    "cbr": ("Central Bureau for Driving Licences", "driving test agency", "CBR"),
    "duo": ("Education Executive Agency", "DUO"),
    "knmi": (
        "Royal Netherlands Meteorological Institute",
        "meteorological institute",
        "weather service",
        "KNMI",
    ),
    "aivd": ("General Intelligence and Security Service", "intelligence service", "AIVD"),
    "mivd": ("Military Intelligence and Security Service", "military intelligence", "MIVD"),
    "rivm": (
        "National Institute for Public Health and the Environment",
        "public health institute",
        "RIVM",
    ),
    "ser": ("Social and Economic Council", "SER"),
    "cpb": ("Netherlands Bureau for Economic Policy Analysis", "Central Planning Bureau", "CPB"),
    "knvb": (
        "Royal Dutch Football Association",
        "Dutch football association",
        "football association",
        "KNVB",
    ),
    "aow": ("state pension", "AOW"),
    "ggd": ("Municipal Health Service", "public health service", "health service", "GGD"),
    "svb": ("Social Insurance Bank", "SVB"),
    "kvk": ("Chamber of Commerce", "KvK"),
    "rdw": ("Netherlands Vehicle Authority", "vehicle authority", "RDW"),
    "nza": ("Dutch Healthcare Authority", "Healthcare Authority", "NZa"),
    "scp": ("Netherlands Institute for Social Research", "SCP"),
    "wmo": ("Social Support Act", "Wmo", "WMO"),
    "coa": (
        "Central Agency for the Reception of Asylum Seekers",
        "asylum reception agency",
        "asylum agency",
        "COA",
    ),
    "ovv": ("Dutch Safety Board", "Safety Board", "OVV"),
    "nctv": (
        "National Coordinator for Security and Counterterrorism",
        "counterterrorism coordinator",
        "NCTV",
    ),
    "igj": ("Health and Youth Care Inspectorate", "health inspectorate", "IGJ"),
    "ilt": ("Human Environment and Transport Inspectorate", "transport inspectorate", "ILT"),
    "nfi": ("Netherlands Forensic Institute", "forensic institute", "NFI"),
    "nam": ("Dutch Petroleum Company", "Netherlands Petroleum Company", "NAM"),
    "knrm": ("Royal Netherlands Sea Rescue Institution", "lifeboat service", "KNRM"),
    "rvo": ("Netherlands Enterprise Agency", "RVO"),
    "pbl": ("Netherlands Environmental Assessment Agency", "PBL"),
    "nwo": ("Dutch Research Council", "NWO"),
    "knaw": ("Royal Netherlands Academy of Arts and Sciences", "KNAW"),
    "anwb": ("Dutch motoring association", "motoring association", "ANWB"),
    "ggz": ("mental health care", "mental health services", "mental health", "GGZ"),
}
