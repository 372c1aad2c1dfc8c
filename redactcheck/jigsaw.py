"""Jigsaw risk: which combination of harmless-looking details identifies the family.

A published review rarely names anyone; families are identified by combination (the area,
the month, twins, a large family, the injury). This module collects the quasi-identifiers
about the family from the findings and from its own light text scan, estimates how many
families would match, finds the smallest risky combinations, and proposes the cheapest
generalisations that lower the risk.

The model (documented in `assumptions` of every result):

* N, the population unit, is **children aged 0-17 living in the UK**: residents × births per
  person per year (1.2%) × 18 one-year cohorts. The area is one factor of the product: its share
  of the UK population, so N(area) = children living in that area.
  An adult review (SAR, DHR, Welsh APR, Scottish adult learning review: `review_type`) counts
  **adults** instead (residents less those children), an adult's age among adults, and an
  adult's death, not a child's.
* λ = N × Π pᵢ, the expected number of children (≈ families) other than chance that match all
  the details; κ = (1 − e^(−λ)) / λ, the chance that a reader who finds one match has the right
  family; bits = Σ −log₂ pᵢ (the area's share included).
* Time: index events (injury, death) have annual rates; a reader who knows only the
  publication date assumes the event lies in a ≈ 3-year window, so an event's factor is its
  annual rate × 3 and naming the year multiplies by 1/3, a month by a further 1/12, a day by
  1/365 instead.
* Details are assumed independent. Unknown attributes are rare (1 in 2,000), never common.

Every result explains itself in plain words (`summary`, each combination's and suggestion's
`text`, `reasons`); the symbols and figures (λ, κ, bits) are in `appendix` and `model`.

Nothing here touches the network: the motivated-intruder queries are strings for a person to
run by hand and record.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from . import cues
from .findings import Finding

BAND_RANK = {"NONE": 0, "LOW": 1, "MEDIUM": 2, "HIGH": 3}

# κ thresholds per policy: (HIGH, MEDIUM). HIGH at κ ≥ 0.33 is λ ≲ 2.86.
POLICIES: dict[str, tuple[float, float]] = {"ico": (0.33, 0.09), "strict": (0.33, 0.05)}

# Coarseness of an area, finest first. "town" is a local authority or a town.
LEVELS = ("address", "postcode", "small", "town", "county", "region", "country")
LEVEL_RANK = {name: i for i, name in enumerate(LEVELS)}

MAX_COMBINATION = 5  # details per minimal combination (the bound)
MAX_POOL = 16  # details considered for combinations: C(16, 5) = 4,368 subsets at most
MAX_STEPS = 30  # generalisation steps proposed: enough to reach LOW on a very leaky draft
INDIRECT_MAX_RATE = 0.5  # a detail shared by half the population identifies nothing

DATA_FILE = Path(__file__).with_name("data") / "base_rates.yaml"

QUERY_NOTE = ("generated, never run: the manual motivated-intruder test the review manager "
              "records")


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=1)
def base_rates() -> dict:
    """The shipped base-rate table (redactcheck/data/base_rates.yaml)."""
    # libyaml's safe loader when built in: 8× faster at start-up, same data for this file.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with DATA_FILE.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 (a safe loader)


def _entry(section: str, key: str) -> dict:
    return base_rates()[section][key]


def _unknown() -> dict:
    return base_rates()["model"]["unknown"]


def children_per_person() -> float:
    """Children aged 0-17 per resident: births per person per year × 18 cohorts."""
    model = base_rates()["model"]
    return model["births_per_person_per_year"]["rate"] * model["child_years"]["rate"]


def adults_per_person() -> float:
    """Adults (18 and over) per resident: everyone the child cohorts leave."""
    return 1.0 - children_per_person()


# The population a review is about: its unit's share of residents and its words.
UNITS = {
    "children": {"per_person": children_per_person, "one": "family", "many": "families",
                 "unit": "children aged 0-17 living in the area (1.2% of residents a year × "
                         "18)"},
    "adults": {"per_person": adults_per_person, "one": "person", "many": "people",
               "unit": "adults aged 18 and over living in the area (residents less the "
                       "children aged 0-17)"},
}


def unit_for(review_type: Any = None) -> str:
    """"adults" for an adult review (SAR, DHR, APR, Scottish adult review), else "children"."""
    from .review_type import get

    return "adults" if get(review_type).is_adult else "children"


def uk_people() -> int:
    return base_rates()["areas"]["country"]["United Kingdom"]["people"]


@dataclass(frozen=True)
class Area:
    name: str
    level: str
    people: int
    parent: str | None = None  # the next coarser area in the table (county or region)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Area], re.Pattern]:
    """Every named area (with aliases) → Area, and one regex matching any of them."""
    areas = base_rates()["areas"]
    table: dict[str, Area] = {}
    names: dict[str, str] = {}  # surface form → canonical name

    def add(name: str, area: Area, aliases: Iterable[str]) -> None:
        table[name] = area
        for form in (name, *aliases):
            names[form] = name

    for name, row in areas["country"].items():
        add(name, Area(name, "country", row["people"]), row.get("aliases", ()))
    for name, row in areas["regions"].items():
        add(name, Area(name, "region", row["people"], "England"), row.get("aliases", ()))
    for name, row in areas["counties"].items():
        add(name, Area(name, "county", row["people"], row["region"]), row.get("aliases", ()))
    for name, row in areas["authorities"].items():
        parent = row.get("county") or row.get("region")
        add(name, Area(name, "town", row["people"], parent), row.get("aliases", ()))
    # Longest first so "Greater Manchester" wins over "Manchester", "the North West" over
    # "North West". Case-sensitive: place names are capitalised ("Reading", "Bury").
    forms = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
    _FORM_TO_NAME.clear()
    _FORM_TO_NAME.update(names)
    return table, pattern


_FORM_TO_NAME: dict[str, str] = {}


def lookup_area(text: str) -> Area | None:
    """The table's Area for a place name or alias (case-insensitive), else None."""
    table, _ = _gazetteer()
    wanted = re.sub(r"\s+", " ", text.strip()).casefold()
    wanted = re.sub(r"^the ", "", wanted)
    name = _area_keys().get(wanted)
    return table[name] if name is not None else None


@lru_cache(maxsize=1)
def _area_keys() -> dict[str, str]:
    """Folded form (without a leading "the ") → canonical name; the first form wins, as a
    scan of the table in order would (one lookup per LOCATION finding, not a scan)."""
    _gazetteer()
    keys: dict[str, str] = {}
    for form, name in _FORM_TO_NAME.items():
        keys.setdefault(re.sub(r"^the ", "", form.casefold()), name)
    return keys


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


# --------------------------------------------------------------------------- the model


def kappa(lam: float) -> float:
    """Chance a reader who finds one match has the right family: (1 − e^(−λ)) / λ."""
    if lam <= 1e-12:
        return 1.0
    return -math.expm1(-lam) / lam


def _finest(areas: Sequence[Detail]) -> Detail | None:
    if not areas:
        return None
    return min(areas, key=lambda d: (d.people or 0, LEVEL_RANK[d.level or "town"]))


def _with_area(details: Sequence[Detail], areas: Sequence[Detail]) -> list[Detail]:
    area = _finest(areas)
    return ([area] if area else []) + [d for d in details if d.attribute != "area"]


def matches(population: float, rates: Iterable[float]) -> float:
    """λ = N × Π pᵢ: the expected number of others sharing every detail (independence)."""
    return population * math.prod(rates)


def expected_matches(details: Sequence[Detail], unit: str = "children") -> float:
    """λ: children (≈ families; adults in an adult review) in the UK × every detail's rate,
    with the event rules."""
    lam = uk_people() * UNITS[unit]["per_person"]()
    has_age = any(d.attribute == "age" for d in details)
    has_fine_age = any(d.age_kind in ("months", "date_of_birth") for d in details)
    for d in details:
        if d.attribute == "event":
            lam *= _event_rate(d, has_age)
        elif d.age_kind == "infant" and has_fine_age:
            continue  # "3 months old" already says "under one"
        else:
            lam *= d.rate
    return lam


def _event_rate(d: Detail, has_age: bool) -> float:
    """An event's factor: its annual rate over the ≈3-year window a reader assumes (naming
    the year brings it back to one year), per infant when the event implies the age."""
    window = base_rates()["model"]["event_window_years"]["rate"]
    p = d.rate * window
    if d.implies_infant and not has_age:
        p *= _entry("age", "infant")["rate"]
    return min(1.0, p)


def band_for(details: Sequence[Detail], policy: str = "ico", unit: str = "children"
             ) -> tuple[str, float, float, list[str]]:
    """(band, λ, κ, reasons) for a set of details. The reasons are plain words; the first
    is the chance a reader's guess is right (κ; the figures are in `model_figures`)."""
    if not details:
        return "NONE", math.inf, 0.0, []
    high, medium = POLICIES.get(policy, POLICIES["ico"])
    lam = expected_matches(details, unit)
    k = kappa(lam)
    band = "HIGH" if k >= high else "MEDIUM" if k >= medium else "LOW"
    reasons = [f"a reader who finds a matching {UNITS[unit]['one']} has the right one "
               f"{_chance(k)} of the time"]
    area = next((d for d in details if d.attribute == "area"), None)
    others = [d for d in details if d.attribute != "area"]
    if area and LEVEL_RANK[area.level or "town"] < LEVEL_RANK["town"] and others:
        band = "HIGH"
        reasons.append("an area smaller than a town with another detail")
    has_event = any(d.attribute == "event" for d in details)
    has_time = any(d.attribute == "time" for d in details)
    if (has_event and has_time and area
            and LEVEL_RANK[area.level or "town"] <= LEVEL_RANK["county"]):
        band = "HIGH"
        reasons.append("the index event with the area and the time")
    if sum(d.indirect() for d in details) >= 3 and BAND_RANK[band] < BAND_RANK["MEDIUM"]:
        band = "MEDIUM"
        reasons.append("three or more indirect identifiers")
    return band, lam, k, reasons


def _chance(k: float) -> str:
    """κ in words: "over 99%", "about 43%", "under 1%"."""
    if k >= 0.995:
        return "over 99%"
    if k < 0.005:
        return "under 1%"
    return f"about {round(k * 100)}%"


def model_figures(lam: float, k: float, bits: float | None = None) -> str:
    """The model's notation for an appendix: "λ ≈ 0.31, κ = 0.86, 21.4 bits"."""
    lam_text = f"λ ≈ {lam:.3g}" if math.isfinite(lam) else "λ = ∞ (no detail)"
    out = f"{lam_text}, κ = {k:.3g}"
    return out + (f", {bits:.1f} bits" if bits is not None else "")


def _bits(details: Sequence[Detail]) -> float:
    """Σ −log₂ pᵢ with the factors λ actually uses (area share included)."""
    has_age = any(d.attribute == "age" for d in details)
    total = 0.0
    for d in details:
        p = _event_rate(d, has_age) if d.attribute == "event" else d.rate
        total += -math.log2(p) if 0 < p < 1 else 0.0
    return total


def minimal_combinations(details: Sequence[Detail], target: str, policy: str = "ico",
                         limit: int = MAX_COMBINATION, unit: str = "children"
                         ) -> list[tuple[Detail, ...]]:
    """The smallest sets of details already at `target` band or above.

    The band only rises when a detail is added (every rate is ≤ 1 and the hard rules are
    monotone), so sets are enumerated by size and any superset of a risky set is skipped.
    The board's published area (fixed) is in every set: a reader always knows it.
    """
    fixed = [d for d in details if d.fixed]
    pool = sorted((d for d in details if not d.fixed), key=lambda d: -d.bits)[:MAX_POOL]
    want = BAND_RANK[target]
    found: list[tuple[Detail, ...]] = []
    found_keys: list[frozenset[str]] = []
    for size in range(1, max(1, limit - len(fixed)) + 1):
        for combo in combinations(pool, size):
            keys = frozenset(d.key for d in combo)
            if any(k <= keys for k in found_keys):
                continue
            subset = (*fixed, *combo)
            if BAND_RANK[band_for(subset, policy, unit)[0]] >= want:
                found.append(subset)
                found_keys.append(keys)
    found.sort(key=lambda c: (len(c), expected_matches(c, unit)))
    return found


# --------------------------------------------------------------------------- fixing it


@dataclass(frozen=True)
class _Change:
    attribute: str
    key: str
    from_text: str
    to_text: str
    replacements: tuple[dict, ...]
    cost: int
    new_detail: Detail | None  # None: the detail is gone
    new_area: Detail | None = None  # area changes: the coarser candidate
    # Area removals: every place finer than a town goes, so the area falls back to the
    # finest one left (a town, a county, the board's area, else the UK).
    removed: tuple[Detail, ...] = ()
    fallback: str = ""


_GENERIC = {
    "multiple_birth": ("siblings", {"twins": "siblings", "twin": "sibling",
                                    "triplets": "siblings", "triplet": "sibling"}),
    "condition": ("a chronic health condition", {}),
    "event": ("serious injuries", {}),
    "ethnicity": ("a minority ethnic background", {}),
    "religion": ("a faith community", {}),
    "nationality": ("born outside the UK", {}),
    "language": ("English as an additional language", {}),
    "looked_after": ("known to children's social care", {}),
    "occupation": ("in paid work", {}),
}


def _match_case(src: str, dst: str) -> str:
    return dst[:1].upper() + dst[1:] if src[:1].isupper() else dst


_INJURY_EVENTS = {"event:serious_head_injury", "event:fractures", "event:burns"}


def _replacement_text(d: Detail, text: str) -> str:
    if d.attribute == "multiple_birth":
        low = text.casefold()
        for word in ("twin brother", "twin sister"):
            if low == word:
                return _match_case(text, word.split()[1])
        plural = low.endswith("s")
        return _match_case(text, "siblings" if plural else "sibling")
    if d.attribute == "family_size":
        low = text.casefold()
        if low == "large family":
            return _match_case(text, "family")
        m = re.match(r"youngest of", low)
        if m:
            return _match_case(text, "youngest of several")
        words = text.split()
        if len(words) >= 2 and words[-1].casefold() in ("child", "baby"):
            return _match_case(text, f"younger {words[-1]}")
        return _match_case(text, "several " + " ".join(words[1:]))
    if d.attribute == "event":
        plural = bool(re.search(r"(?:ies|es|s)\b(?! of the skull$)", text.split()[0]
                                if text.split() else "")) or text.casefold().endswith("ies")
        plural = plural or text.casefold().startswith("fractures")
        if d.key in DEATH_KEYS:
            return text
        if d.key not in _INJURY_EVENTS:
            # A fire, press coverage or trafficking is not an injury: name only its kind.
            return "a significant incident"
        return "serious injuries" if plural else "serious injury"
    if d.attribute == "age":
        m = re.search(r"\d+", d.value)
        n = int(m.group(0)) if m else 0
        if d.age_kind == "months" or n < 1:
            return "under one"
        return ("under five" if n < 5 else "of primary school age" if n < 11
                else "of secondary school age")
    return _GENERIC.get(d.attribute, ("a general description", {}))[0]


# What an author writes instead of a place finer than a town (the name's last words decide).
# Lower case and without a leading article: the name usually follows "the", "at" or "to".
_PLACE_GENERIC = (
    (re.compile(r"\bestate$", re.I), "local estate"),
    (re.compile(r"\b(?:school|academy|college)$", re.I), "a local school"),
    (re.compile(r"\bnursery$", re.I), "a local nursery"),
    (re.compile(r"\b(?:church|mosque|temple|gurdwara|synagogue)$", re.I),
     "a local place of worship"),
    (re.compile(r"\b(?:medical centre|surgery|health centre)$", re.I), "the GP practice"),
)
_POSTCODE_SHAPE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?$", re.I)


def _place_replacement(area: Detail, text: str) -> str:
    """The generic words for a removed address, postcode or local place name."""
    if area.level == "address":
        return "the family home"  # the ADDRESS finding's own advice
    if area.level == "postcode" or _POSTCODE_SHAPE.match(text.strip()):
        return ""  # a postcode has no generic form: it is simply deleted
    for pattern, generic in _PLACE_GENERIC:
        if pattern.search(text.strip()):
            return generic
    return "the local area"


def _is_local_place(area: Detail) -> bool:
    """Finer than a town: an address, postcode, street, estate, village or named local place."""
    return LEVEL_RANK[area.level or "town"] < LEVEL_RANK["town"]


def _removal(areas: Sequence[Detail]) -> _Change | None:
    """The first rung for an address, postcode, street or estate: remove it.

    Every place finer than a town goes in one step: the hard rule ("an area smaller than a
    town with any other detail is HIGH") fires while any one of them is left, so removing
    them one at a time would never show a lower band. The area then falls back to the next
    level the document mentions (a town, a county, the board's area, else the UK).
    """
    local = sorted((a for a in areas if _is_local_place(a) and not a.fixed),
                   key=lambda a: (a.people or 0, LEVEL_RANK[a.level or "town"]))
    if not local:
        return None
    reps = tuple({"from": m.text, "to": _place_replacement(a, m.text), "paragraph": m.label}
                 for a in local for m in a.mentions if m.segment >= 0)
    left = _drop_inside([a for a in areas if a not in local], _mentions_of(local))
    fallback = _finest(left)
    first = local[0]
    shown = first.mentions[0].text if first.mentions else first.value
    return _Change("area", first.key, shown, _place_replacement(first, shown), reps, 1, None,
                   removed=tuple(local),
                   fallback=fallback.value if fallback else "the United Kingdom")


def _mentions_of(removed: Sequence[Detail]) -> list[Mention]:
    """The written mentions of the removed places (the board's area has none)."""
    return [m for d in removed for m in d.mentions if m.segment >= 0]


def _drop_inside(details: Sequence[Detail], gone: Sequence[Mention]) -> list[Detail]:
    """Details left once the `gone` spans are rewritten: a mention written inside one (the
    town in "14 Station Road, Stockport") goes with it, and a detail with no mention left
    is gone. Details with unknown positions (start -1) or no mentions are kept as they are.
    """
    spans = [(m.segment, m.start, m.start + len(m.text)) for m in gone if m.start >= 0]
    if not spans:
        return list(details)

    def inside(m: Mention) -> bool:
        end = m.start + len(m.text)
        return m.start >= 0 and any(seg == m.segment and lo <= m.start and end <= hi
                                    for seg, lo, hi in spans)

    out = []
    for d in details:
        kept = tuple(m for m in d.mentions if not inside(m))
        if not d.mentions or len(kept) == len(d.mentions):
            out.append(d)
        elif kept:
            out.append(replace(d, mentions=kept))
    return out


def _changes(details: Sequence[Detail], areas: Sequence[Detail]) -> list[_Change]:
    """Every generalisation one rung (or two, for areas and times) up its ladder."""
    out: list[_Change] = []
    area = _finest(areas)
    table, _ = _gazetteer()
    removal = _removal(areas)
    if removal is not None:
        out.append(removal)
    elif area is not None and not area.fixed:
        rungs: list[Area] = []
        known = table.get(area.value)
        if known is None:
            # A small area or an unknown town: up to the next coarser area the document names.
            coarser = sorted((a for a in areas if a is not area and (a.people or 0) > (
                area.people or 0)), key=lambda a: a.people or 0)
            if coarser:
                known = table.get(coarser[0].value)
                if known:
                    rungs.append(known)
        parent = table.get(known.parent) if known and known.parent else None
        while parent is not None and parent.level in ("county", "region") and len(rungs) < 2:
            rungs.append(parent)
            parent = table.get(parent.parent) if parent.parent else None
        for cost, target in enumerate(rungs, start=1):
            reps = tuple({"from": m.text, "to": target.name, "paragraph": m.label}
                         for m in area.mentions if m.segment >= 0)
            new_area = _area_detail(target, Mention(target.name, -1, "suggested"))
            out.append(_Change("area", area.key, area.value, target.name, reps, cost, None,
                               new_area))
    for d in details:
        if d.attribute == "time" and d.time is not None:
            t = d.time
            steps = []
            cur = t
            for _ in range(3):
                if cur.precision == "day":
                    cur = TimeValue("month", cur.year, cur.month)
                elif cur.precision in ("month", "season"):
                    cur = TimeValue("year", cur.year)
                else:
                    steps.append((None, TimeValue("year", cur.year).coarser()))
                    break
                steps.append((cur, cur.display()))
            for cost, (new_time, to_text) in enumerate(steps, start=1):
                reps = tuple({"from": m.text, "to": to_text, "paragraph": m.label}
                             for m in d.mentions if m.segment >= 0)
                new = None if new_time is None else _time_detail(new_time, d.mentions)
                shown = d.mentions[0].text if d.mentions else d.value
                out.append(_Change("time", d.key, shown, to_text, reps, cost, new))
        elif d.attribute in _GENERIC or d.attribute in ("family_size", "age"):
            if d.key in DEATH_KEYS or d.age_kind == "infant":
                continue  # a death or a baby cannot be written out of a review
            if d.rate > INDIRECT_MAX_RATE:
                continue  # "White British": shared by most people, nothing to gain
            reps = tuple({"from": m.text, "to": _replacement_text(d, m.text),
                          "paragraph": m.label} for m in d.mentions if m.segment >= 0)
            if not reps:
                continue
            first = reps[0]["to"]
            out.append(_Change(d.attribute, d.key, d.mentions[0].text, first, reps, 1, None))
    return out


def _apply(change: _Change, details: list[Detail], areas: list[Detail]
           ) -> tuple[list[Detail], list[Detail]]:
    if change.removed:
        gone = _mentions_of(change.removed)
        kept = _drop_inside([a for a in areas if a not in change.removed], gone)
        return _drop_inside(details, gone), kept
    if change.attribute == "area":
        kept = [a for a in areas if a.key != change.key]
        new = change.new_area
        assert new is not None
        if not any(a.key == new.key for a in kept):
            kept.append(new)
        return details, kept
    kept_d = [d for d in details if d.key != change.key]
    if change.new_detail is not None:
        kept_d.append(change.new_detail)
    return kept_d, areas


def suggestions(details: list[Detail], areas: list[Detail], policy: str = "ico",
                unit: str = "children") -> list[dict]:
    """A greedy plan: at each step the change that lowers the band most, then the cheapest,
    then the one that leaves most matching families. `after` includes earlier steps."""
    plan: list[dict] = []
    cur_d, cur_a = list(details), list(areas)
    band = band_for(_with_area(cur_d, cur_a), policy, unit)[0]
    for step in range(1, MAX_STEPS + 1):
        if BAND_RANK[band] <= BAND_RANK["LOW"]:
            break
        best: tuple | None = None
        for ch in _changes(cur_d, cur_a):
            nd, na = _apply(ch, cur_d, cur_a)
            b, lam, k, _ = band_for(_with_area(nd, na), policy, unit)
            score = (BAND_RANK[b], ch.cost, -min(lam, 1e18))
            if best is None or score < best[0]:
                best = (score, ch, nd, na, b, lam, k)
        if best is None:
            break
        _, ch, cur_d, cur_a, band, lam, k = best
        families = (None if not math.isfinite(lam)
                    else _family_count(lam) if lam >= 1 else _round(lam))
        text = (f"{_what(ch)}: after this change"
                f"{' (with the changes above)' if step > 1 else ''} {_families(lam, unit)}, "
                f"risk {band}")
        plan.append({"step": step, "attribute": ch.attribute, "from": ch.from_text,
                     "to": ch.to_text, "replacements": [dict(r) for r in ch.replacements],
                     "after": {"lambda": _round(lam), "kappa": _round(k), "band": band,
                               "families": families},
                     "text": text, "model": model_figures(lam, k)})
    return plan


def _what(ch: _Change) -> str:
    """The change in words: a replacement, or a removal and where the area falls back to."""
    if not ch.removed:
        return f"Replace \"{ch.from_text}\" with \"{ch.to_text}\""
    what = (f"Remove \"{ch.from_text}\"" if not ch.to_text
            else f"Remove \"{ch.from_text}\" (write \"{ch.to_text}\")")
    others = len(ch.removed) - 1
    if others:
        what += (f" and the {others} other named "
                 f"{'place' if others == 1 else 'places'} finer than a town")
    return f"{what}; the area falls back to {ch.fallback}"


def _families(lam: float, unit: str = "children") -> str:
    """"about 14 other families would match", "probably no other family would match"."""
    words = UNITS[unit]
    if not math.isfinite(lam):
        return "no detail is left for an intruder to match"
    if lam < 1:
        return f"probably no other {words['one']} would match"
    n = _family_count(lam)
    return f"about {n:,} other {words['one'] if n == 1 else words['many']} would match"


def summary(lam: float | None, band: str, area: str, unit: str = "children",
            level: str = "") -> str:
    """The combination risk in one plain sentence, for every report."""
    words = UNITS[unit]
    where = (f"{'at' if level == 'address' else 'in'} {area}" if area
             else "in the United Kingdom")
    if band == "NONE" or lam is None or not math.isfinite(lam):
        return (f"No details were found that narrow down which {words['one']} {where} this "
                f"review is about: risk {band}.")
    if lam < 1:
        return (f"Probably no other {words['one']} {where} would match these details "
                f"together, so a reader who knows them can tell who this review is about: "
                f"risk {band}.")
    n = _family_count(lam)
    noun = words["one"] if n == 1 else words["many"]
    return f"About {n:,} other {noun} {where} would match these details together: risk {band}."


def _family_count(lam: float) -> int:
    """λ as a count to show: whole families, two significant figures from 100 up."""
    if not math.isfinite(lam):
        return 0
    return round(lam) if lam < 100 else int(float(f"{lam:.2g}"))


def _round(x: float) -> float:
    if not math.isfinite(x) or x == 0:
        return x if math.isfinite(x) else 0.0
    return float(f"{x:.4g}")


# --------------------------------------------------------------------------- intruder test


def _query_term(d: Detail) -> str:
    if d.attribute == "time":
        return str(d.time.year) if d.time else d.value
    if d.attribute == "age":
        return d.value.replace(" years", " year old").replace(" months", " month old")
    text = d.mentions[0].text if d.mentions and d.attribute != "area" else d.value
    return f'"{text}"' if " " in text else text


def intruder_queries(combo: Sequence[Detail], anchors: Sequence[Detail] = ()) -> list[str]:
    """What a motivated intruder would type for one combination (strings only).

    `anchors` (the document's area and index-event time) are added when the combination
    lacks them: an intruder searching for a case always adds the place and the year.
    """
    area = next((d for d in (*combo, *anchors) if d.attribute == "area"), None)
    time = next((d for d in (*combo, *anchors) if d.attribute == "time"), None)
    rest = [_query_term(d) for d in combo if d.attribute not in ("area", "time")]
    place = _query_term(area) if area else ""
    year = time.time.year if time and time.time else None
    when = (f'"{time.time.display()}"' if time and time.time and time.time.rank >= 2
            else str(year) if year else "")
    base = " ".join(x for x in (place, *rest, str(year) if year else "") if x)
    news = " ".join(x for x in (place, *rest, "news", when) if x)
    court_years = f"{year} OR {year + 1}" if year else ""
    court = " ".join(x for x in (place, *rest, "court (sentenced OR jailed OR \"care "
                                 "proceedings\")", court_years) if x)
    return list(dict.fromkeys([base, news, court]))


# --------------------------------------------------------------------------- public API


ASSUMPTIONS = [
    "Details are assumed independent; real families cluster, so true risk may be higher.",
    "Base rates have a vintage (the year given with each); populations are ONS Census 2021.",
    "N counts children aged 0-17 living in the area (1.2% of residents a year × 18 years); a "
    "family with several children is counted once per child, which overstates N slightly.",
    "Index events have annual rates; a reader is assumed to know the event lies in a ≈ 3-year "
    "window before publication, so naming the year divides by 3.",
    "Attributes without a known rate are treated as rare (1 in 2,000), never as common.",
    "The board's own area is published with the review, so it always counts.",
    "A person must judge: this is an estimate to prompt a motivated-intruder test, not a "
    "statement that the document is anonymised.",
]
# An adult review counts adults: the third assumption reads differently.
ADULT_ASSUMPTION = ("N counts adults aged 18 and over living in the area (the residents less "
                    "the children aged 0-17); ages under 18 and words such as \"baby\" are "
                    "taken to be about relatives, not the person the review is about.")

# How each attribute reads in a report, per population (plain words, no model terms).
ATTRIBUTE_TITLES = {
    "children": {"age": "Child's age", "occupation": "Parent's occupation"},
    "adults": {"age": "Age", "occupation": "Occupation"},
}
_TITLES = {"area": "Area", "time": "Time of the event", "multiple_birth": "Multiple birth",
           "family_size": "Family size", "ethnicity": "Ethnicity", "religion": "Religion",
           "language": "Language", "nationality": "Nationality", "condition": "Health condition",
           "event": "Event", "looked_after": "Looked after"}


def attribute_title(attribute: str, unit: str = "children") -> str:
    """"Child's age" in a child review, "Age" in an adult one."""
    return (ATTRIBUTE_TITLES[unit].get(attribute) or _TITLES.get(attribute)
            or attribute.replace("_", " ").capitalize())


def appendix(lam: float, k: float, bits: float, unit: str = "children") -> dict:
    """The model's symbols and this document's figures, for an appendix or docs/jigsaw.md."""
    words = UNITS[unit]
    return {
        "figures": model_figures(lam, k, bits),
        "symbols": {
            "λ (lambda)": f"the expected number of other {words['many']} in the area who "
                          "share every detail: the population counted × the share of it "
                          "with each detail, multiplied together",
            "κ (kappa)": f"the chance that a reader who finds one matching {words['one']} has "
                         "the right one: (1 − e^(−λ)) / λ",
            "bits": "how much the details narrow the population: each halving is one bit "
                    "(Σ −log₂ of each detail's share, the area's included)",
        },
        "population": UNITS[unit]["unit"],
        "bands": "HIGH when κ ≥ 0.33, MEDIUM when κ ≥ 0.09 (0.05 with the strict policy), "
                 "else LOW; an area smaller than a town with any other detail, or the index "
                 "event with the time and an area of county level or finer, is HIGH; three "
                 "or more indirect identifiers are at least MEDIUM.",
    }


def assess(document: Any, findings: list[Finding], policy: str = "ico",
           area_allow: tuple[str, ...] = (), review_type: Any = None) -> dict:
    """The document-level jigsaw object (JSON-serialisable). See the module docstring.

    `review_type` (a review_type.ReviewType or id; None: a child review) decides the
    population counted: children for child reviews, adults for adult ones.
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown jigsaw policy {policy!r} (use {', '.join(POLICIES)})")
    unit = unit_for(review_type)
    details, areas = collect(document, findings, area_allow, unit)
    all_details = _with_area(details, areas)
    band, lam, k, reasons = band_for(all_details, policy, unit)
    area = _finest(areas)
    n_people = area.people if area else uk_people()
    adults = unit == "adults"
    population = {
        "area": area.value if area else "United Kingdom",
        "level": area.level if area else "country",
        "people": n_people,
        # Child reviews count children; an adult review has no child count (None) and
        # counts adults instead.
        "children": None if adults else round(n_people * children_per_person()),
        "adults": round(n_people * adults_per_person()) if adults else None,
        "counted": unit,
        "unit": UNITS[unit]["unit"],
        "source": base_rates()["areas"]["source"] if area is None or area.level in (
            "town", "county", "region", "country") else area.source,
    }
    has_age = any(d.attribute == "age" for d in all_details)
    qis = []
    for d in sorted(all_details, key=lambda d: -d.bits):
        p = _event_rate(d, has_age) if d.attribute == "event" else d.rate
        qis.append({"attribute": d.attribute, "title": attribute_title(d.attribute, unit),
                    "value": d.value, "rate": _round(p),
                    "bits": round(-math.log2(p), 2) if 0 < p < 1 else 0.0,
                    "source": d.source, "year": d.year, "paragraphs": d.paragraphs,
                    "mentions": list(dict.fromkeys(m.text for m in d.mentions))})
    combos: list[dict] = []
    queries: list[dict] = []
    if BAND_RANK[band] >= BAND_RANK["MEDIUM"]:
        for combo in minimal_combinations(all_details, band, policy, unit=unit):
            b, cl, ck, creasons = band_for(combo, policy, unit)
            labels = [d.label for d in combo]
            combos.append({"details": labels, "lambda": _round(cl), "kappa": _round(ck),
                           "bits": round(_bits(combo), 2), "band": b, "reasons": creasons,
                           "paragraphs": list(dict.fromkeys(
                               p for d in combo for p in d.paragraphs)),
                           "text": _combination_text(combo, cl, b, unit),
                           "model": model_figures(cl, ck, _bits(combo))})
            if len(queries) < 5:
                anchors = [d for d in all_details if d.attribute in ("area", "time")]
                queries.append({"combination": labels,
                                "queries": intruder_queries(combo, anchors),
                                "note": QUERY_NOTE})
    assumptions = list(ASSUMPTIONS)
    if adults:
        assumptions[2] = ADULT_ASSUMPTION
    shown_area = "" if area is None else area.value
    bits = _bits(all_details)
    return {
        "band": band,
        "policy": policy,
        "summary": summary(lam, band, shown_area, unit, area.level if area else ""),
        "lambda": _round(lam) if math.isfinite(lam) else None,
        "kappa": _round(k),
        "bits": round(bits, 2),
        "reasons": reasons,
        "population": population,
        "quasi_identifiers": qis,
        "combinations": combos,
        "suggestions": suggestions(details, areas, policy, unit),
        "queries": queries,
        "assumptions": assumptions,
        "appendix": appendix(lam, k, bits, unit),
    }


def _combination_text(combo: Sequence[Detail], lam: float, band: str, unit: str) -> str:
    """One combination in words: "Area, Time of the event and Event together: probably no
    other family would match (risk HIGH)"."""
    titles = list(dict.fromkeys(attribute_title(d.attribute, unit) for d in combo))
    joined = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]
    return f"{joined} together: {_families(lam, unit)} (risk {band})"


def exceeds(jigsaw: dict | None, fail_on: str) -> bool:
    """True when the document's band is at or above `fail_on` (high, medium, low, never)."""
    if not jigsaw or fail_on.lower() == "never":
        return False
    want = BAND_RANK.get(fail_on.upper())
    if want is None:
        raise ValueError(f"unknown jigsaw threshold {fail_on!r} (use high, medium or never)")
    return BAND_RANK.get(str(jigsaw.get("band", "NONE")).upper(), 0) >= want
