"""SARIF 2.1.0 output, ready for GitHub code scanning upload.

One rule per entity type (help text from entities.ENTITY_TYPES), one result per finding.
Code-scanning dashboards are often readable by many people, so the matched text is masked
unless ReportOptions.mask is off, and the region snippet is only included unmasked.

Locations: every result has a physicalLocation (GitHub requires one) whose URI is the
document path, relative with forward slashes. For .txt/.md the region is the real line
and column; a DOCX has no lines, so the region's startLine is the paragraph ordinal in
its part and a logicalLocation names the exact place ("word/footnotes.xml/Footnote 3").
"""

from __future__ import annotations

import bisect
import json
from pathlib import Path
from typing import Any

from .. import __version__
from ..entities import ENTITY_TYPES, EntityType, entity_type
from ..findings import Finding, Severity
from ..result import CheckResult, DocumentResult
from . import ReportOptions
from .common import document_uri, jigsaw_severity, visible_findings
from .mask import Masker, mask, masker_for

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/redactcheck/redactcheck"

LEVELS = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}
# GitHub maps security-severity to critical/high/medium/low (>=9, >=7, >=4, >0).
SECURITY_SEVERITY = {Severity.HIGH: "8.0", Severity.MEDIUM: "5.5", Severity.LOW: "2.0"}
FINGERPRINT_KEY = "redactcheckFindingId/v1"


def render(result: CheckResult, options: ReportOptions) -> str:
    return json.dumps(build(result, options), indent=2, ensure_ascii=False) + "\n"


def build(result: CheckResult, options: ReportOptions) -> dict[str, Any]:
    """The SARIF log as a dict (render() serialises it)."""
    rules = _rules(result)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for doc in result.documents:
        uri = document_uri(doc.path)
        for message in doc.errors:
            notifications.append({
                "level": "error",
                "message": {"text": message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            })
        lines = _line_index(doc)
        findings = visible_findings(doc, options.show_low)
        # Every text found anywhere in the document is masked inside each snippet: a
        # neighbouring name found in another paragraph must not show through either.
        masker = masker_for(doc, strict=True) if options.mask else None
        for f in findings:
            results.append(_result(f, doc.entity_type(f.entity), uri, lines, index, masker))
        jig = _jigsaw_result(doc, uri, index, options.mask)
        if jig is not None:
            results.append(jig)
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "redactcheck",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": rules,
        }},
        "invocations": [{
            "executionSuccessful": not result.unreadable,
            "toolExecutionNotifications": notifications,
        }],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rules(result: CheckResult) -> list[dict[str, Any]]:
    """Every catalogue entity, plus any custom entity a user's recogniser produced."""
    entities = list(ENTITY_TYPES)
    for doc in result.documents:
        for f in doc.findings:
            if f.entity not in entities:
                entities.append(f.entity)
    # One rule set per run: in the documents' review-type wording when they share one
    # (an adult review's rules say "Exact age", not "Exact age of a child").
    types = {(d.review or {}).get("id") for d in result.documents}
    review = types.pop() if len(types) == 1 else None
    return [_rule(entity_type(e, review)) for e in entities]


def _rule(et: EntityType) -> dict[str, Any]:
    return {
        "id": et.id,
        "name": "".join(part.capitalize() for part in et.id.split("_")),
        "shortDescription": {"text": et.title},
        "fullDescription": {"text": et.description},
        "help": {
            "text": f"{et.description} What to write instead: {et.guidance}",
            "markdown": f"**{et.title}**\n\n{et.description}\n\n**What to write instead:** "
                        f"{et.guidance}",
        },
        "defaultConfiguration": {"level": LEVELS[et.severity]},
        "properties": {
            "tags": ["privacy", "safeguarding"],
            "security-severity": SECURITY_SEVERITY[et.severity],
        },
    }


def _line_index(doc: DocumentResult) -> list[int] | None:
    """Start offsets of each line of a .txt/.md file, to turn char offsets into line:column.

    Read from the path itself (read-only) so this works without the loaded Document.
    """
    if Path(doc.path).suffix.lower() not in (".txt", ".md"):
        return None
    try:
        text = Path(doc.path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def _line_col(lines: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(lines, offset)  # 1-based
    return line, offset - lines[line - 1] + 1


def _region(f: Finding, lines: list[int] | None, masked: bool) -> dict[str, Any]:
    loc = f.location
    if lines is not None and loc.char_start is not None and loc.char_end is not None:
        start_line, start_col = _line_col(lines, loc.char_start)
        end_line, end_col = _line_col(lines, loc.char_end)
        region: dict[str, Any] = {"startLine": start_line, "startColumn": start_col,
                                  "endLine": end_line, "endColumn": end_col}
    else:
        region = {"startLine": max(1, loc.paragraph)}
    if not masked:
        region["snippet"] = {"text": f.text}
    return region


def _result(f: Finding, et: EntityType, uri: str, lines: list[int] | None,
            index: dict[str, int], masker: Masker | None) -> dict[str, Any]:
    loc = f.location
    masked = masker is not None
    text = masker.text(f.text) if masker else f.text
    context = masker.context(f.context) if masker else f.context
    label = masker.label(loc.label) if masker else loc.label
    message = f"{et.title} \"{text}\" in {label}. {f.guidance or et.guidance}"
    logical_name = label if loc.part == "text" else f"{loc.part}/{label}"
    extra: dict[str, Any] = {}
    decision = f.extra.get("baseline")
    if decision == "accepted":  # SARIF's own way to say "reviewed and accepted"
        suppression: dict[str, Any] = {"kind": "external", "status": "accepted"}
        if f.extra.get("baseline_why") and masker is None:  # free text: never in masked logs
            suppression["justification"] = str(f.extra["baseline_why"])
        extra["suppressions"] = [suppression]
    return {
        **extra,
        "ruleId": f.entity,
        "ruleIndex": index[f.entity],
        "level": LEVELS[f.severity],
        "message": {"text": message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": _region(f, lines, masked),
            },
            "logicalLocations": [{
                "name": label,
                "fullyQualifiedName": logical_name,
                "kind": "element",
            }],
        }],
        "partialFingerprints": {FINGERPRINT_KEY: f.id},
        "properties": {
            "severity": f.severity.value,
            "score": round(f.score, 2),
            "place": label,
            "part": loc.part,
            "kind": loc.kind,
            "context": context,
            "recognizer": f.recognizer,
        },
    }


def _jigsaw_result(doc: DocumentResult, uri: str, index: dict[str, int],
                   masked: bool) -> dict[str, Any] | None:
    """One document-level result for the combination risk (none when the band is NONE)."""
    severity = jigsaw_severity(doc.jigsaw)
    if severity is None or doc.jigsaw is None:
        return None
    jig = doc.jigsaw
    details = []
    for qi in jig.get("quasi_identifiers", []):
        value = str(qi.get("value", ""))
        details.append(f"{qi.get('attribute', '')}: {mask(value) if masked else value}")
    suggestions = [str(s.get("text", "")) for s in jig.get("suggestions", []) if s.get("text")]
    if masked:
        values = [str(qi.get("value", "")) for qi in jig.get("quasi_identifiers", [])]
        jig_masker = Masker(values)
        suggestions = [jig_masker.context(s) for s in suggestions]
    message = f"Combination of details identifies the family: risk {jig.get('band')}"
    if details:
        message += " (" + "; ".join(details) + ")"
    message += "."
    if suggestions:
        message += " " + " ".join(suggestions)
    return {
        "ruleId": "JIGSAW_RISK",
        "ruleIndex": index["JIGSAW_RISK"],
        "level": LEVELS[severity],
        "message": {"text": message},
        "locations": [{
            "physicalLocation": {"artifactLocation": {"uri": uri}, "region": {"startLine": 1}},
            "logicalLocations": [{"name": "Whole document", "fullyQualifiedName": "document",
                                  "kind": "module"}],
        }],
        "partialFingerprints": {FINGERPRINT_KEY: f"jigsaw:{uri}"},
        "properties": {"band": jig.get("band"), "lambda": jig.get("lambda"),
                       "kappa": jig.get("kappa"), "bits": jig.get("bits")},
    }
