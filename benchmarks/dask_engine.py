"""python -m benchmarks.dask_engine [--sizes 10000] [--jobs 2]: in-process against ``--engine dask``.

For each size, writes a corpus of distinct generated articles (benchmarks/speed/generated.py)
to a temporary folder and runs, each as its own process, ``factdiff scan DIR --format json -q
--jobs N`` (in-process) and the same with ``--engine dask`` (a local cluster of N workers).
For each run: wall seconds; CPU seconds of the process and the children it waited for
(os.wait4, as benchmarks/speed does); the client's peak resident memory (the factdiff process
itself) and the workers' (the largest single descendant process), both sampled from /proc; and
whether the two JSON reports are byte-identical (they must be).

It also measures what the estimate for a large cluster needs: the pickled size of a sample of
``api.read_paths`` results with their claims (what a judging task is sent of each of its
documents), of the digest the client is sent instead (``distributed._digests``) and of what the
story task is sent (``distributed._story_evidence``), and from the in-process report the
judging tasks and the most picking tasks that feed them (one per worker holding read batches of
a judging task's documents). From these it writes an estimate for 10 million articles,
extrapolated linearly.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, NamedTuple

from benchmarks.corpus import write_result
from benchmarks.speed.__main__ import PAGE_BYTES, SAMPLE_SECONDS, descendants
from benchmarks.speed.generated import write_corpus
from factdiff import __version__, api
from factdiff.distributed import DOCUMENTS_PER_JUDGE, _digests, _files_per_task, _story_evidence

BASELINE = 100
"""A small corpus run first, so that the client's memory growth per document can be told from its fixed cost."""
TICKS = os.sysconf("SC_CLK_TCK")
SHUFFLE_SAMPLE = 300
"""Documents read in this process to measure pickled sizes."""


class Run(NamedTuple):
    """One measured ``factdiff scan`` process."""

    wall: float
    cpu: float
    client_mb: float
    worker_mb: float
    sampled_cpu: float
    client_cpu: float
    exit: int


def timed(command: list[str], scratch: Path) -> Run:
    """Run one command and measure it and its descendants."""
    errors = scratch / "errors.txt"
    started = time.perf_counter()
    with errors.open("wb") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        peak = _PeakPerProcess(process.pid)
        _, status, usage = os.wait4(process.pid, 0)  # the usage of this process and the children it waited for
        code = os.waitstatus_to_exitcode(status)
        peak.stop()
    wall = time.perf_counter() - started
    if code not in (0, 1):
        kept = Path(tempfile.gettempdir()) / f"factdiff-dask-failed-{os.getpid()}.txt"
        shutil.copyfile(errors, kept)  # the scratch folder goes; a run of an hour should leave its whole story
        raise SystemExit(f"{' '.join(command)} failed ({code}), its standard error in {kept}")
    return Run(wall, usage.ru_utime + usage.ru_stime, peak.client_mb, peak.worker_mb, peak.cpu, peak.client_cpu, code)


class _PeakPerProcess:
    """The largest resident memory of a process itself, and of its largest descendant, sampled in a thread."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.client_mb = 0.0
        self.worker_mb = 0.0
        self.ticks: dict[int, int] = {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            resident, ticks = descendants(self.root)
            self.ticks.update(ticks)
            self.client_mb = max(self.client_mb, resident.pop(self.root, 0) * PAGE_BYTES / 1e6)
            self.worker_mb = max(self.worker_mb, max(resident.values(), default=0) * PAGE_BYTES / 1e6)

    @property
    def cpu(self) -> float:
        """CPU seconds of the process and its descendants as last sampled (a check on os.wait4,
        which misses children nobody waited for)."""
        return sum(self.ticks.values()) / TICKS

    @property
    def client_cpu(self) -> float:
        """CPU seconds of the process itself as last sampled: the part no worker shares."""
        return self.ticks.get(self.root, 0) / TICKS

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


def scan_command(directory: Path, output: Path, jobs: int, engine: str) -> list[str]:
    command = [sys.executable, "-m", "factdiff", "scan", str(directory), "--format", "json", "-q", "--debug"]
    command += ["--jobs", str(jobs), "-o", str(output)]
    return command + (["--engine", "dask"] if engine == "dask" else [])


def pickled_sizes(directory: Path, count: int) -> tuple[float, float, float]:
    """Mean pickled bytes per document of ``api.read_paths`` results with their claims, of the
    digest the client is sent instead, and of what the story task is sent."""
    paths = sorted(directory.iterdir())[:count]
    documents, _ = api.read_paths(paths, jobs=1)
    full = [len(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)) for document in documents]
    digests = [
        len(pickle.dumps(_digests([[document]])[0][0], protocol=pickle.HIGHEST_PROTOCOL)) for document in documents
    ]
    names = [
        len(pickle.dumps(_story_evidence([[document]])[0], protocol=pickle.HIGHEST_PROTOCOL)) for document in documents
    ]
    return statistics.mean(full), statistics.mean(digests), statistics.mean(names)


def judging_tasks(report: Path, directory: Path, workers: int) -> tuple[int, int]:
    """(judging tasks, most picking tasks feeding them), grouping the report's stories as
    factdiff.distributed does: a picking task on each worker that holds read batches of a
    judging task's documents, so at most one per worker and one per batch."""
    data = json.loads(report.read_bytes())
    files = sorted(directory.iterdir())
    per_task = _files_per_task(len(files), workers)
    index = {path.name: number for number, path in enumerate(files)}
    batch_of = {document["id"]: index[Path(document["path"]).name] // per_task for document in data["documents"]}
    tasks = picking = size = 0
    held: set[int] = set()
    for story in data["stories"]:
        documents = [doc if isinstance(doc, str) else doc["id"] for doc in story["documents"]]
        held |= {batch_of[doc] for doc in documents}
        size += len(documents)
        if size >= DOCUMENTS_PER_JUDGE:
            tasks, picking, held, size = tasks + 1, picking + min(workers, len(held)), set(), 0
    if held:
        tasks, picking = tasks + 1, picking + min(workers, len(held))
    return tasks, picking


def measure(directory: Path, size: int, jobs: int, seed: int) -> tuple[list[str], dict[str, Any]]:
    """Table rows for one corpus (one per engine) and the numbers the estimate needs."""
    megabytes = write_corpus(directory, size, seed)
    rows, runs, outputs = [], {}, {}
    for engine in ("in-process", "dask"):
        outputs[engine] = directory.parent / f"{size}-{engine}.json"
        runs[engine] = run = timed(scan_command(directory, outputs[engine], jobs, engine), directory.parent)
        rows.append(
            f"| {size:,} | {megabytes:.1f} | {engine} | {jobs} | {run.wall:.1f} | {run.cpu:.1f} | "
            f"{run.sampled_cpu:.1f} | {run.client_cpu:.1f} | {run.cpu / size * 1000:.1f} | {run.client_mb:,.0f} | "
            f"{run.worker_mb:,.0f} |"
        )
        print(rows[-1], flush=True)
    identical = outputs["in-process"].read_bytes() == outputs["dask"].read_bytes()
    print(f"{size:,}: reports byte-identical: {identical}", flush=True)
    facts: dict[str, Any] = {"identical": identical, "runs": runs, "megabytes": megabytes}
    if size > BASELINE:
        shutil.copy(outputs["in-process"], Path(tempfile.gettempdir()) / f"factdiff-dask-{size}.json")
        facts["tasks"], facts["picking"] = judging_tasks(outputs["in-process"], directory, jobs)
        facts["full"], facts["digest"], facts["names"] = pickled_sizes(directory, min(SHUFFLE_SAMPLE, size))
        facts["report_mb"] = outputs["in-process"].stat().st_size / 1e6
        facts["documents"] = len(json.loads(outputs["in-process"].read_bytes())["documents"])
    return rows, facts


SCALE = 10_000_000
WORKERS = 50
"""The estimate: this many articles on this many workers, extrapolated linearly from the largest run."""


def scaled(size: int, jobs: int, run: Run, baseline: Run, growth: float, facts: dict[str, Any]) -> str:
    """A section estimating a SCALE-article run on WORKERS workers from one measured Dask run."""
    full, digest, names, report_mb = facts["full"], facts["digest"], facts["names"], facts["report_mb"]
    client_cpu = (run.client_cpu - baseline.client_cpu) / (size - BASELINE)
    worker_cpu = (run.cpu - baseline.cpu) / (size - BASELINE) - client_cpu
    held = (run.worker_mb - baseline.worker_mb) * 1e6 / ((size - BASELINE) / jobs)
    return (
        f"\n## Estimate: {SCALE / 1e6:,.0f} million articles on {WORKERS} workers\n\n"
        f"Extrapolated linearly from what the {size:,}-article Dask run costs more than the "
        f"{BASELINE}-article one (not measured at that scale): the workers spend {worker_cpu * 1000:.1f} ms of "
        f"CPU per article (the run's CPU less the client's), {worker_cpu * SCALE / 3600:,.0f} CPU hours, "
        f"{worker_cpu * SCALE / 3600 / WORKERS:.1f} hours on {WORKERS} of them; the client spends "
        f"{client_cpu * 1000:.1f} ms per article on one core (taking in digests and merging findings; here it "
        f"also ran the scheduler), {client_cpu * SCALE / 3600:.1f} hours, which no worker shares, nor the story "
        "step, one task on one worker. Memory: the client grows "
        f"{growth / 1e3:.1f} KB per document, {growth * SCALE / 1e9:,.0f} GB at {SCALE:,}; the largest "
        f"worker {held / 1e3:.0f} KB per article it holds, {held * SCALE / WORKERS / 1e9:,.0f} GB at "
        f"{SCALE // WORKERS:,} each (or spilled to disk by Dask), an overestimate for all but the one that found "
        "the stories, whose share grows with the whole run, not with its own articles. Network: "
        f"{digest * SCALE / 1e9:,.0f} GB of "
        f"digests to the client, {names * SCALE / 1e9:,.0f} GB of story names to the story task, "
        f"{full * SCALE / 1e9:,.0f} GB of claims to the judging tasks (each document's "
        f"once, {full:,.0f} bytes), a {report_mb * SCALE / size / 1e3:,.1f} GB JSON report.\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dask_engine", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="Corpus sizes in articles, comma-separated.")
    parser.add_argument("--jobs", type=int, default=2, help="In-process --jobs and Dask workers.")
    parser.add_argument("--seed", type=int, default=0, help="Seed of the generated corpus.")
    args = parser.parse_args()
    sizes = [BASELINE, *(int(size) for size in args.sizes.split(","))]
    rows: list[str] = []
    notes: list[str] = []
    estimate = ""
    with tempfile.TemporaryDirectory(prefix="factdiff-dask-") as scratch:
        baseline: dict[str, Run] = {}
        for size in sizes:
            directory = Path(scratch) / str(size)
            found, facts = measure(directory, size, args.jobs, args.seed)
            rows += found
            runs = facts["runs"]
            assert isinstance(runs, dict)
            notes.append(f"{size:,} articles: reports byte-identical: **{'yes' if facts['identical'] else 'NO'}**.")
            if size == BASELINE:
                baseline = runs
                continue
            growth = (runs["dask"].client_mb - baseline["dask"].client_mb) * 1e6 / (size - BASELINE)
            notes.append(
                f"{size:,} articles: dask client grows {growth:,.0f} bytes per document over the "
                f"{BASELINE}-article run; pickled `api.read_paths` result {facts['full']:,.0f} bytes per "
                f"document with its claims, digest sent to the client {facts['digest']:,.0f}, story names sent to "
                f"the story task {facts['names']:,.0f} (means of the first "
                f"{min(SHUFFLE_SAMPLE, size)}); {facts['tasks']:,} judging tasks fed by "
                f"at most {facts['picking']:,} picking tasks (each document's claims travel once); "
                f"JSON report {facts['report_mb']:.1f} MB for {facts['documents']:,} documents."
            )
            print(notes[-1], flush=True)
            estimate = scaled(size, args.jobs, runs["dask"], baseline["dask"], growth, facts)
            shutil.rmtree(directory)
    report = (
        f"# factdiff {__version__}: in-process against --engine dask\n\n"
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        "shared with other work. "
        f"Command: `python -m benchmarks.dask_engine --sizes {args.sizes} --jobs {args.jobs} --seed {args.seed}` "
        f"(a {BASELINE}-article run first gives the fixed costs). Each run is "
        f"`factdiff scan DIR --format json -q --jobs {args.jobs} -o OUT` with or without `--engine dask` "
        f"(a `LocalCluster` of {args.jobs} worker processes), on distinct generated articles "
        "(benchmarks/speed/generated.py). CPU s is the process and the children it waited for; "
        "client RSS is the factdiff process' own peak; worker RSS the peak of its largest descendant "
        "(a pool worker, or a Dask worker or nanny), sampled every "
        f"{SAMPLE_SECONDS} s; CPU s sampled adds up /proc's user and system time of the process and each "
        "descendant as last seen (a check on os.wait4; it misses the last tenth of a second of each), every "
        f"{SAMPLE_SECONDS} s; client CPU s is the factdiff process' own share of it (with Dask it also runs "
        "the local cluster's scheduler).\n\n"
        "| articles | MB | engine | jobs/workers | wall s | CPU s | CPU s sampled | client CPU s | CPU ms per article | "
        "client peak RSS MB | worker peak RSS MB |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n\n"
        + "\n".join(f"- {n}" for n in notes)
        + "\n"
        + estimate
    )
    path = write_result("dask.md", report)
    print(report)
    print(f"written to {path}")


if __name__ == "__main__":
    main()
