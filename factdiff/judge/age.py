"""FD205 age-mismatch: one person given two ages.

"John Maddox, 34, was charged" in one report and "John Maddox, 36, was arrested" in another
(or later in the same one): an age is a detail coverage copies carelessly, and one a reader
can check. A person is known by the full name (a lone surname by the full name it points
to in its article), never by a surname alone. Ages are compared at the time each sentence
speaks of: the year it names, else its report's date. One article speaks of one time and
gives one age; two reports may straddle a birthday (a year apart is not reported), and
reports years apart may give ages as far apart. Undated reports are compared only where the
two sentences tell one event in mostly the same words: one story's coverage may span years
(a shooting, then the trial two years on, each giving the suspect's age then). Nor is a
sentence that names a year compared with one whose time nothing gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import combinations

from factdiff.judge import Examples, Rule, discrepancy
from factdiff.judge.offices import YEAR
from factdiff.models import Discrepancy, PersonClaim
from factdiff.text.fold import fold
from factdiff.text.values import content_lemmas

YEAR_IN_SENTENCE = re.compile(YEAR)
BIRTHDAY = 1
"""Two reports of one time may straddle a birthday: ages this far apart are not a conflict."""
SAME_EVENT_WORDS = 3
SAME_EVENT_SHARE = 0.5
"""Content words (and share of the shorter sentence's) two undated sentences must share to tell one event."""


def identity(claim: PersonClaim) -> str | None:
    """The folded full name the claim names, or None for a surname that points to nobody."""
    name = claim.full_name or (claim.name if claim.given else None)
    return fold(name) if name else None


def block_keys(claim: PersonClaim) -> Iterable[str]:
    if claim.age and (who := identity(claim)):
        yield f"age|{who}"


def _named_year(claim: PersonClaim) -> int | None:
    named = YEAR_IN_SENTENCE.search(claim.sentence)
    return int(named.group()) if named else None


def _year(claim: PersonClaim) -> int | None:
    """The year the sentence speaks of: the one it names, else its report's."""
    named = _named_year(claim)
    if named is not None:
        return named
    return claim.reported.year if claim.reported else None


def _conflict(first: PersonClaim, second: PersonClaim) -> bool:
    """Whether the two ages cannot both hold at the times their sentences speak of."""
    difference = abs((first.age or 0) - (second.age or 0))
    one_article = first.doc == second.doc
    year_of = _named_year if one_article else _year  # one article's own date places neither apart
    first_year, second_year = year_of(first), year_of(second)
    if first_year is None and second_year is None:
        return difference > 0 if one_article else difference > BIRTHDAY and _one_event(first, second)
    if first_year is None or second_year is None:
        return False  # a time nothing gives: the other may be years before or after
    apart = abs(first_year - second_year)
    return difference > apart + (0 if one_article and not apart else BIRTHDAY)


def _one_event(first: PersonClaim, second: PersonClaim) -> bool:
    """The two sentences tell one event (most of the shorter one's words, the name aside, are
    the other's): reports of it speak of one time, dated or not."""
    name = set(content_lemmas(first.name)) | set(content_lemmas(second.name))
    first_words, second_words = content_lemmas(first.sentence) - name, content_lemmas(second.sentence) - name
    shared = len(first_words & second_words)
    return shared >= SAME_EVENT_WORDS and shared >= SAME_EVENT_SHARE * min(len(first_words), len(second_words))


def judge(claims: Sequence[PersonClaim]) -> Iterable[Discrepancy]:
    if len({claim.age for claim in claims}) < 2:
        return
    if not any(_conflict(a, b) for a, b in combinations(claims, 2) if a.age != b.age):
        return
    by_age: dict[int, list[PersonClaim]] = {}
    for claim in claims:
        by_age.setdefault(claim.age or 0, []).append(claim)
    name = max((claim.full_name or claim.name for claim in claims), key=len)
    ages = sorted(by_age)
    within = any({claim.age for claim in claims if claim.doc == doc} == set(ages) for doc in {c.doc for c in claims})
    yield discrepancy(
        RULE,
        subject=f"age of {name}",
        key=f"age:{identity(claims[0])}",
        variants=[(str(age), by_age[age]) for age in ages],
        severity="high" if within else "medium",
        confidence=0.8 if within else 0.7,
        explanation=(
            f"{name} is given as {' and as '.join(str(age) for age in ages)} years old"
            + (
                " in one article: one of the ages is likely wrong."
                if within
                else ": more apart than the time between the reports explains, so one of the ages is likely wrong."
            )
        ),
    )


RULE = Rule(
    code="FD205",
    name="age-mismatch",
    kind="age",
    reads=("person",),
    summary="One person, named in full, given two ages that cannot both hold at the time.",
    why="Ages are copied carelessly from report to report, and a reader can check them.",
    keys=block_keys,
    judge=judge,
    examples=Examples(
        catch=(
            (
                "Police arrested John Maddox, 34, on Friday in connection with the fire at the warehouse in Leeds.",
                "John Maddox, 36, was arrested on Friday over the Leeds warehouse fire.",
            ),
            (
                "---\ndate: 2025-06-13\n---\nJohn Maddox, 34, was arrested on Friday over the warehouse fire in Leeds.",
                "---\ndate: 2025-06-14\n---\nPolice charged John Maddox, 36, with arson after the Leeds warehouse fire.",
            ),
            (
                "The 19-year-old Tom Reilly was named man of the match. "
                "Reilly, 21, has played for the club since he was twelve.",
            ),
            (
                "---\ndate: 2024-03-02\n---\nMaria Santos, 52, was elected mayor of Porto Alegre on Sunday.",
                "---\ndate: 2024-03-04\n---\nThe new mayor, Maria Santos, aged 48, took office on Monday.",
            ),
        ),
        miss=(
            (
                "---\ndate: 2025-06-13\n---\nJohn Maddox, 34, was arrested on Friday over the warehouse fire in Leeds.",
                "---\ndate: 2025-06-14\n---\nPolice charged John Maddox, 35, with arson after the Leeds warehouse fire.",
            ),
            (
                "Jose Orozco, 27, was found hiding in a house a few doors from the shooting.",
                "The jury found Jose Orozco, 29, guilty of first-degree murder.",
            ),
            (
                "Jose Orozco, 27, was arrested in Visalia after the shooting of a deputy.",
                "The jury found Jose Orozco, 29, guilty of the murder of a deputy in Visalia.",
            ),
            (
                "---\ndate: 2012-05-01\n---\nMaria Santos, 40, was elected mayor of Porto Alegre.",
                "---\ndate: 2024-05-01\n---\nMaria Santos, 52, left office on Monday.",
            ),
            (
                "John Maddox, 34, and his brother Peter Maddox, 29, were arrested on Friday.",
                "Peter Maddox, 29, was later released without charge.",
            ),
            ("Maddox, 34, was arrested on Friday. Maddox, 36, a neighbour, called the police.",),
            ("Sally Jones, 45, grew up in Cork. In 1990 Sally Jones, 11, won the county spelling bee.",),
            (
                "John Maddox, 34, 28 and 19 were the ages of the three men arrested, police said.",
                "John Maddox, 36, was charged.",
            ),
        ),
    ),
)
