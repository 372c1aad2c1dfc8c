"""recognizers/identifiers.py: exact spans on fixtures/cases/identifiers.yaml plus unit checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from recognizer_yaml import check_case, load_cases

from recognizers import identifiers
from recognizers.identifiers import (
    UkIdentifierRecognizer,
    bare_reference_spans,
    is_ni_health_and_care_number,
    joined_code_ok,
    national_phone_digits,
    nhs_checksum_ok,
    valid_uk_number,
    words_before,
)

CASES = load_cases("identifiers.yaml")


def test_case_file_size():
    positives = sum(len(c.get("match", [])) for c in CASES)
    negatives = sum(len(c.get("no_match", [])) for c in CASES)
    assert positives >= 30 and negatives >= 30


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_case(case, artifacts):
    """This module alone on its cases (tests/test_cases.py runs them through the engine)."""
    assert check_case(identifiers, case, artifacts) == []


def test_nhs_checksum():
    assert nhs_checksum_ok("9434765919")
    assert not nhs_checksum_ok("9434765918")
    assert not nhs_checksum_ok("123456789")  # nine digits
    # Weighted sum of 000020000 is 2*6 = 12, remainder 1, so the check digit would be 10:
    # never issued, whatever the tenth digit says.
    assert not any(nhs_checksum_ok(f"000020000{d}") for d in range(10))


def test_phone_normalisation():
    assert national_phone_digits("+44 (0)161 496 0123") == "01614960123"
    assert national_phone_digits("0044 7700 900123") == "07700900123"
    assert valid_uk_number("07700900123")
    assert not valid_uk_number("0770090012")  # mobiles have 11 digits
    assert not valid_uk_number("06123456789")  # 06 is not allocated


def test_words_before_stops_at_sentence_but_not_at_no():
    text = "It was an NHS number. 943 476 5919"
    assert "NHS" not in words_before(text, text.index("943"))
    text = "passport no. AB1234567"
    assert words_before(text, text.index("AB")) == "passport no."


def test_exact_spans_and_metadata():
    recognizer = UkIdentifierRecognizer()
    text = "Mobile 07700 900123; NHS no 943 476 5919."
    results = recognizer.analyze(text, ["PHONE_NUMBER", "NHS_NUMBER"])
    spans = sorted((r.entity_type, r.start, r.end) for r in results)
    assert spans == [("NHS_NUMBER", 28, 40), ("PHONE_NUMBER", 7, 19)]
    assert all(r.recognition_metadata["explanation"] for r in results)
    assert recognizer.analyze(text, ["EMAIL_ADDRESS"]) == []  # entity filter honoured


def test_presidio_replaces_names_exist():
    from presidio_analyzer import predefined_recognizers as pr

    for name in identifiers.PRESIDIO_REPLACES:
        assert hasattr(pr, name), name


def test_helpline_list_has_header_and_parses():
    path = Path(identifiers.__file__).parent / "data" / "public_helplines.txt"
    header = path.read_text(encoding="utf-8").splitlines()[0].lower()
    assert header.startswith("#") and "source" in header and "licence" in header
    helplines = identifiers._load_helplines()
    assert "08088005000" in helplines and "08001111" in helplines


def test_ni_health_and_care_number_range_and_checksum():
    assert is_ni_health_and_care_number("3200000015")
    assert is_ni_health_and_care_number("3700000006")
    assert not is_ni_health_and_care_number("3700000007")  # check digit wrong
    assert not is_ni_health_and_care_number("9434765919")  # valid NHS number, out of range
    assert not is_ni_health_and_care_number("3200000000")  # below the first issued number


def test_joined_code_shapes():
    for code in ("AB-CD-2023-01", "XY23-041175", "ABC-0049317", "QT-20220419-0381",
                 "A12/34", "GH/IV/23/442", "MN/KL/22/0461"):
        assert joined_code_ok(code), code
    for code in ("COVID-19", "ICD-10", "PHQ-9", "BS-EN-1176", "Y10-Y13", "P1-P7", "A40/M4",
                 "M6-J19", "mid-2023", "Covid-19", "FY2023-24", "Q1-2024", "11-JUN-2023",
                 "DHR-2022", "2023-24", "24/7", "3F2504E0-4F89-11D3-9A0C-0305E82C3301"):
        assert not joined_code_ok(code), code


def test_bare_numbers_in_headers_footers_properties_and_short_cells():
    def found(text, kind):
        return [text[s:e] for s, e in bare_reference_spans(text, kind, frozenset({"08001111"}))]

    assert found("OFFICIAL-SENSITIVE | Child D | 5520931", "header") == ["5520931"]
    assert found("20119", "property") == ["20119"]
    assert found("7730021", "table") == ["7730021"]
    assert found("Page 3 of 12", "footer") == []
    assert found("Registered charity no. 216401", "footer") == []
    assert found("Call 08001111 or 01632 960123", "footer") == []
    assert found("Printed 20230611, version 20240102", "footer") == []  # dates as 8 digits
    assert found("Total 12,500 and 15.25 and £25000", "footer") == []
    assert found("20119", "table") == []  # five digits in a table: a figure
    assert found("In the year to March there were 220931 contacts in the whole area.",
                 "table") == []  # a long cell is text, not an id field
    assert found("OFFICIAL | Child D | 5520931", "body") == []  # body text needs a cue
    assert found("OFFICIAL | KT4419023 | 5520931W", "footer") == ["KT4419023", "5520931W"]
    assert found("Certified to ISO27001", "footer") == []


def test_document_pass_makes_findings_for_bare_header_numbers():
    from redactcheck.config import Config
    from redactcheck.document import Segment

    segments = [
        Segment(text="OFFICIAL | Child D | 5520931", part="word/header1.xml", kind="header",
                paragraph=1, label="Header (default), section 1"),
        Segment(text="The family had 5520931 reasons.", part="word/document.xml", kind="body",
                paragraph=1, label="Paragraph 1"),
    ]
    out = identifiers.document_pass(segments, [], Config())
    assert [(f.entity, f.text, f.segment_index) for f in out] == [
        ("REFERENCE_NUMBER", "5520931", 0)]
    assert "header" in out[0].explanation
    assert identifiers.document_pass(segments, out, Config()) == []  # already covered
    internal = Segment(text="1837466743", part="docProps/custom.xml", kind="property",
                       paragraph=1, label="Custom property: _AdHocReviewCycleID")
    assert identifiers.document_pass([internal], [], Config()) == []


def test_operation_names():
    recognizer = UkIdentifierRecognizer()

    def refs(text):
        return [text[h.start:h.end] for h in recognizer.find(text)
                if h.entity == "REFERENCE_NUMBER"]

    assert refs("Detectives ran Operation Brackwater.") == ["Operation Brackwater"]
    assert refs("After the operation Dr Khan saw her.") == []
    assert refs("Operation Encompass applies; the Operation Kestrel programme began.") == []
