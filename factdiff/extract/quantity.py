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
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any, NamedTuple

from factdiff.models import QuantityClaim, construct
from factdiff.text.calendar import MONTH_WORDS
from factdiff.text.interval import hedged
from factdiff.text.lexicon import phrase_pattern, place_index, place_pattern, quantity_data

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
    r"\s+(?:(?:have|has|had|were|was|are|is)\s+(?:been\s+|now\s+|also\s+)?)?(?P<word>[a-z]+)"
)
"""What must follow a bare number for it to count people: an event word, perhaps after an auxiliary."""

CLAUSE_BREAK = re.compile(r"[,;:(\[—–]|\s-\s|\band\b|\bbut\b|\bwhile\b|\bwhereas\b")
"""Where the words that describe a number stop: cues beyond these belong to another clause."""

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

CONTEXT_CHARS = 80
"""How far left and right of a number its cues are looked for (before clause breaks apply)."""

IMPLIED_PEOPLE_EVENTS = frozenset({"killed", "injured", "displaced", "kidnapped", "arrested", "evacuated", "freed"})
"""Events whose count with no noun ('580,000 displaced', '5,600 were killed') counts people.
Only for numbers in digits or vague words: a spelled-out 'One was...' is usually a pronoun."""


@cache
def _patterns() -> dict[str, Any]:
    data = quantity_data()
    event_of = {phrase.lower(): event for event, phrases in data.events.items() for phrase in phrases}
    modality_of = {phrase.lower(): modality for modality, phrases in data.modalities.items() for phrase in phrases}
    synonym_of = {word.lower(): key for key, words in data.subject_synonyms.items() for word in words}
    word_numbers: dict[str, tuple[int, int | None]] = {k: (v, v) for k, v in data.number_words.items()}
    word_numbers.update({k: (v, None) for k, v in data.vague_quantities.items()})
    return {
        "fraction": re.compile(phrase_pattern(list(data.fractions)).pattern + r"(?=\s+of\b)", re.IGNORECASE),
        "fractions": {k.lower(): v for k, v in data.fractions.items()},
        "ordinal": phrase_pattern([f"the {word}" for word in data.ordinals]),
        "ordinals": {k.lower(): v for k, v in data.ordinals.items()},
        "hedge_before": re.compile(phrase_pattern(list(data.hedges)).pattern + r"\s+\Z", re.IGNORECASE),
        "word_number": phrase_pattern(list(word_numbers)),
        "word_numbers": {k.lower(): v for k, v in word_numbers.items()},
        "event": phrase_pattern(list(event_of)),
        "event_of": event_of,
        "modality": phrase_pattern(list(modality_of)),
        "modality_of": modality_of,
        "synonym_of": synonym_of,
        "stop": frozenset(word.lower() for word in data.subject_stop_words)
        | frozenset(m.lower() for m in MONTH_WORDS.split("|"))
        | {"last", "next", "this", "alone"},
        "durations": frozenset(data.duration_units),
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
    """Normalise a counted subject through the synonym table ('police personnel' -> 'police')."""
    if not words:
        return None
    synonym_of = _patterns()["synonym_of"]
    lowered = [word.lower() for word in words]
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
    """digits, words, vague ('hundreds'), fraction ('a quarter of') or ordinal ('the first ... to be killed')."""


class Previous(NamedTuple):
    """The last counted subject in the text: 'three others' and 'Italy (120)' borrow it."""

    sentence_start: int
    subject_words: list[str]
    event: str | None


class _Reader:
    """Reads the quantity claims of one document."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.text: str = context.text
        self.patterns = _patterns()
        self.claims: list[QuantityClaim] = []
        self.sentence_places: dict[tuple[int, int], list[tuple[int, str]]] = {}

    def read(self) -> list[QuantityClaim]:
        text = self.text
        found: list[Number] = []
        for match in DIGIT_NUMBER.finditer(text):
            parsed = self._digit_number(match)
            if parsed is not None:
                found.append(parsed)
        for match in self.patterns["word_number"].finditer(text):
            parsed = self._word_number(match)
            if parsed is not None:
                found.append(parsed)
        for match in self.patterns["fraction"].finditer(text):
            if not NOT_A_SHARE_BEFORE.search(text, max(0, match.start() - 10), match.start()):
                found.append(self._fraction(match))
        for match in self.patterns["ordinal"].finditer(text):
            parsed = self._ordinal(match)
            if parsed is not None:
                found.append(parsed)
        found.sort()
        previous: Previous | None = None
        for number in found:
            claim, subject_words = self._claim(number, previous)
            self.claims.append(claim)
            if subject_words:
                previous = Previous(claim.sentence_start, subject_words, claim.event)
        return self.claims

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
        return Number(start, claim_end, value, value - tolerance, value + tolerance, unit, "digits")

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
        sentence_end = self.context.sentence_span(start)[1]
        _, _, subject_end = self._subject(match.end(), sentence_end)
        event = ORDINAL_EVENT_AFTER.match(self.text, subject_end)
        if subject_end == match.end() or not event:
            return None
        if self.patterns["event_of"].get(event.group("word")) not in IMPLIED_PEOPLE_EVENTS:
            return None
        count = float(self.patterns["ordinals"][word.lower()])
        return Number(start, match.end(), count, count, count, "", "ordinal")

    def _claim(self, number: Number, previous: Previous | None) -> tuple[QuantityClaim, list[str]]:
        text = self.text
        patterns = self.patterns
        start, end, value, unit = number.start, number.end, number.value, number.unit
        low, high = number.low, number.high
        sentence_start, sentence_end = self.context.sentence_span(start)
        sentence_end = max(sentence_end, end)
        hedge_text, hedge_kind, claim_start = self._hedge(start)
        if hedge_kind is not None and number.form != "vague":
            low, high = hedged(value, hedge_kind)
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
        duration = bool(subject_words) and subject_words[0].lower() in patterns["durations"]
        if duration:
            subject_words = []
        subject = " ".join(subject_words) if subject_words else None
        key = subject_key(subject_words)
        if (
            key is None
            and not subject_words
            and not duration
            and number.form in ("digits", "vague")
            and self._counts_people(end)
        ):
            key = quantity_data().implied_subject
        if key is None and not unit:  # nothing counted, no money or share: no frame worth reading
            event, modality, scope, places = event_in_subject or inherited_event, "unknown", None, ()
        else:
            right_limit = min(sentence_end, subject_end + CONTEXT_CHARS)
            right = _clause_right(text, subject_end, right_limit)
            left = _clause_left(text, max(sentence_start, claim_start - CONTEXT_CHARS), claim_start)
            event = event_in_subject or self._nearest_event(left, right, claim_start, subject_end) or inherited_event
            modality = self._modality(left, right, end, claim_start)
            scope = (
                quantity_data().ordinal_scope
                if number.form == "ordinal"
                else self._scope(sentence_start, sentence_end, claim_start)
            )
            places = self._places(sentence_start, sentence_end, subject_words, end, owner)
        fields = self.context.location(KIND, claim_start, end)
        claim = construct(
            QuantityClaim,
            **fields,
            kind=KIND,
            value=value,
            low=low,
            high=high,
            hedge=hedge_text,
            unit=unit or None,
            subject=subject,
            subject_key=key,
            event=event,
            modality=modality,
            scope=scope,
            places=places,
            reported=self.context.document.date,
        )
        return claim, subject_words

    def _parenthesised_owner(self, start: int, end: int) -> str | None:
        """The place a bracketed count belongs to: 'Italy (120)' -> Italy."""
        if not self.text.startswith(")", end):
            return None
        match = PLACE_BEFORE_PARENTHESIS.search(self.text, max(0, start - 40), start)
        return place_index().get(match.group("place")) if match else None

    def _counts_people(self, end: int) -> bool:
        """'580,000 displaced', '5,600 were killed': a bare number followed by a people event."""
        following = IMPLIED_SUBJECT_AFTER.match(self.text, end)
        return bool(following) and self.patterns["event_of"].get(following.group("word")) in IMPLIED_PEOPLE_EVENTS

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

    def _nearest_event(self, left: tuple[int, str], right: tuple[int, str], start: int, end: int) -> str | None:
        best: tuple[int, str] | None = None
        event_of = self.patterns["event_of"]
        for offset, window, side in ((left[0], left[1], "left"), (right[0], right[1], "right")):
            for match in self.patterns["event"].finditer(window):
                distance = start - (offset + match.end()) if side == "left" else offset + match.start() - end
                candidate = (distance, event_of[_normal_phrase(match.group())])
                if best is None or candidate < best:
                    best = candidate
        return best[1] if best else None

    def _modality(self, left: tuple[int, str], right: tuple[int, str], end: int, start: int) -> str:
        found = {
            self.patterns["modality_of"][_normal_phrase(m.group())] for m in self.patterns["modality"].finditer(left[1])
        }
        near_left = self.text[max(left[0], start - 24) : start].lower()
        if re.match(r"\s+more\b", self.text[end : end + 8]):
            return "increment"
        if any(cue in near_left for cue in quantity_data().modalities["increment"]):
            return "increment"
        for modality in ("pledged", "planned"):
            if modality in found:
                return modality
        for match in self.patterns["modality"].finditer(right[1]):
            modality = self.patterns["modality_of"][_normal_phrase(match.group())]
            if modality in ("pledged", "planned"):
                return modality
        return "actual"

    def _scope(self, sentence_start: int, sentence_end: int, start: int) -> str | None:
        best: tuple[int, str] | None = None
        for match in SCOPE.finditer(self.text, sentence_start, sentence_end):
            distance = abs(match.start() - start)
            if best is None or distance < best[0]:
                best = (distance, _normal_phrase(match.group()))
        return best[1] if best else None

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


def _clause_left(text: str, limit: int, start: int) -> tuple[int, str]:
    window = text[limit:start]
    breaks = list(CLAUSE_BREAK.finditer(window))
    cut = breaks[-1].end() if breaks else 0
    return limit + cut, window[cut:]


def _clause_right(text: str, end: int, limit: int) -> tuple[int, str]:
    window = text[end:limit]
    match = CLAUSE_BREAK.search(window)
    return end, window[: match.start()] if match else window


def extract(context: Any) -> list[QuantityClaim]:
    """Every quantity in the document, in text order."""
    return _Reader(context).read()


def describe(claim: QuantityClaim) -> str:
    """'[665, 735] · police · deployed · done · Kenya': the interval and the frame it counts in."""
    high = "∞" if claim.high is None else f"{claim.high:g}"
    parts = [f"[{claim.low:g}, {high}]", claim.subject_key, claim.event, claim.modality, claim.scope]
    places = ", ".join(claim.places)
    return " · ".join(p for p in parts if p) + (f" · {places}" if places else "")
