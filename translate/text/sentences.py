"""Dutch sentence splitter: rule-based, pure Python, no data downloads, linear time.

Off-the-shelf splitters were tried first: sentencex broke after ``o.a.``, ``d.w.z.``,
``mevr.`` and inside ``12 jan. 2021``; NLTK needs a data download. The rules below cover
Dutch newsroom text: abbreviations, initials, numbers, dates, quoted speech and ellipses.

Each candidate boundary looks at most ``_BEHIND`` characters back (the word before the
period) and ``_AHEAD`` forward (the start of the next sentence), so a 1 MB unit splits in
about a second.

Judgement calls, each tested:

- Case tells a word from an abbreviation: all-capitals words (``VS``, ``ING``) are never
  abbreviations, and names that look like one (``Jan``, ``Max``) are not read as one when
  capitalised; titles (``Dhr.``, ``Prof.``) and the rest are, in either case.
- Everyday words that were listed as abbreviations are not: the weekday forms ``ma di wo do
  vr za zo`` (``zo`` is "so", ``do`` a verb).
- Amounts (``mln.`` ``mld.`` ``mrd.``), months (``sept.``), ``min.``/``max.`` and company
  forms (``B.V.``, ``N.V.``) end a sentence when a capitalised word follows, as ``enz.``
  does; before a number or a lower-case word they do not.
- A numbered list inside a sentence (``staan: 1. Opening, 2. Vaststelling``) is not split: a
  period after a one- or two-digit number that follows ``:`` ``;`` or ``,`` is the item's.
- A list item's number or letter alone (``1. Eerst de vergunning. 2. Dan de bouw.``) is no
  sentence: it stays with the words it numbers.
- A sentence may start with a lower-case word that holds a capital (``iPhone``, ``eBay``).
- ``Sr.`` after an article's number is the criminal code's (``artikel 287 Sr.``) and may
  end a sentence; after a name it is "senior" (``Ken Griffey Sr. De zoon``) and does not.
"""

from __future__ import annotations

import re

# Lower-case, without the final period. Abbreviations with inner periods (o.a., d.w.z.,
# m.b.t., i.p.v. ...) are recognised by shape and need not be listed.
_ABBREVIATIONS = frozenset(
    """
    dhr mevr mw mr dr drs ir ing prof ds st sr jr bc ba msc mrs ms inc ltd corp
    bijv bv ca nr nrs blz pag p pp resp evt incl excl vs tel min max gem ong vnl zgn zg
    art afb fig hfst hfdst hoofdst par vlg vlgs bijl afd weth burg gebr jhr mgr
    lt gen kapt sgt luit prov pct vz secr penn
    vgl cf ald jl mln mld mrd plm int inw kol mil
    enz etc e.d e.a e.v a.s c.s b.v n.v
    jan feb febr mrt apr jun jul aug sep sept okt nov dec
    """.split()
)
# These often close a sentence ("... fietsen e.d. Het ..."): split after them when the next
# word is capitalised. All other abbreviations never end a sentence.
_CAN_END = frozenset(
    """
    enz etc e.d e.a e.v jl a.s c.s b.v n.v mln mld mrd min max pct
    jan feb febr mrt apr jun jul aug sep sept okt nov dec
    """.split()
)
# Capitalised, these are names, not abbreviations.
_NAMES = frozenset({"jan", "max"})

_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_INITIAL = re.compile(r"[^\W\d_]")
_LIST_NUMBER = re.compile(r"[:;,]\s+\d{1,2}$")
_LIST_ITEM = re.compile(r"(?:\d{1,2}|[a-z])\.")
_OPENERS = "\"'“‘«„([¿¡"
# A terminator, closing quotes/brackets, then the whitespace where a sentence may end.
_BOUNDARY = re.compile(r"(\.{2,}|…|[.!?]+)([\"'”’»)\]]*)(\s+)")
_ELLIPTIC_START = re.compile(r"^['’](s|t|n)\s", re.IGNORECASE)
_LETTER_ITEM = re.compile(r"[a-z]\.\s+[^\W\d_]*[A-Z]")
_ARTICLE = re.compile(r"\d+[a-z]?\s+Sr$")  # "artikel 287 Sr.", "art. 36f Sr."
_BEHIND = 64
_AHEAD = 64


def split_sentences(text: str) -> list[str]:
    """Splits one paragraph of Dutch prose into sentences.

    Sentences are returned without surrounding whitespace; joined with single spaces they
    give back ``text`` when its whitespace was already normalised.

    Args:
        text: a paragraph or line of Dutch text.

    Returns:
        The sentences in order; an empty list for blank input.
    """
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        following = text[m.end() : m.end() + _AHEAD]
        if following and _is_boundary(text, m, following):
            sentence = text[start : m.end(2)].strip()
            if _LIST_ITEM.fullmatch(sentence):
                continue  # "1." alone numbers the sentence after it
            sentences.append(sentence)
            start = m.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return [s for s in sentences if s]


def _is_boundary(text: str, m: re.Match[str], following: str) -> bool:
    if not _starts_sentence(following):
        return False
    terminator, closers = m.group(1), m.group(2)
    if terminator != "." or closers:
        return True
    before = text[max(0, m.start(1) - _BEHIND) : m.start(1)]
    word = before.split()[-1] if before and not before[-1].isspace() else ""
    word = word.lstrip(_OPENERS)
    if not word:
        return True
    if _abbreviation(word):
        # "artikel 287 Sr." (Wetboek van Strafrecht) ends a sentence as "enz." does
        can_end = word.lower() in _CAN_END or (word == "Sr" and _ARTICLE.search(before))
        return can_end and following.lstrip(_OPENERS)[:1].isupper()
    if _INITIAL.fullmatch(word) and word.isupper():
        return False
    if word.isdigit() and _LIST_NUMBER.search(before):
        return False
    return True


def _abbreviation(word: str) -> bool:
    low = word.lower()
    if _DOTTED.fullmatch(low):
        return True
    if low.endswith("str") and len(low) > 3 and low.isalpha():  # Hoofdstr. 12 (straat)
        return True
    if low not in _ABBREVIATIONS:
        return False
    if word.isupper() and len(word) > 1:  # VS, ING: acronyms, not "vs." or "ing."
        return False
    return not (word[0].isupper() and low in _NAMES)


def _starts_sentence(following: str) -> bool:
    if _ELLIPTIC_START.match(following) or _LETTER_ITEM.match(following):  # 's Avonds, b. De
        return True
    word = following.lstrip(_OPENERS)
    first = word[:1]
    if first.isupper() or first.isdigit():
        return True
    # iPhone, eBay: a lower-case start with a capital inside the word
    head = word.split(None, 1)[0] if word.strip() else ""
    return first.isalpha() and any(ch.isupper() for ch in head[1:])
