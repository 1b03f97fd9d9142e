"""FD205 age-mismatch: one person given two ages.

"John Maddox, 34, was charged" in one report and "John Maddox, 36, was arrested" in another
(or later in the same one): an age is a detail coverage copies carelessly, and one a reader
can check. A person is known by the full name (a lone surname by the full name it points
to in its article), never by a surname alone. One article speaks of one time and gives one
age (two in one sentence are two people: 'Jose Garcia, 45, and his son Jose Garcia, 19').
Two reports are compared only where their sentences tell one event in mostly the same words
(one story's coverage may span years: a shooting, then the trial two years on, each giving
the suspect's age then); they may straddle a birthday (a year apart is not reported), and
dated reports years apart may give ages as far apart. A sentence that names a year other
than its report's, or tells what happened 'When …', may give the age of then: it is not
compared, nor a relative who bears another's name ('His son, Michael Brown, 28').
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import combinations

from factdiff.judge import Examples, Rule, discrepancy
from factdiff.judge.mentions import relative
from factdiff.judge.offices import YEAR
from factdiff.models import Discrepancy, PersonClaim
from factdiff.text.fold import fold
from factdiff.text.values import content_lemmas

YEAR_NAMED = re.compile(YEAR)
BIRTHDAY = 1
"""Two reports of one time may straddle a birthday: ages this far apart are not a conflict."""
SAME_EVENT_WORDS = 3
SAME_EVENT_SHARE = 0.5
"""Content words (and share of the shorter sentence's) two sentences must share to tell one event."""
ELSEWHEN = "elsewhen"
"""The time of a sentence that names a year other than its report's, or tells what happened
'When …': its age may be of then."""
TOLD_FROM_LATER = re.compile(r"\W*When\b")


def identity(claim: PersonClaim) -> str | None:
    """The folded full name the claim names, or None for a surname that points to nobody."""
    name = claim.full_name or (claim.name if claim.given else None)
    return fold(name) if name else None


def block_keys(claim: PersonClaim) -> Iterable[str]:
    if claim.age and (who := identity(claim)):
        yield f"age|{who}"


def _when(claim: PersonClaim) -> int | str | None:
    """The year the sentence speaks of: its report's (None where the report is not dated), or
    ELSEWHEN when it names another year ('Williams, 42, who turned professional in 1995') or
    opens 'When …' ('When the 17-year-old Kyle Rittenhouse opened fire, …')."""
    named = {int(year) for year in YEAR_NAMED.findall(claim.sentence)}
    reported = claim.reported.year if claim.reported else None
    if (named and named != {reported}) or TOLD_FROM_LATER.match(claim.sentence):
        return ELSEWHEN
    return reported


def _conflict(first: PersonClaim, second: PersonClaim) -> bool:
    """Whether the two ages cannot both hold at the time their sentences speak of."""
    difference = abs((first.age or 0) - (second.age or 0))
    when_first, when_second = _when(first), _when(second)
    if ELSEWHEN in (when_first, when_second) or relative(first) or relative(second):
        return False  # the age of then; a relative may bear the other's name ('his son, Michael Brown')
    if first.doc == second.doc:  # one article, one time; one sentence names two people ('Garcia and his son Garcia')
        return first.sentence_start != second.sentence_start and difference > 0
    if not _one_event(first, second):
        return False  # one story's coverage may span years: a shooting, then the trial
    apart = abs(when_first - when_second) if isinstance(when_first, int) and isinstance(when_second, int) else 0
    return difference > apart + BIRTHDAY


def _one_event(first: PersonClaim, second: PersonClaim) -> bool:
    """The two sentences tell one event (most of the shorter one's words, the name aside, are
    the other's): reports of it speak of one time."""
    name = set(content_lemmas(first.name)) | set(content_lemmas(second.name))
    first_words, second_words = content_lemmas(first.sentence) - name, content_lemmas(second.sentence) - name
    shared = len(first_words & second_words)
    return shared >= SAME_EVENT_WORDS and shared >= SAME_EVENT_SHARE * min(len(first_words), len(second_words))


def judge(claims: Sequence[PersonClaim]) -> Iterable[Discrepancy]:
    conflicting = [(a, b) for a, b in combinations(claims, 2) if a.age != b.age and _conflict(a, b)]
    if not conflicting:
        return
    involved = {id(claim): claim for pair in conflicting for claim in pair}
    by_age: dict[int, list[PersonClaim]] = {}
    for claim in claims:
        if id(claim) in involved:
            by_age.setdefault(claim.age or 0, []).append(claim)
    name = max((claim.full_name or claim.name for claim in claims), key=len)
    ages = sorted(by_age)
    within = any(
        {claim.age for claim in involved.values() if claim.doc == doc} == set(ages)
        for doc in {claim.doc for claim in involved.values()}
    )
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
                "---\ndate: 2024-03-04\n---\nMaria Santos, 52, was elected mayor of Porto Alegre on Sunday.",
                "---\ndate: 2024-03-05\n---\nMaria Santos, aged 48, was elected mayor of Porto Alegre, officials said.",
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
            (  # the age then, in a story told from later
                "When a 17-year-old Kyle Rittenhouse opened fire in Kenosha, three men were shot. "
                "Kyle Rittenhouse, 21, said on Monday that he would write a book.",
            ),
            (  # a year named in passing: the age may be of then
                "Serena Williams, 42, who turned professional in 1995, retired on Sunday. "
                "In 1995, Serena Williams, 14, played her first professional event.",
            ),
            ("Jose Garcia, 45, and his son Jose Garcia, 19, were arrested in Tucson on Friday.",),
            (
                "Michael Brown, 54, died at the scene on the A40 near Witney. "
                "His son, Michael Brown, 28, was taken to hospital with serious injuries.",
            ),
            (
                "When the 17-year-old Kyle Rittenhouse opened fire in Kenosha, three men were shot. "
                "Kyle Rittenhouse, 21, said on Monday that he would write a book.",
            ),
            (  # tallies: a list after a colon, a sentence of runs
                "Rory McIlroy, 35, birdied the last hole at Troon. Leaders after the first round: Jon Rahm, 67; Rory McIlroy, 66.",
                "Joe Root, 33, was out for a duck. Joe Root, 82, and Ben Stokes, 45, put on 120 runs for the fourth wicket.",
            ),
            (  # one year, two events: a transfer and a match
                "---\ndate: 2024-08-01\n---\nErling Haaland, 24, signed a new contract with the club on Monday.",
                "---\ndate: 2024-09-01\n---\nErling Haaland, 10, scored twice in the win over Ipswich.",
            ),
            (
                "John Maddox, 34, 28 and 19 were the ages of the three men arrested, police said.",
                "John Maddox, 36, was charged.",
            ),
        ),
    ),
)
