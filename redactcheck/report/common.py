"""Small helpers the file report formats (HTML, SARIF, JUnit, DOCX) share."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from ..findings import Finding, Severity
from ..result import DocumentResult

# Places a reader sees as the running text of the draft; findings anywhere else (headers,
# notes, comments, tracked deletions, hidden text, link targets, alt text, properties)
# are "hidden parts": easy to forget, so reports list them separately.
MAIN_TEXT_KINDS = frozenset({"body", "table", "textbox", "tracked_insertion"})

SEVERITIES = (Severity.HIGH, Severity.MEDIUM, Severity.LOW)

# Jigsaw bands map onto finding severities so --fail-on and levels treat them alike.
_BAND_SEVERITY = {"HIGH": Severity.HIGH, "MEDIUM": Severity.MEDIUM, "LOW": Severity.LOW}


def visible_findings(doc: DocumentResult, show_low: bool) -> list[Finding]:
    """The document's findings a report lists (low ones only when `show_low`)."""
    return [f for f in doc.findings if show_low or f.severity is not Severity.LOW]


def is_main_text(finding: Finding) -> bool:
    return finding.location.kind in MAIN_TEXT_KINDS


def jigsaw_severity(jigsaw: dict | None) -> Severity | None:
    """The severity of a document's jigsaw band, or None when there is no risk to report."""
    if not jigsaw:
        return None
    return _BAND_SEVERITY.get(str(jigsaw.get("band", "")).upper())


def relative_posix(path: str | os.PathLike[str]) -> str:
    """The path relative to the working folder when inside it, with forward slashes."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return p.as_posix()
    return PurePosixPath(*p.parts).as_posix() if p.parts else str(path)


def document_uri(path: str | os.PathLike[str]) -> str:
    """A URI reference for SARIF: relative with forward slashes, spaces etc. percent-encoded."""
    rel = relative_posix(path)
    if Path(rel).is_absolute():
        return Path(rel).as_uri()
    return quote(rel, safe="/-._~")
