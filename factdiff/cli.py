"""The command line: options -> library call -> renderer -> exit code. Nothing else.

Exit codes follow diff(1): 0 no discrepancies, 1 discrepancies found, 2 trouble.

A command imports the library, the models and Rich when it runs, not when this module is
imported: ``factdiff --version`` and ``--help`` then start in a fraction of the time.
"""

from __future__ import annotations

import codecs
import functools
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from factdiff import __version__
from factdiff.errors import FactdiffError, missing_dependency
from factdiff.render.formats import COLORS, RENDERERS

if TYPE_CHECKING:
    from rich.progress import Progress

    from factdiff import api
    from factdiff.models import ClaimList, Report, Warning_

EXIT_CLEAN, EXIT_FOUND, EXIT_TROUBLE = 0, 1, 2


class Trouble(click.ClickException):
    """A one-line error and exit status 2."""

    exit_code = EXIT_TROUBLE

    def show(self, file: Any = None) -> None:
        click.echo(f"factdiff: {self.format_message()}", err=True)


ERROR_SUMMARY_CHARS = 200
"""An internal error is one line: its message may quote a whole report."""


def utf8_streams() -> None:
    """Make stdout and stderr UTF-8 whatever the locale (PYTHONIOENCODING=ascii, LANG=C): a
    report is UTF-8 text, and names like 'Moïse' must not crash or turn into '?'."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").replace("_", "-").lower()
        if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


class PipeClosedError(Exception):
    """The reader of our output closed it (``factdiff scan … | head``)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit cannot fail on a closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file descriptor (tests capture stdout)
        pass


def guarded(command: Callable[..., int]) -> Callable[..., None]:
    """Turn library errors and crashes into one line on stderr, and return codes into exits.
    A closed pipe exits with the code the run had reached, so ``| head`` is stable."""

    @functools.wraps(command)
    def wrapper(*args: Any, debug: bool = False, **kwargs: Any) -> None:
        utf8_streams()
        try:
            code = command(*args, **kwargs)
        except FactdiffError as error:
            raise Trouble(str(error)) from None
        except ModuleNotFoundError as error:
            raise Trouble(missing_dependency(error.name)) from None
        except PipeClosedError as gone:
            quiet_stdout()
            sys.exit(gone.code)
        except BrokenPipeError:
            quiet_stdout()
            sys.exit(EXIT_TROUBLE)
        except KeyboardInterrupt:
            sys.exit(130)
        except click.ClickException:
            raise
        except Exception as error:
            if debug:
                traceback.print_exc()
            summary = f"{type(error).__name__}: {error}".splitlines()[0][:ERROR_SUMMARY_CHARS]
            raise Trouble(f"internal error: {summary} (rerun with --debug for the traceback)") from None
        sys.exit(code)

    return click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")(wrapper)


def output_options(view: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--format (the view's renderers), --output, --color and --quiet: shared by every command
    that prints a view."""
    formats = tuple(RENDERERS[view])
    options = [
        click.option(
            "--format",
            "-f",
            "output_format",
            type=click.Choice(formats),
            default=formats[0],
            show_default=True,
            help=f"Output format: {formats[0]} is for people"
            + (", json/jsonl for scripts." if "jsonl" in formats else ", json for scripts."),
        ),
        click.option(
            "--output",
            "-o",
            "output_file",
            type=click.Path(dir_okay=False, writable=True),
            default=None,
            help="Write the output to this file instead of standard output.",
        ),
        click.option(
            "--color",
            type=click.Choice(COLORS),
            default="auto",
            show_default=True,
            help="Colour the terminal view: auto (on a terminal, unless NO_COLOR is set), always or never.",
        ),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar and no closing summary line."),
    ]

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def warn(warnings: Sequence[Warning_]) -> None:
    for warning in warnings:
        click.echo(f"factdiff: {warning.path}: {warning.message}", err=True)


def emit(view: str, shown: Report | ClaimList, output: dict[str, Any], code: int) -> int:
    """Print the warnings (and once, how many documents were not checked for their language),
    write the view where asked, and return ``code``: a closed pipe still ends with it, and a
    full disk is one line of trouble, not a traceback."""
    from factdiff import api
    from factdiff.models import Report
    from factdiff.render import unchecked_note
    from factdiff.render.formats import Sink, render

    warn(shown.warnings)
    unchecked = unchecked_note(shown) if isinstance(shown, Report) else ""
    if unchecked:
        click.echo(f"factdiff: {unchecked}", err=True)
    target = output["output_file"]
    try:
        stream = open(target, "w", encoding="utf-8", newline="\n") if target else sys.stdout  # noqa: SIM115
    except OSError as error:
        raise Trouble(f"cannot write output: {target}: {(error.strerror or str(error)).lower()}") from None
    shows_text = output["output_format"] == "html" or (view == "check" and output["output_format"] == "rich")
    texts = api.report_texts(shown) if shows_text else None
    sink = Sink(
        stream, output["color"] if not target or output["color"] == "always" else "never", output["quiet"], texts
    )
    try:
        render(view, output["output_format"], shown, sink)
        stream.flush()
    except BrokenPipeError:
        raise PipeClosedError(code) from None
    except OSError as error:
        if not target:
            quiet_stdout()  # the flush at exit would fail again
        raise Trouble(f"cannot write output: {(error.strerror or str(error)).lower()}") from None
    finally:
        if target:
            stream.close()
    return code


def report_code(report: Report, exit_zero: bool = False) -> int:
    """diff(1)'s convention: 2 for any warning, else 1 for findings (0 with --exit-zero)."""
    if report.warnings:
        return EXIT_TROUBLE
    return EXIT_FOUND if report.discrepancies and not exit_zero else EXIT_CLEAN


OUTPUT_KEYS = ("output_format", "output_file", "color", "quiet")


def output_of(options: dict[str, Any]) -> dict[str, Any]:
    """The output options, taken out of a command's keyword arguments."""
    return {key: options.pop(key) for key in OUTPUT_KEYS}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factdiff")
def main() -> None:
    """Find factual discrepancies in news coverage: across articles, between two, and inside one.

    Example: factdiff scan seeds/
    """


def date_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--date",
        "date",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Publication date (YYYY-MM-DD) of articles whose input gives none; resolves 'last October'.",
    )(command)


def jobs_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=None,
        help="Processes that read and extract (default: one per core for large inputs). Results do not depend on it.",
    )(command)


class ProgressBar:
    """A transient progress bar on stderr, shown only on a terminal and only after a second."""

    DELAY = 1.0

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: Any = None

    def __call__(self, done: int, total: int, phase: str = "reading") -> None:
        if self.bar is None:
            if not self.enabled or not sys.stderr.isatty() or time.monotonic() - self.started < self.DELAY:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(phase, total=total)
        elif phase != self.bar.tasks[0].description:  # the next phase (--engine dask: judging) counts afresh
            self.bar.reset(self.task, total=total, description=phase)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def review_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options that say what has already been reviewed, shared by scan and compare."""
    options = [
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False),
            help="Configuration file (default: factdiff.toml found upward).",
        ),
        click.option(
            "--min-severity",
            type=click.Choice(["low", "medium", "high"]),
            default=None,
            help="Hide findings below this severity.",
        ),
        click.option(
            "--kind",
            "kinds",
            multiple=True,
            help="Only findings of this kind, rule code or rule name (repeatable; see factdiff rules).",
        ),
        click.option(
            "--baseline", "baseline", type=click.Path(dir_okay=False), help="Show only findings not in this baseline."
        ),
        click.option(
            "--write-baseline", type=click.Path(dir_okay=False), help="Record the findings shown as a baseline."
        ),
        click.option("--statistics", is_flag=True, help="Also print counts per kind and severity (stderr)."),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are shown (2 still means trouble)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def reviewed(report: Report, paths: Sequence[str], review: dict[str, Any]) -> Report:
    """The report after the configuration, the baseline and the filters, with the baseline
    written and the statistics printed when asked. An ignored id that matches nothing in
    this run is named on stderr (it does not change the exit code: the run may cover only a
    part of what the configuration was written for)."""
    from factdiff import api, config
    from factdiff.render import suppression_note

    overrides = {"min_severity": review["min_severity"], "kinds": tuple(review["kinds"])}
    found = config.effective(paths, review["config_file"], overrides, selectors=api.finding_selectors())
    for stale in config.stale_ignores(report, found.config):
        click.echo(
            f"factdiff: {found.sources.get('ignore', 'configuration')}: ignore {stale} matches no finding", err=True
        )
    baseline = config.read_baseline(Path(review["baseline"])) if review["baseline"] else None
    report = config.apply(report, found.config, baseline)
    if review["write_baseline"]:
        config.write_baseline(report, Path(review["write_baseline"]))
    if review["statistics"]:
        for kind, counts in config.statistics(report).items():
            click.echo(f"{kind}: " + ", ".join(f"{n} {severity}" for severity, n in counts.items()), err=True)
        click.echo(suppression_note(report) or "0 suppressed as reviewed", err=True)
    return report


def checked_encoding(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None


encoding_option = click.option(
    "--encoding",
    default=None,
    callback=checked_encoding,
    help="Decode every file with this encoding (e.g. cp1252) instead of detecting it.",
)


def reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Which files of a folder are read, and how: shared by scan, stories and claims."""
    options = [
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=None,
            help="Skip (with a warning) files larger than this.",
        ),
        click.option(
            "--glob",
            "include",
            multiple=True,
            help="Read only the files of a folder matching this pattern (repeatable).",
        ),
        click.option("--exclude", multiple=True, help="Skip the files of a folder matching this pattern (repeatable)."),
        click.option(
            "--follow", is_flag=True, help="Walk into symbolic links to folders (loops are detected and skipped)."
        ),
        encoding_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


READING_KEYS = ("max_bytes", "include", "exclude", "follow", "encoding")


def reading_of(options: dict[str, Any], **more: Any) -> api.Reading:
    """The library's reading options from the command line's."""
    from factdiff import api

    return api.Reading(**{key: options.pop(key) for key in READING_KEYS}, **more)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--one-story", is_flag=True, help="Treat every article given as one story (for a curated folder).")
@reading_options
@jobs_option
@click.option(
    "--engine",
    type=click.Choice(["in-process", "dask"]),
    default="in-process",
    show_default=True,
    help="Where to scan: here, or on a Dask cluster (pip install 'factdiff[dask]'); the report is the same.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HOST:8786",
    help="With --engine dask: the cluster's scheduler (default: a local cluster of --jobs workers).",
)
@date_option
@review_options
@output_options("report")
@guarded
def scan(
    paths: tuple[str, ...],
    one_story: bool,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    date: Any,
    **options: Any,
) -> int:
    """Report discrepancies across and within every article under PATHS ("-" reads standard input).

    Articles are first grouped into stories by the people and organisations they share;
    facts are compared only within a story.

    Example: factdiff scan seeds/ --format json | jq '.discrepancies[].subject'
    """
    from factdiff import api

    if scheduler is not None and engine != "dask":
        raise Trouble("--scheduler needs --engine dask")
    output = output_of(options)
    reading = reading_of(options, date=date and date.date())
    progress = ProgressBar(enabled=not output["quiet"])
    try:
        if engine == "dask":
            from factdiff import distributed

            report = distributed.scan(
                paths, one_story=one_story, jobs=jobs, scheduler=scheduler, progress=progress, reading=reading
            )
        else:
            report = api.scan(paths, one_story=one_story, jobs=jobs, progress=progress, reading=reading)
    finally:
        progress.close()
    report = reviewed(report, paths, options)
    return emit("report", report, output, report_code(report, options["exit_zero"]))


@main.command()
@click.argument("first", type=click.Path())
@click.argument("second", type=click.Path())
@click.option("--within", is_flag=True, help="Also report each document's internal discrepancies.")
@encoding_option
@date_option
@review_options
@output_options("report")
@guarded
def compare(first: str, second: str, within: bool, encoding: str | None, date: Any, **options: Any) -> int:
    """Report discrepancies between two documents (files, "-", or <(command) in a shell).

    Example: factdiff compare seeds/001_de6dd166a4080cc0.txt seeds/003_4b2072b04a3e016b.txt
    """
    from factdiff import api

    output = output_of(options)
    report = api.compare(first, second, within=within, date=date and date.date(), encoding=encoding)
    report = reviewed(report, [first], options)
    return emit("report", report, output, report_code(report, options["exit_zero"]))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="SOURCE DERIVED...")
@click.option(
    "--source",
    "more_sources",
    multiple=True,
    type=click.Path(),
    help="Another source file or folder, read with SOURCE as one body of evidence (repeatable).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["contradicted", "unsupported"]),
    default="unsupported",
    show_default=True,
    help="What makes the exit status 1: a contradicted claim only, or any claim not supported.",
)
@encoding_option
@date_option
@output_options("check")
@guarded
def check(
    paths: tuple[str, ...], more_sources: tuple[str, ...], fail_on: str, encoding: str | None, date: Any, **options: Any
) -> int:
    """Trace every number, date, name and quotation of DERIVED texts to SOURCE.

    SOURCE (a file or a folder) is the evidence; each DERIVED text (a rewrite, a summary, a
    translation) is checked against it. Each claim is supported (where the source says it),
    contradicted (the source says otherwise) or unsupported (the source does not say it).

    Example: factdiff check seeds/000_ee73806791a84dfe.txt seeds/001_de6dd166a4080cc0.txt
    """
    from factdiff import api

    if len(paths) < 2:
        raise click.UsageError("give a SOURCE and at least one DERIVED text to check against it")
    output = output_of(options)
    first, *derived = paths
    report = api.check([first, *more_sources], derived, date=date and date.date(), encoding=encoding)
    failing = {"contradicted"} if fail_on == "contradicted" else {"contradicted", "unsupported"}
    if report.warnings:
        code = EXIT_TROUBLE
    else:
        code = EXIT_FOUND if any(check.verdict in failing for check in report.checks) else EXIT_CLEAN
    return emit("check", report, output, code)


def checked_claim_kinds(
    _context: click.Context, _parameter: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    from factdiff import api

    known = api.claim_kinds()
    for kind in value:
        if kind not in known:
            raise click.BadParameter(f"unknown claim kind {kind!r}; choose from {', '.join(known)}")
    return value


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--kind", "kinds", multiple=True, callback=checked_claim_kinds, help="Only claims of this kind (repeatable)."
)
@reading_options
@output_options("claims")
@guarded
def claims(paths: tuple[str, ...], kinds: tuple[str, ...], **options: Any) -> int:
    """List the typed claims read from PATHS, to see what the tool understood.

    Example: factdiff claims seeds/002_7e5945c1bd7cacaf.txt --kind quantity
    """
    from factdiff import api

    output = output_of(options)
    listing = api.extract_claims(paths, kinds or None, reading=reading_of(options, all_claims=True))
    if kinds:
        listing = listing.model_copy(update={"claims": tuple(c for c in listing.claims if c.kind in kinds)})
    return emit("claims", listing, output, EXIT_TROUBLE if listing.warnings else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@reading_options
@jobs_option
@output_options("stories")
@guarded
def stories(paths: tuple[str, ...], jobs: int | None, **options: Any) -> int:
    """List the stories the articles under PATHS group into, to check the grouping.

    Example: factdiff stories archive/ --format json | jq '.stories[].label'
    """
    from factdiff import api

    output = output_of(options)
    report = api.stories(paths, jobs=jobs, reading=reading_of(options))
    return emit("stories", report, output, EXIT_TROUBLE if report.warnings else EXIT_CLEAN)


@main.command()
@guarded
def rules() -> int:
    """List every rule: its code, name, kind, what it reports and an example that it catches.

    Example: factdiff rules
    """
    from factdiff import api

    for rule in api.rules():
        click.echo(f"{rule.code}  {rule.name}  ({rule.kind})")
        click.echo(f"    {rule.summary}")
        click.echo(f"    e.g. {example_line(rule)}")
    return EXIT_CLEAN


def example_line(rule: Any) -> str:
    """A rule's first caught example on one line: the documents separated by ' | '."""
    return " | ".join(" ".join(text.split()) for text in rule.examples.catch[0])


@main.command()
@click.argument("code")
@guarded
def explain(code: str) -> int:
    """Explain one rule, by code or name: what it reports, why, and examples it catches and misses.

    Example: factdiff explain FD101
    """
    from factdiff import api

    rule = next((r for r in api.rules() if code.upper() == r.code or code.lower() == r.name), None)
    if rule is None:
        raise Trouble(f"no rule {code!r}; 'factdiff rules' lists them")
    click.echo(f"{rule.code} {rule.name} ({rule.kind})\n\n{rule.summary}\n\n{rule.why}\n")
    for heading, examples in (("Reported:", rule.examples.catch), ("Not reported:", rule.examples.miss)):
        click.echo(heading)
        for documents in examples:
            for number, text in enumerate(documents, 1):
                label = f"[{number}] " if len(documents) > 1 else ""
                click.echo(f"  {label}{' '.join(text.split())}")
            click.echo("")
    return EXIT_CLEAN


@main.command(name="config")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file to read.")
@guarded
def show_config(paths: tuple[str, ...], config_file: str | None) -> int:
    """Print the configuration in force for PATHS (default: here) and where each value came from.

    Example: factdiff config seeds/
    """
    from factdiff import config

    found = config.effective(paths or (".",), config_file, {})
    click.echo(json.dumps(found.model_dump(mode="json"), indent=2, sort_keys=True))
    return EXIT_CLEAN


@main.command()
@click.option("--jsonl", is_flag=True, help="The schema of one line of --format jsonl instead.")
@guarded
def schema(jsonl: bool) -> int:
    """Print the JSON Schema of the report that scan, compare and stories print with --format json.

    Example: factdiff schema > factdiff-report.schema.json
    """
    from factdiff.schema import jsonl_schema, report_schema

    click.echo(json.dumps(jsonl_schema() if jsonl else report_schema(), indent=2, sort_keys=True))
    return EXIT_CLEAN
