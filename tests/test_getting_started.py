"""The non-programmers' guide stays true: its template loads, its commands parse."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from recognizers.known import load_known
from redactcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "getting-started.md"
TEMPLATE = ROOT / "docs" / "known-template.yaml"


def _commands() -> list[list[str]]:
    """Every `redactcheck ...` line in the guide's shell blocks, continuations joined."""
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    lines = "\n".join(blocks).replace("\\\n", " ").splitlines()
    found = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line.startswith("redactcheck "):
            found.append(shlex.split(line)[1:])
    return found


def test_the_guide_has_commands() -> None:
    subcommands = {c[0] for c in _commands() if not c[0].startswith("-")}
    assert {"check", "redact"} <= subcommands


@pytest.mark.parametrize("args", _commands(), ids=lambda a: " ".join(a)[:60])
def test_every_command_in_the_guide_parses(args: list[str]) -> None:
    """Options and subcommands the guide shows exist (paths need not)."""
    if args == ["--version"]:
        assert CliRunner().invoke(main, args).exit_code == 0
        return
    command = main.commands[args[0]]
    ctx = command.make_context(args[0], args[1:], resilient_parsing=True)
    known = {opt for p in command.params for opt in getattr(p, "opts", [])}
    for arg in args[1:]:
        if arg.startswith("--"):
            assert arg.split("=", 1)[0] in known, f"{arg} is not an option of {args[0]}"
    assert isinstance(ctx, click.Context)


def test_the_known_template_loads_with_every_section() -> None:
    entries = load_known(TEMPLATE)
    assert {e.category for e in entries} == {
        "names", "nicknames", "addresses", "schools", "dates_of_birth", "other"}
    assert all(e.value.strip() for e in entries)


def test_the_known_template_finds_its_entries(tmp_path: Path) -> None:
    first = load_known(TEMPLATE)[0].value
    draft = tmp_path / "draft.txt"
    draft.write_text(f"The panel spoke to {first.split()[0]} about the move.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--known", str(TEMPLATE),
                                       "--format", "json"], env={"CI": ""})
    assert result.exit_code == 1, result.output
    assert "KNOWN" in result.output
