"""``scan --engine dask``: the same JSON bytes as the in-process engine, on a 2-worker local
cluster, for the seeds, the ECB+ articles and the FactCC/FRANK articles (a JSON Lines shard
read in ranges); a clear line without Dask."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner
from conftest import SEEDS, needs_shared_bench

from benchmarks.corpus import ECBPLUS, articles
from factdiff import api, distributed
from factdiff.cli import main

KILLED_SAMPLE = 60
"""ECB+ articles scanned while a worker is killed (a cluster of its own: kept small)."""
needs_data = needs_shared_bench()


@pytest.fixture(scope="module")
def scheduler():
    """One 2-worker local cluster for the module: starting one costs seconds."""
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster:
        yield cluster.scheduler_address


def scanned(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["scan", *args, "--format", "json", "--quiet"], catch_exceptions=False)
    return result.exit_code, result.stdout


def assert_same_on_the_cluster(scheduler: str, *paths: str) -> None:
    here = scanned(*paths)
    there = scanned(*paths, "--engine", "dask", "--scheduler", scheduler)
    assert there == here
    assert '"discrepancies"' in here[1]


def test_the_seeds_give_the_same_bytes_on_a_cluster(scheduler):
    assert_same_on_the_cluster(scheduler, str(SEEDS))
    assert_same_on_the_cluster(scheduler, str(SEEDS), "--one-story")


@needs_data
def test_the_ecbplus_articles_give_the_same_bytes_on_a_cluster(scheduler):
    assert_same_on_the_cluster(scheduler, *map(str, sorted((ECBPLUS / "docs").iterdir())))


RANGE_BYTES = 40_000
"""Ranges forced on a shard of about 1.5 MB by the test below: some 40 of them."""


@needs_data
def test_the_factcc_frank_articles_read_in_ranges_of_a_shard_give_the_same_bytes(scheduler, tmp_path, monkeypatch):
    """The FactCC/FRANK articles (and the seeds) as one JSON Lines shard, each range of its
    lines a task of its own: the same documents, ids, line numbers, order and warnings as one
    reading, with a blank line, a malformed line, a record without text, a record whose raw
    U+2028 and NEL ``str.splitlines`` breaks into three lines, a copy of an earlier record (in
    another range), and a shard that must be read whole (a cp1252 byte)."""
    lines = [json.dumps({"text": text, "title": name}) + "\n" for name, text in articles()]
    lines[5:5] = ["\n", '{"text": "unterminated\n', json.dumps({"title": "no text"}) + "\n"]
    odd = {"text": "Mr Smith said\u2028 the 340 firms\x85 merged in 2019.", "date": "2020-01-02"}
    lines[20:20] = [json.dumps(odd, ensure_ascii=False) + "\n", "   \r\n", lines[10]]
    shard = tmp_path / "articles.jsonl"
    shard.write_text("".join(lines), encoding="utf-8")
    whole = tmp_path / "cp1252.jsonl"
    whole.write_bytes("".join(lines[100:130]).encode("utf-8") + b'{"text": "Caf\xe9 owner Ann Lee said 340 jobs."}\n')
    monkeypatch.setattr(distributed, "RANGE_BYTES", RANGE_BYTES)
    ranges = [distributed._parts(path, None, api.DEFAULT_READING) for path in (shard, whole)]
    assert ranges[0] > 30 and ranges[1] > 1
    found = [distributed._lines_in_range(shard, part, ranges[0], RANGE_BYTES) for part in range(ranges[0])]
    assert distributed._line_ranges(found) is not None
    assert distributed._lines_in_range(whole, ranges[1] - 1, ranges[1], RANGE_BYTES) is None
    assert_same_on_the_cluster(scheduler, str(shard), str(whole))


def test_progress_counts_files_read_then_documents_judged(scheduler):
    calls: list[tuple[int, int, str]] = []
    report = distributed.scan([SEEDS], scheduler=scheduler, progress=lambda *call: calls.append(call))
    files, documents = len(list(SEEDS.glob("*.txt"))), len(report.documents)
    judging = [call[2] for call in calls].index("judging")
    assert {phase for _, _, phase in calls[:judging]} == {"reading"}
    assert {phase for _, _, phase in calls[judging:]} == {"judging"}
    for phase in (calls[:judging], calls[judging:]):
        assert [done for done, _, _ in phase] == sorted(done for done, _, _ in phase)
    assert calls[judging - 1 : judging + 1] == [(files, files, "reading"), (0, documents, "judging")]
    assert calls[-1] == (documents, documents, "judging")


@pytest.mark.parametrize(
    ("files", "threads", "per_task"),
    [(40, 2, 8), (575, 2, 18), (100_000, 2, 64), (100_000, 400, 16)],
)
def test_a_large_input_is_read_in_fewer_larger_tasks(files, threads, per_task):
    """Eight files a task at least, 64 at most, and between them 16 tasks for each of the cluster's threads."""
    assert distributed._files_per_task(files, threads) == per_task


def test_a_local_cluster_is_started_when_no_scheduler_is_named():
    pytest.importorskip("dask.distributed")
    assert scanned(str(SEEDS), "--engine", "dask", "--jobs", "1") == scanned(str(SEEDS))


def test_judging_story_by_story_with_the_runs_word_statistics_finds_what_the_whole_run_finds():
    documents, _ = api.read_paths([SEEDS], jobs=1)
    texts = api._texts(documents)
    whole = api.judge_all(documents, texts)
    statistics = api.merged_statistics(api.word_statistics([document]) for document in documents)
    found: dict = {}
    agreed: dict = {}
    order: dict = {}
    for story in whole.stories:
        part = [document for document in documents if document.info.id in story.documents]
        findings = api.judge_stories(part, [story], texts, statistics)
        api.merge_first(found, order, [(findings.order[key], f) for key, f in findings.found.items()])
        api.merge_first(agreed, order, [(findings.order[key], a) for key, a in findings.agreed.items()])
    merged = api.Findings({})
    merged.found, merged.agreed = found, agreed
    assert merged.discrepancies() == whole.discrepancies
    assert merged.agreements() == list(whole.agreements)


def test_without_dask_the_engine_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    result = CliRunner().invoke(main, ["scan", str(SEEDS), "--engine", "dask"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "factdiff: --engine dask needs dask.distributed: pip install 'factdiff[dask]'"
    ]


def test_the_cluster_reads_files_not_standard_input():
    result = CliRunner().invoke(main, ["scan", "-", "--engine", "dask"], input="Some text.")
    if "pip install" in result.stderr:
        pytest.skip("dask is not installed")
    assert result.exit_code == 2
    assert "--engine in-process" in result.stderr


def test_a_scheduler_needs_the_dask_engine():
    result = CliRunner().invoke(main, ["scan", str(SEEDS), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.stderr


@needs_data
def test_a_worker_killed_between_reading_and_judging_changes_nothing(monkeypatch):
    """The claims a killed worker held are read again (Dask recomputes lost results): the same
    report, never a smaller one."""
    pytest.importorskip("dask.distributed")
    import os
    import signal

    from dask.distributed import Client, LocalCluster

    files = [str(path) for path in sorted((ECBPLUS / "docs").iterdir())[:KILLED_SAMPLE]]
    expected = api.scan(files, jobs=1)
    killed: list[str] = []
    judged = distributed._judged

    def kill_a_worker_then_judge(*args):
        with Client(address) as client:
            victim = sorted(client.scheduler_info()["workers"])[0]
            os.kill(client.run(os.getpid, workers=[victim])[victim], signal.SIGKILL)
        killed.append(victim)
        return judged(*args)

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    ) as cluster:
        address = cluster.scheduler_address
        monkeypatch.setattr(distributed, "_judged", kill_a_worker_then_judge)
        found = distributed.scan(files, scheduler=address)
        with Client(address) as client:
            assert killed and killed[0] not in client.scheduler_info()["workers"]  # it died, with what it held
    assert found.model_dump_json() == expected.model_dump_json()


def test_stories_that_miss_a_read_document_are_an_error_not_a_smaller_report():
    """A batch read again after its worker was lost, from a file changed since, can give the
    story task other documents than the client's digests: the scan stops (E102)."""
    report = api.scan([SEEDS], jobs=1)
    where = {document.id: (0, 0, index) for index, document in enumerate(report.documents)}
    distributed._check_the_same_documents(report.stories, where)
    fewer = [story.model_copy(update={"documents": story.documents[1:]}) for story in report.stories]
    with pytest.raises(distributed.FactdiffError) as raised:
        distributed._check_the_same_documents(fewer, where)
    assert raised.value.code == "E102"


def test_a_scheduler_lost_mid_scan_is_a_clear_error_not_a_smaller_report(monkeypatch):
    """The scheduler closed between reading and judging: the client's futures are cancelled
    and the scan says so (E303) instead of failing inside Dask or hanging."""
    pytest.importorskip("dask.distributed")
    import dask
    from dask.distributed import LocalCluster

    judged = distributed._judged

    def lose_the_scheduler_then_judge(*args):
        cluster.sync(cluster.scheduler.close)
        return judged(*args)

    monkeypatch.setattr(distributed, "_judged", lose_the_scheduler_then_judge)
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "2s"}),
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        ) as cluster,
        pytest.raises(distributed.FactdiffError) as raised,
    ):
        distributed.scan([SEEDS], scheduler=cluster.scheduler_address)
    assert raised.value.code == "E303"
    assert "run again" in str(raised.value)
    assert "scheduler-connection-lost" in str(raised.value)
