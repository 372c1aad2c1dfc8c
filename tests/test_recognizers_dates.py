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


# ------------------------------------------------------------------ the new date forms

@pytest.mark.parametrize(("text", "expected"), [
    ("seen on Saturday the tenth of May by", ["Saturday the tenth of May"]),
    ("on the Twenty-Second of July 2016 the", ["the Twenty-Second of July 2016"]),
    ("on the twenty second of July.", ["the twenty second of July"]),
    ("ninth of December", ["ninth of December"]),
    ("on Monday, October the 2nd, she", ["Monday, October the 2nd"]),
    ("In April he left; on the 12th he came back.", ["the 12th"]),
    ("by the 21st, when", ["the 21st"]),  # a date preposition and no noun after
    ("on the 30th of that month", ["the 30th of that month"]),
    ("On Weds 7/6 and Fri 9/6 the", ["Weds 7/6", "Fri 9/6"]),
    ("dated 30/4 and", ["30/4"]),
    ("between 3/4 and 10/4 the", ["3/4", "10/4"]),
    ("ar 5 Awst 2014 yn", ["5 Awst 2014"]),
    ("ar 1af Mawrth", ["1af Mawrth"]),
    ("ar 3ydd o Fai", ["3ydd o Fai"]),
    ("nos Wener 20fed Hydref 2017", ["nos Wener 20fed Hydref 2017"]),
    ("ar yr ail ar bymtheg o Ebrill", ["yr ail ar bymtheg o Ebrill"]),
    ("on St. Patrick's Day 2015 the", ["St. Patrick's Day 2015"]),
    ("on Good Friday, 2018.", ["Good Friday, 2018"]),
    ("Nos Galan 2019", ["Nos Galan 2019"]),
    ("It closed on Friday the 9th.", ["Friday the 9th"]),  # a weekday is context enough
    ("from the 1st to the 3rd of March", ["the 1st", "the 3rd of March"]),
    ("seen on 1/4 by", ["1/4"]),  # a strong cue: not a fraction
])
def test_new_date_forms(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "the 19th century", "the 3rd floor", "his 40th birthday", "the 2nd visit",
    "the 1st and 2nd floors", "the 3rd and final visit", "the 2nd of five children",
    "came 3rd in the race", "the 1st of each month", "on the 5th attempt",
    "scored 7/10", "24/7", "1/2 of them", "on 1/2 doses", "by 1/3", "in 6/12",
    "rated her pain 9/10 on", "after 9/11", "March 2021", "ym mis Mawrth 2020", "dydd Mawrth",
    "3 Mai Hughes", "Mai Hughes", "at Christmas", "Christmas 2019", "every Boxing Day",
    "the Children Act 1989", "the 1990s", "In May the first meeting",
    "In March we used the 5th Edition", "In May she moved to the 3rd Floor",
    "in the 2nd half of May", "the 2nd week of June", "from 2/3 to 1/2 of the staff",
    "mae hi'n holi 2020", "burns night 2019", "on 31/4 the", "BP 120/80 on 3/4 of visits",
])
def test_new_forms_look_alikes(text: str) -> None:
    assert spans(text) == []


def test_bare_day_needs_context_or_preposition() -> None:
    assert spans("She was the 3rd.") == []
    assert spans("In May she was the 3rd.") == ["the 3rd"]  # a month names the context
    assert spans("She was the 3rd.", ) == []
    assert [text for text in spans("The panel met on the 3rd.")] == ["the 3rd"]


def test_named_day_dates() -> None:
    [(_, _, when, has_year, _)] = find_dates("on Easter Sunday 2021 the")
    assert (when, has_year) == (date(2021, 4, 4), True)
    [(_, _, when, has_year, _)] = find_dates("on Diwali 2020 the")
    assert (when, has_year) == (None, True)
    [result] = dates.ExactDateRecognizer().analyze("on Diwali 2020 the", ["DATE_EXACT"])
    assert result.recognition_metadata["extra"] == {"year": 2020}
    [result] = dates.ExactDateRecognizer().analyze("on Hogmanay 2018 the", ["DATE_EXACT"])
    assert result.recognition_metadata["extra"]["month_year"] == "December 2018"


def test_bare_day_metadata_has_no_month() -> None:
    [result] = dates.ExactDateRecognizer().analyze("It closed on the 3rd.", ["DATE_EXACT"])
    assert result.recognition_metadata["extra"] == {}
    assert "month" in result.recognition_metadata["guidance"]


def test_welsh_date_of_birth() -> None:
    [result] = dates.ExactDateRecognizer().analyze("Ganwyd hi ar 3 Mawrth 2016.",
                                                   ["DATE_OF_BIRTH"])
    assert result.entity_type == "DATE_OF_BIRTH"


@pytest.mark.parametrize(("text", "span", "extra"), [
    ("aged 6 years and 4 months at", "aged 6 years and 4 months", {"years": 6, "and_months": 4}),
    ("aged 11 years, 2 months", "aged 11 years, 2 months", {"years": 11, "and_months": 2}),
    ("a 2-year 3-month-old", "2-year 3-month-old", {"years": 2, "and_months": 3}),
    ("(3 yrs 2 mths)", "3 yrs 2 mths", {"years": 3, "and_months": 2}),
    ("aged 4 and a half", "aged 4 and a half", {"years": 4, "and_half": True}),
    ("five and a half years old", "five and a half years old", {"years": 5, "and_half": True}),
    ("(7 years 1 month)", "7 years 1 month", {"years": 7, "and_months": 1}),
    ("yn dair blwydd a deufis oed", "dair blwydd a deufis oed", {"years": 3, "and_months": 2}),
    ("yn bum mlwydd oed", "bum mlwydd oed", {"years": 5}),
    ("yn naw oed", "naw oed", {"years": 9}),
    ("yn ddeuddeg oed", "ddeuddeg oed", {"years": 12}),
    ("yn un ar ddeg oed", "un ar ddeg oed", {"years": 11}),
    ("deufis oed", "deufis oed", {"months": 2}),
    ("yn 14 oed", "14 oed", {"years": 14}),
    ("a child of 3 yrs 2 mths", "3 yrs 2 mths", {"years": 3, "and_months": 2}),
])
def test_compound_and_welsh_ages(text: str, span: str, extra: dict) -> None:
    assert [(text[s:e], x) for s, e, x in find_ages(text)] == [(span, extra)]


@pytest.mark.parametrize("text", [
    "for 2 yrs 3 mths", "lasted 1y 6m", "6 years 4 months", "o'r un oed",
    "pobl 18 oed a throsodd", "plant dan 5 oed", "the plan ran 2 years and 3 months",
])
def test_not_compound_ages(text: str) -> None:
    assert find_ages(text) == []


def test_compound_age_band_reads_years() -> None:
    from redactcheck.redact import age_band
    assert age_band({"years": 6, "and_months": 4}) == age_band({"years": 6})


def test_zero_width_space_inside_a_welsh_month_end_to_end() -> None:
    from redactcheck.analysis import get_analyzer
    from redactcheck.document import split_paragraphs
    text = "On 4 Rhag\u200bfyr 2020 the police attended the farm."
    found = get_analyzer(Config()).analyze_segments(split_paragraphs(text))
    assert [(f.entity, f.text) for f in found if f.entity == "DATE_EXACT"] == [
        ("DATE_EXACT", "4 Rhag\u200bfyr 2020")]


def test_document_pass_uses_the_previous_paragraph() -> None:
    from redactcheck.analysis import get_analyzer
    from redactcheck.document import split_paragraphs
    text = ("The family moved in on Tuesday 2 March.\n\n"
            "The health visitor called on the 16th with the nursery nurse.")
    found = get_analyzer(Config()).analyze_segments(split_paragraphs(text))
    assert ("DATE_EXACT", "the 16th") in [(f.entity, f.text) for f in found]
    text = "The review met in a school hall.\n\nShe came the 2nd with her coat."
    found = get_analyzer(Config()).analyze_segments(split_paragraphs(text))
    assert [f.text for f in found if f.entity == "DATE_EXACT"] == []
