"""`redactcheck redact` on the command line: exit codes, refusals, summary, log."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactcheck.cli import main
from redactcheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE

LEAKY = (
    "Kayleigh Morris lived with her mother.\n\n"
    "On 21.06.15 the health visitor called 0161 496 0123. Kayleigh was aged 3.\n"
)


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(LEAKY, encoding="utf-8")
    return path


def run(*args: str):
    result = CliRunner().invoke(main, ["redact", *args], catch_exceptions=False)
    assert "Traceback" not in result.output + (result.stderr or "")
    return result


def test_redacts_text_and_prints_summary(draft, tmp_path):
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    out, log = tmp_path / "copy.txt", tmp_path / "log.json"
    result = run(str(draft), "-o", str(out), "--log", str(log), "--generalise-ages")
    assert result.exit_code == EXIT_OK, result.output
    assert out.read_text(encoding="utf-8") == (
        "[NAME] lived with her mother.\n\n"
        "In June 2015 the health visitor called [PHONE]. [NAME] was [age band 1–4].\n"
    )
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
    assert "The copy was re-read and re-checked: no findings at or above medium; no removed " \
           "string remains in any part." in result.stdout
    assert "holds the removed text" in result.stdout
    assert "anonymis" not in result.stdout.lower()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    changes = json.loads(log.read_text(encoding="utf-8"))["changes"]
    assert {(c["original"], c["replacement"]) for c in changes} == {
        ("Kayleigh Morris", "[NAME]"), ("Kayleigh", "[NAME]"), ("On 21.06.15", "In June 2015"),
        ("0161 496 0123", "[PHONE]"), ("aged 3", "[age band 1–4]"),
    }


def test_pseudonym_style(draft, tmp_path):
    out = tmp_path / "copy.md"
    result = run(str(draft), "-o", str(out), "--style", "pseudonym", "--generalise-ages")
    assert result.exit_code == EXIT_OK, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Person A lived") and "Person A was [age band 1\u20134]" in text


def test_refuses_output_equal_to_input(draft):
    result = run(str(draft), "-o", str(draft))
    assert result.exit_code == EXIT_USAGE
    assert "refusing to overwrite the input" in result.stderr
    assert draft.read_text(encoding="utf-8") == LEAKY


def test_refuses_existing_output_without_force(draft, tmp_path):
    out = tmp_path / "copy.txt"
    out.write_text("keep me", encoding="utf-8")
    result = run(str(draft), "-o", str(out))
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.count("\n") == 1 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run(str(draft), "-o", str(out), "--force", "--generalise-ages").exit_code == EXIT_OK
    assert "[NAME]" in out.read_text(encoding="utf-8")


def test_wrong_output_type_and_missing_input(draft, tmp_path):
    result = run(str(draft), "-o", str(tmp_path / "copy.docx"))
    assert result.exit_code == EXIT_USAGE and ".txt or .md" in result.stderr
    result = run(str(tmp_path / "missing.docx"), "-o", str(tmp_path / "c.docx"))
    assert result.exit_code == EXIT_UNREADABLE and "no such file" in result.stderr


def test_failed_proof_exits_1_and_leaves_nothing(draft, tmp_path, monkeypatch):
    import redactcheck.redact as redact_mod

    monkeypatch.setattr(redact_mod, "replacement_for", lambda f, o, p: f.text)
    out = tmp_path / "copy.txt"
    result = run(str(draft), "-o", str(out), "--log", str(tmp_path / "log.json"))
    assert result.exit_code == EXIT_FINDINGS
    assert "not written" in result.stderr and "Paragraph 1" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_details_left_for_a_person_exit_1_like_check_on_the_copy(draft, tmp_path):
    """redact and check agree: a kept exact age makes `check` on the copy exit 1, so
    redact lists it as left for a person and exits 1 too (the copy is written)."""
    out = tmp_path / "copy.txt"
    result = run(str(draft), "-o", str(out))
    assert result.exit_code == EXIT_FINDINGS
    assert "left for a person:" in result.output and "AGE_EXACT" in result.output
    assert out.exists()
    check = CliRunner().invoke(main, ["check", str(out)], env={"CI": ""})
    assert check.exit_code == EXIT_FINDINGS
