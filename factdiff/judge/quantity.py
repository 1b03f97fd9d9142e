"""FD101 quantity-mismatch: two counts of the same thing, in the same frame, that cannot both hold.

Claims are comparable only when they count the same subject (after synonyms), for the same
event, with the same modality (done, pledged, planned, added), over the same time scope and
for the same place. Within such a group, two values conflict when their intervals do not
overlap: "700" (690-710 as a round number) and "over 800" cannot both be true, while
"hundreds" is compatible with both and is never reported.

A count read as another set than the story's (a part of a listed total, a count of an event
introduced in passing: modality "unknown") is compared with nothing; an additional set ("another
600", "three people also died") only across articles, since one article's additions are
different batches. A count anchored to a day ("on Monday") is compared with counts of that day
only, and in dated reports only among reports of the same date.

The rule declares a second code, FD102 changed-between-reports: a count that can grow
(killed, deployed…) and grows between dated reports a week or more apart (a day for tolls
that move by the hour: killed, injured, missing) is reported as FD102, at low severity,
instead of FD101 (see ``changed_over_time``).
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterable, Sequence
from functools import cache

from factdiff.judge import REPORT_GAP, Code, Examples, Rule, agreement, discrepancy
from factdiff.models import Agreement, Discrepancy, QuantityClaim
from factdiff.text.calendar import WEEKDAYS
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
    """Unit, subject, event, modality, scope and owning place. A count "so far" is only
    comparable inside its own report, since two reports of "so far" may be weeks apart; one
    "on Monday" in a dated report only among reports of the same date. A count whose set is
    unknown (a part of a total, a count of another event) is compared with nothing."""
    if claim.subject_key and claim.event and claim.modality != "unknown":
        owner = claim.places[0] if claim.places else ""
        yield "|".join(
            (claim.unit or "", claim.subject_key, claim.event, claim.modality, claim.scope or "", owner, _report(claim))
        )


def _report(claim: QuantityClaim) -> str:
    """What a relative scope is relative to: the report ('so far'), or the date it was written
    ('on Monday', 'yesterday') where known."""
    if claim.scope in quantity_data().report_relative_scopes:
        return claim.doc
    if claim.scope and day_relative(claim.scope) and claim.reported:
        return str(claim.reported)  # undated reports of one story name the same week's days
    return ""


def day_relative(scope: str) -> bool:
    """'on monday', 'by wednesday', 'yesterday': a day that depends on when the report was written."""
    relative = quantity_data().time_anchors["relative_days"]
    return scope in relative or any(word.capitalize() in WEEKDAYS for word in scope.split())


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
    killed"), nor do two additions in one article ("another 200", "a further 400": two
    batches); across articles a count needs a place that owns it ("people killed" with no
    place in two articles is two different events more often than a disagreement), and two
    differently qualified groups are two groups.
    """
    for a in first:
        for b in second:
            if a.doc == b.doc and (a.sentence_start == b.sentence_start or a.modality == "increment"):
                continue  # one article's additions are different batches ('another 200', 'a further 400')
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


def frame(claims: Sequence[QuantityClaim]) -> str:
    """The frame the comparison assumed, spelled out for the reader. With no time frame read
    for the counts, a time their sentences do name (tied by the reading to another clause:
    'the ministry said on Monday') is named, so the reader can judge it."""
    claim = claims[0]
    owner = f"for {claim.places[0]}" if claim.places else "with no place named"
    modality = "done" if claim.modality == "actual" else claim.modality
    if claim.scope:
        scope = f"over “{claim.scope}”"
    else:
        named = list(dict.fromkeys(m.group() for c in claims for m in _time_anchors().finditer(c.sentence)))
        shown = ", ".join(f"“{time}”" for time in named[:3])
        scope = (
            f"with no time frame read for the counts (their sentences name {shown}, read as dating another clause)"
            if named
            else "with no time frame stated"
        )
    return f"both read as {modality}, {owner}, {scope}"


@cache
def _time_anchors() -> re.Pattern[str]:
    return quantity_data().time_anchor_pattern()


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
    shown = [v for v in values if v in conflicting]
    sample = by_value[shown[0]][0]  # the frame is named from a count in the conflict
    subject = describe(sample)
    confidence = grouping_confidence([by_value[v][0] for v in shown])
    severity = next((level for threshold, level in SEVERITY_GAPS if worst_gap >= threshold), "low")
    if confidence < CONFIDENT:
        severity = SEVERITIES[max(0, SEVERITIES.index(severity) - 1)]
    undated = may_have_grown([claim for value in shown for claim in by_value[value]])
    if undated:
        severity = min(severity, "medium", key=SEVERITIES.index)
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
            f"{'share' if sample.unit == 'share' else 'number'} of {subject}; "
            f"{frame([by_value[v][0] for v in shown])}."
            + (
                " The reports are not all dated and a toll moves by the hour: one may give it at an earlier stage."
                if undated
                else ""
            )
        ),
    )


def may_have_grown(claims: Sequence[QuantityClaim]) -> bool:
    """A toll (killed, injured) from two reports, one of them undated: the difference may be
    time, so the evidence leaves room and the finding is at most medium."""
    return (
        claims[0].event in quantity_data().toll_events
        and len({claim.doc for claim in claims}) > 1
        and any(claim.reported is None for claim in claims)
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
    """A count that can grow, from reports with known dates far enough apart (a week; a day for
    a toll that moves by the hour), whose larger values all come from the later reports (for
    a count also revised down, such as the missing, any move over time)."""
    data = quantity_data()
    event = claims[0].event
    if any(claim.reported is None for claim in claims) or event not in data.growing_events:
        return False
    dates = {claim.reported for claim in claims}
    gap = datetime.timedelta(days=data.toll_report_gap_days) if event in data.toll_events else REPORT_GAP
    if max(dates) - min(dates) < gap:  # type: ignore[operator]
        return False
    if event in data.revised_events:
        return len({claim.reported for claim in claims}) > 1 and all(
            len({claim.reported for claim in claims if display_value(claim) == value}) == 1
            for value in {display_value(claim) for claim in claims}
        )
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
    summary=(
        "A count that grows between dated reports a week or more apart (a day for a toll): a change over time, "
        "shown at low severity."
    ),
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
            (  # a toll moves by the hour: a day apart is enough
                "---\ndate: 2024-07-02\n---\nA bus crash in Kenya left 1 dead, police said.",
                "---\ndate: 2024-07-03\n---\nA bus crash in Kenya left 24 dead, police said.",
            ),
        ),
        miss=(
            (  # a toll that falls a day later is not growing: FD101
                "---\ndate: 2024-07-02\n---\nA bus crash in Kenya left 24 dead, police said.",
                "---\ndate: 2024-07-03\n---\nA bus crash in Kenya left 1 dead, police said.",
            ),
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
            (
                "Kenya has deployed 700 police officers to Haiti.",
                "Kenya has deployed 1,000 police officers to Haiti.",
            ),
            (  # two reports of one day's toll
                "12 people died in Thursday's bombing of the market in Mandera, Kenya.",
                "15 people died in Thursday's bombing of the market in Mandera, Kenya.",
            ),
            (  # the total beside its parts
                "Floods in Kenya killed 24 people. 12 people died in the north, 10 in the south and 2 in the capital.",
                "Floods in Kenya killed 30 people.",
            ),
            (  # a day's toll against a falling figure from the next day's report
                "---\ndate: 2024-07-02\n---\nA bus crash in Kenya left 24 dead, police said.",
                "---\ndate: 2024-07-03\n---\nA bus crash in Kenya left 1 dead, police said.",
            ),
        ),
        miss=(
            (  # 'killed' is in another clause; 'the other ten' is another set
                "In the deliberation room, the two dissenters told the other ten jurors that they would never vote "
                "for death in any murder case. Smith escaped a death sentence thanks to two jurors who were "
                "convinced that he should die in prison, however many people he killed.",
            ),
            (  # 'also died in a strike on another school': another set
                "A strike hit a school in Kenya where hundreds of people were sheltering. At least 30 people were "
                "killed in the strike in Kenya. Three people also died in a strike on another school in Kenya.",
            ),
            (  # 'those bombings' are Wednesday's, named a sentence earlier
                "Wednesday's air raids hit the border town of Mandera in Kenya. 7 people died in those bombings in "
                "Kenya, officials said. 12 people died in Thursday's bombing of the market in Kenya.",
            ),
            (  # the parts of a total are not the total
                "Floods killed 24 people. 12 people died in the north, 10 in the south and 2 in the capital.",
            ),
            (  # a quake introduced in passing, and a count scoped by the date opening its sentence
                "An earthquake on a small island killed a total of 8 people, the governor said. The island "
                "was struck two years after the city of Kerman was flattened by a quake that killed thousands of "
                "people. In March 2005, the town of Zarand was destroyed by a 6.4 quake that left more than 500 "
                "people dead.",
            ),
            (  # an update within one article: each count has its day
                "Floods killed 12 people on Monday, officials said. By Wednesday the floods had killed 38 people.",
            ),
            (  # a toll one day apart: a change over time (FD102), not a contradiction
                "---\ndate: 2024-07-02\n---\nA bus crash in Kenya left 1 dead, police said.",
                "---\ndate: 2024-07-03\n---\nA bus crash in Kenya left 24 dead, police said.",
            ),
            (  # version numbers count nothing, and software is released, not freed
                "Ruby 2.0 was released in Kenya. A year later, Ruby 3.0 was released in Kenya.",
            ),
            (  # scores are one player's tally; 'contributed' is not 'deployed'
                "Smith contributed 14 points and six rebounds for Kenya. Jones contributed 12 points for Kenya.",
            ),
            (  # 'further' marks another set of stamps
                "Ten stamps were released in Kenya in May. Six further stamps were released in Kenya in May.",
            ),
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
