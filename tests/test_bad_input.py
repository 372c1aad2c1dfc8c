"""Bad input: one clear line naming the file, InputError (exit 3), input untouched.

Every hostile file is crafted here in a few bytes; the zip bombs declare or inflate to
sizes the checks must refuse before decompressing, so the tests stay fast and small.
"""

from __future__ import annotations

import hashlib
import struct
import zipfile
from pathlib import Path

import pytest

from redactcheck import package
from redactcheck.document import load
from redactcheck.errors import EXIT_UNREADABLE, InputError
from redactcheck.package import OLE_MAGIC, Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOC = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
    "<w:body><w:p><w:r><w:t>Plain words about Nell Fairweather</w:t></w:r></w:p></w:body>"
    "</w:document>"
)
TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def make_zip(path: Path, members: dict[str, str | bytes],
             compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def good(path: Path, **extra: str | bytes) -> Path:
    return make_zip(path, {"[Content_Types].xml": TYPES, "word/document.xml": DOC, **extra})


def refused(path: Path, match: str) -> str:
    """Load through the public entry point; the error is one line naming the file."""
    with pytest.raises(InputError) as info:
        load(path)
    message = info.value.message
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert match in message
    assert info.value.exit_code == EXIT_UNREADABLE
    return message


def test_a_good_file_loads(tmp_path: Path) -> None:
    doc = load(good(tmp_path / "ok.docx"))
    assert [s.text for s in doc.segments] == ["Plain words about Nell Fairweather"]


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.docx", "no such file")
    with pytest.raises(InputError, match="no such file"):
        Package.open(tmp_path / "nowhere.docx")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    refused(path, "the file is empty")


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "draft.docx"
    folder.mkdir()
    refused(folder, "is a folder")
    with pytest.raises(InputError, match="is a folder"):
        Package.open(folder)


def test_binary_doc_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504 + "WordDocument".encode("utf-16-le"))
    refused(path, "is a Word 97-2003 .doc (or an encrypted/password-protected .docx): save"
                  " as .docx without a password")


def test_encrypted_docx(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le")
                     + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le"))
    refused(path, "is password-protected (encrypted); remove the password")


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("Just some text saved with the wrong name.\n", encoding="utf-8")
    refused(path, "not a Word .docx (not a zip package)")


def test_corrupt_zip(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x17" * 300)
    refused(path, "corrupt or truncated zip")


def test_truncated_zip(tmp_path: Path) -> None:
    whole = good(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    refused(path, "corrupt or truncated zip")


def test_crc_error(tmp_path: Path) -> None:
    path = good(tmp_path / "crc.docx", **{"word/media/note.txt": b"A" * 200})
    data = bytearray(path.read_bytes())
    # The stored text is deflated; flip a byte inside the document part's data instead
    # of its header so the zip still opens but the content no longer matches its CRC.
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("word/document.xml")
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:
                                                    info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    refused(path, "corrupt or truncated zip")


def test_real_zip_bomb_by_ratio(tmp_path: Path) -> None:
    # 40 MB of zeros deflate to ~40 KB: ratio ~1000 on a member bigger than the 32 MB floor.
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", TYPES)
        zf.writestr("word/document.xml", DOC)
        with zf.open("word/media/blank.bin", "w") as out:
            chunk = bytes(1024 * 1024)
            for _ in range(40):
                out.write(chunk)
    assert path.stat().st_size < 200_000
    refused(path, "part word/media/blank.bin expands")


def test_zip_bomb_by_declared_size(tmp_path: Path) -> None:
    # A small member whose headers claim 300 MB: refused from the directory alone.
    path = good(tmp_path / "liar.docx", **{"word/media/x.bin": b"tiny"})
    data = bytearray(path.read_bytes())
    cd = data.rfind(b"PK\x01\x02")  # the last central directory entry is x.bin
    data[cd + 24:cd + 28] = struct.pack("<I", 300 * 1024 * 1024)
    path.write_bytes(bytes(data))
    message = refused(path, "uncompressed size 300 MB exceeds 200 MB")
    assert "zip bomb" in message


def test_too_many_members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_MEMBERS", 5)
    extra = {f"word/media/{i}.txt": b"x" for i in range(6)}
    refused(good(tmp_path / "many.docx", **extra), "8 parts exceed 5")


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body>'
    "</w:document>"
)


def test_billion_laughs_in_the_document(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "lol.docx",
                    {"[Content_Types].xml": TYPES, "word/document.xml": BILLION_LAUGHS})
    refused(path, "part word/document.xml contains a DTD/entity declaration, which Word never"
                  " writes; refusing to parse")


def test_external_entity_in_a_property_part(tmp_path: Path) -> None:
    xxe = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           "<p>&x;</p>")
    refused(good(tmp_path / "xxe.docx", **{"docProps/core.xml": xxe}),
            "part docProps/core.xml contains a DTD/entity declaration")


def test_utf16_part_cannot_hide_a_dtd(tmp_path: Path) -> None:
    part = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    path = good(tmp_path / "u16.docx", **{"docProps/app.xml": part.encode("utf-16")})
    refused(path, "part docProps/app.xml contains a DTD/entity declaration")


def test_malformed_xml(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "broken.docx", {"[Content_Types].xml": TYPES,
                                                "word/document.xml": DOC[:-20]})
    refused(path, "part word/document.xml is not well-formed XML")


def test_missing_content_types(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "noct.docx", {"word/document.xml": DOC})
    refused(path, "no [Content_Types].xml")


def test_missing_main_part(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "nomain.docx", {"[Content_Types].xml": TYPES,
                                                "word/other.xml": DOC})
    refused(path, "no main document part (word/document.xml)")


def test_a_spreadsheet_renamed_docx(tmp_path: Path) -> None:
    sheet = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    path = make_zip(tmp_path / "sheet.docx", {"[Content_Types].xml": TYPES,
                                               "word/document.xml": sheet})
    refused(path, "not a Word document (main part word/document.xml is <workbook>)")


def test_docm_is_read_not_refused(tmp_path: Path) -> None:
    doc = load(good(tmp_path / "macros.docm", **{"word/vbaProject.bin": b"\x00\x01"}))
    assert doc.notes == ["macro-enabled document (.docm): macros were not run"]
    assert doc.segments[0].text == "Plain words about Nell Fairweather"


@pytest.mark.parametrize("bad", [False, True])
def test_input_is_never_modified(tmp_path: Path, bad: bool) -> None:
    path = good(tmp_path / "keep.docx")
    if bad:
        path.write_bytes(path.read_bytes()[:-30])
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    if bad:
        with pytest.raises(InputError):
            load(path)
    else:
        doc = load(path)
        doc.segments[0].spans[0].node.text = "edited in memory only"
        doc.package.to_bytes()
    after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    assert after == before
