"""Applies the user's policy to raw findings: allow list, entity switches, severities, and
the review's type (its wording, and its index event, which is not a rare detail)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from . import index_events
from .config import Config
from .entities import guidance_for
from .findings import Finding, Severity, normalise
from .review_type import Detection, resolve


def review_for(config: Config, document: Any = None) -> Detection:
    """The review type for this document: `review_type` in the config, else detected."""
    return resolve(config.review_type, document)


def apply(findings: list[Finding], config: Config, document: Any = None,
          review: Detection | None = None) -> list[Finding]:
    """Findings the user wants to see, with their configured severities and the wording of
    the review's type (`review`, else resolved from the config and `document`)."""
    allowed = _allow_matcher(config.allow + config.area)
    detection = review or review_for(config, document)
    rtype = detection.type
    kept = []
    for f in findings:
        if not config.entity_enabled(f.entity):
            continue
        if allowed is not None and allowed(f.text):
            continue
        severity = config.severity_for(f.entity, f.severity)
        if severity is not f.severity:
            f = replace(f, severity=severity)
        guidance = guidance_for(f.entity, f.guidance, f.text, rtype)
        if guidance != f.guidance:
            f = replace(f, guidance=guidance)
        kept.append(f)
    return index_events.apply(kept, rtype)


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
