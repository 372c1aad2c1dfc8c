"""What a check produces: per-document findings, errors and notes, as the JSON shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .findings import Finding, Severity


@dataclass
class DocumentResult:
    path: str
    words: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # a document that could not be read
    internal_error: bool = False  # the check itself failed (a bug): exit code 4
    notes: list[str] = field(default_factory=list)
    # Document-level combination risk: a jigsaw.JigsawResult (a dict when read back from JSON).
    jigsaw: Any = None
    # The review's type and why (review_type.Detection.to_dict): id, name, audience, source.
    review: dict | None = None
    document: Any = None  # the loaded Document (not serialised; DOCX writers need it)

    def entity_type(self, entity: str):
        """The catalogue entry for `entity` in this document's review-type wording
        ("Exact age" in an adult review, "Exact age of a child" in a child one)."""
        from .entities import entity_type

        return entity_type(entity, (self.review or {}).get("id"))

    def summary(self) -> dict[str, int]:
        counts = {s.value: 0 for s in (Severity.HIGH, Severity.MEDIUM, Severity.LOW)}
        for f in self.findings:
            counts[f.severity.value] += 1
        return counts

    def to_dict(self) -> dict:
        data: dict[str, Any] = {
            "path": self.path,
            "words": self.words,
            "summary": self.summary(),
            "errors": list(self.errors),
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.notes:
            data["notes"] = list(self.notes)
        if self.review is not None:
            data["review_type"] = self.review
        if self.jigsaw is not None:
            to_dict = getattr(self.jigsaw, "to_dict", None)
            data["jigsaw"] = to_dict() if to_dict else dict(self.jigsaw)
        return data


@dataclass
class CheckResult:
    documents: list[DocumentResult] = field(default_factory=list)

    def findings_at_or_above(self, threshold: Severity) -> list[Finding]:
        """Findings that fail a run: at or above `threshold` and not accepted in a baseline."""
        return [
            f for d in self.documents for f in d.findings
            if f.severity.rank >= threshold.rank and f.extra.get("baseline") != "accepted"
        ]

    @property
    def unreadable(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.errors]

    @property
    def internal_errors(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.internal_error]

    def to_dict(self) -> dict:
        return {
            "tool": {"name": "redactcheck", "version": __version__},
            "documents": [d.to_dict() for d in self.documents],
        }
