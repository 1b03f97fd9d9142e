"""The library API: what the CLI calls, and what a script can import.

    report = factdiff.scan(["seeds/"])
    report = factdiff.compare("a.txt", "b.txt", within=True)
    claims = factdiff.extract_claims(["seeds/"])
    grouping = factdiff.stories(["archive/"])
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from factdiff import extract as extraction
from factdiff.group import blocks, comparable
from factdiff.judge.registry import RULES
from factdiff.load import DUPLICATE, STDIN, FileTexts, MemoryTexts, iter_files, read_file, stdin_bytes
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
    unpack,
)
from factdiff.story import find_stories, single_story, story_names

PathLike = str | Path


class Analysis(NamedTuple):
    """Stories, the discrepancies found inside them, and the claims their documents agree on."""

    stories: list[Story]
    discrepancies: list[Discrepancy]
    agreements: Sequence[Agreement] = ()


class Read(NamedTuple):
    """What the pipeline keeps of a document once its claims are extracted: not its text,
    only the names its story is found by and its claims, packed."""

    info: DocumentInfo
    names: dict[str, str]
    claims: list[PackedClaim]


Progress = Callable[[int, int], None]
"""Called with (documents done, documents in all) as extraction advances."""

PARALLEL_FROM = 64
"""Below this many files, starting worker processes costs more than it saves."""


def extracted(document: Document, all_claims: bool = False) -> Read:
    """A document's claims, packed: only those a rule can compare, unless ``all_claims``."""
    claims = extraction.extract(document)
    kept = claims if all_claims else [claim for claim in claims if comparable(claim)]
    return Read(
        DocumentInfo(
            id=document.id, path=document.path, chars=document.chars, date=document.date, notes=document.notes,
            encoding=document.encoding, title=document.title, source=document.source, url=document.url,
        ),
        story_names(claims),
        [pack(claim) for claim in kept],
    )


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


def _read_and_extract(item: tuple[Path, str | None], reading: Reading) -> list[Read | Warning_]:
    """Worker: one file, read and extracted (top level, so a process pool can run it)."""
    results: list[Read | Warning_] = []
    for result in read_file(*item, max_bytes=reading.max_bytes, encoding=reading.encoding):
        if isinstance(result, Warning_):
            results.append(result)
            continue
        if result.date is None and reading.date is not None:
            result = result.model_copy(update={"date": reading.date})
        results.append(extracted(result, reading.all_claims))
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


def read_paths(
    paths: Iterable[PathLike],
    jobs: int | None = None,
    progress: Progress | None = None,
    reading: Reading = DEFAULT_READING,
) -> tuple[list[Read], list[Warning_]]:
    """Read and extract every file under the paths, in input order, with ``jobs`` processes
    (default: one per core for large inputs; standard input is read in this process). The
    result is the same for any ``jobs``."""
    stdin_bytes.cache_clear()  # a new run reads standard input afresh
    items = list(iter_files(paths, reading.include, reading.exclude, follow=reading.follow))
    workers = jobs if jobs is not None else (os.cpu_count() or 1) if len(items) >= PARALLEL_FROM else 1
    if any(str(path) == STDIN for path, _ in items):
        workers = 1
    documents: list[Read] = []
    warnings: list[Warning_] = []
    seen: set[str] = set()
    with contextlib.ExitStack() as stack:
        if workers > 1:
            extraction.prepare()
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers))
            work = functools.partial(_read_and_extract, reading=reading)
            results: Iterable[list[Read | Warning_]] = pool.map(work, items, chunksize=8)
        else:
            results = (_read_and_extract(item, reading) for item in items)
        for done, results_of_file in enumerate(results, 1):
            if progress is not None:
                progress(done, len(items))
            for result in results_of_file:
                if isinstance(result, Warning_):
                    warnings.append(result)
                elif result.info.id in seen:
                    warnings.append(Warning_(path=result.info.path, message=DUPLICATE))
                else:
                    seen.add(result.info.id)
                    documents.append(result)
    return documents, warnings


def judge_all(documents: Sequence[Read], texts: Texts, *, one_story: bool = False) -> Analysis:
    """Group documents into stories, then block and judge their claims within each story
    (``texts`` gives back a document's text for the claims that are judged)."""
    claims_by_kind: dict[str, list[Any]] = {}
    names_by_doc: dict[str, dict[str, str]] = {}
    for document in documents:
        for packed in document.claims:
            claims_by_kind.setdefault(packed.kind, []).append(packed)
        names_by_doc[document.info.id] = document.names
    stories = (single_story if one_story else find_stories)(names_by_doc)
    story_of = {doc: story.id for story in stories for doc in story.documents}
    found: dict[str, Discrepancy] = {}
    agreed: dict[str, Agreement] = {}
    evidence: dict[str, list[tuple[int, int]]] = {}
    for rule in RULES:
        for _key, block in blocks(claims_by_kind, rule, story_of, texts):
            for alike in rule.agree(block) if rule.agree is not None else ():
                agreed.setdefault(alike.id, alike.model_copy(update={"story": story_of[alike.claims[0].doc]}))
            for discrepancy in rule.judge(block):
                if rule.fallback and _already_reported(discrepancy, evidence):
                    continue
                story = story_of[discrepancy.variants[0].claims[0].doc]
                found.setdefault(discrepancy.id, discrepancy.model_copy(update={"story": story}))
                if discrepancy.scope == "across":
                    for variant in discrepancy.variants:
                        for claim in variant.claims:
                            evidence.setdefault(claim.doc, []).append((claim.start, claim.end))
    ordered = sorted(found.values(), key=lambda d: (SEVERITY_RANK[d.severity], d.kind, d.subject, d.id))
    agreements = sorted(agreed.values(), key=lambda a: (-a.independent, -len(a.corroborated_by), a.subject, a.id))
    return Analysis(stories, ordered, agreements)


def _already_reported(discrepancy: Discrepancy, evidence: dict[str, list[tuple[int, int]]]) -> bool:
    """Every piece of its evidence overlaps evidence an earlier cross-document report shows."""
    return all(
        any(start < claim.end and claim.start < end for start, end in evidence.get(claim.doc, ()))
        for variant in discrepancy.variants
        for claim in variant.claims
    )


def analyse(documents: Sequence[Document], *, one_story: bool = False) -> Analysis:
    """The whole judgement for documents already in memory (tests, benchmarks, scripts)."""
    return judge_all([extracted(document) for document in documents], MemoryTexts(documents), one_story=one_story)


def find_discrepancies(documents: Sequence[Document], *, one_story: bool = False) -> list[Discrepancy]:
    """Every discrepancy within and across the documents, compared within each story."""
    return analyse(documents, one_story=one_story).discrepancies


def report_texts(report: Report | ClaimList) -> Texts:
    """The texts of a report's documents, read again from their files (for a full-text view)."""
    return FileTexts({document.id: (document.path, document.encoding) for document in report.documents})


def _texts(documents: Sequence[Read]) -> Texts:
    return FileTexts({document.info.id: (document.info.path, document.info.encoding) for document in documents})


def _report(
    documents: Sequence[Read],
    warnings: Sequence[Warning_],
    analysis: Analysis,
    discrepancies: Iterable[Discrepancy] | None = None,
) -> Report:
    story_of = {doc: story.id for story in analysis.stories for doc in story.documents}
    return Report(
        documents=tuple(d.info.model_copy(update={"story": story_of.get(d.info.id)}) for d in documents),
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
    with collector_paused():
        documents, warnings = read_paths(paths, jobs, progress, reading)
        return _report(documents, warnings, judge_all(documents, _texts(documents), one_story=one_story))


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


def stories(paths: Iterable[PathLike], *, jobs: int | None = None, reading: Reading = DEFAULT_READING) -> Report:
    """How the documents under the paths group into stories, without judging anything."""
    with collector_paused():
        documents, warnings = read_paths(paths, jobs, reading=reading)
    names_by_doc = {d.info.id: d.names for d in documents}
    return _report(documents, warnings, Analysis(find_stories(names_by_doc), []))


def extract_claims(
    paths: Iterable[PathLike], kinds: Iterable[str] | None = None, reading: Reading = Reading(all_claims=True)
) -> ClaimList:
    """Every claim read from the documents, for inspection (sentence claims only when asked for)."""
    documents, warnings = read_paths(paths, jobs=1, reading=reading)
    wanted = set(kinds) if kinds is not None else set()
    texts = _texts(documents)
    claims = [
        unpack(packed, texts)
        for document in documents
        for packed in document.claims
        if packed.kind not in extraction.UNLISTED or packed.kind in wanted
    ]
    return ClaimList(documents=tuple(d.info for d in documents), claims=tuple(claims), warnings=tuple(warnings))
