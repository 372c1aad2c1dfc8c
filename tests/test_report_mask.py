"""Masking: the report must not become the leak."""

from __future__ import annotations

import pytest
from report_sample import FINDINGS

from redactcheck.report.mask import finding_context, finding_text, mask, mask_context


@pytest.mark.parametrize(("text", "masked"), [
    ("Donna Morris", "D**** M*****"),
    ("07700 900123", "***** ******"),
    ("12 Rose Lane", "** R*** L***"),
    ("LS6 2AB", "L** ***"),
    ("donna.morris@example.com", "d****.m*****@e******.c**"),
    ("O'Neil-Hart", "O'N***-H***"),
    ("Zoë", "Z**"),
    ("", ""),
])
def test_mask_keeps_first_letters_and_punctuation(text: str, masked: str) -> None:
    assert mask(text) == masked


def test_mask_context_masks_every_secret_longest_first() -> None:
    ctx = "…then Donna Morris told donna and DONNA MORRIS left."
    assert mask_context(ctx, ["Donna", "Donna Morris"]) == (
        "…then D**** M***** told d**** and D**** M***** left.")


def test_finding_helpers_mask_only_when_asked() -> None:
    person, address = FINDINGS[0], FINDINGS[1]
    assert finding_text(person, False) == "Donna Morris"
    assert finding_text(person, True) == "D**** M*****"
    assert finding_context(person, False) == person.context
    masked = finding_context(person, True, [address])
    assert "Donna" not in masked and "Rose" not in masked
    assert "D**** M***** moved to ** R*** L***" in masked


def test_strict_masking_hides_names_the_tool_missed_and_every_digit() -> None:
    from redactcheck.report.mask import Masker, strict_mask

    assert strict_mask("On 3 May Quillan said the social worker visited.") == (
        "On * May Q****** said the social worker visited.")
    masker = Masker(["Donna Morris"], strict=True)
    assert masker.context("Donna Morris told Ysolde at 14:00") == (
        "D**** M***** told Y***** at **:**")
    # Labels keep their own numbers but not the names in them.
    assert masker.label("Comment by Peregrine Oduya") == "Comment by P******** O****"
    assert masker.label("Table 2, row 3, cell 1") == "Table 2, row 3, cell 1"
    assert masker.label("Tracked deletion by Donna Morris") == "Tracked deletion by D**** M*****"
    assert Masker(["Donna Morris"]).label("Comment by Donna Morris") == "Comment by Donna Morris"


def test_ci_formats_mask_comment_authors_in_labels(tmp_path) -> None:
    import json

    from redactcheck.findings import Location
    from redactcheck.report import ReportOptions, render
    from redactcheck.result import CheckResult, DocumentResult

    loc = Location(part="word/comments.xml", kind="comment", paragraph=1, start=11, end=23,
                   label="Comment by Peregrine Oduya")
    person = FINDINGS[0].with_(text="Donna Morris", location=loc,
                               context="check with Donna Morris and Ysolde first")
    result = CheckResult(documents=[DocumentResult(path="d.docx", words=10, findings=[person])])
    for fmt in ("sarif", "junit", "json", "terminal"):
        out = render(fmt, result, ReportOptions(mask=True, color=False))
        assert "Peregrine" not in out and "Oduya" not in out, fmt
        assert "Ysolde" not in out, fmt
        assert "Donna" not in out, fmt
    sarif = json.loads(render("sarif", result, ReportOptions(mask=False)))
    assert "Peregrine" in json.dumps(sarif)
