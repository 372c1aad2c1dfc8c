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
from functools import cache

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


# ----------------------------------------------------------------------- strict masking
# Defence in depth for public logs: beyond the texts found, every capitalised word that is
# not review vocabulary and every digit is masked, so a name the recognisers missed (or a
# comment author in a location label) cannot reach a CI log either.
_CLOSED_CLASS = re.findall(r"\w+", """
a about above after again against all also although an and another any are as at be
because been before being below between both but by can could did do does during each
either even every few following for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself later many may more
most much must my neither no nor not now of off on once one only or other our ours out
over own same several she should since so some still such than that the their theirs
them themselves then there these they this those though through throughout thus to too
two three four five under until up upon us very was we were what when where whether
which while who whom whose why will with within without would yet you your
""")
# Words of the location labels themselves ("Comment by …", "Tracked deletion by …").
_LABEL_WORDS = re.findall(r"\w+", """
alt application body box building blocks caption category cell chart comment comments
company core custom deleted deletion description document endnote endnotes field footer
footers footnote footnotes glossary header headers hidden hyperlink image inserted
insertion keywords last manager modified moved page paragraph part properties property
revision row section shape subject table text textbox title tracked unknown
""")


@cache
def review_vocabulary() -> frozenset[str]:
    """Lower-case words a masked report may show: function words, label words, the
    shared review vocabulary (months, weekdays, roles, titles) and the words that are
    never names (recognizers/data/not_names.txt, generic_agencies.txt)."""
    from recognizers import read_word_list

    from .. import cues

    words = set(_CLOSED_CLASS) | set(_LABEL_WORDS)
    words |= {m.casefold() for m in (*cues.MONTHS_EN, *cues.WEEKDAYS_EN)}
    for phrase in (*cues.ROLE_NOUNS, *cues.TITLES,
                   *read_word_list("not_names.txt"), *read_word_list("generic_agencies.txt")):
        words.update(w.casefold() for w in _WORD.findall(phrase))
    return frozenset(words)


def _strict_word(match: re.Match[str], digits: bool = True) -> str:
    word = match.group(0)
    if any(c.isdigit() for c in word):
        return _mask_word(match) if digits else word
    if len(word) == 1 or not word[0].isupper() or word.casefold() in review_vocabulary():
        return word
    return _mask_word(match)


def strict_mask(text: str, digits: bool = True) -> str:
    """Mask every capitalised word outside the review vocabulary, and every digit (unless
    `digits` is False: a label's own numbers, "Table 2, row 3", are not document text)."""
    return _WORD.sub(lambda m: _strict_word(m, digits), text)


class Masker:
    """Masks one document's sensitive strings wherever a report shows them.

    Contexts can hold other findings of the same document (a neighbouring name) or a part
    of one ("the Brinnington estate" beside "14 Brinnington Road"), so every finding text
    and its capitalised words are masked, as whole words, inside each context; the pattern
    is compiled once per document, so a report is linear in its findings. `strict` also
    masks, in contexts and labels, what `strict_mask` masks.
    """

    def __init__(self, secrets: Iterable[str], strict: bool = False) -> None:
        secrets = list(secrets)
        self._context = context_masker([*secrets, *name_parts(secrets)])
        self.strict = strict

    def text(self, value: str) -> str:
        return mask(value)

    def context(self, value: str) -> str:
        masked = self._context(value)
        return strict_mask(masked) if self.strict else masked

    def label(self, value: str) -> str:
        """A location label ("Comment by Donna Morris"): names in it masked when strict."""
        return strict_mask(self._context(value), digits=False) if self.strict else value


def masker_for(doc, strict: bool = False) -> Masker:
    """The masker for one document's report: every finding text of it is a secret."""
    return Masker([f.text for f in doc.findings], strict=strict)

