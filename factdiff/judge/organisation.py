"""FD303 organisation-spelling: one organisation's name written two ways, no acronym involved.

Names meet when their keys match: the same words once case, accents, hyphens and spaces,
the place form ("Nigeria" / "Nigerian") and British / American spelling ("Organisation" /
"Organization") are folded. Forms that differ only in punctuation or case ("U.S." / "US")
are typography and never reported, British and American spellings are reported only
inside one article (across outlets they are house style), and forms that fold together but still read very
differently (rapidfuzz ratio under 85) are left alone. The rest are low severity: usually
house style, sometimes a slip in the official name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from factdiff.judge import Examples, Rule, connected_components, discrepancy
from factdiff.models import Discrepancy, OrganisationClaim
from factdiff.text.fold import fold
from factdiff.text.lexicon import organisation_data

SIMILARITY = 85.0
"""Minimum rapidfuzz ratio between two folded forms to call them one name."""

HOUSE_STYLE = "British and American spelling"
"""Across outlets this is each one's style, reported only when one article mixes both."""

PUNCTUATION = re.compile(r"[.’'`]")


def typographic(name: str) -> str:
    return PUNCTUATION.sub("", name).casefold()


def difference(first: str, second: str) -> str:
    """What separates two forms, in words, for the explanation."""
    if fold(first) == fold(second):
        return "hyphenation or spacing"
    spellings = organisation_data().spellings

    def spelled(name: str) -> str:
        return "".join(spellings.get(fold(word), fold(word)) for word in name.split())

    return HOUSE_STYLE if spelled(first) == spelled(second) else "the form of a place name"


def block_keys(claim: OrganisationClaim) -> Iterable[str]:
    yield claim.key


def judge(claims: Sequence[OrganisationClaim]) -> Iterable[Discrepancy]:
    forms: dict[str, list[OrganisationClaim]] = {}
    for claim in claims:
        forms.setdefault(claim.name, []).append(claim)
    if len(forms) < 2:
        return

    def linked(first: str, second: str) -> bool:
        if typographic(first) == typographic(second):
            return False
        if difference(first, second) == HOUSE_STYLE and not {c.doc for c in forms[first]} & {
            c.doc for c in forms[second]
        }:
            return False
        return fuzz.ratio(fold(first).lower(), fold(second).lower()) >= SIMILARITY

    for component in connected_components(sorted(forms), linked):
        component.sort(key=lambda name: min((c.path, c.start) for c in forms[name]))
        listed = " and ".join(f"“{name}”" for name in component)
        yield discrepancy(
            RULE,
            subject=component[0],
            key=f"organisation:{forms[component[0]][0].key}",
            variants=[(name, forms[name]) for name in component],
            severity="low",
            confidence=0.6,
            explanation=(
                f"{listed} name one organisation, differing in {difference(component[0], component[1])}: "
                "usually house style, but an official name has one spelling."
            ),
        )


RULE = Rule(
    code="FD303",
    name="organisation-spelling",
    kind="organisation",
    reads=("organisation",),
    summary="One organisation's name written two ways ('Nigeria' / 'Nigerian Police Force', 'Co-operation' / 'Cooperation').",
    why="An official name has one spelling; a second one is a slip or a house-style clash worth a glance.",
    keys=block_keys,
    judge=judge,
    examples=Examples(
        catch=(
            (
                "The Nigeria Police Force said the suspects were held.",
                "A spokesman for the Nigerian Police Force denied it.",
            ),
            (
                "The World Health Organisation said cases rose. "
                "A World Health Organization official said the outbreak was spreading.",
            ),
        ),
        miss=(
            ("The US Department of State said. The U.S. Department of State added.",),
            (
                "The World Health Organisation said cases rose.",
                "A World Health Organization official said the outbreak was spreading.",
            ),
        ),
    ),
)
