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
