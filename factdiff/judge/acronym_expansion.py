"""FD302 organisation-name-variant: one acronym spelt out as two forms of the same name.

One acronym defined with two spellings of the same name, differing in hyphenation,
spacing or word form ("Multinational" / "Multi-National", "Nigeria" / "Nigerian"). Expansions
that are really different (RSF: Rapid Support Forces / Reporters sans frontières) are two
organisations, and an expansion that only adds words ("... Mission") is compatible.
These are low severity: usually house style, not fact. An organisation rule, it reads the
expansions written beside acronyms ("Multinational Security Support (MSS)"); a name written
two ways with no acronym is FD303 organisation-spelling.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from factdiff.judge import Examples, Rule, connected_components, discrepancy
from factdiff.models import AcronymClaim, Discrepancy
from factdiff.text.fold import fold

EXPANSION_SIMILARITY = 85.0


def block_keys(claim: AcronymClaim) -> Iterable[str]:
    if claim.expansion:
        yield claim.acronym


def _same_name(first: str, second: str) -> bool:
    a, b = fold(first), fold(second)
    if a == b:
        return first != second
    if a.startswith(b) or b.startswith(a):
        return False
    return fuzz.ratio(a, b) >= EXPANSION_SIMILARITY


def judge(claims: Sequence[AcronymClaim]) -> Iterable[Discrepancy]:
    forms: dict[str, list[AcronymClaim]] = {}
    for claim in claims:
        forms.setdefault(claim.expansion or "", []).append(claim)
    for component in connected_components(sorted(forms), _same_name):
        acronym = claims[0].acronym
        listed = " and ".join(f"“{form}”" for form in component)
        yield discrepancy(
            RULE,
            subject=f"name of {acronym}",
            key=f"expansion:{acronym}",
            variants=[(form, _first_per_document(forms[form])) for form in component],
            severity="low",
            confidence=0.6,
            explanation=f"{acronym} is spelt out as {listed}: the same organisation written two ways (usually house style).",
        )


def _first_per_document(claims: Sequence[AcronymClaim]) -> list[AcronymClaim]:
    """One piece of evidence per document is enough to show a spelling."""
    seen: dict[str, AcronymClaim] = {}
    for claim in claims:
        seen.setdefault(claim.doc, claim)
    return list(seen.values())


RULE = Rule(
    code="FD302",
    name="organisation-name-variant",
    kind="organisation",
    reads=("acronym",),
    summary="One acronym spelt out in two forms of the same name.",
    why="Consistent organisation names are part of a desk's style; readers notice the slips.",
    keys=block_keys,
    judge=judge,
    examples=Examples(
        catch=(
            ("The Multinational Security Support (MSS) mission.", "The Multi-National Security Support (MSS) Mission."),
            (
                "The Nigeria Police Force (NPF) said the suspects were held.",
                "The Nigerian Police Force (NPF) denied the claim.",
            ),
        ),
        miss=(
            ("Rapid Support Forces (RSF) fought.", "Reporters Sans Frontieres (RSF) said."),
            (
                "The Multinational Security Support (MSS) arrived.",
                "The Multinational Security Support Mission (MSS) arrived.",
            ),
        ),
    ),
)
