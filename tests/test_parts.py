"""Every part that can hold text is read (or named as unread), text hidden by formatting is
reported as such, and `redact` leaves none of it in any part of the copy, embedded packages
opened. The packages are built here (fixtures/hardening.py); every name is invented."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from fixtures.hardening import (
    OLE_NAME,
    TRICKS,
    UNCOVERED,
    VISIBLE_WHITE,
    build_hardening,
    docx_members,
    p,
    png_with_text,
    r,
    rel,
    sentence,
    zip_bytes,
)
from redactcheck.checker import check_document
from redactcheck.config import Config
from redactcheck.document import load
from redactcheck.docx_reader import html_text, png_text_chunks, rtf_text
from redactcheck.proof import find_leaks, unsearched_parts
from redactcheck.redact import RedactOptions, redact_file

FORMATTING = {
    "white text": "hidden by formatting: white text",
    "tiny text": "hidden by formatting: text smaller than 3 pt",
    "background text": "hidden by formatting: text the colour of its background",
    "spec vanish": "hidden by formatting: special vanish",
    "off page": "hidden by formatting: shape positioned off the page",
    "covered by shape": "hidden by formatting: possibly covered by a shape in front of it",
    "behind text": "hidden by formatting: text box behind the document text",
}
PLACES = {
    "glossary": "Glossary (building blocks)",
    "embedded docx": "Embedded document word/embeddings/Microsoft_Word_Document1.docx: ",
    "embedded xlsx": "Embedded document word/embeddings/Microsoft_Excel_Worksheet",
    "custom xml": "Custom XML item 1",
    "altchunk html": "Imported HTML (altChunk)",
    "altchunk rtf": "Imported RTF (altChunk)",
    "chart": "Chart text",
    "smartart": "SmartArt text",
    "unknown xml": "Other part word/extra.xml",
    "text part": "Other part word/notes.txt",
    "png text": "Image metadata word/media/image3.png",
    "vanish style": "Hidden text, paragraph",
}


@pytest.fixture(scope="module")
def hardening(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hardening(tmp_path_factory.mktemp("hardening"))


@pytest.fixture(scope="module")
def checked(hardening: Path):
    return check_document(hardening, Config())


def _texts(data: bytes, prefix: str = "") -> dict[str, bytes]:
    """Every member of a zip, embedded zips opened ("outer!inner")."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            raw = zf.read(name)
            out[prefix + name] = raw
            if raw.startswith(b"PK\x03\x04"):
                out.update(_texts(raw, f"{prefix}{name}!"))
    return out


def _holds(raw: bytes, name: str) -> bool:
    stripped = re.sub(rb"<[^>]*>", b"", raw)
    return any(name.encode(enc) in blob for enc in ("utf-8", "utf-16-le")
               for blob in (raw, stripped))


@pytest.mark.parametrize("trick", sorted(TRICKS))
def test_check_flags_every_trick_in_its_place(checked, trick: str) -> None:
    name = TRICKS[trick]
    found = [f for f in checked.findings if name in f.text and f.entity == "PERSON"]
    assert found, f"{trick}: {name} not flagged"
    labels = [f.location.label for f in found]
    if trick in FORMATTING:
        assert any(FORMATTING[trick] in label for label in labels), labels
        assert all(f.location.kind == "hidden_text" for f in found)
    else:
        assert any(label.startswith(PLACES[trick]) for label in labels), labels


def test_white_text_the_reader_can_see_is_not_called_hidden(checked) -> None:
    for name in VISIBLE_WHITE:  # on a dark cell; in a table whose style may paint it
        found = [f for f in checked.findings if name in f.text]
        assert found and all(f.location.kind == "table" for f in found), found


def test_text_beside_a_shape_that_does_not_cover_it_is_not_called_hidden(checked) -> None:
    for name in UNCOVERED.values():  # text wraps around it; no fill; in the margin
        found = [f for f in checked.findings if name in f.text]
        assert found and all(f.location.kind == "body" for f in found), found
        assert not any("covered" in f.location.label for f in found)
    assert any("possibly covered by a shape" in n for n in checked.notes)


def test_a_binary_ole_object_is_named_as_not_read(checked) -> None:
    assert any("oleObject1.bin" in n and "was not read" in n for n in checked.notes)
    assert not any("customXml" in n or "glossary" in n for n in checked.notes)


def test_redact_leaves_no_planted_name_in_any_part(hardening: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.docx"
    report = redact_file(hardening, out, Config(), RedactOptions())
    members = _texts(out.read_bytes())
    for name in [*TRICKS.values(), *VISIBLE_WHITE, *UNCOVERED.values(), OLE_NAME]:
        leaks = [m for m, raw in members.items() if _holds(raw, name)]
        assert leaks == [], f"{name} remains in {leaks}"
    assert not any(m.startswith(("word/embeddings/", "word/glossary/", "customXml/"))
                   for m in members)
    assert b"[embedded object removed]" in members["word/document.xml"]
    assert report.unsearched == []
    lines = "\n".join(report.summary_lines())
    assert "no removed string remains in any part." in lines
    # The copy is still a package the reader opens, and altChunk text became paragraphs.
    copy = load(out)
    assert any(s.label.startswith("Paragraph") and "attended the strategy" in s.text
               for s in copy.segments)


def test_proof_searches_inside_embedded_packages_and_markup(tmp_path: Path) -> None:
    inner = zip_bytes(docx_members(p(r("Noted by "), r("Wil"), r("ma Okonedo"))))
    outer = zip_bytes(docx_members(p(r("x")), {
        "word/embeddings/doc.docx": inner,
        "word/chunk.htm": "<p>Met Tess<b></b>a Lund today</p>",
        "word/media/image1.png": png_with_text("Author", "Bram Keeler"),
    }))
    leaks = find_leaks(outer, ["Wilma Okonedo", "Tessa Lund", "Bram Keeler"])
    where = {(leak.part, leak.what.split("'")[1]) for leak in leaks}
    assert ("word/embeddings/doc.docx!word/document.xml", "Wilma Okonedo") in where
    assert ("word/chunk.htm", "Tessa Lund") in where
    assert ("word/media/image1.png", "Bram Keeler") in where


def test_parts_the_proof_cannot_open_are_named() -> None:
    broken = b"PK\x03\x04" + b"\x00" * 40
    outer = zip_bytes(docx_members(p(r("x")), {
        "word/media/blob.bin": broken,
        "word/media/ole.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16,
    }))
    missing = unsearched_parts(outer)
    assert any(m.startswith("word/media/blob.bin") for m in missing)
    assert any(m.startswith("word/media/ole.bin (OLE object") for m in missing)


def test_png_text_chunks_are_stripped_from_images_kept(tmp_path: Path) -> None:
    name = "Cerys Bannon"
    body = p(r("Photo: "), '<w:r><w:drawing><wp:inline><wp:extent cx="10" cy="10"/>'
             '<wp:docPr id="1" name="Picture"/><a:graphic><a:graphicData><pic:pic xmlns:pic='
             '"http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
             '<a:blip r:embed="rId5"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
             "</wp:inline></w:drawing></w:r>")
    src = tmp_path / "photo.docx"
    src.write_bytes(zip_bytes(docx_members(
        body, {"word/media/image1.png": png_with_text("Author", sentence(name))},
        rel("rId5", "image", "media/image1.png"),
        defaults='<Default Extension="png" ContentType="image/png"/>')))
    checked = check_document(src, Config())
    assert any(name in f.text for f in checked.findings)
    out = tmp_path / "photo-copy.docx"
    redact_file(src, out, Config(), RedactOptions())
    with zipfile.ZipFile(out) as zf:
        png = zf.read("word/media/image1.png")
    assert png.startswith(b"\x89PNG") and png_text_chunks(png) == []


def test_embedded_packages_nest_with_limits(tmp_path: Path) -> None:
    doc = zip_bytes(docx_members(p(r(sentence("Idris Vantongeren")))))
    for _ in range(4):  # four levels deep: the last one is past the limit
        doc = zip_bytes(docx_members(p(r("Wrapper")), {"word/embeddings/inner.docx": doc}))
    src = tmp_path / "nested.docx"
    src.write_bytes(doc)
    loaded = load(src)
    assert any("levels deep" in n for n in loaded.notes)
    odd = tmp_path / "odd.docx"
    odd.write_bytes(zip_bytes(docx_members(p(r("x")), {
        "word/embeddings/big.docx": zip_bytes({"a.xml": b"<a>" + b" " * (1 << 20) + b"</a>"}),
    })))
    notes = load(odd).notes  # a zip that is no Word package: one note, no crash
    assert any("big.docx" in n and "could not be read" in n for n in notes)


def test_crude_text_of_html_and_rtf() -> None:
    assert "Wren Ottoway" in html_text(
        "<html><style>.x{}</style><p>Seen by Wren&#32;<i>Ottoway</i></p></html>")
    assert ".x" not in html_text("<style>.x{}</style><p>a</p>")
    text = rtf_text("{\\rtf1{\\fonttbl{\\f0 Arial;}}{\\*\\generator X;}\\pard Met "
                    "Jos\\'e9 Arkwright\\par Next\\u8217?s}")
    assert "Arial" not in text and "Met José Arkwright" in text and "Next\u2019s" in text


def test_hidden_formatting_by_style_defaults_and_off_page_vml(tmp_path: Path) -> None:
    styles = ('<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/'
              'wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Micro">'
              '<w:rPr><w:sz w:val="4"/></w:rPr></w:style><w:style w:type="character" '
              'w:styleId="Pale"><w:rPr><w:color w:val="ffffff"/></w:rPr></w:style></w:styles>')
    vml = ('<w:r><w:pict><v:shape style="position:absolute;margin-left:-900pt;width:80pt">'
           "<v:textbox><w:txbxContent>" + p(r("Far away")) + "</w:txbxContent></v:textbox>"
           "</v:shape></w:pict></w:r>")
    body = (p(r("micro"), ppr='<w:pPr><w:pStyle w:val="Micro"/></w:pPr>')
            + p(r("pale", '<w:rPr><w:rStyle w:val="Pale"/></w:rPr>'), r(" seen"))
            + p(r("big", '<w:rPr><w:sz w:val="24"/></w:rPr>'),
                ppr='<w:pPr><w:pStyle w:val="Micro"/></w:pPr>')
            + p(r("Shape "), vml))
    src = tmp_path / "styled.docx"
    src.write_bytes(zip_bytes(docx_members(body, {"word/styles.xml": styles},
                                           rel("rId1", "styles", "styles.xml"))))
    segments = load(src).segments
    hidden = {(s.text[sp.start:sp.end], s.hidden_by) for s in segments for sp in s.spans
              if (sp.kind or s.kind) == "hidden_text"}
    assert ("micro", "text smaller than 3 pt") in hidden
    assert ("pale", "white text") in hidden
    assert not any(text in (" seen", "big") for text, _ in hidden)
    assert ("Far away", "shape positioned off the page") in hidden
    labels = [s.label for s in segments]
    assert "Paragraph 2, with text hidden by formatting: white text" in labels


@pytest.mark.parametrize("part", [
    "customXml/item1.xml", "word/charts/chart1.xml", "word/diagrams/data1.xml",
    "word/extra.xml", "word/embeddings/Microsoft_Word_Document1.docx",
    "word/embeddings/Microsoft_Excel_Worksheet1.xlsx", "word/media/image3.png",
    "word/glossary/document.xml", "word/afchunk2.rtf",
])
def test_a_damaged_rarely_read_part_costs_a_note_not_the_document(tmp_path: Path,
                                                                   part: str) -> None:
    from fixtures.hardening import hardening_members

    members = hardening_members()
    raw = members[part]
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    members[part] = raw[: len(raw) // 2]
    src = tmp_path / "damaged.docx"
    src.write_bytes(zip_bytes(members))
    doc = load(src)
    assert doc.segments
    out = tmp_path / "damaged-copy.docx"
    redact_file(src, out, Config(), RedactOptions())
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    if any(part in n and "could not be read" in n for n in doc.notes):
        assert part not in names


def test_the_proof_statement_names_parts_it_could_not_search(tmp_path: Path) -> None:
    from redactcheck.redact import RedactReport

    report = RedactReport(source=tmp_path / "a.docx", output=tmp_path / "b.docx",
                          options=RedactOptions(),
                          unsearched=["word/media/x.emf (OLE object: searched byte by byte only)"])
    text = "\n".join(report.summary_lines())
    assert "no removed string remains in any part." not in text
    assert "in any part searched. NOT fully searched: word/media/x.emf" in text


def test_document_library_bookkeeping_in_custom_xml_is_not_flagged(tmp_path: Path) -> None:
    item = ('<?xml version="1.0"?><p:properties xmlns:p="http://schemas.microsoft.com/office/'
            '2006/metadata/properties"><documentManagement><_dlc_DocId>LIBR-7654321098-1234'
            "</_dlc_DocId><_dlc_DocIdUrl><Url>https://intranet.example.org/sites/x/DocIdRedir."
            "aspx?ID=LIBR-7654321098-1234</Url></_dlc_DocIdUrl><MediaServiceKeyPoints>0"
            "</MediaServiceKeyPoints><SharedWithUsers><UserInfo><DisplayName>Yusuf Trevelyan"
            "</DisplayName><AccountId>31</AccountId></UserInfo></SharedWithUsers>"
            "</documentManagement></p:properties>")
    src = tmp_path / "library.docx"
    src.write_bytes(zip_bytes(docx_members(p(r("The panel met on a weekday.")),
                                           {"customXml/item2.xml": item})))
    found = [(f.entity, f.text) for f in check_document(src, Config()).findings
             if f.severity.value != "low"]
    assert found == [("PERSON", "Yusuf Trevelyan")]
