"""redactcheck/cues.py: named days and Welsh number words (used by recognizers/dates.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from redactcheck import cues


@pytest.mark.parametrize(("name", "year", "expected"), [
    ("Christmas Day", 2018, date(2018, 12, 25)),
    ("new years eve", 2015, date(2015, 12, 31)),
    ("St. Andrew’s Day", 2016, date(2016, 11, 30)),
    ("Saint David's Day", 2016, date(2016, 3, 1)),
    ("Easter Sunday", 2019, date(2019, 4, 21)),
    ("Good Friday", 2024, date(2024, 3, 29)),
    ("Mothering Sunday", 2023, date(2023, 3, 19)),
    ("Father's Day", 2021, date(2021, 6, 20)),
    ("Remembrance Sunday", 2019, date(2019, 11, 10)),
    ("Nos Galan", 2010, date(2010, 12, 31)),
    ("Diwali", 2020, None),
    ("Some Other Day", 2020, None),
])
def test_named_day_date(name: str, year: int, expected: date | None) -> None:
    assert cues.named_day_date(name, year) == expected


@pytest.mark.parametrize("year", [1961, 2000, 2008, 2011, 2038])
def test_easter_is_a_sunday_in_march_or_april(year: int) -> None:
    day = cues.easter(year)
    assert day.weekday() == 6 and day.month in (3, 4)


def test_named_day_regex_forms() -> None:
    text = ("Boxing day, St. Patrick's Day, Hallowe’en, Eid ul-Fitr, Eid al Adha, Christmas, "
            "mae'n holi, burns night")
    found = re.findall(cues.NAMED_DAY_RE, text)
    assert found == ["Boxing day", "St. Patrick's Day", "Hallowe’en", "Eid ul-Fitr",
                     "Eid al Adha"]


@pytest.mark.parametrize(("word", "value"), [
    ("dwy", 2), ("ddwy", 2), ("tair", 3), ("dair", 3), ("thair", 3), ("phum", 5), ("bum", 5),
    ("chwe", 6), ("deuddeg", 12), ("un ar ddeg", 11), ("bymtheg", 15), ("ugain", 20),
])
def test_welsh_number_words(word: str, value: int) -> None:
    assert cues.welsh_number_words()[word] == value
    assert re.fullmatch(cues.WELSH_NUMBER_RE, word)
