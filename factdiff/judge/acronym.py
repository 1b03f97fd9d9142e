"""FD301 acronym-typo: a rare, undefined acronym one edit from the one the coverage uses.

An acronym that is never defined or introduced (in brackets, or presented as another name:
"using an alternative acronym for the group, ISIL"), appears at most twice and never twice in
one article, is not a well-known one, and is one edit (substitution, insertion, deletion or
swap) from an acronym that is defined or used at least three times as often around it: "MMS"
among a dozen "MSS". A typo is a slip made once; an acronym an article writes the same way
twice, or defines, is a different organisation named in its own right ("EEF" beside "EDF").
Headline capitals are not acronyms (``extract/acronym.py`` does not take them). An acronym
spelt out two ways is FD302 organisation-name-variant (``acronym_expansion``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import OSA

from factdiff.judge import Examples, Rule, discrepancy
from factdiff.models import AcronymClaim, Discrepancy
from factdiff.text.lexicon import acronym_data

MAX_TYPO_USES = 2
MAX_USES_IN_ONE_ARTICLE = 1
"""An acronym one article writes this often or more is written on purpose."""
MIN_TYPO_LENGTH = 3
DOMINANCE = 3
"""The likely intended acronym must be used at least this many times as often as the typo."""
MAX_EVIDENCE_USES = 3


def block_keys(claim: AcronymClaim) -> Iterable[str]:
    yield "acronyms"


def judge(claims: Sequence[AcronymClaim]) -> Iterable[Discrepancy]:
    counts = Counter(c.acronym for c in claims)
    in_one_article = Counter((c.acronym, c.doc) for c in claims)
    repeated = {acronym for (acronym, _), uses in in_one_article.items() if uses > MAX_USES_IN_ONE_ARTICLE}
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
            or acronym in repeated
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
            if not target_claims or named_side_by_side(uses, target_claims):
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


def named_side_by_side(uses: Sequence[AcronymClaim], others: Sequence[AcronymClaim]) -> bool:
    """Both acronyms in one list ('his IBF, WBO and IBO titles': nothing between them but
    commas, 'and', 'or' and other acronyms): the writer names two organisations, and a typo
    does not sit in a list beside the word it mistypes."""
    for use in uses:
        for other in others:
            if (use.doc, use.sentence_start) != (other.doc, other.sentence_start):
                continue
            first, second = sorted((use, other), key=lambda claim: claim.start)
            between = use.sentence[first.end - use.sentence_start : second.start - use.sentence_start]
            if all(
                word in LIST_WORDS or (word.isupper() and len(word) <= MAX_LISTED)
                for word in LIST_BREAK.split(between)
                if word
            ):
                return True
    return False


LIST_BREAK = re.compile(r"[\s,&/]+")
LIST_WORDS = frozenset({"and", "or"})
MAX_LISTED = 6
"""Longest acronym that may stand between two others in a list."""


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
            (
                "NEW SURVEY DATA SET FOR RELEASE\n\nThe Northern Mining Survey (NMS) said the tremor was small. "
                "The NMS said it would keep monitoring, and the NMS published its data. The NSM was criticised.",
            ),
        ),
        miss=(
            ("The US and the UN met. The US said the UN and the US agreed. NATO and NASA too.",),
            # two organisations named side by side: a list, not a typo
            (
                "The champion kept his WBA title. The WBA said he would defend it. The WBA ordered a rematch. "
                "He now holds the WBA, IBF and WBO belts.",
            ),
            (
                "The Multinational Security Support (MSS) mission began in June. The MSS said the MSS was ready. "
                "Médecins Sans Frontières (MSF) said its clinic was full.",
            ),
            (
                "NEW NSM REPORT SET FOR RELEASE\n\nThe Northern Mining Survey (NMS) said the tremor was small. "
                "The NMS said it would keep monitoring, and the NMS published its data.",
            ),
            (
                "The Northern Mining Survey (NMS) said the tremor was small. The NMS said it would keep monitoring, "
                "and the NMS published its data. A minister, using an alternative acronym for the body, said the "
                "NSM was wrong.",
            ),
            (
                "The Northern Mining Survey (NMS) said the tremor was small. The NMS said it would keep monitoring, "
                "and the NMS published its data. The NMA, which represents quarry owners, agreed. The NMA will "
                "meet the NMS.",
            ),
        ),
    ),
)
