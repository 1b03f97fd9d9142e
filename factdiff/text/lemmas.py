"""Content words as lemmas, with synonyms folded: what two sentences that say one thing in
other words still share ('He died of cancer' / 'He succumbed to cancer': die, cancer).

Lemmas come from simplemma's English dictionary (installed with the package, loaded once on
first use, about 0.3 s; then a dictionary look-up per new word form)."""

from __future__ import annotations

from functools import cache, lru_cache

import simplemma

from factdiff.text.lexicon import alignment_data


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(alignment_data().stop_words)


@cache
def _synonym_of() -> dict[str, str]:
    return {word: words[0] for words in alignment_data().synonyms for word in words}


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str | None:
    """The lemma a lower-case word aligns as (synonyms folded), None for a stop word."""
    if word in _stop_words():
        return None
    base = simplemma.lemmatize(word, lang="en").lower()
    if base in _stop_words():
        return None
    return _synonym_of().get(base, base)
