"""Terminal report: findings grouped by place, the match highlighted in its context."""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.text import Text

from ..findings import KINDS, Finding, Severity
from ..result import CheckResult, DocumentResult
from . import ReportOptions, masker_for

STYLE = {Severity.HIGH: "bold red", Severity.MEDIUM: "yellow", Severity.LOW: "cyan"}


def render(result: CheckResult, options: ReportOptions) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=options.color, no_color=not options.color,
                      color_system="standard" if options.color else None, width=110,
                      highlight=False, soft_wrap=True)
    for doc in result.documents:
        _render_document(console, doc, options)
    console.print(_summary_line(result, options))
    return out.getvalue()


def _render_document(console: Console, doc: DocumentResult, options: ReportOptions) -> None:
    console.print(Text(doc.path, style="bold underline"))
    for error in doc.errors:
        console.print(Text(f"  error: {error}", style="bold red"))
    for note in doc.notes:
        console.print(Text(f"  note: {note}", style="dim"))
    shown = [f for f in doc.findings if options.show_low or f.severity is not Severity.LOW]
    if not shown and not doc.errors:
        console.print(Text("  nothing found", style="green"))
    mask = masker_for(doc) if options.mask else None

    def place(f: Finding) -> tuple:
        kind = KINDS.index(f.location.kind) if f.location.kind in KINDS else len(KINDS)
        return (kind, f.location.part, f.location.paragraph, f.location.label)

    for key, group in groupby(sorted(shown, key=lambda f: (place(f), f.location.start)),
                              key=place):
        console.print(Text(f"  {key[3]}  [{key[1]}]", style="bold"))
        for f in group:
            console.print(_finding_line(f, mask, options.color))
            console.print(Text(f"        → {f.guidance}", style="dim"))
    if doc.jigsaw and doc.jigsaw.get("band") not in (None, "NONE"):
        console.print(_jigsaw_line(doc.jigsaw))
    console.print()


def _finding_line(f: Finding, mask, color: bool) -> Text:
    text = mask.text(f.text) if mask else f.text
    context = mask.context(f.context) if mask else f.context
    # Without colour the match is bracketed so it can still be seen in its context.
    shown = text if color else f"[{text}]"
    line = Text("    ")
    line.append(f"{f.severity.value.upper():6}", style=STYLE[f.severity])
    line.append(f" {f.entity:<20} ", style="bold")
    idx = context.find(text)
    if idx < 0:
        line.append(shown, style=f"reverse {STYLE[f.severity]}")
    else:
        line.append(context[:idx])
        line.append(shown, style=f"reverse {STYLE[f.severity]}")
        line.append(context[idx + len(text):])
    return line


def _jigsaw_line(jigsaw: dict) -> Text:
    band = jigsaw["band"]
    style = {"HIGH": "bold red", "MEDIUM": "yellow"}.get(band, "cyan")
    families = jigsaw.get("lambda", 0.0)
    expected = ("fewer than 0.01 matching families expected" if families < 0.01
                else f"≈ {families:.2g} matching families expected")
    line = Text(f"  Combination (jigsaw) risk: {band} — {expected}", style=style)
    suggestions = jigsaw.get("suggestions") or []
    if suggestions:
        line.append(f"; first fix: {suggestions[0].get('text', '')}", style="dim")
    return line


def _summary_line(result: CheckResult, options: ReportOptions) -> Text:
    totals = {s: 0 for s in Severity}
    for f in (f for d in result.documents for f in d.findings):
        totals[f.severity] += 1
    docs = len(result.documents)
    words = sum(d.words for d in result.documents)
    unreadable = len(result.unreadable)
    line = Text()
    line.append(f"{docs} document{'s' if docs != 1 else ''}, {words:,} words: ")
    line.append(f"{totals[Severity.HIGH]} high", style=STYLE[Severity.HIGH])
    line.append(", ")
    line.append(f"{totals[Severity.MEDIUM]} medium", style=STYLE[Severity.MEDIUM])
    line.append(", ")
    line.append(f"{totals[Severity.LOW]} low", style=STYLE[Severity.LOW])
    if unreadable:
        line.append(f"; {unreadable} could not be read", style="bold red")
    failing = len(result.findings_at_or_above(options.fail_on))
    line.append(f" — {failing} at or above {options.fail_on.value}")
    return line
