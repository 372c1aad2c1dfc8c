"""The quasi-identifiers about the family: Mention, TimeValue, Detail and `collect`."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from .. import cues
from ..findings import Finding
from .rates import (
    _FORM_TO_NAME,
    INDIRECT_MAX_RATE,
    LEVEL_RANK,
    Area,
    _entry,
    _gazetteer,
    _unknown,
    base_rates,
    lookup_area,
    uk_people,
)

# --------------------------------------------------------------------------- details


@dataclass(frozen=True)
class Mention:
    """One place a detail is written: the text, the segment it is in and its label."""

    text: str
    segment: int
    label: str
    start: int = -1


@dataclass(frozen=True)
class TimeValue:
    precision: str  # "day" | "month" | "season" | "year"
    year: int
    month: int = 0
    day: int = 0
    season: str = ""

    @property
    def rank(self) -> int:
        return {"year": 0, "season": 1, "month": 2, "day": 3}[self.precision]

    def display(self) -> str:
        if self.precision == "day":
            return f"{self.day} {cues.MONTHS_EN[self.month - 1]} {self.year}"
        if self.precision == "month":
            return f"{cues.MONTHS_EN[self.month - 1]} {self.year}"
        if self.precision == "season":
            return f"{self.season} {self.year}"
        return str(self.year)

    def coarser(self) -> str:
        """The next rung of the time ladder as text: day → month → year → "the mid-2010s"."""
        if self.precision == "day":
            return f"{cues.MONTHS_EN[self.month - 1]} {self.year}"
        if self.precision in ("month", "season"):
            return str(self.year)
        decade = self.year - self.year % 10
        part = ("early", "mid", "mid", "late")[min(3, (self.year % 10) // 3)]
        return f"the {part}-{decade}s"


@dataclass(frozen=True)
class Detail:
    """One quasi-identifier about the family, aggregated over the whole document."""

    attribute: str  # area, time, age, multiple_birth, family_size, ethnicity, ...
    key: str  # identity for de-duplication ("age:years:14")
    value: str  # what the report shows ("Stockport", "June 2015", "twins")
    rate: float
    source: str
    year: Any
    mentions: tuple[Mention, ...] = ()
    level: str | None = None  # area only
    people: int | None = None  # area only
    time: TimeValue | None = None  # time only
    implies_infant: bool = False  # events whose rate is per infant
    age_kind: str = ""  # age only: "years" | "months" | "infant" | "date_of_birth"
    fixed: bool = False  # the board's own published area: always known to a reader

    @property
    def bits(self) -> float:
        return -math.log2(self.rate) if 0 < self.rate < 1 else 0.0

    @property
    def label(self) -> str:
        return f"{self.attribute}: {self.value}"

    @property
    def paragraphs(self) -> list[str]:
        return list(dict.fromkeys(m.label for m in self.mentions))

    def indirect(self) -> bool:
        """Counts towards the "three or more indirect identifiers" rule."""
        if self.attribute == "area":
            return LEVEL_RANK[self.level or "town"] <= LEVEL_RANK["town"]
        return self.rate <= INDIRECT_MAX_RATE

    def merged(self, other: Detail) -> Detail:
        return replace(self, mentions=tuple(dict.fromkeys(self.mentions + other.mentions)))


# ---- text patterns -------------------------------------------------------------------

# Month words in every form cues.py knows (English, abbreviations, Welsh with mutations,
# Gaelic), matched case-insensitively.
_MONTH_RE = r"(?:" + "|".join(sorted((re.escape(m) for m in cues.month_numbers()), key=len,
                                     reverse=True)) + r")\.?"
_DAY_NUM = re.compile(r"(?<![\d.])(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\d.]\d)")
_DAY_LONG = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\s*,?\s+(\d{{4}})\b", re.I)
_DAY_US = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\s+(?:of\s+)?(\d{{4}})\b", re.I)
_SEASON = re.compile(r"\b(spring|summer|autumn|winter)\s+(?:of\s+)?(\d{4})\b", re.I)
_ANY_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<![\w./-])(19[5-9]\d|20[0-4]\d)(?![\w/-]|\.\d)")
# A year or date right after these is a citation, not an event ("Working Together 2015",
# "Children Act 1989", "Brandon et al., 2008", "(Ofsted, 2014)").
# (cues.CITATION_BEFORE, plus bodies often cited by name and a bare opening bracket.)
_CITATION_BEFORE = re.compile(
    r"(?:Working Together(?: to Safeguard Children)?|Act|Regulations|Guidance|et al\.?,?|"
    r"Ofsted,?|NICE,?|HM Gov(?:ernment|t)?\.?,?|[A-Z][a-z]+,|\()\s*$")

_FAMILY = re.compile(
    r"\b(?:child|children|baby|babies|infant|twins?|triplets?|sibling|siblings|mother|father|"
    r"mum|dad|parents?|family|son|daughter|brother|sister|stepfather|stepmother|partner|"
    r"grandmother|grandfather|grandparents?|boy|girl|toddler|newborn)\b"
    # Capitalised: pseudonyms ("Child B", "Sibling 2") and sentence starts; not "Children" in
    # agency names ("Safeguarding Children Partnership").
    r"|\b(?:Child|Sibling|Adult|Baby|Twin)\s+[A-Z0-9]\b"
    r"|\b(?:Twins|Mother|Father|Parents|Family)\b(?!'s (?:Social|Services|Centre))")
_ROLE = re.compile(
    r"\b(?:social workers?|health visitors?|GPs?|midwi(?:fe|ves)|police officers?|officers?|"
    r"nurses?|teachers?|head ?teachers?|paediatricians?|doctors?|consultants?|reviewers?|"
    r"author|chair|panel|managers?|practitioners?|professionals?|staff|workers?|clinicians?|"
    r"agency|agencies|board)\b", re.I)
_EVENT_CUE = re.compile(
    r"\b(?:admitted|admission|injur(?:y|ies|ed)|fractures?|fractured|died|death|incident|"
    r"assault(?:ed)?|harmed|unresponsive|collapsed|killed|bruis(?:es|ing))\b", re.I)
_ADULT_BEFORE_DIED = re.compile(
    r"\b(?:grand(?:mother|father|parents?)|uncle|aunt|mother|father|partner|dog|cousin)\b"
    r"(?:\W+\w+){0,4}\W*$", re.I)
# "the child has died or (ii) has been seriously harmed": quoted criteria, not the case.
_HYPOTHETICAL_DIED = re.compile(r"^\W*or\b", re.I)
_HOSPITAL = re.compile(r"\b(?:hospital|infirmary|trust|university|airport|court|prison)\b",
                       re.I)
_AFTER_PLACE_INSTITUTION = re.compile(
    r"^\s*(?:Children's |Royal |General |University )*(?:Hospital|Infirmary|University|"
    r"Airport|Crown Court|Magistrates|Prison)\b", re.I)
_SMALL_PLACE = re.compile(
    r"\b((?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+)\s+(Estate|estate|Primary School|Infant School|"
    r"Junior School|Academy|High School|Nursery|Children's Centre|Medical Centre|Surgery|"
    r"Health Centre|Mosque|Church|Temple|Gurdwara|Synagogue)\b")
_SMALL_STOP = {"The", "A", "An", "This", "That", "Local", "Her", "His", "Their", "Children's",
               "Catholic", "Primary", "Secondary", "Special"}

_NUMBER_WORDS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
     "eighteen"])}
_ORDINALS = {w: i + 1 for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"])}
_NUM = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_FAMILY_SIZE = [
    (re.compile(rf"\b{_NUM}\s+(children|siblings|brothers and sisters|half-siblings)\b", re.I),
     "count"),
    (re.compile(r"\b(" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+(child|baby)\b",
                re.I), "ordinal"),
    (re.compile(rf"\byoungest of (?:the )?{_NUM}\b", re.I), "youngest"),
    (re.compile(r"\blarge family\b", re.I), "large"),
]
_AGE_MONTHS = [re.compile(rf"\baged\s+{_NUM}\s+(months?|weeks?)\b", re.I),
               re.compile(rf"\b{_NUM}[- ](months?|weeks?)[- ]old\b", re.I)]
_AGE_YEARS = [re.compile(rf"\baged\s+{_NUM}\b(?!\s*(?:months?|weeks?|days?)\b)", re.I),
              re.compile(rf"\b{_NUM}[- ]years?[- ]old\b", re.I)]
_LANGUAGE_CONTEXT = re.compile(
    r"(?:spoke|speaks|speaking|language|interpreter|translat\w*|fluent in)\W+(?:\w+\W+){0,2}$",
    re.I)


def _number(word: str) -> int:
    word = word.casefold()
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    return int(re.sub(r"\D", "", word) or 0)


@lru_cache(maxsize=1)
def _terms() -> list[tuple[str, str, str]]:
    """(term, section, key) for every listed term, longest terms first."""
    rows: list[tuple[str, str, str]] = []
    for section in ("multiple_birth", "looked_after", "events", "ethnicity", "religion",
                    "language", "nationality", "condition", "age"):
        for key, entry in base_rates()[section].items():
            for term in entry.get("terms", ()):
                rows.append((term, section, key))
    rows.sort(key=lambda r: len(r[0]), reverse=True)
    return rows


@lru_cache(maxsize=1)
def _term_index() -> list[tuple[re.Pattern, str, str]]:
    """(pattern, section, key) for every listed term, longest terms first."""
    out = []
    for term, section, key in _terms():
        # Capitalised terms (Polish, Muslim, NAHI) match case-sensitively so that
        # "polish the floor" and "nahi" in other words do not count.
        flags = 0 if term[:1].isupper() else re.I
        out.append((re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", flags), section, key))
    return out


_WORD_RUN = re.compile(r"\w+")
# The four non-ASCII letters Python's case-insensitive matching equates with ASCII ones.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@lru_cache(maxsize=1)
def _term_first_words() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """(first word of a term, lower-cased → its indexes in `_term_index()`, indexes to try
    always). A term's match starts a run of word characters equal to its first word (the
    pattern's look-behind and look-ahead see to that), so a segment needs only the terms
    whose first word it contains: one word scan instead of 160 regex passes."""
    by_word: dict[str, list[int]] = {}
    always: list[int] = []
    for i, (term, _, _) in enumerate(_terms()):
        m = re.match(r"\w+", term)
        if m and term.isascii():
            by_word.setdefault(m.group().lower(), []).append(i)
        else:
            always.append(i)
    return {w: tuple(ix) for w, ix in by_word.items()}, tuple(always)


def _terms_in(text: str) -> list[tuple[re.Pattern, str, str]]:
    """The entries of `_term_index()` (in its order) that can match in `text`."""
    by_word, always = _term_first_words()
    wanted = set(always)
    for word in set(_WORD_RUN.findall(text)):
        ix = by_word.get(word.translate(_ASCII_FOLD).lower())
        if ix:
            wanted.update(ix)
    index = _term_index()
    return [index[i] for i in sorted(wanted)]


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence around pos (a light splitter that keeps 21.06.15)."""
    start = 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z(\"“‘'])", text):
        if m.end() <= pos:
            start = m.end()
        else:
            return start, m.end()
    return start, len(text)


def _about_professional(text: str, start: int, end: int) -> bool:
    """The detail describes a professional, not the family ("the Polish social worker").

    Looks six words either side: a role word nearer than any family word wins.
    """
    before = text[max(0, start - 60):start]
    after = text[end:end + 60]
    window_before = " ".join(before.split()[-6:])
    window_after = " ".join(after.split()[:6])

    def nearest(pattern: re.Pattern) -> float:
        best = math.inf
        for m in pattern.finditer(window_before):
            best = min(best, len(window_before) - m.end())
        for m in pattern.finditer(window_after):
            best = min(best, m.start())
        return best

    role, family = nearest(_ROLE), nearest(_FAMILY)
    return role < family


# ---- collecting details ----------------------------------------------------------------


@dataclass
class _Candidate:
    """A time mention with its tier (2: in an index-event sentence, 1: about the family)."""

    time: TimeValue
    mention: Mention
    tier: int


@dataclass
class _Collected:
    areas: dict[str, Detail] = field(default_factory=dict)
    details: dict[str, Detail] = field(default_factory=dict)
    times: list[_Candidate] = field(default_factory=list)
    # key → its mentions in order, without repeats. Gathered here and attached once by
    # `finished`: merging Details on every add copied the mentions each time, quadratic
    # in how often a long draft repeats "baby" or the town.
    mentions: dict[str, dict[Mention, None]] = field(default_factory=dict)
    # An adult review: ages are adults' ages, "baby" is not the subject's age, a death is
    # an adult's death.
    adult: bool = False

    def add(self, detail: Detail) -> None:
        target = self.areas if detail.attribute == "area" else self.details
        target.setdefault(detail.key, detail)  # the first mention's detail, as merged() kept
        self.mentions.setdefault(detail.key, {}).update(dict.fromkeys(detail.mentions))

    def finished(self, target: dict[str, Detail]) -> list[Detail]:
        """The details of `target` with every mention attached."""
        out = []
        for key, detail in target.items():
            mentions = tuple(self.mentions[key])
            out.append(detail if mentions == detail.mentions
                       else replace(detail, mentions=mentions))
        return out


def _rate_detail(attribute: str, section: str, key: str, value: str,
                 mention: Mention, **kw: Any) -> Detail:
    entry = base_rates().get(section, {}).get(key) or _unknown()
    return Detail(attribute, f"{attribute}:{key}", value, float(entry["rate"]),
                  str(entry["source"]), entry["year"], (mention,), **kw)


def _area_detail(area: Area, mention: Mention, fixed: bool = False) -> Detail:
    src = base_rates()["areas"]
    return Detail("area", f"area:{area.name}", area.name, area.people / uk_people(),
                  src["source"], src["year"], (mention,), level=area.level,
                  people=area.people, fixed=fixed)


def _small_area(name: str, mention: Mention, people_key: str = "small_area_people",
                level: str = "small") -> Detail:
    src = base_rates()["areas"]
    people = int(src[people_key])
    return Detail("area", f"area:{name.casefold()}", name, people / uk_people(),
                  f"assumption: {'an' if level[:1] in 'aeiou' else 'a'} {level} area has about "
                  f"{people:,} residents or fewer",
                  src["year"], (mention,), level=level, people=people)


def _family_size_detail(n: int, value: str, mention: Mention) -> Detail:
    base = _entry("family_size", "three_or_more")
    extra = _entry("family_size", "each_extra_child")
    rate = base["rate"] * extra["rate"] ** max(0, n - 3)
    source = base["source"] if n <= 3 else f"{base['source']}; {extra['source']}"
    return Detail("family_size", "family_size", value, rate, source, base["year"], (mention,))


def _time_detail(time: TimeValue, mentions: tuple[Mention, ...]) -> Detail:
    t = base_rates()["time"]
    rate = t["year"]["rate"]
    sources = [f"year {t['year']['rate']:.3g}: {t['year']['source']}"]
    extra = {"day": "day", "month": "month", "season": "season"}.get(time.precision)
    if extra:
        rate *= t[extra]["rate"]
        sources.append(f"{extra} {t[extra]['rate']:.3g}: {t[extra]['source']}")
    return Detail("time", "time", time.display(), rate, "; ".join(sources), t["year"]["year"],
                  mentions, time=time)


def _scan_segment(col: _Collected, index: int, text: str, label: str) -> None:
    """The light text scan: areas, times, family size, ages and listed terms."""

    def mention(m: re.Match, group: int = 0) -> Mention:
        return Mention(m.group(group), index, label, m.start(group))

    table, area_re = _gazetteer()
    for m in area_re.finditer(text):
        if _AFTER_PLACE_INSTITUTION.match(text[m.end():]):
            continue  # "Manchester Children's Hospital": where the hospital is, not the family
        col.add(_area_detail(table[_FORM_TO_NAME[m.group(0)]], mention(m)))
    for m in _SMALL_PLACE.finditer(text):
        words = [w for w in m.group(1).split() if w not in _SMALL_STOP]
        if words and not area_re.fullmatch(" ".join(words)):
            col.add(_small_area(m.group(0), mention(m)))

    _scan_times(col, index, text, label)

    sized: list[tuple[int, int]] = []
    for pattern, kind in _FAMILY_SIZE:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in sized):
                continue  # "youngest of seven children": one mention, not two
            sized.append((m.start(), m.end()))
            if kind == "large":
                n = 3
            elif kind == "ordinal":
                word = m.group(1).casefold()
                n = _ORDINALS.get(word) or _number(word)
            else:
                n = _number(m.group(1)) + (1 if kind == "count" and "sibling" in m.group(2)
                                           or kind == "count" and "brother" in m.group(2)
                                           else 0)
            if n >= 3 and not _about_professional(text, m.start(), m.end()):
                value = "large family" if kind == "large" else f"{n} children"
                col.add(_family_size_detail(n, value, mention(m)))

    for pattern in _AGE_MONTHS:
        for m in pattern.finditer(text):
            months = _number(m.group(1))
            if m.group(2).lower().startswith("week"):
                months = months // 4
            _add_age(col, text, m, months=months, mention=mention(m))
    for pattern in _AGE_YEARS:
        for m in pattern.finditer(text):
            _add_age(col, text, m, years=_number(m.group(1)), mention=mention(m))

    taken: list[tuple[int, int]] = []
    for pattern, section, key in _terms_in(text):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue  # a longer term already covers it ("shaken baby" over "baby")
            if section != "age" and _about_professional(text, m.start(), m.end()):
                continue
            if section == "age" and col.adult:
                continue  # "her baby": a relative's age, not the subject's
            if key == "child_death" and m.group(0).lower() == "died" and not col.adult and (
                    _ADULT_BEFORE_DIED.search(text[:m.start()])
                    or _HYPOTHETICAL_DIED.search(text[m.end():m.end() + 6])
                    or "(i)" in text[slice(*_sentence_bounds(text, m.start()))]
                    or not _FAMILY.search(text[slice(*_sentence_bounds(text, m.start()))])):
                continue  # "the maternal grandmother died": not the index event
            if section in ("nationality", "language"):
                section, key = _language_or_nationality(text, m, section, key)
            taken.append((m.start(), m.end()))
            col.add(_term_detail(section, key, m.group(0), mention(m), col.adult))


def _language_or_nationality(text: str, m: re.Match, section: str, key: str
                             ) -> tuple[str, str]:
    """"spoke Polish" / "a Polish interpreter" is a language; "Polish" alone a nationality."""
    word = m.group(0).split()[0].casefold()
    lang = base_rates()["language"]
    is_language = bool(_LANGUAGE_CONTEXT.search(text[:m.start()])) or bool(
        re.match(r"[- ](?:speaking|speaker|interpreter)", text[m.end():], re.I))
    if is_language and word in lang:
        return "language", word
    nat = base_rates()["nationality"]
    if section == "language" and not is_language and word in nat:
        return "nationality", word
    return section, key


_ATTRIBUTE_OF = {"multiple_birth": "multiple_birth", "looked_after": "looked_after",
                 "events": "event", "ethnicity": "ethnicity", "religion": "religion",
                 "language": "language", "nationality": "nationality",
                 "condition": "condition", "age": "age", "occupation": "occupation"}


# Sections whose `value` is the name as written, not the table's folded key.
_SHOWN_AS_WRITTEN = frozenset({"ethnicity", "religion", "language", "nationality", "condition",
                               "occupation"})


# A child's death is an adult's death in an adult review, a domestic homicide in a DHR.
_ADULT_EVENT = {"child_death": "death"}
DEATH_KEYS = frozenset({"event:child_death", "event:death"})


def _term_detail(section: str, key: str, text: str, mention: Mention,
                 adult: bool = False) -> Detail:
    attribute = _ATTRIBUTE_OF.get(section, section)
    if adult and section == "events":
        key = _ADULT_EVENT.get(key, key)
    entry = base_rates().get(section, {}).get(key)
    if section == "age":
        return _rate_detail("age", "age", key, "under one", mention, age_kind="infant")
    # An infant rate (head injury) is per child under one: not an adult's.
    implies = bool(entry and entry.get("implies_age") == "infant") and not adult
    # Table keys are folded for lookup ("jehovah's witness"); a name is shown as the document
    # writes it ("Jehovah's Witnesses"). Events and multiple births show their category.
    value = key.replace("_", " ") if section == "events" else key
    if section in _SHOWN_AS_WRITTEN:
        value = text
    return _rate_detail(attribute, section, key, value, mention, implies_infant=implies)


def _add_age(col: _Collected, text: str, m: re.Match, *, mention: Mention,
             years: int | None = None, months: int | None = None) -> None:
    if _about_professional(text, m.start(), m.end()):
        return
    if col.adult:
        n = years if years is not None else (months or 0) // 12
        _add_adult_age(col, n, mention)
        return
    if months is not None and months < 24:
        detail = _rate_detail("age", "age", "months", f"{months} months", mention,
                              age_kind="months")
        col.add(replace(detail, key=f"age:months:{months}"))
    else:
        n = years if years is not None else (months or 0) // 12
        if n > 17:
            return  # an adult's age: not a child's year group
        detail = _rate_detail("age", "age", "years", f"{n} years", mention, age_kind="years")
        col.add(replace(detail, key=f"age:years:{n}"))


def _add_adult_age(col: _Collected, n: int, mention: Mention) -> None:
    """An adult review: an age of 18 or over is the subject's (a child's age is a relative's)."""
    if n < 18:
        return
    detail = _rate_detail("age", "age", "adult_years", f"{n} years", mention, age_kind="years")
    col.add(replace(detail, key=f"age:years:{n}"))


def _scan_times(col: _Collected, index: int, text: str, label: str) -> None:
    """Times of the family's events; citations and review-process dates are skipped."""
    if not _ANY_DIGIT.search(text):
        return  # every time pattern needs a year or a day number: skip six passes
    used: list[tuple[int, int]] = []

    def free(m: re.Match) -> bool:
        return not any(s < m.end() and m.start() < e for s, e in used)

    def add(m: re.Match, time: TimeValue) -> None:
        used.append((m.start(), m.end()))
        before = text[max(0, m.start() - 40):m.start()]
        if cues.CITATION_BEFORE.search(before) or _CITATION_BEFORE.search(before):
            return
        lo, hi = _sentence_bounds(text, m.start())
        sentence = text[lo:hi]
        if _EVENT_CUE.search(sentence) and _FAMILY.search(sentence):
            tier = 2
        elif _FAMILY.search(sentence):
            tier = 1
        else:
            return  # "The Board convened the review in July 2015": not about the family
        col.times.append(_Candidate(time, Mention(m.group(0), index, label, m.start()), tier))

    for m in _DAY_NUM.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if len(m.group(3)) == 2:
            if len(m.group(1)) != 2 or len(m.group(2)) != 2:
                continue  # "6.4.10" is a section number, "21.06.15" a date
            year += 2000 if year < 50 else 1900
        if 1 <= day <= 31 and 1 <= month <= 12 and 1950 <= year <= 2049:
            add(m, TimeValue("day", year, month, day))
    for pattern, order in ((_DAY_LONG, (1, 2, 3)), (_DAY_US, (2, 1, 3))):
        for m in pattern.finditer(text):
            if free(m):
                day = int(m.group(order[0]))
                month = cues.month_number(m.group(order[1])) or 0
                if 1 <= day <= 31:
                    add(m, TimeValue("day", int(m.group(order[2])), month, day))
    for m in _MONTH_YEAR.finditer(text):
        if free(m):
            add(m, TimeValue("month", int(m.group(2)), cues.month_number(m.group(1)) or 0))
    for m in _SEASON.finditer(text):
        if free(m):
            add(m, TimeValue("season", int(m.group(2)), season=m.group(1).lower()))
    for m in _YEAR.finditer(text):
        if free(m):
            add(m, TimeValue("year", int(m.group(1))))


def _from_finding(col: _Collected, f: Finding, segments: Sequence[Any]) -> None:
    """Details the recognisers found (their finer judgement beats the light scan)."""
    seg = segments[f.segment_index] if 0 <= f.segment_index < len(segments) else None
    text = seg.text if seg is not None else f.text
    start = f.location.start if seg is not None else 0
    end = f.location.end if seg is not None else len(f.text)
    mention = Mention(f.text, f.segment_index, f.location.label, start)
    extra = f.extra or {}
    e = f.entity
    if e == "LOCATION":
        if _HOSPITAL.search(f.text):
            return
        area = lookup_area(f.text)
        if area is not None:
            col.add(_area_detail(area, mention))
        else:
            src = base_rates()["areas"]
            people = int(src["unknown_town_people"])
            col.add(Detail("area", f"area:{f.text.casefold()}", f.text, people / uk_people(),
                           f"assumption: a town not in the table has about {people:,} "
                           "residents", src["year"], (mention,), level="town", people=people))
    elif e == "LOCATION_SMALL":
        col.add(_small_area(f.text, mention))
    elif e == "INSTITUTION":
        if not _HOSPITAL.search(f.text):  # a hospital's catchment is wider than the family's
            col.add(_small_area(f.text, mention))
    elif e == "POSTCODE":
        full = re.search(r"\d[A-Z]{2}\s*$", f.text.upper())
        col.add(_small_area(f.text, mention, "full_postcode_people" if full
                            else "postcode_district_people", "postcode" if full else "small"))
    elif e == "ADDRESS":
        col.add(_small_area(f.text, mention, "address_people", "address"))
    elif e == "DATE_EXACT" and seg is not None:
        iso = str(extra.get("iso", ""))
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso)
        if m:
            lo, hi = _sentence_bounds(text, start)
            sentence = text[lo:hi]
            tier = 2 if _EVENT_CUE.search(sentence) and _FAMILY.search(sentence) else 1
            col.times.append(_Candidate(TimeValue("day", int(m[1]), int(m[2]), int(m[3])),
                                        mention, tier))
    elif e == "DATE_OF_BIRTH":
        col.add(_rate_detail("age", "age", "adult_date_of_birth" if col.adult
                             else "date_of_birth", "date of birth", mention,
                             age_kind="date_of_birth"))
    elif e == "AGE_EXACT":
        if _about_professional(text, start, end):
            return
        if col.adult:
            if "years" in extra or "months" in extra:
                _add_adult_age(col, int(extra.get("years", int(extra.get("months", 0)) // 12)),
                               mention)
            return
        if "months" in extra and int(extra["months"]) < 24:
            n = int(extra["months"])
            d = _rate_detail("age", "age", "months", f"{n} months", mention, age_kind="months")
            col.add(replace(d, key=f"age:months:{n}"))
        elif "years" in extra or "months" in extra:
            n = int(extra.get("years", int(extra.get("months", 0)) // 12))
            if n <= 17:
                d = _rate_detail("age", "age", "years", f"{n} years", mention, age_kind="years")
                col.add(replace(d, key=f"age:years:{n}"))
    elif e == "RARE_DETAIL":
        _from_rare_detail(col, f, text, start, end, mention)


def _from_rare_detail(col: _Collected, f: Finding, text: str, start: int, end: int,
                      mention: Mention) -> None:
    extra = f.extra or {}
    category = str(extra.get("category", "event"))
    value = str(extra.get("value") or f.text)
    if _about_professional(text, start, end) and category != "occupation":
        return
    if category == "family_size":
        m = re.search(rf"{_NUM}|(" + "|".join(_ORDINALS) + ")", value, re.I)
        n = 3
        if m:
            n = _number(m.group(1)) if m.group(1) else _ORDINALS[m.group(2).casefold()]
        n = max(n, 3)
        col.add(_family_size_detail(n, "large family" if not m else f"{n} children", mention))
        return
    section = {"event": "events", "multiple_birth": "multiple_birth"}.get(category, category)
    table = base_rates().get(section, {})
    key = value.casefold()
    if key not in table:
        # Match the value against the listed terms ("twin" → twins, "skull fracture" → ...).
        key = next((k for k, entry in table.items()
                    if any(t.casefold() == key for t in entry.get("terms", ()))), key)
    if key in table:
        col.add(_term_detail(section, key, f.text, mention, col.adult))
    else:
        # Unknown attribute: rare (1 in 2,000), never common. Shown as written; the folded
        # value is only the key that merges repeats.
        col.add(_rate_detail(_ATTRIBUTE_OF.get(section, category), "__none__", key,
                             f.text or value, mention))


def collect(document: Any, findings: Sequence[Finding] = (),
            area_allow: Sequence[str] = (), unit: str = "children"
            ) -> tuple[list[Detail], list[Detail]]:
    """(details, area candidates) about the family, aggregated over the document.

    `details` holds every non-area quasi-identifier plus the index-event time; the finest
    area candidate is added by `_with_area`. `unit` "adults": an adult review's details.
    """
    col = _Collected(adult=unit == "adults")
    segments = list(getattr(document, "segments", []) or [])
    for i, seg in enumerate(segments):
        _scan_segment(col, i, seg.text, seg.label)
    for f in findings:
        _from_finding(col, f, segments)
    allowed = {a.casefold() for a in area_allow}
    for a in area_allow:  # the board's published area is known to every reader
        area = lookup_area(a)
        if area is not None:
            col.add(_area_detail(area, Mention(a, -1, "Board area"), fixed=True))
    areas = [replace(d, fixed=True) if d.value.casefold() in allowed else d
             for d in col.finished(col.areas)]
    details = col.finished(col.details)
    time = _index_time(col.times)
    if time is not None:
        details.append(time)
    return details, areas


def _index_time(candidates: list[_Candidate]) -> Detail | None:
    """The time of the index event: in an event sentence if any, the most precise; else the
    latest time about the family (chronologies end at the index event)."""
    if not candidates:
        return None
    top = max(c.tier for c in candidates)
    pool = [c for c in candidates if c.tier == top]
    if top == 2:
        best = max(pool, key=lambda c: (c.time.rank, c.time.year, c.time.month, c.time.day))
    else:
        best = max(pool, key=lambda c: (c.time.year, c.time.month, c.time.day, c.time.rank))
    t = best.time
    # Every mention at least as precise as the chosen one in an event sentence, and every
    # mention of the same value, must be generalised together.
    same = [c.mention for c in candidates if c.time == t
            or (c.tier == 2 and c.time.rank >= t.rank and c.time.year == t.year)]
    return _time_detail(t, tuple(dict.fromkeys(same)))

