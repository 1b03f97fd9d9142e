"""python -m benchmarks.speed [--sizes 1000,10000,100000] [--jobs 1,2] [--runs 1]: how fast and how big.

Generates corpora of distinct articles (benchmarks/speed/generated.py: real bench articles
recombined, with their names, numbers and dates varied), then runs ``factdiff scan --format
json`` on each as a separate process and reports, per size and ``--jobs``: wall seconds; CPU
seconds summed over the process and its workers, so that a machine shared with other work
still gives comparable numbers; MB/s per core (megabytes over CPU seconds); peak resident
memory of the process and its workers together (sampled from /proc, and never less than the
largest single process' own peak; pages a forked worker still shares with the main process
count once in each, so with workers this is an upper bound), and their proportional memory
(PSS: a page shared by several processes split between them, what the machine spends); and
the stories found, with the largest, so that a corpus
clustered into one story, or into none, shows. Reading, decoding and sentence splitting
alone is the floor (CPU MB/s, in this process); a spaCy small-model NER pass is a reference
where one is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from benchmarks.corpus import write_result
from benchmarks.speed.generated import write_corpus
from factdiff import __version__
from factdiff.load import decode
from factdiff.text.sentences import split_sentences

SAMPLE_SECONDS = 0.1
"""How often the memory of the process and its workers is read."""
PSS_EVERY = 5
"""Proportional memory is read every this many samples: the kernel walks each process' pages for it."""
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


class Scan(NamedTuple):
    """One measured run of `factdiff scan`."""

    wall: float
    cpu: float
    peak_mb: float
    peak_pss_mb: float
    stories: int
    largest: int


def timed_scan(directory: Path, jobs: int, scratch: Path) -> Scan:
    """Run one ``factdiff scan`` process on the directory and measure it."""
    command = [sys.executable, "-m", "factdiff", "scan", str(directory), "--format", "json", "--jobs", str(jobs)]
    output, errors = scratch / "report.json", scratch / "errors.txt"
    started = time.perf_counter()
    with output.open("wb") as stdout, errors.open("wb") as stderr:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        peak = _PeakMemory(process.pid)
        _, status, usage = os.wait4(process.pid, 0)  # the usage of this process and the workers it waited for
        process.returncode = os.waitstatus_to_exitcode(status)
        peak.stop()
    wall = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"factdiff failed on {directory}: {errors.read_text(errors='replace')[-500:]}")
    largest_process_mb = usage.ru_maxrss * 1024 / 1e6  # ru_maxrss is in kilobytes on Linux
    stories = [len(story["documents"]) for story in json.loads(output.read_bytes())["stories"]]
    return Scan(
        wall, usage.ru_utime + usage.ru_stime, max(peak.mb, largest_process_mb), peak.pss_mb, len(stories), max(stories)
    )


class _PeakMemory:
    """The largest total resident memory of a process and its descendants, sampled in a thread."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.mb = 0.0
        self.pss_mb = 0.0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        samples = 0
        while not self.done.wait(SAMPLE_SECONDS):
            resident = descendants(self.root)[0]
            self.mb = max(self.mb, sum(resident.values()) * PAGE_BYTES / 1e6)
            samples += 1
            if samples % PSS_EVERY == 0:
                self.pss_mb = max(self.pss_mb, _proportional_mb(resident))

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


def descendants(root: int) -> tuple[dict[int, int], dict[int, int]]:
    """Resident pages and CPU ticks (user and system) of a process and of each of its descendants now."""
    children: dict[int, list[int]] = {}
    resident: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue  # ended meanwhile
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        resident[pid] = int(fields[21])
        ticks[pid] = int(fields[11]) + int(fields[12])
    found: dict[int, int] = {}
    spent: dict[int, int] = {}
    waiting = [root]
    while waiting:
        pid = waiting.pop()
        found[pid] = resident.get(pid, 0)
        spent[pid] = ticks.get(pid, 0)
        waiting += children.get(pid, [])
    return found, spent


def _proportional_mb(processes: Iterable[int]) -> float:
    """Proportional megabytes of the processes now (``Pss`` in /proc)."""
    kilobytes = 0
    for pid in processes:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue  # ended meanwhile, or a kernel without it
        kilobytes += next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
    return kilobytes * 1024 / 1e6


def floor(directory: Path) -> float:
    """CPU seconds to read, decode and split every file into sentences: what any tool must pay."""
    started = time.process_time()
    for path in sorted(directory.iterdir()):
        text = decode(path.read_bytes())[0]
        split_sentences(text)
    return time.process_time() - started


def spacy_reference(directory: Path, limit: int = 200) -> str:
    """MB/s of a spaCy en_core_web_sm NER pass over the first files, if it can run offline."""
    try:
        import spacy  # type: ignore[import-not-found]

        nlp = spacy.load("en_core_web_sm")
    except Exception:
        return "not installed (no offline model)"
    paths = sorted(directory.iterdir())[:limit]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    started = time.perf_counter()
    for doc in nlp.pipe(texts):
        _ = doc.ents
    seconds = time.perf_counter() - started
    return f"{sum(len(t.encode()) for t in texts) / 1e6 / seconds:.2f} MB/s"


def measure(directory: Path, size: int, job_counts: list[int], runs: int, seed: int) -> list[str]:
    """Table rows for one generated corpus, one per process count."""
    megabytes = write_corpus(directory, size, seed)
    floor_seconds = statistics.median(floor(directory) for _ in range(runs))
    rows = []
    for jobs in job_counts:
        scans = [timed_scan(directory, jobs, directory.parent) for _ in range(runs)]
        wall = statistics.median(scan.wall for scan in scans)
        cpu = statistics.median(scan.cpu for scan in scans)
        peak = max(scan.peak_mb for scan in scans)
        peak_pss = max(scan.peak_pss_mb for scan in scans)
        rows.append(
            f"| {size:,} | {megabytes:.1f} | {jobs} | {wall:.1f} | {cpu:.1f} | {megabytes / cpu:.2f} | "
            f"{peak:,.0f} | {peak_pss:,.0f} | {peak * 1000 / size:.1f} | {scans[0].stories:,} | {scans[0].largest} | "
            f"{megabytes / floor_seconds:.1f} |"
        )
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="Corpus sizes in articles, comma-separated (1000: a quick run)."
    )
    parser.add_argument("--jobs", default="1,2", help="Process counts to measure, comma-separated.")
    parser.add_argument("--runs", type=int, default=1, help="Runs per measurement; the median is reported.")
    parser.add_argument("--seed", type=int, default=0, help="Seed of the generated corpus.")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    job_counts = [int(jobs) for jobs in args.jobs.split(",")]
    rows: list[str] = []
    reference = ""
    with tempfile.TemporaryDirectory(prefix="factdiff-speed-") as scratch:
        for size in sizes:
            directory = Path(scratch) / str(size)
            rows += measure(directory, size, job_counts, args.runs, args.seed)
            reference = reference or spacy_reference(directory)
            shutil.rmtree(directory)  # 100,000 articles take 250 MB
    report = (
        f"# factdiff {__version__} speed\n\n"
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        f"Command: `python -m benchmarks.speed --sizes {args.sizes} --jobs {args.jobs} --runs {args.runs} "
        f"--seed {args.seed}`. Distinct generated articles (benchmarks/speed/generated.py). Median of the runs; "
        "CPU s is summed over the process and its workers, MB/s per core is megabytes over CPU seconds; "
        "peak RSS is the largest total of the process and its workers together (an upper bound with "
        "workers: pages they share with the main process count in each); peak PSS the largest total of "
        "their proportional memory (a shared page split between the processes sharing it), read every "
        f"{SAMPLE_SECONDS * PSS_EVERY:g} s.\n\n"
        "| articles | MB | jobs | wall s | CPU s | MB/s per core | peak RSS MB | peak PSS MB | KB per article | "
        "stories | largest story | floor MB/s per core |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
        "Floor: reading, decoding and sentence splitting alone, in one process. "
        f"spaCy `en_core_web_sm` NER reference: {reference}.\n"
    )
    path = write_result("speed.md", report)
    print(report)
    print(f"written to {path}")


if __name__ == "__main__":
    main()
