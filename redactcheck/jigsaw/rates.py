"""The shipped base rates and the area table (redactcheck/data/base_rates.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

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

DATA_FILE = Path(__file__).parent.parent / "data" / "base_rates.yaml"



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
    from ..review_type import get

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

