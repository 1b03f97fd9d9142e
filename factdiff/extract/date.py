"""Date claims: calendar dates at the precision they are written, and the event each one dates.

Read: "July 7, 2021", "7 July 2021", "June 25" (no year), "June 2024", "2024-06-25", and a year
after "in", "since", "by" or before an event noun ("the 2021 assassination of"). Precision is
part of the value: "June 2024" and "June 25, 2024" are the same date written twice.

Relative dates ("last October", "this year", "the previous year", "on Sunday") are resolved
from the report's own date (JSON Lines metadata or ``--date``); without one, "last October"
keeps only its month and the rest are not read, never guessed.

The event is the event word nearest the date in its sentence ("was arrested on July 23",
"On July 7, 2021, ... was assassinated"), and its subject the person named nearest that word
(a surname).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from factdiff.models import DateClaim, construct
from factdiff.text.calendar import MONTH_NAMES, WEEKDAYS
from factdiff.text.lexicon import date_data, phrase_pattern

KIND = "date"
CLAIM = DateClaim
READS = ("person",)

MONTH_NUMBER = {name: number for number, name in enumerate(MONTH_NAMES, 1)}
MONTH_NUMBER.update({name[:3] + ".": number for name, number in MONTH_NUMBER.items() if name != "May"})
MONTH_NUMBER["Sept."] = 9
MONTH = "|".join(re.escape(name) for name in sorted(MONTH_NUMBER, key=len, reverse=True))
YEAR = r"(?:1[89]|20)[0-9]{2}"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"

DATE = re.compile(
    rf"""
    (?=[0-9A-Z])  # anchor: the engine skips other positions fast
    (?:(?P<iso_year>{YEAR})-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>3[01]|[12][0-9]|0[1-9])(?![0-9-])
    | (?P<day_first>{DAY})\s+(?:of\s+)?(?P<month_a>{MONTH})(?![\w])(?:,?\s+(?P<year_a>{YEAR})(?![0-9]))?
    | (?P<month_b>{MONTH})(?![\w])\s+(?:(?P<day_b>{DAY})(?![0-9,][0-9])(?![\w])(?:,?\s+(?P<year_b>{YEAR})(?![0-9]))?
                                      | (?P<year_c>{YEAR})(?![0-9]))
    | (?P<year>{YEAR})(?![0-9\w-]))
    """,
    re.VERBOSE,
)
"""A written date, anchored on a digit or a month name. A bare year counts only after "in",
"since" or "by", or between "the" and a noun ("the 2021 assassination")."""
YEAR_BEFORE = re.compile(r"(?:(?<![\w-])(?:in|since|by|In|Since|By)|(?P<the>(?<![\w-])the))\s+\Z")
NOUN_AFTER = re.compile(r"\s+[a-z]")

CLAUSE_BREAK = re.compile(r"[,;:—–()]|\b(?:following|after|before|when|while|as|and|but|because|which|who)\b")
"""Where the clause that a date belongs to ends: 'requested assistance in 2022, following
Moise's assassination' dates the request, not the assassination."""
OPENERS = frozenset({"", "On", "In", "By", "Since"})
"""What may precede a date that opens its sentence ("On July 7, 2021, ..."): such a date
belongs to the main clause after its comma."""

RELATIVE = re.compile(
    rf"""
    [Ll](?<![\w-].)ast\s+(?:(?P<last_month>{"|".join(MONTH_NAMES)})|(?P<last_year>year))(?![\w])
    | [Tt](?<![\w-].)(?:his\s+(?P<this_year>year)|he\s+previous\s+(?P<previous_year>year))(?![\w])
    | [Oo](?<![\w-].)n\s+(?P<weekday>{"|".join(WEEKDAYS)})(?![\w])
    """,
    re.VERBOSE,
)
"""Dates written relative to the report: resolved from its date, never guessed without one."""

EVENT_WINDOW = 80
"""How far from the date, within its sentence, the event word is looked for."""


@cache
def _vocabulary() -> dict[str, Any]:
    data = date_data()
    event_of = {word: event for event, words in data.events.items() for word in words}
    return {
        "event": phrase_pattern(list(event_of)),
        "event_of": event_of,
        "repeating": phrase_pattern(data.repeating),
        "personal": frozenset(data.personal),
    }


def _parts(match: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    group = match.group
    if group("iso_year"):
        return int(group("iso_year")), int(group("iso_month")), int(group("iso_day"))
    if group("month_a"):
        return _year(group("year_a")), MONTH_NUMBER[group("month_a")], _day(group("day_first"))
    if group("month_b"):
        if group("year_c"):
            return int(group("year_c")), MONTH_NUMBER[group("month_b")], None
        return _year(group("year_b")), MONTH_NUMBER[group("month_b")], _day(group("day_b"))
    return int(group("year")), None, None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def resolve(match: re.Match[str], reported: datetime.date | None) -> tuple[int | None, int | None, int | None] | None:
    """The date a relative expression stands for in a report of that date; None when it
    cannot be known ("on Sunday" with no report date). "last October" keeps its month."""
    if match.group("last_month"):
        month = MONTH_NUMBER[match.group("last_month")]
        if reported is None:
            return None, month, None
        return (reported.year if month < reported.month else reported.year - 1), month, None
    if reported is None:
        return None
    if match.group("this_year"):
        return reported.year, None, None
    if match.group("last_year") or match.group("previous_year"):
        return reported.year - 1, None, None
    back = (reported.weekday() - WEEKDAYS.index(match.group("weekday"))) % 7
    day = reported - datetime.timedelta(days=back)
    return day.year, day.month, day.day


def _written(text: str, reported: datetime.date | None) -> Iterator[tuple[int, int, tuple[Any, Any, Any], bool]]:
    """(start, end, (year, month, day), relative) for every date, absolute then relative."""
    for match in DATE.finditer(text):
        start, end = match.span()
        if match.group("year"):
            before = YEAR_BEFORE.search(text, max(0, start - 7), start)
            if before is None or (before.group("the") and not NOUN_AFTER.match(text, end)):
                continue
            if start and (text[start - 1].isalnum() or text[start - 1] in ".,-"):
                continue
        year, month, day = _parts(match)
        if month == MONTH_NUMBER["May"] and day is None and match.group("month_b") == "May" and year is None:
            continue  # "May" without a day or year is the verb
        yield start, end, (year, month, day), False
    for match in RELATIVE.finditer(text):
        resolved = resolve(match, reported)
        if resolved is not None:
            yield match.start(), match.end(), resolved, True


def extract(context: Any) -> list[DateClaim]:
    text = context.text
    vocabulary = _vocabulary()
    people = context.claims["person"]
    claims: list[DateClaim] = []
    for start, end, (year, month, day), relative in sorted(_written(text, context.document.date)):
        sentence_start, sentence_end = context.sentence_span(start)
        event, event_at = _event(text, vocabulary, start, end, sentence_start, sentence_end)
        subject = _subject(people, sentence_start, event_at) if event in vocabulary["personal"] else None
        window = text[max(sentence_start, start - EVENT_WINDOW) : min(sentence_end, end + EVENT_WINDOW)]
        precision = "day" if day else "month" if month else "year"
        claims.append(
            construct(
                DateClaim,
                **context.location(KIND, start, end),
                kind=KIND,
                year=year,
                month=month,
                day=day,
                precision=precision,
                event=event,
                subject=subject,
                repeating=bool(vocabulary["repeating"].search(window)),
                relative=relative,
            )
        )
    return claims


def _event(
    text: str, vocabulary: dict[str, Any], start: int, end: int, sentence_start: int, sentence_end: int
) -> tuple[str | None, int]:
    """The event word nearest the date in its clause, and where it is. A date opening its
    sentence ("On July 7, 2021, ... was assassinated") dates the clause after its comma."""
    low, high = max(sentence_start, start - EVENT_WINDOW), min(sentence_end, end + EVENT_WINDOW)
    if text[sentence_start:start].strip() in OPENERS and text.startswith(",", end):
        low, high = end + 1, min(sentence_end, end + EVENT_WINDOW)
        cut = CLAUSE_BREAK.search(text, low, high)
    else:
        left = [m.end() for m in CLAUSE_BREAK.finditer(text, low, start)]
        low = left[-1] if left else low
        cut = CLAUSE_BREAK.search(text, end, high)
    high = cut.start() if cut else high
    best: tuple[int, str, int] | None = None
    for found in vocabulary["event"].finditer(text, low, high):
        distance = start - found.end() if found.end() <= start else found.start() - end
        candidate = (max(distance, 0), vocabulary["event_of"][" ".join(found.group().lower().split())], found.start())
        if best is None or candidate < best:
            best = candidate
    return (best[1], best[2]) if best else (None, -1)


def _subject(people: list[Any], sentence_start: int, event_at: int) -> str | None:
    """The person named nearest the event word in the same sentence, by full name where known."""
    best: tuple[int, str] | None = None
    for person in people:
        if person.sentence_start != sentence_start:
            continue
        name = person.full_name or person.name
        candidate = (abs(person.start - event_at), name)
        if best is None or candidate < best:
            best = candidate
    return best[1] if best else None


def describe(claim: DateClaim) -> str:
    """'2021-07-07 · day · assassinated · Jovenel Moïse': the date as written, and whose event."""
    written = "-".join(f"{part:02d}" if part else "??" for part in (claim.year, claim.month, claim.day))
    parts = [written, claim.precision, claim.event, claim.subject, "relative" if claim.relative else None]
    return " · ".join(p for p in parts if p)
