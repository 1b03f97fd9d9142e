"""Distinct, realistic news articles in any number, made from the shared bench's real ones.

The bench holds about 1,030 distinct articles: the FactCC/FRANK articles (one story each) and
the ECB+ articles (several outlets per story). Repeating them measures copies, and in a large
archive of copies every name is in too many documents to link anything. So each generated
article is one real article, its lead kept, some later paragraphs left out and a passage of
another article inserted, with its people, places, numbers and dates varied:

- every proper name that is not an English word, a month, a day or a known country or city,
  every person's name (also 'Mark Felt', 'Mr Brown') and the words of an organisation's name
  ('Art Fund') are replaced from Faker's name lists (a given name by one of the same
  gender, so pronouns still fit); acronyms that are not well known get other letters;
- fractions and whole numbers above 31 are scaled, dates move to another day and month;
  years stay;
- the variation is the same for every article made from one real story in one edition (one
  pass over all the sources), so the ECB+ articles of a story still cover one event, and the
  next edition of that story is another event of the same kind with other people and figures.

Everything depends on the seed only: the same seed and count give the same files.
"""

from __future__ import annotations

import calendar
import hashlib
import importlib
import itertools
import pkgutil
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import ascii_uppercase

from benchmarks.corpus import articles, ecbplus_articles
from factdiff.text.lexicon import acronym_data, organisation_data, people_data, place_index, story_data
from factdiff.text.names import is_given_name, name_gender
from factdiff.text.sentences import split_sentences

LEAD = 2
"""Paragraphs every generated article keeps from the start of its source (headline, lead)."""
LEFT_OUT = 0.25
"""Chance that each later paragraph of the source is left out."""
INSERTED = 2
"""Paragraphs of another story's article inserted after the lead."""
SENTENCES_PER_PARAGRAPH = 3
"""FactCC/FRANK articles come as one block: paragraphs are made of this many sentences."""
SMALL_NUMBER = 31
"""Numbers up to this (days of a month, small counts) stay as they are."""
SCALE = (0.6, 1.6)
"""Range of the factor a larger number is multiplied by."""

MONTHS = tuple(calendar.month_name[1:])
SHORT_MONTHS = tuple(calendar.month_abbr[1:])
MONTH_NUMBERS = (
    {name: index for index, name in enumerate(MONTHS)}
    | {name: index for index, name in enumerate(SHORT_MONTHS)}
    | {"Sept": 8}
)
"""Each way a month is written -> its number from 0."""
DATE = re.compile(
    rf"""(?P<month>\b(?:{"|".join(MONTHS)})\b                    # July
          | \b(?:{"|".join(SHORT_MONTHS)}|Sept)\b\.?(?=\s+\d))   # Dec. (only before a day: 'Jan' is a name too)
         (?:(?P<gap>\s+)(?P<day_after>\d{{1,2}})\b)?             # July 21
    | \b(?P<day_before>\d{{1,2}})(?P<suffix>st|nd|rd|th)?(?P<of>\s+(?:of\s+)?)
      (?P<month_after>{"|".join(MONTHS)})\b                       # 21 July, 21st of July""",
    re.VERBOSE,
)
NUMBER = re.compile(r"(?<![\w.,:])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d:]|[.,]\d)")
"""A number as news writes it: 147, 1,450, 5.6, 417m (not in a code like A320, nor a time)."""
WORD = re.compile(r"[^\W\d_]+")
ACRONYM_LETTERS = 6
"""Longer runs of capitals are shouted words, not acronyms."""
CAPITALISED_RUN = re.compile(r"\b[A-Z][^\W\d_]*\.?(?: [A-Z][^\W\d_]*\.?)+")
"""Two or more capitalised words in a row: a person's or an organisation's name, perhaps with a title."""
YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Source:
    """A real article, as paragraphs, and the story it covers."""

    story: str
    paragraphs: tuple[str, ...]


def sources() -> list[Source]:
    """Every distinct real article of the bench: FactCC/FRANK's (each its own story), then ECB+'s."""
    found = [Source(name, _paragraphs(text)) for name, text in articles() if name.startswith("bench-")]
    found += [Source(story, _paragraphs(text)) for _name, story, text in ecbplus_articles()]
    return found


def _paragraphs(text: str) -> tuple[str, ...]:
    """The text's paragraphs; a text written as one block is cut into paragraphs of a few sentences."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    if len(paragraphs) > 1:
        return tuple(paragraphs)
    sentences = [text[start:end] for start, end in split_sentences(text)]
    return tuple(
        " ".join(sentences[index : index + SENTENCES_PER_PARAGRAPH])
        for index in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)
    )


def generated_articles(count: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(file name, text) of ``count`` distinct articles: edition after edition, each edition one
    article per source in a shuffled order (so a small corpus still mixes both kinds)."""
    pool = sources()
    order = list(range(len(pool)))
    random.Random(seed).shuffle(order)
    for index in range(count):
        edition, position = divmod(index, len(pool))
        source = pool[order[position]]
        rng = random.Random(f"{seed}:{index}")
        text = "\n\n".join(_recombined(source, pool, rng)) + "\n"
        yield f"{index:06d}.txt", _varied(text, f"{seed}:{edition}:{source.story}")


def _recombined(source: Source, pool: list[Source], rng: random.Random) -> list[str]:
    """The source's lead, some of its later paragraphs, and a passage of another story's article."""
    kept = list(source.paragraphs[:LEAD])
    kept += [paragraph for paragraph in source.paragraphs[LEAD:] if rng.random() >= LEFT_OUT]
    other = rng.choice(pool)
    while other.story == source.story:
        other = rng.choice(pool)
    start = rng.randrange(max(1, len(other.paragraphs) - INSERTED + 1))
    at = rng.randint(min(LEAD, len(kept)), len(kept))
    kept[at:at] = other.paragraphs[start : start + INSERTED]
    return kept


def _varied(text: str, key: str) -> str:
    """The text with its names, dates and numbers varied the same way for every article of one
    story in one edition (``key``)."""
    text = DATE.sub(lambda match: _date(match, key), text)
    text = NUMBER.sub(lambda match: _number(match.group(), key), text)
    named = _named_words(text)
    return WORD.sub(lambda match: _renamed(match.group(), key, named), text)


def _named_words(text: str) -> set[str]:
    """English words that name someone or something here, in runs of capitalised words: a
    given name and the word after it ('Mark Felt'), the word after a title ('Mr Brown'), the
    words before an organisation's head word ('Art Fund'), and every word of a run that holds
    a name ('Animal Planet' once 'Animal' is one); titles, head words, places, months and days
    excepted."""
    found: set[str] = set()
    for match in CAPITALISED_RUN.finditer(text):
        words = match.group().split()
        if words[-1] in _heads():
            found.update(words[:-1])
        for first, second in itertools.pairwise(words):
            if first in _titles():
                found.add(second)
            elif is_given_name(first):
                found.update((first, second))
        if any(word in found or _replaceable(word) for word in words):
            found.update(word for word in words if word not in _titles() and word not in _heads())
    return {word for word in found if not _common_name(word)}


def _common_name(word: str) -> bool:
    """A capitalised word every story may use: a month, a day, a country's name or an article."""
    return word in _calendar() or word in MONTH_NUMBERS or word in place_index() or word == "The"


def _date(match: re.Match[str], key: str) -> str:
    """Another month, and another day of it, for every date of the story."""
    month_shift = _digest(key, "month") % 12
    day_shift = _digest(key, "day") % 28

    def month(written: str) -> str:
        name = written.rstrip(".")
        forms = MONTHS if name in MONTHS else SHORT_MONTHS
        return forms[(MONTH_NUMBERS[name] + month_shift) % 12] + written[len(name) :]

    def day(digits: str) -> str:
        value = int(digits)
        return str((value - 1 + day_shift) % 28 + 1) if 1 <= value <= 31 else digits

    if match.group("month"):
        after = match.group("day_after")
        return month(match.group("month")) + (match.group("gap") + day(after) if after else "")
    shifted = day(match.group("day_before"))
    suffix = _ordinal_suffix(int(shifted)) if match.group("suffix") else ""
    return shifted + suffix + match.group("of") + month(match.group("month_after"))


def _ordinal_suffix(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _number(written: str, key: str) -> str:
    """A fraction, or a whole number above ``SMALL_NUMBER`` that is not a year, scaled by a
    factor of its own and written the same way (thousands separators, decimals)."""
    plain = written.replace(",", "")
    value = float(plain)
    if (value <= SMALL_NUMBER and "." not in plain) or YEAR.fullmatch(written):
        return written
    low, high = SCALE
    factor = low + (high - low) * (_digest(key, plain) % 10_000) / 10_000
    decimals = len(plain.partition(".")[2])
    if decimals:
        return f"{value * factor:{',' if ',' in written else ''}.{decimals}f}"
    return f"{max(round(value * factor), SMALL_NUMBER + 1):{',' if ',' in written else ''}d}"


def _renamed(word: str, key: str, named: set[str]) -> str:
    """Another name for a proper name (a given name of the same gender, or a surname), other
    letters for an acronym that is not well known."""
    if word.isupper():
        if len(word) < 2 or len(word) > ACRONYM_LETTERS or word in _well_known():
            return word
        letters = _digest(key, word)
        return "".join(ascii_uppercase[(letters >> (5 * place)) % 26] for place in range(len(word)))
    if word not in named and not _replaceable(word):
        return word
    if is_given_name(word):
        given = _given_names()[name_gender(word)]
        return given[_digest(key, word) % len(given)]
    return _surname(_digest(key, word))


def _surname(number: int) -> str:
    """A surname made of the start of one of Faker's and the end of another: a few hundred
    million of them, so that two stories rarely share one by chance (with Faker's 15,000 as
    they are, each would be in dozens of documents of a large archive)."""
    surnames = _surnames()
    first, second = surnames[number % len(surnames)], surnames[(number // len(surnames)) % len(surnames)]
    return first[: max(2, len(first) // 2)] + second[len(second) // 2 :].lower()


@cache
def _replaceable(word: str) -> bool:
    """A capitalised word that is not an English word, a month or day, nor a known place."""
    if len(word) < 3 or not word[0].isupper() or word.isupper():
        return False
    return word.lower() not in _vocabulary() and not _common_name(word)


def _digest(key: str, item: str) -> int:
    return int.from_bytes(hashlib.blake2b(f"{key}|{item}".encode(), digest_size=8).digest(), "big")


@cache
def _vocabulary() -> frozenset[str]:
    return frozenset(story_data().vocabulary)


@cache
def _calendar() -> frozenset[str]:
    return frozenset(people_data().calendar_words)


@cache
def _well_known() -> frozenset[str]:
    return frozenset(acronym_data().well_known)


@cache
def _heads() -> frozenset[str]:
    return frozenset(organisation_data().heads)


@cache
def _titles() -> frozenset[str]:
    return frozenset(people_data().honorifics) | frozenset(people_data().titles)


@cache
def _given_names() -> dict[str | None, tuple[str, ...]]:
    """Faker's Latin-alphabet given names by gender; None: either."""
    male, female = set(), set()
    for provider in _faker_people():
        male.update(name for name in getattr(provider, "first_names_male", ()) if name.isascii() and name.isalpha())
        female.update(name for name in getattr(provider, "first_names_female", ()) if name.isascii() and name.isalpha())
    return {"male": tuple(sorted(male)), "female": tuple(sorted(female)), None: tuple(sorted(male | female))}


@cache
def _surnames() -> tuple[str, ...]:
    """Faker's Latin-alphabet surnames of every locale."""
    names: set[str] = set()
    for provider in _faker_people():
        names.update(name for name in getattr(provider, "last_names", ()) if name.isascii() and name.isalpha())
    return tuple(sorted(names))


def _faker_people() -> list[type]:
    """Faker's person providers, one per locale."""
    import faker.providers.person as people

    providers = []
    for module in pkgutil.iter_modules(people.__path__):
        try:
            providers.append(importlib.import_module(f"{people.__name__}.{module.name}").Provider)
        except (ImportError, AttributeError):
            continue
    return providers


def write_corpus(directory: Path, count: int, seed: int = 0) -> float:
    """Write ``count`` generated articles into directory; return their size in megabytes."""
    directory.mkdir(parents=True, exist_ok=True)
    total_bytes = 0
    for name, text in generated_articles(count, seed):
        data = text.encode("utf-8")
        (directory / name).write_bytes(data)
        total_bytes += len(data)
    return total_bytes / 1e6
