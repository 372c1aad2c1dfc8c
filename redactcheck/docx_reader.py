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

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .document import Document, Segment, TextSpan
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
from .package import REL_NS, Package

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


def load_docx(path: str | Path) -> Document:
    """Read a .docx/.docm into segments (see the module docstring). Raises InputError."""
    path = Path(path)
    pkg = Package.open(path)
    reader = _Reader(pkg)
    segments = reader.read()
    fmt = "docm" if path.suffix.lower() == ".docm" else "docx"
    return Document(path=path, format=fmt, segments=segments, package=pkg,
                    notes=_notes(pkg, fmt))


def _notes(pkg: Package, fmt: str) -> list[str]:
    notes = []
    macros = any(n.lower().endswith("vbaproject.bin") for n in pkg.names)
    if fmt == "docm":
        notes.append(MACRO_NOTE)
    elif macros:
        notes.append("contains a macro project (vbaProject.bin): macros were not run")
    embedded = [n for n in pkg.names if n.startswith("word/embeddings/")]
    if embedded:
        notes.append(
            f"{len(embedded)} embedded object(s) in word/embeddings/ were not checked;"
            " open and check them separately"
        )
    if any(n.startswith("customXml/item") for n in pkg.names):
        notes.append("custom XML data parts (customXml/) were not checked")
    if any(n.startswith("word/glossary/") for n in pkg.names):
        notes.append("building blocks (word/glossary/) were not checked")
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

    hidden_style: bool = False
    main: _Buf = field(default_factory=_Buf)
    deleted: _Buf = field(default_factory=_Buf)
    hidden: _Buf = field(default_factory=_Buf)
    del_authors: list[str] = field(default_factory=list)
    fields: list[_Buf] = field(default_factory=list)
    field_stack: list[_Buf] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    alts: list[tuple[str, etree._Element, str]] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)
    last: _Buf | None = None

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

    def label_for(self, n: int) -> str:
        return f"{self.label} {n}" if self.numbered else self.label


BODY = _Ctx("body", "Paragraph", True)
TEXTBOX = _Ctx("textbox", "Text box, paragraph", True)


# ---------------------------------------------------------------------- reader
class _Reader:
    def __init__(self, pkg: Package) -> None:
        self.pkg = pkg
        self.segments: list[Segment] = []
        self.hidden_styles = self._hidden_styles()
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
        self._properties()
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

    def _hidden_styles(self) -> frozenset[str]:
        """Style ids whose run properties hide text (following basedOn chains)."""
        names = self._targets("/styles", "word/styles.xml")
        if not names:
            return frozenset()
        own: dict[str, bool | None] = {}
        based: dict[str, str] = {}
        for style in self.pkg.xml(names[0]).iter(W_STYLE):
            sid = style.get(W_STYLEID)
            if not sid:
                continue
            rpr = style.find(W_RPR)
            vanish = rpr.find(W_VANISH) if rpr is not None else None
            own[sid] = None if vanish is None else vanish.get(W_VAL, "1") not in _FALSE
            parent = style.find(W_BASEDON)
            if parent is not None and parent.get(W_VAL):
                based[sid] = parent.get(W_VAL)
        hidden = set()
        for sid in own:
            cur: str | None = sid
            for _ in range(20):  # basedOn loops exist in damaged files
                if cur is None or own.get(cur) is not None:
                    break
                cur = based.get(cur)
            if cur is not None and own.get(cur):
                hidden.add(sid)
        return frozenset(hidden)


class _Part:
    """Walks one story part (document, header, footnotes...) in document order."""

    def __init__(self, reader: _Reader, name: str) -> None:
        self.reader = reader
        self.pkg = reader.pkg
        self.name = name
        self.root = self.pkg.xml(name)
        # Paragraph N = ordinal of the w:p among all w:p of the part (one C-level pass).
        self.pnum: dict[etree._Element, int] = {
            p: i for i, p in enumerate(self.root.iter(W_P), 1)
        }
        self.done: set[etree._Element] = set()
        self._rels: dict[str, etree._Element] | None = None

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
        st = _Para()
        if self.reader.hidden_styles:
            ppr = p.find(W_PPR)
            pstyle = ppr.find(W_PSTYLE) if ppr is not None else None
            st.hidden_style = pstyle is not None and pstyle.get(W_VAL) in self.reader.hidden_styles
        self.inline(p, st, False, False)
        self.emit(st, ctx, n)
        for box in st.boxes:
            self.walk_blocks(box, TEXTBOX, [0])

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
        hidden = self._hidden(r, st.hidden_style)
        target = st.deleted if dele else st.hidden if hidden else st.main
        kind = "tracked_insertion" if ins and target is st.main else None
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
            elif tag == W_RUBY:
                self.inline(c, st, ins, dele)

    def _hidden(self, r: etree._Element, para_hidden: bool) -> bool:
        rpr = r.find(W_RPR)
        if rpr is None:
            return para_hidden
        vanish = rpr.find(W_VANISH)
        if vanish is not None:
            return vanish.get(W_VAL, "1") not in _FALSE
        if self.reader.hidden_styles:
            style = rpr.find(W_RSTYLE)
            if style is not None and style.get(W_VAL) in self.reader.hidden_styles:
                return True
        return para_hidden

    def embedded(self, el: etree._Element, st: _Para) -> None:
        """Text boxes, alt text and picture links inside a drawing, VML picture or object."""
        for node in _embedded(el):
            tag = node.tag
            if tag == W_TXBXCONTENT:
                st.boxes.append(node)
            elif tag == WP_DOCPR or tag.endswith("}cNvPr"):
                st.alts.append(("Image description", node, "descr"))
                st.alts.append(("Image title", node, "title"))
            elif tag == A_HLINKCLICK:
                if node.get(R_ID):
                    st.links.append(node.get(R_ID))
            else:  # a VML shape outside mc:Fallback (older files): its alt text
                st.alts.append(("Image description", node, "alt"))

    # -- output -----------------------------------------------------------------
    def emit(self, st: _Para, ctx: _Ctx, n: int) -> None:
        out = self.reader._add
        part = self.name
        out(Segment(st.main.text, part, ctx.kind, n, ctx.label_for(n), st.main.spans))
        if st.deleted.spans:
            authors = ", ".join(dict.fromkeys(st.del_authors)) or "(unknown)"
            out(Segment(st.deleted.text, part, "tracked_deletion", n,
                        f"Tracked deletion by {authors}", st.deleted.spans))
        if st.hidden.spans:
            out(Segment(st.hidden.text, part, "hidden_text", n, f"Hidden text, paragraph {n}",
                        st.hidden.spans))
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
