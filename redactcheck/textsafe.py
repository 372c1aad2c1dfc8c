"""Text that is safe to print on a terminal or in a CI log.

A file name or a document can hold control characters: a newline that forges a clean
summary line, an ESC sequence that recolours or retitles the terminal (CSI, OSC), bidi
controls that reorder what is shown. Everything printed goes through `printable`, which
shows such characters escaped ("\\n", "\\x1b", "\\u202e") instead of obeying them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


@cache
def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@cache
def _unsafe(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co")


# Candidates: C0 controls, DEL and everything outside ASCII; the category decides.
_CANDIDATE = re.compile(r"[\x00-\x1f\x7f-\U0010ffff]")


def _sub(match: re.Match[str], keep_tabs: bool) -> str:
    char = match.group(0)
    if (keep_tabs and char == "\t") or not _unsafe(char):
        return char
    return _escape(char)


def printable(text: object, keep_tabs: bool = False) -> str:
    """`text` with every control, format and separator character shown escaped."""
    value = str(text)
    if value.isascii() and value.isprintable():
        return value
    return _CANDIDATE.sub(lambda m: _sub(m, keep_tabs), value)
