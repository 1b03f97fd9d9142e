"""The scan on a Dask cluster (``factdiff scan --engine dask``): the same report, byte for byte.

The pipeline is split where its data is small:

1. read and extract: a map over batches of files, and over ranges of whole lines of each large
   JSON Lines shard; the workers read the files (they must reach the same paths as the client:
   shared storage) and keep the claims;
2. digests and stories: the client takes in each document's id and report record, packed, as
   they arrive, and folds copies; one task on the cluster finds the stories, as the in-process
   engine does, from each document's date and the names its story is found by, which never
   reach the client (nor does the story step's work hold up the client's event loop, which on a
   local cluster is also the scheduler's);
3. word statistics: each batch's counts for the rules that compare restatements, added up on
   the cluster (a restatement's words weigh by the whole run, ``group.WordCounts``);
4. judging: a map over batches of stories, each task given its documents' claims (picked out
   of their batches by a task on each worker that holds some, so only those documents travel)
   and reading evidence again from the files; the client merges the findings, keeping for an
   id found in two stories the one the whole run finds first.

Claims and texts stay on the workers; what crosses the network is digests, each document's
story names (to the story task), word counts, stories and findings. Progress counts the
cluster's finished tasks: files and ranges read, then documents judged. Dask is an optional
dependency: ``pip install 'factdiff[dask]'``.
"""

from __future__ import annotations

import contextlib
import datetime
import itertools
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, Protocol

from factdiff import api
from factdiff.errors import FactdiffError
from factdiff.load import BOMS, iter_files, shown_path, streamed
from factdiff.load.decode import MOJIBAKE
from factdiff.load.formats import RECORD_SUFFIXES, jsonl_record
from factdiff.models import Report, Story, Warning_, unpacked_info
from factdiff.story import find_stories, single_story

FILES_PER_TASK = 8, 64
"""Files read and extracted by one task, at least and at most: enough to outweigh a task's
overhead, few enough to spread a small input over the workers. Between the two, a large input
gives each of the cluster's threads TASKS_PER_THREAD tasks: the scheduler's and the client's
work grows with the tasks, not the files (64 files are 1.5 to 2 s of one core's extraction)."""
TASKS_PER_THREAD = 16
"""Reading tasks a large input gives each thread of the cluster: enough to even out their lengths."""
RANGE_BYTES = 8 * 2**20
"""A JSON Lines shard larger than this is read by several tasks, each about this many bytes of
whole lines: some 3,000 news articles, a minute or more of one core's extraction (20 to 30 ms an
article, benchmarks/results/dask.md), so a range's own cost (a task, and a pass over its bytes to
find where its lines fall, about 0.13 s, run beside the other ranges') is lost in it, while a
1 GB shard still spreads over 128 tasks and a worker lost mid-run costs a minute to read again."""
DOCUMENTS_PER_JUDGE = 256
"""Documents whose stories one judging task takes (a larger story is one task of its own)."""
FAN_IN = 32
"""Word statistics added up this many at a time, in a tree."""
INSTALL = "--engine dask needs dask.distributed: pip install 'factdiff[dask]'"
BYTE_ORDER_MARKS = tuple(mark for mark, _ in BOMS)

Where = tuple[int, int, int]
"""A document's place on the cluster: its reading task, the piece it read, the document in the
piece. Its order is the input order."""


class Progress(Protocol):
    """Called with (done, in all, phase) as the cluster finishes tasks: files and ranges of
    shards "reading", then documents "judging"."""

    def __call__(self, done: int, total: int, phase: str) -> None: ...


class Piece(NamedTuple):
    """What a reading task reads: a whole file, or range ``part`` of the ``parts`` of a shard."""

    path: Path
    problem: str | None
    part: int = 0
    parts: int = 1


class Digest(NamedTuple):
    """What the client is sent of a document: its id and its report record, packed."""

    id: str
    info: bytes


StoryEvidence = tuple[str, "datetime.date | None", bytes]
"""What a document's story is found by, which stays on the cluster: its id, date and names, pickled."""


def scan(
    paths: Iterable[api.PathLike],
    *,
    one_story: bool = False,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    reading: api.Reading = api.DEFAULT_READING,
) -> Report:
    """``api.scan`` on Dask: on the cluster at ``scheduler`` (``tcp://HOST:8786``), else on a
    local cluster of ``jobs`` worker processes (default: one per core), one thread each."""
    try:
        from dask.distributed import Client, LocalCluster
        from distributed.utils import CancelledError
    except ImportError:
        raise FactdiffError(INSTALL, code="E301") from None
    paths = list(paths)
    items = list(iter_files(paths, reading.include, reading.exclude, follow=reading.follow))
    if any(streamed(path) for path, problem in items if problem is None):
        raise FactdiffError(
            "--engine dask reads files its workers can reach: read standard input and pipes with --engine in-process",
            code="E302",
        )
    unread = api.folders_with_nothing_to_read(paths, items, reading)
    with contextlib.ExitStack() as stack:
        if scheduler is None:
            workers = jobs or os.cpu_count() or 1
            with warnings.catch_warnings():  # its status server moves to a free port if 8787 is taken
                warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
                cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
                )
            stack.callback(cluster.close)
            client = Client(cluster)
        else:
            client = Client(scheduler)
        stack.callback(client.close)
        try:
            return _scan_on(client, items, unread, one_story, progress, reading)
        except CancelledError as error:  # the client lost the scheduler: its futures are cancelled
            raise FactdiffError(
                f"the Dask cluster's work was lost ({_why_cancelled(error)}); nothing is reported: run again",
                code="E303",
            ) from None


def _why_cancelled(error: BaseException) -> str:
    """Dask's reasons for cancelling futures (``scheduler-connection-lost``), on one line."""
    groups = getattr(error, "error_groups", None) or [error]
    return ", ".join(sorted({str(getattr(group, "reason", None) or "cancelled") for group in groups}))


def _scan_on(
    client: Any,
    items: Sequence[tuple[Path, str | None]],
    unread: list[Warning_],
    one_story: bool,
    progress: Progress | None,
    reading: api.Reading,
) -> Report:
    threads = sum(client.nthreads().values()) or 1
    batches = _batches(_pieces(items, reading), _files_per_task(len(items), threads))
    read = _read(client, batches, reading)
    evidence = [client.submit(_story_evidence, batch) for batch in read]
    gathered = _gathered(client, read, [len(batch) for batch in batches], progress)
    stories = client.submit(_stories, evidence, one_story).result()
    del evidence  # let go on the cluster
    _check_the_same_documents(stories, gathered.where)
    findings = _judged(client, read, stories, gathered.where, progress)
    analysis = api.Analysis(stories, findings.discrepancies(), findings.agreements())
    return api._report(gathered.documents(), [*unread, *gathered.warnings], analysis)


def _check_the_same_documents(stories: Sequence[Story], where: Mapping[str, Where]) -> None:
    """The stories hold exactly the documents the digests gave: the two are taken from a batch
    by separate tasks, and a batch read again between them (its worker lost) whose file changed
    would otherwise leave documents out of every story, unjudged."""
    in_stories = [doc for story in stories for doc in story.documents]
    if len(in_stories) != len(where) or not all(doc in where for doc in in_stories):
        raise FactdiffError("an input changed while factdiff was reading it; run again", code="E102")


def _gathered(client: Any, read: Sequence[Any], sizes: Sequence[int], progress: Progress | None) -> Gathered:
    """Each batch's digests taken in as its task finishes (progress: the pieces read)."""
    from dask.distributed import as_completed

    futures = [client.submit(_digests, batch) for batch in read]
    index_of = {future.key: index for index, future in enumerate(futures)}
    arriving = as_completed(futures)
    del futures  # each batch's digests are let go on the cluster once taken in
    gathered = Gathered()
    done, total = 0, sum(sizes)
    for future in arriving:
        gathered.take(index_of[future.key], future.result())
        done += sizes[index_of[future.key]]
        if progress is not None:
            progress(done, total, "reading")
    return gathered


def _judged(
    client: Any, read: Sequence[Any], stories: Sequence[Story], where: Mapping[str, Where], progress: Progress | None
) -> api.Findings:
    """The stories judged on the cluster in batches, their findings merged as they come in
    (progress: the documents of the batches judged)."""
    from dask.distributed import as_completed

    statistics = _statistics(client, read, where)
    holders = client.who_has(read)
    holder = {batch: min(holders[future.key], default=None) for batch, future in enumerate(read)}
    judging: dict[str, tuple[Any, int]] = {}
    for group, group_documents in api.story_groups(stories, where, DOCUMENTS_PER_JUDGE):
        picked = _picked_out(client, read, holder, where, group_documents)
        future = client.submit(_judge, group, group_documents, statistics, picked)
        judging[future.key] = future, len(group_documents)
    findings = api.Findings({})
    judged = 0
    if progress is not None:
        progress(judged, len(where), "judging")
    for future in as_completed([future for future, _ in judging.values()]):
        found, agreed = future.result()
        api.merge_first(findings.found, findings.order, found)
        api.merge_first(findings.agreed, findings.order, agreed)
        judged += judging.pop(future.key)[1]
        if progress is not None:
            progress(judged, len(where), "judging")
    return findings


class Gathered:
    """What the client holds of the documents, taken in as the digests arrive and kept in input
    order, a text read twice folded into its first reading (as ``api.read_paths`` folds it)."""

    def __init__(self) -> None:
        self.infos: list[bytes] = []
        """Each document's report record, packed."""
        self.copies: dict[str, list[str]] = {}
        """Paths of later inputs with exactly a document's text."""
        self.where: dict[str, Where] = {}
        """Where each document's claims are on the cluster."""
        self.warnings: list[Warning_] = []
        self.waiting: dict[int, list[list[Digest | Warning_]]] = {}
        """Batches that came in before one ahead of them in input order."""
        self.next_batch = 0

    def take(self, batch: int, digests: Sequence[Sequence[Digest | Warning_]]) -> None:
        """One reading task's digests, whenever it finishes."""
        self.waiting[batch] = [list(in_piece) for in_piece in digests]
        while self.next_batch in self.waiting:
            self._add(self.next_batch, self.waiting.pop(self.next_batch))
            self.next_batch += 1

    def _add(self, batch: int, digests: Sequence[Sequence[Digest | Warning_]]) -> None:
        for piece, results in enumerate(digests):
            for index, result in enumerate(results):
                if isinstance(result, Warning_):
                    self.warnings.append(result)
                elif result.id in self.where:
                    self.copies.setdefault(result.id, []).append(unpacked_info(result.info).path)
                else:
                    self.infos.append(result.info)
                    self.where[result.id] = (batch, piece, index)

    def documents(self) -> list[api.Read]:
        """The documents as the report lists them: each record unpacked, its copies folded in."""
        documents = []
        for packed in self.infos:
            document = api.Read(unpacked_info(packed).id, packed, b"", b"", "")
            for copy in self.copies.get(document.id, ()):
                document = api.folded(document, copy)
            documents.append(document)
        return documents


def _pieces(items: Iterable[tuple[Path, str | None]], reading: api.Reading) -> Iterator[Piece]:
    """Each file to read, a large JSON Lines shard as ranges of its lines."""
    for path, problem in items:
        parts = _parts(path, problem, reading)
        for part in range(parts):
            yield Piece(path, problem, part, parts)


def _parts(path: Path, problem: str | None, reading: api.Reading) -> int:
    """How many tasks read a file: one per RANGE_BYTES of a JSON Lines shard read as its bytes
    say (not with --encoding, which may not be UTF-8, nor one --max-bytes skips)."""
    if problem is not None or reading.encoding is not None or path.suffix.lower() not in RECORD_SUFFIXES:
        return 1
    try:
        size = path.stat().st_size
    except OSError:
        return 1  # reading it says why
    if reading.max_bytes is not None and size > reading.max_bytes:
        return 1
    return max(1, -(-size // RANGE_BYTES))


def _files_per_task(files: int, threads: int) -> int:
    """How many whole files one reading task takes (FILES_PER_TASK)."""
    fewest, most = FILES_PER_TASK
    return min(most, max(fewest, -(-files // (threads * TASKS_PER_THREAD))))


def _batches(pieces: Iterable[Piece], files_per_task: int) -> list[list[Piece]]:
    """The pieces in input order, in batches of up to ``files_per_task`` whole files or one range of a shard."""
    batches: list[list[Piece]] = []
    for piece in pieces:
        if piece.parts == 1 and batches and batches[-1][-1].parts == 1 and len(batches[-1]) < files_per_task:
            batches[-1].append(piece)
        else:
            batches.append([piece])
    return batches


def _read(client: Any, batches: Sequence[Sequence[Piece]], reading: api.Reading) -> list[Any]:
    """Futures of the batches read and extracted, in input order; a shard's ranges once tasks
    beside them have found where its lines fall."""
    read = []
    ranges = None
    for batch in batches:
        piece = batch[0]
        if piece.parts == 1:
            read.append(client.submit(_read_batch, batch, reading, pure=False))
            continue
        if piece.part == 0:
            ranges = client.submit(
                _line_ranges,
                [
                    client.submit(_lines_in_range, piece.path, part, piece.parts, RANGE_BYTES, pure=False)
                    for part in range(piece.parts)
                ],
            )
        read.append(client.submit(_read_range, piece, ranges, reading, pure=False))
    return read


def _read_batch(batch: Sequence[Piece], reading: api.Reading) -> list[list[api.Read | Warning_]]:
    """Worker: each file of a batch read and extracted."""
    return [api._read_and_extract((piece.path, piece.problem), reading) for piece in batch]


class LinesInRange(NamedTuple):
    """Where a range of a shard's whole lines falls, how many lines it holds (as
    ``str.splitlines`` counts them, as the reader numbers records) and whether it is blank."""

    start: int
    end: int
    lines: int
    blank: bool


def _lines_in_range(path: Path, part: int, parts: int, size: int) -> LinesInRange | None:
    """Worker: range ``part`` of a shard cut into ``parts`` of about ``size`` bytes, each from
    the first line that starts in it; None when reading the shard in parts could differ from
    reading it whole: a byte-order mark, a NUL, bytes that are not UTF-8 or mojibake (the whole
    file decides how it is decoded and repaired)."""
    try:
        with path.open("rb") as file:
            start = _line_start(file, part * size)
            end = _line_start(file, (part + 1) * size) if part < parts - 1 else None
            file.seek(start)
            data = file.read(-1 if end is None else end - start)
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # read whole: as the reader decodes it, or says why it cannot
    if b"\x00" in data or (part == 0 and data.startswith(BYTE_ORDER_MARKS)) or MOJIBAKE.search(text):
        return None
    return LinesInRange(start, start + len(data), len(text.splitlines()), not text.strip())


def _line_start(file: BinaryIO, offset: int) -> int:
    """Where the first line that starts at or after an offset starts."""
    if offset == 0:
        return 0
    file.seek(offset - 1)
    file.readline()
    return file.tell()


def _line_ranges(found: Sequence[LinesInRange | None]) -> list[tuple[int, int, int]] | None:
    """Worker: each range of a shard as (start, end, lines before it); None when the shard
    must be read whole: a range cannot be read alone, or all are blank (an empty file)."""
    ranges = [facts for facts in found if facts is not None]
    if len(ranges) < len(found) or all(facts.blank for facts in ranges):
        return None
    before = itertools.accumulate((facts.lines for facts in ranges), initial=0)
    return [(facts.start, facts.end, lines) for facts, lines in zip(ranges, before, strict=False)]


def _read_range(
    piece: Piece, ranges: Sequence[tuple[int, int, int]] | None, reading: api.Reading
) -> list[list[api.Read | Warning_]]:
    """Worker: the records of one range of a shard's lines, numbered, read and extracted as
    the reader of the whole file does; the whole file in the first range when it cannot be
    read in parts."""
    if ranges is None:
        return [api._read_and_extract((piece.path, piece.problem), reading) if piece.part == 0 else []]
    start, end, before = ranges[piece.part]
    name = shown_path(piece.path)
    lines = enumerate(_range_text(piece.path, start, end).splitlines(), before + 1)
    records = (jsonl_record(name, number, line) for number, line in lines if line.strip())
    return [api.extracted_results(records, piece.path, reading)]


def _range_text(path: Path, start: int, end: int) -> str:
    """The text between two offsets of a shard, which its pass found whole lines of UTF-8."""
    with contextlib.suppress(OSError, UnicodeDecodeError), path.open("rb") as file:
        file.seek(start)
        data = file.read(end - start)
        if len(data) == end - start:
            return data.decode("utf-8")
    raise FactdiffError(f"{shown_path(path)}: changed while factdiff was reading it; run again", code="E102")


def _digests(results: Sequence[Sequence[api.Read | Warning_]]) -> list[list[Digest | Warning_]]:
    """Worker: what the client needs of a batch: each document's digest, and the warnings."""
    return [
        [result if isinstance(result, Warning_) else Digest(result.id, result.record) for result in in_piece]
        for in_piece in results
    ]


def _story_evidence(results: Sequence[Sequence[api.Read | Warning_]]) -> list[StoryEvidence]:
    """Worker: what each document of a batch has its story found by, in input order."""
    return [
        (result.id, result.info.date, result.names)
        for in_piece in results
        for result in in_piece
        if not isinstance(result, Warning_)
    ]


def _stories(evidence: Sequence[Sequence[StoryEvidence]], one_story: bool) -> list[Story]:
    """Worker: the stories, as ``api.group_stories`` finds them, from every batch's evidence in
    input order; a text read twice counts once, as its first reading."""
    pickled: dict[str, bytes] = {}
    dates: dict[str, datetime.date | None] = {}
    for batch in evidence:
        for doc, date, names in batch:
            if doc not in pickled:
                pickled[doc], dates[doc] = names, date
    evidence = api.evidence_table(pickled)
    return single_story(evidence) if one_story else find_stories(evidence, dates)


def _statistics(client: Any, read: Sequence[Any], where: Mapping[str, Where]) -> Any:
    """A future of the run's word statistics, added up on the cluster from each batch's
    documents (a copy counts once, as in-process)."""
    parts = [client.submit(_batch_statistics, read[batch], positions) for batch, positions in _by_batch(where.values())]
    if not parts:
        return api.merged_statistics([])
    while len(parts) > 1:
        parts = [client.submit(api.merged_statistics, parts[at : at + FAN_IN]) for at in range(0, len(parts), FAN_IN)]
    return parts[0]


def _batch_statistics(results: Sequence[Sequence[Any]], positions: Sequence[tuple[int, int]]) -> api.Statistics:
    """Worker: the word statistics of a batch's documents."""
    return api.word_statistics(_picked([results], [positions]))


def _picked_out(
    client: Any,
    read: Sequence[Any],
    holder: Mapping[int, str | None],
    where: Mapping[str, Where],
    documents: Sequence[str],
) -> list[Any]:
    """Futures of the documents' claims, picked out of their batches by one task on each worker
    that holds some of them: only these documents travel to the judging task, not the whole
    batches, and the tasks are at most one per worker, not one per batch. A batch whose worker
    was lost (Dask reads it again) is picked wherever it is read."""
    by_worker: dict[str | None, list[tuple[int, list[tuple[int, int]]]]] = {}
    for batch, held in _by_batch(where[doc] for doc in documents):
        by_worker.setdefault(holder[batch], []).append((batch, held))
    return [
        client.submit(
            _picked,
            [read[batch] for batch, _ in batches],
            [held for _, held in batches],
            **({} if worker is None else {"workers": [worker], "allow_other_workers": True}),
        )
        for worker, batches in by_worker.items()
    ]


def _by_batch(places: Iterable[Where]) -> list[tuple[int, list[tuple[int, int]]]]:
    """Documents' places grouped by their reading task, in task order: (task, [(piece, index)])."""
    grouped: dict[int, list[tuple[int, int]]] = {}
    for batch, piece, index in places:
        grouped.setdefault(batch, []).append((piece, index))
    return sorted(grouped.items())


def _picked(
    batches: Sequence[Sequence[Sequence[Any]]], positions: Sequence[Sequence[tuple[int, int]]]
) -> list[api.Read]:
    """Worker: some documents of some batches."""
    return [batch[piece][index] for batch, held in zip(batches, positions, strict=True) for piece, index in held]


def _judge(
    stories: Sequence[Story],
    documents_in_order: Sequence[str],
    statistics: api.Statistics,
    picked: Sequence[Sequence[api.Read]],
) -> tuple[list[api.Placed], list[api.Placed]]:
    """Worker: the stories judged, with their documents' claims and texts read again from the
    files; each finding and agreement with its place in the whole run's order."""
    by_id = {document.id: document for part in picked for document in part}
    documents = [by_id[doc] for doc in documents_in_order]
    return api.judge_stories(documents, stories, api._texts(documents), statistics).placed()
