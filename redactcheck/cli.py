"""The command line. Only this module prints and exits; everything else raises."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    RedactcheckError,
    internal_message,
)
from .textsafe import printable

FORMAT_NAMES = ("terminal", "json", "sarif", "junit", "html", "docx")
MASKED_BY_DEFAULT = ("sarif", "junit")
SEVERITIES = click.Choice(["low", "medium", "high"], case_sensitive=False)
FAIL_ON = click.Choice(["low", "medium", "high", "never"], case_sensitive=False)


def _fail(message: str, code: int, multiline: bool = False) -> None:
    # Messages name files: a newline or an escape sequence in a name is shown, not obeyed.
    lines = message.split("\n") if multiline else [message]
    click.echo("redactcheck: " + "\n".join(printable(line, keep_tabs=True) for line in lines),
               err=True)
    sys.exit(code)


class _Group(click.Group):
    """Turns our errors into one line and an exit code, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except RedactcheckError as exc:
            _fail(exc.message, exc.exit_code, exc.multiline)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug: one line and exit 4, never a traceback
            _fail(internal_message(exc), EXIT_INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="redactcheck")
def main() -> None:
    """Find what identifies the family in a case-review draft before it is published.

    redactcheck reports what it found and, with `redact`, what it removed; it never
    certifies a document as anonymised: a person must still read it.
    """


def config_options(func):
    """Options shared by every command that analyses documents."""
    options = [
        click.option("--config", "config_path", type=click.Path(path_type=Path),
                     help="Configuration file (default: nearest redactcheck.toml or "
                          "[tool.redactcheck] in pyproject.toml)."),
        click.option("--model", help="spaCy pipeline to use (default: best English one "
                                     "installed, e.g. en_core_web_lg)."),
        click.option("--allow", multiple=True, metavar="TERM",
                     help="Never flag TERM (the board, the author, partner agencies). Repeatable."),
        click.option("--area", multiple=True, metavar="AREA",
                     help="The publishing board's own area (not flagged). Repeatable."),
        click.option("--known", type=click.Path(path_type=Path),
                     help="The case's list of real identifiers (YAML or CSV)."),
        click.option("--quasi/--no-quasi", default=None,
                     help="Also flag common quasi-identifiers at low severity (month and "
                          "year, years, organisations, countries, amounts)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def build_config(config_path, model, allow, area, known, fail_on=None, quasi=None):
    from .config import load_config
    from .errors import ConfigError
    from .findings import Severity

    config = load_config(config_path)
    if known is not None and not Path(known).is_file():
        raise ConfigError(f"{known}: known-identifiers file not found")
    return config.with_overrides(
        model=model, allow=tuple(allow), area=tuple(area), known=known,
        fail_on=Severity.parse(fail_on) if fail_on else None, quasi=quasi,
    )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="terminal",
              show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the report to this file (created owner-only) instead of stdout.")
@click.option("--fail-on", type=FAIL_ON,
              help="Exit 1 when a finding is at or above this severity (default: medium); "
                   "'never': findings alone never fail the run.")
@click.option("--fail-on-jigsaw", type=click.Choice(["high", "medium", "never"]),
              default="high", show_default=True,
              help="Exit 1 when the combination risk reaches this band.")
@click.option("--jigsaw-policy", type=click.Choice(["ico", "strict"]), default="ico",
              show_default=True, help="Thresholds for the combination-risk bands.")
@click.option("--show-text/--mask-text", default=None,
              help="Show or mask matched text in the report (default: masked in SARIF, "
                   "JUnit, and terminal output when CI is set).")
@click.option("--no-color", is_flag=True, help="Plain terminal output.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Check this many documents in parallel (each worker loads the model once).")
@config_options
def check(paths, fmt, output, fail_on, fail_on_jigsaw, jigsaw_policy, show_text, no_color,
          jobs, config_path, model, allow, area, known, quasi):
    """Check drafts (.docx, .docm, .txt, .md, or folders of them) and report findings.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (or a
    combination risk at --fail-on-jigsaw); 2 usage or configuration error; 3 an input
    could not be read (the other inputs are still checked and reported); 4 an internal
    error (a bug; the other inputs are still checked).
    """
    from .checker import CheckOptions, collect_inputs
    from .io import same_file, write_atomic
    from .report import ReportOptions, render

    never = fail_on is not None and fail_on.lower() == "never"
    config = build_config(config_path, model, allow, area, known,
                          None if never else fail_on, quasi)
    inputs = collect_inputs(paths)
    if not inputs:
        _fail("no .docx, .docm, .txt or .md files found in " + ", ".join(map(str, paths)),
              EXIT_USAGE)
    if output is not None and output.is_dir():
        _fail(f"{output}: is a folder; give -o a file name", EXIT_USAGE)
    if output is not None and any(same_file(p, output) for p in inputs if p.exists()):
        _fail(f"{output}: the report would overwrite an input; choose another -o", EXIT_USAGE)
    if fmt == "docx":
        if output is None:
            _fail("--format docx writes an annotated copy: give -o FILE.docx", EXIT_USAGE)
        if len(inputs) != 1:
            _fail("--format docx annotates one document at a time", EXIT_USAGE)

    options = CheckOptions(jigsaw_policy=jigsaw_policy, keep_document=fmt in ("docx", "html"))
    result = _run_checks(inputs, config, options, jobs)

    mask = show_text is False or (
        show_text is None and (fmt in MASKED_BY_DEFAULT or (fmt == "terminal" and _in_ci()))
    )
    color = not no_color and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    report = render(fmt, result, ReportOptions(mask=mask, color=color, fail_on=config.fail_on))
    if output is not None:
        write_atomic(output, report, private=True)
        click.echo(f"redactcheck: report written to {printable(output)}", err=True)
    elif isinstance(report, bytes):
        _fail(f"--format {fmt} is binary: give -o FILE", EXIT_USAGE)
    else:
        click.echo(report, nl=False)
    sys.exit(_exit_code(result, None if never else config.fail_on, fail_on_jigsaw))


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _run_checks(inputs, config, options, jobs):
    from .result import CheckResult

    if jobs > 1 and len(inputs) > 1:
        from .parallel import check_parallel

        return CheckResult(documents=check_parallel(inputs, config, options, jobs))
    from .checker import check_document
    from .parallel import Progress

    documents = []
    with Progress(len(inputs)) as progress:
        for path in inputs:
            documents.append(check_document(path, config, options))
            progress.advance()
    return CheckResult(documents=documents)


def _exit_code(result, fail_on, fail_on_jigsaw: str) -> int:
    """4 internal error, 3 an unreadable input, 1 findings (fail_on None: never), else 0."""
    from .jigsaw import exceeds

    if result.internal_errors:
        return EXIT_INTERNAL
    if result.unreadable:
        return EXIT_UNREADABLE
    if fail_on is not None and result.findings_at_or_above(fail_on):
        return EXIT_FINDINGS
    if fail_on_jigsaw != "never" and any(
        d.jigsaw and exceeds(d.jigsaw, fail_on_jigsaw) for d in result.documents
    ):
        return EXIT_FINDINGS
    return EXIT_OK


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Where to write the redacted copy (.docx for Word, .txt/.md for text).")
@click.option("--style", type=click.Choice(["tag", "pseudonym"]), default="tag",
              show_default=True,
              help="[NAME]-style tags, or consistent labels (Person A, School 1, Address 1).")
@click.option("--min-severity", type=SEVERITIES, default="medium", show_default=True,
              help="Replace findings at or above this severity.")
@click.option("--keep-comments", is_flag=True,
              help="Keep comments (their text is redacted and re-checked).")
@click.option("--keep-revisions", is_flag=True,
              help="Keep tracked changes (their text is redacted and re-checked).")
@click.option("--redact-rare", is_flag=True,
              help="Replace rare details too (default: list them for a person to judge).")
@click.option("--generalise-ages", is_flag=True,
              help="Replace exact ages with an age band (under 1, 1–4, 5–10, 11–15, 16–17, adult).")
@click.option("--log", "log_path", type=click.Path(path_type=Path),
              help="Write a JSON log of every change (owner-only: it holds the removed text).")
@click.option("--force", is_flag=True, help="Replace an existing output or log file.")
@config_options
def redact(source, output, style, min_severity, keep_comments, keep_revisions, redact_rare,
           generalise_ages, log_path, force, config_path, model, allow, area, known, quasi):
    """Write a redacted copy of SOURCE to -o, re-read and re-checked before it is kept.

    Exit codes: 0 the copy was written and passed the re-check; 1 something would
    remain (no file is written); 2 usage or configuration error; 3 SOURCE could not be read.
    """
    from .findings import Severity
    from .redact import RedactOptions, redact_file

    config = build_config(config_path, model, allow, area, known, quasi=quasi)
    options = RedactOptions(
        style=style, min_severity=Severity.parse(min_severity), keep_comments=keep_comments,
        keep_revisions=keep_revisions, redact_rare=redact_rare, generalise_ages=generalise_ages,
    )
    report = redact_file(source, output, config, options, force=force, log=log_path)
    click.echo("\n".join(printable(line, keep_tabs=True) for line in report.summary_lines()))
    sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
