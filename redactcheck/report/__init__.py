"""Report formats: one module per format, each exposing `render(result, options)`."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..findings import Severity
from ..result import CheckResult

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


class Masker:
    """Masks one document's sensitive strings wherever a report shows them.

    Contexts can hold other findings of the same document (a neighbouring name) or a part
    of one ("the Brinnington estate" beside "14 Brinnington Road"), so every finding text
    and its capitalised words are masked, as whole words, inside each context.
    """

    def __init__(self, secrets: list[str]) -> None:
        from .mask import context_masker, name_parts

        self._context = context_masker([*secrets, *name_parts(secrets)])

    def text(self, value: str) -> str:
        from .mask import mask

        return mask(value)

    def context(self, value: str) -> str:
        return self._context(value)


def masker_for(doc) -> Masker:
    return Masker([f.text for f in doc.findings])


def masked_result_dict(result: CheckResult) -> dict:
    """result.to_dict() with every finding's text and context masked."""
    data = result.to_dict()
    for doc, doc_data in zip(result.documents, data["documents"], strict=True):
        masker = masker_for(doc)
        for finding in doc_data["findings"]:
            finding["text"] = masker.text(finding["text"])
            finding["context"] = masker.context(finding["context"])
    return data
