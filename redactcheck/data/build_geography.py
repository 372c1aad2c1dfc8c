"""Build redactcheck/data/uk_geography.tsv from open data (run by hand; CI never needs it).

Source: ONSvisual/census-population-scrolly ``src/lib/poprank.js`` (ONS, Census 2021 first
results, usual residents rounded to the nearest 100, per 2021 local authority district of
England and Wales, with its county and region), Open Government Licence v3.

Usage: python redactcheck/data/build_geography.py /path/to/census-population-scrolly [out.tsv]
(a checkout, or a bare git directory: the file is read with ``git show HEAD:...``).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

SOURCE = (
    "ONS Census 2021 (TS001 first results, rounded to 100) "
    "via ONSvisual/census-population-scrolly; OGL v3"
)
ALIASES = {
    "Cardiff": ["Caerdydd"],
    "Swansea": ["Abertawe"],
    "Isle of Anglesey": ["Ynys Môn", "Anglesey"],
    "Kingston upon Hull": ["Kingston upon Hull, City of", "Hull"],
    "Bristol": ["Bristol, City of", "City of Bristol"],
    "Newport": ["Casnewydd"],
    "Vale of Glamorgan": ["Bro Morgannwg"],
    "Monmouthshire": ["Sir Fynwy"],
    "Herefordshire": ["Herefordshire, County of"],
    "Gwynedd": [],
    "Conwy": [],
    "Denbighshire": ["Sir Ddinbych"],
    "Flintshire": ["Sir y Fflint"],
    "Powys": [],
    "Carmarthenshire": ["Sir Gaerfyrddin"],
    "Pembrokeshire": ["Sir Benfro"],
    "Ceredigion": [],
    "Wrexham": ["Wrecsam"],
    "Bridgend": ["Pen-y-bont ar Ogwr"],
    "St. Helens": ["St Helens"],
}


# Ceremonial (lieutenancy) county of each English unitary authority, 2021 (public fact; the
# Stockton-on-Tees borough straddles Durham and North Yorkshire and is put in Durham).
CEREMONIAL = {
    "Durham": ["County Durham", "Darlington", "Hartlepool", "Stockton-on-Tees"],
    "Cornwall": ["Cornwall", "Isles of Scilly"],
    "Buckinghamshire": ["Buckinghamshire", "Milton Keynes"],
    "Wiltshire": ["Wiltshire", "Swindon"],
    "Bristol": ["Bristol"],
    "Northamptonshire": ["West Northamptonshire", "North Northamptonshire"],
    "Dorset": ["Dorset", "Bournemouth, Christchurch & Poole"],
    "Leicestershire": ["Leicester"],
    "Cheshire": ["Cheshire East", "Cheshire West and Chester", "Warrington", "Halton"],
    "East Riding of Yorkshire": ["East Riding of Yorkshire", "Kingston upon Hull"],
    "Shropshire": ["Shropshire", "Telford and Wrekin"],
    "Nottinghamshire": ["Nottingham"],
    "Northumberland": ["Northumberland"],
    "Bedfordshire": ["Central Bedfordshire", "Bedford", "Luton"],
    "Gloucestershire": ["South Gloucestershire"],
    "Kent": ["Medway"],
    "East Sussex": ["Brighton and Hove"],
    "Devon": ["Plymouth", "Torbay"],
    "Derbyshire": ["Derby"],
    "Staffordshire": ["Stoke-on-Trent"],
    "Hampshire": ["Southampton", "Portsmouth"],
    "Somerset": ["North Somerset", "Bath and North East Somerset"],
    "Cambridgeshire": ["Peterborough"],
    "North Yorkshire": ["York", "Middlesbrough", "Redcar and Cleveland"],
    "Herefordshire": ["Herefordshire"],
    "Essex": ["Southend-on-Sea", "Thurrock"],
    "Berkshire": [
        "Wokingham",
        "Reading",
        "West Berkshire",
        "Slough",
        "Windsor and Maidenhead",
        "Bracknell Forest",
    ],
    "Lincolnshire": ["North Lincolnshire", "North East Lincolnshire"],
    "Lancashire": ["Blackburn with Darwen", "Blackpool"],
    "Isle of Wight": ["Isle of Wight"],
    "Rutland": ["Rutland"],
}
UNITARY_COUNTY = {la: county for county, las in CEREMONIAL.items() for la in las}
ADMIN_TO_CEREMONIAL = {"Inner London": "Greater London", "Outer London": "Greater London"}
COUNTY_ALIASES = {"Durham": ["County Durham"], "Greater London": ["London"]}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _read(src: Path) -> list[dict]:
    path = src / "src/lib/poprank.js"
    if path.exists():
        text = path.read_text(encoding="utf-8")
    else:
        text = subprocess.run(
            ["git", "--git-dir", str(src), "show", "HEAD:src/lib/poprank.js"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return json.loads(text[text.index("[") : text.rindex("]") + 1])


def build(src: Path, out: Path) -> None:
    """Write the gazetteer TSV (header comments name source, licence and date)."""
    rows = _read(src)
    pops: dict[str, int] = defaultdict(int)
    lines = []
    nations = {"E": ("E92000001", "England"), "W": ("W92000004", "Wales")}
    for r in rows:
        nat_id, _ = nations[r["LAD"][0]]
        region_id = nat_id if r["LAD"][0] == "W" else "region:" + _slug(r["REGION"])
        county = str(r.get("COUNTY", "0"))
        county = ADMIN_TO_CEREMONIAL.get(county, county)
        if r["LAD"].startswith("E06"):
            county = UNITARY_COUNTY[r["NAME"]]
        parent = "county:" + _slug(county) if county not in ("0", "") else region_id
        pop = int(r["POP21"])
        lines.append(
            (
                r["LAD"],
                r["NAME"],
                "local_authority",
                pop,
                parent,
                "|".join(ALIASES.get(r["NAME"], [])),
            )
        )
        if parent.startswith("county:"):
            pops[(parent, county, region_id)] += pop
        if region_id != nat_id:
            pops[(region_id, r["REGION"], nat_id)] += pop
        pops[(nat_id, nations[r["LAD"][0]][1], "uk")] += pop
    # A ceremonial county that straddles two regions (North Yorkshire, Lincolnshire) is put
    # under the region holding most of its population; its population is the whole county.
    merged: dict[tuple[str, str, str], int] = {}
    best: dict[str, tuple[int, str]] = {}
    for (pid, _name, parent), pop in pops.items():
        if pid.startswith("county:"):
            best[pid] = max(best.get(pid, (0, "")), (pop, parent))
    for (pid, name, parent), pop in pops.items():
        if pid.startswith("county:"):
            parent = best[pid][1]
        merged[(pid, name, parent)] = merged.get((pid, name, parent), 0) + pop
    for (pid, name, parent), pop in merged.items():
        kind = (
            "county"
            if pid.startswith("county:")
            else "region"
            if pid.startswith("region:")
            else "nation"
        )
        lines.append((pid, name, kind, pop, parent, "|".join(COUNTY_ALIASES.get(name, []))))
    lines.append(
        (
            "uk",
            "England and Wales (Scotland and Northern Ireland not yet included)",
            "uk",
            sum(p for (i, _, _), p in pops.items() if i in ("E92000001", "W92000004")),
            "",
            "",
        )
    )
    with out.open("w", encoding="utf-8") as fh:
        fh.write(
            f"# source: {SOURCE}\n# built: {_dt.date.today().isoformat()} by build_geography.py\n"
        )
        fh.write("# county/region/nation/uk populations are sums of their local authorities\n")
        fh.write("id\tname\tkind\tpopulation\tparent\tsource\tyear\taliases\n")
        for i, name, kind, pop, parent, aliases in lines:
            fh.write(f"{i}\t{name}\t{kind}\t{pop}\t{parent}\tONS Census 2021\t2021\t{aliases}\n")


if __name__ == "__main__":
    build(
        Path(sys.argv[1]),
        Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).with_name("uk_geography.tsv"),
    )
