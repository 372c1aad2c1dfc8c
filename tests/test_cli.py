"""End-to-end CLI behaviour: exit codes, JSON shape, configuration, outputs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactcheck.cli import main
from redactcheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE

LEAKY = (
    "Kayleigh Morris lived at 14 Brinnington Road with her mother.\n\n"
    "On 21.06.15 the health visitor called 0161 496 0123.\n"
)
CLEAN = (
    "Child B lived with Mother and Sibling 2.\n\n"
    "The health visitor visited in June 2015 and shared concerns with Children's Social Care.\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "leaky.txt").write_text(LEAKY, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def run(runner: CliRunner, *args: str, env: dict | None = None):
    result = runner.invoke(main, list(args), env=env or {"CI": ""}, catch_exceptions=False)
    assert "Traceback" not in (result.output + (result.stderr or ""))
    return result


def test_findings_exit_1_and_json_shape(runner, drafts):
    result = run(runner, "check", str(drafts / "leaky.txt"), "--format", "json")
    assert result.exit_code == EXIT_FINDINGS
    data = json.loads(result.stdout)
    assert data["tool"] == {"name": "redactcheck", "version": "0.1.0"}
    (doc,) = data["documents"]
    assert set(doc) >= {"path", "words", "summary", "errors", "findings"}
    assert doc["words"] == len(LEAKY.split())
    assert set(doc["summary"]) == {"high", "medium", "low"}
    finding = next(f for f in doc["findings"] if f["text"] == "Kayleigh Morris")
    assert set(finding) >= {"id", "entity", "severity", "score", "text", "context", "recognizer",
                            "explanation", "guidance", "location"}
    assert finding["entity"] == "PERSON" and finding["severity"] == "high"
    loc = finding["location"]
    assert loc["part"] == "text" and loc["kind"] == "body" and loc["paragraph"] == 1
    assert (loc["start"], loc["end"]) == (0, 15)
    assert (loc["char_start"], loc["char_end"]) == (0, 15)
    second = next(f for f in doc["findings"] if f["text"] == "21.06.15")
    assert LEAKY[second["location"]["char_start"]:second["location"]["char_end"]] == "21.06.15"
    assert sum(doc["summary"].values()) == len(doc["findings"])


def test_clean_draft_exit_0(runner, drafts):
    result = run(runner, "check", str(drafts / "clean.md"))
    assert result.exit_code == EXIT_OK, result.output
    assert "0 high" in result.stdout


def test_fail_on_threshold(runner, tmp_path):
    draft = tmp_path / "ages.txt"
    draft.write_text("Child B, aged 14, attended the primary school.\n", encoding="utf-8")
    medium = run(runner, "check", str(draft), "--format", "json")
    data = json.loads(medium.stdout)
    severities = {f["severity"] for f in data["documents"][0]["findings"]}
    assert severities == {"medium"}
    assert medium.exit_code == EXIT_FINDINGS
    assert run(runner, "check", str(draft), "--fail-on", "high").exit_code == EXIT_OK


def test_folder_with_unreadable_file_still_checks_the_rest(runner, drafts):
    (drafts / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (drafts / "~$leaky.docx").write_bytes(b"lock file")  # Word's lock files are skipped
    result = run(runner, "check", str(drafts), "--format", "json")
    assert result.exit_code == EXIT_UNREADABLE
    docs = {Path(d["path"]).name: d for d in json.loads(result.stdout)["documents"]}
    assert set(docs) == {"broken.docx", "clean.md", "leaky.txt"}
    assert docs["broken.docx"]["errors"] and not docs["leaky.txt"]["errors"]
    assert docs["leaky.txt"]["findings"]


def test_missing_file_exit_3(runner, tmp_path):
    result = run(runner, "check", str(tmp_path / "nope.docx"))
    assert result.exit_code == EXIT_UNREADABLE
    assert "no such file" in result.stdout


def test_report_file_is_private_and_never_an_input(runner, drafts):
    out = drafts / "report.json"
    result = run(runner, "check", str(drafts / "leaky.txt"), "--format", "json", "-o", str(out))
    assert result.exit_code == EXIT_FINDINGS
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text())["documents"][0]["findings"]
    before = (drafts / "leaky.txt").read_bytes()
    refused = run(runner, "check", str(drafts / "leaky.txt"), "-o", str(drafts / "leaky.txt"))
    assert refused.exit_code == EXIT_USAGE
    assert (drafts / "leaky.txt").read_bytes() == before


def test_terminal_masks_text_in_ci(runner, drafts):
    shown = run(runner, "check", str(drafts / "leaky.txt"), "--no-color")
    assert "Kayleigh Morris" in shown.stdout
    masked = run(runner, "check", str(drafts / "leaky.txt"), "--no-color", env={"CI": "true"})
    assert "Kayleigh" not in masked.stdout and "K******* M*****" in masked.stdout
    unmasked = run(runner, "check", str(drafts / "leaky.txt"), "--show-text",
                   env={"CI": "true"})
    assert "Kayleigh Morris" in unmasked.stdout


def test_allow_list_from_command_line_and_config(runner, drafts, monkeypatch):
    allowed = run(runner, "check", str(drafts / "leaky.txt"), "--format", "json",
                  "--allow", "Kayleigh Morris")
    texts = {f["text"] for f in json.loads(allowed.stdout)["documents"][0]["findings"]}
    assert "Kayleigh Morris" not in texts
    (drafts / "redactcheck.toml").write_text('allow = ["Kayleigh Morris"]\nfail_on = "high"\n')
    monkeypatch.chdir(drafts)
    configured = run(runner, "check", "leaky.txt", "--format", "json")
    texts = {f["text"] for f in json.loads(configured.stdout)["documents"][0]["findings"]}
    assert "Kayleigh Morris" not in texts


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('fail_on = "severe"\n', "fail_on"),
        ('colour = "red"\n', "colour"),
        ("allow = 3\n", "allow"),
        ("entities = {PERSON = {severity = \"huge\"}}\n", "entities.PERSON.severity"),
        ("not toml = = =\n", "not valid TOML"),
    ],
)
def test_invalid_config_exit_2_names_the_key(runner, drafts, content, needle):
    config = drafts / "bad.toml"
    config.write_text(content)
    result = run(runner, "check", str(drafts / "leaky.txt"), "--config", str(config))
    assert result.exit_code == EXIT_USAGE
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_pyproject_tool_section_is_read(runner, drafts, monkeypatch):
    (drafts / "pyproject.toml").write_text(
        '[tool.redactcheck]\nentities = {PERSON = false, ADDRESS = {severity = "low"}}\n'
    )
    monkeypatch.chdir(drafts)
    result = run(runner, "check", "leaky.txt", "--format", "json")
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert not [f for f in findings if f["entity"] == "PERSON"]
    assert {f["severity"] for f in findings if f["entity"] == "ADDRESS"} == {"low"}


def test_missing_model_is_one_line_exit_2(runner, drafts):
    result = run(runner, "check", str(drafts / "leaky.txt"), "--model", "en_core_web_nonexistent")
    assert result.exit_code == EXIT_USAGE
    assert "not installed" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_docx_format_needs_output(runner, drafts):
    result = run(runner, "check", str(drafts / "leaky.txt"), "--format", "docx")
    assert result.exit_code == EXIT_USAGE


def test_version_and_help_start_without_loading_models():
    code = (
        "import sys; from redactcheck.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules and 'presidio_analyzer' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    assert done.returncode == 0, done.stderr
    assert "0.1.0" in done.stdout
