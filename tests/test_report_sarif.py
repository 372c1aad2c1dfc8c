"""SARIF: valid against the official OASIS schema, masked by default, GitHub-uploadable."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from report_sample import check_golden, sample_result

from redactcheck.entities import ENTITY_TYPES
from redactcheck.report import FORMATS, ReportOptions, render

SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _sarif(mask: bool = True, **kw) -> dict:
    return json.loads(render("sarif", sample_result(), ReportOptions(mask=mask, **kw)))


def _without_versions(log: dict) -> dict:
    driver = log["runs"][0]["tool"]["driver"]
    driver.pop("version")
    driver.pop("semanticVersion")
    # Rules come from entities.py and are checked against it below, not frozen here.
    driver["rules"] = [rule["id"] for rule in driver["rules"]]
    return log


def test_registered() -> None:
    assert FORMATS["sarif"] == "sarif"


def test_schema_file_is_the_official_oasis_schema() -> None:
    assert SCHEMA["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"


@pytest.mark.parametrize("mask", [True, False])
def test_validates_against_official_schema(mask: bool) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(_sarif(mask)), key=str)
    assert not errors, errors[0].message if errors else ""


def test_golden_masked() -> None:
    check_golden("sarif-masked.json", _without_versions(_sarif(True)))


def test_rules_one_per_entity_with_help_text() -> None:
    rules = _sarif()["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(ENTITY_TYPES)
    person = rules[0]
    assert person["shortDescription"]["text"] == ENTITY_TYPES["PERSON"].title
    assert person["fullDescription"]["text"] == ENTITY_TYPES["PERSON"].description
    assert ENTITY_TYPES["PERSON"].guidance in person["help"]["text"]
    assert ENTITY_TYPES["PERSON"].guidance in person["help"]["markdown"]


def test_results_levels_locations_and_fingerprints() -> None:
    result = sample_result()
    log = _sarif()
    results = log["runs"][0]["results"]
    expected = [f for d in result.documents for f in d.findings]
    findings = [r for r in results if r["ruleId"] != "JIGSAW_RISK"]
    assert len(findings) == len(expected)
    level = {"high": "error", "medium": "warning", "low": "note"}
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for res, f in zip(findings, expected, strict=True):
        assert res["ruleId"] == f.entity
        assert rules[res["ruleIndex"]]["id"] == f.entity
        assert res["level"] == level[f.severity.value]
        assert res["partialFingerprints"] == {"redactcheckFindingId/v1": f.id}
        phys = res["locations"][0]["physicalLocation"]
        assert phys["region"]["startLine"] >= 1
        assert "snippet" not in phys["region"]  # masked: no plain text anywhere
    assert findings[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "drafts/case%20b.docx")
    footnote = next(r for r in findings if r["properties"]["place"] == "Footnote 3")
    assert footnote["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == (
        "word/footnotes.xml/Footnote 3")
    jigsaw = [r for r in results if r["ruleId"] == "JIGSAW_RISK"]
    assert len(jigsaw) == 1 and jigsaw[0]["level"] == "error"
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == ["broken.docx: not a Word file"]
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_masked_by_default_leaks_nothing() -> None:
    text = render("sarif", sample_result(), ReportOptions(mask=True))
    for secret in ("Donna", "Morris", "Rose Lane", "LS6", "Oakfield", "Kapoor", "07700",
                   "Ashby"):
        assert secret not in text, secret
    jigsaw = json.loads(text)["runs"][0]["results"][9]
    assert jigsaw["ruleId"] == "JIGSAW_RISK"
    assert "twins" not in jigsaw["message"]["text"] and "t****" in jigsaw["message"]["text"]


def test_unmasked_shows_text_and_snippet() -> None:
    results = _sarif(mask=False)["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["region"]["snippet"] == {
        "text": "Donna Morris"}
    assert "\"Donna Morris\"" in results[0]["message"]["text"]


def test_show_low_false_drops_low_results() -> None:
    results = _sarif(show_low=False)["runs"][0]["results"]
    assert all(r["level"] != "note" for r in results)


def test_text_file_regions_are_real_lines(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes.txt").write_text("Title\n\nContact 07700 900123 for the visit.\n",
                                 encoding="utf-8")
    result = sample_result()
    for f in result.documents[1].findings:  # move the offsets to line 3 of the real file
        f.location.__dict__.update(char_start=f.location.char_start + 7,
                                   char_end=f.location.char_end + 7)
    log = json.loads(render("sarif", result, ReportOptions(mask=True)))
    phone = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "PHONE_NUMBER")
    assert phone["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 21}
