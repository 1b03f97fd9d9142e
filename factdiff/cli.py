"""The command line: options -> library call -> renderer -> exit code. Nothing else.

Exit codes follow diff(1): 0 no discrepancies, 1 discrepancies found, 2 trouble.
"""

from __future__ import annotations

import codecs
import functools
import json
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from factdiff import __version__, api, config
from factdiff.errors import FactdiffError
from factdiff.models import Report
from factdiff.render import FORMATS
from factdiff.render.html import render_html
from factdiff.render.json import render_json, render_jsonl
from factdiff.render.markdown import render_markdown
from factdiff.render.rich import render_claims_table, render_rich, render_stories
from factdiff.schema import report_schema

EXIT_CLEAN, EXIT_FOUND, EXIT_TROUBLE = 0, 1, 2


class Trouble(click.ClickException):
    """A one-line error and exit status 2."""

    exit_code = EXIT_TROUBLE

    def show(self, file: Any = None) -> None:
        click.echo(f"factdiff: {self.format_message()}", err=True)


class TrimmedLines:
    """A text stream that drops the spaces Rich pads wrapped lines with, so piped reports and
    saved files have no trailing whitespace."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        *complete, self.pending = (self.pending + text).split("\n")
        for line in complete:
            self.stream.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending:  # a line still open at a flush is written as it stands
            self.stream.write(self.pending)
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return bool(self.stream.isatty())

    @property
    def encoding(self) -> str:
        return str(getattr(self.stream, "encoding", "utf-8"))


def stdout_console() -> Console:
    """Rich console on stdout: colour on a terminal, plain text otherwise (and with NO_COLOR)."""
    return Console(file=TrimmedLines(sys.stdout), soft_wrap=False, highlight=False, emoji=False, markup=False)


ERROR_SUMMARY_CHARS = 200
"""An internal error is one line: its message may quote a whole report."""


def utf8_streams() -> None:
    """Make stdout and stderr UTF-8 whatever the locale (PYTHONIOENCODING=ascii, LANG=C): a
    report is UTF-8 text, and names like 'Moïse' must not crash or turn into '?'."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").replace("_", "-").lower()
        if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def guarded(command: Callable[..., int]) -> Callable[..., None]:
    """Turn library errors and crashes into one line on stderr, and return codes into exits."""

    @functools.wraps(command)
    def wrapper(*args: Any, debug: bool = False, **kwargs: Any) -> None:
        utf8_streams()
        try:
            code = command(*args, **kwargs)
        except FactdiffError as error:
            raise Trouble(str(error)) from None
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(EXIT_CLEAN)
        except KeyboardInterrupt:
            sys.exit(130)
        except click.ClickException:
            raise
        except Exception as error:  # noqa: BLE001 - the last line of defence
            if debug:
                traceback.print_exc()
            summary = f"{type(error).__name__}: {error}".splitlines()[0][:ERROR_SUMMARY_CHARS]
            raise Trouble(f"internal error: {summary} (rerun with --debug for the traceback)") from None
        sys.exit(code)

    return click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")(wrapper)


def format_option(choices: tuple[str, ...]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--format", "-f", "output_format", type=click.Choice(choices), default=choices[0], show_default=True,
        help="Output format: rich is for people, json/jsonl for scripts.",
    )


def emit(report: Report, output_format: str, exit_zero: bool = False) -> int:
    """Print the report and return the exit code it implies."""
    for warning in report.warnings:
        click.echo(f"factdiff: {warning.path}: {warning.message}", err=True)
    out = sys.stdout
    if output_format == "json":
        render_json(report, out)
    elif output_format == "jsonl":
        render_jsonl(report, out)
    elif output_format == "markdown":
        render_markdown(report, out)
    elif output_format == "html":
        render_html(report, out, api.report_texts(report))
    else:
        render_rich(report, stdout_console())
    if report.warnings:
        return EXIT_TROUBLE
    return EXIT_FOUND if report.discrepancies and not exit_zero else EXIT_CLEAN


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factdiff")
def main() -> None:
    """Find factual discrepancies in news coverage: across articles, between two, and inside one.

    Example: factdiff scan seeds/
    """


def date_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--date", "date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
        help="Publication date (YYYY-MM-DD) of articles whose input gives none; resolves 'last October'.",
    )(command)


def jobs_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=None,
        help="Processes that read and extract (default: one per core for large inputs). Results do not depend on it.",
    )(command)


class ProgressBar:
    """A transient progress bar on stderr, shown only on a terminal and only after a second."""

    DELAY = 1.0

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if not sys.stderr.isatty() or time.monotonic() - self.started < self.DELAY:
                return
            self.bar = Progress(
                TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("read", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def review_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options that say what has already been reviewed, shared by scan and compare."""
    options = [
        click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file (default: factdiff.toml found upward)."),
        click.option("--min-severity", type=click.Choice(["low", "medium", "high"]), default=None, help="Hide findings below this severity."),
        click.option("--kind", "kinds", multiple=True, help="Only findings of this kind (repeatable)."),
        click.option("--baseline", "baseline", type=click.Path(dir_okay=False), help="Show only findings not in this baseline."),
        click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the findings shown as a baseline."),
        click.option("--statistics", is_flag=True, help="Also print counts per kind and severity (stderr)."),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are shown (2 still means trouble)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def reviewed(report: Report, paths: Sequence[str], review: dict[str, Any]) -> Report:
    """The report after the configuration, the baseline and the filters, with the baseline
    written and the statistics printed when asked."""
    overrides = {"min_severity": review["min_severity"], "kinds": tuple(review["kinds"])}
    settings = config.effective(paths, review["config_file"], overrides).config
    baseline = config.read_baseline(Path(review["baseline"])) if review["baseline"] else None
    report = config.apply(report, settings, baseline)
    if review["write_baseline"]:
        config.write_baseline(report, Path(review["write_baseline"]))
    if review["statistics"]:
        for kind, counts in config.statistics(report).items():
            click.echo(f"{kind}: " + ", ".join(f"{n} {severity}" for severity, n in counts.items()), err=True)
        click.echo(f"suppressed as reviewed: {report.suppressed}", err=True)
    return report


def checked_encoding(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None


encoding_option = click.option(
    "--encoding", default=None, callback=checked_encoding,
    help="Decode every file with this encoding (e.g. cp1252) instead of detecting it.",
)


def reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Which files of a folder are read, and how: shared by scan, stories and claims."""
    options = [
        click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Skip (with a warning) files larger than this."),
        click.option("--glob", "include", multiple=True, help="Read only the files of a folder matching this pattern (repeatable)."),
        click.option("--exclude", multiple=True, help="Skip the files of a folder matching this pattern (repeatable)."),
        click.option("--follow", is_flag=True, help="Walk into symbolic links to folders (loops are detected and skipped)."),
        encoding_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


READING_KEYS = ("max_bytes", "include", "exclude", "follow", "encoding")


def reading_of(options: dict[str, Any], **more: Any) -> api.Reading:
    """The library's reading options from the command line's."""
    return api.Reading(**{key: options.pop(key) for key in READING_KEYS}, **more)


REVIEW_KEYS = ("config_file", "min_severity", "kinds", "baseline", "write_baseline", "statistics", "exit_zero")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--one-story", is_flag=True, help="Treat every article given as one story (for a curated folder).")
@reading_options
@jobs_option
@date_option
@review_options
@format_option(FORMATS)
@guarded
def scan(
    paths: tuple[str, ...], one_story: bool, jobs: int | None, date: Any, output_format: str, **options: Any
) -> int:
    """Report discrepancies across and within every article under PATHS ("-" reads standard input).

    Articles are first grouped into stories by the people and organisations they share;
    facts are compared only within a story.

    Example: factdiff scan seeds/ --format json | jq '.discrepancies[].subject'
    """
    reading = reading_of(options, date=date and date.date())
    progress = ProgressBar()
    try:
        report = api.scan(paths, one_story=one_story, jobs=jobs, progress=progress, reading=reading)
    finally:
        progress.close()
    return emit(reviewed(report, paths, options), output_format, options["exit_zero"])


@main.command()
@click.argument("first", type=click.Path())
@click.argument("second", type=click.Path())
@click.option("--within", is_flag=True, help="Also report each document's internal discrepancies.")
@encoding_option
@date_option
@review_options
@format_option(FORMATS)
@guarded
def compare(
    first: str, second: str, within: bool, encoding: str | None, date: Any, output_format: str, **review: Any
) -> int:
    """Report discrepancies between two documents.

    Example: factdiff compare seeds/001_de6dd166a4080cc0.txt seeds/003_4b2072b04a3e016b.txt
    """
    report = api.compare(first, second, within=within, date=date and date.date(), encoding=encoding)
    return emit(reviewed(report, [first], review), output_format, review["exit_zero"])


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--kind", "kinds", multiple=True, help="Only claims of this kind (repeatable).")
@reading_options
@format_option(("table", "json", "jsonl"))
@guarded
def claims(paths: tuple[str, ...], kinds: tuple[str, ...], output_format: str, **options: Any) -> int:
    """List the typed claims read from PATHS, to see what the tool understood.

    Example: factdiff claims seeds/002_7e5945c1bd7cacaf.txt --kind quantity
    """
    listing = api.extract_claims(paths, kinds or None, reading=reading_of(options, all_claims=True))
    if kinds:
        listing = listing.model_copy(update={"claims": tuple(c for c in listing.claims if c.kind in kinds)})
    for warning in listing.warnings:
        click.echo(f"factdiff: {warning.path}: {warning.message}", err=True)
    out = sys.stdout
    if output_format == "json":
        render_json(listing, out)
    elif output_format == "jsonl":
        for claim in listing.claims:
            out.write(claim.model_dump_json() + "\n")
    else:
        render_claims_table(listing, stdout_console())
    return EXIT_TROUBLE if listing.warnings else EXIT_CLEAN


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@reading_options
@jobs_option
@format_option(("table", "json"))
@guarded
def stories(paths: tuple[str, ...], jobs: int | None, output_format: str, **options: Any) -> int:
    """List the stories the articles under PATHS group into, to check the grouping.

    Example: factdiff stories archive/ --format json | jq '.stories[].label'
    """
    report = api.stories(paths, jobs=jobs, reading=reading_of(options))
    for warning in report.warnings:
        click.echo(f"factdiff: {warning.path}: {warning.message}", err=True)
    if output_format == "json":
        render_json(report, sys.stdout)
    else:
        render_stories(report, stdout_console())
    return EXIT_TROUBLE if report.warnings else EXIT_CLEAN


@main.command(name="config")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file to read.")
@guarded
def show_config(paths: tuple[str, ...], config_file: str | None) -> int:
    """Print the configuration in force for PATHS (default: here) and where each value came from.

    Example: factdiff config seeds/
    """
    found = config.effective(paths or (".",), config_file, {})
    click.echo(json.dumps(found.model_dump(mode="json"), indent=2, sort_keys=True))
    return EXIT_CLEAN


@main.command()
@guarded
def schema() -> int:
    """Print the JSON Schema of the report (``scan``/``compare`` with --format json).

    Example: factdiff schema > factdiff-report.schema.json
    """
    click.echo(json.dumps(report_schema(), indent=2, sort_keys=True))
    return EXIT_CLEAN
