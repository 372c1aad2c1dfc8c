"""DOCX/DOCM → segments from every place text can hide (docs/ARCHITECTURE.md, "Places").

Each part is walked once, in document order, with lxml; a paragraph's visible text is
joined across runs, while what a reader does not see (tracked deletions, hidden runs,
field codes, link targets, alt text) goes into its own segment next to the paragraph.
Every character copied from the XML gets a TextSpan pointing at the package's cached
tree, so later stages can annotate or replace exactly those characters and write the
package back with `Package.to_bytes()`.

Attribute segments that repeat the same value many times in one part (a comment
author, a tracked-change author) are emitted once, with one span per occurrence: all
spans cover the whole segment text, so replacing through every span scrubs every copy.

Word writes a text box twice (DrawingML in mc:Choice, VML in mc:Fallback); only the
Choice is read, so nothing is reported twice.
"""

from __future__ import annotations

import contextlib
import email
import html
import posixpath
import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .document import Document, Segment, TextSpan
from .errors import InputError
from .ooxml import (
    A_NS,
    CP_NS,
    CUSTOM_NS,
    DC_NS,
    EP_NS,
    M_NS,
    MC_NS,
    R_NS,
    V_NS,
    W15_NS,
    WP_NS,
)
from .ooxml import w as _w
from .package import CONTENT_TYPES, OFFICE_ZIP_SUFFIXES, OLE_MAGIC, REL_NS, Package

W_P, W_R, W_T, W_TBL, W_TR, W_TC = (_w(n) for n in ("p", "r", "t", "tbl", "tr", "tc"))
W_DELTEXT, W_INSTRTEXT, W_DELINSTRTEXT = _w("delText"), _w("instrText"), _w("delInstrText")
W_FLDCHAR, W_FLDSIMPLE, W_HYPERLINK = _w("fldChar"), _w("fldSimple"), _w("hyperlink")
W_INS, W_DEL, W_MOVETO, W_MOVEFROM = _w("ins"), _w("del"), _w("moveTo"), _w("moveFrom")
W_SDT, W_SDTCONTENT, W_CUSTOMXML = _w("sdt"), _w("sdtContent"), _w("customXml")
W_RPR, W_PPR, W_VANISH, W_RSTYLE, W_PSTYLE = (
    _w(n) for n in ("rPr", "pPr", "vanish", "rStyle", "pStyle")
)
W_TXBXCONTENT, W_DRAWING, W_PICT, W_OBJECT, W_RUBY = (
    _w(n) for n in ("txbxContent", "drawing", "pict", "object", "ruby")
)
W_SECTPR, W_SECTPRCHANGE = _w("sectPr"), _w("sectPrChange")
W_HEADERREF, W_FOOTERREF = _w("headerReference"), _w("footerReference")
W_FOOTNOTE, W_ENDNOTE, W_COMMENT, W_STYLE = (
    _w(n) for n in ("footnote", "endnote", "comment", "style")
)
W_AUTHOR, W_INITIALS, W_ID, W_TYPE, W_VAL, W_INSTR = (
    _w(n) for n in ("author", "initials", "id", "type", "val", "instr")
)
W_FLDCHARTYPE, W_STYLEID, W_BASEDON = _w("fldCharType"), _w("styleId"), _w("basedOn")
W_SPECVANISH, W_COLOR, W_SZ, W_SHD, W_HIGHLIGHT = (
    _w(n) for n in ("specVanish", "color", "sz", "shd", "highlight")
)
W_FILL, W_THEMECOLOR, W_ALTCHUNK = _w("fill"), _w("themeColor"), _w("altChunk")
_RUN_PROPS = frozenset((W_VANISH, W_SPECVANISH, W_COLOR, W_SZ, W_SHD, W_HIGHLIGHT, W_RSTYLE))
W_TCPR, W_TBLPR, W_TBLSTYLE = _w("tcPr"), _w("tblPr"), _w("tblStyle")
WP_ANCHOR = f"{{{WP_NS}}}anchor"
A_P, A_T = f"{{{A_NS}}}p", f"{{{A_NS}}}t"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
C_V = f"{{{C_NS}}}v"
C_NUMERIC = (f"{{{C_NS}}}numCache", f"{{{C_NS}}}numLit", f"{{{C_NS}}}f")
TAIL = "#tail"  # TextSpan.attr for an element's tail text (unknown XML parts)
R_ID = f"{{{R_NS}}}id"
MC_AC, MC_CHOICE, MC_FALLBACK = (
    f"{{{MC_NS}}}{n}" for n in ("AlternateContent", "Choice", "Fallback")
)
WP_DOCPR = f"{{{WP_NS}}}docPr"
A_HLINKCLICK = f"{{{A_NS}}}hlinkClick"
M_T = f"{{{M_NS}}}t"
V_PREFIX = f"{{{V_NS}}}"

_SYNTHETIC = {
    _w("tab"): "\t",
    _w("ptab"): "\t",
    _w("br"): "\n",
    _w("cr"): "\n",
    _w("noBreakHyphen"): "-",
    _w("softHyphen"): "",
}
# Inline elements that hold properties or markers, never text a reader sees.
_INLINE_SKIP = frozenset(
    _w(n)
    for n in (
        "pPr", "rPr", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr", "bookmarkStart",
        "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "proofErr", "permStart",
        "permEnd",
    )
) | {MC_FALLBACK}
# Every element that records who made a tracked change; value = kind of its author segment.
_TRACK_TAGS = {
    **{_w(n): "tracked_insertion" for n in (
        "ins", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
        "tblGridChange", "tcPrChange", "trPrChange", "tblPrExChange", "numberingChange",
        "cellIns", "cellMerge", "customXmlInsRangeStart", "moveToRangeStart",
    )},
    **{_w(n): "tracked_deletion" for n in (
        "del", "moveFrom", "cellDel", "customXmlDelRangeStart", "moveFromRangeStart",
    )},
}
_HEADER_TYPES = {"default": "default", "first": "first page", "even": "even pages"}
_CORE_PROPS = {
    f"{{{DC_NS}}}creator": "creator",
    f"{{{CP_NS}}}lastModifiedBy": "lastModifiedBy",
    f"{{{DC_NS}}}title": "title",
    f"{{{DC_NS}}}subject": "subject",
    f"{{{CP_NS}}}keywords": "keywords",
    f"{{{DC_NS}}}description": "description",
    f"{{{CP_NS}}}category": "category",
}
# TitlesOfParts repeats the title; HyperlinkBase can be a personal folder path.
_APP_PROPS = {f"{{{EP_NS}}}{n}": n for n in ("Company", "Manager", "HyperlinkBase",
                                              "TitlesOfParts")}
_FALSE = ("0", "false", "off")

MACRO_NOTE = "macro-enabled document (.docm): macros were not run"

# Why formatting hides a run or shape (Segment.hidden_by). Vanish keeps the plain
# "Hidden text, paragraph N" label; the others name the trick in the label.
VANISH = "hidden (vanish)"
SPEC_VANISH = "special vanish (w:specVanish)"
WHITE = "white text"
BACKGROUND = "text the colour of its background"
TINY = "text smaller than 3 pt"
OFF_PAGE = "shape positioned off the page"
COVERED = "possibly covered by a shape in front of it"
BEHIND = "text box behind the document text"
_IN_FLOW = (WHITE, BACKGROUND, TINY)
HIDDEN_BY = "hidden by formatting: "
_HIGHLIGHTS = {
    "white": "FFFFFF", "black": "000000", "yellow": "FFFF00", "green": "00FF00",
    "cyan": "00FFFF", "magenta": "FF00FF", "blue": "0000FF", "red": "FF0000",
    "darkBlue": "000080", "darkCyan": "008080", "darkGreen": "008000",
    "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
    "darkGray": "808080", "lightGray": "C0C0C0",
}
_HEX6 = re.compile(r"[0-9A-Fa-f]{6}")
_NO_PROPS = (None, None, None)
EMU_PER_TWIP = 635
EMU_PER_PT = 12700
# A shape this far outside the page edge (or wholly beyond it) cannot be seen.
_OFF_PAGE_MARGIN = 108 * EMU_PER_PT  # 1.5 in
_WP_WRAPNONE = f"{{{WP_NS}}}wrapNone"
# Embedded-document kinds that a reader of the outer page does not see as running text.
_MAIN_KINDS = frozenset({"body", "table", "textbox", "tracked_insertion"})


def load_docx(path: str | Path) -> Document:
    """Read a .docx/.docm into segments (see the module docstring). Raises InputError."""
    path = Path(path)
    pkg = Package.open(path)
    reader = _Reader(pkg)
    segments = reader.read()
    fmt = "docm" if path.suffix.lower() == ".docm" else "docx"
    return Document(path=path, format=fmt, segments=segments, package=pkg,
                    notes=_notes(pkg, fmt) + reader.notes)


def _notes(pkg: Package, fmt: str) -> list[str]:
    notes = list(pkg.warnings)  # damage Word would repair, unsafe member names
    macros = any(n.lower().endswith("vbaproject.bin") for n in pkg.names)
    if fmt == "docm":
        notes.append(MACRO_NOTE)
    elif macros:
        notes.append("contains a macro project (vbaProject.bin): macros were not run")
    return notes


# --------------------------------------------------------------------- buffers
class _Buf:
    """Text being built for one segment, with spans back to the XML."""

    __slots__ = ("pieces", "spans", "length")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.spans: list[TextSpan] = []
        self.length = 0

    def add(self, text: str, node: etree._Element, attr: str | None = None,
            kind: str | None = None) -> None:
        if not text:
            return
        end = self.length + len(text)
        self.spans.append(TextSpan(self.length, end, node, 0, attr, kind))
        self.pieces.append(text)
        self.length = end

    def synth(self, text: str) -> None:
        self.pieces.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.pieces)


@dataclass
class _Para:
    """Everything one paragraph yields, filled in while its runs are walked."""

    p: etree._Element | None = None
    style: tuple = (None, None, None)  # the paragraph style's (vanish, colour, size)
    fill: str | None = None  # the paragraph's own shading
    main: _Buf = field(default_factory=_Buf)
    deleted: _Buf = field(default_factory=_Buf)
    hidden: dict[str, _Buf] = field(default_factory=dict)  # by reason (see VANISH...)
    del_authors: list[str] = field(default_factory=list)
    fields: list[_Buf] = field(default_factory=list)
    field_stack: list[_Buf] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    alts: list[tuple[str, etree._Element, str]] = field(default_factory=list)
    boxes: list[tuple[etree._Element, str | None]] = field(default_factory=list)  # (box, why)
    covers: list[tuple[int | None, int, bool]] = field(default_factory=list)  # _cover()
    last: _Buf | None = None
    _background: str | None = None
    _background_known: bool = False
    plain: str | None | bool = False  # the reason for runs without properties (False: unknown)
    in_flow: list[str] = field(default_factory=list)  # reasons of hidden runs kept in flow

    def hidden_buf(self, reason: str) -> _Buf:
        buf = self.hidden.get(reason)
        if buf is None:
            buf = self.hidden[reason] = _Buf()
        return buf

    def background(self, page: str) -> str | None:
        """The colour behind the paragraph's text: its shading, its table cell's, else the
        page's; None when unknown (a table style or a shape may paint it)."""
        if not self._background_known:
            self._background_known = True
            self._background = self.fill or _cell_background(self.p, page)
        return self._background

    def add(self, buf: _Buf, text: str | None, node: etree._Element,
            kind: str | None = None) -> None:
        if not text:
            return
        # Deleted or hidden pieces separated by visible text get a joining space, so
        # "Jo" + "Smith" from two distant deletions do not read as one word.
        if (buf is not self.main and buf is not self.last and buf.length
                and not buf.pieces[-1][-1:].isspace() and not text[0].isspace()):
            buf.synth(" ")
        buf.add(text, node, kind=kind)
        self.last = buf

    def field_begin(self) -> _Buf:
        buf = _Buf()
        self.fields.append(buf)
        self.field_stack.append(buf)
        return buf


@dataclass(frozen=True)
class _Ctx:
    """Where paragraphs are: their kind and label (numbered: label + ' N')."""

    kind: str
    label: str
    numbered: bool = False
    hidden_by: str | None = None

    def label_for(self, n: int) -> str:
        return f"{self.label} {n}" if self.numbered else self.label


BODY = _Ctx("body", "Paragraph", True)
TEXTBOX = _Ctx("textbox", "Text box, paragraph", True)
OFF_PAGE_BOX = _Ctx("hidden_text", f"Text box ({HIDDEN_BY}{OFF_PAGE}), paragraph", True,
                    OFF_PAGE)
BEHIND_BOX = _Ctx("hidden_text", f"Text box ({HIDDEN_BY}{BEHIND}), paragraph", True, BEHIND)
_BOX_CTX = {OFF_PAGE: OFF_PAGE_BOX, BEHIND: BEHIND_BOX}
GLOSSARY = _Ctx("hidden_text", "Glossary (building blocks), paragraph", True)


# ---------------------------------------------------------------------- reader
class _Reader:
    def __init__(self, pkg: Package) -> None:
        self.pkg = pkg
        self.segments: list[Segment] = []
        self.notes: list[str] = []
        self.read_parts: set[str] = {CONTENT_TYPES}
        self.defaults: tuple = (None, None, None)
        self.styles = self._style_props()
        self.hidden_styles = frozenset(k for k, v in self.styles.items() if v[0])
        self.page_size, self.page_colour = self._page()
        self.column = _text_column(self.pkg.xml(self.pkg.main), self.page_size[0])
        self.covered: list[int] = []  # body paragraphs possibly covered by a shape
        # Attribute segments by (place, part, value); tracked-change authors are deferred
        # so they come after the comments.
        self.attr_segments: dict[tuple, Segment] = {}
        self.deferred: list[Segment] = []

    def read(self) -> list[Segment]:
        pkg, main = self.pkg, self.pkg.main
        root = pkg.xml(main)
        body = root.find(_w("body"))
        part = _Part(self, main)
        part.walk_blocks(body if body is not None else root, BODY, [0])
        part.finish(BODY)

        headers, footers = self._header_footer_parts(root)
        for kind, found in (("header", headers), ("footer", footers)):
            for name, label in found:
                ctx = _Ctx(kind, label)
                p = _Part(self, name)
                p.walk_blocks(p.root, ctx, [0])
                p.finish(ctx)

        for kind, rel, tag in (("footnote", "/footnotes", W_FOOTNOTE),
                               ("endnote", "/endnotes", W_ENDNOTE)):
            for name in self._targets(rel, f"word/{kind}s.xml"):
                p = _Part(self, name)
                for note in p.root.iter(tag):
                    if note.get(W_TYPE, "normal") != "normal":
                        p.done.update(note.iter(W_P))  # separators and continuation marks
                        continue
                    p.walk_blocks(note, _Ctx(kind, f"{kind.title()} {note.get(W_ID, '?')}"),
                                  [0])
                p.finish(_Ctx(kind, kind.title()))

        for name in self._targets("/comments", "word/comments.xml"):
            self._comments(name)
        self.segments.extend(self.deferred)
        for name in self._targets("/people", "word/people.xml"):
            self._people(name)
            self.read_parts.add(name)
        self._properties()
        _OtherParts(self).read()
        if self.covered:
            shown = ", ".join(map(str, self.covered[:10])) + (" …" if len(self.covered) > 10
                                                               else "")
            self.notes.append(f"text possibly covered by a shape in front of it (paragraph"
                              f" {shown}): check it on the page; `redact` removes it")
        return self.segments

    # -- parts ---------------------------------------------------------------
    def _targets(self, rel_suffix: str, default: str, source: str | None = None) -> list[str]:
        source = self.pkg.main if source is None else source
        names = [t for _, t in self.pkg.related(source, rel_suffix) if self.pkg.has(t)]
        if not names and self.pkg.has(default):
            names = [default]
        return list(dict.fromkeys(names))

    def _header_footer_parts(self, root: etree._Element) -> tuple[list, list]:
        rels = self.pkg.rels(self.pkg.main)
        by_id = {}
        if rels is not None:
            for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
                if rel.get("TargetMode") != "External":
                    by_id[rel.get("Id")] = self.pkg.resolve(self.pkg.main, rel.get("Target", ""))
        sections = [s for s in root.iter(W_SECTPR) if s.getparent().tag != W_SECTPRCHANGE]
        found: dict[str, list[tuple[str, str]]] = {"Header": [], "Footer": []}
        seen: set[str] = set()
        for s, sect in enumerate(sections, 1):
            for ref in sect:
                if ref.tag not in (W_HEADERREF, W_FOOTERREF):
                    continue
                name = by_id.get(ref.get(R_ID))
                if not name or name in seen or not self.pkg.has(name):
                    continue
                seen.add(name)
                which = "Header" if ref.tag == W_HEADERREF else "Footer"
                kind = _HEADER_TYPES.get(ref.get(W_TYPE, "default"), ref.get(W_TYPE, ""))
                found[which].append((name, f"{which} ({kind}), section {s}"))
        # A header no section uses still sits in the file with its text.
        for which in ("Header", "Footer"):
            for _, name in self.pkg.related(self.pkg.main, "/" + which.lower()):
                if name not in seen and self.pkg.has(name):
                    seen.add(name)
                    found[which].append((name, f"{which} (unused)"))
        return found["Header"], found["Footer"]

    def _comments(self, name: str) -> None:
        p = _Part(self, name)
        for comment in p.root.iter(W_COMMENT):
            author = comment.get(W_AUTHOR)
            p.walk_blocks(comment, _Ctx("comment", f"Comment by {author or '(unknown)'}"), [0])
            first = next(comment.iter(W_P), None)
            n = p.pnum.get(first, 0) if first is not None else 0
            for attr, label in ((W_AUTHOR, "Comment author"), (W_INITIALS, "Comment initials")):
                value = comment.get(attr)
                if value and value.strip():
                    self._attribute(("comment", name, label, value), name, "comment", n, label,
                                    comment, attr, emit_now=True)
        p.finish(_Ctx("comment", "Comment"))

    def _attribute(self, key: tuple, part: str, kind: str, n: int, label: str,
                   node: etree._Element, attr: str, emit_now: bool) -> None:
        """One segment per distinct value; later copies add a span to it."""
        value = node.get(attr)
        seg = self.attr_segments.get(key)
        if seg is None:
            seg = Segment(value, part, kind, n, label, [TextSpan(0, len(value), node, 0, attr)])
            self.attr_segments[key] = seg
            (self.segments if emit_now else self.deferred).append(seg)
        else:
            seg.spans.append(TextSpan(0, len(value), node, 0, attr))

    def _people(self, name: str) -> None:
        root = self.pkg.xml(name)
        for n, person in enumerate(root.iter(f"{{{W15_NS}}}person"), 1):
            author_attr = f"{{{W15_NS}}}author"
            author = person.get(author_attr)
            if author and author.strip():
                self._add(Segment(author, name, "property", n, "Word people list",
                                  [TextSpan(0, len(author), person, 0, author_attr)]))
            # The presence id is often an e-mail address or account name.
            for info in person.iter(f"{{{W15_NS}}}presenceInfo"):
                uid_attr = f"{{{W15_NS}}}userId"
                uid = info.get(uid_attr)
                if uid and uid.strip() and uid != author:
                    self._add(Segment(uid, name, "property", n, "Word people list",
                                      [TextSpan(0, len(uid), info, 0, uid_attr)]))

    def _properties(self) -> None:
        for rel, default, table, label in (
            ("/core-properties", "docProps/core.xml", _CORE_PROPS, "Document property: {}"),
            ("/extended-properties", "docProps/app.xml", _APP_PROPS, "Document property: {}"),
        ):
            for name in self._targets(rel, default, source=""):
                self.read_parts.add(name)
                n = 0
                for prop_el in self.pkg.xml(name):
                    prop = table.get(prop_el.tag) if isinstance(prop_el.tag, str) else None
                    if not prop:
                        continue
                    for el in prop_el.iter():  # TitlesOfParts holds a vector of strings
                        if isinstance(el.tag, str) and el.text and el.text.strip():
                            n += 1
                            self._add(Segment(el.text, name, "property", n, label.format(prop),
                                              [TextSpan(0, len(el.text), el)]))
        for name in self._targets("/custom-properties", "docProps/custom.xml", source=""):
            self.read_parts.add(name)
            n = 0
            for prop in self.pkg.xml(name).iter(f"{{{CUSTOM_NS}}}property"):
                for value in prop.iter():
                    if value is prop or not isinstance(value.tag, str):
                        continue
                    if value.text and value.text.strip():
                        n += 1
                        self._add(Segment(value.text, name, "property", n,
                                          f"Custom property: {prop.get('name', '?')}",
                                          [TextSpan(0, len(value.text), value)]))

        self._settings()

    def _settings(self) -> None:
        """Document variables and external links (a template path names its user)."""
        for name in self._targets("/settings", "word/settings.xml"):
            self.read_parts.add(name)
            n = 0
            for var in self.pkg.xml(name).iter(_w("docVar")):
                value = var.get(W_VAL)
                if value and value.strip():
                    n += 1
                    self._add(Segment(value, name, "property", n,
                                      f"Document variable: {var.get(_w('name'), '?')}",
                                      [TextSpan(0, len(value), var, 0, W_VAL)]))
            rels = self.pkg.rels(name)
            for rel in rels.iter(f"{{{REL_NS}}}Relationship") if rels is not None else ():
                target = rel.get("Target", "")
                if rel.get("TargetMode") == "External" and target.strip():
                    n += 1
                    kind = rel.get("Type", "").rsplit("/", 1)[-1]
                    self._add(Segment(target, name, "property", n,
                                      f"Document property: {kind}",
                                      [TextSpan(0, len(target), rel, 0, "Target")]))

    def _add(self, seg: Segment) -> None:
        if seg.text.strip():
            self.segments.append(seg)

    def _style_props(self) -> dict[str, tuple]:
        """Each style's (vanish, colour, size in half-points), following basedOn chains;
        the document defaults go to self.defaults."""
        names = self._targets("/styles", "word/styles.xml")
        if not names:
            return {}
        self.read_parts.update(names)
        root = self.pkg.xml(names[0])
        own: dict[str, list] = {}
        based: dict[str, str] = {}
        for style in root.iter(W_STYLE):
            sid = style.get(W_STYLEID)
            if not sid:
                continue
            own[sid] = _rpr_props(style.find(W_RPR))
            parent = style.find(W_BASEDON)
            if parent is not None and parent.get(W_VAL):
                based[sid] = parent.get(W_VAL)
        for rpr in root.iter(_w("rPrDefault")):
            self.defaults = tuple(_rpr_props(rpr.find(W_RPR)))
        resolved: dict[str, tuple] = {}
        for sid in own:
            props = list(own[sid])
            cur = based.get(sid)
            for _ in range(20):  # basedOn loops exist in damaged files
                if cur is None or cur not in own or all(v is not None for v in props):
                    break
                props = [a if a is not None else b for a, b in zip(props, own[cur], strict=True)]
                cur = based.get(cur)
            resolved[sid] = tuple(props)
        return resolved

    def _page(self) -> tuple[tuple[int, int], str]:
        """(page width, height) in EMU from the last section, and the page colour."""
        root = self.pkg.xml(self.pkg.main)
        width, height = 12240, 15840  # US Letter in twips when nothing says
        for size in root.iter(_w("pgSz")):
            width = _int(size.get(_w("w"))) or width
            height = _int(size.get(_w("h"))) or height
        colour = "FFFFFF"
        bg = root.find(_w("background"))
        if bg is not None and _HEX6.fullmatch(bg.get(_w("color"), "") or ""):
            colour = bg.get(_w("color")).upper()
        return (width * EMU_PER_TWIP, height * EMU_PER_TWIP), colour


class _Part:
    """Walks one story part (document, header, footnotes...) in document order."""

    def __init__(self, reader: _Reader, name: str) -> None:
        self.reader = reader
        self.pkg = reader.pkg
        self.name = name
        reader.read_parts.add(name)
        self.root = self.pkg.xml(name)
        # Paragraph N = ordinal of the w:p among all w:p of the part (one C-level pass).
        self.pnum: dict[etree._Element, int] = {
            p: i for i, p in enumerate(self.root.iter(W_P), 1)
        }
        self.done: set[etree._Element] = set()
        self._rels: dict[str, etree._Element] | None = None
        # (top, bottom) in EMU, relative to the next paragraph, of shapes in front of text
        # that reach below the last paragraph.
        self.reach: list[tuple[int, int]] = []

    # -- blocks ---------------------------------------------------------------
    def walk_blocks(self, el: etree._Element, ctx: _Ctx, tables: list[int]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag == MC_FALLBACK:
                continue
            if tag == W_P:
                self.paragraph(child, ctx)
            elif tag == W_TBL:
                tables[0] += 1
                self.table(child, ctx, tables[0])
            elif tag == MC_AC:
                self.walk_blocks(_choice(child), ctx, tables)
            else:  # w:sdt, w:sdtContent, w:customXml, ...: containers of blocks
                self.walk_blocks(child, ctx, tables)

    def table(self, tbl: etree._Element, ctx: _Ctx, t: int) -> None:
        if ctx.kind == "body":
            base = f"Table {t}"
        elif ctx.kind == "table":
            base = f"{ctx.label} > table {t}"
        else:
            base = None  # a table in a header, note or text box keeps that place's label
        for r, row in enumerate(_children(tbl, W_TR), 1):
            for c, cell in enumerate(_children(row, W_TC), 1):
                cell_ctx = _Ctx("table", f"{base}, row {r}, cell {c}") if base else ctx
                self.walk_blocks(cell, cell_ctx, [0])

    def finish(self, ctx: _Ctx) -> None:
        """Catch paragraphs in places the walk does not know, and collect change authors."""
        for p in self.pnum:
            if p not in self.done and not any(
                a.tag == MC_FALLBACK for a in p.iterancestors()
            ):
                self.paragraph(p, ctx)
        for el in self.root.iter(*_TRACK_TAGS):
            author = el.get(W_AUTHOR)
            if not author or not author.strip():
                continue
            p = next(el.iterancestors(W_P), None)
            n = self.pnum.get(p, 0) if p is not None else 0
            self.reader._attribute(("tracked", self.name, author), self.name,
                                   _TRACK_TAGS[el.tag], n, "Tracked change author", el,
                                   W_AUTHOR, emit_now=False)

    # -- paragraphs -------------------------------------------------------------
    def paragraph(self, p: etree._Element, ctx: _Ctx) -> None:
        if p in self.done:
            return
        self.done.add(p)
        n = self.pnum[p]
        st = _Para(p=p, style=self.reader.defaults)
        ppr = p.find(W_PPR)
        if ppr is not None:
            pstyle = ppr.find(W_PSTYLE)
            if pstyle is not None and pstyle.get(W_VAL) in self.reader.styles:
                st.style = _merge(self.reader.styles[pstyle.get(W_VAL)], st.style)
            shd = ppr.find(W_SHD)
            st.fill = _fill(shd) if shd is not None else None
        self.inline(p, st, False, False)
        self._covered(st, ctx)
        self.emit(st, ctx, n)
        for box, why in st.boxes:
            self.walk_blocks(box, _BOX_CTX.get(why or ctx.hidden_by or "", TEXTBOX), [0])

    def inline(self, el: etree._Element, st: _Para, ins: bool, dele: bool) -> None:
        for c in el:
            tag = c.tag
            if not isinstance(tag, str) or tag in _INLINE_SKIP:
                continue
            if tag == W_R:
                self.run(c, st, ins, dele)
            elif tag in (W_INS, W_MOVETO):
                self.inline(c, st, True, dele)
            elif tag in (W_DEL, W_MOVEFROM):
                if c.get(W_AUTHOR):
                    st.del_authors.append(c.get(W_AUTHOR))
                self.inline(c, st, ins, True)
            elif tag == W_HYPERLINK:
                if c.get(R_ID):
                    st.links.append(c.get(R_ID))
                self.inline(c, st, ins, dele)
            elif tag == W_FLDSIMPLE:
                st.fields.append(_Buf())
                st.fields[-1].add(c.get(W_INSTR, ""), c, attr=W_INSTR)
                self.inline(c, st, ins, dele)
            elif tag == MC_AC:
                self.inline(_choice(c), st, ins, dele)
            elif tag == M_T:
                st.add(st.deleted if dele else st.main, c.text, c,
                       "tracked_insertion" if ins else None)
            elif tag == W_P:
                continue  # never inline in valid files; finish() picks it up
            else:  # w:smartTag, w:sdt/w:sdtContent, w:customXml, w:bdo, math...
                self.inline(c, st, ins, dele)

    def run(self, r: etree._Element, st: _Para, ins: bool, dele: bool) -> None:
        reason = self._hidden(r, st)
        kind = "tracked_insertion" if ins else None
        if dele:
            target = st.deleted
        elif reason in _IN_FLOW:
            # On the page, in its sentence, but unseen: it stays in the paragraph (so the
            # recognisers read it in context), its characters marked as hidden text.
            target, kind = st.main, "hidden_text"
            if reason not in st.in_flow:
                st.in_flow.append(reason)
        elif reason:
            target = st.hidden_buf(reason)
        else:
            target = st.main
        if target is not st.main:
            kind = None
        for c in r:
            tag = c.tag
            if tag == W_T:
                st.add(target, c.text, c, kind)
            elif tag in (W_DELTEXT, W_DELINSTRTEXT):
                st.add(st.deleted, c.text, c)
            elif tag == W_INSTRTEXT:
                if dele:
                    st.add(st.deleted, c.text, c)
                elif c.text:
                    buf = st.field_stack[-1] if st.field_stack else st.field_begin()
                    buf.add(c.text, c)
            elif tag == W_FLDCHAR:
                ftype = c.get(W_FLDCHARTYPE)
                if ftype == "begin":
                    st.field_begin()
                elif ftype == "end" and st.field_stack:
                    st.field_stack.pop()
            elif tag in _SYNTHETIC:
                if _SYNTHETIC[tag] and target.length:
                    target.synth(_SYNTHETIC[tag])
            elif tag in (W_DRAWING, W_PICT, W_OBJECT, MC_AC):
                self.embedded(c, st)
                self._cover(c, st)
            elif tag == W_RUBY:
                self.inline(c, st, ins, dele)

    def _hidden(self, r: etree._Element, st: _Para) -> str | None:
        """Why formatting hides the run (VANISH, WHITE, TINY...), or None.

        Direct run properties win over the character style, then the paragraph style,
        then the document defaults. White text counts as hidden only where the colour
        behind it is known to be the same (a table style may paint a dark cell).
        """
        rpr = r.find(W_RPR)
        if rpr is None:  # most runs: the paragraph's own answer, worked out once
            if st.plain is False:
                st.plain = self._reason(*st.style, False, None, st)
            return st.plain
        vanish = colour = size = fill = rstyle = None
        spec = False
        for c in rpr:
            tag = c.tag
            if tag not in _RUN_PROPS:
                continue
            if tag == W_VANISH:
                vanish = c.get(W_VAL, "1") not in _FALSE
            elif tag == W_SPECVANISH:
                spec = c.get(W_VAL, "1") not in _FALSE
            elif tag == W_COLOR:
                colour = _colour(c)
            elif tag == W_SZ:
                size = _int(c.get(W_VAL))
            elif tag == W_SHD:
                fill = _fill(c) or fill
            elif tag == W_HIGHLIGHT:
                fill = fill or _HIGHLIGHTS.get(c.get(W_VAL, ""))
            elif tag == W_RSTYLE:
                rstyle = c.get(W_VAL)
        if rstyle is not None:
            sv, sc, ss = self.reader.styles.get(rstyle, _NO_PROPS)
            vanish = sv if vanish is None else vanish
            colour = sc if colour is None else colour
            size = ss if size is None else size
        pv, pc, ps = st.style
        return self._reason(pv if vanish is None else vanish, pc if colour is None else colour,
                            ps if size is None else size, spec, fill, st)

    def _reason(self, vanish: bool | None, colour: str | None, size: int | None, spec: bool,
                fill: str | None, st: _Para) -> str | None:
        if vanish:
            return VANISH
        if spec:
            return SPEC_VANISH
        if size is not None and size < 6:
            return TINY
        if colour is not None and colour != "auto":
            behind = fill or st.background(self.reader.page_colour)
            if behind is not None and colour == behind:
                return WHITE if colour == "FFFFFF" else BACKGROUND
        return None

    def embedded(self, el: etree._Element, st: _Para) -> None:
        """Text boxes, alt text and picture links inside a drawing, VML picture or object."""
        for node in _embedded(el):
            tag = node.tag
            if tag == W_TXBXCONTENT:
                st.boxes.append((node, OFF_PAGE if _off_page(node, self.reader.page_size)
                                 else self._behind(node)))
            elif tag == WP_DOCPR or tag.endswith("}cNvPr"):
                st.alts.append(("Image description", node, "descr"))
                st.alts.append(("Image title", node, "title"))
            elif tag == A_HLINKCLICK:
                if node.get(R_ID):
                    st.links.append(node.get(R_ID))
            else:  # a VML shape outside mc:Fallback (older files): its alt text
                st.alts.append(("Image description", node, "alt"))

    # -- shapes over text (docs/hardening.md, "Text behind a shape") ---------------
    def _cover(self, el: etree._Element, st: _Para) -> None:
        """Note each opaque shape floating in front of the text (wp:anchor, behindDoc="0",
        wrapNone) in this run: (top relative to the paragraph or None when anchored to the
        page, height, whether it reaches over the text column) in EMU."""
        if self.name != self.pkg.main:
            return  # headers' logos float over their own page area; not judged
        for anchor in el.iter(WP_ANCHOR):
            if anchor.get("behindDoc", "0") not in _FALSE or anchor.find(_WP_WRAPNONE) is None:
                continue
            docpr = anchor.find(WP_DOCPR)
            if docpr is not None and docpr.get("hidden", "0") not in _FALSE:
                continue
            if not _opaque(anchor):
                continue
            extent = anchor.find(f"{{{WP_NS}}}extent")
            cx = _int(extent.get("cx")) if extent is not None else None
            cy = _int(extent.get("cy")) if extent is not None else None
            if not cx or not cy or cx <= 0 or cy <= 0:
                continue
            left, width = self.reader.column
            x = _anchor_x(anchor, cx, left, width)
            over = x is None or (x < width and x + cx > 0)
            top = _anchor_top(anchor)
            st.covers.append((top, cy, over))

    def _covered(self, st: _Para, ctx: _Ctx) -> None:
        """Mark the paragraph's text hidden (COVERED) when a shape noted by _cover, here or
        in a paragraph above it, overlaps at least half a line of it. The paragraph's height
        is estimated from its length, font size and the text width."""
        if ctx.kind not in ("body", "table") or ctx.hidden_by:
            self.reach = []
            return
        size = (st.style[2] or 22) * EMU_PER_PT // 2  # font size, EMU
        line = size * 6 // 5
        chars = max(1, self.reader.column[1] // max(1, size // 2))
        height = line * max(1, -(-st.main.length // chars)) + 8 * EMU_PER_PT
        spans = list(self.reach)  # (top, bottom) of shapes, relative to this paragraph
        covered = False
        for top, cy, over in st.covers:
            if not over:
                continue
            if top is None:  # anchored to the page or margin: only a big shape surely
                if cy * 3 >= self.reader.page_size[1]:  # covers its own paragraph
                    covered = True
                continue
            spans.append((top, top + cy))
        covered = covered or any(min(b, height) - max(t, 0) >= line // 2 for t, b in spans)
        self.reach = [(t - height, b - height) for t, b in spans if b - height >= line // 2]
        if covered and st.main.spans:
            for span in st.main.spans:
                span.kind = "hidden_text"
            if COVERED not in st.in_flow:
                st.in_flow.append(COVERED)
            self.reader.covered.append(self.pnum.get(st.p, 0) if st.p is not None else 0)

    def _behind(self, box: etree._Element) -> str | None:
        """BEHIND for a text box in a shape placed behind the body text (behindDoc="1")
        of the main story (a header's watermark is not judged)."""
        if self.name != self.pkg.main:
            return None
        anchor = next(box.iterancestors(WP_ANCHOR), None)
        if anchor is not None and anchor.get("behindDoc", "0") not in _FALSE:
            return BEHIND
        return None

    # -- output -----------------------------------------------------------------
    def emit(self, st: _Para, ctx: _Ctx, n: int) -> None:
        out = self.reader._add
        part = self.name
        label = ctx.label_for(n)
        if st.in_flow:
            label += f", with text {HIDDEN_BY}{', '.join(st.in_flow)}"
        out(Segment(st.main.text, part, ctx.kind, n, label, st.main.spans,
                    hidden_by=ctx.hidden_by or ", ".join(st.in_flow) or None))
        if st.deleted.spans:
            authors = ", ".join(dict.fromkeys(st.del_authors)) or "(unknown)"
            out(Segment(st.deleted.text, part, "tracked_deletion", n,
                        f"Tracked deletion by {authors}", st.deleted.spans))
        for reason, buf in st.hidden.items():
            label = (f"Hidden text, paragraph {n}" if reason == VANISH
                     else f"Hidden text ({HIDDEN_BY}{reason}), paragraph {n}")
            out(Segment(buf.text, part, "hidden_text", n, label, buf.spans, hidden_by=reason))
        for buf in st.fields:
            text = buf.text
            kind = "hyperlink" if text.strip().upper().startswith("HYPERLINK") else "hidden_text"
            out(Segment(text, part, kind, n, f"Field code, paragraph {n}", buf.spans))
        for rid in st.links:
            rel = self.rel(rid)
            target = rel.get("Target") if rel is not None else None
            if target and rel.get("TargetMode") == "External":
                out(Segment(target, part, "hyperlink", n, f"Hyperlink target, paragraph {n}",
                            [TextSpan(0, len(target), rel, 0, "Target")]))
        # Word copies wp:docPr's descr/title into the picture's own cNvPr: one segment
        # per distinct value, with a span on every copy so a redaction reaches them all.
        alt_segments: dict[tuple[str, str], Segment] = {}
        for label, node, attr in st.alts:
            value = node.get(attr)
            if not value or not value.strip():
                continue
            span = TextSpan(0, len(value), node, 0, attr)
            if (label, value) in alt_segments:
                alt_segments[label, value].spans.append(span)
            else:
                alt_segments[label, value] = Segment(value, part, "alt_text", n, label, [span])
                out(alt_segments[label, value])

    def rel(self, rid: str) -> etree._Element | None:
        if self._rels is None:
            rels = self.pkg.rels(self.name)
            self._rels = {} if rels is None else {
                r.get("Id"): r for r in rels.iter(f"{{{REL_NS}}}Relationship")
            }
        return self._rels.get(rid)


# --------------------------------------------------------------------- helpers
def _choice(ac: etree._Element) -> etree._Element:
    """The first mc:Choice of an mc:AlternateContent (an empty element if none)."""
    choice = ac.find(MC_CHOICE)
    return choice if choice is not None else etree.Element("none")


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with `tag`, looking through content controls and mc:Choice wrappers."""
    for c in el:
        if c.tag == tag:
            yield c
        elif c.tag in (W_SDT, W_SDTCONTENT, W_CUSTOMXML):
            yield from _children(c, tag)
        elif c.tag == MC_AC:
            yield from _children(_choice(c), tag)


def _embedded(el: etree._Element) -> Iterator[etree._Element]:
    """Text boxes, docPr, link clicks and VML alt-text shapes under el, skipping mc:Fallback."""
    for c in el:
        tag = c.tag
        if not isinstance(tag, str) or tag == MC_FALLBACK:
            continue
        if tag == W_TXBXCONTENT:
            yield c
            continue  # its paragraphs are walked as the text box's own blocks
        if (tag in (WP_DOCPR, A_HLINKCLICK) or (tag.endswith("}cNvPr") and tag != WP_DOCPR)
                or (tag.startswith(V_PREFIX) and c.get("alt"))):
            yield c
        yield from _embedded(c)


# ------------------------------------------------------------ formatting helpers
def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _colour(el: etree._Element) -> str | None:
    """A w:color as upper-case hex, "auto", or None (a theme colour we cannot resolve)."""
    val = el.get(W_VAL) or ""
    if _HEX6.fullmatch(val):
        return val.upper()
    theme = el.get(W_THEMECOLOR, "")
    if theme in ("background1", "light1"):
        return "FFFFFF"
    return "auto" if val == "auto" else None


def _fill(shd: etree._Element) -> str | None:
    """The colour a w:shd paints (its fill, or its pattern colour when solid)."""
    if shd.get(W_VAL) == "solid" and _HEX6.fullmatch(shd.get(W_COLOR) or ""):
        return shd.get(W_COLOR).upper()
    fill = shd.get(W_FILL) or ""
    return fill.upper() if _HEX6.fullmatch(fill) else None


def _rpr_props(rpr: etree._Element | None) -> list:
    """(vanish, colour, size) set directly in one w:rPr; None where not set."""
    if rpr is None:
        return [None, None, None]
    vanish = rpr.find(W_VANISH)
    colour = rpr.find(W_COLOR)
    size = rpr.find(W_SZ)
    return [None if vanish is None else vanish.get(W_VAL, "1") not in _FALSE,
            None if colour is None else _colour(colour),
            None if size is None else _int(size.get(W_VAL))]


def _merge(first: tuple | list, then: tuple | list) -> tuple:
    return tuple(a if a is not None else b for a, b in zip(first, then, strict=True))


def _cell_background(p: etree._Element | None, page: str) -> str | None:
    """The shading of the table cell holding p, the page colour outside tables, or None
    when a table style or a shape decides it (unknown here)."""
    if p is None:
        return page
    for anc in p.iterancestors(W_TC, W_TXBXCONTENT):
        if anc.tag == W_TXBXCONTENT:
            return None  # the shape's own fill is behind the text
        tcpr = anc.find(W_TCPR)
        shd = tcpr.find(W_SHD) if tcpr is not None else None
        fill = _fill(shd) if shd is not None else None
        if fill is not None:
            return fill
        tbl = anc.getparent()
        while tbl is not None and tbl.tag != W_TBL:
            tbl = tbl.getparent()
        tblpr = tbl.find(W_TBLPR) if tbl is not None else None
        if tblpr is not None and tblpr.find(W_TBLSTYLE) is not None:
            return None
        return page
    return page


_CSS_LENGTH = re.compile(r"(margin-left|margin-top|left|top|width|height)\s*:\s*"
                         r"(-?[\d.]+)\s*(pt|in|px|cm|mm|emu)?", re.IGNORECASE)
_CSS_EMU = {"pt": 12700, "in": 914400, "px": 9525, "cm": 360000, "mm": 36000, "emu": 1,
            None: 12700}


def _off_page(box: etree._Element, page: tuple[int, int]) -> bool:
    """True when the shape holding a text box sits wholly outside the page."""
    for anc in box.iterancestors():
        tag = anc.tag
        if tag == WP_ANCHOR:
            extent = anc.find(f"{{{WP_NS}}}extent")
            size = (_int(extent.get("cx")) or 0, _int(extent.get("cy")) or 0) \
                if extent is not None else (0, 0)
            for axis, which in ((0, "positionH"), (1, "positionV")):
                pos = anc.find(f"{{{WP_NS}}}{which}")
                off = pos.find(f"{{{WP_NS}}}posOffset") if pos is not None else None
                value = _int(off.text) if off is not None and off.text else None
                if value is not None and _outside(value, size[axis], page[axis]):
                    return True
            return False
        if isinstance(tag, str) and tag.startswith(V_PREFIX) and anc.get("style"):
            css: dict[str, int] = {}
            for name, number, unit in _CSS_LENGTH.findall(anc.get("style")):
                try:
                    css[name.lower()] = int(float(number) * _CSS_EMU[unit.lower() or None])
                except ValueError:
                    continue
            for axis, keys, extent in ((0, ("margin-left", "left"), "width"),
                                       (1, ("margin-top", "top"), "height")):
                for key in keys:
                    if key in css and _outside(css[key], css.get(extent, 0), page[axis]):
                        return True
            return False
    return False


_A_FILLS = frozenset(f"{{{A_NS}}}{n}" for n in ("solidFill", "gradFill", "pattFill",
                                                  "blipFill"))
_A_NOFILL = f"{{{A_NS}}}noFill"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _opaque(anchor: etree._Element) -> bool:
    """True when the anchored drawing paints over what is under it: a picture (unless
    made mostly transparent), or a shape with a fill (its own, or its style's) of at
    least 50 % opacity."""
    for el in anchor.iter(_PIC, f"{{{_WPS}}}wsp"):
        if el.tag == _PIC:
            alpha = next(el.iter(f"{{{A_NS}}}alphaModFix"), None)
            if alpha is None or (_int(alpha.get("amt")) or 0) >= 50000:
                return True
            continue
        sppr = el.find(f"{{{_WPS}}}spPr")
        fill = None
        if sppr is not None:
            fill = next((c for c in sppr if c.tag in _A_FILLS or c.tag == _A_NOFILL), None)
        if fill is None:
            ref = next(el.iter(f"{{{A_NS}}}fillRef"), None)
            if ref is not None and ref.get("idx", "0") != "0":
                return True
            continue
        if fill.tag == _A_NOFILL:
            continue
        alpha = next(fill.iter(f"{{{A_NS}}}alpha"), None)
        if alpha is None or (_int(alpha.get("val")) or 0) >= 50000:
            return True
    return False


def _anchor_top(anchor: etree._Element) -> int | None:
    """The shape's top relative to its paragraph (EMU), or None when it is placed
    relative to the page or a margin (where the paragraph is cannot be known)."""
    pos = anchor.find(f"{{{WP_NS}}}positionV")
    if pos is None or pos.get("relativeFrom") not in ("paragraph", "line"):
        return None
    off = pos.find(f"{{{WP_NS}}}posOffset")
    return _int(off.text) or 0 if off is not None and off.text else 0


def _anchor_x(anchor: etree._Element, cx: int, left: int, width: int) -> int | None:
    """The shape's left edge relative to the text column (EMU), or None when unknown."""
    pos = anchor.find(f"{{{WP_NS}}}positionH")
    if pos is None:
        return None
    frm = pos.get("relativeFrom")
    off = pos.find(f"{{{WP_NS}}}posOffset")
    align = pos.find(f"{{{WP_NS}}}align")
    if frm in ("leftMargin", "rightMargin", "insideMargin", "outsideMargin"):
        return width + 1  # in a margin: beside the text
    if frm == "page":
        base, span = -left, width + 2 * left
    elif frm in ("column", "margin"):
        base, span = 0, width
    else:  # character: somewhere along the line
        return None
    if off is not None and off.text:
        value = _int(off.text)
        return None if value is None else base + value
    if align is not None:
        where = (align.text or "").strip()
        return base + {"left": 0, "center": (span - cx) // 2, "right": span - cx}.get(
            where, 0)
    return None


def _text_column(root: etree._Element, page_width: int) -> tuple[int, int]:
    """(left margin, text width) in EMU from the last section's page margins."""
    left = right = 1440  # 1 in, in twips
    for margin in root.iter(_w("pgMar")):
        left = _int(margin.get(_w("left"))) or left
        right = _int(margin.get(_w("right"))) or right
    left_emu = max(0, left) * EMU_PER_TWIP
    return left_emu, max(EMU_PER_PT, page_width - left_emu - max(0, right) * EMU_PER_TWIP)


def _outside(offset: int, extent: int, page: int) -> bool:
    return offset >= page + _OFF_PAGE_MARGIN or offset + extent <= -_OFF_PAGE_MARGIN


# ------------------------------------------------------------------ other parts
_CUSTOM_ITEM = re.compile(r"customXml/item(\d*)\.xml", re.IGNORECASE)
_TEXT_EXTS = (".txt", ".csv", ".md", ".htm", ".html", ".rtf", ".mht", ".mhtml", ".xhtml")
_IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf",
               ".svg", ".ico", ".wdp", ".jfif")
_WORD_ZIPS = (".docx", ".docm", ".dotx", ".dotm")
# Worksheet cells hold numbers and formulas as text nodes: only inline strings are text.
_SHEET_TEXT = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}is"
_SEGMENT_CHARS = 4000  # text nodes of an unknown part are joined into segments this long
# Elements SharePoint and Office write into custom XML for their own bookkeeping (document
# ids and their URLs, taxonomy, media-service flags, compliance labels, content types):
# their values identify a file in a library, not a person. A display name is still read.
_INTERNAL_XML = re.compile(
    r"_|MSIP_|ContentType|TaxCatchAll|TaxKeyword|MediaService|xd_|ComplianceAsset|"
    r"TemplateUrl|[0-9a-f]{16,}$", re.IGNORECASE)


class _OtherParts:
    """Every part the story walk does not read: building blocks, embedded packages,
    custom XML, imported (altChunk) content, charts, SmartArt, PNG text chunks and any
    unknown XML or text part. What cannot be read is said in a note."""

    def __init__(self, reader: _Reader) -> None:
        self.r = reader
        self.pkg = reader.pkg

    def read(self) -> None:
        r, pkg = self.r, self.pkg
        for name in r._targets("/glossaryDocument", "word/glossary/document.xml"):
            with self.noted(name):
                p = _Part(r, name)
                p.walk_blocks(p.root, GLOSSARY, [0])
                p.finish(GLOSSARY)
        with self.noted("(imported altChunk content)"):
            self.alt_chunks()
        for name in pkg.names:
            if name in r.read_parts:
                continue
            with self.noted(name):
                self.part(name)
            r.read_parts.add(name)

    @contextlib.contextmanager
    def noted(self, name: str) -> Iterator[None]:
        """A damaged optional part costs a note, never the whole document."""
        try:
            yield
        except (InputError, ValueError, LookupError, etree.LxmlError, struct.error,
                zlib.error, RecursionError) as exc:
            self.r.notes.append(f"part {name} could not be read ({_reason(exc)}); open and"
                                " check it separately; it is removed from a redacted copy")
            if self.pkg.has(name):
                self.pkg.unread.add(name)

    def part(self, name: str) -> None:
        """Read one part the story walk did not, by what its name says it is."""
        r, pkg = self.r, self.pkg
        low = name.lower()
        base = posixpath.basename(low)
        custom = _CUSTOM_ITEM.fullmatch(name)
        if custom:
            self.xml_text(name, "property", f"Custom XML item {custom.group(1) or '1'}")
        elif low.startswith("word/charts/") and base.startswith("chart") and low.endswith(".xml"):
            self.drawing_text(name, "Chart text", chart=True)
        elif (low.startswith("word/diagrams/") and base.startswith(("data", "drawing"))
              and low.endswith(".xml")):
            self.drawing_text(name, "SmartArt text")
        elif low.startswith("word/embeddings/") or low.endswith(OFFICE_ZIP_SUFFIXES):
            self.embedding(name)
        elif low.endswith(".png"):
            self.png(name)
        elif low.endswith(".rels"):
            return
        elif low.endswith((".xml", ".vml")):
            self.xml_text(name, "property", f"Other part {name}")
        elif low.endswith(_TEXT_EXTS) or (pkg.content_type(name) or "").startswith("text/"):
            kind, text = decode_text(pkg.raw(name))
            self.synthetic(name, "property", f"Other part {name} ({kind})",
                           _paragraphs(kind, text), kind)
        elif (not low.endswith(_IMAGE_EXTS + ("vbaproject.bin",))
              and not low.startswith(("word/fonts/", "word/media/"))):
            r.notes.append(f"part {name} (binary, {len(pkg.raw(name))} bytes) was not"
                           " read; it is removed from a redacted copy")
            pkg.unread.add(name)

    # -- XML --------------------------------------------------------------------
    def xml_text(self, name: str, kind: str, label: str) -> None:
        """Text nodes (and tails) of an XML part, joined into segments."""
        root = self.pkg.xml(name)
        buf, n = _Buf(), 0
        internal: set[etree._Element] = set()
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            pieces = ((el.text, None), (el.tail, TAIL))
            if el.getparent() in internal or _INTERNAL_XML.match(etree.QName(el).localname):
                internal.add(el)  # document-management ids and flags, not anyone's text
                pieces = ((el.tail, TAIL),) if el.getparent() not in internal else ()
            for value, attr in pieces:
                if value is None or not value.strip():
                    continue
                if buf.length:
                    buf.synth("\n")
                buf.add(value, el, attr=attr)
                if buf.length >= _SEGMENT_CHARS:
                    n += 1
                    self.r._add(Segment(buf.text, name, kind, n, label, buf.spans))
                    buf = _Buf()
        if buf.length:
            n += 1
            self.r._add(Segment(buf.text, name, kind, n, label, buf.spans))

    def drawing_text(self, name: str, label: str, chart: bool = False) -> None:
        """DrawingML paragraphs (a:p of a:t runs) and, in a chart, its cached strings."""
        root = self.pkg.xml(name)
        n = 0
        for para in root.iter(A_P):
            buf = _Buf()
            for t in para.iter(A_T):
                buf.add(t.text or "", t)
            if buf.text.strip():
                n += 1
                self.r._add(Segment(buf.text, name, "alt_text", n, label, buf.spans))
        if chart:
            for v in root.iter(C_V):
                if v.text and v.text.strip() and not any(
                        a.tag in C_NUMERIC for a in v.iterancestors()):
                    n += 1
                    self.r._add(Segment(v.text, name, "alt_text", n, label,
                                        [TextSpan(0, len(v.text), v)]))

    # -- non-XML text -----------------------------------------------------------------
    def synthetic(self, name: str, kind: str, label: str, paragraphs: list[str],
                  source: str) -> None:
        """Segments for text that is not XML; their spans point at a holder the writers
        rebuild the part from (Package.synthetic)."""
        holder = etree.Element("synthetic")
        for k, text in enumerate(paragraphs, 1):
            node = etree.SubElement(holder, "p")
            node.text = text
            self.r._add(Segment(text, name, kind, k, f"{label}, paragraph {k}",
                                [TextSpan(0, len(text), node)]))
        self.pkg.synthetic[name] = (source, holder)

    def alt_chunks(self) -> None:
        """w:altChunk: HTML, RTF or plain text Word imports into the page when it opens."""
        for story in sorted(self.r.read_parts):
            if not story.endswith(".xml") or b"altChunk" not in self.pkg.raw(story):
                continue
            for chunk in self.pkg.xml(story).iter(W_ALTCHUNK):
                rel = self.pkg.relationship(story, chunk.get(R_ID, ""))
                if rel is None or rel.get("TargetMode") == "External":
                    continue
                target = Package.resolve(story, rel.get("Target", ""))
                if not self.pkg.has(target) or target in self.pkg.synthetic:
                    continue
                kind, text = decode_text(self.pkg.raw(target))
                self.synthetic(target, "body", f"Imported {kind} (altChunk)",
                               _paragraphs(kind, text), kind)
                self.r.read_parts.add(target)

    def png(self, name: str) -> None:
        texts = [f"{k}: {v}" for k, v in png_text_chunks(self.pkg.raw(name)) if v.strip()]
        if texts:
            self.synthetic(name, "alt_text", f"Image metadata {name} (PNG text)", texts, "png")

    # -- embedded packages ----------------------------------------------------------
    def embedding(self, name: str) -> None:
        raw = self.pkg.raw(name)
        low = name.lower()
        if not raw.startswith(b"PK"):
            what = "binary OLE object" if raw.startswith(OLE_MAGIC) else "embedded object"
            self.r.notes.append(
                f"embedded object {name} ({what}) was not read: open it and check it"
                " separately; a redacted copy replaces it with a placeholder")
            return
        child = self.pkg.embedded(name)
        prefix = f"Embedded document {name}: "
        if low.endswith(_WORD_ZIPS):
            sub = _Reader(child)
            for seg in sub.read():
                kind = "hidden_text" if seg.kind in _MAIN_KINDS else seg.kind
                self.r._add(Segment(seg.text, name, kind, seg.paragraph, prefix + seg.label,
                                    seg.spans, hidden_by=seg.hidden_by))
            self.r.notes += [f"{prefix}{note}" for note in _notes(child, "docx") + sub.notes]
            return
        # A workbook, presentation or other Office zip: the text of its XML parts.
        n = 0
        for part in child.names:
            if not part.lower().endswith(".xml") or "/theme/" in part or \
                    part.endswith("styles.xml"):
                continue
            root = child.xml(part)
            sheet = "/worksheets/" in part
            nodes = root.iter(_SHEET_TEXT) if sheet else [root]
            for holder in nodes:
                buf = _Buf()
                for el in holder.iter():
                    if isinstance(el.tag, str) and el.text and el.text.strip():
                        if buf.length:
                            buf.synth(" " if sheet else "\n")
                        buf.add(el.text, el)
                if buf.text.strip():
                    n += 1
                    self.r._add(Segment(buf.text, name, "hidden_text", n, prefix + part,
                                        buf.spans))


def _reason(exc: Exception) -> str:
    if isinstance(exc, InputError):
        return str(exc.message).split(": ", 1)[-1]
    return f"{type(exc).__name__}: {str(exc)[:80]}"


# --------------------------------------------------------------- text decoding
_BLOCK_TAGS = re.compile(r"<\s*/?\s*(?:p|div|br|li|tr|td|th|h[1-6]|table|title|blockquote|"
                         r"pre|section|article|header|footer|ul|ol|dt|dd)\b[^>]*>", re.I)
_DROP_HTML = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_ANY_TAG = re.compile(r"<[^>]*>", re.S)
_RTF_TOKEN = re.compile(
    r"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.S)
_RTF_SKIP = frozenset((
    "fonttbl", "colortbl", "stylesheet", "pict", "objdata", "themedata",
    "colorschememapping", "datastore", "latentstyles", "rsidtbl", "listtable",
    "listoverridetable", "generator", "xmlnstbl", "mmathPr", "wgrffmtfilter", "pgdsctbl",
    "filetbl", "revtbl", "bkmkstart", "bkmkend", "fldinst", "panose", "falt",
))
_RTF_BREAK = {"par": "\n", "line": "\n", "row": "\n", "cell": "\t", "tab": "\t",
              "sect": "\n", "page": "\n"}


def decode_text(raw: bytes) -> tuple[str, str]:
    """(kind, text) of a non-XML text part: "HTML", "RTF" or "text"."""
    head = raw[:2048].lstrip()
    if head[:5].lower() == b"{\\rtf":
        return "RTF", rtf_text(raw.decode("latin-1"))
    if b"mime-version" in head.lower() or b"content-type: multipart" in head.lower():
        return "HTML", _mime_text(raw)
    text = _decode(raw)
    if re.search(r"<\s*(html|body|p|div|span|table|br)\b", text[:4096], re.I):
        return "HTML", html_text(text)
    return "text", text


def _decode(raw: bytes) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _mime_text(raw: bytes) -> str:
    """The text of every text part of a MIME (MHT) message."""
    msg = email.message_from_bytes(raw)
    out = []
    for part in msg.walk():
        if part.get_content_maintype() != "text":
            continue
        payload = part.get_payload(decode=True) or b""
        text = _decode(payload)
        out.append(html_text(text) if part.get_content_subtype() == "html" else text)
    return "\n".join(out)


def html_text(text: str) -> str:
    """HTML crudely as text: scripts, styles and comments dropped, blocks as lines."""
    text = _DROP_HTML.sub(" ", text)
    text = _BLOCK_TAGS.sub("\n", text)
    return html.unescape(_ANY_TAG.sub("", text))


def rtf_text(text: str) -> str:
    """RTF crudely as text: control words dropped, tables of fonts, colours, pictures and
    other destinations skipped, \\'hh and \\uN characters decoded."""
    out: list[str] = []
    stack: list[bool] = []
    skip = False
    fresh = False  # just after "{": a destination word may follow
    uc_skip = 0
    for m in _RTF_TOKEN.finditer(text):
        word, arg, hexed, sym, brace, plain = m.groups()
        if brace == "{":
            stack.append(skip)
            fresh = True
            continue
        if brace == "}":
            skip = stack.pop() if stack else False
            fresh = False
            continue
        was_fresh, fresh = fresh, False
        if sym == "*" and was_fresh:
            skip = True
            continue
        if word is not None:
            if was_fresh and word in _RTF_SKIP:
                skip = True
            elif not skip and word in _RTF_BREAK:
                out.append(_RTF_BREAK[word])
            elif not skip and word == "u" and arg:
                out.append(chr(int(arg) % 65536))
                uc_skip = 1
            continue
        if skip:
            continue
        if hexed is not None:
            if uc_skip:
                uc_skip = 0
                continue
            out.append(bytes([int(hexed, 16)]).decode("cp1252", errors="replace"))
        elif sym is not None:
            if sym in "\\{}":
                out.append(sym)
            elif sym == "~":
                out.append(" ")
        elif plain is not None:
            if uc_skip:
                plain, uc_skip = plain[1:], 0
            out.append(plain)
    return "".join(out)


def _paragraphs(kind: str, text: str) -> list[str]:
    return [line.strip() for line in re.split(r"\n\s*", text) if line.strip()]


def png_text_chunks(data: bytes) -> list[tuple[str, str]]:
    """(keyword, text) of a PNG's tEXt, zTXt and iTXt chunks (decompressed)."""
    out: list[tuple[str, str]] = []
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return out
    pos = 8
    while pos + 8 <= len(data):
        (length,), ctype = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        try:
            if ctype == b"tEXt":
                key, _, value = body.partition(b"\0")
                out.append((key.decode("latin-1"), value.decode("latin-1")))
            elif ctype == b"zTXt":
                key, _, rest = body.partition(b"\0")
                out.append((key.decode("latin-1"),
                            _inflate(rest[1:]).decode("latin-1")))
            elif ctype == b"iTXt":
                key, _, rest = body.partition(b"\0")
                compressed, rest = rest[:1] == b"\1", rest[2:]
                _lang, _, rest = rest.partition(b"\0")
                _tkey, _, value = rest.partition(b"\0")
                if compressed:
                    value = _inflate(value)
                out.append((key.decode("latin-1"), value.decode("utf-8", errors="replace")))
        except (zlib.error, UnicodeDecodeError):
            out.append((ctype.decode("latin-1"), "(unreadable compressed text)"))
        if ctype == b"IEND":
            break
    return out


def _inflate(data: bytes, limit: int = 1024 * 1024) -> bytes:
    """zlib data, at most `limit` bytes of it (a compressed chunk can be a bomb)."""
    return zlib.decompressobj().decompress(data, limit)
