"""FD204 role-conflict: one person given two offices of one owner at once.

An article that calls the same person "Kenya's President" and "Kenya's Deputy President"
without any date or "former" to set them apart gives one person two offices. It is judged
inside one article only, and only for offices whose owner is written; what dates a mention is
in ``offices``, shared with FD203 office-holder-conflict.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factdiff.judge import Examples, Rule, discrepancy
from factdiff.judge.offices import grouped, held_at_once, holder
from factdiff.models import Discrepancy, PersonClaim
from factdiff.text.fold import fold


def block_keys(claim: PersonClaim) -> Iterable[str]:
    if claim.office and claim.office_of:
        yield f"{claim.doc}|{holder(claim)}|{claim.office_of}"


def judge(claims: Sequence[PersonClaim]) -> Iterable[Discrepancy]:
    by_office = grouped(claims, lambda claim: claim.office.casefold())  # type: ignore[union-attr]
    if len(by_office) < 2:
        return
    for component in held_at_once(by_office):
        sample = by_office[component[0]][0]
        offices = [f"{by_office[o][0].office} ({sample.office_of})" for o in component]
        name = max((c.name for o in component for c in by_office[o]), key=len)
        yield discrepancy(
            RULE,
            subject=f"role of {name}",
            key=f"role:{holder(sample)}:{fold(sample.office_of or '')}",
            variants=[(office, by_office[o]) for office, o in zip(offices, component, strict=False)],
            severity="medium",
            confidence=0.6,
            explanation=(
                f"{name} is called {' and '.join(f'“{o}”' for o in offices)} in one article, "
                "with no date or word such as “former” between the two: one of the roles is likely wrong."
            ),
        )


RULE = Rule(
    code="FD204",
    name="role-conflict",
    kind="role",
    reads=("person",),
    summary="One person given two offices of the same owner in one article, with nothing dating either.",
    why="A wrong title ('Deputy President' for the President) misinforms as much as a wrong name.",
    keys=block_keys,
    judge=judge,
    examples=Examples(
        catch=(
            (
                "Kenya’s President William Ruto met the envoy. "
                "Kenya’s Deputy President William Ruto said the force would stay.",
            ),
            (
                "US Vice President Kamala Harris met the envoy in the morning. "
                "US President Kamala Harris said the mission had American support.",
            ),
        ),
        miss=(
            ("Kenya’s President William Ruto spoke on Monday. Kenya’s former President Uhuru Kenyatta agreed.",),
            (
                "Kenya’s President William Ruto met the envoy. "
                "Kenya’s Deputy President William Ruto had backed the plan in 2019.",
            ),
            (
                "Kenya’s President William Ruto met the envoy in Nairobi.",
                "Kenya’s Deputy President William Ruto said the force would stay.",
            ),
        ),
    ),
)
