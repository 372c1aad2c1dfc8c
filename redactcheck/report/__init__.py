"""Report formats: one module per format, each exposing `render(result, options)`."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..findings import Severity
from ..result import CheckResult
from .mask import Masker, masker_for

__all__ = ["FORMATS", "Masker", "ReportOptions", "masked_result_dict", "masker_for", "render"]

# format name -> module; adding a format is one module plus one line here.
FORMATS: dict[str, str] = {
    "terminal": "terminal",
    "json": "json_report",
    "html": "html",
    "sarif": "sarif",
    "junit": "junit",
    "docx": "docx",
}


@dataclass(frozen=True)
class ReportOptions:
    mask: bool = False  # replace matched text and context with masked forms ("D**** M*****")
    color: bool = True
    fail_on: Severity = Severity.MEDIUM
    show_low: bool = True


def render(fmt: str, result: CheckResult, options: ReportOptions) -> str | bytes:
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    return module.render(result, options)


def masked_result_dict(result: CheckResult) -> dict:
    """result.to_dict() with every finding's text and context masked."""
    data = result.to_dict()
    for doc, doc_data in zip(result.documents, data["documents"], strict=True):
        masker = masker_for(doc, strict=True)
        for finding in doc_data["findings"]:
            finding["text"] = masker.text(finding["text"])
            finding["context"] = masker.context(finding["context"])
            finding["location"]["label"] = masker.label(finding["location"]["label"])
    return data
