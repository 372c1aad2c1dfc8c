"""The data model every stage shares: Severity, Location, Finding."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Severity(StrEnum):
    """How bad it is if the detail leaks (separate from the recogniser's confidence)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (use low, medium or high)") from None


_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}

# Place kinds a segment (and so a finding) can have; order is the report order.
KINDS = (
    "property",
    "body",
    "table",
    "textbox",
    "header",
    "footer",
    "footnote",
    "endnote",
    "comment",
    "tracked_insertion",
    "tracked_deletion",
    "hidden_text",
    "covered_text",  # PDF: text under a box drawn over it, still in the text layer
    "hyperlink",
    "alt_text",
)


@dataclass(frozen=True)
class Location:
    """Where a finding sits. start/end are half-open offsets into the segment's text."""

    part: str  # "word/document.xml", "docProps/core.xml", "text"
    kind: str  # one of KINDS
    paragraph: int  # 1-based ordinal of the paragraph in its part (txt/md: in the file)
    start: int
    end: int
    label: str  # "Footnote 3", "Comment by S. Jenkins"
    char_start: int | None = None  # txt/md only: offsets into the whole file
    char_end: int | None = None

    def to_dict(self) -> dict:
        return {
            "part": self.part,
            "kind": self.kind,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "char_start": self.char_start,
            "char_end": self.char_end,
        }


@dataclass(frozen=True)
class Finding:
    entity: str  # stable rule id, UPPER_SNAKE
    text: str
    location: Location
    score: float
    severity: Severity
    recognizer: str
    explanation: str  # why it fired
    guidance: str  # what to write instead
    context: str = ""  # a short snippet around the match
    segment_index: int = -1  # index into Document.segments (not serialised)
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def id(self) -> str:
        return fingerprint(self.entity, self.text, self.context)

    def with_(self, **changes) -> Finding:
        return replace(self, **changes)

    def to_dict(self) -> dict:
        data = {
            "id": self.id,
            "entity": self.entity,
            "severity": self.severity.value,
            "score": round(self.score, 2),
            "text": self.text,
            "context": self.context,
            "recognizer": self.recognizer,
            "explanation": self.explanation,
            "guidance": self.guidance,
            "location": self.location.to_dict(),
        }
        if self.extra:
            data["extra"] = self.extra
        if "baseline" in self.extra:  # a reviewer's decision (redactcheck.baseline)
            data["baseline"] = self.extra["baseline"]
        return data


def normalise(text: str) -> str:
    """Case-, accent- and space-insensitive form used for matching and fingerprints."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def fingerprint(entity: str, text: str, context: str) -> str:
    """Stable id: entity + normalised text + a little context, never the position.

    The context is cut to the few words either side so that edits elsewhere in the
    paragraph do not change the id.
    """
    norm = normalise(text)
    ctx = normalise(context)
    idx = ctx.find(norm)
    if idx >= 0:
        before = re.findall(r"\w+", ctx[:idx])[-3:]
        after = re.findall(r"\w+", ctx[idx + len(norm) :])[:3]
        ctx = " ".join([*before, "\x00", *after])
    digest = hashlib.sha256(f"{entity}\x1f{norm}\x1f{ctx}".encode()).hexdigest()
    return digest[:16]


def make_context(text: str, start: int, end: int, width: int = 40) -> str:
    """A snippet of the segment around [start, end) with ellipses where cut."""
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    # Widen to word boundaries so snippets do not start mid-word.
    while lo > 0 and not text[lo - 1].isspace() and start - lo < width + 15:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi - end < width + 15:
        hi += 1
    snippet = text[lo:hi].replace("\n", " ").replace("\t", " ")
    return ("…" if lo > 0 else "") + snippet + ("…" if hi < len(text) else "")


def overlaps(a: Finding, b: Finding) -> bool:
    return (
        a.segment_index == b.segment_index
        and a.location.start < b.location.end
        and b.location.start < a.location.end
    )


def merge_overlaps(findings: list[Finding], segment_texts: Sequence[str]) -> list[Finding]:
    """Keep one finding per overlapping cluster in a segment.

    Within a cluster the winner is the highest severity, then the highest score, then
    the longest span; its span is widened to cover the cluster only when the others
    have the same entity (two halves of one name become one name).
    """
    by_segment: dict[int, list[Finding]] = {}
    for f in findings:
        by_segment.setdefault(f.segment_index, []).append(f)
    merged: list[Finding] = []
    for seg_findings in by_segment.values():
        seg_findings.sort(key=lambda f: (f.location.start, -f.location.end))
        cluster: list[Finding] = []
        cluster_end = -1
        for f in seg_findings:
            if cluster and f.location.start >= cluster_end:
                merged.extend(_resolve_cluster(cluster, segment_texts))
                cluster = []
            cluster_end = max(cluster_end, f.location.end) if cluster else f.location.end
            cluster.append(f)
        if cluster:
            merged.extend(_resolve_cluster(cluster, segment_texts))
    merged.sort(key=lambda f: (f.segment_index, f.location.start))
    return merged


def _resolve_cluster(cluster: list[Finding], segment_texts: Sequence[str]) -> list[Finding]:
    """Greedy by priority: the best finding wins its characters; a finding of the same
    entity that overlaps it widens it; others that overlap a winner are dropped, and
    findings that overlap no winner are kept (a date beside a longer name stays)."""
    if len(cluster) == 1:
        return cluster
    ranked = sorted(
        cluster,
        key=lambda f: (f.severity.rank, f.score, f.location.end - f.location.start),
        reverse=True,
    )
    winners: list[Finding] = []
    for f in ranked:
        hits = [i for i, w in enumerate(winners) if _spans_overlap(f, w)]
        if not hits:
            winners.append(f)
        elif all(winners[i].entity == f.entity for i in hits):
            merged = winners[hits[0]]
            for i in (*hits[1:], None):
                merged = _widen(merged, f if i is None else winners[i], segment_texts)
            winners = [w for i, w in enumerate(winners) if i not in hits[1:]]
            winners[hits[0]] = merged
    # A widened winner can now overlap another winner: keep the earlier (higher) one.
    kept: list[Finding] = []
    for w in winners:
        if not any(_spans_overlap(w, k) for k in kept):
            kept.append(w)
    return kept


def _spans_overlap(a: Finding, b: Finding) -> bool:
    return a.location.start < b.location.end and b.location.start < a.location.end


def _widen(best: Finding, other: Finding, segment_texts: Sequence[str]) -> Finding:
    start = min(best.location.start, other.location.start)
    end = max(best.location.end, other.location.end)
    if (start, end) == (best.location.start, best.location.end):
        return best
    text = segment_texts[best.segment_index]
    loc = replace(best.location, start=start, end=end)
    if loc.char_start is not None:
        offset = loc.char_start - best.location.start
        loc = replace(loc, char_start=start + offset, char_end=end + offset)
    return best.with_(location=loc, text=text[start:end], context=make_context(text, start, end))
