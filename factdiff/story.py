"""Stage 3b: stories. Which documents cover the same story, so facts are compared only within one.

A story, for a newsroom, is the articles about one event or one running situation: the same
people, places and organisations, close in time, often the same distinctive words ('rehab',
'magnitude', 'Aceh'). A look-alike event (another earthquake, another trade) shares the kind
of words but not the who, where and when. So each document is described by its evidence:

- every person (by surname), organisation, acronym and place or other proper name it names,
  also those named once, with how often it names them;
- its distinctive numbers (147 dead, magnitude 5.6, flight 9525), full dates and years;
- its distinctive content words ('rehab', 'quake'): words not common in news writing.

Each piece of evidence weighs by its kind, by how often the document repeats it, and by its
rarity across the folder: a name in a handful of documents says a lot, a name in a fifth of
a large archive says nothing. Near-copies (one wire story run by several outlets) count once
in that rarity, so adding copies never makes a story's own names look common. Two documents
are alike by the cosine of their weighted evidence, halved when their publication dates
(where known) lie more than half a year apart.

Candidate pairs come from an index from evidence to documents, through names, numbers and
dates only, each carried by at most ``POSTING_LIMIT`` documents: never all pairs, and walked
one document at a time (its later neighbours through the index, then the next document), so
the work and the memory stay linear in the number of documents. Stories are then grown by
average linkage: two groups join while the average likeness over all their pairs of documents
(unlinked pairs count as nothing) is at least ``LINK``, best pair first, and stays at least
half that with any one of their documents left out: one long article that covers two stories
cannot pull them together, and no chain of weak links does. Last, an article left alone whose
evidence is mostly held by a story of two or more documents, and whose people (those it names
more than once) the story names too, joins the best such story: a short article (a one-paragraph
update) has too little evidence for a cosine, but all it says is that story's.
"""

from __future__ import annotations

import bisect
import datetime
import hashlib
import heapq
import itertools
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from operator import itemgetter
from typing import Any

from factdiff.models import Story, construct
from factdiff.text.fold import fold
from factdiff.text.lexicon import acronym_data, organisation_data, people_data, place_index, story_data
from factdiff.text.names import organisation_key
from factdiff.text.partition import Partition

Evidence = dict[str, tuple[str, int]]
"""A document's evidence: key ('person:otunge') -> (the form shown, how often it is named)."""

KIND_WEIGHTS = {
    "person": 1.0,
    "organisation": 1.0,
    "acronym": 0.8,
    "name": 0.8,
    "number": 0.6,
    "date": 0.6,
    "year": 0.5,
    "word": 0.25,
}
"""How much one piece of evidence of each kind says: a name more than a date, a date more than a word."""
NAME_KINDS = frozenset({"person", "organisation", "acronym", "name"})
"""Who and where: a group joins a story only through some of these."""
INDEX_KINDS = frozenset({"person", "organisation", "acronym", "name", "number", "date"})
"""Evidence that proposes candidate pairs: specific enough that few documents share it by chance."""
MAX_WORDS = 60
"""Content words kept per document, most repeated first."""
RARE_UP_TO = 10
"""Evidence in at most this many documents weighs in full..."""
COMMON_FROM = 50
COMMON_SHARE = 0.2
"""...and nothing once in this share of the documents (at least ``COMMON_FROM`` of them)."""
COPY = 0.8
"""Documents sharing this share of their evidence are copies of one another."""
POSTING_LIMIT = 100
"""Evidence in more documents proposes no pairs (it still counts in the likeness)."""
LINK = 0.2
"""Average likeness two groups need to be one story."""
LINK_FLOOR = LINK / 16
"""Likeness below this is no link: documents that share only evidence many others carry (a
common surname, a round number). At 100,000 generated articles a third of the candidate pairs
are such; leaving them out changed no story there, at 10,000 or on ECB+, and at 1,000 let one
lone article join the story of its event. At LINK / 8 one of 10,000 articles' stories split:
many weak links add up between two parts of one story."""
HELD = 0.6
"""Share of a group's evidence a story must hold for the group to join it..."""
HELD_NAMES = 0.8
"""...of which this much weight in names (one name in full, or a few shared less rare ones)."""
APART = datetime.timedelta(days=180)
APART_FACTOR = 0.5
"""Documents published further apart than this are half as alike."""
LABEL_NAMES = 3
SHARED_SHOWN = 10

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
ADDRESS = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s?$")
TITLE_CASE_SHARE = 0.6
"""A sentence with more capitalised words than this is a headline: its capitals say nothing."""


def story_names(claims: Iterable[Any]) -> Evidence:
    """A document's evidence from its claims and the sentences that hold them: key -> (label,
    mentions). People, organisations and acronyms come from their claims (news outlets left
    out: they say who reported a story, not what it is); places and other proper names,
    distinctive numbers, dates and content words from the claims and their sentences."""
    evidence = _Collector()
    sentences: dict[int, str] = {}
    personal: set[str] = set()
    for claim in claims:
        sentences.setdefault(claim.sentence_start, claim.sentence)
        if claim.kind == "person":
            personal.update(fold(part) for part in (claim.surname, claim.given or "") if part)
        evidence.claim(claim)
    _words_of(sentences.values(), personal, evidence)
    return evidence.found()


class _Collector:
    """Evidence as it is read: the label first seen (a full name over a bare surname) and a count."""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}
        self.mentions: Counter[str] = Counter()
        self.named: set[str] = set()

    def add(self, key: str, label: str, mentions: int = 1) -> None:
        self.labels.setdefault(key, label)
        self.mentions[key] += mentions

    def claim(self, claim: Any) -> None:
        kind = claim.kind
        if kind == "person":
            key = "person:" + fold(claim.surname)
            if claim.given and not claim.alias_of and key not in self.named:
                self.named.add(key)  # the first full name is the label, over a bare surname
                self.labels[key] = f"{claim.given} {claim.surname}"
            self.add(key, claim.surname)
        elif kind == "organisation" and claim.key not in _outlets():
            self.add("organisation:" + claim.key, claim.name)
        elif kind == "acronym" and claim.acronym not in _well_known():
            self.add("acronym:" + claim.acronym, claim.acronym, 2 if claim.expansion else 1)
        elif kind == "quantity" and _distinctive(claim.value):
            self.add(f"number:{claim.value:g}", claim.text)
        elif kind == "date" and claim.year:
            self.add(f"year:{claim.year:04d}", str(claim.year))
            if claim.month and claim.day and not claim.relative:
                self.add(f"date:{claim.year:04d}-{claim.month:02d}-{claim.day:02d}", claim.text)

    def found(self) -> Evidence:
        return {key: (label, self.mentions[key]) for key, label in self.labels.items()}


def _distinctive(value: float) -> bool:
    """A number that names one event: a fraction (magnitude 5.6) or three significant digits
    (147 dead, flight 9525, 1,450 officers); not 12, 40 or 2,000, which any story may have."""
    if value != int(value):
        return True
    digits = str(int(abs(value))).rstrip("0")
    return len(digits) >= 3


def _words_of(sentences: Iterable[str], personal: set[str], evidence: _Collector) -> None:
    """Proper names and content words. A proper name is a capitalised word, not a sentence's
    first word nor in a headline, that is not an English word ('Qeshm', 'Aceh'; 'Council' is
    not one), not written in lower case elsewhere in the document and not part of a person's
    name; a place form names its country ('Kenyan': Kenya). Content words are written in lower
    case and are not common in news writing."""
    common = _common()
    lower: set[str] = set()
    content: list[str] = []
    capitalised: list[str] = []
    for sentence in sentences:
        tokens = WORD.findall(ADDRESS.sub(" ", sentence) if _may_hold_address(sentence) else sentence)
        if "'" in sentence or "’" in sentence:
            tokens = [POSSESSIVE.sub("", token) if "'" in token or "’" in token else token for token in tokens]
        in_lower_case = list(filter(str.islower, tokens))
        lower.update(in_lower_case)
        content.extend(itertools.filterfalse(common.__contains__, in_lower_case))
        headline = sum(map(str.isupper, map(itemgetter(0), tokens))) > TITLE_CASE_SHARE * len(tokens)
        if not headline:
            capitalised.extend(itertools.filterfalse(str.islower, itertools.islice(tokens, 1, None)))
    words: Counter[str] = Counter()
    for word, count in Counter(content).items():
        if len(word) > 2:
            words[_stem(word)] += count
    places = place_index()
    for token, count in sorted(Counter(capitalised).items()):
        if token.lower() not in lower and _proper(token, personal):
            place = places.get(token)
            evidence.add("name:" + fold(place or token), place or token, count)
    for word, count in sorted(words.items(), key=lambda item: (-item[1], item[0]))[:MAX_WORDS]:
        evidence.add("word:" + word, word, count)


def _may_hold_address(sentence: str) -> bool:
    """Whether ``ADDRESS`` can match: every web address holds '://' or 'www.' (a test that
    costs far less than the pattern's search, in the sentences of every document)."""
    return "://" in sentence or "w." in sentence or "W." in sentence


def _proper(token: str, personal: set[str]) -> bool:
    """A capitalised word that is not an English word, a month or day, nor part of a person's name."""
    if not token[:1].isupper() or token.isupper() or len(token) < 3:
        return False
    plain = token.lower()
    return plain not in _vocabulary() and plain not in _calendar() and fold(token) not in personal


def _stem(word: str) -> str:
    """'earthquakes' and 'earthquake' as one word; 'injuries' as 'injury' (no more than that)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@cache
def _outlets() -> frozenset[str]:
    return frozenset(organisation_key(name.split()) for name in organisation_data().outlets)


@cache
def _well_known() -> frozenset[str]:
    return frozenset(acronym_data().well_known)


@cache
def _vocabulary() -> frozenset[str]:
    return frozenset(story_data().vocabulary)


@cache
def _common() -> frozenset[str]:
    return frozenset(story_data().common)


@cache
def _calendar() -> frozenset[str]:
    return frozenset(word.lower() for word in people_data().calendar_words)


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


class EvidenceTable:
    """Every document's evidence as flat arrays, in document id order: each piece's key (by
    number) and how often the document names it, and each key's kind; not a dict apiece (at
    100,000 articles, 7 million pieces: about 50 MB instead of 460 MB as dicts). The keys'
    text is not kept, nor the forms shown: ``evidence_of`` gives a document's evidence back
    (from a scan's spool) for the few steps that show it, in the order its pieces are here."""

    def __init__(self, docs: Iterable[str], evidence_of: Callable[[str], Mapping[str, tuple[str, int]]]) -> None:
        self.docs = sorted(docs)
        self.evidence_of = evidence_of
        self.starts = array("q", [0])
        self.keys = array("i")
        self.mentions = array("i")
        self.kinds = array("B")
        """Each key's kind, by its place in ``kind_names``."""
        self.carriers = array("i")
        """How many documents carry each key."""
        self.kind_names: list[str] = []
        key_ids: dict[str, int] = {}  # let go once read: the text of 1.2 million keys at 100,000 articles
        kind_ids: dict[str, int] = {}
        for doc in self.docs:
            for key, (_label, mentions) in evidence_of(doc).items():
                if (key_id := key_ids.get(key)) is None:
                    key_id = key_ids[key] = len(self.kinds)
                    kind = _kind(key)
                    if (kind_id := kind_ids.get(kind)) is None:
                        kind_id = kind_ids[kind] = len(self.kind_names)
                        self.kind_names.append(kind)
                    self.kinds.append(kind_id)
                    self.carriers.append(1)
                else:
                    self.carriers[key_id] += 1
                self.keys.append(key_id)
                self.mentions.append(mentions)
            self.starts.append(len(self.keys))
        del key_ids
        if max(self.mentions, default=0) <= 0xFFFF:
            self.mentions = array("H", self.mentions)  # 2 bytes a piece, not 4 (14 MB at 100,000 articles)

    @classmethod
    def of(cls, evidence: EvidenceTable | Mapping[str, Mapping[str, tuple[str, int]]]) -> EvidenceTable:
        """The table of documents' evidence given as a table or as a mapping (id -> evidence)."""
        return evidence if isinstance(evidence, EvidenceTable) else cls(evidence, evidence.__getitem__)

    def kinds_among(self, kinds: Iterable[str]) -> frozenset[int]:
        """The numbers of these kinds, as ``kinds`` holds them."""
        return frozenset(number for number, kind in enumerate(self.kind_names) if kind in kinds)

    def pieces(self, row: int) -> zip[tuple[int, int]]:
        """A document's pieces of evidence (by its row): (key, how often it names it)."""
        start, end = self.starts[row], self.starts[row + 1]
        return zip(self.keys[start:end], self.mentions[start:end], strict=True)

    def row(self, doc: str) -> int:
        """A document's row (the documents are in id order)."""
        return bisect.bisect_left(self.docs, doc)

    def row_keys(self, row: int) -> array:
        return self.keys[self.starts[row] : self.starts[row + 1]]


class _Folder:
    """Every document's evidence, weighed against the whole folder. Near-copies (another
    outlet's version of the same wire story) count once in how many documents carry a piece
    of evidence: adding a copy must not make a story's own names look common. Documents are
    known by their row in the table (``docs``, in id order) and keys by their number."""

    def __init__(self, evidence: EvidenceTable | Mapping[str, Mapping[str, tuple[str, int]]]) -> None:
        table = self.table = EvidenceTable.of(evidence)
        self.docs = table.docs
        self.kinds, self.carriers = table.kinds, table.carriers
        self.postings = self._postings()
        originals = self._originals()
        among = array("i", self.carriers)  # how many originals carry each key
        for row in set(range(len(self.docs))).difference(originals):
            for key in table.row_keys(row):
                among[key] -= 1
        common = max(COMMON_FROM, COMMON_SHARE * len(originals))
        kind_weights = [KIND_WEIGHTS.get(kind, 0.0) for kind in table.kind_names]
        self.weights = array(
            "d", (_weight(kind_weights[kind], among[key], common) for key, kind in enumerate(table.kinds))
        )
        """What each piece of evidence weighs, by its kind and its rarity across the folder. A
        document's vector holds its evidence's weights scaled by how often it names each
        (``vector``); the vectors are not kept (at 10,000 articles, about 37 MB). Evidence in one
        document only is rare wherever it is: it is not counted again among the originals."""
        people = table.kinds_among({"person"})
        named = ((row, tuple(self._people(row, people))) for row in range(len(self.docs)))
        self.central = {row: keys for row, keys in named if keys}
        """The people (their keys, each once) each document that names anyone more than once is about."""

    def _people(self, row: int, people: frozenset[int]) -> Iterator[int]:
        kinds = self.kinds
        for key, mentions in self.table.pieces(row):
            if mentions > 1 and kinds[key] in people:
                yield key

    def vector(self, row: int) -> dict[int, float]:
        """The document's evidence that weighs anything -> its weight in the document."""
        weights = self.weights
        return {key: weights[key] * REPEATED[mentions] for key, mentions in self.table.pieces(row) if weights[key] > 0}

    def mass(self, row: int) -> float:
        """The sum of the document's vector, without making it."""
        weights = self.weights
        return sum(weights[key] * REPEATED[mentions] for key, mentions in self.table.pieces(row) if weights[key] > 0)

    def _postings(self) -> _Postings:
        """Names, numbers and dates carried by few documents, but more than one (most are in
        one only, and pair nothing) -> the rows of those documents, in order."""
        index_kinds, kinds = self.table.kinds_among(INDEX_KINDS), self.kinds
        indexed = (1 < count <= POSTING_LIMIT and kinds[key] in index_kinds for key, count in enumerate(self.carriers))
        return _Postings(self.table, bytearray(indexed))

    def neighbours(self) -> Iterator[tuple[int, list[int]]]:
        """Each document's row and the later documents' rows it shares a name, number or date
        carried by few documents with, in order, one document at a time: only that document's
        later neighbours are held, so memory stays linear however many documents a name links."""
        postings = self.postings
        for first in range(len(self.docs)):
            later: set[int] = set()
            for key in self.table.row_keys(first):
                if key in postings:
                    later.update(postings.after(key, first))
            if later:
                yield first, sorted(later)

    def pairs(self) -> Iterator[tuple[str, str]]:
        """The candidate pairs of documents (``neighbours``), by id, in order."""
        docs = self.docs
        for first, later in self.neighbours():
            for other in later:
                yield docs[first], docs[other]

    def candidates(self) -> set[tuple[str, str]]:
        """Every pair ``pairs`` gives, at once (to inspect; the stages walk them one by one)."""
        return set(self.pairs())

    def _originals(self) -> list[int]:
        """The rows of one document of each group of near-copies: documents whose evidence is
        nearly the same, and which share a name, number or date carried by few documents
        (``pairs``). Candidates come from a prefix filter rather than every pair: with each
        document's evidence ordered rarest first (then by key), two documents sharing COPY of
        their evidence share a piece within the first ``n - floor(COPY * n) + 1`` of either; and
        the rarest piece they share is carried by at most POSTING_LIMIT documents, or they share
        nothing ``pairs`` indexes. So only those pieces are indexed, and the pairs found are the
        same."""
        table, counts, postings = self.table, self.carriers, self.postings
        rows = range(len(self.docs))
        copies = Partition(rows)
        starts = table.starts
        seen: dict[int, list[int]] = defaultdict(list)
        for row in rows:
            keys = table.row_keys(row)
            size = len(keys)
            rarest = sorted((counts[key], key) for key in keys if counts[key] > 1)
            singles = size - len(rarest)  # carried by this document only: the rarest of all
            prefix = [
                key
                for count, key in rarest[: max(0, size - math.floor(COPY * size) + 1 - singles)]
                if count <= POSTING_LIMIT
            ]
            candidates = {other for key in prefix for other in seen[key]}
            if candidates:
                own = set(keys)
            for other in candidates:
                other_size = starts[other + 1] - starts[other]
                small, large = sorted((size, other_size))
                if small < COPY * large:
                    continue  # too different in size to share COPY of their evidence
                shared = own.intersection(table.row_keys(other))
                if len(shared) >= COPY * (small + large - len(shared)) and any(key in postings for key in shared):
                    copies.join(row, other)
            for key in prefix:
                seen[key].append(row)
        return [group[0] for group in copies.groups()]

    def likenesses(self, dates: Mapping[str, datetime.date | None]) -> Iterator[tuple[int, Any, Any]]:
        """Each document's row, its later neighbours' rows (``neighbours``) and how alike it is
        to each: the cosine of their weighted evidence (``vector``), halved when their dates lie
        more than ``APART`` apart; numpy arrays of C ints and floats.

        Computed with numpy rather than one pair at a time (at 100,000 generated articles, 5.5
        million pairs, the links took 27 s instead of 56 s): only the evidence two documents
        can share (carried by more than one, weighing anything) is packed, once, as compressed
        rows; each document's row is spread into one dense array, and its neighbours' pieces
        are read against it and summed per neighbour."""
        import numpy as np  # imported here: 60 ms that only finding stories needs

        starts, columns, repeats, weights, factors, norms = (
            np.frombuffer(packed, dtype)
            for packed, dtype in zip(
                self._packed(), (np.int64, np.intc, np.uint16, np.float64, np.float64, np.float64), strict=True
            )
        )
        days = np.array([day.toordinal() if (day := dates.get(doc)) else -1 for doc in self.docs])
        row = np.zeros(len(weights))  # one place per column
        for first, later in self.neighbours():
            partners = np.array(later, np.intc)
            own = slice(starts[first], starts[first + 1])
            mine = columns[own]
            row[mine] = weights[mine] * factors[repeats[own]]
            begins, lengths = starts[partners], starts[partners + 1] - starts[partners]
            owner = np.repeat(np.arange(len(partners)), lengths)
            pieces = np.arange(len(owner)) + np.repeat(begins - (np.cumsum(lengths) - lengths), lengths)
            read = columns[pieces]
            shared = np.bincount(owner, weights[read] * factors[repeats[pieces]] * row[read], len(partners))
            row[mine] = 0.0
            alike = np.divide(shared, norms[first] * norms[partners], out=np.zeros(len(partners)), where=shared != 0)
            if days[first] >= 0:
                alike[(days[partners] >= 0) & (np.abs(days[partners] - days[first]) > APART.days)] *= APART_FACTOR
            yield first, partners, alike

    def _packed(self) -> tuple[array, ...]:
        """The evidence documents can share (carried by more than one, weighing anything) as
        compressed rows: where each document's pieces start (and the last ends), each piece's
        column and how often the document names it (a code: 2 bytes a piece, not the 8 of its
        value, 37 MB less at 100,000 articles); each column's weight, each code's factor
        (``REPEATED``), so that a piece weighs ``weights[column] * factors[code]`` in its
        document (``vector``); and each document's norm, of its whole vector."""
        evidence_weights, counts = self.weights, self.carriers
        column_of = array("i", [-1]) * len(evidence_weights)  # each key's column, once it has one
        code_of: dict[int, int] = {}  # far fewer than 65,536 distinct counts: each is a count of mentions
        starts, columns, repeats = array("q", [0]), array("i"), array("H")
        weights, factors, norms = array("d"), array("d"), array("d")
        for row in range(len(self.docs)):
            squares = 0.0
            for key, mentions in self.table.pieces(row):
                if (weight := evidence_weights[key]) > 0:
                    value = weight * REPEATED[mentions]
                    squares += value * value
                    if counts[key] > 1:
                        if (column := column_of[key]) < 0:
                            column = column_of[key] = len(weights)
                            weights.append(weight)
                        if (code := code_of.get(mentions)) is None:
                            code = code_of[mentions] = len(factors)
                            factors.append(REPEATED[mentions])
                        columns.append(column)
                        repeats.append(code)
            starts.append(len(columns))
            norms.append(math.sqrt(squares))
        return starts, columns, repeats, weights, factors, norms


class _Postings:
    """The documents (rows, in order) that carry each indexed key, as one flat array rather than
    a list apiece (at 100,000 articles, 9 MB instead of 45): a key's rows end at ``ends[key]``
    in ``flat`` (-1 if the key is not indexed), and it has as many as documents carry it."""

    def __init__(self, table: EvidenceTable, indexed: bytearray) -> None:
        """``indexed``: whether each key is (1) or not (0)."""
        self.carriers = table.carriers
        self.ends = array("i", [-1]) * len(indexed)
        size = 0
        for key, count in enumerate(self.carriers):
            if indexed[key]:
                self.ends[key] = size  # where its rows start, until they are filled in
                size += count
        self.flat = array("i", bytes(4 * size))
        ends = self.ends
        for row in range(len(table.docs)):
            for key in table.row_keys(row):
                if (at := ends[key]) >= 0:
                    self.flat[at] = row
                    ends[key] = at + 1

    def __contains__(self, key: int) -> bool:
        return self.ends[key] >= 0

    def indexed(self) -> Iterator[int]:
        """The indexed keys, in order."""
        return (key for key, end in enumerate(self.ends) if end >= 0)

    def rows(self, key: int) -> array:
        end = self.ends[key]
        return self.flat[end - self.carriers[key] : end]

    def after(self, key: int, row: int) -> array:
        """The rows of the documents after ``row`` that carry the key."""
        end = self.ends[key]
        return self.flat[bisect.bisect_right(self.flat, row, end - self.carriers[key], end) : end]


class _Repeated(dict[int, float]):
    """How much more evidence named n times says than evidence named once (1 + ln n), by n:
    computed once for each n a run meets."""

    def __missing__(self, mentions: int) -> float:
        value = self[mentions] = 1 + math.log(max(mentions, 1))
        return value


REPEATED = _Repeated()


def _weight(weight: float, carriers: int, common: float) -> float:
    """A piece of evidence's weight: its kind's (``weight``), less if many documents carry it
    (in full, the kind's weight itself: one float for all of them, not one each)."""
    return weight if carriers <= RARE_UP_TO else weight * _rarity(carriers, common)


def _rarity(documents: int, common: float) -> float:
    """1 for evidence in few documents, falling to 0 for evidence in ``common`` documents or more."""
    if documents <= RARE_UP_TO:
        return 1.0
    if documents >= common:
        return 0.0
    return (math.log(common / documents) / math.log(common / RARE_UP_TO)) ** 2


def find_stories(
    evidence: EvidenceTable | Mapping[str, Mapping[str, tuple[str, int]]],
    dates: Mapping[str, datetime.date | None] | None = None,
) -> list[Story]:
    """Group documents (their evidence: a table, or id -> evidence) into stories; every
    document is in exactly one. ``dates``: publication dates where known (documents far
    apart in time are less alike)."""
    folder = _Folder(evidence)
    groups = _average_linkage(_links(folder, dates or {}))
    groups = _join_held(groups, folder)
    stories = [_story(sorted(group), folder) for group in groups]
    return sorted(stories, key=lambda story: story.documents)


def _links(folder: _Folder, dates: Mapping[str, datetime.date | None]) -> dict[str, dict[str, float]]:
    """Each document's likeness to the documents it is alike, kept only where average linkage
    can use it. Groups merge only if the average over their pairs reaches ``LINK``, so only if
    some pair of theirs does: a group never reaches past the documents that links of ``LINK``
    or more connect (its strong component). Weaker links are held as packed arrays until the
    components are known, and only those inside one are kept: at 100,000 articles most weak
    links join documents that no strong chain connects."""
    docs = folder.docs
    firsts, seconds, values = array("i"), array("i"), array("d")
    strong = Partition(docs)
    for first, partners, alike in folder.likenesses(dates):  # one document and its later neighbours at a time
        kept = alike >= LINK_FLOOR
        firsts.extend(itertools.repeat(first, int(kept.sum())))
        seconds.frombytes(partners[kept].tobytes())
        values.frombytes(alike[kept].tobytes())
        for second in partners[alike >= LINK].tolist():
            strong.join(docs[first], docs[second])
    component = [strong.root(doc) for doc in docs]
    links: dict[str, dict[str, float]] = {doc: {} for doc in docs}
    for first, second, value in zip(firsts, seconds, values, strict=True):
        if component[first] == component[second]:
            one, other = docs[first], docs[second]
            links[one][other] = links[other][one] = value
    return links


def _average_linkage(links: dict[str, dict[str, float]]) -> list[list[str]]:
    """Groups grown best pair first while the average likeness over all their document pairs
    is at least ``LINK``. ``links``: each document's likeness to the others it is alike (it is
    used up as groups merge). Ties break by document id, so the result depends on the texts only."""
    alike = {doc: dict(pairs) for doc, pairs in links.items()}  # between documents, as links merge
    members = {doc: [doc] for doc in links}
    version = dict.fromkeys(links, 0)
    queue = [
        (-value, first, second, 0, 0)
        for first, pairs in links.items()
        for second, value in pairs.items()
        if first < second and value >= LINK
    ]
    heapq.heapify(queue)
    while queue:
        _, first, second, first_version, second_version = heapq.heappop(queue)
        if version.get(first) != first_version or version.get(second) != second_version:
            continue  # a group that has grown since: its pairs were queued again
        if not _without_any_one(members[first], members[second], alike):
            continue
        members[first].extend(members.pop(second))
        del version[second]
        version[first] += 1
        for other, value in links.pop(second).items():
            del links[other][second]
            if other != first:
                links[first][other] = links[other][first] = links[first].get(other, 0.0) + value
        for other, total in links[first].items():
            average = total / (len(members[first]) * len(members[other]))
            if average >= LINK:
                low, high = min(first, other), max(first, other)
                heapq.heappush(queue, (-average, low, high, version[low], version[high]))
    return list(members.values())


def _without_any_one(one: Sequence[str], other: Sequence[str], alike: Mapping[str, Mapping[str, float]]) -> bool:
    """Whether two stories of two or more documents each stay half as alike as they must be
    with any one of their documents left out: a long article covering both must not be what
    joins them."""
    if len(one) < 2 or len(other) < 2:
        return True
    if len(one) > len(other):
        one, other = other, one
    across = set(other)
    given: Counter[str] = Counter()
    total = 0.0
    for first in one:
        for second, value in alike[first].items():
            if second in across:
                given[first] += value
                given[second] += value
                total += value
    for doc, value in given.items():
        in_other = doc in across
        left = (len(one) - (not in_other)) * (len(other) - in_other)
        if (total - value) / left < LINK / 2:
            return False
    return True


def _join_held(groups: list[list[str]], folder: _Folder) -> list[list[str]]:
    """Each article left alone whose evidence is mostly held by a story of two or more
    documents joins the best such story (a short update joins the story it updates). Stories
    are proposed by the names, numbers and dates the article shares with them, as pairs are,
    and must name every person the article is about (names more than once): an article about
    another boxer's fight is not an update of this one. Two stories never join this way,
    whatever one long article of theirs holds. What a story holds is worked out only for the
    stories some article proposes, one story at a time, for all the articles that propose it:
    at 100,000 articles, holding them all took 130 MB."""
    rows = [[folder.table.row(doc) for doc in group] for group in groups]
    story_of = {row: index for index, group in enumerate(rows) if len(group) > 1 for row in group}
    stories_of: dict[int, tuple[int, ...]] = {}  # evidence in the index -> the stories that carry it
    for key in folder.postings.indexed():
        if stories := {story_of[row] for row in folder.postings.rows(key) if row in story_of}:
            stories_of[key] = tuple(stories)
    weights = folder.weights
    proposing: dict[int, list[int]] = defaultdict(list)  # a story -> the lone articles' rows that propose it
    alone: dict[int, int] = {}  # a lone article's row -> its group
    masses: dict[int, float] = {}  # a lone article's row -> what its evidence weighs
    for index, group in enumerate(rows):
        if len(group) > 1:
            continue  # a story of its own: only a lone article joins by what a story holds
        [row] = group
        keys = folder.table.row_keys(row)
        if sharing := {other for key in keys if key in stories_of and weights[key] > 0 for other in stories_of[key]}:
            alone[row], masses[row] = index, folder.mass(row)
            for other in sharing:
                proposing[other].append(row)
    offers = _offers(proposing, rows, folder, masses)
    target = {}
    for row, offered in offers.items():
        best, best_share = None, 0.0
        for _first, share, other in sorted(offered):  # on a tie, the story whose first document comes first
            if share > best_share:
                best, best_share = other, share
        if best is not None and best_share >= HELD:
            target[alone[row]] = best
    joined: dict[int, list[str]] = defaultdict(list)
    for index, group in enumerate(groups):
        joined[target.get(index, index)].extend(group)
    return list(joined.values())


def _held(group: Sequence[int], folder: _Folder) -> dict[int, float]:
    """The evidence a story holds: each piece at the most any of its documents gives it."""
    union: dict[int, float] = {}
    for row in group:
        for key, value in folder.vector(row).items():
            union[key] = max(value, union.get(key, 0.0))
    return union


def _offers(
    proposing: Mapping[int, Sequence[int]], rows: Sequence[Sequence[int]], folder: _Folder, masses: Mapping[int, float]
) -> dict[int, list[tuple[int, float, int]]]:
    """What each lone article (its row) is offered by the stories it proposes: (the story's
    first row, the share of the article's evidence it holds, the story), for each story that
    holds more than the article, names every person it is about and holds ``HELD_NAMES`` of
    its weight in names. ``masses``: what each article's evidence weighs."""
    names = folder.table.kinds_among(NAME_KINDS)
    offers: dict[int, list[tuple[int, float, int]]] = defaultdict(list)
    for other, proposers in proposing.items():
        group = rows[other]
        held = _held(group, folder)
        size = (sum(held.values()), len(group), min(group))
        for row in proposers:
            mass = masses[row]
            if size > (mass, 1, row) and all(key in held for key in folder.central.get(row, ())):
                share = _share_held(folder, row, mass, held, names)
                if share is not None:
                    offers[row].append((size[2], share, other))
    return offers


def _share_held(
    folder: _Folder, row: int, total: float, held: Mapping[int, float], names: frozenset[int]
) -> float | None:
    """The share of an article's evidence (its row, weighing ``total``) a story holds, if
    ``HELD_NAMES`` of that weight is in names (keys of a kind among ``names``)."""
    weights, kinds = folder.weights, folder.kinds
    shared = [
        (kinds[key] in names, weights[key] * REPEATED[mentions])
        for key, mentions in folder.table.pieces(row)
        if key in held
    ]
    if sum(value for named, value in shared if named) < HELD_NAMES:
        return None
    return sum(value for _, value in shared) / total


def single_story(evidence: EvidenceTable | Mapping[str, Mapping[str, tuple[str, int]]]) -> list[Story]:
    """Everything given is one story (``--one-story``, and ``compare``)."""
    folder = _Folder(evidence)
    return [_story(folder.docs, folder)] if folder.docs else []


def _story(docs: Sequence[str], folder: _Folder) -> Story:
    """A story with why its documents are together: ``shared``, the people, organisations and
    acronyms that two or more of its documents are about (a person named by full name and more
    than once, an acronym defined or used twice, any organisation), most shared first, the
    first three its label; and ``evidence``: the places, numbers, dates and words two or more
    of its documents share, most shared first. The documents' evidence is read again for the
    forms it shows, in the order of the table's pieces."""
    about: Counter[str] = Counter()
    carried: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    shown: dict[str, str] = {}
    table, weights, kinds = folder.table, folder.weights, folder.kinds
    several = len(docs) > 1  # what one document alone shows is only what it is about
    for doc in docs:
        numbers = table.row_keys(table.row(doc))
        for number, (key, (label, mentions)) in zip(numbers, table.evidence_of(doc).items(), strict=True):
            if several:
                carried[key] += 1
                weight[key] += weights[number] * REPEATED[mentions]
                shown.setdefault(key, label)
            if _about(table.kind_names[kinds[number]], label, mentions):
                about[key] += 1
                shown.setdefault(key, label)
    ranked = sorted(about, key=lambda key: (-about[key], shown[key]))
    shared = [shown[key] for key in ranked if about[key] > 1]
    label = shared[:LABEL_NAMES] or [shown[key] for key in ranked[:LABEL_NAMES]]
    others = sorted(
        (key for key in carried if carried[key] > 1 and weight[key] > 0 and key not in about),
        key=lambda key: (-carried[key], -weight[key], shown[key]),
    )
    digest = hashlib.sha1("\x1f".join(sorted(docs)).encode()).hexdigest()[:8]
    fields: dict[str, Any] = {
        "id": f"S-{digest}",
        "label": ", ".join(label) or "(no names)",
        "documents": tuple(sorted(docs)),
        "shared": tuple(shared[:SHARED_SHOWN]),
        "evidence": tuple(_unique(shown[key] for key in others)[:SHARED_SHOWN]),
    }
    return construct(Story, **fields)


def _about(kind: str, label: str, mentions: int) -> bool:
    """A name the document is about, as a story's label shows: any organisation, an acronym
    defined or used twice, a person named in full and more than once."""
    if kind == "organisation":
        return True
    if kind == "acronym":
        return mentions >= 2
    return kind == "person" and mentions >= 2 and " " in label


def _unique(labels: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    return [label for label in labels if not (label in seen or seen.add(label))]
