"""Terminal report: the jigsaw block after the findings, masked like the findings."""

from __future__ import annotations

import copy

from report_sample import JIGSAW, sample_result

from redactcheck.report import ReportOptions, render


def _lines(**kw) -> list[str]:
    out = render("terminal", sample_result(), ReportOptions(color=False, **kw))
    assert isinstance(out, str)
    return out.splitlines()


def _block(lines: list[str]) -> list[str]:
    start = next(i for i, line in enumerate(lines) if "Combination (jigsaw) risk" in line)
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    return lines[start:end]


def test_jigsaw_block_follows_findings_and_summary_stays_last() -> None:
    lines = _lines()
    block = _block(lines)
    assert block == [
        "  Combination (jigsaw) risk: HIGH",
        "    No other family in Ashby is likely to match these details together (the expected "
        "number is fewer than 1 in 100): risk HIGH.",
        "    Smallest risky combinations (2 of 2):",
        "      • Area: Ashby + Health condition: <i>Kleefstra</i> syndrome — ≈ families: 0.27; "
        "a guess is right: 88%; 20.4 bits",
        "      • Multiple birth: twins + Health condition: <i>Kleefstra</i> syndrome + Area: Ashby"
        " — ≈ families: fewer than 1 in 100; a guess is right: over 99%; 26.4 bits",
        "    Suggested changes, in order (each includes the ones above):",
        "      1. Replace “<i>Kleefstra</i> syndrome” with “a chronic health condition” "
        "(Paragraph 2) → after this change: ≈ 2.1 families match, HIGH",
        "      2. Replace “Ashby” with “the county” (Paragraph 2) → after this change: ≈ 14 "
        "families match, LOW",
        "    Limits: details assumed independent; base rates have a vintage; a person must judge "
        "(an estimate to prompt a motivated-intruder test, not proof of anonymity).",
    ]
    # After the document's findings (the last finding's guidance line comes just before).
    start = lines.index(block[0])
    assert lines[start - 1].strip().startswith("→")
    assert lines[-1].startswith("3 documents, 46 words:")


def test_jigsaw_block_masked() -> None:
    block = "\n".join(_block(_lines(mask=True)))
    for secret in ("Ashby", "Kleefstra", "twins"):
        assert secret not in block
    assert "Replace “A****” with “the county” (Paragraph 2)" in block
    assert "Multiple birth: t**** +" in block


def test_at_most_three_combinations() -> None:
    jigsaw = copy.deepcopy(JIGSAW)
    jigsaw["combinations"] = jigsaw["combinations"] * 3
    result = sample_result()
    result.documents[0].jigsaw = jigsaw
    out = render("terminal", result, ReportOptions(color=False))
    block = _block(out.splitlines())
    assert "    Smallest risky combinations (3 of 6):" in block
    assert sum(1 for line in block if line.startswith("      • ")) == 3


def test_no_block_without_risk() -> None:
    result = sample_result()
    result.documents[0].jigsaw = {"band": "NONE", "lambda": None}
    out = render("terminal", result, ReportOptions(color=False))
    assert "Combination (jigsaw)" not in out
