"""The library API: what the CLI calls, and what a script can import.

report = factdiff.scan(["seeds/"])
report = factdiff.compare("a.txt", "b.txt", within=True)
report = factdiff.check("wire.txt", ["rewrite.txt", "summary.txt"])
claims = factdiff.extract_claims(["seeds/"])
grouping = factdiff.stories(["archive/"])
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import itertools
import os
import pickle
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from factdiff import extract as extraction
from factdiff.group import WordCounts, blocks, comparable, similar, word_counts
from factdiff.judge import Code, Rule
from factdiff.judge.registry import CODES, RULES
from factdiff.load import (
    STDIN,
    FileTexts,
    MemoryTexts,
    iter_files,
    located,
    make_document,
    read_file,
    read_once,
    shown_path,
    streamed,
)
from factdiff.models import (
    SEVERITY_RANK,
    Agreement,
    ClaimList,
    Discrepancy,
    Document,
    DocumentInfo,
    PackedClaim,
    Report,
    Story,
    Texts,
    Warning_,
    pack,
    packed_info,
    unpack,
    unpacked_info,
)
from factdiff.story import Evidence, EvidenceTable, find_stories, single_story, story_names
from factdiff.text.language import checked, language_of

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

PathLike = str | Path


class Analysis(NamedTuple):
    """Stories, the discrepancies found inside them, and the claims their documents agree on."""

    stories: list[Story]
    discrepancies: list[Discrepancy]
    agreements: Sequence[Agreement] = ()


class Spooled(NamedTuple):
    """Where a document's pickled claims or evidence lie in a ``Spool``."""

    spool: Spool
    offset: int
    size: int

    def read(self) -> bytes:
        return os.pread(self.spool.file.fileno(), self.size, self.offset)


class Spool:
    """Documents' pickled claims and evidence kept in a file instead of in memory, one after
    another. An archive's claims (about 3 KB an article, 300 MB at 100,000) are read back a
    group of stories at a time (``judge_by_story``); its evidence (2 KB an article pickled, 5 KB
    unpickled) when the stories are found, after the worker processes that read it have ended.
    A scan's file is temporary and unnamed: the system deletes it, even if the process dies."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.end = 0

    def keep(self, pickled: bytes) -> Spooled:
        os.pwrite(self.file.fileno(), pickled, self.end)
        spooled = Spooled(self, self.end, len(pickled))
        self.end += len(pickled)
        return spooled


class Read(NamedTuple):
    """What the pipeline keeps of a document once its claims are extracted: not its text, only
    its id, its record for the report, pickled (``info`` gives it back: 100 bytes against 1.5 KB
    as a record), the names its story is found by, pickled (``evidence``), its claims, packed
    and pickled together (about 3 KB for a news article, against 12 KB as tuples:
    ``packed_claims`` unpickles them when they are judged), both in memory or in a scan's
    ``Spool``, and the file to read its text again from (``info.path`` is for showing: a name
    that is not UTF-8 shows escaped)."""

    id: str
    record: bytes
    names: bytes | Spooled
    claims: bytes | Spooled
    file: str

    @property
    def info(self) -> DocumentInfo:
        return unpacked_info(self.record)

    def evidence(self) -> Evidence:
        return pickle.loads(_pickled(self.names))

    def packed_claims(self) -> list[PackedClaim]:
        return pickle.loads(_pickled(self.claims))


def _pickled(kept: bytes | Spooled) -> bytes:
    return kept if isinstance(kept, bytes) else kept.read()


KEYS_BY_KIND = {
    kind: tuple(rule.keys for rule in RULES if kind in rule.reads)
    for kind in dict.fromkeys(kind for rule in RULES for kind in rule.reads)
}
"""Each claim kind's blocking keys, one per rule that reads it: a claim none can block is dropped."""

Progress = Callable[[int, int], None]
"""Called with (documents done, documents in all) as extraction advances."""

PARALLEL_FROM = 64
"""Below this many files, starting worker processes costs more than it saves."""


def extracted(document: Document, all_claims: bool = False, file: str | None = None) -> Read:
    """A document's claims, packed: only those a rule can compare, unless ``all_claims``;
    ``file``: where it was read from (default: its path). A document in a language the rules
    do not read is listed with a note and no claims: English word lists would misread it."""
    language = language_of(document.text)
    notes = document.notes
    if checked(language):
        claims = extraction.extract(document, every_claim=all_claims)
    else:
        claims, notes = [], (*notes, not_checked_note(language))
    kept = claims if all_claims else [claim for claim in claims if comparable(claim, KEYS_BY_KIND)]
    info = DocumentInfo(
        id=document.id,
        path=document.path,
        chars=document.chars,
        date=document.date,
        notes=notes,
        language=language,
        encoding=document.encoding,
        title=document.title,
        source=document.source,
        url=document.url,
    )
    return Read(
        document.id,
        packed_info(info),
        pickle.dumps(story_names(claims), protocol=pickle.HIGHEST_PROTOCOL),
        pickle.dumps([pack(claim) for claim in kept], protocol=pickle.HIGHEST_PROTOCOL),
        document.path if file is None else file,
    )


def not_checked_note(language: str | None) -> str:
    return f"not checked: written in {language}, a language factdiff does not read yet"


class Reading(NamedTuple):
    """How files are read: every claim or only comparable ones, a date for undated articles,
    a size limit, an encoding that overrides detection, which files of a folder to read, and
    whether a folder walk follows symbolic links to folders."""

    all_claims: bool = False
    date: datetime.date | None = None
    max_bytes: int | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    encoding: str | None = None
    follow: bool = False


DEFAULT_READING = Reading()
EVERY_CLAIM = Reading(all_claims=True)


def _read_and_extract(item: tuple[Path, str | None], reading: Reading) -> list[Read | Warning_]:
    """Worker: one file, read and extracted (top level, so a process pool can run it)."""
    return extracted_results(read_file(*item, max_bytes=reading.max_bytes, encoding=reading.encoding), item[0], reading)


def extracted_results(found: Iterable[Document | Warning_], file: Path, reading: Reading) -> list[Read | Warning_]:
    """The documents read from a file (or from a range of its lines, on a cluster) extracted
    as ``reading`` says, dated by --date where their input gives none; warnings kept in place."""
    results: list[Read | Warning_] = []
    for result in found:
        if isinstance(result, Warning_):
            results.append(result)
            continue
        if result.date is None and reading.date is not None:
            result = result.model_copy(update={"date": reading.date})
        results.append(extracted(result, reading.all_claims, str(file)))
    return results


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while claims pile up: each full collection walks every
    object alive, so with an archive's claims in memory it turns linear work quadratic. The
    pipeline makes no cycles worth collecting; the collector resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


WARM_UP = (
    "Kenya’s President William Ruto said 700 police officers of the Kenya Police Service (KPS) "
    "were deployed; Ms Jane Achieng, also known as Jane Akinyi, said she counted more than half of them."
)


def warm_up() -> None:
    """Load every word list, name list and pattern now, by reading one sample sentence: worker
    processes forked afterwards share them instead of loading them each (about 0.5 s apiece)."""
    extraction.extract(make_document(WARM_UP, "warm-up"))


def read_paths(
    paths: Iterable[PathLike],
    jobs: int | None = None,
    progress: Progress | None = None,
    reading: Reading = DEFAULT_READING,
    spool: Spool | None = None,
) -> tuple[list[Read], list[Warning_]]:
    """Read and extract every file under the paths, in input order, with ``jobs`` processes
    (default: one per core for large inputs; standard input and pipes are read in this
    process). The result is the same for any ``jobs``; claims and evidence are kept in
    ``spool`` if one is given."""
    read_once.cache_clear()  # a new run reads standard input and pipes afresh
    paths = list(paths)
    items = list(iter_files(paths, reading.include, reading.exclude, follow=reading.follow))
    unread = folders_with_nothing_to_read(paths, items, reading)
    workers = jobs if jobs is not None else (os.cpu_count() or 1) if len(items) >= PARALLEL_FROM else 1
    if any(streamed(path) for path, problem in items if problem is None):
        workers = 1  # read once, here, so that the text can be had again
    documents: list[Read] = []
    warnings: list[Warning_] = []
    position: dict[str, int] = {}
    with contextlib.ExitStack() as stack:
        if workers > 1:
            from concurrent.futures import ProcessPoolExecutor  # imported here: multiprocessing costs 20 ms

            warm_up()
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers))
            work = functools.partial(_read_and_extract, reading=reading)
            results: Iterable[list[Read | Warning_]] = in_order(pool, work, items, workers)
        else:
            results = (_read_and_extract(item, reading) for item in items)
        for done, results_of_file in enumerate(results, 1):
            if progress is not None:
                progress(done, len(items))
            for result in results_of_file:
                if isinstance(result, Warning_):
                    warnings.append(result)
                elif result.id in position:
                    documents[position[result.id]] = folded(documents[position[result.id]], result.info.path)
                else:
                    position[result.id] = len(documents)
                    if spool is not None:
                        result = result._replace(names=spool.keep(result.names), claims=spool.keep(result.claims))
                    documents.append(result)
    return documents, unread + warnings


CHUNK = 8
"""Files a worker reads at a time: enough that sending them costs little next to reading them."""


def in_order(pool: Executor, work: Callable[[Any], Any], items: Sequence[Any], workers: int) -> Iterator[Any]:
    """``work`` of each item, in order, run ``CHUNK`` items at a time by the pool, with at most
    four chunks a worker waiting: ``pool.map`` submits every chunk at once, each with a future
    and its items (a queue that grows with the archive, not with the workers)."""
    waiting: deque[Future[list[Any]]] = deque()
    chunks = (items[start : start + CHUNK] for start in range(0, len(items), CHUNK))
    try:
        for chunk in itertools.islice(chunks, 4 * workers):
            waiting.append(pool.submit(_each, work, chunk))
        while waiting:
            done = waiting.popleft().result()
            for chunk in itertools.islice(chunks, 1):
                waiting.append(pool.submit(_each, work, chunk))
            yield from done
    finally:
        for future in waiting:
            future.cancel()  # stopped early (an error, Ctrl-C): the chunks not begun are not read


def _each(work: Callable[[Any], Any], chunk: Sequence[Any]) -> list[Any]:
    """Worker: ``work`` of each item of a chunk (top level, so a process pool can run it)."""
    return [work(item) for item in chunk]


def evidence_table(pickled: Mapping[str, bytes | Spooled]) -> EvidenceTable:
    """The documents' evidence (id -> pickled evidence, in memory or in a spool) as one
    compact table; the evidence is unpickled again for the forms a story shows."""

    def evidence_of(doc: str) -> Evidence:
        return pickle.loads(_pickled(pickled[doc]))

    return EvidenceTable(pickled, evidence_of)


def folders_with_nothing_to_read(
    paths: Sequence[PathLike], items: Sequence[tuple[Path, str | None]], reading: Reading
) -> list[Warning_]:
    """A warning for each folder given that yields no file to read: an empty folder, a folder
    of other file types or a --glob that matches nothing must not look like a clean scan."""
    found = [path for path, _ in items]
    warnings = []
    for raw in paths:
        folder = Path(raw)
        if str(raw) == STDIN or not folder.is_dir() or any(folder in path.parents for path in found):
            continue
        others = sorted({child.suffix.lower() or child.name for child in folder.rglob("*") if child.is_file()})
        if not others:
            message = "empty folder: nothing to read"
        elif reading.include or reading.exclude:
            patterns = " ".join(
                [*(f"--glob {p!r}" for p in reading.include), *(f"--exclude {p!r}" for p in reading.exclude)]
            )
            message = f"no file matches {patterns}"
        else:
            shown = ", ".join(others[:5]) + (", …" if len(others) > 5 else "")
            message = f"no readable files ({shown}); --glob PATTERN reads other types as text"
        warnings.append(Warning_(path=shown_path(raw), message=message))
    return warnings


def folded(document: Read, copy: str) -> Read:
    """The document with another input of exactly its text noted as a copy (a wire story
    published twice is normal: it is read once, and the report says where else it was)."""
    info = document.info
    return document._replace(record=packed_info(info.model_copy(update={"copies": (*info.copies, copy)})))


def judge_all(documents: Sequence[Read], texts: Texts, *, one_story: bool = False) -> Analysis:
    """The pipeline after extraction, step by step: stories, then each rule's blocks judged
    inside them, a group of stories at a time, then findings de-duplicated and ordered
    (``texts`` gives back a document's text for the claims that are judged)."""
    stories = group_stories(documents, one_story)
    findings = judge_by_story(documents, stories, lambda _group: texts)
    return Analysis(stories, findings.discrepancies(), findings.agreements())


DOCUMENTS_JUDGED_TOGETHER = 256
"""Documents whose stories are judged together (a larger story is judged alone): the claims
unpacked, the blocks built and the texts read again at a time are a group's, not the run's
(judging 10,000 generated articles at once took 110 MB more at its peak than the stories took
to find), and a group is large enough that its own cost is lost in judging it."""


def judge_by_story(
    documents: Sequence[Read], stories: Sequence[Story], texts_of: Callable[[Sequence[Read]], Texts]
) -> Findings:
    """The stories judged a group at a time (``story_groups``) with the whole run's word
    statistics, the groups' findings merged: what judging every story at once finds.
    ``texts_of``: the texts of a group's documents (``_texts`` keeps only that group's)."""
    place = {document.id: index for index, document in enumerate(documents)}
    statistics = run_statistics(documents)
    findings = Findings({})
    for group, in_order in story_groups(stories, place, DOCUMENTS_JUDGED_TOGETHER):
        group_documents = [documents[place[doc]] for doc in in_order]
        found, agreed = judge_stories(group_documents, group, texts_of(group_documents), statistics).placed()
        merge_first(findings.found, findings.order, found)
        merge_first(findings.agreed, findings.order, agreed)
    return findings


def story_groups(
    stories: Sequence[Story], place: Mapping[str, Any], size: int
) -> Iterator[tuple[list[Story], list[str]]]:
    """Stories in groups of about ``size`` documents, in order, each with its documents in
    input order (``place`` orders them)."""
    group: list[Story] = []
    documents = 0
    for story in stories:
        group.append(story)
        documents += len(story.documents)
        if documents >= size:
            yield group, sorted((doc for s in group for doc in s.documents), key=place.__getitem__)
            group, documents = [], 0
    if group:
        yield group, sorted((doc for s in group for doc in s.documents), key=place.__getitem__)


Statistics = Mapping[str, WordCounts]
"""The run's word statistics for each rule that compares restatements (``Rule.similar``), by code."""


def judge_stories(
    documents: Sequence[Read], stories: Sequence[Story], texts: Texts, statistics: Statistics | None = None
) -> Findings:
    """Each rule's blocks judged inside the stories, which hold every one of the documents.
    The documents may be a part of the run (a group of its stories, ``judge_by_story``, or a
    judging task on a cluster) when ``statistics`` gives the whole run's word statistics:
    every finding depends only on its own story's claims and those statistics, so the parts
    find what the whole does."""
    story_of = {doc: story.id for story in stories for doc in story.documents}
    findings = Findings(story_of)
    claims_by_kind = by_kind(documents)
    for index, rule in enumerate(RULES):
        counts = statistics.get(rule.code) if statistics is not None else None
        for key, block in rule_blocks(rule, claims_by_kind, story_of, texts, counts):
            findings.judge(rule, block, order=(index, *block_order(rule, key, block)))
    return findings


def word_statistics(documents: Sequence[Read]) -> dict[str, WordCounts]:
    """The documents' word statistics for each rule that compares restatements: add up those
    of every part of a run (``merged_statistics``) to judge the parts alike."""
    claims_by_kind = by_kind(documents)
    return {rule.code: word_counts(claims_by_kind, rule.reads, rule.keys) for rule in RULES if rule.similar}


def run_statistics(documents: Sequence[Read]) -> dict[str, WordCounts]:
    """``word_statistics`` of all the documents, DOCUMENTS_JUDGED_TOGETHER documents at a time:
    only those documents' claims are unpacked at once, and each document's once."""
    return merged_statistics(
        word_statistics(documents[start : start + DOCUMENTS_JUDGED_TOGETHER])
        for start in range(0, len(documents), DOCUMENTS_JUDGED_TOGETHER)
    )


def merged_statistics(parts: Iterable[Statistics]) -> dict[str, WordCounts]:
    """The word statistics of several parts of a run, as one, added up as the parts come: a
    part is let go once counted (an archive has hundreds)."""
    codes = [rule.code for rule in RULES if rule.similar]
    claims = dict.fromkeys(codes, 0)
    words = {code: Counter[str]() for code in codes}
    for part in parts:
        for code in codes:
            claims[code] += part[code].claims
            words[code].update(part[code].words)
    return {code: WordCounts(claims[code], words[code]) for code in codes}


def rule_blocks(
    rule: Rule,
    claims_by_kind: Mapping[str, Sequence[PackedClaim]],
    story_of: Mapping[str, str],
    texts: Texts,
    counts: WordCounts | None = None,
) -> Iterator[tuple[str, Sequence[Any]]]:
    """The groups a rule judges: blocks of claims with a key in common, or pairs of
    restatements for a rule that compares them (``Rule.similar``, weighing words by
    ``counts``, the run's word statistics, when given)."""
    if rule.similar:
        return similar(claims_by_kind, rule.reads, rule.keys, story_of, texts, counts)
    return blocks(claims_by_kind, rule.reads, rule.keys, story_of, texts)


def block_order(rule: Rule, key: str, block: Sequence[Any]) -> tuple[Any, ...]:
    """Where a block comes in a whole run's order of a rule's blocks, whatever part of the run
    it was found in: ``blocks`` gives them in key order (the story is in the key), ``similar``
    in the order of their first claim's document and offset."""
    if rule.similar:
        return (block[0].doc, block[0].start, block[0].end)
    return (key,)


def group_stories(documents: Sequence[Read], one_story: bool) -> list[Story]:
    """The documents' stories, found from the evidence each was read with and its date."""
    evidence = evidence_table({document.id: document.names for document in documents})
    if one_story:
        return single_story(evidence)
    return find_stories(evidence, {document.id: document.info.date for document in documents})


def by_kind(documents: Sequence[Read]) -> dict[str, list[PackedClaim]]:
    claims_by_kind: dict[str, list[PackedClaim]] = {}
    for document in documents:
        for packed in document.packed_claims():
            claims_by_kind.setdefault(packed.kind, []).append(packed)
    return claims_by_kind


class Findings:
    """What the rules find, each once, with its story: a fallback rule (FD401, FD402) reports only
    what no earlier rule reported with overlapping evidence."""

    def __init__(self, story_of: Mapping[str, str]) -> None:
        self.story_of = story_of
        self.found: dict[str, Discrepancy] = {}
        self.agreed: dict[str, Agreement] = {}
        self.evidence: dict[str, list[tuple[int, int]]] = {}
        self.evidence_across: dict[str, list[tuple[int, int]]] = {}
        self.order: dict[str, tuple[Any, ...]] = {}
        """Where each finding and agreement was first found, in the run's order of blocks: two
        stories may find one id (the same values on the same subject), and the first is kept."""

    def judge(self, rule: Rule, block: Sequence[Any], order: tuple[Any, ...] = ()) -> None:
        """Judge one block; ``order``: the block's place in the run's order (``block_order``)."""
        for alike in rule.agree(block) if rule.agree is not None else ():
            story = self.story_of[alike.claims[0].doc]
            if alike.id not in self.agreed:
                self.agreed[alike.id] = alike.model_copy(update={"story": story})
                self.order[alike.id] = order
        for discrepancy in rule.judge(block):
            if rule.fallback and self.already_reported(discrepancy):
                continue
            story = self.story_of[discrepancy.variants[0].claims[0].doc]
            if discrepancy.id not in self.found:
                self.found[discrepancy.id] = discrepancy.model_copy(update={"story": story})
                self.order[discrepancy.id] = order
            for variant in discrepancy.variants:
                for claim in variant.claims:
                    self.evidence.setdefault(claim.doc, []).append((claim.start, claim.end))
                    if discrepancy.scope == "across":
                        self.evidence_across.setdefault(claim.doc, []).append((claim.start, claim.end))

    def already_reported(self, discrepancy: Discrepancy) -> bool:
        """Every piece of its evidence overlaps evidence an earlier report shows: a report across
        documents for one across them, any report for one inside a document."""
        shown = self.evidence_across if discrepancy.scope == "across" else self.evidence
        return all(
            any(start < claim.end and claim.start < end for start, end in shown.get(claim.doc, ()))
            for variant in discrepancy.variants
            for claim in variant.claims
        )

    def placed(self) -> tuple[list[Placed], list[Placed]]:
        """Its discrepancies and agreements, each with its place in the run's order: what a part
        of a run (stories judged apart) gives to be merged with the others' (``merge_first``)."""
        return (
            [(self.order[key], found) for key, found in self.found.items()],
            [(self.order[key], agreed) for key, agreed in self.agreed.items()],
        )

    def discrepancies(self) -> list[Discrepancy]:
        """Most severe first, then by kind and subject."""
        return sorted(self.found.values(), key=lambda d: (SEVERITY_RANK[d.severity], d.kind, d.subject, d.id))

    def agreements(self) -> list[Agreement]:
        """Best corroborated first."""
        return sorted(self.agreed.values(), key=lambda a: (-a.independent, -len(a.corroborated_by), a.subject, a.id))


Placed = tuple[tuple[Any, ...], Any]
"""A discrepancy or an agreement with its place in the run's order of blocks (``Findings.order``)."""


def merge_first(into: dict[str, Any], order: dict[str, tuple[Any, ...]], found: Iterable[Placed]) -> None:
    """Keep, for an id two parts of a run found, the finding the whole run finds first."""
    for place, finding in found:
        if finding.id not in into or place < order[finding.id]:
            into[finding.id] = finding
            order[finding.id] = place


def analyse(documents: Sequence[Document], *, one_story: bool = False) -> Analysis:
    """The whole judgement for documents already in memory (tests, benchmarks, scripts)."""
    return judge_all([extracted(document) for document in documents], MemoryTexts(documents), one_story=one_story)


def find_discrepancies(documents: Sequence[Document], *, one_story: bool = False) -> list[Discrepancy]:
    """Every discrepancy within and across the documents, compared within each story."""
    return analyse(documents, one_story=one_story).discrepancies


def report_texts(report: Report | ClaimList) -> Texts:
    """The texts of a report's documents, read again from the files their paths name (for a
    full-text view): a path shown with escapes ("bad\\xff.txt") is looked up in its folder."""
    return FileTexts({d.id: (located(d.path), d.path, d.encoding) for d in report.documents})


def _texts(documents: Sequence[Read]) -> Texts:
    files = {}
    for document in documents:
        info = document.info
        files[document.id] = (document.file, info.path, info.encoding)
    return FileTexts(files)


def _report(
    documents: Sequence[Read],
    warnings: Sequence[Warning_],
    analysis: Analysis,
    discrepancies: Iterable[Discrepancy] | None = None,
) -> Report:
    story_of = {doc: story.id for story in analysis.stories for doc in story.documents}
    return Report(
        documents=tuple(unpacked_info(d.record, story=story_of.get(d.id)) for d in documents),
        stories=tuple(analysis.stories),
        discrepancies=tuple(analysis.discrepancies if discrepancies is None else discrepancies),
        agreements=tuple(analysis.agreements),
        warnings=tuple(warnings),
    )


def scan(
    paths: Iterable[PathLike],
    *,
    one_story: bool = False,
    jobs: int | None = None,
    progress: Progress | None = None,
    reading: Reading = DEFAULT_READING,
    **options: Any,
) -> Report:
    """Discrepancies across and within every readable document under the paths, story by story;
    ``one_story`` treats everything given as one story; ``jobs`` processes read and extract;
    ``reading`` says which files of a folder are read and how (or give its fields as keyword
    arguments: ``date`` for documents whose input gives none, ``max_bytes``, ``include`` and
    ``exclude`` glob patterns, ``encoding``, ``follow``)."""
    reading = reading._replace(**options)
    with collector_paused(), tempfile.TemporaryFile(prefix="factdiff-claims-") as spool_file:
        documents, warnings = read_paths(paths, jobs, progress, reading, Spool(spool_file))
        stories = group_stories(documents, one_story)
        documents = [document._replace(names=b"") for document in documents]  # not needed to judge a story
        findings = judge_by_story(documents, stories, _texts)
        return _report(documents, warnings, Analysis(stories, findings.discrepancies(), findings.agreements()))


def compare(
    first: PathLike,
    second: PathLike,
    *,
    within: bool = False,
    date: datetime.date | None = None,
    encoding: str | None = None,
) -> Report:
    """Discrepancies between two documents, which the user chose as one story; with
    ``within``, each one's internal ones too."""
    documents, warnings = read_paths([first, second], jobs=1, reading=Reading(date=date, encoding=encoding))
    analysis = judge_all(documents, _texts(documents), one_story=True)
    found = analysis.discrepancies
    if not within:
        found = [d for d in found if d.scope == "across"]
    return _report(documents, warnings, analysis, found)


def check(
    source: PathLike | Iterable[PathLike],
    derived: PathLike | Iterable[PathLike],
    *,
    date: datetime.date | None = None,
    encoding: str | None = None,
) -> Report:
    """Every claim of each derived text traced to the source (several files read as one body
    of evidence): supported, contradicted or unsupported (``Report.checks``); the
    discrepancies are those between the source and a derived text, as ``compare`` finds them."""
    reading = Reading(all_claims=True, date=date, encoding=encoding)
    sources, warnings = read_paths(_listed(source), jobs=1, reading=reading)
    derived_documents, more = read_paths(_listed(derived), jobs=1, reading=reading)
    return traced(sources, derived_documents, [*warnings, *more], _texts([*sources, *derived_documents]))


def check_documents(source: Sequence[Document], derived: Sequence[Document]) -> Report:
    """``check`` for documents already in memory (tests, benchmarks, scripts)."""
    sources = [extracted(document, all_claims=True) for document in source]
    derived_documents = [extracted(document, all_claims=True) for document in derived]
    return traced(sources, derived_documents, [], MemoryTexts([*source, *derived]))


def _listed(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    return [paths] if isinstance(paths, (str, Path)) else list(paths)


def traced(sources: Sequence[Read], derived: Sequence[Read], warnings: Sequence[Warning_], texts: Texts) -> Report:
    """Each derived document judged with the sources as one story, then traced claim by claim."""
    from factdiff.trace import Locator, Source, trace  # imported here: only check traces claims

    source_ids = {document.id for document in sources}
    paths = {document.id: document.info.path for document in [*sources, *derived]}
    locator = Locator(texts, paths)
    source_claims = [unpack(packed, texts) for document in sources for packed in document.packed_claims()]
    source = Source([document.id for document in sources], source_claims, locator)
    found: dict[str, Discrepancy] = {}
    checks = []
    for document in derived:
        if document.id in source_ids:
            continue
        analysis = judge_all([*sources, document], texts, one_story=True)
        between = [
            finding
            for finding in analysis.discrepancies
            if finding.scope == "across" and document.id in _documents_of(finding)
        ]
        found.update((finding.id, finding) for finding in between)
        claims = [unpack(packed, texts) for packed in document.packed_claims()]
        checks.extend(trace(document.id, claims, source, between))
    ordered = sorted(found.values(), key=lambda d: (SEVERITY_RANK[d.severity], d.kind, d.subject, d.id))
    return Report(
        documents=tuple(document.info for document in [*sources, *derived]),
        discrepancies=tuple(ordered),
        warnings=tuple(warnings),
        sources=tuple(document.id for document in sources),
        checks=tuple(checks),
    )


def _documents_of(finding: Discrepancy) -> set[str]:
    return {claim.doc for variant in finding.variants for claim in variant.claims}


def stories(paths: Iterable[PathLike], *, jobs: int | None = None, reading: Reading = DEFAULT_READING) -> Report:
    """How the documents under the paths group into stories, without judging anything."""
    with collector_paused():
        documents, warnings = read_paths(paths, jobs, reading=reading)
        return _report(documents, warnings, Analysis(group_stories(documents, one_story=False), []))


def rules() -> tuple[Code, ...]:
    """Every code a finding may carry, in report order: each rule, then the codes it declares
    (FD101, FD102, FD201…), with code, name, kind, summary, why and examples."""
    return CODES


def finding_selectors() -> dict[str, str]:
    """What --kind and the configuration's kinds may name, and which it is: a kind, a rule
    code or a rule name (a code a rule declares, such as FD102, counts as a rule)."""
    return {
        selector: what
        for code in CODES
        for selector, what in ((code.kind, "kind"), (code.code, "code"), (code.name, "rule"))
    }


def claim_kinds() -> tuple[str, ...]:
    """The kinds of claim the extractors read, in extraction order."""
    return tuple(extractor.KIND for extractor in extraction.EXTRACTORS)


def extract_claims(
    paths: Iterable[PathLike], kinds: Iterable[str] | None = None, reading: Reading = EVERY_CLAIM
) -> ClaimList:
    """Every claim read from the documents, for inspection (sentence claims only when asked for)."""
    documents, warnings = read_paths(paths, jobs=1, reading=reading)
    wanted = set(kinds) if kinds is not None else set()
    texts = _texts(documents)
    claims = [
        unpack(packed, texts)
        for document in documents
        for packed in document.packed_claims()
        if packed.kind not in extraction.UNLISTED or packed.kind in wanted
    ]
    return ClaimList(documents=tuple(d.info for d in documents), claims=tuple(claims), warnings=tuple(warnings))
