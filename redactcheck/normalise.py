"""Text normalisation between the document and analysis, with a map back to the original.

Copy-paste, web forms and deliberate evasion leave characters in drafts that defeat every
pattern while looking identical on the page: a zero-width space or soft hyphen inside a name,
a Cyrillic "а" in a Latin word, full-width digits in a phone number, a decomposed accent
("Siobha" + U+0301). Analysis therefore reads a normalised copy of each segment:

1. format characters (Unicode category Cf: zero-width space and joiners, soft hyphen, word
   joiner, BOM, bidi controls) are removed;
2. each base character with its combining marks is NFKC-normalised (full-width letters and
   digits become ASCII, compatibility ligatures split, NFD accents compose, no-break and thin
   spaces become spaces);
3. in a word that mixes scripts, letters that Unicode TR39 lists as confusable with a Latin
   letter (data from the `confusable-homoglyphs` package) are folded to that letter.

`normalise` returns the new text, a map from each normalised character to the original
characters it came from, and the tricks it saw, so findings land on the real characters and
the report can say "invisible character inside a name".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Characters that NFKC leaves alone but that are spaces on the page.
_SPACES = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " "}
_TRICK_NAMES = {
    "\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner", "\u2060": "word joiner", "\u00ad": "soft hyphen",
    "\ufeff": "byte order mark",
}


@dataclass(frozen=True)
class Trick:
    """One character that normalisation changed: where (original offset) and what."""

    offset: int
    char: str
    kind: str  # "invisible", "look-alike", "full-width", "decomposed accent"

    def describe(self) -> str:
        """A short phrase for reports: "invisible zero-width space (U+200B)"."""
        if self.kind == "invisible":
            name: str = _TRICK_NAMES.get(self.char) or unicodedata.name(self.char, "character")
            return f"invisible {name.lower()} (U+{ord(self.char):04X})"
        if self.kind == "look-alike":
            script = unicodedata.name(self.char, "other").split()[0].capitalize()
            return f"{script} look-alike letters"
        return {"full-width": "full-width characters",
                "decomposed accent": "decomposed accents"}.get(self.kind, self.kind)


@dataclass(frozen=True)
class Normalised:
    """A segment's text as analysis reads it, mapped back to the original."""

    text: str
    starts: tuple[int, ...]  # original offset where normalised character i starts
    ends: tuple[int, ...]  # original offset where normalised character i ends
    tricks: tuple[Trick, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of normalised [start, end)."""
        if not self.starts:
            return 0, 0
        if start >= len(self.starts):
            return self.original_length, self.original_length
        begin = self.starts[start]
        finish = self.ends[end - 1] if end > start else begin
        return begin, finish

    def tricks_in(self, start: int, end: int) -> list[Trick]:
        """Tricks inside original [start, end) (invisible characters at its edges too)."""
        return [t for t in self.tricks if start <= t.offset < end]


@cache
def _confusable_to_latin() -> dict[str, str]:
    """Non-Latin letters that TR39 says look like one ASCII Latin letter ("а" -> "a")."""
    try:
        from confusable_homoglyphs import categories, confusables
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    out: dict[str, str] = {}
    for char, glyphs in confusables.confusables_data.items():
        if len(char) != 1 or not char.isalpha() or char.isascii():
            continue
        if categories.alias(char) not in ("CYRILLIC", "GREEK", "ARMENIAN", "COPTIC"):
            continue
        for glyph in glyphs:
            target = glyph.get("c", "")
            if len(target) == 1 and target.isascii() and target.isalpha():
                out[char] = target
                break
    return out


_LETTERS = re.compile(r"[^\W\d_]+")


def needs_normalising(text: str) -> bool:
    """False for text normalisation cannot change (plain ASCII, the common case)."""
    return not text.isascii()


def normalise(text: str) -> Normalised:
    """The analysed form of `text` with its offset map (see the module docstring)."""
    if not needs_normalising(text):
        n = len(text)
        return Normalised(text, tuple(range(n)), tuple(range(1, n + 1)), (), n)
    tricks: list[Trick] = []
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if unicodedata.category(ch) == "Cf":
            tricks.append(Trick(i, ch, "invisible"))
            i += 1
            continue
        # A base character and the combining marks after it (format characters between
        # them are dropped too) form one cluster.
        j = i + 1
        cluster = [ch]
        while j < n and (unicodedata.combining(text[j])
                         or unicodedata.category(text[j]) in ("Mn", "Me", "Cf")):
            if unicodedata.category(text[j]) == "Cf":
                tricks.append(Trick(j, text[j], "invisible"))
            else:
                cluster.append(text[j])
            j += 1
        raw = "".join(cluster)
        new = _SPACES.get(raw) or unicodedata.normalize("NFKC", raw)
        if new != raw:
            if len(cluster) > 1 and len(new) < len(raw):
                tricks.append(Trick(i, ch, "decomposed accent"))
            elif unicodedata.east_asian_width(ch) in ("F",):
                tricks.append(Trick(i, ch, "full-width"))
        for c in new:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    folded = _fold_confusables(out, starts, tricks, text)
    return Normalised("".join(folded), tuple(starts), tuple(ends),
                      tuple(sorted(tricks, key=lambda t: t.offset)), n)


def _fold_confusables(chars: list[str], starts: list[int], tricks: list[Trick],
                      original: str) -> list[str]:
    """Fold look-alike letters to Latin inside words that also hold Latin letters."""
    table = _confusable_to_latin()
    if not table:
        return chars
    text = "".join(chars)
    out = list(chars)
    for m in _LETTERS.finditer(text):
        word = m.group()
        if word.isascii() or not any(c.isascii() for c in word):
            continue  # all Latin, or all of another script (genuine Cyrillic text stays)
        for k, c in enumerate(word, m.start()):
            latin = table.get(c)
            if latin is not None:
                out[k] = latin
                tricks.append(Trick(starts[k], original[starts[k]], "look-alike"))
    return out
