"""Published PDFs → segments: the text layer with positions, the metadata, the annotations.

The PDF is what is actually published, and what a reader can copy out of it is its text
layer, not what the page looks like. Each page's content is interpreted once by
pdfminer.six (through pdfplumber); every glyph, filled shape and picture is kept in the
order it is drawn, so:

- visible text becomes one segment per paragraph block (kind "body", part "page N",
  label "Page N"), or "header"/"footer" for a block repeated in the top or bottom margin
  of most pages; each TextSpan's node is a `PdfPlace` (page and box in PDF points);
- text that a filled shape or picture drawn *after* it covers, dark text on a dark box
  drawn before it, and text under an unapplied redaction mark or a filled rectangle
  annotation, is still in the text layer: it goes into its own segment of kind
  "covered_text" next to its paragraph, and `covered_text_pass` reports every such
  segment HIGH ("covered, not removed") whatever the recognisers make of it;
- the Info dictionary and the XMP packet (Author, Title, Subject, Keywords, Creator,
  Producer, custom keys) are "property" segments, annotation comments and their authors
  "comment" segments and link targets "hyperlink" segments.

A PDF with no text on any page (a scan) cannot be checked: `InputError`, exit 3, so a CI
gate never passes a document nobody could read. Pages without text among pages with text
are named in a note. Encrypted PDFs that need a password, damaged files and files over
the limits below are one-line `InputError`s.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import Document, Segment, TextSpan
from .errors import InputError

MAX_FILE_BYTES = 200 * 1024 * 1024  # as for DOCX packages
MAX_PAGES = 2_000  # a long review is 100-300 pages
MAX_CHARS = 6_000_000  # characters in the text layer (about 3,000 dense pages)

COVERED_KIND = "covered_text"
COVERED_ENTITY = "COVERED_TEXT"

# pdfminer logs malformed-but-readable structure at WARNING; the CLI owns stderr.
for _logger in ("pdfminer", "pdfplumber"):
    logging.getLogger(_logger).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class PdfPlace:
    """Where a run of characters sits: page (1-based) and box (x0, y0, x1, y1) in PDF
    points, origin at the bottom left of the page's media box."""

    page: int
    bbox: tuple[float, float, float, float]


# ----------------------------------------------------------------- drawn objects
@dataclass(slots=True)
class _Char:
    order: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    upright: bool
    colour: float | None  # luminance 0 (black) .. 1 (white); None: unknown
    covered: str = ""  # what covers it ("a black box", "a picture"...), "" if visible


@dataclass(slots=True)
class _Shape:
    order: int
    x0: float
    y0: float
    x1: float
    y1: float
    colour: float | None
    what: str


def luminance(colour: Any) -> float | None:
    """A PDF colour (gray, RGB or CMYK components 0-1) as luminance; None if unknown."""
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, tuple | list) or not colour:
        return None
    try:
        values = [min(1.0, max(0.0, float(v))) for v in colour]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        return values[0]
    if len(values) == 3:
        r, g, b = values
        return 0.299 * r + 0.587 * g + 0.114 * b
    if len(values) == 4:
        c, m, y, k = values
        return 0.299 * (1 - c) * (1 - k) + 0.587 * (1 - m) * (1 - k) + 0.114 * (1 - y) * (1 - k)
    return None


DARK = 0.3  # luminance at or below this is a dark colour
_MIN_BOX = 2.0  # a shape thinner than this (points) is a rule or underline, not a box


def _describe(colour: float | None) -> str:
    if colour is None:
        return "a filled shape"
    if colour <= 0.12:
        return "a black box"
    if colour <= DARK:
        return "a dark box"
    if colour >= 0.95:
        return "a white box"
    return "a filled box"


Rule = tuple[float, float, float, float]


def _collect(layout, chars: list[_Char], shapes: list[_Shape],
             rules: list[Rule] | None = None) -> None:
    """Characters and filled shapes/pictures of a pdfminer page, in drawing order, and
    the rules (table borders, lines) that separate cells."""
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTRect

    stack = [iter(layout)]
    order = 0
    colours: dict = {}
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
            continue
        order += 1
        if isinstance(obj, LTChar):
            text = obj.get_text()
            if text:
                colour = getattr(getattr(obj, "graphicstate", None), "ncolor", None)
                try:
                    lum = colours[colour]
                except (KeyError, TypeError):  # TypeError: an unhashable colour value
                    lum = luminance(colour)
                    with contextlib.suppress(TypeError):
                        colours[colour] = lum
                chars.append(_Char(order, text, obj.x0, obj.y0, obj.x1, obj.y1,
                                   float(obj.size or 0.0), bool(obj.upright), lum))
        elif isinstance(obj, LTCurve):
            thin = obj.width < _MIN_BOX or obj.height < _MIN_BOX
            if obj.fill and not thin:
                colour = luminance(obj.non_stroking_color)
                shapes.append(_Shape(order, obj.x0, obj.y0, obj.x1, obj.y1, colour,
                                     _describe(colour)))
            if rules is not None and (obj.fill or obj.stroke):
                if thin:
                    rules.append((obj.x0, obj.y0, obj.x1, obj.y1))
                elif obj.stroke and isinstance(obj, LTRect):  # a cell box: its four edges
                    rules.extend(((obj.x0, obj.y0, obj.x1, obj.y0),
                                  (obj.x0, obj.y1, obj.x1, obj.y1),
                                  (obj.x0, obj.y0, obj.x0, obj.y1),
                                  (obj.x1, obj.y0, obj.x1, obj.y1)))
        elif isinstance(obj, LTImage):
            if obj.width >= _MIN_BOX and obj.height >= _MIN_BOX:
                shapes.append(_Shape(order, obj.x0, obj.y0, obj.x1, obj.y1, None,
                                     "a picture"))
        elif isinstance(obj, LTContainer):  # a form XObject (LTFigure) and the like
            stack.append(iter(obj))


def _overlap(c: _Char, s: _Shape) -> float:
    """Share of the character's box inside the shape's box."""
    w = min(c.x1, s.x1) - max(c.x0, s.x0)
    h = min(c.y1, s.y1) - max(c.y0, s.y0)
    if w <= 0 or h <= 0:
        return 0.0
    area = max((c.x1 - c.x0) * (c.y1 - c.y0), 1e-6)
    return w * h / area


_BAND = 24.0  # points: shapes are bucketed by horizontal bands for the overlap tests


def mark_covered(chars: Sequence[_Char], shapes: Sequence[_Shape]) -> None:
    """Set `covered` on characters hidden by a shape: one drawn after them over at least
    half the glyph (any opaque fill or picture), or the topmost one drawn before them when
    both it and the text are dark (black text on a black box)."""
    if not shapes or not chars:
        return
    bands: dict[int, list[_Shape]] = {}
    for s in shapes:
        for band in range(int(s.y0 // _BAND), int(s.y1 // _BAND) + 1):
            bands.setdefault(band, []).append(s)
    for c in chars:
        if c.text.isspace():
            continue
        mid = (c.y0 + c.y1) / 2
        near = bands.get(int(mid // _BAND))
        if not near:
            continue
        background: _Shape | None = None
        for s in near:
            if _overlap(c, s) < 0.5:
                continue
            if s.order > c.order:
                c.covered = s.what
                break
            if background is None or s.order > background.order:
                background = s
        if (not c.covered and background is not None and background.colour is not None
                and c.colour is not None and background.colour <= DARK
                and c.colour <= DARK):
            c.covered = f"{background.what} (dark text on a dark box)"


# ----------------------------------------------------------------------- lines
@dataclass
class _Line:
    chars: list[_Char] = field(default_factory=list)
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    size: float = 0.0
    upright: bool = True

    def add(self, c: _Char) -> None:
        if not self.chars:
            self.upright = c.upright
        self.chars.append(c)

    def close(self) -> None:
        """Bounds and size from the characters (once the line is complete)."""
        cs = self.chars
        self.x0, self.y0 = min(c.x0 for c in cs), min(c.y0 for c in cs)
        self.x1, self.y1 = max(c.x1 for c in cs), max(c.y1 for c in cs)
        self.size = max(c.size for c in cs)

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)


def _same_line(line: _Line, c: _Char) -> bool:
    last = line.chars[-1]
    if c.upright != last.upright:
        return False
    if not c.upright:  # rotated text: consecutive glyphs close together
        reach = 3 * max(last.size, c.size, 1.0)
        return abs(c.x0 - last.x0) < reach and abs(c.y0 - last.y0) < reach
    h = min(c.y1 - c.y0, last.y1 - last.y0)
    vertical = min(c.y1, last.y1) - max(c.y0, last.y0)
    if h > 0 and vertical < 0.5 * h:
        return False
    size = max(last.size, c.size, 1.0)
    return c.x0 > last.x1 - 0.5 * size and c.x0 - last.x1 < 20 * size


def _ruled_between(prev: _Char, c: _Char, upright_rules: Sequence[Rule]) -> bool:
    """A vertical rule (a table's column border) between two glyphs of one line."""
    if c.x0 - prev.x1 <= 0.1 * max(prev.size, c.size, 1.0):
        return False
    mid = (c.y0 + c.y1) / 2
    return any(prev.x1 - 0.5 <= (x0 + x1) / 2 <= c.x0 + 0.5 and y0 <= mid <= y1
               for x0, y0, x1, y1 in upright_rules)


def _twin(seen: dict[tuple, tuple[float, float]], c: _Char) -> bool:
    """True when the same glyph was drawn within a tenth of the font size of this one
    (checked in its grid cell and the three nearest); else remembers this one."""
    q = max(c.size * 0.1, 0.01)
    fx, fy = c.x0 / q, c.y0 / q
    gx, gy = int(fx), int(fy)
    nx = gx - 1 if fx - gx < 0.5 else gx + 1
    ny = gy - 1 if fy - gy < 0.5 else gy + 1
    text = c.text
    for key in ((text, gx, gy), (text, nx, gy), (text, gx, ny), (text, nx, ny)):
        p = seen.get(key)
        if p is not None and abs(p[0] - c.x0) <= q and abs(p[1] - c.y0) <= q:
            return True
    seen[(text, gx, gy)] = (c.x0, c.y0)
    return False


def _lines(chars: Iterable[_Char], rules: Sequence[Rule] = ()) -> list[_Line]:
    """Characters in drawing order → text lines, cut at a table's column borders (so a
    cell's lines make their own block). A glyph drawn again on top of itself (fake
    bold, shadow) is kept once."""
    upright_rules = [r for r in rules if r[2] - r[0] < _MIN_BOX]
    seen: dict[tuple, tuple[float, float]] = {}
    lines: list[_Line] = []
    line: _Line | None = None
    for c in chars:
        if _twin(seen, c):
            continue
        if line is not None and _same_line(line, c) and not (
                upright_rules and c.upright
                and _ruled_between(line.chars[-1], c, upright_rules)):
            line.add(c)
            continue
        line = _Line()
        line.add(c)
        lines.append(line)
    for line in lines:
        line.close()
    return lines


_BULLET = re.compile(r"^\s*(?:[•▪◦‣●○■□–—*-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")


def _blocks(lines: list[_Line], rules: Sequence[Rule] = ()) -> list[list[_Line]]:
    """Lines → paragraph blocks: a line joins the block above it when it starts just
    below it (less than ~0.7 of a line of gap), overlaps it across, has a similar size,
    no rule (a table border) lies between them and it does not start a list item."""
    across = [r for r in rules if r[3] - r[1] < _MIN_BOX]
    blocks: list[list[_Line]] = []
    for line in lines:
        if not line.text.strip():
            if blocks:
                blocks[-1].append(line)
            continue
        if blocks and _continues(blocks[-1], line, across):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _continues(block: list[_Line], line: _Line, across: Sequence[Rule] = ()) -> bool:
    last = next((ln for ln in reversed(block) if ln.text.strip()), None)
    if last is None or not (last.upright and line.upright):
        return False
    size = max(last.size, 1.0)
    if not 0.8 <= max(line.size, 1.0) / size <= 1.25:
        return False
    gap = last.y0 - line.y1  # PDF y grows upwards: the next line is lower
    if not -0.3 * size <= gap <= 0.7 * size:
        return False
    left, right = min(ln.x0 for ln in block), max(ln.x1 for ln in block)
    if line.x0 >= right or line.x1 <= left:
        return False
    for x0, y0, x1, y1 in across:  # a border under the whole line, not an underline
        if (line.y1 - 0.3 * size <= (y0 + y1) / 2 <= last.y0 + 0.3 * size
                and x0 <= line.x0 + 1
                and x1 >= line.x1 - 1):
            return False
    return not _BULLET.match(line.text)


# --------------------------------------------------------------------- segments
class _Buf:
    """Text for one segment with spans back to character runs on the page."""

    def __init__(self, page: int) -> None:
        self.page = page
        self.pieces: list[str] = []
        self.spans: list[TextSpan] = []
        self.length = 0
        self._run: list[_Char] = []
        self._run_start = 0

    def char(self, c: _Char) -> None:
        if not self._run:
            self._run_start = self.length
        self._run.append(c)
        self.pieces.append(c.text)
        self.length += len(c.text)

    def synth(self, text: str) -> None:
        self._close()
        self.pieces.append(text)
        self.length += len(text)

    def _close(self) -> None:
        if not self._run:
            return
        run = self._run
        box = (min(c.x0 for c in run), min(c.y0 for c in run),
               max(c.x1 for c in run), max(c.y1 for c in run))
        place = PdfPlace(self.page, (round(box[0], 2), round(box[1], 2), round(box[2], 2),
                                      round(box[3], 2)))
        self.spans.append(TextSpan(self._run_start, self.length, place))
        self._run = []

    def ends_with_space(self) -> bool:
        return not self.pieces or self.pieces[-1][-1:].isspace()

    def ends_with_hyphen(self) -> bool:
        text = "".join(self.pieces[-2:])
        return len(text) >= 2 and text[-1] == "-" and text[-2].isalpha()

    def finish(self) -> tuple[str, list[TextSpan]]:
        """The text (without synthetic spaces at its end) and its spans."""
        self._close()
        text = "".join(self.pieces)
        last = max((sp.end for sp in self.spans), default=0)
        return text[:max(last, len(text.rstrip()))], self.spans


def _gap(prev: _Char, c: _Char, upright_rules: Sequence[Rule] = ()) -> str:
    """What separates two glyphs on one line: nothing, a space or a tab (a wide gap, or
    a rule between them: the next table cell)."""
    if not c.upright:
        return ""
    size = max(prev.size, c.size, 1.0)
    gap = c.x0 - prev.x1
    if gap > 0.1 * size:
        mid = (c.y0 + c.y1) / 2
        for x0, y0, x1, y1 in upright_rules:
            if prev.x1 - 0.5 <= (x0 + x1) / 2 <= c.x0 + 0.5 and y0 <= mid <= y1:
                return "\t"
    if prev.text.isspace() or c.text.isspace():
        return ""
    if gap > 3 * size:
        return "\t"
    return " " if gap > 0.2 * size else ""


def _block_segments(block: list[_Line], page: int, n: int, kind: str,
                    label: str, rules: Sequence[Rule] = ()) -> list[Segment]:
    """A block's visible text as one segment, and each stretch of covered text (covered
    characters with no visible word between them) as a covered_text segment after it."""
    part = f"page {page}"
    body = _Buf(page)
    covered: list[_Buf] = []
    current: _Buf | None = None  # the covered stretch being built
    hidden_by: list[str] = []
    prev: _Char | None = None
    upright_rules = [r for r in rules if r[2] - r[0] < _MIN_BOX]
    for i, line in enumerate(block):
        for j, c in enumerate(line.chars):
            sep = _gap(prev, c, upright_rules) if j and prev is not None else ""
            if i and not j:
                sep = "" if body.ends_with_hyphen() else " "
            if c.covered:
                if current is None:
                    current = _Buf(page)
                    covered.append(current)
                    hidden_by.append(c.covered)
                elif sep and not current.ends_with_space():
                    current.synth(sep)
                current.char(c)
                if not body.ends_with_space():
                    body.synth(" ")
            else:
                if c.text.isspace():
                    if current is not None and not current.ends_with_space():
                        current.synth(" ")
                    if body.ends_with_space():  # a space after covered text is there already
                        prev = c
                        continue
                else:
                    current = None
                if sep and not body.ends_with_space():
                    body.synth(sep)
                body.char(c)
            prev = c
    out: list[Segment] = []
    text, spans = body.finish()
    if text.strip():
        out.append(Segment(text, part, kind, n, label, spans))
    for buf, what in zip(covered, hidden_by, strict=True):
        text, spans = buf.finish()
        if text.strip():
            out.append(Segment(text, part, COVERED_KIND, n,
                               f"Covered by {what}, page {page}", spans))
    return out


_DIGITS = re.compile(r"\d+")


def _margin_kinds(pages: list[tuple[float, list[list[_Line]]]]) -> dict[tuple[int, int], str]:
    """(page index, block index) → "header"/"footer" for a block in the top or bottom
    eighth of the page whose text (digits aside) recurs on two pages at least and on a
    third of them (odd and even headers differ)."""
    if len(pages) < 2:
        return {}
    where: dict[str, list[tuple[int, int, str]]] = {}
    for p, (height, blocks) in enumerate(pages):
        for b, block in enumerate(blocks):
            top = max(ln.y1 for ln in block)
            bottom = min(ln.y0 for ln in block)
            if bottom >= height * 0.875:
                kind = "header"
            elif top <= height * 0.125:
                kind = "footer"
            else:
                continue
            key = _DIGITS.sub("#", " ".join(ln.text for ln in block)).strip().casefold()
            where.setdefault(key, []).append((p, b, kind))
    out: dict[tuple[int, int], str] = {}
    for places in where.values():
        if len({p for p, _, _ in places}) >= max(2, (len(pages) + 2) // 3):
            for p, b, kind in places:
                out[(p, b)] = kind
    return out


# ------------------------------------------------------------------- annotations
def _annotations(page, page_no: int, ctm: tuple, chars: list[_Char]) -> list[Segment]:
    """Comments (and their authors) and link targets; an unapplied redaction mark or a
    filled rectangle annotation marks the characters under it as covered."""
    from pdfminer.pdftypes import resolve1

    out: list[Segment] = []
    part = f"page {page_no}"
    raw = resolve1(page.page_obj.attrs.get("Annots")) or []
    if not isinstance(raw, list):
        return out
    boxes: list[_Shape] = []
    for n, ref in enumerate(raw[:5000], 1):
        annot = resolve1(ref)
        if not isinstance(annot, dict):
            continue
        subtype = _name(annot.get("Subtype"))
        if subtype == "Widget":  # a form field: its value is text on the page
            value = _text(annot.get("V"))
            if value and value.strip():
                name = _text(annot.get("T")) or "?"
                out.append(Segment(value, part, "body", n, f"Form field {name}, page {page_no}"))
        elif subtype not in ("Link", "Popup"):
            for key, label in (("Contents", "Comment"), ("T", "Comment author")):
                value = _text(annot.get(key))
                if value and value.strip():
                    out.append(Segment(value, part, "comment", n, f"{label}, page {page_no}"))
        action = resolve1(annot.get("A"))
        if isinstance(action, dict):
            uri = _text(action.get("URI"))
            if uri and uri.strip():
                out.append(Segment(uri, part, "hyperlink", n, f"Link target, page {page_no}"))
        if subtype in ("Redact", "Square"):
            rect = _rect(annot.get("Rect"), ctm)
            if rect is None:
                continue
            if subtype == "Redact":
                what = "a redaction mark that was never applied"
            else:
                fill = luminance(resolve1(annot.get("IC")))
                if fill is None:
                    continue  # an outline only: the text shows through
                what = f"{_describe(fill)} (a rectangle annotation)"
            boxes.append(_Shape(1 << 60, *rect, None, what))
    if boxes:
        for c in chars:
            if c.covered or c.text.isspace():
                continue
            for s in boxes:
                if _overlap(c, s) >= 0.5:
                    c.covered = s.what
                    break
    # Comment replies repeat their thread; keep each distinct text once per page.
    seen: set[tuple[str, str]] = set()
    unique = []
    for seg in out:
        if (seg.label, seg.text) not in seen:
            seen.add((seg.label, seg.text))
            unique.append(seg)
    return unique


def _name(value: Any) -> str:
    name = getattr(value, "name", value)
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    return name if isinstance(name, str) else ""


def _text(value: Any) -> str | None:
    """A PDF text string (PDFDocEncoding or UTF-16 with BOM), or None."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        try:
            return decode_text(value)
        except Exception:  # noqa: BLE001 - a damaged string is skipped, not fatal
            return None
    return None


def _rect(value: Any, ctm: tuple) -> tuple[float, float, float, float] | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import apply_matrix_pt

    value = resolve1(value)
    if not isinstance(value, list) or len(value) != 4:
        return None
    try:
        x0, y0, x1, y1 = (float(resolve1(v)) for v in value)
    except (TypeError, ValueError):
        return None
    (ax, ay), (bx, by) = apply_matrix_pt(ctm, (x0, y0)), apply_matrix_pt(ctm, (x1, y1))
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def _page_ctm(page) -> tuple:
    """The matrix pdfminer puts between PDF user space and the layout's coordinates."""
    x0, y0, x1, y1 = page.page_obj.mediabox
    rotate = page.page_obj.rotate % 360
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


# ---------------------------------------------------------------------- metadata
_INFO_SKIP = frozenset({"CreationDate", "ModDate", "Trapped"})
_RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XMP_SKIP_NS = (
    "http://ns.adobe.com/xap/1.0/mm/",  # document and instance ids, history
    "http://www.aiim.org/pdfa/ns/",  # PDF/A conformance
    "http://www.aiim.org/pdfua/ns/",
    "http://ns.adobe.com/xap/1.0/sType/",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://www.w3.org/XML/1998/namespace",
    "adobe:ns:meta/",
)
_XMP_SKIP_NAMES = frozenset({"CreateDate", "ModifyDate", "MetadataDate", "format",
                             "PDFVersion", "Trapped"})
_XMP_PREFIX = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/pdfx/1.3/": "pdfx",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
}
_PDF_DATE = re.compile(r"^D:\d{8}")
_ISO_DATE = re.compile(r"^\d{4}-\d\d(?:-\d\d)?(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$")


def _metadata(pdf) -> list[Segment]:
    """Info dictionary and XMP values as property segments (a value the XMP packet
    repeats from the Info dictionary is reported once)."""
    out: list[Segment] = []
    seen: set[str] = set()
    n = 0
    for key, value in sorted(pdf.metadata.items(), key=lambda kv: _info_order(kv[0])):
        if key in _INFO_SKIP or not isinstance(value, str) or not value.strip():
            continue
        n += 1
        seen.add(" ".join(value.split()).casefold())
        out.append(Segment(value, "Info dictionary", "property", n,
                           f"Document property: {key}"))
    for label, value in _xmp_values(pdf):
        norm = " ".join(value.split()).casefold()
        if norm in seen:
            continue
        seen.add(norm)
        n += 1
        out.append(Segment(value, "XMP metadata", "property", n, f"XMP metadata: {label}"))
    return out


_INFO_ORDER = ("Author", "Title", "Subject", "Keywords", "Creator", "Producer")


def _info_order(key: str) -> tuple[int, str]:
    return (_INFO_ORDER.index(key) if key in _INFO_ORDER else len(_INFO_ORDER), key)


def _xmp_values(pdf) -> list[tuple[str, str]]:
    from lxml import etree
    from pdfminer.pdftypes import PDFStream, resolve1

    stream = resolve1(pdf.doc.catalog.get("Metadata"))
    if not isinstance(stream, PDFStream):
        return []
    try:
        data = stream.get_data()
    except Exception:  # noqa: BLE001 - a damaged packet is skipped, the page text is not
        return []
    if not data or len(data) > 4 * 1024 * 1024:
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data.strip(), parser)
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    out: list[tuple[str, str]] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr, value in el.attrib.items():
            _xmp_add(out, attr, value)
        if len(el) == 0 and el.text and el.text.strip():
            # rdf:li values belong to the property that holds them
            owner = el
            while owner is not None and _ns(owner.tag) == _RDF_NS:
                owner = owner.getparent()
            if owner is not None:
                _xmp_add(out, owner.tag, el.text)
    return out


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _xmp_add(out: list[tuple[str, str]], tag: str, value: str) -> None:
    ns = _ns(tag)
    local = tag.rsplit("}", 1)[-1]
    if not ns or ns in _XMP_SKIP_NS or local in _XMP_SKIP_NAMES or not value.strip():
        return
    value = value.strip()
    if _ISO_DATE.match(value) or _PDF_DATE.match(value) or value.startswith(
            ("uuid:", "xmp.did:", "xmp.iid:")):
        return
    out.append((f"{_XMP_PREFIX.get(ns, 'custom')}:{local}", value))


# -------------------------------------------------------------------------- load
def load_pdf(path: str | Path) -> Document:
    """Read a PDF's text layer, metadata and annotations into segments (module
    docstring). Raises InputError with one line for anything unreadable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{path}: {size // (1024 * 1024)} MB is far larger than any "
                             "review PDF; check the source document instead")
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not head.strip():
        raise InputError(f"{path}: the file is empty")
    if b"%PDF-" not in head:
        raise InputError(f"{path}: not a PDF (no %PDF header); export it again as PDF")
    try:
        return _read(path)
    except InputError:
        raise
    except RecursionError:
        raise InputError(f"{path}: not a readable PDF (objects nested too deeply)") from None
    except Exception as exc:  # noqa: BLE001 - any parser failure on untrusted input
        raise InputError(_failure(path, exc)) from None


def _failure(path: Path, exc: BaseException) -> str:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc
    while getattr(inner, "args", None) and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]  # pdfplumber wraps pdfminer's exception
    if isinstance(inner, PDFPasswordIncorrect):
        return (f"{path}: is password-protected; check the source document, or a copy "
                "exported without a password")
    if isinstance(inner, PDFEncryptionError):
        return f"{path}: is encrypted in a way that cannot be read; check the source document"
    return f"{path}: not a readable PDF (damaged or truncated); export it again"


def _read(path: Path) -> Document:
    import pdfplumber

    notes: list[str] = []
    segments: list[Segment] = []
    with pdfplumber.open(path) as pdf:
        n_pages = len(pdf.pages)
        if n_pages > MAX_PAGES:
            raise InputError(f"{path}: {n_pages} pages is more than the {MAX_PAGES} a review "
                             "PDF could have; check the source document")
        segments.extend(_metadata(pdf))
        pages: list[tuple[float, list[list[_Line]]]] = []
        page_rules: list[list[Rule]] = []
        extras: list[list[Segment]] = []
        empty: list[int] = []
        total = 0
        undecoded = 0
        for number, page in enumerate(pdf.pages, 1):
            chars: list[_Char] = []
            shapes: list[_Shape] = []
            rules: list[Rule] = []
            _collect(page.layout, chars, shapes, rules)
            page_rules.append(rules)
            total += len(chars)
            if total > MAX_CHARS:
                raise InputError(f"{path}: more than {MAX_CHARS:,} characters of text; "
                                 "check the source document")
            area = float(page.layout.width) * float(page.layout.height)
            mark_covered(chars, [s for s in shapes if s.what != "a picture"
                                 or (s.x1 - s.x0) * (s.y1 - s.y0) < 0.5 * area])
            extras.append(_annotations(page, number, _page_ctm(page), chars))
            undecoded += sum(1 for c in chars if c.text.startswith("(cid:"))
            if not any(not c.text.isspace() for c in chars):
                empty.append(number)
            height = float(page.layout.height)
            pages.append((height, _blocks(_lines(chars, rules), rules)))
            page.close()
    if len(empty) == n_pages:
        raise InputError(f"{path}: no text layer: this PDF could not be checked (a scan or "
                         "an image of the pages?); check the source document")
    margins = _margin_kinds(pages)
    covered = 0
    covered_pages: list[int] = []
    for p, (_, blocks) in enumerate(pages):
        number = p + 1
        for b, block in enumerate(blocks, 1):
            kind = margins.get((p, b - 1)) or (
                "table" if _in_table(block, page_rules[p]) else "body")
            label = f"{kind.capitalize()}, page {number}" if kind != "body" else f"Page {number}"
            for seg in _block_segments(block, number, b, kind, label, page_rules[p]):
                segments.append(seg)
                if seg.kind == COVERED_KIND:
                    covered += 1
                    if number not in covered_pages:
                        covered_pages.append(number)
        segments.extend(extras[p])
    if covered:
        notes.append(
            f"{covered} piece(s) of text on page(s) {_ranges(covered_pages)} are covered by a "
            "box or mark but still in the text layer (covered, not removed): delete the text "
            "in the source document and export the PDF again")
    if empty:
        notes.append(f"page(s) {_ranges(empty)} have no text layer (scanned or images): "
                     "they were not checked")
    if undecoded:
        notes.append(f"{undecoded} character(s) could not be decoded (a font without a "
                     "Unicode map): the words they form were not checked")
    return Document(path=path, format="pdf", segments=segments, notes=notes)


def _in_table(block: list[_Line], rules: Sequence[Rule]) -> bool:
    """A block with column borders on both sides of it is a table cell."""
    x0, x1 = min(ln.x0 for ln in block), max(ln.x1 for ln in block)
    mid = (min(ln.y0 for ln in block) + max(ln.y1 for ln in block)) / 2
    left = right = False
    for rx0, ry0, rx1, ry1 in rules:
        if rx1 - rx0 >= _MIN_BOX or not ry0 <= mid <= ry1:
            continue
        x = (rx0 + rx1) / 2
        left = left or x <= x0 + 1
        right = right or x >= x1 - 1
        if left and right:
            return True
    return False


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] → "1-3, 7"."""
    out: list[str] = []
    for n in sorted(set(numbers)):
        if out and out[-1].split("-")[-1] == str(n - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


# -------------------------------------------------------------------- the pass
def covered_text_pass(segments: Sequence[Segment], findings: list, config) -> list:
    """A HIGH COVERED_TEXT finding over every covered_text segment, whatever the
    recognisers found in it (analysis runs it with the recognisers' document passes)."""
    from .analysis import make_finding

    out = []
    for index, segment in enumerate(segments):
        if segment.kind != COVERED_KIND:
            continue
        text = segment.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if end <= start:
            continue
        seen = sorted({f.entity for f in findings if f.segment_index == index
                       and f.entity != COVERED_ENTITY})
        also = f"; the recognisers also see {', '.join(seen)} in it" if seen else ""
        what = segment.label.removeprefix("Covered by ").rsplit(", page ", 1)[0]
        out.append(make_finding(
            segment, index, start, end, COVERED_ENTITY, 1.0, recognizer="CoveredTextPass",
            explanation=f"covered, not removed: {what} is drawn over it but the text is still "
                        f"in the PDF's text layer (it can be copied, searched and read "
                        f"aloud){also}",
        ))
    return out
