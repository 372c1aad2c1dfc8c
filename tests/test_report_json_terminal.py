"""Golden files for the JSON and terminal reports, built from the fixed sample result."""

from __future__ import annotations

import json
import re

from report_sample import check_golden, sample_result

from redactcheck.report import ReportOptions, render

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_json_golden_unmasked():
    data = json.loads(render("json", sample_result(), ReportOptions()))
    data["tool"].pop("version")
    check_golden("json.json", data)
    finding = data["documents"][0]["findings"][0]
    assert finding["text"] == "Donna Morris"
    assert finding["location"]["label"] == "Paragraph 2"


def test_json_masked_keeps_shape_and_hides_text():
    text = render("json", sample_result(), ReportOptions(mask=True))
    data = json.loads(text)
    assert "Donna" not in text and "Kapoor" not in text and "900123" not in text
    assert data["documents"][0]["findings"][0]["text"] == "D**** M*****"
    assert data["documents"][2]["errors"] == ["broken.docx: not a Word file"]


def test_terminal_golden_plain_text():
    lines = render("terminal", sample_result(), ReportOptions(color=False)).splitlines()
    check_golden("terminal.json", lines)
    assert lines[-1].startswith("3 documents, 46 words: 8 high, 1 medium, 2 low")


def test_terminal_colour_highlights_only_when_asked():
    coloured = render("terminal", sample_result(), ReportOptions(color=True))
    plain = render("terminal", sample_result(), ReportOptions(color=False))
    assert ANSI.search(coloured) and not ANSI.search(plain)
    # Without colour the match is bracketed in its context so it can still be seen.
    assert "[Donna Morris] moved to" in plain


def test_terminal_masked_shows_no_document_text():
    masked = render("terminal", sample_result(), ReportOptions(color=False, mask=True))
    for secret in ("Donna", "Morris", "Kapoor", "Rose Lane", "LS6 2AB", "900123"):
        assert secret not in masked, secret
