"""The scan on a Dask cluster (``factdiff scan --engine dask``): the same report, byte for byte.

The pipeline is split where its data is small:

1. read and extract: a map over batches of files; the workers read the files (they must
   reach the same paths as the client: shared storage) and keep the claims;
2. digests: the client gathers only each document's record and the names its story is found
   by, folds copies and finds the stories, as the in-process engine does;
3. word statistics: each batch's counts for the rules that compare restatements, added up on
   the cluster (a restatement's words weigh by the whole run, ``group.WordCounts``);
4. judging: a map over batches of stories, each task given its documents' claims (picked out
   of their batches by tasks beside them, so only those documents travel) and reading evidence
   again from the files; the client merges the findings, keeping for an id found in two stories
   the one the whole run finds first.

Claims and texts stay on the workers; what crosses the network is digests, word counts and
findings. Dask is an optional dependency: ``pip install 'factdiff[dask]'``.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from factdiff import api
from factdiff.errors import FactdiffError
from factdiff.load import iter_files, streamed
from factdiff.models import Agreement, Discrepancy, Report, Story, Warning_

FILES_PER_TASK = 8
"""Files read and extracted by one task: enough to outweigh a task's overhead, few enough to
spread a small input over the workers."""
DOCUMENTS_PER_JUDGE = 256
"""Documents whose stories one judging task takes (a larger story is one task of its own)."""
FAN_IN = 32
"""Word statistics added up this many at a time, in a tree."""
INSTALL = "--engine dask needs dask.distributed: pip install 'factdiff[dask]'"

Where = tuple[int, int, int]
"""A document's place on the cluster: its batch of files, the file in it, the document in the file."""


def scan(
    paths: Iterable[api.PathLike],
    *,
    one_story: bool = False,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: api.Progress | None = None,
    reading: api.Reading = api.DEFAULT_READING,
) -> Report:
    """``api.scan`` on Dask: on the cluster at ``scheduler`` (``tcp://HOST:8786``), else on a
    local cluster of ``jobs`` worker processes (default: one per core), one thread each."""
    try:
        from dask.distributed import Client, LocalCluster
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
        return _scan_on(client, items, unread, one_story, progress, reading)


def _scan_on(
    client: Any,
    items: Sequence[tuple[Path, str | None]],
    unread: list[Warning_],
    one_story: bool,
    progress: api.Progress | None,
    reading: api.Reading,
) -> Report:
    from dask.distributed import as_completed

    batches = [list(items[start : start + FILES_PER_TASK]) for start in range(0, len(items), FILES_PER_TASK)]
    read = [client.submit(_read_batch, batch, reading, pure=False) for batch in batches]
    digest_futures = [client.submit(_digests, batch) for batch in read]
    index_of = {future.key: index for index, future in enumerate(digest_futures)}
    digests: list[Any] = [None] * len(batches)
    done = 0
    for future in as_completed(digest_futures):
        digests[index_of[future.key]] = future.result()
        done += len(batches[index_of[future.key]])
        if progress is not None:
            progress(done, len(items))
    documents, warnings, where = _gathered(digests)
    del digests
    stories = api.group_stories(documents, one_story)
    statistics = _statistics(client, read, where)
    tasks = [
        client.submit(_judge, group, group_documents, statistics, _picked_out(client, read, where, group_documents))
        for group, group_documents in _story_groups(stories, documents)
    ]
    findings = api.Findings({})
    order: dict[str, tuple[Any, ...]] = {}
    for future in as_completed(tasks):
        found, agreed = future.result()
        _merge(findings.found, order, found)
        _merge(findings.agreed, order, agreed)
    analysis = api.Analysis(stories, findings.discrepancies(), findings.agreements())
    return api._report(documents, [*unread, *warnings], analysis)


def _read_batch(batch: Sequence[tuple[Path, str | None]], reading: api.Reading) -> list[list[api.Read | Warning_]]:
    """Worker: each file of a batch read and extracted."""
    return [api._read_and_extract(item, reading) for item in batch]


def _digests(results: Sequence[Sequence[api.Read | Warning_]]) -> list[list[api.Read | Warning_]]:
    """Worker: a batch's documents without their claims, and its warnings: what the client needs."""
    return [
        [result if isinstance(result, Warning_) else result._replace(claims=[]) for result in in_file]
        for in_file in results
    ]


def _gathered(
    digests: Sequence[Sequence[Sequence[api.Read | Warning_]]],
) -> tuple[list[api.Read], list[Warning_], dict[str, Where]]:
    """The documents in input order, a text read twice folded into its first reading (as
    ``api.read_paths`` folds it), the warnings, and where each document's claims are."""
    documents: list[api.Read] = []
    warnings: list[Warning_] = []
    position: dict[str, int] = {}
    where: dict[str, Where] = {}
    for batch, files in enumerate(digests):
        for file, results in enumerate(files):
            for index, result in enumerate(results):
                if isinstance(result, Warning_):
                    warnings.append(result)
                elif result.info.id in position:
                    first = position[result.info.id]
                    documents[first] = api.folded(documents[first], result.info.path)
                else:
                    position[result.info.id] = len(documents)
                    documents.append(result)
                    where[result.info.id] = (batch, file, index)
    return documents, warnings, where


def _statistics(client: Any, read: Sequence[Any], where: Mapping[str, Where]) -> Any:
    """A future of the run's word statistics, added up on the cluster from each batch's
    documents (a copy counts once, as in-process)."""
    kept: dict[int, list[tuple[int, int]]] = {}
    for batch, file, index in where.values():
        kept.setdefault(batch, []).append((file, index))
    parts = [client.submit(_batch_statistics, read[batch], positions) for batch, positions in sorted(kept.items())]
    if not parts:
        return api.merged_statistics([])
    while len(parts) > 1:
        parts = [client.submit(api.merged_statistics, parts[at : at + FAN_IN]) for at in range(0, len(parts), FAN_IN)]
    return parts[0]


def _batch_statistics(results: Sequence[Sequence[Any]], positions: Sequence[tuple[int, int]]) -> api.Statistics:
    """Worker: the word statistics of a batch's documents."""
    return api.word_statistics([results[file][index] for file, index in positions])


def _story_groups(stories: Sequence[Story], documents: Sequence[api.Read]) -> Iterator[tuple[list[Story], list[str]]]:
    """Stories in batches of about DOCUMENTS_PER_JUDGE documents, each with its documents in input order."""
    rank = {document.info.id: number for number, document in enumerate(documents)}
    group: list[Story] = []
    size = 0
    for story in stories:
        group.append(story)
        size += len(story.documents)
        if size >= DOCUMENTS_PER_JUDGE:
            yield group, sorted((doc for s in group for doc in s.documents), key=rank.__getitem__)
            group, size = [], 0
    if group:
        yield group, sorted((doc for s in group for doc in s.documents), key=rank.__getitem__)


def _picked_out(client: Any, read: Sequence[Any], where: Mapping[str, Where], documents: Sequence[str]) -> list[Any]:
    """Futures of the documents' claims, picked out of their batches by a task beside each
    batch: only these documents travel to the judging task, not the whole batches."""
    positions: dict[int, list[tuple[int, int]]] = {}
    for doc in documents:
        batch, file, index = where[doc]
        positions.setdefault(batch, []).append((file, index))
    return [client.submit(_picked, read[batch], held) for batch, held in sorted(positions.items())]


def _picked(results: Sequence[Sequence[Any]], positions: Sequence[tuple[int, int]]) -> list[api.Read]:
    """Worker: some documents of a batch."""
    return [results[file][index] for file, index in positions]


def _judge(
    stories: Sequence[Story],
    documents_in_order: Sequence[str],
    statistics: api.Statistics,
    picked: Sequence[Sequence[api.Read]],
) -> tuple[list[tuple[tuple[Any, ...], Discrepancy]], list[tuple[tuple[Any, ...], Agreement]]]:
    """Worker: the stories judged, with their documents' claims and texts read again from the
    files; each finding and agreement with its place in the whole run's order."""
    by_id = {document.info.id: document for part in picked for document in part}
    documents = [by_id[doc] for doc in documents_in_order]
    findings = api.judge_stories(documents, stories, api._texts(documents), statistics)
    return (
        [(findings.order[key], found) for key, found in findings.found.items()],
        [(findings.order[key], agreed) for key, agreed in findings.agreed.items()],
    )


def _merge(
    into: dict[str, Any], order: dict[str, tuple[Any, ...]], found: Iterable[tuple[tuple[Any, ...], Any]]
) -> None:
    """Keep, for an id two stories found, the finding the whole run finds first."""
    for place, finding in found:
        if finding.id not in into or place < order[finding.id]:
            into[finding.id] = finding
            order[finding.id] = place
