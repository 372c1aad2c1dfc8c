"""One self-contained HTML page: the reviewer's workbench for a checked draft.

The first screen is the draft as a reading view with every finding highlighted in place and
the list of findings beside it (after it on narrow screens), each with accept / reject /
note controls; "Save decisions" downloads the decisions file `check --baseline` and
`redact --decisions` read (redactcheck/baseline.py). A small chart (findings by kind and by
place, the combination band) and the combination-risk section follow. A folder check
starts with a per-file summary table.

Everything taken from the document goes through Jinja2's autoescaping; the page loads
nothing from anywhere (inline CSS and JS, no fonts, no images) and carries a Content
Security Policy that allows only our own script, by hash, so even a mistake in escaping
could not run a script smuggled in through a draft.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..entities import EntityType
from ..findings import KINDS, Finding
from ..result import CheckResult, DocumentResult
from . import ReportOptions
from .common import MAIN_TEXT_KINDS, SEVERITIES, jigsaw_severity, visible_findings
from .jigsaw_view import JigsawView, build
from .mask import Masker, mask, masker_for

KIND_TITLES = {
    "property": "Document properties",
    "body": "Body text",
    "table": "Tables",
    "textbox": "Text boxes",
    "header": "Headers",
    "footer": "Footers",
    "footnote": "Footnotes",
    "endnote": "Endnotes",
    "comment": "Comments",
    "tracked_insertion": "Tracked insertions",
    "tracked_deletion": "Tracked deletions",
    "hidden_text": "Hidden text and field codes",
    "covered_text": "Covered text (a box over it, not removed)",
    "hyperlink": "Hyperlink targets",
    "alt_text": "Image descriptions",
}

SCRIPT = (Path(__file__).with_name("templates") / "workbench.js").read_text(encoding="utf-8")

_ENV = Environment(
    loader=PackageLoader("redactcheck.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass
class Row:
    """One finding as the page shows it."""

    anchor: str
    finding: Finding
    title: str
    text: str
    context: str
    why: str
    guidance: str
    place: str = ""  # the location label, masked like the context when asked
    in_text: bool = False  # highlighted in the reading view (has a mark with id m-ANCHOR)
    decision: str = "pending"  # from a baseline / decisions file: accepted, rejected, pending
    decision_why: str = ""
    decision_by: str = ""
    decision_when: str = ""


@dataclass
class Piece:
    text: str
    row: Row | None = None


@dataclass
class ShownSegment:
    label: str
    pieces: list[Piece]


@dataclass
class Group:
    title: str
    segments: list[ShownSegment] = field(default_factory=list)


@dataclass
class Bar:
    """One bar of the summary chart: a label, its count and its share of the longest bar,
    split by severity (stacked segments)."""

    label: str
    count: int
    parts: list[tuple[str, float]]  # (severity, percent of the chart's width)


@dataclass
class DocView:
    path: str
    index: int
    errors: list[str]
    notes: list[str]
    summary: dict[str, int]
    rows: list[Row]
    main_groups: list[Group]
    hidden_groups: list[Group]
    hidden_rows: list[Row]
    jigsaw: JigsawView | None
    jigsaw_severity: str | None  # the band's severity class ("high"), None for NONE
    band: str | None = None  # the combination band as written ("HIGH", "NONE"), None if none
    by_kind: list[Bar] = field(default_factory=list)
    by_place: list[Bar] = field(default_factory=list)


BANDS = ("NONE", "LOW", "MEDIUM", "HIGH")


def render(result: CheckResult, options: ReportOptions) -> str:
    docs = [_doc_view(i, d, options) for i, d in enumerate(result.documents, start=1)]
    rows = [r for d in docs for r in d.rows]
    entities = Counter(r.finding.entity for r in rows)
    titles = {r.finding.entity: r.title for r in rows}  # each document's review wording
    totals = Counter(r.finding.severity.value for r in rows)
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return _ENV.get_template("report.html.j2").render(
        version=__version__,
        docs=docs,
        total=len(rows),
        severities=[s.value for s in SEVERITIES],
        totals=totals,
        entities=[(e, titles[e], n) for e, n in sorted(entities.items())],
        decisions=Counter(r.decision for r in rows),
        bands=BANDS,
        masked=options.mask,
        script=SCRIPT,
        script_hash="sha256-" + base64.b64encode(digest).decode("ascii"),
    )


def _doc_view(index: int, doc: DocumentResult, options: ReportOptions) -> DocView:
    findings = visible_findings(doc, options.show_low)
    # Masked output hides every text found anywhere in the document wherever it appears.
    masker = masker_for(doc, strict=True) if options.mask else None
    rows = [_row(index, n, f, masker, doc.entity_type(f.entity))
            for n, f in enumerate(findings, start=1)]
    main_groups: list[Group] = []
    hidden_groups: list[Group] = []
    document = doc.document
    if document is not None:
        by_segment: dict[int, list[Row]] = {}
        for row in rows:
            by_segment.setdefault(row.finding.segment_index, []).append(row)
        groups: dict[str, Group] = {}
        for i, seg in enumerate(document.segments):
            seg_rows = by_segment.get(i, [])
            main = seg.kind in MAIN_TEXT_KINDS
            if not main and not seg_rows:
                continue  # hidden parts: show only the places that have findings
            key = seg.kind if seg.kind in KIND_TITLES else "body"
            group = groups.get(key)
            if group is None:
                group = groups[key] = Group(KIND_TITLES.get(key, key))
                (main_groups if main else hidden_groups).append(group)
            label = masker.label(seg.label) if masker else seg.label
            group.segments.append(ShownSegment(label, _pieces(seg.text, seg_rows, masker)))
        order = {k: n for n, k in enumerate(KINDS)}
        hidden_groups.sort(key=lambda g: order.get(_kind_of(g.title), 99))
    hidden_rows = [r for r in rows if r.finding.location.kind not in MAIN_TEXT_KINDS]
    band = jigsaw_severity(doc.jigsaw)
    band_name = str(doc.jigsaw.get("band", "")).upper() if doc.jigsaw else ""
    return DocView(
        path=str(doc.path), index=index, errors=list(doc.errors), notes=list(doc.notes),
        summary=Counter(r.finding.severity.value for r in rows), rows=rows,
        main_groups=main_groups, hidden_groups=hidden_groups, hidden_rows=hidden_rows,
        jigsaw=build(doc.jigsaw, [f.text for f in doc.findings], options.mask)
        if doc.jigsaw else None,
        jigsaw_severity=band.value if band else None,
        band=band_name if band_name in BANDS else None,
        by_kind=_bars(rows, lambda r: r.title),
        by_place=_bars(rows, lambda r: KIND_TITLES.get(r.finding.location.kind,
                                                       r.finding.location.kind)),
    )


def _bars(rows: list[Row], key) -> list[Bar]:
    """Counts of `rows` by `key`, largest first, as stacked bars scaled to the largest."""
    groups: dict[str, Counter[str]] = {}
    for r in rows:
        groups.setdefault(key(r), Counter())[r.finding.severity.value] += 1
    if not groups:
        return []
    top = max(sum(c.values()) for c in groups.values())
    order = [s.value for s in SEVERITIES]
    bars = [Bar(label, sum(c.values()),
                [(sev, round(100 * c[sev] / top, 1)) for sev in order if c[sev]])
            for label, c in groups.items()]
    return sorted(bars, key=lambda b: (-b.count, b.label))


def _kind_of(title: str) -> str:
    return next((k for k, t in KIND_TITLES.items() if t == title), "")


def _row(doc_index: int, n: int, f: Finding, masker: Masker | None, et: EntityType) -> Row:
    decision = str(f.extra.get("baseline", "pending"))
    return Row(
        anchor=f"f{doc_index}-{n}", finding=f, title=et.title,
        text=masker.text(f.text) if masker else f.text,
        context=masker.context(f.context) if masker else f.context,
        why=et.description, guidance=f.guidance or et.guidance,
        place=masker.label(f.location.label) if masker else f.location.label,
        decision=decision if decision in ("accepted", "rejected") else "pending",
        decision_why=masker.context(str(f.extra.get("baseline_why", ""))) if masker
        else str(f.extra.get("baseline_why", "")),
        decision_by=str(f.extra.get("baseline_by", "")),
        decision_when=str(f.extra.get("baseline_when", "")),
    )


def _pieces(text: str, rows: list[Row], masker: Masker | None) -> list[Piece]:
    """Split a segment's text into plain and highlighted pieces (overlaps: first wins)."""
    pieces: list[Piece] = []
    cursor = 0
    for row in sorted(rows, key=lambda r: (r.finding.location.start, -r.finding.location.end)):
        start, end = row.finding.location.start, row.finding.location.end
        if start < cursor or end > len(text) or start >= end:
            continue
        if start > cursor:
            pieces.append(Piece(_plain(text[cursor:start], masker)))
        pieces.append(Piece(mask(text[start:end]) if masker else text[start:end], row))
        row.in_text = True
        cursor = end
    if cursor < len(text):
        pieces.append(Piece(_plain(text[cursor:], masker)))
    return pieces


def _plain(text: str, masker: Masker | None) -> str:
    return masker.context(text) if masker else text
