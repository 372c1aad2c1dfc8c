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
        except BrokenPipeError:  # `redactcheck check ... | head`: the reader left; not a bug
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(141)
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


_REVIEW_TYPE_KEY = "redactcheck.review_type"


def config_options(func):
    """Options shared by every command that analyses documents.

    `--review-type` is not passed to the command: it is kept on the click context, where
    `build_config` reads it, so every command gets it without a new parameter.
    """
    import functools

    from .review_type import CHOICES

    @functools.wraps(func)
    def command(*args, review_type=None, **kwargs):
        click.get_current_context().meta[_REVIEW_TYPE_KEY] = review_type
        return func(*args, **kwargs)

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
        click.option("--review-type", "review_type",
                     type=click.Choice(CHOICES, case_sensitive=False), default=None,
                     help="The review's type, for the wording of findings and the "
                          "combination risk (default: auto, read from the title; cspr, sar, "
                          "dhr, cpr, apr, scot-child, scot-adult, ni-cmr)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def build_config(config_path, model, allow, area, known, fail_on=None, quasi=None,
                 review_type=None):
    from .config import load_config
    from .errors import ConfigError
    from .findings import Severity

    config = load_config(config_path)
    if known is not None and not Path(known).is_file():
        raise ConfigError(f"{known}: known-identifiers file not found")
    if review_type is None:
        ctx = click.get_current_context(silent=True)
        review_type = ctx.meta.get(_REVIEW_TYPE_KEY) if ctx is not None else None
    return config.with_overrides(
        model=model, allow=tuple(allow), area=tuple(area), known=known,
        fail_on=Severity.parse(fail_on) if fail_on else None, quasi=quasi,
        review_type=review_type,
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
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path),
              help="A baseline or decisions file: accepted findings are marked and do not "
                   "fail the run (see `redactcheck baseline`).")
@click.option("--min-severity", "min_severity", type=SEVERITIES,
              help="Report only findings at or above this severity (default: all).")
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even with findings or a combination risk (errors still exit 2-4).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr.")
@click.option("--force", is_flag=True, help="Replace an existing -o report file.")
@config_options
def check(paths, fmt, output, fail_on, fail_on_jigsaw, jigsaw_policy, show_text, no_color,
          jobs, baseline_path, min_severity, exit_zero, quiet, force, config_path, model, allow,
          area, known, quasi):
    """Check drafts (.docx, .docm, .pdf, .txt, .md, or folders of them) and report findings.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (or a
    combination risk at --fail-on-jigsaw); 2 usage or configuration error; 3 an input
    could not be read (the other inputs are still checked and reported); 4 an internal
    error (a bug; the other inputs are still checked).
    """
    from .checker import CheckOptions, collect_inputs
    from .io import same_file, write_atomic
    from .report import ReportOptions, render

    never = exit_zero or (fail_on is not None and fail_on.lower() == "never")
    if exit_zero:
        fail_on_jigsaw = "never"
    config = build_config(config_path, model, allow, area, known,
                          None if never else fail_on, quasi)
    inputs = collect_inputs(paths)
    if not inputs:
        _fail("no .docx, .docm, .pdf, .txt or .md files found in " + ", ".join(map(str, paths)),
              EXIT_USAGE)
    if output is not None and output.is_dir():
        _fail(f"{output}: is a folder; give -o a file name", EXIT_USAGE)
    # A device or pipe (/dev/null, /dev/stdout) is written to, never replaced by a rename.
    stream = output is not None and output.exists() and not output.is_file()
    if output is not None and output.exists() and not force and not stream:
        _fail(f"{output}: already exists; use --force to replace it", EXIT_USAGE)
    if output is not None and any(same_file(p, output) for p in inputs if p.exists()):
        _fail(f"{output}: the report would overwrite an input; choose another -o", EXIT_USAGE)
    if fmt == "docx":
        if output is None:
            _fail("--format docx writes an annotated copy: give -o FILE.docx", EXIT_USAGE)
        if len(inputs) != 1:
            _fail("--format docx annotates one document at a time", EXIT_USAGE)

    decisions = _baseline(baseline_path)
    options = CheckOptions(jigsaw_policy=jigsaw_policy, keep_document=fmt in ("docx", "html"))
    result = _run_checks(inputs, config, options, jobs)
    if decisions is not None:
        from .baseline import mark

        for doc in result.documents:
            doc.findings = mark(doc.findings, decisions)

    if min_severity is not None:
        from .findings import Severity

        floor = Severity.parse(min_severity)
        for doc in result.documents:
            doc.findings = [f for f in doc.findings if f.severity.rank >= floor.rank]
    if fmt != "terminal" or output is not None:  # errors on stderr (the terminal report
        for doc in result.documents:              # printed to a terminal shows them already)
            for error in doc.errors:
                click.echo(f"redactcheck: {printable(error)}", err=True)

    mask = show_text is False or (
        show_text is None and (fmt in MASKED_BY_DEFAULT or (fmt == "terminal" and _in_ci()))
    )
    forced = os.environ.get("FORCE_COLOR", "").strip() not in ("", "0")
    color = not no_color and output is None and "NO_COLOR" not in os.environ and (
        forced or sys.stdout.isatty())
    report = render(fmt, result, ReportOptions(mask=mask, color=color, fail_on=config.fail_on))
    if output is not None and stream:
        with open(output, "wb") as fh:
            fh.write(report.encode("utf-8") if isinstance(report, str) else report)
    elif output is not None:
        write_atomic(output, report, private=True)
        if not quiet:
            click.echo(f"redactcheck: {_summary(result, config.fail_on)}; report written to "
                       f"{printable(output)}", err=True)
    elif isinstance(report, bytes):
        _fail(f"--format {fmt} is binary: give -o FILE", EXIT_USAGE)
    else:
        click.echo(report, nl=False, color=color or None)
    sys.exit(_exit_code(result, None if never else config.fail_on, fail_on_jigsaw))


def _summary(result, fail_on) -> str:
    counts = {"high": 0, "medium": 0, "low": 0}
    for doc in result.documents:
        for f in doc.findings:
            counts[f.severity.value] += 1
    docs = len(result.documents)
    line = (f"{docs} document{'s' if docs != 1 else ''}: {counts['high']} high, "
            f"{counts['medium']} medium, {counts['low']} low")
    if result.unreadable:
        line += f"; {len(result.unreadable)} could not be read"
    return line


def _baseline(path: Path | None):
    if path is None:
        return None
    from .baseline import load

    return load(path)


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
@click.option("--decisions", "decisions_path", type=click.Path(path_type=Path),
              help="A decisions or baseline file (from the HTML report or `redactcheck "
                   "baseline`): accepted findings are left in the copy.")
@config_options
def redact(source, output, style, min_severity, keep_comments, keep_revisions, redact_rare,
           generalise_ages, log_path, force, decisions_path, config_path, model, allow, area,
           known, quasi):
    """Write a redacted copy of SOURCE to -o, re-read and re-checked before it is kept.

    Exit codes: 0 the copy was written and `check` on it exits 0 at the same threshold;
    1 something would remain (no file is written), or the copy was written but `check`
    on it would exit 1 (the details "left for a person" are listed); 2 usage or
    configuration error; 3 SOURCE could not be read.
    """
    from .findings import Severity
    from .redact import RedactOptions, redact_file

    config = build_config(config_path, model, allow, area, known, quasi=quasi)
    options = RedactOptions(
        style=style, min_severity=Severity.parse(min_severity), keep_comments=keep_comments,
        keep_revisions=keep_revisions, redact_rare=redact_rare, generalise_ages=generalise_ages,
    )
    report = redact_file(source, output, config, options, force=force, log=log_path,
                         decisions=_baseline(decisions_path))
    click.echo("\n".join(printable(line, keep_tabs=True) for line in report.summary_lines()))
    # The copy is kept, but `check` on it would exit 1: say so with the same code.
    sys.exit(EXIT_FINDINGS if report.left else EXIT_OK)


class _DefaultGroup(click.Group):
    """A group whose first argument, when it is not a subcommand, goes to `default_command`
    (`redactcheck baseline DRAFT...` creates, `redactcheck baseline audit ...` audits)."""

    default_command = "create"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def entities(fmt):
    """List the entity ids redactcheck reports, their severity and what each flags."""
    import json

    from .entities import ENTITY_TYPES

    rows = [{"id": e.id, "severity": e.severity.value, "title": e.title,
             "description": e.description} for e in ENTITY_TYPES.values()]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        click.echo(f"{r['id']:<{width}}  {r['severity']:<6}  {r['title']}: {r['description']}")


@main.group(cls=_DefaultGroup)
def baseline() -> None:
    """Record decisions about findings: `baseline DRAFT... -o FILE`, `baseline audit FILE DRAFT`.

    A baseline holds fingerprints of findings (never their text) with a status (accepted,
    rejected, pending), who decided, when and why. `check --baseline FILE` then fails only
    on findings that are not accepted; `redact --decisions FILE` leaves accepted ones in.
    """


@baseline.command("create")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              default=Path(".redactcheck-baseline.json"), show_default=True,
              help="The baseline file to write (decisions already in it are kept).")
@click.option("--status", type=click.Choice(["pending", "accepted", "rejected"]),
              default="pending", show_default=True, help="Status of new entries.")
@click.option("--by", default="", help="Who decided (for accepted/rejected entries).")
@click.option("--why", default="", help="Why (for accepted/rejected entries).")
@config_options
def baseline_create(paths, output, status, by, why, config_path, model, allow, area, known,
                    quasi):
    """Write a baseline of the current findings of PATHS."""
    from . import baseline as bl
    from .checker import CheckOptions, collect_inputs

    config = build_config(config_path, model, allow, area, known, quasi=quasi)
    inputs = collect_inputs(paths)
    if not inputs:
        _fail("no .docx, .docm, .pdf, .txt or .md files found in " + ", ".join(map(str, paths)),
              EXIT_USAGE)
    previous = bl.load(output) if output.exists() else None
    result = _run_checks(inputs, config, CheckOptions(keep_document=False), 1)
    if result.unreadable:
        for doc in result.unreadable:
            click.echo(f"redactcheck: {printable(doc.errors[0])}", err=True)
        sys.exit(EXIT_INTERNAL if result.internal_errors else EXIT_UNREADABLE)
    made = bl.build(((d.path, d.findings) for d in result.documents), status=status, by=by,
                    why=why, previous=previous)
    made.save(output)
    kept = len(previous.entries) if previous else 0
    click.echo(f"redactcheck: {len(made.entries)} finding(s) recorded in {printable(output)}"
               + (f" ({kept} earlier decision(s) kept)" if previous else ""), err=True)


@baseline.command("audit")
@click.argument("baseline_file", type=click.Path(path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--by", default="", help="Your name, recorded with each decision.")
@click.option("--all", "review_all", is_flag=True, help="Also revisit entries already decided.")
@config_options
def baseline_audit(baseline_file, paths, by, review_all, config_path, model, allow, area, known,
                   quasi):
    """Walk through the baseline's findings in PATHS: accept, reject, note, skip or quit."""
    from . import baseline as bl
    from .checker import CheckOptions, collect_inputs

    config = build_config(config_path, model, allow, area, known, quasi=quasi)
    current = bl.load(baseline_file)
    result = _run_checks(collect_inputs(paths), config, CheckOptions(keep_document=False), 1)
    lookup = current.lookup()
    todo = [(d, f) for d in result.documents for f in d.findings
            if f.id in lookup and (review_all or lookup[f.id].status == "pending")]
    seen: set[str] = set()
    decided = 0
    for number, (doc, f) in enumerate(todo, start=1):
        if f.id in seen:
            continue
        seen.add(f.id)
        entry = lookup[f.id]
        click.echo(f"\n[{number}/{len(todo)}] {printable(doc.path)} · "
                   f"{printable(f.location.label)} · {f.entity} ({f.severity.value}), "
                   f"now {entry.status}")
        click.echo(f"  {printable(f.context)}")
        click.echo(f"  → {printable(f.guidance)}")
        choice = click.prompt("  [a]ccept, [r]eject, [n]ote, [s]kip, [q]uit",
                              type=click.Choice(["a", "r", "n", "s", "q"]), default="s",
                              show_choices=False)
        if choice == "q":
            break
        if choice == "s":
            continue
        if choice == "n":
            note = click.prompt("  note", default="", show_default=False)
            entry = bl.replace(entry, why=note, by=by or entry.by)
        else:
            why = click.prompt("  why", default=entry.why, show_default=False)
            entry = bl.replace(entry, status="accepted" if choice == "a" else "rejected",
                               by=by, when=bl.now(), why=why)
        current = current.with_entry(entry)
        decided += 1
        current.save(baseline_file)  # after every decision: quitting loses nothing
    click.echo(f"redactcheck: {decided} decision(s) saved in {printable(baseline_file)}",
               err=True)


INIT_TEMPLATE = """# redactcheck configuration (https://example.invalid/redactcheck: see README.md).
# Command-line options override these values.

# The publishing board's own area: its name is not flagged as a place.
area = []            # e.g. ["Stockport"]

# Terms never flagged: the board, the author, partner agencies, public officials named
# by choice.
allow = []           # e.g. ["Stockport Safeguarding Children Partnership"]

# The case's list of real identifiers (names, addresses, dates), YAML or CSV, kept OUT of
# the repository: every one is flagged wherever it appears, in any spelling.
# known = "../private/case-identifiers.yaml"

# Exit 1 when a finding is at or above this severity: low, medium or high.
fail_on = "medium"

# Also report common quasi-identifiers (month and year, organisations, amounts) at low.
quasi = false

# spaCy pipeline (default: the best English one installed).
# model = "en_core_web_sm"

# Per-entity settings: switch one off or change its severity.
# [entities.RARE_DETAIL]
# severity = "high"

# Decisions about findings live in a baseline file, not here:
#   redactcheck baseline drafts/ -o .redactcheck-baseline.json
#   redactcheck check drafts/ --baseline .redactcheck-baseline.json
"""


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path),
              default=Path("redactcheck.toml"), show_default=True)
@click.option("--force", is_flag=True, help="Replace an existing file.")
def init(output, force):
    """Write a commented redactcheck.toml to start from."""
    from .config import load_config
    from .io import write_atomic

    if output.exists() and not force:
        _fail(f"{output}: already exists; use --force to replace it", EXIT_USAGE)
    write_atomic(output, INIT_TEMPLATE, private=False)
    load_config(output)  # the template must stay a valid configuration
    click.echo(f"redactcheck: wrote {printable(output)}; edit area, allow and known", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
