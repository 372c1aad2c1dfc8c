"""PERSON: names of people, from a gazetteer, titles, context cues and spaCy NER.

Flags first names alone ("Kayleigh"), full names ("Priya Sharma"), surnames after a title
("Mrs Okonkwo" -> "Okonkwo"; the title itself is left out of the span so a redaction reads
"Mrs [NAME]"), initials with a surname ("D. Morris", "D Morris"), possessives
("Kayleigh's" -> "Kayleigh"), names in capitals ("DONNA MORRIS") and names after "named",
"called", "known as", "aka". Welsh, Irish, South Asian, African and Eastern European given
names are in the same gazetteer as English ones, so "Gwenllian" is found as readily as "Emma".

Deliberately left alone: pseudonyms and roles ("Child B", "Mother", "Mr X"), review
vocabulary and headings ("Learning Review", "Young Carer"), fonts ("Times New Roman"),
statutes ("Children Act 1989", "Working Together"), research citations ("Brandon et al,
2008"), words after "Section", months and weekdays, and names that are also ordinary words
("Hope", "Will", "Grace") unless a title, a surname or a cue says they are names.
Nor does it claim words that another recogniser classifies (PERSON is high severity and
would win the overlap merge): eponyms inside a condition ("Prader-Willi syndrome",
"Crohn's disease"; the rare-details condition lists), nationalities and ethnic groups
("the Roma community", "the mother is Georgian"; the rare-details demographic list), and
places in a place context ("the Brinnington estate", "Manchester M2 4JB", "moved to
Preston", "the North West"; data/uk_places.txt, countries_regions.txt, street_types.txt).
A title or a cue still wins: "Mr Preston", "a girl called Roma".

Example flagged: "Mrs Okonkwo said that Kayleigh's brother was at home" -> "Okonkwo",
"Kayleigh". Example left alone: "Child B's mother spoke to Brandon et al (2008)".

Evidence from position, for names no gazetteer knows: a kin word before it ("Nain X",
"Granny X"; the kin word stays out of the span), a role noun in apposition ("The mother,
X Y, said", "her partner X", Welsh/Gaelic family nouns too), a role in brackets after it
("X Y (aunt)"), ", born/aged" after it, a quoted nickname after "known as". Gazetteer
lookups fold accents on both sides ("Grazyna" finds "Grażyna"). Welsh, Gaelic and Irish
ordinary words that are also names (name_common_words_celtic.txt) count as ambiguous.
Not people: an eponym after "a" ("a Moses basket"), a label before a number ("Learning
Point 3").

`document_pass` first reads short segments on their own (author and person properties,
cells of a "Name" column, short lines of gazetteer names in cells, captions, text boxes),
then flags every other mention of any name found (and of its first name
and surname on their own) anywhere in the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from presidio_analyzer import EntityRecognizer, RecognizerResult

from recognizers import english_words, read_word_list
from recognizers.rare_details import PhraseIndex, load_conditions, load_demographics
from redactcheck.config import Config
from redactcheck.cues import (
    KIN_TITLES,
    MONTH_WORDS,
    PSEUDONYM_RE,
    ROLE_NOUNS,
    TITLES,
    WEEKDAY_WORDS,
    WELSH_GAELIC_ROLES,
    is_citation_after,
)
from redactcheck.document import Segment
from redactcheck.findings import Finding

ENTITY = "PERSON"
NAME = "PersonRecognizer"
GUIDANCE = (
    "Replace the name with the review's pseudonym (Child B, Mother, Sibling 2) or a role "
    "(the health visitor)."
)

# Words that introduce a name: "a man called Wayne", "known as Kaz", "aka Dee".
# "known to friends as Kayls", "known to her family as Dee": up to three words may sit
# between "known" and "as".
CUE_BEFORE = re.compile(
    r"(?:\b(?:named|called|nicknamed|aka|a\.k\.a\.?|known\s+(?:to\s+(?:[\w'’]+\s+){1,3})?as|"
    r"referred\s+to\s+as|nickname\s+(?:is|was)|name\s+(?:is|was)|"
    r"names\s+(?:are|were))\s+[\"'‘“]?)$",
    re.IGNORECASE,
)
MONTHS = MONTH_WORDS
DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+$", re.IGNORECASE)
# A word directly followed by one of these names a condition after a person (an eponym:
# "Prader-Willi syndrome", "Crohn's disease", "Bell's palsy", "Ebstein anomaly"), not a person.
CONDITION_AFTER = re.compile(
    r"^(?:['’]s)?[\s\-]+(?:syndrome|disease|dystrophy|palsy|anomaly|sequence|malformation|"
    r"ataxia|sarcoma|lymphoma|tumou?r|an(?:a)?emia|encephalopathy|myopathy|neuropathy)\b",
    re.IGNORECASE,
)
# Nouns after a nationality or group that show it is one ("the Roma community").
GROUP_AFTER = re.compile(
    r"^\s+(?:community|communities|family|families|people|heritage|background|origin|"
    r"descent|culture|nationals?|households?|site)\b",
    re.IGNORECASE,
)
# Lower-case nouns after a place name that make it a small area ("the Brinnington estate").
AREA_AFTER = re.compile(r"^\s+(?:estates?|ward|village|area)\b")
# Words before a place ("lived in Preston"). "to" counts only after a verb of moving, as
# "spoke to Chester" is a person.
PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|near|into|outside|around|towards|within|across|between)"
    r"|\b(?:mov\w*|went|go|goes|going|gone|travell?ed|return\w*|relocat\w*|drove|driven|"
    r"taken|took|sent|transferred|came|come|back|trips?|visits?)\s+to)\s+$",
    re.IGNORECASE,
)
# A postcode after a place ("Manchester M2 4JB", "Stockport, SK5").
POSTCODE_AFTER = re.compile(r"^,?\s+[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?\b")
FULL_POSTCODE_AFTER = re.compile(r"^,?\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
# A word that can be part of a name, with an optional possessive that the span leaves out.
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:\.(?=\s|$))?")
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
SENTENCE_END = set('.!?:;•"“”()[]–—*#|')
# Letters NFKD does not split into a base letter and a mark.
_FOLD_EXTRA = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l",
                             "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"})


def fold(word: str) -> str:
    """Casefolded, accents dropped: "Grażyna", "Bronisław", "Siôn", "Màiri" -> "grazyna",
    "bronislaw", "sion", "mairi". Gazetteer and text are both folded, so a name listed
    with or without its accents is found either way."""
    key = word.casefold()
    if key.isascii():
        return key
    key = unicodedata.normalize("NFKD", key.translate(_FOLD_EXTRA))
    return "".join(c for c in key if not unicodedata.combining(c))


@dataclass(frozen=True)
class Lexicon:
    first: frozenset[str]  # casefolded given names
    surnames: frozenset[str]
    ambiguous: frozenset[str]  # names that are also ordinary words, places or months
    not_names: frozenset[str]  # never a name word on its own
    phrases: re.Pattern | None  # multi-word non-names masked before looking for names
    places: frozenset[str]  # UK towns, cities, counties (keys as Tok.key, space-joined)
    ambiguous_places: frozenset[str]  # places marked '?' in uk_places.txt ("Preston")
    regions: frozenset[str]  # countries and regions ("Jordan", "North West")
    street_types: frozenset[str]  # casefolded street-name endings ("road", "court")


def _place_key(name: str) -> str:
    return " ".join(fold(name.replace(".", "")).split())


def _marked(name: str, mark: str) -> tuple[set[str], set[str]]:
    """Keys of a data file's lines, and of those ending with ' MARK' (as addresses.py)."""
    plain, marked = set(), set()
    for line in read_word_list(name):
        if line.endswith(" " + mark):
            line = line[: -len(mark) - 1].strip()
            marked.add(_place_key(line))
        plain.add(_place_key(line))
    return plain, marked


@cache
def lexicon() -> Lexicon:
    not_names = read_word_list("not_names.txt")
    phrases = [p for p in not_names if " " in p]
    places, ambiguous_places = _marked("uk_places.txt", "?")
    street_types, _ = _marked("street_types.txt", "#")
    first_raw, surnames_raw = read_word_list("first_names.txt"), read_word_list("surnames.txt")
    listed = {n.casefold() for n in (*first_raw, *surnames_raw)}
    # Folding can turn a name listed only with accents into an English word ("Över" ->
    # "over", "Löwer" -> "lower"): such a folded form is left out unless the name is listed
    # without accents too. The English words are the gazetteer build's held-back names.
    english = {fold(n) for n in read_word_list("names_common_words_pending.txt")} - listed

    def folded(names: list[str]) -> frozenset[str]:
        return frozenset(k for k in map(fold, names) if k not in english)

    return Lexicon(
        first=folded(first_raw),
        surnames=folded(surnames_raw),
        ambiguous=frozenset(
            fold(n)
            for n in (*read_word_list("name_stoplist.txt"),
                      *read_word_list("name_common_words.txt"),
                      *read_word_list("name_common_words_celtic.txt"))
        ),
        not_names=frozenset(fold(w) for w in not_names if " " not in w),
        phrases=re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
            + r")\b",
            re.IGNORECASE,
        ) if phrases else None,
        places=frozenset(places),
        ambiguous_places=frozenset(ambiguous_places),
        regions=frozenset(_place_key(n) for n in read_word_list("countries_regions.txt")),
        street_types=frozenset(street_types),
    )


@cache
def _rare_indexes() -> tuple[PhraseIndex, PhraseIndex]:
    """The rare-details module's own condition and demographic lists (read once)."""
    return load_conditions(), load_demographics()


@dataclass
class Tok:
    text: str  # without a possessive 's
    start: int
    end: int
    sentence_start: bool

    @property
    def key(self) -> str:
        return fold(self.text.rstrip("."))

    @property
    def initial(self) -> bool:
        return len(self.text.rstrip(".")) == 1 and self.text[0].isupper()

    @property
    def caps(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


_NOT_AN_INITIAL = re.compile(r"(?:[&/]|\b[A-Z]\s*(?:,|and|&)\s*)$")


def _tokens(text: str) -> list[Tok]:
    toks = []
    for m in WORD.finditer(text):
        word = m.group()
        start, end = m.start(), m.end()
        # The dot belongs to an initial or a title ("D.", "Mr."), not to a sentence end.
        if word.endswith(".") and len(word) > 2 and word[:-1].casefold() not in TITLES:
            word, end = word[:-1], end - 1
        pos = POSSESSIVE.search(word)
        if pos and len(word) > 2:
            word, end = word[: pos.start()], end - 2
        if len(word.rstrip(".")) == 1 and _NOT_AN_INITIAL.search(text[max(0, start - 16):start]):
            continue  # "A&E", "B and C.": a letter of an abbreviation or a pseudonym list
        before = text[max(0, start - 32):start].rstrip()
        sentence_start = not before or before[-1] in SENTENCE_END or before[-1].isdigit()
        toks.append(Tok(word, start, end, sentence_start))
    return toks


def _runs(text: str, toks: list[Tok]) -> list[list[Tok]]:
    """Maximal sequences of capitalised words separated by one space. A word whose dot was
    taken as a sentence end ("Morris. Later") ends its run: initials and titles keep their
    dots ("D. Morris", "Mr. Hale"), so a dot left in the gap is a full stop."""
    runs: list[list[Tok]] = []
    current: list[Tok] = []
    for tok in toks:
        gap = text[current[-1].end:tok.start] if current else ""
        # "Z.M. Necatigil", "A.-M. Mendiboure": initials may be joined by a dot alone.
        joined = bool(current) and (
            re.fullmatch(r"[ \u00a0]", gap) is not None
            or (current[-1].initial and re.fullmatch(r"\.-?", gap) is not None)
        )
        if tok.capitalised and joined:
            current.append(tok)
            continue
        if current:
            runs.append(current)
        current = [tok] if tok.capitalised else []
    if current:
        runs.append(current)
    return runs


class PersonRecognizer(EntityRecognizer):
    """Names of people; see the module docstring for what it flags and leaves alone."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[ENTITY], name=NAME, supported_language="en")
        self.lex = lexicon()

    def load(self) -> None:  # word lists load lazily through lexicon()
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        return [
            RecognizerResult(ENTITY, start, end, score, analysis_explanation=None,
                             recognition_metadata={
                                 RecognizerResult.RECOGNIZER_NAME_KEY: NAME,
                                 RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                                 "explanation": why, "guidance": GUIDANCE,
                             })
            for start, end, score, why in find_names(text, nlp_artifacts, self.lex)
        ]


def find_names(text: str, nlp_artifacts=None, lex: Lexicon | None = None
               ) -> list[tuple[int, int, float, str]]:
    """(start, end, score, explanation) for every name in one segment."""
    lex = lex or lexicon()
    masked = text
    if lex.phrases is not None:
        # Blank out fixed non-name phrases ("Times New Roman") so no word in them is read
        # as a name, keeping offsets unchanged.
        masked = lex.phrases.sub(lambda m: re.sub(r"\S", "x", m.group()), text)
    spacy_spans = _spacy_spans(nlp_artifacts)
    others = OtherClaims(text)
    out: list[tuple[int, int, float, str]] = []
    for run in _runs(masked, _tokens(masked)):
        out.extend(_judge_run(masked, run, lex, spacy_spans, others))
    return out


class OtherClaims:
    """Spans of one segment that the rare-details lists classify (conditions, groups).

    Computed on first use only: most segments have no name candidate to check.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._conditions: list[tuple[int, int]] | None = None
        self._groups: list[tuple[int, int]] | None = None

    def _load(self) -> None:
        if self._conditions is None:
            conditions, demographics = _rare_indexes()
            self._conditions = [(s, e) for s, e, _ in conditions.find(self.text)]
            self._groups = [(s, e) for s, e, _ in demographics.find(self.text, capitalised=True)]

    def in_condition(self, start: int, end: int) -> bool:
        self._load()
        return any(s <= start and end <= e for s, e in self._conditions or ())

    def all_groups(self, toks: list[Tok]) -> bool:
        """Every word of the candidate is a nationality, ethnic group, religion or language."""
        self._load()
        return all(
            any(s <= t.start and t.end <= e for s, e in self._groups or ()) for t in toks
        )


def _spacy_spans(nlp_artifacts) -> list[tuple[int, int, str]]:
    if nlp_artifacts is None or not getattr(nlp_artifacts, "entities", None):
        return []
    return [(e.start_char, e.end_char, e.label_) for e in nlp_artifacts.entities]


def _spacy_label(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for s, e, label in spans:
        if s <= start and end <= e:
            return label
    return None


def _split(run: list[Tok], lex: Lexicon) -> list[tuple[str, list[Tok]]]:
    """Split a run at titles and non-name words: [(what came before, name tokens), ...],
    where what came before is "title" ("Mr"), "kin" ("Nain", "Granny") or ""."""
    if len(run) > 1 and _sentence_opener(run, lex):
        run = run[1:]  # "Yesterday Kayleigh Morris left": the opener is no part of the name
    parts: list[tuple[str, list[Tok]]] = []
    current: list[Tok] = []
    before = ""
    for i, tok in enumerate(run):
        # A kin word is a title only before another capitalised word ("Taid Huw"); alone
        # ("Nan said") it may be the name itself.
        kind = "title" if tok.key in TITLES else (
            "kin" if tok.key in KIN_TITLES and i + 1 < len(run) and not current else "")
        if kind or tok.key in lex.not_names:
            if current:
                parts.append((before, current))
            current, before = [], kind
        else:
            current.append(tok)
    if current:
        parts.append((before, current))
    return parts


def _sentence_opener(run: list[Tok], lex: Lexicon) -> bool:
    """A capitalised sentence opener that is no known name word, before known name words."""
    def known(tok: Tok) -> bool:
        return tok.key in lex.first or tok.key in lex.surnames

    first = run[0]
    return (first.sentence_start and first.key not in TITLES and first.key not in KIN_TITLES
            and not known(first)
            and any(known(t) for t in run[1:]))


def _judge_run(text: str, run: list[Tok], lex: Lexicon, spacy_spans,
               others: OtherClaims | None = None) -> list:
    out = []
    # An organisation or place name ("Lark Hill Primary School") is not a person even if
    # it starts with a name; the place and institution recognisers deal with it.
    if run[-1].key in lex.not_names and len(run) > 1 and run[0].key not in TITLES:
        return out
    for before, toks in _split(run, lex):
        after_title = before == "title"
        # Pseudonyms: a lone letter ("Mr B", "Adult A") is not a name.
        while toks and toks[-1].initial and len(toks) > 1 and not toks[-2].initial:
            toks = toks[:-1]
        # "on 21 June D. Morris rang": a month after a day number ends a date, it does not
        # start a name ("June" is also a given name).
        if (toks and not after_title and toks[0].key in MONTHS
                and DAY_BEFORE.search(text[max(0, toks[0].start - 12):toks[0].start])):
            toks = toks[1:]
        if not toks or (len(toks) == 1 and toks[0].initial):
            continue
        start, end = toks[0].start, toks[-1].end
        if _is_citation(text, start, end) or _after_section(text, start):
            continue
        label = _spacy_label(spacy_spans, start, end)
        evidence = None
        if before == "kin":
            evidence = (0.85, "name after a kin word (\"Nain\", \"Granny\", \"Uncle\")")
        elif not after_title:
            evidence = _position_evidence(text, toks, lex, label)
        verdict = (evidence if evidence is not None and _name_shaped(toks, lex)
                   else _verdict(text, toks, after_title, lex, label))
        if verdict is None:
            continue
        # A title, a kin word or "called"/"known as" makes it a name whatever else the word
        # can be; a role in apposition does not ("the mother Asian", "her friend Roma").
        vouched = (after_title or before == "kin"
                   or bool(CUE_BEFORE.search(text[:start])))
        if not vouched and (_claimed_elsewhere(text, toks, lex, label,
                                               others or OtherClaims(text))
                            or _not_a_person_here(text, toks)):
            continue
        out.append((start, end, *verdict))
    return out


# A role noun right before a name, in apposition ("The mother, Ewa Nowak, said", "her
# partner Jonjo", "his maternal aunt Orla") or a family noun in Welsh or Gaelic ("partner
# y fam, Huw Preece"). Collective nouns ("family", "household") and case labels
# ("victim", "subject") are left out: "the family Court", "the victim Support service".
_APPOSITION_ROLES = (ROLE_NOUNS | WELSH_GAELIC_ROLES) - {
    "family", "household", "subject", "victim", "perpetrator", "relative", "adult", "chair",
    "author", "reporter", "judge", "manager", "team manager", "officer", "lead",
}
ROLE_BEFORE = re.compile(
    r"(?<![\w\-])(?:" + "|".join(re.escape(r) for r in sorted(_APPOSITION_ROLES, key=len,
                                                            reverse=True))
    + r")(?P<comma>\s*,)?\s+[\"'‘“]?$",
    re.IGNORECASE,
)
# A role in brackets after a name: "Ewa Nowak (mother)", "Orla (maternal aunt)",
# "Jonjo (sister-in-law)", "Ty Brennan (youth worker)".
ROLE_AFTER = re.compile(
    r"^\s*\((?:the\s+|his\s+|her\s+|their\s+|[A-Z][\w'’]*['’]s\s+)?(?:[\w\-]+\s+){0,2}(?:"
    + "|".join(re.escape(r) for r in sorted(ROLE_NOUNS | WELSH_GAELIC_ROLES, key=len,
                                           reverse=True))
    + r")(?:-in-law|s)?\s*[),;/]",
    re.IGNORECASE,
)
# Details that only follow a person: "Lorcan Ferris, born 3.4.15", "Ewa Nowak, aged 34",
# "Aran Cabdi, who was born in 2009".
DETAIL_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:who\s+(?:was|is)\s+)?born|b\.|aged|age\s+\d|dob\b|d\.o\.b\.?|"
    r"date\s+of\s+birth|née|nee)\b",
    re.IGNORECASE,
)
# Where an apposition ends: a comma, bracket, dash, full stop or the end of the text.
_APPOSITION_END = re.compile(r"^(?:\s*[,;:.)!?]|\s+[-–—]\s|\s*$)")


_NOT_PERSON_LABELS = frozenset({"NORP", "NRP", "LANGUAGE", "DATE", "TIME", "EVENT", "LAW",
                                "WORK_OF_ART", "PRODUCT", "MONEY", "QUANTITY", "CARDINAL",
                                "ORDINAL", "PERCENT"})


def _position_evidence(text: str, toks: list[Tok], lex: Lexicon, spacy_label: str | None
                       ) -> tuple[float, str] | None:
    """Evidence from where the words stand, whatever the gazetteers say."""
    start, end = toks[0].start, toks[-1].end
    before, after = text[max(0, start - 40):start], text[end:end + 60]
    m = ROLE_BEFORE.search(before)
    # "The mother, Ewa Nowak, said", "her partner Jonjo": a gazetteer name or spaCy's
    # PERSON, or name-shaped words that end the apposition (a comma, bracket, full stop)
    # and that spaCy does not read as a nationality, date or other non-person.
    # Words no gazetteer knows need more: a role written in lower case, as running text
    # writes it ("Practitioner Interviews" is a heading), and no ordinary word or acronym
    # ("Children HM Govt" is a citation).
    if m and not toks[0].sentence_start and (
            _known(toks, lex) or spacy_label == "PERSON" or (
                spacy_label not in _NOT_PERSON_LABELS
                and (m.group("comma") or _APPOSITION_END.match(after))
                and m.group(0).lstrip()[:1].islower()
                and not any(t.caps or t.key in _dictionary_words() for t in toks))):
        return 0.85, "name after a role noun (apposition)"
    if ROLE_AFTER.match(after):
        return 0.85, "name before a role in brackets"
    if DETAIL_AFTER.match(after) and (_known(toks, lex) or len(toks) > 1):
        return 0.8, "name before a date of birth or age"
    return None


def _known(toks: list[Tok], lex: Lexicon) -> bool:
    return any(t.key in lex.first or t.key in lex.surnames for t in toks if not t.initial)


def _name_shaped(toks: list[Tok], lex: Lexicon) -> bool:
    """Words that can be a name when a position vouches for them: 1-4 words, no role,
    month, weekday, acronym or pseudonym ("Child B"), no review vocabulary."""
    words = [t for t in toks if not t.initial]
    if not words or len(toks) > 4:
        return False
    for t in words:
        if (t.key in lex.not_names or t.key in ROLE_NOUNS or t.key in MONTHS
                or t.key in WEEKDAY_WORDS or t.key in TITLES):
            return False
    if len(words) == 1 and words[0].caps and len(words[0].text) <= 5:
        return False  # "the mother, MASH, ..." is an acronym
    name = " ".join(t.text for t in toks)
    return PSEUDONYM_RE.fullmatch(name) is None


# A word that names a thing after a person: "a Moses basket", "a Stanley knife", "an Allen
# key". An indefinite article does not come before a person's name.
_ARTICLE_BEFORE = re.compile(r"(?:^|[^\w])an?\s+$", re.IGNORECASE)
_LOWER_WORD_AFTER = re.compile(r"^\s+[a-z]")
# A heading label and its number: "Learning Point 3", "Key Line of Enquiry 2".
_NUMBER_AFTER = re.compile(r"^\s+\d{1,3}(?:\.\d+)*(?![\d/.:])(?!\s*(?:st|nd|rd|th)?\s*(?:"
                           + "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
                           + r")\b)", re.IGNORECASE)


def _not_a_person_here(text: str, toks: list[Tok]) -> bool:
    """An eponym naming a thing ("a Moses basket") or a numbered label ("Point 3"): a
    label's last word is an ordinary word; "Yusuf Trevelyan 31" (a name, then an id) is not."""
    start, end = toks[0].start, toks[-1].end
    if (len(toks) == 1 and _ARTICLE_BEFORE.search(text[max(0, start - 4):start])
            and _LOWER_WORD_AFTER.match(text[end:end + 3])):
        return True
    return bool(_NUMBER_AFTER.match(text[end:end + 40])) and (
        toks[-1].key in _dictionary_words())


def _claimed_elsewhere(text: str, toks: list[Tok], lex: Lexicon, spacy_label: str | None,
                       others: OtherClaims) -> bool:
    """True when the candidate is part of a condition, a group or a place, not a person."""
    start, end = toks[0].start, toks[-1].end
    after = text[end:end + 40]
    if CONDITION_AFTER.match(after) or others.in_condition(start, end):
        return True
    words = [t for t in toks if not t.initial]
    # "the Roma community", "the mother is Georgian". spaCy's PERSON keeps "Roma said...".
    if others.all_groups(words) and (spacy_label != "PERSON" or GROUP_AFTER.match(after)):
        return True
    # "the Lindsay estate"; "Sheldon, B26 3QT": nobody writes a full postcode after a person.
    if AREA_AFTER.match(after) or FULL_POSTCODE_AFTER.match(after):
        return True
    key = " ".join(t.key for t in words)
    is_place = key in lex.places
    is_region = key in lex.regions
    if not (is_place or is_region):
        return False
    before = text[max(0, start - 40):start]
    place_context = bool(PLACE_BEFORE.search(before) or POSTCODE_AFTER.match(after))
    if is_region and re.search(r"\bthe\s+$", before, re.IGNORECASE):
        place_context = True  # "the North West", "the Gambia"
    if place_context:
        return True
    # Out of context, a place that is also a name ("Preston", "Jordan", "Chester") stays a
    # name; one that is no name at all ("Manchester") is never a person, whatever spaCy says.
    is_name = key in lex.ambiguous_places or any(
        t.key in lex.first or t.key in lex.surnames for t in words
    )
    return not is_name


def _verdict(text: str, toks: list[Tok], after_title: bool, lex: Lexicon,
             spacy_label: str | None) -> tuple[float, str] | None:
    words = [t for t in toks if not t.initial]
    initials = [t for t in toks if t.initial]
    if not words:
        return None
    cue = bool(CUE_BEFORE.search(text[: toks[0].start]))
    first, last = words[0], words[-1]
    all_caps = all(t.caps for t in words)
    if after_title:
        return 0.9, "name after a title"
    if cue:
        return 0.85, "name after \"named\", \"called\" or \"known as\""
    if initials and toks[0].initial:
        # "D. Morris", "D Morris". A lone "A" or "I" without a dot is an article or pronoun.
        lead = toks[0]
        dotted = lead.text.endswith(".") or text[lead.end: lead.end + 1] == "."
        if not dotted and lead.key in ("a", "i"):
            return None
        # Any capitalised word may follow a dotted initial mid-sentence ("F. Trauttmansdorff"),
        # but at a sentence start "C. Analysis" is a lettered heading.
        if last.key in lex.surnames or last.key in lex.first or (
            dotted and last.key not in lex.ambiguous and not lead.sentence_start
        ):
            return 0.85, "initial with a surname"
        return None
    names = [w for w in words if w.key in lex.first or w.key in lex.surnames]
    if len(words) >= 2:
        # A full name: a given name followed by any capitalised word, or two gazetteer words.
        if first.key in lex.first and first.key not in lex.ambiguous:
            if all_caps and last.key not in lex.surnames and last.key not in lex.first:
                return None  # "DONNA SAID" in a heading is too weak without a surname
            return 0.85, "given name and surname"
        if first.key in lex.first and last.key in lex.surnames and last.key not in lex.ambiguous:
            return 0.8, "given name and surname"
        if (len(names) == len(words) and spacy_label is not None
                and not all(w.key in lex.ambiguous for w in words)):
            return 0.75, f"gazetteer names tagged {spacy_label} by spaCy"
        if spacy_label == "PERSON" and not all_caps and len(names) >= 1:
            return 0.65, "spaCy tagged a person"
        return None
    word = first
    mid_sentence = not word.sentence_start
    if word.caps:
        # A lone word in capitals is usually a heading or an acronym ("MASH").
        ok = word.key in lex.first and word.key not in lex.ambiguous and len(word.text) >= 4
        return (0.6, "given name in capitals") if ok and spacy_label == "PERSON" else None
    if word.key in lex.first and word.key not in lex.ambiguous:
        # Presidio renames spaCy's GPE/LOC/FAC to LOCATION. The small model also tags
        # unfamiliar given names ("Lowri", "Gurpreet") as places, so its label only counts
        # for a word on the place list ("Chester" the town).
        if (spacy_label in ("GPE", "LOC", "FAC", "LOCATION") and mid_sentence
                and word.key in lex.places):
            return None
        return 0.75, "given name"
    if word.key in lex.ambiguous:
        # "Hope", "Will", "Grace": only with spaCy's agreement, mid-sentence.
        if spacy_label == "PERSON" and mid_sentence:
            return 0.6, "spaCy tagged a person; the word is also an ordinary word"
        return None
    if spacy_label == "PERSON" and mid_sentence:
        return 0.6, "spaCy tagged a person"
    return None


def _is_citation(text: str, start: int, end: int) -> bool:
    return is_citation_after(text, end)


def _after_section(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start]
    return bool(re.search(r"\b(?:section|s\.)\s*$", before, re.IGNORECASE))


# --------------------------------------------------------------------------- registry


def build(config: Config) -> list[EntityRecognizer]:
    return [PersonRecognizer()]


def document_pass(segments: Sequence[Segment], findings: list[Finding], config: Config
                  ) -> list[Finding]:
    """Every other mention of a name found anywhere in the document.

    Takes the text of each PERSON and KNOWN finding and its parts (given name, surname;
    not titles or initials), then scans every segment once with one alternation regex,
    so the cost grows with the document, not with documents x names.
    """
    from redactcheck.analysis import make_finding

    lex = lexicon()
    short = _short_segment_names(segments, findings, lex, make_finding)
    short += _addressed_in_comments(segments, [*findings, *short], lex, make_finding)
    findings = [*findings, *short]
    names: dict[str, str] = {}  # casefolded name -> label where first found
    for f in sorted(findings, key=lambda f: (f.segment_index, f.location.start)):
        if f.entity not in (ENTITY, "KNOWN"):
            continue
        if _weak_guess(f, segments, lex):
            continue
        for variant in _variants(f.text, lex, full=f.entity == ENTITY):
            names.setdefault(variant.casefold(), f.location.label)
    if not names:
        return short
    # Longest first, so "Donna Morris" wins over "Donna".
    alternatives = sorted(names, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w'’\-])(" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives)
        + r")(?:['’]s)?(?![\w\-])",
        re.IGNORECASE,
    )
    covered: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        covered.setdefault(f.segment_index, []).append((f.location.start, f.location.end))
    out: list[Finding] = []
    for index, segment in enumerate(segments):
        spans = covered.get(index, [])
        for m in pattern.finditer(segment.text):
            start, end = m.span(1)
            if any(s < end and start < e for s, e in spans):
                continue
            found = m.group(1)
            key = re.sub(r"\s+", " ", found.casefold())
            # A lower-case mention counts only for a listed name that is no ordinary word:
            # "morris" (a typo) is Morris, but "grace" is not Grace and "interventions" is
            # not the "Interventions" of a misread title.
            if not found[0].isupper() and (key in lex.ambiguous or not all(
                    w in lex.first or w in lex.surnames for w in key.split())):
                continue
            if _is_citation(segment.text, start, end):
                continue
            if key in MONTHS and DAY_BEFORE.search(segment.text[max(0, start - 12):start]):
                continue  # "June" of "June Morris" in "on 21 June" is the month
            label = names.get(key, names.get(found.casefold(), "the document"))
            out.append(make_finding(
                segment, index, start, end, ENTITY, 0.8, recognizer=NAME,
                explanation=f"same name as found in {label}", guidance=GUIDANCE,
            ))
            spans.append((start, end))
    return short + out


def _weak_guess(f: Finding, segments: Sequence[Segment], lex: Lexicon) -> bool:
    """spaCy's guess alone, on words no gazetteer knows, in a document property: a title
    or role there ("Rheolwr y Bwrdd", "Business Manager") is no sentence for spaCy to read,
    so the guess is reported where it is but not spread through the document."""
    if f.entity != ENTITY or f.score > 0.65 or "spaCy" not in f.explanation:
        return False
    if not 0 <= f.segment_index < len(segments) or segments[f.segment_index].kind != "property":
        return False
    words = [w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", f.text)]
    return not any(w in lex.first or w in lex.surnames for w in words)


def _variants(text: str, lex: Lexicon, full: bool) -> list[str]:
    """The name itself and its given name / surname, without titles or initials."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    words = [w.rstrip(".") for w in words]
    parts = [
        w for w in words
        if len(w) > 1 and w.casefold() not in TITLES and w.casefold() not in lex.not_names
    ]
    out = []
    if text.strip() and len(text.strip()) > 1:
        out.append(re.sub(r"\s+", " ", text.strip()))
    if full and len(parts) > 1:
        out.extend(parts)
    return [v for v in out if v.casefold() not in lex.not_names]


# Segments whose whole text is a person's name: document properties and comment or change
# authors ("creator", "lastModifiedBy", "Manager", "Comment author").
_PERSON_FIELD = re.compile(
    r"(?:creator|lastModifiedBy|Manager|author|people list)$", re.IGNORECASE)
# A table header naming its column as names: "Name", "Full name", "Enw / Name", "Ainm".
_NAME_HEADER = re.compile(
    r"^\W*(?:(?:full|first|given|family|sur|person'?s?|child'?s?|family\s+member'?s?)\s*)?"
    r"(?:names?|enw(?:au)?|ainm(?:neacha)?)\b(?!\s+of\s+(?:agency|school|service|organisation))",
    re.IGNORECASE,
)
_CELL_LABEL = re.compile(r"^(?P<table>.*?Table \d+), row (?P<row>\d+), cell (?P<cell>\d+)$")
# Where a short segment with no sentence around it stands alone.
_SHORT_KINDS = frozenset({"table", "alt_text", "textbox", "comment", "property", "header",
                          "footer", "footnote"})
_SHORT_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")


def _name_word(key: str, lex: Lexicon) -> bool:
    """A gazetteer name that is no ordinary word; a hyphenated one by any of its parts
    ("Ellis-Pennant", "Yusuf-Cali")."""
    parts = [key, *key.split("-")] if "-" in key else [key]
    return any((p in lex.first or p in lex.surnames) and p not in lex.ambiguous
               for p in parts if len(p) > 1)


def _short_segment_names(segments: Sequence[Segment], findings: list[Finding], lex: Lexicon,
                         make_finding) -> list[Finding]:
    """Names that stand alone in a short segment: a property or author field, a cell of a
    "Name" column, or a cell, caption, text box or comment of 1-4 capitalised words that
    are gazetteer names ("HODAN ABDI", "Rhodri Wyn")."""
    covered = {f.segment_index for f in findings if f.entity in (ENTITY, "KNOWN")}
    headers: dict[tuple[str, str], bool] = {}
    for seg in segments:
        m = _CELL_LABEL.match(seg.label)
        if m and m.group("row") == "1":
            headers[(m.group("table"), m.group("cell"))] = bool(_NAME_HEADER.match(seg.text))
    out: list[Finding] = []
    for index, seg in enumerate(segments):
        if index in covered or seg.kind not in _SHORT_KINDS and not _CELL_LABEL.match(seg.label):
            continue
        text = seg.text.strip()
        if not text or len(text) > 60:
            continue
        words = list(_SHORT_WORD.finditer(seg.text))
        if not 1 <= len(words) <= 4 or re.search(r"\d|@", text):
            continue
        # Only words, spaces and joining punctuation: a line, not a sentence.
        rest = _SHORT_WORD.sub("", seg.text)
        if re.search(r"[^\s,.'’]", rest) or not all(w.group()[0].isupper() for w in words):
            continue
        toks = [Tok(w.group().rstrip("."), w.start(), w.start() + len(w.group().rstrip(".")),
                    False) for w in words]
        if any(t.key in TITLES or t.key in KIN_TITLES for t in toks[:1]):
            toks = toks[1:]  # "Dr Ifan Rhys" in a cell: the title stays out
        if not toks or not _name_shaped(toks, lex) or any(
                t.key in lex.places or t.key in lex.regions for t in toks):
            continue
        cell = _CELL_LABEL.match(seg.label)
        known = [t for t in toks if not t.initial and _name_word(t.key, lex)]
        why = None
        if cell and cell.group("row") != "1" and headers.get((cell.group("table"),
                                                              cell.group("cell"))):
            why = "in a table column headed as names"
        elif _PERSON_FIELD.search(seg.label) and seg.kind in ("property", "comment") and known:
            why = "an author or person field of the document"
        elif len(toks) >= 2 and toks[0] in known and 2 * len(known) >= len(toks) and all(
                t.key not in lex.ambiguous for t in toks):
            why = "a short line of gazetteer names"
        if why is None:
            continue
        out.append(make_finding(seg, index, toks[0].start, toks[-1].end, ENTITY, 0.8,
                                recognizer=NAME, explanation=why, guidance=GUIDANCE))
    return out


# ------------------------------------------------------------------ people a comment addresses

# Comments are notes between colleagues: they address or cite people by their first name
# ("Ffion - is this right?", "check with Tamsin", "Rahel says the date is wrong"). A word in
# those positions is a name when no dictionary knows it (English, Welsh/Gaelic/Irish
# common words, review vocabulary) and it is not a role, title, month, place or acronym.
_NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ſ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ſ'’]+)?"
_ADDRESSED = (
    re.compile(rf"^\s*(?P<name>{_NAME_TOKEN})\s*(?:[–—-]|,|:|\?)\s"),
    re.compile(rf"\b(?:[Cc]heck(?:ed)?\s+with|[Aa]sk(?:ed)?|[Pp]er|[Ss]po(?:ke|ken)\s+to|"
               rf"[Ss]peak\s+to|[Tt]alk(?:ed)?\s+to|[Ee]mail(?:ed)?|[Pp]hon(?:e|ed)|"
               rf"[Cc]c|[Tt]hanks|[Tt]hank\s+you|[Ff]rom)\s+"
               rf"(?P<name>{_NAME_TOKEN})\b(?!\s+[A-Z])"),
    re.compile(rf"(?:^|[.;!?]\s+)(?P<name>{_NAME_TOKEN})\s+(?:says|said|thinks|thought|"
               rf"confirmed|confirms|asked|wants|will\s+check|to\s+confirm|in\s+the\s+)"),
)


@cache
def _dictionary_words() -> frozenset[str]:
    """Lower-case ordinary words: English (SCOWL) and the Welsh/Gaelic/Irish collisions."""
    words = set(english_words())
    words.update(w.casefold() for w in read_word_list("name_common_words_celtic.txt"))
    return frozenset(words)


def _addressed_in_comments(segments: Sequence[Segment], findings: list[Finding], lex: Lexicon,
                           make_finding) -> list[Finding]:
    covered: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        covered.setdefault(f.segment_index, []).append((f.location.start, f.location.end))
    words = _dictionary_words()
    out: list[Finding] = []
    for index, seg in enumerate(segments):
        if seg.kind != "comment":
            continue
        spans = covered.setdefault(index, [])
        for pattern in _ADDRESSED:
            for m in pattern.finditer(seg.text):
                start, end = m.span("name")
                name = m.group("name")
                key = name.casefold().rstrip("'’")
                if (len(name) < 3 or key in words or key in lex.not_names or key in TITLES
                        or key in KIN_TITLES or key in MONTHS or key in lex.places
                        or key in lex.regions or key in lex.ambiguous
                        or any(s < end and start < e for s, e in spans)):
                    continue
                out.append(make_finding(seg, index, start, end, ENTITY, 0.7, recognizer=NAME,
                                        explanation="a person a comment addresses or cites "
                                                    "(a word no dictionary knows)",
                                        guidance=GUIDANCE))
                spans.append((start, end))
    return out
