"""Odd inputs never crash the checker: one clear line and a distinct exit code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactcheck.cli import main
from redactcheck.errors import EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_USAGE


def _run(*args: str):
    # CI="": the terminal masks found text under CI; these tests read the unmasked report.
    return CliRunner().invoke(main, list(args), env={"CI": ""})


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


def test_long_paragraphs_are_analysed_in_pieces_with_findings_on_the_whole(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from redactcheck import analysis
    from redactcheck.config import Config
    from redactcheck.document import Segment

    monkeypatch.setattr(analysis, "CHUNK_CHARS", 120)
    filler = "The review panel met again to consider the chronology. " * 6
    text = filler + "On 21/06/2015 Bethany Okafor was seen at home. " + filler + \
        "The health visitor called on 03/04/2016."
    segment = Segment(text=text, part="text", kind="body", paragraph=1, label="Paragraph 1")
    pieces = analysis.split_long(segment)
    assert len(pieces) > 3
    assert "".join(p.text for _, p in pieces) == text
    assert all(len(p.text) <= 120 for _, p in pieces)
    findings = analysis.get_analyzer(Config()).analyze_segments([segment])
    found = {f.text for f in findings}
    assert {"21/06/2015", "03/04/2016"} <= found
    for f in findings:
        assert text[f.location.start:f.location.end] == f.text
        assert f.segment_index == 0


def test_an_unexpected_error_is_one_line_exit_4_and_the_batch_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from redactcheck import checker
    from redactcheck.errors import EXIT_INTERNAL

    good = tmp_path / "a_good.txt"
    good.write_text("On 21/06/2015 the family moved.\n", encoding="utf-8")
    bad = tmp_path / "b_bad.txt"
    bad.write_text("Nothing to see.\n", encoding="utf-8")
    real = checker._check

    def flaky(path, *args, **kwargs):
        if path.name == "b_bad.txt":
            raise ValueError("secret text from the document")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(checker, "_check", flaky)
    result = _run("check", str(good), str(bad), "--no-color")
    assert result.exit_code == EXIT_INTERNAL
    assert "Traceback" not in result.output
    assert "internal error (ValueError)" in result.output
    assert "secret text" not in result.output
    assert "21/06/2015" in result.output  # the good file was still checked


def test_fail_on_never(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("On 21/06/2015 Bethany Okafor was seen.\n", encoding="utf-8")
    assert _run("check", str(draft), "--no-color").exit_code == EXIT_FINDINGS
    result = _run("check", str(draft), "--no-color", "--fail-on", "never",
                  "--fail-on-jigsaw", "never")
    assert result.exit_code == 0, result.output
    assert "21/06/2015" in result.output


def test_control_characters_in_file_names_are_shown_escaped(tmp_path: Path) -> None:
    name = "draft\nredactcheck: 1 document, 0 high\x1b]0;owned\x07.txt"
    draft = tmp_path / name
    draft.write_text("On 21/06/2015 the family moved.\n", encoding="utf-8")
    result = _run("check", str(draft), "--no-color")
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "draft\\nredactcheck" in result.output
    assert not any(line.startswith("redactcheck: 1 document") for line in
                   result.output.splitlines())


def test_control_characters_in_document_text_are_shown_escaped(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("On 21/06/2015\x1b[2J\x1b]0;x\x07 the family moved.\n", encoding="utf-8")
    result = _run("check", str(draft), "--no-color")
    assert "\x1b" not in result.output
    assert "21/06/2015" in result.output


@pytest.mark.parametrize(("source_mode", "umask", "expected"),
                         [(0o600, 0o022, 0o600), (0o644, 0o077, 0o600),
                          (0o644, 0o022, 0o644), (0o664, 0o002, 0o664)])
def test_the_redacted_copy_honours_umask_and_a_private_input(
        tmp_path: Path, source_mode: int, umask: int, expected: int) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("On 21/06/2015 the family moved.\n", encoding="utf-8")
    source.chmod(source_mode)
    out = tmp_path / "copy.txt"
    old = os.umask(umask)
    try:
        result = _run("redact", str(source), "-o", str(out))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == expected
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
