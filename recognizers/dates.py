"""Exact dates, dates of birth and exact ages.

Three recognisers, all regex-first for speed (a draft can run to 150,000 words):

* ``ExactDateRecognizer`` flags DATE_EXACT / DATE_OF_BIRTH: dates precise to the day in
  every UK form ("21.06.15", "21/06/2015", "21-Jun-15", "21st June 2015", "21 June",
  "June 21, 2015", "the 3rd of March", "Tuesday 4 August 2015", "2015-06-21"). Day and month
  are validated against the calendar ourselves (31.02.15 is not a date). A date right after
  "born", "DOB" or "date of birth" becomes DATE_OF_BIRTH. It leaves alone everything that is
  not precise to the day: "June 2015", "2015", "early June", "summer 2014", durations,
  relative phrases, section numbers ("6.4.10"), statute years ("Children Act 1989"),
  times and scores ("21/30").
  Example flagged: "On 21.06.15 Child B was admitted" → "21.06.15".
  Example left alone: "In June 2015 the family moved" (month and year is the advice).
  Also flagged:
  - dates in words: "Tuesday the sixth of February", "the twenty-first of March 2019",
    "March the 9th" (not "In May the first meeting": a noun follows);
  - a bare day ordinal, "on the 19th", when the paragraph (or, through ``document_pass``,
    the paragraph before) names a month, weekday or date; without that only after a date
    preposition ("on the 3rd.") or with "of the following month". A noun after it makes it
    something else: "the 19th century", "the 3rd floor", "his 40th birthday";
  - a short day/month after a date cue ("on 11/4", "Weds 16/3", "seen 3/12", "from 5/8 to
    19/8"); scores, fractions and idioms are left alone ("scored 7/10", "1/2 of", "24/7");
  - Welsh dates: "9 Chwefror 2019", "21ain Hydref", "dydd Gwener 5 Ebrill", "y pumed o
    Fedi" (mutated months after "o"); "Mai", "Medi", "Awst" after a bare number need no
    capitalised word after them ("3 Mai Jones" is a name);
  - a named day with its year: "Boxing Day 2020", "Hogmanay 2018" (not "at Christmas").
  Month, weekday, ordinal, named-day and Welsh number vocabulary comes from
  ``redactcheck.cues``.

* ``ExactAgeRecognizer`` flags AGE_EXACT: "aged 14", "a 16-year-old", "3 months old",
  "age 2", "aged two", "at the age of 14". It leaves alone thresholds and school years:
  "over 18s", "under 5s", "under the age of 18", "Year 6", and bare durations ("3 months").
  Example flagged: "Child B, aged 14, …" → "aged 14".
  Example left alone: "services for under 5s".
  Also years and months ("aged 6 years and 4 months", "4 years 2 months old", "2 yrs 11
  mths", "aged 3 and a half"; extra ``{"years": 6, "and_months": 4}``) and Welsh ages
  ("dwy flwydd a phum mis oed", "chwe mis oed", "saith oed"; not "16 oed a throsodd").

Why not dateparser for finding dates: ``search_dates`` is orders of magnitude slower than a
regex and finds "may" and "second" everywhere. The regexes below only produce candidates
that are already precise to the day, so dateparser's period classification would add
nothing; the calendar check is done with ``datetime.date``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from redactcheck.config import Config
from redactcheck.cues import (
    MONTH_ABBREVIATIONS,
    MONTHS_CY,
    MONTHS_EN,
    NAMED_DAY_RE,
    ORDINAL_SUFFIX_RE,
    WEEKDAY_RE,
    WEEKDAYS_CY,
    WELSH_NUMBER_RE,
    WELSH_ORDINAL_WORD_RE,
    WELSH_ORDINALS,
    month_number,
    named_day_date,
    ordinal_words,
    welsh_mutations,
    welsh_number_words,
)
from redactcheck.document import Segment
from redactcheck.findings import Finding

DATE_GUIDANCE = 'Give the month and year ("{month_year}") or the child\'s age at the time.'
DOB_GUIDANCE = "Give the child's age at the time of the events, or the year of birth only."
AGE_GUIDANCE = (
    'Use an age band ("under one", "of primary school age", "a teenager") unless the exact '
    "age matters to the learning."
)

MONTH_NAMES = MONTHS_EN

# English month names must be capitalised (or all capitals): lower-case "may" and "march" are
# verbs. The forms come from the shared vocabulary (redactcheck.cues).
_MONTH_FORMS = [*MONTHS_EN, *(m.upper() for m in MONTHS_EN),
                *(a.capitalize() for a in MONTH_ABBREVIATIONS)]
_MONTH_EN = "(?:" + "|".join(sorted(_MONTH_FORMS, key=len, reverse=True)) + r")\.?"
# Welsh months after a day number take their base form ("3 Mawrth"); after "o" ("of") they
# are soft-mutated ("y pumed o Fedi"), so every mutated form is accepted there.
_MONTH_CY = "(?:" + "|".join(sorted(MONTHS_CY, key=len, reverse=True)) + ")"
_MONTH_CY_ANY = "(?:" + "|".join(sorted({f for m in MONTHS_CY for f in welsh_mutations(m)},
                                        key=len, reverse=True)) + ")"
_WEEKDAY = WEEKDAY_RE
_ORD = r"(?:st|nd|rd|th)"
# Optional weekday in front, kept inside the span: "Tuesday 4 August 2015" is one date.
_WD_PREFIX = rf"(?:(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?)?"

# 21.06.15, 21/06/2015, 21-06-15. The separator must repeat; the digit look-arounds stop
# "6.4.10.2" (a section number) and "1/2/3/4" from yielding a date in their middle.
_NUMERIC = re.compile(
    rf"{_WD_PREFIX}(?<![\d.,/-])(?P<d>\d{{1,2}})(?P<sep>[./-])(?P<m>\d{{1,2}})(?P=sep)"
    r"(?P<y>\d{4}|\d{2})(?![\d/-]|\.\d)"
)
# 2015-06-21 (ISO), 2015/06/21.
_ISO = re.compile(
    r"(?<![\d.,/-])(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?![\d/-])"
)
# 21 June 2015, 21st June, the 3rd of March, 21-Jun-15, Tuesday 4 August 2015.
_DAY_MONTH = re.compile(
    rf"{_WD_PREFIX}(?P<the>the\s+)?(?<![\d.,])(?<!\d/)(?P<d>\d{{1,2}}){_ORD}?"
    rf"(?:\s+of)?(?P<sep1>\s+|-|\s*-\s*)(?P<mon>{_MONTH_EN})(?![A-Za-z])"
    r"(?:(?P<ysep>,?\s+|-|\s*-\s*|\s+')(?P<y>\d{4}|\d{2})(?![\d:.]\d|\d))?"
)
# June 21, 2015; June 21st; Tuesday, June 21.
_MONTH_DAY = re.compile(
    rf"{_WD_PREFIX}(?P<mon>{_MONTH_EN})\s+(?P<d>\d{{1,2}}){_ORD}?(?![\d:.]\d|\d|%)"
    r"(?:,?\s+(?P<y>\d{4})(?!\d))?"
)

# A bare day listed before a full date shares its month: "14 and 27 July 1999", "11-13 May".
_DAY_BEFORE_DATE = re.compile(
    rf"(?<![\d.,/£$])(?P<d>\d{{1,2}}){_ORD}?\s*(?:and|to|&|-|–|/|,)\s*"
    rf"(?=\d{{1,2}}{_ORD}?(?:\s+of)?\s+{_MONTH_EN})"
)

# ---- dates in words, Welsh dates, named days, short numeric dates, bare day ordinals

def _word_alternation(words) -> str:
    """Longest first; a hyphen or space inside a word may be any hyphen or spaces."""
    forms = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\-", "-").replace("-", r"[\s\-‐‑]+")
                    .replace(r"\ ", r"[\s\-‐‑]+") for w in forms)


# English ordinal words for days of the month ("ninth", "twenty-first", "Thirty First").
_DAY_ORDINALS = {w: n for w, n in ordinal_words().items() if n <= 31}
_ORD_WORD = "(?i:" + _word_alternation(_DAY_ORDINALS) + ")"

# "Tuesday the sixth of February", "the twenty-first of March 2019", "first of May".
_WORD_DATE = re.compile(
    rf"{_WD_PREFIX}(?P<the>[Tt]he\s+)?(?<![\w-])(?P<ow>{_ORD_WORD})\s+of\s+"
    rf"(?P<mon>{_MONTH_EN})(?![A-Za-z])(?:,?\s+(?P<y>\d{{4}})(?![\d:.]\d|\d))?"
)
# "March the ninth", "Friday, June the 3rd" (checked for what follows: "In May the first
# meeting" is not a date).
_MONTH_THE = re.compile(
    rf"{_WD_PREFIX}(?P<mon>{_MONTH_EN})\s+the\s+(?:(?P<d>\d{{1,2}}){_ORD}|(?P<ow>{_ORD_WORD}))"
    r"(?![\w‐‑-])(?:,?\s+(?P<y>\d{4})(?![\d:.]\d|\d))?"
)

# Welsh: "9 Chwefror 2019", "21ain Hydref", "dydd Gwener 5 Ebrill", "3ydd o Fawrth",
# "ar y pumed o Fedi", "ddydd Llun, 3 Mai 2021".
# "dydd Gwener", "nos Wener" (soft mutation after "nos").
_CY_WEEKDAY = "|".join(sorted({f for d in WEEKDAYS_CY for f in welsh_mutations(d)},
                              key=len, reverse=True))
_CY_WD_PREFIX = (
    r"(?:(?P<cwd>(?:[Dd]{1,2}ydd|[Nn]os)\s+(?:" + _CY_WEEKDAY + r"))\s*,?\s+)?"
)
_CY_DAY_MONTH = re.compile(
    rf"{_CY_WD_PREFIX}(?<![\d.,/])(?P<d>\d{{1,2}})(?P<suf>{ORDINAL_SUFFIX_RE})?"
    rf"(?:\s+(?P<mon>{_MONTH_CY})|\s+o\s+(?P<monm>{_MONTH_CY_ANY}))(?![^\W\d_])"
    r"(?:,?\s+(?P<y>\d{4})(?![\d:.]\d|\d))?"
)
_CY_WORD_DATE = re.compile(
    rf"{_CY_WD_PREFIX}(?:[Yy]r?\s+)?(?<![\w])(?P<ow>(?i:{WELSH_ORDINAL_WORD_RE}))\s+o\s+"
    rf"(?P<monm>{_MONTH_CY_ANY})(?![^\W\d_])(?:,?\s+(?P<y>\d{{4}})(?![\d:.]\d|\d))?"
)
# Welsh months that are also given names or English words ("Mai", "Medi", "Awst"): after a
# bare number with nothing Welsh around they may be a name in a list ("3 Mai Jones").
_CY_AMBIGUOUS = frozenset({"mai", "medi", "awst"})
_NUMBERED_THING_BEFORE = re.compile(
    r"\b(?:year|room|flat|ward|bed|bay|class|level|floor|no|number|group|table|figure|aged?|"
    r"child|sibling|person|adult|page|section|para|paragraph|item|line|blwyddyn)\.?\s*$",
    re.IGNORECASE,
)

# Named days with a year: "Christmas Eve 2019", "Boxing Day, 2020", "Hogmanay of 2018".
_NAMED_DAY = re.compile(
    rf"(?<![\w])(?P<name>{NAMED_DAY_RE})(?:\s*,\s*|\s+)(?:(?:of|in)\s+)?"
    r"(?P<y>(?:19|20)\d\d)(?!\d|[/.\-]\d)"
)

# Short day/month with no year ("on 11/4", "Weds 16/3", "seen 3/12") after a date cue.
_SHORT_CUE = (
    r"(?:\b(?:on|dated|date|seen|visit|visited|visits|by|until|till|since|from|w/?c|between|"
    r"born|DOB|D\.O\.B\.)\s*:?\s+(?:(?P<wd1>" + WEEKDAY_RE + r"),?\s+)?"
    r"|(?<![\w])(?P<wd2>" + WEEKDAY_RE + r"),?\s+)"
)
_SHORT_DATE = re.compile(
    rf"(?P<cue>{_SHORT_CUE})(?<![\d.,/\-])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
    r"(?![\d/]|[.,]\d|\s*(?:%|of\b|ths?\b|ago\b|later\b|earlier\b|post\b|hx\b))",
    re.IGNORECASE,
)
# Cues that also come before fractions ("by 2/3", "from 1/2 to 3/4 of staff").
_WEAK_SHORT_CUES = frozenset({"by", "until", "till", "since", "from", "between"})
# A second short date in a pair: "from 3/4 to 9/4", "between 3/4 and 9/4", "3/4-9/4".
_SHORT_PAIR = re.compile(
    r"\s*(?:to|and|until|till|-|–|—)\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})"
    r"(?![\d/]|[.,]\d|\s*(?:%|of\b|ths?\b))",
    re.IGNORECASE,
)
# Scores, ratings and ratios before a slash pair ("scored 7/10", "rated her pain 8/10").
_SCORE_BEFORE = re.compile(
    r"\b(?:scor\w*|rat(?:ed|ing|io)s?|marks?|out\s+of|grades?|levels?|results?|odds|"
    r"measured|pain|APGAR|GCS|EPDS|SDQ)\b[^.;\n]{0,25}$",
    re.IGNORECASE,
)
# Slash pairs that are idioms or events, not dates ("support 24/7", "after 9/11").
_SLASH_IDIOMS = frozenset({(24, 7), (9, 11), (7, 7)})

# A bare day ordinal ("on the 19th", "the 24th."): a date when the month is named nearby.
_BARE_DAY = re.compile(
    rf"(?:(?<![\w])(?P<wd>{WEEKDAY_RE}),?\s+)?"
    r"(?<![\w])(?P<the>[Tt]he)\s+(?P<d>[1-9]|[12]\d|3[01])(?P<suf>st|nd|rd|th)(?![\w‐‑-])"
)
_PREP_BEFORE = re.compile(
    r"\b(?:on|by|until|till|from|since|before|after|between|to|and|dated|of)\s+$", re.IGNORECASE
)
# "the 8th of the following month": the day is exact even without the month's name.
_OF_MONTH = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:following|next|same|previous|preceding|that|this)\s+)?month\b",
    re.IGNORECASE,
)
# Words that may follow a day ordinal ("on the 19th with", "the 24th she"); a noun after it
# makes it something else ("the 19th century", "the 3rd floor", "the 2nd visit").
_AFTER_DAY_OK = frozenset((
    "at", "when", "while", "whilst", "with", "without", "she", "he", "they", "it", "we", "i",
    "you", "her", "his", "their", "its", "him", "them", "the", "a", "an", "this", "that",
    "these", "those", "there", "in", "on", "to", "for", "after", "before", "by", "from",
    "until", "till", "as", "because", "where", "which", "who", "whom", "so", "then", "was",
    "were", "had", "has", "have", "did", "does", "is", "are", "and", "or", "but", "about",
    "around", "during", "into", "onto", "via", "again", "too", "also", "only", "just", "both",
    "all", "some", "no", "not", "though", "although", "if", "once", "since", "whereas",
    "than", "my", "our", "your", "following", "am", "pm",
))
# Nouns an ordinal often counts, capitalised or not ("the 5th Edition", "the 3rd Floor").
_ORDINAL_NOUNS = frozenset((
    "edition", "floor", "century", "centuries", "battalion", "regiment", "anniversary",
    "birthday", "amendment", "form", "grade", "year", "week", "day", "time", "place",
    "round", "stage", "wave", "term", "generation", "cohort", "division", "street", "avenue",
    "road", "reading", "session", "meeting", "visit", "review", "draft", "version",
    "percentile", "centile", "trimester", "pregnancy", "child", "baby",
))
_WORD_AFTER = re.compile(r"\s*(?P<p>[^\w\s])?\s*(?P<w>[\w'’]+)?")
# Words elsewhere in a text that show it is about dates (context for a bare day ordinal).
_DATE_CONTEXT = re.compile(
    rf"(?<![\w])(?:{_MONTH_EN}|{_MONTH_CY_ANY}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|(?:[Dd]ydd|[Nn]os)\s+(?:" + "|".join(WEEKDAYS_CY) + r"))(?![^\W\d_])"
    r"|\bmonth\b|(?<![\d./])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])",
)


def _ord_word_value(word: str) -> int | None:
    key = re.sub(r"[\s\-‐‑]+", "-", word.casefold())
    return _DAY_ORDINALS.get(key) or _DAY_ORDINALS.get(key.replace("-", " "))


def _day_ends_here(text: str, end: int) -> bool:
    """True when what follows text[..end) lets a day ordinal end there: punctuation, the end,
    a pronoun, preposition, determiner or a capitalised name; not a noun ("the 3rd floor")."""
    for _ in range(4):
        m = _WORD_AFTER.match(text, end)
        punct, word = m["p"], m["w"]
        if punct:
            # "17th-century" is a compound adjective; "the 19th, when" ends the date.
            return not (punct in "-‐‑" and text[end:end + 1] == punct)
        if word is None:
            return True
        low = word.casefold()
        if low in _ORDINAL_NOUNS:
            return False
        if low == "of":  # "the 1st to the 3rd of March": the list ends in a month
            return _OF_MONTH.match(text, end) is not None or re.match(
                rf"\s*of\s+{_MONTH_EN}(?![A-Za-z])", text[end:]) is not None
        if low not in {"and", "or", "to"}:
            return low in _AFTER_DAY_OK or word[:1].isupper()
        # "the 3rd and 4th floors": look past a listed ordinal; "the 3rd and final" is not.
        nxt = re.match(r"\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b", text[m.end():])
        if nxt is None:
            after = _WORD_AFTER.match(text, m.end())
            w2 = after["w"]
            return bool(after["p"]) or w2 is None or w2.casefold() in _AFTER_DAY_OK \
                or w2[:1].isupper()
        end = m.end() + nxt.end()
    return False


def has_date_context(text: str) -> bool:
    """True when a text names a month, weekday or date (context for "on the 19th")."""
    return _DATE_CONTEXT.search(text) is not None


def find_bare_days(text: str, context: bool) -> list[tuple[int, int, date | None, bool, float]]:
    """Bare day ordinals ("on the 19th"): with date context (a month, weekday or date in the
    same or the previous paragraph) any that is not followed by a noun; without it only
    after a date preposition ("on", "by", "until") and before punctuation, a pronoun or
    preposition, or with "of the following month"."""
    out: list[tuple[int, int, date | None, bool, float]] = []
    for m in _BARE_DAY.finditer(text):
        day = int(m["d"])
        if m["suf"].casefold() != _suffix(day):
            continue
        end = m.end()
        of_month = _OF_MONTH.match(text, end)
        if of_month:
            end = of_month.end()
        elif re.match(r"\s+of\b", text[end:]) or not _day_ends_here(text, end):
            continue
        prep = _PREP_BEFORE.search(text[max(0, m.start() - 12):m.start()])
        if not (context or of_month or prep or m["wd"]):
            continue
        score = 0.75 if (context or of_month or m["wd"]) else 0.6
        out.append((m.start(), end, None, False, score))
    return out


def _suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# Words before a date that make it a date of birth ("born on", "DOB:", "date of birth").
_DOB_CONTEXT = re.compile(
    r"(?:\bborn\b(?:\s+on)?|\bD\.?O\.?B\.?|\bdate\s+of\s+birth\b|\bbirth\s*date\b|"
    r"\bbirthday\b(?:\s+(?:is|was|on))?|"
    # Welsh: "ganwyd (hi) ar", "a aned ar", "dyddiad geni", "pen-blwydd".
    r"\bganwyd\b|\ba\s+aned\b|\bdyddiad\s+geni\b|\bpen[\s-]?blwydd\b)"
    r"\s*(?:\(?[A-Za-z ]{0,12}\)?\s*)?[:\-–]?\s*(?:(?:on|ar)\s+)?$",
    re.IGNORECASE,
)
# Section/paragraph references: "paragraph 6.4.10", "see 12.10.15" are not dates.
_SECTION_BEFORE = re.compile(
    r"(?:\b(?:section|sections|paragraph|paragraphs|para|paras|page|pages|see|chapter|"
    r"appendix|table|figure|recommendation|finding|version|v)\.?\s*|§\s*)$",
    re.IGNORECASE,
)


def expand_year(yy: int, today: date | None = None) -> int:
    """Two-digit years: pivot at this year (15 → 2015, 98 → 1998)."""
    if yy >= 100:
        return yy
    pivot = (today or date.today()).year % 100
    return 2000 + yy if yy <= pivot else 1900 + yy


def month_year(d: date) -> str:
    return f"{MONTH_NAMES[d.month - 1]} {d.year}"


class ExactDateRecognizer(EntityRecognizer):
    """DATE_EXACT and DATE_OF_BIRTH: dates precise to the day (see the module docstring)."""

    ENTITIES = ["DATE_EXACT", "DATE_OF_BIRTH"]

    def __init__(self) -> None:
        super().__init__(supported_entities=self.ENTITIES, name="ExactDateRecognizer",
                         supported_language="en")

    def load(self) -> None:  # nothing to load: patterns are module constants
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        return [self._result(text, *hit) for hit in find_dates(text)]

    def _result(self, text: str, start: int, end: int, when: date | None, has_year: bool,
                score: float) -> RecognizerResult:
        before = text[max(0, start - 40):start]
        is_dob = bool(_DOB_CONTEXT.search(before))
        entity = "DATE_OF_BIRTH" if is_dob else "DATE_EXACT"
        extra, guidance = date_extra(text[start:end], when, has_year, is_dob)
        explanation = ("a date of birth (after \"born\"/\"DOB\"/\"date of birth\")" if is_dob
                       else "a date precise to the day")
        return RecognizerResult(
            entity_type=entity, start=start, end=end, score=score,
            analysis_explanation=AnalysisExplanation(self.name, score,
                                                     textual_explanation=explanation),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "explanation": explanation, "guidance": guidance, "extra": extra,
            },
        )


def date_extra(span: str, when: date | None, has_year: bool, is_dob: bool) -> tuple[dict, str]:
    """The finding's extra (ISO date, month and year) and guidance for one date."""
    if when is None:  # a bare day ("the 19th") or a named day of another calendar ("Eid 2021")
        year = re.search(r"(?:19|20)\d\d", span) if has_year else None
        if is_dob:
            return ({"year": int(year.group())} if year else {}), DOB_GUIDANCE
        if year:
            return {"year": int(year.group())}, (
                f'Give the year ("{year.group()}") or the season, not the day.')
        return {}, "Give the month, or the child's age at the time, not the day."
    extra: dict = {"iso": when.isoformat() if has_year else f"--{when:%m-%d}"}
    if has_year:
        extra["month_year"] = month_year(when)
        guidance = DOB_GUIDANCE if is_dob else DATE_GUIDANCE.format(month_year=month_year(when))
    else:
        extra["month"] = MONTH_NAMES[when.month - 1]
        guidance = DOB_GUIDANCE if is_dob else (
            f'Give the month ("{MONTH_NAMES[when.month - 1]}") or the child\'s age at the time.'
        )
    return extra, guidance


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# Cheap presence checks: each family of patterns runs only on a text that can hold it (most
# paragraphs of a long review name no month), keeping the pass close to a bare regex scan.
_HAS_NUMERIC = re.compile(r"\d[./-]\d")
_HAS_EN_MONTH = re.compile(_MONTH_EN + r"(?![A-Za-z])")
_HAS_CY_MONTH = re.compile(_MONTH_CY_ANY)
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")
_HAS_COMPACT = re.compile(r"\d\s*[yY]")


class _Gates(NamedTuple):
    numeric: bool
    en_month: bool
    cy_month: bool
    year: bool


def _gates(text: str) -> _Gates:
    return _Gates(_HAS_NUMERIC.search(text) is not None,
                  _HAS_EN_MONTH.search(text) is not None,
                  _HAS_CY_MONTH.search(text) is not None,
                  _HAS_YEAR.search(text) is not None)


def find_dates(text: str, context: bool | None = None
               ) -> list[tuple[int, int, date | None, bool, float]]:
    """(start, end, date, has_year, score) for every day-precise date; no overlaps.

    ``date`` is None when the day is exact but its month is not in the text ("on the 19th").
    ``context`` says whether the text around (a previous paragraph) names a month; by
    default only the text itself is looked at."""
    hits: list[tuple[int, int, date | None, bool, float]] = []
    gate = _gates(text)
    for m in _NUMERIC.finditer(text) if gate.numeric else ():
        day, mon, yy = int(m["d"]), int(m["m"]), m["y"]
        start = m.start("d")
        if m["sep"] == ".":
            # Dotted numbers are also section numbers (6.4.10). A dotted date in a review is
            # written with two-digit day and month ("01.06.13") or a four-digit year.
            if len(yy) == 2 and (len(m["d"]) < 2 or len(m["m"]) < 2):
                continue
            if _SECTION_BEFORE.search(text[max(0, start - 20):start]):
                continue
            # A number opening a line/paragraph followed by prose is usually a heading number
            # ("12.10.15 The family…"); a zero-padded part ("01.06.13") or a table cell holding
            # only the date ("12.10.15") still reads as a date.
            at_line_start = not text[:start].strip() or text[:start].rstrip(" \t").endswith("\n")
            padded = m["d"].startswith("0") or m["m"].startswith("0")
            if at_line_start and len(yy) == 2 and not padded and text[m.end():].strip():
                continue
        year = expand_year(int(yy)) if len(yy) == 2 else int(yy)
        when = _valid(year, mon, day)
        if when is None:
            continue
        hits.append((m.start(), m.end(), when, True, 0.9))
    for m in _ISO.finditer(text) if gate.numeric else ():
        when = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
        if when is not None:
            hits.append((m.start(), m.end(), when, True, 0.9))
    for m in _DAY_MONTH.finditer(text) if gate.en_month else ():
        mon = month_number(m["mon"])
        yy = m["y"]
        if yy and len(yy) == 2 and m["ysep"].strip() not in ("-", "'"):
            # "21 June 15 children" – a two-digit year needs 21-Jun-15 or 21 June '15.
            yy = None
        start = m.start()  # weekday or "the" included: "the 3rd of March" is one date
        end = m.end("y") if yy else m.end("mon")
        if text[end - 1] == "." and yy is None:  # "21 Jun." – keep the full stop out
            end -= 1
        year = (expand_year(int(yy)) if len(yy) == 2 else int(yy)) if yy else 2000  # leap-safe
        when = _valid(year, mon, int(m["d"]))
        if when is None:
            continue
        hits.append((start, end, when, yy is not None, 0.85 if yy else 0.75))
    # Extend a day-month date back over a bare day listed before it ("14 and 27 July 1999"
    # is one span: both days are exact).
    by_start = {h[0]: i for i, h in enumerate(hits)}
    for m in reversed(list(_DAY_BEFORE_DATE.finditer(text)) if gate.en_month else []):
        i = by_start.get(m.end())
        if i is None or not 1 <= int(m["d"]) <= 31:
            continue
        start, end, when, has_year, score = hits[i]
        hits[i] = (m.start(), end, when, has_year, score)
        by_start[m.start()] = i
    for m in _MONTH_DAY.finditer(text) if gate.en_month else ():
        mon = month_number(m["mon"])
        yy = m["y"]
        # "May 12" without a year and without an ordinal is weak ("in May 12 visits were
        # made"); only keep it before punctuation or the end of the text.
        if not yy and not re.match(_ORD, text[m.end("d"):m.end("d") + 2]):
            nxt = text[m.end():m.end() + 1]
            if nxt and nxt not in ",.;:)!?\n":
                continue
        year = int(yy) if yy else 2000
        when = _valid(year, mon, int(m["d"]))
        if when is None:
            continue
        hits.append((m.start(), m.end(), when, yy is not None, 0.85 if yy else 0.7))
    if gate.en_month:
        hits += _word_dates(text)
    if gate.cy_month:
        hits += _welsh_dates(text)
    if gate.year:
        hits += _named_days(text)
    if "/" in text:
        hits += _short_dates(text)
    hits = _drop_overlaps(hits)
    if not _BARE_DAY.search(text):
        return hits
    if context is None:
        context = bool(hits) or has_date_context(text)
    return _drop_overlaps(hits + find_bare_days(text, context))


def text_has_dates(text: str) -> bool:
    """True when a text holds a date or names a month or weekday: context that makes a bare
    "the 19th" a day of the month."""
    return has_date_context(text) or any(
        h[2] is not None or h[3] for h in find_dates(text, context=False))


def _year(yy: str | None) -> int:
    return int(yy) if yy else 2000  # 2000 is a leap year: 29 February stays valid


def _word_dates(text: str) -> list[tuple[int, int, date | None, bool, float]]:
    """"Tuesday the sixth of February", "the twenty-first of March 2019", "May the 3rd"."""
    hits: list[tuple[int, int, date | None, bool, float]] = []
    for m in _WORD_DATE.finditer(text):
        day = _ord_word_value(m["ow"])
        when = _valid(_year(m["y"]), month_number(m["mon"]), day) if day else None
        if when is not None:
            end = m.end("y") if m["y"] else m.end("mon")
            if text[end - 1] == "." and not m["y"]:  # "... of June." – keep the full stop out
                end -= 1
            hits.append((m.start(), end, when, m["y"] is not None, 0.85 if m["y"] else 0.75))
    for m in _MONTH_THE.finditer(text):
        day = int(m["d"]) if m["d"] else _ord_word_value(m["ow"])
        if not m["y"] and not _day_ends_here(text, m.end()):
            continue
        when = _valid(_year(m["y"]), month_number(m["mon"]), day) if day else None
        if when is not None:
            hits.append((m.start(), m.end(), when, m["y"] is not None, 0.8 if m["y"] else 0.7))
    return hits


def _welsh_dates(text: str) -> list[tuple[int, int, date | None, bool, float]]:
    """Welsh dates: "9 Chwefror 2019", "21ain Hydref", "dydd Gwener 5 Ebrill",
    "y pumed o Fedi"."""
    hits: list[tuple[int, int, date | None, bool, float]] = []
    for m in _CY_DAY_MONTH.finditer(text):
        month_word = m["mon"] or m["monm"]
        welsh_cue = m["cwd"] or m["suf"] and m["suf"] not in ("st", "nd", "rd", "th") \
            or m["monm"]
        if not (m["y"] or welsh_cue):
            # "Mai", "Medi", "Awst" are also names: "3 Mai Jones", "Room 3 Medi".
            if _NUMBERED_THING_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
                continue
            if month_word.casefold() in _CY_AMBIGUOUS and re.match(r"\s+[A-Z]", text[m.end():]):
                continue
        when = _valid(_year(m["y"]), month_number(month_word), int(m["d"]))
        if when is not None:
            hits.append((m.start(), m.end(), when, m["y"] is not None, 0.85 if m["y"] else 0.75))
    for m in _CY_WORD_DATE.finditer(text):
        day = WELSH_ORDINALS.get(re.sub(r"\s+", " ", m["ow"].casefold()))
        when = _valid(_year(m["y"]), month_number(m["monm"]), day) if day else None
        if when is not None:
            hits.append((m.start(), m.end(), when, m["y"] is not None, 0.85 if m["y"] else 0.75))
    return hits


def _named_days(text: str) -> list[tuple[int, int, date | None, bool, float]]:
    """A named day with its year ("Boxing Day 2020", "Hogmanay 2018")."""
    hits: list[tuple[int, int, date | None, bool, float]] = []
    for m in _NAMED_DAY.finditer(text):
        if _SECTION_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        when = named_day_date(m["name"], int(m["y"]))
        hits.append((m.start(), m.end(), when, True, 0.8))
    return hits


def _short_dates(text: str) -> list[tuple[int, int, date | None, bool, float]]:
    """Day/month with no year after a date cue ("on 11/4", "Tues 3/12", "from 3/4 to 9/4");
    scores, fractions and idioms ("scored 7/10", "1/2", "24/7") are left alone."""
    hits: list[tuple[int, int, date | None, bool, float]] = []
    for m in _SHORT_DATE.finditer(text):
        day, mon = int(m["d"]), int(m["m"])
        if (day, mon) in _SLASH_IDIOMS:
            continue
        if _SCORE_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue
        weekday = m["wd1"] or m["wd2"]
        when = _valid(2000, mon, day)
        if when is None:
            continue
        start = m.start("wd1") if m["wd1"] else m.start("wd2") if m["wd2"] else m.start("d")
        pair = _SHORT_PAIR.match(text, m.end())
        second = _valid(2000, int(pair["m"]), int(pair["d"])) if pair else None
        # "by 2/3", "from 1/2": after a weak cue a simple fraction needs a weekday or a
        # second date to be read as a date ("from 3/4 to 9/4"); "seen on 1/4" is a date.
        weak = m["cue"].split()[0].casefold() in _WEAK_SHORT_CUES
        if not weekday and second is None and day < mon <= 4 and (
                weak or not _day_ends_here(text, m.end())):
            continue  # "on 1/2 doses" is a fraction
        hits.append((start, m.end(), when, False, 0.7))
        if pair and second is not None:
            hits.append((pair.start("d"), pair.end(), second, False, 0.7))
    return hits


def _drop_overlaps(hits: list) -> list:
    """Longest span wins (the weekday-prefixed form over the bare date)."""
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list = []
    for h in hits:
        if out and h[0] < out[-1][1]:
            if h[1] - h[0] > out[-1][1] - out[-1][0]:
                out[-1] = h
            continue
        out.append(h)
    return out


# ---------------------------------------------------------------------------- ages
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20,
}
_NUM = r"(?:\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?:years?|yrs?|months?|mths?|mnths?|mos?|weeks?|wks?|days?)"
_SUB_UNIT = r"(?:months?|mths?|mnths?|mos?|weeks?|wks?|days?)"
_HALF = r"(?:\s+and\s+a\s+half|\s*½|\.5)"
# A second part: "6 years and 4 months", "2 years, 3 months".
_AND_MORE = rf"(?:,?\s+(?:and\s+)?(?P<n2>{_NUM})(?:\s*-\s*|\s+)(?P<u2>{_SUB_UNIT}))"

# "16-year-old", "16 year old", "3 months old", "14-month-old", "two years old",
# "4 years 2 months old", "three and a half years old".
_AGE_OLD = re.compile(
    rf"(?<![\w-])(?P<n>{_NUM})(?P<half>{_HALF})?(?:\s*-\s*|\s+)(?P<u>{_UNIT}){_AND_MORE}?"
    r"(?:\s*-\s*|\s+)old\b", re.IGNORECASE
)
# "aged 14", "aged two", "aged 3 months", "age 2", "at the age of 14",
# "aged 6 years and 4 months", "aged 3 and a half".
_AGE_AGED = re.compile(
    rf"\b(?P<lead>aged|age(?:\s+of)?)\s+(?P<n>{_NUM})(?P<half>{_HALF})?(?![\w.]\d|\d|\+)"
    rf"(?:\s+(?P<u>{_UNIT}){_AND_MORE}?)?(?:\s+old)?",
    re.IGNORECASE,
)
# Record shorthand: "2 yrs 11 mths", "2y 11m", "(6 years 4 months)".
_AGE_COMPACT = re.compile(
    r"(?<![\w-])(?P<n>\d{1,2})\s*(?P<u>yrs?|y)\.?,?\s*(?P<n2>\d{1,2})\s*"
    r"(?P<u2>months?|mths?|mnths?|mos?|m)"
    r"\b\.?(?:\s+old)?"
    r"|(?<=\()\s*(?P<pn>\d{1,2})\s+years?,?\s+(?:and\s+)?(?P<pn2>\d{1,2})\s+months?(?=\s*\))",
    re.IGNORECASE,
)
# Durations, not ages: "for 2 yrs 3 mths", "a sentence of 1y 6m".
_DURATION_BEFORE = re.compile(
    r"\b(?:for|lasted|lasting|over|after|within|took|period\s+of|duration\s+of|every|last|"
    r"past|next|sentence[ds]?(?:\s+of)?|order\s+of)\s+$",
    re.IGNORECASE,
)
# Welsh ages: "tair blwydd a deufis oed", "dwy flwydd a phum mis oed", "saith oed",
# "chwe mis oed", "blwydd oed". Number words (with mutations) from cues.
_CY_NUM = rf"(?:{WELSH_NUMBER_RE}|\d{{1,2}})"
_CY_AGE = re.compile(
    rf"(?<![\w'’])(?:(?P<n>{_CY_NUM})\s+(?:(?P<u>[bfm]lwydd|mis|fis)\s+)?|(?P<one>[bf]lwydd)\s+"
    rf"|(?P<dm>deufis)\s+)(?:a\s+(?:(?P<n2>{_CY_NUM})\s+(?:mis|fis)|(?P<dm2>deufis)|"
    r"(?P<half>hanner))\s+)?oed\b"
)
_CY_THRESHOLD_BEFORE = re.compile(
    r"(?:\b(?:dan|dros|hyd\s+at|rhwng|uwchben|cyn)|\b(?:yr|'r|’r))\s+$", re.IGNORECASE
)
_CY_THRESHOLD_AFTER = re.compile(
    r"^\s*(?:a\s+throsodd|ac\s+iau|a\s+hŷn|ac\s+yn\s+hŷn|neu\s+(?:hŷn|iau|drosodd|dan))",
    re.IGNORECASE,
)

# Thresholds, not ages: "under the age of 18", "age 18 and over", "aged 16 or under".
_THRESHOLD_BEFORE = re.compile(
    r"\b(?:under|over|above|below|beyond|reach(?:ed|es|ing)?|until|till|turn(?:ed|s)?|from|"
    r"than|minimum|maximum|legal|school\s+leaving)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_THRESHOLD_AFTER = re.compile(
    r"^\s*(?:\+|and\s+(?:over|above|under|below|older|younger)|or\s+(?:over|above|under|below|"
    r"older|younger)|plus|to\s+\d|-\s*\d|and\s+\d)",
    re.IGNORECASE,
)


class ExactAgeRecognizer(EntityRecognizer):
    """AGE_EXACT: a person's exact age (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["AGE_EXACT"], name="ExactAgeRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        out = []
        for start, end, extra in find_ages(text):
            unit = next(iter(extra))
            explanation = f"an exact age ({extra[unit]} {unit})"
            out.append(RecognizerResult(
                entity_type="AGE_EXACT", start=start, end=end, score=0.8,
                analysis_explanation=AnalysisExplanation(self.name, 0.8,
                                                         textual_explanation=explanation),
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    "explanation": explanation, "guidance": AGE_GUIDANCE, "extra": extra,
                },
            ))
        return out


def _number(n: str) -> int:
    if n.isdigit():
        return int(n)
    key = re.sub(r"\s+", " ", n.casefold())
    return _NUMBER_WORDS.get(key) or welsh_number_words()[key]


def _unit_key(unit: str | None) -> str:
    unit = (unit or "years").lower()
    if unit.startswith("y"):
        return "years"
    if unit.startswith("m"):
        return "months"
    if unit.startswith("w"):
        return "weeks"
    return "days"


def _age_extra(n: str, unit: str | None, n2: str | None = None, unit2: str | None = None,
               half: bool = False) -> dict:
    """{"years": 6, "and_months": 4}: the main unit first (the jigsaw and the age band read
    it), the second part under "and_<unit>"."""
    extra: dict = {_unit_key(unit): _number(n)}
    if n2:
        extra[f"and_{_unit_key(unit2)}"] = _number(n2)
    elif half:
        extra["and_half"] = True
    return extra


def find_ages(text: str) -> list[tuple[int, int, dict]]:
    hits: list[tuple[int, int, dict]] = []
    for m in _AGE_OLD.finditer(text):
        hits.append((m.start(), m.end(), _age_extra(m["n"], m["u"], m["n2"], m["u2"],
                                                    bool(m["half"]))))
    for m in _AGE_AGED.finditer(text):
        if _THRESHOLD_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            continue
        if _THRESHOLD_AFTER.match(text[m.end("n"):m.end("n") + 12]):
            continue
        lead = m["lead"].lower()
        # "age" alone before a word number is too loose ("age two of the plan" is rare, but
        # "the age one can…" is not); "aged two" and "age of two" are fine.
        if lead == "age" and not m["n"].isdigit():
            continue
        hits.append((m.start(), m.end(), _age_extra(m["n"], m["u"], m["n2"], m["u2"],
                                                    bool(m["half"]))))
    for m in _AGE_COMPACT.finditer(text) if _HAS_COMPACT.search(text) else ():
        if _DURATION_BEFORE.search(text[max(0, m.start() - 20):m.start()].rstrip("(")):
            continue
        if m["pn"]:
            start = m.start("pn")
            hits.append((start, m.end(), _age_extra(m["pn"], "years", m["pn2"], "months")))
        else:
            hits.append((m.start(), m.end(), _age_extra(m["n"], "years", m["n2"], "months")))
    for m in _CY_AGE.finditer(text) if "oed" in text else ():
        if _CY_THRESHOLD_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        if _CY_THRESHOLD_AFTER.match(text[m.end():m.end() + 16]):
            continue
        if m["one"]:
            extra: dict = {"years": 1}
        elif m["dm"]:
            extra = {"months": 2}
        else:
            unit = "months" if m["u"] and m["u"].endswith("is") else "years"
            extra = {unit: _number(m["n"])}
        if m["n2"]:
            extra["and_months"] = _number(m["n2"])
        elif m["dm2"]:
            extra["and_months"] = 2
        elif m["half"]:
            extra["and_half"] = True
        hits.append((m.start(), m.end(), extra))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, dict]] = []
    for h in hits:
        if out and h[0] < out[-1][1]:
            if h[1] > out[-1][1] and h[0] == out[-1][0]:
                out[-1] = h
            continue
        out.append(h)
    return out


def document_pass(segments: Sequence[Segment], findings: list[Finding], config: Config
                  ) -> list[Finding]:
    """Bare day ordinals whose month is named in the paragraph before ("In May the family
    moved. | On the 19th she ..."): the recogniser sees one paragraph at a time."""
    from redactcheck.analysis import make_finding

    out: list[Finding] = []
    for index in range(1, len(segments)):
        segment, previous = segments[index], segments[index - 1]
        text = segment.text
        if previous.part != segment.part or not _BARE_DAY.search(text):
            continue
        if text_has_dates(text) or not text_has_dates(previous.text):
            continue  # the recogniser had the context itself, or there is none
        taken = [(f.location.start, f.location.end) for f in findings
                 if f.segment_index == index]
        for start, end, _when, _has_year, score in find_bare_days(text, context=True):
            if any(s < end and start < e for s, e in taken):
                continue
            is_dob = bool(_DOB_CONTEXT.search(text[max(0, start - 40):start]))
            extra, guidance = date_extra(text[start:end], None, False, is_dob)
            out.append(make_finding(
                segment, index, start, end, "DATE_OF_BIRTH" if is_dob else "DATE_EXACT",
                score, recognizer="ExactDateRecognizer",
                explanation="a day of the month; the paragraph before names the month",
                guidance=guidance, extra=extra,
            ))
    return out


def build(config: Config) -> list[EntityRecognizer]:
    return [ExactDateRecognizer(), ExactAgeRecognizer()]
