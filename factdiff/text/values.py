"""A sentence as two restatements of one fact share it: its content lemmas in order, with
each typed value (a number with its hedge and unit, an age, an ordinal, a year, a month, a
weekday) standing as one slot of its kind. Aligned slot for slot, two such sentences pair
their values ("took $35.6 million in North America" / "grossed over $36 million in North
America": film, earn, <number:$>, north, america on both sides)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from factdiff.text.calendar import MONTH_NAMES, SHORT_MONTHS, WEEKDAYS, month_number
from factdiff.text.interval import Interval, hedged
from factdiff.text.lemmas import lemma
from factdiff.text.lexicon import alternation, quantity_data
from factdiff.text.starts import DIGITS, StartFinder, Starts

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
"""The second word of 'twenty-five' ('twenty - five', 'twenty five' in transcripts)."""
AMBIGUOUS_NUMBER_WORDS = frozenset({"one", "a couple of", "a pair of"})
"""'one of the…', 'no one', 'a couple of days': too often not a count to align as one."""
LOWER_CASE_MONTHS_NOT = frozenset({"may", "march"})
"""In lower-cased text these are verbs far more often than months."""
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")
NOT_A_VALUE = re.compile(
    r"\s?(?:[ap]\.?m\b\.?|gmt\b|utc\b|bst\b|[ecmp][sd]?t\b|o'clock\b)"  # a clock time: '6 p.m.', '1300 GMT'
    r"|\s?/\s?[0-9]|[½¼¾\ufffd]"  # a fraction: '4 1/2', '41 / 2', '4½'
    r"|\s[0-9]"  # a telephone number or a list of numbers: '0845 125 222'
    r"|[a-z]\b",  # a code: '4Q 2020', '3D', '5G'
    re.IGNORECASE,
)
"""What may follow a number that makes it no count, date or amount (and a word and a hyphen
before it: 'COVID-19', 'F-16' name a thing)."""
CONVERTED = re.compile(r"[0-9](?:\s*(?:million|billion|thousand|[a-z]{1,3}))?\s*\($", re.IGNORECASE)
"""An amount right before an opening bracket: what the bracket holds is the same amount converted."""


class Value(NamedTuple):
    """A typed value: its kind, the slot it aligns as, its span in the sentence (hedge
    included), and the values it can stand for (months and weekdays by number)."""

    kind: str
    slot: str
    start: int
    end: int
    interval: Interval
    hedge: str | None


class Token(NamedTuple):
    """One aligned position: a content lemma or a value's slot, with its span."""

    form: str
    start: int
    end: int
    value: Value | None


def _number_words() -> set[str]:
    return set(quantity_data().number_words) - AMBIGUOUS_NUMBER_WORDS


@cache
def _start_finder() -> StartFinder:
    """The value and calendar patterns, with what every match of each opens with."""
    data = quantity_data()
    return StartFinder(
        {
            "value": (_value_pattern(), (*DIGITS, *data.hedges, *data.currencies, *_number_words(), *data.ordinals)),
            "calendar": (_calendar_pattern(), (*DIGITS, *MONTH_NAMES, *SHORT_MONTHS, *WEEKDAYS)),
        }
    )


def value_openings(text: str) -> Starts:
    """Where a value may start in a text: a sentence with none states no value (``values``)."""
    return _start_finder().find(text)


@cache
def _value_pattern() -> re.Pattern[str]:
    data = quantity_data()
    number_words = _number_words()
    currencies = alternation(data.currencies)
    return re.compile(
        rf"(?<![\w$£€¥.,/])(?<![^\W_]-)(?<![0-9]:)"
        rf"(?:(?P<hedge>{alternation(data.hedges)})\s+)?"
        rf"(?:(?P<currency>{currencies})\s?)?"
        rf"(?:(?P<digits>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?P<decimals>\.[0-9]+)?(?![0-9]|[/:-][0-9])"
        rf"|(?P<word>{alternation(number_words)})(?:(?:\s?-\s?|\s)(?P<units>{alternation(UNITS)}))?\b(?P<half>\s+and\s+a\s+half\b)?|(?P<ordinal_word>{alternation(data.ordinals)})\b)"
        rf"(?:(?P<age>-year-old|\s+years?\s+old\b)"
        rf"|(?<=[0-9])(?P<ordinal>st|nd|rd|th)\b"
        rf"|(?:[\s-]?(?P<magnitude>{alternation(data.magnitudes)})\b)?(?:\s?(?P<percent>%|per\s?cent\b|percent\b))?)",
        re.IGNORECASE,
    )


@cache
def _period_pattern() -> re.Pattern[str]:
    """The period right after a rate ('$185 a month', '$2,220 per year', '$40/hour', '5%
    annually'), not a time that dates it ('a year ago')."""
    data = quantity_data()
    nouns = "|".join(word for word in data.rate_periods if not word.endswith("ly"))
    adverbs = "|".join(word for word in data.rate_periods if word.endswith("ly"))
    anchors = "|".join(data.rate_anchors)
    return re.compile(
        rf"(?:\s+(?:per|a|an|each|every)\s+|\s*/\s*)(?P<noun>{nouns})\b(?![^\S\n]+(?:{anchors})\b)"
        rf"|\s+(?P<adverb>{adverbs})\b",
        re.IGNORECASE,
    )


def rate_period(sentence: str, value: Value) -> str | None:
    """The period a number is a rate of ('month' for '$185 a month'), None when it is not one:
    '$185 a month' and '$2,220 a year' count the same price by different periods."""
    found = _period_pattern().match(sentence, value.end)
    return quantity_data().rate_periods[(found["noun"] or found["adverb"]).lower()] if found else None


@cache
def _calendar_pattern() -> re.Pattern[str]:
    """A weekday, or a month with the day of the month before or after it ('April 14', '14th of April')."""
    months = alternation((*MONTH_NAMES, *SHORT_MONTHS))
    days = alternation(WEEKDAYS)
    day = r"(?P<{}>[0-9]{{1,2}})(?:st|nd|rd|th)?"
    return re.compile(
        rf"\b(?:{day.format('before')}\s+(?:of\s+)?)?(?P<name>{months}|{days})\b\.?(?:\s+{day.format('after')}\b(?![0-9,.]*[0-9]))?",
        re.IGNORECASE,
    )


def _number(match: re.Match[str]) -> Value | None:
    data = quantity_data()
    hedge = match["hedge"].lower() if match["hedge"] else None
    if match["ordinal_word"] or match["ordinal"]:
        if hedge or match["currency"]:
            return None
        number = (
            data.ordinals[match["ordinal_word"].lower()]
            if match["ordinal_word"]
            else int(match["digits"].replace(",", ""))
        )
        return Value("ordinal", "<ordinal>", match.start(), match.end(), Interval(number, number), None)
    if match["word"]:
        value = float(data.number_words[" ".join(match["word"].lower().split())])
        value += (UNITS[match["units"].lower()] if match["units"] else 0) + (0.5 if match["half"] else 0)
    else:
        value = float(match["digits"].replace(",", "") + (match["decimals"] or ""))
    if match["age"]:
        kind, slot = "age", "<age>"
    elif (
        match["digits"]
        and len(match["digits"]) == 4
        and not (hedge or match["currency"] or match["decimals"] or match["magnitude"] or match["percent"])
        and 1800 <= value <= 2100
    ):
        kind, slot = "year", "<year>"
    else:
        unit = "%" if match["percent"] else (data.currencies[match["currency"]] if match["currency"] else "")
        kind, slot = "number", f"<number:{unit}>" if unit else "<number>"
    magnitude = data.magnitudes[match["magnitude"].lower()] if match["magnitude"] else 1.0
    value *= magnitude
    if hedge:
        interval = hedged(value, data.hedges[" ".join(hedge.split())])
    elif match["magnitude"]:  # "$36 million" is rounded: 35.5 to 36.5 million
        places = len(match["decimals"] or ".") - 1
        tolerance = 0.5 * magnitude / 10**places
        interval = Interval(value - tolerance, value + tolerance)
    else:
        interval = Interval(value, value)
    return Value(kind, slot, match.start(), match.end(), interval, hedge)


def _no_value(sentence: str, match: re.Match[str]) -> bool:
    """A clock time, a fraction, a telephone number, or an amount converted in brackets right
    after another ('$US1 million ($1.52 million)'): digits that state no count of their own."""
    before = sentence[max(0, match.start() - 2) : match.start()].rstrip(" ")
    converted = before.endswith("(") and CONVERTED.search(sentence, max(0, match.start() - 16), match.start())
    return bool(NOT_A_VALUE.match(sentence, match.end()) or converted) or before[-1:].isdigit() or before[-1:] == "/"


@lru_cache(maxsize=4096)
def values(sentence: str) -> tuple[Value, ...]:
    """Every typed value in the sentence, in order; none inside a web address. Months and
    weekdays must be capitalised unless the whole sentence is in lower case ('may' and
    'march' are then not read)."""
    addresses = [match.span() for match in WEB_ADDRESS.finditer(sentence)]
    starts = _start_finder().find(sentence)
    found = [
        value
        for match in starts.finditer("value")
        if not (match["digits"] and _no_value(sentence, match)) and (value := _number(match))
    ]
    lower_case = not any(map(str.isupper, sentence))
    for match in starts.finditer("calendar"):
        word = match["name"]
        if not (word[0].isupper() or (lower_case and word not in LOWER_CASE_MONTHS_NOT)):
            continue
        if word == "May" and match.start() == 0:
            continue
        month = month_number(word)
        kind, number = ("month", month) if month else ("weekday", WEEKDAYS.index(word.capitalize()) + 1)
        day = match["before"] or match["after"]
        if kind == "month" and day and 1 <= int(day) <= 31:
            kind, number = "day", number * 100 + int(day)
        end = match.end() - sentence.endswith(".", match.start(), match.end())  # 'Sept.' keeps no sentence's stop
        found.append(Value(kind, f"<{kind}>", match.start(), end, Interval(number, number), None))
    found.sort(key=lambda value: (value.start, -value.end))
    return tuple(
        value
        for index, value in enumerate(found)
        if (index == 0 or value.start >= found[index - 1].end)
        and not any(start <= value.start < end for start, end in addresses)
    )


@lru_cache(maxsize=4096)
def aligned_tokens(sentence: str) -> tuple[Token, ...]:
    """The sentence as it is aligned: content lemmas and value slots, in order (cached: a
    sentence is judged against several alike)."""
    result: list[Token] = []
    for start, stop, value in _around_values(sentence):
        for word in WORD.finditer(sentence, start, stop):
            form = lemma(word.group().lower())
            if form:
                result.append(Token(form, word.start(), word.end(), None))
        if value:
            result.append(Token(value.slot, value.start, value.end, value))
    return tuple(result)


def content_forms(sentence: str) -> list[str]:
    """The content lemmas ``aligned_tokens`` gives the sentence, in order, without their spans
    or token records: what a statement is indexed by (read for every sentence with a value,
    while few are ever aligned)."""
    forms: list[str] = []
    for start, stop, _value in _around_values(sentence):
        forms.extend(filter(None, map(lemma, map(str.lower, WORD.findall(sentence, start, stop)))))
    return forms


def _around_values(sentence: str) -> Iterator[tuple[int, int, Value | None]]:
    """The stretches of words between the sentence's values: (start, end, the value that ends
    the stretch, None for the last)."""
    position = 0
    for value in (*values(sentence), None):
        yield position, value.start if value else len(sentence), value
        if value:
            position = value.end


@lru_cache(maxsize=4096)
def content_counts(sentence: str) -> Counter[str]:
    """How often the sentence gives each content lemma (``aligned_tokens`` without values);
    cached for the pairs a sentence is weighed in, so not to be changed."""
    return Counter(token.form for token in aligned_tokens(sentence) if token.value is None)


@lru_cache(maxsize=4096)
def content_lemmas(sentence: str) -> frozenset[str]:
    """The sentence's content lemmas, each once, without its values: what two sentences about
    one thing share."""
    return frozenset(token.form for token in aligned_tokens(sentence) if token.value is None)
