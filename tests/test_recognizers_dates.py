"""recognizers/dates.py: exact dates, dates of birth and exact ages, with exact spans."""

from __future__ import annotations

from datetime import date

import pytest
from recognizer_yaml import check_case, load_cases

from recognizers import dates
from recognizers.dates import expand_year, find_ages, find_dates
from redactcheck.config import Config


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in find_dates(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("On 21.06.15 Child B", ["21.06.15"]),
    ("from 01.06.13 to 21.06.15.", ["01.06.13", "21.06.15"]),
    ("dated 21/06/2015 at", ["21/06/2015"]),
    ("on 21-Jun-15 by", ["21-Jun-15"]),
    ("on 21st June 2015.", ["21st June 2015"]),
    ("on 21 June and", ["21 June"]),
    ("dated June 21, 2015 and", ["June 21, 2015"]),
    ("missed the 3rd of March.", ["the 3rd of March"]),
    ("On Tuesday 4 August 2015 the", ["Tuesday 4 August 2015"]),
    ("On Tuesday, the 4th of August the", ["Tuesday, the 4th of August"]),
    ("entry 2015-06-21.", ["2015-06-21"]),
    ("seen on 6.4.2015 by", ["6.4.2015"]),
    ("12.10.15", ["12.10.15"]),  # a table cell holding only a date
    ("on 21 Jun. the", ["21 Jun"]),
    ("on 21 June '15 the", ["21 June '15"]),
    ("on 21 June 15 children", ["21 June"]),  # 15 is a year only after - or '
    ("on 14 and 27 July 1999 the", ["14 and 27 July 1999"]),
    ("over 11-13 May 1994.", ["11-13 May 1994"]),
    ("on 30 September/1 October 2002.", ["30 September", "1 October 2002"]),
    ("from 1 March and 31 December 1998", ["1 March", "31 December 1998"]),
])
def test_exact_dates_spans(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "In June 2015 the family", "from 2013 to 2015", "early June", "mid-2015", "summer 2014",
    "6.4.10 The health visitor", "1.2.3 Terms", "see paragraph 12.10.15", "version 2.1.15",
    "Children Act 1989", "at 10.30 and 11:45", "scored 21/30", "31.02.15", "29.02.15",
    "In May 12 visits were made", "ratio 1/2/3", "2014-2015",
    "the following day", "last Tuesday", "v1.2.15", "12.10.15 The family moved",
])
def test_not_exact_dates(text: str) -> None:
    assert spans(text) == []


def test_two_digit_year_pivot() -> None:
    assert expand_year(15) == 2015
    assert expand_year(98) == 1998
    assert expand_year(15, today=date(2014, 1, 1)) == 1915


@pytest.mark.parametrize(("text", "span"), [
    ("Child C was born on 21.06.15 at", "21.06.15"),
    ("DOB: 21/06/2015", "21/06/2015"),
    ("D.O.B. 3 March 2014", "3 March 2014"),
    ("date of birth 3 March 2014 was", "3 March 2014"),
    ("born 1st May 2014 in", "1st May 2014"),
])
def test_date_of_birth(text: str, span: str) -> None:
    [result] = dates.ExactDateRecognizer().analyze(text, ["DATE_OF_BIRTH"])
    assert (result.entity_type, text[result.start:result.end]) == ("DATE_OF_BIRTH", span)


def test_metadata_iso_and_month_year() -> None:
    text = "On 21.06.15 and on 3 March"
    first, second = dates.ExactDateRecognizer().analyze(text, ["DATE_EXACT"])
    assert first.entity_type == "DATE_EXACT"
    assert first.recognition_metadata["extra"] == {"iso": "2015-06-21", "month_year": "June 2015"}
    assert '"June 2015"' in first.recognition_metadata["guidance"]
    assert second.recognition_metadata["extra"] == {"iso": "--03-03", "month": "March"}


@pytest.mark.parametrize(("text", "span", "extra"), [
    ("Child B, aged 14, told", "aged 14", {"years": 14}),
    ("A 16-year-old neighbour", "16-year-old", {"years": 16}),
    ("a 16 year old boy", "16 year old", {"years": 16}),
    ("was 3 months old when", "3 months old", {"months": 3}),
    ("The 14-month-old was", "14-month-old", {"months": 14}),
    ("Sibling 2 (age 2) attended", "age 2", {"years": 2}),
    ("the eldest, aged two at", "aged two", {"years": 2}),
    ("at the age of 15 and", "age of 15", {"years": 15}),
    ("seven years old when", "seven years old", {"years": 7}),
    ("aged 3 months, was", "aged 3 months", {"months": 3}),
])
def test_ages(text: str, span: str, extra: dict) -> None:
    assert [(text[s:e], x) for s, e, x in find_ages(text)] == [(span, extra)]


@pytest.mark.parametrize("text", [
    "services for over 18s", "groups for under 5s", "was in Year 6", "for two weeks",
    "took 3 months", "under the age of 18", "anyone aged 16 and over", "aged 16+",
    "every 6 weeks for 2 years", "the age one can",
])
def test_not_ages(text: str) -> None:
    assert find_ages(text) == []


def test_build_gives_both_recognisers() -> None:
    built = dates.build(Config())
    assert {e for r in built for e in r.supported_entities} == {
        "DATE_EXACT", "DATE_OF_BIRTH", "AGE_EXACT"}


def test_long_text_is_linear() -> None:
    # A chronology-sized text with many candidates runs through without pathological
    # backtracking; checked by count, not by timing.
    text = "On 21.06.15 Child B, aged 14, was seen. Section 6.4.10 applies. " * 5000
    assert len(find_dates(text)) == 5000
    assert len(find_ages(text)) == 5000


@pytest.mark.parametrize("case", load_cases("dates.yaml"), ids=lambda c: c["text"][:40])
def test_yaml_case(case: dict, artifacts) -> None:
    assert check_case(dates, case, artifacts) == []
