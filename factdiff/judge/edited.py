"""FD401 edited-sentence: one sentence in two articles, with one fact changed.

Two sentences meet when half of each is the same (see ``extract/sentence.py``). They are
reported when everything else is the same word for word and the one changed stretch (at
most ``MAX_CHANGED`` tokens) is a fact:
- a number whose values, read with their hedges, cannot both hold ("45" / "68"; but "45" /
  "more than 40" is compatible), or a year, a month or a day of the week;
- a name or an acronym ("Godfrey" / "Godfroy", "MSS" / "MMS");
- a gendered pronoun ("he" / "she");
- any word inside a quotation, which should be word for word.
Any other change of wording is editing, not a disagreement, and is not reported. Pairs are
taken across articles only; a block larger than ``MAX_BLOCK`` is boilerplate and skipped.
This rule reports only what the typed rules (FD101, FD201…) did not already report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import cache
from typing import NamedTuple

from factdiff.judge import REPORT_GAP, Examples, Rule, discrepancy
from factdiff.models import Discrepancy, SentenceClaim, claim_id
from factdiff.text.calendar import MONTH_WORDS, WEEKDAYS
from factdiff.text.interval import Interval, hedged
from factdiff.text.lexicon import people_data, quantity_data
from factdiff.text.tokens import normal_token, tokens

MAX_CHANGED = 4
MAX_BLOCK = 24
SUBJECT_CHARS = 70
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


def _inside_quote(sentence: str, offset: int) -> bool:
    before = sentence[:offset]
    curly = sum(before.count(c) for c in "“") > sum(before.count(c) for c in "”")
    return curly or before.count('"') % 2 == 1


def classify(change: Change, first: str, second: str) -> tuple[str, str] | None:
    """(kind, severity) when the change is a fact, None when it is editing."""
    a, b = change.first_words, change.second_words
    read_a, read_b = reading(a), reading(b)
    if read_a and read_b:
        (low_a, high_a, year_a), (low_b, high_b, year_b) = read_a, read_b
        span_a, span_b = Interval(low_a, high_a), Interval(low_b, high_b)
        if span_a.overlaps(span_b):
            return None
        kind = "date" if year_a and year_b else "quantity"
        return kind, "high" if span_a.gap(span_b) >= SEVERE_GAP or kind == "date" else "medium"
    if len(a) == len(b) == 1:
        if DAY_OR_MONTH.match(a[0]) and DAY_OR_MONTH.match(b[0]):
            return "date", "high"
        pronouns = people_data().pronouns
        gender_a, gender_b = pronouns.get(a[0].lower()), pronouns.get(b[0].lower())
        if gender_a and gender_b and gender_a != gender_b:
            return "pronoun", "medium"
    if all(w[:1].isupper() for w in a + b) and all(w.isalpha() or "-" in w or "'" in w or "’" in w for w in a + b):
        if all(w.isupper() and len(w) > 1 for w in a + b):
            return "acronym", "medium"
        return "name", "high"
    if _inside_quote(first, change.first[0]) and _inside_quote(second, change.second[0]):
        return "quote", "high"
    return None


def _narrowed(claim: SentenceClaim, span: tuple[int, int]) -> SentenceClaim:
    """The sentence claim cut down to the changed words, with their own line and column."""
    start, end = span
    before = claim.sentence[:start]
    newlines = before.count("\n")
    column = start - before.rfind("\n") if newlines else claim.column + start
    return claim.model_copy(
        update={
            "id": claim_id(claim.doc, claim.kind, claim.start + start, claim.start + end),
            "text": claim.sentence[start:end],
            "start": claim.start + start,
            "end": claim.start + end,
            "line": claim.line + newlines,
            "column": column,
        }
    )


KIND_PHRASES = {
    "quantity": "a number",
    "date": "a date",
    "name": "a name",
    "acronym": "an acronym",
    "pronoun": "a pronoun",
    "quote": "a word inside a quotation",
}


def judge(claims: Sequence[SentenceClaim]) -> Iterable[Discrepancy]:
    if len(claims) > MAX_BLOCK:
        return
    present = {(claim.doc, claim.halves) for claim in claims}
    for index, first in enumerate(claims):
        for second in claims[index + 1 :]:
            if first.doc == second.doc or first.halves == second.halves:
                continue
            if (first.doc, second.halves) in present or (second.doc, first.halves) in present:
                continue  # both articles carry both sentences: a pattern ("X was fined..."), not an edit
            change = single_change(first.sentence, second.sentence)
            if change is None:
                continue
            verdict = classify(change, first.sentence, second.sentence)
            if verdict is None:
                continue
            kind, severity = verdict
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
                    (shown_first, [_narrowed(first, change.first)]),
                    (shown_second, [_narrowed(second, change.second)]),
                ],
                severity=severity,
                confidence=0.9,
                kind=kind,
                explanation=(
                    f"The same sentence appears in both articles with {KIND_PHRASES[kind]} changed: "
                    f"“{shown_first}” in one, “{shown_second}” in the other. Everything else is word for word, "
                    "so one of them was changed in editing."
                    + (
                        f" The reports are {apart} days apart: the later may be an update, not a correction."
                        if severity == "low" and kind == "quantity" and apart
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
        ),
    ),
)
