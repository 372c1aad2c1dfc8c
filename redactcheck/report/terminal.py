"""Terminal report: findings grouped by place, the match highlighted in its context."""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.text import Text

from ..findings import KINDS, Finding, Severity
from ..result import CheckResult, DocumentResult
from ..textsafe import printable as safe
from . import ReportOptions, masker_for
from .jigsaw_view import build

STYLE = {Severity.HIGH: "bold red", Severity.MEDIUM: "yellow", Severity.LOW: "cyan"}
BAND_STYLE = {"HIGH": "bold red", "MEDIUM": "yellow", "LOW": "cyan", "NONE": "green"}
TERMINAL_COMBOS = 3  # a terminal shows the worst few; the HTML and JSON reports list them all


def render(result: CheckResult, options: ReportOptions) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=options.color, no_color=not options.color,
                      color_system="standard" if options.color else None, width=110,
                      highlight=False, soft_wrap=True)
    for doc in result.documents:
        _render_document(console, doc, options)
    if len(result.documents) > 1:
        console.print(_folder_table(result))
    console.print(_summary_line(result, options))
    return out.getvalue()


def _folder_table(result: CheckResult):
    """One row per file: findings by severity, the combination band, errors."""
    from rich.table import Table

    table = Table(title="Per file", title_justify="left", show_edge=False, pad_edge=False)
    for name, justify in (("file", "left"), ("high", "right"), ("medium", "right"),
                          ("low", "right"), ("combination", "left"), ("errors", "left")):
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for doc in result.documents:
        counts = doc.summary()
        band = (doc.jigsaw or {}).get("band") or "-"
        table.add_row(safe(doc.path), str(counts["high"]), str(counts["medium"]),
                      str(counts["low"]), Text(band, style=BAND_STYLE.get(band, "")),
                      Text(safe(doc.errors[0]) if doc.errors else "", style="bold red"))
    return table


def _render_document(console: Console, doc: DocumentResult, options: ReportOptions) -> None:
    console.print(Text(safe(doc.path), style="bold underline"))
    for error in doc.errors:
        console.print(Text(f"  error: {safe(error)}", style="bold red"))
    for note in doc.notes:
        console.print(Text(f"  note: {safe(note)}", style="dim"))
    shown = [f for f in doc.findings if options.show_low or f.severity is not Severity.LOW]
    if not shown and not doc.errors:
        console.print(Text("  nothing found", style="green"))
    mask = masker_for(doc, strict=True) if options.mask else None

    def place(f: Finding) -> tuple:
        kind = KINDS.index(f.location.kind) if f.location.kind in KINDS else len(KINDS)
        return (kind, f.location.part, f.location.paragraph, f.location.label)

    for key, group in groupby(sorted(shown, key=lambda f: (place(f), f.location.start)),
                              key=place):
        label = mask.label(key[3]) if mask else key[3]
        console.print(Text(f"  {safe(label)}  [{safe(key[1])}]", style="bold"))
        for f in group:
            console.print(_finding_line(f, mask, options.color))
            console.print(Text(f"        → {safe(f.guidance)}", style="dim"))
    if doc.jigsaw and doc.jigsaw.get("band") not in (None, "NONE"):
        for line in _jigsaw_block(doc.jigsaw, doc, options.mask):
            console.print(line)
    console.print()


def _finding_line(f: Finding, mask, color: bool) -> Text:
    text = safe(mask.text(f.text) if mask else f.text)
    context = safe(mask.context(f.context) if mask else f.context)
    # Without colour the match is bracketed so it can still be seen in its context.
    shown = text if color else f"[{text}]"
    line = Text("    ")
    line.append(f"{f.severity.value.upper():6}", style=STYLE[f.severity])
    line.append(f" {f.entity:<20} ", style="bold")
    decision = f.extra.get("baseline")
    if decision:
        line.append(f"({decision}) ", style="green" if decision == "accepted" else "bold red")
    idx = context.find(text)
    if idx < 0:
        line.append(shown, style=f"reverse {STYLE[f.severity]}")
    else:
        line.append(context[:idx])
        line.append(shown, style=f"reverse {STYLE[f.severity]}")
        line.append(context[idx + len(text):])
    return line


def _jigsaw_block(jigsaw: dict, doc: DocumentResult, masked: bool) -> list[Text]:
    """Band and sentence, up to three smallest combinations, the changes in order, limits."""
    view = build(jigsaw, [f.text for f in doc.findings], masked, max_combinations=TERMINAL_COMBOS)
    style = BAND_STYLE.get(view.band, "cyan")
    lines = [Text(f"  Combination (jigsaw) risk: {view.band}", style=style),
             Text(f"    {safe(view.sentence)}")]
    if view.combinations:
        total = len(view.combinations) + view.more_combinations
        lines.append(Text(f"    Smallest risky combinations ({len(view.combinations)} of "
                          f"{total}):", style="bold"))
        for c in view.combinations:
            line = Text("      • ")
            line.append(safe(" + ".join(f"{a}: {v}" for a, v in c.details)))
            line.append(f" — ≈ families: {c.families}; a guess is right: {c.chance}; "
                        f"{c.bits} bits", style="dim")
            lines.append(line)
    if view.suggestions:
        lines.append(Text("    Suggested changes, in order (each includes the ones above):",
                          style="bold"))
        for sug in view.suggestions:
            where = f" ({'; '.join(sug.where)})" if sug.where else ""
            line = Text(safe(f"      {sug.step}. {sug.change}{where} → "))
            line.append(sug.after, style=BAND_STYLE.get(sug.after_band, "cyan"))
            lines.append(line)
    lines.append(Text(f"    {view.limits_line}", style="dim"))
    return lines


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
