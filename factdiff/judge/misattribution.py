"""FD602 misattribution: one quotation given to two people.

Two claims are the same quotation as ``quotations`` finds them (shared with FD601
quote-drift), both name a speaker, and the speakers are different people (different
surnames). A quotation shorter than ``DISTINCTIVE_WORDS`` words may be said by two people
and is not judged. A name inside the quotation is never its speaker: the extractor does not
take it, and a speaker whose surname the quotation itself contains ('“…watching Johnny Carson
host the Oscars…,” he said', with "he" read as Carson) is not trusted here either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factdiff.judge import Examples, Rule, connected_components, discrepancy
from factdiff.judge.quotations import MAX_BLOCK, block_keys, opening, same_quotation
from factdiff.models import Discrepancy, QuoteClaim
from factdiff.text.fold import fold

DISTINCTIVE_WORDS = 8
"""A quotation shorter than this ("I thought I lost you") may be said by two people."""


def judge(claims: Sequence[QuoteClaim]) -> Iterable[Discrepancy]:
    if len(claims) > MAX_BLOCK:
        return
    attributed = [
        claim
        for claim in claims
        if claim.speaker and len(claim.words.split()) >= DISTINCTIVE_WORDS and not _names_itself(claim)
    ]
    speakers: dict[str, list[QuoteClaim]] = {}
    for claim in attributed:
        speakers.setdefault(fold(claim.speaker.split()[-1]), []).append(claim)  # type: ignore[union-attr]
    if len(speakers) < 2:
        return

    def linked(first: str, second: str) -> bool:
        return any(same_quotation(a, b) for a in speakers[first] for b in speakers[second])

    for component in connected_components(sorted(speakers), linked):
        names = [max((c.speaker for c in speakers[key]), key=len) for key in component]  # type: ignore[arg-type, type-var]
        sample = speakers[component[0]][0]
        yield discrepancy(
            RULE,
            subject=f"quotation “{opening(sample.text)}”",
            key=f"speaker:{sample.words[:80]}",
            variants=[(name or "", speakers[key]) for name, key in zip(names, component, strict=False)],
            severity="high",
            confidence=0.75,
            explanation=(
                f"The same quotation is attributed to {' and to '.join(names)}: "  # type: ignore[arg-type]
                "at most one of them said it."
            ),
        )


def _names_itself(claim: QuoteClaim) -> bool:
    """The speaker's surname is one of the quotation's own words."""
    surname = fold(claim.speaker.split()[-1])  # type: ignore[union-attr]
    return any(fold(word) == surname for word in claim.words.split())


RULE = Rule(
    code="FD602",
    name="misattribution",
    kind="quote",
    reads=("quote",),
    summary="One quotation attributed to two different people.",
    why="Putting words in the wrong mouth is among the most damaging errors a report can make.",
    keys=block_keys,
    judge=judge,
    examples=Examples(
        catch=(
            (
                "“The mission has restored a measure of calm in the capital,” President William Ruto said on Monday.",
                "“The mission has restored a measure of calm in the capital,” Secretary-General Antonio Guterres said.",
            ),
            (
                "“The officers will stay in Haiti until the job is done,” Interior Minister Kithure Kindiki said.",
                "“The officers will stay in Haiti until the job is done,” Defence Minister Soipan Tuya told reporters.",
            ),
            (
                "“I learned to sing by listening to Ella Fitzgerald records in the kitchen every night,” "
                "Maria Costa told reporters in Lisbon.",
                "“I learned to sing by listening to Ella Fitzgerald records in the kitchen every night,” "
                "Ana Duarte told reporters in Porto.",
            ),
        ),
        miss=(
            (
                "“The mission has restored a measure of calm in the capital,” President William Ruto said on Monday.",
                "“The mission has restored a measure of calm in the capital,” Kenya’s President William Ruto said.",
            ),
            (
                "“I thought I had lost you,” Mary Wanjiru said as she hugged her son.",
                "“I thought I had lost you,” said Grace Otieno, whose daughter was freed on Sunday.",
            ),
            (
                "The new album is her fourth. “I learned to sing by listening to Ella Fitzgerald records in the "
                "kitchen every night,” she said on Friday.",
                "“I learned to sing by listening to Ella Fitzgerald records in the kitchen every night,” "
                "Maria Costa told reporters in Lisbon.",
            ),
        ),
    ),
)
