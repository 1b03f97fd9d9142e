"""Quantity claims: how many of what, in which frame.

A number is read with its hedge ("over 800", "about 2,500") as an interval, and a
vague plural ("hundreds", "thousands") as a lower bound only (writers use "thousands
fled" loosely for 100,000), the thing it counts ("police personnel" -> ``police``), what happened to
them (deployed, killed, displaced), whether it was done or only pledged, planned or
added, the time scope ("in 2024", "since January") and the place that owns the count.
Two quantity claims are comparable only when all of that agrees. A number that counts nothing
nameable and has no unit ("season 2", "3-1") is listed with its interval only.

Must catch: "700 police personnel from Kenya" vs "over 800 police officers" deployed.
Must not catch: 1,000 officers Kenya *agreed to contribute*, "an additional 600";
deaths "in 2024" vs deaths "in the first quarter of this year".

A number counts the noun it quantifies, under the verb of its own clause: an event word is
read only inside that clause (never across ", that", "who", "which", ";"), and before the number
only across bridge words ("the death toll rose to 24"). Its frame is narrowed by what marks another
set ("three people also died", "six further stamps", "the other nine jurors"), by a day or date it
is anchored to ("on Monday", "By Wednesday", "In December 2003, ..."), by an event named earlier
("in those bombings") and by an event introduced in passing ("a quake that killed thousands"); the
parts of a list ("12 in the north, 10 in the south") and counts of another event are compared
with nothing. Labels ("Python 3.0", "flight 370") and scores ("11 points") count nothing.

A count with no subject or no event is compared with nothing either: when the caller does not
ask for every claim (``Context.every_claim``: a scan keeps only comparable claims), its frame
(scope, modality, places) is not read, the costliest part of reading a count.
"""

from __future__ import annotations

import itertools
import math
import re
from functools import cache
from typing import Any, NamedTuple

from factdiff.models import QuantityClaim, construct
from factdiff.text.calendar import MONTH_WORDS, WEEKDAYS
from factdiff.text.interval import hedged
from factdiff.text.lexicon import people_data, phrase_pattern, phrase_regex, place_index, place_pattern, quantity_data
from factdiff.text.starts import DIGITS, StartFinder

KIND = "quantity"
CLAIM = QuantityClaim
READS: tuple[str, ...] = ()

DIGIT_NUMBER = re.compile(
    r"""
    [0-9]{1,3} (?: [,\u00a0\u202f\u2009] [0-9]{3} )+ (?: \.[0-9]+ )?   # 1,000  2 500  1,300.5
    | [0-9]{1,3} (?: \x20 [0-9]{3} ){2,} (?![0-9])                     # 1 300 000
    | [0-9]+ (?: \.[0-9]+ )?                                         # 700  1500  1.3
    """,
    re.VERBOSE,
)
"""Numbers written in ASCII digits, with thousands separators (comma, no-break or thin space;
a plain space only with two groups or more, since "in 2024 300 people" is two numbers)."""

THOUSANDS_SEPARATORS = ",\u00a0\u202f\u2009 "

AFTER_NUMBER = re.compile(
    r"""
    (?P<percent> \s? (?: % | per \s? cent \b | percent \b ) )?
    (?: [ \u00a0]? (?P<magnitude> thousand | million | billion | trillion | bn | mn | tn | m | k ) \b )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""What may follow the digits: a percent sign or a magnitude word."""

DAY_OF_MONTH_BEFORE = re.compile(rf"(?:{MONTH_WORDS})\.?\s+\Z")
"""'June ' right before a number: the number is a day of the month."""
DAY_OF_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_WORDS})\b")
"""' June' right after a number: '25 June 2024'."""
YEAR_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|from|until|till|to|the|early|late|mid|before|after|during|and|or|year)|[-–/])\s*\Z",
    re.IGNORECASE,
)
"""Words before a bare four-digit number that make it a year ('in 2024', 'since 2021')."""

SCOPE = re.compile(
    rf"""
    \b(?: in | during | over | for ) \s+ (?:the\s+)? (?:first|second|third|fourth|last|past|final|previous)
        \s+ (?: quarter | half | (?:[a-z0-9]+\s+)? (?:days|weeks|months|years|decades) | year | month | week )
        (?: \s+ of \s+ (?: this | last | the | [0-9]{{4}} ) (?:\s+year)? )?
    | \b in \s+ [0-9]{{4}}
    | \b since \s+ (?: {MONTH_WORDS} | [0-9]{{4}} | last \s+ [a-z]+ | the \s+ start \s+ of \s+ [a-z0-9]+ )
        (?: \s+ [0-9]{{4}} )?
    | \b in \s+ recent \s+ (?: days | weeks | months | years )
    | \b since \s+ (?: the \s+ )? [a-z]+ \s+ (?: began | started | broke \s+ out )
    | \b (?: so \s+ far | to \s+ date | this \s+ year | last \s+ year | this \s+ month | last \s+ month )\b
    | \b as \s+ of \s+ (?: {MONTH_WORDS} | [0-9]{{4}} | [a-z]+day )
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""Time scopes that make two counts different quantities ('in 2024', 'since January', 'so far')."""

TIME_OF_DAY = re.compile(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|BST\b|ET\b)", re.IGNORECASE)
"""'3 a.m.': a time, not a count."""

IMPLIED_SUBJECT_AFTER = re.compile(
    r"\s+(?:(?P<aux>have|has|had|were|was|are|is)\s+(?:been\s+|now\s+|also\s+)?)?(?P<word>[a-z]+)"
)
"""What must follow a bare number for it to count people: an event word, perhaps after an auxiliary."""

SINGULAR_AUXILIARIES = frozenset({"has", "was", "is"})
"""'Windows 10 was released': a count above one takes a plural verb; a singular one makes it a name."""

CLAUSE_PUNCTUATION = r"[,;:(\[—–]|\s-\s|--"
"""Punctuation that ends the words describing a number (the words that do are data: clause_breaks)."""

ANTECEDENT_GAP = re.compile(r"\s*,\s*(?:(?:in|on|at|during|of)\s+)?")
"""What stands between an antecedent's time and the relative pronoun: 'December 2003, in which',
'on Monday, which' (not 'told him on Monday that', where 'that' opens what was told)."""

NAME_BEFORE = re.compile(r"(?P<word>[A-Z][\w+]*)\s\Z")
"""A capitalised word right before a number: 'Mercurial 5.2' is a name with a version."""

WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)\.?\s\Z")
"""The word right before a number ('flight 370', 'No. 1')."""

SUBJECT_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
"""One word of a counted subject."""

OTHERS = frozenset({"others", "more"})
"""Words that take their subject from the previous number in the sentence ('three others')."""

RELATIVES = frozenset({"whom", "which", "them", "these", "those"})
"""After 'of', words that point back to the previous count ('more than half of whom')."""

DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "all"})
"""Words skipped between 'of' and what is counted ('a quarter of its planned contingent')."""

NOT_A_SHARE_BEFORE = re.compile(
    r"\b(?:the|first|second|latter|former|same|other|top|bottom|back|front)\s+\Z", re.IGNORECASE
)
"""'the first half of season 7', 'the same half of the draw': a part, not a share of a count."""

FRACTION_TOLERANCE = 0.05
"""How loosely an unhedged fraction is read: 'half of' is 45-55%."""

ORDINAL_EVENT_AFTER = re.compile(r"\s+to\s+(?:be\s+|have\s+been\s+)?(?P<word>[a-z]+)")
"""What must follow 'the first Kenyan officer' for an ordinal to imply a count: 'to be killed'."""

PLACE_BEFORE_PARENTHESIS = re.compile(r"(?P<place>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)\s?\(\Z")
"""'Italy (' right before a number: the count belongs to that place ('Italy (120)')."""

SENTENCE_REACH = 500
"""Characters of a sentence read either side of a number: more than a news sentence needs
(the same findings on the ECB+ and FactCC/FRANK corpora as reading whole sentences)."""
CONTEXT_CHARS = 80
"""How far left and right of a number its cues are looked for (before clause breaks apply)."""

PLAIN_FORMS = frozenset({"digits", "words", "vague"})
"""Numbers that count things (not shares, ordinals or labels)."""

IMPLIED_PEOPLE_EVENTS = frozenset({"killed", "injured", "displaced", "kidnapped", "arrested", "evacuated", "freed"})
"""Events whose count with no noun ('580,000 displaced', '5,600 were killed') counts people.
Only for numbers in digits or vague words: a spelled-out 'One was...' is usually a pronoun."""


@cache
def _start_finder() -> StartFinder:
    """The patterns of numbers, with what every match of each opens with."""
    data, patterns = quantity_data(), _patterns()
    return StartFinder(
        {
            "digits": (DIGIT_NUMBER, DIGITS),
            "word_number": (patterns["word_number"], (*data.number_words, *data.vague_quantities)),
            "fraction": (patterns["fraction"], data.fractions),
            "ordinal": (patterns["ordinal"], [f"the {word}" for word in data.ordinals]),
        }
    )


@cache
def _patterns() -> dict[str, Any]:
    data = quantity_data()
    event_of = {phrase.lower(): event for event, phrases in data.events.items() for phrase in phrases}
    modality_of = {phrase.lower(): modality for modality, phrases in data.modalities.items() for phrase in phrases}
    synonym_of = {word.lower(): key for key, words in data.subject_synonyms.items() for word in words}
    word_numbers: dict[str, tuple[int, int | None]] = {k: (v, v) for k, v in data.number_words.items()}
    word_numbers.update({k: (v, None) for k, v in data.vague_quantities.items()})
    cues = {place: frozenset(words) for place, words in data.different_set_cues.items()}
    relative = "|".join(data.relative_pronouns)
    anaphors = phrase_regex(data.anaphors)
    return {
        "fraction": re.compile(phrase_regex(list(data.fractions)) + r"(?=\s+of\b)", re.IGNORECASE),
        "fractions": {k.lower(): v for k, v in data.fractions.items()},
        "ordinal": phrase_pattern([f"the {word}" for word in data.ordinals]),
        "ordinals": {k.lower(): v for k, v in data.ordinals.items()},
        "hedge_before": re.compile(phrase_regex(list(data.hedges)) + r"\s+\Z", re.IGNORECASE),
        "hedge_words": frozenset(word for hedge in data.hedges for word in hedge.split()),
        "word_number": phrase_pattern(list(word_numbers)),
        "word_numbers": {k.lower(): v for k, v in word_numbers.items()},
        "event": phrase_pattern(list(event_of)),
        "event_of": event_of,
        "not_event": phrase_pattern(data.not_events),
        "adjacent": frozenset(data.adjacent_events),
        "bridges": frozenset(data.event_bridges),
        "modality": phrase_pattern(list(modality_of)),
        "modality_of": modality_of,
        "synonym_of": synonym_of,
        "scores": frozenset(data.score_nouns) | frozenset(singular(word) for word in data.score_nouns),
        "labels": frozenset(data.label_words),
        "stop": frozenset(word.lower() for word in data.subject_stop_words)
        | frozenset(m.lower() for m in MONTH_WORDS.split("|"))
        | {"last", "next", "this", "alone"},
        "durations": frozenset(data.duration_units),
        "clause_break": re.compile(
            CLAUSE_PUNCTUATION + "|" + phrase_regex([*data.clause_breaks, *people_data().speaking], flags=0)
        ),
        "relative_pronouns": frozenset(data.relative_pronouns),
        "dating": frozenset(data.dating_clauses),
        "relative_after": re.compile(rf"\s*(?:{relative})\s+(?P<word>[a-z]+)"),
        "auxiliaries": frozenset(data.auxiliaries),
        "incidents": frozenset(data.incident_nouns),
        "cues": cues,
        "cue_before": re.compile(rf"\b(?:{'|'.join(sorted(cues['before']))})\s+(?:[a-z]+\s+)?\Z", re.IGNORECASE),
        "part_words": frozenset(data.part_prepositions),
        "part_after": re.compile(rf"\s+(?:{'|'.join(data.part_prepositions)})\s"),
        "anaphor": re.compile(
            rf"\b(?:{'|'.join(data.anaphor_prepositions)})\s+{anaphors}\s+(?P<noun>[a-z]+)(?:[ -](?P<head>[a-z]+))?",
            re.IGNORECASE,
        ),
        "anchor": quantity_data().time_anchor_pattern(),
        "weekdays": frozenset(day.lower() for day in WEEKDAYS),
    }


def _normal_phrase(text: str) -> str:
    return " ".join(text.lower().split())


def _normal_spaces(text: str) -> str:
    """'United\nStates' -> 'United States': phrases may be wrapped across lines."""
    return " ".join(text.split())


def singular(word: str) -> str:
    """Crude English singular for matching heads ('officers' -> 'officer')."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def subject_key(words: list[str]) -> str | None:
    """Normalise a counted subject through the synonym table ('police personnel' -> 'police');
    a score ('points', 'rebounds') has none."""
    if not words:
        return None
    patterns = _patterns()
    synonym_of = patterns["synonym_of"]
    lowered = [word.lower() for word in words]
    if lowered[-1] in patterns["scores"] or " ".join(lowered[-2:]) in patterns["scores"]:
        return None  # '11 points': one player's score, not a count to contradict
    for size in (2, 1):
        if len(lowered) >= size:
            phrase = " ".join(lowered[-size:])
            if phrase in synonym_of:
                return synonym_of[phrase]
    return singular(lowered[-1])


def round_tolerance(number_text: str, value: float) -> float:
    """How far an unhedged round number may be from the truth: '700' may be 690, '713' is exact.

    Half the unit of the last non-zero written digit, capped at 5% of the value, and only for
    numbers of at least 100 written with trailing zeros (or a decimal with a magnitude).
    """
    digits = number_text.replace(",", "").replace(".", "")
    if value < 100 or (not digits.endswith("00") and "." not in number_text):
        return 0.0
    significant = digits.rstrip("0")
    unit = value / float(significant) if significant and float(significant) else value
    return min(unit / 2, value * 0.05)


class Number(NamedTuple):
    """A number found in the text, before its context is read."""

    start: int
    end: int
    value: float
    low: float
    high: float | None
    unit: str
    form: str
    """digits, words, vague ('hundreds'), fraction ('a quarter of'), ordinal ('the first ... to be killed')
    or label ('flight 370', 'season 2')."""


class Previous(NamedTuple):
    """The last counted subject in the text: 'three others' and 'Italy (120)' borrow it."""

    sentence_start: int
    subject_words: list[str]
    event: str | None


class Clause(NamedTuple):
    """The words around a number that belong to its own clause: left of it (from the last
    clause break) and right of what it counts (to the next break or the next number)."""

    left_start: int
    left: str
    right_start: int
    right: str
    opened_by: int | None
    """Where the relative pronoun that opens the clause stands ('a quake that killed…'), if one does."""
    dated_to: int
    """How far a time named after the count dates it: its clause, and a 'when' clause that
    follows it ('50 were injured when a quake razed the villages on Sunday')."""

    @property
    def end(self) -> int:
        return self.right_start + len(self.right)


class Draft(NamedTuple):
    """A claim's fields before the list it may belong to is known ('12 in the north, 10 in the south')."""

    number: Number
    fields: dict[str, Any]
    subject_words: list[str]
    owner: str | None


class _Reader:
    """Reads the quantity claims of one document."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.text: str = context.text
        self.patterns = _patterns()
        self.sentence_places: dict[tuple[int, int], list[tuple[int, str]]] = {}
        self.sentence_scopes: dict[tuple[int, int], tuple[list[tuple[int, str]], list[tuple[int, str]]]] = {}

    def read(self) -> list[QuantityClaim]:
        found = self._numbers()
        drafts: list[Draft] = []
        previous: Previous | None = None
        for index, number in enumerate(found):
            following = found[index + 1].start if index + 1 < len(found) else len(self.text)
            draft = self._draft(number, previous, max(following, number.end))
            drafts.append(draft)
            if draft.subject_words:
                previous = Previous(draft.fields["sentence_start"], draft.subject_words, draft.fields["event"])
        self._mark_parts(drafts)
        return [construct(QuantityClaim, **draft.fields) for draft in drafts]

    def _numbers(self) -> list[Number]:
        text = self.text
        starts = _start_finder().find(text)
        found: list[Number] = []
        for match in starts.finditer("digits"):
            parsed = self._digit_number(match)
            if parsed is not None:
                found.append(parsed)
        for match in starts.finditer("word_number"):
            parsed = self._word_number(match)
            if parsed is not None:
                found.append(parsed)
        for match in starts.finditer("fraction"):
            if not NOT_A_SHARE_BEFORE.search(text, max(0, match.start() - 10), match.start()):
                found.append(self._fraction(match))
        for match in starts.finditer("ordinal"):
            parsed = self._ordinal(match)
            if parsed is not None:
                found.append(parsed)
        found.sort()
        return found

    def _digit_number(self, match: re.Match[str]) -> Number | None:
        text = self.text
        start, end = match.span()
        before = text[start - 1] if start else " "
        if before.isalnum() or (before in "-_./:#" and start > 1 and text[start - 2].isalnum()):
            return None  # G20, COVID-19, 1.2.3, 10:30
        after = text[end] if end < len(text) else " "
        number_text = match.group()
        for separator in THOUSANDS_SEPARATORS:
            number_text = number_text.replace(separator, "")
        value = float(number_text)
        if not math.isfinite(value):
            return None
        tail = AFTER_NUMBER.match(text, end)
        magnitude = tail.group("magnitude") if tail else None
        percent = tail.group("percent") if tail else None
        if after.isalpha() and not magnitude:
            return None  # 25th, 5G
        if after == "-" and end + 1 < len(text) and text[end + 1].isalnum():
            return None  # 26-year-old, 6-foot-7: a compound adjective, not a count
        if TIME_OF_DAY.match(text, end):
            return None
        if after == ":" or (after == "." and end + 1 < len(text) and text[end + 1].isdigit()):
            return None
        if DAY_OF_MONTH_BEFORE.search(text, max(0, start - 12), start) or DAY_OF_MONTH_AFTER.match(text, end):
            return None
        if (
            match.group().isdigit()
            and len(number_text) == 4
            and 1800 <= value <= 2100
            and (YEAR_CONTEXT_BEFORE.search(text, max(0, start - 12), start) or not after.isspace())
        ):
            return None
        claim_end = tail.end() if tail and (magnitude or percent) else end
        if magnitude:
            value *= quantity_data().magnitudes[magnitude.lower()]
        unit = "%" if percent else ""
        currency = self._currency(start)
        if currency:
            start -= len(currency)
            unit = currency
        tolerance = round_tolerance(number_text, value) if not percent else 0.0
        form = "label" if not unit and self._labelled(match.start()) else "digits"
        return Number(start, claim_end, value, value - tolerance, value + tolerance, unit, form)

    def _labelled(self, start: int) -> bool:
        """'flight 370', 'season 2', 'No. 1': a label word before the number makes it a name."""
        before = WORD_BEFORE.search(self.text, max(0, start - 24), start)
        return bool(before) and before.group("word").lower() in self.patterns["labels"]

    def _currency(self, start: int) -> str:
        for sign in sorted(quantity_data().currencies, key=len, reverse=True):
            if self.text.startswith(sign, start - len(sign)) and start >= len(sign):
                return sign
        return ""

    def _word_number(self, match: re.Match[str]) -> Number | None:
        low, high = self.patterns["word_numbers"][_normal_phrase(match.group())]
        start, end = match.span()
        text = self.text
        if text.startswith("-", end):  # twenty-five, nine-member
            rest = re.match(r"-([a-z]+)", text[end : end + 12])
            if rest and high is not None and self.patterns["word_numbers"].get(rest.group(1), (0, None))[1]:
                extra = self.patterns["word_numbers"][rest.group(1)][0]
                low, high, end = low + extra, high + extra, end + rest.end()
        if match.group().lower() == "one" and not text[end : end + 1].isspace():
            return None
        vague = high is None
        return Number(
            start, end, float(low), float(low), None if vague else float(high), "", "vague" if vague else "words"
        )

    def _fraction(self, match: re.Match[str]) -> Number:
        value = self.patterns["fractions"][_normal_phrase(match.group())]
        low, high = max(0.0, value - FRACTION_TOLERANCE), min(1.0, value + FRACTION_TOLERANCE)
        return Number(match.start(), match.end(), value, low, high, "share", "fraction")

    def _ordinal(self, match: re.Match[str]) -> Number | None:
        """'the first Kenyan officer to be killed': one killed, as of that report."""
        word = match.group().split()[-1]
        start = match.end() - len(word)
        sentence_end = self._reach(start, match.end())[1]
        _, _, subject_end = self._subject(match.end(), sentence_end)
        event = ORDINAL_EVENT_AFTER.match(self.text, subject_end)
        if subject_end == match.end() or not event:
            return None
        if self.patterns["event_of"].get(event.group("word")) not in IMPLIED_PEOPLE_EVENTS:
            return None
        count = float(self.patterns["ordinals"][word.lower()])
        return Number(start, match.end(), count, count, count, "", "ordinal")

    def _reach(self, start: int, end: int) -> tuple[int, int]:
        """The number's sentence, at most SENTENCE_REACH characters either side of it: a table or
        a list with no full stop is one long 'sentence', and every number would otherwise read
        all of it (quadratic time on such text)."""
        sentence_start, sentence_end = self.context.sentence_span(start)
        return max(sentence_start, start - SENTENCE_REACH), min(sentence_end, end + SENTENCE_REACH)

    def _draft(self, number: Number, previous: Previous | None, following: int) -> Draft:
        """Read one number: what it counts, what happened to them, in which frame."""
        start, end = number.start, number.end
        sentence_start, sentence_end = self._reach(start, end)
        sentence_end = max(sentence_end, end)
        hedge_text, hedge_kind, claim_start = self._hedge(start)
        low, high = number.low, number.high
        if hedge_kind is not None and number.form != "vague":
            low, high = hedged(number.value, hedge_kind)
            if number.form == "fraction":
                high = 1.0 if high is None else min(high, 1.0)
        words, event_in_subject, subject_end = self._subject(end, sentence_end, number.form == "fraction")
        same_sentence = previous is not None and previous.sentence_start == sentence_start
        subject_words = words
        inherited_event = None
        owner = self._parenthesised_owner(start, end)
        points_back = len(words) == 1 and words[0].lower() in OTHERS | RELATIVES
        if points_back or (owner and not words):
            subject_words = previous.subject_words if previous and same_sentence else []
            inherited_event = previous.event if previous and same_sentence and owner else None
        duration = bool(subject_words) and subject_words[0].lower() in self.patterns["durations"]
        label = self._is_label(number, subject_words, sentence_start)
        if duration or label:
            subject_words, event_in_subject = [], None
        key = subject_key(subject_words)
        if key is None and not subject_words and not duration and not label and self._counts_people(number):
            key = quantity_data().implied_subject
        event = event_in_subject or inherited_event
        fields: dict[str, Any] = {"event": event, "modality": "unknown", "scope": None, "places": ()}
        if key is not None or number.unit:
            clause = self._clause(sentence_start, claim_start, subject_end, min(sentence_end, following))
            event = event_in_subject or self._clause_event(clause, claim_start, subject_end) or inherited_event
            fields["event"] = event
            if self.context.every_claim or (key is not None and event is not None):
                scope, elsewhere = self._frame(number, clause, sentence_start, sentence_end, claim_start)
                modality = self._modality(clause, end, claim_start, subject_words, sentence_start)
                places = self._places(sentence_start, sentence_end, subject_words, end, owner)
                fields.update(modality="unknown" if elsewhere else modality, scope=scope, places=places)
        fields.update(
            self.context.location(KIND, claim_start, end),
            kind=KIND,
            value=number.value,
            low=low,
            high=high,
            hedge=hedge_text,
            unit=number.unit or None,
            subject=" ".join(subject_words) if subject_words else None,
            subject_key=key,
            reported=self.context.document.date,
        )
        return Draft(number, fields, subject_words, owner)

    def _is_label(self, number: Number, subject_words: list[str], sentence_start: int) -> bool:
        """A number that names rather than counts: 'season 2', 'Mercurial 5.2', 'Apollo 11 landed'.

        After a capitalised word that is no sentence opener, a hedge, a day, a month or a place,
        a number with nothing counted after it is a name; a decimal there always is one.
        """
        if number.form == "label":
            return True
        if number.form != "digits" or number.unit:
            return False
        decimal = self._bare_decimal(number)
        before = NAME_BEFORE.search(self.text, max(0, number.start - 30), number.start)
        if before is None or (subject_words and not decimal):
            return False
        word = before.group("word")
        if before.start() <= sentence_start + 1 and not decimal:
            return False  # 'Only 12 died': a sentence opener, not a name
        lowered = word.lower()
        patterns = self.patterns
        return not (
            lowered in patterns["stop"]
            or lowered in patterns["hedge_words"]
            or lowered in patterns["weekdays"]
            or lowered in patterns["event_of"]
            or word in place_index()
        )

    def _bare_decimal(self, number: Number) -> bool:
        """'3.0', '5.2': a decimal with no magnitude, unit or counted noun counts no whole things."""
        written = self.text[number.start : number.end]
        return "." in written and written.replace(".", "").replace(",", "").isdigit()

    def _parenthesised_owner(self, start: int, end: int) -> str | None:
        """The place a bracketed count belongs to: 'Italy (120)' -> Italy."""
        if not self.text.startswith(")", end):
            return None
        match = PLACE_BEFORE_PARENTHESIS.search(self.text, max(0, start - 40), start)
        return place_index().get(match.group("place")) if match else None

    def _counts_people(self, number: Number) -> bool:
        """'580,000 displaced', '5,600 were killed': a bare whole number followed by a people event,
        with a verb that agrees ('Windows 10 was released' names a thing; '3.0' counts nothing)."""
        if number.form not in ("digits", "vague") or self._bare_decimal(number):
            return False
        following = IMPLIED_SUBJECT_AFTER.match(self.text, number.end)
        if not following or self.patterns["event_of"].get(following.group("word")) not in IMPLIED_PEOPLE_EVENTS:
            return False
        return number.value == 1 or following.group("aux") not in SINGULAR_AUXILIARIES

    def _hedge(self, start: int) -> tuple[str | None, str | None, int]:
        match = self.patterns["hedge_before"].search(self.text, max(0, start - 24), start)
        if match is None:
            return None, None, start
        hedge = _normal_phrase(match.group())
        return match.group().strip(), quantity_data().hedges[hedge], match.start()

    def _subject(self, end: int, limit: int, fraction: bool = False) -> tuple[list[str], str | None, int]:
        """Words after the number naming what is counted; an event word ends them.

        Only a fraction reads through 'of the': 'half of the officers', but 'season 2 of the show'.
        """
        text = self.text
        patterns = self.patterns
        position = end
        words: list[str] = []
        seen_lowercase = False
        hyphen = re.match(r"-(member|strong)\b", text[end : end + 10])
        event: str | None = "members" if hyphen else None
        if hyphen:
            position = end + hyphen.end()
        for _ in range(6):
            gap = position
            while gap < limit and text[gap] == " ":
                gap += 1
            if (gap == position and words) or gap >= limit:
                break
            match = SUBJECT_WORD.match(text, gap, limit)
            if match is None:
                break
            word = match.group().rstrip("'’")
            lowered = word.lower()
            if not words and (
                lowered == "of" or (fraction and lowered in DETERMINERS and text[position - 3 : position] == " of")
            ):
                position = match.end()
                continue
            if not words and lowered in RELATIVES and text[position - 3 : position] == " of":
                words.append(word)
                position = match.end()
                break
            if lowered in patterns["event_of"] and not words:
                event = patterns["event_of"][lowered]
                break
            if lowered in patterns["stop"] or lowered in patterns["event_of"]:
                break
            if (word[0].isupper() and seen_lowercase) or (words and lowered.endswith("ed")):
                break
            seen_lowercase = seen_lowercase or word[0].islower()
            words.append(word)
            position = match.end()
            if len(words) == 4:
                break
        return words, event, position

    def _clause(self, sentence_start: int, claim_start: int, subject_end: int, limit: int) -> Clause:
        """The number's own clause. A relative clause right after what it counts, whose verb
        follows at once, describes the counted ('10 people who died', '400 officers who were
        deployed'); a complement clause does not ('told the other nine jurors that they…')."""
        text = self.text
        breaks = self.patterns["clause_break"]
        left_limit = max(sentence_start, claim_start - CONTEXT_CHARS)
        cuts = list(breaks.finditer(text, left_limit, claim_start))
        cut = cuts[-1] if cuts else None
        left_start = cut.end() if cut else left_limit
        opened_by = cut.start() if cut and cut.group().isalpha() else None
        right_limit = max(subject_end, min(limit, subject_end + CONTEXT_CHARS))
        first = breaks.search(text, subject_end, right_limit)
        relative = self.patterns["relative_after"].match(text, subject_end, right_limit)
        if first and relative and relative.start("word") > first.start() and self._describes(relative.group("word")):
            first = breaks.search(text, first.end(), right_limit)
        right_end = first.start() if first else right_limit
        dated_to = right_end
        if first and first.group() in self.patterns["dating"]:
            after = breaks.search(text, first.end(), max(first.end(), limit))
            dated_to = after.start() if after else max(first.end(), limit)
        right = text[subject_end:right_end]
        return Clause(left_start, text[left_start:claim_start], subject_end, right, opened_by, dated_to)

    def _describes(self, word: str) -> bool:
        """A relative clause whose first word is an auxiliary or an event verb ('who died', 'that were sent')."""
        return word in self.patterns["auxiliaries"] or word in self.patterns["event_of"]

    def _clause_event(self, clause: Clause, claim_start: int, subject_end: int) -> str | None:
        """The nearest event word of the number's own clause. Before the number, only bridge words
        may stand between ('killed 12', 'the death toll rose to 24'; not 'a death sentence by
        three jurors'); phrases that only contain an event word ('death penalty') are none."""
        text = self.text
        patterns = self.patterns
        masked = [m.span() for m in patterns["not_event"].finditer(text, clause.left_start, clause.end)]
        best: tuple[int, str] | None = None
        for side, offset, window in (
            ("left", clause.left_start, clause.left),
            ("right", clause.right_start, clause.right),
        ):
            for match in patterns["event"].finditer(window):
                begin, finish = offset + match.start(), offset + match.end()
                if any(begin < mask_end and mask_start < finish for mask_start, mask_end in masked):
                    continue
                event = patterns["event_of"][_normal_phrase(match.group())]
                if side == "left":
                    gap = text[finish:claim_start].lower().split()
                    if event in patterns["adjacent"] or any(word not in patterns["bridges"] for word in gap):
                        continue
                elif event in patterns["adjacent"]:
                    gap = text[subject_end:begin].lower().split()
                    if any(word not in patterns["auxiliaries"] for word in gap):
                        continue
                distance = claim_start - finish if side == "left" else begin - subject_end
                candidate = (distance, event)
                if best is None or candidate < best:
                    best = candidate
        return best[1] if best else None

    def _modality(self, clause: Clause, end: int, start: int, subject_words: list[str], sentence_start: int) -> str:
        patterns = self.patterns
        found = {patterns["modality_of"][_normal_phrase(m.group())] for m in patterns["modality"].finditer(clause.left)}
        near_left = self.text[max(clause.left_start, start - 24) : start].lower()
        if re.match(r"\s+more\b", self.text[end : end + 8]):
            return "increment"
        if any(cue in near_left for cue in quantity_data().modalities["increment"]):
            return "increment"
        for modality in ("pledged", "planned"):
            if modality in found:
                return modality
        for match in patterns["modality"].finditer(clause.right):
            modality = patterns["modality_of"][_normal_phrase(match.group())]
            if modality in ("pledged", "planned"):
                return modality
        return "increment" if self._another_set(clause, start, subject_words, sentence_start) else "actual"

    def _another_set(self, clause: Clause, start: int, subject_words: list[str], sentence_start: int) -> bool:
        """'six further stamps', 'the other nine jurors', 'three people also died', 'In another
        attack, …': the count is of a set beside the one the story counts."""
        cues = self.patterns["cues"]
        if any(word.lower() in cues["subject"] for word in subject_words):
            return True
        if self.patterns["cue_before"].search(self.text, max(clause.left_start, start - 30), start):
            return True
        if any(word in cues["clause"] for word in re.findall(r"[a-z]+", clause.right)):
            return True
        comma = self.text.find(",", sentence_start, start)
        opener = self.text[sentence_start:comma] if comma != -1 and comma - sentence_start < 50 else ""
        return any(word in cues["opener"] for word in re.findall(r"[a-z]+", opener.lower()))

    def _frame(
        self, number: Number, clause: Clause, sentence_start: int, sentence_end: int, start: int
    ) -> tuple[str | None, bool]:
        """The count's time scope, and whether it belongs to another event than the story's.

        A time named in its own clause comes first ('on Monday', 'By Wednesday', 'in 2024'; a
        'when' clause after it dates it too), then one its antecedent ends with ('the disaster
        in December 2003, in which…'), then one opening its sentence ('In December 2003, …'),
        then one named before an event it points back to ('in those bombings'), then any scope
        phrase of the sentence. A count in a relative clause on an event introduced with 'a'
        ('a quake that killed…'), or tied to an earlier event whose time is not known, belongs
        elsewhere.
        """
        if number.form == "ordinal":
            return quantity_data().ordinal_scope, False
        elsewhere = self._introduced_event(clause)
        span = (sentence_start, sentence_end)
        own = self._nearest_scope(span, clause.left_start, clause.dated_to, start, anchors=True)
        if own:
            return own, elsewhere
        antecedent = self._antecedent_time(clause)
        if antecedent:
            return antecedent, elsewhere
        opener = self.patterns["anchor"].match(self.text, sentence_start + _leading_space(self.text, sentence_start))
        if opener:
            return _anchor_scope(opener), elsewhere
        back = self._pointed_back(sentence_start, clause.end)
        if back is not None:
            scope = back or None
            return scope, elsewhere or not back
        return self._nearest_scope(span, sentence_start, sentence_end, start, anchors=False), elsewhere

    def _antecedent_time(self, clause: Clause) -> str | None:
        """'the disaster in December 2003, in which more than 31,000 people were killed': a count
        in a relative clause takes the time its antecedent ends with."""
        if clause.opened_by is None:
            return None
        if self.text[clause.opened_by : clause.left_start].lower() not in self.patterns["relative_pronouns"]:
            return None
        anchors = list(self.patterns["anchor"].finditer(self.text, max(0, clause.opened_by - 60), clause.opened_by))
        if anchors and ANTECEDENT_GAP.fullmatch(self.text, anchors[-1].end(), clause.opened_by):
            return _anchor_scope(anchors[-1])
        return None

    def _nearest_scope(self, span: tuple[int, int], begin: int, finish: int, start: int, anchors: bool) -> str | None:
        """The scope phrase of the sentence nearest the number among those that open between
        begin and finish (and may run on: 'on June 17, 1972')."""
        if span not in self.sentence_scopes:
            text = self.text
            self.sentence_scopes[span] = (
                [(m.start(), _normal_phrase(m.group())) for m in SCOPE.finditer(text, *span)],
                [(m.start(), _anchor_scope(m)) for m in self.patterns["anchor"].finditer(text, *span)],
            )
        phrases, times = self.sentence_scopes[span]
        best: tuple[int, str] | None = None
        for position, scope in [*phrases, *times] if anchors else phrases:
            distance = abs(position - start)
            if begin <= position < finish and (best is None or distance < best[0]):
                best = (distance, scope)
        return best[1] if best else None

    def _pointed_back(self, sentence_start: int, end: int) -> str | None:
        """'seven died in those bombings', 'in that earlier attack': the time of the sentence
        before, where the event was named ('' when it names none); None when the count points
        back to no event ('in that country', 'during that time')."""
        match = self.patterns["anaphor"].search(self.text, sentence_start, end)
        if match is None or not any(self._incident(word) for word in match.group("noun", "head") if word):
            return None
        if sentence_start == 0:
            return ""
        before_start, _ = self.context.sentence_span(sentence_start - 1)
        anchors = list(self.patterns["anchor"].finditer(self.text, before_start, sentence_start))
        return _anchor_scope(anchors[0]) if anchors else ""

    def _incident(self, word: str) -> bool:
        """An event noun ('quake', 'bombings')."""
        lowered = word.lower()
        return lowered in self.patterns["incidents"] or singular(lowered) in self.patterns["incidents"]

    def _introduced_event(self, clause: Clause) -> bool:
        """'destroyed in a quake that killed tens of thousands': the relative clause that holds
        the count hangs on an event introduced with 'a'/'an', another event than the story's."""
        if clause.opened_by is None:
            return False
        if self.text[clause.opened_by : clause.left_start].lower() not in self.patterns["relative_pronouns"]:
            return False
        words = re.findall(r"[\w.'-]+|[^\w\s]", self.text[max(0, clause.opened_by - 80) : clause.opened_by])[-10:]
        for index in range(len(words) - 1, max(-1, len(words) - 6), -1):
            if self._incident(words[index]):
                for article in reversed(words[max(0, index - 5) : index]):
                    lowered = article.lower()
                    if lowered in ("a", "an", "another"):
                        return True
                    if lowered in DETERMINERS or not article[0].isalnum():
                        return False
                return False
        return False

    def _mark_parts(self, drafts: list[Draft]) -> None:
        """'12 people died in the north, 10 in the south and 2 in the capital': counts listed in
        one sentence, each qualified by where it stands, are parts of a total; each is compared
        with nothing (a part is not the whole), unless each belongs to a place of its own."""
        for first, second in itertools.pairwise(drafts):
            a, b = first.fields, second.fields
            if a["sentence_start"] != b["sentence_start"] or a["unit"] or b["unit"]:
                continue
            if first.number.form not in PLAIN_FORMS or second.number.form not in PLAIN_FORMS:
                continue
            if first.owner and second.owner and first.owner != second.owner:
                continue
            gap = self.text[first.number.end : b["start"]]
            joint = _list_joint(gap)
            if joint is None or any(mark in gap[:joint] for mark in ",;:"):
                continue
            qualified = any(word in self.patterns["part_words"] for word in gap[:joint].lower().split())
            elliptical = not second.subject_words and self.patterns["part_after"].match(self.text, second.number.end)
            same = b["subject_key"] is not None and (b["subject_key"], b["event"]) == (a["subject_key"], a["event"])
            if qualified and (elliptical or same):
                for part in (a, b):
                    if part["subject_key"] is not None:
                        part["modality"] = "unknown"

    def _places(
        self, sentence_start: int, sentence_end: int, subject_words: list[str], end: int, owner: str | None
    ) -> tuple[str, ...]:
        """Places in the sentence, the count's owner first (a demonym in its subject, or the first place)."""
        span = (sentence_start, sentence_end)
        if span not in self.sentence_places:
            index = place_index()
            self.sentence_places[span] = [
                (m.start(), index[_normal_spaces(m.group())]) for m in place_pattern().finditer(self.text, *span)
            ]
        places = [place for _, place in self.sentence_places[span]]
        index = place_index()
        owners = [owner] if owner else []
        owners += [index[word] for word in subject_words if word in index]
        from_place = re.match(r"\s+[a-z ]{0,30}?from\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)", self.text[end : end + 60])
        if from_place and from_place.group(1) in index:
            owners.append(index[from_place.group(1)])
        ordered = owners + places
        return tuple(dict.fromkeys(ordered))


def _list_joint(gap: str) -> int | None:
    """Where the joint that lists the next count begins, if the gap between two counts ends
    with one (', ', ' and ', ', and ': '12 in the north, 10 in the south and 2 in the capital')."""
    body = gap.rstrip()
    if len(body) == len(gap):
        return None
    if body.endswith("and") and len(body) > 3 and body[-4].isspace():
        body = body[:-3].rstrip()
        return len(body) - 1 if body.endswith((",", ";")) else len(body)
    return len(body) - 1 if body.endswith((",", ";")) else None


def _leading_space(text: str, start: int) -> int:
    """How many spaces and quotation marks open the sentence at start."""
    position = start
    while position < len(text) and position - start < 4 and text[position] in " \t\n\"'“‘(":
        position += 1
    return position - start


def _anchor_scope(match: re.Match[str]) -> str:
    """A time anchor as a scope: 'Thursday's' and 'on Thursday' -> 'on thursday', 'By Wednesday'
    -> 'by wednesday', 'In December 2003' -> 'in december 2003'."""
    day = match.group("day")
    if day:
        preposition = (match.group("day_prep") or "on").lower()
        if preposition in ("last", "this", "next", "early", "late"):
            preposition = "on"
        return f"{preposition} {day.lower()}"
    return _normal_phrase(match.group())


def extract(context: Any) -> list[QuantityClaim]:
    """Every quantity in the document, in text order."""
    return _Reader(context).read()


def describe(claim: QuantityClaim) -> str:
    """'[665, 735] · police · deployed · done · Kenya': the interval and the frame it counts in."""
    high = "∞" if claim.high is None else f"{claim.high:g}"
    parts = [f"[{claim.low:g}, {high}]", claim.subject_key, claim.event, claim.modality, claim.scope]
    places = ", ".join(claim.places)
    return " · ".join(p for p in parts if p) + (f" · {places}" if places else "")
