"""What the words around a person's mention say of them, shared by FD201 name-variant and FD205
age-mismatch (this module holds no rule): a mention presented as someone's relative ('her
stepson, Jeremy Ortiz') may share a name with that someone and be another person.
"""

from __future__ import annotations

import re
from functools import cache

from factdiff.models import PersonClaim
from factdiff.text.lexicon import people_data

APPOSITION_CHARS = 80
"""How far after a name an apposition ('…, commander of the MSS mission') is read."""
CONTEXT_WORD = re.compile(r"[\w'’-]+|[,“”\"]")
POSSESSORS = frozenset({"his", "her", "their", "its", "my", "our", "your"})
NOT_APPOSITION = frozenset({"who", "whose", "whom", "which", "that", "and", "or", "but"})


@cache
def kinship() -> frozenset[str]:
    return frozenset(people_data().kinship_nouns)


def around(claim: PersonClaim) -> tuple[list[str], list[str]]:
    """The words right before a mention (to its sentence start) and in the apposition after it."""
    local = claim.start - claim.sentence_start
    before = CONTEXT_WORD.findall(claim.sentence[max(0, local - APPOSITION_CHARS) : local])
    after_text = claim.sentence[local + len(claim.text) : local + len(claim.text) + APPOSITION_CHARS]
    after = CONTEXT_WORD.findall(after_text) if after_text.lstrip().startswith(",") else []
    after = after[1:]
    if after and after[0].lower() in NOT_APPOSITION:
        after = []
    if "," in after:
        after = after[: after.index(",")]
    return before, after


def _possessed(words: list[str], index: int) -> bool:
    """'her stepson', "the deputy's sons", 'son of the deputy': the noun at index is someone's."""
    earlier = [w.lower() for w in words[max(0, index - 3) : index]]
    later = words[index + 1 : index + 3]
    return any(w in POSSESSORS or w.endswith(("'s", "’s", "s'", "s’")) for w in earlier) or (
        len(later) == 2 and later[0] == "of" and not later[1].isdigit()
    )


def relative(claim: PersonClaim) -> bool:
    """The mention is presented as someone's relative: a kinship noun right before it ('her
    stepson, Jeremy Ortiz') or in its apposition ('Jeremy Ortiz, one of the deputy's sons')."""
    kin = kinship()
    before, after = around(claim)
    trimmed = before[:-1] if before[-1:] == [","] else before
    if trimmed and trimmed[-1].lower() in kin and _possessed(trimmed, len(trimmed) - 1):
        return True
    return any(w.lower() in kin and _possessed(after, i) for i, w in enumerate(after))
