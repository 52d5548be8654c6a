"""``repetition``: a word, phrase or sentence repeated in the translation beyond what the
source repeats: the runaway loops of a translation model ("salad salad salad")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from translate.checks.base import Sentence
from translate.findings import Finding

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Words English or Dutch says twice ("that that", "had had", "gave her her book", "de man
# die die auto kocht")
_DOUBLED = frozenset(
    "that had her very more much long there far now yes bye out off dat die".split()
)


def repeats(text: str) -> tuple[str, int] | None:
    """The most repeated run in ``text``: a word three times in a row (a lowercase word of
    three letters or more: twice, "the new new bridge"), a phrase of two or more words three
    times (four words or more: twice; two or three words: twice in a row, "from home, from
    home", "for four matches for four matches"); None when nothing repeats so."""
    written = _TOKEN.findall(text)
    tokens = [t.lower() for t in written]
    run, best = 1, None
    for i, (previous, token) in enumerate(zip(tokens, tokens[1:], strict=False)):
        run = run + 1 if token == previous else 1
        # a stutter: a lowercase word of three letters or more twice in a row ("the new new
        # bridge"), not one English doubles ("that that", "had had")
        stutter = run == 2 and len(token) >= 3 and written[i + 1].islower()
        if (run >= 3 or stutter and token not in _DOUBLED) and (best is None or run > best[1]):
            best = (token, run)
    for n in range(2, 9):
        grams = Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
        for gram, count in grams.items():
            repeated = count >= (2 if n >= 4 else 3)
            repeated = repeated or (n <= 3 and count == 2 and _in_a_row(tokens, gram))
            if repeated and (best is None or count * n > best[1] * len(best[0].split())):
                best = (" ".join(gram), count)
    return best


def repetition(sentence: Sentence) -> Iterator[Finding]:
    """Findings of kind ``repetition`` for one translated sentence."""
    found = repeats(sentence.translation)
    if found is None:
        return
    phrase, times = found
    if repeats(sentence.source) is not None:
        return  # the source repeats itself too (a chant, a list): not the model's doing
    message = f"repetition: {phrase!r} {times} times in the translation"
    yield Finding("repetition", message, data={"phrase": phrase, "times": times})


def _in_a_row(tokens: list[str], gram: tuple[str, ...]) -> bool:
    """Whether ``gram`` stands twice in a row in ``tokens``."""
    n = len(gram)
    return any(
        tuple(tokens[i : i + n]) == gram and tuple(tokens[i + n : i + 2 * n]) == gram
        for i in range(len(tokens) - 2 * n + 1)
    )
