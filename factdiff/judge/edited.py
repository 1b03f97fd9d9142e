"""FD401 edited-sentence: one sentence in two articles, with one fact changed.

Two sentences meet when half of each is the same (see ``extract/sentence.py``). They are
reported when everything else is the same word for word and the one changed stretch (at
most ``MAX_CHANGED`` tokens) is a typed value:
- a number whose values, read with their hedges, cannot both hold ("45" / "68"; but "45" /
  "more than 40" is compatible), or a year, a month or a day of the week; two bounds of one
  count that a hedge both share ("at least two" / "at least three") can both hold, and are
  reported low, as a possible update;
- a name or an acronym ("Godfrey" / "Godfroy", "MSS" / "MMS");
- a gendered pronoun ("he" / "she");
- any word inside a quotation, which should be word for word.
Everything else is editing, not a disagreement, and is not reported: other wording; the
typography ``quotations.typographic`` folds (apostrophes, a possessive "the NBA's" / "the NBA",
spacing, a clock time, British/American spelling) and an editor's [bracketed] words; a web
address (its digits are an identifier); a title for a title ("Inspector Gaskin" / "Mr
Gaskin"); a name for its own pronoun ("He" / "Fanning"); a place for the country that holds
it ("Nairobi" / "Kenya"). In a headline (a line mostly in capitals, or in title case with no
full stop) capitals say nothing about names, so only a number, a date or a pronoun counts
there ("Playoff Berth" / "Playoff Spot", "CUMBRIA" / "MILLOM" are a desk's wording).
Sentences from a template ("Assisted by X with a cross following a corner") describe
different events: a frame that one article fills twice, or that the coverage fills in
``TEMPLATE_FORMS`` ways or more, is a template, and its sentences are not compared.
Pairs are taken across articles only; a block larger than ``MAX_BLOCK`` is boilerplate and
skipped. This rule reports only what the typed rules (FD101, FD201…) did not already report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import cache
from typing import NamedTuple

from rapidfuzz import fuzz

from factdiff.judge import REPORT_GAP, Examples, Rule, discrepancy
from factdiff.judge.quotations import compared_words, substantive_changes
from factdiff.judge.sentences import headline, narrowed
from factdiff.models import Discrepancy, SentenceClaim
from factdiff.text.calendar import MONTH_WORDS, WEEKDAYS
from factdiff.text.fold import fold
from factdiff.text.interval import Interval, hedged
from factdiff.text.lexicon import people_data, place_index, quantity_data
from factdiff.text.names import SPELLING_SIMILARITY
from factdiff.text.quotes import quotation_open
from factdiff.text.tokens import normal_token, tokens
from factdiff.text.values import WEB_ADDRESS

MAX_CHANGED = 4
MAX_BLOCK = 24
TEMPLATE_FORMS = 4
"""A frame the coverage fills in this many ways (four goal scorers, four race results) is a template."""
SUBJECT_CHARS = 70
BOUNDS = "bounds"
"""Two bounds of one count that can both hold: reported low, as a possible update."""
MAX_HEDGE_WORDS = 3
"""Words of the longest hedge ('no fewer than', 'in excess of')."""
SEVERE_GAP = 0.2
"""Relative gap between two changed numbers above which the change is high severity."""

NUMBER = re.compile(r"[0-9][0-9,.\u00a0\u202f\u2009]*")
DAY_OR_MONTH = re.compile(rf"(?:{MONTH_WORDS}|{'|'.join(WEEKDAYS)})\Z")
QUOTES_OPEN, QUOTES_CLOSE = "“‘", "”’"


class Change(NamedTuple):
    """The one stretch that differs: (start, end) in each sentence and the tokens on each side."""

    first: tuple[int, int]
    second: tuple[int, int]
    first_words: list[str]
    second_words: list[str]


def block_keys(claim: SentenceClaim) -> Iterable[str]:
    yield f"first-half:{claim.halves[0]:016x}"
    yield f"second-half:{claim.halves[1]:016x}"


def single_change(first: str, second: str) -> Change | None:
    """The one replaced stretch of at most MAX_CHANGED tokens, or None."""
    first_tokens, second_tokens = tokens(first), tokens(second)
    matcher = SequenceMatcher(
        None,
        [normal_token(t.group()) for t in first_tokens],
        [normal_token(t.group()) for t in second_tokens],
        autojunk=False,
    )
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(changes) != 1 or changes[0][0] != "replace":
        return None
    _, a0, a1, b0, b1 = changes[0]
    if a1 - a0 > MAX_CHANGED or b1 - b0 > MAX_CHANGED:
        return None
    return Change(
        (first_tokens[a0].start(), first_tokens[a1 - 1].end()),
        (second_tokens[b0].start(), second_tokens[b1 - 1].end()),
        [t.group() for t in first_tokens[a0:a1]],
        [t.group() for t in second_tokens[b0:b1]],
    )


@cache
def _number_words() -> dict[str, float]:
    data = quantity_data()
    return {word.lower(): float(value) for word, value in data.number_words.items()}


def reading(words: list[str]) -> tuple[float, float | None, bool] | None:
    """(low, high, is_year) for 'more than 40', '45', 'two', '2014'; None if not a number."""
    *hedge_words, last = words
    number = NUMBER.fullmatch(last)
    if number:
        value = float(re.sub(r"[,\u00a0\u202f\u2009]", "", last).rstrip("."))
    elif last.lower() in _number_words():
        value = _number_words()[last.lower()]
    else:
        return None
    hedge = " ".join(hedge_words).lower()
    if hedge_words and hedge not in quantity_data().hedges:
        return None
    is_year = not hedge_words and number is not None and len(last) == 4 and 1800 <= value <= 2100
    if hedge_words:
        low, high = hedged(value, quantity_data().hedges[hedge])
        return low, high, False
    return value, value, is_year


def classify(change: Change, first: str, second: str) -> tuple[str, str] | None:
    """(kind, severity) when the change is a fact, None when it is editing."""
    if _in_web_address(first, change.first) or _in_web_address(second, change.second):
        return None
    changed_first, changed_second = first[slice(*change.first)], second[slice(*change.second)]
    if not substantive_changes(compared_words(changed_first), compared_words(changed_second)):
        return None  # typography or an editor's [bracketed] words
    a, b = change.first_words, change.second_words
    shared_hedge = _hedge_before(first[: change.first[0]])
    number = _number_change(shared_hedge + a, shared_hedge + b) if shared_hedge else _number_change(a, b)
    if number == () and shared_hedge and _number_change(a, b):
        return "quantity", BOUNDS  # 'at least two' / 'at least three': both can hold
    if number is not None:
        return number or None
    if len(a) == len(b) == 1:
        if DAY_OR_MONTH.match(a[0]) and DAY_OR_MONTH.match(b[0]):
            return "date", "high"
        pronouns = people_data().pronouns
        gender_a, gender_b = pronouns.get(a[0].lower()), pronouns.get(b[0].lower())
        if gender_a and gender_b and gender_a != gender_b:
            return "pronoun", "medium"
    if headline(first) or headline(second):
        return None  # capitals in a headline say nothing about names
    if _capitalised(a + b):
        if _same_referent(a, b):
            return None
        if all(w.isupper() and len(w) > 1 for w in a + b):
            return "acronym", "medium"
        return "name", "high" if _spelt_otherwise(a, b) else "medium"
    if quotation_open(first[: change.first[0]]) and quotation_open(second[: change.second[0]]):
        return "quote", "high"
    return None


def _spelt_otherwise(a: list[str], b: list[str]) -> bool:
    """Whether two names are one name spelt two ways ('Godfrey' / 'Geoffrey'): a slip for sure.
    Two unrelated names ('Jane' / 'Sarah') in one sentence may be a template used for two
    people ('Good morning, this is Jane from…') as much as one name put for another."""
    return fuzz.ratio(fold(" ".join(a)), fold(" ".join(b))) >= SPELLING_SIMILARITY


def _hedge_before(text: str) -> list[str]:
    """The hedge that ends the words both sentences share before the change ('killed at least'
    before 'two' / 'three'): it bounds both numbers."""
    words = text.split()[-MAX_HEDGE_WORDS:]
    hedges = quantity_data().hedges
    for size in range(len(words), 0, -1):
        if " ".join(words[-size:]).lower() in hedges:
            return words[-size:]
    return []


def _number_change(a: list[str], b: list[str]) -> tuple[str, str] | tuple[()] | None:
    """(kind, severity) for two numbers that cannot both hold, () for compatible ones, None
    when the change is not two numbers."""
    read_a, read_b = reading(a), reading(b)
    if not (read_a and read_b):
        return None
    (low_a, high_a, year_a), (low_b, high_b, year_b) = read_a, read_b
    span_a, span_b = Interval(low_a, high_a), Interval(low_b, high_b)
    if span_a.overlaps(span_b):
        return ()
    kind = "date" if year_a and year_b else "quantity"
    return kind, "high" if span_a.gap(span_b) >= SEVERE_GAP or kind == "date" else "medium"


def _capitalised(words: list[str]) -> bool:
    return all(w[:1].isupper() for w in words) and all(w.isalpha() or "-" in w or "'" in w or "’" in w for w in words)


def _in_web_address(sentence: str, span: tuple[int, int]) -> bool:
    """The change is part of a web address: its digits and words are an identifier."""
    return any(m.start() <= span[0] and span[1] <= m.end() for m in WEB_ADDRESS.finditer(sentence))


def _same_referent(a: list[str], b: list[str]) -> bool:
    """Capitalised words that name the same one two ways: a title for a title ('Inspector' /
    'Mr'), a name for its own pronoun ('He' / 'Fanning'), a word that is no name ('The' /
    'A'), a place for the country that holds it ('Nairobi' / 'Kenya'; not 'Nairobi' / 'Mombasa')."""
    people = people_data()
    titles = set(people.titles) | set(people.honorifics)
    if " ".join(a) in titles and " ".join(b) in titles:
        return True
    function_words = set(people.function_words)
    pronouns = people.pronouns
    for side in (a, b):
        if len(side) == 1 and (side[0].lower() in pronouns or side[0] in function_words):
            return True
    places = place_index()
    place_a, place_b = " ".join(a), " ".join(b)
    country = places.get(place_a)
    return country is not None and country == places.get(place_b) and country in (place_a, place_b)


KIND_PHRASES = {
    "quantity": "a number",
    "date": "a date",
    "name": "a name",
    "acronym": "an acronym",
    "pronoun": "a pronoun",
    "quote": "a word inside a quotation",
}


def template(claims: Sequence[SentenceClaim]) -> bool:
    """The block's shared half is a frame that many sentences fill: one article fills it twice
    ('Jim McAlister, 34, of Leeds, was fined...', 'Colin Daniel, 41, of Leeds, was fined...'),
    or the coverage fills it in TEMPLATE_FORMS ways or more."""
    forms: dict[str, set[tuple[int, int]]] = {}
    for claim in claims:
        forms.setdefault(claim.doc, set()).add(claim.halves)
    if any(len(halves) > 1 for halves in forms.values()):
        return True
    return len({claim.halves for claim in claims}) >= TEMPLATE_FORMS


def judge(claims: Sequence[SentenceClaim]) -> Iterable[Discrepancy]:
    if len(claims) > MAX_BLOCK or template(claims):
        return
    for index, first in enumerate(claims):
        for second in claims[index + 1 :]:
            if first.doc == second.doc or first.halves == second.halves:
                continue
            change = single_change(first.sentence, second.sentence)
            if change is None:
                continue
            verdict = classify(change, first.sentence, second.sentence)
            if verdict is None:
                continue
            kind, severity = verdict
            bounds = severity == BOUNDS
            if bounds:
                severity = "low"
            two_names = kind == "name" and severity == "medium"  # not one name spelt two ways
            apart = _days_apart(first, second)
            if kind == "quantity" and apart is not None and apart >= REPORT_GAP.days:
                severity = "low"
            shown_first, shown_second = " ".join(change.first_words), " ".join(change.second_words)
            context = " ".join(first.sentence.split())
            subject = context if len(context) <= SUBJECT_CHARS else context[: SUBJECT_CHARS - 1] + "…"
            shared_half = first.halves[0] if first.halves[0] == second.halves[0] else first.halves[1]
            yield discrepancy(
                RULE,
                subject=f"“{subject}”",
                key=f"edited:{kind}:{shared_half:016x}",
                variants=[
                    (shown_first, [narrowed(first, change.first)]),
                    (shown_second, [narrowed(second, change.second)]),
                ],
                severity=severity,
                confidence=0.6 if bounds else 0.7 if two_names else 0.9,
                kind=kind,
                explanation=(
                    f"The same sentence appears in both articles with {KIND_PHRASES[kind]} changed: "
                    f"“{shown_first}” in one, “{shown_second}” in the other. Everything else is word for word, "
                    + (
                        "and both are bounds of one count, so both can hold: the later may be an update of the earlier."
                        if bounds
                        else "but the two names are not spellings of one name: one may have been put for the other, "
                        "or the sentence is a template used for two people."
                        if two_names
                        else "so one of them was changed in editing."
                    )
                    + (
                        f" The reports are {apart} days apart: the later may be an update, not a correction."
                        if severity == "low" and kind == "quantity" and apart and not bounds
                        else ""
                    )
                ),
            )


def _days_apart(first: SentenceClaim, second: SentenceClaim) -> int | None:
    """Days between the two reports, when both are dated."""
    if first.reported is None or second.reported is None:
        return None
    return abs((first.reported - second.reported).days)


RULE = Rule(
    code="FD401",
    name="edited-sentence",
    kind="edit",
    reads=("sentence",),
    summary="One sentence in two articles, word for word but for one number, date, name, pronoun or quoted word.",
    why="Re-edited wire copy is where a changed figure or a misspelt name slips in; the rest of the sentence proves they are the same claim.",
    keys=block_keys,
    judge=judge,
    fallback=True,
    examples=Examples(
        catch=(
            (  # two floors of one count: both can hold, reported low as a possible update
                "Police said the storm killed at least two people in the fishing village of Brixham on Sunday.",
                "Police said the storm killed at least three people in the fishing village of Brixham on Sunday.",
            ),
            (
                "Police said 45 people were taken to hospital after the crash on the M6 near Stafford, "
                "and the motorway stayed closed until Tuesday evening.",
                "Police said 45 people were taken to hospital after the crash on the M6 near Stratford, "
                "and the motorway stayed closed until Tuesday evening.",
            ),
            (
                "Police said 45 people were taken to hospital after the crash on the M6 near Stafford, "
                "and the motorway stayed closed until Tuesday evening.",
                "Police said 54 people were taken to hospital after the crash on the M6 near Stafford, "
                "and the motorway stayed closed until Tuesday evening.",
            ),
            (
                "Rovers Seal Promotion Place with 3-1 Win Over Town",
                "Rovers Seal Promotion Place with 3-2 Win Over Town",
            ),
            (
                "Inspector Gaskell said the two men were arrested at a house near the harbour on Friday.",
                "Inspector Haskell said the two men were arrested at a house near the harbour on Friday.",
            ),
            (
                "Fanning said the club had agreed a new contract with the goalkeeper until the end of next season.",
                "Manning said the club had agreed a new contract with the goalkeeper until the end of next season.",
            ),
            (
                "More at http://news.example.com/region/sport/2196850.html on the site.\n\n"
                "Police said 45 people were taken to hospital after the crash on the M6 near Stafford, "
                "and the motorway stayed closed until Tuesday evening.",
                "More at http://news.example.com/region/sport/2194453.html on the site.\n\n"
                "Police said 54 people were taken to hospital after the crash on the M6 near Stafford, "
                "and the motorway stayed closed until Tuesday evening.",
            ),
        ),
        miss=(
            (
                "Police said 45 people were taken to hospital after the crash on the M6 near Stafford, "
                "and the motorway stayed closed until Tuesday evening.",
                "Police said 45 people were taken to hospital after the crash on the M6 near Stafford, "
                "and the motorway remained closed until Tuesday evening.",
            ),
            (
                "Police said 45 people were taken to hospital after the crash on the M6 near Stafford, "
                "and the motorway stayed closed until Tuesday evening.",
                "Police said more than 40 people were taken to hospital after the crash on the M6 near Stafford, "
                "and the motorway stayed closed until Tuesday evening.",
            ),
            ("Rovers Seal Promotion Place with 3-1 Win Over Town", "Rovers Seal Promotion Spot with 3-1 Win Over Town"),
            (
                "TRIAL DATE FIXED FOR KENDAL ARSON ACCUSED AFTER SHORT HEARING",
                "TRIAL DATE FIXED FOR CUMBRIA ARSON ACCUSED AFTER SHORT HEARING",
            ),
            (
                "Inspector Gaskell said the two men were arrested at a house near the harbour on Friday.",
                "Mr Gaskell said the two men were arrested at a house near the harbour on Friday.",
            ),
            (
                "He said the club had agreed a new contract with the goalkeeper until the end of next season.",
                "Fanning said the club had agreed a new contract with the goalkeeper until the end of next season.",
            ),
            (
                "Reid, now a scout for the NHL's Boston Bruins, finished his career in 1998 with 410 goals.",
                "Reid, now a scout for the NHL Boston Bruins, finished his career in 1998 with 410 goals.",
            ),
            (
                "http://news.example.com/region/sport/football/2196850.html",
                "http://news.example.com/region/sport/football/2194453.html",
            ),
            (
                "Goal! Rovers 1, Town 0. Assisted by Jamie Hart with a cross following a corner.\n\n"
                "Goal! Rovers 2, Town 0. Assisted by Luis Pardo with a cross following a corner.",
                "Goal! Rovers 1, Town 1. Assisted by Omar Bakri with a cross following a corner.",
            ),
        ),
    ),
)
