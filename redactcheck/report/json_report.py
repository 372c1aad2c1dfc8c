"""JSON report: the stable shape documented in README (fields may be added, never renamed)."""

from __future__ import annotations

import json

from ..result import CheckResult
from . import ReportOptions, masked_result_dict


def render(result: CheckResult, options: ReportOptions) -> str:
    data = masked_result_dict(result) if options.mask else result.to_dict()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
