"""The proof a redacted copy must pass before it is kept.

Two independent checks on the written bytes:

1. re-read the copy with `redactcheck.document.load` and re-check it with the same
   analyzer and policy: nothing at or above the threshold may be found, other than what
   the user chose to keep (rare details, exact ages) and our own replacement labels;
2. search every member of the package for every string that was removed: XML parts as
   their text with tags stripped (so a name split over runs is still found) and as their
   attribute values; other members (images, binaries) byte-wise in UTF-8 and UTF-16.

The search does not use the reader's walk or lxml (only its plain HTML/RTF/PNG text
decoders), so a reader bug cannot hide a leak.
Embedded packages are opened and searched too; a part that cannot be opened (or is
searched only byte by byte) is named by `unsearched_parts`, and the statement the
redact command prints names it instead of claiming it was searched.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from . import policy
from .document import Document, load
from .docx_reader import decode_text, png_text_chunks, rtf_text
from .findings import Finding, Severity, normalise
from .package import MAX_TOTAL_UNCOMPRESSED, OLE_MAGIC

# Tags whose boundary separates words: paragraphs, cells, breaks, tabs, notes, comments.
_SEPARATING = frozenset({
    "p", "tab", "br", "cr", "tc", "tr", "txbxContent", "footnote", "endnote", "comment",
    "ptab", "lpstr", "lpwstr", "property",
})
_TAG = re.compile(
    r"<(/?)([A-Za-z_][\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|<!--.*?-->|<\?.*?\?>",
    re.DOTALL,
)
_ATTR = re.compile(r"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
# Words that may sit next to our labels in a finding without being anyone's detail.
_FILLER = frozenset({"the", "a", "an", "and", "of", "s", "mr", "mrs", "ms", "miss", "mx", "dr"})
MIN_NEEDLE = 3


@dataclass(frozen=True)
class Leak:
    """A removed string, or a finding, that is still in the copy."""

    part: str
    where: str  # "Paragraph 3", "attribute Target", "binary part"
    what: str  # "'Donna Morris' (removed PERSON)" or "PERSON 'Donna' found by re-check"

    def __str__(self) -> str:
        return f"{self.part} ({self.where}): {self.what}"


def true_labels(replacements: Iterable[str], removed: Iterable[str]) -> list[str]:
    """Replacements that hold none of the removed strings. Only these may excuse a
    finding or a search hit: a replacement that kept the original text ("Donna Morris" →
    "Donna Morris") must not certify itself."""
    pats = [_pattern(r) for r in {normalise(t) for t in removed}
            if len(r.replace(" ", "")) >= MIN_NEEDLE]
    return [r for r in dict.fromkeys(replacements)
            if r and not any(p.search(normalise(r)) for p in pats)]


def needles(removed: Iterable[str], replacements: Iterable[str]) -> list[str]:
    """Strings to search for: unique, at least 3 characters, not one of our labels."""
    labels = [normalise(r) for r in replacements if r]
    out: dict[str, str] = {}
    for text in removed:
        norm = normalise(text)
        if len(norm.replace(" ", "")) < MIN_NEEDLE or any(
            _pattern(norm).search(label) for label in labels
        ):
            continue
        out.setdefault(norm, text.strip())
    return list(out.values())


def _pattern(needle: str) -> re.Pattern[str]:
    words = normalise(needle).split()
    body = r"\s+".join(re.escape(w) for w in words)
    # Word boundaries stop "Ann" matching "annual", but not "Ann's".
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _bytes_pattern(needle: str, encoding: str) -> re.Pattern[bytes]:
    raw = re.escape(needle.encode(encoding))
    if encoding == "utf-8":
        return re.compile(rb"(?<![A-Za-z0-9])" + raw + rb"(?![A-Za-z0-9])", re.IGNORECASE)
    return re.compile(raw, re.IGNORECASE)


def xml_texts(raw: bytes) -> tuple[str, list[tuple[str, str]]]:
    """(text with tags stripped, [(attribute name, value)]) of one XML part."""
    text = raw.decode("utf-8", errors="replace")
    attrs: list[tuple[str, str]] = []

    def strip(m: re.Match[str]) -> str:
        if m.group(2) is None:
            return ""
        for name, dq, sq in _ATTR.findall(m.group(3) or ""):
            value = html.unescape(dq or sq)
            attrs.append((name, value))
            if "%" in value:
                attrs.append((name, unquote(value)))
        local = m.group(2).rsplit(":", 1)[-1]
        return " " if local in _SEPARATING else ""

    stripped = html.unescape(_TAG.sub(strip, text))
    return stripped.replace("\u2019", "'"), attrs


def find_leaks(data: bytes, strings: Sequence[str], document: Document | None = None
               ) -> list[Leak]:
    """Every place in the package (zip bytes) or text file where a string still occurs.

    Embedded packages are opened and searched member by member ("outer!inner" names);
    HTML and RTF parts are also searched as their text, PNG text chunks decompressed.
    """
    if not strings:
        return []
    patterns = [(s, _pattern(s)) for s in strings]
    if not data.startswith(b"PK"):
        text = data.decode("utf-8-sig", errors="replace").replace("\u2019", "'")
        return [Leak("text", _label(document, "text", s), f"{s!r} (removed) remains")
                for s, pat in patterns if pat.search(text)]
    leaks: list[Leak] = []
    _search_zip(data, patterns, "", document, leaks, [], 0)
    return leaks


def unsearched_parts(data: bytes) -> list[str]:
    """Parts of the package the search could not fully open, each with the reason; the
    proof's statement must name them instead of claiming them searched."""
    out: list[str] = []
    if data.startswith(b"PK"):
        _search_zip(data, [], "", None, [], out, 0)
    return out


def _search_zip(data: bytes, patterns: list[tuple[str, re.Pattern[str]]], prefix: str,
                document: Document | None, leaks: list[Leak], unsearched: list[str],
                depth: int) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        unsearched.append(f"{prefix.rstrip('!') or 'the package'} (not a readable zip;"
                          " searched byte by byte only)")
        return
    with zf:
        infos = zf.infolist()
        if sum(i.file_size for i in infos) > MAX_TOTAL_UNCOMPRESSED:
            unsearched.append(f"{prefix.rstrip('!')} (too large to unpack)")
            return
        for info in infos:
            name = prefix + info.filename
            for s, pat in patterns:
                if pat.search(info.filename):
                    leaks.append(Leak(name, "part name", f"{s!r} (removed) remains"))
            try:
                raw = zf.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                    NotImplementedError, RuntimeError):
                unsearched.append(f"{name} (could not be unpacked)")
                continue
            _search_member(name, raw, patterns, document if not prefix else None, leaks,
                           unsearched, depth)


def _search_member(name: str, raw: bytes, patterns: list[tuple[str, re.Pattern[str]]],
                   document: Document | None, leaks: list[Leak], unsearched: list[str],
                   depth: int) -> None:
    low = name.lower()
    if low.endswith(_XML_SUFFIXES):
        text, attrs = xml_texts(raw)
        for s, pat in patterns:
            if pat.search(text):
                leaks.append(Leak(name, _label(document, name, s), f"{s!r} (removed) remains"))
            hit = next((a for a, v in attrs if pat.search(v.replace("\u2019", "'"))), None)
            if hit is not None:
                leaks.append(Leak(name, f"attribute {hit}", f"{s!r} (removed) remains"))
        return
    if raw.startswith(b"PK\x03\x04"):
        if depth >= 4:
            unsearched.append(f"{name} (a package nested too deep to open)")
        else:
            _search_zip(raw, patterns, name + "!", None, leaks, unsearched, depth + 1)
            return
    views: list[tuple[str, str]] = []  # (where, text)
    head = raw[:2048].lstrip()
    if head[:5].lower() == b"{\\rtf":
        views.append(("RTF text", rtf_text(raw.decode("latin-1"))))
    elif head[:1] == b"<" or b"mime-version" in head.lower():
        views.append(("text with tags stripped", decode_text(raw)[1]))
    if raw.startswith(b"\x89PNG"):
        views += [("PNG text chunk", f"{k} {v}") for k, v in png_text_chunks(raw)]
    elif raw.startswith(OLE_MAGIC) or raw.startswith(b"%PDF"):
        unsearched.append(f"{name} ({'OLE object' if raw.startswith(OLE_MAGIC) else 'PDF'}:"
                          " searched byte by byte only, compressed streams not opened)")
    for s, pat in patterns:
        where = next((w for w, t in views if pat.search(t.replace("\u2019", "'"))), None)
        if where is None and any(_bytes_pattern(s, enc).search(raw)
                                 for enc in ("utf-8", "utf-16-le")):
            where = "binary part"
        if where is not None:
            leaks.append(Leak(name, where, f"{s!r} (removed) remains"))


def _label(document: Document | None, part: str, needle: str) -> str:
    """The reader's label of the first segment of `part` holding the string, if any."""
    if document is not None:
        pat = _pattern(needle)
        for seg in document.segments:
            if seg.part == part and pat.search(seg.text.replace("\u2019", "'")):
                return seg.label
    return "text outside the paragraphs read"


def is_label_only(text: str, replacements: Iterable[str]) -> bool:
    """True when a finding's text is made of our own replacement labels ("Person A and
    Person B", "the [SCHOOL]"): the re-check may flag them, but they identify nobody."""
    rest = normalise(text)
    labels = sorted({normalise(r) for r in replacements if r}, key=len, reverse=True)
    core = re.sub(r"'s$", "", rest).strip()
    if core and any(_pattern(core).search(label) for label in labels):
        return True  # a piece of a label: "Area" of "Area 2"
    for label in labels:
        rest = rest.replace(label, " ")
    words = [w for w in re.split(r"[\s'.,;:()\-–]+", rest) if w]
    return all(w in _FILLER for w in words)


def recheck(path: Path, analyzer, config, threshold: Severity, kept_entities: frozenset[str],
            replacements: Iterable[str], accepted: frozenset[tuple[str, str]] = frozenset()
            ) -> tuple[Document, list[Finding]]:
    """Load the copy and return findings at or above the threshold that should not be there
    (`accepted`: (entity, normalised text) a reviewer decided may stay)."""
    document = load(path)
    findings = policy.apply(analyzer.analyze(document), config, document)
    labels = list(replacements)
    remaining = [
        f for f in findings
        if f.severity.rank >= threshold.rank
        and f.entity not in kept_entities
        and f.entity != "JIGSAW_RISK"
        and not is_label_only(f.text, labels)
        and (f.entity, normalise(f.text)) not in accepted
    ]
    return document, remaining


def prove(path: Path, data: bytes, removed: Iterable[str], analyzer, config,
          threshold: Severity, kept_entities: frozenset[str], replacements: Sequence[str],
          accepted: frozenset[tuple[str, str]] = frozenset()) -> list[Leak]:
    """All the reasons the copy at `path` (holding `data`) must not be kept; [] if none."""
    removed = list(removed)
    replacements = true_labels(replacements, removed)
    document, remaining = recheck(path, analyzer, config, threshold, kept_entities, replacements,
                                  accepted)
    problems = [
        Leak(f.location.part, f.location.label,
             f"{f.entity} {f.text!r} found by the re-check ({f.severity.value})")
        for f in remaining
    ]
    problems += find_leaks(data, needles(removed, replacements), document)
    return problems
