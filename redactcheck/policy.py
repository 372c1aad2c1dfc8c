"""Applies the user's policy to raw findings: allow list, entity switches, severities."""

from __future__ import annotations

import re
from dataclasses import replace

from .config import Config
from .findings import Finding, Severity, normalise


def apply(findings: list[Finding], config: Config) -> list[Finding]:
    """Findings the user wants to see, with their configured severities."""
    allowed = _allow_matcher(config.allow + config.area)
    kept = []
    for f in findings:
        if not config.entity_enabled(f.entity):
            continue
        if allowed is not None and allowed(f.text):
            continue
        severity = config.severity_for(f.entity, f.severity)
        kept.append(f if severity is f.severity else replace(f, severity=severity))
    return kept


def _allow_matcher(terms: tuple[str, ...]):
    """A finding is allowed when its text is an allowed term (case/space-insensitive),
    optionally with a possessive, or is wholly made of allowed terms' words
    ("Jane Booth" allowed → "Booth" and "Ms Booth" are allowed too)."""
    if not terms:
        return None
    norm_terms = {normalise(t) for t in terms}
    words = {w for t in norm_terms for w in t.split() if len(w) > 2}
    titles = {"mr", "mrs", "ms", "miss", "mx", "dr", "the", "prof", "professor"}

    def allowed(text: str) -> bool:
        norm = re.sub(r"['’]s$", "", normalise(text))
        if norm in norm_terms:
            return True
        tokens = [t for t in re.split(r"[\s.]+", norm) if t]
        return bool(tokens) and all(t in words or t in titles for t in tokens) and any(
            t in words for t in tokens
        )

    return allowed


def exceeds(findings: list[Finding], fail_on: Severity) -> bool:
    return any(f.severity.rank >= fail_on.rank for f in findings)
