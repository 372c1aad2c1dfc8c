"""redactcheck's own recognisers, one module per identifier family.

A module here is found automatically. It exports:

- ``build(config) -> list[EntityRecognizer]``: Presidio recognisers, built once per
  process. Put per-finding guidance and the reason in ``recognition_metadata`` under the
  keys ``"guidance"`` and ``"explanation"``; the entity id is redactcheck's stable one
  (see ``redactcheck.entities``).
- optionally ``document_pass(segments, findings, config) -> list[Finding]``: extra
  findings that need the whole document (every other mention of a name already found).
- optionally ``PRESIDIO_REPLACES``: names of Presidio's predefined recognisers this
  module supersedes (they are then not loaded).

Word lists live in ``recognizers/data/`` with a header line giving source, licence, date.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path
from types import ModuleType

DATA_DIR = Path(__file__).parent / "data"


@cache
def modules() -> tuple[ModuleType, ...]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "build"):
            found.append(module)
    return tuple(found)


def read_word_list(name: str) -> list[str]:
    """Lines of data/NAME without the '#' header/comment lines and blanks."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def english_words() -> frozenset[str]:
    """Ordinary lower-case English words (SCOWL, data/english_words.txt), loaded once for
    every recogniser and filter that asks whether a word is a dictionary word."""
    return frozenset(read_word_list("english_words.txt"))
