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
from factdiff.text.lexicon import date_data, people_data, phrase_pattern
from factdiff.text.starts import DIGITS, StartFinder

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
OPENER_CHARS = 8
"""An opener ('On', 'Since') and its spaces are this short: longer text before a date is no
opener, and is not copied to check (a list with no full stop is one long sentence)."""
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
def _start_finder() -> StartFinder:
    """The written and relative date patterns, with what every match of each opens with."""
    return StartFinder(
        {
            "date": (DATE, (*DIGITS, *MONTH_NUMBER)),
            "relative": (RELATIVE, ("last", "this year", "the previous year", *(f"on {day}" for day in WEEKDAYS))),
        }
    )


@cache
def _vocabulary() -> dict[str, Any]:
    data = date_data()
    event_of = {word: event for event, words in data.events.items() for word in words}
    return {
        "event": phrase_pattern(list(event_of)),
        "event_of": event_of,
        "repeating": phrase_pattern(data.repeating),
        "personal": frozenset(data.personal),
        "nominal": frozenset(data.nominal),
        "transitive": frozenset(data.transitive),
        "compound": frozenset(data.compound_heads),
        "passive": frozenset(data.passive_auxiliaries),
        "clause_words": frozenset(data.clause_words),
        "negations": frozenset(data.negations),
        "relative": phrase_pattern(data.relative_pronouns, flags=0),
        "embedding": frozenset(data.embedding_words),
        "genitive": frozenset(data.genitive_words),
        "function_words": frozenset(word.lower() for word in people_data().function_words),
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
    starts = _start_finder().find(text)
    for match in starts.finditer("date"):
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
    for match in starts.finditer("relative"):
        resolved = resolve(match, reported)
        if resolved is not None:
            yield match.start(), match.end(), resolved, True


def extract(context: Any) -> list[DateClaim]:
    text = context.text
    vocabulary = _vocabulary()
    people_in: dict[int, list[Any]] = {}
    for person in context.claims["person"]:
        people_in.setdefault(person.sentence_start, []).append(person)
    claims: list[DateClaim] = []
    for start, end, (year, month, day), relative in sorted(_written(text, context.document.date)):
        sentence_start, sentence_end = context.sentence_span(start)
        found = _event(text, vocabulary, start, end, sentence_start, sentence_end)
        event = found[0] if found else None
        subject = None
        if found and event in vocabulary["personal"]:
            subject = _owner(text, people_in.get(sentence_start, []), vocabulary, found, sentence_start)
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


Event = tuple[str, int, int, str]
"""(event, start, end, word as written, lower case) of the event word a date belongs to."""


def _event(
    text: str, vocabulary: dict[str, Any], start: int, end: int, sentence_start: int, sentence_end: int
) -> Event | None:
    """The event word nearest the date in its clause. A date opening its sentence ("On July
    7, 2021, ... was assassinated") dates the clause after its comma. An event noun that
    modifies another noun ("an arrest warrant", "the death toll") is not the event."""
    low, high = max(sentence_start, start - EVENT_WINDOW), min(sentence_end, end + EVENT_WINDOW)
    opens = start - sentence_start <= OPENER_CHARS and text[sentence_start:start].strip() in OPENERS
    if opens and text.startswith(",", end):
        low, high = end + 1, min(sentence_end, end + EVENT_WINDOW)
        cut = CLAUSE_BREAK.search(text, low, high)
    else:
        left = [m.end() for m in CLAUSE_BREAK.finditer(text, low, start)]
        low = left[-1] if left else low
        cut = CLAUSE_BREAK.search(text, end, high)
    high = cut.start() if cut else high
    best: tuple[int, int, Event] | None = None
    for found in vocabulary["event"].finditer(text, low, high):
        following = NEXT_WORD.match(text, found.end())
        if following and following.group(1) in vocabulary["compound"]:
            continue
        distance = start - found.end() if found.end() <= start else found.start() - end
        word = " ".join(found.group().lower().split())
        candidate = (max(distance, 0), found.start(), (vocabulary["event_of"][word], found.start(), found.end(), word))
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return best[2] if best else None


# The event's owner: whose death, arrest or election a date is. It is read from the grammar
# of the event word, never taken from the nearest name: the possessor of an event noun
# ("Hoover's death", "the death of Hoover", "his arrest"), the subject of an event verb in
# its own clause ("Gigante was indicted"; "Hoover, who ... died" is Hoover's), the object of
# an active one done to someone ("police arrested Smith"). A negated mention ("but not
# Gigante", "was never charged") and an owner that is not a named person give no subject.

NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
OF_AFTER = re.compile(r"\s+of\s+")
WORD = re.compile(r"[\w'’.-]+|[,;:()—–“”\"]")
POSSESSIVE = re.compile(r"(?:['’]s|s['’])\Z")
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
OWNER_WINDOW = 80
"""How far before an event word its possessor or subject is looked for."""
MODIFIERS_SKIPPED = 2
"""Adjectives or years between a possessor and its event noun ("Gigante's 1990 arrest")."""
NAME_PREFIXES = frozenset({"the", "late", "former", "then", "ex"})


def _name(person: Any) -> str:
    return person.full_name or person.name


def _owner(text: str, people: list[Any], vocabulary: dict[str, Any], found: Event, sentence_start: int) -> str | None:
    """The named person whose event ``found`` is, or None."""
    _, at, end, word = found
    if word in vocabulary["nominal"]:
        return _possessor(text, people, vocabulary, at, end, sentence_start)
    return _verb_owner(text, people, vocabulary, found, sentence_start)


def _possessor(
    text: str, people: list[Any], vocabulary: dict[str, Any], at: int, end: int, sentence_start: int
) -> str | None:
    """'the death of X', "X's (sudden) death", 'his arrest' (the one person named before it)."""
    of = OF_AFTER.match(text, end)
    if of:
        return _named_at(text, people, of.end())
    words = list(WORD.finditer(text, max(sentence_start, at - OWNER_WINDOW), at))
    for _ in range(MODIFIERS_SKIPPED):
        if words and (words[-1].group().isdigit() or _adjective(words[-1].group(), vocabulary)):
            words.pop()
    if not words:
        return None
    last = words[-1]
    if last.group().lower() in POSSESSIVE_PRONOUNS:
        named = {_name(p) for p in people if p.end <= at}
        return named.pop() if len(named) == 1 else None
    if POSSESSIVE.search(last.group()):
        owner = [p for p in people if last.start() < p.end <= last.end()]
        return _name(owner[0]) if owner else None
    return None


def _adjective(word: str, vocabulary: dict[str, Any]) -> bool:
    """A lower-case word that may stand between a possessor and its noun ('sudden')."""
    return word.isalpha() and word.islower() and word not in vocabulary["function_words"]


def _named_at(text: str, people: list[Any], position: int) -> str | None:
    """The person named at ``position``, after at most 'the', 'former' and capitalised
    title words ('of former President Pedro Castillo')."""
    for person in people:
        if person.start >= position:
            between = text[position : person.start].split()
            if all(w in NAME_PREFIXES or w[0].isupper() or w.split("-")[0] in NAME_PREFIXES for w in between):
                return _name(person)
            return None
    return None


def _verb_owner(
    text: str, people: list[Any], vocabulary: dict[str, Any], found: Event, sentence_start: int
) -> str | None:
    """The subject of an event verb in its clause (the noun before 'who' for a relative
    clause; the main clause's for a participle opening the sentence), or the object of an
    active verb done to someone."""
    event, at, end, _ = found
    if not text[sentence_start:at].strip():  # "Born in 1928 in the Bronx, Gigante became…"
        return next(
            (_name(p) for p in people if p.start > end and text[max(0, p.start - 4) : p.start].rstrip().endswith(",")),
            None,
        )
    before = [p for p in people if p.end <= at]
    relatives = list(vocabulary["relative"].finditer(text, sentence_start, at))
    relative = relatives[-1] if relatives else None
    subject: Any = None
    gap: str | None = ""
    embedding = vocabulary["embedding"]
    if relative is not None and (not before or before[-1].end <= relative.start()):
        subject = next((p for p in before if not text[p.end : relative.start()].strip(" ,")), None)
        gap = text[relative.end() : at]
        embedding = vocabulary["genitive"]  # "run by Tom Berry, who died" is Berry's; "a friend of X, who" is unclear
    elif before:
        subject = before[-1]
        gap = _after_apposition(text, subject, at)
    if event in vocabulary["transitive"] and not _passive(text, vocabulary, sentence_start, at):
        named = _named_at(text, people, end)
        if named or subject is None or text[subject.end : at].strip() != ",":
            return named  # "police arrested Smith"; "Smith, arrested in 2005," is Smith's
    if subject is None or gap is None or _embedded(text, vocabulary, embedding, subject.start, sentence_start):
        return None
    return _name(subject) if _only_auxiliaries(gap, vocabulary) else None


PARENTHESIS = re.compile(r"\([^()]{0,80}\)")


def _after_apposition(text: str, subject: Any, at: int) -> str | None:
    """What stands between a subject and its verb once an apposition or a parenthesis is set
    aside ('Ortiz, 35, with the gang unit, was'; 'Gigante (pronounced ji-GANT-tee) was';
    "His wife, Audrey Felt, died" is Audrey Felt's); None when the subject is a possessor
    ("Felt's wife died")."""
    gap = text[subject.end : at]
    if gap.startswith(("'", "’")):
        return None
    stripped = PARENTHESIS.sub(" ", gap).lstrip()
    if not stripped.startswith(","):
        return stripped
    return stripped[stripped.rfind(",") + 1 :]


def _word_before(text: str, start: int, sentence_start: int) -> str:
    """The word before a name and its capitalised title words ('of' in 'of President X')."""
    for word in reversed(WORD.findall(text, max(sentence_start, start - OWNER_WINDOW), start)):
        if not (word[0].isupper() or word in NAME_PREFIXES or word.split("-")[0] in NAME_PREFIXES):
            return word.lower()
    return ""


def _embedded(
    text: str, vocabulary: dict[str, Any], embedding: frozenset[str], start: int, sentence_start: int
) -> bool:
    """The name is not the subject: it is negated ('but not Gigante') or inside another
    noun phrase ('a friend of Jones', 'with Smith')."""
    before = _word_before(text, start, sentence_start)
    return before in vocabulary["negations"] or before in embedding


def _only_auxiliaries(gap: str, vocabulary: dict[str, Any]) -> bool:
    """Nothing but auxiliaries and adverbs between a subject and its verb: no other subject,
    no other clause, no negation."""
    for word in WORD.findall(gap):
        lowered = word.lower()
        if lowered in vocabulary["negations"] or lowered.endswith(("n't", "n’t")):
            return False
        if lowered not in vocabulary["clause_words"]:
            return False
    return True


def _passive(text: str, vocabulary: dict[str, Any], sentence_start: int, at: int) -> bool:
    """'was (later) arrested': a form of 'be' before the verb, past auxiliaries and adverbs."""
    for word in reversed(WORD.findall(text, max(sentence_start, at - OWNER_WINDOW), at)):
        lowered = word.lower()
        if lowered in vocabulary["passive"]:
            return True
        if lowered not in vocabulary["clause_words"] and lowered not in vocabulary["negations"]:
            return False
    return False


def describe(claim: DateClaim) -> str:
    """'2021-07-07 · day · assassinated · Jovenel Moïse': the date as written, and whose event."""
    written = "-".join(f"{part:02d}" if part else "??" for part in (claim.year, claim.month, claim.day))
    parts = [written, claim.precision, claim.event, claim.subject, "relative" if claim.relative else None]
    return " · ".join(p for p in parts if p)
