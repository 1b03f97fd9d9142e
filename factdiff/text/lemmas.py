"""Content words as lemmas, with synonyms folded: what two sentences that say one thing in
other words still share ('He died of cancer' / 'He succumbed to cancer': die, cancer).

Lemmas come from simplemma's English dictionary (installed with the package), imported at the
first lemma a run needs. simplemma decodes all of its 180,000 word forms into memory at first
use, about 0.3 s: more than the rest of a short run. So the dictionary is decoded once per
installation into an SQLite table in the user's cache folder (``~/.cache/factdiff``, 5 MB),
and a run looks up only the words it meets. Where that folder cannot be written, simplemma's
own dictionary is used: the lemmas are the same either way."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from factdiff.text.cache import cache_folder, write_whole
from factdiff.text.lexicon import alignment_data

if TYPE_CHECKING:
    from simplemma import Lemmatizer
    from simplemma.strategies import DictionaryLookupStrategy

LANGUAGE = "en"


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(alignment_data().stop_words)


@cache
def _synonym_of() -> dict[str, str]:
    return {word: words[0] for words in alignment_data().synonyms for word in words}


@lru_cache(maxsize=1 << 15)
def lemma(word: str) -> str | None:
    """The lemma a lower-case word aligns as (synonyms folded), None for a stop word. Cached for
    the words a process has read lately: most look-ups are of common words. Reading 20,000
    generated articles, 226,139 look-ups of 3,446,097 missed, against 185,111 with room for
    200,000 words, which kept 28 MB more in the process (each worker of a scan holds one)."""
    if word in _stop_words():
        return None
    base = _lemmatizer().lemmatize(word, LANGUAGE).lower()
    if base in _stop_words():
        return None
    return _synonym_of().get(base, base)


@lru_cache(maxsize=65_536)
def is_known(word: str) -> bool:
    """Whether the dictionary lists the word, in either case (simplemma's ``is_known``): asked
    again for the same words as sentences are paired, each time several look-ups."""
    return _lookup().get_lemma(unicodedata.normalize("NFC", word), LANGUAGE) is not None


@cache
def _lemmatizer() -> Lemmatizer:
    """simplemma's default lemmatizer (``simplemma.lemmatize``), reading the cached dictionary,
    without simplemma's own cache of 65,536 words: it is asked only for the words ``lemma``'s
    cache misses, and reading 6,000 generated articles it answered 4,970 of 75,895 of them, while
    it kept 14 MB more in each process."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=CachedDictionaries()), cache_max_size=0)


@cache
def _lookup() -> DictionaryLookupStrategy:
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(CachedDictionaries())


class CachedDictionaries:
    """A simplemma dictionary factory that reads English from the cache (built on first use)."""

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        return _cached_dictionary(lang)


@cache
def _cached_dictionary(lang: str) -> Mapping[str, str]:
    """The language's dictionary as a table on disk, written by the first run that needs it
    (under a temporary name, then renamed: processes that build it at once never read half of
    it); simplemma's own, decoded in memory, if the table cannot be written or read."""
    import simplemma
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    folder = cache_folder()
    path = folder / f"simplemma-{simplemma.__version__}-{lang}.sqlite3" if folder else None
    with contextlib.suppress(OSError, sqlite3.Error):
        if path and path.exists():
            return WordTable(path)
    decoded = DefaultDictionaryFactory().get_dictionary(lang)
    if path:
        _write_table(path, decoded)
    return decoded


def _write_table(path: Path, words: Mapping[str, str]) -> None:
    """The dictionary written as one SQLite table, indexed by word form."""

    def fill(temporary: Path) -> None:
        with contextlib.closing(sqlite3.connect(temporary)) as table:
            table.execute("CREATE TABLE forms (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID")
            table.executemany("INSERT INTO forms VALUES (?, ?)", words.items())
            table.commit()

    write_whole(path, fill, (sqlite3.Error,))


class WordTable(Mapping[str, str]):
    """Word form -> lemma, looked up in the cached SQLite table one word at a time.

    Each process opens its own read-only connection (one must not cross a fork: worker
    processes are forked after the parent has read a sample sentence), as immutable: a table is
    never changed once renamed into place, so SQLite need not lock the file and check it for
    changes at every look-up (5 µs a look-up instead of 24)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.process: int | None = None
        self.connection: sqlite3.Connection | None = None
        self.get("the")  # fails here, not mid-run, if the file is not a table of forms

    def _table(self) -> sqlite3.Connection:
        if self.connection is None or self.process != os.getpid():
            self.connection = sqlite3.connect(f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True)
            self.process = os.getpid()
        return self.connection

    def get(self, form: str, default: str | None = None) -> str | None:  # type: ignore[override]
        row = self._table().execute("SELECT lemma FROM forms WHERE form = ?", (form,)).fetchone()
        return row[0] if row else default

    def __getitem__(self, form: str) -> str:
        found = self.get(form)
        if found is None:
            raise KeyError(form)
        return found

    def __iter__(self) -> Iterator[str]:
        return (form for (form,) in self._table().execute("SELECT form FROM forms"))

    def __len__(self) -> int:
        return int(self._table().execute("SELECT count(*) FROM forms").fetchone()[0])
