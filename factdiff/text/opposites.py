"""Words that say the opposite of each other in the same frame: 'rose' / 'fell', 'suitable' /
'unsuitable'.

A restatement that keeps a sentence's words but turns one of them into its opposite states
the opposite fact ('Quarterly sales rose in Europe' / 'Quarterly sales fell in Europe'). Two
lemmas are opposites when the data lists them (synonyms folded first, so 'increased' and
'dropped' meet as rise and fall) or when one is the other with a negating prefix and the
dictionary knows it ('flexible' / 'inflexible'). They oppose each other only in the same
frame: enough of the content words around each are the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from factdiff.text.lemmas import is_known, lemma
from factdiff.text.lexicon import alignment_data
from factdiff.text.values import Token

FRAME = 3
"""Content words on each side of a word that make its frame."""
MIN_FRAME = 2
"""Frame words two opposed words must share to be about one thing."""
MIN_BASE = 4
"""Letters a word must have for a prefix to negate it ('unable' is listed, not derived)."""
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|n't")


@cache
def _listed() -> dict[str, frozenset[str]]:
    """Each listed lemma's opposites, both ways."""
    table: dict[str, set[str]] = {}
    for first, second in alignment_data().opposites:
        one, other = lemma(first), lemma(second)
        if one and other:
            table.setdefault(one, set()).add(other)
            table.setdefault(other, set()).add(one)
    return {form: frozenset(opposites) for form, opposites in table.items()}


@cache
def _negations() -> frozenset[str]:
    return frozenset(alignment_data().negations)


@cache
def _negatable_endings() -> tuple[str, ...]:
    return tuple(alignment_data().negatable_endings)


@cache
def _not_opposites() -> frozenset[str]:
    return frozenset(alignment_data().not_opposites)


def opposites_of(form: str) -> frozenset[str]:
    """The lemmas that may say the opposite of this one: listed, or with a negating prefix
    added or taken away (whether the dictionary knows the word is asked only of a match)."""
    prefixes = alignment_data().opposite_prefixes
    prefixed = {prefix + form for prefix in prefixes} if len(form) >= MIN_BASE else set()
    bare = {form[len(prefix) :] for prefix in prefixes if form.startswith(prefix)}
    return _listed().get(form, frozenset()) | prefixed | {base for base in bare if len(base) >= MIN_BASE}


def opposite(first: str, second: str) -> bool:
    """Whether two lemmas say the opposite of each other."""
    if second in _listed().get(first, ()):
        return True
    return _prefixed(first, second) or _prefixed(second, first)


def _prefixed(word: str, base: str) -> bool:
    if len(base) < MIN_BASE or word in _not_opposites() or not base.endswith(_negatable_endings()):
        return False
    return any(word == prefix + base for prefix in alignment_data().opposite_prefixes) and is_known(word)


@lru_cache(maxsize=8192)
def negated(sentence: str) -> bool:
    """Whether the sentence holds a negation ('not', 'never', "n't", 'without'); cached: a
    sentence is compared with each of several alike."""
    return any(word.lower() in _negations() for word in WORD.findall(sentence))


class Opposed(NamedTuple):
    """A word of one sentence, its opposite in the other, and the frame words they share."""

    first: Token
    second: Token
    shared: frozenset[str]


def frame(tokens: Sequence[Token], index: int) -> frozenset[str]:
    """The content words within FRAME places of a token, itself and values left out (a
    value's slot, '<number:USD>', says nothing of what is counted)."""
    near = (*tokens[max(0, index - FRAME) : index], *tokens[index + 1 : index + 1 + FRAME])
    return frozenset(token.form for token in near if token.value is None)


def opposed(first: Sequence[Token], second: Sequence[Token]) -> Opposed | None:
    """The first word of one sentence whose opposite the other says in the same frame (MIN_FRAME
    of their frame words shared), where neither sentence also says the other's word."""
    forms_first = {token.form for token in first}
    forms_second = {token.form for token in second}
    for i, token in enumerate(first):
        if token.value is not None or token.form in forms_second:
            continue
        candidates = opposites_of(token.form) & forms_second - forms_first
        for j, other in enumerate(second):
            if other.form in candidates and opposite(token.form, other.form):
                shared = frame(first, i) & frame(second, j)
                if len(shared) >= MIN_FRAME:
                    return Opposed(token, other, shared)
    return None
