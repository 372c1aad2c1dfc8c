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

* ``ExactAgeRecognizer`` flags AGE_EXACT: "aged 14", "a 16-year-old", "3 months old",
  "age 2", "aged two", "at the age of 14". It leaves alone thresholds and school years:
  "over 18s", "under 5s", "under the age of 18", "Year 6", and bare durations ("3 months").
  Example flagged: "Child B, aged 14, …" → "aged 14".
  Example left alone: "services for under 5s".

Why not dateparser for finding dates: ``search_dates`` is orders of magnitude slower than a
regex and finds "may" and "second" everywhere. The regexes below only produce candidates
that are already precise to the day, so dateparser's period classification would add
nothing; the calendar check is done with ``datetime.date``.
"""

from __future__ import annotations

import re
from datetime import date

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from redactcheck.config import Config

DATE_GUIDANCE = 'Give the month and year ("{month_year}") or the child\'s age at the time.'
DOB_GUIDANCE = "Give the child's age at the time of the events, or the year of birth only."
AGE_GUIDANCE = (
    'Use an age band ("under one", "of primary school age", "a teenager") unless the exact '
    "age matters to the learning."
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

# Month names must be capitalised (or all capitals): lower-case "may" and "march" are verbs.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|"
    r"APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\.?"
)
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|"
    r"Thur|Thu|Fri|Sat|Sun)\.?"
)
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
    rf"(?:\s+of)?(?P<sep1>\s+|-|\s*-\s*)(?P<mon>{_MONTH})(?![A-Za-z])"
    r"(?:(?P<ysep>,?\s+|-|\s*-\s*|\s+')(?P<y>\d{4}|\d{2})(?![\d:.]\d|\d))?"
)
# June 21, 2015; June 21st; Tuesday, June 21.
_MONTH_DAY = re.compile(
    rf"{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD}?(?![\d:.]\d|\d|%)"
    r"(?:,?\s+(?P<y>\d{4})(?!\d))?"
)

# A bare day listed before a full date shares its month: "14 and 27 July 1999", "11-13 May".
_DAY_BEFORE_DATE = re.compile(
    rf"(?<![\d.,/£$])(?P<d>\d{{1,2}}){_ORD}?\s*(?:and|to|&|-|–|/|,)\s*"
    rf"(?=\d{{1,2}}{_ORD}?(?:\s+of)?\s+{_MONTH})"
)

# Words before a date that make it a date of birth ("born on", "DOB:", "date of birth").
_DOB_CONTEXT = re.compile(
    r"(?:\bborn\b(?:\s+on)?|\bD\.?O\.?B\.?|\bdate\s+of\s+birth\b|\bbirth\s*date\b|"
    r"\bbirthday\b(?:\s+(?:is|was|on))?)\s*(?:\(?[A-Za-z ]{0,12}\)?\s*)?[:\-–]?\s*(?:on\s+)?$",
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

    def _result(self, text: str, start: int, end: int, when: date, has_year: bool,
                score: float) -> RecognizerResult:
        before = text[max(0, start - 40):start]
        is_dob = bool(_DOB_CONTEXT.search(before))
        entity = "DATE_OF_BIRTH" if is_dob else "DATE_EXACT"
        extra: dict = {"iso": when.isoformat() if has_year else f"--{when:%m-%d}"}
        if has_year:
            extra["month_year"] = month_year(when)
            guidance = DOB_GUIDANCE if is_dob else DATE_GUIDANCE.format(month_year=month_year(when))
        else:
            extra["month"] = MONTH_NAMES[when.month - 1]
            guidance = DOB_GUIDANCE if is_dob else (
                f'Give the month ("{MONTH_NAMES[when.month - 1]}") or the child\'s age at the time.'
            )
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


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, date, bool, float]]:
    """(start, end, date, has_year, score) for every day-precise date; no overlaps."""
    hits: list[tuple[int, int, date, bool, float]] = []
    for m in _NUMERIC.finditer(text):
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
    for m in _ISO.finditer(text):
        when = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
        if when is not None:
            hits.append((m.start(), m.end(), when, True, 0.9))
    for m in _DAY_MONTH.finditer(text):
        mon = MONTHS[m["mon"].rstrip(".").lower()]
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
    for m in reversed(list(_DAY_BEFORE_DATE.finditer(text))):
        i = by_start.get(m.end())
        if i is None or not 1 <= int(m["d"]) <= 31:
            continue
        start, end, when, has_year, score = hits[i]
        hits[i] = (m.start(), end, when, has_year, score)
        by_start[m.start()] = i
    for m in _MONTH_DAY.finditer(text):
        mon = MONTHS[m["mon"].rstrip(".").lower()]
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
    return _drop_overlaps(hits)


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
_UNIT = r"(?:years?|yrs?|months?|weeks?|days?)"

# "16-year-old", "16 year old", "3 months old", "14-month-old", "two years old".
_AGE_OLD = re.compile(
    rf"(?<![\w-])(?P<n>{_NUM})(?:\s*-\s*|\s+)(?P<u>{_UNIT})(?:\s*-\s*|\s+)old\b", re.IGNORECASE
)
# "aged 14", "aged two", "aged 3 months", "age 2", "at the age of 14".
_AGE_AGED = re.compile(
    rf"\b(?P<lead>aged|age(?:\s+of)?)\s+(?P<n>{_NUM})(?![\w.]\d|\d|\+)"
    rf"(?:\s+(?P<u>{_UNIT}))?(?:\s+old)?",
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


def _age_extra(n: str, unit: str | None) -> dict:
    value = int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
    unit = (unit or "years").lower()
    if unit.startswith(("y", "yr")):
        return {"years": value}
    if unit.startswith("m"):
        return {"months": value}
    if unit.startswith("w"):
        return {"weeks": value}
    return {"days": value}


def find_ages(text: str) -> list[tuple[int, int, dict]]:
    hits: list[tuple[int, int, dict]] = []
    for m in _AGE_OLD.finditer(text):
        hits.append((m.start(), m.end(), _age_extra(m["n"], m["u"])))
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
        hits.append((m.start(), m.end(), _age_extra(m["n"], m["u"])))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, dict]] = []
    for h in hits:
        if out and h[0] < out[-1][1]:
            continue
        out.append(h)
    return out


def build(config: Config) -> list[EntityRecognizer]:
    return [ExactDateRecognizer(), ExactAgeRecognizer()]
