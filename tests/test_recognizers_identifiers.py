"""recognizers/identifiers.py: exact spans on fixtures/cases/identifiers.yaml plus unit checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from recognizer_yaml import check_case, load_cases

from recognizers import identifiers
from recognizers.identifiers import (
    UkIdentifierRecognizer,
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
