"""Documents as text segments that know their place in the file.

A Segment is one paragraph-like unit of text from one place (a body paragraph, a
footnote, a comment, a document property...). Its `spans` map every character back to
the XML text node (or attribute) it came from, so a later stage can anchor a comment on,
or replace, exactly those characters. Characters no span covers are synthetic (a tab, a
line break, a space joining two deleted runs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

TEXT_SUFFIXES = (".txt", ".md")
DOCX_SUFFIXES = (".docx", ".docm")
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES + PDF_SUFFIXES


@dataclass
class TextSpan:
    """Characters [start, end) of a segment come from `node` (an lxml element).

    The characters are node.text[offset : offset + (end - start)], or, when `attr` is
    set, node.get(attr)[offset : ...]. `kind` overrides the segment's kind for these
    characters (a tracked insertion inside a body paragraph).
    """

    start: int
    end: int
    node: Any
    offset: int = 0
    attr: str | None = None
    kind: str | None = None


@dataclass
class Segment:
    text: str
    part: str
    kind: str
    paragraph: int
    label: str
    spans: list[TextSpan] = field(default_factory=list)
    char_start: int | None = None  # txt/md: offset of text[0] in the file
    # Why a reader of the page does not see this text ("white text", "text smaller than
    # 3 pt", "shape positioned off the page"...), when formatting hides it; else None.
    hidden_by: str | None = None

    def kind_at(self, start: int, end: int) -> str:
        """The kind of characters [start, end): a span's own kind when all of them share it."""
        kinds = {
            s.kind or self.kind for s in self.spans if s.start < end and start < s.end
        }
        return kinds.pop() if len(kinds) == 1 else self.kind

    def spans_in(self, start: int, end: int) -> list[TextSpan]:
        return [s for s in self.spans if s.start < end and start < s.end]


@dataclass
class Document:
    path: Path
    format: str  # "docx", "docm", "pdf", "txt", "md"
    segments: list[Segment]
    package: Any = None  # redactcheck.package.Package for DOCX, else None
    notes: list[str] = field(default_factory=list)  # e.g. "macro-enabled (.docm): macros not run"

    @property
    def words(self) -> int:
        """Words a reader sees: body-like segments, not properties or link targets."""
        return sum(
            len(s.text.split())
            for s in self.segments
            if s.kind not in ("property", "hyperlink", "alt_text")
        )


def load(path: str | Path) -> Document:
    """Read a .docx/.docm/.pdf/.txt/.md file into segments. Raises InputError, never
    modifies it."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a document")
    if not path.is_file():  # a FIFO, socket or device would block or never end
        raise InputError(f"{path}: not a regular file (a pipe, socket or device)")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return load_text(path)
    if suffix in DOCX_SUFFIXES:
        from .docx_reader import load_docx

        return load_docx(path)
    if suffix in PDF_SUFFIXES:
        from .pdf_reader import load_pdf

        return load_pdf(path)
    if suffix in (".doc", ".rtf", ".odt"):
        raise InputError(
            f"{path}: {suffix} files are not supported; save it as .docx in Word and check that"
        )
    raise InputError(
        f"{path}: unsupported file type {suffix or '(none)'}; use .docx, .pdf, .txt or .md"
    )


def load_text(path: Path) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not raw.strip():
        raise InputError(f"{path}: the file is empty")
    if b"\x00" in raw[:4096]:
        raise InputError(f"{path}: looks like a binary file, not UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (invalid byte at offset {exc.start}); re-save it as UTF-8"
        ) from None
    # Offsets are into the decoded text (utf-8-sig drops a BOM).
    return Document(path=path, format=path.suffix.lower().lstrip("."),
                    segments=split_paragraphs(text))


def split_paragraphs(text: str) -> list[Segment]:
    """One segment per paragraph (blocks separated by blank lines); offsets into `text`."""
    segments: list[Segment] = []
    bounds = [0]
    for sep in _BLANK_LINE.finditer(text):
        bounds += [sep.start(), sep.end()]
    bounds.append(len(text))
    for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
        chunk = text[lo:hi]
        stripped = chunk.strip()
        if not stripped:
            continue
        start = lo + chunk.index(stripped)
        n = len(segments) + 1
        segments.append(
            Segment(text=stripped, part="text", kind="body", paragraph=n,
                    label=f"Paragraph {n}", char_start=start)
        )
    return segments


_BLANK_LINE = re.compile(r"\r?\n[ \t]*(?:\r?\n[ \t]*)+")
