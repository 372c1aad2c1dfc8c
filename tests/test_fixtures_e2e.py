"""End to end on the committed drafts: every planted identifier is reported in the right place
(kind and label), nothing medium/high is reported on the anonymised draft, and the CLI's JSON
for a draft agrees with the in-process check."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fixtures.expected import DRAFTS, drafts_with_expected, missed
from redactcheck.checker import check_document
from redactcheck.cli import main
from redactcheck.config import Config
from redactcheck.findings import Severity

CASES = [(d, rows) for d, rows in drafts_with_expected() if rows]


@pytest.mark.parametrize(("draft", "rows"), CASES, ids=[d.name for d, _ in CASES])
def test_every_planted_identifier_is_reported_in_its_place(draft, rows):
    result = check_document(draft, Config())
    assert not result.errors
    assert missed(rows, result.findings) == []


def test_known_list_reports_the_case_identifiers():
    known = DRAFTS / "leaky_review.known.yaml"
    result = check_document(DRAFTS / "leaky_review.docx", Config(known=known))
    assert any(f.entity == "KNOWN" for f in result.findings)


def test_anonymised_draft_has_no_medium_or_high_findings_per_thousand_words_over_3():
    result = check_document(DRAFTS / "clean_review.docx", Config())
    serious = [f for f in result.findings if f.severity.rank >= Severity.MEDIUM.rank]
    assert result.words >= 3000
    assert 1000 * len(serious) / result.words <= 3, [(f.entity, f.text) for f in serious]
    assert not [f for f in serious if f.entity == "PERSON"]


def test_cli_json_matches_in_process_check():
    draft = DRAFTS / "example_review.docx"
    runner = CliRunner()
    out = runner.invoke(main, ["check", str(draft), "--format", "json"], env={"CI": ""})
    assert out.exit_code == 1
    data = json.loads(out.stdout)["documents"][0]
    direct = check_document(draft, Config())
    assert [f["id"] for f in data["findings"]] == [f.id for f in direct.findings]
    assert data["summary"] == direct.summary()
