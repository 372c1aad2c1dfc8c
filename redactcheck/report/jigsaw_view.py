"""The jigsaw (combination) risk as people read it: plain sentences and humane numbers.

`jigsaw.assess` returns model figures (λ 2.637e-49, κ 1.0). A review manager needs "no other
family is likely to match", "1 in 2,000", "over 99%" and the order of changes to make. This
module turns the dict into display strings once, so the HTML page, the annotated DOCX and
the terminal say the same thing in the same words. Masking happens here too: detail values,
mentions, places and queries are document text, so a masked report must not show them.

Every key is read with `.get`: the dict comes from a module that is still growing, and a
report must never fail because a field it only displays is missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from . import Masker
from .mask import name_parts

# Shown when the dict carries no assumptions: the three limits the issue says are always shown.
LIMITS = (
    "Details are assumed independent; real families cluster, so the true risk may be higher.",
    "Base rates have a vintage (the year given with each) and are rounded estimates.",
    "A person must judge: this is an estimate to prompt a motivated-intruder test, not a "
    "statement that the document is anonymised.",
)
LIMITS_LINE = ("Limits: details assumed independent; base rates have a vintage; a person must "
               "judge (an estimate to prompt a motivated-intruder test, not proof of anonymity).")
QUERY_NOTE = ("Generated, never run: the manual motivated-intruder test the review manager "
              "records. Sending them to a search engine would itself leak the case, so "
              "redactcheck never does; run them by hand and record what you find.")

ATTRIBUTE_TITLES = {
    "area": "Area",
    "time": "Time of the event",
    "age": "Child's age",
    "multiple_birth": "Multiple birth",
    "family_size": "Family size",
    "ethnicity": "Ethnicity",
    "religion": "Religion",
    "language": "Language",
    "nationality": "Nationality",
    "condition": "Health condition",
    "event": "Event",
    "occupation": "Parent's occupation",
    "looked_after": "Looked after",
}

# The attribute titles that name the review's subject, per population counted (the
# jigsaw's population "counted": children in a child review, adults in an adult one).
SUBJECT_TITLES = {"children": {}, "adults": {"age": "Age", "occupation": "Occupation"}}

# How an area reads after "families ... ": an address is "at", everything else "in".
_PREPOSITION = {"address": "at"}


# --------------------------------------------------------------------------- numbers


def _sig2(x: float) -> float:
    """`x` rounded to two significant figures (a rate or a count is never more exact)."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, -int(math.floor(math.log10(abs(x)))) + 1)


def count(x: float) -> str:
    """A count a person reads at a glance: 0.65, 2.5, 14, 64,000, 22 million."""
    if not math.isfinite(x):
        return "unknown"
    if x >= 1e9:
        return f"{_sig2(x / 1e9):g} billion"
    if x >= 1e6:
        return f"{_sig2(x / 1e6):g} million"
    if x >= 1000:
        return f"{_sig2(x):,.0f}"
    if x >= 10:
        return f"{round(x):,}"
    if x >= 1:
        return f"{x:.1f}".removesuffix(".0")
    return f"{x:.2f}"


def rate(p: float | None) -> str:
    """How common a detail is: "1.6%" down to 1%, then "1 in 2,000" (never 5e-04)."""
    if p is None or not math.isfinite(p) or p <= 0:
        return "unknown"
    if p >= 1:
        return "everyone"
    if p >= 0.01:
        return f"{_sig2(p * 100):g}%"
    one_in = 1 / p
    # Below 1,000 the exact "1 in 216" reads better than a rounded "1 in 220".
    return f"1 in {round(one_in):,}" if one_in < 1000 else f"1 in {count(one_in)}"


def chance(kappa: float | None) -> str:
    """κ as the chance that a reader's guess is right: "82%", "over 99%", "under 1%"."""
    if kappa is None or not math.isfinite(kappa):
        return "unknown"
    if kappa >= 0.995:
        return "over 99%"
    if kappa < 0.005:
        return "under 1%"
    return f"{round(kappa * 100)}%"


def families(lam: float | None) -> str:
    """λ for a table cell: "fewer than 1 in 100", "0.65", "14"."""
    if lam is None or not math.isfinite(lam):
        return "unknown"
    return "fewer than 1 in 100" if lam < 0.01 else count(lam)


def after_families(lam: float | None) -> str:
    """A suggestion's result in families: "≈ 14 families match"."""
    if lam is None or not math.isfinite(lam):
        return "the number of matching families is unknown"
    if lam < 0.01:
        return "fewer than 1 in 100 other families expected to match"
    if lam < 1:
        return f"≈ {count(lam)} other families expected to match (fewer than one)"
    return f"≈ {count(lam)} families match"


def sentence(lam: float | None, band: str, area: str, level: str) -> str:
    """The one sentence a review manager reads first."""
    where = f"{_PREPOSITION.get(level, 'in')} {area}"
    if band == "NONE" or lam is None or not math.isfinite(lam):
        return f"No details about the family were found that narrow it down {where}: risk {band}."
    if lam < 0.01:
        return (f"No other family {where} is likely to match these details together (the "
                f"expected number is fewer than 1 in 100): risk {band}.")
    if lam < 1:
        return (f"Probably no other family {where} matches these details together (the "
                f"expected number is ≈ {count(lam)}): risk {band}.")
    return f"About {count(lam)} families {where} would match these details together: risk {band}."


def attribute_title(attribute: str, unit: str = "children") -> str:
    """"Child's age" in a child review, "Age" in an adult one (`unit`: who is counted)."""
    return (SUBJECT_TITLES.get(unit, {}).get(attribute) or ATTRIBUTE_TITLES.get(attribute)
            or attribute.replace("_", " ").capitalize())


# --------------------------------------------------------------------------- view


@dataclass(frozen=True)
class DetailView:
    attribute: str
    value: str
    written_as: list[str]  # the document's own wordings when they differ from the value
    rate: str
    source: str
    year: str
    where: list[str]


@dataclass(frozen=True)
class CombinationView:
    details: list[tuple[str, str]]  # (attribute title, value)
    families: str
    chance: str
    bits: str
    band: str
    where: list[str]

    @property
    def label(self) -> str:
        return " + ".join(f"{a}: {v}" for a, v in self.details)


@dataclass(frozen=True)
class SuggestionView:
    step: int
    change: str  # Replace “nine children” with “several children”
    where: list[str]
    after_families: str  # ≈ 14 families match
    after_band: str

    @property
    def after(self) -> str:
        """The issue's wording: "after this change: ≈ 14 families match, LOW"."""
        band = f", {self.after_band}" if self.after_band else ""
        return f"after this change: {self.after_families}{band}"


@dataclass(frozen=True)
class QueryView:
    combination: str
    queries: list[str]


@dataclass(frozen=True)
class JigsawView:
    band: str
    sentence: str
    population: str
    policy: str
    reasons: list[str]
    details: list[DetailView]
    combinations: list[CombinationView]  # smallest first, then the most identifying
    more_combinations: int  # found but not shown
    suggestions: list[SuggestionView]
    queries: list[QueryView]
    limits: list[str] = field(default_factory=lambda: list(LIMITS))
    limits_line: str = LIMITS_LINE
    query_note: str = QUERY_NOTE


def _num(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _secrets(jigsaw: dict, finding_texts: list[str]) -> list[str]:
    """Every string in the dict that was copied from the document."""
    out = list(finding_texts) + name_parts(finding_texts)
    for qi in jigsaw.get("quasi_identifiers") or []:
        out.append(str(qi.get("value", "")))
        out.extend(str(m) for m in qi.get("mentions") or [])
    for s in jigsaw.get("suggestions") or []:
        out.append(str(s.get("from", "")))
        out.extend(str(r.get("from", "")) for r in s.get("replacements") or [])
    area = (jigsaw.get("population") or {}).get("area")
    if area:
        out.append(str(area))
    # Attribute-like values ("looked_after") are not document text; masking them costs nothing.
    return [s for s in out if s.strip()]


def build(jigsaw: dict, finding_texts: list[str], masked: bool,
          max_combinations: int | None = 12) -> JigsawView:
    """The display form of `jigsaw`; document text masked when `masked`."""
    secrets = _secrets(jigsaw, finding_texts) if masked else []
    masker = Masker(secrets) if masked else None

    def value(v: Any) -> str:  # a string copied from the document, shown on its own
        text = "" if v is None else str(v)
        return masker.text(text) if masker else text

    def free(v: Any) -> str:  # our own words (labels, queries) that may quote the document
        text = "" if v is None else str(v)
        # Whole words only: a short finding such as "CR" must not star the middle of
        # "Document property: description".
        return masker.context(text) if masker else text

    band = str(jigsaw.get("band") or "NONE").upper()
    population = jigsaw.get("population") or {}
    unit = str(population.get("counted") or "children")
    # Our fallback wording is not document text; a named area is and is masked.
    area = value(population["area"]) if population.get("area") else "the United Kingdom"
    level = str(population.get("level") or "")
    people, children = _num(population.get("people")), _num(population.get("children"))
    pop = area + (f" ({level.replace('_', ' ')} level)" if level else "")
    if people is not None:
        pop += f": about {count(people)} people"
        if children is not None:
            pop += (f", about {count(children)} "
                    f"{'child' if children < 1.5 else 'children'} aged 0-17")
    if population.get("source"):
        pop += f". Source: {free(population['source'])}"

    details = []
    for qi in jigsaw.get("quasi_identifiers") or []:
        shown = str(qi.get("value", ""))
        mentions = [str(m) for m in qi.get("mentions") or []]
        details.append(DetailView(
            attribute=attribute_title(str(qi.get("attribute", "")), unit),
            value=value(shown.replace("_", " ") if shown == qi.get("attribute") else shown),
            written_as=[value(m) for m in mentions if m.casefold() != shown.casefold()],
            rate=rate(_num(qi.get("rate"))),
            source=free(qi.get("source", "")),
            year=str(qi.get("year") or ""),
            where=[free(p) for p in qi.get("paragraphs") or []],
        ))

    combos = list(jigsaw.get("combinations") or [])
    # Smallest first (the fewest details to change), then the ones a reader is surest about.
    combos.sort(key=lambda c: (len(c.get("details") or []), -(_num(c.get("kappa")) or 0.0)))
    shown_combos = combos if max_combinations is None else combos[:max_combinations]
    combinations = []
    for c in shown_combos:
        parts = []
        for label in c.get("details") or []:
            attribute, sep, val = str(label).partition(": ")
            parts.append((attribute_title(attribute, unit), value(val)) if sep
                         else ("Detail", value(label)))
        bits = _num(c.get("bits"))
        combinations.append(CombinationView(
            details=parts, families=families(_num(c.get("lambda"))),
            chance=chance(_num(c.get("kappa"))), bits=f"{bits:.1f}" if bits is not None else "",
            band=str(c.get("band") or band), where=[free(p) for p in c.get("paragraphs") or []],
        ))

    suggestions = []
    for n, s in enumerate(jigsaw.get("suggestions") or [], start=1):
        after = s.get("after") or {}
        after_band = str(after.get("band") or "")
        lam = _num(after.get("families", after.get("lambda")))
        if s.get("from") and s.get("to"):
            change = f"Replace \u201c{value(s['from'])}\u201d with \u201c{s['to']}\u201d"
        else:
            change = free(s.get("text", ""))
        where = list(dict.fromkeys(free(r.get("paragraph", ""))
                                   for r in s.get("replacements") or [] if r.get("paragraph")))
        suggestions.append(SuggestionView(step=int(s.get("step") or n), change=change,
                                          where=where, after_families=after_families(lam),
                                          after_band=after_band))

    queries = []
    for q in jigsaw.get("queries") or []:
        label = " + ".join(
            f"{attribute_title(a, unit)}: {value(v)}" if sep else value(a)
            for a, sep, v in (str(x).partition(": ") for x in q.get("combination") or []))
        queries.append(QueryView(combination=label,
                                 queries=[free(x) for x in q.get("queries") or []]))

    return JigsawView(
        band=band,
        sentence=sentence(_num(jigsaw.get("lambda")) if band != "NONE" else None, band, area,
                          level),
        population=pop,
        policy=str(jigsaw.get("policy") or ""),
        # "κ = 1 (λ ≈ 2.64e-49)" repeats the sentence in model notation; the hard rules that
        # fired are what a reader can act on.
        reasons=[free(r) for r in jigsaw.get("reasons") or [] if not str(r).startswith("κ")],
        details=details,
        combinations=combinations,
        more_combinations=len(combos) - len(shown_combos),
        suggestions=suggestions,
        queries=queries,
        limits=[free(a) for a in jigsaw.get("assumptions") or []] or list(LIMITS),
    )
