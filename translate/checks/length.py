"""``length``: a translation too short or too long for its source, judged on characters,
words, sentence count and the final punctuation.

English runs a little shorter than Dutch in characters and a little longer in words (Dutch
writes compounds as one word). The bounds were measured on this project's own set of Dutch
news sentences and their translations (``tests/data/checks-correct.tsv``): on its first 89
pairs the ratio of characters lay between 0.67 and 1.18 and of words between 0.86 and 1.60
(on all 1,425 now, 98% lie between 0.71 and 1.72 and between 0.71 and 1.70, the longest
being acronyms spelled out); a translation is flagged only well outside those, or when it
is cut off (the source ends a sentence, the translation stops mid-way), or is clearly
shorter with fewer clauses than the source (a conjunction or comma fewer: a clause
dropped), or holds more sentences than the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate.checks.base import Sentence
from translate.checks.clauses import clauses_lost
from translate.checks.conversions import conversions
from translate.checks.folding import fold, holds
from translate.checks.name_acronyms import spelled_out
from translate.checks.name_tables import INSTITUTIONS
from translate.checks.units import UNIT_PATTERN
from translate.findings import Finding
from translate.text.sentences import split_sentences

# Too short: fewer characters than SHORT_CHARS x the source's, less SLACK (short sentences
# vary most), and fewer words than SHORT_WORDS x the source's
SHORT_CHARS, SHORT_WORDS, SLACK = 0.74, 0.9, 6
# Short with a clause fewer: fewer characters than CLAUSE_CHARS x and fewer words than
# CLAUSE_WORDS x the source's, which holds more conjunctions and commas than the translation
# (clauses.py), in a source of _CLAUSE_MIN characters or more
CLAUSE_CHARS, CLAUSE_WORDS, _CLAUSE_MIN = 0.8, 0.8, 40
# Too long: more characters than LONG_CHARS x the source's, plus LONG_SLACK (a short Dutch
# compound may take English several words: "fractie", "parliamentary group")
LONG_CHARS, LONG_SLACK = 1.45, 8
_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_MIN_CHARS = 12  # shorter sources are headings, names, figures: no length to judge
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]{1,4}\b")
_BRACKETED = re.compile(r"\s*\([^()\d]{0,16}\d[^()]{0,32}\)")
# ", or about 40 square kilometres": an amount given again, in another unit
_OR_ABOUT = re.compile(
    r",?\s+(?:or|that\s+is|i\.e\.)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|"
    r"almost\s+|over\s+|more\s+than\s+)?\d[\d.,]*(?:\s+(?:million|billion))?[\s-]*"
    + UNIT_PATTERN["en"],
    re.IGNORECASE,
)


def length(sentence: Sentence) -> Iterator[Finding]:
    """Findings of kind ``length`` for one translated sentence."""
    source, translation = sentence.source.strip(), _without_conversions(sentence)
    if len(source) < _MIN_CHARS:
        return
    chars = len(translation) / len(source)
    words = len(translation.split()) / max(1, len(source.split()))
    data = {"chars": round(chars, 2), "words": round(words, 2)}
    if _END.search(source) and translation and not _END.search(translation):
        yield Finding("length", "length: the translation stops mid-sentence (cut off)", data=data)
    elif len(translation) < SHORT_CHARS * len(source) - SLACK and words < SHORT_WORDS:
        message = f"length: {len(translation)} characters for {len(source)} in the source (dropped)"
        yield Finding("length", message, data=data)
    elif (
        len(source) >= _CLAUSE_MIN
        and chars < CLAUSE_CHARS
        and words < CLAUSE_WORDS
        and clauses_lost(source, translation)
    ):
        message = (
            f"length: {len(translation)} characters for {len(source)} in the source, with "
            "fewer clauses (a clause dropped)"
        )
        yield Finding("length", message, data=data)
    elif (
        len(translation)
        > LONG_CHARS * (len(source) + _spelled_out(source, translation)) + LONG_SLACK
    ):
        message = f"length: {len(translation)} characters for {len(source)} in the source (added)"
        yield Finding("length", message, data=data)
    elif len(split_sentences(translation)) > len(split_sentences(source)) + 0 and chars > 1.25:
        message = "length: more sentences in the translation than in the source (added)"
        yield Finding("length", message, data=data)


def _without_conversions(sentence: Sentence) -> str:
    """The translation without the brackets it adds around a number ("35 degrees (95
    degrees Fahrenheit)", "400 metres (1,312 feet)") and without an amount it gives again in
    another unit ("4,000 hectares, or about 40 square kilometres"), which English readers
    are given and the source does without."""
    translation = sentence.translation.strip()
    added = len(_BRACKETED.findall(translation)) - len(_BRACKETED.findall(sentence.source))
    if added > 0:
        translation = _BRACKETED.sub("", translation, count=added)
    if _OR_ABOUT.search(translation) and conversions(sentence.source, translation):
        translation = _OR_ABOUT.sub("", translation)
    return translation


def _spelled_out(source: str, translation: str) -> int:
    """Characters the source's known acronyms may grow by in English (``CBS``: Statistics
    Netherlands, ``WK``: World Championships, ``Wmo``: Social Support Act), the longest form
    counted (none where the translation keeps the acronym and holds no other form), and
    those the tables do not know by the name the translation spells them out with
    (``NVZ``: Dutch Hospital Association)."""
    grown = sum(len(run) - len(a) for a, run in spelled_out(source, translation))
    folded = fold(translation)
    for match in _ACRONYM.finditer(source):
        word = match.group()
        forms = INSTITUTIONS.get(word.lower(), (word,))
        if not (word.isupper() or word in forms):  # "KvK", "Wmo" are written so; "Om" is a word
            continue
        kept = holds(translation, folded, word)
        if not kept or any(f != word and holds(translation, folded, f) for f in forms):
            grown += max((len(f) - len(word) for f in forms), default=0)
    return grown
