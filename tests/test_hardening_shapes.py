"""Text behind a shape (docs/hardening.md): body text under an opaque shape floating in
front of it is hidden text "possibly covered by a shape", a text box behind the text is
hidden too, and `redact` removes both. Every string is invented."""

from __future__ import annotations

import zipfile
from pathlib import Path

from fixtures.hardening import docx_members, floating_shape, p, r, zip_bytes
from redactcheck.config import Config
from redactcheck.document import load
from redactcheck.docx_reader import COVERED
from redactcheck.redact import RedactOptions, redact_file

FILLER = "The panel read the agency chronologies and the minutes of each meeting again. "
PAGE_V = ('<wp:positionV relativeFrom="page"><wp:posOffset>900000</wp:posOffset>'
          "</wp:positionV>")
PICTURE = ('<w:r><w:drawing><wp:anchor behindDoc="0"><wp:positionH relativeFrom="column">'
           '<wp:align>center</wp:align></wp:positionH><wp:positionV relativeFrom="line">'
           '<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="300000"/>'
           '<wp:wrapNone/><wp:docPr id="5" name="Picture"/><a:graphic><a:graphicData><pic:pic '
           'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
           '<a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
           "</wp:anchor></w:drawing></w:r>")


def _covered(tmp_path: Path, body: str) -> dict[int, bool]:
    src = tmp_path / "shapes.docx"
    src.write_bytes(zip_bytes(docx_members(body)))
    return {s.paragraph: s.hidden_by == COVERED for s in load(src).segments
            if s.kind == "body"}


def test_a_tall_shape_covers_the_paragraphs_below_its_anchor_and_no_further(
        tmp_path: Path) -> None:
    body = (p(r("Anchor paragraph. "), floating_shape(cy=1_400_000))  # 1.5 in tall
            + p(r(FILLER)) + p(r(FILLER * 6)) + p(r(FILLER)) + p(r(FILLER)))
    covered = _covered(tmp_path, body)
    assert covered[1] and covered[2] and covered[3]
    assert not covered[4] and not covered[5]


def test_a_shape_placed_below_its_paragraph_covers_the_next_one_only(tmp_path: Path) -> None:
    below = ('<wp:positionV relativeFrom="paragraph"><wp:posOffset>1200000</wp:posOffset>'
             "</wp:positionV>")
    body = (p(r("Short."), floating_shape(v=below, cy=150_000)) + p(r(FILLER))
            + p(r(FILLER)) + p(r(FILLER)) + p(r(FILLER)) + p(r(FILLER)))
    covered = _covered(tmp_path, body)  # 1.3 in below a one-line paragraph: the fifth
    assert [n for n, c in covered.items() if c] == [5]


def test_page_anchored_shapes_cover_only_when_big_and_pictures_count(tmp_path: Path) -> None:
    body = (p(r(FILLER), floating_shape(v=PAGE_V, cy=600_000))
            + p(r(FILLER), floating_shape(v=PAGE_V, cy=4_000_000))
            + p(r(FILLER)) + p(r(FILLER), PICTURE))
    covered = _covered(tmp_path, body)
    assert covered == {1: False, 2: True, 3: False, 4: True}


def test_transparent_hidden_and_header_shapes_do_not_cover(tmp_path: Path) -> None:
    half = '<a:solidFill><a:srgbClr val="FFFFFF"><a:alpha val="30000"/></a:srgbClr></a:solidFill>'
    hidden = floating_shape().replace('name="Shape"', 'name="Shape" hidden="1"')
    body = p(r(FILLER), floating_shape(fill=half)) + p(r(FILLER), hidden) + p(r(FILLER))
    assert _covered(tmp_path, body) == {1: False, 2: False, 3: False}


def test_redact_removes_covered_text_and_behind_boxes_keeping_the_shape(tmp_path: Path) -> None:
    secret = "The grandmother kept the spare key under the blue flowerpot."
    body = (p(r(secret), floating_shape()) + p(r(FILLER))
            + p(r("Note: "), floating_shape(behind=True, fill="", text="Kept behind the text."))
            + p(r(FILLER)))
    src = tmp_path / "covered.docx"
    src.write_bytes(zip_bytes(docx_members(body)))
    doc = load(src)
    assert any("possibly covered by a shape" in n and "paragraph 1" in n for n in doc.notes)
    labels = [s.label for s in doc.segments]
    assert f"Paragraph 1, with text hidden by formatting: {COVERED}" in labels
    assert any(lb.startswith("Text box (hidden by formatting: text box behind the document")
               for lb in labels)
    out = tmp_path / "copy.docx"
    report = redact_file(src, out, Config(), RedactOptions())
    with zipfile.ZipFile(out) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    assert "flowerpot" not in xml and "Kept behind" not in xml
    assert xml.count("<wp:anchor") == 1  # the covering shape stays; the behind box goes
    assert FILLER.strip() in xml
    assert report.hidden["hidden text runs"] >= 1
    assert report.hidden["text boxes behind the document text"] == 1
