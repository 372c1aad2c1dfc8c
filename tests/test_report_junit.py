"""JUnit XML: one test case per document, a failure per finding at or above --fail-on."""

from __future__ import annotations

from lxml import etree
from report_sample import check_golden, sample_result

from redactcheck.findings import Severity
from redactcheck.report import ReportOptions, render


def _parse(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


def _as_data(root: etree._Element) -> dict:
    return {
        "attrs": dict(root.attrib),
        "suites": [{
            "attrs": dict(suite.attrib),
            "cases": [{
                "attrs": dict(case.attrib),
                "children": [{"tag": c.tag, "attrs": dict(c.attrib), "text": c.text}
                             for c in case],
            } for case in suite],
        } for suite in root],
    }


def test_golden_masked_fail_on_medium() -> None:
    root = _parse(render("junit", sample_result(), ReportOptions(mask=True)))
    check_golden("junit-masked.json", _as_data(root))


def test_counts_and_threshold() -> None:
    result = sample_result()
    root = _parse(render("junit", result, ReportOptions(mask=True, fail_on=Severity.HIGH)))
    suite = root[0]
    assert suite.get("tests") == "3" and suite.get("failures") == "2"
    assert suite.get("errors") == "1" and root.get("tests") == "3"
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {"drafts/case b.docx", "notes.txt", "broken.docx"}
    assert all(c.get("classname") == "redactcheck" for c in cases.values())
    high = [f for f in result.documents[0].findings if f.severity is Severity.HIGH]
    failures = cases["drafts/case b.docx"].findall("failure")
    assert len(failures) == len(high) + 1  # + the jigsaw risk
    assert [f.get("type") for f in failures[:-1]] == [f.entity for f in high]
    assert cases["broken.docx"].find("error").get("message") == "broken.docx: not a Word file"

    root = _parse(render("junit", result, ReportOptions(mask=True, fail_on=Severity.LOW)))
    notes = {c.get("name"): c for c in root.iter("testcase")}["notes.txt"]
    assert [f.get("type") for f in notes.findall("failure")] == ["PHONE_NUMBER", "LOCATION"]


def test_failure_message_and_body() -> None:
    root = _parse(render("junit", sample_result(), ReportOptions(mask=True)))
    first = root.find(".//failure")
    assert first.get("message") == (
        'HIGH PERSON: "D**** M*****" (Name of a person) in Paragraph 2')
    assert "pseudonym" in first.text


def test_masked_leaks_nothing_and_unmasked_shows_text() -> None:
    masked = render("junit", sample_result(), ReportOptions(mask=True))
    for secret in ("Donna", "Morris", "Rose", "Oakfield", "Kapoor", "07700", "Ashby"):
        assert secret not in masked, secret
    shown = render("junit", sample_result(), ReportOptions(mask=False))
    assert "Donna Morris" in _parse(shown).find(".//failure").get("message")


def test_clean_document_passes() -> None:
    result = sample_result()
    result.documents = [result.documents[1]]
    result.documents[0].findings = []
    root = _parse(render("junit", result, ReportOptions(mask=True)))
    assert root.get("failures") == "0"
    assert len(root.find(".//testcase")) == 0
