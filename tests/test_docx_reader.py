"""The DOCX reader: every place yields the right segment, spans map back to the XML.

The test documents are hand-written OOXML zipped here, so each test controls exactly
which elements exist (Word's own AlternateContent, split runs, tracked changes...).
All names are invented.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from redactcheck.document import Document, load
from redactcheck.docx_reader import MACRO_NOTE, load_docx
from redactcheck.errors import ConfigError
from redactcheck.package import Package

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'mc:Ignorable="w15"'
)
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def story(root: str, inner: str) -> str:
    return f"{DECL}<w:{root} {NS}>{inner}</w:{root}>"


def build_docx(path: Path, body: str, parts: dict[str, str] | None = None,
               doc_rels: str = "", root_rels: str = "", overrides: str = "") -> Path:
    """Zip a minimal package: the body plus any extra parts and relationships."""
    members = {
        "[Content_Types].xml": (
            f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            f'{DECL}<Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
            f"{root_rels}</Relationships>"
        ),
        "word/document.xml": story("document", f"<w:body>{body}</w:body>"),
        "word/_rels/document.xml.rels": (
            f'{DECL}<Relationships xmlns="{PKG_REL}">{doc_rels}</Relationships>'
        ),
    }
    members.update(parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


def rel(rid: str, kind: str, target: str, external: bool = False) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"{mode}/>'


def seg_tuples(doc: Document) -> list[tuple[str, str, str, int, str]]:
    return [(s.part, s.kind, s.label, s.paragraph, s.text) for s in doc.segments]


# ---------------------------------------------------------------- rich document
TEXTBOX = (
    "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
    '<wp:docPr id="1" name="Shape 1" descr="Photo of Lena Marsh" title="Lena at home">'
    '<a:hlinkClick r:id="rId12"/></wp:docPr>'
    "<a:graphic><a:graphicData><pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/"
    "drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"p.png\" "
    "descr=\"Photo of Lena Marsh\"/></pic:nvPicPr></pic:pic>"
    "<wps:wsp><wps:txbx><w:txbxContent>"
    + p(r("Box mentions Ivo Grant"))
    + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
    "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape alt=\"Photo of Lena Marsh\">"
    "<v:textbox><w:txbxContent>"
    + p(r("Box mentions Ivo Grant"))
    + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)

BODY = (
    # 1: a name split over three differently formatted runs, a tab and a line break
    p(r("The child "), r("Ka", "<w:rPr><w:b/></w:rPr>"), r("yla", "<w:rPr><w:i/></w:rPr>"),
      r(" Brook"), "<w:r><w:tab/><w:t>aged</w:t><w:br/><w:t>nine</w:t></w:r>",
      "<w:r><w:t>co</w:t><w:softHyphen/><w:t>op</w:t><w:noBreakHyphen/><w:t>run</w:t></w:r>")
    # 2: tracked insertion and deletion
    + p(r("Met "), '<w:ins w:id="1" w:author="Ann Reviewer">' + r("Tomas Vell") + "</w:ins>",
        '<w:del w:id="2" w:author="Bob Editor"><w:r><w:delText>Old</w:delText></w:r>'
        "<w:r><w:delText> Name</w:delText></w:r></w:del>",
        r(" today"),
        '<w:del w:id="3" w:author="Bob Editor"><w:r><w:delText>again</w:delText></w:r></w:del>')
    # 3: hidden run (direct) and hidden by character style
    + p(r("Visible "), r("Secret Surname", "<w:rPr><w:vanish/></w:rPr>"), r("end"),
        r(" styled", '<w:rPr><w:rStyle w:val="HiddenChar"/></w:rPr>'),
        r(" shown", '<w:rPr><w:vanish w:val="0"/></w:rPr>'))
    # 4: complex field (code split over two runs) and a simple field
    + p('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:</w:instrText></w:r>',
        '<w:r><w:instrText>rita.vale@example.org" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("email Rita"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:fldSimple w:instr=" AUTHOR \\* MERGEFORMAT ">' + r(" Wyn Author") + "</w:fldSimple>")
    # 5: hyperlink to an external target, and an internal one (anchor: no target)
    + p(r("See "), '<w:hyperlink r:id="rId11">' + r("the site") + "</w:hyperlink>",
        '<w:hyperlink w:anchor="top">' + r(" top") + "</w:hyperlink>")
    # 6-9: table with a nested table in cell (1, 2)
    + "<w:tbl><w:tblPr/><w:tr><w:tc>" + p(r("Outer A")) + "</w:tc><w:tc>" + p(r("Outer B"))
    + "<w:tbl><w:tr><w:tc>" + p(r("Inner C")) + "</w:tc></w:tr></w:tbl>" + p()
    + "</w:tc></w:tr></w:tbl>"
    # 10-12: text box in mc:AlternateContent (Choice 11, Fallback 12)
    + p(r("Before box "), TEXTBOX)
    # 13: content control
    + "<w:sdt><w:sdtPr><w:alias w:val=\"Name\"/></w:sdtPr><w:sdtContent>"
    + p(r("Control holds Uma Reed")) + "</w:sdtContent></w:sdt>"
    # 14: end of section 1
    + p(r("End of section one"), ppr=(
        '<w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rId1"/>'
        '<w:headerReference w:type="first" r:id="rId2"/>'
        '<w:footerReference w:type="default" r:id="rId3"/></w:sectPr></w:pPr>'))
    # 15: second table (top-level table 2) then section 2
    + "<w:tbl><w:tr><w:tc>" + p(r("Second table")) + "</w:tc></w:tr></w:tbl>"
    + p(r("Section two"))
    + '<w:sectPr><w:footerReference w:type="even" r:id="rId4"/></w:sectPr>'
)

PARTS = {
    "word/header1.xml": story("hdr", p(r("Header default Jo Park"))),
    "word/header2.xml": story("hdr", p(r("Header first"))),
    "word/footer1.xml": story("ftr", p(r("Footer one"))),
    "word/footer2.xml": story("ftr", p(r("Footer even"))),
    "word/header3.xml": story("hdr", p(r("Orphan header"))),
    "word/footnotes.xml": story(
        "footnotes",
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0">'
        + p(r("continuation")) + '</w:footnote><w:footnote w:id="1">'
        + p(r("Footnote about Dale Orchard")) + "</w:footnote>"),
    "word/endnotes.xml": story("endnotes", '<w:endnote w:id="2">' + p(r("Endnote text"))
                               + "</w:endnote>"),
    "word/comments.xml": story(
        "comments",
        '<w:comment w:id="0" w:author="S. Reviewer" w:initials="SR">'
        + p(r("Check Mina Patel")) + "</w:comment>"
        '<w:comment w:id="1" w:author="S. Reviewer" w:initials="SR">'
        + p(r("Second comment"), '<w:ins w:author="Cy Commenter">' + r(" added") + "</w:ins>")
        + "</w:comment>"),
    "word/people.xml": story(
        "people",
        '<w15:person w15:author="S. Reviewer"><w15:presenceInfo w15:providerId="AD" '
        'w15:userId="S::s.reviewer@example.org::1234"/></w15:person>'
        '<w15:person w15:author="Ann Reviewer"><w15:presenceInfo w15:providerId="None" '
        'w15:userId="Ann Reviewer"/></w15:person>'),
    "word/styles.xml": story(
        "styles",
        '<w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="HiddenChar"><w:basedOn w:val="Secret"/>'
        "</w:style>"),
    "word/_rels/comments.xml.rels": f'{DECL}<Relationships xmlns="{PKG_REL}"/>',
    "docProps/core.xml": (
        f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/">'
        "<dc:title>Review of Family Q</dc:title><dc:creator>Core Creator</dc:creator>"
        "<cp:lastModifiedBy>Last Modder</cp:lastModifiedBy><cp:revision>3</cp:revision>"
        "<dc:description></dc:description><cp:keywords>Quill Lane</cp:keywords>"
        "</cp:coreProperties>"),
    "docProps/app.xml": (
        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes"><Template>Normal.dotm</Template><Manager>Mo Manager</Manager>'
        "<Company>Fictional Council</Company><TitlesOfParts><vt:vector size=\"1\" "
        "baseType=\"lpstr\"><vt:lpstr>Review of Family Q</vt:lpstr></vt:vector>"
        "</TitlesOfParts></Properties>"),
    "word/settings.xml": story(
        "settings", '<w:attachedTemplate r:id="rId1"/><w:docVars>'
        '<w:docVar w:name="ChildName" w:val="Pip Quill"/></w:docVars>'),
    "word/_rels/settings.xml.rels": (
        f'{DECL}<Relationships xmlns="{PKG_REL}">'
        + rel("rId1", "attachedTemplate", "file:///C:/Users/jo.park/Templates/SCR.dotx", True)
        + "</Relationships>"),
    "docProps/custom.xml": (
        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        'name="CaseRef"><vt:lpwstr>CR-12345</vt:lpwstr></property></Properties>'),
}
DOC_RELS = (
    rel("rId1", "header", "header1.xml") + rel("rId2", "header", "header2.xml")
    + rel("rId3", "footer", "footer1.xml") + rel("rId4", "footer", "footer2.xml")
    + rel("rId5", "footnotes", "footnotes.xml") + rel("rId6", "endnotes", "endnotes.xml")
    + rel("rId7", "comments", "comments.xml") + rel("rId8", "styles", "styles.xml")
    + '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2011/relationships/'
    'people" Target="people.xml"/>'
    + rel("rId10", "header", "header3.xml") + rel("rId13", "settings", "settings.xml")
    + rel("rId11", "hyperlink", "https://example.org/cases/quill", external=True)
    + rel("rId12", "hyperlink", "mailto:lena.marsh@example.org", external=True)
)
ROOT_RELS = (
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    + rel("rId3", "extended-properties", "docProps/app.xml")
    + rel("rId4", "custom-properties", "docProps/custom.xml")
)

D, H = "word/document.xml", "Hidden text, paragraph"
EXPECTED = [
    (D, "body", "Paragraph 1", 1, "The child Kayla Brook\taged\nninecoop-run"),
    (D, "body", "Paragraph 2", 2, "Met Tomas Vell today"),
    (D, "tracked_deletion", "Tracked deletion by Bob Editor", 2, "Old Name again"),
    (D, "body", "Paragraph 3", 3, "Visible end shown"),
    (D, "hidden_text", f"{H} 3", 3, "Secret Surname styled"),
    (D, "body", "Paragraph 4", 4, "email Rita Wyn Author"),
    (D, "hyperlink", "Field code, paragraph 4", 4, ' HYPERLINK "mailto:rita.vale@example.org" '),
    (D, "hidden_text", "Field code, paragraph 4", 4, " AUTHOR \\* MERGEFORMAT "),
    (D, "body", "Paragraph 5", 5, "See the site top"),
    (D, "hyperlink", "Hyperlink target, paragraph 5", 5, "https://example.org/cases/quill"),
    (D, "table", "Table 1, row 1, cell 1", 6, "Outer A"),
    (D, "table", "Table 1, row 1, cell 2", 7, "Outer B"),
    (D, "table", "Table 1, row 1, cell 2 > table 1, row 1, cell 1", 8, "Inner C"),
    (D, "body", "Paragraph 10", 10, "Before box "),
    (D, "hyperlink", "Hyperlink target, paragraph 10", 10, "mailto:lena.marsh@example.org"),
    (D, "alt_text", "Image description", 10, "Photo of Lena Marsh"),
    (D, "alt_text", "Image title", 10, "Lena at home"),
    (D, "textbox", "Text box, paragraph 11", 11, "Box mentions Ivo Grant"),
    (D, "body", "Paragraph 13", 13, "Control holds Uma Reed"),
    (D, "body", "Paragraph 14", 14, "End of section one"),
    (D, "table", "Table 2, row 1, cell 1", 15, "Second table"),
    (D, "body", "Paragraph 16", 16, "Section two"),
    ("word/header1.xml", "header", "Header (default), section 1", 1, "Header default Jo Park"),
    ("word/header2.xml", "header", "Header (first page), section 1", 1, "Header first"),
    ("word/header3.xml", "header", "Header (unused)", 1, "Orphan header"),
    ("word/footer1.xml", "footer", "Footer (default), section 1", 1, "Footer one"),
    ("word/footer2.xml", "footer", "Footer (even pages), section 2", 1, "Footer even"),
    ("word/footnotes.xml", "footnote", "Footnote 1", 3, "Footnote about Dale Orchard"),
    ("word/endnotes.xml", "endnote", "Endnote 2", 1, "Endnote text"),
    ("word/comments.xml", "comment", "Comment by S. Reviewer", 1, "Check Mina Patel"),
    ("word/comments.xml", "comment", "Comment author", 1, "S. Reviewer"),
    ("word/comments.xml", "comment", "Comment initials", 1, "SR"),
    ("word/comments.xml", "comment", "Comment by S. Reviewer", 2, "Second comment added"),
    (D, "tracked_insertion", "Tracked change author", 2, "Ann Reviewer"),
    (D, "tracked_deletion", "Tracked change author", 2, "Bob Editor"),
    ("word/comments.xml", "tracked_insertion", "Tracked change author", 2, "Cy Commenter"),
    ("word/people.xml", "property", "Word people list", 1, "S. Reviewer"),
    ("word/people.xml", "property", "Word people list", 1, "S::s.reviewer@example.org::1234"),
    ("word/people.xml", "property", "Word people list", 2, "Ann Reviewer"),
    ("docProps/core.xml", "property", "Document property: title", 1, "Review of Family Q"),
    ("docProps/core.xml", "property", "Document property: creator", 2, "Core Creator"),
    ("docProps/core.xml", "property", "Document property: lastModifiedBy", 3, "Last Modder"),
    ("docProps/core.xml", "property", "Document property: keywords", 4, "Quill Lane"),
    ("docProps/app.xml", "property", "Document property: Manager", 1, "Mo Manager"),
    ("docProps/app.xml", "property", "Document property: Company", 2, "Fictional Council"),
    ("docProps/app.xml", "property", "Document property: TitlesOfParts", 3,
     "Review of Family Q"),
    ("docProps/custom.xml", "property", "Custom property: CaseRef", 1, "CR-12345"),
    ("word/settings.xml", "property", "Document variable: ChildName", 1, "Pip Quill"),
    ("word/settings.xml", "property", "Document property: attachedTemplate", 2,
     "file:///C:/Users/jo.park/Templates/SCR.dotx"),
]


@pytest.fixture
def rich(tmp_path: Path) -> Path:
    return build_docx(tmp_path / "rich.docx", BODY, PARTS, DOC_RELS, ROOT_RELS)


def test_every_place_gives_its_segment_in_order(rich: Path) -> None:
    doc = load(rich)
    assert doc.format == "docx"
    assert doc.notes == []
    assert seg_tuples(doc) == EXPECTED


def test_span_invariant_holds_for_every_span(rich: Path) -> None:
    doc = load_docx(rich)
    checked = 0
    for seg in doc.segments:
        assert seg.spans, seg.label
        prev_end = 0
        for s in seg.spans:
            source = s.node.get(s.attr) if s.attr else s.node.text
            assert seg.text[s.start:s.end] == source[s.offset:s.offset + (s.end - s.start)]
            assert s.start >= prev_end or s.start == 0  # ordered, or a repeated attribute
            prev_end = s.end
            checked += 1
    assert checked > 60


def test_split_name_has_one_span_per_run(rich: Path) -> None:
    seg = load_docx(rich).segments[0]
    start = seg.text.index("Kayla Brook")
    spans = seg.spans_in(start, start + len("Kayla Brook"))
    assert [seg.text[s.start:s.end] for s in spans] == ["Ka", "yla", " Brook"]


def test_insertion_spans_carry_their_kind(rich: Path) -> None:
    seg = load_docx(rich).segments[1]
    start = seg.text.index("Tomas Vell")
    assert seg.kind == "body"
    assert seg.kind_at(start, start + 10) == "tracked_insertion"
    assert seg.kind_at(0, 3) == "body"


def test_spans_point_into_the_package_trees(rich: Path) -> None:
    doc = load_docx(rich)
    seg = doc.segments[0]
    assert seg.spans[0].node.getroottree().getroot() is doc.package.xml("word/document.xml")
    target = next(s for s in doc.segments if s.label.startswith("Hyperlink target"))
    assert target.spans[0].node.getroottree().getroot() is doc.package.xml(
        "word/_rels/document.xml.rels")


def test_repeated_comment_author_is_one_segment_with_a_span_per_copy(rich: Path) -> None:
    doc = load_docx(rich)
    authors = [s for s in doc.segments if s.label == "Comment author"]
    assert len(authors) == 1
    w_id = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}id"
    assert [s.node.get(w_id) for s in authors[0].spans] == ["0", "1"]


def test_alternate_content_is_read_once(rich: Path) -> None:
    doc = load_docx(rich)
    texts = [s.text for s in doc.segments]
    assert texts.count("Box mentions Ivo Grant") == 1
    assert texts.count("Photo of Lena Marsh") == 1
    descr = next(s for s in doc.segments if s.text == "Photo of Lena Marsh")
    # One span on wp:docPr, one on the picture's pic:cNvPr copy; none on the VML fallback.
    assert [etree.QName(s.node).localname for s in descr.spans] == ["docPr", "cNvPr"]


def test_editing_a_span_node_survives_to_bytes(rich: Path, tmp_path: Path) -> None:
    doc = load_docx(rich)
    seg = next(s for s in doc.segments if s.text == "Control holds Uma Reed")
    seg.spans[0].node.text = "Control holds [NAME]"
    out = doc.package.save(tmp_path / "out.docx")
    again = load_docx(out)
    assert "Control holds [NAME]" in [s.text for s in again.segments]
    with zipfile.ZipFile(rich) as before, zipfile.ZipFile(out) as after:
        assert before.namelist() == after.namelist()
        # Parsed but unedited parts round-trip byte for byte.
        for name in ("word/header2.xml", "word/comments.xml", "word/people.xml"):
            assert before.read(name) == after.read(name)
        assert before.read("word/document.xml") != after.read("word/document.xml")


def test_package_api(rich: Path, tmp_path: Path) -> None:
    pkg = Package.open(rich)
    assert pkg.main == "word/document.xml"
    assert pkg.names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert pkg.has("word/footnotes.xml") and not pkg.has("word/nothing.xml")
    assert pkg.related("word/document.xml", "/footnotes") == [("rId5", "word/footnotes.xml")]
    # External relationships are not parts.
    assert pkg.related("word/document.xml", "/hyperlink") == []
    assert pkg.rels("word/header1.xml") is None
    assert pkg.rels("word/comments.xml") is not None
    assert pkg.raw("word/header1.xml") == PARTS["word/header1.xml"].encode()
    pkg.add("customXml/item9.xml", b"<x/>", content_type="application/xml+test")
    assert pkg.content_type("customXml/item9.xml") == "application/xml+test"
    pkg.remove("word/header3.xml")
    assert "word/header3.xml" not in pkg.names
    pkg.set_raw("word/header2.xml", b"<x/>")
    with zipfile.ZipFile(pkg.save(tmp_path / "copy.docx")) as zf:
        assert zf.namelist()[-1] == "customXml/item9.xml"
        assert zf.read("word/header2.xml") == b"<x/>"
        assert b"item9.xml" in zf.read("[Content_Types].xml")
    with pytest.raises(ConfigError, match="refusing to overwrite"):
        pkg.save(rich)


def test_docm_is_read_with_a_note(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "macro.docm", p(r("Plain text")),
                      {"word/vbaProject.bin": "not really a macro"})
    doc = load(path)
    assert doc.format == "docm"
    assert doc.notes == [MACRO_NOTE]
    assert [s.text for s in doc.segments] == ["Plain text"]


def test_embedded_objects_are_noted(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "emb.docx", p(r("x")),
                      {"word/embeddings/oleObject1.bin": "blob"})
    assert load(path).notes == [
        "embedded object word/embeddings/oleObject1.bin (embedded object) was not read:"
        " open it and check it separately; a redacted copy replaces it with a placeholder"
    ]


def test_custom_xml_parts_are_read(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "cx.docx", p(r("x")),
                      {"customXml/item1.xml": "<a><b>Owner Tam Ferrow</b>tail</a>"})
    doc = load(path)
    assert doc.notes == []
    assert seg_tuples(doc)[-1] == ("customXml/item1.xml", "property", "Custom XML item 1", 1,
                                   "Owner Tam Ferrow\ntail")


def test_paragraph_hidden_by_its_style(tmp_path: Path) -> None:
    styles = story("styles", '<w:style w:type="paragraph" w:styleId="Ghost"><w:rPr><w:vanish/>'
                   "</w:rPr></w:style>")
    body = p(r("Ghost line"), ppr='<w:pPr><w:pStyle w:val="Ghost"/></w:pPr>') + p(r("Seen"))
    path = build_docx(tmp_path / "s.docx", body, {"word/styles.xml": styles},
                      rel("rId1", "styles", "styles.xml"))
    assert seg_tuples(load(path)) == [
        (D, "hidden_text", f"{H} 1", 1, "Ghost line"),
        (D, "body", "Paragraph 2", 2, "Seen"),
    ]


def test_large_draft_loads_whole(tmp_path: Path) -> None:
    # Its speed is measured by bench/resources.py, not asserted here (machines are noisy).
    para = p(r("The review panel met the "), r("fam", "<w:rPr><w:b/></w:rPr>"),
             r("ily and discussed the plan for the coming weeks together."))
    path = build_docx(tmp_path / "big.docx", para * 10_000)  # ~150,000 words
    doc = load_docx(path)
    assert doc.words == 150_000


def test_legacy_vml_text_box_and_moved_text(tmp_path: Path) -> None:
    body = (
        p(r("Shape: "), '<w:r><w:pict><v:shape alt="Map of Orla Dene\'s street"><v:textbox>'
          "<w:txbxContent>" + p(r("Old box names Orla Dene")) + "</w:txbxContent></v:textbox>"
          "</v:shape></w:pict></w:r>")
        + p('<w:moveFrom w:id="4" w:author="Di Mover">' + r("Moved away") + "</w:moveFrom>",
            '<w:moveTo w:id="5" w:author="Di Mover">' + r("Moved here") + "</w:moveTo>",
            '<w:del w:id="6" w:author="Di Mover"><w:r><w:delInstrText> AUTHOR </w:delInstrText>'
            "</w:r></w:del>")
    )
    doc = load(build_docx(tmp_path / "vml.docx", body))
    assert seg_tuples(doc) == [
        (D, "body", "Paragraph 1", 1, "Shape: "),
        (D, "alt_text", "Image description", 1, "Map of Orla Dene's street"),
        (D, "textbox", "Text box, paragraph 2", 2, "Old box names Orla Dene"),
        (D, "body", "Paragraph 3", 3, "Moved here"),
        (D, "tracked_deletion", "Tracked deletion by Di Mover", 3, "Moved away AUTHOR "),
        (D, "tracked_deletion", "Tracked change author", 3, "Di Mover"),
    ]
    author = doc.segments[-1]
    assert len(author.spans) == 3  # moveFrom, moveTo and del all carry the name
