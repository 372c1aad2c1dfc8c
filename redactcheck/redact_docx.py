"""Run-level DOCX edits for `redactcheck redact`: replacements and hidden-content removal.

Replacements work through the reader's TextSpans, so a detail split over several
differently formatted runs is replaced in place: the first run that holds any of its
characters receives the replacement (and so keeps its formatting), the other runs lose
only those characters. Nodes no finding touches are never written to, so untouched runs
serialise byte for byte as before.

Hidden content is removed from the package trees *after* the replacements: the reader's
spans stay valid while we edit (unwrapping a w:ins moves the same lxml elements), and text
inside content that is then dropped was scrubbed anyway, which keeps the proof honest.
"""

from __future__ import annotations

import copy
import posixpath
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from .document import Document, Segment, TextSpan
from .docx_reader import BEHIND, OFF_PAGE, TAIL, png_text_chunks
from .errors import InputError
from .ooxml import A_NS, CP_NS, DC_NS, EP_NS, MC_NS, R_NS, VT_NS, XML_SPACE
from .ooxml import w as _w
from .package import CONTENT_TYPES, CT_NS, OFFICE_ZIP_SUFFIXES, REL_NS, Package

DOCX_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
NEUTRAL_AUTHOR = "redactcheck"
EMBEDDED_PLACEHOLDER = "[embedded object removed]"
_IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf",
               ".svg", ".ico", ".wdp", ".jfif")
_PNG_TEXT = (b"tEXt", b"zTXt", b"iTXt")




W_R, W_T, W_RPR, W_TRPR, W_TR = _w("r"), _w("t"), _w("rPr"), _w("trPr"), _w("tr")
W_VANISH, W_VAL, W_HYPERLINK = _w("vanish"), _w("val"), _w("hyperlink")
_FALSE = ("0", "false", "off")
# Elements whose text must keep leading/trailing spaces.
_TEXT_TAGS = {_w("t"), _w("delText"), _w("instrText"), _w("delInstrText")}

_COMMENT_MARKERS = tuple(_w(n) for n in ("commentRangeStart", "commentRangeEnd"))
_COMMENT_REF = _w("commentReference")
# Relationship types (suffixes) of the parts that hold comments and the people list.
_COMMENT_RELS = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible",
                 "/people")
# Accepting all revisions: content of these is kept (unwrapped)...
_UNWRAP = (_w("ins"), _w("moveTo"))
# ...content of these is dropped...
_DROP = (_w("del"), _w("moveFrom"))
# ...and these only record old properties, authors and ranges: removed outright.
_MARKERS = tuple(_w(n) for n in (
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblGridChange", "tcPrChange",
    "trPrChange", "tblPrExChange", "numberingChange", "cellIns", "cellDel", "cellMerge",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
    "customXmlDelRangeEnd", "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd",
    "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
))
# Cheap byte pre-filters so parts without any of these are not parsed (and so are copied
# byte for byte).
_REVISION_BYTES = (b"ins ", b"ins>", b"del ", b"del>", b"Change", b"moveTo", b"moveFrom",
                   b"cellIns", b"cellDel", b"cellMerge", b"RangeStart")
_CORE_NEUTRAL = {f"{{{DC_NS}}}creator": NEUTRAL_AUTHOR,
                 f"{{{CP_NS}}}lastModifiedBy": NEUTRAL_AUTHOR}
_CORE_CLEAR = tuple(f"{{{ns}}}{n}" for ns, n in (
    (DC_NS, "title"), (DC_NS, "subject"), (CP_NS, "keywords"), (DC_NS, "description"),
    (CP_NS, "category"), (CP_NS, "contentStatus"), (DC_NS, "identifier"),
))
_APP_REMOVE = tuple(f"{{{EP_NS}}}{n}" for n in ("Company", "Manager", "HyperlinkBase", "HLinks"))


@dataclass(frozen=True)
class Edit:
    """Replace characters [start, end) of segment `segment` with `replacement`."""

    segment: int
    start: int
    end: int
    replacement: str


# ------------------------------------------------------------------ replacements
def _value(span: TextSpan) -> str:
    if span.attr == TAIL:
        return span.node.tail or ""
    if span.attr:
        return span.node.get(span.attr) or ""
    return span.node.text or ""


def _store(span: TextSpan, value: str) -> None:
    if span.attr == TAIL:
        span.node.tail = value
        return
    if span.attr:
        span.node.set(span.attr, value)
        return
    span.node.text = value
    if span.node.tag in _TEXT_TAGS and value != value.strip():
        span.node.set(XML_SPACE, "preserve")


def apply_edits(segments: Sequence[Segment], edits: Iterable[Edit]) -> list[etree._Element]:
    """Apply edits through the segments' spans; returns the relationship elements whose
    Target was edited (the caller neutralises those links).

    Edits of one segment are applied right to left, so earlier offsets stay valid. A
    segment whose spans all cover the same characters (one author name stored on many
    elements) gets the replacement on every copy.
    """
    by_segment: dict[int, list[Edit]] = {}
    for edit in edits:
        by_segment.setdefault(edit.segment, []).append(edit)
    links: list[etree._Element] = []
    for index, seg_edits in by_segment.items():
        segment = segments[index]
        for edit in sorted(seg_edits, key=lambda e: e.start, reverse=True):
            spans = segment.spans_in(edit.start, edit.end)
            if not spans:
                continue  # only synthetic characters (a tab): nothing stored to edit
            first = min(s.start for s in spans)
            for span in spans:
                lo = max(edit.start, span.start) - span.start + span.offset
                hi = min(edit.end, span.end) - span.start + span.offset
                value = _value(span)
                insert = edit.replacement if span.start == first else ""
                _store(span, value[:lo] + insert + value[hi:])
                if span.attr == "Target" and etree.QName(span.node).localname == "Relationship":
                    links.append(span.node)
    return links


# ---------------------------------------------------------------- hidden content
@dataclass
class Cleaner:
    """Removes what a reader of the copy should not find; counts what it removed."""

    pkg: Package
    removed: Counter

    def __post_init__(self) -> None:
        """Refuse a package Word would call damaged (the copy's meaning would depend on
        the repair); drop members with unsafe names (they are never copied)."""
        if self.pkg.damage:
            raise InputError(f"{self.pkg.path}: refusing to redact: {self.pkg.damage[0]};"
                             " open it in Word, save a new copy and redact that")
        for name in list(self.pkg.unsafe):
            self.pkg.remove(name)
            self.removed["zip members with unsafe names dropped"] += 1
        self.pkg.unsafe = []

    # -- helpers ------------------------------------------------------------------
    def story_parts(self) -> list[str]:
        """WordprocessingML parts (document, headers, footers, notes, comments...)."""
        out = []
        for name in self.pkg.names:
            if not name.startswith("word/") or not name.endswith(".xml"):
                continue
            ctype = self.pkg.content_type(name) or ""
            if "wordprocessingml" in ctype or "ms-word" in ctype:
                out.append(name)
        return out

    def drop_part(self, name: str) -> None:
        """Remove a part, its own relationships part, and every relationship to it."""
        if not self.pkg.has(name):
            return
        self.pkg.remove(name)
        rels_name = Package.rels_name(name)
        if self.pkg.has(rels_name):
            self.pkg.remove(rels_name)
        for rels_part in [n for n in self.pkg.names if n.endswith(".rels")]:
            source = _source_of(rels_part)
            root = self.pkg.xml(rels_part)
            for rel in list(root.iter(f"{{{REL_NS}}}Relationship")):
                if rel.get("TargetMode") == "External":
                    continue
                if Package.resolve(source, rel.get("Target", "")) == name:
                    root.remove(rel)

    def related_targets(self, source: str, suffixes: Sequence[str]) -> list[str]:
        out = []
        for suffix in suffixes:
            out.extend(t for _, t in self.pkg.related(source, suffix))
        return out

    # -- comments -----------------------------------------------------------------
    def comments(self) -> None:
        parts = set(self.related_targets(self.pkg.main, _COMMENT_RELS))
        # Parts left behind without a relationship are still in the zip: drop them too.
        parts |= {n for n in self.pkg.names
                  if posixpath.basename(n).startswith(("comments", "people"))
                  and n.startswith("word/") and n.endswith(".xml")}
        for name in sorted(parts):
            if self.pkg.has(name):
                if posixpath.basename(name).startswith("comments"):
                    count = sum(1 for _ in self.pkg.xml(name).iter(_w("comment")))
                    if count:
                        self.removed["comments"] += count
                self.drop_part(name)
                self.removed["comment parts"] += 1
        for name in self.story_parts():
            raw = self.pkg.raw(name)
            if b"comment" not in raw:
                continue
            root = self.pkg.xml(name)
            for el in list(root.iter(*_COMMENT_MARKERS)):
                _remove(el)
            for ref in list(root.iter(_COMMENT_REF)):
                run = ref.getparent()
                _remove(ref)
                if run is not None and run.tag == W_R and all(c.tag == W_RPR for c in run):
                    _remove(run)

    # -- tracked changes ----------------------------------------------------------
    def revisions(self) -> None:
        for name in self.story_parts():
            raw = self.pkg.raw(name)
            if not any(b in raw for b in _REVISION_BYTES):
                continue
            root = self.pkg.xml(name)
            for el in list(root.iter(*_MARKERS)):
                _remove(el)
            for el in list(root.iter(*_DROP)):
                parent = el.getparent()
                if parent is None:
                    continue
                if parent.tag == W_TRPR:  # a deleted table row
                    row = parent.getparent()
                    if row is not None and row.tag == W_TR:
                        _remove(row)
                        self.removed["tracked deletions"] += 1
                        continue
                if parent.tag == W_RPR:  # a deleted paragraph mark: keep the paragraphs
                    _remove(el)
                    continue
                _remove(el)
                self.removed["tracked deletions"] += 1
            for el in list(root.iter(*_UNWRAP)):
                parent = el.getparent()
                if parent is None:
                    continue
                if parent.tag in (W_RPR, W_TRPR):  # inserted paragraph mark or row
                    _remove(el)
                    continue
                _unwrap(el)
                self.removed["tracked insertions accepted"] += 1
            # Anything deleted that sat outside a w:del (damaged files): drop its run.
            for el in list(root.iter(_w("delText"), _w("delInstrText"))):
                run = el.getparent()
                _remove(run if run is not None and run.tag == W_R else el)
        settings = self.related_targets(self.pkg.main, ("/settings",))
        for name in settings:
            if self.pkg.has(name) and b"trackRevisions" in self.pkg.raw(name):
                for el in list(self.pkg.xml(name).iter(_w("trackRevisions"))):
                    _remove(el)

    # -- hidden text ----------------------------------------------------------------
    def hidden_text(self, document: Document | None) -> None:
        runs: set[etree._Element] = set()
        shapes: dict[etree._Element, str] = {}
        if document is not None:
            # The reader also knows runs hidden by a style, by white or tiny text, or by a
            # shape in front of them, and text boxes in shapes placed off the page or
            # behind the text.
            for seg in document.segments:
                if seg.hidden_by in (OFF_PAGE, BEHIND):
                    what = ("shapes placed off the page" if seg.hidden_by == OFF_PAGE
                            else "text boxes behind the document text")
                    shapes.update((r, what) for r in map(_shape_run, (s.node for s in seg.spans))
                                  if r is not None)
                elif seg.hidden_by or (seg.kind == "hidden_text"
                                       and seg.label.startswith("Hidden text")):
                    for span in seg.spans:
                        if seg.kind != "hidden_text" and span.kind != "hidden_text":
                            continue  # the visible runs of a paragraph holding white text
                        run = span.node.getparent()
                        if run is not None and run.tag == W_R:
                            runs.add(run)
        for run, what in shapes.items():
            if run.getparent() is not None:
                _remove(run)
                self.removed[what] += 1
        for name in self.story_parts():
            if b"vanish" not in self.pkg.raw(name):
                continue
            for vanish in self.pkg.xml(name).iter(W_VANISH):
                rpr = vanish.getparent()
                run = rpr.getparent() if rpr is not None and rpr.tag == W_RPR else None
                if run is not None and run.tag == W_R and vanish.get(W_VAL, "1") not in _FALSE:
                    runs.add(run)
        for run in runs:
            if run.getparent() is None:
                continue
            if any(c.tag in _KEEP_RUN for c in run):
                # Removing a field's begin/end run would break the field, and a run that
                # also holds a drawing keeps it: drop the text only.
                for t in list(run.iter(W_T)):
                    _remove(t)
            else:
                _remove(run)
            self.removed["hidden text runs"] += 1

    # -- properties, thumbnail, custom XML, macros ---------------------------------
    def properties(self) -> None:
        for name in self.related_targets("", ("/core-properties",)) or ["docProps/core.xml"]:
            if not self.pkg.has(name):
                continue
            root = self.pkg.xml(name)
            changed = False
            for el in root:
                if el.tag in _CORE_NEUTRAL and (el.text or "") != _CORE_NEUTRAL[el.tag]:
                    el.text = _CORE_NEUTRAL[el.tag]
                    changed = True
                elif el.tag in _CORE_CLEAR and el.text:
                    el.text = None
                    changed = True
            if changed:
                self.removed["document properties cleared"] += 1
        for name in self.related_targets("", ("/extended-properties",)) or ["docProps/app.xml"]:
            if not self.pkg.has(name):
                continue
            root = self.pkg.xml(name)
            for el in list(root):
                if el.tag in _APP_REMOVE:
                    _remove(el)
                    self.removed["document properties cleared"] += 1
            # TitlesOfParts repeats the document title.
            for titles in root.iter(f"{{{EP_NS}}}TitlesOfParts"):
                for value in titles.iter(f"{{{VT_NS}}}lpstr", f"{{{VT_NS}}}lpwstr"):
                    value.text = None
        for name in set(self.related_targets("", ("/custom-properties",))) | (
            {"docProps/custom.xml"} if self.pkg.has("docProps/custom.xml") else set()
        ):
            self.drop_part(name)
            self.removed["custom properties part"] += 1

    def thumbnail(self) -> None:
        names = set(self.related_targets("", ("/thumbnail",)))
        names |= {n for n in self.pkg.names if n.startswith("docProps/thumbnail")}
        for name in names:
            self.drop_part(name)
            self.removed["thumbnail"] += 1

    def custom_xml(self) -> None:
        names = [n for n in self.pkg.names if n.startswith("customXml/")]
        for name in names:
            if name.endswith(".rels"):
                continue
            self.drop_part(name)
            if posixpath.basename(name).startswith("item") and "Props" not in name:
                self.removed["custom XML parts"] += 1
        for name in names:  # leftover relationship parts
            if self.pkg.has(name):
                self.pkg.remove(name)
        # Content controls bound to a removed part keep their (redacted) text.
        for name in self.story_parts():
            if b"dataBinding" in self.pkg.raw(name):
                for el in list(self.pkg.xml(name).iter("{*}dataBinding")):
                    _remove(el)

    def macros(self) -> None:
        """A .docm's macro project may hold names and paths; a .docx copy carries none."""
        found = [n for n in self.pkg.names
                 if posixpath.basename(n).lower() in ("vbaproject.bin", "vbadata.xml")]
        for name in found:
            self.drop_part(name)
            self.removed["macro parts"] += 1
        if "macroEnabled" in (self.pkg.content_type(self.pkg.main) or ""):
            # Edit the Override in place: Package.add would re-set the main part's bytes
            # and drop the parsed tree the spans point into.
            types = self.pkg.xml(CONTENT_TYPES)
            for override in types.iter(f"{{{CT_NS}}}Override"):
                if override.get("PartName", "").lstrip("/") == self.pkg.main:
                    override.set("ContentType", DOCX_MAIN_TYPE)

    # -- links and text-box copies -----------------------------------------------
    def neutralise_links(self, rels: Iterable[etree._Element]) -> None:
        """Drop hyperlink relationships whose target held a finding; the link text stays."""
        seen: set[int] = set()
        rels_parts = {id(self.pkg.xml(n)): n for n in self.pkg.names if n.endswith(".rels")}
        for rel in rels:
            if id(rel) in seen or rel.getparent() is None:
                continue
            seen.add(id(rel))
            rels_part = rels_parts.get(id(rel.getroottree().getroot()))
            rid = rel.get("Id")
            if rels_part is not None and rid:
                source = _source_of(rels_part)
                if self.pkg.has(source):
                    root = self.pkg.xml(source)
                    for el in list(root.iter()):
                        if el.get(f"{{{R_NS}}}id") != rid:
                            continue
                        if el.tag == W_HYPERLINK:
                            _unwrap(el)
                        elif etree.QName(el).namespace == A_NS:  # a:hlinkClick on a picture
                            _remove(el)
            _remove(rel)
            self.removed["hyperlink targets removed"] += 1

    def sync_textbox_fallbacks(self) -> None:
        """Word stores a text box twice (DrawingML choice, VML fallback) and the reader
        reads the choice only: copy the redacted choice's content into the fallback."""
        for name in self.story_parts():
            if b"txbxContent" not in self.pkg.raw(name):
                continue
            root = self.pkg.xml(name)
            for ac in root.iter(f"{{{MC_NS}}}AlternateContent"):
                choice = ac.find(f"{{{MC_NS}}}Choice")
                fallback = ac.find(f"{{{MC_NS}}}Fallback")
                if choice is None or fallback is None:
                    continue
                src = list(choice.iter(_w("txbxContent")))
                dst = list(fallback.iter(_w("txbxContent")))
                for s, d in zip(src, dst, strict=False):
                    for child in list(d):
                        d.remove(child)
                    for child in s:
                        d.append(copy.deepcopy(child))


    # -- parts the story walk does not read ---------------------------------------
    def other_parts(self, document: Document | None = None) -> None:
        """Building blocks, embedded objects, imported (altChunk) content, text parts,
        PNG text chunks and unknown binary parts: each removed, or rebuilt from the
        reader's (redacted) text."""
        for name in sorted(self.pkg.unread):  # unknown binaries and damaged parts
            if self.pkg.has(name):
                self.drop_part(name)
                self.removed["parts that could not be read"] += 1
        self.alt_chunks()
        self.glossary()
        self.embeddings()
        for name, (source, holder) in list(self.pkg.synthetic.items()):
            if not self.pkg.has(name) or source == "png":
                continue
            text = "\n".join(p.text or "" for p in holder)
            self.pkg.set_raw(name, text.encode("utf-8"))
            self.removed["text parts rewritten from their redacted text"] += 1
        for name in list(self.pkg.names):
            low = name.lower()
            if low.endswith(".png"):
                raw = self.pkg.raw(name)
                stripped = _strip_png_text(raw)
                if stripped != raw:
                    self.pkg.set_raw(name, stripped)
                    self.removed["image text chunks"] += 1

    def alt_chunks(self) -> None:
        """Imported HTML/RTF/text becomes ordinary paragraphs of its redacted text."""
        for story in [n for n in self.pkg.names if n.endswith(".xml")]:
            if b"altChunk" not in self.pkg.raw(story):
                continue
            for chunk in list(self.pkg.xml(story).iter(_w("altChunk"))):
                rid = chunk.get(f"{{{R_NS}}}id", "")
                rel = self.pkg.relationship(story, rid)
                target = Package.resolve(story, rel.get("Target", "")) if rel is not None \
                    else None
                holder = self.pkg.synthetic.get(target, (None, None))[1] if target else None
                parent = chunk.getparent()
                if parent is None:
                    continue
                index = parent.index(chunk)
                for p in holder if holder is not None else ():
                    para = etree.Element(_w("p"))
                    run = etree.SubElement(para, W_R)
                    t = etree.SubElement(run, W_T)
                    t.text = p.text or ""
                    t.set(XML_SPACE, "preserve")
                    parent.insert(index, para)
                    index += 1
                _remove(chunk)
                if target:
                    self.drop_part(target)
                self.removed["imported (altChunk) parts turned into paragraphs"] += 1

    def glossary(self) -> None:
        names = [n for n in self.pkg.names if n.startswith("word/glossary/")]
        names += [t for t in self.related_targets(self.pkg.main, ("/glossaryDocument",))
                  if t not in names]
        if not names:
            return
        for name in names:
            self.drop_part(name)
        for name in [n for n in self.pkg.names if n.startswith("word/glossary/")]:
            self.pkg.remove(name)  # leftover relationship parts
        self.removed["building blocks (glossary) removed"] += 1

    def embeddings(self) -> None:
        """Embedded objects are dropped with their relationships; where the page showed
        one, a placeholder says so; its preview image goes too."""
        targets = {n for n in self.pkg.names
                   if n.startswith("word/embeddings/") or n.lower().endswith(OFFICE_ZIP_SUFFIXES)}
        if not targets:
            return
        previews: set[str] = set()
        for rels_part in [n for n in self.pkg.names if n.endswith(".rels")]:
            source = _source_of(rels_part)
            if not self.pkg.has(source) or not source.endswith(".xml"):
                continue
            rels = self.pkg.xml(rels_part).iter(f"{{{REL_NS}}}Relationship")
            rids = {rel.get("Id") for rel in rels if rel.get("TargetMode") != "External"
                    and Package.resolve(source, rel.get("Target", "")) in targets}
            if not rids:
                continue
            root = self.pkg.xml(source)
            for el in list(root.iter()):
                if not isinstance(el.tag, str) or el.getparent() is None:
                    continue
                if not any(v in rids for k, v in el.attrib.items() if k.startswith(f"{{{R_NS}}}")):
                    continue
                holder = next((a for a in el.iterancestors(_w("object"))), None)
                if holder is not None:
                    previews |= _related_ids(self.pkg, source, holder) - targets
                    run = holder.getparent()
                    _remove(holder)
                    if run is not None:
                        t = etree.SubElement(run, W_T)
                        t.text = EMBEDDED_PLACEHOLDER
                else:
                    _remove(el)  # a chart's c:externalData, a w14 reference...
        for name in sorted(targets):
            self.drop_part(name)
            self.removed["embedded objects replaced by a placeholder"] += 1
        for name in previews:
            if name.lower().endswith(_IMAGE_EXTS) and not _still_referenced(self.pkg, name):
                self.drop_part(name)



def _related_ids(pkg: Package, source: str, el: etree._Element) -> set[str]:
    """Member names that r:* attributes under el point at (a preview image)."""
    out = set()
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        for key, value in node.attrib.items():
            if key.startswith(f"{{{R_NS}}}") or key.endswith("}relid"):
                rel = pkg.relationship(source, value)
                if rel is not None and rel.get("TargetMode") != "External":
                    out.add(Package.resolve(source, rel.get("Target", "")))
    return out


def _still_referenced(pkg: Package, name: str) -> bool:
    """True when an element still uses a relationship to the member `name`."""
    for rels_part in [n for n in pkg.names if n.endswith(".rels")]:
        source = _source_of(rels_part)
        rids = {rel.get("Id") for rel in pkg.xml(rels_part).iter(f"{{{REL_NS}}}Relationship")
                if Package.resolve(source, rel.get("Target", "")) == name}
        if not rids or not pkg.has(source) or not source.endswith(".xml"):
            continue
        for node in pkg.xml(source).iter():
            if isinstance(node.tag, str) and any(v in rids for v in node.attrib.values()):
                return True
    return False


_KEEP_RUN = frozenset(_w(n) for n in ("fldChar", "instrText", "drawing", "pict", "object"))


def _shape_run(node: etree._Element) -> etree._Element | None:
    """The run outside the text box that holds node: the shape's own run."""
    inside = False
    for anc in node.iterancestors():
        if anc.tag == _w("txbxContent"):
            inside = True
        elif inside and anc.tag == W_R:
            return anc
    return None


def _strip_png_text(data: bytes) -> bytes:
    """The PNG without its tEXt, zTXt and iTXt chunks (text metadata)."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or not png_text_chunks(data):
        return data
    out, pos = [data[:8]], 8
    while pos + 8 <= len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        chunk = data[pos:pos + 12 + length]
        if data[pos + 4:pos + 8] not in _PNG_TEXT:
            out.append(chunk)
        pos += 12 + length
    return b"".join(out)


def _source_of(rels_part: str) -> str:
    """word/_rels/document.xml.rels -> word/document.xml; _rels/.rels -> "" (the package)."""
    folder, base = posixpath.split(rels_part)
    parent = posixpath.dirname(folder)
    return posixpath.join(parent, base[: -len(".rels")]) if base != ".rels" else ""


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        _keep_tail(el)
        parent.remove(el)


def _keep_tail(el: etree._Element) -> None:
    """lxml drops an element's tail with it; keep any (rare) non-blank tail text."""
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        parent = el.getparent()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        elif parent is not None:
            parent.text = (parent.text or "") + el.tail


def _unwrap(el: etree._Element) -> None:
    """Replace el by its children (the same element objects, so spans stay valid)."""
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    for child in list(el):
        parent.insert(index, child)
        index += 1
    _remove(el)
