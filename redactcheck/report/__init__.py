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
