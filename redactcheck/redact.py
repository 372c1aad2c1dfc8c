"""`redactcheck redact`: a redacted copy that is re-read and re-checked before it is kept.

Flow: load → analyse → policy → plan (a replacement for every finding at or above the
threshold, plus every other occurrence of the same strings) → edit (DOCX: run-level edits
and hidden-content removal in redact_docx.py; text: presidio-anonymizer) → write a temp
file next to the output → proof.py (re-check + search every part for every removed
string) → rename. If the proof fails the temp file is deleted and nothing is left behind.

The tool never says the copy is anonymised: it says what it removed and that the copy
was re-checked. A person must still read it.
"""

from __future__ import annotations

import calendar
import functools
import json
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from . import __version__, policy
from .config import Config
from .document import DOCX_SUFFIXES, TEXT_SUFFIXES, Document, load
from .entities import entity_type
from .errors import EXIT_FINDINGS, ConfigError, RedactcheckError
from .findings import Finding, Severity, normalise
from .io import copy_mode, same_file, write_atomic
from .textsafe import printable

STYLES = ("tag", "pseudonym")
AGE_BANDS = ("under 1", "1–4", "5–10", "11–15", "16–17", "adult")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"})
_SCHOOL = re.compile(r"\b(?:school|academy|college|primary|secondary|infants?|juniors?)\b",
                     re.IGNORECASE)
_POSSESSIVE = re.compile(r"(['’])s$")
_KNOWN_KINDS = {  # a known-identifier's category → how pseudonym style treats it
    "person": "PERSON", "name": "PERSON", "people": "PERSON",
    "school": "SCHOOL", "institution": "INSTITUTION", "address": "ADDRESS",
    "place": "LOCATION_SMALL", "location": "LOCATION_SMALL",
}
_PSEUDONYM_NOUNS = {
    "SCHOOL": "School", "INSTITUTION": "Institution", "ADDRESS": "Address",
    "LOCATION_SMALL": "Area", "LOCATION": "Place",
}
PROOF_SENTENCE = ("The copy was re-read and re-checked: no findings at or above {sev}; "
                  "no removed string remains in any part.")


class ProofFailed(RedactcheckError):
    """The copy still holds something it should not: exit 1, no file kept."""

    exit_code = EXIT_FINDINGS
    multiline = True  # one line per thing that remains, each escaped when printed


@dataclass(frozen=True)
class RedactOptions:
    style: str = "tag"
    min_severity: Severity = Severity.MEDIUM
    keep_comments: bool = False
    keep_revisions: bool = False
    redact_rare: bool = False
    generalise_ages: bool = False
    # (entity, normalised text) of findings a reviewer accepted (`--decisions`): left in the
    # copy and not held against it by the re-check.
    accepted: frozenset[tuple[str, str]] = frozenset()

    @property
    def kept_entities(self) -> frozenset[str]:
        """Entities shown to the user but left in the text (they need human judgement)."""
        kept = set()
        if not self.redact_rare:
            kept.add("RARE_DETAIL")
        if not self.generalise_ages:
            kept.add("AGE_EXACT")
        return frozenset(kept)


@dataclass(frozen=True)
class Change:
    """One replacement, for the log."""

    part: str
    label: str
    paragraph: int
    kind: str
    entity: str
    original: str
    replacement: str

    def to_dict(self) -> dict:
        return {"part": self.part, "label": self.label, "paragraph": self.paragraph,
                "kind": self.kind, "entity": self.entity, "original": self.original,
                "replacement": self.replacement}


@dataclass
class RedactReport:
    source: Path
    output: Path
    options: RedactOptions
    changes: list[Change] = field(default_factory=list)
    marked: list[Finding] = field(default_factory=list)  # kept for a person to judge
    hidden: Counter = field(default_factory=Counter)
    log: Path | None = None
    unsearched: list[str] = field(default_factory=list)  # parts the proof could not open
    # What `check` on the copy (same threshold) still fails on: left for a person to judge.
    left: list[str] = field(default_factory=list)

    def counts(self) -> Counter:
        return Counter(c.entity for c in self.changes)

    def summary_lines(self) -> list[str]:
        opts = self.options
        lines = [f"Wrote {self.output} (a redacted copy of {self.source})."]
        counts = self.counts()
        if counts:
            parts = ", ".join(f"{entity_type(e).title} {n}" for e, n in counts.most_common())
            lines.append(f"Replaced {sum(counts.values())}: {parts}.")
        else:
            lines.append(f"Nothing at or above {opts.min_severity.value} needed replacing.")
        accepted = [f for f in self.marked if f.extra.get("baseline") == "accepted"]
        if accepted:
            lines.append(f"Accepted by a reviewer's decision, left in: {len(accepted)}:")
            lines += [f"  - {f.location.label}: {f.entity} {f.text!r}" for f in accepted]
        for entity, hint in (("RARE_DETAIL", "--redact-rare"), ("AGE_EXACT", "--generalise-ages")):
            kept = [f for f in self.marked if f.entity == entity
                    and f.extra.get("baseline") != "accepted"]
            if kept:
                lines.append(f"{entity_type(entity).title}: {len(kept)} marked, not removed "
                             f"(a person must judge them; {hint} replaces them):")
                lines += [f"  - {f.location.label}: {f.text!r}" for f in kept]
        if self.hidden:
            lines.append("Hidden content removed: " + ", ".join(
                f"{name} ({n})" for name, n in sorted(self.hidden.items())) + ".")
        if opts.keep_comments or opts.keep_revisions:
            kept = [w for w, on in (("comments", opts.keep_comments),
                                    ("tracked changes", opts.keep_revisions)) if on]
            lines.append(f"Kept {' and '.join(kept)} as asked; their text was redacted and "
                         "re-checked like the body.")
        proof = PROOF_SENTENCE.format(sev=opts.min_severity.value)
        if self.marked:
            proof = proof.replace("; no removed", " beyond the details marked above; no removed")
        if self.unsearched:
            proof = proof.replace("in any part.", "in any part searched. NOT fully searched: "
                                  + "; ".join(self.unsearched) + ": check by hand.")
        if self.left:
            proof = (f"The copy was re-read and re-checked: `redactcheck check` on it would "
                     f"still exit 1 (at {opts.min_severity.value}); left for a person:")
            lines.append(proof)
            lines += [f"  - {item}" for item in self.left]
        else:
            lines.append(proof)
        if self.log is not None:
            lines.append(f"Log of every change written to {self.log} (owner-only): it holds the "
                         "removed text, so keep it as securely as the draft.")
        lines.append("A person must still read the copy before it is shared.")
        return lines

    def log_data(self) -> dict:
        return {
            "tool": {"name": "redactcheck", "version": __version__},
            "source": str(self.source),
            "output": str(self.output),
            "style": self.options.style,
            "min_severity": self.options.min_severity.value,
            "changes": [c.to_dict() for c in self.changes],
            "marked": [{"part": f.location.part, "label": f.location.label,
                        "entity": f.entity, "text": f.text} for f in self.marked],
            "hidden_removed": dict(sorted(self.hidden.items())),
        }


# ------------------------------------------------------------------ replacements
def age_band(extra: dict, text: str = "") -> str | None:
    """The band for an exact age, from the recogniser's extra ({"years": n} etc.)."""
    years: float | None = None
    if "years" in extra:
        years = float(extra["years"])
    elif "months" in extra:
        years = float(extra["months"]) / 12
    elif "weeks" in extra or "days" in extra:
        years = 0.0
    else:
        m = re.search(r"\d+", text)
        if m is None:
            return None
        years = float(m.group())
    if years < 1:
        return AGE_BANDS[0]
    for band, top in zip(AGE_BANDS[1:5], (4, 10, 15, 17), strict=True):
        if years <= top:
            return band
    return AGE_BANDS[5]


def month_year(finding: Finding) -> str | None:
    """"June 2015" for an exact date (from the recogniser's extra, else parsed)."""
    extra = finding.extra or {}
    if extra.get("month_year"):
        return str(extra["month_year"])
    iso = extra.get("iso")
    if isinstance(iso, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        d = date.fromisoformat(iso)
        return f"{calendar.month_name[d.month]} {d.year}"
    if extra.get("month"):  # a day and month without a year: keep the month only
        return str(extra["month"])
    import dateparser  # slow import; only for findings without the recogniser's extra

    parsed = dateparser.parse(finding.text, languages=["en"],
                              settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                                        "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        return None
    return f"{calendar.month_name[parsed.month]} {parsed.year}"


def _person_tokens(text: str) -> list[str]:
    norm = _POSSESSIVE.sub("", normalise(text))
    tokens = [t for t in re.split(r"[\s.]+", norm) if t]
    while len(tokens) > 1 and tokens[0] in _TITLES:
        tokens = tokens[1:]
    return tokens


def _first_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


class Pseudonyms:
    """Consistent role-free labels: the same person is the same "Person X" everywhere."""

    def __init__(self, findings: list[Finding]) -> None:
        self.person: dict[str, str] = {}  # normalised mention → label
        self.other: dict[tuple[str, str], str] = {}
        self._people(sorted((f for f in findings if self.category(f) == "PERSON"),
                            key=_order))

    @staticmethod
    def category(f: Finding) -> str:
        if f.entity == "KNOWN":
            kind = str((f.extra or {}).get("category") or (f.extra or {}).get("kind") or "")
            return _KNOWN_KINDS.get(kind.lower(), "KNOWN")
        if f.entity == "INSTITUTION" and _is_school(f):
            return "SCHOOL"
        return f.entity

    def _people(self, mentions: list[Finding]) -> None:
        # Full names first (in document order), so "Morris" and "D. Morris" find "Donna Morris".
        clusters: list[dict] = []
        key_cluster: dict[str, dict] = {}
        full = [m for m in mentions if len(_person_tokens(m.text)) > 1]
        single = [m for m in mentions if len(_person_tokens(m.text)) <= 1]
        for m in full + single:
            tokens = _person_tokens(m.text)
            if not tokens:
                continue
            key = " ".join(tokens)
            if key in key_cluster:
                key_cluster[key]["first_seen"] = min(key_cluster[key]["first_seen"], _order(m))
                continue
            first = tokens[0] if len(tokens) > 1 else None
            surname = tokens[-1]
            match = None
            for c in clusters:
                if len(tokens) > 1:
                    if c["surname"] == surname and _first_compatible(first, c["first"]):
                        match = c
                        break
                elif surname in (c["surname"], c["first"]):
                    match = c
                    break
            if match is None:
                match = {"first": first, "surname": surname, "first_seen": _order(m)}
                clusters.append(match)
            else:
                if first and (match["first"] is None or len(first) > len(match["first"])):
                    match["first"] = first
                match["first_seen"] = min(match["first_seen"], _order(m))
            key_cluster[key] = match
        ordered = sorted(clusters, key=lambda c: c["first_seen"])
        labels = {id(c): f"Person {_letters(i)}" for i, c in enumerate(ordered)}
        self.person = {k: labels[id(c)] for k, c in key_cluster.items()}

    def label(self, f: Finding) -> str | None:
        cat = self.category(f)
        if cat == "PERSON":
            base = self.person.get(" ".join(_person_tokens(f.text)))
            if base is None:
                return None
            m = _POSSESSIVE.search(f.text.strip())
            return base + (f"{m.group(1)}s" if m else "")
        noun = _PSEUDONYM_NOUNS.get(cat)
        if noun is None:
            return None
        key = re.sub(r"^the ", "", _POSSESSIVE.sub("", normalise(f.text)))
        counter = (cat, key)
        if counter not in self.other:
            n = sum(1 for c, _ in self.other if c == cat) + 1
            self.other[counter] = f"{noun} {n}"
        return self.other[counter]


def _order(f: Finding) -> tuple[int, int]:
    return (f.segment_index, f.location.start)


def _letters(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(ord("A") + r) + out
    return out


def _is_school(f: Finding) -> bool:
    extra = f.extra or {}
    if str(extra.get("category", extra.get("kind", ""))).lower() == "school":
        return True
    return bool(_SCHOOL.search(f.text))


def replacement_for(f: Finding, options: RedactOptions, pseudonyms: Pseudonyms | None) -> str:
    """The text that takes the finding's place in the copy."""
    if f.entity == "DATE_EXACT":
        return month_year(f) or entity_type("DATE_EXACT").tag
    if f.entity == "AGE_EXACT":
        band = age_band(f.extra or {}, f.text)
        # "[age band 11–15]": a band the age recogniser does not read as an exact age.
        return f"[age band {band}]" if band else entity_type("AGE_EXACT").tag
    if options.style == "pseudonym" and pseudonyms is not None:
        label = pseudonyms.label(f)
        if label is not None:
            return label
    if f.entity == "INSTITUTION" and _is_school(f):
        return "[SCHOOL]"
    return entity_type(f.entity).tag


# ------------------------------------------------------------------------- plan
@dataclass
class Plan:
    replace: list[tuple[Finding, str]]
    marked: list[Finding]

    @property
    def replacements(self) -> list[str]:
        return sorted({r for _, r in self.replace})

    @property
    def removed(self) -> list[str]:
        """Strings the proof searches for. A string that is part of a detail the user
        keeps (a rare detail "nine children" vs a removed "Children") is left out: it
        stays in the copy on purpose, and the summary lists it."""
        from .proof import _pattern

        kept = [normalise(f.text) for f in self.marked]
        return [f.text for f, _ in self.replace
                if not any(_pattern(normalise(f.text)).search(k) for k in kept)]


def plan(document: Document, findings: list[Finding], options: RedactOptions) -> Plan:
    """What to replace and with what; kept findings are listed as `marked`."""
    chosen: list[Finding] = []
    marked: list[Finding] = []
    for f in findings:
        if f.segment_index < 0 or f.entity == "JIGSAW_RISK" or not f.text.strip():
            continue
        if f.severity.rank < options.min_severity.rank:
            continue
        if f.entity in options.kept_entities or f.extra.get("baseline") == "accepted":
            marked.append(f)
            continue
        chosen.append(f)
    chosen = [whole_name(document, f) for f in chosen]
    chosen += _other_occurrences(document, chosen, marked, name_parts(chosen))
    pseudonyms = Pseudonyms(chosen) if options.style == "pseudonym" else None
    pairs = [_month_takes_in(document, f, replacement_for(f, options, pseudonyms))
             for f in chosen]
    return Plan(replace=pairs, marked=marked)


_ON_BEFORE = re.compile(r"\b([Oo])n\s+$")


def _month_takes_in(document: Document, f: Finding, replacement: str) -> tuple[Finding, str]:
    """"on 14 August 2015" becomes "in August 2015", not "on August 2015": a generalised
    date takes the preposition of a month."""
    if f.entity != "DATE_EXACT" or replacement.startswith("["):
        return f, replacement
    segment = document.segments[f.segment_index]
    lo = max(0, f.location.start - 8)
    m = _ON_BEFORE.search(segment.text[lo:f.location.start])
    if m is None:
        return f, replacement
    start = lo + m.start()
    shift = f.location.start - start
    loc = replace(f.location, start=start,
                  char_start=None if f.location.char_start is None
                  else f.location.char_start - shift)
    preposition = "In" if m.group(1) == "O" else "in"
    return f.with_(location=loc, text=segment.text[start:f.location.end]), \
        f"{preposition} {replacement}"


# A capitalised word beside a found name is part of it ("[NAME] Surname" must not stay),
# unless it is one of the review's own words (a month, weekday, title or role) or a word
# that starts a clause.
_NEIGHBOUR = re.compile(r"[A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)*")
_NOT_NAME = frozenset({
    "the", "a", "an", "and", "or", "but", "in", "on", "at", "to", "of", "for", "from", "with",
    "by", "he", "she", "they", "we", "i", "it", "his", "her", "their", "this", "that",
    "when", "after", "before", "then", "who", "which", "said", "told", "was", "is",
})


def _not_a_name_part(word: str) -> bool:
    from .cues import MONTH_WORDS, ROLE_NOUNS, TITLES, WEEKDAY_WORDS

    key = re.sub(r"['\u2019]s$", "", word.casefold())
    return (key in _NOT_NAME or key in TITLES or key in _role_words(ROLE_NOUNS)
            or key in MONTH_WORDS or key in WEEKDAY_WORDS or len(key) < 2)


@functools.cache
def _role_words(roles: frozenset[str]) -> frozenset[str]:
    """Every word of the role nouns ("social" of "social worker"): none is a name part."""
    return frozenset(w for r in roles for w in re.split(r"[\s-]+", r))


_NUMBERING = re.compile(r"[\s\d.()ivxa-h]*")


def whole_name(document: Document, f: Finding) -> Finding:
    """A PERSON finding widened over the capitalised name words right beside it, so a
    found first name does not leave its surname ("[NAME] Surname") or a found surname its
    first name in the copy."""
    if f.entity != "PERSON" or not 0 <= f.segment_index < len(document.segments):
        return f
    from recognizers import english_words

    text = document.segments[f.segment_index].text
    start, end = f.location.start, f.location.end
    while True:  # rightwards: "Name Surname", "Name Surname-Other"
        m = re.match(r"[ \u00a0]" + _NEIGHBOUR.pattern, text[end:end + 40])
        if m is None or _not_a_name_part(m.group(0).strip()):
            break
        end += m.end()
    while True:  # leftwards, never across a sentence start or a title
        m = re.search(_NEIGHBOUR.pattern + r"[ \u00a0]$", text[max(0, start - 40):start])
        if m is None or _not_a_name_part(m.group(0).strip()) or \
                m.group(0).strip().casefold() in english_words():
            break  # "Later Name": an ordinary word before a name is not its first part
        lo = max(0, start - 40) + m.start()
        before = text[:lo].rstrip()
        if not before or before[-1] in ".!?:;\u2022(\"\u201c" or _NUMBERING.fullmatch(before):
            break  # a capitalised word that starts a sentence is not evidence
        start = lo
    if (start, end) == (f.location.start, f.location.end):
        return f
    from .findings import make_context

    loc = replace(f.location, start=start, end=end,
                  char_start=None if f.location.char_start is None
                  else f.location.char_start - (f.location.start - start),
                  char_end=None if f.location.char_end is None
                  else f.location.char_end + (end - f.location.end))
    return f.with_(location=loc, text=text[start:end], context=make_context(text, start, end))


def name_parts(chosen: list[Finding]) -> list[Finding]:
    """Each part of a removed person's name as a finding of its own text (a later "Surname"
    alone, "First's", a hyphenated half), for `_other_occurrences` to search for."""
    out: list[Finding] = []
    for f in chosen:
        if f.entity != "PERSON":
            continue
        words = re.findall(r"[^\W\d_][\w'\u2019]*(?:-[^\W\d_][\w'\u2019]*)*", f.text)
        for part in dict.fromkeys([*words, *(h for w in words if "-" in w
                                             for h in w.split("-"))]):
            part = re.sub(r"['\u2019]s$", "", part)
            if (len(part) >= MIN_NAME_PART and part[:1].isupper() and part != f.text
                    and not _not_a_name_part(part)):
                out.append(f.with_(text=part))
    return out


MIN_NAME_PART = 3


def _other_occurrences(document: Document, chosen: list[Finding], marked: list[Finding],
                       parts: list[Finding] = ()) -> list[Finding]:
    """Every other place a removed string occurs (case-insensitive, whole words), so the
    proof's search does not fail on a mention a recogniser missed (a name in a header
    without context). Matched like the proof matches, so the two agree."""
    from .proof import MIN_NEEDLE, _pattern

    taken: dict[int, list[tuple[int, int]]] = {}
    for f in (*chosen, *marked):
        taken.setdefault(f.segment_index, []).append((f.location.start, f.location.end))
    by_text: dict[str, Finding] = {}
    for f in sorted([*chosen, *parts], key=lambda f: -len(f.text)):
        key = normalise(f.text)
        if len(key.replace(" ", "")) >= MIN_NEEDLE:
            by_text.setdefault(key, f)
    extra: list[Finding] = []
    for key, model in by_text.items():
        pat = _pattern(key)
        for index, seg in enumerate(document.segments):
            text = seg.text.replace("\u2019", "'")
            for m in pat.finditer(text):
                spans = taken.setdefault(index, [])
                if any(m.start() < e and s < m.end() for s, e in spans):
                    continue
                spans.append((m.start(), m.end()))
                loc = model.location.__class__(
                    part=seg.part, kind=seg.kind_at(m.start(), m.end()), paragraph=seg.paragraph,
                    start=m.start(), end=m.end(), label=seg.label,
                    char_start=None if seg.char_start is None else seg.char_start + m.start(),
                    char_end=None if seg.char_start is None else seg.char_start + m.end(),
                )
                extra.append(model.with_(text=seg.text[m.start():m.end()], location=loc,
                                         segment_index=index,
                                         recognizer="redactcheck (same string)"))
    return extra


# ------------------------------------------------------------------------ writers
def _redact_text(raw: bytes, document: Document, pairs: list[tuple[Finding, str]]) -> bytes:
    """Plain text via presidio-anonymizer: one "replace" operator per finding."""
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    results, operators = [], {}
    for i, (f, replacement) in enumerate(pairs):
        if f.location.char_start is None:
            continue
        # A unique entity type per finding lets each carry its own replacement value and
        # stops the engine merging neighbouring findings of one type.
        key = f"F{i}"
        results.append(RecognizerResult(key, f.location.char_start, f.location.char_end, 1.0))
        operators[key] = OperatorConfig("replace", {"new_value": replacement})
    out = AnonymizerEngine().anonymize(text=text, analyzer_results=results,
                                       operators=operators).text
    return (b"\xef\xbb\xbf" if bom else b"") + out.encode("utf-8")


def _redact_docx(document: Document, pairs: list[tuple[Finding, str]], options: RedactOptions
                 ) -> tuple[bytes, Counter]:
    from .redact_docx import Cleaner, Edit, apply_edits

    edits = [Edit(f.segment_index, f.location.start, f.location.end, r) for f, r in pairs]
    links = apply_edits(document.segments, edits)
    removed: Counter = Counter()
    cleaner = Cleaner(document.package, removed)
    cleaner.neutralise_links(links)
    cleaner.sync_textbox_fallbacks()
    if not options.keep_comments:
        cleaner.comments()
    if not options.keep_revisions:
        cleaner.revisions()
    cleaner.other_parts(document)
    cleaner.hidden_text(document)
    cleaner.properties()
    cleaner.thumbnail()
    cleaner.custom_xml()
    cleaner.macros()
    return document.package.to_bytes(), removed


# --------------------------------------------------------------------------- main
def check_paths(source: Path, output: Path, log: Path | None, force: bool) -> None:
    """Refuse outputs that would damage the input or another file (exit 2, one line)."""
    suffix = source.suffix.lower()
    out_suffix = output.suffix.lower()
    if suffix == ".pdf":  # a published PDF is an export: fix the source, export again
        raise ConfigError(f"{source}: a PDF cannot be redacted here; redact the .docx and "
                          "export the PDF again")
    if suffix in DOCX_SUFFIXES and out_suffix != ".docx":
        raise ConfigError(f"{output}: the redacted copy of a Word document must be a .docx")
    if suffix in TEXT_SUFFIXES and out_suffix not in TEXT_SUFFIXES:
        raise ConfigError(f"{output}: the redacted copy of a text file must be .txt or .md")
    if same_file(source, output):
        raise ConfigError(f"{output}: refusing to overwrite the input; choose another -o")
    if output.is_dir():
        raise ConfigError(f"{output}: is a folder; give a file name for the copy")
    if output.exists() and not force:
        raise ConfigError(f"{output}: already exists; use --force to replace it")
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise ConfigError(f"{output}: folder {folder} does not exist")
    if log is not None:
        if same_file(source, log) or same_file(output, log):
            raise ConfigError(f"{log}: the log must be a different file from the input and copy")
        if log.exists() and not force:
            raise ConfigError(f"{log}: already exists; use --force to replace it")


def redact_file(source: Path, output: Path, config: Config, options: RedactOptions,
                analyzer=None, force: bool = False, log: Path | None = None,
                decisions=None) -> RedactReport:
    """Write a redacted, proven copy of `source` to `output`; raise ProofFailed if the
    copy still holds anything, leaving no file behind. The input is only read."""
    source, output = Path(source), Path(output)
    if options.style not in STYLES:
        raise ConfigError(f"--style must be one of {', '.join(STYLES)}, not {options.style!r}")
    check_paths(source, output, log, force)
    if analyzer is None:
        from .analysis import get_analyzer

        analyzer = get_analyzer(config)
    document = load(source)
    findings = policy.apply(analyzer.analyze(document), config, document)
    if decisions is not None:  # a reviewer's decisions: accepted findings stay in the copy
        from .baseline import is_accepted, mark

        findings = mark(findings, decisions)
        options = replace(options, accepted=frozenset(
            (f.entity, normalise(f.text)) for f in findings if is_accepted(f)))
    the_plan = plan(document, findings, options)
    report = RedactReport(source=source, output=output, options=options,
                          marked=the_plan.marked, log=log)
    report.changes = [
        Change(f.location.part, f.location.label, f.location.paragraph, f.location.kind,
               f.entity, f.text, r) for f, r in the_plan.replace
    ]
    if document.package is not None:
        data, report.hidden = _redact_docx(document, the_plan.replace, options)
    else:
        data = _redact_text(source.read_bytes(), document, the_plan.replace)
    report.unsearched = _prove_and_keep(data, output, the_plan, analyzer, config, options,
                                        source)
    report.left = left_for_a_person(output, analyzer, config, options)
    if log is not None:
        write_atomic(log, json.dumps(report.log_data(), indent=2, ensure_ascii=False) + "\n",
                     private=True)
    return report


def left_for_a_person(copy: Path, analyzer, config: Config, options: RedactOptions,
                      fail_on_jigsaw: str = "high") -> list[str]:
    """What `redactcheck check` on the written copy, at the redaction's threshold, would
    still exit 1 for: findings at or above it (not accepted by a reviewer) and a
    combination risk at `fail_on_jigsaw` (check's default). Empty: check exits 0."""
    from .checker import check_document
    from .jigsaw import exceeds

    result = check_document(copy, replace(config, fail_on=options.min_severity),
                            analyzer_factory=lambda _c: analyzer)
    left = [f"{f.location.label}: {f.entity} {f.text!r}" for f in result.findings
            if f.severity.rank >= options.min_severity.rank
            and (f.entity, normalise(f.text)) not in options.accepted]
    if exceeds(result.jigsaw, fail_on_jigsaw):
        jig = result.jigsaw or {}
        details = "; ".join(f"{q.get('attribute')}: {q.get('value')}"
                            for q in jig.get("quasi_identifiers", []))
        left.append(f"combination of details (risk {jig.get('band')}): {details}")
    return left


def _prove_and_keep(data: bytes, output: Path, the_plan: Plan, analyzer, config: Config,
                    options: RedactOptions, source: Path | None = None) -> list[str]:
    """Re-read and re-check the copy from a private temporary folder, then write it;
    returns the parts the search could not fully open.

    The unchecked copy never sits beside the output (a kill during the re-check would
    leave it there); the output is written atomically with the input's privacy.
    """
    from . import proof

    with tempfile.TemporaryDirectory(prefix="redactcheck-") as folder:
        # The suffix is kept so that document.load reads the temp file as what it will be.
        tmp = Path(folder) / f"copy{output.suffix}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        problems = proof.prove(tmp, data, the_plan.removed, analyzer, config,
                               options.min_severity, options.kept_entities,
                               the_plan.replacements, accepted=options.accepted)
    if problems:
        shown = "\n".join(f"  - {printable(p)}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise ProofFailed(
            f"{printable(output)}: not written: the redacted copy still holds "
            f"{len(problems)} thing(s) it should not:\n{shown}{more}"
        )
    write_atomic(output, data, private=False,
                 mode=copy_mode(source) if source is not None else None)
    return proof.unsearched_parts(data)
