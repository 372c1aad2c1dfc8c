"""The recognisers' YAML cases (fixtures/cases/*.yaml), run end to end through one engine.

Each case: `text`, optional `config` ({allow, area, known, quasi}), `match` (entity + exact text
that must be reported) and `no_match` (text no finding may cover, optionally for one entity).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from recognizer_yaml import findings_problems

from redactcheck import policy
from redactcheck.analysis import get_analyzer
from redactcheck.config import Config
from redactcheck.document import split_paragraphs

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "cases"


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for number, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            label = f"{path.stem}-{number}"
            yield pytest.param(path, case, id=label)


def _config(path: Path, data: dict | None) -> Config:
    data = data or {}
    known = data.get("known")
    return Config(
        allow=tuple(data.get("allow") or ()),
        area=tuple(data.get("area") or ()),
        known=(path.parent / known) if known else None,
        quasi=bool(data.get("quasi", False)),
    )


@pytest.mark.parametrize(("path", "case"), list(_load_cases()))
def test_case(path: Path, case: dict) -> None:
    config = _config(path, case.get("config"))
    segments = split_paragraphs(case["text"])
    findings = policy.apply(get_analyzer(config).analyze_segments(segments), config)
    assert findings_problems(case, segments, findings) == []
