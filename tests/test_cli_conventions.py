"""CLI conventions users expect from linters: exit-zero, quiet, min-severity, entities,
errors on stderr, a summary on stderr with -o, FORCE_COLOR, no silent overwrite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactcheck.cli import main

TEXT = "On 21/06/2015 Bethany Okafor was seen. In June 2015 they moved.\n"


def _run(*args: str, env: dict | None = None):
    # CI="": the terminal masks found text under CI; these tests read the unmasked report.
    return CliRunner().invoke(main, list(args), env={"CI": "", **(env or {})})


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_exit_zero_reports_but_passes(draft: Path) -> None:
    result = _run("check", str(draft), "--no-color", "--exit-zero")
    assert result.exit_code == 0
    assert "Bethany Okafor" in result.stdout


def test_min_severity_filters_the_report(draft: Path) -> None:
    data = json.loads(_run("check", str(draft), "--format", "json", "--quasi",
                           "--min-severity", "high").stdout)
    severities = {f["severity"] for f in data["documents"][0]["findings"]}
    assert severities == {"high"}


def test_errors_go_to_stderr_and_the_summary_too(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = _run("check", str(tmp_path / "missing.txt"), str(draft), "--format", "json",
                  "-o", str(out))
    assert result.exit_code == 3
    assert "missing.txt: no such file" in result.stderr
    assert "2 documents: 2 high" in result.stderr and "report written to" in result.stderr
    assert result.stdout == ""
    quiet = _run("check", str(draft), "--format", "json", "-o", str(tmp_path / "q.json"), "-q")
    assert quiet.stderr == ""


def test_reports_are_not_overwritten_silently(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    out.write_text("keep me", encoding="utf-8")
    result = _run("check", str(draft), "--format", "json", "-o", str(out))
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert _run("check", str(draft), "--format", "json", "-o", str(out),
                "--force").exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["documents"]


def test_force_color_colours_a_pipe(draft: Path) -> None:
    plain = _run("check", str(draft))
    coloured = _run("check", str(draft), env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.stdout and "\x1b[" in coloured.stdout
    assert "\x1b[" not in _run("check", str(draft), env={"FORCE_COLOR": "1",
                                                        "NO_COLOR": "1"}).stdout


def test_entities_lists_every_id() -> None:
    from redactcheck.entities import ENTITY_TYPES

    rows = json.loads(_run("entities", "--format", "json").stdout)
    assert {r["id"] for r in rows} == set(ENTITY_TYPES)
    assert all(r["severity"] in ("low", "medium", "high") for r in rows)
    assert "PERSON" in _run("entities").stdout


def test_a_folder_check_ends_with_a_per_file_table(draft: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "clean.txt").write_text("The panel met and agreed the plan.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = _run("check", ".", "--no-color").stdout
    table = out[out.index("Per file"):]
    assert "draft.txt" in table and "clean.txt" in table
    assert "combination" in table


def test_a_device_is_written_to_not_replaced(draft: Path) -> None:
    import os
    import stat

    if not os.path.exists(os.devnull):
        pytest.skip("no null device")
    result = _run("check", str(draft), "--format", "json", "-o", os.devnull)
    assert result.exit_code == 1, result.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
