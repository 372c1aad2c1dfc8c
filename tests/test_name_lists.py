"""The name gazetteers (recognizers/data/first_names.txt, surnames.txt): format and coverage."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "recognizers" / "data"
LISTS = ("first_names.txt", "surnames.txt")
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’\-]+$")


def _lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


def _entries(name: str) -> list[str]:
    return [line for line in _lines(name) if line and not line.startswith("#")]


@pytest.mark.parametrize("name", LISTS)
def test_header_names_sources_licences_and_date(name: str) -> None:
    header = _lines(name)[0]
    assert header.startswith("# ")
    for word in ("Faker", "MIT", "public domain", "SSA", "Census", "2026-12-02"):
        assert word in header, word


@pytest.mark.parametrize("name", LISTS)
def test_sorted_unique_latin_script(name: str) -> None:
    entries = _entries(name)
    assert entries == sorted(set(entries))
    bad = [e for e in entries if len(e) < 2 or not LATIN.match(e) or not e[0].isupper()]
    assert not bad[:10]
    for e in entries[:: max(1, len(entries) // 2000)]:
        for ch in e:
            if ch.isalpha():
                assert "LATIN" in unicodedata.name(ch), e


def test_size_is_reasonable() -> None:
    total = sum((DATA / name).stat().st_size for name in LISTS)
    assert total < 4_000_000


GIVEN = (
    # English, Welsh, Scottish, Irish
    "Kayleigh", "Gwenllian", "Eilidh", "Caoimhe", "Mhairi",
    # Polish, Lithuanian, Romanian, Bulgarian (transliterated), Ukrainian (transliterated)
    "Małgorzata", "Malgorzata", "Mindaugas", "Ionela", "Stoyan", "Oleksandr", "Anastasiia",
    # Portuguese, Italian, Spanish, Turkish, Greek (transliterated)
    "Joao", "Giuseppe", "Alejandro", "Mehmet", "Dimitrios",
    # Arabic, Somali, Amharic/Tigrinya, Persian, Afghan
    "Khadija", "Abdirahman", "Yohannes", "Shirin", "Zarmina",
    # Yoruba, Igbo, Akan, Hausa
    "Oluwaseun", "Chiamaka", "Akosua", "Aminu",
    # Bangladeshi, Pakistani, Punjabi, Gujarati, Tamil, Sri Lankan
    "Tanvir", "Zeeshan", "Jaspreet", "Bhavesh", "Kavitha", "Dilani",
    # Chinese, Vietnamese, Filipino, Caribbean, Korean (romanised from Hangul)
    "Xiuying", "Minh", "Maricel", "Delroy", "Dohyeon", "Sang-hyeon",
)
FAMILY = (
    "Pritchard", "Macleod", "Gallagher", "Wiśniewski", "Kazlauskas", "Popescu", "Ivanova",
    "Shevchenko", "Fernandes", "Esposito", "Yilmaz", "Papadopoulos", "Okonkwo", "Mensah",
    "Chowdhury", "Sandhu", "Perera", "Nguyen", "Santos", "Karimi", "Haile",
)


def test_names_of_many_origins_are_present() -> None:
    first = {e.casefold() for e in _entries("first_names.txt")}
    last = {e.casefold() for e in _entries("surnames.txt")}
    assert [n for n in GIVEN if n.casefold() not in first] == []
    assert [n for n in FAMILY if n.casefold() not in last] == []


def test_ordinary_words_and_places_are_not_new_names() -> None:
    # Ordinary English words that US name statistics contain ("An", "Over") and places
    # stay out unless the recogniser already treats them as ambiguous.
    ambiguous = {e.casefold() for f in ("name_stoplist.txt", "name_common_words.txt")
                 for e in _entries(f)}
    names = {e.casefold() for f in LISTS for e in _entries(f)}
    for word in ("an", "over", "the", "baby", "unknown", "scotland", "referral"):
        assert word not in names or word in ambiguous, word
