"""An acronym in brackets after the name it abbreviates, for the ``names`` check: ``Raad van
State (RvS)`` is one name, its acronym no other."""

from __future__ import annotations

import re


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
