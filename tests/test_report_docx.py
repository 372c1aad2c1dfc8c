"""Annotated DOCX copy: comments on exactly the finding's characters, nothing else changed."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from report_sample import JIGSAW

from redactcheck.document import load_text
from redactcheck.docx_reader import load_docx
from redactcheck.errors import ConfigError
from redactcheck.findings import Finding, Location, Severity, make_context
from redactcheck.report import ReportOptions, render
from redactcheck.report.docx import SUMMARY_HEADING, TABLE_HEADING
from redactcheck.result import CheckResult, DocumentResult

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _draft(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("Serious Case Review: Child B")
    p = d.add_paragraph("Donna ")
    p.add_run("Morris moved to 12 Rose").bold = True
    p.add_run(" Lane in Ashby.")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "Oakfield Primary School"
    d.sections[0].header.paragraphs[0].text = "Morris family file"
    d.save(path)
    return path


def _finding(doc, text: str, entity: str, severity: Severity = Severity.HIGH) -> Finding:
    i, seg = next((i, s) for i, s in enumerate(doc.segments) if text in s.text)
    a = seg.text.index(text)
    b = a + len(text)
    return Finding(entity, text, Location(seg.part, seg.kind_at(a, b), seg.paragraph, a, b,
                                          seg.label), 0.9, severity, "test", "matched",
                   f"guidance for {entity}", make_context(seg.text, a, b), i)


def _annotated(tmp_path: Path, jigsaw: dict | None = None, **kw) -> tuple[bytes, list[Finding]]:
    doc = load_docx(_draft(tmp_path / "draft.docx"))
    findings = [_finding(doc, "Donna Morris", "PERSON"),
                _finding(doc, "12 Rose Lane", "ADDRESS"),
                _finding(doc, "Oakfield Primary School", "INSTITUTION"),
                _finding(doc, "Morris family", "PERSON", Severity.MEDIUM)]
    result = CheckResult([DocumentResult("draft.docx", findings=findings, jigsaw=jigsaw,
                                         document=doc)])
    return render("docx", result, ReportOptions(**kw)), findings


def _runs(d) -> int:
    """Runs that carry text (not the comment-reference runs add_comment inserts)."""
    return sum(1 for r in d.element.body.iter(f"{W}r") if r.find(f"{W}commentReference") is None)


def _comment_ranges(d) -> dict[str, str]:
    """comment id -> the text between its commentRangeStart and commentRangeEnd."""
    out: dict[str, str] = {}
    open_: dict[str, list[str]] = {}
    for el in d.element.body.iter():
        if el.tag == f"{W}commentRangeStart":
            open_[el.get(f"{W}id")] = []
        elif el.tag == f"{W}commentRangeEnd":
            out[el.get(f"{W}id")] = "".join(open_.pop(el.get(f"{W}id")))
        elif el.tag == f"{W}t":
            for parts in open_.values():
                parts.append(el.text or "")
    return out


def test_comments_cover_exactly_the_findings(tmp_path: Path) -> None:
    out, _ = _annotated(tmp_path)
    d = docx.Document(io.BytesIO(out))
    comments = {str(c.comment_id): c for c in d.comments}
    ranges = _comment_ranges(d)
    assert sorted(ranges.values()) == ["12 Rose Lane", "Donna Morris", "Oakfield Primary School"]
    for cid in ranges:
        c = comments[cid]
        assert (c.author, c.initials) == ("redactcheck", "RC")
    by_text = {ranges[cid]: comments[cid].text for cid in ranges}
    assert by_text["Donna Morris"].splitlines() == [
        "HIGH: Name of a person (\u201cDonna Morris\u201d)",
        "Why it identifies: A real name identifies the person directly.",
        "Write instead: guidance for PERSON",
    ]


def test_nothing_else_changes(tmp_path: Path) -> None:
    original = docx.Document(_draft(tmp_path / "orig.docx"))
    out, _ = _annotated(tmp_path)
    d = docx.Document(io.BytesIO(out))
    texts = [p.text for p in d.paragraphs]
    # The draft comes first, untouched; the summary page follows it.
    n = len(original.paragraphs)
    assert texts[:n] == [p.text for p in original.paragraphs]
    assert texts[n] == "" and texts[n + 1] == SUMMARY_HEADING
    # Splits: "Donna |Morris| moved to |12 Rose|| Lane| in Ashby." = 3 runs -> 6.
    assert _runs(d) - _runs(original) - _inserted_runs(d) == 3
    assert d.tables[0].cell(0, 0).text == "Oakfield Primary School"
    assert d.sections[0].header.paragraphs[0].text == "Morris family file"
    bold = [r.text for r in d.paragraphs[1].runs if r.bold]
    assert bold == ["Morris", " moved to ", "12 Rose"]  # formatting carried by the splits


def _inserted_runs(d) -> int:
    """Runs in what the annotator appended after the draft (page break, summary, table)."""
    body = list(d.element.body)
    first_ours = next(i for i, el in enumerate(body)
                      if el.tag == f"{W}p" and el.find(f".//{W}br") is not None)
    return sum(1 for el in body[first_ours:] for _ in el.iter(f"{W}r"))


def test_first_paragraph_is_the_drafts_and_summary_is_one_page_at_the_end(
        tmp_path: Path) -> None:
    out, _ = _annotated(tmp_path)
    d = docx.Document(io.BytesIO(out))
    assert d.paragraphs[0].text == "Serious Case Review: Child B"
    texts = [p.text for p in d.paragraphs]
    summary = texts.index(SUMMARY_HEADING)
    # One page break, right before the summary: it starts a page of its own.
    breaks = [i for i, p in enumerate(d.paragraphs)
              if p._p.find(f".//{W}br[@{W}type='page']") is not None]
    assert breaks == [summary - 1]
    assert texts[summary + 1] == (
        "4 findings (3 high, 1 medium): 3 carry a Word comment in the draft above; 1 are in "
        "places that cannot carry one (listed below).")
    assert texts[summary + 2] == TABLE_HEADING


def test_findings_outside_main_text_are_tabled_on_the_summary_page(tmp_path: Path) -> None:
    out, _ = _annotated(tmp_path)
    d = docx.Document(io.BytesIO(out))
    table = d.tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [
        ["Place", "Found"],
        ["Header (default), section 1", "MEDIUM Name of a person: \u201cMorris family\u201d"],
    ]
    texts = [p.text for p in d.paragraphs]
    assert "What to write instead: Name of a person: guidance for PERSON" in texts
    body = list(d.element.body)
    assert body.index(table._tbl) > body.index(d.paragraphs[1]._p)


def _front(d) -> list[str]:
    """Paragraph texts of the summary page after the draft (our appended matter)."""
    texts = [p.text for p in d.paragraphs]
    return texts[texts.index(SUMMARY_HEADING):]


def test_jigsaw_section_when_present(tmp_path: Path) -> None:
    out, _ = _annotated(tmp_path, jigsaw=JIGSAW)
    d = docx.Document(io.BytesIO(out))
    texts = _front(d)
    heading = next(i for i, t in enumerate(texts) if t.startswith("redactcheck: combination"))
    assert texts[heading].endswith(": HIGH")
    # The short paragraph right after the heading, in words rather than λ notation.
    assert texts[heading + 1] == (
        "No other family in Ashby is likely to match these details together (the expected "
        "number is fewer than 1 in 100): risk HIGH.")
    assert "e-0" not in "\n".join(texts)
    tables = {tuple(c.text for c in t.rows[0].cells): [[c.text for c in r.cells]
                                                        for r in t.rows[1:]] for t in d.tables}
    combos = tables[("Details together", "\u2248 families matching",
                     "Chance a guess is right")]
    # Smallest combination first.
    assert combos[0] == ["Area: Ashby; Health condition: <i>Kleefstra</i> syndrome", "0.27",
                         "88%"]
    assert combos[1][1:3] == ["fewer than 1 in 100", "over 99%"]
    assert tables[("Detail", "Value", "How common")][0][:3] == [
        "Area", "Ashby", "1 in 667"]
    steps = [t for t in texts if t[:2] in ("1.", "2.")]
    assert steps == [
        "1. Replace \u201c<i>Kleefstra</i> syndrome\u201d with \u201ca chronic health "
        "condition\u201d (Paragraph 2): after this change: \u2248 2.1 families match, HIGH",
        "2. Replace \u201cAshby\u201d with \u201cthe county\u201d (Paragraph 2): after this "
        "change: \u2248 14 families match, LOW",
    ]
    # Compact: the searches are counted (they are in the HTML and JSON reports), the
    # limits are one line.
    assert any(t.startswith("Motivated-intruder searches: ") for t in texts)
    assert texts[-1].startswith("Limits: details assumed independent")


def test_jigsaw_section_masked(tmp_path: Path) -> None:
    out, _ = _annotated(tmp_path, jigsaw=JIGSAW, mask=True)
    d = docx.Document(io.BytesIO(out))
    front = "\n".join(_front(d)) + "\n".join(
        c.text for t in d.tables for r in t.rows for c in r.cells)
    for secret in ("Ashby", "Kleefstra", "twins"):
        assert secret not in front
    assert "a chronic health condition" in front  # our suggested wording is not document text


def test_masking_applies_to_comment_text(tmp_path: Path) -> None:
    out, _ = _annotated(tmp_path, mask=True)
    d = docx.Document(io.BytesIO(out))
    text = "\n".join(c.text for c in d.comments)
    assert "D**** M*****" in text and "Donna" not in text


def test_text_input_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("Donna Morris lives here.", encoding="utf-8")
    result = CheckResult([DocumentResult("draft.txt", document=load_text(path))])
    with pytest.raises(ConfigError, match="needs a .docx"):
        render("docx", result, ReportOptions())


def test_input_file_untouched(tmp_path: Path) -> None:
    out, _ = _annotated(tmp_path)
    before = (tmp_path / "draft.docx").read_bytes()
    assert out != before
    assert (tmp_path / "draft.docx").read_bytes() == before
