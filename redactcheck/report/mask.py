"""Masking matched text so that a report cannot itself become the leak.

CI logs and code-scanning dashboards are often public: SARIF and JUnit (and the terminal
under CI) show "D**** M*****" instead of "Donna Morris". The first letter of each word
is kept so the author can still find the spot; every other letter and every digit is
starred (a digit's first character too: "07700 900123" gives nothing away), and
punctuation and spacing are kept so the shape of an address or email stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..findings import Finding

# A "word" is a run of letters or digits; apostrophes/hyphens split it, which keeps
# "O'Neil" → "O'N***" and "Smith-Jones" → "S****-J****" readable.
_WORD = re.compile(r"[^\W_]+")


def _mask_word(match: re.Match[str]) -> str:
    word = match.group(0)
    first = word[0] if word[0].isalpha() else "*"
    return first + "*" * (len(word) - 1)


def mask(text: str) -> str:
    """'Donna Morris' → 'D**** M*****'; digits → '*'; punctuation and spaces kept."""
    return _WORD.sub(_mask_word, text)


def context_masker(secrets: Iterable[str]) -> Callable[[str], str]:
    """A function that masks every occurrence of each secret in a text (case-insensitively).

    Callers pass the matched text of every finding in the same place, so a snippet
    around one name does not show the neighbouring name either. Longer secrets are
    masked first so that "Donna Morris" wins over "Donna". The pattern is compiled once.
    """
    ordered = sorted({s for s in secrets if s and s.strip()}, key=len, reverse=True)
    if not ordered:
        return lambda context: context
    # Whole words only, so masking "Ann" does not star the middle of "Annual".
    alternatives = "|".join(re.escape(s) for s in ordered)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return lambda context: pattern.sub(lambda m: mask(m.group(0)), context)


def mask_context(context: str, secrets: Iterable[str]) -> str:
    """Mask every occurrence of each secret inside `context` (see context_masker)."""
    return context_masker(secrets)(context)


def finding_text(finding: Finding, masked: bool) -> str:
    """The matched text as a report should show it."""
    return mask(finding.text) if masked else finding.text


def finding_context(finding: Finding, masked: bool, neighbours: Iterable[Finding] = ()) -> str:
    """The finding's context snippet, with its own and its neighbours' text masked when asked."""
    if not masked:
        return finding.context
    secrets = [finding.text, *(n.text for n in neighbours)]
    return mask_context(finding.context, [*secrets, *name_parts(secrets)])


def name_parts(texts: Iterable[str]) -> list[str]:
    """Capitalised words of the found texts ("Brinnington" from "14 Brinnington Road").

    A snippet often shows part of an identifier on its own ("the Brinnington estate"),
    which matching whole finding texts would miss; masking these words too costs a
    little readability in masked output only.
    """
    return [w for t in texts for w in _WORD.findall(t) if len(w) >= 3 and w[0].isupper()]

