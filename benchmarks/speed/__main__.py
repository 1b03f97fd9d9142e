"""python -m benchmarks.speed [--sizes 1000,10000] [--runs 3] [--jobs 1,2]: how fast and how big.

Builds corpora of real news articles (the bench file's distinct articles, repeated with a
distinct first line when more are needed), then times ``factdiff scan --format json`` on each
as a separate process: median wall time over the runs, throughput in MB/s and words/s, per
core, and peak memory from the system's own accounting (``/usr/bin/time``, else
``resource``). Two references run alongside: reading, decoding and sentence splitting alone
(the floor), and a spaCy small-model NER pass where one is installed.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import articles, write_result
from factdiff import __version__
from factdiff.load import decode
from factdiff.text.sentences import split_sentences

TIME = shutil.which("time") and Path("/usr/bin/time")


def build_corpus(directory: Path, size: int) -> tuple[float, int]:
    """Write ``size`` articles into directory; return (megabytes, words)."""
    texts = [text for name, text in articles() if name.startswith("bench-")]
    directory.mkdir(parents=True, exist_ok=True)
    total_bytes = words = 0
    for index in range(size):
        text = texts[index % len(texts)]
        if index >= len(texts):
            text = f"Archive copy {index}.\n\n{text}"
        data = text.encode("utf-8")
        (directory / f"{index:06d}.txt").write_bytes(data)
        total_bytes += len(data)
        words += len(text.split())
    return total_bytes / 1e6, words


def timed_scan(directory: Path, jobs: int) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one ``factdiff scan`` process."""
    command = [sys.executable, "-m", "factdiff", "scan", str(directory), "--format", "json", "--jobs", str(jobs)]
    if TIME is not None and TIME.exists():
        started = time.perf_counter()
        done = subprocess.run([str(TIME), "-f", "%M", *command], capture_output=True, text=True)
        wall = time.perf_counter() - started
        peak_kb = int(done.stderr.strip().splitlines()[-1])
    else:
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        wall = time.perf_counter() - started
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode not in (0, 1):
        raise SystemExit(f"factdiff failed on {directory}: {done.stderr[-500:]}")
    return wall, peak_kb / 1024


def floor(directory: Path) -> float:
    """Seconds to read, decode and split every file into sentences: what any tool must pay."""
    started = time.perf_counter()
    for path in sorted(directory.iterdir()):
        text = decode(path.read_bytes())[0]
        split_sentences(text)
    return time.perf_counter() - started


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


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="Corpus sizes in articles (comma-separated).")
    parser.add_argument("--runs", type=int, default=3, help="Runs per measurement; the median is reported.")
    parser.add_argument("--jobs", default="1,2", help="Process counts to measure (comma-separated).")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    job_counts = [int(jobs) for jobs in args.jobs.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="factdiff-speed-") as scratch:
        for size in sizes:
            directory = Path(scratch) / str(size)
            megabytes, words = build_corpus(directory, size)
            floor_seconds = statistics.median(floor(directory) for _ in range(args.runs))
            for jobs in job_counts:
                walls, peaks = zip(*(timed_scan(directory, jobs) for _ in range(args.runs)), strict=False)
                wall = statistics.median(walls)
                rows.append(
                    f"| {size:,} | {megabytes:.1f} | {jobs} | {wall:.2f} | {megabytes / wall:.2f} | "
                    f"{megabytes / wall / jobs:.2f} | {words / wall:,.0f} | {max(peaks):.0f} | "
                    f"{megabytes / floor_seconds:.1f} | {floor_seconds / wall:.3f} |"
                )
                print(rows[-1], flush=True)
        reference = spacy_reference(Path(scratch) / str(sizes[0]))
    report = (
        f"# factdiff {__version__} speed\n\n"
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        f"Command: `python -m benchmarks.speed --sizes {args.sizes} --runs {args.runs} --jobs {args.jobs}`. "
        "Median of the runs; peak memory is the largest run's maximum resident set size.\n\n"
        "| articles | MB | jobs | wall s | MB/s | MB/s per core | words/s | peak RSS MB | floor MB/s | floor/scan |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
        f"Floor: reading, decoding and sentence splitting alone, in one process. "
        f"spaCy `en_core_web_sm` NER reference: {reference}.\n"
    )
    path = write_result("speed.md", report)
    print(report)
    print(f"written to {path}")


if __name__ == "__main__":
    main()
