"""FD301 acronym-typo and FD302 organisation-name-variant.

FD301: an acronym that is never defined or introduced in brackets, appears at most twice, is not a well-known one,
and is one edit (substitution, insertion, deletion or swap) from an acronym that is defined
or used at least three times as often around it: "MMS" among a dozen "MSS".

FD302: one acronym defined with two spellings of the same name, differing in hyphenation,
spacing or word form ("Multinational" / "Multi-National", "Nigeria" / "Nigerian"). Expansions
that are really different (RSF: Rapid Support Forces / Reporters sans frontières) are two
organisations, and an expansion that only adds words ("... Mission") is compatible.
These are low severity: usually house style, not fact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from factdiff.judge import Examples, Rule, connected_components, discrepancy
from factdiff.models import AcronymClaim, Discrepancy
from factdiff.text.fold import fold
from factdiff.text.lexicon import acronym_data

MAX_TYPO_USES = 2
MIN_TYPO_LENGTH = 3
DOMINANCE = 3
"""The likely intended acronym must be used at least this many times as often as the typo."""
EXPANSION_SIMILARITY = 85.0
MAX_EVIDENCE_USES = 3


def typo_keys(claim: AcronymClaim) -> Iterable[str]:
    yield "acronyms"


def judge_typos(claims: Sequence[AcronymClaim]) -> Iterable[Discrepancy]:
    counts = Counter(c.acronym for c in claims)
    defined = {c.acronym for c in claims if c.expansion or c.introduced}
    well_known = set(acronym_data().well_known)
    by_length: dict[int, list[str]] = {}
    for acronym in counts:
        if acronym in defined or counts[acronym] > MAX_TYPO_USES:
            by_length.setdefault(len(acronym), []).append(acronym)
    for acronym in sorted(counts):
        if (
            acronym in defined
            or acronym in well_known
            or counts[acronym] > MAX_TYPO_USES
            or len(acronym) < MIN_TYPO_LENGTH
        ):
            continue
        uses = [c for c in claims if c.acronym == acronym]
        documents = {c.doc for c in uses}
        for target in sorted(by_length.get(len(acronym), [])):
            if counts[target] < DOMINANCE * counts[acronym] and target not in defined:
                continue
            if OSA.distance(acronym, target) != 1:
                continue
            target_claims = [c for c in claims if c.acronym == target and c.doc in documents]
            if not target_claims:
                continue
            definitions = [c for c in target_claims if c.expansion]
            evidence = (definitions + [c for c in target_claims if not c.expansion])[:MAX_EVIDENCE_USES]
            expansion = f" ({definitions[0].expansion})" if definitions else ""
            yield discrepancy(
                TYPO,
                subject=f"acronym {target}{expansion}",
                key=f"acronym:{target}:{acronym}",
                variants=[(target, evidence), (acronym, uses)],
                severity="medium",
                confidence=0.7,
                explanation=(
                    f"“{acronym}” appears {_times(counts[acronym])} and is never defined, while “{target}”{expansion} "
                    f"appears {_times(counts[target])} in the same coverage: “{acronym}” is likely a typo."
                ),
            )
            break


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def expansion_keys(claim: AcronymClaim) -> Iterable[str]:
    if claim.expansion:
        yield claim.acronym


def _same_name(first: str, second: str) -> bool:
    a, b = fold(first), fold(second)
    if a == b:
        return first != second
    if a.startswith(b) or b.startswith(a):
        return False
    return fuzz.ratio(a, b) >= EXPANSION_SIMILARITY


def judge_expansions(claims: Sequence[AcronymClaim]) -> Iterable[Discrepancy]:
    forms: dict[str, list[AcronymClaim]] = {}
    for claim in claims:
        forms.setdefault(claim.expansion or "", []).append(claim)
    for component in connected_components(sorted(forms), _same_name):
        acronym = claims[0].acronym
        listed = " and ".join(f"“{form}”" for form in component)
        yield discrepancy(
            VARIANT,
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


TYPO = Rule(
    code="FD301",
    name="acronym-typo",
    kind="acronym",
    reads=("acronym",),
    summary="A rare, undefined acronym one edit away from the acronym the coverage uses.",
    why="A mistyped acronym names a different organisation, or none.",
    keys=typo_keys,
    judge=judge_typos,
    examples=Examples(
        catch=(
            (
                "The Multinational Security Support (MSS) mission. The MSS said the MSS was ready. "
                "He was the first officer killed since the MMS’ deployment.",
            ),
        ),
        miss=(("The US and the UN met. The US said the UN and the US agreed. NATO and NASA too.",),),
    ),
)
VARIANT = Rule(
    code="FD302",
    name="organisation-name-variant",
    kind="organisation",
    reads=("acronym",),
    summary="One acronym spelt out in two forms of the same name.",
    why="Consistent organisation names are part of a desk's style; readers notice the slips.",
    keys=expansion_keys,
    judge=judge_expansions,
    examples=Examples(
        catch=(
            ("The Multinational Security Support (MSS) mission.", "The Multi-National Security Support (MSS) Mission."),
        ),
        miss=(("Rapid Support Forces (RSF) fought.", "Reporters Sans Frontieres (RSF) said."),),
    ),
)
RULES = (TYPO, VARIANT)
