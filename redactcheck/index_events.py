"""The index event of a review is not a rare detail.

A Domestic Homicide Review exists because of a homicide, a Safeguarding Adults Review
because of a death, serious harm or self-neglect, a child review because of a child's death
or serious injury: naming that event identifies nobody the review's existence does not
already. A RARE_DETAIL finding whose whole text is the type's index-event vocabulary
("murder", "the homicide", "self-neglect") is lowered to low severity with a note; a
longer description ("convicted in the stabbing case at the market", "the murder was
reported in the national press") stays as found.
"""

from __future__ import annotations

import re
from functools import cache

from .findings import Finding, Severity
from .review_type import ReviewType

ENTITY = "RARE_DETAIL"
# Words that may surround the event word without adding anything ("the murder", "her death").
_FILLER = re.compile(r"^(?:(?:the|a|an|her|his|their|its|this|that)\s+)+|[\s.,;:'\"’‘“”()]+$",
                     re.I)


@cache
def _vocabulary(review: ReviewType) -> frozenset[str]:
    return frozenset(_key(t) for t in review.index_terms)


def _key(text: str) -> str:
    text = re.sub(r"[\s\u00a0]+", " ", text.replace("\u2019", "'")).strip().casefold()
    text = text.replace("-", " ")
    previous = None
    while previous != text:
        previous, text = text, _FILLER.sub("", text).strip()
    return text


def is_index_event(text: str, review: ReviewType) -> bool:
    """True when `text` (a rare detail as written) only names the review's index event."""
    return bool(text.strip()) and _key(text) in _vocabulary(review)


def apply(findings: list[Finding], review: ReviewType) -> list[Finding]:
    """Findings with the review's index event lowered to low severity, with the reason."""
    out = []
    for f in findings:
        if f.entity == ENTITY and f.severity is not Severity.LOW and is_index_event(
                f.text, review):
            f = f.with_(severity=Severity.LOW,
                        explanation=f"{f.explanation}; the index event of this "
                                    f"{review.name} ({review.index_event}): the review exists "
                                    "because of it, so naming it is not a rare detail",
                        extra={**f.extra, "index_event": True})
        out.append(f)
    return out
