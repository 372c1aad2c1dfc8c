"""The annotated copy: the draft with a Word comment anchored on each finding's characters.

How it stays exact and leaves everything else alone:

1. For each finding in the main text, the reader's spans give the `w:t` nodes and the
   character offsets inside them. Their element paths are taken from the reader's trees.
2. python-docx opens a fresh copy of the package (never the reader's trees, which the
   redaction stage may still need) and the same paths find the same `w:t` nodes there.
3. Each affected run is split at the finding's start and end (a split copies the run's
   formatting, so the text looks exactly as before), and `Document.add_comment` anchors
   the comment on the runs that now hold exactly the finding's characters.

Findings that Word cannot anchor a comment on (headers, footers, notes, existing
comments, tracked deletions, hidden text, link targets, alt text, properties) go into one
compact table on a short summary page after the draft (the draft comes first, as a
reader opens it), with the combination risk when there is one.
"""

from __future__ import annotations

import contextlib
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ..entities import EntityType
from ..errors import ConfigError
from ..findings import Finding
from ..ooxml import XML_SPACE
from ..ooxml import w as _w
from ..result import CheckResult, DocumentResult
from . import ReportOptions
from .common import MAIN_TEXT_KINDS, SEVERITIES, visible_findings
from .jigsaw_view import LIMITS_LINE, build
from .mask import finding_text

AUTHOR = "redactcheck"
INITIALS = "RC"
SUMMARY_HEADING = "redactcheck summary"
MAX_SUGGESTIONS = 5  # the summary stays about one page; the rest is in the HTML/JSON
MAX_DETAILS = 8
TABLE_HEADING = "Findings in places that cannot carry a comment"
JIGSAW_HEADING = "redactcheck: combination of details (jigsaw risk)"





@dataclass
class _Piece:
    """Characters [lo, hi) of the `w:t` at `path` (relative to the part's root)."""

    path: str
    lo: int
    hi: int


def render(result: CheckResult, options: ReportOptions) -> bytes:
    """Bytes of the annotated copy of the one DOCX document in `result`."""
    docs = [d for d in result.documents if not d.errors]
    if len(docs) != 1:
        raise ConfigError("--format docx writes one annotated copy: check one .docx at a time")
    return annotate(docs[0], options)


def annotate(doc: DocumentResult, options: ReportOptions) -> bytes:
    document = doc.document
    if document is None or document.package is None:
        raise ConfigError(
            f"{doc.path}: --format docx needs a .docx draft; use --format html for text files"
        )
    import docx  # python-docx: only the DOCX writers touch it (docs/ARCHITECTURE.md)

    package = document.package
    findings = visible_findings(doc, options.show_low)
    anchored: list[tuple[Finding, list[_Piece]]] = []
    elsewhere: list[Finding] = []
    for f in findings:
        pieces = _pieces(f, document, package.main)
        if pieces:
            anchored.append((f, pieces))
        else:
            elsewhere.append(f)

    try:
        word = docx.Document(io.BytesIO(package.to_bytes()))
    except (ValueError, KeyError) as exc:  # e.g. a .docm's macro-enabled content type
        raise ConfigError(f"{doc.path}: cannot write an annotated copy ({exc})") from None
    root = word.element

    # Resolve every path before any split: splitting changes later paths.
    nodes: dict[str, Any] = {}
    for _, pieces in anchored:
        for p in pieces:
            if p.path not in nodes:
                node = root.find(p.path)
                if node is None or node.tag != _w("t"):
                    raise ConfigError(f"{doc.path}: the draft changed while it was annotated")
                nodes[p.path] = node
    cuts: dict[str, set[int]] = defaultdict(set)
    for _, pieces in anchored:
        for p in pieces:
            cuts[p.path].update((p.lo, p.hi))
    runs_at = {path: _split(nodes[path], sorted(c)) for path, c in cuts.items()}

    from docx.text.run import Run

    for f, pieces in anchored:
        first = _run_at(runs_at[pieces[0].path], pieces[0].lo)
        last = _run_at(runs_at[pieces[-1].path], pieces[-1].hi - 1)
        lines = _comment_lines(f, doc.entity_type(f.entity), options.mask)
        comment = word.add_comment([Run(first, word), Run(last, word)], text=lines[0],
                                   author=AUTHOR, initials=INITIALS)
        for line in lines[1:]:
            comment.add_paragraph(line)

    _append_summary(word, doc, findings, len(anchored), elsewhere, options.mask)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _pieces(f: Finding, document: Any, main_part: str) -> list[_Piece]:
    """The `w:t` pieces under a main-text finding, or [] when it cannot carry a comment."""
    if f.location.kind not in MAIN_TEXT_KINDS or f.location.part != main_part:
        return []
    if not 0 <= f.segment_index < len(document.segments):
        return []
    seg = document.segments[f.segment_index]
    start, end = f.location.start, f.location.end
    spans = seg.spans_in(start, end)
    if not spans:
        return []
    pieces = []
    for s in spans:
        node = s.node
        kind = s.kind or seg.kind
        if s.attr is not None or node.tag != _w("t") or kind not in MAIN_TEXT_KINDS:
            return []
        parent = node.getparent()
        if parent is None or parent.tag != _w("r"):
            return []
        lo = s.offset + max(start, s.start) - s.start
        hi = s.offset + min(end, s.end) - s.start
        pieces.append(_Piece(node.getroottree().getelementpath(node), lo, hi))
    return pieces


def _split(t: Any, cuts: list[int]) -> list[tuple[int, int, Any]]:
    """Split the run holding `t` at the given offsets; [(lo, hi, w:r)] covering t's text.

    Cuts are applied right to left so the original `t` keeps the leftmost piece. The
    new run copies only the run properties (formatting); everything after `t` in the
    original run (more text, tabs, breaks) moves to the rightmost new run.
    """
    from copy import deepcopy

    from docx.oxml import OxmlElement

    text = t.text or ""
    pieces: list[tuple[int, int, Any]] = []
    hi = len(text)
    for cut in sorted({c for c in cuts if 0 < c < len(text)}, reverse=True):
        run = t.getparent()
        new_run = OxmlElement("w:r")
        rpr = run.find(_w("rPr"))
        if rpr is not None:
            new_run.append(deepcopy(rpr))
        new_t = OxmlElement("w:t")
        new_t.text = text[cut:hi]
        new_t.set(XML_SPACE, "preserve")
        new_run.append(new_t)
        for sibling in list(t.itersiblings()):
            new_run.append(sibling)  # append moves the element
        run.addnext(new_run)
        t.text = text[:cut]
        t.set(XML_SPACE, "preserve")
        pieces.append((cut, hi, new_run))
        hi = cut
    pieces.append((0, hi, t.getparent()))
    pieces.reverse()
    return pieces


def _run_at(pieces: list[tuple[int, int, Any]], offset: int) -> Any:
    for lo, hi, run in pieces:
        if lo <= offset < hi:
            return run
    return pieces[-1][2]


def _comment_lines(f: Finding, et: EntityType, masked: bool) -> list[str]:
    shown = finding_text(f, masked)
    lines = [
        f"{f.severity.value.upper()}: {et.title} (\u201c{shown}\u201d)",
        f"Why it identifies: {et.description}",
        f"Write instead: {f.guidance or et.guidance}",
    ]
    decision = f.extra.get("baseline")
    if decision:  # a reviewer's decision from --baseline
        why = f.extra.get("baseline_why") if not masked else None
        lines.insert(1, f"Decision: {decision}" + (f" ({why})" if why else ""))
    return lines


def _append_summary(word: Any, doc: DocumentResult, shown_findings: list[Finding],
                    anchored: int, elsewhere: list[Finding], masked: bool) -> None:
    """One short summary page after the draft: the counts, the places that cannot carry a
    comment (one compact table) and the combination risk in a sentence and a table."""
    from docx.enum.text import WD_BREAK

    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _heading(word, SUMMARY_HEADING)
    shown = Counter(f.severity.value for f in shown_findings)
    counts = ", ".join(f"{shown[s.value]} {s.value}" for s in SEVERITIES if shown[s.value])
    review = (doc.review or {}).get("name")
    intro = (f"{anchored + len(elsewhere)} findings ({counts or 'none'}): {anchored} carry a "
             f"Word comment in the draft above")
    intro += (f"; {len(elsewhere)} are in places that cannot carry one (listed below)."
              if elsewhere else ".")
    if review:
        intro += f" Worded for a {review}."
    word.add_paragraph(intro)
    if elsewhere:
        _heading(word, TABLE_HEADING)
        table = _table(word, ["Place", "Found"])
        # One row per place (a header, a property, a comment), in draft order; the advice
        # once per kind of finding below the table, not repeated on every row.
        by_place: dict[str, list[Finding]] = {}
        for f in elsewhere:
            by_place.setdefault(f.location.label, []).append(f)
        advice: dict[str, str] = {}
        for place, group in by_place.items():
            found = []
            for f in group:
                et = doc.entity_type(f.entity)
                decided = f" ({f.extra['baseline']})" if f.extra.get("baseline") else ""
                found.append(f"{f.severity.value.upper()} {et.title}: "
                             f"\u201c{finding_text(f, masked)}\u201d{decided}")
                advice.setdefault(et.title, f.guidance or et.guidance)
            _row(table, [place, "; ".join(found)])
        word.add_paragraph("What to write instead: " + " ".join(
            f"{title}: {text}" for title, text in advice.items()))
    if doc.jigsaw:
        _jigsaw(word, doc.jigsaw, doc.findings, masked)


def _heading(word: Any, text: str) -> None:
    try:
        word.add_paragraph(text, style="Heading 2")
    except KeyError:  # the draft's template has no such style: bold text instead
        word.add_paragraph().add_run(text).bold = True


def _table(word: Any, header: list[str]) -> Any:
    table = word.add_table(rows=1, cols=len(header))
    # No grid style in this template: the table still reads fine without borders.
    with contextlib.suppress(KeyError, ValueError):
        table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    return table


def _row(table: Any, values: list[str]) -> None:
    for cell, text in zip(table.add_row().cells, values, strict=True):
        cell.text = text


def _jigsaw(word: Any, jigsaw: dict, findings: list[Finding], masked: bool) -> None:
    """The combination risk as the HTML report shows it, in Word's own terms: a sentence,
    the details and the smallest risky combinations as tables, the changes as numbered
    paragraphs, the intruder searches and the limits."""
    view = build(jigsaw, [f.text for f in findings], masked, max_combinations=3)
    _heading(word, f"{JIGSAW_HEADING}: {view.band}")
    word.add_paragraph().add_run(view.sentence).bold = True
    basis = f"Population: {view.population}."
    if view.reasons:
        basis += f" Why {view.band}: {'; '.join(view.reasons)}."
    word.add_paragraph(basis)
    if view.details:
        word.add_paragraph("Details found about the family")
        # Compact: the sources and places of each rate are in the HTML and JSON reports.
        table = _table(word, ["Detail", "Value", "How common"])
        for d in view.details[:MAX_DETAILS]:
            value = d.value + (f" (written as: {', '.join(d.written_as)})" if d.written_as else "")
            _row(table, [d.attribute, value, d.rate])
    if view.combinations:
        word.add_paragraph(f"Smallest risky combinations: each set of details is already "
                           f"{view.band} on its own.")
        table = _table(word, ["Details together", "≈ families matching",
                              "Chance a guess is right"])
        for c in view.combinations:
            _row(table, ["; ".join(f"{a}: {v}" for a, v in c.details), c.families, c.chance])
        if view.more_combinations:
            word.add_paragraph(f"and {view.more_combinations} more combinations (all are in "
                               f"the JSON report).")
    if view.suggestions:
        word.add_paragraph("Suggested changes, in order (each figure includes the changes "
                           "above it):")
        # Numbered by hand: a "List Number" style may not exist in the draft's template.
        for s in view.suggestions[:MAX_SUGGESTIONS]:
            where = f" ({'; '.join(s.where)})" if s.where else ""
            word.add_paragraph(f"{s.step}. {s.change}{where}: {s.after}")
        if len(view.suggestions) > MAX_SUGGESTIONS:
            word.add_paragraph(f"and {len(view.suggestions) - MAX_SUGGESTIONS} more changes "
                               f"(all are in the HTML and JSON reports).")
    if view.queries:  # the searches themselves are in the HTML and JSON reports
        word.add_paragraph(f"Motivated-intruder searches: {len(view.queries)} generated "
                           f"(never run) in the HTML and JSON reports.")
    word.add_paragraph(LIMITS_LINE)
