"""The library API: what the CLI calls, and what a script can import.

    report = factdiff.scan(["seeds/"])
    report = factdiff.compare("a.txt", "b.txt", within=True)
    claims = factdiff.extract_claims(["seeds/"])
    grouping = factdiff.stories(["archive/"])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from factdiff import extract as extraction
from factdiff.group import blocks
from factdiff.judge.registry import RULES
from factdiff.load import Loaded, load
from factdiff.models import SEVERITY_RANK, ClaimList, Discrepancy, Document, DocumentInfo, Report, Story
from factdiff.story import find_stories, single_story, story_names

PathLike = str | Path


class Analysis(NamedTuple):
    """Stories and the discrepancies found inside them."""

    stories: list[Story]
    discrepancies: list[Discrepancy]


def analyse(documents: Sequence[Document], *, one_story: bool = False) -> Analysis:
    """Extract, group documents into stories, block and judge claims within each story."""
    claims: list[Any] = []
    names_by_doc: dict[str, dict[str, str]] = {}
    for document in documents:
        found_in_document = extraction.extract(document)
        claims.extend(found_in_document)
        names_by_doc[document.id] = story_names(found_in_document)
    stories = (single_story if one_story else find_stories)(names_by_doc)
    story_of = {doc: story.id for story in stories for doc in story.documents}
    found: dict[str, Discrepancy] = {}
    evidence: dict[str, list[tuple[int, int]]] = {}
    for rule in RULES:
        for _key, block in blocks(claims, rule, story_of):
            for discrepancy in rule.judge(block):
                if rule.fallback and _already_reported(discrepancy, evidence):
                    continue
                story = story_of[discrepancy.variants[0].claims[0].doc]
                found.setdefault(discrepancy.id, discrepancy.model_copy(update={"story": story}))
                for variant in discrepancy.variants:
                    for claim in variant.claims:
                        evidence.setdefault(claim.doc, []).append((claim.start, claim.end))
    ordered = sorted(found.values(), key=lambda d: (SEVERITY_RANK[d.severity], d.kind, d.subject, d.id))
    return Analysis(stories, ordered)


def _already_reported(discrepancy: Discrepancy, evidence: dict[str, list[tuple[int, int]]]) -> bool:
    """Every piece of its evidence overlaps evidence an earlier report already shows."""
    return all(
        any(start < claim.end and claim.start < end for start, end in evidence.get(claim.doc, ()))
        for variant in discrepancy.variants
        for claim in variant.claims
    )


def find_discrepancies(documents: Sequence[Document], *, one_story: bool = False) -> list[Discrepancy]:
    """Every discrepancy within and across the documents, compared within each story."""
    return analyse(documents, one_story=one_story).discrepancies


def _report(loaded: Loaded, analysis: Analysis, discrepancies: Iterable[Discrepancy] | None = None) -> Report:
    story_of = {doc: story.id for story in analysis.stories for doc in story.documents}
    return Report(
        documents=tuple(
            DocumentInfo(id=d.id, path=d.path, chars=d.chars, story=story_of.get(d.id)) for d in loaded.documents
        ),
        stories=tuple(analysis.stories),
        discrepancies=tuple(analysis.discrepancies if discrepancies is None else discrepancies),
        warnings=loaded.warnings,
    )


def scan(paths: Iterable[PathLike], *, one_story: bool = False) -> Report:
    """Discrepancies across and within every readable document under the paths, story by story;
    ``one_story`` treats everything given as one story."""
    loaded = load(paths)
    return _report(loaded, analyse(loaded.documents, one_story=one_story))


def compare(first: PathLike, second: PathLike, *, within: bool = False) -> Report:
    """Discrepancies between two documents, which the user chose as one story; with
    ``within``, each one's internal ones too."""
    loaded = load([first, second])
    analysis = analyse(loaded.documents, one_story=True)
    found = analysis.discrepancies
    if not within:
        found = [d for d in found if d.scope == "across"]
    return _report(loaded, analysis, found)


def stories(paths: Iterable[PathLike]) -> Report:
    """How the documents under the paths group into stories, without judging anything."""
    loaded = load(paths)
    names_by_doc = {d.id: story_names(extraction.extract(d)) for d in loaded.documents}
    return _report(loaded, Analysis(find_stories(names_by_doc), []))


def extract_claims(paths: Iterable[PathLike], kinds: Iterable[str] | None = None) -> ClaimList:
    """Every claim read from the documents, for inspection (sentence claims only when asked for)."""
    loaded = load(paths)
    claims = [
        claim
        for document in loaded.documents
        for claim in extraction.extract(document)
        if claim.kind not in extraction.UNLISTED or (kinds is not None and claim.kind in kinds)
    ]
    return ClaimList(
        documents=tuple(DocumentInfo(id=d.id, path=d.path, chars=d.chars) for d in loaded.documents),
        claims=tuple(claims),
        warnings=loaded.warnings,
    )
