"""Run one recogniser module's YAML cases against that module alone (fast unit check).

tests/test_cases.py runs every case end to end through the whole engine; this helper lets a
recogniser's own tests show which of its cases fail without the other modules in the way.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from redactcheck.config import Config

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "cases"


def load_cases(name: str) -> list[dict]:
    return yaml.safe_load((CASES_DIR / name).read_text(encoding="utf-8")) or []


def case_config(case: dict) -> Config:
    data = case.get("config") or {}
    return Config(allow=tuple(data.get("allow") or ()), area=tuple(data.get("area") or ()),
                  quasi=bool(data.get("quasi", False)))


def check_case(module, case: dict, artifacts) -> list[str]:
    """Problems with one case for one module's recognisers (empty list: the case passes)."""
    text = case["text"]
    results = []
    supported: set[str] = set()
    for recognizer in module.build(case_config(case)):
        supported.update(recognizer.supported_entities)
        results += recognizer.analyze(text, recognizer.supported_entities, artifacts(text))
    found = {(r.entity_type, text[r.start:r.end]) for r in results}
    problems = []
    for expected in case.get("match") or []:
        # Another module's entity in the same case is the end-to-end test's business.
        if expected["entity"] in supported and (expected["entity"], expected["text"]) not in found:
            problems.append(f"missing {expected} in {text!r}; found {sorted(found)}")
    for forbidden in case.get("no_match") or []:
        hits = list(re.finditer(re.escape(forbidden["text"]), text))
        if not hits:
            problems.append(f"no_match text {forbidden['text']!r} not in {text!r}")
        for r in results:
            if forbidden.get("entity") and r.entity_type != forbidden["entity"]:
                continue
            if any(r.start < m.end() and m.start() < r.end for m in hits):
                problems.append(f"{r.entity_type} {text[r.start:r.end]!r} covers "
                                f"{forbidden['text']!r} in {text!r}")
    return problems


def findings_problems(case: dict, segments, findings) -> list[str]:
    """Problems with one case given Findings over `split_paragraphs(case["text"])`: a
    `match` not reported exactly, or a finding over a `no_match` text (of its entity, if
    one is named). Shared by the end-to-end runner and the per-module runners."""
    text = case["text"]
    found = {(f.entity, f.text) for f in findings}
    problems = [f"missing {e} in {text!r}; found {sorted(found)}"
                for e in case.get("match") or [] if (e["entity"], e["text"]) not in found]
    for forbidden in case.get("no_match") or []:
        hits = [m.span() for m in re.finditer(re.escape(forbidden["text"]), text)]
        if not hits:
            problems.append(f"no_match text {forbidden['text']!r} not in {text!r}")
        for f in findings:
            if forbidden.get("entity") and f.entity != forbidden["entity"]:
                continue
            seg = segments[f.segment_index]
            lo, hi = seg.char_start + f.location.start, seg.char_start + f.location.end
            if any(lo < e and s < hi for s, e in hits):
                problems.append(f"{f.entity} {f.text!r} covers {forbidden['text']!r}")
    return problems
