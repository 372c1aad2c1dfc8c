"""Odd inputs never crash the checker: one clear line and a distinct exit code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactcheck.cli import main
from redactcheck.errors import EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_USAGE


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("text", ["The family lived at 14 Station Road.", "Lived at M1 1AE."])
def test_a_text_whose_only_detail_is_an_address_does_not_crash(tmp_path: Path, text: str) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(text + "\n", encoding="utf-8")
    result = _run("check", str(draft), "--no-color")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == EXIT_FINDINGS
    assert "Traceback" not in result.output


def test_output_pointing_at_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Nothing to see.\n", encoding="utf-8")
    result = _run("check", str(draft), "-o", str(tmp_path))
    assert result.exit_code == EXIT_USAGE
    assert "is a folder" in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _run("check", str(fifo), "--no-color")
    assert result.exit_code == EXIT_UNREADABLE
    assert "not a regular file" in result.output
