"""The matching model: λ = N × Π p, κ = (1 − e^(−λ)) / λ, bands, minimal combinations."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from itertools import combinations

from .details import Detail
from .rates import (
    BAND_RANK,
    LEVEL_RANK,
    MAX_COMBINATION,
    MAX_POOL,
    POLICIES,
    UNITS,
    _entry,
    base_rates,
    uk_people,
)

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

