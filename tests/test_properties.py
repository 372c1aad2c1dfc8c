"""Property-based tests: random text through every recogniser, the jigsaw and every report.

Text is drawn from pieces that exercise the recognisers (names, dates, numbers, Welsh
letters, postcodes, role words) mixed with arbitrary characters, control and format
characters included. Whatever comes in, findings must sit on the characters they quote,
the jigsaw must return a band, and every report format must render and parse.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from redactcheck.analysis import get_analyzer
from redactcheck.config import Config
from redactcheck.document import Document, Segment
from redactcheck.findings import Severity
from redactcheck.report import ReportOptions, render
from redactcheck.result import CheckResult, DocumentResult

PIECES = ["Siân", "Ŵyn", "Dafydd", "ap", "O'Connell-Hughes", "Mrs", "Dr.", "the mother",
          "Child B", "21/06/2015", "3rd of May", "Ionawr", "Heol", "Flat 2/1", "NG9 3AB",
          "07700 900123", "943 476 5919", "aged 7 years and 2 months", "twins", "Ysgol",
          "Primary School", "Road", "said", "lived at", ",", ".", "'", "\u200b", "\u00ad",
          "\x1b[31m", "\n", "\t", "ǅ", "ﬁ", "Ａ", "а", "\u202e", "  ", "£2,450", "1989", "Act"]
_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=25).map(
    " ".join)
_SETTINGS = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


def _segments(texts: list[str]) -> list[Segment]:
    return [Segment(text=t, part="word/document.xml", kind="body", paragraph=i + 1,
                    label=f"Paragraph {i + 1}") for i, t in enumerate(texts)]


@_SETTINGS
@given(st.lists(_text, min_size=1, max_size=4))
def test_findings_sit_on_the_characters_they_quote(texts: list[str]) -> None:
    segments = _segments(texts)
    findings = get_analyzer(Config()).analyze_segments(segments)
    for f in findings:
        seg = segments[f.segment_index]
        assert 0 <= f.location.start < f.location.end <= len(seg.text)
        assert seg.text[f.location.start:f.location.end] == f.text
        assert isinstance(f.severity, Severity)


@_SETTINGS
@given(st.lists(_text, min_size=1, max_size=4), st.sampled_from(["ico", "strict"]))
def test_jigsaw_and_every_report_format_accept_any_findings(texts: list[str],
                                                            policy: str) -> None:
    from redactcheck import jigsaw

    segments = _segments(texts)
    findings = get_analyzer(Config()).analyze_segments(segments)
    document = Document(path=Path("random.txt"), format="txt", segments=segments)
    assessment = jigsaw.assess(document, findings, policy=policy)
    assert assessment["band"] in ("NONE", "LOW", "MEDIUM", "HIGH")
    json.dumps(assessment.to_dict())
    doc = DocumentResult(path="random\x1b.txt", words=sum(len(t.split()) for t in texts),
                         findings=findings, jigsaw=assessment, document=document)
    result = CheckResult(documents=[doc])
    for mask in (False, True):
        options = ReportOptions(mask=mask, color=False)
        json.loads(render("json", result, options))
        json.loads(render("sarif", result, options))
        etree.fromstring(render("junit", result, options).encode("utf-8"))
        html = render("html", result, options)
        assert html.lstrip().lower().startswith("<!doctype html")
        terminal = render("terminal", result, options)
        assert "\x1b" not in terminal
