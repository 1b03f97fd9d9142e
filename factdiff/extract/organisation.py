"""Organisation claims: capitalised names headed by a word such as Force, Council or Programme.

"Nigeria Police Force", "Department of Homeland Security", "Haitian National Police": the
name runs to its last head word, or on through "of ..." to the end of the capitalised run. Each carries a key with the differences that do not change which
organisation is meant folded away (case, accents, hyphens and spaces, "Nigeria" / "Nigerian",
"Organisation" / "Organization"), so spellings of one name meet in one block. A name defined
with an acronym in brackets is left to the acronym rules.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from factdiff.models import OrganisationClaim, construct
from factdiff.text.lexicon import organisation_data, people_data
from factdiff.text.names import organisation_key

KIND = "organisation"
CLAIM = OrganisationClaim
READS: tuple[str, ...] = ()

WORD = r"[A-Z][\w'’]*(?:-\w+)*"


@cache
def _run() -> re.Pattern[str]:
    """A run of capitalised words, short connectors allowed between them (anchored on a capital)."""
    connectors = "|".join(organisation_data().connectors)
    return re.compile(rf"(?=[A-Z])(?<![\w'’-]){WORD}(?:[ \t]+(?:(?:{connectors})[ \t]+)?{WORD})+")


TOKEN = re.compile(rf"{WORD}|[a-z]+")
ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Z&]{1,5}\)")
POSSESSIVE = re.compile(r"['’]s?\Z")


@cache
def _vocabulary() -> dict[str, Any]:
    data = organisation_data()
    return {
        "heads": frozenset(data.heads),
        "connectors": frozenset(data.connectors),
        "leading": frozenset(people_data().function_words),
        "calendar": frozenset(people_data().calendar_words),
    }


EXTENDING = frozenset({"of", "for"})
"""Connectors after a head word that carry the name on: 'Department of Homeland Security'."""


def _extended_end(tokens: list[tuple[int, int, str]], start: int, calendar: frozenset[str]) -> int:
    """The last token of 'Department of Homeland Security': up to a possessive, a date word or the run's end."""
    last = start - 2
    for index in range(start, len(tokens)):
        word = tokens[index][2]
        if POSSESSIVE.sub("", word) in calendar or word[0].islower():
            break
        last = index
        if POSSESSIVE.search(word):
            break
    return last


def extract(context: Any) -> list[OrganisationClaim]:
    text = context.text
    vocabulary = _vocabulary()
    claims: list[OrganisationClaim] = []
    for run in _run().finditer(text):
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(run.group())]
        last = max(
            (i for i, (_, _, w) in enumerate(tokens) if POSSESSIVE.sub("", w) in vocabulary["heads"]), default=-1
        )
        if last < 1:
            continue
        first = max((i + 1 for i in range(last) if POSSESSIVE.search(tokens[i][2])), default=0)
        while first < last and (
            tokens[first][2] in vocabulary["leading"] or tokens[first][2] in vocabulary["connectors"]
        ):
            first += 1
        if last + 2 < len(tokens) and tokens[last + 1][2] in EXTENDING and not POSSESSIVE.search(tokens[last][2]):
            last = _extended_end(tokens, last + 2, vocabulary["calendar"])
        named = [word for _, _, word in tokens[first:last]] + [POSSESSIVE.sub("", tokens[last][2])]
        if sum(word not in vocabulary["connectors"] for word in named) < 2:
            continue
        start = run.start() + tokens[first][0]
        end = run.start() + tokens[last][0] + len(named[-1])
        if ACRONYM_AFTER.match(text, end):
            continue
        fields = context.location(KIND, start, end)
        claims.append(
            construct(OrganisationClaim, **fields, kind=KIND, name=" ".join(named), key=organisation_key(named))
        )
    return claims


def describe(claim: OrganisationClaim) -> str:
    return claim.key
