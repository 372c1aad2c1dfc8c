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
from collections.abc import Mapping, Sequence
from typing import Any

from ..findings import Finding
from .details import Detail, Mention, TimeValue, _area_detail, _small_area, _term_detail, collect
from .intruder import QUERY_NOTE, intruder_queries
from .model import (
    _bits,
    _event_rate,
    _families,
    _finest,
    _round,
    _with_area,
    band_for,
    expected_matches,
    kappa,
    matches,
    minimal_combinations,
    model_figures,
    summary,
)
from .rates import (
    BAND_RANK,
    MAX_COMBINATION,
    POLICIES,
    UNITS,
    adults_per_person,
    base_rates,
    children_per_person,
    lookup_area,
    uk_people,
    unit_for,
)
from .result import JigsawResult
from .suggest import _changes, suggestions

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
           area_allow: tuple[str, ...] = (), review_type: Any = None) -> JigsawResult:
    """The document-level combination risk, a frozen JigsawResult (`to_dict()`: JSON).

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
    return JigsawResult(
        band=band,
        policy=policy,
        summary=summary(lam, band, shown_area, unit, area.level if area else ""),
        lam=_round(lam) if math.isfinite(lam) else None,
        kappa=_round(k),
        bits=round(bits, 2),
        band_range=(band, band),
        reasons=tuple(reasons),
        population=population,
        details=tuple(qis),
        combinations=tuple(combos),
        suggestions=tuple(suggestions(details, areas, policy, unit)),
        queries=tuple(queries),
        assumptions=tuple(assumptions),
        appendix=appendix(lam, k, bits, unit),
    )


def _combination_text(combo: Sequence[Detail], lam: float, band: str, unit: str) -> str:
    """One combination in words: "Area, Time of the event and Event together: probably no
    other family would match (risk HIGH)"."""
    titles = list(dict.fromkeys(attribute_title(d.attribute, unit) for d in combo))
    joined = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]
    return f"{joined} together: {_families(lam, unit)} (risk {band})"


def exceeds(jigsaw: Mapping[str, Any] | None, fail_on: str) -> bool:
    """True when the document's band is at or above `fail_on` (high, medium, low, never)."""
    if not jigsaw or fail_on.lower() == "never":
        return False
    want = BAND_RANK.get(fail_on.upper())
    if want is None:
        raise ValueError(f"unknown jigsaw threshold {fail_on!r} (use high, medium or never)")
    return BAND_RANK.get(str(jigsaw.get("band", "NONE")).upper(), 0) >= want



# The names the package's users and tests reach for (the modules hold the rest).
__all__ = [
    "ADULT_ASSUMPTION", "ASSUMPTIONS", "BAND_RANK", "MAX_COMBINATION", "POLICIES", "QUERY_NOTE",
    "Detail", "JigsawResult", "Mention", "TimeValue", "appendix", "assess", "attribute_title",
    "band_for", "base_rates", "collect", "exceeds", "expected_matches", "intruder_queries",
    "kappa", "lookup_area", "matches", "minimal_combinations", "model_figures", "summary",
    "suggestions", "uk_people",
    # Internals the tests reach for.
    "_area_detail", "_changes", "_small_area", "_term_detail",
]
