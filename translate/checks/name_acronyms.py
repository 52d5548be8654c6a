"""Acronyms, for the ``names`` and ``length`` checks: one in brackets after the name it
abbreviates (``Raad van State (RvS)`` is one name, its acronym no other), and one no table
knows that the translation spells out (``NVZ``: Dutch Hospital Association)."""

from __future__ import annotations

import re
from functools import lru_cache

from translate.checks.folding import has_word


def abbreviates(source: str, name_start: int, name_end: int | None, start: int, end: int) -> bool:
    """Whether ``source[start:end]`` is an acronym in brackets right after the name ending
    the group at ``name_start:name_end``, made of its words' first letters (all of them, or
    those of its capitalised words: "Centraal Bureau voor de Statistiek (CBS)")."""
    if name_end is None or source[name_end:start].strip() != "(" or source[end : end + 1] != ")":
        return False
    acronym = source[start:end]
    if len(acronym) < 2 or not acronym[0].isupper():
        return False
    words = re.findall(r"[^\W\d_]+", source[name_start:name_end])
    letters = acronym.lower()
    for first in range(len(words)):  # the name may be the group's last words only
        tail = words[first:]
        initials = "".join(w[0] for w in tail).lower()
        capitals = "".join(w[0] for w in tail if w[0].isupper()).lower()
        if letters in (initials, capitals):
            return True
    return False


# An acronym of the source: two to seven letters, at least half of them capitals ("NVZ",
# "NJi", "NOvA"; not "McCain")
_ACRONYM = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z]{1,6}(?!\w)")
# The head words of a body's name in English ("Dutch Hospital Association", "European
# Medicines Agency"): a run holding one may be an acronym spelled out
BODY_WORDS = frozenset(
    "agency authority association federation union council centre center institute "
    "institution service services office board bureau foundation organisation organization "
    "fund bank inspectorate commission committee court society academy university hospital "
    "clinic police party movement league act ministry department corporation company group "
    "network trust alliance confederation chamber tribunal directorate administration "
    "programme program forum registry unit force guard school college museum library "
    "broadcaster broadcasting coordinator ombudsman laboratory observatory panel club".split()
)
# Words that may stand inside a name's run ("Organisation for the Prohibition of Chemical
# Weapons", "Nuclear Research and Consultancy Group")
_INNER = frozenset("of for the and on in de & to".split())
_RUN_WORD = re.compile(r"[\w&][\w'’&-]*[.,;:]?")


@lru_cache(maxsize=4096)  # asked by names and by length, for the same pair
def spelled_out(source: str, translation: str) -> tuple[tuple[str, str], ...]:
    """The source's acronyms that the tables do not know and the translation does not hold,
    as pairs, each with the name of a body in the translation that may be it spelled out ("NVZ":
    Dutch Hospital Association): a run of capitalised words, none of the source's, holding a
    word like Association or Agency or with the acronym's letters among its initials
    ("IOC": International Olympic Committee), or capitalised words then lower-case ones
    ending in such a word ("UN refugee agency"). Each name stands for one acronym, in their
    order; a name the tables give for a body ("Royal Dutch Football Association" is the
    KNVB) stands for none."""
    from translate.checks.name_tables import INSTITUTIONS

    acronyms = [
        word
        for word in dict.fromkeys(m.group() for m in _ACRONYM.finditer(source))
        if 2 * (capitals := sum(ch.isupper() for ch in word)) >= len(word)
        and capitals >= 2
        and word.lower() not in INSTITUTIONS
        and not has_word(translation, word)
    ]
    if not acronyms:
        return ()
    known = {w.lower() for w in re.findall(r"\w+", source)}
    runs = [part for run in _runs(translation, known) for part in _without_bodies(run)]
    spelled = []
    for acronym in acronyms:
        for i, run in enumerate(runs):
            words = run.split()
            initials = "".join(w[0] for w in words if w[0].isupper()).lower()
            if acronym.lower() in initials or any(_body_word(w) for w in words):
                spelled.append((acronym, runs.pop(i)))
                break
    return tuple(spelled)


def _body_word(word: str) -> bool:
    return word.lower().removesuffix("'s").rstrip("'’") in BODY_WORDS


def _runs(translation: str, known: set[str]) -> list[str]:
    """Runs of capitalised words of ``translation``, none of them a word of the source
    (``known``) nor a common word opening a sentence ("According"), with the small words
    between them ("of", "for the"), and lower-case words after them up to a body's word
    ("UN refugee agency")."""
    from translate.text.vocabulary import common_english

    runs: list[list[str]] = []
    current: list[str] = []
    tail: list[str] = []  # words after the run, that it may go on with
    for match in _RUN_WORD.finditer(translation):
        word = match.group().rstrip(".,;:")
        lowered = word.lower()
        before = translation[: match.start()].rstrip(" \"'“‘(")
        opening = not before or before[-1] in ".!?:"
        capital = word[0].isupper() and lowered.removesuffix("'s") not in known
        if capital and not (opening and common_english(lowered)):
            if not all(w.lower() in _INNER for w in tail):
                runs.append(current)  # "... Association suspended the Player": two runs
                current = []
            current += (tail if current else []) + [word]
            tail = []
        elif current and len(tail) < 3 and (lowered in _INNER or word.islower()):
            tail.append(word)
            if _body_word(word) and not all(w.lower() in _INNER for w in tail):
                current += tail
                tail = []
        else:
            runs.append(current)
            current, tail = [], []
        if match.group() != word:  # a comma or full stop ends the run
            runs.append(current)
            current, tail = [], []
    runs.append(current)
    return [" ".join(run) for run in runs if len(run) >= 2]


@lru_cache(maxsize=1)
def _body_names() -> frozenset[str]:
    """The tables' English names of bodies (two words or more, one a body's word), lower
    case: not the words for things ("homeowners' association" is a VvE, any one) nor the
    words of a portfolio ("Public Health")."""
    from translate.checks.name_tables import INSTITUTIONS

    names = (f for forms in INSTITUTIONS.values() for f in forms)
    return frozenset(
        f.lower()
        for f in names
        if " " in f and f[0].isupper() and any(_body_word(w) for w in f.split())
    )


def _without_bodies(run: str) -> list[str]:
    """``run`` less the names the tables give for bodies in it: those stand for their own
    body (or replace the source's), so what is left of the run, before and after, may still
    be the source acronym spelled out ("the Dutch Association of Estate Agents and the Dutch
    Homeowners' Association")."""
    words, names = run.split(), _body_names()
    for i in range(len(words)):
        for j in range(len(words), i + 1, -1):
            if " ".join(words[i:j]).lower() in names:
                parts = (words[:i], words[j:])
                return [p for part in parts for p in _without_bodies(" ".join(_trim(part)))]
    return [run] if len(words) >= 2 else []


def _trim(words: list[str]) -> list[str]:
    """``words`` without the small words at either end ("and the")."""
    while words and words[0].lower() in _INNER:
        words = words[1:]
    while words and words[-1].lower() in _INNER:
        words = words[:-1]
    return words
