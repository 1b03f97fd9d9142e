"""Offices and their holders, shared by FD203 office-holder-conflict and FD204 role-conflict
(this module holds no rule).

Both rules group one article's mentions of offices whose owner is written ("US", "Kenya's")
and ask which groups were held at once: a sentence with a year, a month, or a word such as
"former", "then", "late" or "new" places its holder in time, and two holders (or two offices)
at different times are not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from factdiff.judge import connected_components
from factdiff.models import PersonClaim
from factdiff.text.calendar import MONTH_WORDS
from factdiff.text.fold import fold
from factdiff.text.lexicon import people_data, phrase_regex

YEAR = r"(?<![\d,.])(?:1[89]|20)[0-9]{2}(?!\d|,\d)"
"""A year a sentence names ('in 1995', 'In 1995,'; not 1,995)."""


@cache
def _time_marker() -> re.Pattern[str]:
    words = phrase_regex(people_data().time_markers, flags=0)
    return re.compile(rf"{words}|{YEAR}|\b(?:{MONTH_WORDS})\b")


def dated(claim: PersonClaim) -> bool:
    """The sentence places the holder in time ('September 5, 2024', 'former', 'then-President')."""
    return _time_marker().search(claim.sentence) is not None


def holder(claim: PersonClaim) -> str:
    """Who holds it: the folded surname, so 'Ruto' and 'William Ruto' are one holder."""
    return fold(claim.surname)


def grouped(claims: Sequence[PersonClaim], part: Callable[[PersonClaim], str]) -> dict[str, list[PersonClaim]]:
    """The claims by one part of them (their holder, their office)."""
    groups: dict[str, list[PersonClaim]] = {}
    for claim in claims:
        groups.setdefault(part(claim), []).append(claim)
    return groups


def _at_once(first: Sequence[PersonClaim], second: Sequence[PersonClaim]) -> bool:
    """Some undated mention of each: nothing says they held the office at different times."""
    return any(not dated(c) for c in first) and any(not dated(c) for c in second)


def held_at_once(groups: dict[str, list[PersonClaim]]) -> list[list[str]]:
    """Groups of keys whose mentions nothing sets apart in time."""
    return connected_components(sorted(groups), lambda a, b: _at_once(groups[a], groups[b]))
