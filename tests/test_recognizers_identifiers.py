"""recognizers/identifiers.py: exact spans on fixtures/cases/identifiers.yaml plus unit checks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from recognizers import identifiers
from recognizers.identifiers import (
    UkIdentifierRecognizer,
    national_phone_digits,
    nhs_checksum_ok,
    valid_uk_number,
    words_before,
)

CASES_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "identifiers.yaml"
CASES = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def analyze(nlp_engine):
    """text -> [(entity, matched text, start, end)] through Presidio, as the Analyzer runs it.

    Only this module's recogniser plus Presidio's email and URL recognisers (which this
    module relies on), so the cases do not depend on other families' work in progress.
    """
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, UrlRecognizer

    from redactcheck.offline import ensure_offline

    ensure_offline()
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in (*identifiers.build(None), EmailRecognizer(), UrlRecognizer()):
        registry.add_recognizer(recognizer)
    engine = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])

    def run(text: str) -> list[tuple[str, str, int, int]]:
        results = engine.analyze(text, language="en", score_threshold=0.4)
        return [(r.entity_type, text[r.start:r.end], r.start, r.end) for r in results]

    return run


def check_case(case: dict, found: list[tuple[str, str, int, int]]) -> list[str]:
    """Problems with one YAML case: a missing exact match, or a finding over a no_match."""
    problems = []
    for want in case.get("match", []):
        if not any(e == want["entity"] and t == want["text"] for e, t, _, _ in found):
            problems.append(f"missing {want['entity']} {want['text']!r}; found {found}")
    text = case["text"]
    for bad in case.get("no_match", []):
        start = text.find(bad["text"])
        assert start >= 0, f"no_match text {bad['text']!r} is not in the case text"
        while start >= 0:
            end = start + len(bad["text"])
            for e, t, s, f in found:
                if s < end and start < f and bad.get("entity", e) == e:
                    problems.append(f"flagged {e} {t!r} over no_match {bad['text']!r}")
            start = text.find(bad["text"], start + 1)
    return problems


def test_case_file_size():
    positives = sum(len(c.get("match", [])) for c in CASES)
    negatives = sum(len(c.get("no_match", [])) for c in CASES)
    assert positives >= 30 and negatives >= 30


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_case(case, analyze):
    assert check_case(case, analyze(case["text"])) == []


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
