"""FD501 event-date-mismatch: one event of one person dated two ways that cannot both hold.

Claims meet when they date the same event ("assassinated", "arrested", "arrived"…) of the
same person: blocked by surname, and compared by full name when both give a given name
("Audrey Felt" died is not "Mark Felt" died). The extractor reads whose event a date is
from the grammar (the possessor of "Hoover's death", the subject of "Gigante was indicted"),
so a bystander's event, a negated mention ("but not Gigante") or another event ("indicted"
is not "arrested") never meets. Precision is respected: "July 2021", "July 7, 2021" and
"July 7" are one date; "July 7, 2021" and "July 8, 2021" are two. An event marked as one of
several ("another batch arrived") dates that one occurrence and is not compared, and one
sentence never contradicts itself. Severity is high only when every date names its person
with a given name: a surname alone may be a relative's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factdiff.judge import Examples, Rule, agreement, connected_components, discrepancy
from factdiff.models import Agreement, DateClaim, Discrepancy
from factdiff.text.fold import fold
from factdiff.text.lexicon import date_data


def block_keys(claim: DateClaim) -> Iterable[str]:
    if claim.event and claim.subject and not claim.repeating:
        yield f"{claim.event}|{fold(claim.subject.split()[-1])}"


def same_person(a: DateClaim, b: DateClaim) -> bool:
    """Two subjects of one surname are one person unless both give a given name and the
    given names differ ('Audrey Felt' and 'Mark Felt'); a lone surname fits either."""
    given = [fold(claim.subject.split()[0]) for claim in (a, b) if claim.subject and _given_name(claim)]
    return len(given) < 2 or given[0] == given[1]


def _given_name(claim: DateClaim) -> bool:
    """The subject is named with a given name, not a surname alone that a relative may share."""
    words = (claim.subject or "").split()
    return len(words) > 1 and not words[0].endswith(".")


def compatible(a: DateClaim, b: DateClaim) -> bool:
    """Every part both give is the same: a missing year, month or day fits anything."""
    return all(x is None or y is None or x == y for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)))


def judge(claims: Sequence[DateClaim]) -> Iterable[Discrepancy]:
    forms: dict[str, list[DateClaim]] = {}
    for claim in claims:
        forms.setdefault(" ".join(claim.text.split()), []).append(claim)
    if len(forms) < 2:
        return

    def conflicting(first: str, second: str) -> bool:
        return any(
            not compatible(a, b) and same_person(a, b) and not (a.doc == b.doc and a.sentence_start == b.sentence_start)
            for a in forms[first]
            for b in forms[second]
        )

    for component in connected_components(sorted(forms), conflicting):
        component.sort(key=lambda form: min((c.path, c.start) for c in forms[form]))
        sample = forms[component[0]][0]
        years = {c.year for form in component for c in forms[form] if c.year is not None}
        days = {(c.month, c.day) for form in component for c in forms[form] if c.day is not None}
        listed = " and ".join(f"“{form}”" for form in component)
        named = all(_given_name(c) for form in component for c in forms[form])
        yield discrepancy(
            RULE,
            subject=f"{sample.subject} {sample.event}",
            key=_key(sample),
            variants=[(form, forms[form]) for form in component],
            severity="high" if named and (len(years) > 1 or len(days) > 1) else "medium",
            confidence=0.75,
            explanation=f"{listed} cannot both be when {sample.subject} {happened(sample.event)}.",
        )


def _key(sample: DateClaim) -> str:
    """One event of one subject: the same for its discrepancy and its agreement."""
    return f"date:{sample.event}:{fold(sample.subject or '')}"


def agree(claims: Sequence[DateClaim]) -> Iterable[Agreement]:
    """One event dated by two documents or more, every pair compatible: they agree on the date,
    at the precision they share ('2021' and 'July 7, 2021' agree on 2021)."""
    if len({claim.doc for claim in claims}) < 2:
        return
    pairs = [(a, b) for index, a in enumerate(claims) for b in claims[index + 1 :]]
    if not all(compatible(a, b) and same_person(a, b) for a, b in pairs):
        return
    sample = min(claims, key=lambda claim: (claim.path, claim.start))
    coarsest = min(claims, key=lambda claim: PRECISIONS.index(claim.precision))
    yield agreement(
        RULE,
        subject=f"{sample.subject} {sample.event}",
        key=_key(sample),
        value=" ".join(coarsest.text.split()),
        claims=claims,
    )


PRECISIONS = ("year", "month", "day")


RULE = Rule(
    code="FD501",
    name="event-date-mismatch",
    kind="date",
    reads=("date",),
    summary="One event of one person ('Moïse was assassinated') given two dates that cannot both hold.",
    why="A wrong date is among the most common corrections, and precision must not be mistaken for disagreement.",
    keys=block_keys,
    judge=judge,
    agree=agree,
    examples=Examples(
        catch=(
            (
                "President Jovenel Moïse was assassinated on July 7, 2021 at his home.",
                "President Jovenel Moïse was assassinated on July 8, 2021 at his home.",
            ),
            (
                "Former Peruvian President Pedro Castillo was arrested on December 7, 2022 after trying to dissolve Congress.",
                "Pedro Castillo was arrested on December 8, 2022, hours after he tried to dissolve Congress.",
            ),
            # the possessor, the noun before 'who', the apposition: each owns its event
            ("After Tom Berry's death in 1972, the agency changed.", "Tom Berry died in 1973."),
            ("The agency was run by Tom Berry, who died in May 1972.", "Tom Berry died in June 1973."),
            ("His wife, Ann Berry, died in 1984.", "Ann Berry died in 1986."),
            ("Mr Tom Berry was indicted in 1990 with 14 others.", "Tom Berry was indicted in 1991."),
        ),
        miss=(
            (
                "On July 7, 2021, President Jovenel Moïse was assassinated at his home. "
                "Gangs have grown since the 2021 assassination of Moïse. He was assassinated in July 2021.",
            ),
            (
                "Former Peruvian President Pedro Castillo was arrested on December 7, 2022 after trying to dissolve Congress.",
                "Pedro Castillo was arrested on December 7 as he drove to the Mexican embassy.",
            ),
            (
                "Former Peruvian President Pedro Castillo was elected on June 6, 2021.",
                "Former Peruvian President Pedro Castillo was arrested on December 7, 2022 after trying to dissolve Congress.",
            ),
            # someone else's event: a possessor, a relative clause, a relative in apposition
            ("Tom Berry was passed over after the J. R. Hale's death in 1972.", "Tom Berry died in 2008."),
            (
                "Tom Berry hoped to succeed J. R. Hale, who had run the agency for years and died in 1972.",
                "Tom Berry died in 2008.",
            ),
            ("His wife, Ann Berry, died in 1984.", "Tom Berry died in 2008."),
            # a negated mention has no event; an indictment is not an arrest; a warrant is not an arrest
            (
                "In 1985 prosecutors indicted 12 men, but not Tom Berry.",
                "Mr Tom Berry was indicted in 1990 with 14 others.",
            ),
            ("Tom Berry was indicted in 1990.", "Tom Berry was arrested in 1988."),
            (
                "An arrest warrant for Tom Berry was issued on June 10, 2005.",
                "Tom Berry was arrested on June 12, 2005.",
            ),
        ),
    ),
)


def happened(event: str | None) -> str:
    """'was assassinated', 'was born', but 'died' and 'resigned': what a person does takes no 'was'."""
    return str(event) if event in date_data().done_by_the_person else f"was {event}"
