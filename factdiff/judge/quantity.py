"""FD101 quantity-mismatch: two counts of the same thing, in the same frame, that cannot both hold.

Claims are comparable only when they count the same subject (after synonyms), for the same
event, with the same modality (done, pledged, planned, added), over the same time scope and
for the same place. Within such a group, two values conflict when their intervals do not
overlap: "700" (690-710 as a round number) and "over 800" cannot both be true, while
"hundreds" is compatible with both and is never reported.

The rule declares a second code, FD102 changed-between-reports: a count that can grow
(killed, deployed…) and grows between dated reports a week or more apart is reported as
FD102, at low severity, instead of FD101 (see ``changed_over_time``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from factdiff.judge import REPORT_GAP, Code, Examples, Rule, agreement, discrepancy
from factdiff.models import Agreement, Discrepancy, QuantityClaim
from factdiff.text.interval import Interval, all_overlap
from factdiff.text.lexicon import quantity_data

HEDGE_SYMBOLS = {"above": ">", "below": "<", "at_least": "≥", "at_most": "≤", "nearly": "<~", "approx": "~"}
EVENT_PHRASES = {
    "deployed": "deployed",
    "killed": "killed",
    "injured": "injured",
    "displaced": "displaced",
    "arrested": "arrested",
    "freed": "freed",
    "kidnapped": "kidnapped",
    "evacuated": "evacuated",
    "members": "members",
    "sentenced": "sentenced",
}
MODALITY_PHRASES = {"pledged": "pledged", "planned": "planned", "increment": "additional"}

SEVERITY_GAPS = ((0.2, "high"), (0.05, "medium"))
"""Relative gap between the nearest ends of two intervals -> severity (else low)."""
SEVERITIES = ("low", "medium", "high")

CONFIDENCE_BASE = 0.6
CONFIDENCE_OWNER = 0.15
"""Both counts tied to the same place: far more likely to be the same quantity."""
CONFIDENCE_SAME_HEAD = 0.1
"""Both name what they count with the same word, not only synonyms ('officers' and 'officers')."""
CONFIDENCE_EXPLICIT_SCOPE = 0.1
"""Both state the same time frame ('in 2024')."""
CONFIDENT = 0.75
"""Below this grouping confidence, severity drops one step: the frame was partly guessed."""


def block_keys(claim: QuantityClaim) -> Iterable[str]:
    """Unit, subject, event, modality, scope and owning place; a count "so far" is only
    comparable inside its own report, since two reports of "so far" may be weeks apart."""
    if claim.subject_key and claim.event:
        owner = claim.places[0] if claim.places else ""
        report = claim.doc if claim.scope in quantity_data().report_relative_scopes else ""
        yield "|".join(
            (claim.unit or "", claim.subject_key, claim.event, claim.modality, claim.scope or "", owner, report)
        )


def display_value(claim: QuantityClaim) -> str:
    """How a value is shown: the number as written with its hedge, e.g. '>800', '~2,500', 'hundreds'."""
    written = claim.text
    if claim.hedge:
        written = written[len(claim.hedge) :].strip()
        kind = quantity_data().hedges.get(" ".join(claim.hedge.lower().split()))
        return f"{HEDGE_SYMBOLS.get(kind or '', claim.hedge + ' ')}{written}"
    return written


def span(claim: QuantityClaim) -> Interval:
    return Interval(claim.low, claim.high)


def _comparable(first: Sequence[QuantityClaim], second: Sequence[QuantityClaim]) -> bool:
    """Whether any pair of claims may be set against each other.

    A sentence does not contradict itself ("147 dead, eclipsing an attack in which 67 were
    killed"), across articles a count needs a place that owns it ("people killed" with no
    place in two articles is two different events more often than a disagreement), and two
    differently qualified groups are two groups.
    """
    for a in first:
        for b in second:
            if a.doc == b.doc and a.sentence_start == b.sentence_start:
                continue
            if a.doc != b.doc and not (a.places and b.places):
                continue
            if different_subsets(a, b):
                continue
            return True
    return False


def different_subsets(a: QuantityClaim, b: QuantityClaim) -> bool:
    """'new black city council members' and 'sitting city council members' count two different
    groups: each subject has a modifier the other lacks ('Kenyan police officers' and 'police
    personnel' do not: one's modifiers contain the other's)."""
    modifiers_a = {word.lower() for word in (a.subject or "").split()[:-1]}
    modifiers_b = {word.lower() for word in (b.subject or "").split()[:-1]}
    return bool(modifiers_a - modifiers_b) and bool(modifiers_b - modifiers_a)


def grouping_confidence(claims: Sequence[QuantityClaim]) -> float:
    """How sure we are that these claims count the same thing, from what they share in words."""
    confidence = CONFIDENCE_BASE
    if all(claim.places for claim in claims):
        confidence += CONFIDENCE_OWNER
    heads = {(claim.subject or "").lower().split()[-1:][0] if claim.subject else "" for claim in claims}
    if len(heads) == 1 and "" not in heads:
        confidence += CONFIDENCE_SAME_HEAD
    if claims[0].scope:
        confidence += CONFIDENCE_EXPLICIT_SCOPE
    return round(min(confidence, 0.95), 2)


def frame(claim: QuantityClaim) -> str:
    """The frame the comparison assumed, spelled out for the reader."""
    owner = f"for {claim.places[0]}" if claim.places else "with no place named"
    scope = f"over “{claim.scope}”" if claim.scope else "with no time frame stated"
    modality = "done" if claim.modality == "actual" else claim.modality
    return f"both read as {modality}, {owner}, {scope}"


def describe(claim: QuantityClaim) -> str:
    """The frame the claims share, in words: 'police (Kenya) deployed'."""
    subject = claim.subject or claim.subject_key or "items"
    parts = [MODALITY_PHRASES.get(claim.modality, ""), subject, EVENT_PHRASES.get(claim.event or "", claim.event or "")]
    text = " ".join(part for part in parts if part)
    if claim.places:
        text += f" ({claim.places[0]})"
    if claim.scope:
        text += f", {claim.scope}"
    return text


def judge(claims: Sequence[QuantityClaim]) -> Iterable[Discrepancy]:
    by_value: dict[str, list[QuantityClaim]] = {}
    for claim in claims:
        by_value.setdefault(display_value(claim), []).append(claim)
    if len(by_value) < 2:
        return
    values = sorted(by_value, key=lambda v: (by_value[v][0].low, v))
    conflicting: set[str] = set()
    worst_gap = 0.0
    for index, first in enumerate(values):
        for second in values[index + 1 :]:
            a, b = by_value[first][0], by_value[second][0]
            if not span(a).overlaps(span(b)) and _comparable(by_value[first], by_value[second]):
                conflicting.update((first, second))
                worst_gap = max(worst_gap, span(a).gap(span(b)))
    if not conflicting:
        return
    if changed_over_time([claim for value in conflicting for claim in by_value[value]]):
        yield _changed(sorted(conflicting, key=lambda v: by_value[v][0].low), by_value)
        return
    sample = by_value[values[0]][0]
    subject = describe(sample)
    shown = [v for v in values if v in conflicting]
    confidence = grouping_confidence([by_value[v][0] for v in shown])
    severity = next((level for threshold, level in SEVERITY_GAPS if worst_gap >= threshold), "low")
    if confidence < CONFIDENT:
        severity = SEVERITIES[max(0, SEVERITIES.index(severity) - 1)]
    written = " and ".join(f"“{by_value[v][0].text}”" for v in shown)
    yield discrepancy(
        RULE,
        subject=subject,
        key=next(iter(block_keys(sample))),
        variants=[(value, by_value[value]) for value in shown],
        severity=severity,
        confidence=confidence,
        explanation=(
            f"{written} cannot {'both' if len(shown) == 2 else 'all'} be the "
            f"{'share' if sample.unit == 'share' else 'number'} of {subject}; {frame(sample)}."
        ),
    )


def agree(claims: Sequence[QuantityClaim]) -> Iterable[Agreement]:
    """Counts of one frame from two documents or more, every pair compatible (their intervals
    overlap) and each tied to a place: the documents corroborate each other."""
    documents = {claim.doc for claim in claims}
    if len(documents) < 2 or not all(claim.places for claim in claims):
        return
    if not all_overlap(span(claim) for claim in claims):
        return
    values = list(dict.fromkeys(display_value(claim) for claim in sorted(claims, key=lambda claim: claim.value)))
    sample = min(claims, key=lambda claim: (claim.path, claim.start))
    yield agreement(
        RULE, subject=describe(sample), key=next(iter(block_keys(sample))), value=" / ".join(values), claims=claims
    )


def changed_over_time(claims: Sequence[QuantityClaim]) -> bool:
    """A count that can grow, from reports with known dates a week or more apart, whose
    larger values all come from the later reports."""
    if any(claim.reported is None for claim in claims) or claims[0].event not in quantity_data().growing_events:
        return False
    dates = {claim.reported for claim in claims}
    if max(dates) - min(dates) < REPORT_GAP:  # type: ignore[operator]
        return False
    ordered = sorted(claims, key=lambda claim: (claim.reported, claim.low))
    return all(earlier.low <= later.low for earlier, later in itertools.pairwise(ordered))


def _changed(values: list[str], by_value: dict[str, list[QuantityClaim]]) -> Discrepancy:
    sample = by_value[values[0]][0]
    subject = describe(sample)
    stages = " then ".join(f"“{by_value[v][0].text}” (reported {by_value[v][0].reported})" for v in values)
    return discrepancy(
        CHANGED,
        subject=subject,
        key=next(iter(block_keys(sample))),
        variants=[(value, by_value[value]) for value in values],
        severity="low",
        confidence=grouping_confidence([by_value[v][0] for v in values]),
        explanation=(
            f"The number of {subject} changed between reports: {stages}. Reports written apart in time "
            "give a growing count at different stages; check that the later one is current, not a contradiction."
        ),
    )


CHANGED = Code(
    code="FD102",
    name="changed-between-reports",
    kind="quantity",
    summary="A count that grows between dated reports a week or more apart: a change over time, shown at low severity.",
    why="Readers of an old and a new report need to know the figure moved, without being told either is wrong.",
    examples=Examples(
        catch=(
            (
                "---\ndate: 2024-06-26\n---\nKenya has deployed 400 police officers to Haiti, President William Ruto said.",
                "---\ndate: 2024-10-15\n---\nKenya has deployed 800 police officers to Haiti, President William Ruto said.",
            ),
            (
                "---\ndate: 2023-05-01\n---\nFighting in Sudan has displaced 330,000 people, the UN said.",
                "---\ndate: 2023-06-13\n---\nFighting in Sudan has displaced 2.2 million people, the UN said.",
            ),
        ),
        miss=(
            (
                "---\ndate: 2024-06-26\n---\nKenya has deployed 400 police officers to Haiti, President William Ruto said.",
                "---\ndate: 2024-06-27\n---\nKenya has deployed 800 police officers to Haiti, President William Ruto said.",
            ),
            (
                "---\ndate: 2024-06-26\n---\nKenya has deployed 800 police officers to Haiti, President William Ruto said.",
                "---\ndate: 2024-10-15\n---\nKenya has deployed 400 police officers to Haiti, President William Ruto said.",
            ),
        ),
    ),
)
"""Reported by FD101's judge, instead of FD101, when time explains the difference."""


RULE = Rule(
    code="FD101",
    name="quantity-mismatch",
    kind="quantity",
    reads=("quantity",),
    summary="Two counts of the same thing, in the same frame, whose intervals do not overlap.",
    why="Numbers are where coverage most often disagrees; hedges and frames keep false alarms out.",
    keys=block_keys,
    judge=judge,
    agree=agree,
    emits=(CHANGED,),
    examples=Examples(
        catch=(
            (
                "Kenya has deployed 700 police officers to Haiti.",
                "Kenya has deployed over 800 police officers to Haiti.",
            ),
            (
                "Floods in Nigeria have killed 31 people this week, the emergency agency said.",
                "Floods in Nigeria have killed 50 people this week, the emergency agency said.",
            ),
        ),
        miss=(
            (
                "Kenya has deployed 800 police officers to Haiti.",
                "Kenya has deployed about 800 police officers to Haiti.",
            ),
            (
                "Kenya has deployed 700 police officers to Haiti.",
                "Kenya has deployed hundreds of police officers to Haiti.",
            ),
            (
                "Kenya has deployed 400 police officers to Haiti.",
                "Jamaica has deployed 24 police officers to Haiti.",
            ),
            (
                "Kenya has deployed 400 police officers to Haiti.",
                "Kenya has pledged to deploy 1,000 police officers to Haiti.",
            ),
            (
                "---\ndate: 2024-06-26\n---\nKenya has deployed 400 police officers to Haiti.",
                "---\ndate: 2024-10-15\n---\nKenya has deployed 800 police officers to Haiti.",
            ),
        ),
    ),
)
