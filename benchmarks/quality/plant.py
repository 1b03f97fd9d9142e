"""Plant one known discrepancy (or a fact-keeping control edit) in a copy of a real article.

The sites are found with plain patterns of their own, not with factdiff's extractors, so the
benchmark does not only plant where factdiff already looks. Each planter returns the edited
text and the span of the change in it, or None when the article has no site for it.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable
from typing import NamedTuple

from factdiff.text.lexicon import quantity_data


class Plant(NamedTuple):
    text: str
    start: int
    end: int
    before: str
    after: str


COUNT = re.compile(r"(?<![\w.,$£€-])([1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)(?= [a-z]+s\b)")
"""A count: a number followed by a plural word ('45 people', '1,200 homes')."""
YEAR = re.compile(r"\b(?:in|In|since|of) (19[5-9][0-9]|20[0-2][0-9])\b")
AGE = re.compile(r"(?<=[a-z]), ([1-9][0-9]?),(?= [a-z])")
GIVEN_AND_SURNAME = re.compile(r"(?<![\w.])([A-Z][a-z]{3,})( [A-Z][a-z]{3,})(?![\w-])")
PRONOUN = re.compile(r"(?<= )(he|she)(?= )")
ACRONYM = re.compile(r"(?<![\w.])[A-Z]{3,5}(?![\w])")
QUOTE = re.compile(r"(?<![\w.,!?\"”])[\"“](?=\w)([^\"“”\n]{30,300}?)(?<=\S)[\"”](?!\w)")
"""A quotation: an opening mark after a space, words, a closing mark (not the gap between two quotes)."""
QUOTE_WORD = re.compile(r"\b[a-z]{5,}\b")
APOSTROPHE = re.compile(r"(?<=[a-z])'(?=[a-z])")
HEDGED = re.compile(
    "(?:" + "|".join(re.escape(hedge) for hedge in sorted(quantity_data().hedges, key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
"""A hedge right before a number: the text ends with it."""
LARGE_NUMBER = re.compile(r"(?<![\w.,])[1-9][0-9]{0,2},[0-9]{3}(?![\w,])")
VOWELS = "aeiou"
NOT_NAMES = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "There",
        "Their",
        "They",
        "When",
        "What",
        "Where",
        "While",
        "With",
        "From",
        "After",
        "Before",
        "During",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Street",
        "Road",
        "Police",
        "Court",
    ]
)


def _replace(text: str, start: int, end: int, new: str) -> Plant:
    return Plant(text[:start] + new + text[end:], start, start + len(new), text[start:end], new)


def _pick(matches: list[re.Match[str]], rng: random.Random) -> re.Match[str] | None:
    return rng.choice(matches) if matches else None


def _format_like(value: int, written: str) -> str:
    return f"{value:,}" if "," in written else str(value)


def plant_count(text: str, rng: random.Random) -> Plant | None:
    """'45 people' -> '68 people': half as many again, and at least 3 more."""
    match = _pick([m for m in COUNT.finditer(text) if not 1900 <= int(m.group(1).replace(",", "")) <= 2100], rng)
    if match is None:
        return None
    value = int(match.group(1).replace(",", ""))
    changed = max(value + 3, value * 3 // 2)
    return _replace(text, match.start(1), match.end(1), _format_like(changed, match.group(1)))


def plant_year(text: str, rng: random.Random) -> Plant | None:
    """'in 2014' -> 'in 2013'."""
    match = _pick(list(YEAR.finditer(text)), rng)
    if match is None:
        return None
    return _replace(text, match.start(1), match.end(1), str(int(match.group(1)) - 1))


def plant_age(text: str, rng: random.Random) -> Plant | None:
    """'Maddox, 34, was' -> 'Maddox, 37, was': an age set off by commas after a word."""
    match = _pick(list(AGE.finditer(text)), rng)
    if match is None:
        return None
    return _replace(text, match.start(1), match.end(1), str(int(match.group(1)) + 3))


def plant_given_name(text: str, rng: random.Random) -> Plant | None:
    """One mention of a full name with one vowel of the given name changed: 'Godfrey' -> 'Godfroy'."""
    candidates = [m for m in GIVEN_AND_SURNAME.finditer(text) if m.group(1) not in NOT_NAMES]
    recurring = [m for m in candidates if text.count(m.group(1) + m.group(2)) >= 2]
    match = _pick(recurring, rng)
    if match is None:
        return None
    given = match.group(1)
    positions = [i for i in range(2, len(given)) if given[i] in VOWELS]
    if not positions:
        return None
    index = rng.choice(positions)
    replacement = VOWELS[(VOWELS.index(given[index]) + 1) % len(VOWELS)]
    misspelt = given[:index] + replacement + given[index + 1 :]
    return _replace(text, match.start(1), match.end(1), misspelt)


def plant_pronoun(text: str, rng: random.Random) -> Plant | None:
    """One 'he' -> 'she' (or the reverse)."""
    match = _pick(list(PRONOUN.finditer(text)), rng)
    if match is None:
        return None
    return _replace(text, match.start(), match.end(), "she" if match.group() == "he" else "he")


def plant_acronym(text: str, rng: random.Random) -> Plant | None:
    """One use of an acronym used three times or more with two letters swapped: 'MSS' -> 'MMS'."""
    matches = list(ACRONYM.finditer(text))
    frequent = [m for m in matches if sum(1 for other in matches if other.group() == m.group()) >= 3]
    match = _pick(frequent, rng)
    if match is None:
        return None
    letters = match.group()
    index = rng.randrange(len(letters) - 1)
    swapped = letters[:index] + letters[index + 1] + letters[index] + letters[index + 2 :]
    if swapped == letters:
        swapped = letters[:index] + letters[index] + letters[index] + letters[index + 2 :]
        if swapped == letters:
            return None
    return _replace(text, match.start(), match.end(), swapped)


def plant_quote_word(text: str, rng: random.Random) -> Plant | None:
    """One word inside a quotation changed to another word of the same quotation."""
    quote = _pick(list(QUOTE.finditer(text)), rng)
    if quote is None:
        return None
    words = list(QUOTE_WORD.finditer(quote.group(1)))
    distinct = sorted({w.group() for w in words})
    if len(words) < 2 or len(distinct) < 2:
        return None
    target = rng.choice(words)
    other = rng.choice([w for w in distinct if w != target.group()])
    start = quote.start(1) + target.start()
    return _replace(text, start, start + len(target.group()), other)


def inside_quotation(text: str, position: int) -> bool:
    """Inside quotation marks, where changing any word (even to a compatible hedge) misquotes."""
    paragraph = text[text.rfind("\n\n", 0, position) + 1 : position]
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


def control_separator(text: str, rng: random.Random) -> Plant | None:
    """'1,200' -> '1200': the same number."""
    match = _pick(list(LARGE_NUMBER.finditer(text)), rng)
    if match is None:
        return None
    return _replace(text, match.start(), match.end(), match.group().replace(",", ""))


def control_hedge(text: str, rng: random.Random) -> Plant | None:
    """'45 people' -> 'more than 40 people': compatible with the original (outside quotations;
    never where a hedge stands already, which would read 'more than more than 40')."""
    sites = [
        m
        for m in COUNT.finditer(text)
        if 10 <= int(m.group(1).replace(",", "")) < 1900
        and not inside_quotation(text, m.start())
        and not HEDGED.search(text, max(0, m.start() - 30), m.start())
    ]
    match = _pick(sites, rng)
    if match is None:
        return None
    value = int(match.group(1).replace(",", ""))
    lower = value - max(1, value // 10)
    return _replace(text, match.start(1), match.end(1), "more than " + _format_like(lower, match.group(1)))


def control_apostrophes(text: str, rng: random.Random) -> Plant | None:
    """Straight apostrophes inside words become curly ones."""
    first = APOSTROPHE.search(text)
    if first is None:
        return None
    return Plant(APOSTROPHE.sub("’", text), first.start(), first.end(), "'", "’")


def control_rewrap(text: str, rng: random.Random) -> Plant | None:
    """Each paragraph re-wrapped at 72 columns."""
    paragraphs = text.split("\n\n")
    wrapped = "\n\n".join(textwrap.fill(p, width=72) for p in paragraphs)
    if wrapped == text:
        return None
    return Plant(wrapped, 0, 0, "", "")


def control_unchanged(text: str, rng: random.Random) -> Plant | None:
    return Plant(text, 0, 0, "", "")


Planter = Callable[[str, random.Random], "Plant | None"]

ERRORS: dict[str, Planter] = {
    "count": plant_count,
    "year": plant_year,
    "age": plant_age,
    "given name": plant_given_name,
    "pronoun": plant_pronoun,
    "acronym": plant_acronym,
    "quote word": plant_quote_word,
}
"""Planted discrepancies: each should be reported, with evidence touching the change."""

CONTROLS: dict[str, Planter] = {
    "thousands separator": control_separator,
    "compatible hedge": control_hedge,
    "apostrophes": control_apostrophes,
    "re-wrapped lines": control_rewrap,
    "unchanged": control_unchanged,
}
"""Edits that keep every fact: any report on them is a false alarm."""
