"""``scan --engine dask``: the same JSON bytes as the in-process engine, on a 2-worker local
cluster, for the seeds and samples of the shared benchmark data; a clear line without Dask."""

from __future__ import annotations

import itertools
import json
import sys

import pytest
from click.testing import CliRunner
from conftest import SEEDS, needs_shared_bench

from benchmarks.corpus import ECBPLUS, articles
from factdiff import api, distributed
from factdiff.cli import main

SAMPLE = 60
"""Articles of each benchmark corpus scanned on the cluster (kept small: a test run is minutes)."""
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
def test_ecbplus_articles_give_the_same_bytes_on_a_cluster(scheduler):
    files = sorted((ECBPLUS / "docs").iterdir())[:SAMPLE]
    assert_same_on_the_cluster(scheduler, *map(str, files))


@needs_data
def test_factcc_frank_articles_give_the_same_bytes_on_a_cluster(scheduler, tmp_path):
    sample = list(itertools.islice(articles(), SAMPLE))
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in sample:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    assert_same_on_the_cluster(scheduler, str(folder))
    shard = tmp_path / "articles.jsonl"
    shard.write_text("".join(json.dumps({"text": text}) + "\n" for _, text in sample), encoding="utf-8")
    assert_same_on_the_cluster(scheduler, str(shard))


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
        distributed._merge(found, order, [(findings.order[key], f) for key, f in findings.found.items()])
        distributed._merge(agreed, order, [(findings.order[key], a) for key, a in findings.agreed.items()])
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

    files = [str(path) for path in sorted((ECBPLUS / "docs").iterdir())[:SAMPLE]]
    expected = api.scan(files, jobs=1)
    killed: list[str] = []
    group_stories = api.group_stories

    def kill_a_worker_then_group(documents, one_story):
        with Client(address) as client:
            victim = sorted(client.scheduler_info()["workers"])[0]
            os.kill(client.run(os.getpid, workers=[victim])[victim], signal.SIGKILL)
        killed.append(victim)
        return group_stories(documents, one_story)

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    ) as cluster:
        address = cluster.scheduler_address
        monkeypatch.setattr(api, "group_stories", kill_a_worker_then_group)
        found = distributed.scan(files, scheduler=address)
        with Client(address) as client:
            assert killed and killed[0] not in client.scheduler_info()["workers"]  # it died, with what it held
    assert found.model_dump_json() == expected.model_dump_json()
