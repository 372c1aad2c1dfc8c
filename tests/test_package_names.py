"""Zip member names and [Content_Types].xml: `check` says what is odd (never a traceback),
`redact` never copies an unsafe name and refuses a package Word would call damaged.
Every package is built here; every name is invented."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixtures.hardening import MAIN_TYPE, docx_members, p, r, sentence, zip_bytes
from redactcheck.checker import check_document
from redactcheck.cli import main
from redactcheck.config import Config
from redactcheck.errors import EXIT_UNREADABLE, InputError
from redactcheck.package import Package
from redactcheck.redact import RedactOptions, redact_file

NAME = "Perpetua Hollowell"
BODY = p(r(sentence(NAME)))


def _write(tmp_path: Path, members: dict, name: str = "odd.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(zip_bytes(members))
    return path


def _run(*args: str):
    return CliRunner().invoke(main, list(args), env={"CI": ""})


@pytest.mark.parametrize("member", ["../escape.xml", "/etc/escape.xml", "word\\..\\escape.xml",
                                    "C:escape.xml", "word/../../escape.txt"])
def test_unsafe_member_names_are_noted_and_never_copied(tmp_path: Path, member: str) -> None:
    members = docx_members(BODY, {member: "<x>Lorcan Fettiplace was here.</x>"})
    src = _write(tmp_path, members)
    checked = check_document(src, Config())
    assert not checked.errors and not checked.internal_error
    assert any("unsafe name" in n and member in n for n in checked.notes), checked.notes
    assert any(NAME in f.text for f in checked.findings)
    out = tmp_path / "copy.docx"
    report = redact_file(src, out, Config(), RedactOptions())
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    assert member not in names and not any(".." in n or "\\" in n or ":" in n for n in names)
    assert report.hidden["zip members with unsafe names dropped"] == 1
    assert "zip members with unsafe names dropped (1)" in "\n".join(report.summary_lines())


def test_the_terminal_shows_the_unsafe_name_warning_on_one_line(tmp_path: Path) -> None:
    src = _write(tmp_path, docx_members(BODY, {"../x\n.xml": "<x/>"}))
    result = _run("check", str(src), "--no-color")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "unsafe name" in result.output and "\n.xml" not in result.output


def test_names_differing_only_in_case_are_damage_check_notes_and_redact_refuses(
        tmp_path: Path) -> None:
    members = docx_members(BODY, {"word/Extra.xml": "<x>one</x>", "word/extra.xml": "<x>two</x>"})
    src = _write(tmp_path, members)
    checked = check_document(src, Config())
    assert not checked.errors
    assert any("differ only in case" in n for n in checked.notes)
    result = _run("redact", str(src), "-o", str(tmp_path / "copy.docx"))
    assert result.exit_code == EXIT_UNREADABLE, result.output
    assert "refusing to redact" in result.output and "differ only in case" in result.output
    assert not (tmp_path / "copy.docx").exists()


def test_exactly_duplicated_member_names_are_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in docx_members(BODY).items():
            zf.writestr(name, data)
        with pytest.warns(UserWarning):
            zf.writestr("word/document.xml", "<w:document/>")
    src = tmp_path / "dup.docx"
    src.write_bytes(buffer.getvalue())
    result = _run("check", str(src), "--no-color")
    assert result.exit_code == EXIT_UNREADABLE
    assert "two parts named word/document.xml" in result.output


def _types(body: str) -> str:
    return ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/content-types">{body}</Types>')


RELS = ('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/>')
XML = '<Default Extension="xml" ContentType="application/xml"/>'
OVERRIDE = f'<Override PartName="/word/document.xml" ContentType="{MAIN_TYPE}"/>'


@pytest.mark.parametrize(("types", "message"), [
    (None, "no [Content_Types].xml"),
    ("this is not xml <", "[Content_Types].xml is not well-formed XML"),
    ("", "[Content_Types].xml is not well-formed XML"),
    ('<?xml version="1.0"?><Kinds/>', "has no <Types> list"),
])
def test_content_types_word_cannot_open_are_exit_3(tmp_path: Path, types: str | None,
                                                   message: str) -> None:
    members = docx_members(BODY)
    if types is None:
        del members["[Content_Types].xml"]
    else:
        members["[Content_Types].xml"] = types
    src = _write(tmp_path, members)
    for command in (["check", str(src), "--no-color"],
                    ["redact", str(src), "-o", str(tmp_path / "copy.docx")]):
        result = _run(*command)
        assert result.exit_code == EXIT_UNREADABLE, result.output
        assert "Traceback" not in result.output
        assert "not a valid Word document: " in result.output and message in result.output
    with pytest.raises(InputError):
        Package.open(src)


@pytest.mark.parametrize(("types", "message"), [
    (_types(RELS + XML), "gives the main part word/document.xml the type 'application/xml'"),
    (_types(RELS + OVERRIDE), "XML part(s) no content type"),
    (_types(RELS), "gives the main part word/document.xml no content type"),
])
def test_content_types_word_would_repair_are_noted_and_redact_refuses(
        tmp_path: Path, types: str, message: str) -> None:
    members = docx_members(BODY, {"word/styles.xml": "<w:styles xmlns:w='urn:x'/>"})
    members["[Content_Types].xml"] = types
    src = _write(tmp_path, members)
    checked = check_document(src, Config())
    assert not checked.errors and not checked.internal_error
    assert any(message in n and "offer to repair" in n for n in checked.notes), checked.notes
    assert any(NAME in f.text for f in checked.findings)  # the text is still checked
    result = _run("redact", str(src), "-o", str(tmp_path / "copy.docx"))
    assert result.exit_code == EXIT_UNREADABLE, result.output
    assert "refusing to redact" in result.output
    assert not (tmp_path / "copy.docx").exists()


def test_a_well_formed_package_has_no_warnings(tmp_path: Path) -> None:
    pkg = Package.open(_write(tmp_path, docx_members(BODY)))
    assert pkg.warnings == [] and pkg.unsafe == []
