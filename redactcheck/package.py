"""A DOCX/DOCM package (a zip of XML parts) read fully into memory, safely.

`Package.open` refuses, with one line naming the file, anything that is not a plain
Word package: a binary .doc, a password-protected .docx (both OLE containers), a
corrupt or truncated zip, a zip bomb, XML carrying a DTD or entity declarations, or a
zip without [Content_Types].xml or a main document part. Declared sizes are checked
before anything is decompressed, and zipfile never inflates a member past its declared
size, so a bomb costs no memory.

XML parts are parsed lazily with a hardened parser and cached: the reader's text spans
point into these cached trees, later stages edit them in place, and `to_bytes()` writes
the edited trees back while copying every other member byte for byte. The input file
is only ever opened for reading.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from .errors import ConfigError, InputError
from .io import same_file, write_atomic

# Limits far above any real review draft (a 150,000-word draft is ~15 MB of XML). The
# total caps memory whatever the zip claims. The ratio test only applies to big members:
# repetitive generated XML legitimately deflates 200-900 times, but no real part is
# both that compressible and tens of megabytes.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 100
RATIO_MIN_SIZE = 32 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT_REL = "/officeDocument"
# Content types Word accepts for the main document part.
MAIN_TYPES = frozenset(
    f"application/vnd.{kind}.main+xml" for kind in (
        "openxmlformats-officedocument.wordprocessingml.document",
        "openxmlformats-officedocument.wordprocessingml.template",
        "ms-word.document.macroEnabled", "ms-word.template.macroEnabledTemplate",
    )
)
# A zip member name no valid part can have, and that an unzip tool could write outside its
# folder: "../x", "a/../b", "/etc/x", "a\\b", "C:x", or with control characters.
_UNSAFE_NAME = re.compile(r"^/|\\|^[A-Za-z]:|(^|/)\.\.?(/|$)|[\x00-\x1f\x7f]")

# Word never writes DTDs; refusing them outright closes off entity-expansion tricks
# even before the (already hardened) parser sees them.
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_blank_text=False,
)

# A fixed timestamp for members we add, so output does not depend on the clock.
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)

# Embedded Office documents are opened with the same limits as the outer package; they
# nest at most this deep, and all packages of one file share one uncompressed budget.
MAX_DEPTH = 3
OFFICE_ZIP_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".xlsx", ".xlsm", ".pptx", ".pptm")


class Budget:
    """Uncompressed bytes left for one file and everything nested inside it."""

    def __init__(self, total: int = MAX_TOTAL_UNCOMPRESSED) -> None:
        self.left = total

    def charge(self, path: Path, size: int) -> None:
        if size > self.left:
            raise InputError(
                f"{path}: refusing to unpack: with its embedded packages the file expands"
                f" past {MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MB (possible zip bomb)"
            )
        self.left -= size


def _is_xml_name(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


class Package:
    """An in-memory Open XML package. Member names have no leading slash."""

    def __init__(self, path: Path, members: dict[str, bytes], infos: dict[str, zipfile.ZipInfo]):
        self.path = path
        self._data = members  # insertion order is the zip's member order
        self._infos = infos
        self._trees: dict[str, etree._Element] = {}
        self._xml_meta: dict[str, tuple[str, bool | None, bytes | None]] = {}
        self.main = "word/document.xml"
        self.depth = 0
        self.budget = Budget()
        # Embedded packages opened with `embedded()`; to_bytes() writes them back.
        self.children: dict[str, Package] = {}
        # Non-XML parts the reader read as text (an altChunk's HTML, a .txt part): the
        # source format and a holder element whose children hold the text, one per
        # paragraph; the reader's spans point into them and writers rebuild the part.
        self.synthetic: dict[str, tuple[str, etree._Element]] = {}
        # Parts the reader could not read as text (unknown binaries): a redacted copy
        # drops them.
        self.unread: set[str] = set()
        # Member names no valid part has (path traversal, absolute, backslash, drive
        # letter): read like any other part, never copied into a redacted copy.
        self.unsafe: list[str] = [n for n in members if _UNSAFE_NAME.search(n)]
        # What Word would report as damage and offer to repair (names differing only in
        # case, a main part without its content type...): `check` notes each one (the
        # text is still read), `redact` refuses (warnings_for_redact).
        self.damage: list[str] = []

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | Path) -> Package:
        """Read and check a .docx/.docm. Raises InputError with one line for the user."""
        path = Path(path)
        data = _read_file(path)
        return cls.from_bytes(path, data)

    @classmethod
    def from_bytes(cls, path: Path, data: bytes, budget: Budget | None = None,
                   depth: int = 0, word: bool = True) -> Package:
        """A package from bytes already read; `word=False` skips the Word-only structure
        checks (an embedded workbook)."""
        budget = budget or Budget()
        _check_not_ole(path, data)
        members, infos = _read_zip(path, data, budget)
        pkg = cls(path, members, infos)
        pkg.depth, pkg.budget = depth, budget
        if word:
            pkg._check_structure()
        else:
            for name, raw in members.items():
                if _is_xml_name(name) and _has_dtd(raw):
                    raise InputError(f"{path}: part {name} contains a DTD/entity declaration;"
                                     " refusing to parse")
        return pkg

    def embedded(self, name: str) -> Package:
        """The member `name` (an embedded .docx/.xlsx...) opened as a package, once, with
        the same limits; edits to it are written back by to_bytes(). Raises InputError."""
        child = self.children.get(name)
        if child is not None:
            return child
        label = Path(f"{self.path}!{name}")
        if self.depth + 1 > MAX_DEPTH:
            raise InputError(f"{label}: embedded more than {MAX_DEPTH} levels deep; not opened")
        word = name.lower().endswith((".docx", ".docm", ".dotx", ".dotm"))
        child = Package.from_bytes(label, self._data[name], self.budget, self.depth + 1, word)
        self.children[name] = child
        return child

    def _check_structure(self) -> None:
        for name, raw in self._data.items():
            if _is_xml_name(name) and _has_dtd(raw):
                raise InputError(
                    f"{self.path}: part {name} contains a DTD/entity declaration, which Word"
                    " never writes; refusing to parse"
                )
        if CONTENT_TYPES not in self._data:
            raise InputError(
                f"{self.path}: not a valid Word document: no [Content_Types].xml in the zip;"
                " open it in Word and save it as .docx"
            )
        self._check_content_types()
        main = [t for _, t in self.related("", OFFICE_DOCUMENT_REL)]
        self.main = main[0] if main else "word/document.xml"
        if self.main not in self._data:
            raise InputError(
                f"{self.path}: no main document part ({self.main}); the file is damaged or"
                " not a Word document: open it in Word and save it as .docx"
            )
        root = self.xml(self.main)
        if etree.QName(root).localname != "document":
            raise InputError(
                f"{self.path}: not a Word document (main part {self.main} is"
                f" <{etree.QName(root).localname}>); check the file type"
            )
        if "purl.oclc.org/ooxml" in (etree.QName(root).namespace or ""):
            raise InputError(
                f"{self.path}: saved as 'Strict Open XML'; in Word use Save As > Word Document"
                " (.docx) and check that copy"
            )
        main_type = self.content_type(self.main)
        if main_type not in MAIN_TYPES:
            self.damage.append(
                f"[Content_Types].xml gives the main part {self.main} "
                + (f"the type {main_type!r}" if main_type else "no content type")
                + ", not a Word document's: Word will call the file damaged and offer to"
                " repair it")
        self._check_names()

    def _check_content_types(self) -> None:
        """[Content_Types].xml must be XML with a <Types> root (else Word cannot open the
        file: exit 3); an XML part without a content type is damage Word repairs."""
        try:
            types = self.xml(CONTENT_TYPES)
        except InputError:
            raise InputError(
                f"{self.path}: not a valid Word document: [Content_Types].xml is not"
                " well-formed XML; open it in Word and save a new copy"
            ) from None
        if types.tag != f"{{{CT_NS}}}Types":
            raise InputError(
                f"{self.path}: not a valid Word document: [Content_Types].xml has no <Types>"
                " list of content types; open it in Word and save a new copy"
            )
        untyped = [n for n in self._data if n != CONTENT_TYPES and _is_xml_name(n)
                   and not self.content_type(n)]
        if untyped:
            self.damage.append(
                f"[Content_Types].xml gives {len(untyped)} XML part(s) no content type"
                f" (first: {untyped[0]}; no Default for .xml?): Word will call the file"
                " damaged and offer to repair it")

    def _check_names(self) -> None:
        """Part names that differ only in case are one part to Word (OPC compares names
        case-insensitively): which copy Word shows is not defined."""
        seen: dict[str, str] = {}
        for name in self._data:
            other = seen.setdefault(name.lower(), name)
            if other != name:
                self.damage.append(
                    f"the zip holds parts '{other}' and '{name}', whose names differ only in"
                    " case (Word treats them as one part and calls the file damaged)")

    @property
    def warnings(self) -> list[str]:
        """One line per oddity of the package `check` reports (its text is still read)."""
        out = list(self.damage)
        for name in self.unsafe:
            out.append(f"zip member '{name}' has an unsafe name (path traversal, absolute,"
                       " backslash or drive letter): no Word part has it; it was read as an"
                       " unknown part and `redact` drops it")
        return out

    # ------------------------------------------------------------------ members
    @property
    def names(self) -> list[str]:
        return list(self._data)

    def has(self, name: str) -> bool:
        return name in self._data

    def raw(self, name: str) -> bytes:
        """Current bytes of a member (re-serialised if its tree was parsed)."""
        if name in self.children:
            return self.children[name].to_bytes()
        if name in self._trees:
            return self._serialise(name)
        try:
            return self._data[name]
        except KeyError:
            raise KeyError(f"{name} is not in {self.path}") from None

    def xml(self, name: str) -> etree._Element:
        """The member parsed (once) with the hardened parser; edits stick for to_bytes()."""
        tree = self._trees.get(name)
        if tree is not None:
            return tree
        raw = self._data[name]
        if _has_dtd(raw):
            raise InputError(
                f"{self.path}: part {name} contains a DTD/entity declaration, which Word"
                " never writes; refusing to parse"
            )
        try:
            root = etree.fromstring(raw, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise InputError(
                f"{self.path}: part {name} is not well-formed XML ({exc.msg}); the file is"
                " damaged: open it in Word and save a new copy"
            ) from None
        if root is None:
            raise InputError(f"{self.path}: part {name} is empty; the file is damaged")
        docinfo = root.getroottree().docinfo
        if docinfo.internalDTD is not None or docinfo.doctype:
            raise InputError(
                f"{self.path}: part {name} contains a DTD/entity declaration, which Word"
                " never writes; refusing to parse"
            )
        self._xml_meta[name] = (docinfo.encoding or "UTF-8", docinfo.standalone,
                                _prolog(raw))
        self._trees[name] = root
        return root

    def set_raw(self, name: str, data: bytes) -> None:
        """Replace a member's bytes (drops any parsed tree of it)."""
        if name not in self._data:
            raise KeyError(f"{name} is not in {self.path}")
        self._trees.pop(name, None)
        self.children.pop(name, None)
        self._data[name] = data

    def remove(self, name: str) -> None:
        """Drop a member and its Override in [Content_Types].xml; its relationships are the
        caller's to remove."""
        self._data.pop(name, None)
        self._trees.pop(name, None)
        self.children.pop(name, None)
        self._infos.pop(name, None)
        if name != CONTENT_TYPES and CONTENT_TYPES in self._data:
            types = self.xml(CONTENT_TYPES)
            for override in types.findall(f"{{{CT_NS}}}Override"):
                if override.get("PartName") == "/" + name:
                    types.remove(override)

    def add(self, name: str, data: bytes, content_type: str | None = None) -> None:
        """Add (or replace) a member; with a content type, also add its Override."""
        if name in self._data:
            self.set_raw(name, data)
        else:
            self._data[name] = data
        if content_type:
            types = self.xml(CONTENT_TYPES)
            for override in types.findall(f"{{{CT_NS}}}Override"):
                if override.get("PartName") == "/" + name:
                    override.set("ContentType", content_type)
                    break
            else:
                etree.SubElement(
                    types, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=content_type
                )

    def content_type(self, name: str) -> str | None:
        """The part's content type: its Override, else the Default for its extension."""
        if CONTENT_TYPES not in self._data:
            return None
        types = self.xml(CONTENT_TYPES)
        for override in types.iter(f"{{{CT_NS}}}Override"):
            if override.get("PartName", "").lstrip("/") == name:
                return override.get("ContentType")
        ext = name.rsplit(".", 1)[-1].lower()
        for default in types.iter(f"{{{CT_NS}}}Default"):
            if default.get("Extension", "").lower() == ext:
                return default.get("ContentType")
        return None

    # ------------------------------------------------------------ relationships
    @staticmethod
    def rels_name(part_name: str) -> str:
        """word/document.xml -> word/_rels/document.xml.rels; "" (the package) -> _rels/.rels."""
        folder, base = posixpath.split(part_name)
        return posixpath.join(folder, "_rels", base + ".rels")

    def rels(self, part_name: str) -> etree._Element | None:
        name = self.rels_name(part_name)
        return self.xml(name) if name in self._data else None

    def relationship(self, part_name: str, rid: str) -> etree._Element | None:
        """The <Relationship> element with Id=rid in the part's .rels, or None."""
        rels = self.rels(part_name)
        if rels is None:
            return None
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Id") == rid:
                return rel
        return None

    def related(self, part_name: str, rel_type_suffix: str) -> list[tuple[str, str]]:
        """(rId, target part name) of internal relationships whose Type ends with the suffix."""
        rels = self.rels(part_name)
        if rels is None:
            return []
        found = []
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            if not rel.get("Type", "").endswith(rel_type_suffix):
                continue
            found.append((rel.get("Id", ""), self.resolve(part_name, rel.get("Target", ""))))
        return found

    @staticmethod
    def resolve(part_name: str, target: str) -> str:
        """A relationship target relative to its source part, as a member name."""
        if target.startswith("/"):
            return posixpath.normpath(target).lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(part_name), target))

    # ------------------------------------------------------------------ writing
    def _serialise(self, name: str) -> bytes:
        encoding, standalone, prolog = self._xml_meta.get(name, ("UTF-8", None, None))
        tree = self._trees[name].getroottree()
        if prolog is not None and encoding.upper() in ("UTF-8", "UTF8"):
            # Keep Word's own declaration line verbatim, so an unedited part round-trips
            # byte for byte (lxml would re-quote it and drop the line break).
            return prolog + etree.tostring(tree, encoding="UTF-8", xml_declaration=False)
        return etree.tostring(tree, xml_declaration=True, encoding=encoding,
                              standalone=standalone)

    def to_bytes(self) -> bytes:
        """The package as a zip: parsed trees re-serialised, other members copied as read."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in self._data:
                old = self._infos.get(name)
                info = zipfile.ZipInfo(name, old.date_time if old else _FIXED_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                if old is not None:
                    info.external_attr = old.external_attr
                zf.writestr(info, self.raw(name))
        return out.getvalue()

    def save(self, path: str | Path) -> Path:
        """Write the package atomically; never over the file it was read from."""
        if same_file(self.path, path):
            raise ConfigError(f"{path}: refusing to overwrite the input document")
        return write_atomic(path, self.to_bytes(), private=False)


# ---------------------------------------------------------------------- checks
def _read_file(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a document")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"{path}: {size // (1024 * 1024)} MB is far larger than any review draft;"
                " remove embedded media and check a smaller copy"
            )
        with path.open("rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not data:
        raise InputError(f"{path}: the file is empty")
    return data


def _check_not_ole(path: Path, data: bytes) -> None:
    if not data.startswith(OLE_MAGIC):
        return
    # An encrypted .docx is an OLE container whose directory names these streams
    # (directory entry names are UTF-16LE).
    if any(s.encode("utf-16-le") in data for s in ("EncryptedPackage", "EncryptionInfo")):
        raise InputError(
            f"{path}: is password-protected (encrypted); remove the password in Word"
            " (File > Info > Protect Document) and save it as .docx"
        )
    raise InputError(
        f"{path}: is a Word 97-2003 .doc (or an encrypted/password-protected .docx):"
        " save as .docx without a password"
    )


def _read_zip(path: Path, data: bytes, budget: Budget | None = None
              ) -> tuple[dict[str, bytes], dict[str, zipfile.ZipInfo]]:
    damaged = (
        f"{path}: not a readable .docx (corrupt or truncated zip); open it in Word and"
        " save a new copy"
    )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError):  # "zip file version 15.5": a damaged version field
        if not data.startswith(b"PK"):
            raise InputError(
                f"{path}: not a Word .docx (not a zip package); save it as .docx in Word"
            ) from None
        raise InputError(damaged) from None
    with zf:
        infos = zf.infolist()
        _check_bomb(path, infos)
        if budget is not None:
            budget.charge(path, sum(i.file_size for i in infos))
        members: dict[str, bytes] = {}
        by_name: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if info.is_dir():
                continue
            if info.filename in members:
                raise InputError(
                    f"{path}: the zip holds two parts named {info.filename}; the file is"
                    " damaged or crafted: open it in Word and save a new copy"
                )
            if info.flag_bits & 0x1:
                raise InputError(
                    f"{path}: zip members are encrypted; this is not a Word package"
                )
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise InputError(
                    f"{path}: part {info.filename} uses a compression method Word never"
                    " writes; open it in Word and save a new copy"
                )
            try:
                # zipfile stops at the declared size and checks the CRC at the end.
                members[info.filename] = zf.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
                raise InputError(damaged) from None
            by_name[info.filename] = info
    return members, by_name


def _check_bomb(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    bomb = f"{path}: refusing to unpack: the zip's {{}} (possible zip bomb); this is not a" \
        " normal Word document"
    if len(infos) > MAX_MEMBERS:
        raise InputError(bomb.format(f"{len(infos)} parts exceed {MAX_MEMBERS}"))
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise InputError(bomb.format(
            f"uncompressed size {total // (1024 * 1024)} MB exceeds"
            f" {MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MB"
        ))
    for info in infos:
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise InputError(bomb.format(
                f"part {info.filename} expands {info.file_size // max(info.compress_size, 1)}"
                " times"
            ))


def _prolog(raw: bytes) -> bytes | None:
    """The XML declaration and the whitespace after it, or None if there is none."""
    if not raw.startswith(b"<?xml"):
        return None
    end = raw.find(b"?>")
    if end < 0:
        return None
    end += 2
    while end < len(raw) and raw[end:end + 1] in b" \t\r\n":
        end += 1
    return raw[:end]


def _has_dtd(raw: bytes) -> bool:
    head = raw
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # A UTF-16 part would hide the markers from a byte search.
        try:
            head = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return False
    return any(m in head for m in _DTD_MARKERS)
