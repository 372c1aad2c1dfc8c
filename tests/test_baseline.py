"""Decisions and baselines: accepted findings stop failing the run, new ones still fail."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from redactcheck.cli import main

DRAFT = ("On 21/06/2015 Bethany Okafor was seen by the health visitor.\n\n"
         "The review was chaired by Professor Imelda Ravensworth.\n")


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def _json_findings(path: Path, *extra: str) -> list[dict]:
    result = _run("check", str(path), "--format", "json", *extra)
    return json.loads(result.output)["documents"][0]["findings"]


def test_baseline_then_unchanged_draft_passes_and_a_new_name_fails_alone(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    made = _run("baseline", str(draft), "-o", str(baseline), "--status", "accepted",
                "--by", "A Reviewer", "--why", "checked at panel")
    assert made.exit_code == 0, made.output
    text = baseline.read_text(encoding="utf-8")
    # The baseline holds fingerprints, never the text it describes.
    for secret in ("Bethany", "Okafor", "21/06/2015", "Imelda", "Ravensworth"):
        assert secret not in text
    assert oct(baseline.stat().st_mode & 0o777) == "0o600"
    assert _run("check", str(draft), "--no-color").exit_code == 1
    assert _run("check", str(draft), "--baseline", str(baseline), "--no-color").exit_code == 0
    # An edit elsewhere keeps the fingerprints; a new name fails, and only it.
    draft.write_text(DRAFT + "\nLater Tobias Wrenfield moved in with the family.\n",
                     encoding="utf-8")
    result = _run("check", str(draft), "--baseline", str(baseline), "--no-color")
    assert result.exit_code == 1
    findings = _json_findings(draft, "--baseline", str(baseline))
    failing = [f["text"] for f in findings
               if f.get("baseline") != "accepted" and f["severity"] != "low"]
    assert failing == ["Tobias Wrenfield"]
    assert {f["text"] for f in findings if f.get("baseline") == "accepted"} >= {
        "21/06/2015", "Bethany Okafor"}


def test_sarif_suppresses_and_junit_skips_accepted_findings(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    _run("baseline", str(draft), "-o", str(baseline), "--status", "accepted")
    sarif = json.loads(_run("check", str(draft), "--format", "sarif", "--baseline",
                            str(baseline)).output)
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] != "JIGSAW_RISK"]
    assert results and all(r["suppressions"][0]["status"] == "accepted" for r in results)
    junit = _run("check", str(draft), "--format", "junit", "--baseline", str(baseline)).output
    assert "<failure" not in junit or "JIGSAW_RISK" in junit


def test_audit_records_each_decision_with_who_and_why(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    _run("baseline", str(draft), "-o", str(baseline))
    entries = json.loads(baseline.read_text())["entries"]
    assert entries and {e["status"] for e in entries} == {"pending"}
    # accept the first with a reason, reject the second, then quit.
    answers = "a\npublic official\nr\nher real name\nq\n"
    result = _run("baseline", "audit", str(baseline), str(draft), "--by", "P. Chair",
                  input=answers)
    assert result.exit_code == 0, result.output
    after = json.loads(baseline.read_text())["entries"]
    statuses = [e["status"] for e in after]
    assert statuses.count("accepted") == 1 and statuses.count("rejected") == 1
    accepted = next(e for e in after if e["status"] == "accepted")
    assert accepted["by"] == "P. Chair" and accepted["why"] == "public official"
    assert accepted["when"]


def test_redact_with_decisions_leaves_accepted_findings_in_the_copy(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    findings = _json_findings(draft)
    chair = next(f for f in findings if "Ravensworth" in f["text"])
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps({"version": 1, "entries": [
        {"fingerprint": chair["id"], "entity": chair["entity"], "status": "accepted",
         "by": "panel", "why": "the independent chair, named by choice"}]}), encoding="utf-8")
    out = tmp_path / "copy.txt"
    result = _run("redact", str(draft), "-o", str(out), "--decisions", str(decisions))
    assert result.exit_code == 0, result.output
    copy = out.read_text(encoding="utf-8")
    assert "Ravensworth" in copy
    assert "Bethany" not in copy and "21/06/2015" not in copy
    assert "Accepted by a reviewer's decision" in result.output


def test_a_broken_baseline_is_one_line_exit_2(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = _run("check", str(draft), "--baseline", str(bad))
    assert result.exit_code == 2
    assert "not a redactcheck baseline" in result.output
    assert "Traceback" not in result.output


def test_init_writes_a_valid_commented_configuration(tmp_path: Path) -> None:
    from redactcheck.config import load_config

    target = tmp_path / "redactcheck.toml"
    assert _run("init", "-o", str(target)).exit_code == 0
    assert target.read_text().startswith("# redactcheck configuration")
    load_config(target)
    assert _run("init", "-o", str(target)).exit_code == 2  # never overwrites silently
    assert _run("init", "-o", str(target), "--force").exit_code == 0


def test_the_annotated_docx_shows_decisions(tmp_path: Path) -> None:
    import docx

    draft = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_paragraph("On 21/06/2015 Bethany Okafor was seen by the health visitor.")
    document.save(draft)
    baseline = tmp_path / "baseline.json"
    _run("baseline", str(draft), "-o", str(baseline), "--status", "accepted",
         "--why", "checked at panel")
    out = tmp_path / "annotated.docx"
    result = _run("check", str(draft), "--format", "docx", "-o", str(out), "--baseline",
                  str(baseline))
    assert result.exit_code == 0, result.output
    import zipfile

    comments = zipfile.ZipFile(out).read("word/comments.xml").decode("utf-8")
    assert "Decision: accepted (checked at panel)" in comments
