"""Decisions about findings, kept between checks (a baseline, as detect-secrets keeps one).

A baseline file records findings by fingerprint (`Finding.id`: a hash of the entity, the
normalised text and a few words of context), never by their text, so it can be committed
beside the drafts. Each entry has a status: `accepted` (a person decided it may stay: a
declared pseudonym, the board's own chair, a public official) or `rejected` (it must go),
who decided, when and why. `check --baseline FILE` marks accepted findings in every report
and fails only on the others; `redact --decisions FILE` leaves accepted findings in the
copy. The same file is what the HTML report's "Save decisions" button downloads.

Format (JSON, version 1):

    {"version": 1, "tool": "redactcheck 0.1.0", "updated": "2026-12-02T16:00:00+00:00",
     "entries": [{"fingerprint": "3f2a…", "entity": "PERSON", "severity": "high",
                  "file": "draft.docx", "place": "body", "status": "accepted",
                  "by": "J. Reviewer", "when": "2026-12-02T16:00:00+00:00",
                  "why": "the board's independent chair, named by choice"}]}
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from . import __version__
from .errors import ConfigError
from .findings import Finding
from .io import write_atomic

STATUSES = ("accepted", "rejected", "pending")
VERSION = 1


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    entity: str
    severity: str
    file: str
    place: str  # the kind of place (body, comment, header ...), never its label
    status: str = "pending"
    by: str = ""
    when: str = ""
    why: str = ""


@dataclass(frozen=True)
class Baseline:
    entries: tuple[Entry, ...] = ()

    def status_of(self, fingerprint: str) -> str | None:
        entry = self.lookup().get(fingerprint)
        return entry.status if entry else None

    def lookup(self) -> dict[str, Entry]:
        return {e.fingerprint: e for e in self.entries}

    def accepted(self) -> frozenset[str]:
        return frozenset(e.fingerprint for e in self.entries if e.status == "accepted")

    def with_entry(self, entry: Entry) -> Baseline:
        kept = [e for e in self.entries if e.fingerprint != entry.fingerprint]
        return Baseline(tuple([*kept, entry]))

    def to_json(self) -> str:
        data = {"version": VERSION, "tool": f"redactcheck {__version__}", "updated": now(),
                "entries": [asdict(e) for e in self.entries]}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def save(self, path: Path) -> None:
        # Owner-only: fingerprints are not text, but the decisions themselves are private.
        write_atomic(path, self.to_json(), private=True)


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def entry_for(finding: Finding, file: str, status: str = "pending", by: str = "",
              why: str = "") -> Entry:
    return Entry(fingerprint=finding.id, entity=finding.entity,
                 severity=finding.severity.value, file=file, place=finding.location.kind,
                 status=status, by=by, when=now() if status != "pending" else "", why=why)


def build(documents: Iterable[tuple[str, list[Finding]]], status: str = "pending",
          by: str = "", why: str = "", previous: Baseline | None = None) -> Baseline:
    """A baseline of every finding; decisions already in `previous` are kept."""
    if status not in STATUSES:
        raise ConfigError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    old = previous.lookup() if previous else {}
    entries: dict[str, Entry] = {}
    for file, findings in documents:
        for f in findings:
            if f.id in entries:
                continue
            entries[f.id] = old.get(f.id) or entry_for(f, file, status, by, why)
    return Baseline(tuple(entries.values()))


def load(path: Path) -> Baseline:
    """Read a baseline or decisions file; a missing or malformed one is a one-line error."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a redactcheck baseline ({type(exc).__name__})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{path}: not a redactcheck baseline (no 'entries' list)")
    if data.get("version", VERSION) > VERSION:
        raise ConfigError(f"{path}: baseline version {data['version']} is newer than this "
                          "redactcheck understands; upgrade redactcheck")
    entries = []
    names = set(Entry.__dataclass_fields__)
    for raw in data["entries"]:
        if not isinstance(raw, dict) or not isinstance(raw.get("fingerprint"), str):
            raise ConfigError(f"{path}: an entry has no fingerprint")
        status = raw.get("status", "pending")
        if status not in STATUSES:
            raise ConfigError(f"{path}: unknown status {status!r} (use "
                              f"{', '.join(STATUSES)})")
        values = {k: str(v) for k, v in raw.items() if k in names}
        values.setdefault("entity", "")
        values.setdefault("severity", "")
        values.setdefault("file", "")
        values.setdefault("place", "")
        entries.append(Entry(**values))
    return Baseline(tuple(entries))


def mark(findings: list[Finding], baseline: Baseline) -> list[Finding]:
    """The findings with `extra["baseline"]` set to their decision, where there is one."""
    lookup = baseline.lookup()
    out = []
    for f in findings:
        entry = lookup.get(f.id)
        if entry is None or entry.status == "pending":
            out.append(f)
            continue
        extra = {**f.extra, "baseline": entry.status}
        for key in ("why", "by", "when"):  # kept, so a re-saved decision keeps who and when
            if getattr(entry, key):
                extra[f"baseline_{key}"] = getattr(entry, key)
        out.append(replace(f, extra=extra))
    return out


def is_accepted(finding: Finding) -> bool:
    return finding.extra.get("baseline") == "accepted"
