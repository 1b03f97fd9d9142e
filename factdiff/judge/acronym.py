"""FD301 acronym-typo: a rare, undefined acronym one edit from the one the coverage uses.

An acronym that is never defined or introduced in brackets, appears at most twice, is not a well-known one,
and is one edit (substitution, insertion, deletion or swap) from an acronym that is defined
or used at least three times as often around it: "MMS" among a dozen "MSS". An acronym
spelt out two ways is FD302 organisation-name-variant (``acronym_expansion``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import OSA

from factdiff.judge import Examples, Rule, discrepancy
from factdiff.models import AcronymClaim, Discrepancy
from factdiff.text.lexicon import acronym_data

MAX_TYPO_USES = 2
MIN_TYPO_LENGTH = 3
DOMINANCE = 3
"""The likely intended acronym must be used at least this many times as often as the typo."""
MAX_EVIDENCE_USES = 3


def block_keys(claim: AcronymClaim) -> Iterable[str]:
    yield "acronyms"


def judge(claims: Sequence[AcronymClaim]) -> Iterable[Discrepancy]:
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
                RULE,
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


RULE = Rule(
    code="FD301",
    name="acronym-typo",
    kind="acronym",
    reads=("acronym",),
    summary="A rare, undefined acronym one edit away from the acronym the coverage uses.",
    why="A mistyped acronym names a different organisation, or none.",
    keys=block_keys,
    judge=judge,
    examples=Examples(
        catch=(
            (
                "The Multinational Security Support (MSS) mission. The MSS said the MSS was ready. "
                "He was the first officer killed since the MMS’ deployment.",
            ),
            (
                "The Independent Electoral and Boundaries Commission (IEBC) opened the tally. The IEBC said turnout "
                "was high, and the IEBC chairman thanked voters. Observers said the IBEC had been slow.",
            ),
        ),
        miss=(
            ("The US and the UN met. The US said the UN and the US agreed. NATO and NASA too.",),
            (
                "The Multinational Security Support (MSS) mission began in June. The MSS said the MSS was ready. "
                "Médecins Sans Frontières (MSF) said its clinic was full.",
            ),
        ),
    ),
)
