"""Published PDFs: the text layer with page numbers, metadata, text under a box, refusals.

The core PDFs are written by hand here (a few objects, Helvetica text, a filled box drawn
over a name), so these tests never skip; a PDF exported by LibreOffice from a fixture
draft is compared with the DOCX where LibreOffice is installed. All names are invented.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactcheck.cli import main
from redactcheck.config import Config
from redactcheck.document import SUPPORTED_SUFFIXES, load
from redactcheck.errors import ConfigError, InputError
from redactcheck.pdf_reader import COVERED_KIND, luminance
from redactcheck.redact import RedactOptions, redact_file

DRAFTS = Path(__file__).resolve().parent.parent / "fixtures" / "drafts"


# ------------------------------------------------------------------ a PDF by hand
def pdf_bytes(pages: list[bytes], info: dict[str, str] | None = None, xmp: str | None = None,
              annots: list[list[str]] | None = None, encrypt: bool = False,
              images: bool = False) -> bytes:
    """A minimal PDF: one page per content stream (Helvetica as /F1), an optional Info
    dictionary, XMP packet, per-page annotation dictionaries and a bogus /Encrypt."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    image = None
    if images:
        image = add(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 "
                    b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\n"
                    b"stream\n\x80\nendstream")
    kids = []
    for n, content in enumerate(pages):
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        annot_refs = []
        for annot in (annots[n] if annots and n < len(annots) else []):
            annot_refs.append(add(annot.encode("latin-1")))
        extra = b""
        if annot_refs:
            extra = b" /Annots [" + b" ".join(b"%d 0 R" % r for r in annot_refs) + b"]"
        xobj = b" /XObject << /Im1 %d 0 R >>" % image if image else b""
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R >>%s >> /Contents %d 0 R%s >>"
                        % (pages_obj, font, xobj, stream, extra)))
    meta = b""
    if xmp is not None:
        data = xmp.encode("utf-8")
        ref = add(b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(data)
                  + data + b"\nendstream")
        meta = b" /Metadata %d 0 R" % ref
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R%s >>" % (pages_obj, meta)
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    trailer = b"/Root %d 0 R" % catalog
    if info:
        body = b" ".join(b"/%s (%s)" % (k.encode(), v.encode("latin-1"))
                         for k, v in info.items())
        trailer += b" /Info %d 0 R" % add(b"<< " + body + b" >>")
    if encrypt:  # a Standard security handler whose user password is not empty
        ref = add(b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 "
                  b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>")
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (ref, b"ab" * 16, b"ab" * 16)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer, xref)
    return bytes(out)


def text(x: float, y: float, s: str, size: int = 12, colour: bytes = b"0 g") -> bytes:
    escaped = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"%s BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET\n" % (colour, size, x, y,
                                                         escaped.encode("latin-1"))


def helvetica_width(s: str, size: int = 12) -> float:
    from pdfminer.pdffont import PDFType1Font

    font = PDFType1Font(None, {"BaseFont": "Helvetica"})  # the standard 14 metrics
    return sum(font.char_width(ord(ch)) for ch in s) * size


PAGE_1 = (text(72, 760, "Serious case review: learning for the partnership")
          + text(72, 700, "Nadia Brennan lived at 27 Quarry View with her son.")
          + text(72, 650, "The social worker, ")
          + text(72 + helvetica_width("The social worker, "), 650, "Rhiannon Pryce-Evans")
          + text(72 + helvetica_width("The social worker, Rhiannon Pryce-Evans"), 650,
                 ", visited weekly."))
# The box over "Rhiannon Pryce-Evans", drawn after the text.
_X = 72 + helvetica_width("The social worker, ")
BOX = b"0 0 0 rg %.1f 646 %.1f 14 re f\n" % (_X - 1, helvetica_width("Rhiannon Pryce-Evans") + 2)
PAGE_2 = (text(72, 760, "Later the family moved away.")
          + text(72, 700, "Her brother Callum Ashdown stayed in the area."))


@pytest.fixture
def boxed(tmp_path: Path) -> Path:
    path = tmp_path / "review.pdf"
    path.write_bytes(pdf_bytes([PAGE_1 + BOX, PAGE_2],
                               info={"Author": "Marcus Oyelaran", "Title": "Review draft",
                                     "Producer": "Handwritten test"}))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def unreadable(path: Path, match: str) -> None:
    """`check` exits 3 and reports the file's one-line error (no traceback anywhere)."""
    code, out, err = run("check", str(path))
    assert code == 3
    errors = [line for line in out.splitlines() if line.strip().startswith("error:")]
    assert len(errors) == 1 and match in errors[0]
    assert "Traceback" not in out + err


# ------------------------------------------------------------------------ reading
def test_pdf_is_a_supported_suffix() -> None:
    assert ".pdf" in SUPPORTED_SUFFIXES


def test_pages_lines_and_properties(boxed: Path) -> None:
    doc = load(boxed)
    assert doc.format == "pdf" and doc.package is None
    body = [s for s in doc.segments if s.kind == "body"]
    assert [s.label for s in body] == ["Page 1"] * 3 + ["Page 2"] * 2
    assert body[1].text == "Nadia Brennan lived at 27 Quarry View with her son."
    assert body[1].part == "page 1"
    # The covered name is not in the visible line, it has its own segment.
    assert "Rhiannon" not in body[2].text and body[2].text.startswith("The social worker,")
    covered = [s for s in doc.segments if s.kind == COVERED_KIND]
    assert [s.text for s in covered] == ["Rhiannon Pryce-Evans"]
    assert covered[0].label == "Covered by a black box, page 1"
    assert covered[0].spans[0].node.page == 1
    props = {s.label: s.text for s in doc.segments if s.kind == "property"}
    assert props["Document property: Author"] == "Marcus Oyelaran"
    assert props["Document property: Title"] == "Review draft"
    assert any("covered, not removed" in n for n in doc.notes)
    assert doc.words > 20


def test_check_finds_names_with_page_numbers(boxed: Path) -> None:
    code, out, err = run("check", str(boxed), "--format", "json")
    assert code == 1, err
    doc = json.loads(out)["documents"][0]
    found = {(f["entity"], f["text"], f["location"]["label"]) for f in doc["findings"]}
    assert ("PERSON", "Nadia Brennan", "Page 1") in found
    assert ("PERSON", "Callum Ashdown", "Page 2") in found
    assert ("PERSON", "Marcus Oyelaran", "Document property: Author") in found
    covered = [f for f in doc["findings"] if f["location"]["kind"] == COVERED_KIND]
    assert len(covered) == 1
    assert covered[0]["severity"] == "high"
    assert covered[0]["text"] == "Rhiannon Pryce-Evans"
    assert covered[0]["location"]["part"] == "page 1"
    assert covered[0]["entity"] == "COVERED_TEXT"
    assert "covered, not removed" in covered[0]["explanation"]
    assert any("covered, not removed" in n for n in doc["notes"])


def test_covered_text_is_high_whatever_the_recognisers_say(tmp_path: Path) -> None:
    """A covered word no recogniser flags (an ordinary word) is still reported HIGH."""
    x = 72 + helvetica_width("The plan was ")
    page = (text(72, 700, "The plan was ") + text(x, 700, "withdrawn")
            + b"0 g %.1f 696 %.1f 14 re f\n" % (x - 1, helvetica_width("withdrawn") + 2))
    path = tmp_path / "word.pdf"
    path.write_bytes(pdf_bytes([page]))
    code, out, _ = run("check", str(path), "--format", "json")
    findings = json.loads(out)["documents"][0]["findings"]
    assert code == 1
    assert [(f["entity"], f["severity"], f["text"]) for f in findings] == [
        ("COVERED_TEXT", "high", "withdrawn")]


def test_a_box_drawn_before_the_text_is_a_background(tmp_path: Path) -> None:
    """Shading drawn first with dark text on it is a highlight, not a cover; but black
    text on a black box drawn first is unreadable, so covered."""
    x = 72 + helvetica_width("Shaded ")
    light = b"0.85 g 70 696 300 14 re f\n" + text(72, 700, "Shaded heading text")
    dark = (text(72, 660, "Shaded ") + b"0 g %.1f 656 60 14 re f\n" % x
            + text(x, 660, "secret"))  # the box is drawn, then black text on it
    white_on_black = b"0 g 70 616 300 14 re f\n" + text(72, 620, "White on black",
                                                         colour=b"1 g")
    path = tmp_path / "shade.pdf"
    path.write_bytes(pdf_bytes([light + dark + white_on_black]))
    doc = load(path)
    covered = [s.text for s in doc.segments if s.kind == COVERED_KIND]
    assert covered == ["secret"]
    body = " ".join(s.text for s in doc.segments if s.kind == "body")
    assert "Shaded heading text" in body and "White on black" in body


def test_underline_and_table_rule_are_not_boxes(tmp_path: Path) -> None:
    """Thin filled rectangles (underlines, table borders) drawn after text cover nothing."""
    page = (text(72, 700, "Underlined words here") + b"0 g 72 698 120 0.8 re f\n"
            + text(72, 680, "Row text") + b"0 g 60 676 400 1 re f\n")
    path = tmp_path / "rules.pdf"
    path.write_bytes(pdf_bytes([page]))
    assert not [s for s in load(path).segments if s.kind == COVERED_KIND]


def test_redaction_mark_not_applied_and_filled_annotation(tmp_path: Path) -> None:
    x = 72 + helvetica_width("Contact ")
    w = helvetica_width("Jolene Fairweather")
    page = text(72, 700, "Contact Jolene Fairweather today.") + text(72, 650, "Ref Q9 closed")
    annots = [[
        f"<< /Type /Annot /Subtype /Redact /Rect [{x - 1:.1f} 696 {x + w + 1:.1f} 712] >>",
        "<< /Type /Annot /Subtype /Square /Rect [70 646 91 662] /IC [0 0 0] >>",
        "<< /Type /Annot /Subtype /Text /Rect [500 700 520 720] /T (Imogen Halloran) "
        "/Contents (Check the address with Imogen) >>",
        "<< /Type /Annot /Subtype /Link /Rect [72 600 200 612] "
        "/A << /S /URI /URI (mailto:jolene.fairweather@example.org) >> >>",
    ]]
    path = tmp_path / "annots.pdf"
    path.write_bytes(pdf_bytes([page], annots=annots))
    doc = load(path)
    covered = {s.text: s.label for s in doc.segments if s.kind == COVERED_KIND}
    assert covered["Jolene Fairweather"].startswith("Covered by a redaction mark that was never")
    assert covered["Ref"].startswith("Covered by a black box (a rectangle annotation)")
    comments = {s.label: s.text for s in doc.segments if s.kind == "comment"}
    assert comments["Comment author, page 1"] == "Imogen Halloran"
    links = [s.text for s in doc.segments if s.kind == "hyperlink"]
    assert links == ["mailto:jolene.fairweather@example.org"]


def test_xmp_metadata(tmp_path: Path) -> None:
    xmp = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" pdf:Producer="Some Exporter 2.1">
<dc:creator><rdf:Seq><rdf:li>Petra Vandersloot</rdf:li></rdf:Seq></dc:creator>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Review draft</rdf:li></rdf:Alt></dc:title>
<dc:subject><rdf:Bag><rdf:li>neglect</rdf:li><rdf:li>Ferncliffe estate</rdf:li></rdf:Bag>
</dc:subject>
<pdf:Keywords>Case of the Okafor-Lund family</pdf:Keywords>
<xmp:CreateDate>2024-03-01T10:00:00Z</xmp:CreateDate>
<xmpMM:DocumentID>uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427</xmpMM:DocumentID>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""
    path = tmp_path / "xmp.pdf"
    path.write_bytes(pdf_bytes([text(72, 700, "Some text.")], info={"Title": "Review draft"},
                               xmp=xmp))
    props = [(s.label, s.text) for s in load(path).segments if s.kind == "property"]
    assert props == [
        ("Document property: Title", "Review draft"),  # XMP's repeat is not reported twice
        ("XMP metadata: pdf:Producer", "Some Exporter 2.1"),
        ("XMP metadata: dc:creator", "Petra Vandersloot"),
        ("XMP metadata: dc:subject", "neglect"),
        ("XMP metadata: dc:subject", "Ferncliffe estate"),
        ("XMP metadata: pdf:Keywords", "Case of the Okafor-Lund family"),
    ]


def test_repeated_margin_lines_are_headers_and_footers(tmp_path: Path) -> None:
    pages = [text(72, 800, "Review of services - Ellsworth family")
             + text(72, 600, f"Body paragraph on page {n}.") + text(290, 30, f"{n}")
             for n in (1, 2, 3)]
    path = tmp_path / "margins.pdf"
    path.write_bytes(pdf_bytes(pages))
    kinds = [(s.kind, s.label, s.text) for s in load(path).segments]
    assert ("header", "Header, page 2", "Review of services - Ellsworth family") in kinds
    assert ("footer", "Footer, page 3", "3") in kinds
    assert ("body", "Page 1", "Body paragraph on page 1.") in kinds


def test_wrapped_paragraph_is_one_segment_and_hyphen_joins(tmp_path: Path) -> None:
    page = (text(72, 700, "The family were supported by the early-help team and the Gold-")
            + text(72, 686, "smith household stayed nearby.")
            + text(72, 640, "A new paragraph after a gap."))
    path = tmp_path / "wrap.pdf"
    path.write_bytes(pdf_bytes([page]))
    body = [s.text for s in load(path).segments if s.kind == "body"]
    assert body == ["The family were supported by the early-help team and the Gold-smith "
                    "household stayed nearby.", "A new paragraph after a gap."]


def test_text_drawn_twice_is_read_once_but_small_double_letters_stay(tmp_path: Path) -> None:
    """Fake bold draws each glyph again a fraction of a point away; 1-point text keeps its
    double letters (the tolerance follows the font size)."""
    page = (text(72, 700, "Bold heading for Odette") + text(72.3, 700, "Bold heading for Odette")
            + text(72, 600, "Annabelle Greenwood", size=1))
    path = tmp_path / "bold.pdf"
    path.write_bytes(pdf_bytes([page]))
    body = [s.text for s in load(path).segments if s.kind == "body"]
    assert body == ["Bold heading for Odette", "Annabelle Greenwood"]


def test_ruled_table_cells_are_table_segments(tmp_path: Path) -> None:
    grid = b"0 G 0.5 w 70 690 m 70 730 l S 250 690 m 250 730 l S 450 690 m 450 730 l S " \
           b"70 730 m 450 730 l S 70 710 m 450 710 l S 70 690 m 450 690 l S\n"
    page = (grid + text(75, 715, "Date of visit") + text(255, 715, "Worker")
            + text(75, 695, "Spring term") + text(255, 695, "Ms Philippa Arkwright")
            + text(72, 600, "A paragraph under the table."))
    path = tmp_path / "table.pdf"
    path.write_bytes(pdf_bytes([page]))
    segs = [(s.kind, s.text) for s in load(path).segments]
    assert segs == [("table", "Date of visit"), ("table", "Worker"), ("table", "Spring term"),
                    ("table", "Ms Philippa Arkwright"), ("body", "A paragraph under the table.")]


def test_luminance() -> None:
    assert luminance((0,)) == 0 and luminance(1) == 1
    assert luminance((1.0, 1.0, 1.0)) == pytest.approx(1.0)
    assert luminance((0, 0, 0, 1)) == 0
    assert luminance("pattern") is None and luminance(None) is None


# ------------------------------------------------------------------- refusals
def test_no_text_layer_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes([b"q 595 0 0 842 0 0 cm /Im1 Do Q\n"], images=True))
    with pytest.raises(InputError, match="no text layer: this PDF could not be checked"):
        load(path)
    unreadable(path, "no text layer: this PDF could not be checked")


def test_a_scanned_page_among_text_pages_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    path.write_bytes(pdf_bytes([text(72, 700, "Typed page."), b"q 595 0 0 842 0 0 cm /Im1 Do Q\n"],
                               images=True))
    assert any(n.startswith("page(s) 2 have no text layer") for n in load(path).notes)


def test_ocr_text_under_a_page_image_is_not_covered(tmp_path: Path) -> None:
    """A scan with its OCR text layer drawn before the page image is not a cover-up."""
    page = text(72, 700, "Recognised text of the scan.") + b"q 595 0 0 842 0 0 cm /Im1 Do Q\n"
    path = tmp_path / "ocr.pdf"
    path.write_bytes(pdf_bytes([page], images=True))
    assert not [s for s in load(path).segments if s.kind == COVERED_KIND]


@pytest.mark.parametrize("data, match", [
    (b"%PDF-1.4\nthis is not really a pdf at all\n", "not a readable PDF"),
    (b"Just some text, no header\n", "not a PDF"),
    (b"", "empty"),
])
def test_corrupt_pdf_is_one_line_exit_3(tmp_path: Path, data: bytes, match: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match=match):
        load(path)
    unreadable(path, match)


def test_truncated_pdf_is_one_line_exit_3(tmp_path: Path, boxed: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(boxed.read_bytes()[:200])
    unreadable(path, "not a readable PDF")


def test_encrypted_pdf_is_one_line_exit_3(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(pdf_bytes([text(72, 700, "Secret text.")], encrypt=True))
    with pytest.raises(InputError, match="password-protected"):
        load(path)
    unreadable(path, "password-protected")


def test_too_many_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxed: Path) -> None:
    from redactcheck import pdf_reader

    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 1)
    with pytest.raises(InputError, match="2 pages is more than the 1"):
        load(boxed)


def test_compressed_content_is_read(tmp_path: Path) -> None:
    content = zlib.compress(text(72, 700, "Compressed stream mentions Tobias Wrenfield."))
    data = pdf_bytes([b"PLACEHOLDER"])
    data = data.replace(b"<< /Length 11 >>\nstream\nPLACEHOLDER",
                        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
                        + content)
    # xref offsets after the stream are now wrong: pdfminer falls back to scanning objects.
    path = tmp_path / "flate.pdf"
    path.write_bytes(data)
    body = [s.text for s in load(path).segments if s.kind == "body"]
    assert body == ["Compressed stream mentions Tobias Wrenfield."]


def test_redact_refuses_a_pdf(boxed: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="redact the .docx and export the PDF again"):
        redact_file(boxed, tmp_path / "out.pdf", Config(), RedactOptions(), analyzer=object())
    code, _, err = run("redact", str(boxed), "-o", str(tmp_path / "out.docx"))
    assert code == 2
    assert err.count("\n") == 1 and "redact the .docx and export the PDF again" in err
    assert not (tmp_path / "out.docx").exists() and not (tmp_path / "out.pdf").exists()


def test_a_folder_check_includes_pdfs(boxed: Path) -> None:
    code, out, _ = run("check", str(boxed.parent), "--format", "json")
    assert [d["path"].endswith("review.pdf") for d in json.loads(out)["documents"]] == [True]
    assert code == 1


# ------------------------------------------------------------- LibreOffice export
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_export_gives_the_docx_body_names(tmp_path: Path) -> None:
    src = tmp_path / "leaky_review.docx"
    shutil.copy(DRAFTS / "leaky_review.docx", src)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(src)], check=True, timeout=180, capture_output=True)
    pdf = tmp_path / "leaky_review.pdf"
    code, out, _ = run("check", str(src), str(pdf), "--format", "json")
    assert code == 1
    docx_doc, pdf_doc = json.loads(out)["documents"]

    def names(doc: dict, kinds: set[str] | None = None) -> set[str]:
        return {f["text"] for f in doc["findings"] if f["entity"] == "PERSON"
                and (kinds is None or f["location"]["kind"] in kinds)}

    body = names(docx_doc, {"body", "table", "textbox"})
    assert body and body <= names(pdf_doc)
    author = next(f["text"] for f in docx_doc["findings"]
                  if f["location"]["label"] == "Document property: creator")
    assert author in {f["text"] for f in pdf_doc["findings"]
                      if f["location"]["label"] == "Document property: Author"}
    pages = {f["location"]["part"] for f in pdf_doc["findings"]}
    assert {"page 1", "page 2", "page 3"} <= pages
