"""UK geography gazetteer: places, their populations and nesting (no network at run time).

Data: ``redactcheck/data/uk_geography.tsv`` built by ``redactcheck/data/build_geography.py``
(see docs/geography.md). Current coverage: England and Wales local authorities (Census 2021),
their metropolitan/non-metropolitan counties, English regions, the two nations.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_TSV = Path(__file__).with_name("data") / "uk_geography.tsv"
_KIND_ORDER = {
    "postcode_district": 0,
    "town": 1,
    "local_authority": 2,
    "county": 3,
    "region": 4,
    "nation": 5,
    "uk": 6,
}


@dataclass(frozen=True)
class Place:
    """One area of the gazetteer."""

    id: str
    name: str
    kind: str
    population: int
    parent: str | None
    source: str
    year: int


def _key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key ("Ynys Môn" == "ynys mon")."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@cache
def _load() -> tuple[dict[str, Place], dict[str, tuple[str, ...]]]:
    places: dict[str, Place] = {}
    names: dict[str, list[str]] = {}
    for line in _TSV.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("id\t"):
            continue
        pid, name, kind, pop, parent, source, year, aliases = (line.split("\t") + [""] * 8)[:8]
        places[pid] = Place(pid, name, kind, int(pop), parent or None, source, int(year))
        forms = {name, *[a for a in aliases.split("|") if a]}
        if "," in name:  # "Bristol, City of" -> "City of Bristol"
            head, tail = name.split(",", 1)
            forms.add(f"{tail.strip()} {head.strip()}")
        for form in forms:
            names.setdefault(_key(form), []).append(pid)
    index = {
        k: tuple(sorted(v, key=lambda i: _KIND_ORDER[places[i].kind])) for k, v in names.items()
    }
    return places, index


def by_id(place_id: str) -> Place:
    """The place with this id (KeyError if absent)."""
    return _load()[0][place_id]


def candidates(name: str) -> list[Place]:
    """Every place a name or alias may mean, finest level first."""
    places, index = _load()
    return [places[i] for i in index.get(_key(name), ())]


def lookup(name: str) -> Place | None:
    """The finest place called ``name`` (case- and accent-insensitive), or None."""
    found = candidates(name)
    return found[0] if found else None


def ancestors(place: Place) -> list[Place]:
    """The parent chain from ``place`` up to "uk" (excluding ``place``)."""
    chain: list[Place] = []
    current = place
    while current.parent:
        current = by_id(current.parent)
        chain.append(current)
    return chain


def contains(outer: Place, inner: Place) -> bool:
    """True when ``inner`` is ``outer`` or nested inside it."""
    return outer == inner or outer in ancestors(inner)


def postcode_district(code: str) -> Place | None:
    """The postcode district of "M14 5AB" / "m14" (None: that level is not yet in the data)."""
    m = re.match(r"\s*([A-Za-z]{1,2}[0-9][0-9A-Za-z]?)\b", code)
    if not m:
        return None
    place = _load()[0].get("pcd:" + m.group(1).upper())
    return place


_BOARD_WORDS = re.compile(
    r"\b(?:regional\s+)?(?:local\s+)?safeguarding\b.*$|\b(?:children'?s?|adults?)\s+(?:safeguarding|partnership).*$",
    re.IGNORECASE,
)


def board_area(board_name: str) -> Place | None:
    """The area named in a safeguarding board or partnership name ("X Safeguarding Board")."""
    head = _BOARD_WORDS.sub("", board_name).strip(" ,")
    head = re.sub(r"^the\s+", "", head, flags=re.IGNORECASE)
    place = lookup(head)
    if place is not None:
        return place
    for part in re.split(r"\s+and\s+|,\s*", head):  # "X and Y" boards: the first named area
        place = lookup(part)
        if place is not None:
            return place
    return None


def local_authorities() -> list[Place]:
    """Every local authority in the gazetteer."""
    return [p for p in _load()[0].values() if p.kind == "local_authority"]
