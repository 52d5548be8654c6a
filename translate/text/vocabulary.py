"""How common a word is in Dutch and in English: wordfreq's lists (in the wheel, nothing is
downloaded), on the Zipf scale (6: once in a thousand words, 3: once in a million, 0: not
seen). A Dutch word is common in Dutch text and rare in English text: "woning" (4.8 against
1.1), "snelweg" (4.3 against 0); Dutch and English share "museum", "weekend", "lockdown"."""

from __future__ import annotations

from functools import lru_cache

DUTCH_AT_LEAST = 2.5  # about one Dutch word in three million
ENGLISH_BELOW = 2.5  # English lists hold some Dutch text: "worden" 2.5, "gemeente" 1.6
GAP = 1.5  # thirty times as common in Dutch ("mest": 3.65 against 1.88)
# Dutch words English writing keeps as they are (things with no English name)
LOANS = frozenset(
    "polder polders stroopwafel stroopwafels bitterbal bitterballen poffertjes hagelslag "
    "oliebollen jenever gezellig gezelligheid".split()
)


@lru_cache(maxsize=65_536)
def dutch_not_english(word: str) -> bool:
    """Whether ``word`` (lower case) is a Dutch word, not an English one."""
    from wordfreq import zipf_frequency

    if word in LOANS:
        return False
    english = zipf_frequency(word, "en")
    if english >= ENGLISH_BELOW:
        return False
    dutch = zipf_frequency(word, "nl")
    return dutch >= DUTCH_AT_LEAST and dutch - english >= GAP


@lru_cache(maxsize=65_536)
def common_english(word: str) -> bool:
    """Whether ``word`` (lower case) is a common English word ("glass", "coach",
    "disaster"): once in 100,000 words of English text or more, and no Dutch word."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= 4.0 and not dutch_not_english(word)


@lru_cache(maxsize=65_536)
def english_leaning(word: str) -> bool:
    """Whether ``word`` (lower case) is a common English word, clearly more common in
    English than in Dutch ("the", "closing", "said"; not "museum" or "weekend", which Dutch
    uses as much)."""
    from wordfreq import zipf_frequency

    english = zipf_frequency(word, "en")
    return english >= 3.0 and english >= zipf_frequency(word, "nl") + 0.5


@lru_cache(maxsize=65_536)
def common_dutch(word: str) -> bool:
    """Whether ``word`` (lower case) is a common Dutch word ("ramp", "brug", "straat"):
    once in 100,000 words of Dutch text or more."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl") >= 4.0


@lru_cache(maxsize=65_536)
def zipf(word: str, lang: str) -> float:
    """How common ``word`` (lower case) is in ``lang`` (``nl`` or ``en``), on the Zipf scale."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)
