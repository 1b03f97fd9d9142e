"""The in-process scan in constant memory per article: stories judged a group at a time, with
the whole run's word statistics, give the report judging every story at once gives; claims
stay pickled, in a temporary file, until their group is judged, and the story evidence goes
once stories are found."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import SEEDS

from factdiff import api, story
from factdiff.models import PackedClaim, Story, Texts

MIXED = Path(__file__).parent / "data" / "stories"

SAME_AGREEMENT_IN_TWO_STORIES = {
    "riot_herald.txt": (
        "Three killed as Athens protest turns violent\n\n"
        "ATHENS, May 5, 2010 - Three people died in Greece when rioters set fire to a Marfin Bank branch "
        "during a general strike, police spokesman Athanasios Kokkalakis said.\n\n"
        "Kokkalakis said the Hellenic Police had arrested 12 people. Prime Minister George Papandreou "
        'called the deaths "a murderous act".\n'
    ),
    "riot_tribune.txt": (
        "Athens march erupts in violence\n\n"
        "ATHENS, May 5, 2010 - Protesters clashed with riot police in central Athens and 3 people were "
        "killed in Greece when a Marfin Bank branch was set alight, police spokesman Athanasios "
        "Kokkalakis told reporters.\n\n"
        "Prime Minister George Papandreou condemned the attack. The Hellenic Police said dozens were detained.\n"
    ),
    "flood_courier.txt": (
        "Flash floods sweep Thessaly villages\n\n"
        "LARISSA, September 6, 2023 - Three people died in Greece after storm Daniel flooded villages in "
        "Thessaly, fire service spokeswoman Vassiliki Pappa said on Wednesday.\n\n"
        "Pappa said the Hellenic Fire Service rescued 150 residents from rooftops near Volos. Civil "
        "protection minister Vassilis Kikilias visited Karditsa.\n"
    ),
    "flood_post.txt": (
        "Storm Daniel brings deadly floods\n\n"
        "VOLOS, September 6, 2023 - Storm Daniel dumped a year of rain on Thessaly and 3 people were "
        "killed in Greece, said fire service spokeswoman Vassiliki Pappa.\n\n"
        "Civil protection minister Vassilis Kikilias said the Hellenic Fire Service had evacuated "
        "Karditsa residents.\n"
    ),
}
"""Two stories (a riot, a flood) that each agree three people were killed in Greece: one
agreement id, found in both, and the report keeps the one the whole run finds first."""


@pytest.fixture(scope="module")
def greece(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("greece")
    for name, text in SAME_AGREEMENT_IN_TWO_STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


class Judged:
    """What each call of ``api.judge_stories`` was given and found, recorded around the real one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.groups: list[tuple[list[api.Read], api.Statistics | None, api.Findings]] = []
        self.own_statistics: list[api.Statistics] = []
        """Each group's word statistics by itself, counted while its claims can still be read."""
        judge_stories = api.judge_stories

        def recorded(
            documents: Sequence[api.Read],
            stories: Sequence[Story],
            texts: Texts,
            statistics: api.Statistics | None = None,
        ) -> api.Findings:
            findings = judge_stories(documents, stories, texts, statistics)
            self.groups.append((list(documents), statistics, findings))
            self.own_statistics.append(api.word_statistics(documents))
            return findings

        monkeypatch.setattr(api, "judge_stories", recorded)


def scanned(monkeypatch: pytest.MonkeyPatch, documents_judged_together: int, *paths: Path) -> str:
    monkeypatch.setattr(api, "DOCUMENTS_JUDGED_TOGETHER", documents_judged_together)
    return api.scan(paths).model_dump_json()


def test_stories_judged_a_group_at_a_time_give_the_report_of_all_at_once(monkeypatch, greece):
    paths = (greece, MIXED, SEEDS)
    at_once = scanned(monkeypatch, 10**6, *paths)
    judged = Judged(monkeypatch)
    one_story_at_a_time = scanned(monkeypatch, 1, *paths)
    assert one_story_at_a_time == at_once
    found_in = [set(findings.agreed) for _, _, findings in judged.groups]
    assert len(found_in) == 5  # the Athens riot, the Thessaly flood, the mixed folder's two, the seeds
    assert any(first & second for index, first in enumerate(found_in) for second in found_in[index + 1 :])
    assert scanned(monkeypatch, 3, *paths) == at_once


def test_each_group_weighs_words_by_the_whole_run(monkeypatch, greece):
    documents, _ = api.read_paths([greece, MIXED, SEEDS])
    whole_run = api.word_statistics(documents)
    judged = Judged(monkeypatch)
    scanned(monkeypatch, 1, greece, MIXED, SEEDS)
    assert len(judged.groups) > 1
    assert all(statistics == whole_run for _, statistics, _ in judged.groups)
    assert any(statistics != own for (_, statistics, _), own in zip(judged.groups, judged.own_statistics, strict=True))


def test_claims_are_unpacked_a_group_at_a_time(monkeypatch, greece):
    documents, _ = api.read_paths([greece, MIXED, SEEDS])
    largest_story = max(len(story.documents) for story in api.group_stories(documents, one_story=False))
    unpacked: list[int] = []
    by_kind = api.by_kind

    def counted(documents: Sequence[api.Read]) -> dict[str, list[PackedClaim]]:
        unpacked.append(len(documents))
        return by_kind(documents)

    monkeypatch.setattr(api, "by_kind", counted)
    scanned(monkeypatch, 2, greece, MIXED, SEEDS)
    assert unpacked and max(unpacked) <= 2 + largest_story - 1 < len(documents)


def test_the_story_evidence_is_let_go_before_judging(monkeypatch, greece):
    judged = Judged(monkeypatch)
    scanned(monkeypatch, 1, greece, MIXED, SEEDS)
    assert judged.groups and all(document.names == b"" for group, _, _ in judged.groups for document in group)


def test_the_evidence_table_numbers_each_key_once_and_keeps_each_document_s_pieces(greece):
    documents, _ = api.read_paths([greece / "riot_herald.txt", greece / "riot_tribune.txt"])
    table = api.evidence_table({document.id: document.names for document in documents})
    evidence = [table.evidence_of(doc) for doc in table.docs]
    numbers = [dict(zip(pieces, table.row_keys(row), strict=True)) for row, pieces in enumerate(evidence)]
    shared = evidence[0].keys() & evidence[1].keys()
    assert shared and all(numbers[0][key] == numbers[1][key] for key in shared)
    assert len({*numbers[0].values(), *numbers[1].values()}) == len(evidence[0].keys() | evidence[1].keys())
    for row, pieces in enumerate(evidence):
        assert [mentions for _key, mentions in table.pieces(row)] == [mentions for _label, mentions in pieces.values()]
        assert [table.kind_names[table.kinds[key]] for key in table.row_keys(row)] == [story._kind(k) for k in pieces]


def test_the_evidence_index_gives_each_name_s_documents_in_order(greece):
    """The flat index gives what a list of rows per indexed key gives: every document that
    carries a name, number or date in more than one document, in order."""
    documents, _ = api.read_paths([greece, MIXED, SEEDS])
    folder = story._Folder(api.evidence_table({document.id: document.names for document in documents}))
    table, postings = folder.table, folder.postings
    carried: dict[int, list[int]] = {}
    for row in range(len(table.docs)):
        for key in table.row_keys(row):
            carried.setdefault(key, []).append(row)
    indexed = list(postings.indexed())
    assert indexed == sorted(indexed) and len(indexed) > 10
    for key, rows in carried.items():
        wanted = len(rows) > 1 and table.kind_names[table.kinds[key]] in story.INDEX_KINDS
        assert (key in postings) == wanted
        if wanted:
            assert list(postings.rows(key)) == rows
            assert list(postings.after(key, rows[0])) == rows[1:]
            assert list(postings.after(key, rows[-1])) == []


def test_a_name_repeated_more_than_two_bytes_can_count_is_counted_exactly():
    evidence = {"a": {"person:otunge": ("Otunge", 70_000)}, "b": {"person:otunge": ("Otunge", 2)}}
    table = story.EvidenceTable.of(evidence)
    assert [list(table.pieces(row)) for row in range(2)] == [[(0, 70_000)], [(0, 2)]]
    assert story.EvidenceTable.of({"a": {"person:otunge": ("Otunge", 3)}}).mentions.itemsize == 2


class CountingPool(ThreadPoolExecutor):
    """A pool that counts the chunks submitted to it."""

    submitted = 0

    def submit(self, *args, **kwargs):
        self.submitted += 1
        return super().submit(*args, **kwargs)


def test_files_are_read_in_order_with_a_few_chunks_waiting_whatever_their_number():
    items = list(range(1_000))
    with CountingPool(2) as pool:
        for done, result in enumerate(api.in_order(pool, lambda item: item * item, items, workers=2), 1):
            assert result == items[done - 1] ** 2
            assert pool.submitted <= -(-done // api.CHUNK) + 4 * 2  # the chunks begun, and four a worker ahead
    assert pool.submitted == len(items) // api.CHUNK


def test_a_read_document_holds_its_claims_pickled_and_gives_them_back(greece):
    [document, *_] = api.read_paths([greece])[0]
    assert isinstance(document.claims, bytes)
    claims = document.packed_claims()
    assert claims and all(claim.doc == document.info.id for claim in claims)


def test_a_scan_keeps_claims_and_evidence_in_a_temporary_file_and_reads_back_the_same(greece):
    in_memory, _ = api.read_paths([greece, SEEDS])
    with tempfile.TemporaryFile() as file:
        spool = api.Spool(file)
        spooled, _ = api.read_paths([greece, SEEDS], spool=spool)
        assert all(isinstance(d.claims, api.Spooled) and isinstance(d.names, api.Spooled) for d in spooled)
        assert spool.end == sum(len(document.claims) + len(document.names) for document in in_memory)
        assert [d.packed_claims() for d in reversed(spooled)] == [d.packed_claims() for d in reversed(in_memory)]
        assert [d.evidence() for d in reversed(spooled)] == [d.evidence() for d in reversed(in_memory)]


def test_judging_reads_claims_from_the_scan_s_spool(monkeypatch, greece):
    judged = Judged(monkeypatch)
    scanned(monkeypatch, 2, greece, SEEDS)
    documents = [document for group, _, _ in judged.groups for document in group]
    assert documents and all(isinstance(document.claims, api.Spooled) for document in documents)
