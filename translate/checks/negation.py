"""``negation``: a sentence whose negation the translation lost, or one it gained: ``Het
kabinet wil de belasting niet verhogen`` rendered "The cabinet wants to raise the tax", the
meaning turned round with every number and name in place.

A negation is a word that says "not" outright: Dutch ``niet``, ``geen``, ``nooit``,
``niemand``, ``niets``, ``nergens``, ``noch``, ``nee``, ``zonder`` (not ``zonder meer``);
English "not", "-n't", "no", "never", "nobody", "no one", "nothing", "nowhere", "none",
"neither", "nor", "without". Either language says the same in other words too, and those
excuse the other side's negation without asking for one: a negative prefix on a word of its
own (``onduidelijk`` = "unclear", "insufficient", "undoubtedly"), a suffix (``werkloos``,
"goalless"), and words such as ``weigeren`` = "refuse", ``pas in maart`` = "not until March",
``minder`` = "not as many", "yet to", "fail", "stop", "lack". So a finding is a negation
on one side with neither a negation nor such a word on the other, or two negations or
more in the source and fewer in the translation where no "or" lets one stand for two."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from translate.checks.base import Sentence
from translate.checks.negation_words import ANTONYMS, SAID_OTHERWISE
from translate.findings import Finding

_DUTCH = re.compile(
    r"\b(niet|geen|nooit|niemand|niets|niks|nergens|noch|geenszins|nimmer|nee|neen|zonder)\b", re.I
)
_ENGLISH = re.compile(
    r"\b(not|cannot|never|nobody|nothing|nowhere|none|neither|nor|no-one|no one|without"
    r"|no(?!\.?\s*\d))\b|\b(\w+n['’]t)\b",
    re.I,
)


# A negative prefix on a word of its own (on-/wan-zeker, un-/in-/dis-/non-likely); in-,
# im-, il- and ir- only on what reads as an adjective ("insufficient", not "income")
_PREFIXES = {"nl": ("on", "wan"), "en": ("un", "dis", "non", "in", "im", "il", "ir")}
_ADJECTIVE = re.compile(r"(?:ble|ent|ant|ate|ete|ect|ive|al|ar|ure|ite|id|ous|ic)$")
# Words a negative prefix seems to open that say no "not" (the start of each, any ending)
_NOT_NEGATIVE = tuple(
    "onlangs wanneer ongeluk ongeval onweer onkosten onlust onheil display discover dispatch "
    "diseas discount discharg unveil unleash unfold unearth unravel unload".split()
)
_SUFFIXES = {"nl": ("loos", "loze", "loosheid"), "en": ("less", "lessly", "lessness")}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_OWN_WORD = 3.0  # what the prefix or suffix leaves is a word: once in a million words


# English phrases with a negation's word that negate nothing ("not least", "not only ...
# but also", "no fewer than"): they render a source's negation, but are none of their own
_IDIOMS = re.compile(
    r"\b(?:not\s+(?:least|only|just|long\s+(?:before|after|ago)|to\s+mention)"
    r"|no\s+(?:doubt|matter|fewer|less|sooner)|none\s+other|nothing\s+less|second\s+to\s+none"
    r"|neither\s+here\s+nor\s+there)\b",
    re.I,
)


# ... and Dutch ones, which may be rendered without any ("zonder meer": "simply")
_DUTCH_IDIOMS = re.compile(r"\bzonder\s+meer\b", re.I)


def negations(text: str, lang: str, idioms: bool = True) -> list[str]:
    """The words of ``text`` that say "not" outright, in ``lang`` ("nl" or "en"); without
    ``idioms``, those of English phrases that negate nothing are left out."""
    pattern = _DUTCH if lang == "nl" else _ENGLISH
    if lang == "nl":
        text = _DUTCH_IDIOMS.sub(" ", text)
    elif not idioms:
        text = _IDIOMS.sub(" ", text)
    return [next(g for g in m.groups() if g).lower() for m in pattern.finditer(text)]


def _forms(text: str, lang: str) -> int:
    return sum(_negative_form(word.lower(), lang) for word in _WORD.findall(text))


def said_otherwise(source: str, translation: str, towards: str) -> bool:
    """Whether one side says "not" in other words that the other side does not account
    for: the translation (``towards="en"``, the source's negation rendered so) or the
    source (``"nl"``, the translation's negation rendering it). Other words are a pair of
    :data:`SAID_OTHERWISE` held on that side only, an antonym of a Dutch word of the source
    in the translation (``niet groot`` = "small", ``klein`` = "not big"), or more words with
    a negative prefix or suffix than the other side holds."""
    for dutch, english in SAID_OTHERWISE:
        if towards == "en" and english.search(translation) and not dutch.search(source):
            return True
        if towards == "nl" and dutch.search(source) and not english.search(translation):
            return True
    if any(dutch.search(source) and english.search(translation) for dutch, english in ANTONYMS):
        return True
    ours, theirs = _forms(source, "nl"), _forms(translation, "en")
    return theirs > ours if towards == "en" else ours > theirs


def negation(sentence: Sentence) -> Iterator[Finding]:
    """Findings of kind ``negation`` for one translated sentence."""
    source, translation = sentence.source, sentence.translation
    ours, theirs = negations(source, "nl"), negations(translation, "en")
    if ours and not theirs:
        if negations(translation, "nl") or said_otherwise(source, translation, "en"):
            return  # the Dutch word kept (the untranslated check's business), or said so
        word = ours[0]
        message = f"negation: {word!r} in the source, no negation in the translation"
        yield Finding("negation", message, data={"source": word})
    elif not ours and (theirs := negations(translation, "en", idioms=False)):
        if negations(source, "en") or said_otherwise(source, translation, "nl"):
            return  # an English quotation, or the Dutch says it in other words
        word = theirs[0]
        message = f"negation: {word!r} in the translation, no negation in the source"
        yield Finding("negation", message, data={"translation": word})
    elif len(ours) >= 2 and len(theirs) < len(ours) and not _one_for_two(source, translation):
        # "Ze wist niet dat hij niet zou komen" rendered "She did not know he would come"
        message = (
            f"negation: {len(ours)} negations in the source ({', '.join(ours)}), "
            f"{len(theirs)} in the translation"
        )
        yield Finding("negation", message, data={"source": len(ours), "translation": len(theirs)})


# One negation over two joined things ("niet duur en niet moeilijk": "not expensive or
# difficult", "neither ... nor")
_OVER_BOTH = re.compile(r"\b(?:or|nor|neither)\b", re.I)


def _one_for_two(source: str, translation: str) -> bool:
    """Whether the translation may say the source's negations with fewer: one over both
    sides of an "or", or one said in other words."""
    return bool(_OVER_BOTH.search(translation)) or said_otherwise(source, translation, "en")


@lru_cache(maxsize=65_536)
def _negative_form(word: str, lang: str) -> bool:
    from wordfreq import zipf_frequency

    if word.startswith(_NOT_NEGATIVE):
        return False
    for prefix in _PREFIXES[lang]:
        rest = word[len(prefix) :].lstrip("-")
        if not word.startswith(prefix) or len(rest) < 4:
            continue
        if prefix[0] == "i" and not _ADJECTIVE.search(rest):
            continue
        if zipf_frequency(rest, lang) >= _OWN_WORD:
            return True
        if lang == "en" and rest.endswith("ly") and zipf_frequency(rest[:-2], lang) >= _OWN_WORD:
            return True  # "undoubtedly": un + doubted + ly
    for suffix in _SUFFIXES[lang]:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and zipf_frequency(stem, lang) >= _OWN_WORD:
            return True
    return False
