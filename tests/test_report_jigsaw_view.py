"""Humane numbers for the jigsaw risk: what a review manager reads instead of 2.637e-49."""

from __future__ import annotations

import pytest

from redactcheck.report.jigsaw_view import (
    LIMITS,
    after_families,
    build,
    chance,
    count,
    families,
    rate,
    sentence,
)


@pytest.mark.parametrize(("x", "shown"), [
    (0.648, "0.65"), (2.5, "2.5"), (3.0, "3"), (14.2, "14"), (295_000, "300,000"),
    (64_260, "64,000"), (22_340_000, "22 million"), (float("inf"), "unknown"),
])
def test_count(x: float, shown: str) -> None:
    assert count(x) == shown


@pytest.mark.parametrize(("p", "shown"), [
    (0.744, "74%"), (0.016, "1.6%"), (0.0005, "1 in 2,000"), (0.00463, "1 in 216"),
    (4.476e-08, "1 in 22 million"), (None, "unknown"), (0.0, "unknown"),
])
def test_rate(p: float | None, shown: str) -> None:
    assert rate(p) == shown


@pytest.mark.parametrize(("k", "shown"), [
    (1.0, "over 99%"), (0.8203, "82%"), (0.004, "under 1%"), (None, "unknown"),
])
def test_chance(k: float | None, shown: str) -> None:
    assert chance(k) == shown


def test_families_never_in_scientific_notation() -> None:
    assert families(2.637e-49) == "fewer than 1 in 100"
    assert families(0.0837) == "0.08"
    assert after_families(2.584e-45) == "fewer than 1 in 100 other families expected to match"
    assert after_families(14.2) == "≈ 14 families match"
    assert after_families(0.4) == "≈ 0.40 other families expected to match (fewer than one)"


def test_sentences() -> None:
    assert sentence(14.2, "LOW", "Stockport", "town") == (
        "About 14 families in Stockport would match these details together: risk LOW.")
    assert sentence(2.6e-49, "HIGH", "14 Brinnington Road", "address").startswith(
        "No other family at 14 Brinnington Road is likely")
    assert "≈ 0.65" in sentence(0.648, "HIGH", "Stockport", "town")


def test_build_tolerates_a_sparse_dict_and_always_has_limits() -> None:
    view = build({"band": "MEDIUM", "lambda": 5.0}, [], masked=True)
    assert view.sentence == ("About 5 families in the United Kingdom would match these details "
                             "together: risk MEDIUM.")
    assert view.combinations == [] and view.suggestions == [] and view.queries == []
    assert view.limits == list(LIMITS)
