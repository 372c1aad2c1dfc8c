"""KNOWN: every entry of the case's own list of real identifiers (`known = FILE`).

Flags each entry wherever it occurs, case-insensitively, with a possessive left out of the
span ("Kayleigh's" -> "Kayleigh"), hyphen/space/punctuation variants ("Smith-Jones",
"Smith Jones", "21.06.2015" for "21/06/2015"), initials for names ("D. Morris", "D Morris"
for "Donna Morris"), the given name or surname of a listed name on its own when it is
capitalised and not a common English word ("Morris", not "Brown" or "Hope"), and one-letter
typos of words of five letters or more ("Kayliegh" for "Kayleigh", "Moriss" for "Morris").

Only names stand alone in parts: entries under `names`/`nicknames`, and `other` entries whose
words look like a name (gazetteer names, no common or institution words). A school, home or
address ("Oakfield House Children's Home") matches only whole, never as "House" or
"Children"; a title ("Mrs Okonkwo") is never a part on its own.

Deliberately left alone: a word that merely contains an entry ("Morrison" for "Morris"),
a lower-case ordinary word that happens to be a listed surname ("brown" for "Brown"), and
typos of short words ("Dee" vs "Dew"), where one letter changes too many real words.

Example flagged (list has "Donna Morris"): "D. Morris said Donna's son..." -> "D. Morris",
"Donna". Example left alone: "Morrison's supermarket".

The file is YAML (`names:`, `nicknames:`, `addresses:`, `schools:`, `dates_of_birth:`,
`other:` lists, or a plain list) or CSV (one identifier a row, optional header
`value[,category]`). A missing or malformed file stops the run with a one-line ConfigError.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from presidio_analyzer import EntityRecognizer, RecognizerResult

from recognizers.names import TITLES, Lexicon, lexicon
from redactcheck.config import Config
from redactcheck.errors import ConfigError

ENTITY = "KNOWN"
NAME = "KnownIdentifierRecognizer"
CATEGORIES = ("names", "nicknames", "addresses", "schools", "dates_of_birth", "other")
NAME_CATEGORIES = ("names", "nicknames")
GUIDANCE = "It is on the case's list of real identifiers: use the review's pseudonym or a role."
MIN_TYPO_LEN = 5  # shorter words have too many one-letter neighbours in ordinary English
TOKEN = re.compile(r"[^\W_]+")
# What may sit between two words of one entry: spaces, hyphens, commas, dots, slashes,
# and apostrophes, without which "O'Neill" or "St Anne's Church" never matched whole.
GAP = re.compile(r"[\s\-\u2010\u2011\u2013,./'\u2019]{1,3}")
# Above every PERSON score, so a listed identifier is reported as KNOWN where both fire.
SCORES = {"exact": 1.0, "initial": 0.97, "typo": 0.96, "part": 0.95}


@dataclass(frozen=True)
class Entry:
    value: str
    category: str


@dataclass(frozen=True)
class Variant:
    tokens: tuple[str, ...]  # casefolded
    entry: Entry
    kind: str  # exact, initial, part, typo
    needs_capital: bool = False


# --------------------------------------------------------------------------- loading


def load_known(path: Path) -> list[Entry]:
    """The entries of a YAML or CSV known-identifiers file; ConfigError on any problem."""
    if not path.is_file():
        raise ConfigError(f"{path}: known-identifiers file not found")
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the known-identifiers file ({exc})") from None
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        entries = _from_yaml(path, raw)
    elif suffix == ".csv":
        entries = _from_csv(path, raw)
    else:
        raise ConfigError(f"{path}: known-identifiers file must be .yaml, .yml or .csv")
    if not entries:
        raise ConfigError(f"{path}: the known-identifiers file lists no identifiers")
    return entries


def _from_yaml(path: Path, raw: str) -> list[Entry]:
    import yaml

    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}: not valid YAML{where}") from None
    if data is None:
        return []
    if isinstance(data, list):
        return [Entry(_value(path, v, "list"), "other") for v in data]
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a list or keys {', '.join(CATEGORIES)}")
    entries = []
    for key, values in data.items():
        if key not in CATEGORIES:
            raise ConfigError(f"{path}: unknown key {key!r} (use {', '.join(CATEGORIES)})")
        if values is None:
            continue
        if not isinstance(values, list):
            values = [values]
        entries.extend(Entry(_value(path, v, key), key) for v in values)
    return entries


def _value(path: Path, value: object, key: str) -> str:
    # YAML reads an unquoted 2015-06-21 as a date; keep it as text in day-first UK form too.
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str | int) and str(value).strip():
        return str(value).strip()
    raise ConfigError(f"{path}: {key}: every entry must be non-empty text, not {value!r}")


def _from_csv(path: Path, raw: str) -> list[Entry]:
    try:
        rows = [r for r in csv.reader(io.StringIO(raw)) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise ConfigError(f"{path}: not valid CSV ({exc})") from None
    if rows and rows[0][0].strip().lower() == "value":
        rows = rows[1:]
    entries = []
    for number, row in enumerate(rows, start=1):
        value = row[0].strip()
        category = row[1].strip().lower() if len(row) > 1 and row[1].strip() else "other"
        if not value:
            raise ConfigError(f"{path}: row {number}: empty identifier")
        entries.append(Entry(value, category))
    return entries


# --------------------------------------------------------------------------- matching


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance <= 1, or one swap of adjacent letters."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if la > lb:
        a, b = b, a
    # b is one longer: removing one letter of b gives a.
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _looks_like_name(tokens: tuple[str, ...], lex: Lexicon) -> bool:
    """An `other` entry that reads as a person's name ("Wojciech Nowakowski").

    Several alphabetic words, none a common, role or institution word ("House",
    "Children", "Hospital", "Church"), and at least one a known given name or surname.
    """
    return (
        len(tokens) > 1
        and all(t.isalpha() for t in tokens)
        and not any(t in lex.not_names or t in lex.ambiguous for t in tokens)
        and any(t in lex.first or t in lex.surnames for t in tokens)
    )


class KnownMatcher:
    """All variants of all entries, indexed by their first word, plus a typo index.

    Typos use deletion neighbourhoods (the SymSpell idea): every entry word of five or
    more letters is stored under itself and each one-letter deletion; a text word finds
    its candidates by looking up itself and its own deletions, so the work per word is
    proportional to its length, not to the number of entries.
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.by_first: dict[str, list[Variant]] = defaultdict(list)
        self.typo_index: dict[str, set[str]] = defaultdict(set)
        vocabulary: set[str] = set()
        lex = lexicon()
        for entry in entries:
            tokens = tuple(t.casefold() for t in TOKEN.findall(entry.value))
            if not tokens:
                continue
            self._add(Variant(tokens, entry, "exact"))
            vocabulary.update(tokens)
            # "Mrs Okonkwo": the title is no part of the name's variants.
            name = tokens
            while len(name) > 1 and name[0] in TITLES:
                name = name[1:]
            is_name = entry.category in NAME_CATEGORIES or (
                entry.category == "other" and entry.value[:1].isupper()
                and _looks_like_name(name, lex)
            )
            if not is_name:
                continue
            if len(name) > 1 and name[0].isalpha():
                self._add(Variant((name[0][0], *name[1:]), entry, "initial"))
            if len(name) > 1 or name != tokens:  # parts; "Okonkwo" of "Mrs Okonkwo"
                for part in name:
                    # A common word alone ("Brown", "Hope") is too often just the word.
                    if (len(part) >= 3 and part.isalpha() and part not in lex.ambiguous
                            and part not in lex.not_names and part not in TITLES):
                        self._add(Variant((part,), entry, "part", needs_capital=True))
        for word in vocabulary:
            if len(word) >= MIN_TYPO_LEN and word.isalpha():
                self.typo_index[word].add(word)
                for d in _deletes(word):
                    self.typo_index[d].add(word)

    def _add(self, variant: Variant) -> None:
        self.by_first[variant.tokens[0]].append(variant)

    def _typo_targets(self, word: str) -> set[str]:
        """Entry words one edit away from `word` (not equal to it)."""
        if len(word) < MIN_TYPO_LEN - 1 or not word.isalpha():
            return set()
        candidates = set(self.typo_index.get(word, ()))
        for d in _deletes(word):
            candidates |= self.typo_index.get(d, set())
        return {c for c in candidates if c != word and within_one_edit(word, c)}

    def find(self, text: str) -> list[tuple[int, int, Variant, bool]]:
        """(start, end, variant, typo) for every match in one segment, longest first wins."""
        toks = [(m.start(), m.end(), m.group().casefold()) for m in TOKEN.finditer(text)]
        # For each text word: the entry words it stands for (itself, or a typo target).
        readings: list[dict[str, bool]] = []
        for _, _, word in toks:
            reading = {word: False}
            for target in self._typo_targets(word):
                reading[target] = True
            readings.append(reading)
        found: list[tuple[int, int, Variant, bool]] = []
        for i, reading in enumerate(readings):
            for first, first_typo in reading.items():
                for variant in self.by_first.get(first, ()):
                    end_index = self._match(text, toks, readings, i, variant)
                    if end_index is None:
                        continue
                    typo = first_typo or any(
                        readings[i + k][variant.tokens[k]] for k in range(len(variant.tokens))
                    )
                    start, end = toks[i][0], toks[end_index][1]
                    if variant.needs_capital and not text[start].isupper():
                        continue
                    found.append((start, end, variant, typo))
        return _longest(found)

    def _match(self, text, toks, readings, i, variant) -> int | None:
        n = len(variant.tokens)
        if i + n > len(toks):
            return None
        for k in range(n):
            if variant.tokens[k] not in readings[i + k]:
                return None
            if readings[i + k][variant.tokens[k]] and len(variant.tokens[k]) < MIN_TYPO_LEN:
                return None
            if k and not GAP.fullmatch(text[toks[i + k - 1][1]:toks[i + k][0]]):
                return None
        # A word glued to the match by an apostrophe or hyphen is a different word
        # ("Morris-Evans" when only "Morris" is listed is still flagged by "Morris").
        return i + n - 1


def _longest(found):
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out = []
    last_end = -1
    for item in found:
        if item[0] >= last_end:
            out.append(item)
            last_end = item[1]
    return out


class KnownIdentifierRecognizer(EntityRecognizer):
    """Entries of the case's known-identifiers list; see the module docstring."""

    def __init__(self, entries: list[Entry], source: Path) -> None:
        super().__init__(supported_entities=[ENTITY], name=NAME, supported_language="en")
        self.matcher = KnownMatcher(entries)
        self.source = source

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        results = []
        for start, end, variant, typo in self.matcher.find(text):
            kind = "typo" if typo else variant.kind
            how = {
                "exact": "matches",
                "initial": "is an initial form of",
                "part": "is part of",
                "typo": "is a one-letter typo of",
            }[kind]
            why = f"{how} {variant.entry.value!r} on the known list ({variant.entry.category})"
            results.append(RecognizerResult(
                ENTITY, start, end, SCORES[kind], analysis_explanation=None,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: NAME,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    "explanation": why, "guidance": GUIDANCE,
                },
            ))
        return results


def build(config: Config) -> list[EntityRecognizer]:
    if config.known is None:
        return []
    return [KnownIdentifierRecognizer(load_known(Path(config.known)), Path(config.known))]
