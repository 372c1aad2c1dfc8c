"""A fixed CheckResult for the report-format tests (goldens must not churn with recognisers)."""

from __future__ import annotations

from pathlib import Path

from redactcheck.document import Document, Segment
from redactcheck.entities import entity_type
from redactcheck.findings import Finding, Location, Severity, make_context
from redactcheck.result import CheckResult, DocumentResult

GOLDEN = Path(__file__).resolve().parent / "golden"

# Synthetic draft text (no real people or places).
SEGMENTS = [
    Segment("Serious Case Review: Child B", "word/document.xml", "body", 1, "Paragraph 1"),
    Segment("Donna Morris moved to 12 Rose Lane, Ashby LS6 2AB on 14 March 2019.",
            "word/document.xml", "body", 2, "Paragraph 2"),
    Segment("Child B attended Oakfield Primary School <script>alert(1)</script>.",
            "word/document.xml", "table", 5, "Table 1, row 2, cell 1"),
    Segment("Morris family file \"onerror=x", "word/header1.xml", "header", 1,
            "Header (default), section 1"),
    Segment("Seen by Dr Kapoor at the clinic.", "word/footnotes.xml", "footnote", 3,
            "Footnote 3"),
    Segment("Donna Morris", "docProps/core.xml", "property", 1, "Document property: creator"),
]


def _finding(seg_index: int, entity: str, text: str, score: float = 0.85,
             severity: Severity | None = None) -> Finding:
    seg = SEGMENTS[seg_index]
    start = seg.text.index(text)
    end = start + len(text)
    et = entity_type(entity)
    return Finding(
        entity=entity, text=text,
        location=Location(seg.part, seg.kind, seg.paragraph, start, end, seg.label),
        score=score, severity=severity or et.severity, recognizer="test",
        explanation=f"matched {entity.lower()}", guidance=et.guidance,
        context=make_context(seg.text, start, end), segment_index=seg_index,
    )


FINDINGS = [
    _finding(1, "PERSON", "Donna Morris"),
    _finding(1, "ADDRESS", "12 Rose Lane"),
    _finding(1, "LOCATION", "Ashby", 0.6),
    _finding(1, "POSTCODE", "LS6 2AB", 0.95),
    _finding(1, "DATE_EXACT", "14 March 2019"),
    _finding(2, "INSTITUTION", "Oakfield Primary School"),
    _finding(3, "PERSON", "Morris family file \"onerror=x", 0.5, Severity.MEDIUM),
    _finding(4, "PERSON", "Dr Kapoor"),
    _finding(5, "PERSON", "Donna Morris"),
]

# Shaped like jigsaw.assess's result (docs/jigsaw.md); the condition carries markup so the
# HTML test can show that detail values are escaped.
JIGSAW = {
    "band": "HIGH",
    "policy": "ico",
    "lambda": 0.004,
    "kappa": 0.998,
    "bits": 32.1,
    "reasons": ["κ = 0.998 (λ ≈ 0.004)", "an area smaller than a town with another detail"],
    "population": {"area": "Ashby", "level": "town", "people": 100000, "children": 21600,
                   "unit": "children aged 0-17", "source": "assumption: a town not in the table"},
    "quasi_identifiers": [
        {"attribute": "area", "value": "Ashby", "rate": 0.0015, "bits": 9.4,
         "source": "ONS Census 2021", "year": 2021, "paragraphs": ["Paragraph 2"],
         "mentions": ["Ashby"]},
        {"attribute": "condition", "value": "<i>Kleefstra</i> syndrome", "rate": 0.0005,
         "bits": 11.0, "source": "unknown rate treated as rare (1 in 2,000)", "year": 2000,
         "paragraphs": ["Paragraph 2"], "mentions": ["<i>Kleefstra</i> syndrome"]},
        {"attribute": "multiple_birth", "value": "twins", "rate": 0.016, "bits": 6.0,
         "source": "ONS Birth characteristics 2015", "year": 2015,
         "paragraphs": ["Table 1, row 2, cell 1"], "mentions": ["twins"]},
    ],
    "combinations": [
        {"details": ["multiple_birth: twins", "condition: <i>Kleefstra</i> syndrome",
                     "area: Ashby"], "lambda": 0.004, "kappa": 0.998, "bits": 26.4,
         "band": "HIGH", "reasons": [], "paragraphs": ["Table 1, row 2, cell 1", "Paragraph 2"]},
        {"details": ["area: Ashby", "condition: <i>Kleefstra</i> syndrome"], "lambda": 0.27,
         "kappa": 0.88, "bits": 20.4, "band": "HIGH", "reasons": [],
         "paragraphs": ["Paragraph 2"]},
    ],
    "suggestions": [
        {"step": 1, "attribute": "condition", "from": "<i>Kleefstra</i> syndrome",
         "to": "a chronic health condition",
         "replacements": [{"from": "<i>Kleefstra</i> syndrome",
                           "to": "a chronic health condition", "paragraph": "Paragraph 2"}],
         "after": {"lambda": 2.1, "kappa": 0.42, "band": "HIGH", "families": 2.1},
         "text": "Replace \"<i>Kleefstra</i> syndrome\" with \"a chronic health condition\": "
                 "after this change ≈ 2.1 families match, HIGH"},
        {"step": 2, "attribute": "area", "from": "Ashby", "to": "the county",
         "replacements": [{"from": "Ashby", "to": "the county", "paragraph": "Paragraph 2"}],
         "after": {"lambda": 14.2, "kappa": 0.07, "band": "LOW", "families": 14.2},
         "text": "Replace \"Ashby\" with \"the county\": after this change (with the changes "
                 "above) ≈ 14 families match, LOW"},
    ],
    "queries": [{"combination": ["area: Ashby", "condition: <i>Kleefstra</i> syndrome"],
                 "queries": ["Ashby \"<i>Kleefstra</i> syndrome\" 2019"],
                 "note": "generated, never run"}],
    "assumptions": ["Details are assumed independent.", "Base rates have a vintage.",
                    "A person must judge."],
}


def sample_result() -> CheckResult:
    """Two readable documents (a DOCX-like one with its segments, a text one) + one unreadable."""
    docx_doc = Document(path=Path("drafts/case b.docx"), format="docx", segments=SEGMENTS)
    text_segment = Segment("Contact 07700 900123 for the visit.", "text", "body", 1,
                           "Paragraph 1", char_start=0)
    phone = Finding(
        entity="PHONE_NUMBER", text="07700 900123",
        location=Location("text", "body", 1, 8, 20, "Paragraph 1", 8, 20),
        score=0.9, severity=Severity.HIGH, recognizer="test", explanation="phone",
        guidance="Remove it.", context=text_segment.text, segment_index=0,
    )
    low = Finding(
        entity="LOCATION", text="the visit", location=Location("text", "body", 1, 25, 34,
                                                                 "Paragraph 1", 25, 34),
        score=0.4, severity=Severity.LOW, recognizer="test", explanation="place",
        guidance="Keep it.", context=text_segment.text, segment_index=0,
    )
    text_doc = Document(path=Path("notes.txt"), format="txt", segments=[text_segment])
    return CheckResult(documents=[
        DocumentResult(path="drafts/case b.docx", words=40, findings=list(FINDINGS),
                       jigsaw=JIGSAW, document=docx_doc),
        DocumentResult(path="notes.txt", words=6, findings=[phone, low], document=text_doc),
        DocumentResult(path="broken.docx", errors=["broken.docx: not a Word file"]),
    ])


def check_golden(name: str, data: object) -> None:
    """Compare parsed report data with tests/golden/NAME (JSON); UPDATE_GOLDEN=1 rewrites it."""
    import json
    import os

    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert data == expected, f"{name} differs from the golden file (UPDATE_GOLDEN=1 to accept)"
